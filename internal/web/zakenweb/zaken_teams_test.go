package zakenweb

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestTeamsEnRollen: the teamleider makes a team, adds a colleague and gives a zaak to it; the worklist
// filters on the team; the teams page counts the team's open, red and late deadlines. The regisseur
// works on the plan but takes no Wgs step; the schuldhulpverlener does both; the teamleider only reads
// and distributes.
func TestTeamsEnRollen(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	var zaken []string
	for i, dag := range []string{"2026-02-02", "2026-03-09"} {
		f := url.Values{"bsn": {bsnVan(o.recs[i])}, "kanaal": {"telefoon"}, "route": {"schuldhulp"}, "datum": {dag}, "tijd": {"09:00"}}
		a := o.post(b+"/nieuw", "schuldhulpverlener", f)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("nieuw door schuldhulpverlener: %d %s", a.Status, a.Body)
		}
		zaken = append(zaken, strings.Split(a.Loc, "?")[0])
	}
	if a := o.post(b+"/nieuw", "regisseur", url.Values{}); a.Status != http.StatusForbidden {
		t.Errorf("regisseur legt intake vast: %d", a.Status)
	}
	if a := o.post(b+"/teams", "teamleider", url.Values{"team-naam": {"Team Noord"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("team: %d %s", a.Status, a.Body)
	}
	if a := o.post(b+"/teams", "teamleider", url.Values{"team-naam": {"Team Noord"}}); a.Status != 422 || !strings.Contains(a.Body, "Er is al een team met deze naam") {
		t.Errorf("dubbel team: %d", a.Status)
	}
	if a := o.post(b+"/teams", "teamleider", url.Values{"team": {"1"}, "lid": {strconv.FormatInt(o.IDs["schuldhulpverlener"], 10)}}); a.Status != http.StatusSeeOther {
		t.Fatalf("lid: %d %s", a.Status, a.Body)
	}
	if a := o.post(b+"/teams", "consulent", url.Values{"team-naam": {"X"}}); a.Status != http.StatusForbidden {
		t.Errorf("consulent maakt team: %d", a.Status)
	}
	p := o.get(zaken[0], "teamleider")
	if strings.Contains(p.Body, "/eerste-gesprek\"") || !strings.Contains(p.Body, `action="`+zaken[0]+`/team"`) {
		t.Fatalf("teamleider ziet stappen of geen teamformulier")
	}
	if a := o.post(zaken[0]+"/team", "teamleider", url.Values{"versie": {eerste(t, versieRe, p.Body)}, "team": {"1"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("zaak naar team: %d %s", a.Status, a.Body)
	}
	webtest.Bevat(t, o.get(zaken[0], "regisseur"), `id="team">Team Noord<`)
	w := o.get(b+"?team=1", "teamleider")
	if !strings.Contains(w.Body, "Zaak 1<") || strings.Contains(w.Body, "Zaak 2<") {
		t.Errorf("werklijst team 1: %s", w.Body)
	}
	if w := o.get(b+"?team=geen", "teamleider"); strings.Contains(w.Body, "Zaak 1<") || !strings.Contains(w.Body, "Zaak 2<") {
		t.Errorf("werklijst zonder team")
	}
	if w := o.get(b+"?team=99", "teamleider"); !strings.Contains(w.Body, "Kies een team uit de lijst") {
		t.Errorf("onbekend team")
	}
	// Zaak 1 started 2 February: its 4 weeks ended 2 March, so it is late; zaak 2 is not red yet.
	tp := o.get(b+"/teams", "teamleider")
	webtest.Bevat(t, tp, "Team Noord", "Test schuldhulpverlener", "Zonder team")
	if !strings.Contains(tp.Body, `utrecht-status-badge--warning">1<`) {
		t.Errorf("teams: de verlopen termijn van team Noord ontbreekt: %s", tp.Body)
	}
	// The regisseur adds to the plan of a zaak that has one; the schuldhulpverlener takes the steps.
	p = o.get(zaken[1], "schuldhulpverlener")
	if a := o.post(zaken[1]+"/eerste-gesprek", "regisseur", url.Values{"versie": {"1"}, "gesprek-datum": {"2026-03-09"}}); a.Status != http.StatusForbidden {
		t.Errorf("regisseur voert eerste gesprek in: %d", a.Status)
	}
	if a := o.post(zaken[1]+"/doel", "regisseur", url.Values{"planversie": {eerste(t, planVersieRe, p.Body)}, "doel-domein": {"werk"}, "doel-omschrijving": {"Werk zoeken"}}); a.Status != http.StatusSeeOther {
		t.Errorf("regisseur voegt doel toe: %d %s", a.Status, a.Body)
	}
}

// TestIndicatorenPagina: the zaken page shows the Wgs indicators of this year and all years, and the
// CSV has a row per year and one for all years.
func TestIndicatorenPagina(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	f := url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-01-05"}, "tijd": {"09:00"}}
	a := o.post(b+"/nieuw", "consulent", f)
	zaak := strings.Split(a.Loc, "?")[0]
	for _, st := range []struct {
		pad string
		f   url.Values
	}{
		{"/eerste-gesprek", url.Values{"versie": {"1"}, "gesprek-datum": {"2026-01-20"}}},
		{"/besluit", url.Values{"versie": {"2"}, "besluit-soort": {"plan"}, "besluit-datum": {"2026-01-27"}}},
		{"/afronden", url.Values{"versie": {"3"}, "afrond-datum": {"2026-03-31"}}},
	} {
		if a := o.post(zaak+st.pad, "consulent", st.f); a.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d", st.pad, a.Status)
		}
	}
	w := o.get(b, "teamleider")
	webtest.Bevat(t, w, "Doorlooptijden en termijnen (Wgs)", "mediaan 10,0 weken, gemiddeld 10,0 weken (1 zaken)", "100,0% op tijd (1 van 1;", "Alle jaren")
	c := o.get(b+"/indicatoren.csv", "teamleider")
	if c.Status != 200 || !strings.HasPrefix(c.Hdr.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", c.Status, c.Hdr.Get("Content-Type"))
	}
	regels := strings.Split(strings.TrimSpace(c.Body), "\n")
	if len(regels) != 3 || !strings.HasPrefix(regels[1], "2026,1,1,0,0,100.0,") || !strings.HasPrefix(regels[2], "alle,") || !strings.Contains(regels[1], ",1,10.0,10.0,") {
		t.Errorf("csv: %q", regels)
	}
}

// TestSchuldenPagina: the debt overview and the monthly budget through the forms, the amount in the one
// notation of internal/geld (an ambiguous one refused at its field), and the CSV for the creditors.
func TestSchuldenPagina(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-09"}, "tijd": {"09:00"}})
	zaak := strings.Split(a.Loc, "?")[0]
	a = o.post(zaak+"/schuld", "schuldhulpverlener", url.Values{"versie": {"1"}, "schuldeiser": {"Woonstichting Test"}, "schuld-bedrag": {"1.500"}, "schuld-soort": {"huur"}})
	if a.Status != 422 || !strings.Contains(a.Body, "dubbelzinnig") {
		t.Fatalf("dubbelzinnig bedrag: %d", a.Status)
	}
	for i, f := range []url.Values{
		{"schuldeiser": {"Woonstichting Test"}, "schuld-bedrag": {"1.500,00"}, "schuld-soort": {"huur"}, "schuld-status": {"bevestigd"}, "schuld-stabiel": {"1"}},
		{"schuldeiser": {"=CMD()"}, "schuld-bedrag": {"89,95"}, "schuld-soort": {"telecom"}},
	} {
		f.Set("versie", strconv.Itoa(i+1))
		if a := o.post(zaak+"/schuld", "schuldhulpverlener", f); a.Status != http.StatusSeeOther {
			t.Fatalf("schuld %d: %d %s", i, a.Status, a.Body)
		}
	}
	if a := o.post(zaak+"/budget", "schuldhulpverlener", url.Values{"versie": {"3"}, "post-soort": {"inkomen"}, "post-omschrijving": {"Uitkering"}, "post-bedrag": {"1400"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("budget: %d %s", a.Status, a.Body)
	}
	if a := o.post(zaak+"/budget", "regisseur", url.Values{"versie": {"4"}}); a.Status != http.StatusForbidden {
		t.Errorf("regisseur budget: %d", a.Status)
	}
	p := o.get(zaak, "consulent")
	webtest.Bevat(t, p, `id="totaal-schuld">€ 1.589,95<`, "Gestabiliseerd: 1 van 2", `id="saldo">€ 1.400,00<`)
	c := o.get(zaak+"/schulden.csv", "schuldhulpverlener")
	if c.Status != 200 || !strings.Contains(c.Body, "Woonstichting Test,Huur,1500.00,Bevestigd door de schuldeiser,ja") || !strings.Contains(c.Body, "'=CMD()") ||
		!strings.Contains(c.Body, "totaal open,,1589.95") {
		t.Errorf("csv: %d %s", c.Status, c.Body)
	}
}
