package zaken_test

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// omgeving is one migrated database with an injected clock (not synctest: its clock starts in 2000),
// the audit log, the service and the households imported into the register.
type omgeving struct {
	naam string
	db   *store.DB
	log  *audit.Log
	svc  *zaken.Service
	prt  *partner.Service
	mu   *sync.Mutex
	nu   *time.Time
	recs map[string][]*register.Record // per gemeente
}

var ams = func() *time.Location {
	z, err := termijn.Zone()
	if err != nil {
		panic(err)
	}
	return z
}()

// op is a moment in Amsterdam.
func op(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, ams)
	if err != nil {
		panic(err)
	}
	return t
}

func d(s string) datum.Datum {
	v, err := datum.Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

// omgevingen returns a SQLite environment, and a PostgreSQL one when TEST_DATABASE_URL is set, each
// with n synthetic households per gemeente in the register.
func omgevingen(t *testing.T, nu time.Time, n int, gemeenten ...string) []omgeving {
	t.Helper()
	var out []omgeving
	for _, dia := range storetest.Dialects(t) {
		db := storetest.Open(t, dia)
		o := omgeving{naam: dia.String(), db: db, mu: new(sync.Mutex), nu: new(time.Time), recs: map[string][]*register.Record{}}
		*o.nu = nu
		klok := func() time.Time { o.mu.Lock(); defer o.mu.Unlock(); return *o.nu }
		log, err := audit.New(db, []byte("zaken-test-sleutel-van-minstens-32-bytes!!"), klok)
		if err != nil {
			t.Fatal(err)
		}
		prt, err := partner.New(partner.Config{DB: db, Audit: log, Klok: klok,
			Verhuizers: []partner.Verhuizer{{Naam: "zaken", Verhuizen: zaken.VerhuisPartner}}})
		if err != nil {
			t.Fatal(err)
		}
		svc, err := zaken.New(zaken.Config{DB: db, Audit: log, Klok: klok, Partners: prt, Afzender: testAfzender, Params: nl.MustLoad()})
		if err != nil {
			t.Fatal(err)
		}
		o.log, o.svc, o.prt = log, svc, prt
		for i, gm := range gemeenten {
			o.recs[gm] = importeer(t, db, gm, n, uint64(i+1))
		}
		out = append(out, o)
	}
	return out
}

// zet moves the injected clock.
func (o omgeving) zet(t time.Time) { o.mu.Lock(); *o.nu = t; o.mu.Unlock() }

// importeer puts n synthetic households of gm in the register and returns them.
func importeer(t *testing.T, db *store.DB, gm string, n int, seed uint64) []*register.Record {
	t.Helper()
	params := nl.MustLoad()
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	datum := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	pk, err := cat.Pakket(gm, datum)
	if err != nil {
		t.Fatal(err)
	}
	profiel, err := synth.ProfielVan(gm)
	if err != nil {
		t.Fatal(err)
	}
	var recs []*register.Record
	pr, pw := io.Pipe()
	go func() {
		sw, err := register.NieuweSchrijver(pw, "csv")
		if err == nil {
			err = synth.Genereer(context.Background(), synth.PopulatieOpties{Profiel: profiel, Seed: seed, Aantal: n, Datum: datum, Params: params, Pakket: pk},
				func(r *register.Record) error { recs = append(recs, r); return sw.Schrijf(r) })
		}
		if err == nil {
			err = sw.Sluit()
		}
		pw.CloseWithError(err)
	}()
	if _, err := register.Importeer(t.Context(), db, pr, register.ImportOpties{Gemeente: gm, Formaat: "csv", Datum: datum}); err != nil {
		t.Fatal(err)
	}
	return recs
}

// consulent is the test case worker; metActor puts them on the context as the audit actor.
var consulent = zaken.Medewerker{ID: 7, Naam: "Test Consulent"}

func metActor(ctx context.Context) context.Context {
	return audit.WithActor(ctx, audit.Actor{Soort: audit.ActorGebruiker, ID: "7", Naam: "Test Consulent"})
}

// auditRijen returns the audit rows of gemeente, newest first.
func (o omgeving) auditRijen(t *testing.T, gemeente string, f audit.Filter) []audit.Regel {
	t.Helper()
	f.Gemeente, f.Limiet = gemeente, 1000
	rs, err := o.log.Zoek(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// eersteBSN returns the first BSN of a household.
func eersteBSN(r *register.Record) string {
	for _, b := range r.BSN {
		if b != "" {
			return b
		}
	}
	return ""
}

// testAfzender is the sender of the letters in tests (no tenants rows exist there).
func testAfzender(_ context.Context, gm string) (brief.Afzender, error) {
	return brief.Afzender{Naam: "Gemeente Test " + gm, Adres: []string{"Postbus 1", "9999 ZZ Testdorp"}}, nil
}
