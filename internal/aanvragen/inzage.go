package aanvragen

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"errors"
	"github.com/zeker-platform/zeker/internal/datum"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/store"
)

// Inzage is what the resident sees with their code: what was received, what is missing, the decision
// and the letter.
type Inzage struct {
	ID         int64
	Gemeente   string
	Referentie string
	Status     Status
	Ontvangen  time.Time
	Deadline   datum.Datum
	Regelingen []RegelingStand
	Ontbreekt  []DocSoort
	HerstelTot []datum.Datum // per missing document, the last day to send it; zero when none was set
	Documenten []DocumentInfo
	Brieven    []int64 // ids of the letters, newest last
	Email      string  // the address for the code's mail and notices, "" none (only for the holder of the code)
}

// RegelingStand is one regeling of an application and its decision so far.
type RegelingStand struct {
	ID, Naam   string
	Besluit    string // "" open, or a BesluitSoort
	BedragCent *int64
	Periode    string
}

// DocumentInfo describes a stored document without its content.
type DocumentInfo struct {
	ID        int64
	Soort     DocSoort
	Naam      string
	Mime      string
	Grootte   int64
	Ontvangen time.Time
}

// controleerCode finds the application of ref and checks code against it, under the rate limit. A wrong
// code is recorded; the check and the record are one transaction.
func (s *Service) controleerCode(ctx context.Context, tx *sql.Tx, ref, code string) (gm string, id int64, err error) {
	ref = NormaliseerReferentie(ref)
	if ref == "" {
		return "", 0, ErrCode
	}
	var hash []byte
	var besloten string
	err = tx.QueryRowContext(ctx, `SELECT id, gemeente, code_hash, besloten_op FROM aanvragen_aanvraag WHERE referentie = $1`, ref).Scan(&id, &gm, &hash, &besloten)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, ErrCode
	}
	if err != nil {
		return "", 0, store.MapError(err)
	}
	nu := s.klok().UTC()
	var fout int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM aanvragen_poging WHERE aanvraag_id = $1 AND op > $2`, id, nu.Add(-PogingVenster)).Scan(&fout); err != nil {
		return "", 0, store.MapError(err)
	}
	if fout >= MaxPogingen {
		return "", 0, ErrTeVaak
	}
	raw, perr := ParseCode(code)
	if perr != nil || subtle.ConstantTimeCompare(codeHash(raw), hash) != 1 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO aanvragen_poging (gemeente, aanvraag_id, op) VALUES ($1, $2, $3)`, gm, id, nu); err != nil {
			return "", 0, store.MapError(err)
		}
		if fout+1 >= MaxPogingen {
			return "", 0, ErrTeVaak
		}
		return "", 0, ErrCode
	}
	if d := leesDatum(besloten); !d.IsZero() {
		bz, err := brief.BerekenBezwaar(d)
		if err == nil && nu.After(bz.Einde.Tijd().Add(24*time.Hour+CodeMarge)) {
			return "", 0, ErrVerlopen
		}
	}
	return gm, id, nil
}

// Inzien returns the state of the application of ref to the holder of its code.
func (s *Service) Inzien(ctx context.Context, ref, code string) (*Inzage, error) {
	var out *Inzage
	var fout error
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		gm, id, err := s.controleerCode(ctx, tx, ref, code)
		if err != nil {
			fout = err // the recorded attempt must be committed
			return nil
		}
		out, err = leesInzage(ctx, tx, gm, id)
		if err != nil {
			return err
		}
		return s.schrijf(ctx, tx, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.inzien", Actie: audit.Lezen,
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

// StuurNa adds documents to the application of ref by the holder of its code, in one transaction.
func (s *Service) StuurNa(ctx context.Context, ref, code string, bestanden []Bestand) (*Inzage, error) {
	if len(bestanden) == 0 {
		return nil, ErrBestandLeeg
	}
	if len(bestanden) > MaxPerVerzoek {
		return nil, ErrTeVeelBestand
	}
	for i := range bestanden {
		if err := ControleerBestand(&bestanden[i]); err != nil {
			return nil, err
		}
		if d := DocSoort(bestanden[i].Soort); d != "" && !d.Geldig() {
			return nil, ongeldig("soort", "Onbekend soort document.")
		}
	}
	if err := s.scan(ctx, bestanden); err != nil {
		s.meldVirusMetCode(ctx, ref, code, err)
		return nil, err
	}
	var out *Inzage
	var fout error
	ctx, opruimen := s.metGeschreven(ctx)
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		gm, id, err := s.controleerCode(ctx, tx, ref, code)
		if err != nil {
			fout = err
			return nil
		}
		if err := vergrendel(ctx, tx, gm, id); err != nil { // a withdrawal may run alongside (intrekken.go)
			return err
		}
		var st string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM aanvragen_aanvraag WHERE gemeente = $1 AND id = $2`, gm, id).Scan(&st); err != nil {
			return store.MapError(err)
		}
		if Status(st) == Besloten {
			return ongeldig("bestand", "Op deze aanvraag is al besloten. Stuur geen documenten meer; maak bezwaar als u het niet eens bent.")
		}
		nu := s.klok().UTC().Truncate(time.Microsecond)
		for _, b := range bestanden {
			if err := s.bewaarDocument(ctx, tx, gm, id, b, nu); err != nil {
				return err
			}
		}
		if _, err := s.herbereken(ctx, tx, gm, id); err != nil {
			return err
		}
		if out, err = leesInzage(ctx, tx, gm, id); err != nil {
			return err
		}
		return s.schrijf(ctx, tx, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.document.toevoegen", Actie: audit.Wijzigen,
			SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10), Aantal: len(bestanden), Actor: inwoner})
	})
	opruimen(err)
	if err != nil {
		return nil, err
	}
	if fout != nil {
		return nil, fout
	}
	return out, nil
}

// BriefMetCode returns a letter of the application of ref to the holder of its code.
func (s *Service) BriefMetCode(ctx context.Context, ref, code string, briefID int64) (string, error) {
	var html string
	var fout error
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		gm, id, err := s.controleerCode(ctx, tx, ref, code)
		if err != nil {
			fout = err
			return nil
		}
		err = tx.QueryRowContext(ctx, `SELECT html FROM aanvragen_brief WHERE gemeente = $1 AND aanvraag_id = $2 AND id = $3`, gm, id, briefID).Scan(&html)
		return store.MapError(err)
	})
	if err != nil {
		return "", err
	}
	return html, fout
}

type txq interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func leesInzage(ctx context.Context, tx txq, gm string, id int64) (*Inzage, error) {
	in := &Inzage{ID: id, Gemeente: gm}
	var st, dl string
	if err := tx.QueryRowContext(ctx, `SELECT referentie, status, ontvangen, deadline, email FROM aanvragen_aanvraag WHERE gemeente = $1 AND id = $2`, gm, id).
		Scan(&in.Referentie, &st, &in.Ontvangen, &dl, &in.Email); err != nil {
		return nil, store.MapError(err)
	}
	in.Status, in.Deadline = Status(st), leesDatum(dl)
	rows, err := tx.QueryContext(ctx, `SELECT regeling, naam, besluit, bedrag_cent, periode FROM aanvragen_regeling WHERE gemeente = $1 AND aanvraag_id = $2 ORDER BY id`, gm, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	for rows.Next() {
		var r RegelingStand
		var b sql.NullInt64
		if err := rows.Scan(&r.ID, &r.Naam, &r.Besluit, &b, &r.Periode); err != nil {
			rows.Close()
			return nil, store.MapError(err)
		}
		if b.Valid {
			r.BedragCent = &b.Int64
		}
		in.Regelingen = append(in.Regelingen, r)
	}
	rows.Close()
	if in.Documenten, err = documenten(ctx, tx, gm, id); err != nil {
		return nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT soort, herstel_tot FROM aanvragen_gevraagd WHERE gemeente = $1 AND aanvraag_id = $2 AND document_id = 0 ORDER BY id`, gm, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	for rows.Next() {
		var d, tot string
		if err := rows.Scan(&d, &tot); err != nil {
			rows.Close()
			return nil, store.MapError(err)
		}
		in.Ontbreekt = append(in.Ontbreekt, DocSoort(d))
		in.HerstelTot = append(in.HerstelTot, leesDatum(tot))
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
		in.Brieven = append(in.Brieven, b)
	}
	return in, store.MapError(rows.Err())
}

func documenten(ctx context.Context, tx txq, gm string, id int64) ([]DocumentInfo, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, soort, naam, mime, grootte, ontvangen FROM aanvragen_document WHERE gemeente = $1 AND aanvraag_id = $2 ORDER BY id`, gm, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	defer rows.Close()
	var out []DocumentInfo
	for rows.Next() {
		var d DocumentInfo
		var soort string
		if err := rows.Scan(&d.ID, &soort, &d.Naam, &d.Mime, &d.Grootte, &d.Ontvangen); err != nil {
			return nil, store.MapError(err)
		}
		d.Soort = DocSoort(soort)
		out = append(out, d)
	}
	return out, store.MapError(rows.Err())
}

// inwoner is the actor of a resident with a code (no account).
var inwoner = audit.Actor{Soort: audit.ActorInwoner, ID: "code"}
