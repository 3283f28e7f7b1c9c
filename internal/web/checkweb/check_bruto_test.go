package checkweb

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/geld"
)

// TestNettoVanBruto: a gross amount turned into net goes back to the same gross through the engine's
// own inversion (nl.BrutoVoorNetto), so a gross answer gives the toeslagen the income the resident gave.
func TestNettoVanBruto(t *testing.T) {
	s := testServer(t, testConfig{})
	b := s.cat.Params().Landelijk(truncDag(s.nu())).Belasting
	if b == nil {
		t.Fatal("no tax data for the test date")
	}
	for _, c := range []struct {
		soort  string
		bruto  int64
		aow    bool
		gelijk bool // no tax withheld: net is gross
	}{{"loon", 250000, false, false}, {"bijstand", 150000, false, false}, {"aow", 160000, true, false}, {"pensioen", 40000, true, false}, {"alimentatie", 30000, false, true}} {
		got, ok := nettoVanBruto(b, []InkRegel{{c.soort, c.bruto}}, c.aow, true)
		if !ok || len(got) != 1 {
			t.Fatalf("%s: no net", c.soort)
		}
		netto := got[0].Cent
		if c.gelijk {
			if netto != c.bruto {
				t.Errorf("%s: net %d, want gross %d", c.soort, netto, c.bruto)
			}
			continue
		}
		if netto <= 0 || netto >= c.bruto {
			t.Errorf("%s: net %d of gross %d", c.soort, netto, c.bruto)
		}
		l, _ := loonVoor(c.soort, c.aow, true)
		l.Korting = true
		if terug := b.BrutoVoorNetto(geld.Bedrag(netto), l); abs(int64(terug)-c.bruto) > 1 {
			t.Errorf("%s: gross %d → net %d → gross %d", c.soort, c.bruto, netto, terug)
		}
	}
	if _, ok := nettoVanBruto(nil, []InkRegel{{"loon", 1}}, false, true); ok {
		t.Error("no tax data: want not ok")
	}
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestBrutoInkomen: the inkomen step takes gross amounts; the answers show the net worked out; an own
// business given gross is refused at its field.
func TestBrutoInkomen(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarStap(t, s, "inkomen")
	f.Antwoord(url.Values{"basis": {"bruto"}, "a-soort-1": {"eigen_onderneming"}, "a-bedrag-1": {"2000"}})
	if f.Status != 422 || !strings.Contains(html.UnescapeString(f.Body), "kunnen wij het netto bedrag niet uitrekenen") {
		t.Fatalf("own business gross: status %d, want 422 with the reason", f.Status)
	}
	f.Antwoord(url.Values{"basis": {"onzin"}, "a-soort-1": {"loon"}, "a-bedrag-1": {"2000"}})
	if f.Status != 422 {
		t.Fatalf("basis onzin: status %d, want 422", f.Status)
	}
	f.Antwoord(url.Values{"basis": {"bruto"}, "a-soort-1": {"loon"}, "a-bedrag-1": {"2500"}, "p-soort-1": {"geen"}})
	for i := 0; f.Resultaat == "" && i < 8; i++ {
		f.Antwoord(url.Values{"vermogen": {"200"}, "wonen": {"koop"}, "laag-jaren": {"1"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
	}
	body := html.UnescapeString(f.Body)
	if !strings.Contains(body, "Loon uit werk: € 2.500 bruto per maand; netto is dat ongeveer € ") {
		i := strings.Index(body, "Loon")
		t.Errorf("result does not show the gross wage with its net: %q (status %d, stap %q)", body[max(i, 0):min(len(body), max(i, 0)+200)], f.Status, f.Stap())
	}
}
