package register

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/store"
)

// JobImport is the job kind of a household import (internal/jobs).
const JobImport = "import.huishoudens"

// ImportTaak is the payload of an import job: a file on the server (for example an upload saved by
// the web handler) and how to read it.
type ImportTaak struct {
	Bestand     string `json:"bestand"`
	Formaat     string `json:"formaat"` // csv or json; default from the file name
	Datum       string `json:"datum"`   // reference date of the validation, jjjj-mm-dd; default today
	SkipInvalid bool   `json:"skip_invalid"`
	Afgewezen   string `json:"afgewezen"` // file for rejected rows (with SkipInvalid)
}

// Service is what the register's jobs need.
type Service struct {
	DB    *store.DB
	Audit *audit.Log
	Nu    func() time.Time // the retention job's clock; nil: time.Now
}

// Registreer adds the register's job handlers to a runner and schedules the retention job
// (JobBewaartermijn) once a day for each of gemeenten; the server passes the active gemeenten.
func (d *Service) Registreer(r *jobs.Runner, gemeenten []string) {
	r.Handle(JobImport, d.importJob)
	r.Handle(JobBewaartermijn, d.bewaartermijnJob)
	for _, g := range gemeenten {
		r.Every(JobBewaartermijn, g, 24*time.Hour)
	}
}

func (d *Service) importJob(ctx context.Context, run *jobs.Run) error {
	var t ImportTaak
	if err := run.Decode(&t); err != nil {
		return err
	}
	ctx = audit.AlsSysteem(ctx, JobImport, run.ID)
	datum, err := jobs.Datum(t.Datum)
	if err != nil {
		return jobs.Permanent(err)
	}
	f, err := os.Open(t.Bestand)
	if err != nil {
		return jobs.Permanent(fmt.Errorf("register: import: %w", err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	o := ImportOpties{Gemeente: run.Gemeente, Formaat: t.Formaat, Datum: datum, Bestand: t.Bestand, SkipInvalid: t.SkipInvalid, Grootte: st.Size()}
	if o.Formaat == "" {
		o.Formaat = FormaatVan(t.Bestand)
	}
	if t.SkipInvalid {
		af, err := os.Create(t.Afgewezen)
		if err != nil {
			return jobs.Permanent(fmt.Errorf("register: import: bestand voor afgewezen rijen: %w", err))
		}
		defer af.Close()
		o.Afgewezen = af
	}
	o.Voortgang = func(v Voortgang) {
		_ = run.SetProgress(ctx, v.Bytes, v.Grootte, v.String())
	}
	res, err := Importeer(ctx, d.DB, f, o)
	if err != nil {
		// A bad file does not get better by trying again.
		_ = d.log(ctx, run.Gemeente, "import.huishoudens", "huishoudens.importeren", audit.Aanmaken, 0, audit.Fout, fmt.Sprintf("import/%d", resID(res)))
		return jobs.Permanent(err)
	}
	_ = run.SetProgress(ctx, res.Rijen, res.Rijen, fmt.Sprintf("klaar: %d rijen, %d opgeslagen, %d ongewijzigd, %d afgewezen", res.Rijen, res.Opgeslagen, res.Ongewijzigd, res.Afgewezen))
	return d.log(ctx, run.Gemeente, "import.huishoudens", "huishoudens.importeren", audit.Aanmaken, int(res.Opgeslagen), audit.OK, fmt.Sprintf("import/%d", res.ID))
}

func resID(r *ImportResultaat) int64 {
	if r == nil {
		return 0
	}
	return r.ID
}

func (d *Service) log(ctx context.Context, gemeente, activiteit, operatie string, actie audit.Actie, aantal int, res audit.Resultaat, object string) error {
	if d.Audit == nil {
		return nil
	}
	return d.Audit.Schrijf(ctx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit, Operatie: operatie,
		Actie: actie, Aantal: aantal, Resultaat: res, Object: object})
}
