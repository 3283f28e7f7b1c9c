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
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pagina is what the layout (base.html) needs; every page's data embeds it.
type pagina struct {
	L         *Taal
	Titel     string // without the site name
	Fout      bool   // the page shows form errors: the title starts with "Fout:"
	Thema     string // tenant theme class, only on a tenant's pages
	TaalLinks []taalLink
}

type taalLink struct {
	Code, Naam, URL string
	Huidig          bool
}

// Page returns the embedded pagina; pages satisfy it by embedding pagina.
func (p *pagina) Page() *pagina { return p }

type pageData interface{ Page() *pagina }

var templateFuncs = template.FuncMap{
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
	"seq": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	},
}

// tmplSleutel names one parsed variant of a page: per language and voice, because the fixed texts are
// written into the template source before parsing (see vulTeksten).
type tmplSleutel struct {
	naam, taal string
	ander      bool
}

// vasteTekst matches a call of the message catalogue without arguments: {{.L.T "key"}} or {{$.L.T "key"}}.
var vasteTekst = regexp.MustCompile(`\{\{\s*\$?\.L\.T "([a-z0-9_.]+)"\s*\}\}`)

// vulTeksten writes the fixed texts of one language into a template source. html/template pays a
// reflective call and an escaper for every action; the resident pages have dozens of fixed texts, and
// the result page is the hot path of the check. The texts are HTML-escaped, so they are safe both as
// element content and in quoted attributes, the only places the templates use them.
func vulTeksten(src string, l *Taal) string {
	return vasteTekst.ReplaceAllStringFunc(src, func(m string) string {
		return html.EscapeString(l.T(vasteTekst.FindStringSubmatch(m)[1]))
	})
}

// parseTemplates parses base.html together with each page template, once per language and voice.
func parseTemplates(b *Berichten) (map[tmplSleutel]*template.Template, error) {
	baseSrc, err := fs.ReadFile(templateFS, "templates/base.html")
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	out := map[tmplSleutel]*template.Template{}
	for _, code := range b.Talen() {
		for _, ander := range []bool{false, true} {
			l := b.Taal(code, ander)
			base, err := template.New("base.html").Funcs(templateFuncs).Parse(vulTeksten(string(baseSrc), l))
			if err != nil {
				return nil, fmt.Errorf("web: template base.html: %w", err)
			}
			for _, f := range files {
				name := path.Base(f)
				if name == "base.html" || eigenTemplateSet(name) {
					continue
				}
				src, err := fs.ReadFile(templateFS, f)
				if err != nil {
					return nil, err
				}
				t, err := template.Must(base.Clone()).Parse(vulTeksten(string(src), l))
				if err != nil {
					return nil, fmt.Errorf("web: template %s: %w", name, err)
				}
				out[tmplSleutel{strings.TrimSuffix(name, ".html"), code, ander}] = t
			}
		}
	}
	return out, nil
}

// taal picks the page language: the lang parameter of the URL or form, else Dutch.
func (s *Server) taal(r *http.Request, ander bool) *Taal {
	lang := r.URL.Query().Get("lang")
	if lang == "" && r.Method == http.MethodPost {
		lang = r.PostFormValue("lang")
	}
	return s.talen.Taal(lang, ander)
}

// vulPagina fills the layout data. hier is the URL of this page without lang; the language switch
// links to it with each language.
func (s *Server) vulPagina(p *pagina, l *Taal, titel, hier string) {
	p.L, p.Titel = l, titel
	p.TaalLinks = p.TaalLinks[:0]
	for _, code := range s.talen.Talen() {
		u, _ := url.Parse(hier)
		q := u.Query()
		q.Set("lang", code)
		u.RawQuery = q.Encode()
		p.TaalLinks = append(p.TaalLinks, taalLink{Code: code, Naam: s.talen.Taal(code, false).T("taal.naam"), URL: u.String(), Huidig: code == l.Code})
	}
}

// render executes a page template into a buffer first, so a template error never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data pageData) {
	l := data.Page().L
	if l == nil {
		l = s.talen.Taal(StandaardTaal, false)
	}
	t, ok := s.tmpl[tmplSleutel{name, l.Code, l.Ander}]
	if !ok {
		s.log.Error("onbekende template", "name", name)
		s.foutPagina(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	buf := s.buffer()
	defer s.bufs.Put(buf)
	if err := t.ExecuteTemplate(buf, "base.html", data); err != nil {
		s.log.Error("template", "name", name, "err", err)
		if name != "fout" {
			s.foutPagina(w, r, http.StatusInternalServerError, "fout.intern")
		} else {
			http.Error(w, "Er ging iets mis. / Something went wrong.", http.StatusInternalServerError)
		}
		return
	}
	s.stuurPagina(w, status, buf)
}

// stuurPagina sends a page that was rendered whole into buf.
func (s *Server) stuurPagina(w http.ResponseWriter, status int, buf *bytes.Buffer) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// buffer returns an empty page buffer; pages are rendered whole before they are sent.
func (s *Server) buffer() *bytes.Buffer {
	if b, ok := s.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return bytes.NewBuffer(make([]byte, 0, 64<<10))
}

type foutData struct {
	pagina
	Bericht string
	Terug   string
}

// foutPagina shows a friendly error page: what happened in plain words and where to go, no details.
func (s *Server) foutPagina(w http.ResponseWriter, r *http.Request, status int, key string) {
	l := s.talen.Taal(r.URL.Query().Get("lang"), false)
	d := &foutData{Bericht: l.T(key), Terug: "/?lang=" + l.Code}
	s.vulPagina(&d.pagina, l, l.T(key+".titel"), "/")
	s.render(w, r, status, "fout", d)
}

func (s *Server) nietGevonden(w http.ResponseWriter, r *http.Request) {
	s.foutPagina(w, r, http.StatusNotFound, "fout.nietgevonden")
}

// static serves the embedded CSS; the files change only with a release, so they may be cached.
func (s *Server) static() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embed directive guarantees the folder
	}
	fsrv := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			s.nietGevonden(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}
