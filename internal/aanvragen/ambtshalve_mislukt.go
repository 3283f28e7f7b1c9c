package aanvragen

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Mislukt is the last failed acceptance of an ambtshalve proposal: when, by whom and why (a message for
// the case worker). The proposal stays open; the inbox shows this until it is accepted or declined.
type Mislukt struct {
	Moment  time.Time
	Door    string
	Melding string
}

func (s *Service) noteerMislukt(ctx context.Context, gm string, voorstel int64, door, melding string) error {
	nu := s.klok().UTC().Truncate(time.Microsecond)
	_, err := s.db.ExecContext(ctx, `INSERT INTO aanvragen_ambtshalve_mislukt (gemeente, voorstel_id, moment, door, melding) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (gemeente, voorstel_id) DO UPDATE SET moment = excluded.moment, door = excluded.door, melding = excluded.melding`,
		gm, voorstel, nu, door, melding)
	return store.MapError(err)
}

// VergeetMislukt drops the failure of a proposal that was declined (an accepted one drops it in the
// transaction that makes its application).
func (s *Service) VergeetMislukt(ctx context.Context, gm string, voorstel int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM aanvragen_ambtshalve_mislukt WHERE gemeente = $1 AND voorstel_id = $2`, gm, voorstel)
	return store.MapError(err)
}

// MisluktVan returns, of the proposals ids of gemeente gm, the last failed acceptance of those that
// have one. At most 500 ids at once.
func (s *Service) MisluktVan(ctx context.Context, gm string, ids []int64) (map[int64]Mislukt, error) {
	out := map[int64]Mislukt{}
	if len(ids) == 0 {
		return out, nil
	}
	if len(ids) > 500 {
		return nil, ongeldig("voorstellen", "Hoogstens 500 voorstellen tegelijk.")
	}
	args := []any{gm}
	ph := make([]string, len(ids))
	for i, id := range ids {
		args = append(args, id)
		ph[i] = "$" + strconv.Itoa(i+2)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT voorstel_id, moment, door, melding FROM aanvragen_ambtshalve_mislukt
		WHERE gemeente = $1 AND voorstel_id IN (`+strings.Join(ph, ", ")+`)`, args...)
	if err != nil {
		return nil, store.MapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var m Mislukt
		var moment sql.NullTime
		if err := rows.Scan(&id, &moment, &m.Door, &m.Melding); err != nil {
			return nil, store.MapError(err)
		}
		m.Moment = moment.Time.UTC()
		out[id] = m
	}
	return out, store.MapError(rows.Err())
}
