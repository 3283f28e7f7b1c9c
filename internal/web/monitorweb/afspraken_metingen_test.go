package monitorweb

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestAfsprakenMetingenMonitor: a measured value stands beside the target with its period, source and
// day; an indicator without one says so; where Zeker counts something like it, the page says where
// (without filling it in); the CSV has a row per measured value and one for an indicator without.
func TestAfsprakenMetingenMonitor(t *testing.T) {
	o, _ := afsprakenOmgeving(t, true)
	pad := "/beheer/" + webtest.Eigen + "/netwerkafspraken"
	a := o.Doe("GET", pad, o.SessieAls("beleidsmedewerker"), nil, nil)
	if a.Status != 200 {
		t.Fatalf("status %d", a.Status)
	}
	webtest.Bevat(t, a, "2025: 87 huishoudens (bron: Demogegevens: jaarrapportage 2025, gemeten op 10 januari 2026)",
		"nog geen gemeten waarde vastgelegd", "Zeker houdt schuldhulpzaken bij", "netwerkafspraken.csv?datum=")
	a = o.Doe("GET", pad+".csv?datum=2026-03-02", o.SessieAls("consulent"), nil, nil)
	rijen, err := csv.NewReader(strings.NewReader(a.Body)).ReadAll()
	if a.Status != 200 || err != nil || len(rijen) != 3 {
		t.Fatalf("csv: %d, %v, %q", a.Status, err, rijen)
	}
	if strings.Join(rijen[1][5:12], "|") != "Huishoudens met schuldhulp|100 huishoudens|Armoedepact, bijlage 2|2025|87 huishoudens|Demogegevens: jaarrapportage 2025|2026-01-10" ||
		rijen[2][5] != "Deelnemende partners" || rijen[2][9] != "" || rijen[1][3] != "" {
		t.Errorf("csv %q", rijen)
	}
	if a = o.Doe("GET", pad+".csv?datum=morgen", o.SessieAls("consulent"), nil, nil); a.Status != 422 {
		t.Errorf("bad date: %d", a.Status)
	}
}
