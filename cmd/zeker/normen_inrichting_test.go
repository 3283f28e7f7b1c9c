package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/zeker-platform/zeker/internal/geld"
)

// TestNormenInrichting: the normenoverzicht prints the norms for a stay in an institution (art. 23
// Pw) like the other rows — with vakantietoeslag, the vakantietoeslag, without, and a percentage — and
// says so where the reference has none.
func TestNormenInrichting(t *testing.T) {
	for _, tc := range []struct {
		datum              string
		alleenstaande, geh []string // incl. VT, VT, excl. VT
		verhoging          string
	}{
		{"2025-07-15", []string{"€ 433,49", "€ 21,67", "€ 411,82"}, []string{"€ 674,29", "€ 33,71", "€ 640,58"}, "€ 45,00 (alleenstaande) of € 101,00 (gehuwden)"},
		{"2026-01-01", []string{"€ 443,76", "€ 22,19", "€ 421,57"}, []string{"€ 690,27", "€ 34,51", "€ 655,76"}, "€ 47,00 (alleenstaande) of € 106,00 (gehuwden)"},
		{"2026-12-31", []string{"€ 449,44", "€ 22,47", "€ 426,97"}, []string{"€ 699,11", "€ 34,96", "€ 664,15"}, "€ 47,00 (alleenstaande) of € 106,00 (gehuwden)"},
	} {
		t.Run(tc.datum, func(t *testing.T) {
			code, out, errOut := normen(t, "--datum", tc.datum)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for rij, want := range map[string][]string{
				"verblijf in een inrichting, alleenstaande (ouder)": tc.alleenstaande,
				"verblijf in een inrichting, gehuwden":              tc.geh,
			} {
				l := regelMet(t, out, rij)
				if !strings.HasSuffix(l, want[2]) || !inVolgorde(l, want) {
					t.Errorf("%s: %q, want %v in order", rij, l, want)
				}
			}
			if l := regelMet(t, out, "Inrichting:"); !strings.Contains(l, tc.verhoging) || !strings.Contains(l, "art. 23 lid 2") {
				t.Errorf("increase: %q, want %s", l, tc.verhoging)
			}
			if !strings.Contains(out, "pw.norm.inrichting_*") {
				t.Error("the source of the institution norms is not listed")
			}
		})
	}

	// A percentage column as for the other rows: 110% of € 421,57 = € 463,727 → € 463,73.
	_, out, _ := normen(t, "--datum", "2026-01-01", "--percentage", "110", "--zonder-vakantietoeslag")
	if l := regelMet(t, out, "verblijf in een inrichting, alleenstaande"); !strings.HasSuffix(l, "€ 463,73") {
		t.Errorf("110%% excl. VT: %q", l)
	}
	// With vakantietoeslag: 110% of € 690,27 = € 759,297 → € 759,30.
	_, out, _ = normen(t, "--datum", "2026-01-01", "--percentage", "110")
	if l := regelMet(t, out, "verblijf in een inrichting, gehuwden"); !strings.HasSuffix(l, "€ 759,30") {
		t.Errorf("110%% incl. VT: %q", l)
	}

	// Before 1 July 2025 the reference has no institution norms: said, not left out in silence.
	code, out, _ := normen(t, "--datum", "2025-03-01")
	if code != 0 || strings.Contains(out, "verblijf in een inrichting,") {
		t.Fatalf("2025-03-01: exit %d, rows for an institution:\n%s", code, out)
	}
	if l := regelMet(t, out, "Inrichting (art. 23 Participatiewet)"); !strings.Contains(l, "geen normen voor verblijf in een inrichting") {
		t.Errorf("2025-03-01: %q", l)
	}

	// JSON: the two rows with their codes, article and source.
	_, out, _ = normen(t, "--datum", "2026-01-01", "--json")
	var v struct {
		Inrichting string `json:"inrichting"`
		Normen     []struct {
			Code, Artikel   string
			InclVT          string `json:"incl_vt"`
			Vakantietoeslag string `json:"vakantietoeslag"`
			ExclVT          string `json:"excl_vt"`
			Bron            struct{ Tekst string }
		} `json:"normen"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	gevonden := 0
	for _, n := range v.Normen {
		switch n.Code {
		case "inrichting_alleenstaande":
			gevonden++
			if n.InclVT != "443.76" || n.Vakantietoeslag != "22.19" || n.ExclVT != "421.57" || n.Artikel != "art. 23 lid 1 Participatiewet" || n.Bron.Tekst == "" {
				t.Errorf("json %+v", n)
			}
		case "inrichting_gehuwden":
			gevonden++
			if n.InclVT != "690.27" || n.ExclVT != "655.76" {
				t.Errorf("json %+v", n)
			}
		}
	}
	if gevonden != 2 || !strings.Contains(v.Inrichting, "€ 47,00") {
		t.Errorf("json: %d institution rows, inrichting %q", gevonden, v.Inrichting)
	}
}

func inVolgorde(l string, want []string) bool {
	rest := l
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			return false
		}
		rest = rest[i+len(w):]
	}
	return true
}

// TestInrichtingTegenReferentie compares every amount of normen_inrichting.go with the reference, to
// the cent, period by period, and checks the derivation (VT = 5% half up, excl. = incl. − VT). Skipped
// when the reference is not next to the repository.
func TestInrichtingTegenReferentie(t *testing.T) {
	var src []byte
	for _, p := range []string{"../../../shared/reference/nl-parameters.yaml", "../../../../shared/reference/nl-parameters.yaml"} {
		if b, err := os.ReadFile(p); err == nil {
			src = b
			break
		}
	}
	if src == nil {
		t.Skip("reference nl-parameters.yaml not found next to the repository")
	}
	type waardeRef struct {
		ID        string    `yaml:"id"`
		Value     yaml.Node `yaml:"value"` // read as text: never through float64
		ValidFrom string    `yaml:"valid_from"`
	}
	var ref struct {
		Normen []waardeRef `yaml:"1_bijstandsnormen"`
	}
	if err := yaml.Unmarshal(src, &ref); err != nil {
		t.Fatal(err)
	}
	waarde := map[string]geld.Bedrag{}
	for _, e := range ref.Normen {
		if strings.Contains(e.ID, "inrichting") {
			b, err := geld.Parse(e.Value.Value)
			if err != nil {
				t.Fatalf("%s: %v", e.ID, err)
			}
			waarde[e.ID+"@"+e.ValidFrom] = b
		}
	}
	vergeleken := 0
	laatste := func(id, d string) (geld.Bedrag, bool) { // the reference value in force on d
		var best string
		for k := range waarde {
			if id2, van, _ := strings.Cut(k, "@"); id2 == id && van <= d && van > best {
				best = van
			}
		}
		b, ok := waarde[id+"@"+best]
		return b, ok && best != ""
	}
	for _, p := range inrichtingsPerioden {
		for soort, bedragen := range map[string][3]string{"alleenstaande": p.alleenstaande, "gehuwden": p.gehuwden} {
			for i, veld := range []string{"incl_vt", "vakantietoeslag", "excl_vt"} {
				id := "pw.norm.inrichting_" + soort + "." + veld
				want, ok := waarde[id+"@"+p.vanaf]
				if !ok {
					t.Errorf("%s from %s: not in the reference", id, p.vanaf)
					continue
				}
				if got := geld.MustParse(bedragen[i]); got != want {
					t.Errorf("%s from %s: %s, reference %s", id, p.vanaf, got.Decimal(), want.Decimal())
				}
				vergeleken++
			}
			incl, vt, excl := geld.MustParse(bedragen[0]), geld.MustParse(bedragen[1]), geld.MustParse(bedragen[2])
			if vt != incl.VanHalfOmhoog(geld.Procent(5)) || excl != incl-vt {
				t.Errorf("%s from %s: %s − %s ≠ %s or VT is not 5%%", soort, p.vanaf, incl, vt, excl)
			}
		}
		for soort, s := range map[string]string{"alleenstaande": p.verhogingA, "gehuwden": p.verhogingG} {
			want, ok := laatste("pw.inrichting.verhoging_"+soort, p.vanaf)
			if !ok || geld.MustParse(s) != want {
				t.Errorf("verhoging %s from %s: %s, reference %s (%v)", soort, p.vanaf, s, want.Decimal(), ok)
			}
			vergeleken++
		}
		if _, err := time.Parse(time.DateOnly, p.tot); err != nil {
			t.Errorf("period %s: end %q", p.vanaf, p.tot)
		}
	}
	if vergeleken != 3*(2*3+2) {
		t.Errorf("%d amounts compared, want %d", vergeleken, 3*(2*3+2))
	}
}
