package aanvragen

import (
	"context"
	"database/sql"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// OpgeschortVanaf is Opgeschort for a term that started after day start, with Atw art. 2 applied again
// after a suspension: a term of at least three days (from start to basis) holds at least two working
// days while it runs. Suspended days are not days of the running term, so a working day in a suspension
// does not count; when fewer than two remain, the deadline moves on to the second running working day.
// Without a suspension the deadline is Opgeschort's (termijn.Bereken applied art. 2 at receipt).
func OpgeschortVanaf(start, basis datum.Datum, basisUitleg string, atw bool, ops []Opschorting) Deadline {
	d := Opgeschort(basis, basisUitleg, atw, ops)
	if !atw || start.IsZero() || start.DagenTot(basis) < 3 {
		return d
	}
	geschorst := map[string]bool{}
	for _, o := range ops {
		if van, tot, ok := o.dagen(); ok {
			for x := van; !x.Na(tot); x = x.PlusDagen(1) {
				geschorst[x.String()] = true
			}
		}
	}
	if len(geschorst) == 0 {
		return d
	}
	n := 0
	for x := start.PlusDagen(1); !x.Na(d.Datum); x = x.PlusDagen(1) {
		if termijn.IsWerkdag(x) && !geschorst[x.String()] {
			n++
		}
	}
	if n >= 2 {
		return d
	}
	e := d.Datum
	for n < 2 {
		e = e.PlusDagen(1)
		if termijn.IsWerkdag(e) && !geschorst[e.String()] {
			n++
		}
	}
	d.Uitleg += "; buiten de opschorting bevatte de termijn minder dan twee werkdagen en loopt door tot " + e.String() + " (Algemene termijnenwet artikel 2)"
	d.Datum = e
	return d
}

// Stilstand is one period in which the decision term stands still (Awb 4:15 lid 1 onder a), as the
// resident's status page shows it: which document was asked, from when, and until when at the latest.
type Stilstand struct {
	Soort DocSoort
	Van   datum.Datum // the first suspended day (the day after the request)
	Tot   datum.Datum // the last suspended day; while Open the last day of the hersteltermijn
	Open  bool        // the document has not come and the hersteltermijn has not passed
}

// stilstanden lists the suspensions of application id, oldest first; requests without a hersteltermijn
// and those answered the day they were asked suspend nothing and are left out.
func (s *Service) stilstanden(ctx context.Context, tx txq, gm string, id int64) ([]Stilstand, error) {
	rows, err := tx.QueryContext(ctx, `SELECT soort, gevraagd, herstel_tot, ontvangen_dag FROM aanvragen_gevraagd WHERE gemeente = $1 AND aanvraag_id = $2 AND herstel_tot <> '' ORDER BY id`, gm, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	defer rows.Close()
	vandaag := s.Vandaag()
	var out []Stilstand
	for rows.Next() {
		var soort, herstel, ontvangen string
		var op time.Time
		if err := rows.Scan(&soort, &op, &herstel, &ontvangen); err != nil {
			return nil, store.MapError(err)
		}
		o := Opschorting{Gevraagd: datum.Van(op, s.zone), HerstelTot: leesDatum(herstel), Ontvangen: leesDatum(ontvangen)}
		van, tot, ok := o.dagen()
		if !ok {
			continue
		}
		out = append(out, Stilstand{Soort: DocSoort(soort), Van: van, Tot: tot, Open: o.Ontvangen.IsZero() && !vandaag.Na(tot)})
	}
	return out, store.MapError(rows.Err())
}

// Stilstanden returns the suspensions of the decision term of application id for the status page.
func (s *Service) Stilstanden(ctx context.Context, gemeente string, id int64) ([]Stilstand, error) {
	return s.stilstanden(ctx, s.db, gemeente, id)
}

var _ txq = (*sql.DB)(nil)
