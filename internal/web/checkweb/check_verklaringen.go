package checkweb

import (
	"html/template"
	"net/http"

	"github.com/zeker-platform/zeker/internal/regels"
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
	Code, Naam, Tekst, Telefoon, Email, URL, Adres string
}

// contactIn is g's contact block in language l (the English text when the pack has one).
func contactIn(g regels.Gemeente, l *web.Taal) gemeenteContact {
	c := gemeenteContact{Code: g.Code, Naam: g.Naam, Tekst: g.Contact.Tekst, Telefoon: g.Contact.Telefoon,
		Email: g.Contact.Email, Adres: g.Contact.Adres}
	if l.Code != "nl" && g.Contact.TekstEN != "" {
		c.Tekst = g.Contact.TekstEN
	}
	if veiligeURL(g.Contact.URL) {
		c.URL = g.Contact.URL
	}
	return c
}

// voetContact is the footer entry with gemeente gm's contact in language and voice l.
func (s *server) voetContact(l *web.Taal, gm string) template.HTML {
	return s.voet[labelSleutel{l.Code, l.Ander}][gm]
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
	for _, g := range s.gemeenten {
		d.Gemeenten = append(d.Gemeenten, contactIn(g, l))
	}
	hier := "/" + naam
	if ander {
		hier += "?voor=ander"
	}
	s.kit.VulPagina(&d.Page, l, l.T(naam+".titel"), hier)
	s.pages.Render(w, r, http.StatusOK, naam, d)
}
