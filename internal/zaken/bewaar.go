package zaken

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/jobs"
)

// JobBewaartermijn is the job kind of the daily run of one gemeente: retention, and the deadlines of
// open zaken recomputed against the calendar.
const JobBewaartermijn = "zaken.bewaartermijn"

// Opgeruimd reports a retention run.
type Opgeruimd struct {
	Zaken int
	// NietIngesteld lists the end statuses without a retention term: their zaken are kept.
	NietIngesteld []Status
}

// Bewaar deletes the closed zaken of the gemeente whose retention term (months after closing, per end
// status, from the settings) has passed, with their persons, signals and timeline lines; and the plan,
// regie and timeline of a household that has no zaak left. Open zaken are never deleted; a status
// without a term keeps its zaken. One audit row per run with the number of zaken.
func (s *Service) Bewaar(ctx context.Context, gemeente string) (Opgeruimd, error) {
	var res Opgeruimd
	in, err := s.Instellingen(ctx, gemeente)
	if err != nil {
		return res, err
	}
	vandaag := s.Vandaag()
	defer s.ind.vergeet(gemeente)
	err = s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		res = Opgeruimd{}
		for _, st := range EindStatussen() {
			m := in.Bewaren[st]
			if m <= 0 {
				res.NietIngesteld = append(res.NietIngesteld, st)
				continue
			}
			// Closed on or before this day: the term of m months after closing has passed.
			grens := vandaag.PlusMaanden(-m).String()
			sel := `SELECT id FROM zaken_zaak WHERE gemeente = $1 AND status = $2 AND einde <> '' AND einde < $3`
			for _, tabel := range []string{"zaken_persoon", "zaken_signaal", "zaken_aanvraag", "zaken_schuld", "zaken_budgetpost", "zaken_brief", "zaken_stap", "zaken_bijzonder", "zaken_beslagvrije_voet"} {
				if _, err := tx.ExecContext(ctx, `DELETE FROM `+tabel+` WHERE gemeente = $1 AND zaak_id IN (`+sel+`)`, gemeente, string(st), grens); err != nil {
					return fmt.Errorf("zaken: bewaar %s: %w", tabel, err)
				}
			}
			nz := `SELECT id FROM zaken_nazorg WHERE gemeente = $1 AND zaak_id IN (` + sel + `)`
			if _, err := tx.ExecContext(ctx, `DELETE FROM zaken_contactmoment WHERE gemeente = $1 AND nazorg_id IN (`+nz+`)`, gemeente, string(st), grens); err != nil {
				return fmt.Errorf("zaken: bewaar contactmomenten: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM zaken_nazorg WHERE gemeente = $1 AND zaak_id IN (`+sel+`)`, gemeente, string(st), grens); err != nil {
				return fmt.Errorf("zaken: bewaar nazorg: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM zaken_gebeurtenis WHERE gemeente = $1 AND zaak_id IN (`+sel+`)`, gemeente, string(st), grens); err != nil {
				return fmt.Errorf("zaken: bewaar tijdlijn: %w", err)
			}
			r, err := tx.ExecContext(ctx, `DELETE FROM zaken_zaak WHERE gemeente = $1 AND status = $2 AND einde <> '' AND einde < $3`, gemeente, string(st), grens)
			if err != nil {
				return fmt.Errorf("zaken: bewaar zaken: %w", err)
			}
			n, _ := r.RowsAffected()
			res.Zaken += int(n)
		}
		if res.Zaken == 0 {
			return nil
		}
		// Households without any zaak left lose their plan, regie and household-level timeline.
		zonder := `SELECT huishouden_id FROM zaken_huishouden h WHERE h.gemeente = $1 AND NOT EXISTS
			(SELECT 1 FROM zaken_zaak z WHERE z.gemeente = h.gemeente AND z.huishouden_id = h.huishouden_id)`
		for _, tabel := range []string{"zaken_actie", "zaken_doel", "zaken_gebeurtenis"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+tabel+` WHERE gemeente = $1 AND huishouden_id IN (`+zonder+`)`, gemeente); err != nil {
				return fmt.Errorf("zaken: bewaar %s: %w", tabel, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM zaken_huishouden WHERE gemeente = $1 AND huishouden_id IN (`+zonder+`)`, gemeente); err != nil {
			return fmt.Errorf("zaken: bewaar huishoudens: %w", err)
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteitOpschonen,
			Operatie: "zaken.bewaartermijn", Actie: audit.Verwijderen, Resultaat: audit.OK, Object: "zaken", Aantal: res.Zaken})
	})
	return res, err
}

// RegistreerJobs registers the daily handler on r and schedules it once a day for each of gemeenten.
func (s *Service) RegistreerJobs(r *jobs.Runner, gemeenten []string) {
	r.Handle(JobBewaartermijn, func(ctx context.Context, run *jobs.Run) error {
		if run.Gemeente == "" {
			return jobs.Permanent(fmt.Errorf("zaken: %s zonder gemeente", JobBewaartermijn))
		}
		ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: JobBewaartermijn, Naam: "bewaartermijn zaken"})
		herberekend, err := s.Herbereken(ctx, run.Gemeente)
		if err != nil {
			return err
		}
		res, err := s.Bewaar(ctx, run.Gemeente)
		if err != nil {
			return err
		}
		slog.InfoContext(ctx, "zaken: bewaartermijn", "gemeente", run.Gemeente, "zaken", res.Zaken, "herberekend", herberekend,
			"niet_ingesteld", len(res.NietIngesteld))
		msg := fmt.Sprintf("%d afgesloten zaken verwijderd; termijnen van %d open zaken herberekend", res.Zaken, herberekend)
		if len(res.NietIngesteld) > 0 {
			msg += fmt.Sprintf("; voor %d eindstatussen is geen bewaartermijn ingesteld", len(res.NietIngesteld))
		}
		return run.SetProgress(ctx, int64(res.Zaken), int64(res.Zaken), msg)
	})
	for _, g := range gemeenten {
		r.Every(JobBewaartermijn, g, 24*time.Hour)
	}
}
