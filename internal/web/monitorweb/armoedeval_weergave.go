package monitorweb

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/chart"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/internal/web"
)

// armoedevalData is the page: the form, and after a valid form the curve as a chart with its data
// table, the marginal pressure, the cliffs and the what-ifs before and after.
type armoedevalData struct {
	web.StaffPage
	web.FieldErrors
	Basis string
	V     velden
	// Vragen are what the first visit needs from the user before it can compute (not errors: nothing
	// was entered yet).
	Vragen                        []string
	Typen, Regelingen             []web.Optie
	GlijdendKeuze, LandingKeuze   string
	UurloonUitleg                 string
	Uitslag                       bool
	Kop                           string
	Feiten                        []feit
	Grafiek, DrukGrafiek          template.HTML
	Kolommen                      []string
	Rijen                         []puntRij
	Kliffen                       []klifRij
	NietMeegeteld                 []string
	Varianten                     []variantWeergave
	Bronnen                       []string
	Bewijs                        string
	CSV                           string
	Punten, Stap                  string
	VariantenGevraagd, ZonderHuur bool
}

type feit struct{ Naam, Waarde string }

type puntRij struct {
	Bruto       string
	Delen       []string
	Besteedbaar string
	Druk        string
	Klif        string // "klif 1" on the first point without the regeling
}

type klifRij struct{ Nr, Bruto, Naam, Verlies, Terug, Uren string }

type variantWeergave struct {
	ID, Titel, Kop           string
	Grafiek                  template.HTML
	Rijen                    []vergelijkRij
	KliffenVoor, KliffenNa   int
	Kosten                   string
	KostenBekend             bool
	VerschilMax, VerschilBij string
}

type vergelijkRij struct{ Bruto, Voor, Na, Verschil string }

func (s *server) vulFormulier(d *armoedevalData, in invoer) {
	d.V = in.V
	for _, t := range monitor.StandaardTypen() {
		d.Typen = append(d.Typen, web.Optie{Waarde: t.ID, Label: t.Naam, Gekozen: t.ID == in.V.Type})
	}
	if in.Pakket != nil {
		for _, r := range in.Pakket.Regelingen {
			if !r.Landelijk() {
				d.Regelingen = append(d.Regelingen, web.Optie{Waarde: r.ID, Label: r.Naam})
			}
		}
	}
	d.GlijdendKeuze, d.LandingKeuze = in.V.GlijdendRegeling, in.V.LandingRegeling
	d.UurloonUitleg = "Leeg: het wettelijke minimumuurloon op de peildatum. Met een ander uurloon verandert het minimumloon (het bereik van de curve) en het aantal uren om een klif terug te verdienen."
	d.VariantenGevraagd = len(in.Varianten) > 0
}

// svg marks an SVG made by package chart (which escapes every text it writes) as safe HTML.
func svg(b []byte) template.HTML { return template.HTML(b) } //nolint:gosec // chart escapes its texts

func vulUitslag(d *armoedevalData, gemeente string, in invoer, u *uitkomst) {
	c := u.curve
	d.Uitslag = true
	d.Kop = fmt.Sprintf("%s in %s, peildatum %s", c.Type.Naam, gemeente, in.Datum.Format("2-1-2006"))
	d.Feiten = []feit{
		{"Minimumloon voor 36 uur per week", c.Minimumloon36.String() + " bruto per maand"},
		{"Minimumuurloon", c.Uurloon.String()},
		{"Bijstandsnorm (met vakantietoeslag)", c.Norm.String() + " per maand"},
	}
	if c.Type.Huur != nil {
		d.Feiten = append(d.Feiten, feit{"Kale huur", c.Type.Huur.String() + " per maand"})
	} else {
		d.ZonderHuur = true
	}
	stap := geld.Euro(10)
	if len(c.Punten) > 1 {
		stap = c.Punten[1].Bruto - c.Punten[0].Bruto
	}
	d.Punten, d.Stap = strconv.Itoa(len(c.Punten)), stap.Kort()

	// The components: the net wage, the bijstand and every regeling with an amount somewhere.
	delen := []chart.Reeks{{Naam: "Netto loon"}, {Naam: bijstandNaam(c)}}
	var inCurve []int
	for ri, r := range c.Regelingen {
		for _, p := range c.Punten {
			if p.Regelingen[ri] != 0 {
				inCurve = append(inCurve, ri)
				delen = append(delen, chart.Reeks{Naam: r.Naam})
				break
			}
		}
	}
	x := make([]float64, len(c.Punten))
	for k := range delen {
		delen[k].Waarden = make([]float64, len(c.Punten))
	}
	druk := make([]float64, len(c.Punten))
	for i, p := range c.Punten {
		x[i] = euro(p.Bruto)
		delen[0].Waarden[i], delen[1].Waarden[i] = euro(p.NettoLoon), euro(p.Bijstand)
		for k, ri := range inCurve {
			delen[k+2].Waarden[i] = euro(p.Regelingen[ri])
		}
		druk[i] = math.NaN()
		if p.MarginaalBekend {
			druk[i] = float64(p.Marginaal) / 100
		}
	}
	for _, r := range delen {
		d.Kolommen = append(d.Kolommen, r.Naam)
	}

	// The cliffs, numbered in the chart, the table and the list.
	klifBij := map[geld.Bedrag][]string{}
	var markeringen []chart.Markering
	for i, k := range c.Kliffen {
		nr := fmt.Sprintf("klif %d", i+1)
		markeringen = append(markeringen, chart.Markering{X: euro(k.Bruto), Tekst: nr})
		klifBij[k.Bruto] = append(klifBij[k.Bruto], nr)
		kr := klifRij{Nr: strconv.Itoa(i + 1), Bruto: k.Bruto.Kort(), Naam: k.Naam, Verlies: k.Verlies.String(),
			Terug: "niet binnen de curve", Uren: "niet binnen de curve"}
		if k.TerugBruto != nil && k.UrenPerWeek != nil {
			kr.Terug, kr.Uren = k.TerugBruto.Kort(), uren(*k.UrenPerWeek)
		}
		d.Kliffen = append(d.Kliffen, kr)
	}

	d.Grafiek = svg(chart.Verloop(chart.VerloopOpties{
		Titel:        "Besteedbaar inkomen per maand bij een stijgend bruto loon",
		Omschrijving: beschrijfCurve(c),
		XAs:          "bruto loon per maand, zonder vakantiegeld",
		YAs:          "euro per maand, opgestapeld",
		X:            x, Stapel: delen, Markeringen: markeringen,
		XTekst: chart.Euro, YTekst: chart.Euro,
	}))
	d.DrukGrafiek = svg(chart.Verloop(chart.VerloopOpties{
		Titel:        "Marginale druk: welk deel van de volgende € 100 bruto verloren gaat",
		Omschrijving: beschrijfDruk(c),
		XAs:          "bruto loon per maand, zonder vakantiegeld",
		YAs:          "marginale druk (%)",
		Hoogte:       220,
		X:            x, Lijnen: []chart.Reeks{{Naam: "Marginale druk", Waarden: druk}}, Markeringen: markeringen,
		XTekst: chart.Euro, YTekst: chart.Procent,
	}))

	// The table: every € 100 gross, and the points on both sides of each cliff.
	rond := map[int]bool{}
	for i, p := range c.Punten {
		if len(klifBij[p.Bruto]) > 0 && i > 0 {
			rond[i-1], rond[i] = true, true
		}
	}
	for i, p := range c.Punten {
		if p.Bruto%geld.Euro(100) != 0 && !rond[i] && i != len(c.Punten)-1 {
			continue
		}
		rij := puntRij{Bruto: p.Bruto.Kort(), Besteedbaar: p.Besteedbaar.String(), Druk: "–", Klif: strings.Join(klifBij[p.Bruto], ", ")}
		rij.Delen = append(rij.Delen, p.NettoLoon.String(), p.Bijstand.String())
		for _, ri := range inCurve {
			rij.Delen = append(rij.Delen, p.Regelingen[ri].String())
		}
		if p.MarginaalBekend {
			rij.Druk = p.Marginaal.String()
		}
		d.Rijen = append(d.Rijen, rij)
	}
	d.NietMeegeteld = c.NietMeegeteld
	for _, n := range u.na {
		d.Varianten = append(d.Varianten, vergelijk(c, n))
	}
	d.Bronnen = c.Bronnen
	d.Bewijs = fmt.Sprintf("%s, %s, peildatum %s", c.Bewijs.EngineVersie, c.Bewijs.Pakket, c.Bewijs.Peildatum)
	d.CSV = d.Basis + ".csv?" + in.V.query().Encode()
}

func bijstandNaam(c *monitor.Curve) string {
	if c.Type.AOW {
		return "Aanvullende inkomensvoorziening ouderen (tot de norm)"
	}
	return "Bijstand (tot de norm)"
}

func euro(b geld.Bedrag) float64 { return float64(b) / 100 }

func uren(u float64) string {
	return strings.Replace(strconv.FormatFloat(u, 'f', 1, 64), ".", ",", 1)
}

// punt100 is the index of the last point at or below the minimum wage for 36 hours.
func punt100(c *monitor.Curve) int {
	j := 0
	for i, p := range c.Punten {
		if p.Bruto <= c.Minimumloon36 {
			j = i
		}
	}
	return j
}

// beschrijfCurve says in words what the stacked chart shows, for a screen reader.
func beschrijfCurve(c *monitor.Curve) string {
	eerste, honderd, laatste := c.Punten[0], c.Punten[punt100(c)], c.Punten[len(c.Punten)-1]
	s := fmt.Sprintf("Zonder loon is het besteedbaar inkomen %s per maand; bij het minimumloon (%s bruto) %s; bij %s bruto %s.",
		eerste.Besteedbaar.Kort(), honderd.Bruto.Kort(), honderd.Besteedbaar.Kort(), laatste.Bruto.Kort(), laatste.Besteedbaar.Kort())
	switch len(c.Kliffen) {
	case 0:
		s += " Geen regeling met een bekend bedrag stopt in één stap."
	default:
		var k []string
		for i, kl := range c.Kliffen {
			k = append(k, fmt.Sprintf("klif %d bij %s bruto: %s stopt, %s per maand minder", i+1, kl.Bruto.Kort(), kl.Naam, kl.Verlies.Kort()))
		}
		s += " " + strings.Join(k, "; ") + "."
	}
	return s + " De tabel hieronder geeft de bedragen."
}

func beschrijfDruk(c *monitor.Curve) string {
	honderd, hoogste := 0, -1
	for i, p := range c.Punten {
		if !p.MarginaalBekend {
			continue
		}
		if p.Marginaal >= geld.Procent(100) {
			honderd++
		}
		if hoogste < 0 || p.Marginaal > c.Punten[hoogste].Marginaal {
			hoogste = i
		}
	}
	if hoogste < 0 {
		return "Geen punten met een bekende marginale druk."
	}
	h := c.Punten[hoogste]
	return fmt.Sprintf("Op %d van de %d punten gaat 100%% of meer van de volgende € 100 bruto verloren. De hoogste marginale druk is %s, bij %s bruto per maand.",
		honderd, len(c.Punten), h.Marginaal, h.Bruto.Kort())
}

// vergelijk shows a what-if: both curves as lines, the difference at every 10% of the minimum wage,
// the cliffs before and after, and the cost.
func vergelijk(c *monitor.Curve, n naVariant) variantWeergave {
	na := n.curve
	v := variantWeergave{ID: "wat-als-" + n.variant.Soort, Titel: variantTekst(c, n.variant), KliffenVoor: len(c.Kliffen), KliffenNa: len(na.Kliffen)}
	v.Kop = v.ID + "-kop"
	x := make([]float64, len(c.Punten))
	voor, erna := make([]float64, len(c.Punten)), make([]float64, len(c.Punten))
	maxI := 0
	for i := range c.Punten {
		x[i], voor[i], erna[i] = euro(c.Punten[i].Bruto), euro(c.Punten[i].Besteedbaar), euro(na.Punten[i].Besteedbaar)
		if na.Punten[i].Besteedbaar-c.Punten[i].Besteedbaar > na.Punten[maxI].Besteedbaar-c.Punten[maxI].Besteedbaar {
			maxI = i
		}
	}
	verschil := na.Punten[maxI].Besteedbaar - c.Punten[maxI].Besteedbaar
	v.VerschilMax, v.VerschilBij = verschil.String(), c.Punten[maxI].Bruto.Kort()
	desc := fmt.Sprintf("Het grootste verschil is %s per maand bij %s bruto. Kliffen nu: %d, na de wijziging: %d.", verschil.Kort(), v.VerschilBij, v.KliffenVoor, v.KliffenNa)
	if verschil <= 0 {
		desc = fmt.Sprintf("De wijziging verandert het besteedbaar inkomen nergens. Kliffen nu: %d, na de wijziging: %d.", v.KliffenVoor, v.KliffenNa)
	}
	v.Grafiek = svg(chart.Verloop(chart.VerloopOpties{
		Titel: "Wat als: " + v.Titel, Omschrijving: desc,
		XAs: "bruto loon per maand, zonder vakantiegeld", YAs: "besteedbaar inkomen, euro per maand", Hoogte: 240,
		X: x, Lijnen: []chart.Reeks{{Naam: "Nu", Waarden: voor}, {Naam: "Na de wijziging", Waarden: erna}},
		XTekst: chart.Euro, YTekst: chart.Euro,
	}))
	vorig := geld.Percentage(-1)
	for i, p := range c.Punten {
		pct := p.Bruto.AlsPercentageVan(c.Minimumloon36) / 1000
		if pct == vorig && i != len(c.Punten)-1 {
			continue
		}
		vorig = pct
		q := na.Punten[i]
		v.Rijen = append(v.Rijen, vergelijkRij{Bruto: p.Bruto.Kort(), Voor: p.Besteedbaar.String(), Na: q.Besteedbaar.String(), Verschil: (q.Besteedbaar - p.Besteedbaar).String()})
	}
	if n.kosten.Bedrag != nil {
		v.KostenBekend, v.Kosten = true, n.kosten.Bedrag.String()+" per jaar: "+n.kosten.Reden
	} else {
		v.Kosten = "Onbekend. " + hoofdletter(strings.TrimPrefix(n.kosten.Reden, "onbekend: ")) + "."
	}
	return v
}

func hoofdletter(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func variantTekst(c *monitor.Curve, v monitor.Variant) string {
	naam := v.Regeling
	for _, r := range c.Regelingen {
		if r.ID == v.Regeling {
			naam = r.Naam
		}
	}
	switch v.Soort {
	case "glijdend":
		return fmt.Sprintf("glijdende schaal voor %s over %s van de bijstandsnorm", naam, v.Band)
	case "bijverdienpremie":
		return fmt.Sprintf("bijverdienpremie van %s per maand tot %s van de bijstandsnorm", v.Bedrag.Kort(), v.Tot)
	}
	return fmt.Sprintf("zachte landing: %s blijft %d maanden na het overschrijden van de grens", naam, v.Maanden)
}
