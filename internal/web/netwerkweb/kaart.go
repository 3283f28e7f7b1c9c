package netwerkweb

import (
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

// The public sociale kaart: a page per gemeente, a search in a plain GET form (no JavaScript; every
// search has its own link), Dutch and English; and its open data.

// inwonerFuncs are the template functions of the resident pages.
var inwonerFuncs = template.FuncMap{
	// datum writes a day in the page's language: "2 maart 2026", "2 March 2026".
	"datum": func(l *web.Taal, d time.Time) string {
		if d.IsZero() {
			return ""
		}
		return strconv.Itoa(d.Day()) + " " + l.T("maand."+strconv.Itoa(int(d.Month()))) + " " + strconv.Itoa(d.Year())
	},
	"dag": func(l *web.Taal, d int) string { return l.T("dag." + strconv.Itoa(d)) },
	"behoefte": func(l *web.Taal, b netwerk.Behoefte) string {
		return l.T("behoefte." + string(b))
	},
	"deref": func(p *int) int { return *p },
	"telLink": func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '+' || (r >= '0' && r <= '9') {
				return r
			}
			return -1
		}, s)
	},
}

type kaartenData struct {
	web.Page
	Gemeenten []tenant.Gemeente
}

// kaarten lists the gemeenten, each linked to its sociale kaart.
func (s *server) kaarten(w http.ResponseWriter, r *http.Request) {
	l := s.kit.Taal(r, false)
	d := &kaartenData{}
	s.kit.VulPagina(&d.Page, l, l.T("kaart.gemeenten.titel"), "/sociale-kaart/")
	gs, err := s.kit.Gemeenten().Actief(r.Context())
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "sociale kaart: gemeenten", "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	d.Gemeenten = gs
	s.inwoner.Render(w, r, http.StatusOK, "kaarten", d)
}

type kaartData struct {
	web.Page
	web.FieldErrors
	Gemeente   tenant.Gemeente
	Kaart      netwerk.Kaart
	Items      []kaartItem
	Zoek, Dorp string
	Behoefte   string
	Behoeften  []web.Optie
	Dorpen     []web.Optie
	Gezocht    bool
	Lang       string // "" for Dutch, else the code (hidden field of the form)
	JSON, CSV  string
}

type kaartItem struct {
	netwerk.Item
	Regelingen []kaartRegeling
}

type kaartRegeling struct {
	Naam string
	Rol  netwerk.Rol
}

// gemeenteVan returns the active gemeente of the URL; else it answers 404.
func (s *server) gemeenteVan(w http.ResponseWriter, r *http.Request) (tenant.Gemeente, bool) {
	code := r.PathValue("gemeente")
	g, err := s.kit.Gemeenten().Haal(r.Context(), code)
	if tenant.ValideerCode(code) != nil || errors.Is(err, errs.NotFound) || (err == nil && !g.Actief) {
		s.kit.NotFound(w, r)
		return g, false
	}
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "sociale kaart: gemeente", "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return g, false
	}
	return g, true
}

// MaxZoek limits the search words.
const MaxZoek = 100

// kaart is the sociale kaart of a gemeente, with the search of the query (zoek, behoefte, dorp).
func (s *server) kaart(w http.ResponseWriter, r *http.Request) {
	g, ok := s.gemeenteVan(w, r)
	if !ok {
		return
	}
	l := s.kit.Taal(r, false)
	q := r.URL.Query()
	d := &kaartData{Gemeente: g, Zoek: strings.TrimSpace(q.Get("zoek")), Dorp: strings.TrimSpace(q.Get("dorp")), Behoefte: q.Get("behoefte")}
	if l.Code != web.StandaardTaal {
		d.Lang = l.Code
	}
	hier := "/sociale-kaart/" + g.Code
	if v := (url.Values{"zoek": {d.Zoek}, "behoefte": {d.Behoefte}, "dorp": {d.Dorp}}); d.Zoek+d.Behoefte+d.Dorp != "" {
		hier += "?" + v.Encode()
	}
	s.kit.VulPagina(&d.Page, l, l.T("kaart.titel", "gemeente", g.Naam), hier)
	d.Thema = web.ThemaKlasse(g.Code)
	d.VoetContact = s.voet(r, l, g)
	d.JSON, d.CSV = "/sociale-kaart/"+g.Code+"/open-data.json", "/sociale-kaart/"+g.Code+"/open-data.csv"
	var err error
	if d.Kaart, err = s.net.Kaart(r.Context(), g.Code); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "sociale kaart", "gemeente", g.Code, "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	f := netwerk.Filter{Zoek: d.Zoek, Dorp: d.Dorp}
	if d.Behoefte != "" {
		b, ok := netwerk.LeesBehoefte(d.Behoefte)
		if !ok {
			d.Add("behoefte", l.T("kaart.fout.behoefte"))
		}
		f.Behoefte = b
	}
	if utf8.RuneCountInString(d.Zoek) > MaxZoek {
		d.Add("zoek", l.T("kaart.fout.zoek"))
	}
	aantal := d.Kaart.Aantallen()
	d.Behoeften = []web.Optie{{Waarde: "", Label: l.T("kaart.behoefte.alles"), Gekozen: f.Behoefte == ""}}
	for _, b := range netwerk.Behoeften {
		if aantal[b] > 0 || b == f.Behoefte {
			d.Behoeften = append(d.Behoeften, web.Optie{Waarde: string(b), Label: l.T("behoefte."+string(b)) + " (" + strconv.Itoa(aantal[b]) + ")", Gekozen: b == f.Behoefte})
		}
	}
	d.Dorpen = []web.Optie{{Waarde: "", Label: l.T("kaart.dorp.overal"), Gekozen: d.Dorp == ""}}
	gevonden := false
	for _, dorp := range d.Kaart.Dorpen() {
		kies := strings.EqualFold(dorp, d.Dorp)
		gevonden = gevonden || kies
		d.Dorpen = append(d.Dorpen, web.Optie{Waarde: dorp, Label: dorp, Gekozen: kies})
	}
	if d.Dorp != "" && !gevonden { // a village of an older link: keep it chosen
		d.Dorpen = append(d.Dorpen, web.Optie{Waarde: d.Dorp, Label: d.Dorp, Gekozen: true})
	}
	status := http.StatusOK
	if len(d.Fouten) > 0 {
		status = http.StatusBadRequest
		d.Page.Fout = true
	} else {
		d.Gezocht = !f.Leeg()
		en := l.Code != web.StandaardTaal
		for _, it := range d.Kaart.Zoek(f) {
			ki := kaartItem{Item: it}
			for _, rr := range it.Dienst.Regelingen {
				if rr.Gemeente == g.Code {
					ki.Regelingen = append(ki.Regelingen, kaartRegeling{Naam: s.net.RegelingNaam(g.Code, rr.Regeling, en), Rol: rr.Rol})
				}
			}
			d.Items = append(d.Items, ki)
		}
	}
	s.inwoner.Render(w, r, status, "kaart", d)
}

// voet is the footer entry with the gemeente's contact, in the page's language.
func (s *server) voet(r *http.Request, l *web.Taal, g tenant.Gemeente) template.HTML {
	c := web.Contact{Naam: g.Naam, Tekst: g.Contact.Tekst, Telefoon: g.Contact.Telefoon, Email: g.Contact.Email, URL: g.Contact.Website}
	if l.Code != web.StandaardTaal && g.Contact.TekstEN != "" {
		c.Tekst = g.Contact.TekstEN
	}
	h, err := s.kit.VoetContact(l, c)
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "sociale kaart: voet", "fout", err)
	}
	return h
}

// openData sets the headers of a download that anyone may fetch and use.
func openData(w http.ResponseWriter, typ, bestand string) {
	h := w.Header()
	h.Set("Content-Type", typ)
	h.Set("Content-Disposition", `inline; filename="`+bestand+`"`)
	h.Set("Access-Control-Allow-Origin", "*") // open data: no cookies are read or sent
	h.Set("Cache-Control", "public, max-age=300")
}

// exportJSON is the gemeente's sociale kaart as HSDS-shaped JSON (docs/netwerk.md).
func (s *server) exportJSON(w http.ResponseWriter, r *http.Request) {
	g, ok := s.gemeenteVan(w, r)
	if !ok {
		return
	}
	k, err := s.net.Kaart(r.Context(), g.Code)
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "sociale kaart: json", "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	data, err := json.MarshalIndent(s.net.HSDS(k, g.Naam, s.kit.Nu().UTC().Format(time.RFC3339)), "", " ")
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "sociale kaart: json", "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	openData(w, "application/json; charset=utf-8", "sociale-kaart-"+g.Code+".json")
	w.Write(append(data, '\n'))
}

// exportCSV is the gemeente's sociale kaart in the CSV format of the import.
func (s *server) exportCSV(w http.ResponseWriter, r *http.Request) {
	g, ok := s.gemeenteVan(w, r)
	if !ok {
		return
	}
	k, err := s.net.Kaart(r.Context(), g.Code)
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "sociale kaart: csv", "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	c := web.NieuweCSV(w, "sociale-kaart-"+g.Code+".csv")
	openData(w, "text/csv; charset=utf-8", "sociale-kaart-"+g.Code+".csv")
	if err := netwerk.SchrijfCSV(c.Writer(), k); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "sociale kaart: csv", "fout", err)
	}
}
