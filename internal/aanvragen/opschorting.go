package aanvragen

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// ArtikelOpschorting is the article that suspends the decision term while the applicant completes the
// application.
const ArtikelOpschorting = "Awb 4:15 lid 1 onder a"

// Opschorting is one request to complete the application (Awb 4:5) as it suspends the decision term
// (Awb 4:15 lid 1 onder a): from the day after the request until the day the document came (that day
// not included) or, when it did not come in time, until the hersteltermijn has passed unused (its last
// day included).
type Opschorting struct {
	Gevraagd   datum.Datum // the day the document was asked
	HerstelTot datum.Datum // the last day of the hersteltermijn
	Ontvangen  datum.Datum // the day it came; zero while it has not
}

// dagen returns the first and last suspended day, ok false when no day is suspended.
func (o Opschorting) dagen() (van, tot datum.Datum, ok bool) {
	van, tot = o.Gevraagd.PlusDagen(1), o.HerstelTot
	if !o.Ontvangen.IsZero() && o.Ontvangen.PlusDagen(-1).Voor(tot) {
		tot = o.Ontvangen.PlusDagen(-1)
	}
	return van, tot, !tot.Voor(van)
}

// Opgeschort returns the decision deadline: basis (the last day of the term counted at receipt, before
// the Algemene termijnenwet) plus every suspended day (overlapping requests count once), moved to the
// next working day by Atw art. 1 when atw; and why. A request still open suspends until its
// hersteltermijn ends, so the stored deadline is the latest it can be until the document comes, and moves
// back when it comes earlier.
func Opgeschort(basis datum.Datum, basisUitleg string, atw bool, ops []Opschorting) Deadline {
	type periode struct {
		van, tot datum.Datum
		open     bool
	}
	var ps []periode
	for _, o := range ops {
		if van, tot, ok := o.dagen(); ok {
			ps = append(ps, periode{van, tot, o.Ontvangen.IsZero()})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].van.Voor(ps[j].van) })
	n, uitleg := 0, basisUitleg
	var eind datum.Datum
	for _, p := range ps {
		van := p.van
		if !eind.IsZero() && !eind.Voor(van) {
			van = eind.PlusDagen(1)
		}
		if !p.tot.Voor(van) {
			n += van.DagenTot(p.tot) + 1
		}
		if eind.IsZero() || p.tot.Na(eind) {
			eind = p.tot
		}
		if p.open {
			uitleg += "; opgeschort vanaf " + p.van.String() + " tot het gevraagde document binnen is, uiterlijk tot en met " + p.tot.String() + " (" + ArtikelOpschorting + ")"
		} else {
			uitleg += "; opgeschort van " + p.van.String() + " tot en met " + p.tot.String() + ": het gevraagde document kwam binnen of de hersteltermijn verstreek (" + ArtikelOpschorting + ")"
		}
	}
	e := basis.PlusDagen(n)
	if n > 0 {
		uitleg += "; in totaal " + strconv.Itoa(n) + " dagen opgeschort"
	}
	if atw && !termijn.IsWerkdag(e) {
		uitleg += "; de termijn eindigde op " + e.String() + " (" + termijn.WaaromGeenWerkdag(e) + ") en loopt door tot de eerstvolgende werkdag (Algemene termijnenwet artikel 1)"
		e = termijn.VolgendeWerkdag(e)
	}
	return Deadline{Datum: e, Uitleg: uitleg}
}

// atwVan reports whether Atw art. 1 applies to term t (not to terms over 90 days or twelve weeks,
// Atw art. 4 onder a).
func atwVan(t termijn.Termijn) bool {
	return !((t.Eenheid == termijn.Kalenderdagen && t.Aantal > 90) || (t.Eenheid == termijn.Weken && t.Aantal > 12))
}

// herberekenDeadline recomputes the stored deadline of application id from its basis and the requests
// to complete it, and copies it to its regelingen. Applications without a basis (ambtshalve: decided at
// once) keep theirs.
func (s *Service) herberekenDeadline(ctx context.Context, tx *sql.Tx, gm string, id int64) error {
	var basis, basisUitleg, start string
	var atw int
	if err := tx.QueryRowContext(ctx, `SELECT deadline_basis, deadline_basis_uitleg, deadline_atw, ontvangen_dag FROM aanvragen_aanvraag WHERE gemeente = $1 AND id = $2`, gm, id).
		Scan(&basis, &basisUitleg, &atw, &start); err != nil {
		return store.MapError(err)
	}
	b := leesDatum(basis)
	if b.IsZero() {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT gevraagd, herstel_tot, ontvangen_dag FROM aanvragen_gevraagd WHERE gemeente = $1 AND aanvraag_id = $2 AND herstel_tot <> '' ORDER BY id`, gm, id)
	if err != nil {
		return store.MapError(err)
	}
	var ops []Opschorting
	for rows.Next() {
		var op time.Time
		var herstel, ontvangen string
		if err := rows.Scan(&op, &herstel, &ontvangen); err != nil {
			rows.Close()
			return store.MapError(err)
		}
		ops = append(ops, Opschorting{Gevraagd: datum.Van(op, s.zone), HerstelTot: leesDatum(herstel), Ontvangen: leesDatum(ontvangen)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return store.MapError(err)
	}
	d := OpgeschortVanaf(leesDatum(start), b, basisUitleg, atw != 0, ops)
	if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET deadline = $1, deadline_uitleg = $2 WHERE gemeente = $3 AND id = $4`, d.Datum.String(), d.Uitleg, gm, id); err != nil {
		return store.MapError(err)
	}
	_, err = tx.ExecContext(ctx, `UPDATE aanvragen_regeling SET deadline = $1 WHERE gemeente = $2 AND aanvraag_id = $3`, d.Datum.String(), gm, id)
	return store.MapError(err)
}
