package netwerk

import (
	"context"
	"database/sql"
	"fmt"
	"time"

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
	feiten, err := s.verwijzingFeiten(ctx, gemeente, r, p, zone)
	if err != nil {
		return VerwijzingCijfers{}, err
	}
	c := VerwijzingCijfers{Periode: p, Richting: r}
	c.Totaal, c.PerPartner, c.PerBehoefte = TelVerwijzingen(feiten, zone)
	return c, nil
}

func (s *Service) verwijzingFeiten(ctx context.Context, gemeente string, r Richting, p Periode, zone *time.Location) ([]VerwijzingFeit, error) {
	van, tot := p.Grenzen(zone)
	args := []any{gemeente, string(r), van.UTC(), tot.UTC()}
	const waar = `v.gemeente = $1 AND v.richting = $2 AND v.aangemaakt >= $3 AND v.aangemaakt < $4`
	// First the referrals (no sort: the index gives the range), then every answer of them; the first
	// answer per referral is found here rather than by an ORDER BY over the history.
	var uit []VerwijzingFeit
	plek := map[int64]int{}
	partners := map[string]string{} // one string per partner id
	err := eachRow(ctx, s.db.SQL(), `SELECT v.id, v.partner_id, v.behoefte, v.aangemaakt, v.ingetrokken FROM netwerk_verwijzing v WHERE `+waar, args,
		func(rows *sql.Rows) error {
			var id int64
			var f VerwijzingFeit
			var ingetrokken sql.NullTime
			if err := rows.Scan(&id, &f.PartnerID, &f.Behoefte, &f.Verstuurd, &ingetrokken); err != nil {
				return err
			}
			if p, ok := partners[f.PartnerID]; ok {
				f.PartnerID = p
			} else {
				partners[f.PartnerID] = f.PartnerID
			}
			f.Ingetrokken = ingetrokken.Valid
			plek[id] = len(uit)
			uit = append(uit, f)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("netwerk: verwijzingscijfers %s: %w", gemeente, store.MapError(err))
	}
	if len(uit) == 0 {
		return nil, nil
	}
	eerste := make([]int64, len(uit)) // the history row id of the first answer so far
	err = eachRow(ctx, s.db.SQL(), `SELECT s.verwijzing_id, s.id, s.status, s.op FROM netwerk_verwijzing_status s
		JOIN netwerk_verwijzing v ON v.gemeente = s.gemeente AND v.id = s.verwijzing_id
		WHERE s.gemeente = $1 AND s.status <> 'verstuurd' AND `+waar, args,
		func(rows *sql.Rows) error {
			var id, rij int64
			var st VStatus
			var op time.Time
			if err := rows.Scan(&id, &rij, &st, &op); err != nil {
				return err
			}
			i, ok := plek[id]
			if !ok {
				return nil
			}
			f := &uit[i]
			if f.EersteAntwoord == "" || op.Before(f.EersteAntwoordOp) || (op.Equal(f.EersteAntwoordOp) && rij < eerste[i]) {
				f.EersteAntwoord, f.EersteAntwoordOp, eerste[i] = st, op, rij
			}
			if st == HulpGestart {
				f.HulpGestart = true
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("netwerk: verwijzingscijfers %s: %w", gemeente, store.MapError(err))
	}
	return uit, nil
}
