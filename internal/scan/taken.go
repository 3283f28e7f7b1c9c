package scan

import (
	"context"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
)

// JobScan is the job kind of a scan (internal/jobs).
const JobScan = "scan.uitvoeren"

// ScanTaak is the payload of a scan job.
type ScanTaak struct {
	Datum string `json:"datum"` // reference date, jjjj-mm-dd; default today
}

// Service is what the scan jobs need.
type Service struct {
	DB        *store.DB
	Catalogus *regels.Catalogus
	Audit     *audit.Log
}

// Registreer adds the scan's job handlers to a runner.
func (d *Service) Registreer(r *jobs.Runner) {
	r.Handle(JobScan, d.scanJob)
}

func (d *Service) scanJob(ctx context.Context, run *jobs.Run) error {
	var t ScanTaak
	if err := run.Decode(&t); err != nil {
		return err
	}
	ctx = audit.AlsSysteem(ctx, JobScan, run.ID)
	datum, err := jobs.Datum(t.Datum)
	if err != nil {
		return jobs.Permanent(err)
	}
	u, err := Voer(ctx, d.DB, d.Catalogus, run.Gemeente, datum, func(stap string, gedaan, totaal int64) {
		_ = run.SetProgress(ctx, gedaan, totaal, stap)
	})
	if err != nil {
		return err
	}
	id, err := u.SlaOp(ctx, d.DB)
	if err != nil {
		return err
	}
	_ = run.SetProgress(ctx, int64(u.Huishoudens), int64(u.Huishoudens), fmt.Sprintf("klaar: scan %d", id))
	return d.log(ctx, run.Gemeente, "scan.uitvoeren", "huishoudens.scannen", audit.Lezen, u.Huishoudens, audit.OK, fmt.Sprintf("scan/%d", id))
}

// Voer loads the gemeente's households and scans them at datum against the pack that applies then.
// stap, when not nil, hears of progress.
func Voer(ctx context.Context, db *store.DB, cat *regels.Catalogus, gemeente string, datum time.Time, stap func(string, int64, int64)) (*Uitslag, error) {
	pk, err := cat.Pakket(gemeente, datum)
	if err != nil {
		return nil, err
	}
	if stap != nil {
		stap("huishoudens laden", 0, 0)
	}
	pop, err := register.LaadPopulatie(ctx, db, gemeente, datum, cat.Params())
	if err != nil {
		return nil, err
	}
	if stap != nil {
		stap("regelingen beoordelen", 0, int64(pop.Len()))
	}
	return Scan(ctx, pop, pk)
}

func (d *Service) log(ctx context.Context, gemeente, activiteit, operatie string, actie audit.Actie, aantal int, res audit.Resultaat, object string) error {
	if d.Audit == nil {
		return nil
	}
	return d.Audit.Schrijf(ctx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit, Operatie: operatie,
		Actie: actie, Aantal: aantal, Resultaat: res, Object: object})
}
