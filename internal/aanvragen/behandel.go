package aanvragen

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"github.com/zeker-platform/zeker/internal/datum"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/bsn"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
)

// Medewerker is the case worker who acts.
type Medewerker struct {
	ID   int64
	Naam string
}

// Aanvraag is one application as the case worker sees it.
type Aanvraag struct {
	ID            int64
	Gemeente      string
	Referentie    string
	Status        Status
	Ontvangen     time.Time
	Deadline      Deadline
	Woonplaats    string
	Taal          string
	Huishouden    huishouden.Huishouden
	Antwoorden    []Antwoord
	RegisterID    string
	GekoppeldDoor string
	BeslotenOp    datum.Datum
	Versie        int
	Regelingen    []Regeling
	Gevraagd      []Gevraagd
	Documenten    []DocumentInfo
	Notities      []Notitie
	Brieven       []int64
	// Intermediair applied for the client (nil: the resident themselves).
	Intermediair *Intermediair
	// Kanaal: KanaalInwoner, or KanaalAmbtshalve with the scan's proposal VoorstelID.
	Kanaal     string
	VoorstelID int64
}

// Regeling is one regeling of an application with its decision.
type Regeling struct {
	RegelingStand
	OordeelBijAanvraag string
	BedragEngineCent   *int64
	Ingang, Einde      datum.Datum
	RedenWijziging     string
	Motivering         string
	BeslotenOp         datum.Datum
	BeslotenDoor       string
	VoorgesteldDoor    string
	VoorgesteldDoorID  int64
}

// Gevraagd is a document the application needs.
type Gevraagd struct {
	ID           int64
	Soort        DocSoort
	Omschrijving string
	Gevraagd     time.Time
	Door         string      // "" = asked by the engine's open criteria at the start
	DocumentID   int64       // 0 = not yet received
	HerstelTot   datum.Datum // the last day of the hersteltermijn (Awb 4:5); zero when none was set
}

// Notitie is a case worker's note.
type Notitie struct {
	Tekst, Door string
	Op          time.Time
}

// Aanvraag reads application id of gemeente, logged as a read.
func (s *Service) Aanvraag(ctx context.Context, gemeente string, id int64) (*Aanvraag, error) {
	var a *Aanvraag
	err := s.sdb.ReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = leesAanvraag(ctx, tx, gemeente, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gemeente, Operatie: "aanvraag.bekijken", Actie: audit.Lezen,
		SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10)}); err != nil {
		return nil, err
	}
	return a, nil
}

func leesAanvraag(ctx context.Context, tx *sql.Tx, gm string, id int64) (*Aanvraag, error) {
	a := &Aanvraag{ID: id, Gemeente: gm}
	var st, dl, hj, aj, besloten string
	var im Intermediair
	var toestemming sql.NullTime
	var partnerID sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT referentie, status, ontvangen, deadline, deadline_uitleg, woonplaats, taal, huishouden, antwoorden,
		register_id, gekoppeld_door, besloten_op, versie, intermediair_naam, intermediair_organisatie, intermediair_gebruiker, toestemming,
		kanaal, voorstel_id, intermediair_partner FROM aanvragen_aanvraag WHERE gemeente = $1 AND id = $2`, gm, id).
		Scan(&a.Referentie, &st, &a.Ontvangen, &dl, &a.Deadline.Uitleg, &a.Woonplaats, &a.Taal, &hj, &aj, &a.RegisterID, &a.GekoppeldDoor, &besloten, &a.Versie,
			&im.Naam, &im.Organisatie, &im.GebruikerID, &toestemming, &a.Kanaal, &a.VoorstelID, &partnerID)
	im.PartnerID = partnerID.String
	if err != nil {
		return nil, store.MapError(err)
	}
	if toestemming.Valid {
		im.Toestemming = toestemming.Time
		a.Intermediair = &im
	}
	a.Status, a.Deadline.Datum, a.BeslotenOp = Status(st), leesDatum(dl), leesDatum(besloten)
	if err := json.Unmarshal([]byte(hj), &a.Huishouden); err != nil {
		return nil, err
	}
	if aj != "" {
		_ = json.Unmarshal([]byte(aj), &a.Antwoorden) // the answers are shown only; a damaged list shows none
	}
	rows, err := tx.QueryContext(ctx, `SELECT regeling, naam, besluit, bedrag_cent, periode, oordeel_bij_aanvraag, bedrag_engine_cent, ingang, einde,
		reden_wijziging, motivering, besloten_op, besloten_door, voorgesteld_door, voorgesteld_door_id
		FROM aanvragen_regeling WHERE gemeente = $1 AND aanvraag_id = $2 ORDER BY id`, gm, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	for rows.Next() {
		var r Regeling
		var b, be sql.NullInt64
		var ing, ein, op string
		if err := rows.Scan(&r.ID, &r.Naam, &r.Besluit, &b, &r.Periode, &r.OordeelBijAanvraag, &be, &ing, &ein, &r.RedenWijziging, &r.Motivering,
			&op, &r.BeslotenDoor, &r.VoorgesteldDoor, &r.VoorgesteldDoorID); err != nil {
			rows.Close()
			return nil, store.MapError(err)
		}
		if b.Valid {
			r.BedragCent = &b.Int64
		}
		if be.Valid {
			r.BedragEngineCent = &be.Int64
		}
		r.Ingang, r.Einde, r.BeslotenOp = leesDatum(ing), leesDatum(ein), leesDatum(op)
		a.Regelingen = append(a.Regelingen, r)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT id, soort, omschrijving, gevraagd, door, document_id, herstel_tot FROM aanvragen_gevraagd WHERE gemeente = $1 AND aanvraag_id = $2 ORDER BY id`, gm, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	for rows.Next() {
		var g Gevraagd
		var soort, herstel string
		if err := rows.Scan(&g.ID, &soort, &g.Omschrijving, &g.Gevraagd, &g.Door, &g.DocumentID, &herstel); err != nil {
			rows.Close()
			return nil, store.MapError(err)
		}
		g.Soort, g.HerstelTot = DocSoort(soort), leesDatum(herstel)
		a.Gevraagd = append(a.Gevraagd, g)
	}
	rows.Close()
	if a.Documenten, err = documenten(ctx, tx, gm, id); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT tekst, door, op FROM aanvragen_notitie WHERE gemeente = $1 AND aanvraag_id = $2 ORDER BY id`, gm, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	for rows.Next() {
		var n Notitie
		if err := rows.Scan(&n.Tekst, &n.Door, &n.Op); err != nil {
			rows.Close()
			return nil, store.MapError(err)
		}
		a.Notities = append(a.Notities, n)
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT id FROM aanvragen_brief WHERE gemeente = $1 AND aanvraag_id = $2 ORDER BY id`, gm, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var b int64
		if err := rows.Scan(&b); err != nil {
			return nil, store.MapError(err)
		}
		a.Brieven = append(a.Brieven, b)
	}
	return a, store.MapError(rows.Err())
}

// Beoordeling evaluates the chosen regelingen of a again on datum (the decision date), with the trace
// in Dutch: the engine's outcome per criterion, in the order of a.Regelingen. A regeling that is no
// longer in the pack of that date has no outcome (ok false).
func (s *Service) Beoordeling(a *Aanvraag, datum datum.Datum) (map[string]regels.Uitkomst, error) {
	h := a.Huishouden
	res, err := s.Evalueer(&h, time.Date(datum.Jaar(), datum.Maand(), datum.Dag(), 0, 0, 0, 0, time.UTC), "nl")
	if err != nil {
		return nil, err
	}
	out := map[string]regels.Uitkomst{}
	for _, u := range res.Regelingen {
		out[u.ID] = u
	}
	return out, nil
}

// Document returns a stored document of application id.
func (s *Service) Document(ctx context.Context, gemeente string, id, doc int64) (DocumentInfo, []byte, error) {
	var d DocumentInfo
	var kolom []byte
	var soort, opslag, bestand, hash string
	err := s.db.QueryRowContext(ctx, `SELECT id, soort, naam, mime, grootte, ontvangen, inhoud, opslag, bestand, hash FROM aanvragen_document WHERE gemeente = $1 AND aanvraag_id = $2 AND id = $3`,
		gemeente, id, doc).Scan(&d.ID, &soort, &d.Naam, &d.Mime, &d.Grootte, &d.Ontvangen, &kolom, &opslag, &bestand, &hash)
	if err != nil {
		return d, nil, store.MapError(err)
	}
	d.Soort = DocSoort(soort)
	inhoud, err := s.leesInhoud(gemeente, opslag, bestand, hash, kolom)
	if err != nil {
		s.documentWeg(ctx, gemeente, id, doc, err)
		return d, nil, err
	}
	if err := s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gemeente, Operatie: "aanvraag.document.bekijken", Actie: audit.Lezen,
		SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10) + "/document/" + strconv.FormatInt(doc, 10)}); err != nil {
		return d, nil, err
	}
	return d, inhoud, nil
}

// Brief returns a stored letter of application id.
func (s *Service) Brief(ctx context.Context, gemeente string, id, brief int64) (string, error) {
	var html string
	err := s.db.QueryRowContext(ctx, `SELECT html FROM aanvragen_brief WHERE gemeente = $1 AND aanvraag_id = $2 AND id = $3`, gemeente, id, brief).Scan(&html)
	return html, store.MapError(err)
}

// MaxNotitie bounds a note.
const MaxNotitie = 4000

// wijzig runs fn on application id when versie is its stored version, then recomputes the status and
// logs the change.
func (s *Service) wijzig(ctx context.Context, gm string, id int64, versie int, operatie string, fn func(tx *sql.Tx, a *Aanvraag) error) error {
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		a, err := leesAanvraag(ctx, tx, gm, id)
		if err != nil {
			return err
		}
		if a.Versie != versie {
			return ErrVerouderd
		}
		if err := fn(tx, a); err != nil {
			return err
		}
		if _, err := s.herbereken(ctx, tx, gm, id); err != nil {
			return err
		}
		return s.schrijf(ctx, tx, audit.Verwerking{Gemeente: gm, Operatie: operatie, Actie: audit.Wijzigen,
			SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10)})
	})
}

// Notitie adds a note.
func (s *Service) Notitie(ctx context.Context, gm string, id int64, versie int, tekst string, m Medewerker) error {
	tekst = strings.TrimSpace(tekst)
	if tekst == "" {
		return ongeldig("notitie", "Schrijf een notitie.")
	}
	if utf8.RuneCountInString(tekst) > MaxNotitie {
		return ongeldig("notitie", "Een notitie is hoogstens 4000 tekens.")
	}
	return s.wijzig(ctx, gm, id, versie, "aanvraag.notitie", func(tx *sql.Tx, a *Aanvraag) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO aanvragen_notitie (gemeente, aanvraag_id, tekst, door, op) VALUES ($1, $2, $3, $4, $5)`,
			gm, id, tekst, m.Naam, s.klok().UTC().Truncate(time.Microsecond))
		return store.MapError(err)
	})
}

// VraagDocument asks the resident for a missing document by the last day of the hersteltermijn (Awb
// 4:5); the application waits for it (status ontbreekt) and the resident's status page shows it with
// that day. After it has passed without the document the application may be decided buiten
// behandeling.
func (s *Service) VraagDocument(ctx context.Context, gm string, id int64, versie int, soort DocSoort, omschrijving string, herstelTot datum.Datum, m Medewerker) error {
	if !soort.Geldig() {
		return ongeldig("soort", "Kies een soort document uit de lijst.")
	}
	if herstelTot.IsZero() || !herstelTot.Na(s.Vandaag()) {
		return ongeldig("hersteltermijn", "Kies de laatste dag van de hersteltermijn: een dag na vandaag.")
	}
	if herstelTot.Na(s.Vandaag().PlusMaanden(12)) {
		return ongeldig("hersteltermijn", "Een hersteltermijn van meer dan een jaar is vast een vergissing.")
	}
	omschrijving = strings.TrimSpace(omschrijving)
	if utf8.RuneCountInString(omschrijving) > 500 {
		return ongeldig("omschrijving", "De uitleg is hoogstens 500 tekens.")
	}
	return s.wijzig(ctx, gm, id, versie, "aanvraag.document.vragen", func(tx *sql.Tx, a *Aanvraag) error {
		if a.Status == Besloten {
			return ongeldig("soort", "Op deze aanvraag is al besloten.")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO aanvragen_gevraagd (gemeente, aanvraag_id, soort, omschrijving, gevraagd, door, herstel_tot) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			gm, id, string(soort), omschrijving, s.klok().UTC().Truncate(time.Microsecond), m.Naam, herstelTot.String())
		if err != nil {
			return store.MapError(err)
		}
		return s.meld(ctx, tx, gm, id, MailHerstel) // a notice without content (mail.go)
	})
}

// Koppel links the applicant to the household of the register that holds bsn (11-proef). The BSN is
// logged only as the audit log's keyed hash and stored nowhere in this package.
func (s *Service) Koppel(ctx context.Context, gm string, id int64, versie int, nummer string, m Medewerker) error {
	nummer = strings.Join(strings.Fields(nummer), "")
	if !bsn.Geldig(nummer) {
		return ongeldig("bsn", "Dit is geen geldig BSN: het heeft 9 cijfers en moet de elfproef doorstaan.")
	}
	recs, err := register.ZoekOpBSN(ctx, s.sdb, gm, nummer)
	if err != nil {
		return err
	}
	switch len(recs) {
	case 0:
		return ongeldig("bsn", "Geen huishouden in het register van deze gemeente met dit BSN.")
	case 1:
	default:
		return ongeldig("bsn", "Dit BSN staat in meer dan één huishouden van het register; los dat eerst op in het register.")
	}
	rec := recs[0]
	err = s.wijzig(ctx, gm, id, versie, "aanvraag.koppelen", func(tx *sql.Tx, a *Aanvraag) error {
		if a.Status == Besloten {
			return ongeldig("bsn", "Op deze aanvraag is al besloten.")
		}
		wp := rec.H.Woonplaats
		if wp == "" {
			wp = a.Woonplaats
		}
		_, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET register_id = $1, gekoppeld_door = $2, woonplaats = $3 WHERE gemeente = $4 AND id = $5`,
			rec.ID, m.Naam, wp, gm, id)
		return store.MapError(err)
	})
	if err != nil {
		return err
	}
	return s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.koppelen.bsn", Actie: audit.Lezen, BSN: nummer,
		Object: "aanvraag/" + strconv.FormatInt(id, 10)})
}

// IsOngeldig returns the field and message of invalid input.
func IsOngeldig(err error) (*Ongeldig, bool) {
	var o *Ongeldig
	if errors.As(err, &o) {
		return o, true
	}
	return nil, false
}

var _ = errs.Invalid

// HerstelVerstreken reports whether a requested document is still missing after the last day of its
// hersteltermijn (Awb 4:5): then, and only then, the application may be decided buiten behandeling.
func (a *Aanvraag) HerstelVerstreken(vandaag datum.Datum) bool {
	for _, g := range a.Gevraagd {
		if g.DocumentID == 0 && !g.HerstelTot.IsZero() && vandaag.Na(g.HerstelTot) {
			return true
		}
	}
	return false
}
