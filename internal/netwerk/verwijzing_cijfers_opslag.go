package netwerk

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// VerwijzingCijfersVan reads the referrals of gemeente in one direction sent in period p, with their
// status history, and counts them (TelVerwijzingen). It reads no personal data (no name, contact or
// question), so the read is not in the processing log. The period is chosen on
// netwerk_verwijzing.aangemaakt, which Verwijs writes at the same instant as the history's 'verstuurd'
// row; index netwerk_verwijzing_monitor (migration 0905) serves it.
func (s *Service) VerwijzingCijfersVan(ctx context.Context, gemeente string, r Richting, p Periode) (VerwijzingCijfers, error) {
	zone, err := termijn.Zone()
	if err != nil {
		return VerwijzingCijfers{}, err
	}
	feiten, err := s.verwijzingFeiten(ctx, gemeente, r, p)
	if err != nil {
		return VerwijzingCijfers{}, err
	}
	c := VerwijzingCijfers{Periode: p, Richting: r}
	c.Totaal, c.PerPartner, c.PerBehoefte = TelVerwijzingen(feiten, zone)
	return c, nil
}

func (s *Service) verwijzingFeiten(ctx context.Context, gemeente string, r Richting, p Periode) ([]VerwijzingFeit, error) {
	zone, err := termijn.Zone()
	if err != nil {
		return nil, err
	}
	van, tot := p.Grenzen(zone)
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT v.id, v.partner_id, v.behoefte, v.ingetrokken, s.status, s.op
		FROM netwerk_verwijzing v JOIN netwerk_verwijzing_status s ON s.gemeente = v.gemeente AND s.verwijzing_id = v.id
		WHERE v.gemeente = $1 AND v.richting = $2 AND v.aangemaakt >= $3 AND v.aangemaakt < $4
		ORDER BY v.id, s.op, s.id`, gemeente, string(r), van.UTC(), tot.UTC())
	if err != nil {
		return nil, fmt.Errorf("netwerk: verwijzingscijfers %s: %w", gemeente, store.MapError(err))
	}
	defer rows.Close()
	var uit []VerwijzingFeit
	var vorige int64 = -1
	for rows.Next() {
		var (
			id          int64
			f           VerwijzingFeit
			ingetrokken sql.NullTime
			st          VStatus
		)
		var op sql.NullTime
		if err := rows.Scan(&id, &f.PartnerID, &f.Behoefte, &ingetrokken, &st, &op); err != nil {
			return nil, fmt.Errorf("netwerk: verwijzingscijfers %s: %w", gemeente, err)
		}
		if id != vorige {
			vorige = id
			f.Ingetrokken = ingetrokken.Valid
			uit = append(uit, f)
		}
		cur := &uit[len(uit)-1]
		switch {
		case st == Verstuurd:
			cur.Verstuurd = op.Time.UTC()
		case cur.EersteAntwoord == "":
			cur.EersteAntwoord, cur.EersteAntwoordOp = st, op.Time.UTC()
		}
		if st == HulpGestart {
			cur.HulpGestart = true
		}
	}
	return uit, rows.Err()
}
