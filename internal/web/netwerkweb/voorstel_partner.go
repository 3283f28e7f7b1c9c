package netwerkweb

import (
	"errors"
	"net/http"
	"slices"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/web"
)

type eigenAanbodData struct {
	web.StaffPage
	PartnerNaam string
	GeenPartner bool
	Diensten    []netwerk.Dienst
	Voorstellen []voorstelRij
}

type voorstelRij struct {
	netwerk.Voorstel
	DienstNaam string
}

// partnerVanGebruiker is the partner of the user on this request in gm, or "" for a user of no partner.
func (s *server) partnerVanGebruiker(r *http.Request, gm string) (string, error) {
	k, err := s.kijker(r, gm)
	if k.Gemeente {
		return "", err // gemeente staff propose nothing; they edit
	}
	return k.Partner, err
}

// eigenAanbod shows a partner user its own services on the gemeente's sociale kaart, each with a link to
// propose a change, and its proposals with their outcome.
func (s *server) eigenAanbod(w http.ResponseWriter, r *http.Request) {
	d := &eigenAanbodData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Ons aanbod op de sociale kaart")
	if !ok {
		return
	}
	ctx := r.Context()
	p, err := s.partnerVanGebruiker(r, g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if p == "" {
		d.GeenPartner = true
		s.staff.Render(w, r, http.StatusOK, "aanbod_partner", d)
		return
	}
	o, err := s.net.Partners().Haal(ctx, p)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.PartnerNaam = o.Naam
	if d.Diensten, err = s.net.DienstenVanPartnerIn(ctx, g.Code, p); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	vs, err := s.net.Voorstellen(ctx, g.Code, p, false)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	for _, v := range vs {
		rij := voorstelRij{Voorstel: v, DienstNaam: v.Wijziging.Naam}
		if i := slices.IndexFunc(d.Diensten, func(dn netwerk.Dienst) bool { return dn.ID == v.DienstID }); i >= 0 {
			rij.DienstNaam = d.Diensten[i].Naam
		}
		d.Voorstellen = append(d.Voorstellen, rij)
	}
	s.staff.Render(w, r, http.StatusOK, "aanbod_partner", d)
}

type voorstelFormData struct {
	web.StaffPage
	web.FieldErrors
	Dienst    netwerk.Dienst
	W         netwerk.Wijziging
	Behoeften []web.Optie
	Statussen []web.Optie
}

// voorstelForm shows the form of a proposal for one of the partner's own services, filled in with the
// service as it is now.
func (s *server) voorstelForm(w http.ResponseWriter, r *http.Request) {
	s.voorstelPagina(w, r, &voorstelFormData{}, nil, http.StatusOK)
}

func (s *server) voorstelPagina(w http.ResponseWriter, r *http.Request, d *voorstelFormData, wz *netwerk.Wijziging, status int) {
	g, ok := s.pagina(w, r, &d.StaffPage, "Wijziging voorstellen")
	if !ok {
		return
	}
	p, err := s.partnerVanGebruiker(r, g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	dn, err := s.net.Dienst(r.Context(), r.PathValue("id"))
	if errors.Is(err, errs.NotFound) || (err == nil && (p == "" || dn.PartnerID != p || !slices.Contains(dn.Gemeenten, g.Code))) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze dienst bestaat niet, of hij is niet van jouw organisatie.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Dienst, d.W = dn, netwerk.WijzigingVan(dn)
	if wz != nil {
		d.W = *wz
	}
	d.Page.Titel = "Wijziging voorstellen: " + dn.Naam
	for _, b := range netwerk.Behoeften {
		d.Behoeften = append(d.Behoeften, web.Optie{Waarde: string(b), Label: netwerk.BehoefteNaam(b), Gekozen: slices.Contains(d.W.Behoeften, b)})
	}
	for _, st := range netwerk.Statussen {
		d.Statussen = append(d.Statussen, web.Optie{Waarde: string(st), Label: netwerk.StatusNaam(st), Gekozen: st == d.W.Status})
	}
	d.Page.Fout = len(d.Fouten) > 0
	s.staff.Render(w, r, status, "voorstel_form", d)
}

// voorstelPost stores the proposal; the gemeente's beheerder judges it.
func (s *server) voorstelPost(w http.ResponseWriter, r *http.Request) {
	if !leesFormulier(w, r, s.kit) {
		return
	}
	gm, id := r.PathValue("gemeente"), r.PathValue("id")
	q := r.PostForm
	wz := netwerk.Wijziging{Naam: q.Get("naam"), Beschrijving: q.Get("beschrijving"), VoorWie: q.Get("voorwie"), Aanmelden: q.Get("aanmelden"),
		Kosten: q.Get("kosten"), Website: q.Get("website"), Email: q.Get("email"), Telefoon: q.Get("telefoon"),
		Openingstijden: q.Get("openingstijden"), Status: netwerk.Status(q.Get("status"))}
	for _, b := range q["behoefte"] {
		if x, ok := netwerk.LeesBehoefte(b); ok {
			wz.Behoeften = append(wz.Behoeften, x)
		}
	}
	p, err := s.partnerVanGebruiker(r, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &voorstelFormData{}
	if p == "" {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze dienst bestaat niet, of hij is niet van jouw organisatie.")
		return
	}
	_, err = s.net.StelVoor(r.Context(), gm, p, web.LoginUit(r.Context()).Gebruiker.ID, id, wz)
	switch {
	case err == nil:
		web.TerugNaar(w, r, "/beheer/"+gm+"/aanbod", "voorgesteld")
	case errors.Is(err, errs.NotFound):
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze dienst bestaat niet, of hij is niet van jouw organisatie.")
	case voegFoutenToe(&d.FieldErrors, err, "naam", "beschrijving", "behoeften", "voorwie", "aanmelden", "kosten", "website", "email", "telefoon", "openingstijden", "status"):
		s.voorstelPagina(w, r, d, &wz, http.StatusUnprocessableEntity)
	default:
		s.kit.InternalError(w, r, err)
	}
}
