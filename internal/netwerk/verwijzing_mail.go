package netwerk

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
)

// Notices of referrals by e-mail (docs/mail.md). A new referral to a partner is announced to that
// partner's users in the gemeente (partner.MedewerkerAdressen); an answer (accept, decline, report
// back) to the sender's own account. The notices are written into the outbox in the referral's own
// transaction (mail.Plaats), so a referral that rolls back mails nobody. They carry no personal data:
// no name of the resident, no BSN, no question and no reason, only the organisation, the kind of
// answer and a link to the referral page, where the recipient reads the rest after logging in.
// A referral to the gemeente is not mailed: the gemeente has no shared address in Zeker yet and sees it
// in its list.

// Mail kinds of referrals (mail.Bericht.Soort).
const (
	MailNieuw    = "netwerk.verwijzing.nieuw"
	MailAntwoord = "netwerk.verwijzing.antwoord"
)

// verwijzingPad is the page of referral id, for staff and partner users alike.
func verwijzingPad(gemeente string, id int64) string {
	return "/beheer/" + gemeente + "/verwijzingen/" + strconv.FormatInt(id, 10)
}

// slot is the end of every notice: where to read on, and why the mail says so little.
func (s *Service) slot(v Verwijzing) string {
	t := ""
	if l := mail.Link(s.basisURL, verwijzingPad(v.Gemeente, v.ID)); l != "" {
		t = "Bekijk de verwijzing in Zeker (eerst inloggen):\n" + l + "\n"
	} else {
		t = "Log in op Zeker en kies Verwijzingen om de verwijzing te bekijken.\n"
	}
	return t + "\nDit bericht bevat met opzet geen gegevens van de inwoner. U leest ze in Zeker, na het inloggen.\n" +
		"Dit is een automatisch bericht van Zeker; antwoorden op deze e-mail worden niet gelezen.\n"
}

// partnerNaam is the name of partner id, shortened to fit a subject.
func partnerNaam(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var naam string
	if err := tx.QueryRowContext(ctx, `SELECT naam FROM partner_organisatie WHERE id = $1`, id).Scan(&naam); err != nil {
		return "", fmt.Errorf("netwerk: naam van partner %s: %w", id, store.MapError(err))
	}
	if utf8.RuneCountInString(naam) > 100 {
		naam = string([]rune(naam)[:99]) + "…"
	}
	return naam, nil
}

// plaats writes b into the outbox; an address that is not valid is skipped with a warning (the
// referral must not fail on a user's stored address), any other error rolls the referral back.
func plaats(ctx context.Context, tx *sql.Tx, b mail.Bericht) error {
	if _, err := mail.Plaats(ctx, tx, b); err != nil {
		if errors.Is(err, errs.Invalid) {
			slog.WarnContext(ctx, "netwerk: melding niet in de outbox gezet", "soort", b.Soort, "gemeente", b.Gemeente,
				"domein_ontvanger", mail.Domein(b.Aan), "fout", err)
			return nil
		}
		return err
	}
	return nil
}

// meldNieuw announces new referral v to the receiving partner's users.
func (s *Service) meldNieuw(ctx context.Context, tx *sql.Tx, v Verwijzing) error {
	if v.Richting != NaarPartner {
		return nil
	}
	adressen, err := partner.MedewerkerAdressen(ctx, tx, v.PartnerID, v.Gemeente)
	if err != nil || len(adressen) == 0 {
		return err
	}
	naam, err := partnerNaam(ctx, tx, v.PartnerID)
	if err != nil {
		return err
	}
	tekst := "Er is een nieuwe verwijzing voor " + naam + " in Zeker.\n\n" + s.slot(v)
	for _, a := range adressen {
		if err := plaats(ctx, tx, mail.Bericht{Gemeente: v.Gemeente, Soort: MailNieuw, Aan: a,
			Onderwerp: "Nieuwe verwijzing voor " + naam + " in Zeker", Tekst: tekst}); err != nil {
			return err
		}
	}
	return nil
}

// meldAntwoord tells the sender of v that the receiver answered st.
func (s *Service) meldAntwoord(ctx context.Context, tx *sql.Tx, v Verwijzing, st VStatus) error {
	var adres string
	err := tx.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1 AND active = TRUE`, v.Door).Scan(&adres)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // the sender's account is gone or blocked: nobody to tell
	}
	if err != nil {
		return fmt.Errorf("netwerk: adres van de verwijzer: %w", store.MapError(err))
	}
	wie := "De gemeente"
	if v.Richting == NaarPartner {
		if wie, err = partnerNaam(ctx, tx, v.PartnerID); err != nil {
			return err
		}
	}
	tekst := wie + " heeft een verwijzing beantwoord: " + VStatusNaam(st) + ".\n\n" + s.slot(v)
	return plaats(ctx, tx, mail.Bericht{Gemeente: v.Gemeente, Soort: MailAntwoord, Aan: adres,
		Onderwerp: "Antwoord op een verwijzing in Zeker: " + VStatusNaam(st), Tekst: tekst})
}
