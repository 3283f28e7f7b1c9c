package regels

import (
	"github.com/zeker-platform/zeker/internal/datum"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// TestVoorbeeldenAlleenDocumentatie: the cases of toeslagen-voorbeelden.yaml marked "documentation
// only" (their parameters are NOT FOUND in the reference) give onzeker through the engine, with the
// reason and the Belastingdienst's proefberekening, never an amount computed from another year.
//
//   - ht-2025-metro-alleenstaand-huur900-<income>: a single person of 27 renting at € 900 in 2025, at
//     each income of the Metro table (source: Metro 2025 huurtoeslag table, as the reference quotes it):
//     the 2025 minimum-inkomensijkpunten and normhuur factors are NOT FOUND.
//   - kgb-2025-delta-per-kind-vs-2024: needs the 2024 kindgebonden budget, which Zeker does not have:
//     a household on a 2024 date is refused with the period Zeker knows.
func TestVoorbeeldenAlleenDocumentatie(t *testing.T) {
	params := nl.MustLoad()
	peil := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	geb := datum.Van(peil.AddDate(-27, 0, -1), nil)
	huur := geld.Euro(900)
	for _, ink := range []int64{22000, 25000, 28000, 31000, 34000, 37000, 41000, 45000} {
		h := &huishouden.Huishouden{Gemeente: "GM0175", Vermogen: new(geld.Bedrag), Wonen: huishouden.Wonen{Soort: huishouden.Huur, HuurPerMaand: &huur},
			Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb}}}
		f, err := Afleiden(h, peil, params)
		if err != nil {
			t.Fatal(err)
		}
		f.ZetInkomen(geld.Euro(ink)/14, geld.Euro(ink), 0)
		r := nationaal(t, params, peil, HuurtoeslagID)
		u := r.verklaar(&f, Weergave{Taal: "nl"}, Weergave{Taal: "nl"}.woorder(), nil)
		var alles strings.Builder
		for _, c := range u.Criteria {
			alles.WriteString(c.Tekst + " " + c.Bron.URL + "\n")
		}
		if u.Oordeel != Onzeker || u.Bedrag != nil || !strings.Contains(alles.String(), "staan niet in onze gegevens") || !strings.Contains(alles.String(), "proefberekening") {
			t.Errorf("ht-2025-metro-alleenstaand-huur900-%d: %s %v\n%s", ink, u.Oordeel, u.Bedrag, alles.String())
		}
	}
	// kgb-2025-delta-per-kind-vs-2024: Zeker has no national data for 2024, so a household on a 2024
	// date is refused with the period Zeker knows, never computed with 2025's amounts.
	d2024 := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	ouder, kind := datum.Moet("1990-01-01"), datum.Moet("2018-01-01")
	h := &huishouden.Huishouden{Gemeente: "GM0175", Vermogen: new(geld.Bedrag), Wonen: huishouden.Wonen{Soort: huishouden.Koop},
		Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &ouder}, {Rol: huishouden.Kind, Geboortedatum: &kind}}}
	if _, err := Afleiden(h, d2024, params); err == nil || !strings.Contains(err.Error(), "niet voor 2024-06-01") {
		t.Errorf("kgb-2025-delta-per-kind-vs-2024: a 2024 household: %v", err)
	}
	if l := params.Landelijk(d2024); l.Toeslagen != nil {
		t.Error("kgb-2025-delta-per-kind-vs-2024: national toeslagen data for 2024")
	}
}

// nationaal is the national regeling id as the catalogue adds it to a pack.
func nationaal(t *testing.T, params *nl.Parameters, peil time.Time, id string) *Regeling {
	t.Helper()
	cat, err := LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := cat.Pakket("GM0175", peil)
	if err != nil {
		t.Fatal(err)
	}
	if r := pk.Regeling(id); r != nil {
		return r
	}
	t.Fatalf("no %s", id)
	return nil
}
