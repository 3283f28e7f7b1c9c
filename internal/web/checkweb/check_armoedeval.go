package checkweb

import (
	"errors"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/chart"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/web"
)

// The armoedeval for a resident: "Wat houdt u over als u meer gaat verdienen?", linked from the
// result page. The curve is monitor.Armoedeval — the code path of `zeker armoedeval` and the policy
// page — on the household of the check's answers (monitor.TypeVan): the resident's own wage rises from
// € 0 to 200% of the minimum wage, every national toeslag and every regeling of the gemeente with a
// known amount stacked. A fact the curve needs and the answers lack is named with a link to the step
// that asks it, and a situation the curve does not model is named with its reason: then there is no
// curve, never one drawn from guessed facts. The page is a chart (SVG) with a data table beside it,
// the cliffs in plain words, and a CSV (check_armoedeval_csv.go); it needs no JavaScript.

type armoedevalPagina struct {
	web.Page
	Terug, CSV string
	Tekorten   []tekortRegel
	Fout       string // the curve could not be computed (no data for the date)
	Uitslag    bool
	Uurloon    string // the note on the hourly wage used
	Feiten     []antwoordRegel
	Nu         string // "you earn about € … gross now", or ""
	Grafiek    template.HTML
	Kolommen   []string
	Rijen      []armoedevalRij
	Kliffen    []string
	Niet       []string // not counted
	GeenHuur   bool     // the household does not rent: no huurtoeslag
	Bewijs     string
}

type tekortRegel struct{ Tekst, Link string }

type armoedevalRij struct {
	Bruto       string
	Delen       []string
	Besteedbaar string
	Klif        string
}

// armoedevalUitkomst is the resident's curve, or why there is none.
type armoedevalUitkomst struct {
	curve        *monitor.Curve
	tekorten     []monitor.Tekort
	fout         bool
	uurloonVanaf time.Time // the date of the hourly wage used, when it is not the statutory one of today
}

// armoedevalVan computes the curve for the answers a. An error is a code the engine cannot read.
func (s *server) armoedevalVan(a *Antwoorden) (armoedevalUitkomst, error) {
	datum := truncDag(s.nu())
	h := s.huishouden(a, datum, alleAntwoorden)
	if err := h.Valideer(datum); err != nil {
		return armoedevalUitkomst{}, err
	}
	params := s.cat.Params()
	typ, tekort := monitor.TypeVan(h, datum, params)
	if len(tekort) > 0 {
		return armoedevalUitkomst{tekorten: tekort}, nil
	}
	pk, err := s.cat.Pakket(a.Gemeente, datum)
	if err != nil {
		return armoedevalUitkomst{fout: true}, nil
	}
	uur, vanaf := uurloonVoor(params, datum)
	if uur == 0 {
		return armoedevalUitkomst{fout: true}, nil
	}
	c, err := monitor.Armoedeval(pk, params, monitor.ArmoedevalOpties{Type: typ, Datum: datum, Uurloon: uur})
	if errors.Is(err, monitor.ErrArmoedeval) {
		return armoedevalUitkomst{fout: true}, nil
	}
	if err != nil {
		return armoedevalUitkomst{}, err
	}
	u := armoedevalUitkomst{curve: c}
	if !vanaf.Equal(datum) {
		u.uurloonVanaf = vanaf
	}
	return u, nil
}

// uurloonVoor is the statutory minimum hourly wage on datum, or, when the reference has not verified
// it, the last verified one before it (1 January or 1 July), with its date. The hourly wage sets only
// the range of the curve (200% of the minimum wage for 36 hours) and the hours a cliff takes to earn
// back; the page says which one it used. 0 when none of the last two years is known.
func uurloonVoor(params *nl.Parameters, datum time.Time) (geld.Bedrag, time.Time) {
	if _, uur, _, err := params.Minimumloon(datum); err == nil && uur > 0 {
		return uur, datum
	}
	d := time.Date(datum.Year(), time.July, 1, 0, 0, 0, 0, time.UTC)
	if d.After(datum) {
		d = d.AddDate(0, -6, 0)
	}
	for range 4 {
		if _, uur, _, err := params.Minimumloon(d); err == nil && uur > 0 {
			return uur, d
		}
		d = d.AddDate(0, -6, 0)
	}
	return 0, time.Time{}
}

// checkArmoedeval is the resident's page.
func (s *server) checkArmoedeval(w http.ResponseWriter, r *http.Request) {
	t := r.URL.Query().Get("t")
	a, err := s.leesToken(r.Context(), t)
	if err != nil {
		s.tokenFout(w, r, err)
		return
	}
	l := s.kit.Taal(r, a.Ander)
	for _, st := range []string{stapHuishouden, stapLeeftijd, stapInkomen} {
		if !a.beantwoord(st) {
			http.Redirect(w, r, "/check/stap?"+url.Values{"t": {t}, "lang": {l.Code}}.Encode(), http.StatusSeeOther)
			return
		}
	}
	u, err := s.armoedevalVan(a)
	if err != nil {
		s.kit.Log().Warn("check: armoedeval", "err", err)
		s.fout(w, r, http.StatusBadRequest, "fout.code")
		return
	}
	qt := url.QueryEscape(t)
	d := &armoedevalPagina{Terug: "/check/resultaat?lang=" + l.Code + "&t=" + qt}
	d.Thema, d.VoetContact = web.ThemaKlasse(a.Gemeente), s.voetContact(r.Context(), l, a.Gemeente)
	s.kit.VulPagina(&d.Page, l, l.T("armoedeval.titel"), "/check/armoedeval?"+url.Values{"t": {t}}.Encode())
	switch {
	case len(u.tekorten) > 0:
		for _, tk := range u.tekorten {
			regel := tekortRegel{Tekst: l.T("armoedeval.tekort." + tk.Reden)}
			if st := stapVan(tk.Vraag); st != "" {
				regel.Link = s.stapURL(a, st, l)
			}
			d.Tekorten = append(d.Tekorten, regel)
		}
	case u.fout:
		d.Fout = l.T("armoedeval.fout")
	default:
		d.CSV = "/check/armoedeval.csv?t=" + qt
		s.vulArmoedeval(d, a, u, l)
	}
	s.pages.Render(w, r, http.StatusOK, "armoedeval", d)
}

// vulArmoedeval fills the chart, the table and the sentences of a curve.
func (s *server) vulArmoedeval(d *armoedevalPagina, a *Antwoorden, u armoedevalUitkomst, l *web.Taal) {
	c := u.curve
	d.Uitslag = true
	bedrag := func(b geld.Bedrag) string { return bedragTekst(b, l) }
	naam := func(id, nl string) string {
		for _, r := range c.Regelingen {
			if r.ID == id && l.Code == "en" && r.NaamEN != "" {
				return r.NaamEN
			}
		}
		return nl
	}
	d.Feiten = []antwoordRegel{
		{l.T("armoedeval.minimumloon"), bedrag(c.Minimumloon36)},
		{l.T("armoedeval.norm"), bedrag(c.Norm)},
	}
	d.Uurloon = l.T("armoedeval.uurloon", "bedrag", bedragCent(c.Uurloon, l))
	if !u.uurloonVanaf.IsZero() {
		d.Uurloon = l.T("armoedeval.uurloon.eerder", "bedrag", bedragCent(c.Uurloon, l), "datum", u.uurloonVanaf.Format("2-1-2006"))
	}
	d.GeenHuur = c.Type.Huur == nil
	nu, metLoon := s.brutoLoonNu(a)
	if metLoon {
		d.Nu = l.T("armoedeval.nu", "bedrag", bedrag(nu))
	}

	// The components with an amount somewhere: net wage, bijstand, each regeling.
	bijstand := l.T("armoedeval.bijstand")
	if c.Type.AOW {
		bijstand = l.T("armoedeval.aio")
	}
	delen := []chart.Reeks{{Naam: l.T("armoedeval.nettoloon")}, {Naam: bijstand}}
	var inCurve []int
	for ri, r := range c.Regelingen {
		for _, p := range c.Punten {
			if p.Regelingen[ri] != 0 {
				inCurve = append(inCurve, ri)
				delen = append(delen, chart.Reeks{Naam: naam(r.ID, r.Naam)})
				break
			}
		}
	}
	x := make([]float64, len(c.Punten))
	for k := range delen {
		delen[k].Waarden = make([]float64, len(c.Punten))
	}
	for i, p := range c.Punten {
		x[i] = float64(p.Bruto) / 100
		delen[0].Waarden[i], delen[1].Waarden[i] = float64(p.NettoLoon)/100, float64(p.Bijstand)/100
		for k, ri := range inCurve {
			delen[k+2].Waarden[i] = float64(p.Regelingen[ri]) / 100
		}
	}
	for _, r := range delen {
		d.Kolommen = append(d.Kolommen, r.Naam)
	}

	// The cliffs: numbered in the chart and the table, in words below.
	klifBij := map[geld.Bedrag][]string{}
	var markeringen []chart.Markering
	for i, k := range c.Kliffen {
		nr := l.T("armoedeval.klif.nr", "n", i+1)
		markeringen = append(markeringen, chart.Markering{X: float64(k.Bruto) / 100, Tekst: nr})
		klifBij[k.Bruto] = append(klifBij[k.Bruto], nr)
		zin := l.T("armoedeval.klif", "n", i+1, "bruto", bedrag(k.Bruto), "regeling", naam(k.Regeling, k.Naam), "verlies", bedrag(k.Verlies))
		if metLoon && k.Bruto > nu {
			zin = l.T("armoedeval.klif.meer", "n", i+1, "meer", bedrag(k.Bruto-nu), "bruto", bedrag(k.Bruto), "regeling", naam(k.Regeling, k.Naam), "verlies", bedrag(k.Verlies))
		}
		if k.TerugBruto != nil && k.UrenPerWeek != nil {
			zin += " " + l.T("armoedeval.klif.terug", "bruto", bedrag(*k.TerugBruto), "uren", urenTekst(*k.UrenPerWeek, l))
		} else {
			zin += " " + l.T("armoedeval.klif.nietterug")
		}
		d.Kliffen = append(d.Kliffen, zin)
	}
	tick := chart.Euro
	if l.Code == "en" {
		tick = euroEN
	}
	d.Grafiek = template.HTML(chart.Verloop(chart.VerloopOpties{ //nolint:gosec // chart escapes its texts
		Titel:        l.T("armoedeval.grafiek.titel"),
		Omschrijving: beschrijf(c, l, bedrag, naam),
		XAs:          l.T("armoedeval.grafiek.x"),
		YAs:          l.T("armoedeval.grafiek.y"),
		X:            x, Stapel: delen, Markeringen: markeringen,
		XTekst: tick, YTekst: tick,
	}))

	// The table: every 10% of the minimum wage, and the points on both sides of each cliff.
	rond := map[int]bool{}
	for i, p := range c.Punten {
		if len(klifBij[p.Bruto]) > 0 && i > 0 {
			rond[i-1], rond[i] = true, true
		}
	}
	vorig := geld.Percentage(-1)
	for i, p := range c.Punten {
		pct := p.Bruto.AlsPercentageVan(c.Minimumloon36) / 1000
		if pct == vorig && !rond[i] && i != len(c.Punten)-1 {
			continue
		}
		vorig = pct
		rij := armoedevalRij{Bruto: bedrag(p.Bruto), Besteedbaar: bedrag(p.Besteedbaar), Klif: strings.Join(klifBij[p.Bruto], ", ")}
		rij.Delen = append(rij.Delen, bedrag(p.NettoLoon), bedrag(p.Bijstand))
		for _, ri := range inCurve {
			rij.Delen = append(rij.Delen, bedrag(p.Regelingen[ri]))
		}
		d.Rijen = append(d.Rijen, rij)
	}
	for _, n := range c.NietMeegeteld {
		for _, r := range c.Regelingen {
			if r.Naam == n {
				n = naam(r.ID, n)
				break
			}
		}
		d.Niet = append(d.Niet, n)
	}
	d.Bewijs = l.T("resultaat.bewijs", "datum", c.Peildatum, "engine", c.Bewijs.EngineVersie, "hash", c.Bewijs.PakketHash)
}

// brutoLoonNu is the aanvrager's gross wage per month now (without vakantiegeld), from the answers:
// as given, or worked back from the net wage; false without a wage.
func (s *server) brutoLoonNu(a *Antwoorden) (geld.Bedrag, bool) {
	var som geld.Bedrag
	for _, r := range a.InkAanvrager.Regels {
		if huishouden.InkomenSoort(r.Soort) != huishouden.Loon || r.Cent <= 0 {
			continue
		}
		if a.Bruto {
			som += geld.Bedrag(r.Cent)
			continue
		}
		b := s.cat.Params().Landelijk(truncDag(s.nu())).Belasting
		if b == nil {
			return 0, false
		}
		som += b.BrutoVoorNetto(geld.Bedrag(r.Cent), nl.Loon{Vakantiegeld: true, Arbeid: true, Korting: true})
	}
	return som, som > 0
}

// beschrijf says in words what the chart shows, for a screen reader.
func beschrijf(c *monitor.Curve, l *web.Taal, bedrag func(geld.Bedrag) string, naam func(id, nl string) string) string {
	eerste, laatste := c.Punten[0], c.Punten[len(c.Punten)-1]
	s := l.T("armoedeval.grafiek.desc", "nul", bedrag(eerste.Besteedbaar), "bruto", bedrag(laatste.Bruto), "hoog", bedrag(laatste.Besteedbaar))
	if len(c.Kliffen) == 0 {
		return s + " " + l.T("armoedeval.geenkliffen")
	}
	return s + " " + l.T("armoedeval.grafiek.kliffen", "n", len(c.Kliffen))
}

func urenTekst(u float64, l *web.Taal) string {
	s := strconv.FormatFloat(math.Round(u*10)/10, 'f', 1, 64)
	if l.Code != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// bedragCent writes an amount with its cents (an hourly wage).
func bedragCent(b geld.Bedrag, l *web.Taal) string {
	if l.Code == "en" {
		return b.English()
	}
	return b.String()
}

// euroEN writes a tick the English way ("€1,500").
func euroEN(v float64) string {
	n := int64(math.Round(v))
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "−€" + s
	}
	return "€" + s
}
