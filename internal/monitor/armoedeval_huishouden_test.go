package monitor

import (
	"github.com/zeker-platform/zeker/internal/datum"
	"slices"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// eenOuder is a single parent of 35 with children of 5 and 10, renting for € 650, without savings,
// on bijstand: the household of the preset alleenstaande_ouder_2, as the check would give it.
func eenOuder(peil time.Time) *huishouden.Huishouden {
	geb := func(jaren int) *datum.Datum { d := datum.Van(peil.AddDate(-jaren, 0, -1), nil); return &d }
	nul, huur := geld.Bedrag(0), geld.Euro(650)
	return &huishouden.Huishouden{Gemeente: "GM1969", Vermogen: &nul, Wonen: huishouden.Wonen{Soort: huishouden.Huur, HuurPerMaand: &huur},
		Ontvangt: []huishouden.Ontvangst{{Regeling: "bijstand"}},
		Personen: []huishouden.Persoon{
			{Rol: huishouden.Aanvrager, Geboortedatum: geb(35), Inkomens: []huishouden.Inkomen{{Soort: huishouden.Bijstand, BedragPerMaand: geld.Euro(1500)}}},
			{Rol: huishouden.Kind, Geboortedatum: geb(5)}, {Rol: huishouden.Kind, Geboortedatum: geb(10)},
		}}
}

// TestTypeVanGelijkAanStandaard: a resident's household with the facts of a preset gives the preset's
// curve, point by point (one code path: the resident's page, the policy page and the CLI).
func TestTypeVanGelijkAanStandaard(t *testing.T) {
	want, pk, params := curveVoor(t, "GM1969", "alleenstaande_ouder_2", "650", "2026-03-01")
	peil := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	typ, tekort := TypeVan(eenOuder(peil), peil, params)
	if len(tekort) > 0 {
		t.Fatalf("tekort: %v", tekort)
	}
	if typ.Partner || typ.AOW || !slices.Equal(typ.Kinderen, []int{5, 10}) || typ.Leeftijd != 35 || typ.Huur == nil || *typ.Huur != geld.Euro(650) {
		t.Fatalf("type: %+v", typ)
	}
	got, err := Armoedeval(pk, params, ArmoedevalOpties{Type: typ, Datum: peil})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Punten) != len(want.Punten) || len(got.Kliffen) != len(want.Kliffen) {
		t.Fatalf("%d points / %d cliffs, want %d / %d", len(got.Punten), len(got.Kliffen), len(want.Punten), len(want.Kliffen))
	}
	for i := range want.Punten {
		if got.Punten[i].Besteedbaar != want.Punten[i].Besteedbaar {
			t.Fatalf("at %s: %s, preset %s", want.Punten[i].Bruto, got.Punten[i].Besteedbaar, want.Punten[i].Besteedbaar)
		}
	}
}

// TestTypeVanTekort: every missing fact names its question; a situation the curve does not model names
// its reason; nothing is filled in.
func TestTypeVanTekort(t *testing.T) {
	params := nl.MustLoad()
	peil := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		naam string
		pas  func(h *huishouden.Huishouden)
		want []Tekort
	}{
		{"vermogen onbekend", func(h *huishouden.Huishouden) { h.Vermogen = nil }, []Tekort{{regels.VraagVermogen, TekortVermogen}}},
		{"wonen onbekend", func(h *huishouden.Huishouden) { h.Wonen = huishouden.Wonen{} }, []Tekort{{regels.VraagWonen, TekortWonen}}},
		{"huur onbekend", func(h *huishouden.Huishouden) { h.Wonen.HuurPerMaand = nil }, []Tekort{{regels.VraagWonen, TekortHuur}}},
		{"koophuis: geen huur nodig", func(h *huishouden.Huishouden) { h.Wonen = huishouden.Wonen{Soort: huishouden.Koop} }, nil},
		{"leeftijd kind onbekend", func(h *huishouden.Huishouden) { h.Personen[2].Geboortedatum = nil }, []Tekort{{regels.VraagGeboortedatumKinderen, TekortLeeftijd}}},
		{"inkomen onbekend", func(h *huishouden.Huishouden) { h.Personen[0].InkomenOnbekend = true }, []Tekort{{regels.VraagInkomenAanvrager, TekortInkomen}}},
		{"pensioen", func(h *huishouden.Huishouden) {
			h.Personen[0].Inkomens = append(h.Personen[0].Inkomens, huishouden.Inkomen{Soort: huishouden.Pensioen, BedragPerMaand: geld.Euro(100)})
		}, []Tekort{{"", TekortInkomenSoort}}},
		{"partner met loon", func(h *huishouden.Huishouden) {
			h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Partner, Geboortedatum: h.Personen[0].Geboortedatum,
				Inkomens: []huishouden.Inkomen{{Soort: huishouden.Loon, BedragPerMaand: geld.Euro(900)}}})
		}, []Tekort{{"", TekortPartnerInkomen}}},
		{"partner met AOW, aanvrager niet", func(h *huishouden.Huishouden) {
			h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Partner, Geboortedatum: datumPtr(peil.AddDate(-70, 0, 0))})
		}, []Tekort{{"", TekortAOWGemengd}}},
		{"medebewoner", func(h *huishouden.Huishouden) {
			h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Medebewoner, Geboortedatum: datumPtr(peil.AddDate(-25, 0, 0))})
		}, []Tekort{{"", TekortMedebewoners}}},
	} {
		h := eenOuder(peil)
		tc.pas(h)
		_, got := TypeVan(h, peil, params)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.naam, got, tc.want)
		}
	}
}

func TestLeeftijdOp(t *testing.T) {
	d := func(s string) time.Time { x, _ := time.Parse(time.DateOnly, s); return x }
	for _, tc := range []struct {
		geb, op string
		want    int
	}{{"1990-03-01", "2026-03-01", 36}, {"1990-03-02", "2026-03-01", 35}, {"1990-02-28", "2026-03-01", 36}, {"2000-12-31", "2026-01-01", 25}} {
		if got := leeftijdOp(d(tc.geb), d(tc.op)); got != tc.want {
			t.Errorf("%s on %s: %d, want %d", tc.geb, tc.op, got, tc.want)
		}
	}
}

// datumPtr is the day of t as a *datum.Datum.
func datumPtr(t time.Time) *datum.Datum { d := datum.Van(t, nil); return &d }
