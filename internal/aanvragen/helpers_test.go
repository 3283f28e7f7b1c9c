package aanvragen_test

import (
	"bytes"
	"context"
	"github.com/zeker-platform/zeker/internal/datum"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
)

var (
	catOnce sync.Once
	cat     *regels.Catalogus
	params  *nl.Parameters
)

func catalogus(t testing.TB) *regels.Catalogus {
	catOnce.Do(func() {
		params = nl.MustLoad()
		var err error
		cat, err = regels.LaadStandaard(params)
		if err != nil {
			panic(err)
		}
	})
	return cat
}

type omgeving struct {
	naam string
	db   *store.DB
	log  *audit.Log
	svc  *aanvragen.Service
	mu   *sync.Mutex
	nu   *time.Time
	recs map[string][]*register.Record
}

func (o omgeving) zet(t time.Time) { o.mu.Lock(); *o.nu = t; o.mu.Unlock() }

var begin = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) // Monday

func omgevingen(t *testing.T, n int, gemeenten ...string) []omgeving {
	t.Helper()
	var out []omgeving
	for _, dia := range storetest.Dialects(t) {
		db := storetest.Open(t, dia)
		o := omgeving{naam: dia.String(), db: db, mu: new(sync.Mutex), nu: new(time.Time), recs: map[string][]*register.Record{}}
		*o.nu = begin
		klok := func() time.Time { o.mu.Lock(); defer o.mu.Unlock(); return *o.nu }
		log, err := audit.New(db, []byte("aanvragen-test-sleutel-van-minstens-32-bytes"), klok)
		if err != nil {
			t.Fatal(err)
		}
		svc, err := aanvragen.New(aanvragen.Config{DB: db, Audit: log, Catalogus: catalogus(t), Klok: klok})
		if err != nil {
			t.Fatal(err)
		}
		o.log, o.svc = log, svc
		for i, gm := range gemeenten {
			if n > 0 {
				o.recs[gm] = importeer(t, db, gm, n, uint64(i+1))
			}
		}
		out = append(out, o)
	}
	return out
}

func importeer(t *testing.T, db *store.DB, gm string, n int, seed uint64) []*register.Record {
	t.Helper()
	c := catalogus(t)
	datum := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	pk, err := c.Pakket(gm, datum)
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

// alleenstaande is a resident of Ommen living alone who rents and does not know their income: the
// income criteria stay open, so a payslip is asked.
func alleenstaande(gm string) *huishouden.Huishouden {
	geb := datum.Nieuw(1980, 5, 1)
	huur := geld.Euro(650)
	return &huishouden.Huishouden{Gemeente: gm, Woonplaats: "Vilsteren",
		Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb, InkomenOnbekend: true}},
		Wonen:    huishouden.Wonen{Soort: huishouden.Huur, HuurPerMaand: &huur}}
}

// pdf is a small document that passes the content check.
func pdf(n int) []byte {
	b := []byte("%PDF-1.4\n")
	return append(b, bytes.Repeat([]byte("x"), n)...)
}

var consulent = aanvragen.Medewerker{ID: 7, Naam: "Test Consulent"}
var collega = aanvragen.Medewerker{ID: 8, Naam: "Tweede Consulent"}

func metActor(ctx context.Context) context.Context {
	return audit.WithActor(ctx, audit.Actor{Soort: audit.ActorGebruiker, ID: "7", Naam: "Test Consulent"})
}
