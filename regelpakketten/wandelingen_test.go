package regelpakketten_test

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/regelpakketten"
)

// The 16 walks of issue 15 (4 households × 4 gemeenten) are scenario files
// GM*/scenarios/wandeling-*.yaml: TestPakketten asserts their outcomes and amounts through the engine.
// TestWandelingen checks that they are complete (every regeling of the pack is expected) and that the
// counts in docs/wandelingen.md are the engine's. `go test ./regelpakketten/ -run TestWandelingen -v`
// prints the table of the docs.

var wandelingGemeenten = []string{"GM1681", "GM1969", "GM0175", "GM0147"}

type telling struct{ recht, geen, onzeker, bedragen, teBetalen, eerder int }

func (t telling) String() string {
	return fmt.Sprintf("recht=%d geen_recht=%d onzeker=%d bedragen=%d te_betalen=%d eerder=%d", t.recht, t.geen, t.onzeker, t.bedragen, t.teBetalen, t.eerder)
}

func TestWandelingen(t *testing.T) {
	cat, err := regels.Laad(regelpakketten.FS, nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	scenarios, err := regels.LeesScenarios(regelpakketten.FS)
	if err != nil {
		t.Fatal(err)
	}
	var walks []*regels.Scenario
	for _, s := range scenarios {
		if strings.Contains(s.Bestand, "/scenarios/wandeling-") {
			walks = append(walks, s)
		}
	}
	sort.Slice(walks, func(i, j int) bool { return walks[i].Bestand < walks[j].Bestand })
	per := map[string]int{}
	for _, s := range walks {
		per[s.Huishouden.Gemeente]++
	}
	for _, g := range wandelingGemeenten {
		if per[g] != 4 {
			t.Errorf("%s: %d wandelingen, want 4", g, per[g])
		}
	}

	var tel telling
	var tabel strings.Builder
	for _, s := range walks {
		res, err := cat.Evalueer(s.Huishouden, s.Datum)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range res.Regelingen {
			if _, ok := s.Verwacht[u.ID]; !ok {
				t.Errorf("%s: regeling %s staat niet in verwacht", s.Bestand, u.ID)
			}
			teken := "?"
			switch u.Oordeel {
			case regels.Recht:
				teken, tel.recht = "✔", tel.recht+1
			case regels.GeenRecht:
				teken, tel.geen = "✖", tel.geen+1
			default:
				tel.onzeker++
			}
			bedrag := ""
			if u.Bedrag != nil {
				tel.bedragen++
				bedrag = "€ " + u.Bedrag.Decimal() + " " + string(u.Periode)
			}
			if k := u.Kwijtschelding; k != nil && k.TeBetalenPerJaar != nil {
				tel.teBetalen++
				bedrag = "te betalen € " + k.TeBetalenPerJaar.Decimal()
			} else if k != nil && k.HooguitPerJaar != nil {
				bedrag = "te betalen hooguit € " + k.HooguitPerJaar.Decimal() + " per jaar"
			}
			for _, e := range u.Eerder {
				tel.eerder++
				if bedrag != "" {
					bedrag += "; "
				}
				bedrag += fmt.Sprintf("in %d € %s", e.Jaar, e.Bedrag.Decimal())
			}
			waarom := ""
			if u.Oordeel == regels.Onzeker {
				var vs []string
				for _, v := range u.Vragen {
					vs = append(vs, string(v))
				}
				waarom = strings.Join(vs, ", ")
			}
			fmt.Fprintf(&tabel, "| %s | %s | %s | %s | %s | %s |\n", s.Huishouden.Gemeente, strings.TrimSuffix(strings.TrimPrefix(s.Bestand[strings.Index(s.Bestand, "wandeling-"):], "wandeling-"), ".yaml"), u.ID, teken, bedrag, waarom)
		}
	}
	t.Logf("\n%s", tabel.String())
	t.Logf("na: %s", tel)

	doc, err := os.ReadFile("../docs/wandelingen.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^<!-- telling na: (.*) -->$`).FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/wandelingen.md: regel <!-- telling na: … --> ontbreekt")
	}
	if got := string(m[1]); got != tel.String() {
		t.Errorf("docs/wandelingen.md zegt %q, de engine telt %q", got, tel)
	}
}
