package monitorweb

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

type vraagAfspraken struct {
	gm  string
	dag time.Time
}

// afsprakenOmgeving mounts the part with agreements from a fake that records what it was asked.
func afsprakenOmgeving(t *testing.T, metAfspraken bool) (*webtest.Omgeving, *vraagAfspraken) {
	t.Helper()
	o := webtest.NieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{Klok: func() time.Time { return webtest.Nu }})
	v := &vraagAfspraken{}
	deps := Deps{Catalogus: webtest.Catalogus(t)}
	if metAfspraken {
		deps.Afspraken = func(_ context.Context, gm string, dag time.Time) ([]Netwerkafspraak, error) {
			v.gm, v.dag = gm, dag
			return []Netwerkafspraak{{Afspraak: netwerk.Afspraak{Naam: "Armoedepact Westerkwartier", Soort: netwerk.Armoedepact,
				Van: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Bron: "Beleidsplan 2025, p. 12",
				Indicatoren: []netwerk.Indicator{{Naam: "Huishoudens met schuldhulp", Streef: "100 huishoudens", Bron: "Armoedepact, bijlage 2"},
					{Naam: "Deelnemende partners"}}}, PartnerNamen: []string{"Humanitas", "Voor Elkaar"},
				Metingen: []netwerk.Meting{{Indicator: "Huishoudens met schuldhulp", Periode: netwerk.Periode{Jaar: 2025}, Waarde: "87 huishoudens",
					Bron: "Demogegevens: jaarrapportage 2025", GemetenOp: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)}}}}, nil
		}
	}
	part, err := New(o.Kit, deps)
	if err != nil {
		t.Fatal(err)
	}
	o.Mount(part)
	return o, v
}

// TestAfsprakenMonitor: the monitor page lists the agreements running on the day asked (default today)
// with kind, period, partners, indicators with their targets and sources, and says when no target was
// agreed; a bad date is a field error; without the netwerk service the page says none are kept.
func TestAfsprakenMonitor(t *testing.T) {
	o, v := afsprakenOmgeving(t, true)
	pad := "/beheer/" + webtest.Eigen + "/netwerkafspraken"
	a := o.Doe("GET", pad, o.SessieAls("beleidsmedewerker"), nil, nil)
	if a.Status != 200 {
		t.Fatalf("status %d\n%s", a.Status, a.Body)
	}
	webtest.Bevat(t, a, "Armoedepact Westerkwartier", "Armoedepact", "vanaf 1 januari 2025, zonder einddatum", "Humanitas, Voor Elkaar",
		"Beleidsplan 2025, p. 12", "Huishoudens met schuldhulp", "100 huishoudens", "Armoedepact, bijlage 2", "geen streefwaarde afgesproken")
	y, m, d := webtest.Nu.Date()
	if v.gm != webtest.Eigen || !v.dag.Equal(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("asked for %s on %s, want %s today", v.gm, v.dag, webtest.Eigen)
	}
	a = o.Doe("GET", pad+"?datum=2026-03-02", o.SessieAls("consulent"), nil, nil)
	if a.Status != 200 || !v.dag.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)) || !strings.Contains(a.Body, "Netwerkafspraken op 2 maart 2026") {
		t.Errorf("?datum=2026-03-02: status %d, asked %s", a.Status, v.dag)
	}
	a = o.Doe("GET", pad+"?datum=2-3-2026", o.SessieAls("beleidsmedewerker"), nil, nil)
	if a.Status != 422 || !strings.Contains(a.Body, "Peildatum: schrijf de datum als JJJJ-MM-DD") || strings.Contains(a.Body, "Armoedepact Westerkwartier") {
		t.Errorf("bad date: status %d", a.Status)
	}

	o2, _ := afsprakenOmgeving(t, false)
	a = o2.Doe("GET", pad, o2.SessieAls("beleidsmedewerker"), nil, nil)
	if a.Status != 200 || !strings.Contains(a.Body, "Deze server houdt geen netwerkafspraken bij.") {
		t.Errorf("without agreements: status %d", a.Status)
	}
}
