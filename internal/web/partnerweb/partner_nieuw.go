package partnerweb

import (
	"errors"
	"net/http"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

type nieuwData struct {
	web.StaffPage
	web.FieldErrors
	Naam, KvK, Van, Tot string
	// The form for an existing partner (by KvK number) has its own fields.
	LidKvK, LidVan, LidTot string
}

func (s *server) nieuwTonen(w http.ResponseWriter, r *http.Request, d *nieuwData, status int) {
	d.Page.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "partner_nieuw", d)
}

// partnerNieuw shows the forms: a new partner, or an existing one (found by its KvK number) made a
// member of this gemeente.
func (s *server) partnerNieuw(w http.ResponseWriter, r *http.Request) {
	d := &nieuwData{}
	if _, ok := s.pagina(w, r, &d.StaffPage, "Partner toevoegen"); !ok {
		return
	}
	d.Van = partner.DagTekst(s.partners.Vandaag())
	d.LidVan = d.Van
	s.nieuwTonen(w, r, d, http.StatusOK)
}

// partnerNieuwPost makes a new partner, a member of this gemeente for the period given. A KvK number
// that another partner has is refused with that partner's name, so no organisation gets two entities.
func (s *server) partnerNieuwPost(w http.ResponseWriter, r *http.Request) {
	d := &nieuwData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Partner toevoegen")
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	f := r.PostForm.Get
	d.Naam, d.KvK, d.Van, d.Tot = strings.TrimSpace(f("naam")), strings.TrimSpace(f("kvk")), strings.TrimSpace(f("van")), strings.TrimSpace(f("tot"))
	d.LidVan = partner.DagTekst(s.partners.Vandaag())
	var periode web.FieldErrors
	van, tot := leesPeriode(&periode, d.Van, d.Tot)
	if len(periode.Fouten) > 0 { // name and number are checked by Maak; say everything at once
		if reden := partner.ValideerNaam(d.Naam); reden != "" {
			d.Add("naam", reden)
		}
		if reden := partner.ValideerKvK(partner.NormaliseerKvK(d.KvK)); reden != "" {
			d.Add("kvk", reden)
		}
		for _, fe := range periode.Fouten {
			d.Add(fe.ID, fe.Bericht)
		}
	} else {
		o, err := s.partners.Maak(r.Context(), partner.Nieuw{Naam: d.Naam, KvK: d.KvK, Gemeente: g.Code, Van: van, Tot: tot,
			Door: web.LoginUit(r.Context()).Gebruiker.ID})
		if err == nil {
			web.TerugNaar(w, r, "/beheer/"+g.Code+"/partners/"+o.ID, "nieuw")
			return
		}
		if !voegFoutenToe(&d.FieldErrors, err, "naam", "kvk", "van", "tot") {
			s.kit.InternalError(w, r, err)
			return
		}
	}
	s.nieuwTonen(w, r, d, http.StatusUnprocessableEntity)
}

// partnerLidPost makes an existing partner, found by its KvK number, a member of this gemeente.
func (s *server) partnerLidPost(w http.ResponseWriter, r *http.Request) {
	d := &nieuwData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Partner toevoegen")
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	f := r.PostForm.Get
	d.LidKvK, d.LidVan, d.LidTot = strings.TrimSpace(f("lidkvk")), strings.TrimSpace(f("lidvan")), strings.TrimSpace(f("lidtot"))
	d.Van = partner.DagTekst(s.partners.Vandaag())
	var pf web.FieldErrors
	van, tot := leesPeriode(&pf, d.LidVan, d.LidTot)
	for _, fe := range pf.Fouten {
		d.Add("lid"+fe.ID, fe.Bericht)
	}
	kvk := partner.NormaliseerKvK(d.LidKvK)
	var o partner.Organisatie
	if reden := partner.ValideerKvK(kvk); kvk == "" || reden != "" {
		d.Add("lidkvk", "Vul het KvK-nummer van de partner in: 8 cijfers.")
	} else {
		var err error
		o, err = s.partners.ZoekKvK(r.Context(), kvk)
		switch {
		case errors.Is(err, errs.NotFound):
			d.Add("lidkvk", "Er is geen partner met dit KvK-nummer. Voeg hem toe als nieuwe partner (hierboven).")
		case err != nil:
			s.kit.InternalError(w, r, err)
			return
		}
	}
	if len(d.Fouten) == 0 {
		if _, al := o.Lid(g.Code); al {
			d.Add("lidkvk", o.Naam+" is al lid (geweest) van de gemeente. Wijzig het lidmaatschap op de pagina van de partner.")
		}
	}
	if len(d.Fouten) == 0 {
		err := s.partners.MaakLid(r.Context(), o.ID, g.Code, van, tot, web.LoginUit(r.Context()).Gebruiker.ID)
		if err == nil {
			web.TerugNaar(w, r, "/beheer/"+g.Code+"/partners/"+o.ID, "lid")
			return
		}
		var pf errs.Fields
		if !errors.As(err, &pf) {
			s.kit.InternalError(w, r, err)
			return
		}
		for _, v := range []string{"van", "tot"} {
			if pf.Has(v) {
				d.Add("lid"+v, pf.Reason(v))
			}
		}
	}
	s.nieuwTonen(w, r, d, http.StatusUnprocessableEntity)
}
