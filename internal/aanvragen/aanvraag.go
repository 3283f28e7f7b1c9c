package aanvragen

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// Status is where an application is.
type Status string

// The statuses of the inbox.
const (
	Nieuw       Status = "nieuw"        // received, not yet linked to the register
	Ontbreekt   Status = "ontbreekt"    // a document is still missing
	TeBeslissen Status = "te_beslissen" // linked and complete: ready for a decision
	Besloten    Status = "besloten"     // every regeling decided; the letter is made
)

// Statussen lists the statuses in the order of the inbox.
func Statussen() []Status { return []Status{Nieuw, Ontbreekt, TeBeslissen, Besloten} }

// Geldig reports whether st is a known status.
func (st Status) Geldig() bool { return slices.Contains(Statussen(), st) }

// Naam is the status in Dutch.
func (st Status) Naam() string {
	switch st {
	case Nieuw:
		return "Nieuw"
	case Ontbreekt:
		return "Document ontbreekt"
	case TeBeslissen:
		return "Te beslissen"
	case Besloten:
		return "Besloten"
	}
	return string(st)
}

// Antwoord is one answer of the check, in words, for the case worker.
type Antwoord struct{ Vraag, Antwoord string }

// Keuze is a regeling a resident may apply for, with the check's outcome.
type Keuze struct {
	ID, Naam string
	Oordeel  regels.Oordeel
	Bedrag   string // the amount as the engine gives it in words, "" when unknown
	Uitkomst regels.Uitkomst
}

// Evalueer evaluates household h of its gemeente on datum, with the trace in language taal.
func (s *Service) Evalueer(h *huishouden.Huishouden, datum time.Time, taal string) (*regels.Resultaat, error) {
	if err := h.Valideer(datum); err != nil {
		return nil, ongeldig("huishouden", err.Error())
	}
	return s.cat.EvalueerMet(h, datum, regels.Weergave{Taal: taal})
}

func (s *Service) peildatum() time.Time {
	v := s.Vandaag()
	return time.Date(v.Jaar(), v.Maand(), v.Dag(), 0, 0, 0, 0, time.UTC)
}

// Keuzes lists the gemeente's own regelingen that household h may apply for today: those the check
// says ✔ or ?, without the ones applied for only through an intermediary.
func (s *Service) Keuzes(h *huishouden.Huishouden, taal string) ([]Keuze, error) {
	return s.keuzes(h, taal, false)
}

// KeuzesViaIntermediair is Keuzes for an intermediary: the regelingen applied for only through an
// intermediary (Jeugdfonds, Volwassenenfonds) are included.
func (s *Service) KeuzesViaIntermediair(h *huishouden.Huishouden, taal string) ([]Keuze, error) {
	return s.keuzes(h, taal, true)
}

func (s *Service) keuzes(h *huishouden.Huishouden, taal string, via bool) ([]Keuze, error) {
	res, err := s.Evalueer(h, s.peildatum(), taal)
	if err != nil {
		return nil, err
	}
	var out []Keuze
	for _, u := range res.Regelingen {
		if u.Oordeel == regels.GeenRecht || (u.Aanvragen.AlleenViaIntermediair && !via) {
			continue
		}
		k := Keuze{ID: u.ID, Naam: u.Naam, Oordeel: u.Oordeel, Uitkomst: u}
		if u.Bedrag != nil {
			k.Bedrag = u.Bedrag.Kort()
		}
		out = append(out, k)
	}
	return out, nil
}

// NieuweAanvraag is what a resident sends to apply.
type NieuweAanvraag struct {
	Gemeente   string
	Formulier  string // the id of the form, so a form sent twice makes one application
	Huishouden *huishouden.Huishouden
	Antwoorden []Antwoord
	Regelingen []string // ids of the chosen regelingen
	Taal       string
	Bestanden  []Bestand
	// Intermediair, when set, applies for the client; the client's consent must be recorded.
	Intermediair *Intermediair
	// Email is the optional address to mail the code and later notices to ("" none); for an
	// intermediary's application the client's address, when the intermediary gives it (the consent
	// covers it). Checked with mail.GeldigAdres: ongeldig "email".
	Email string
}

// Intermediair is who applies for a client, and when the client consented.
type Intermediair struct {
	Naam, Organisatie string
	GebruikerID       int64     // the logged-in user with the role intermediair, 0 when not logged in
	PartnerID         string    // the partner whose user GebruikerID is (docs/partner.md), "" when none
	Toestemming       time.Time // when the client's consent was recorded; required
}

// MaxNaam bounds a name or organisation.
const MaxNaam = 200

func (i *Intermediair) controleer() error {
	i.Naam, i.Organisatie = strings.TrimSpace(i.Naam), strings.TrimSpace(i.Organisatie)
	switch {
	case i.Naam == "":
		return ongeldig("intermediair-naam", "Schrijf uw naam.")
	case i.Organisatie == "":
		return ongeldig("intermediair-organisatie", "Schrijf de naam van uw organisatie.")
	case len(i.Naam) > MaxNaam || len(i.Organisatie) > MaxNaam:
		return ongeldig("intermediair-naam", "Een naam is hoogstens 200 tekens.")
	case i.Toestemming.IsZero():
		return ongeldig("toestemming", "Vraag eerst toestemming aan uw cliënt, en vink dat aan.")
	}
	return nil
}

// Aangemaakt is the new application: its reference and, once, its code.
type Aangemaakt struct {
	ID         int64
	Referentie string
	Code       string // "" when the form had been sent before (Bestond): the code was shown then
	Bestond    bool
	Deadline   Deadline
	Nodig      []Nodig
	Ontbreekt  []DocSoort
}

// Deadline is a stored decision deadline with how it was found.
type Deadline struct {
	Datum  datum.Datum
	Uitleg string
}

// Start stores a new application with its regelingen, the documents it needs and the files sent with
// it, in one transaction: nothing is stored when anything is wrong.
func (s *Service) Start(ctx context.Context, n NieuweAanvraag) (*Aangemaakt, error) {
	if n.Huishouden == nil || n.Huishouden.Gemeente != n.Gemeente {
		return nil, ongeldig("huishouden", "De antwoorden horen niet bij deze gemeente.")
	}
	if len(n.Formulier) < 16 || len(n.Formulier) > 128 {
		return nil, ongeldig("formulier", "Het formulier is niet compleet. Begin opnieuw vanaf de uitslag.")
	}
	if len(n.Regelingen) == 0 {
		return nil, ongeldig("regeling", "Kies minstens één regeling.")
	}
	if len(n.Bestanden) > MaxPerVerzoek {
		return nil, fmt.Errorf("%w: hoogstens %d tegelijk", ErrTeVeelBestand, MaxPerVerzoek)
	}
	for i := range n.Bestanden {
		if err := ControleerBestand(&n.Bestanden[i]); err != nil {
			return nil, err
		}
		if d := DocSoort(n.Bestanden[i].Soort); d != "" && !d.Geldig() {
			return nil, ongeldig("soort", "Onbekend soort document.")
		}
	}
	if n.Intermediair != nil {
		if err := n.Intermediair.controleer(); err != nil {
			return nil, err
		}
	}
	email, err := controleerEmail(n.Email)
	if err != nil {
		return nil, err
	}
	if err := s.scan(ctx, n.Bestanden); err != nil {
		s.meldVirusBijStart(ctx, n.Gemeente, err)
		return nil, err
	}
	keuzes, err := s.keuzes(n.Huishouden, "nl", n.Intermediair != nil)
	if err != nil {
		return nil, err
	}
	var gekozen []Keuze
	var uitkomsten []regels.Uitkomst
	for _, id := range n.Regelingen {
		i := slices.IndexFunc(keuzes, func(k Keuze) bool { return k.ID == id })
		if i < 0 {
			return nil, ongeldig("regeling", "Deze regeling kunt u hier niet (meer) aanvragen. Doe de check opnieuw.")
		}
		if slices.ContainsFunc(gekozen, func(k Keuze) bool { return k.ID == id }) {
			continue
		}
		gekozen = append(gekozen, keuzes[i])
		uitkomsten = append(uitkomsten, keuzes[i].Uitkomst)
	}
	nodig, err := s.Nodig(ctx, n.Gemeente, uitkomsten)
	if err != nil {
		return nil, err
	}
	hj, err := jsonHuishouden(n.Huishouden)
	if err != nil {
		return nil, err
	}
	aj, err := json.Marshal(n.Antwoorden)
	if err != nil {
		return nil, fmt.Errorf("aanvragen: antwoorden: %w", err)
	}
	code, err := NieuweCode()
	if err != nil {
		return nil, err
	}
	raw, _ := ParseCode(code)
	nu := s.klok().UTC().Truncate(time.Microsecond)
	vandaag := datum.Van(nu, s.zone)
	taal := n.Taal
	if taal == "" {
		taal = "nl"
	}
	out := &Aangemaakt{Code: code, Nodig: nodig}
	ctx, opruimen := s.metGeschreven(ctx)
	err = s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		var bestaand int64
		var ref string
		err := tx.QueryRowContext(ctx, `SELECT id, referentie FROM aanvragen_aanvraag WHERE gemeente = $1 AND formulier = $2`, n.Gemeente, n.Formulier).Scan(&bestaand, &ref)
		if err == nil {
			*out = Aangemaakt{ID: bestaand, Referentie: ref, Bestond: true, Nodig: nodig}
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return store.MapError(err)
		}
		in, err := leesInstellingen(ctx, tx, n.Gemeente)
		if err != nil {
			return err
		}
		dl, err := termijn.Bereken(vandaag, in.Beslistermijn)
		if err != nil {
			return err
		}
		uitleg := in.Beslistermijn.String() + " na ontvangst (" + ArtikelBeslis + ")"
		if in.Bron != "" {
			uitleg = in.Beslistermijn.String() + " na ontvangst (" + in.Bron + ")"
		}
		basisUitleg, atw := uitleg, 0
		if atwVan(in.Beslistermijn) {
			atw = 1
		}
		if dl.Verlenging != "" {
			uitleg += "; " + dl.Verlenging
		}
		out.Deadline = Deadline{Datum: dl.Einde, Uitleg: uitleg}
		for range 5 {
			if out.Referentie, err = nieuweReferentie(); err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM aanvragen_aanvraag WHERE referentie = $1`, out.Referentie).Scan(&n); err != nil {
				return store.MapError(err)
			}
			if n == 0 {
				break
			}
		}
		var im Intermediair
		var toestemming any
		if n.Intermediair != nil {
			im, toestemming = *n.Intermediair, n.Intermediair.Toestemming.UTC().Truncate(time.Microsecond)
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO aanvragen_aanvraag (gemeente, referentie, code_hash, formulier, status, ontvangen, ontvangen_dag,
			deadline, deadline_uitleg, woonplaats, taal, huishouden, antwoorden, intermediair_naam, intermediair_organisatie, intermediair_gebruiker, toestemming,
			deadline_basis, deadline_basis_uitleg, deadline_atw, intermediair_partner, email)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
			n.Gemeente, out.Referentie, codeHash(raw), n.Formulier, string(Nieuw), nu, vandaag.String(), dl.Einde.String(), uitleg,
			n.Huishouden.Woonplaats, taal, hj, string(aj), im.Naam, im.Organisatie, im.GebruikerID, toestemming,
			dl.Onverlengd.String(), basisUitleg, atw, nulTekst(im.PartnerID), email).Scan(&out.ID)
		if err != nil {
			return store.MapError(err)
		}
		for _, k := range gekozen {
			var bedrag any
			if k.Uitkomst.Bedrag != nil {
				bedrag = int64(*k.Uitkomst.Bedrag)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO aanvragen_regeling (gemeente, aanvraag_id, regeling, naam, oordeel_bij_aanvraag, status, deadline, bedrag_engine_cent, periode)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, n.Gemeente, out.ID, k.ID, k.Naam, k.Oordeel.String(), string(Nieuw), dl.Einde.String(), bedrag, string(k.Uitkomst.Periode)); err != nil {
				return store.MapError(err)
			}
		}
		for _, d := range nodig {
			if _, err := tx.ExecContext(ctx, `INSERT INTO aanvragen_gevraagd (gemeente, aanvraag_id, soort, omschrijving, gevraagd, door) VALUES ($1, $2, $3, $4, $5, '')`,
				n.Gemeente, out.ID, string(d.Soort), "Nodig voor: "+strings.Join(d.Regelingen, ", "), nu); err != nil {
				return store.MapError(err)
			}
		}
		for _, b := range n.Bestanden {
			if err := s.bewaarDocument(ctx, tx, n.Gemeente, out.ID, b, nu); err != nil {
				return err
			}
		}
		if _, err := s.herbereken(ctx, tx, n.Gemeente, out.ID); err != nil {
			return err
		}
		out.Ontbreekt, err = ontbrekend(ctx, tx, n.Gemeente, out.ID)
		if err != nil {
			return err
		}
		if email != "" { // the code, once, in the same transaction (docs/aanvragen.md "Mail")
			if _, err := mail.Plaats(ctx, tx, s.codeMail(n.Gemeente, email, out.Referentie, code, out.Deadline, n.Intermediair != nil)); err != nil {
				return err
			}
		}
		return s.schrijf(ctx, tx, audit.Verwerking{Gemeente: n.Gemeente, Operatie: "aanvraag.indienen", Actie: audit.Aanmaken,
			SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(out.ID, 10), Object: "aanvraag/" + strconv.FormatInt(out.ID, 10), Actor: inwoner})
	})
	opruimen(err)
	if err != nil {
		return nil, err
	}
	if out.Bestond {
		out.Code = ""
	}
	return out, nil
}

// bewaarDocument stores a checked document and answers the open request of its kind (or the first open
// request when it names none).
func (s *Service) bewaarDocument(ctx context.Context, tx *sql.Tx, gm string, id int64, b Bestand, nu time.Time) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM aanvragen_document WHERE gemeente = $1 AND aanvraag_id = $2`, gm, id).Scan(&n); err != nil {
		return store.MapError(err)
	}
	if n >= MaxDocumenten {
		return fmt.Errorf("%w: een aanvraag heeft hoogstens %d documenten", ErrTeVeelBestand, MaxDocumenten)
	}
	opslag, bestand, hash, kolom, err := s.schrijfInhoud(ctx, gm, b.Inhoud)
	if err != nil {
		return err
	}
	var doc int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO aanvragen_document (gemeente, aanvraag_id, soort, naam, mime, grootte, inhoud, ontvangen, opslag, bestand, hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`, gm, id, b.Soort, b.Naam, b.Mime, len(b.Inhoud), kolom, nu, opslag, bestand, hash).Scan(&doc); err != nil {
		return store.MapError(err)
	}
	q := `SELECT id FROM aanvragen_gevraagd WHERE gemeente = $1 AND aanvraag_id = $2 AND document_id = 0`
	args := []any{gm, id}
	if b.Soort != "" {
		q += ` AND soort = $3`
		args = append(args, b.Soort)
	}
	var g int64
	err = tx.QueryRowContext(ctx, q+` ORDER BY id LIMIT 1`, args...).Scan(&g)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return store.MapError(err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE aanvragen_gevraagd SET document_id = $1, ontvangen_dag = $2 WHERE gemeente = $3 AND id = $4`,
		doc, datum.Van(nu, s.zone).String(), gm, g)
	return store.MapError(err)
}

// ontbrekend lists the kinds of the requests still open.
func ontbrekend(ctx context.Context, tx *sql.Tx, gm string, id int64) ([]DocSoort, error) {
	rows, err := tx.QueryContext(ctx, `SELECT soort FROM aanvragen_gevraagd WHERE gemeente = $1 AND aanvraag_id = $2 AND document_id = 0 ORDER BY id`, gm, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	defer rows.Close()
	var out []DocSoort
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, store.MapError(err)
		}
		out = append(out, DocSoort(d))
	}
	return out, store.MapError(rows.Err())
}

// herbereken sets the status from what is there (every regeling decided: besloten; a request open:
// ontbreekt; linked: te beslissen; else nieuw), copies it and the village to the regelingen and raises
// the version.
func (s *Service) herbereken(ctx context.Context, tx *sql.Tx, gm string, id int64) (Status, error) {
	var reg string
	var open, mist int
	err := tx.QueryRowContext(ctx, `SELECT register_id,
		(SELECT COUNT(*) FROM aanvragen_regeling r WHERE r.aanvraag_id = a.id AND r.besluit = ''),
		(SELECT COUNT(*) FROM aanvragen_gevraagd g WHERE g.gemeente = a.gemeente AND g.aanvraag_id = a.id AND g.document_id = 0)
		FROM aanvragen_aanvraag a WHERE a.gemeente = $1 AND a.id = $2`, gm, id).Scan(&reg, &open, &mist)
	if err != nil {
		return "", store.MapError(err)
	}
	st := Nieuw
	switch {
	case open == 0:
		st = Besloten
	case mist > 0:
		st = Ontbreekt
	case reg != "":
		st = TeBeslissen
	}
	if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET status = $1, versie = versie + 1 WHERE gemeente = $2 AND id = $3`, string(st), gm, id); err != nil {
		return "", store.MapError(err)
	}
	if st != Besloten {
		if err := s.herberekenDeadline(ctx, tx, gm, id); err != nil {
			return "", err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_regeling SET status = $1,
		woonplaats = (SELECT a.woonplaats FROM aanvragen_aanvraag a WHERE a.gemeente = $2 AND a.id = $3) WHERE gemeente = $2 AND aanvraag_id = $3`, string(st), gm, id); err != nil {
		return "", store.MapError(err)
	}
	return st, nil
}

func jsonHuishouden(h *huishouden.Huishouden) (string, error) {
	b, err := json.Marshal(h)
	if err != nil {
		return "", fmt.Errorf("aanvragen: huishouden: %w", err)
	}
	return string(b), nil
}

// nulTekst is s for a nullable column: NULL when empty.
func nulTekst(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// VerhuisPartner is the partner.Verhuizer of applications: those made by a user of partner van now name naar.
func VerhuisPartner(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error) {
	res, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET intermediair_partner = $2 WHERE intermediair_partner = $1`, van, naar)
	if err != nil {
		return 0, fmt.Errorf("aanvragen: partner verhuizen: %w", store.MapError(err))
	}
	return res.RowsAffected()
}
