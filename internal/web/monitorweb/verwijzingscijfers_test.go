package monitorweb

import (
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
	"github.com/zeker-platform/zeker/internal/zaken"
)

type vraagCijfers struct {
	gm string
	r  netwerk.Richting
	p  netwerk.Periode
}

// cijferOmgeving mounts the part with referral counts and zaak indicators from fakes (none with leeg).
func cijferOmgeving(t *testing.T, leeg bool) (*webtest.Omgeving, *vraagCijfers) {
	t.Helper()
	return cijferOmgevingOp(t, leeg, webtest.Nu)
}

// cijferOmgevingOp is cijferOmgeving with the clock at nu.
func cijferOmgevingOp(t *testing.T, leeg bool, nu time.Time) (*webtest.Omgeving, *vraagCijfers) {
	t.Helper()
	klok := func() time.Time { return nu }
	o := webtest.NieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{Klok: klok, Nu: klok})
	v := &vraagCijfers{}
	deps := Deps{Catalogus: webtest.Catalogus(t)}
	if !leeg {
		deps.Verwijzingscijfers = func(_ context.Context, gm string, r netwerk.Richting, p netwerk.Periode) (Verwijzingstelling, error) {
			v.gm, v.r, v.p = gm, r, p
			werk := make([]int, 120)
			for i := range werk {
				werk[i] = i * 7 / 120 // 0..6, sorted: median 3
			}
			groot := netwerk.Telling{Verstuurd: 148, Geaccepteerd: 111, Afgewezen: 22, GeenAntwoord: 15, HulpGestart: 74, Ingetrokken: 3, Werkdagen: werk}
			klein := netwerk.Telling{Verstuurd: 3, Geaccepteerd: 3, Werkdagen: []int{1, 1, 2}}
			return Verwijzingstelling{VerwijzingCijfers: netwerk.VerwijzingCijfers{Periode: p, Richting: r, Totaal: groot,
				PerPartner:  []netwerk.Groep{{Code: "p-hum", Telling: groot}, {Code: "p-weg", Telling: klein}},
				PerBehoefte: []netwerk.Groep{{Code: "voedsel", Telling: klein}}},
				PartnerNamen: map[string]string{"p-hum": "Humanitas"}}, nil
		}
		deps.ZaakIndicatoren = func(_ context.Context, gm string) ([]zaken.Indicatoren, error) {
			return []zaken.Indicatoren{
				{Jaar: 2026, Gesprekken: zaken.Termijnmaat{Beoordeeld: 4, OpTijd: 3, TeLaat: 1}, Resultaat: zaken.Weken{Aantal: 2, Mediaan: 10.5, Gemiddelde: 10.5}},
				{Jaar: 0, Gesprekken: zaken.Termijnmaat{Beoordeeld: 4, OpTijd: 3, TeLaat: 1}, Resultaat: zaken.Weken{Aantal: 2, Mediaan: 10.5, Gemiddelde: 10.5}},
			}, nil
		}
	}
	part, err := New(o.Kit, deps)
	if err != nil {
		t.Fatal(err)
	}
	o.Mount(part)
	return o, v
}

// TestVerwijzingscijfersPagina: the page asks for this year and direction naar_partner by default,
// shows counts rounded to 5, shares over 100 referrals, the median, "< 5" and "—" with their reasons
// (never 0 for a small count), partner names (an id for a partner that left), definitions with their
// table; a bad period or direction is a field error (422); the CSV carries the same published cells.
func TestVerwijzingscijfersPagina(t *testing.T) {
	o, v := cijferOmgeving(t, false)
	pad := "/beheer/" + webtest.Eigen + "/verwijzingscijfers"
	a := o.Doe("GET", pad, o.SessieAls("consulent"), nil, nil)
	if a.Status != 200 {
		t.Fatalf("status %d\n%s", a.Status, a.Body)
	}
	if v.gm != webtest.Eigen || v.r != netwerk.NaarPartner || v.p != (netwerk.Periode{Jaar: webtest.Nu.Year()}) {
		t.Errorf("asked %+v", v)
	}
	webtest.Bevat(t, a, "Verwijzingscijfers over "+v.p.String(), "<td class=\"utrecht-table__cell\">150</td>", "75,0%", "14,9%", "10,1%", "50,0%",
		"<td class=\"utrecht-table__cell\">3,0</td>", "&lt; 5", "—", "Humanitas", "(geen lid meer)", "Voedsel",
		netwerk.RedenKlein, netwerk.RedenNoemer, netwerk.RedenMediaan, "netwerk_verwijzing_status", "§4.5", "verwijzingscijfers.csv?periode=")
	a = o.Doe("GET", pad+"?periode=2026-K2&richting=naar_gemeente", o.SessieAls("beleidsmedewerker"), nil, nil)
	if a.Status != 200 || v.p != (netwerk.Periode{Jaar: 2026, Kwartaal: 2}) || v.r != netwerk.NaarGemeente || !strings.Contains(a.Body, "het 2e kwartaal van 2026") {
		t.Errorf("K2: status %d, asked %+v", a.Status, v)
	}
	for _, q := range []string{"?periode=2026-K5", "?richting=overal"} {
		a = o.Doe("GET", pad+q, o.SessieAls("beleidsmedewerker"), nil, nil)
		if a.Status != 422 || strings.Contains(a.Body, "Humanitas") || !strings.Contains(a.Body, "foutsamenvatting") {
			t.Errorf("%s: status %d", q, a.Status)
		}
	}
	a = o.Doe("GET", pad+".csv?periode=2026", o.SessieAls("beleidsmedewerker"), nil, nil)
	rijen, err := csv.NewReader(strings.NewReader(a.Body)).ReadAll()
	if a.Status != 200 || err != nil || len(rijen) != 5 {
		t.Fatalf("csv: status %d, %d rows, %v\n%s", a.Status, len(rijen), err, a.Body)
	}
	if strings.Join(rijen[1][:6], "|") != "2026|naar_partner|totaal||Alle verwijzingen|150" || rijen[3][5] != "< 5" || rijen[3][6] != "—" ||
		!strings.Contains(rijen[3][len(rijen[3])-1], "minder dan 5") || rijen[1][len(rijen[1])-1] != netwerk.RedenKlein || rijen[1][9] != "3,0" {
		t.Errorf("csv rows %q", rijen)
	}

	o2, _ := cijferOmgeving(t, true)
	a = o2.Doe("GET", pad, o2.SessieAls("beleidsmedewerker"), nil, nil)
	if a.Status != 200 || !strings.Contains(a.Body, "Deze server houdt geen verwijzingen bij.") {
		t.Errorf("without referrals: %d", a.Status)
	}
}

// TestZaakIndicatorenMonitor: the Wgs indicators per year with their articles on the monitor.
func TestZaakIndicatorenMonitor(t *testing.T) {
	o, _ := cijferOmgeving(t, false)
	a := o.Doe("GET", "/beheer/"+webtest.Eigen+"/zaakindicatoren", o.SessieAls("beleidsmedewerker"), nil, nil)
	if a.Status != 200 {
		t.Fatalf("status %d\n%s", a.Status, a.Body)
	}
	webtest.Bevat(t, a, "Wgs artikel 4 lid 3", "Wgs artikel 4 lid 1 en 2", "Wgs artikel 4a lid 3", ">2026<", "Alle jaren",
		"mediaan 10,5 weken", "75,0% op tijd (3 van 4; 1 te laat", "nog niets te beoordelen")
	o2, _ := cijferOmgeving(t, true)
	a = o2.Doe("GET", "/beheer/"+webtest.Eigen+"/zaakindicatoren", o2.SessieAls("beleidsmedewerker"), nil, nil)
	if a.Status != 200 || !strings.Contains(a.Body, "Deze server houdt geen schuldhulpzaken bij.") {
		t.Errorf("without zaken: %d", a.Status)
	}
}

// TestVerwijzingscijfersJaarwisseling: the default period is this year in Europe/Amsterdam. At 23:30 on
// 31 December in Amsterdam (22:30 UTC) still 2026; at 00:30 on 1 January in Amsterdam (23:30 UTC on
// 31 December) 2027 — the UTC date asked for 2026 there.
func TestVerwijzingscijfersJaarwisseling(t *testing.T) {
	for _, c := range []struct {
		nu   time.Time
		jaar int
	}{
		{time.Date(2026, 12, 31, 22, 30, 0, 0, time.UTC), 2026},
		{time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), 2027},
	} {
		o, v := cijferOmgevingOp(t, false, c.nu)
		a := o.Doe("GET", "/beheer/"+webtest.Eigen+"/verwijzingscijfers", o.SessieAls("beleidsmedewerker"), nil, nil)
		if a.Status != 200 || v.p != (netwerk.Periode{Jaar: c.jaar}) {
			t.Errorf("%s: status %d, asked %+v, want %d", c.nu, a.Status, v.p, c.jaar)
		}
		webtest.Bevat(t, a, "Verwijzingscijfers over "+strconv.Itoa(c.jaar))
	}
}
