package netwerkweb

import (
	"errors"
	"net/http"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/web"
)

type voorstellenData struct {
	web.StaffPage
	Rijen []voorstelBeheerRij
}

type voorstelBeheerRij struct {
	netwerk.Voorstel
	DienstNaam, PartnerNaam string
}

// voorstellen lists the proposals of partners for the gemeente's sociale kaart, open ones first.
func (s *server) voorstellen(w http.ResponseWriter, r *http.Request) {
	d := &voorstellenData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Voorstellen van partners")
	if !ok {
		return
	}
	ctx := r.Context()
	vs, err := s.net.Voorstellen(ctx, g.Code, "", false)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	namen := map[string]string{}
	for _, v := range vs {
		rij := voorstelBeheerRij{Voorstel: v, DienstNaam: v.Wijziging.Naam}
		if dn, err := s.net.Dienst(ctx, v.DienstID); err == nil {
			rij.DienstNaam = dn.Naam
		}
		if _, ok := namen[v.PartnerID]; !ok {
			if o, err := s.net.Partners().Haal(ctx, v.PartnerID); err == nil {
				namen[v.PartnerID] = o.Naam
			}
		}
		rij.PartnerNaam = namen[v.PartnerID]
		d.Rijen = append(d.Rijen, rij)
	}
	// Open first; within each group newest first (the order of Voorstellen).
	open := func(v voorstelBeheerRij) bool { return v.Status == netwerk.VoorstelOpen }
	var eerst, daarna []voorstelBeheerRij
	for _, v := range d.Rijen {
		if open(v) {
			eerst = append(eerst, v)
		} else {
			daarna = append(daarna, v)
		}
	}
	d.Rijen = append(eerst, daarna...)
	s.staff.Render(w, r, http.StatusOK, "voorstellen", d)
}

type voorstelData struct {
	web.StaffPage
	web.FieldErrors
	V           netwerk.Voorstel
	Dienst      netwerk.Dienst
	PartnerNaam string
	Verschillen []netwerk.Verschil
	Niet        []string // gemeenten of the service where the user may not manage partners
	Reden       string
}

// voorstel shows one proposal: each field it changes, as it is and as proposed, and the decision.
func (s *server) voorstel(w http.ResponseWriter, r *http.Request) {
	s.voorstelBeheerPagina(w, r, &voorstelData{}, http.StatusOK)
}

func (s *server) voorstelBeheerPagina(w http.ResponseWriter, r *http.Request, d *voorstelData, status int) {
	g, ok := s.pagina(w, r, &d.StaffPage, "Voorstel van een partner")
	if !ok {
		return
	}
	ctx := r.Context()
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	v, err := s.net.Voorstel(ctx, g.Code, id)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	dn, err := s.net.Dienst(ctx, v.DienstID)
	if err != nil {
		s.kit.Error(w, r, err, "De dienst van dit voorstel bestaat niet meer.")
		return
	}
	d.V, d.Dienst, d.Verschillen, d.Niet = v, dn, netwerk.Verschillen(dn, v.Wijziging), nietMag(r, dn.Gemeenten)
	if o, err := s.net.Partners().Haal(ctx, v.PartnerID); err == nil {
		d.PartnerNaam = o.Naam
	}
	d.Page.Fout = len(d.Fouten) > 0
	s.staff.Render(w, r, status, "voorstel", d)
}

// voorstelBeoordeel approves or rejects a proposal. Approving changes the service in every gemeente it
// is offered in, so it needs the right to manage partners in each (as editing the service does).
func (s *server) voorstelBeoordeel(w http.ResponseWriter, r *http.Request) {
	if !leesFormulier(w, r, s.kit) {
		return
	}
	gm := r.PathValue("gemeente")
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	ctx := r.Context()
	v, err := s.net.Voorstel(ctx, gm, id)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	goed := r.PostForm.Get("besluit") == "goed"
	if goed {
		if dn, err := s.net.Dienst(ctx, v.DienstID); err == nil {
			if niet := nietMag(r, dn.Gemeenten); len(niet) > 0 {
				s.kit.StaffError(w, r, http.StatusForbidden, "Deze dienst wordt ook aangeboden in "+strings.Join(niet, ", ")+
					". Alleen een systeembeheerder of een beheerder van al die gemeenten kan het voorstel goedkeuren.")
				return
			}
		}
	}
	d := &voorstelData{Reden: trim(r.PostForm.Get("reden"))}
	if b := r.PostForm.Get("besluit"); b != "goed" && b != "af" {
		d.Add("besluit", "Kies: goedkeuren of afwijzen.")
		s.voorstelBeheerPagina(w, r, d, http.StatusUnprocessableEntity)
		return
	}
	err = s.net.Beoordeel(ctx, gm, id, goed, d.Reden, web.LoginUit(ctx).Gebruiker.ID)
	switch {
	case err == nil:
		web.TerugNaar(w, r, "/beheer/"+gm+"/sociale-kaart/voorstellen", "beoordeeld")
	case errors.Is(err, errs.Conflict):
		s.kit.StaffError(w, r, http.StatusConflict, "Dit voorstel is al beoordeeld.")
	case voegFoutenToe(&d.FieldErrors, err, "reden", "besluit"):
		s.voorstelBeheerPagina(w, r, d, http.StatusUnprocessableEntity)
	default:
		s.kit.InternalError(w, r, err)
	}
}
