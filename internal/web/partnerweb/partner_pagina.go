package partnerweb

import (
	"net/http"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

type paginaData struct {
	web.StaffPage
	web.FieldErrors
	Partner partner.Organisatie
	Lid     partner.Lidmaatschap
	Status  string
	// The form fields (what was posted, after an error).
	Naam, KvK string
	Contact   partner.Contact
	Van, Tot  string
	// Ook are the other gemeenten of the partner; Niet those where the user may not manage partners
	// (then name, contact and merging are not theirs to change).
	Ook, Niet []string
	Sleutels  []auth.Sleutel // the partner's keys for this gemeente
	// Anderen are the other partners of this gemeente, to merge into this one.
	Anderen []partner.Organisatie
	Weg     string
}

// vul fills the page for partner o in gemeente gm.
func (s *server) vul(r *http.Request, d *paginaData, o partner.Organisatie, gm string) error {
	d.Partner = o
	d.Lid, _ = o.Lid(gm)
	d.Status = d.Lid.Status(s.partners.Vandaag())
	for _, g := range o.Gemeenten() {
		if g != gm {
			d.Ook = append(d.Ook, g)
		}
	}
	d.Niet = andereGemeenten(web.ActorUit(r.Context()), o)
	ks, err := s.kit.Auth().SleutelsVanPartner(r.Context(), o.ID)
	if err != nil {
		return err
	}
	for _, k := range ks {
		if slices.Contains(k.Gemeenten, gm) {
			d.Sleutels = append(d.Sleutels, k)
		}
	}
	alle, err := s.partners.VanGemeente(r.Context(), gm)
	if err != nil {
		return err
	}
	for _, a := range alle {
		if a.ID != o.ID {
			d.Anderen = append(d.Anderen, a)
		}
	}
	return nil
}

func (s *server) toon(w http.ResponseWriter, r *http.Request, d *paginaData, status int) {
	d.Page.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "partner", d)
}

// partnerPagina shows one partner: its public contact (a form), its membership of this gemeente (a
// form), its keys here, and the merge of another partner into it.
func (s *server) partnerPagina(w http.ResponseWriter, r *http.Request) {
	d := &paginaData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Partner")
	if !ok {
		return
	}
	o, ok := s.partnerVan(w, r, g.Code)
	if !ok {
		return
	}
	if err := s.vul(r, d, o, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Page.Titel = o.Naam
	d.Naam, d.KvK, d.Contact = o.Naam, o.KvK, o.Contact
	d.Van, d.Tot = partner.DagTekst(d.Lid.Van), partner.DagTekst(d.Lid.Tot)
	s.toon(w, r, d, http.StatusOK)
}

// partnerWijzig saves the name, KvK number and public contact. They are the partner's own, shown in
// every gemeente it works for, so the user needs the right in each of them.
func (s *server) partnerWijzig(w http.ResponseWriter, r *http.Request) {
	d := &paginaData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Partner")
	if !ok {
		return
	}
	o, ok := s.partnerVan(w, r, g.Code)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	if niet := andereGemeenten(web.ActorUit(r.Context()), o); len(niet) > 0 {
		s.kit.StaffError(w, r, http.StatusForbidden, "Deze partner werkt ook voor "+strings.Join(niet, ", ")+
			". Zijn gegevens gelden daar ook; alleen een systeembeheerder of een beheerder van al die gemeenten kan ze wijzigen.")
		return
	}
	if err := s.vul(r, d, o, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	f := r.PostForm.Get
	d.Page.Titel = o.Naam
	d.Naam, d.KvK = f("naam"), f("kvk")
	d.Contact = partner.Contact{Website: f("website"), WebsiteBron: f("websitebron"), Telefoon: f("telefoon"), TelefoonBron: f("telefoonbron"),
		Adres: partner.Adres{Straat: f("straat"), Huisnummer: f("huisnummer"), Postcode: f("postcode"), Plaats: f("plaats")}, AdresBron: f("adresbron")}
	d.Van, d.Tot = partner.DagTekst(d.Lid.Van), partner.DagTekst(d.Lid.Tot)
	err := s.partners.Wijzig(r.Context(), o.ID, d.Naam, d.KvK, d.Contact)
	if err == nil {
		web.TerugNaar(w, r, "/beheer/"+g.Code+"/partners/"+o.ID, "gewijzigd")
		return
	}
	if !voegFoutenToe(&d.FieldErrors, err, "naam", "kvk", "website", "websitebron", "telefoon", "telefoonbron", "straat",
		"huisnummer", "postcode", "plaats", "adresbron") {
		s.kit.InternalError(w, r, err)
		return
	}
	s.toon(w, r, d, http.StatusUnprocessableEntity)
}

// partnerLidmaatschap changes the period of the partner's membership of this gemeente; setting the last
// day ends it (its keys stop acting here the day after).
func (s *server) partnerLidmaatschap(w http.ResponseWriter, r *http.Request) {
	d := &paginaData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Partner")
	if !ok {
		return
	}
	o, ok := s.partnerVan(w, r, g.Code)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	if err := s.vul(r, d, o, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Page.Titel = o.Naam
	d.Naam, d.KvK, d.Contact = o.Naam, o.KvK, o.Contact
	d.Van, d.Tot = strings.TrimSpace(r.PostForm.Get("van")), strings.TrimSpace(r.PostForm.Get("tot"))
	van, tot := leesPeriode(&d.FieldErrors, d.Van, d.Tot)
	if len(d.Fouten) == 0 {
		err := s.partners.MaakLid(r.Context(), o.ID, g.Code, van, tot, web.LoginUit(r.Context()).Gebruiker.ID)
		if err == nil {
			web.TerugNaar(w, r, "/beheer/"+g.Code+"/partners/"+o.ID, "lidmaatschap")
			return
		}
		if !voegFoutenToe(&d.FieldErrors, err, "van", "tot") {
			s.kit.InternalError(w, r, err)
			return
		}
	}
	s.toon(w, r, d, http.StatusUnprocessableEntity)
}
