package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
)

// The vroegsignalering pages for case workers and beheerders: the worklist of a gemeente
// (signalen_werklijst.go), one vroegsignaalzaak with its contact attempts, notes and closing
// (signalen_zaak.go), the CSV upload for partners that deliver files (signalen_upload.go), the settings
// (signalen_instellingen.go) and the indicators (signalen_indicatoren.go). Their routes are rows in the
// staff route table (staff_routes.go), so the guard there has checked the session and the permission in
// the gemeente of the URL before a handler runs, and the audit actor is on the request context: the
// store writes every read of a resident's data to the processing log with that actor.

// SignalenDeps are the services of the vroegsignalering pages.
type SignalenDeps struct {
	Store *opslag.Store
	// Zoeker returns the resident register of a gemeente for matching uploaded signals (BRP extract or
	// household data). Nil, or a nil result: signals are stored unmatched and grouped by their own address.
	Zoeker func(ctx context.Context, gemeente string) (signalen.Zoeker, error)
}

// signalenWeb is the vroegsignalering part of the staff pages: its services and parsed templates.
type signalenWeb struct {
	SignalenDeps
	tmpl map[string]*template.Template
}

// signalenTemplates are the page templates, each parsed with base.html, staff_gedeeld.html and
// signalen_gedeeld.html.
func signalenTemplates() []string {
	return []string{"signalen_werklijst", "signalen_zaak", "signalen_upload", "signalen_instellingen", "signalen_indicatoren"}
}

// nieuwSignalenWeb parses the templates; it fails on any template error, so a broken page never ships.
func nieuwSignalenWeb(deps SignalenDeps) (*signalenWeb, error) {
	if deps.Store == nil {
		return nil, errors.New("web: signalen: geen opslag")
	}
	sw := &signalenWeb{SignalenDeps: deps, tmpl: map[string]*template.Template{}}
	base, err := template.New("base.html").Funcs(templateFuncs).Funcs(staffFuncs).Funcs(signalenFuncs).
		ParseFS(templateFS, "templates/base.html", "templates/staff_gedeeld.html", "templates/signalen_gedeeld.html")
	if err != nil {
		return nil, fmt.Errorf("web: signalen templates: %w", err)
	}
	for _, name := range signalenTemplates() {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		sw.tmpl[name] = t
	}
	return sw, nil
}

// sig returns the vroegsignalering part, or nil when the server has none.
func (s *Server) sig() *signalenWeb {
	if s.staff == nil {
		return nil
	}
	return s.staff.sig
}

// renderSignalen executes a page into a buffer first, so a template error never sends half a page.
func (s *Server) renderSignalen(w http.ResponseWriter, r *http.Request, status int, name string, data pageData) {
	t, ok := s.sig().tmpl[name]
	if !ok {
		s.interneFout(w, r, fmt.Errorf("onbekende template %s", name))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base.html", data); err != nil {
		s.interneFout(w, r, fmt.Errorf("template %s: %w", name, err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// signalenPagina fills the layout of a vroegsignalering page and says whether the server has the
// vroegsignalering part and the gemeente exists (it answers the request when not).
func (s *Server) signalenPagina(w http.ResponseWriter, r *http.Request, p *staffPagina, titel string) (string, bool) {
	if s.sig() == nil {
		s.staffFout(w, r, http.StatusNotFound, "Vroegsignalering staat op deze server niet aan.")
		return "", false
	}
	g, err := s.gemeenteVan(r)
	if err != nil {
		s.interneFout(w, r, err)
		return "", false
	}
	s.vulStaff(p, r, titel, &g)
	if m, ok := signalenMeldingen()[r.URL.Query().Get("klaar")]; ok {
		p.Melding = m
	}
	return g.Code, true
}

// signalenMeldingen are the confirmations after a change (?klaar=…), from this fixed list only.
func signalenMeldingen() map[string]string {
	return map[string]string{
		"opgepakt":     "De zaak is opgepakt. De signalen staan nu op Opgepakt.",
		"contact":      "De contactpoging is opgeslagen.",
		"notitie":      "De notitie is opgeslagen.",
		"gesloten":     "De zaak is afgesloten.",
		"instellingen": "De instellingen voor vroegsignalering zijn opgeslagen.",
	}
}

// actorUit is the authorization actor of the request (zero when nobody is logged in).
func actorUit(ctx context.Context) auth.Actor {
	if i := ingelogdUit(ctx); i != nil {
		return i.Actor
	}
	return auth.Actor{}
}

// naamUit is the display name of the logged-in user, for behandelaar and "door".
func naamUit(ctx context.Context) string {
	if i := ingelogdUit(ctx); i != nil {
		if n := strings.TrimSpace(i.Gebruiker.Naam); n != "" {
			return n
		}
		return i.Gebruiker.Email
	}
	return ""
}

// sigMenu is the menu of the vroegsignalering pages: only the pages the user may open.
type sigMenu struct {
	Basis, Hier                       string
	Upload, Indicatoren, Instellingen bool
}

func menuVoor(ctx context.Context, gm, hier string) sigMenu {
	a := actorUit(ctx)
	return sigMenu{Basis: "/beheer/" + gm + "/signalen", Hier: hier, Upload: auth.Mag(a, gm, auth.ImportUitvoeren),
		Indicatoren: auth.Mag(a, gm, auth.MonitorLezen), Instellingen: auth.Mag(a, gm, auth.GemeenteInstellen)}
}

// optie is one choice of a select or radio group.
type optie struct {
	Waarde, Label string
	Gekozen       bool
}

// ---- formatting for staff pages (Dutch) ----

var signalenFuncs = template.FuncMap{
	"datumNL":   datumNL,
	"getalNL":   getalNL,
	"procentNL": procentNL,
	"lower":     strings.ToLower,
}

var dagenKort = [...]string{"zo", "ma", "di", "wo", "do", "vr", "za"}
var maandenKort = [...]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
var maandenLang = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
	"oktober", "november", "december"}

// datumNL writes a date as "ma 2 mrt 2026"; "—" for an unknown date.
func datumNL(d signalen.Datum) string {
	if d.IsZero() {
		return "—"
	}
	return fmt.Sprintf("%s %d %s %d", dagenKort[d.Weekdag()], d.Dag(), maandenKort[d.Maand()-1], d.Jaar())
}

// maandNL writes "2026-03" as "maart 2026"; other text unchanged.
func maandNL(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return maandenLang[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// getalNL writes an integer (int or int64) with a dot between thousands: 12.345.
func getalNL(v any) string {
	var n int64
	switch x := v.(type) {
	case int:
		n = int64(x)
	case int64:
		n = x
	default:
		return fmt.Sprint(v)
	}
	return getal64(n)
}

func getal64(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// decimaalNL writes f with one decimal and a decimal comma: 3,4.
func decimaalNL(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", ",", 1)
}

// procentNL writes a share 0..1 as a percentage with one decimal: 45,3%.
func procentNL(f float64) string { return decimaalNL(f*100) + "%" }

// bedragNL writes money as "€ 1.512,50".
func bedragNL(b geld.Bedrag) string { return b.String() }

// partnerTypenVan lists the partner types in a set of bits (signalen.PartnerType.Bit).
func partnerTypenVan(bits int64) []signalen.PartnerType {
	var out []signalen.PartnerType
	for _, t := range signalen.PartnerTypes() {
		if bits&t.Bit() != 0 {
			out = append(out, t)
		}
	}
	return out
}

// crisisNamen are the crisis kinds of Wgs art. 4 lid 2 in the words of the field.
func crisisNaam(c signalen.CrisisSoort) string {
	switch c {
	case signalen.CrisisOntruiming:
		return "dreigende woningontruiming"
	case signalen.CrisisAfsluitingEnergie:
		return "afsluiting energie"
	case signalen.CrisisAfsluitingWater:
		return "afsluiting water"
	case signalen.CrisisEindeZorgverzekering:
		return "einde zorgverzekering"
	case signalen.CrisisOverig:
		return "andere crisis"
	}
	return "crisis"
}

// zaakURL is the page of one vroegsignaalzaak.
func zaakURL(gemeente string, id int64) string {
	return "/beheer/" + gemeente + "/signalen/" + strconv.FormatInt(id, 10)
}
