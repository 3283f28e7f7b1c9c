package netwerk

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// VerwijzingCijfersVan counts the referrals of gemeente in one direction sent in period p
// (TelVerwijzingen). It reads no personal data (no name, contact or question), so the read is not in the
// processing log. The period is chosen on netwerk_verwijzing.aangemaakt, which Verwijs writes at the
// same instant as the history's 'verstuurd' row; index netwerk_verwijzing_monitor (migration 0905)
// serves it. The referrals sent and withdrawn per partner and need are grouped in SQL; the first answers
// (and the hulp_gestart rows) are read one per referral in one pass over the history, because the working
// days between two instants need the day in Europe/Amsterdam and the holiday calendar of internal/termijn.
func (s *Service) VerwijzingCijfersVan(ctx context.Context, gemeente string, r Richting, p Periode) (VerwijzingCijfers, error) {
	zone, err := termijn.Zone()
	if err != nil {
		return VerwijzingCijfers{}, err
	}
	van, tot := p.Grenzen(zone)
	args := []any{gemeente, string(r), van.UTC(), tot.UTC()}
	const waar = `v.gemeente = $1 AND v.richting = $2 AND v.aangemaakt >= $3 AND v.aangemaakt < $4`
	var rijen []TelRij
	err = eachRow(ctx, s.db.SQL(), `SELECT v.partner_id, v.behoefte, COUNT(*), SUM(CASE WHEN v.ingetrokken IS NULL THEN 0 ELSE 1 END)
		FROM netwerk_verwijzing v WHERE `+waar+` GROUP BY v.partner_id, v.behoefte`, args, func(rows *sql.Rows) error {
		var t TelRij
		if err := rows.Scan(&t.PartnerID, &t.Behoefte, &t.Verstuurd, &t.Ingetrokken); err != nil {
			return err
		}
		rijen = append(rijen, t)
		return nil
	})
	if err != nil {
		return VerwijzingCijfers{}, fmt.Errorf("netwerk: verwijzingscijfers %s: %w", gemeente, store.MapError(err))
	}
	var antwoorden []Antwoord
	if len(rijen) > 0 {
		partners := map[string]string{} // one string per partner id
		err = eachRow(ctx, s.db.SQL(), `SELECT v.partner_id, v.behoefte, s.status, v.aangemaakt, s.op
			FROM netwerk_verwijzing v JOIN netwerk_verwijzing_status s ON s.gemeente = v.gemeente AND s.verwijzing_id = v.id
			WHERE `+waar+` AND s.status IN ('geaccepteerd', 'afgewezen', 'hulp_gestart')`, args, func(rows *sql.Rows) error {
			var a Antwoord
			if err := rows.Scan(&a.PartnerID, &a.Behoefte, &a.Status, &a.Verstuurd, &a.Op); err != nil {
				return err
			}
			if p, ok := partners[a.PartnerID]; ok {
				a.PartnerID = p
			} else {
				partners[a.PartnerID] = a.PartnerID
			}
			antwoorden = append(antwoorden, a)
			return nil
		})
		if err != nil {
			return VerwijzingCijfers{}, fmt.Errorf("netwerk: verwijzingscijfers %s: %w", gemeente, store.MapError(err))
		}
	}
	c := VerwijzingCijfers{Periode: p, Richting: r}
	c.Totaal, c.PerPartner, c.PerBehoefte = TelVerwijzingen(rijen, antwoorden, zone)
	return c, nil
}
