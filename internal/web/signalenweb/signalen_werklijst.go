package signalenweb

import (
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/web"
)

// werklijstData is the worklist page: the filter form, one page of zaken in the chosen order (priority
// by default), and paging.
type werklijstData struct {
	web.StaffPage
	web.FieldErrors
	Basis        string // /beheer/{gemeente}/signalen
	Vandaag      string
	F            werklijstFilter
	Rijen        []werklijstRij
	web.Paging   // Totaal is a lower bound when MeerDan: more zaken match than were counted
	Statussen    []web.Optie
	PartnerTypen []web.Optie
	Leeftijden   []web.Optie
	Limieten     []web.Optie
	Sorteringen  []web.Optie
	Volgorde     string // the order of the list in words (a sentence)
	Bijschrift   string // the table's caption
	Koppen       werklijstKoppen
	Menu         sigMenu
	// TerBeoordeling is the number of open zaken marked for review; BeoordelenURL the list of them.
	TerBeoordeling int
	BeoordelenURL  string
}

// werklijstKoppen are the column headers that sort the list: a link to that order, and aria-sort on
// the column the list is sorted by.
type werklijstKoppen struct {
	Termijn, Ontvangen, Bedrag sorteerKop
}

// sorteerKop is one sortable column header.
type sorteerKop struct {
	URL      string // the list in this column's order (the other direction when it is sorted by it); "" for none
	AriaSort string // "ascending", "descending" or "" when the list is not sorted by this column
	Staat    string // the current order of this column in words, "" when the list is not sorted by it
}

// werklijstFilter is the filter form as the case worker filled it in (the query string).
type werklijstFilter struct {
	Status, PartnerType, Leeftijd, Wijk, Woonplaats string
	Sortering                                       string // "prioriteit" (the default) or another opslag.Sortering
	Crisis, Mijn, Beoordelen                        bool
	Per, Vanaf                                      int
}

// werklijstRij is one zaak in the list. It shows no personal data beyond wijk, woonplaats and an age
// group: the list is not a view of a resident's data; the zaak page is (and is logged).
type werklijstRij struct {
	Nr             int
	URL            string
	ID             int64
	Crisis         bool
	Deadline       string
	WerkdagenOver  int
	Verlopen       bool
	Wachtdagen     int
	Ontvangen      string
	Aantal         int
	Meervoudig     bool
	Opeenvolgend   bool
	Soorten        []signalen.PartnerType
	Bedrag         string
	Kinderen       int
	Leeftijdsgroep string
	Wijk           string
	Woonplaats     string
	Bekend         bool
	Beoordelen     bool   // marked for review: the grouping needs a person's check
	Beoordeling    string // the reason in a few words
	Status         string
	Opgepakt       string
	Resultaat      string
	Behandelaar    string
	// Texts prepared here rather than in the template: a page of 200 rows renders in half the time.
	TermijnTekst  string
	WachtTekst    string
	SignalenTekst string
	SoortenTekst  string
	HuishoudTekst string
	StatusTekst   string
}

// telTot is how far the worklist counts matching zaken exactly.
const telTot = 10000

// leeftijdsgroep is an age filter of the worklist: young people up to 27 and residents of AOW age get
// their own approach in many gemeenten (Divosa 2024: one in three has an age-specific approach).
type leeftijdsgroep struct {
	Waarde, Label string
	Van, Tot      int
}

func leeftijdsgroepen() []leeftijdsgroep {
	return []leeftijdsgroep{
		{"tot27", "Jonger dan 27 jaar", 0, 26},
		{"27tot67", "27 tot 67 jaar", 27, 66},
		{"67plus", "67 jaar en ouder", 67, 0},
	}
}

// sorteringen are the orders of the worklist with the words of the select, the default first.
func sorteringen() [][2]string {
	return [][2]string{
		{string(opslag.SorteerPrioriteit), "Prioriteit"},
		{string(opslag.SorteerNieuwste), "Nieuwste eerst"},
		{string(opslag.SorteerOudste), "Oudste eerst"},
		{string(opslag.SorteerBedrag), "Hoogste bedrag eerst"},
		{string(opslag.SorteerDeadline), "Vroegste crisistermijn eerst"},
	}
}

// volgordeTekst says how the list is ordered: a sentence for the intro and the table caption.
func volgordeTekst(s opslag.Sortering) (zin, bijschrift string) {
	switch s {
	case opslag.SorteerNieuwste:
		return "De zaken staan op de datum van het eerste signaal, de nieuwste eerst.", "Zaken, nieuwste eerst"
	case opslag.SorteerOudste:
		return "De zaken staan op de datum van het eerste signaal, de oudste eerst.", "Zaken, oudste eerst"
	case opslag.SorteerBedrag:
		return "De zaken staan op bedrag, het hoogste bedrag eerst.", "Zaken, hoogste bedrag eerst"
	case opslag.SorteerDeadline:
		return "De zaken staan op crisistermijn, de vroegste termijn eerst; daarna de zaken zonder crisis.", "Zaken, vroegste crisistermijn eerst"
	}
	return "De zaken staan in volgorde van prioriteit: eerst crisis (vroegste termijn eerst), dan meervoudige signalen, dan huishoudens met minderjarige kinderen, dan het hoogste bedrag, dan de zaak die het langst wacht.",
		"Zaken op volgorde van prioriteit"
}

func groepVan(leeftijd int) string {
	for _, g := range leeftijdsgroepen() {
		if leeftijd >= g.Van && (g.Tot == 0 || leeftijd <= g.Tot) {
			return g.Label
		}
	}
	return ""
}

// leesWerklijstFilter reads the filter of the query string into the store filter. Values it cannot use
// are reported at their field and left out of the filter (the list still shows).
func leesWerklijstFilter(q url.Values, naam string, v *web.FieldErrors) (werklijstFilter, opslag.Filter) {
	wf := werklijstFilter{
		Status: strings.TrimSpace(q.Get("status")), PartnerType: strings.TrimSpace(q.Get("partnertype")),
		Leeftijd: strings.TrimSpace(q.Get("leeftijd")), Wijk: strings.TrimSpace(q.Get("wijk")),
		Woonplaats: strings.TrimSpace(q.Get("woonplaats")), Crisis: q.Get("crisis") == "1", Mijn: q.Get("mijn") == "1",
		Beoordelen: q.Get("beoordelen") == "1",
		Sortering:  strings.TrimSpace(q.Get("sortering")), Per: 50,
	}
	var f opslag.Filter
	switch wf.Status {
	case "", "open":
		wf.Status, f.Status = "open", signalen.ZaakOpen
	case "gesloten":
		f.Status = signalen.ZaakGesloten
	case "alle":
		f.Status = opslag.StatusAlle
	default:
		v.Add("status", "Kies open, afgesloten of alle zaken.")
		wf.Status, f.Status = "open", signalen.ZaakOpen
	}
	if wf.PartnerType != "" {
		if pt := signalen.PartnerType(wf.PartnerType); pt.Geldig() {
			f.PartnerType = pt
		} else {
			v.Add("partnertype", "Kies een soort signaalpartner uit de lijst.")
			wf.PartnerType = ""
		}
	}
	if wf.Leeftijd != "" {
		gevonden := false
		for _, g := range leeftijdsgroepen() {
			if g.Waarde == wf.Leeftijd {
				f.LeeftijdVan, f.LeeftijdTot, gevonden = g.Van, g.Tot, true
			}
		}
		if !gevonden {
			v.Add("leeftijd", "Kies een leeftijdsgroep uit de lijst.")
			wf.Leeftijd = ""
		}
	}
	for _, t := range []struct {
		id   string
		val  *string
		doel *string
	}{{"wijk", &wf.Wijk, &f.Wijk}, {"woonplaats", &wf.Woonplaats, &f.Woonplaats}} {
		if utf8.RuneCountInString(*t.val) > 100 || !utf8.ValidString(*t.val) {
			v.Add(t.id, "Gebruik hoogstens 100 tekens.")
			*t.val = ""
			continue
		}
		*t.doel = *t.val
	}
	switch s := opslag.Sortering(wf.Sortering); {
	case s == "":
		wf.Sortering = string(opslag.SorteerPrioriteit)
	case s.Geldig():
		f.Sortering = s
	default:
		v.Add("sortering", "Kies een sortering uit de lijst.")
		wf.Sortering = string(opslag.SorteerPrioriteit)
	}
	f.AlleenCrisis, f.AlleenBeoordelen = wf.Crisis, wf.Beoordelen
	if wf.Mijn {
		f.Behandelaar = naam
		if naam == "" {
			wf.Mijn = false
		}
	}
	if p := q.Get("per"); p != "" {
		switch n, _ := strconv.Atoi(p); n {
		case 25, 50, 100, 200:
			wf.Per = n
		default:
			v.Add("per", "Kies 25, 50, 100 of 200 zaken per pagina.")
		}
	}
	if s := q.Get("vanaf"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 0 {
			wf.Vanaf = n
		}
	}
	f.Limiet, f.Vanaf = wf.Per, wf.Vanaf
	return wf, f
}

// query writes the filter back as a query string, with vanaf as given (0 is left out).
func (wf werklijstFilter) query(vanaf int) string {
	q := url.Values{}
	if wf.Status != "" && wf.Status != "open" {
		q.Set("status", wf.Status)
	}
	for k, v := range map[string]string{"partnertype": wf.PartnerType, "leeftijd": wf.Leeftijd, "wijk": wf.Wijk, "woonplaats": wf.Woonplaats} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if wf.Sortering != "" && wf.Sortering != string(opslag.SorteerPrioriteit) {
		q.Set("sortering", wf.Sortering)
	}
	if wf.Crisis {
		q.Set("crisis", "1")
	}
	if wf.Mijn {
		q.Set("mijn", "1")
	}
	if wf.Beoordelen {
		q.Set("beoordelen", "1")
	}
	if wf.Per != 50 {
		q.Set("per", strconv.Itoa(wf.Per))
	}
	if vanaf > 0 {
		q.Set("vanaf", strconv.Itoa(vanaf))
	}
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

// signalenWerklijst shows the worklist of a gemeente: open zaken in priority order (crisis first with
// the earliest deadline, then meervoudig, households with minor children, higher amount, longer waiting)
// or in the order the case worker chose (sortering).
func (s *server) signalenWerklijst(w http.ResponseWriter, r *http.Request) {
	d := &werklijstData{}
	gm, ok := s.signalenPagina(w, r, &d.StaffPage, "Vroegsignalering: werklijst")
	if !ok {
		return
	}
	st := s.store
	vandaag := st.Vandaag()
	d.Basis, d.Vandaag = "/beheer/"+gm+"/signalen", datumNL(vandaag)
	d.Menu = menuVoor(r.Context(), gm, "werklijst")
	wf, f := leesWerklijstFilter(r.URL.Query(), web.NaamUit(r.Context()), &d.FieldErrors)
	d.F = wf
	// Counting every matching zaak is most of the cost of a page on PostgreSQL (docs/signalen-web.md):
	// count exactly up to telTot (or just past the page asked for), and say "meer dan" beyond.
	// wf.Vanaf comes from the address: near the largest int wf.Vanaf+wf.Per would wrap around.
	f.TelTot = telTot
	if wf.Vanaf > telTot-wf.Per {
		f.TelTot = wf.Vanaf + min(wf.Per, math.MaxInt-1-wf.Vanaf)
	}
	zaken, totaal, err := st.Werklijst(r.Context(), gm, f)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	meerDan := totaal > f.TelTot
	if meerDan {
		totaal = f.TelTot
	}
	// The zaken marked for review are in the list as any other; the count says so above it, with a link
	// to just those, so they are not overlooked.
	if d.TerBeoordeling, err = st.AantalTerBeoordeling(r.Context(), gm); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	alleen := werklijstFilter{Status: "open", Beoordelen: true, Per: 50}
	d.BeoordelenURL = d.Basis + alleen.query(0)
	lijst := wf.query(wf.Vanaf) // the zaak page links back to this page of the list with this filter
	for i := range zaken {
		rij := werklijstRijVan(&zaken[i], gm, wf.Vanaf+i+1, vandaag)
		rij.URL += lijst
		d.Rijen = append(d.Rijen, rij)
	}
	d.Paging = web.NieuwePaging(wf.Vanaf, wf.Per, totaal, len(zaken), meerDan, func(vanaf int) string { return d.Basis + wf.query(vanaf) })
	d.Statussen = opties([][2]string{{"open", "Open zaken"}, {"gesloten", "Afgesloten zaken"}, {"alle", "Alle zaken"}}, wf.Status)
	pts := [][2]string{{"", "Alle soorten"}}
	for _, t := range signalen.PartnerTypes() {
		pts = append(pts, [2]string{string(t), string(t)})
	}
	d.PartnerTypen = opties(pts, wf.PartnerType)
	lft := [][2]string{{"", "Alle leeftijden"}}
	for _, g := range leeftijdsgroepen() {
		lft = append(lft, [2]string{g.Waarde, g.Label})
	}
	d.Leeftijden = opties(lft, wf.Leeftijd)
	d.Limieten = opties([][2]string{{"25", "25"}, {"50", "50"}, {"100", "100"}, {"200", "200"}}, strconv.Itoa(wf.Per))
	d.Sorteringen = opties(sorteringen(), wf.Sortering)
	d.Volgorde, d.Bijschrift = volgordeTekst(opslag.Sortering(wf.Sortering))
	d.Koppen = werklijstKoppenVan(d.Basis, wf)
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, http.StatusOK, "signalen_werklijst", d)
}

// werklijstKoppenVan makes the sortable column headers: each links to the list with the same filter in
// its order, from the first page. The column the list is sorted by says so (aria-sort and in words);
// it links on only where there is another direction (ontvangen: nieuwste or oudste eerst).
func werklijstKoppenVan(basis string, wf werklijstFilter) werklijstKoppen {
	url := func(s opslag.Sortering) string {
		ander := wf
		ander.Sortering = string(s)
		return basis + ander.query(0)
	}
	k := werklijstKoppen{
		Termijn:   sorteerKop{URL: url(opslag.SorteerDeadline)},
		Ontvangen: sorteerKop{URL: url(opslag.SorteerNieuwste)},
		Bedrag:    sorteerKop{URL: url(opslag.SorteerBedrag)},
	}
	switch opslag.Sortering(wf.Sortering) {
	case opslag.SorteerDeadline:
		k.Termijn = sorteerKop{AriaSort: "ascending", Staat: "vroegste eerst"}
	case opslag.SorteerNieuwste:
		k.Ontvangen = sorteerKop{URL: url(opslag.SorteerOudste), AriaSort: "descending", Staat: "nieuwste eerst"}
	case opslag.SorteerOudste:
		k.Ontvangen = sorteerKop{URL: url(opslag.SorteerNieuwste), AriaSort: "ascending", Staat: "oudste eerst"}
	case opslag.SorteerBedrag:
		k.Bedrag = sorteerKop{AriaSort: "descending", Staat: "hoogste eerst"}
	}
	return k
}

func opties(paren [][2]string, gekozen string) []web.Optie {
	out := make([]web.Optie, len(paren))
	for i, p := range paren {
		out[i] = web.Optie{Waarde: p[0], Label: p[1], Gekozen: p[0] == gekozen}
	}
	return out
}

func werklijstRijVan(z *signalen.Zaak, gm string, nr int, vandaag datum.Datum) werklijstRij {
	rij := werklijstRij{
		Nr: nr, ID: z.ID, URL: zaakURL(gm, z.ID), Crisis: z.Crisis, Wachtdagen: z.Wachtdagen(vandaag),
		Ontvangen: datumNL(z.EersteOntvangst), Aantal: z.Aantal, Meervoudig: z.Meervoudig(), Opeenvolgend: z.Opeenvolgend,
		Soorten: partnerTypenVan(z.PartnerBits), Bedrag: bedragNL(z.Bedrag), Kinderen: z.MinderjarigeKinderen,
		Wijk: z.Wijk, Woonplaats: z.Woonplaats, Bekend: z.Bekend, Behandelaar: z.Behandelaar, Beoordelen: z.Beoordelen,
	}
	if z.Beoordelen {
		rij.Beoordeling = signalen.KortRedenTeVeelInwoners
	}
	if !z.Geboortedatum.IsZero() {
		rij.Leeftijdsgroep = groepVan(z.Geboortedatum.LeeftijdOp(vandaag))
	}
	if z.Crisis {
		rij.Deadline = datumNL(z.CrisisDeadline)
		rij.Verlopen = z.TermijnVerlopen(vandaag)
		rij.WerkdagenOver = signalen.WerkdagenTussen(vandaag, z.CrisisDeadline)
	}
	switch {
	case z.Status == signalen.ZaakGesloten:
		rij.Status = "Afgesloten"
		rij.Resultaat = string(z.Resultaat)
		rij.StatusTekst = "Afgesloten: " + rij.Resultaat
	case !z.DatumOpgepakt.IsZero():
		rij.Status = "Opgepakt"
		rij.Opgepakt = datumNL(z.DatumOpgepakt)
		rij.StatusTekst = "Opgepakt op " + rij.Opgepakt
	default:
		rij.Status = "Nog niet opgepakt"
		rij.StatusTekst = rij.Status
	}
	if z.Crisis && !rij.Verlopen && rij.Status == "Nog niet opgepakt" {
		switch rij.WerkdagenOver {
		case 0:
			rij.TermijnTekst = "Vandaag de laatste dag"
		case 1:
			rij.TermijnTekst = "Nog 1 werkdag"
		default:
			rij.TermijnTekst = "Nog " + strconv.Itoa(rij.WerkdagenOver) + " werkdagen"
		}
	}
	rij.WachtTekst = dagenGeleden(rij.Wachtdagen)
	rij.SignalenTekst = strconv.Itoa(z.Aantal) + " (enkelvoudig)"
	if rij.Meervoudig {
		rij.SignalenTekst = strconv.Itoa(z.Aantal) + " (meervoudig)"
	}
	soorten := make([]string, len(rij.Soorten))
	for i, t := range rij.Soorten {
		soorten[i] = string(t)
	}
	rij.SoortenTekst = strings.Join(soorten, ", ")
	switch rij.Kinderen {
	case 0:
		rij.HuishoudTekst = "Geen minderjarige kinderen bekend"
	case 1:
		rij.HuishoudTekst = "1 minderjarig kind"
	default:
		rij.HuishoudTekst = strconv.Itoa(rij.Kinderen) + " minderjarige kinderen"
	}
	return rij
}

// dagenGeleden writes a number of days in the past in words.
func dagenGeleden(n int) string {
	switch n {
	case 0:
		return "vandaag"
	case 1:
		return "1 dag geleden"
	}
	return strconv.Itoa(n) + " dagen geleden"
}
