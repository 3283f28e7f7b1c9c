package regelpakketten_test

import (
	"path"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/regelpakketten"
)

// TestPakketten compiles every pack and runs every scenario beside it. Each scenario is a subtest
// named <gemeente>/<file>, so `go test -run 'TestPakketten/GM0175'` runs one gemeente.
func TestPakketten(t *testing.T) {
	cat, err := regels.Laad(regelpakketten.FS, nl.MustLoad())
	if err != nil {
		t.Fatalf("pakketten laden:\n%v", err)
	}
	scenarios, err := regels.LeesScenarios(regelpakketten.FS)
	if err != nil {
		t.Fatalf("scenario's lezen: %v", err)
	}
	perRegeling := map[string]int{}
	for _, s := range scenarios {
		name := strings.TrimSuffix(strings.Replace(s.Bestand, "/scenarios/", "/", 1), ".yaml")
		t.Run(name, func(t *testing.T) {
			verschil, err := cat.Controleer(s)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range verschil {
				t.Errorf("%s (%s): %s", s.Bestand, s.Naam, v)
			}
		})
		p, err := cat.Pakket(s.Huishouden.Gemeente, s.Datum)
		if err == nil {
			for id := range s.Verwacht {
				perRegeling[p.Bestand+" "+id]++
			}
		}
	}
	// Every regeling of every pack needs at least five scenarios (issue: boundaries per regeling). The
	// national regelingen the catalogue adds are tested with the national rules (internal/regels/nl).
	for _, g := range cat.Gemeenten() {
		for _, p := range cat.Pakketten(g.Code) {
			for _, r := range p.Regelingen {
				if r.Landelijk() {
					continue
				}
				if n := perRegeling[p.Bestand+" "+r.ID]; n < 5 {
					t.Errorf("%s: regeling %s heeft %d scenario's, minstens 5 nodig", p.Bestand, r.ID, n)
				}
			}
		}
	}
}

// TestScenariosStaanBijPakket checks that every scenario sits in the folder of its own gemeente.
func TestScenariosStaanBijPakket(t *testing.T) {
	scenarios, err := regels.LeesScenarios(regelpakketten.FS)
	if err != nil {
		t.Fatal(err)
	}
	if len(scenarios) == 0 {
		t.Fatal("geen scenario's gevonden")
	}
	for _, s := range scenarios {
		if got := path.Dir(path.Dir(s.Bestand)); got != s.Huishouden.Gemeente {
			t.Errorf("%s: huishouden van %s staat in map %s", s.Bestand, s.Huishouden.Gemeente, got)
		}
	}
}
