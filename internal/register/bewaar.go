package register

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/store"
)

// Instellingen are a gemeente's retention settings for its household register. Every import is a
// snapshot: the households its file contained. The newest BewaarSnapshots snapshots are kept whatever
// their age (two by default, so that two snapshots can still be compared); an older snapshot is deleted
// once it is more than BewaarDagen days old.
type Instellingen struct {
	BewaarSnapshots int `json:"bewaar_snapshots"`
	BewaarDagen     int `json:"bewaar_dagen"`
}

// StandaardInstellingen apply to a gemeente that stored none.
var StandaardInstellingen = Instellingen{BewaarSnapshots: 2, BewaarDagen: 365}

// Valideer names the field and the reason of a bad setting.
func (i Instellingen) Valideer() error {
	var errs []error
	if i.BewaarSnapshots < 1 || i.BewaarSnapshots > 100 {
		errs = append(errs, fmt.Errorf("bewaar_snapshots: %d, moet 1 tot en met 100 zijn (de laatste snapshots blijven altijd bewaard)", i.BewaarSnapshots))
	}
	if i.BewaarDagen < 1 || i.BewaarDagen > 3650 {
		errs = append(errs, fmt.Errorf("bewaar_dagen: %d, moet 1 tot en met 3650 dagen zijn", i.BewaarDagen))
	}
	return errors.Join(errs...)
}

// LeesInstellingen returns the gemeente's retention settings, or StandaardInstellingen.
func LeesInstellingen(ctx context.Context, db *store.DB, gemeente string) (Instellingen, error) {
	i := StandaardInstellingen
	err := db.SQL().QueryRowContext(ctx, `SELECT bewaar_snapshots, bewaar_dagen FROM register_instellingen WHERE gemeente = $1`, gemeente).
		Scan(&i.BewaarSnapshots, &i.BewaarDagen)
	if errors.Is(err, sql.ErrNoRows) {
		return StandaardInstellingen, nil
	}
	if err != nil {
		return i, fmt.Errorf("register: instellingen %s: %w", gemeente, store.MapError(err))
	}
	return i, nil
}

// ZetInstellingen stores the gemeente's retention settings after Valideer.
func ZetInstellingen(ctx context.Context, db *store.DB, gemeente string, i Instellingen) error {
	if err := i.Valideer(); err != nil {
		return fmt.Errorf("register: instellingen %s: %w", gemeente, err)
	}
	_, err := db.SQL().ExecContext(ctx, `INSERT INTO register_instellingen (gemeente, bewaar_snapshots, bewaar_dagen) VALUES ($1, $2, $3)
		ON CONFLICT (gemeente) DO UPDATE SET bewaar_snapshots = excluded.bewaar_snapshots, bewaar_dagen = excluded.bewaar_dagen`,
		gemeente, i.BewaarSnapshots, i.BewaarDagen)
	if err != nil {
		return fmt.Errorf("register: instellingen %s: %w", gemeente, store.MapError(err))
	}
	return nil
}

// Opgeruimd is what one retention run deleted.
type Opgeruimd struct {
	Snapshots   int   // imports whose snapshot was deleted
	Huishoudens int64 // households that no later import contained
}

// Bewaar enforces the gemeente's retention settings at nu: every finished import that is not among
// the newest BewaarSnapshots and finished more than BewaarDagen days before nu loses its snapshot. Its
// households that no later import contained (gezien = that import) are deleted; its counts per
// woonplaats, regeling and target group, written when it was imported (Tijdreeks), stay. Each deleted
// snapshot is one transaction and one audit row (log may be nil in tests that do not look).
func Bewaar(ctx context.Context, db *store.DB, log *audit.Log, gemeente string, nu time.Time) (Opgeruimd, error) {
	var res Opgeruimd
	inst, err := LeesInstellingen(ctx, db, gemeente)
	if err != nil {
		return res, err
	}
	rows, err := db.SQL().QueryContext(ctx, `SELECT id, klaar, opgeruimd FROM register_import
		WHERE gemeente = $1 AND status = 'klaar' ORDER BY klaar DESC, id DESC`, gemeente)
	if err != nil {
		return res, fmt.Errorf("register: bewaren: %w", store.MapError(err))
	}
	type snapshot struct {
		id    int64
		klaar time.Time
	}
	var weg []snapshot
	grens := nu.AddDate(0, 0, -inst.BewaarDagen)
	n := 0
	for rows.Next() {
		var s snapshot
		var opgeruimd sql.NullTime
		if err := rows.Scan(&s.id, &s.klaar, &opgeruimd); err != nil {
			rows.Close()
			return res, fmt.Errorf("register: bewaren: %w", store.MapError(err))
		}
		n++
		if n > inst.BewaarSnapshots && s.klaar.Before(grens) && !opgeruimd.Valid {
			weg = append(weg, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("register: bewaren: %w", store.MapError(err))
	}
	for _, s := range weg {
		aantal, err := verwijderSnapshot(ctx, db, gemeente, s.id, nu)
		if err != nil {
			return res, err
		}
		res.Snapshots++
		res.Huishoudens += aantal
		if log != nil {
			if err := log.Schrijf(ctx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: "bewaartermijn.opschonen",
				Operatie: "huishoudens.verwijderen", Actie: audit.Verwijderen, Aantal: int(aantal), Resultaat: audit.OK,
				Object: fmt.Sprintf("import/%d", s.id), Detail: fmt.Sprintf("snapshot ouder dan %d dagen en niet bij de laatste %d", inst.BewaarDagen, inst.BewaarSnapshots)}); err != nil {
				return res, fmt.Errorf("register: bewaren: audit: %w", err)
			}
		}
	}
	return res, nil
}

func verwijderSnapshot(ctx context.Context, db *store.DB, gemeente string, importID int64, nu time.Time) (int64, error) {
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("register: bewaren: begin: %w", store.MapError(err))
	}
	defer tx.Rollback()
	r, err := tx.ExecContext(ctx, `DELETE FROM register_huishouden WHERE gemeente = $1 AND gezien = $2`, gemeente, importID)
	if err != nil {
		return 0, fmt.Errorf("register: bewaren: import %d: %w", importID, store.MapError(err))
	}
	n, _ := r.RowsAffected()
	if _, err := tx.ExecContext(ctx, `UPDATE register_import SET opgeruimd = $1 WHERE gemeente = $2 AND id = $3 AND opgeruimd IS NULL`,
		nu.UTC().Truncate(time.Microsecond), gemeente, importID); err != nil {
		return 0, fmt.Errorf("register: bewaren: import %d: %w", importID, store.MapError(err))
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("register: bewaren: commit: %w", store.MapError(err))
	}
	return n, nil
}

// JobBewaartermijn is the job kind of the daily retention run of one gemeente's household register.
const JobBewaartermijn = "register.bewaartermijn"

func (d *Service) bewaartermijnJob(ctx context.Context, run *jobs.Run) error {
	if run.Gemeente == "" {
		return jobs.Permanent(fmt.Errorf("register: %s zonder gemeente", JobBewaartermijn))
	}
	ctx = audit.AlsSysteem(ctx, JobBewaartermijn, run.ID)
	nu := time.Now()
	if d.Nu != nil {
		nu = d.Nu()
	}
	res, err := Bewaar(ctx, d.DB, d.Audit, run.Gemeente, nu)
	if err != nil {
		return err
	}
	slog.InfoContext(ctx, "register: bewaartermijn", "gemeente", run.Gemeente, "snapshots", res.Snapshots, "huishoudens", res.Huishoudens)
	return run.SetProgress(ctx, int64(res.Snapshots), int64(res.Snapshots),
		fmt.Sprintf("%d snapshots met %d huishoudens verwijderd", res.Snapshots, res.Huishoudens))
}
