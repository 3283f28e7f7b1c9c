package aanvragen

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/store"
)

// Mail to the applicant (docs/aanvragen.md "Mail", docs/mail.md). Only when an address was given with the
// application or later on the status page. The first mail carries the reference and the secret code — the
// one exception of the privacy rule: the resident's own code, to the address the resident gave. Every
// later mail is a notice without content: no name, amount, regeling, reason or letter, only that there
// is something to read on the status page with the reference and the code. Each is written into the
// outbox in the transaction of the change that causes it (mail.Plaats), so a change that rolls back mails
// nobody.

// Mail kinds (mail.Bericht.Soort).
const (
	MailCode        = "aanvragen.code"        // the reference and the code, once, when the application is made
	MailHerstel     = "aanvragen.herstel"     // the case worker asks for a document (hersteltermijn)
	MailBesluit     = "aanvragen.besluit"     // a decision is made (once per decision moment)
	MailIngetrokken = "aanvragen.ingetrokken" // the withdrawal is confirmed
)

// StatusPad is the resident's status page; the code is never in its URL.
const StatusPad = "/aanvragen/status"

// MaxEmail bounds the address (mail.MaxAdres).
const MaxEmail = mail.MaxAdres

// controleerEmail trims an optional address and checks it: "" is no address; else mail.GeldigAdres.
func controleerEmail(e string) (string, error) {
	e = strings.TrimSpace(e)
	if e == "" {
		return "", nil
	}
	if reden := mail.GeldigAdres(e); reden != "" {
		return "", ongeldig("email", reden)
	}
	return e, nil
}

// statusRegel is where to read on: the link to the status page (without the code), or its path.
func (s *Service) statusRegel() string {
	if l := mail.Link(s.basisURL, StatusPad); l != "" {
		return l
	}
	return "de website van de gemeente, onder Aanvragen > Hoe staat mijn aanvraag ervoor?"
}

const slotMail = "\nDit bericht is automatisch verstuurd. U kunt er niet op antwoorden.\n\nMet vriendelijke groet,\nDe gemeente\n"

// codeMail is the first mail: the reference, the code, the status page and what happens next.
func (s *Service) codeMail(gm, aan, ref, code string, dl Deadline, via bool) mail.Bericht {
	var b strings.Builder
	b.WriteString("Beste inwoner,\n\n")
	if via {
		b.WriteString("Iemand van een hulporganisatie heeft voor u een aanvraag gedaan bij de gemeente, met uw toestemming.\n\n")
	} else {
		b.WriteString("Wij hebben uw aanvraag ontvangen.\n\n")
	}
	b.WriteString("Uw kenmerk: " + ref + "\n")
	b.WriteString("Uw code:    " + code + "\n\n")
	b.WriteString("Bewaar deze e-mail goed. Geef de code aan niemand anders. Met het kenmerk en de code ziet u hoe het met uw aanvraag gaat.\n\n")
	b.WriteString("Kijk op: " + s.statusRegel() + "\n")
	b.WriteString("Vul daar het kenmerk en de code in.\n\n")
	b.WriteString("Wat gebeurt er nu?\n")
	b.WriteString("- Een medewerker van de gemeente bekijkt uw aanvraag.\n")
	b.WriteString("- Mist er nog iets? Dan krijgt u daarover een bericht. U stuurt het dan via de pagina hierboven.\n")
	if !dl.Datum.IsZero() {
		b.WriteString("- U hoort uiterlijk op " + brief.DatumNL(dl.Datum) + " wat wij besluiten.\n")
	}
	b.WriteString("- Is er een besluit? Dan krijgt u een bericht, en leest u de brief op de pagina hierboven.\n")
	b.WriteString(slotMail)
	return mail.Bericht{Gemeente: gm, Soort: MailCode, Aan: aan, Onderwerp: "Uw aanvraag bij de gemeente: uw kenmerk en code", Tekst: b.String()}
}

// melding is a notice without content of kind soort.
func (s *Service) melding(gm, aan, soort string) mail.Bericht {
	plek := s.statusRegel()
	var onderwerp, kern string
	switch soort {
	case MailHerstel:
		onderwerp = "De gemeente vraagt u nog iets te sturen"
		kern = "De gemeente vraagt u nog iets te sturen. Kijk op " + plek + " met uw kenmerk en code.\n"
	case MailBesluit:
		onderwerp = "Er is een besluit over uw aanvraag"
		kern = "Er is een besluit over uw aanvraag. U leest de brief op " + plek + " met uw kenmerk en code.\n"
	case MailIngetrokken:
		onderwerp = "Uw aanvraag is ingetrokken"
		kern = "U heeft uw aanvraag ingetrokken. Dat hebben wij verwerkt. U ziet het op " + plek + " met uw kenmerk en code.\n" +
			"Heeft u dit niet zelf gedaan? Neem dan contact op met de gemeente.\n"
	}
	tekst := "Beste inwoner,\n\n" + kern + "\nIn deze e-mail staan met opzet geen gegevens over uw aanvraag. U leest alles op de pagina, met uw kenmerk en code.\n" + slotMail
	return mail.Bericht{Gemeente: gm, Soort: soort, Aan: aan, Onderwerp: onderwerp, Tekst: tekst}
}

// meld writes the notice soort for application id into the outbox when it has an address. A stored
// address that the mail package refuses (it was checked when given) is skipped with a warning: the
// case worker's change must not fail on it.
func (s *Service) meld(ctx context.Context, tx *sql.Tx, gm string, id int64, soort string) error {
	var aan string
	if err := tx.QueryRowContext(ctx, `SELECT email FROM aanvragen_aanvraag WHERE gemeente = $1 AND id = $2`, gm, id).Scan(&aan); err != nil {
		return store.MapError(err)
	}
	if aan == "" {
		return nil
	}
	b := s.melding(gm, aan, soort)
	if _, err := mail.Plaats(ctx, tx, b); err != nil {
		if errors.Is(err, errs.Invalid) {
			slog.WarnContext(ctx, "aanvragen: melding niet in de outbox gezet", "soort", soort, "gemeente", gm,
				"domein_ontvanger", mail.Domein(aan), "fout", err)
			return nil
		}
		return err
	}
	return nil
}

// WijzigEmail sets, changes or (with "") removes the address of the application of ref for the holder
// of its code, with an audit row. A bad address is ongeldig "email" and changes nothing.
func (s *Service) WijzigEmail(ctx context.Context, ref, code, email string) (*Inzage, error) {
	email, err := controleerEmail(email)
	if err != nil {
		return nil, err
	}
	var out *Inzage
	var fout error
	err = s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		gm, id, err := s.controleerCode(ctx, tx, ref, code)
		if err != nil {
			fout = err
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET email = $1 WHERE gemeente = $2 AND id = $3`, email, gm, id); err != nil {
			return store.MapError(err)
		}
		if out, err = leesInzage(ctx, tx, gm, id); err != nil {
			return err
		}
		return s.schrijf(ctx, tx, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.email.wijzigen", Actie: audit.Wijzigen,
			SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10), Actor: inwoner})
	})
	if err != nil {
		return nil, err
	}
	if fout != nil {
		return nil, fout
	}
	return out, nil
}
