package opslag

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/zeker-platform/zeker/internal/jobs"
)

// JobBewaartermijn is the job kind of the daily retention run of one gemeente.
const JobBewaartermijn = "signalen.bewaartermijn"

// RegistreerJobs registers the retention handler on r and keeps it scheduled once a day for each of
// gemeenten. The server calls it at start with the active gemeenten.
func (s *Service) RegistreerJobs(r *jobs.Runner, gemeenten []string) {
	r.Handle(JobBewaartermijn, func(ctx context.Context, run *jobs.Run) error {
		if run.Gemeente == "" {
			return jobs.Permanent(fmt.Errorf("opslag: %s zonder gemeente", JobBewaartermijn))
		}
		res, err := s.Bewaar(ctx, run.Gemeente)
		if err != nil {
			return err
		}
		slog.InfoContext(ctx, "signalen: bewaartermijn", "gemeente", run.Gemeente, "zaken", res.Zaken, "signalen", res.Signalen)
		return run.SetProgress(ctx, int64(res.Zaken), int64(res.Zaken), fmt.Sprintf("%d vroegsignaalzaken en %d signalen verwijderd", res.Zaken, res.Signalen))
	})
	for _, g := range gemeenten {
		r.Every(JobBewaartermijn, g, 24*time.Hour)
	}
}
