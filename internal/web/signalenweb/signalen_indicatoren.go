package signalenweb

import (
	"encoding/csv"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/chart"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/web"
)

// indicatorenData is the indicators page of vroegsignalering (Divosa practice, DDAS fields): signals per
// partner type per month and per 1,000 residents, share of zaken in which the resident was reached,
// outcomes, days from the first signal to the first contact attempt, and crisis zaken reached within 3
// working days. The figures are anonymous counts: they stay when retention removed the personal data.
type indicatorenData struct {
	web.StaffPage
	web.FieldErrors
	Menu          sigMenu
	Actie         string
	Van, Tot      string // YYYY-MM as in the form
	Periode       string // in words
	Volgorde      []web.Optie
	Nieuwste      bool
	Inwoners      int
	CSV           string
	Maanden       []maandRij
	Totaal        maandRij
	PartnerTypen  []signalen.PartnerType
	PerPartner    []partnerRij
	PartnerTotaal []int64
	Resultaten    []resultaatRij
	Gesloten      int64
	Leeg          bool
	MagInstellen  bool
	// Charts of the same numbers as the tables (internal/chart: SVG with title, description and the
	// value written at every bar).
	GrafiekMaanden  template.HTML
	GrafiekPartners template.HTML
}

type maandRij struct {
	Maand                string
	Signalen             int64
	PerDuizend           string
	Zaken, Bereikt       int64
	AandeelBereikt       string
	MetContact           int64
	GemDagen             string
	Crisis, CrisisOpTijd int64
	AandeelOpTijd        string
	WarmeOverdracht      int64
}

type partnerRij struct {
	Maand     string
	Aantallen []int64
	Totaal    int64
}

type resultaatRij struct {
	Resultaat string
	Aantal    int64
	Aandeel   string
}

// leesPeriode reads van and tot (YYYY-MM) from the query; default the last 12 months up to this month.
func leesPeriode(q url.Values, vandaag datum.Datum, v *web.FieldErrors) (van, tot string) {
	tot = vandaag.MaandSleutel()
	van = datum.Nieuw(vandaag.Jaar(), vandaag.Maand()-11, 1).MaandSleutel()
	maand := func(id, s string, def string) string {
		if s == "" {
			return def
		}
		if _, err := time.Parse("2006-01", s); err != nil {
			v.Add(id, "Schrijf de maand als JJJJ-MM, bijvoorbeeld 2026-03.")
			return def
		}
		return s
	}
	van = maand("van", q.Get("van"), van)
	tot = maand("tot", q.Get("tot"), tot)
	if van > tot && len(v.Fouten) == 0 {
		v.Add("tot", "De laatste maand ligt voor de eerste maand. Kies een latere maand.")
		van, tot = tot, van
	}
	if len(maandenVan(van, tot)) > maxMaanden {
		v.Add("van", "Kies een periode van hoogstens 10 jaar.")
		t, _ := time.Parse("2006-01", tot)
		van = t.AddDate(0, 1-maxMaanden, 0).Format("2006-01")
	}
	return van, tot
}

// maxMaanden is the longest period the page and the export show.
const maxMaanden = 120

// maandenVan lists the months van..tot (YYYY-MM, inclusive), at most maxMaanden+1.
func maandenVan(van, tot string) []string {
	t, err1 := time.Parse("2006-01", van)
	e, err2 := time.Parse("2006-01", tot)
	var out []string
	for err1 == nil && err2 == nil && !t.After(e) && len(out) <= maxMaanden {
		out = append(out, t.Format("2006-01"))
		t = t.AddDate(0, 1, 0)
	}
	return out
}

// metAlleMaanden returns the indicators with a row for every month of the period, also the months
// without signals (zero), so a quiet month is visible instead of missing.
func metAlleMaanden(ind signalen.Indicatoren, van, tot string) signalen.Indicatoren {
	per := map[string]signalen.Maandcijfers{}
	for _, m := range ind.Maanden {
		per[m.Maand] = m
	}
	out := signalen.Indicatoren{Inwoners: ind.Inwoners}
	for _, mk := range maandenVan(van, tot) {
		m, ok := per[mk]
		if !ok {
			m = signalen.Maandcijfers{Maand: mk, PerPartnerType: map[signalen.PartnerType]int64{}, Resultaten: map[signalen.Eindresultaat]int64{}}
		}
		out.Maanden = append(out.Maanden, m)
	}
	return out
}

// signalenIndicatoren shows the indicators for a period of months.
func (s *server) signalenIndicatoren(w http.ResponseWriter, r *http.Request) {
	d := &indicatorenData{}
	gm, ok := s.signalenPagina(w, r, &d.StaffPage, "Vroegsignalering: indicatoren")
	if !ok {
		return
	}
	st := s.store
	d.Menu = menuVoor(r.Context(), gm, "indicatoren")
	d.Actie = d.Menu.Basis + "/indicatoren"
	d.MagInstellen = d.Menu.Instellingen
	q := r.URL.Query()
	d.Van, d.Tot = leesPeriode(q, st.Vandaag(), &d.FieldErrors)
	d.Nieuwste = q.Get("volgorde") == "nieuw"
	volgorde := "oud"
	if d.Nieuwste {
		volgorde = "nieuw"
	}
	d.Volgorde = opties([][2]string{{"oud", "Oudste maand eerst"}, {"nieuw", "Nieuwste maand eerst"}}, volgorde)
	d.Periode = maandNL(d.Van) + " tot en met " + maandNL(d.Tot)
	d.CSV = d.Actie + ".csv?" + url.Values{"van": {d.Van}, "tot": {d.Tot}}.Encode()
	ind, err := st.Indicatoren(r.Context(), gm, d.Van, d.Tot)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Inwoners = ind.Inwoners
	d.Leeg = len(ind.Maanden) == 0
	vulIndicatoren(d, metAlleMaanden(ind, d.Van, d.Tot))
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, http.StatusOK, "signalen_indicatoren", d)
}

func vulIndicatoren(d *indicatorenData, ind signalen.Indicatoren) {
	var tot signalen.Maandcijfers
	var dagen float64
	perType := map[signalen.PartnerType]int64{}
	perRes := map[signalen.Eindresultaat]int64{}
	for _, m := range ind.Maanden {
		d.Maanden = append(d.Maanden, maandRijVan(m, ind.Inwoners))
		tot.Signalen += m.Signalen
		tot.Zaken += m.Zaken
		tot.Bereikt += m.Bereikt
		tot.MetContactpoging += m.MetContactpoging
		dagen += m.GemDagenTotContact * float64(m.MetContactpoging)
		tot.Crisis += m.Crisis
		tot.CrisisOpTijd += m.CrisisOpTijd
		tot.WarmeOverdracht += m.WarmeOverdracht
		for t, n := range m.PerPartnerType {
			perType[t] += n
		}
		for res, n := range m.Resultaten {
			perRes[res] += n
		}
	}
	if tot.MetContactpoging > 0 {
		tot.GemDagenTotContact = dagen / float64(tot.MetContactpoging)
	}
	if tot.Zaken > 0 {
		tot.AandeelBereikt = float64(tot.Bereikt) / float64(tot.Zaken)
	}
	if ind.Inwoners > 0 {
		tot.PerDuizendInwoners = float64(tot.Signalen) * 1000 / float64(ind.Inwoners)
	}
	d.Totaal = maandRijVan(tot, ind.Inwoners)
	d.Totaal.Maand = "Totaal"
	for _, t := range signalen.PartnerTypes() {
		if perType[t] > 0 {
			d.PartnerTypen = append(d.PartnerTypen, t)
			d.PartnerTotaal = append(d.PartnerTotaal, perType[t])
		}
	}
	for _, m := range ind.Maanden {
		rij := partnerRij{Maand: maandNL(m.Maand), Totaal: m.Signalen}
		for _, t := range d.PartnerTypen {
			rij.Aantallen = append(rij.Aantallen, m.PerPartnerType[t])
		}
		d.PerPartner = append(d.PerPartner, rij)
	}
	for _, n := range perRes {
		d.Gesloten += n
	}
	for _, res := range signalen.Eindresultaten() {
		if n := perRes[res]; n > 0 {
			d.Resultaten = append(d.Resultaten, resultaatRij{Resultaat: string(res), Aantal: n, Aandeel: procentNL(float64(n) / float64(d.Gesloten))})
		}
	}
	grafieken(d, ind)
	if d.Nieuwste {
		slices.Reverse(d.Maanden)
		slices.Reverse(d.PerPartner)
	}
}

// grafieken draws the signals per month and per partner type of the period as bar charts.
func grafieken(d *indicatorenData, ind signalen.Indicatoren) {
	if len(ind.Maanden) == 0 {
		return
	}
	var maanden []chart.Staaf
	for _, m := range ind.Maanden {
		maanden = append(maanden, chart.Staaf{Label: maandNL(m.Maand), Waarde: float64(m.Signalen), Tekst: getal64(m.Signalen)})
	}
	// chart escapes every text it writes; its output is safe HTML.
	d.GrafiekMaanden = template.HTML(chart.Staven(maanden, chart.Opties{Titel: "Signalen per maand", Eenheid: "signalen"}))
	var partners []chart.Staaf
	for i, t := range d.PartnerTypen {
		partners = append(partners, chart.Staaf{Label: string(t), Waarde: float64(d.PartnerTotaal[i]), Tekst: getal64(d.PartnerTotaal[i])})
	}
	d.GrafiekPartners = template.HTML(chart.Staven(partners, chart.Opties{Titel: "Signalen per soort signaalpartner, " + d.Periode, Eenheid: "signalen"}))
}

func maandRijVan(m signalen.Maandcijfers, inwoners int) maandRij {
	rij := maandRij{Maand: maandNL(m.Maand), Signalen: m.Signalen, Zaken: m.Zaken, Bereikt: m.Bereikt, MetContact: m.MetContactpoging,
		Crisis: m.Crisis, CrisisOpTijd: m.CrisisOpTijd, WarmeOverdracht: m.WarmeOverdracht, PerDuizend: "—", AandeelBereikt: "—",
		GemDagen: "—", AandeelOpTijd: "—"}
	if inwoners > 0 {
		rij.PerDuizend = decimaal2NL(m.PerDuizendInwoners)
	}
	if m.Zaken > 0 {
		rij.AandeelBereikt = procentNL(m.AandeelBereikt)
	}
	if m.MetContactpoging > 0 {
		rij.GemDagen = decimaalNL(m.GemDagenTotContact)
	}
	if m.Crisis > 0 {
		rij.AandeelOpTijd = procentNL(float64(m.CrisisOpTijd) / float64(m.Crisis))
	}
	return rij
}

// decimaal2NL writes f with two decimals and a decimal comma.
func decimaal2NL(f float64) string {
	b := []byte(strconv.FormatFloat(f, 'f', 2, 64))
	for i, c := range b {
		if c == '.' {
			b[i] = ','
		}
	}
	return string(b)
}

// signalenIndicatorenCSV exports the indicators of the period as CSV in long form (one figure per row:
// maand, indicator, sleutel, waarde), so nothing is lost and every tool can pivot it. Decimal point,
// comma separator, UTF-8.
func (s *server) signalenIndicatorenCSV(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	st := s.store
	var v web.FieldErrors
	van, tot := leesPeriode(r.URL.Query(), st.Vandaag(), &v)
	if len(v.Fouten) > 0 {
		s.kit.StaffError(w, r, http.StatusBadRequest, "De periode klopt niet. "+v.Fouten[0].Bericht)
		return
	}
	ind, err := st.Indicatoren(r.Context(), gm, van, tot)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="vroegsignalering-indicatoren-`+gm+"-"+van+"-"+tot+`.csv"`)
	h.Set("Cache-Control", "no-store")
	cw := csv.NewWriter(w)
	schrijfIndicatorenCSV(cw, gm, metAlleMaanden(ind, van, tot))
	cw.Flush()
	if err := cw.Error(); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "signalen: indicatoren csv", "fout", err)
	}
}

func schrijfIndicatorenCSV(cw *csv.Writer, gm string, ind signalen.Indicatoren) {
	cw.Write([]string{"gemeente", "maand", "indicator", "sleutel", "waarde"})
	i := func(n int64) string { return strconv.FormatInt(n, 10) }
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }
	for _, m := range ind.Maanden {
		rij := func(indicator, sleutel, waarde string) { cw.Write([]string{gm, m.Maand, indicator, sleutel, waarde}) }
		rij("signalen", "", i(m.Signalen))
		for _, t := range signalen.PartnerTypes() {
			if n := m.PerPartnerType[t]; n > 0 {
				rij("signalen_per_partnertype", string(t), i(n))
			}
		}
		if ind.Inwoners > 0 {
			rij("signalen_per_1000_inwoners", "", f(m.PerDuizendInwoners))
		}
		rij("zaken", "", i(m.Zaken))
		rij("zaken_bereikt", "", i(m.Bereikt))
		if m.Zaken > 0 {
			rij("aandeel_bereikt", "", f(m.AandeelBereikt))
		}
		rij("zaken_met_contactpoging", "", i(m.MetContactpoging))
		if m.MetContactpoging > 0 {
			rij("gemiddeld_dagen_tot_eerste_contactpoging", "", f(m.GemDagenTotContact))
		}
		rij("crisiszaken", "", i(m.Crisis))
		rij("crisiszaken_binnen_3_werkdagen", "", i(m.CrisisOpTijd))
		rij("signalen_warme_overdracht", "", i(m.WarmeOverdracht))
		for _, res := range signalen.Eindresultaten() {
			if n := m.Resultaten[res]; n > 0 {
				rij("resultaat", string(res), i(n))
			}
		}
	}
}
