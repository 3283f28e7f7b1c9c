package checkweb

import (
	"context"
	"html/template"
	"net/http"

	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

// The accessibility statement (toegankelijkheidsverklaring) and the privacy statement of the check,
// linked from the footer of every resident page. Both are in the language and voice of the page that
// links them (?lang=, ?voor=ander) and end with the contact of every gemeente, as the result page
// shows it: the gemeente that offers the check answers questions about it.

type verklaringData struct {
	web.Page
	Gemeenten []gemeenteContact
	// Dagen is how long a resume link stays valid.
	Dagen int
}

// gemeenteContact is a gemeente's contact in the language of the page.
type gemeenteContact struct {
	Code, Naam, Tekst, Telefoon, Email, URL, Adres, Openingstijden string
}

// contactIn is g's contact block (from the tenant) in language l (the English text when there is one).
func contactIn(g tenant.Gemeente, l *web.Taal) gemeenteContact {
	c := gemeenteContact{Code: g.Code, Naam: g.Naam, Tekst: g.Contact.Tekst, Telefoon: g.Contact.Telefoon,
		Email: g.Contact.Email, Adres: g.Contact.Adres, Openingstijden: g.Contact.Openingstijden}
	if l.Code != "nl" && g.Contact.TekstEN != "" {
		c.Tekst = g.Contact.TekstEN
	}
	if veiligeURL(g.Contact.Website) {
		c.URL = g.Contact.Website
	}
	return c
}

type voetSleutel struct {
	taal labelSleutel
	gm   string
}

type voetWaarde struct {
	c    gemeenteContact
	html template.HTML
}

// voetContact is the footer entry with gemeente gm's contact in language and voice l. It is rendered
// once per contact and kept; a beheerder's edit of the contact renders it anew on the next page.
func (s *server) voetContact(ctx context.Context, l *web.Taal, gm string) template.HTML {
	g, ok := s.gemeente(ctx, gm)
	if !ok {
		return ""
	}
	return s.voetContactVan(ctx, l, g)
}

// voetContactVan is voetContact for a gemeente already read in this request.
func (s *server) voetContactVan(ctx context.Context, l *web.Taal, g tenant.Gemeente) template.HTML {
	if g.Code == "" {
		return ""
	}
	gm := g.Code
	c := contactIn(g, l)
	key := voetSleutel{labelSleutel{l.Code, l.Ander}, gm}
	if v, ok := s.voet.Load(key); ok && v.(voetWaarde).c == c {
		return v.(voetWaarde).html
	}
	h, err := s.kit.VoetContact(l, web.Contact{Naam: c.Naam, Tekst: c.Tekst, Telefoon: c.Telefoon, Email: c.Email, URL: c.URL})
	if err != nil {
		s.kit.Log().ErrorContext(ctx, "check: voet", "gemeente", gm, "fout", err)
		return ""
	}
	s.voet.Store(key, voetWaarde{c, h})
	return h
}

func (s *server) toegankelijkheid(w http.ResponseWriter, r *http.Request) {
	s.verklaring(w, r, "toegankelijkheid")
}

func (s *server) privacy(w http.ResponseWriter, r *http.Request) {
	s.verklaring(w, r, "privacy")
}

func (s *server) verklaring(w http.ResponseWriter, r *http.Request, naam string) {
	ander := r.URL.Query().Get("voor") == "ander"
	l := s.kit.Taal(r, ander)
	d := &verklaringData{Dagen: int(s.cfg.CodeGeldig.Hours() / 24)}
	gs, err := s.aangeboden(r.Context())
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "check: gemeenten lezen", "fout", err)
		s.fout(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	for _, g := range gs {
		d.Gemeenten = append(d.Gemeenten, contactIn(g, l))
	}
	hier := "/" + naam
	if ander {
		hier += "?voor=ander"
	}
	s.kit.VulPagina(&d.Page, l, l.T(naam+".titel"), hier)
	s.pages.Render(w, r, http.StatusOK, naam, d)
}
