package regels

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

func htHuishouden(partner bool, kinderen int, soort huishouden.WoonSoort, huur, vermogen string) *huishouden.Huishouden {
	geb := datum.Moet("1985-04-12")
	h := &huishouden.Huishouden{Gemeente: "GM0175", Wonen: huishouden.Wonen{Soort: soort}}
	h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Aanvrager, Geboortedatum: &geb})
	if partner {
		h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Partner, Geboortedatum: &geb})
	}
	for range kinderen {
		k := datum.Moet("2018-06-01")
		h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Kind, Geboortedatum: &k})
	}
	if huur != "" {
		b := geld.MustParse(huur)
		h.Wonen.HuurPerMaand = &b
	}
	if vermogen != "" {
		b := geld.MustParse(vermogen)
		h.Vermogen = &b
	}
	return h
}

// TestHuurtoeslag: the national huurtoeslag through the engine, for households without income (so
// the toetsingsinkomen is 0 and the amount is the rent part alone), with the amounts worked out:
//
//	single, rent 650, 2026: A = 498.20 − 202.52 = 295.68; B = 65% × (650 − 498.20) = 98.67 → 394.35 → 394
//	partners, rent 650:     A = 498.20 − 200.71 = 297.49; B = 98.67                 → 396.16 → 396
func TestHuurtoeslag(t *testing.T) {
	d2026 := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	d2025 := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		naam    string
		h       *huishouden.Huishouden
		datum   time.Time
		oordeel Oordeel
		bedrag  string // "" unknown
		vragen  []Vraag
		zinnen  []string // must appear in the criteria texts
		bronnen []string // parameter ids that must be named as a criterion's source
	}{
		{"huurder boven de basishuur", htHuishouden(false, 0, huishouden.Huur, "650", "1000"), d2026, Recht, "394", nil,
			[]string{"Uw kale huur is € 650 per maand. Dat is meer dan de basishuur van € 202,52.", "De grens is € 38.479.", "Uw inkomen per jaar vóór belasting is € 0."},
			[]string{"huurtoeslag.basishuur_eenpersoons", "huurtoeslag.vermogen_per_persoon", "huurtoeslag.minimum_inkomensijkpunt_eenpersoons"}},
		{"huur niet boven de basishuur", htHuishouden(false, 0, huishouden.Huur, "202.52", "0"), d2026, GeenRecht, "", nil,
			[]string{"niet meer dan de basishuur van € 202,52", "Dan is er geen huurtoeslag."}, []string{"huurtoeslag.basishuur_eenpersoons"}},
		{"meerpersoons een cent boven de basishuur: onder het minimum", htHuishouden(false, 1, huishouden.Huur, "200.72", "0"), d2026, GeenRecht, "", nil,
			[]string{"meer dan de basishuur van € 200,71"}, []string{"huurtoeslag.basishuur_meerpersoons"}},
		{"meerpersoons op de basishuur", htHuishouden(true, 0, huishouden.Huur, "200.71", "0"), d2026, GeenRecht, "", nil,
			[]string{"niet meer dan de basishuur van € 200,71"}, nil},
		{"koopwoning", htHuishouden(false, 0, huishouden.Koop, "", "0"), d2026, GeenRecht, "", nil,
			[]string{"U woont in een koopwoning."}, nil},
		{"inwonend", htHuishouden(false, 0, huishouden.Inwonend, "", ""), d2026, GeenRecht, "", nil,
			[]string{"U woont in bij iemand anders."}, nil},
		{"wonen onbekend", htHuishouden(false, 0, "", "", "0"), d2026, Onzeker, "", []Vraag{VraagWonen},
			[]string{"Wij weten niet of u uw woning huurt."}, nil},
		{"wonen en vermogen onbekend", htHuishouden(false, 0, "", "", ""), d2026, Onzeker, "", []Vraag{VraagVermogen, VraagWonen}, nil, nil},
		{"huur onbekend", htHuishouden(false, 0, huishouden.Huur, "", "0"), d2026, Onzeker, "", []Vraag{VraagWonen},
			[]string{"Wij weten niet hoeveel kale huur u betaalt."}, nil},
		{"vermogen boven de grens", htHuishouden(false, 0, huishouden.Huur, "650", "38479.01"), d2026, GeenRecht, "", nil,
			[]string{"De grens is € 38.479. Dat is meer dan de grens."}, []string{"huurtoeslag.vermogen_per_persoon"}},
		{"vermogen op de grens", htHuishouden(false, 0, huishouden.Huur, "650", "38479"), d2026, Recht, "394", nil, nil, nil},
		{"vermogen boven de grens, wonen onbekend: beslist zonder vraag", htHuishouden(false, 0, "", "", "50000"), d2026, GeenRecht, "", nil, nil, nil},
		{"partners onder de partnergrens", htHuishouden(true, 0, huishouden.Huur, "650", "50000"), d2026, Recht, "396", nil,
			[]string{"De grens voor u en uw partner samen is € 76.958."}, []string{"huurtoeslag.vermogen_partners"}},
		{"partners boven de partnergrens", htHuishouden(true, 0, huishouden.Huur, "650", "76958.01"), d2026, GeenRecht, "", nil, nil, nil},
		{"2025: de factoren staan niet in de referentie", htHuishouden(false, 0, huishouden.Huur, "150", "0"), d2025, Onzeker, "", nil,
			[]string{"weten wij voor deze datum niet", "De grens is € 37.395.", "staan niet in onze gegevens", "proefberekening"},
			[]string{"huurtoeslag.vermogen_per_persoon", "huurtoeslag.niet_gevonden"}},
		{"2025: ook een hoge huur blijft onzeker", htHuishouden(false, 0, huishouden.Huur, "950", "0"), d2025, Onzeker, "", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			if err := tt.h.Valideer(tt.datum); err != nil {
				t.Fatal(err)
			}
			u, err := Huurtoeslag(tt.h, tt.datum, Weergave{Taal: "nl"})
			if err != nil {
				t.Fatal(err)
			}
			if u.Oordeel != tt.oordeel {
				t.Errorf("oordeel got %s, want %s", u.Oordeel, tt.oordeel)
			}
			if !slices.Equal(u.Vragen, tt.vragen) {
				t.Errorf("vragen got %v, want %v", u.Vragen, tt.vragen)
			}
			switch {
			case tt.bedrag == "" && u.Bedrag != nil:
				t.Errorf("bedrag %s, want onbekend", u.Bedrag.Decimal())
			case tt.bedrag != "" && (u.Bedrag == nil || *u.Bedrag != geld.MustParse(tt.bedrag)):
				t.Errorf("bedrag %v, want %s", u.Bedrag, tt.bedrag)
			}
			if u.ID != "huurtoeslag" || u.Naam != "Huurtoeslag" || u.Uitvoerder != "Dienst Toeslagen" || u.Periode != PerMaand {
				t.Errorf("kop: %q %q %q %q", u.ID, u.Naam, u.Uitvoerder, u.Periode)
			}
			if u.Grondslag.Tekst != "Wet op de huurtoeslag" || u.Aanvragen.Link == "" || u.Aanvragen.Documenten == nil || !strings.Contains(u.Aanvragen.Toelichting, "DigiD") {
				t.Errorf("grondslag/aanvragen: %+v %+v", u.Grondslag, u.Aanvragen)
			}
			var alles strings.Builder
			ids := map[string]bool{}
			for _, c := range u.Criteria {
				alles.WriteString(c.Tekst + "\n")
				if c.Bron.Leeg() {
					t.Errorf("criterium zonder bron: %q", c.Tekst)
				}
				if c.Bron.NL != "" {
					ids[c.Bron.NL] = true
					if c.Bron.URL == "" && c.Bron.Citaat == "" {
						t.Errorf("bron %s zonder URL en zonder herkomst: %+v", c.Bron.NL, c.Bron)
					}
					// Residents see the short name, not the reference's English provenance.
					if strings.Contains(c.Bron.Tekst, "source_type") || strings.Contains(c.Bron.Tekst, "third-party") {
						t.Errorf("bron %s toont de herkomst in plaats van de korte naam: %q", c.Bron.NL, c.Bron.Tekst)
					}
				}
				if c.Uitkomst != triWoord(c.Oordeel) {
					t.Errorf("uitkomst %q bij oordeel %d", c.Uitkomst, c.Oordeel)
				}
			}
			alles.WriteString(u.BedragUitleg)
			for _, z := range tt.zinnen {
				if !strings.Contains(alles.String(), z) {
					t.Errorf("criteria noemen %q niet:\n%s", z, alles.String())
				}
			}
			for _, id := range tt.bronnen {
				if !ids[id] {
					t.Errorf("geen criterium met bron %s (wel: %v)", id, ids)
				}
			}
		})
	}
}

func TestHuurtoeslagWeergave(t *testing.T) {
	d := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	h := htHuishouden(true, 0, huishouden.Huur, "650.50", "1000")
	tests := []struct {
		w      Weergave
		naam   string
		zinnen []string
		niet   []string
	}{
		{Weergave{Taal: "nl", Intermediair: true}, "Huurtoeslag",
			[]string{"Uw cliënt huurt de woning.", "De kale huur van uw cliënt is € 650,50 per maand.", "De grens voor uw cliënt en de partner samen is € 76.958."}, []string{"U huurt"}},
		{Weergave{Taal: "en"}, "Housing benefit (huurtoeslag)",
			[]string{"You rent your home.", "Your basic rent is €650.50 a month.", "basic share of €200.71", "The limit for you and your partner together is €76,958.00."}, []string{"Uw ", "U huurt"}},
		{Weergave{Taal: "en", Intermediair: true}, "Housing benefit (huurtoeslag)",
			[]string{"Your client rents the home.", "Your client's basic rent is €650.50 a month."}, []string{"Uw "}},
	}
	for _, tt := range tests {
		u, err := Huurtoeslag(h, d, tt.w)
		if err != nil {
			t.Fatal(err)
		}
		if u.Naam != tt.naam {
			t.Errorf("%+v: naam %q, want %q", tt.w, u.Naam, tt.naam)
		}
		var alles strings.Builder
		for _, c := range u.Criteria {
			alles.WriteString(c.Tekst + "\n")
		}
		alles.WriteString(u.Omschrijving + "\n" + u.BedragUitleg + "\n" + u.Aanvragen.Toelichting)
		for _, z := range tt.zinnen {
			if !strings.Contains(alles.String(), z) {
				t.Errorf("%+v: %q ontbreekt in\n%s", tt.w, z, alles.String())
			}
		}
		for _, z := range tt.niet {
			if strings.Contains(alles.String(), z) {
				t.Errorf("%+v: %q hoort er niet in:\n%s", tt.w, z, alles.String())
			}
		}
	}
}

func TestHuurtoeslagBuitenData(t *testing.T) {
	h := htHuishouden(false, 0, huishouden.Huur, "650", "0")
	for _, d := range []time.Time{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)} {
		_, err := Huurtoeslag(h, d, Weergave{})
		if !errors.Is(err, nl.ErrBuitenPeriode) {
			t.Errorf("%s: got %v, want ErrBuitenPeriode", d.Format(time.DateOnly), err)
		}
	}
}
