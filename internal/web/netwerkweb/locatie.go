package netwerkweb

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

type locatieData struct {
	web.StaffPage
	web.FieldErrors
	Partner partner.Organisatie
	Locatie netwerk.Locatie // stored; zero for a new one
	Nieuw   bool
	F       netwerk.Locatie // the form
	// Niet are the gemeenten of services offered here where the user may not manage partners.
	Niet     []string
	Diensten []netwerk.Dienst // the partner's services offered here
}

var locatieVelden = []string{"naam", "soort", "straat", "huisnummer", "postcode", "plaats", "url", "toegankelijkheid", "bron"}

func leesLocatie(r *http.Request, oud netwerk.Locatie) netwerk.Locatie {
	p := r.PostForm
	return netwerk.Locatie{ID: oud.ID, PartnerID: oud.PartnerID, Naam: p.Get("naam"), Soort: netwerk.LocatieSoort(p.Get("soort")),
		Adres: partner.Adres{Straat: p.Get("straat"), Huisnummer: p.Get("huisnummer"), Postcode: p.Get("postcode"), Plaats: p.Get("plaats")},
		URL:   p.Get("url"), Toegankelijkheid: p.Get("toegankelijkheid"), Bron: p.Get("bron")}
}

func (s *server) toonLocatie(w http.ResponseWriter, r *http.Request, d *locatieData, status int) {
	d.Page.Fout = len(d.Fouten) > 0
	s.staff.Render(w, r, status, "locatie", d)
}

// locatieNieuw is the form of a new location of partner id.
func (s *server) locatieNieuw(w http.ResponseWriter, r *http.Request) {
	d := &locatieData{Nieuw: true, F: netwerk.Locatie{Soort: netwerk.Fysiek}}
	g, ok := s.pagina(w, r, &d.StaffPage, "Nieuwe locatie")
	if !ok {
		return
	}
	if d.Partner, ok = s.partnerVan(w, r, g.Code, r.PathValue("id")); !ok {
		return
	}
	s.toonLocatie(w, r, d, http.StatusOK)
}

// locatieNieuwPost stores a new location and returns to the partner's offer.
func (s *server) locatieNieuwPost(w http.ResponseWriter, r *http.Request) {
	d := &locatieData{Nieuw: true}
	g, ok := s.pagina(w, r, &d.StaffPage, "Nieuwe locatie")
	if !ok {
		return
	}
	if d.Partner, ok = s.partnerVan(w, r, g.Code, r.PathValue("id")); !ok || !leesFormulier(w, r, s.kit) {
		return
	}
	d.F = leesLocatie(r, netwerk.Locatie{PartnerID: d.Partner.ID})
	_, err := s.net.MaakLocatie(r.Context(), g.Code, d.F)
	if err == nil {
		web.TerugNaar(w, r, "/beheer/"+g.Code+"/partners/"+d.Partner.ID+"/aanbod", "locatie")
		return
	}
	if !voegFoutenToe(&d.FieldErrors, err, locatieVelden...) {
		s.kit.InternalError(w, r, err)
		return
	}
	s.toonLocatie(w, r, d, http.StatusUnprocessableEntity)
}

// locatieVan returns the location of the URL when its partner is a member of g (else 404).
func (s *server) locatieVan(w http.ResponseWriter, r *http.Request, g tenant.Gemeente, d *locatieData) bool {
	l, err := s.net.Locatie(r.Context(), r.PathValue("id"))
	if err == nil {
		d.Partner, err = s.net.Partners().Haal(r.Context(), l.PartnerID)
		if _, lid := d.Partner.Lid(g.Code); err == nil && (!lid || d.Partner.SamengevoegdIn != "") {
			err = errs.NotFound
		}
	}
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze locatie bestaat niet in deze gemeente.")
		return false
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return false
	}
	d.Locatie, d.F = l, l
	d.Page.Titel = l.Naam
	gms, err := s.net.GemeentenVanLocatie(r.Context(), l.ID)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return false
	}
	d.Niet = nietMag(r, gms)
	ds, err := s.net.DienstenVan(r.Context(), l.PartnerID)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return false
	}
	for _, dn := range ds {
		for _, dl := range dn.Locaties {
			if dl.LocatieID == l.ID {
				d.Diensten = append(d.Diensten, dn)
			}
		}
	}
	return true
}

func (s *server) weigerLocatie(w http.ResponseWriter, r *http.Request, niet []string) bool {
	if len(niet) == 0 {
		return false
	}
	s.kit.StaffError(w, r, http.StatusForbidden, "Op deze locatie worden ook diensten aangeboden voor "+joinNL(niet)+
		". Alleen een systeembeheerder of een beheerder van al die gemeenten kan hem wijzigen.")
	return true
}

// locatiePagina shows a location and its form (read-only when services of other gemeenten use it).
func (s *server) locatiePagina(w http.ResponseWriter, r *http.Request) {
	d := &locatieData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Locatie")
	if !ok || !s.locatieVan(w, r, g, d) {
		return
	}
	s.toonLocatie(w, r, d, http.StatusOK)
}

// locatieWijzig saves a location.
func (s *server) locatieWijzig(w http.ResponseWriter, r *http.Request) {
	d := &locatieData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Locatie")
	if !ok || !s.locatieVan(w, r, g, d) || s.weigerLocatie(w, r, d.Niet) || !leesFormulier(w, r, s.kit) {
		return
	}
	d.F = leesLocatie(r, d.Locatie)
	_, err := s.net.WijzigLocatie(r.Context(), g.Code, d.F)
	if err == nil {
		web.TerugNaar(w, r, "/beheer/"+g.Code+"/locaties/"+d.Locatie.ID, "locatie")
		return
	}
	if !voegFoutenToe(&d.FieldErrors, err, locatieVelden...) {
		s.kit.InternalError(w, r, err)
		return
	}
	s.toonLocatie(w, r, d, http.StatusUnprocessableEntity)
}

// locatieVerwijder removes a location; its services lose it.
func (s *server) locatieVerwijder(w http.ResponseWriter, r *http.Request) {
	d := &locatieData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Locatie")
	if !ok || !s.locatieVan(w, r, g, d) || s.weigerLocatie(w, r, d.Niet) || !leesFormulier(w, r, s.kit) {
		return
	}
	if r.PostForm.Get("bevestig") != "ja" {
		d.Add("bevestig", "Vink aan dat je deze locatie echt wilt verwijderen.")
		s.toonLocatie(w, r, d, http.StatusUnprocessableEntity)
		return
	}
	if err := s.net.VerwijderLocatie(r.Context(), g.Code, d.Locatie.ID); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	web.TerugNaar(w, r, "/beheer/"+g.Code+"/partners/"+d.Partner.ID+"/aanbod", "locatieweg")
}

// joinNL joins names as a Dutch list: "a, b en c".
func joinNL(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	out := s[0]
	for _, x := range s[1 : len(s)-1] {
		out += ", " + x
	}
	return out + " en " + s[len(s)-1]
}
