package monitorweb

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// The armoedeval page runs on the real kit (templates, middleware, guard) with this part on a real
// database (sessions); the curve itself is internal/monitor's, so the tests check that the page shows
// the domain's numbers, its cliffs and what-ifs, and its field errors.

const ommen = webtest.Ander // its pack has a regeling with an amount that ends in one step

type omgeving struct {
	*webtest.Omgeving
	part   web.Part
	beleid string
	pop    *testPopulaties
}

func nieuweOmgeving(t testing.TB, db *store.DB, opt webtest.Opties) *omgeving {
	t.Helper()
	o := kaleOmgeving(t, db, opt)
	if err := o.Auth.ZetRol(t.Context(), o.IDs["beleidsmedewerker"], ommen, auth.Beleidsmedewerker); err != nil {
		t.Fatal(err)
	}
	return o
}

// kaleOmgeving has the test users with their roles in webtest.Eigen only (as the matrix expects).
func kaleOmgeving(t testing.TB, db *store.DB, opt webtest.Opties) *omgeving {
	t.Helper()
	o := &omgeving{Omgeving: webtest.NieuweOmgeving(t, db, opt), pop: nieuweTestPopulaties(t)}
	part, err := New(o.Kit, Deps{Catalogus: webtest.Catalogus(t), Populaties: o.pop})
	if err != nil {
		t.Fatal(err)
	}
	o.part = part
	o.Mount(part)
	o.beleid = o.SessieAls("beleidsmedewerker")
	return o
}

func (o *omgeving) get(gm string, q url.Values) webtest.Antwoord {
	o.T.Helper()
	pad := "/beheer/" + gm + "/armoedeval"
	if q != nil {
		pad += "?" + q.Encode()
	}
	return o.Doe("GET", pad, o.beleid, nil, nil)
}

// curve is what the domain computes for the same form, to compare the page with.
func curve(t *testing.T, gm, typ string, huur string, datum time.Time) *monitor.Curve {
	t.Helper()
	cat := webtest.Catalogus(t)
	pk, err := cat.Pakket(gm, datum)
	if err != nil {
		t.Fatal(err)
	}
	ht, _ := monitor.StandaardType(typ)
	if huur != "" {
		h := geld.MustParse(huur)
		ht.Huur = &h
	}
	c, err := monitor.Armoedeval(pk, cat.Params(), monitor.ArmoedevalOpties{Type: ht, Datum: datum})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// rij returns the cells of the table row whose row header is bruto, in table id.
func rij(t *testing.T, body, tabel, bruto string) []string {
	t.Helper()
	i := strings.Index(body, `id="`+tabel+`"`)
	if i < 0 {
		t.Fatalf("no table %s", tabel)
	}
	tb := body[i : i+strings.Index(body[i:], "</table>")]
	j := strings.Index(tb, `class="utrecht-table__header-cell">`+bruto+`</th>`)
	if j < 0 {
		t.Fatalf("table %s has no row %s", tabel, bruto)
	}
	r := tb[j : j+strings.Index(tb[j:], "</tr>")]
	var out []string
	for _, m := range regexp.MustCompile(`<td class="[^"]*">([^<]*)</td>`).FindAllStringSubmatch(r, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestArmoedevalPagina(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{})
	datum := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	q := url.Values{"type": {"alleenstaande_ouder_2"}, "huur": {"650"}, "datum": {"2026-01-15"}}
	a := o.get(ommen, q)
	if a.Status != http.StatusOK {
		t.Fatalf("status %d\n%s", a.Status, a.Body)
	}
	c := curve(t, ommen, "alleenstaande_ouder_2", "650", datum)
	webtest.Bevat(t, a, "Alleenstaande ouder, 2 kinderen in Ommen, peildatum 15-1-2026",
		"€ 2.303,59 bruto per maand", "€ 14,71", "€ 1.401,50 per maand", "€ 650,00 per maand", "461 punten",
		`role="img"`, "<title id=", "<desc id=", "bruto loon per maand, zonder vakantiegeld", // the chart and its axes
		`<caption class="utrecht-table__caption" id="curve-kop">`, // the data table
		">Huurtoeslag</th>", ">Kindgebonden budget</th>", ">Kinderbijslag</th>", ">Bijdrage meedoen voor volwassenen</th>",
		"Marginale druk: welk deel van de volgende € 100 bruto verloren gaat",
		"Niet meegeteld", "Bijzondere bijstand", // onzeker or without an amount: named, not € 0
		"Ontvangstbewijs: zeker-regels/")
	if strings.Contains(a.Body, "<script") && strings.Count(a.Body, "<script") > 1 {
		t.Error("the page has inline script")
	}
	// The table shows the domain's numbers: at € 0 and at € 1.000 gross, every component and the total.
	for _, bruto := range []geld.Bedrag{0, geld.Euro(1000), geld.Euro(2000)} {
		var p monitor.Punt
		for _, x := range c.Punten {
			if x.Bruto == bruto {
				p = x
			}
		}
		cellen := rij(t, a.Body, "curve-tabel", bruto.Kort())
		if cellen[0] != p.NettoLoon.String() || cellen[1] != p.Bijstand.String() {
			t.Errorf("%s: net wage and bijstand %v, want %s and %s", bruto.Kort(), cellen[:2], p.NettoLoon, p.Bijstand)
		}
		if got := cellen[len(cellen)-3]; got != p.Besteedbaar.String() {
			t.Errorf("%s: besteedbaar %s, want %s", bruto.Kort(), got, p.Besteedbaar)
		}
	}
	// The cliff: where the regeling ends, what is lost and the hours to earn it back at € 14,71.
	if len(c.Kliffen) == 0 {
		t.Fatal("the domain finds no cliff for this household; the test needs one")
	}
	k := c.Kliffen[0]
	kl := rij(t, a.Body, "kliffen", "1")
	if kl[0] != k.Naam || kl[1] != k.Bruto.Kort() || kl[2] != k.Verlies.String() || kl[3] != k.TerugBruto.Kort() || kl[4] != uren(*k.UrenPerWeek) {
		t.Errorf("cliff row %v, want %s at %s, %s lost, back after %s, %s hours", kl, k.Naam, k.Bruto.Kort(), k.Verlies, k.TerugBruto.Kort(), uren(*k.UrenPerWeek))
	}
	webtest.Bevat(t, a, ">klif 1<") // numbered in the chart as in the table
	// The download link carries the form.
	webtest.Bevat(t, a, `href="/beheer/GM0175/armoedeval.csv?datum=2026-01-15&amp;huur=650&amp;type=alleenstaande_ouder_2"`)

	// A changed hourly wage changes the minimum wage, the range and the hours.
	a = o.get(ommen, url.Values{"type": {"alleenstaande_ouder_2"}, "huur": {"650"}, "datum": {"2026-01-15"}, "uurloon": {"16"}})
	webtest.Bevat(t, a, "€ 2.505,60 bruto per maand", "€ 16,00") // 16 × 156,6
	if a.Status != http.StatusOK {
		t.Errorf("uurloon 16: status %d", a.Status)
	}

	// Without a rent the huurtoeslag is not counted, and the page says so.
	a = o.get(ommen, url.Values{"type": {"alleenstaande"}, "datum": {"2026-01-15"}})
	webtest.Bevat(t, a, "Zonder huur telt de huurtoeslag niet mee")
	if strings.Contains(a.Body, ">Huurtoeslag</th>") {
		t.Error("huurtoeslag column without a rent")
	}
}

func TestArmoedevalWatAls(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{})
	basis := url.Values{"type": {"alleenstaande_ouder_2"}, "huur": {"650"}, "datum": {"2026-01-15"}}
	datum := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	c := curve(t, ommen, "alleenstaande_ouder_2", "650", datum)
	reg := c.Kliffen[0].Regeling
	met := func(kv ...string) url.Values {
		q := url.Values{}
		for k, v := range basis {
			q[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			q.Set(kv[i], kv[i+1])
		}
		return q
	}

	// A zachte landing of 6 months without the share: cost unknown, never € 0.
	a := o.get(ommen, met("landing_regeling", reg, "landing_maanden", "6"))
	if a.Status != http.StatusOK {
		t.Fatalf("zachte landing: %d\n%s", a.Status, a.Body)
	}
	webtest.Bevat(t, a, "Wat als: zachte landing: "+c.Kliffen[0].Naam+" blijft 6 maanden", "Kliffen nu: 1, na de wijziging: 0",
		`id="wat-als-zachte_landing-kosten"><strong>Kosten per jaar:</strong> Onbekend.`)
	if strings.Contains(a.Body, "€ 0 per jaar") || strings.Contains(a.Body, "€ 0,00 per jaar") {
		t.Error("an unknown cost is shown as € 0")
	}
	// Just after the cliff the household keeps 6/12 of the amount that year.
	nr := c.Kliffen[0].Bruto.Kort()
	half := c.Kliffen[0].Verlies * 6 / 12
	if got := rij(t, a.Body, "curve-tabel", nr); len(got) == 0 {
		t.Fatal("no row at the cliff")
	}
	for i, p := range c.Punten {
		if p.Bruto == c.Kliffen[0].Bruto {
			n, _ := c.Pas(monitor.Variant{Soort: "zachte_landing", Regeling: reg, Maanden: 6})
			if d := n.Punten[i].Besteedbaar - p.Besteedbaar; d != half {
				t.Errorf("the domain keeps %s after the cliff, want %s", d, half)
			}
		}
	}

	// With the share and its source: the cost is computed and its reason shown.
	a = o.get(ommen, met("landing_regeling", reg, "landing_maanden", "6", "huishoudens", "1200", "aandeel", "5%", "aandeel_bron", "telling gemeente 2025"))
	want := (c.Kliffen[0].Verlies*6*1200*500 + 5000) / 10000
	webtest.Bevat(t, a, "<strong>Kosten per jaar:</strong> "+want.String()+" per jaar: 1200 huishoudens × 5% die per jaar over de grens gaan (bron: telling gemeente 2025)")

	// A sliding scale and a bijverdienpremie, each against the curve of now.
	a = o.get(ommen, met("glijdend_regeling", reg, "glijdend_band", "20", "premie_bedrag", "50", "premie_tot", "130%"))
	if a.Status != http.StatusOK {
		t.Fatalf("glijdend + premie: %d", a.Status)
	}
	// The sliding scale's cost is the what-if over the register's snapshot (monitor.KostenGlijdend on
	// the same households), with their number and source.
	pop, err := o.pop.LaadPopulatie(t.Context(), ommen, datum)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := webtest.Catalogus(t).Pakket(ommen, datum)
	if err != nil {
		t.Fatal(err)
	}
	g, err := monitor.KostenGlijdend(t.Context(), pop, pk, reg, geld.Procent(20))
	if err != nil || g.Erbij == 0 {
		t.Fatalf("KostenGlijdend: %v %+v", err, g)
	}
	webtest.Bevat(t, a, "Wat als: glijdende schaal voor "+c.Kliffen[0].Naam+" over 20% van de bijstandsnorm",
		"Wat als: bijverdienpremie van € 50 per maand tot 130% van de bijstandsnorm",
		fmt.Sprintf("Kosten per jaar:</strong> %s per jaar: %d van de %d huishoudens in het huishoudensregister van de gemeente in Zeker (momentopname, peildatum 2026-01-15)",
			g.Kosten, g.Erbij, g.Huishoudens),
		"Het grootste verschil: € 50,00 per maand")
	// The CSV has no cost: it does not read the register.
	voor := o.pop.geladen
	if a := o.Doe("GET", "/beheer/"+ommen+"/armoedeval.csv?"+met("glijdend_regeling", reg, "glijdend_band", "20").Encode(), o.beleid, nil, nil); a.Status != http.StatusOK || o.pop.geladen != voor {
		t.Errorf("csv with a sliding scale: %d, register read %d times", a.Status, o.pop.geladen-voor)
	}

	// The CSV holds every point, with the what-ifs as extra columns.
	q := met("landing_regeling", reg, "landing_maanden", "6")
	a = o.Doe("GET", "/beheer/"+ommen+"/armoedeval.csv?"+q.Encode(), o.beleid, nil, nil)
	if a.Status != http.StatusOK || !strings.HasPrefix(a.Hdr.Get("Content-Type"), "text/csv") ||
		a.Hdr.Get("Content-Disposition") != `attachment; filename="armoedeval-GM0175-alleenstaande_ouder_2-2026-01-15.csv"` {
		t.Fatalf("csv: %d %v", a.Status, a.Hdr)
	}
	rijen, err := csv.NewReader(strings.NewReader(a.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rijen) != len(c.Punten)+1 {
		t.Errorf("%d csv rows, want %d points and a header", len(rijen), len(c.Punten))
	}
	kop := strings.Join(rijen[0], ",")
	if !strings.HasPrefix(kop, "bruto_loon,netto_loon,bijstand,") || !strings.HasSuffix(kop, "besteedbaar,marginale_druk,toetsingsinkomen,besteedbaar_zachte_landing,marginale_druk_zachte_landing") {
		t.Errorf("csv header %q", kop)
	}
	if got := rijen[101]; got[0] != c.Punten[100].Bruto.Decimal() || got[len(got)-5] != c.Punten[100].Besteedbaar.Decimal() {
		t.Errorf("csv row 100: %v, want bruto %s besteedbaar %s", got, c.Punten[100].Bruto.Decimal(), c.Punten[100].Besteedbaar.Decimal())
	}
}

func TestArmoedevalFouten(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{})
	for _, tc := range []struct {
		naam  string
		q     url.Values
		veld  string
		tekst string
	}{
		{"onbekend type", url.Values{"type": {"studentenhuis"}}, "type", "Huishoudtype: kies"},
		{"huur geen bedrag", url.Values{"huur": {"veel"}}, "huur", "Kale huur per maand:"},
		{"huur nul", url.Values{"huur": {"0"}}, "huur", "Kale huur per maand: kies een bedrag van € 0,01"},
		{"datum", url.Values{"datum": {"15-01-2026"}}, "datum", "Peildatum: schrijf de datum als JJJJ-MM-DD"},
		{"datum zonder pakket", url.Values{"datum": {"2019-01-01"}}, "datum", "Peildatum: op 2019-01-01 heeft de gemeente geen regelpakket"},
		{"uurloon", url.Values{"uurloon": {"0"}}, "uurloon", "Minimumuurloon: kies een bedrag"},
		{"uurloon onbekend", url.Values{"datum": {"2026-07-15"}}, "uurloon", "Minimumuurloon: Zeker heeft voor 2026-07-15 geen geverifieerd minimumuurloon"},
		{"band zonder regeling", url.Values{"glijdend_band": {"20"}}, "glijdend_regeling", "Glijdende schaal: kies de regeling"},
		{"band geen percentage", url.Values{"glijdend_regeling": {"participatie_volwassenen"}, "glijdend_band": {"breed"}}, "glijdend_band", "Glijdende schaal, breedte: schrijf een percentage"},
		{"landelijke regeling", url.Values{"glijdend_regeling": {"huurtoeslag"}, "glijdend_band": {"20"}}, "glijdend_regeling", "Glijdende schaal: kies een regeling van de gemeente"},
		{"regeling zonder klif", url.Values{"glijdend_regeling": {"bijzondere_bijstand"}, "glijdend_band": {"20"}}, "glijdend_regeling", "Glijdende schaal: regeling &#34;bijzondere_bijstand&#34; heeft geen klif in deze curve"},
		{"premie zonder grens", url.Values{"premie_bedrag": {"50"}}, "premie_tot", "Bijverdienpremie tot: vul een percentage in"},
		{"maanden", url.Values{"landing_regeling": {"participatie_volwassenen"}, "landing_maanden": {"40"}}, "landing_maanden", "Zachte landing, maanden: schrijf een heel getal van 1 tot en met 36"},
		{"aandeel zonder bron", url.Values{"huishoudens": {"1200"}, "aandeel": {"5%"}}, "aandeel_bron", "Bron van het aandeel: noem"},
		{"huishoudens met punt", url.Values{"huishoudens": {"1.200"}, "aandeel": {"5%"}, "aandeel_bron": {"telling"}}, "huishoudens", "Huishoudens in de doelgroep: schrijf een heel getal"},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			q := url.Values{"type": {"alleenstaande_ouder_2"}, "datum": {"2026-01-15"}}
			for k, v := range tc.q {
				q[k] = v
			}
			a := o.get(ommen, q)
			if a.Status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", a.Status)
			}
			webtest.Bevat(t, a, `href="#`+tc.veld+`"`, `id="`+tc.veld+`-fout"`, `aria-invalid="true"`, tc.tekst, "<title>Fout:")
			if strings.Contains(a.Body, `id="uitslag-kop"`) {
				t.Error("a result beside a field error")
			}
			c := o.Doe("GET", "/beheer/"+ommen+"/armoedeval.csv?"+q.Encode(), o.beleid, nil, nil)
			label := tc.tekst
			if i := strings.Index(label, ":"); i > 0 {
				label = label[:i]
			}
			if c.Status != http.StatusUnprocessableEntity || !strings.Contains(c.Body, label) {
				t.Errorf("csv: status %d, the error does not name the field %q", c.Status, tc.veld)
			}
		})
	}
	// With the hourly wage given, the date after 1 July 2026 works.
	a := o.get(ommen, url.Values{"datum": {"2026-07-15"}, "uurloon": {"14,71"}})
	if a.Status != http.StatusOK {
		t.Errorf("2026-07-15 with an hourly wage: %d", a.Status)
	}
	webtest.Bevat(t, a, "€ 1.419,46 per maand") // the norm of 1 July 2026
}

// TestArmoedevalEersteBezoek: the menu link computes the default household on today; where today has
// no verified hourly wage it asks for it, without calling the empty form an error.
func TestArmoedevalEersteBezoek(t *testing.T) {
	db := storetest.OpenTest(t)
	o := nieuweOmgeving(t, db, webtest.Opties{})
	a := o.get(ommen, nil)
	if a.Status != http.StatusOK {
		t.Fatalf("status %d", a.Status)
	}
	webtest.Bevat(t, a, "Alleenstaande in Ommen, peildatum 15-1-2026", `<option value="alleenstaande" selected>`)

	later := nieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{Nu: func() time.Time { return time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC) }})
	a = later.get(ommen, nil)
	if a.Status != http.StatusOK {
		t.Fatalf("status %d", a.Status)
	}
	webtest.Bevat(t, a, `class="utrecht-alert utrecht-alert--info"`, "Minimumuurloon: Zeker heeft voor 2026-08-01 geen geverifieerd minimumuurloon")
	if strings.Contains(a.Body, "foutsamenvatting") || strings.Contains(a.Body, `id="uitslag-kop"`) {
		t.Error("the first visit shows an error summary or a result without an hourly wage")
	}
}

func TestArmoedevalToegang(t *testing.T) {
	o := kaleOmgeving(t, storetest.OpenTest(t), webtest.Opties{})
	if n := o.Matrix(t, o.part.Routes); n == 0 {
		t.Fatal("no requests")
	}
	if a := o.Doe("GET", "/beheer/"+webtest.Eigen+"/armoedeval", o.SessieAls("consulent"), nil, nil); a.Status != http.StatusForbidden {
		t.Errorf("consulent: %d, want 403 (monitor.simuleren is the beleidsmedewerker's)", a.Status)
	}
	// The menu shows the page to the beleidsmedewerker only.
	a := o.Doe("GET", "/beheer/"+webtest.Eigen+"/armoedeval", o.beleid, nil, nil)
	webtest.Bevat(t, a, "<strong>Armoedeval</strong>")
}

// TestArmoedevalElkeGemeente: the page works for every gemeente with a rule pack (a beleidsmedewerker
// in each): the curve with its chart and table, for a couple with two children at a rent of € 650.
func TestArmoedevalElkeGemeente(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{})
	for _, gm := range []string{"GM0147", "GM0175", "GM1681", "GM1969"} {
		if err := o.Auth.ZetRol(t.Context(), o.IDs["beleidsmedewerker"], gm, auth.Beleidsmedewerker); err != nil {
			t.Fatal(err)
		}
		a := o.get(gm, url.Values{"type": {"paar_2"}, "huur": {"650"}, "datum": {"2026-03-01"}})
		if a.Status != http.StatusOK {
			t.Fatalf("%s: %d", gm, a.Status)
		}
		webtest.Bevat(t, a, `id="uitslag-kop"`, `role="img"`, `id="curve-tabel"`, ">Zorgtoeslag</th>", ">Huurtoeslag</th>")
	}
}
