package regelpakketten_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/regelpakketten"
)

// TestOpenTermenInDocs (issue 15, "Done when" 1): in every scenario household of every pack (the 16
// walks among them), every "?" names what leaves it open — a fact the resident did not give, or the
// question `gemeente` — and a regeling left open by the gemeente has its row in docs/open-termen.md
// under its gemeente, whose "why" cites an entry of gemeenten-gepubliceerd.yaml (an id such as
// `gm0147.iit.bedragen`, or NOT FOUND) or the seed's silence.
func TestOpenTermenInDocs(t *testing.T) {
	doc, err := os.ReadFile("../docs/open-termen.md")
	if err != nil {
		t.Fatal(err)
	}
	// The rows per gemeente: "## Naam (GMxxxx, …" then "| regeling | unknown | why |".
	rijen := map[string]map[string]string{}
	kop := regexp.MustCompile(`^## .*\((GM\d{4})`)
	gm := ""
	for _, regel := range strings.Split(string(doc), "\n") {
		if m := kop.FindStringSubmatch(regel); m != nil {
			gm = m[1]
			rijen[gm] = map[string]string{}
			continue
		}
		if strings.HasPrefix(regel, "## ") {
			gm = ""
		}
		if gm == "" || !strings.HasPrefix(regel, "| ") {
			continue
		}
		delen := strings.Split(regel, "|")
		if len(delen) >= 4 {
			// "kindregelingen (Sam&)": the id is the first word.
			if id := strings.Fields(delen[1]); len(id) > 0 {
				rijen[gm][id[0]] = strings.Join(delen[3:], "|")
			}
		}
	}
	bron := regexp.MustCompile("`gm\\d{4}\\.[a-z0-9_.]+`|NOT FOUND|seed|plan")

	cat, err := regels.Laad(regelpakketten.FS, nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	scenarios, err := regels.LeesScenarios(regelpakketten.FS)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range scenarios {
		res, err := cat.Evalueer(s.Huishouden, s.Datum)
		if err != nil {
			t.Fatalf("%s: %v", s.Bestand, err)
		}
		for _, u := range res.Regelingen {
			if u.Oordeel != regels.Onzeker {
				continue
			}
			n++
			if len(u.Vragen) == 0 {
				t.Errorf("%s: %s is ? without naming what leaves it open", s.Bestand, u.ID)
			}
			if !slices.Contains(u.Vragen, regels.VraagGemeente) {
				continue
			}
			g := s.Huishouden.Gemeente
			waarom, ok := rijen[g][u.ID]
			switch {
			case !ok:
				t.Errorf("%s: %s is open for the gemeente, but docs/open-termen.md has no row for it under %s", s.Bestand, u.ID, g)
			case !bron.MatchString(waarom):
				t.Errorf("docs/open-termen.md %s %s: the reason cites no entry of gemeenten-gepubliceerd.yaml and not the seed: %s", g, u.ID, waarom)
			}
		}
	}
	if n == 0 {
		t.Fatal("no ? in any scenario: the test checks nothing")
	}
}

// TestParameterEenWaarde (issue 15, "Done when" 4): in the result of every scenario household, a
// parameter (an open term shared by regelingen, or a value of one regeling) shows one value, and every
// income criterion names its limit and basis.
func TestParameterEenWaarde(t *testing.T) {
	cat, err := regels.Laad(regelpakketten.FS, nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	scenarios, err := regels.LeesScenarios(regelpakketten.FS)
	if err != nil {
		t.Fatal(err)
	}
	inkomen := 0
	for _, s := range scenarios {
		res, err := cat.Evalueer(s.Huishouden, s.Datum)
		if err != nil {
			t.Fatalf("%s: %v", s.Bestand, err)
		}
		gezien := map[string]string{}
		var kijk func(id string, c *regels.Criterium)
		kijk = func(id string, c *regels.Criterium) {
			for _, p := range c.Parameters {
				if p.ID == "" || p.Waarde == "" {
					t.Errorf("%s %s: a parameter without id or value: %+v", s.Bestand, id, p)
				}
				if w, ok := gezien[p.ID]; ok && w != p.Waarde {
					t.Errorf("%s: parameter %s shows %q and %q", s.Bestand, p.ID, w, p.Waarde)
				}
				gezien[p.ID] = p.Waarde
			}
			for i := range c.Sub {
				kijk(id, &c.Sub[i])
			}
		}
		for _, us := range [][]regels.Uitkomst{res.Regelingen, res.Landelijk} {
			for i := range us {
				for j := range us[i].Criteria {
					c := &us[i].Criteria[j]
					if len(c.Parameters) == 2 && strings.HasSuffix(c.Parameters[1].ID, ".basis") {
						inkomen++
					}
					kijk(us[i].ID, c)
				}
			}
		}
	}
	if inkomen == 0 {
		t.Fatal("no income criterion named its parameters")
	}
}
