package aanvragen

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
)

// Kanalen: how an application came in.
const (
	KanaalInwoner    = "inwoner"
	KanaalAmbtshalve = "ambtshalve"
)

// AmbtshalveVoorstel is a proposal of the scan that a case worker approved: grant Regeling to the
// household RegisterID of the register without an application.
type AmbtshalveVoorstel struct {
	Gemeente   string
	VoorstelID int64
	RegisterID string
	Regeling   string
	Reden      string // the case worker's reason for approving
	// Goedkeuren, when set, records the approval of the proposal in the transaction that makes the
	// application (the composition root wires the scan's GoedkeurenTx): both are stored or neither, so an
	// approval never stands without its application. It is not called when the application exists.
	Goedkeuren func(ctx context.Context, tx *sql.Tx) error
}

// Ambtshalve turns an approved proposal into an application of the same inbox, linked to the household
// of the register and decided (toekennen, the engine's amount today, the motivation from its trace),
// with the letter to the resident, who can object. Once per proposal: a second call returns the first
// application (Bestond). The resident gets no code (the letter goes by post; no account or mail exists).
//
// When it fails nothing is stored (nor the approval of Goedkeuren); the reason is kept for the inbox
// (MisluktVan) until the proposal is accepted or declined.
func (s *Service) Ambtshalve(ctx context.Context, v AmbtshalveVoorstel, door Medewerker, af brief.Afzender) (*Aangemaakt, error) {
	out, err := s.ambtshalve(ctx, v, door, af)
	// A conflict is another's decision in the meantime (a double click, a colleague): the proposal is no
	// longer open, so it is no failed attempt to show and retry.
	if err != nil && ctx.Err() == nil && !errors.Is(err, errs.Conflict) {
		melding := "Er ging iets mis bij het maken van de aanvraag; probeer het opnieuw."
		if o, ok := IsOngeldig(err); ok {
			melding = o.Bericht
		}
		if e := s.noteerMislukt(ctx, v.Gemeente, v.VoorstelID, door.Naam, melding); e != nil {
			return nil, errors.Join(err, e)
		}
	}
	return out, err
}

func (s *Service) ambtshalve(ctx context.Context, v AmbtshalveVoorstel, door Medewerker, af brief.Afzender) (*Aangemaakt, error) {
	formulier := fmt.Sprintf("ambtshalve-voorstel-%d", v.VoorstelID)
	var bestaand int64
	var ref string
	err := s.db.QueryRowContext(ctx, `SELECT id, referentie FROM aanvragen_aanvraag WHERE gemeente = $1 AND formulier = $2`, v.Gemeente, formulier).Scan(&bestaand, &ref)
	if err == nil {
		return &Aangemaakt{ID: bestaand, Referentie: ref, Bestond: true}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, store.MapError(err)
	}
	rec, err := register.Huishouden(ctx, s.sdb, v.Gemeente, v.RegisterID)
	if errors.Is(err, errs.NotFound) {
		return nil, ongeldig("huishouden", "Het huishouden "+v.RegisterID+" staat niet (meer) in het register: lees de huishoudens opnieuw in, of wijs het voorstel af.")
	}
	if err != nil {
		return nil, fmt.Errorf("aanvragen: ambtshalve: huishouden %s: %w", v.RegisterID, err)
	}
	h := rec.H
	h.Gemeente = v.Gemeente
	res, err := s.Evalueer(&h, s.peildatum(), "nl")
	if err != nil {
		return nil, err
	}
	var u *regels.Uitkomst
	for i := range res.Regelingen {
		if res.Regelingen[i].ID == v.Regeling {
			u = &res.Regelingen[i]
		}
	}
	switch {
	case u == nil:
		return nil, ongeldig("regeling", "Deze regeling staat niet (meer) in de regels van de gemeente.")
	case u.Oordeel != regels.Recht:
		return nil, ongeldig("regeling", "Volgens de regels van vandaag heeft dit huishouden geen recht (meer): beoordeel het voorstel opnieuw.")
	case u.Bedrag == nil:
		return nil, ongeldig("regeling", "De regels geven geen bedrag: ambtshalve toekennen kan alleen met een bedrag.")
	}
	hj, err := jsonHuishouden(&h)
	if err != nil {
		return nil, err
	}
	// A code nobody gets: the column needs one; the status page cannot be opened for this application.
	geheim := make([]byte, CodeBytes)
	if _, err := rand.Read(geheim); err != nil {
		return nil, err
	}
	nu := s.klok().UTC().Truncate(time.Microsecond)
	vandaag := datum.Van(nu, s.zone)
	mot := Motivering(*u, Toekennen) + "\n\nU hoeft hiervoor niets te doen. Wij kennen dit toe zonder dat u het aanvraagt (ambtshalve)."
	if r := strings.TrimSpace(v.Reden); r != "" {
		mot += " " + r
	}
	out := &Aangemaakt{}
	err = s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		if v.Goedkeuren != nil {
			if err := v.Goedkeuren(ctx, tx); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM aanvragen_ambtshalve_mislukt WHERE gemeente = $1 AND voorstel_id = $2`, v.Gemeente, v.VoorstelID); err != nil {
			return store.MapError(err)
		}
		if out.Referentie, err = nieuweReferentie(); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO aanvragen_aanvraag (gemeente, referentie, code_hash, formulier, status, ontvangen, ontvangen_dag,
			deadline, deadline_uitleg, woonplaats, taal, huishouden, antwoorden, register_id, gekoppeld_door, kanaal, voorstel_id)
			VALUES ($1, $2, $3, $4, 'nieuw', $5, $6, $6, $7, $8, 'nl', $9, '', $10, $11, 'ambtshalve', $12) RETURNING id`,
			v.Gemeente, out.Referentie, codeHash(geheim), formulier, nu, vandaag.String(), "Ambtshalve: besloten bij het goedkeuren van het voorstel",
			h.Woonplaats, hj, v.RegisterID, door.Naam, v.VoorstelID).Scan(&out.ID); err != nil {
			return store.MapError(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO aanvragen_regeling (gemeente, aanvraag_id, regeling, naam, oordeel_bij_aanvraag, status, deadline,
			besluit, bedrag_cent, bedrag_engine_cent, periode, motivering, besloten_op, besloten_door)
			VALUES ($1, $2, $3, $4, 'recht', 'nieuw', $5, 'toekennen', $6, $6, $7, $8, $5, $9)`,
			v.Gemeente, out.ID, u.ID, u.Naam, vandaag.String(), int64(*u.Bedrag), string(u.Periode), mot, door.Naam); err != nil {
			return store.MapError(err)
		}
		if _, err := s.herbereken(ctx, tx, v.Gemeente, out.ID); err != nil {
			return err
		}
		a, err := leesAanvraag(ctx, tx, v.Gemeente, out.ID)
		if err != nil {
			return err
		}
		html, err := maakBrief(a, vandaag, af).HTML()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO aanvragen_brief (gemeente, aanvraag_id, html, gemaakt) VALUES ($1, $2, $3, $4)`, v.Gemeente, out.ID, html, nu); err != nil {
			return store.MapError(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET besloten_op = $1 WHERE gemeente = $2 AND id = $3`, vandaag.String(), v.Gemeente, out.ID); err != nil {
			return store.MapError(err)
		}
		return s.schrijf(ctx, tx, audit.Verwerking{Gemeente: v.Gemeente, Operatie: "aanvraag.ambtshalve", Actie: audit.Aanmaken,
			SubjectSoort: "huishouden", SubjectID: v.RegisterID, Object: "aanvraag/" + strconv.FormatInt(out.ID, 10)})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Gemaakt is the application made from an ambtshalve proposal: its id and reference.
type Gemaakt struct {
	ID         int64
	Referentie string
}

// VanVoorstellen returns, of the scan's proposals ids in gemeente gm, the applications made from them
// (proposal id → application), so the scan's list links into this inbox. Proposals without one are
// absent. At most 500 ids at once.
func (s *Service) VanVoorstellen(ctx context.Context, gm string, ids []int64) (map[int64]Gemaakt, error) {
	out := map[int64]Gemaakt{}
	if len(ids) == 0 {
		return out, nil
	}
	if len(ids) > 500 {
		return nil, ongeldig("voorstellen", "Hoogstens 500 voorstellen tegelijk.")
	}
	args := []any{gm, KanaalAmbtshalve}
	ph := make([]string, len(ids))
	for i, id := range ids {
		args = append(args, id)
		ph[i] = "$" + strconv.Itoa(i+3)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT voorstel_id, id, referentie FROM aanvragen_aanvraag
		WHERE gemeente = $1 AND kanaal = $2 AND voorstel_id IN (`+strings.Join(ph, ", ")+`)`, args...)
	if err != nil {
		return nil, store.MapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int64
		var g Gemaakt
		if err := rows.Scan(&v, &g.ID, &g.Referentie); err != nil {
			return nil, store.MapError(err)
		}
		out[v] = g
	}
	return out, store.MapError(rows.Err())
}
