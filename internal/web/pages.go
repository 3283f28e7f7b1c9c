package web

import (
	"bytes"
	"embed"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// The template engine. The layout (templates/base.html) and the kit's partials are parsed once by New;
// each part registers its own embedded templates with Kit.Pages, which parses them at start-up with
// the layout and fails on any error. There are two kinds of pages:
//
//   - resident pages, in every language of the catalogue and in both voices (resident, intermediary):
//     the fixed texts ({{.L.T "key"}} without arguments) are written into the source before parsing, so
//     a page pays no template call for them;
//   - staff pages, Dutch only, parsed with templates/staff_gedeeld.html (staff header, navigation,
//     form fields, the page navigation under a list: "staffpaging") and the staff functions.

// templateFS holds the layout and the staff partials (templates/) and the kit's own pages: the resident
// error page (templates/resident/) and the staff error page (templates/staff/).
//
//go:embed templates/*.html templates/resident/*.html templates/staff/*.html
var templateFS embed.FS

// Page is what the layout (base.html) needs; every page's data embeds it.
type Page struct {
	L         *Taal
	Titel     string // without the site name
	Fout      bool   // the page shows form errors: the title starts with "Fout:"
	Thema     string // tenant theme class, only on a tenant's pages
	TaalLinks []TaalLink
	// VoetContact is the footer entry with the contact of the gemeente the page is about (from
	// Kit.VoetContact); empty on pages of no gemeente.
	VoetContact template.HTML
	// VoetTekst replaces the footer's sentence (layout.footer: the check stores nothing) on pages that
	// do store, such as an application's.
	VoetTekst string
}

// Contact is a gemeente's contact as the check shows it: its website, phone and e-mail, or else its
// text.
type Contact struct {
	Naam, Tekst, Telefoon, Email, URL string
}

// VoetContact renders the footer entry (base.html, "voetcontact") with the contact of a gemeente in
// language and voice l. A part renders it once per gemeente and language at start-up and sets it as
// Page.VoetContact (or SkeletWaarden.VoetContact) on the gemeente's pages.
func (k *Kit) VoetContact(l *Taal, c Contact) (template.HTML, error) {
	t, ok := k.layout.resident[taalSleutel{l.Code, l.Ander}]
	if !ok {
		return "", fmt.Errorf("web: geen layout voor taal %s", l.Code)
	}
	if u := strings.ToLower(c.URL); !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		c.URL = "" // a website is http(s); anything else is not linked
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, "voetcontact", struct {
		L *Taal
		C Contact
	}{l, c}); err != nil {
		return "", fmt.Errorf("web: voetcontact %s: %w", c.Naam, err)
	}
	return template.HTML(b.String()), nil
}

// TaalLink is a link of the language switch.
type TaalLink struct {
	Code, Naam, URL string
	Huidig          bool
}

// Layout returns the embedded Page; page data satisfies PageData by embedding Page or StaffPage.
func (p *Page) Layout() *Page { return p }

// PageData is the data of a page: anything that embeds Page.
type PageData interface{ Layout() *Page }

// StaffPage is the layout data of every staff page: the page plus who is logged in and where.
type StaffPage struct {
	Page
	Wie      *auth.Gebruiker
	Gemeente *tenant.Gemeente // the gemeente of this page, if any
	Nav      []NavLink
	Melding  string // a confirmation after a change (from a fixed list, never user input)
}

// NavLink is an entry of the staff navigation.
type NavLink struct {
	Tekst, URL string
	Huidig     bool
}

// Funcs are the template functions every page has.
var Funcs = template.FuncMap{
	// add is for 1-based counters in templates.
	"add": func(a, b int) int { return a + b },
	"dict": func(kv ...any) map[string]any {
		m := make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m[fmt.Sprint(kv[i])] = kv[i+1]
		}
		return m
	},
	"lijst": func(s ...string) []string { return s },
	// static is the fingerprinted URL of a static file: {{static "css/zeker.css"}}.
	"static": StatischPad,
	"seq": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	},
}

// taalSleutel names a language and voice.
type taalSleutel struct {
	taal  string
	ander bool
}

// TaalSleutel is the key of a language and voice, for parts that keep something per language.
func TaalSleutel(l *Taal) taalSleutel { return taalSleutel{l.Code, l.Ander} }

// layout is the parsed layout: per language and voice for resident pages, once for staff pages.
type layout struct {
	baseSrc   string
	resident  map[taalSleutel]*template.Template
	staff     *template.Template
	staffTaal *Taal
}

// vasteTekst matches a call of the message catalogue without arguments: {{.L.T "key"}} or {{$.L.T "key"}}.
var vasteTekst = regexp.MustCompile(`\{\{\s*\$?\.L\.T "([a-z0-9_.]+)"\s*\}\}`)

// vulTeksten writes the fixed texts of one language into a template source. html/template pays a
// reflective call and an escaper for every action; the resident pages have dozens of fixed texts. The
// texts are HTML-escaped, so they are safe both as element content and in quoted attributes, the only
// places the templates use them.
func vulTeksten(src string, l *Taal) string {
	return vasteTekst.ReplaceAllStringFunc(src, func(m string) string {
		return html.EscapeString(l.T(vasteTekst.FindStringSubmatch(m)[1]))
	})
}

func parseLayout(b *Berichten) (*layout, error) {
	src, err := fs.ReadFile(templateFS, "templates/base.html")
	if err != nil {
		return nil, err
	}
	lay := &layout{baseSrc: string(src), resident: map[taalSleutel]*template.Template{}}
	for _, code := range b.Talen() {
		for _, ander := range []bool{false, true} {
			t, err := template.New("base.html").Funcs(Funcs).Parse(vulTeksten(lay.baseSrc, b.Taal(code, ander)))
			if err != nil {
				return nil, fmt.Errorf("web: template base.html: %w", err)
			}
			lay.resident[taalSleutel{code, ander}] = t
		}
	}
	lay.staff, err = template.New("base.html").Funcs(Funcs).Funcs(staffFuncs).
		ParseFS(templateFS, "templates/base.html", "templates/staff_gedeeld.html")
	if err != nil {
		return nil, fmt.Errorf("web: staff templates: %w", err)
	}
	// The layout speaks to residents; on staff pages its subtitle and footer say where you are.
	nl := b.Taal(StandaardTaal, false)
	m := make(map[string]string, len(nl.m))
	for k, v := range nl.m {
		m[k] = v
	}
	m["layout.ondertitel"] = "voor medewerkers"
	m["layout.footer"] = "Zeker is open source. Wat je hier met persoonsgegevens doet, komt in het verwerkingslog van de gemeente."
	lay.staffTaal = &Taal{Code: StandaardTaal, m: m, nl: m}
	return lay, nil
}

// Templates are the page templates of a part.
type Templates struct {
	// FS holds the part's templates as templates/<name>.html (a part's embed.FS).
	FS fs.FS
	// Dir is the folder of the templates in FS; empty means "templates".
	Dir string
	// Gedeeld names the part's partials (without .html), parsed with every page of the part.
	Gedeeld []string
	// Funcs are the part's own template functions.
	Funcs template.FuncMap
	// Staff: Dutch staff pages with the staff layout. Otherwise resident pages in every language.
	Staff bool
}

// Pages are the parsed pages of a part; Render executes one.
type Pages struct {
	k     *Kit
	staff bool
	sets  map[pageKey]*template.Template
}

type pageKey struct {
	naam string
	taal taalSleutel
}

// Pages parses every templates/*.html of t.FS that is not a partial, each with the layout. It fails on
// any template error, so a broken page never ships.
func (k *Kit) Pages(t Templates) (*Pages, error) {
	if t.Dir == "" {
		t.Dir = "templates"
	}
	files, err := fs.Glob(t.FS, t.Dir+"/*.html")
	if err != nil {
		return nil, err
	}
	gedeeld := map[string]bool{}
	for _, g := range t.Gedeeld {
		gedeeld[g+".html"] = true
	}
	p := &Pages{k: k, staff: t.Staff, sets: map[pageKey]*template.Template{}}
	parse := func(base *template.Template, l *Taal, key taalSleutel) error {
		b := template.Must(base.Clone())
		if t.Funcs != nil {
			b = b.Funcs(t.Funcs)
		}
		for _, g := range t.Gedeeld {
			if err := parseBestand(b, t.FS, t.Dir+"/"+g+".html", l); err != nil {
				return err
			}
		}
		for _, f := range files {
			name := path.Base(f)
			if gedeeld[name] {
				continue
			}
			pt := template.Must(b.Clone())
			if err := parseBestand(pt, t.FS, f, l); err != nil {
				return err
			}
			p.sets[pageKey{strings.TrimSuffix(name, ".html"), key}] = pt
		}
		return nil
	}
	if t.Staff {
		return p, parse(k.layout.staff, nil, taalSleutel{})
	}
	for key, base := range k.layout.resident {
		if err := parse(base, k.talen.Taal(key.taal, key.ander), key); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// parseBestand parses one template file into t; with l, the fixed texts of l are written in first.
func parseBestand(t *template.Template, fsys fs.FS, f string, l *Taal) error {
	src, err := fs.ReadFile(fsys, f)
	if err != nil {
		return err
	}
	s := string(src)
	if l != nil {
		s = vulTeksten(s, l)
	}
	if _, err := t.Parse(s); err != nil {
		return fmt.Errorf("web: template %s: %w", path.Base(f), err)
	}
	return nil
}

// Heeft reports whether name is a page of p.
func (p *Pages) Heeft(name string) bool {
	for k := range p.sets {
		if k.naam == name {
			return true
		}
	}
	return false
}

// Render executes a page into a buffer first, so a template error never sends half a page.
func (p *Pages) Render(w http.ResponseWriter, r *http.Request, status int, name string, data PageData) {
	key := taalSleutel{}
	if !p.staff {
		l := data.Layout().L
		if l == nil {
			l = p.k.talen.Taal(StandaardTaal, false)
			data.Layout().L = l
		}
		key = taalSleutel{l.Code, l.Ander}
	}
	t, ok := p.sets[pageKey{name, key}]
	if !ok {
		p.fout(w, r, name, fmt.Errorf("onbekende template %s", name))
		return
	}
	buf := p.k.Buffer()
	defer p.k.PutBuffer(buf)
	if err := t.ExecuteTemplate(buf, "base.html", data); err != nil {
		p.fout(w, r, name, fmt.Errorf("template %s: %w", name, err))
		return
	}
	p.k.StuurPagina(w, status, buf)
}

// fout answers a page that could not be rendered; a failing error page gets plain text.
func (p *Pages) fout(w http.ResponseWriter, r *http.Request, name string, err error) {
	p.k.log.ErrorContext(r.Context(), "template", "name", name, "err", err)
	switch {
	case p == p.k.eigen || p == p.k.eigenStaff:
		http.Error(w, "Er ging iets mis. / Something went wrong.", http.StatusInternalServerError)
	case p.staff:
		p.k.InternalError(w, r, err)
	default:
		p.k.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
	}
}

// StuurPagina sends a page that was rendered whole into buf.
func (k *Kit) StuurPagina(w http.ResponseWriter, status int, buf *bytes.Buffer) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// Buffer returns an empty page buffer from the pool; give it back with PutBuffer.
func (k *Kit) Buffer() *bytes.Buffer {
	if b, ok := k.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return bytes.NewBuffer(make([]byte, 0, 64<<10))
}

// PutBuffer returns a buffer to the pool.
func (k *Kit) PutBuffer(b *bytes.Buffer) { k.bufs.Put(b) }

// Taal picks the language of a resident page: the lang parameter of the URL or form, else Dutch.
func (k *Kit) Taal(r *http.Request, ander bool) *Taal {
	lang := r.URL.Query().Get("lang")
	if lang == "" && r.Method == http.MethodPost {
		lang = r.PostFormValue("lang")
	}
	return k.talen.Taal(lang, ander)
}

// VulPagina fills the layout data of a resident page. hier is the URL of this page without lang; the
// language switch links to it with each language.
func (k *Kit) VulPagina(p *Page, l *Taal, titel, hier string) {
	p.L, p.Titel = l, titel
	p.TaalLinks = p.TaalLinks[:0]
	for _, code := range k.talen.Talen() {
		u, _ := url.Parse(hier)
		q := u.Query()
		q.Set("lang", code)
		u.RawQuery = q.Encode()
		p.TaalLinks = append(p.TaalLinks, TaalLink{Code: code, Naam: k.talen.Taal(code, false).T("taal.naam"), URL: u.String(), Huidig: code == l.Code})
	}
}

// VulStaff fills the layout of a staff page; gemeente may be nil. The part sets Melding itself, from
// its own fixed list.
func (k *Kit) VulStaff(p *StaffPage, r *http.Request, titel string, gemeente *tenant.Gemeente) {
	p.L, p.Titel = k.layout.staffTaal, titel
	p.TaalLinks = nil // staff pages are Dutch only
	if i := LoginUit(r.Context()); i != nil {
		p.Wie = &i.Gebruiker
		p.Nav = k.staffNav(i.Actor, gemeente, r.URL.Path)
	}
	if gemeente != nil {
		p.Gemeente = gemeente
		p.Thema = ThemaKlasse(gemeente.Code)
	}
}

// ThemaKlasse is the CSS class of a gemeente's theme on its own pages.
func ThemaKlasse(code string) string {
	if code == "" {
		return ""
	}
	return "zeker-gemeente-" + strings.ToLower(code)
}

// staffNav lists the parts of Zeker the actor may open in gemeente (none without a gemeente).
func (k *Kit) staffNav(a auth.Actor, g *tenant.Gemeente, hier string) []NavLink {
	var nav []NavLink
	add := func(tekst, url string) {
		nav = append(nav, NavLink{Tekst: tekst, URL: url, Huidig: url == hier})
	}
	if g != nil {
		for _, m := range k.Menu() {
			if auth.Mag(a, g.Code, m.Permissie) {
				add(m.Titel, MenuURL(g.Code, m))
			}
		}
	}
	if auth.Mag(a, "", auth.GemeentenBeheren) {
		add("Gemeenten", "/systeem/gemeenten")
	}
	return nav
}

// MenuURL is the address of a menu entry in gemeente gm.
func MenuURL(gm string, m MenuItem) string {
	if m.Pad == "" {
		return "/beheer/" + gm + "/"
	}
	return "/beheer/" + gm + m.Pad
}

// GemeentePagina fills the layout of a staff page of the gemeente in the URL (the guard has checked
// that it exists), with the confirmation of ?klaar=… from meldingen, a part's fixed list (never user
// input). False when the request has been answered (the gemeente could not be read).
func (k *Kit) GemeentePagina(w http.ResponseWriter, r *http.Request, p *StaffPage, titel string, meldingen map[string]string) (tenant.Gemeente, bool) {
	g, err := k.Gemeente(r)
	if err != nil {
		k.InternalError(w, r, err)
		return g, false
	}
	k.VulStaff(p, r, titel, &g)
	if m, ok := meldingen[r.URL.Query().Get("klaar")]; ok {
		p.Melding = m
	}
	return g, true
}
