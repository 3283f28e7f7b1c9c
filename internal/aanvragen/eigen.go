package aanvragen

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/store"
)

// Indiener is a logged-in intermediary whose own applications are listed (docs/aanvragen.md "The
// intermediary's own list"): a partner user (Partner set) sees every application made by a user of
// that partner organisation in the gemeente, an intermediary without a partner link (Partner "") only
// the applications they made themselves. Never those of another partner.
type Indiener struct {
	Gebruiker int64
	Partner   string
}

func (w Indiener) waar(arg func(any) string) (string, error) {
	switch {
	case w.Partner != "":
		return `intermediair_partner = ` + arg(w.Partner), nil
	case w.Gebruiker > 0:
		return `intermediair_gebruiker = ` + arg(w.Gebruiker), nil
	}
	return "", fmt.Errorf("aanvragen: eigen lijst zonder gebruiker: %w", errs.Forbidden)
}

// EigenRij is an application on an intermediary's own list: no names or BSNs of the client.
type EigenRij struct {
	ID           int64
	Referentie   string
	Status       Status
	Ontvangen    time.Time
	Deadline     datum.Datum
	BeslotenOp   datum.Datum
	Regelingen   string     // names, comma-separated
	Ontbreekt    []DocSoort // documents asked and not yet received
	Intermediair string     // who applied (the name they gave)
}

// Eigen returns one page of the applications intermediary w made in gemeente gm, newest first, and how
// many there are. Each page is a read in the processing log.
func (s *Service) Eigen(ctx context.Context, gm string, w Indiener, vanaf, limiet int) ([]EigenRij, int, error) {
	args := []any{gm}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	waar, err := w.waar(arg)
	if err != nil {
		return nil, 0, err
	}
	where := `gemeente = $1 AND kanaal = 'inwoner' AND ` + waar
	var totaal int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM aanvragen_aanvraag WHERE `+where, args...).Scan(&totaal); err != nil {
		return nil, 0, fmt.Errorf("aanvragen: eigen lijst: %w", store.MapError(err))
	}
	if limiet <= 0 || limiet > 500 {
		limiet = 50
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, referentie, status, ontvangen, deadline, besloten_op, intermediair_naam FROM aanvragen_aanvraag
		WHERE `+where+` ORDER BY ontvangen DESC, id DESC LIMIT `+arg(limiet)+` OFFSET `+arg(max(vanaf, 0)), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("aanvragen: eigen lijst: %w", store.MapError(err))
	}
	var out []EigenRij
	var ids []string
	for rows.Next() {
		var r EigenRij
		var st, dl, op string
		if err := rows.Scan(&r.ID, &r.Referentie, &st, &r.Ontvangen, &dl, &op, &r.Intermediair); err != nil {
			rows.Close()
			return nil, 0, store.MapError(err)
		}
		r.Status, r.Deadline, r.BeslotenOp = Status(st), leesDatum(dl), leesDatum(op)
		out = append(out, r)
		ids = append(ids, strconv.FormatInt(r.ID, 10))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, store.MapError(err)
	}
	if len(ids) > 0 {
		in := strings.Join(ids, ",") // integers read from the database, not input
		namen := map[int64][]string{}
		if err := s.perAanvraag(ctx, `SELECT aanvraag_id, naam FROM aanvragen_regeling WHERE gemeente = $1 AND aanvraag_id IN (`+in+`) ORDER BY aanvraag_id, id`, gm,
			func(id int64, v string) { namen[id] = append(namen[id], v) }); err != nil {
			return nil, 0, err
		}
		open := map[int64][]DocSoort{}
		if err := s.perAanvraag(ctx, `SELECT aanvraag_id, soort FROM aanvragen_gevraagd WHERE gemeente = $1 AND document_id = 0 AND aanvraag_id IN (`+in+`) ORDER BY aanvraag_id, id`, gm,
			func(id int64, v string) { open[id] = append(open[id], DocSoort(v)) }); err != nil {
			return nil, 0, err
		}
		for i := range out {
			out[i].Regelingen, out[i].Ontbreekt = strings.Join(namen[out[i].ID], ", "), open[out[i].ID]
		}
	}
	if err := s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.eigen_lijst", Actie: audit.Lezen, Object: "eigen", Aantal: len(out)}); err != nil {
		return nil, 0, err
	}
	return out, totaal, nil
}

func (s *Service) perAanvraag(ctx context.Context, q, gm string, fn func(id int64, v string)) error {
	rows, err := s.db.QueryContext(ctx, q, gm)
	if err != nil {
		return store.MapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var v string
		if err := rows.Scan(&id, &v); err != nil {
			return store.MapError(err)
		}
		fn(id, v)
	}
	return store.MapError(rows.Err())
}

// EigenAanvraag is one application of an intermediary's own list: what the client sees with the code
// (status, regelingen with their decision, missing documents), and the decision date.
type EigenAanvraag struct {
	Inzage
	BeslotenOp   datum.Datum
	Intermediair string
}

// EigenAanvraag reads application id for intermediary w; errs.NotFound when it does not exist in gm or
// was not made by w (by the user, or a user of the same partner), so another's application cannot be
// told from one that does not exist. The read is in the processing log.
func (s *Service) EigenAanvraag(ctx context.Context, gm string, w Indiener, id int64) (*EigenAanvraag, error) {
	args := []any{gm, id}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	waar, err := w.waar(arg)
	if err != nil {
		return nil, err
	}
	out := &EigenAanvraag{}
	err = s.sdb.ReadTx(ctx, func(tx *sql.Tx) error {
		var op string
		if err := tx.QueryRowContext(ctx, `SELECT besloten_op, intermediair_naam FROM aanvragen_aanvraag WHERE gemeente = $1 AND id = $2 AND kanaal = 'inwoner' AND `+waar, args...).
			Scan(&op, &out.Intermediair); err != nil {
			return store.MapError(err)
		}
		out.BeslotenOp = leesDatum(op)
		in, err := leesInzage(ctx, tx, gm, id)
		if err != nil {
			return err
		}
		out.Inzage = *in
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.eigen_bekijken", Actie: audit.Lezen,
		SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10)}); err != nil {
		return nil, err
	}
	return out, nil
}
