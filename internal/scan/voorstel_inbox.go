package scan

import (
	"context"
	"fmt"
	"strconv"

	"github.com/zeker-platform/zeker/internal/store"
)

// InboxFilter selects and pages proposals for the aanvragen inbox (docs/aanvragen.md "Ambtshalve"):
// one status, optionally one regeling and one village of the household in the register; oldest first
// (a proposal has no decision term: the one that waits longest comes first), or newest first.
type InboxFilter struct {
	Gemeente   string // required
	Status     Status // default Open
	Regeling   string
	Woonplaats string
	Nieuwste   bool
	ID         int64 // > 0: only this proposal
	Limiet     int   // default 50, at most 500
	Vanaf      int
}

// InboxVoorstel is a proposal with the village of its household at the scan (stored with the proposal;
// "" for proposals made before migration 0101, which stored none).
type InboxVoorstel struct {
	*Voorstel
	Woonplaats string
}

// VoorstellenInbox returns one page of the gemeente's proposals under f and how many match.
func VoorstellenInbox(ctx context.Context, db *store.DB, f InboxFilter) ([]InboxVoorstel, int, error) {
	if f.Gemeente == "" {
		return nil, 0, fmt.Errorf("scan: voorstellen: gemeente ontbreekt")
	}
	if f.Status == "" {
		f.Status = Open
	}
	args := []any{f.Gemeente, string(f.Status)}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	from := ` FROM scan_voorstel v`
	where := ` WHERE v.gemeente = $1 AND v.status = $2`
	if f.Regeling != "" {
		where += ` AND v.regeling = ` + arg(f.Regeling)
	}
	if f.ID > 0 {
		where += ` AND v.id = ` + arg(f.ID)
	}
	if f.Woonplaats != "" {
		where += ` AND v.woonplaats = ` + arg(f.Woonplaats)
	}
	var totaal int
	if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*)`+from+where, args...).Scan(&totaal); err != nil {
		return nil, 0, fmt.Errorf("scan: voorstellen tellen: %w", store.MapError(err))
	}
	limiet := f.Limiet
	if limiet <= 0 || limiet > 500 {
		limiet = 50
	}
	order := ` ORDER BY v.gemaakt, v.id`
	if f.Nieuwste {
		order = ` ORDER BY v.gemaakt DESC, v.id DESC`
	}
	kolommen := `v.id, v.gemeente, v.huishouden_id, v.regeling, v.peildatum, v.status, v.bedrag_cent, v.periode, v.uitleg, v.bewijs, v.gemaakt,
		v.besluit_door, v.besluit_reden, v.besluit_op, v.woonplaats`
	rows, err := db.SQL().QueryContext(ctx, `SELECT `+kolommen+from+where+order+` LIMIT `+arg(limiet)+` OFFSET `+arg(max(f.Vanaf, 0)), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("scan: voorstellen: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []InboxVoorstel
	for rows.Next() {
		var wp string
		v, err := scanVoorstel(scanMet{rows, &wp})
		if err != nil {
			return nil, 0, err
		}
		out = append(out, InboxVoorstel{Voorstel: v, Woonplaats: wp})
	}
	return out, totaal, store.MapError(rows.Err())
}

// scanMet scans a row with one extra column after the proposal's.
type scanMet struct {
	r     interface{ Scan(...any) error }
	extra any
}

func (s scanMet) Scan(dest ...any) error { return s.r.Scan(append(dest, s.extra)...) }

// VoorstelWoonplaatsen lists the villages of the households of the gemeente's proposals with status st
// (for the inbox's filter).
func VoorstelWoonplaatsen(ctx context.Context, db *store.DB, gemeente string, st Status) ([]string, error) {
	rows, err := db.SQL().QueryContext(ctx, `SELECT DISTINCT woonplaats FROM scan_voorstel WHERE gemeente = $1 AND status = $2 AND woonplaats <> '' ORDER BY woonplaats`,
		gemeente, string(st))
	if err != nil {
		return nil, fmt.Errorf("scan: woonplaatsen van voorstellen: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, store.MapError(err)
		}
		out = append(out, w)
	}
	return out, store.MapError(rows.Err())
}
