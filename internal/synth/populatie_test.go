package synth

import (
	"bytes"
	"math"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/bsn"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

var peildatum = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func testPakket(t testing.TB, gemeente string) (*nl.Parameters, *regels.Pakket) {
	t.Helper()
	params := nl.MustLoad()
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := cat.Pakket(gemeente, peildatum)
	if err != nil {
		t.Fatal(err)
	}
	return params, pk
}

func genereer(t testing.TB, gemeente string, seed uint64, aantal int, fn func(*register.Record)) {
	t.Helper()
	params, pk := testPakket(t, gemeente)
	p, err := ProfielVan(gemeente)
	if err != nil {
		t.Fatal(err)
	}
	err = Genereer(t.Context(), PopulatieOpties{Profiel: p, Seed: seed, Aantal: aantal, Datum: peildatum, Params: params, Pakket: pk},
		func(r *register.Record) error { fn(r); return nil })
	if err != nil {
		t.Fatal(err)
	}
}

func meet(t testing.TB, gemeente string, seed uint64, aantal int) *Meting {
	t.Helper()
	params, pk := testPakket(t, gemeente)
	m := NieuweMeting()
	uit := make([]regels.Kort, len(pk.Regelingen))
	genereer(t, gemeente, seed, aantal, func(r *register.Record) {
		if err := m.Tel(r, peildatum, params, pk, uit); err != nil {
			t.Fatal(err)
		}
	})
	return m
}

// binnen checks got against want with an absolute tolerance.
func binnen(t *testing.T, naam string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.2f, want %.2f ± %.2f", naam, got, want, tol)
	}
}

// TestPopulatieReproduceertSeeds checks the figures of docs/populatie.md. The quota figures
// (households, share under 120%, composition, income source) must be within 1 household or 0.5
// percentage point; the observed reach, drawn per household, within 5 percentage points.
func TestPopulatieReproduceertSeeds(t *testing.T) {
	t.Run("Ommen", func(t *testing.T) {
		m := meet(t, "GM0175", 1, 0)
		binnen(t, "huishoudens", float64(m.Huishoudens), 7800, 0)
		binnen(t, "tot 120%", float64(m.Laag), 700, 1)
		binnen(t, "eenpersoons", float64(m.LaagAlleen), 441, 1)
		binnen(t, "met minderjarige kinderen", float64(m.LaagKinderen), 105, 1)
		binnen(t, "AOW met pensioen", float64(m.LaagBron[register.InkomenAOW]), 300, 1)
		binnen(t, "werk", float64(m.LaagBron[register.InkomenWerk]), 84, 1)
		binnen(t, "eigen onderneming", float64(m.LaagBron[register.InkomenOnderneming]), 49, 1)
		binnen(t, "jonger dan 24", float64(m.LaagJong), 14, 1)
		binnen(t, "bereik participatie volwassenen %", pct(m.RechtOntvangt["participatie_volwassenen"], m.Recht["participatie_volwassenen"]), 30, 5)
		binnen(t, "bereik collectieve zorgverzekering %", pct(m.RechtOntvangt["collectieve_zorgverzekering"], m.Recht["collectieve_zorgverzekering"]), 36, 5)
		if m.Recht["participatie_volwassenen"] < 500 {
			t.Errorf("recht op participatie volwassenen = %d, want at least the 700 under 120%% minus onzeker", m.Recht["participatie_volwassenen"])
		}
	})
	t.Run("Westerkwartier", func(t *testing.T) {
		m := meet(t, "GM1969", 1, 0)
		binnen(t, "tot 120% %", pct(m.Laag, m.Huishoudens), 9, 0.5)
		binnen(t, "eenpersoons %", pct(m.LaagAlleen, m.Laag), 66, 0.5)
		binnen(t, "AOW/pensioen %", pct(m.LaagBron[register.InkomenAOW], m.Laag), 45, 0.5)
		binnen(t, "bijstand %", pct(m.LaagBron[register.InkomenBijstand], m.Laag), 22, 0.5)
		binnen(t, "andere uitkering %", pct(m.LaagBron[register.InkomenUitkering], m.Laag), 16, 0.5)
		binnen(t, "werk of onderneming %", pct(m.LaagBron[register.InkomenWerk]+m.LaagBron[register.InkomenOnderneming], m.Laag), 14, 0.5)
	})
	t.Run("Borger-Odoorn", func(t *testing.T) {
		m := meet(t, "GM1681", 1, 0)
		gem := pct(m.Laag, m.Huishoudens)
		binnen(t, "tot 120% %", gem, 9.9, 0.2)
		for _, d := range []string{"Nieuw-Buinen", "Valthermond", "Borger"} {
			if v := m.PerDorp[d]; pct(v[1], v[0]) <= gem+1 {
				t.Errorf("%s: %.1f%% tot 120%%, want clearly above the average %.1f%%", d, pct(v[1], v[0]), gem)
			}
		}
		for _, d := range []string{"Drouwenermond", "Buinerveen", "Drouwenerveen"} {
			if v := m.PerDorp[d]; pct(v[1], v[0]) >= gem-1 {
				t.Errorf("%s: %.1f%% tot 120%%, want clearly below the average %.1f%%", d, pct(v[1], v[0]), gem)
			}
		}
	})
	t.Run("schaal", func(t *testing.T) {
		m := meet(t, "GM0175", 7, 78000)
		binnen(t, "tot 120%", float64(m.Laag), 7000, 1)
		binnen(t, "eenpersoons", float64(m.LaagAlleen), 4410, 1)
	})
}

func TestPopulatieDeterministisch(t *testing.T) {
	schrijf := func(seed uint64) []byte {
		var buf bytes.Buffer
		w, _ := register.NieuweSchrijver(&buf, "csv")
		genereer(t, "GM0147", seed, 500, func(r *register.Record) {
			if err := w.Schrijf(r); err != nil {
				t.Fatal(err)
			}
		})
		w.Sluit()
		return buf.Bytes()
	}
	a, b, c := schrijf(3), schrijf(3), schrijf(4)
	if !bytes.Equal(a, b) {
		t.Error("same seed gave different populations")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds gave the same population")
	}
}

func TestPopulatieGeldig(t *testing.T) {
	genereer(t, "GM1969", 2, 3000, func(r *register.Record) {
		if err := r.Valideer(2, peildatum, "GM1969"); err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		for _, b := range r.BSN {
			if !bsn.Geldig(b) || b[:4] != "9999" {
				t.Fatalf("%s: BSN %q is not a valid test BSN", r.ID, b)
			}
		}
	})
}

func TestBSN(t *testing.T) {
	bs := BSNs()
	if got, want := len(bs), 9091; got != want {
		t.Errorf("len(BSNs()) = %d, want %d", got, want)
	}
	for _, tc := range []struct {
		bsn  string
		want bool
	}{{"999900006", true}, {"999900007", false}, {"12345678", false}, {"99990000a", false}, {"000000000", false}} {
		if got := bsn.Geldig(tc.bsn); got != tc.want {
			t.Errorf("bsn.Geldig(%q) = %v, want %v", tc.bsn, got, tc.want)
		}
	}
}
func TestLaadDemo(t *testing.T) {
	params, _ := testPakket(t, "GM0175")
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	db := storetest.OpenTest(t)
	res, err := LaadDemo(t.Context(), db, cat, peildatum, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 4 {
		t.Fatalf("demo loaded %d gemeenten, want 4", len(res))
	}
	for _, r := range res {
		p, _ := ProfielVan(r.Gemeente)
		if n, _ := register.AantalHuishoudens(t.Context(), db, r.Gemeente); n != p.Huishoudens {
			t.Errorf("%s: %d households, want %d", r.Gemeente, n, p.Huishoudens)
		}
	}
	again, err := LaadDemo(t.Context(), db, cat, peildatum, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range again {
		if r.Import.Opgeslagen != 0 {
			t.Errorf("%s: second demo load stored %d, want 0", r.Gemeente, r.Import.Opgeslagen)
		}
	}
}
