package netwerk

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// VerwijzingCijfersVan counts the referrals of gemeente in one direction sent in period p
// (TelVerwijzingen). It reads no personal data (no name, contact or question), so the read is not in the
// processing log. The period is chosen on netwerk_verwijzing.aangemaakt, which Verwijs writes at the
// same instant as the history's 'verstuurd' row. Everything is one grouped query over the referral rows
// (covering index netwerk_verwijzing_cijfers, migration 0907): the first answer, the working days to it
// and whether help started are kept on the row by Beantwoord (bewaarCijfers), so the history is not read.
func (s *Service) VerwijzingCijfersVan(ctx context.Context, gemeente string, r Richting, p Periode) (VerwijzingCijfers, error) {
	zone, err := termijn.Zone()
	if err != nil {
		return VerwijzingCijfers{}, err
	}
	if err := s.vulWerkdagenAan(ctx, zone); err != nil {
		return VerwijzingCijfers{}, err
	}
	van, tot := p.Grenzen(zone)
	waar, args := `aangemaakt >= $3 AND aangemaakt < $4`, []any{gemeente, string(r), van.UTC(), tot.UTC()}
	if s.db.Dialect() == store.SQLite {
		// The year sent in Europe/Amsterdam, exactly as index netwerk_verwijzing_cijfers (migration 0907)
		// has it, so that SQLite reads one year in the order of the GROUP BY instead of sorting it. For a
		// whole year that is the period itself and the bounds on aangemaakt (compared per row) are left out.
		const jaar = `(CAST(substr(aangemaakt, 1, 4) AS INTEGER) + (substr(aangemaakt, 6, 8) >= '12-31 23')) = `
		if p.Kwartaal == 0 {
			waar, args = jaar+`$3`, []any{gemeente, string(r), p.Jaar}
		} else {
			waar, args = waar+` AND `+jaar+`$5`, append(args, p.Jaar)
		}
	}
	q := `SELECT partner_id, behoefte, eerste_antwoord, werkdagen_tot_antwoord, hulp_gestart, COUNT(*),
		SUM(CASE WHEN ingetrokken IS NULL THEN 0 ELSE 1 END)
		FROM netwerk_verwijzing WHERE gemeente = $1 AND richting = $2 AND ` + waar + `
		GROUP BY partner_id, behoefte, eerste_antwoord, werkdagen_tot_antwoord, hulp_gestart`
	var rijen []TelRij
	err = eachRow(ctx, s.db.SQL(), q, args, func(rows *sql.Rows) error {
		var t TelRij
		var eerste string
		var hulp int
		if err := rows.Scan(&t.PartnerID, &t.Behoefte, &eerste, &t.Werkdagen, &hulp, &t.Verstuurd, &t.Ingetrokken); err != nil {
			return err
		}
		switch VStatus(eerste) {
		case Geaccepteerd:
			t.Geaccepteerd = t.Verstuurd
		case Afgewezen:
			t.Afgewezen = t.Verstuurd
		}
		if hulp == 1 {
			t.HulpGestart = t.Verstuurd
		}
		rijen = append(rijen, t)
		return nil
	})
	if err != nil {
		return VerwijzingCijfers{}, fmt.Errorf("netwerk: verwijzingscijfers %s: %w", gemeente, store.MapError(err))
	}
	c := VerwijzingCijfers{Periode: p, Richting: r}
	c.Totaal, c.PerPartner, c.PerBehoefte = TelVerwijzingen(rijen, nil, zone)
	return c, nil
}

// werkdagenTot are the working days after the day sent up to and including the day answered, both days
// in zone (Europe/Amsterdam).
func werkdagenTot(verstuurd, beantwoord time.Time, zone *time.Location) int {
	return termijn.WerkdagenTussen(datum.Van(verstuurd, zone), datum.Van(beantwoord, zone))
}

// bewaarCijfers keeps on the referral what the counts need of answer st given at nu (in Beantwoord's
// transaction): the first answer (from Verstuurd only geaccepteerd or afgewezen, each once) with the
// working days to it, and that help started.
func (s *Service) bewaarCijfers(ctx context.Context, tx *sql.Tx, v Verwijzing, st VStatus, nu time.Time) error {
	var err error
	switch {
	case v.Status == Verstuurd && (st == Geaccepteerd || st == Afgewezen):
		zone, zerr := termijn.Zone()
		if zerr != nil {
			return zerr
		}
		_, err = tx.ExecContext(ctx, `UPDATE netwerk_verwijzing SET eerste_antwoord = $3, werkdagen_tot_antwoord = $4 WHERE gemeente = $1 AND id = $2`,
			v.Gemeente, v.ID, string(st), werkdagenTot(v.Aangemaakt, nu, zone))
	case st == HulpGestart:
		_, err = tx.ExecContext(ctx, `UPDATE netwerk_verwijzing SET hulp_gestart = 1 WHERE gemeente = $1 AND id = $2`, v.Gemeente, v.ID)
	}
	if err != nil {
		return fmt.Errorf("netwerk: cijfers van verwijzing %d: %w", v.ID, store.MapError(err))
	}
	return nil
}

// vulWerkdagenAan computes the working days to the first answer of the referrals (of every gemeente)
// that migration 0907 found answered (marked -2: SQL has no Europe/Amsterdam day nor holiday calendar),
// from the history's first answer. Once done, the partial index netwerk_verwijzing_werkdagen_open is
// empty and this is one look-up that finds nothing. Two counts at once compute the same values.
func (s *Service) vulWerkdagenAan(ctx context.Context, zone *time.Location) error {
	type open struct {
		id            int64
		verstuurd, op time.Time
	}
	var te []open
	err := eachRow(ctx, s.db.SQL(), `SELECT v.id, v.aangemaakt, s.op FROM netwerk_verwijzing v
		JOIN netwerk_verwijzing_status s ON s.gemeente = v.gemeente AND s.verwijzing_id = v.id AND s.status = v.eerste_antwoord
		WHERE v.werkdagen_tot_antwoord = -2 ORDER BY v.id, s.op, s.id`, nil, func(rows *sql.Rows) error {
		var o open
		if err := rows.Scan(&o.id, &o.verstuurd, &o.op); err != nil {
			return err
		}
		if len(te) == 0 || te[len(te)-1].id != o.id { // the first such row of the referral
			te = append(te, o)
		}
		return nil
	})
	if err != nil || len(te) == 0 {
		if err != nil {
			return fmt.Errorf("netwerk: werkdagen van verwijzingen: %w", store.MapError(err))
		}
		return nil
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		upd, err := tx.PrepareContext(ctx, `UPDATE netwerk_verwijzing SET werkdagen_tot_antwoord = $2
			WHERE id = $1 AND werkdagen_tot_antwoord = -2`)
		if err != nil {
			return err
		}
		defer upd.Close()
		for _, o := range te {
			if _, err := upd.ExecContext(ctx, o.id, werkdagenTot(o.verstuurd, o.op, zone)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("netwerk: werkdagen van verwijzingen: %w", store.MapError(err))
	}
	return nil
}
