package monitorweb

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
)

// velden are the fields of the armoedeval form as typed (the query), shown again in the form. The
// query names are the json tags.
type velden struct {
	Type             string
	Huur             string
	Datum            string
	Uurloon          string
	GlijdendRegeling string
	GlijdendBand     string
	PremieBedrag     string
	PremieTot        string
	LandingRegeling  string
	LandingMaanden   string
	Huishoudens      string
	Aandeel          string
	AandeelBron      string
}

// veldNamen are the query names of the form, in the order of the form.
var veldNamen = []string{"type", "huur", "datum", "uurloon", "glijdend_regeling", "glijdend_band", "premie_bedrag", "premie_tot",
	"landing_regeling", "landing_maanden", "huishoudens", "aandeel", "aandeel_bron"}

func veldenUit(q url.Values) velden {
	g := func(k string) string { return strings.TrimSpace(q.Get(k)) }
	return velden{Type: g("type"), Huur: g("huur"), Datum: g("datum"), Uurloon: g("uurloon"),
		GlijdendRegeling: g("glijdend_regeling"), GlijdendBand: g("glijdend_band"), PremieBedrag: g("premie_bedrag"), PremieTot: g("premie_tot"),
		LandingRegeling: g("landing_regeling"), LandingMaanden: g("landing_maanden"),
		Huishoudens: g("huishoudens"), Aandeel: g("aandeel"), AandeelBron: g("aandeel_bron")}
}

// query writes the fields back as a query (for the CSV link), leaving out the empty ones.
func (v velden) query() url.Values {
	q := url.Values{}
	for i, w := range []string{v.Type, v.Huur, v.Datum, v.Uurloon, v.GlijdendRegeling, v.GlijdendBand, v.PremieBedrag, v.PremieTot,
		v.LandingRegeling, v.LandingMaanden, v.Huishoudens, v.Aandeel, v.AandeelBron} {
		if w != "" {
			q.Set(veldNamen[i], w)
		}
	}
	return q
}

// wens is one what-if of the form, with the field that its problems belong to.
type wens struct {
	Variant monitor.Variant
	Veld    string // the id of the field that names the regeling (or the amount)
}

// invoer is the checked form.
type invoer struct {
	V         velden
	Type      monitor.Huishoudtype
	Datum     time.Time
	Uurloon   geld.Bedrag // 0: the statutory hourly wage on Datum
	Pakket    *regels.Pakket
	Varianten []wens
	Kosten    monitor.KostenInvoer
}

const maxBron = 300

// leesInvoer checks the form. Every problem is a field error that names the field; the rest of the
// form is still read, so one visit shows every problem. The pack is the gemeente's on the date (nil
// when there is none; then the regelingen of the what-ifs cannot be checked).
func leesInvoer(q url.Values, vandaag time.Time, gm string, cat *regels.Catalogus, fe *web.FieldErrors) invoer {
	in := invoer{V: veldenUit(q)}
	v := &in.V
	if v.Type == "" {
		v.Type = "alleenstaande"
	}
	if t, ok := monitor.StandaardType(v.Type); ok {
		in.Type = t
	} else {
		fe.Add("type", "Huishoudtype: kies een van de huishoudtypen uit de lijst.")
	}
	if v.Huur != "" {
		if b, ok := bedrag(fe, "huur", "Kale huur per maand", v.Huur, 1, geld.Euro(10_000)); ok {
			in.Type.Huur = &b
		}
	}
	in.Datum = vandaag
	if v.Datum != "" {
		d, err := time.Parse(time.DateOnly, v.Datum)
		if err != nil {
			fe.Add("datum", "Peildatum: schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-15.")
		} else {
			in.Datum = d
		}
	}
	v.Datum = in.Datum.Format(time.DateOnly)
	if v.Uurloon != "" {
		in.Uurloon, _ = bedrag(fe, "uurloon", "Minimumuurloon", v.Uurloon, 1, geld.Euro(100))
	}
	if _, ok := fe.FoutBij["datum"]; !ok {
		pk, err := cat.Pakket(gm, in.Datum)
		if err != nil {
			fe.Add("datum", "Peildatum: op "+v.Datum+" heeft de gemeente geen regelpakket in Zeker. Kies een andere datum.")
		} else {
			in.Pakket = pk
		}
	}

	// What-ifs: a field pair is used when either half is filled; the other half is then required.
	if v.GlijdendRegeling != "" || v.GlijdendBand != "" {
		reg := regeling(fe, in.Pakket, "glijdend_regeling", "Glijdende schaal", v.GlijdendRegeling)
		band, ok := percentage(fe, "glijdend_band", "Glijdende schaal, breedte", v.GlijdendBand, geld.Procent(200))
		if reg != "" && ok {
			in.variant(fe, "glijdend_regeling", fmt.Sprintf("glijdend:%s=%s", reg, band))
		}
	}
	if v.PremieBedrag != "" || v.PremieTot != "" {
		b, okB := bedrag(fe, "premie_bedrag", "Bijverdienpremie per maand", v.PremieBedrag, 1, geld.Euro(10_000))
		tot, okT := percentage(fe, "premie_tot", "Bijverdienpremie tot", v.PremieTot, geld.Procent(400))
		if okB && okT {
			in.variant(fe, "premie_bedrag", fmt.Sprintf("bijverdienpremie:%s=%s", b.Decimal(), tot))
		}
	}
	if v.LandingRegeling != "" || v.LandingMaanden != "" {
		reg := regeling(fe, in.Pakket, "landing_regeling", "Zachte landing", v.LandingRegeling)
		n, ok := geheel(fe, "landing_maanden", "Zachte landing, maanden", v.LandingMaanden, 1, 36)
		if reg != "" && ok {
			in.variant(fe, "landing_regeling", fmt.Sprintf("zachte_landing:%s=%d", reg, n))
		}
	}

	// The cost: all three or none; a share without its source is not a number Zeker may use.
	if v.Huishoudens != "" || v.Aandeel != "" || v.AandeelBron != "" {
		in.Kosten.Huishoudens, _ = geheel(fe, "huishoudens", "Huishoudens in de doelgroep", v.Huishoudens, 1, 10_000_000)
		in.Kosten.Aandeel, _ = percentage(fe, "aandeel", "Aandeel dat per jaar over de grens gaat", v.Aandeel, geld.Procent(100))
		switch {
		case v.AandeelBron == "":
			fe.Add("aandeel_bron", "Bron van het aandeel: noem waar het aandeel vandaan komt (een onderzoek, een telling van de gemeente). Zonder bron blijven de kosten onbekend.")
		case utf8.RuneCountInString(v.AandeelBron) > maxBron:
			fe.Add("aandeel_bron", fmt.Sprintf("Bron van het aandeel: schrijf de bron in hoogstens %d tekens.", maxBron))
		default:
			in.Kosten.Bron = v.AandeelBron
		}
	}
	return in
}

func (in *invoer) variant(fe *web.FieldErrors, veld, s string) {
	x, err := monitor.ParseVariant(s)
	if err != nil { // the fields were checked against the same bounds; this is the domain's last word
		fe.Add(veld, "Wat als: "+err.Error())
		return
	}
	in.Varianten = append(in.Varianten, wens{Variant: x, Veld: veld})
}

// regeling checks that id is one of the gemeente's own regelingen (a what-if changes a regeling of
// the gemeente, never a national toeslag).
func regeling(fe *web.FieldErrors, pk *regels.Pakket, veld, label, id string) string {
	if id == "" {
		fe.Add(veld, label+": kies de regeling.")
		return ""
	}
	if pk == nil {
		return "" // the date has no pack: that error is on the date
	}
	for _, r := range pk.Regelingen {
		if r.ID == id && !r.Landelijk() {
			return id
		}
	}
	fe.Add(veld, label+": kies een regeling van de gemeente uit de lijst.")
	return ""
}

func bedrag(fe *web.FieldErrors, veld, label, s string, min, max geld.Bedrag) (geld.Bedrag, bool) {
	if s == "" {
		fe.Add(veld, label+": vul een bedrag in.")
		return 0, false
	}
	b, err := geld.Parse(s)
	switch {
	case err != nil:
		fe.Add(veld, label+": "+geld.Reden(err))
	case b < min || b > max:
		fe.Add(veld, fmt.Sprintf("%s: kies een bedrag van %s tot en met %s.", label, min, max.Kort()))
	default:
		return b, true
	}
	return 0, false
}

func percentage(fe *web.FieldErrors, veld, label, s string, max geld.Percentage) (geld.Percentage, bool) {
	if s == "" {
		fe.Add(veld, label+": vul een percentage in, bijvoorbeeld 20%.")
		return 0, false
	}
	p, err := geld.ParsePercentage(s)
	if err != nil || p <= 0 || p > max {
		fe.Add(veld, fmt.Sprintf("%s: schrijf een percentage boven 0%% en tot en met %s, bijvoorbeeld 20%% of 12,5%%.", label, max))
		return 0, false
	}
	return p, true
}

func geheel(fe *web.FieldErrors, veld, label, s string, min, max int) (int, bool) {
	if s == "" {
		fe.Add(veld, label+": vul een aantal in.")
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		fe.Add(veld, fmt.Sprintf("%s: schrijf een heel getal van %d tot en met %d, zonder punten.", label, min, max))
		return 0, false
	}
	return n, true
}

// uurloonOnbekend says why the statutory hourly wage on datum cannot be used ("" when it can): the
// reference has none, or one it has not verified. The armoedeval refuses to guess; the user gives it.
func uurloonOnbekend(cat *regels.Catalogus, datum time.Time) string {
	_, uur, _, err := cat.Params().Minimumloon(datum)
	if err == nil && uur > 0 {
		return ""
	}
	reden := "de referentie heeft er geen"
	if err != nil {
		reden = err.Error()
		var j interface{ Unwrap() []error }
		if errors.As(err, &j) { // several parts unknown: the one about the hourly wage is what matters here
			for _, e := range j.Unwrap() {
				if strings.Contains(e.Error(), "uurloon") {
					reden = strings.TrimPrefix(e.Error(), "waarde staat niet in de landelijke parameters: ")
				}
			}
		}
	}
	return fmt.Sprintf("Minimumuurloon: Zeker heeft voor %s geen geverifieerd minimumuurloon (%s). Vul het uurloon in dat u wilt gebruiken, met de bron die u daarvoor hebt.",
		datum.Format(time.DateOnly), reden)
}
