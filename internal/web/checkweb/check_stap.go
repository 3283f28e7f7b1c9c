package checkweb

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
)

type checkOptie struct{ Waarde, Tekst string }

type stapData struct {
	web.Page
	Stap          string
	Token         string
	Nummer        int
	Rest          int // steps still to ask after this one, as far as the answers so far tell
	Gemeente      string
	Fouten        []web.FieldError
	FoutBij       map[string]string
	W             map[string]string // the values in the fields
	Aangevinkt    map[string]bool   // checked checkboxes of "ontvangt"
	Partner       bool
	Kinderen      []int
	Soorten       []checkOptie
	Regelingen    []checkOptie
	VraagStudent  bool
	VraagSchuld   bool
	VraagLaag     bool
	VraagOntvangt bool
	BewaarURL     string
}

func (d *stapData) fout(id, bericht string) {
	d.Fouten = append(d.Fouten, web.FieldError{ID: id, Bericht: bericht})
	d.FoutBij[id] = bericht
}

// checkStap shows the current step of a token (for the language switch and resume links).
func (s *server) checkStap(w http.ResponseWriter, r *http.Request) {
	a, err := s.leesToken(r.Context(), r.URL.Query().Get("t"))
	if err != nil {
		s.tokenFout(w, r, err)
		return
	}
	l := s.kit.Taal(r, a.Ander)
	if a.Huidig == "" {
		http.Redirect(w, r, "/check/resultaat?"+url.Values{"t": {r.URL.Query().Get("t")}, "lang": {l.Code}}.Encode(), http.StatusSeeOther)
		return
	}
	s.renderStap(w, r, a, l, nil, nil)
}

// checkStapPost takes the answers of one step, and shows the next step that matters or the result.
func (s *server) checkStapPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fout(w, r, http.StatusBadRequest, "fout.formulier")
		return
	}
	a, err := s.leesToken(r.Context(), r.PostForm.Get("t"))
	if err != nil || !slices.Contains(stappen[:], a.Huidig) {
		if err == nil {
			err = errTokenOngeldig
		}
		s.tokenFout(w, r, err)
		return
	}
	l := s.kit.Taal(r, a.Ander)
	if r.PostForm.Get("actie") == "terug" {
		if len(a.Pad) == 0 {
			http.Redirect(w, r, "/?lang="+l.Code, http.StatusSeeOther)
			return
		}
		a.Huidig, a.Pad = a.Pad[len(a.Pad)-1], a.Pad[:len(a.Pad)-1]
		s.renderStap(w, r, a, l, nil, nil)
		return
	}
	d := &stapData{FoutBij: map[string]string{}}
	datum := truncDag(s.nu())
	switch a.Huidig {
	case stapHuishouden:
		leesHuishouden(r.PostForm, a, d, l)
	case stapLeeftijd:
		leesLeeftijd(r.PostForm, a, d, l, datum)
	case stapInkomen:
		leesInkomen(r.PostForm, a, d, l)
	case stapVermogen:
		leesVermogen(r.PostForm, a, d, l)
	case stapOntvangt:
		leesOntvangt(r.PostForm, a, d, l)
	case stapSituatie:
		leesSituatie(r.PostForm, a, d, l)
	case stapWonen:
		leesWonen(r.PostForm, a, d, l)
	case stapZorgpremie:
		leesZorgpremie(r.PostForm, a, d, l)
	}
	if len(d.Fouten) > 0 {
		s.renderStap(w, r, a, l, d, r.PostForm)
		return
	}
	a.markeer(a.Huidig)
	if h := s.huishouden(a, datum, alleAntwoorden); h.Valideer(datum) != nil {
		// The form limits should make this impossible; say so plainly rather than fail.
		s.kit.Log().Warn("check: antwoorden geven geen geldig huishouden", "stap", a.Huidig)
		d.fout("stap-vraag", l.T("fout.huishouden"))
		s.renderStap(w, r, a, l, d, r.PostForm)
		return
	}
	a.Pad = append(a.Pad, a.Huidig)
	a.Huidig = ""
	open := s.openStappen(a, l)
	if len(open) == 0 {
		t, err := s.token.seal(a)
		if err != nil {
			s.fout(w, r, http.StatusInternalServerError, "fout.intern")
			return
		}
		http.Redirect(w, r, "/check/resultaat?"+url.Values{"t": {t}, "lang": {l.Code}}.Encode(), http.StatusSeeOther)
		return
	}
	a.Huidig = open[0]
	s.renderStap(w, r, a, l, nil, nil)
}

// renderStap shows step a.Huidig. With d and form set it re-shows the form with its errors.
func (s *server) renderStap(w http.ResponseWriter, r *http.Request, a *Antwoorden, l *web.Taal, d *stapData, form url.Values) {
	status := http.StatusOK
	if d == nil {
		d = &stapData{FoutBij: map[string]string{}}
	} else if len(d.Fouten) > 0 {
		status = http.StatusUnprocessableEntity
		d.Page.Fout = true
	}
	t, err := s.token.seal(a)
	if err != nil {
		s.fout(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	g, _ := s.gemeente(r.Context(), a.Gemeente)
	d.Stap, d.Token, d.Gemeente, d.Partner = a.Huidig, t, g.Naam, a.Partner
	d.Thema, d.VoetContact = web.ThemaKlasse(a.Gemeente), s.voetContactVan(r.Context(), l, g)
	d.Kinderen = seqN(a.Kinderen)
	d.Nummer = len(a.Pad) + 1
	d.Rest = len(s.openStappen(a, l))
	d.BewaarURL = "/check/bewaar?" + url.Values{"t": {t}, "lang": {l.Code}}.Encode()
	d.W = waarden(a)
	d.Aangevinkt = map[string]bool{}
	for _, o := range a.Ontvangt {
		d.Aangevinkt[o] = true
	}
	if !a.beantwoord(stapOntvangt) {
		// Someone who said their income is bijstand receives bijstand: tick it for them.
		for _, r := range a.InkAanvrager.Regels {
			if r.Soort == "bijstand" {
				d.Aangevinkt["bijstand"] = true
			}
		}
	}
	if form != nil {
		for k := range form {
			d.W[k] = form.Get(k)
		}
		d.Aangevinkt = map[string]bool{}
		for _, o := range form["ontvangt"] {
			d.Aangevinkt[o] = true
		}
	}
	switch a.Huidig {
	case stapInkomen:
		for _, so := range huishouden.InkomenSoorten {
			d.Soorten = append(d.Soorten, checkOptie{string(so), l.T("soort." + string(so))})
		}
	case stapOntvangt, stapSituatie:
		res, err := s.evalueer(a, totHier, l)
		if err != nil {
			d.VraagOntvangt, d.VraagLaag, d.VraagStudent, d.VraagSchuld = true, true, true, true
		} else {
			d.VraagOntvangt = vraagtIets(res.Vragen, []regels.Vraag{regels.VraagOntvangt, regels.VraagOntvangtSinds}) || len(a.Ontvangt) > 0
			d.VraagLaag = vraagtIets(res.Vragen, []regels.Vraag{regels.VraagLaagInkomenSinds, regels.VraagOntvangtSinds}) || a.LaagJaren != nil
			d.VraagStudent = vraagtIets(res.Vragen, []regels.Vraag{regels.VraagStudent}) || a.Student != nil
			d.VraagSchuld = vraagtIets(res.Vragen, []regels.Vraag{regels.VraagSchuldsanering}) || a.Schuld != nil
			if !d.VraagStudent && !d.VraagSchuld {
				d.VraagStudent, d.VraagSchuld = true, true
			}
			if !d.VraagOntvangt && !d.VraagLaag {
				d.VraagOntvangt, d.VraagLaag = true, true
			}
			d.Regelingen = append(d.Regelingen, checkOptie{"bijstand", l.T("ontvangt.bijstand")})
			// Only schemes the household could have: a household without children is not asked
			// about children's schemes. One already ticked stays.
			for _, u := range res.Regelingen {
				if u.Oordeel != regels.GeenRecht || d.Aangevinkt[u.ID] {
					d.Regelingen = append(d.Regelingen, checkOptie{u.ID, u.Naam})
				}
			}
		}
	}
	s.kit.VulPagina(&d.Page, l, l.T("stap."+a.Huidig+".titel"), "/check/stap?"+url.Values{"t": {t}}.Encode())
	s.pages.Render(w, r, status, "stap", d)
}

func seqN(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// waarden fills the form fields from earlier answers (when the resident goes back or resumes).
func waarden(a *Antwoorden) map[string]string {
	w := map[string]string{}
	if a.beantwoord(stapHuishouden) {
		w["partner"] = map[bool]string{true: "ja", false: "nee"}[a.Partner]
		w["kinderen"] = strconv.Itoa(a.Kinderen)
		w["medebewoners"] = strconv.Itoa(a.Medebewoners)
	}
	datumVelden := func(p, s string) {
		if d, err := time.Parse(time.DateOnly, s); err == nil {
			w[p+"-dag"], w[p+"-maand"], w[p+"-jaar"] = strconv.Itoa(d.Day()), strconv.Itoa(int(d.Month())), strconv.Itoa(d.Year())
		}
	}
	datumVelden("a", a.GebAanvrager)
	datumVelden("p", a.GebPartner)
	for i, k := range a.LeeftijdKind {
		w["kind-"+strconv.Itoa(i+1)] = strconv.Itoa(k)
	}
	inkVelden := func(p string, ink Ink) {
		switch {
		case ink.Onbekend:
			w[p+"-soort-1"] = "weet_niet"
		case len(ink.Regels) == 0:
			w[p+"-soort-1"] = "geen"
		}
		for i, r := range ink.Regels {
			n := strconv.Itoa(i + 1)
			w[p+"-soort-"+n], w[p+"-bedrag-"+n] = r.Soort, bedragInvoer(r.Cent)
		}
	}
	w["basis"] = "netto"
	if a.Bruto {
		w["basis"] = "bruto"
	}
	if a.beantwoord(stapInkomen) {
		inkVelden("a", a.InkAanvrager)
		inkVelden("p", a.InkPartner)
	}
	if a.beantwoord(stapVermogen) {
		if a.Vermogen == nil {
			w["vermogen-weet-niet"] = "ja"
		} else {
			w["vermogen"] = bedragInvoer(*a.Vermogen)
		}
	}
	if a.beantwoord(stapOntvangt) {
		if a.LaagJaren == nil {
			w["laag-weet-niet"] = "ja"
		} else {
			w["laag-jaren"] = strconv.Itoa(*a.LaagJaren)
		}
	}
	if a.beantwoord(stapWonen) {
		wonenWaarden(a, w)
	}
	if a.beantwoord(stapZorgpremie) {
		zorgpremieWaarden(a, w)
	}
	if a.Student != nil {
		w["student"] = map[bool]string{true: "ja", false: "nee"}[*a.Student]
	}
	if a.beantwoord(stapSituatie) {
		switch {
		case a.Schuld == nil:
			w["schuld"] = "weet_niet"
		case *a.Schuld:
			w["schuld"] = "ja"
		default:
			w["schuld"] = "nee"
		}
	}
	return w
}

// bedragInvoer writes cents as the resident would type them: "1250" or "1250,50".
func bedragInvoer(c int64) string {
	if c%100 == 0 {
		return strconv.FormatInt(c/100, 10)
	}
	return strings.Replace(geld.Bedrag(c).Decimal(), ".", ",", 1)
}

// leesGetal reads a whole number between lo and hi.
func leesGetal(s string, lo, hi int) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < lo || n > hi {
		return 0, false
	}
	return n, true
}

// leesBedrag reads an amount in euros, not negative, at most max cents.
func leesBedrag(s string, max int64, l *web.Taal) (int64, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, l.T("fout.bedrag.leeg")
	}
	b, err := geld.Parse(s)
	if err != nil {
		return 0, l.T("fout.bedrag")
	}
	if b < 0 {
		return 0, l.T("fout.bedrag.negatief")
	}
	if int64(b) > max {
		return 0, l.T("fout.bedrag.groot", "max", geld.Bedrag(max).Kort())
	}
	return int64(b), ""
}

func leesHuishouden(f url.Values, a *Antwoorden, d *stapData, l *web.Taal) {
	switch f.Get("partner") {
	case "ja":
		a.Partner = true
	case "nee":
		a.Partner = false
	default:
		d.fout("partner-ja", l.T("fout.partner"))
	}
	if n, ok := leesGetal(f.Get("kinderen"), 0, maxKinderen); ok {
		a.Kinderen = n
	} else {
		d.fout("kinderen", l.T("fout.aantal", "max", maxKinderen))
	}
	if n, ok := leesGetal(f.Get("medebewoners"), 0, maxMedebewoners); ok {
		a.Medebewoners = n
	} else {
		d.fout("medebewoners", l.T("fout.aantal", "max", maxMedebewoners))
	}
	if len(a.LeeftijdKind) > a.Kinderen {
		a.LeeftijdKind = a.LeeftijdKind[:a.Kinderen]
	}
}

func leesDatum(f url.Values, p string, datum time.Time, l *web.Taal) (string, string) {
	dag, ok1 := leesGetal(f.Get(p+"-dag"), 1, 31)
	maand, ok2 := leesGetal(f.Get(p+"-maand"), 1, 12)
	jaar, ok3 := leesGetal(f.Get(p+"-jaar"), 1000, 9999)
	if strings.TrimSpace(f.Get(p+"-dag")+f.Get(p+"-maand")+f.Get(p+"-jaar")) == "" {
		return "", l.T("fout.datum.leeg")
	}
	if !ok1 || !ok2 || !ok3 {
		return "", l.T("fout.datum")
	}
	t := time.Date(jaar, time.Month(maand), dag, 0, 0, 0, 0, time.UTC)
	if t.Day() != dag {
		return "", l.T("fout.datum")
	}
	if t.After(datum) {
		return "", l.T("fout.datum.toekomst")
	}
	if t.Before(datum.AddDate(-120, 0, 0)) {
		return "", l.T("fout.datum.oud")
	}
	return t.Format(time.DateOnly), ""
}

func leesLeeftijd(f url.Values, a *Antwoorden, d *stapData, l *web.Taal, datum time.Time) {
	if v, e := leesDatum(f, "a", datum, l); e != "" {
		d.fout("a-dag", e)
	} else {
		a.GebAanvrager = v
	}
	if a.Partner {
		if v, e := leesDatum(f, "p", datum, l); e != "" {
			d.fout("p-dag", e)
		} else {
			a.GebPartner = v
		}
	}
	a.LeeftijdKind = a.LeeftijdKind[:0]
	for i := 1; i <= a.Kinderen; i++ {
		id := "kind-" + strconv.Itoa(i)
		n, ok := leesGetal(f.Get(id), 0, 30)
		if !ok {
			d.fout(id, l.T("fout.leeftijd.kind", "n", i))
		}
		a.LeeftijdKind = append(a.LeeftijdKind, n)
	}
}

func leesInk(f url.Values, p string, d *stapData, l *web.Taal) Ink {
	var ink Ink
	s1 := f.Get(p + "-soort-1")
	switch s1 {
	case "weet_niet":
		return Ink{Onbekend: true}
	case "geen":
	case "":
		d.fout(p+"-soort-1", l.T("fout.soort"))
	default:
		if !geldigeSoort(s1) {
			d.fout(p+"-soort-1", l.T("fout.soort"))
			break
		}
		c, e := leesBedrag(f.Get(p+"-bedrag-1"), 100_000_00, l)
		if e != "" {
			d.fout(p+"-bedrag-1", e)
		}
		ink.Regels = append(ink.Regels, InkRegel{s1, c})
	}
	if s2 := f.Get(p + "-soort-2"); s2 != "" && s2 != "geen" {
		if !geldigeSoort(s2) {
			d.fout(p+"-soort-2", l.T("fout.soort"))
		} else {
			c, e := leesBedrag(f.Get(p+"-bedrag-2"), 100_000_00, l)
			if e != "" {
				d.fout(p+"-bedrag-2", e)
			}
			ink.Regels = append(ink.Regels, InkRegel{s2, c})
		}
	}
	return ink
}

func geldigeSoort(s string) bool {
	return slices.Contains(huishouden.InkomenSoorten[:], huishouden.InkomenSoort(s))
}

func leesInkomen(f url.Values, a *Antwoorden, d *stapData, l *web.Taal) {
	switch f.Get("basis") {
	case "bruto":
		a.Bruto = true
	case "netto", "":
		a.Bruto = false // net is what the question asked before the choice, and the default
	default:
		d.fout("basis-netto", l.T("fout.kies"))
	}
	a.InkAanvrager = leesInk(f, "a", d, l)
	a.InkPartner = Ink{}
	if a.Partner {
		a.InkPartner = leesInk(f, "p", d, l)
	}
	if !a.Bruto {
		return
	}
	// An own business or "other" income has no payslip to go from gross to net.
	for _, p := range []struct {
		veld string
		ink  Ink
	}{{"a", a.InkAanvrager}, {"p", a.InkPartner}} {
		for i, r := range p.ink.Regels {
			if !brutoMag(r.Soort) {
				d.fout(p.veld+"-soort-"+strconv.Itoa(i+1), l.T("fout.bruto.soort"))
			}
		}
	}
}

func leesVermogen(f url.Values, a *Antwoorden, d *stapData, l *web.Taal) {
	if f.Get("vermogen-weet-niet") == "ja" {
		a.Vermogen = nil
		return
	}
	c, e := leesBedrag(f.Get("vermogen"), 10_000_000_00, l)
	if e != "" {
		d.fout("vermogen", e)
		return
	}
	a.Vermogen = &c
}

func leesOntvangt(f url.Values, a *Antwoorden, d *stapData, l *web.Taal) {
	a.Gevraagd &^= gvOntvangt | gvLaag
	if f.Has("ontvangt-vraag") {
		a.Gevraagd |= gvOntvangt
	}
	if f.Has("laag-jaren") {
		a.Gevraagd |= gvLaag
	}
	a.Ontvangt = a.Ontvangt[:0]
	for _, o := range f["ontvangt"] {
		if o != "" && len(o) <= 64 && len(a.Ontvangt) < huishouden.MaxOntvangsten && !slices.Contains(a.Ontvangt, o) {
			a.Ontvangt = append(a.Ontvangt, o)
		}
	}
	a.LaagJaren = nil
	if f.Get("laag-weet-niet") == "ja" || !f.Has("laag-jaren") {
		return
	}
	if strings.TrimSpace(f.Get("laag-jaren")) == "" {
		d.fout("laag-jaren", l.T("fout.jaren.leeg"))
		return
	}
	n, ok := leesGetal(f.Get("laag-jaren"), 0, 80)
	if !ok {
		d.fout("laag-jaren", l.T("fout.jaren"))
		return
	}
	a.LaagJaren = &n
}

func leesSituatie(f url.Values, a *Antwoorden, d *stapData, l *web.Taal) {
	ja, nee := true, false
	a.Gevraagd &^= gvStudent | gvSchuld
	if f.Has("student-vraag") {
		a.Gevraagd |= gvStudent
	}
	if f.Has("schuld-vraag") {
		a.Gevraagd |= gvSchuld
	}
	if f.Has("student") {
		switch f.Get("student") {
		case "ja":
			a.Student = &ja
		case "nee":
			a.Student = &nee
		default:
			d.fout("student-ja", l.T("fout.kies"))
		}
	}
	if f.Has("schuld-vraag") {
		switch f.Get("schuld") {
		case "ja":
			a.Schuld = &ja
		case "nee":
			a.Schuld = &nee
		case "weet_niet":
			a.Schuld = nil
		default:
			d.fout("schuld-ja", l.T("fout.kies"))
		}
	}
	if f.Has("student-vraag") && !f.Has("student") {
		d.fout("student-ja", l.T("fout.kies"))
	}
}
