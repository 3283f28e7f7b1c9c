package netwerkweb

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

// dienstForm is the form of a service as typed (kept after an error).
type dienstForm struct {
	Naam, Beschrijving, VoorWie, Min, Max, Aanmelden, Kosten, Website, Email, Telefoon, Openingstijden string
	Status, Bron, Gecontroleerd                                                                        string
}

type dienstData struct {
	web.StaffPage
	web.FieldErrors
	Partner partner.Organisatie
	Dienst  netwerk.Dienst // the stored service; zero for a new one
	Nieuw   bool
	// Niet are the gemeenten of the service where the user may not manage partners: then the page is
	// read-only.
	Niet        []string
	F           dienstForm
	Behoeften   []web.Optie
	Statussen   []web.Optie
	Gemeenten   []web.Optie
	Regelingen  []regelingVeld
	Elders      []netwerk.RegelingRol // links to regelingen of the service's other gemeenten (edited there)
	Locaties    []locatieVeld
	Verouderd   bool
	VerouderdNa int
}

type regelingVeld struct {
	ID, Naam string
	Rol      string
}

type locatieVeld struct {
	ID, Naam, Waar string
	Gekozen        bool
	Open           string
}

func (s *server) dienstOpties(r *http.Request, d *dienstData, g tenant.Gemeente, dn netwerk.Dienst) error {
	for _, b := range netwerk.Behoeften {
		d.Behoeften = append(d.Behoeften, web.Optie{Waarde: string(b), Label: netwerk.BehoefteNaam(b), Gekozen: slices.Contains(dn.Behoeften, b)})
	}
	for _, st := range netwerk.Statussen {
		d.Statussen = append(d.Statussen, web.Optie{Waarde: string(st), Label: netwerk.StatusNaam(st), Gekozen: st == dn.Status})
	}
	// Gemeenten: the partner's current or future memberships where the user may manage partners.
	vandaag := s.net.Vandaag()
	for _, l := range d.Partner.Lidmaatschappen {
		if (!l.Tot.IsZero() && l.Tot.Before(vandaag)) || len(nietMag(r, []string{l.Gemeente})) > 0 {
			continue
		}
		d.Gemeenten = append(d.Gemeenten, web.Optie{Waarde: l.Gemeente, Label: l.Gemeente, Gekozen: slices.Contains(dn.Gemeenten, l.Gemeente)})
	}
	for _, rg := range s.net.Regelingen(g.Code) {
		v := regelingVeld{ID: rg.ID, Naam: rg.Naam}
		for _, rr := range dn.Regelingen {
			if rr.Gemeente == g.Code && rr.Regeling == rg.ID {
				v.Rol = string(rr.Rol)
			}
		}
		d.Regelingen = append(d.Regelingen, v)
	}
	d.Elders = nil
	for _, rr := range dn.Regelingen {
		if rr.Gemeente != g.Code {
			d.Elders = append(d.Elders, rr)
		}
	}
	ls, err := s.net.LocatiesVan(r.Context(), d.Partner.ID)
	if err != nil {
		return err
	}
	for _, l := range ls {
		v := locatieVeld{ID: l.ID, Naam: l.Naam, Waar: waar(l)}
		for _, dl := range dn.Locaties {
			if dl.LocatieID == l.ID {
				v.Gekozen, v.Open = true, dl.Openingstijden.String()
			}
		}
		d.Locaties = append(d.Locaties, v)
	}
	n, err := s.net.VerouderdNaMaanden(r.Context(), g.Code)
	d.VerouderdNa = n
	if dn.ID != "" {
		d.Verouderd = netwerk.Verouderd(dn.GecontroleerdOp, vandaag, n)
	}
	return err
}

// waar is where a location is, on one line.
func waar(l netwerk.Locatie) string {
	if l.Soort == netwerk.Virtueel {
		return l.URL
	}
	return l.Adres.String()
}

func formVan(dn netwerk.Dienst) dienstForm {
	f := dienstForm{Naam: dn.Naam, Beschrijving: dn.Beschrijving, VoorWie: dn.VoorWie, Aanmelden: dn.Aanmelden, Kosten: dn.Kosten,
		Website: dn.Website, Email: dn.Email, Telefoon: dn.Telefoon, Openingstijden: dn.Openingstijden.String(), Status: string(dn.Status),
		Bron: dn.Bron, Gecontroleerd: partner.DagTekst(dn.GecontroleerdOp)}
	if dn.MinLeeftijd != nil {
		f.Min = strconv.Itoa(*dn.MinLeeftijd)
	}
	if dn.MaxLeeftijd != nil {
		f.Max = strconv.Itoa(*dn.MaxLeeftijd)
	}
	return f
}

// leesDienst reads the posted form into a service based on oud (its id, partner, and the regelingen of
// other gemeenten, which are edited on their own pages). Problems the form itself shows (a number, a
// date, opening hours) go into fe.
func (s *server) leesDienst(r *http.Request, g tenant.Gemeente, oud netwerk.Dienst, d *dienstData) netwerk.Dienst {
	p := r.PostForm
	f := dienstForm{Naam: p.Get("naam"), Beschrijving: p.Get("beschrijving"), VoorWie: p.Get("voorwie"), Min: trim(p.Get("minleeftijd")),
		Max: trim(p.Get("maxleeftijd")), Aanmelden: p.Get("aanmelden"), Kosten: p.Get("kosten"), Website: p.Get("website"),
		Email: p.Get("email"), Telefoon: p.Get("telefoon"), Openingstijden: p.Get("openingstijden"), Status: p.Get("status"),
		Bron: p.Get("bron"), Gecontroleerd: trim(p.Get("gecontroleerd"))}
	d.F = f
	dn := netwerk.Dienst{ID: oud.ID, PartnerID: oud.PartnerID, Naam: f.Naam, Beschrijving: f.Beschrijving, VoorWie: f.VoorWie,
		Aanmelden: f.Aanmelden, Kosten: f.Kosten, Website: f.Website, Email: f.Email, Telefoon: f.Telefoon, Status: netwerk.Status(f.Status), Bron: f.Bron}
	fe := &d.FieldErrors
	leeftijd := func(veld, v string) *int {
		if v == "" {
			return nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			fe.Add(veld, "Vul een leeftijd in met cijfers, bijvoorbeeld 18, of laat het leeg.")
			return nil
		}
		return &n
	}
	dn.MinLeeftijd = leeftijd("minleeftijd", f.Min)
	dn.MaxLeeftijd = leeftijd("maxleeftijd", f.Max)
	var err error
	if dn.Openingstijden, err = netwerk.ParseOpeningstijden(f.Openingstijden); err != nil {
		fe.Add("openingstijden", reden(err))
	}
	if dn.GecontroleerdOp, err = partner.ParseDag(f.Gecontroleerd); err != nil {
		fe.Add("gecontroleerd", "Vul de datum in als jaar-maand-dag, bijvoorbeeld 2026-03-02.")
	}
	for _, b := range p["behoefte"] {
		if x, ok := netwerk.LeesBehoefte(b); ok {
			dn.Behoeften = append(dn.Behoeften, x)
		} else {
			dn.Behoeften = append(dn.Behoeften, netwerk.Behoefte(b))
		}
	}
	dn.Gemeenten = p["gemeente"]
	for _, rr := range oud.Regelingen {
		if rr.Gemeente != g.Code && slices.Contains(dn.Gemeenten, rr.Gemeente) {
			dn.Regelingen = append(dn.Regelingen, rr)
		}
	}
	for _, rg := range s.net.Regelingen(g.Code) {
		if rol := p.Get("regeling." + rg.ID); rol != "" {
			dn.Regelingen = append(dn.Regelingen, netwerk.RegelingRol{Gemeente: g.Code, Regeling: rg.ID, Rol: netwerk.Rol(rol)})
		}
	}
	for _, id := range p["locatie"] {
		open, err := netwerk.ParseOpeningstijden(p.Get("open." + id))
		if err != nil {
			fe.Add("open."+id, reden(err))
		}
		dn.Locaties = append(dn.Locaties, netwerk.DienstLocatie{LocatieID: id, Openingstijden: open})
	}
	return dn
}

var dienstVelden = []string{"naam", "beschrijving", "behoeften", "voorwie", "minleeftijd", "maxleeftijd", "aanmelden", "kosten",
	"website", "email", "telefoon", "openingstijden", "locaties", "status", "gemeenten", "bron", "gecontroleerd"}

func (s *server) toonDienst(w http.ResponseWriter, r *http.Request, d *dienstData, status int) {
	d.Page.Fout = len(d.Fouten) > 0
	s.staff.Render(w, r, status, "dienst", d)
}

// dienstNieuw is the form of a new service of partner id, offered in this gemeente, checked today.
func (s *server) dienstNieuw(w http.ResponseWriter, r *http.Request) {
	d := &dienstData{Nieuw: true}
	g, ok := s.pagina(w, r, &d.StaffPage, "Nieuwe dienst")
	if !ok {
		return
	}
	if d.Partner, ok = s.partnerVan(w, r, g.Code, r.PathValue("id")); !ok {
		return
	}
	dn := netwerk.Dienst{PartnerID: d.Partner.ID, Status: netwerk.Actief, GecontroleerdOp: s.net.Vandaag(), Gemeenten: []string{g.Code}}
	d.F = formVan(dn)
	if err := s.dienstOpties(r, d, g, dn); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.toonDienst(w, r, d, http.StatusOK)
}

// dienstNieuwPost stores a new service and goes to its page.
func (s *server) dienstNieuwPost(w http.ResponseWriter, r *http.Request) {
	d := &dienstData{Nieuw: true}
	g, ok := s.pagina(w, r, &d.StaffPage, "Nieuwe dienst")
	if !ok {
		return
	}
	if d.Partner, ok = s.partnerVan(w, r, g.Code, r.PathValue("id")); !ok || !leesFormulier(w, r, s.kit) {
		return
	}
	dn := s.leesDienst(r, g, netwerk.Dienst{PartnerID: d.Partner.ID}, d)
	if niet := nietMag(r, dn.Gemeenten); len(niet) > 0 {
		d.Add("gemeenten", "Je mag geen partners beheren in "+strings.Join(niet, ", ")+".")
	}
	if len(d.Fouten) == 0 {
		gemaakt, err := s.net.MaakDienst(r.Context(), dn)
		if err == nil {
			web.TerugNaar(w, r, "/beheer/"+g.Code+"/diensten/"+gemaakt.ID, "dienst")
			return
		}
		if !voegFoutenToe(&d.FieldErrors, err, dienstVelden...) {
			s.kit.InternalError(w, r, err)
			return
		}
	}
	if err := s.dienstOpties(r, d, g, dn); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.toonDienst(w, r, d, http.StatusUnprocessableEntity)
}

// dienstVan returns the service of the URL when it is offered in gm (else 404) with its partner.
func (s *server) dienstVan(w http.ResponseWriter, r *http.Request, gm string, d *dienstData) bool {
	dn, err := s.net.Dienst(r.Context(), r.PathValue("id"))
	if err == nil && !slices.Contains(dn.Gemeenten, gm) {
		err = errs.NotFound
	}
	if err == nil {
		d.Partner, err = s.net.Partners().Haal(r.Context(), dn.PartnerID)
	}
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze dienst wordt niet aangeboden in deze gemeente.")
		return false
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return false
	}
	d.Dienst = dn
	d.Niet = nietMag(r, dn.Gemeenten)
	d.Page.Titel = dn.Naam
	return true
}

// weigerElders answers 403 when the service is offered where the user may not manage partners.
func (s *server) weigerElders(w http.ResponseWriter, r *http.Request, niet []string) bool {
	if len(niet) == 0 {
		return false
	}
	s.kit.StaffError(w, r, http.StatusForbidden, "Deze dienst wordt ook aangeboden in "+strings.Join(niet, ", ")+
		". Alleen een systeembeheerder of een beheerder van al die gemeenten kan hem wijzigen.")
	return true
}

// dienstPagina shows a service: its form, or its data read-only when it is offered elsewhere too.
func (s *server) dienstPagina(w http.ResponseWriter, r *http.Request) {
	d := &dienstData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Dienst")
	if !ok || !s.dienstVan(w, r, g.Code, d) {
		return
	}
	d.F = formVan(d.Dienst)
	if err := s.dienstOpties(r, d, g, d.Dienst); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.toonDienst(w, r, d, http.StatusOK)
}

// dienstWijzig saves the form of a service.
func (s *server) dienstWijzig(w http.ResponseWriter, r *http.Request) {
	d := &dienstData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Dienst")
	if !ok || !s.dienstVan(w, r, g.Code, d) || s.weigerElders(w, r, d.Niet) || !leesFormulier(w, r, s.kit) {
		return
	}
	dn := s.leesDienst(r, g, d.Dienst, d)
	if niet := nietMag(r, dn.Gemeenten); len(niet) > 0 {
		d.Add("gemeenten", "Je mag geen partners beheren in "+strings.Join(niet, ", ")+".")
	}
	if len(d.Fouten) == 0 {
		_, err := s.net.WijzigDienst(r.Context(), dn)
		if err == nil {
			pad := "/beheer/" + g.Code + "/diensten/" + dn.ID
			if !slices.Contains(dn.Gemeenten, g.Code) {
				pad = "/beheer/" + g.Code + "/partners/" + dn.PartnerID + "/aanbod" // no longer offered here
			}
			web.TerugNaar(w, r, pad, "dienst")
			return
		}
		if !voegFoutenToe(&d.FieldErrors, err, dienstVelden...) {
			s.kit.InternalError(w, r, err)
			return
		}
	}
	if err := s.dienstOpties(r, d, g, dn); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.toonDienst(w, r, d, http.StatusUnprocessableEntity)
}

// dienstGecontroleerd records that the beheerder checked the service today and found it right.
func (s *server) dienstGecontroleerd(w http.ResponseWriter, r *http.Request) {
	d := &dienstData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Dienst")
	if !ok || !s.dienstVan(w, r, g.Code, d) || s.weigerElders(w, r, d.Niet) {
		return
	}
	if err := s.net.Gecontroleerd(r.Context(), d.Dienst.ID, s.net.Vandaag()); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	web.TerugNaar(w, r, "/beheer/"+g.Code+"/diensten/"+d.Dienst.ID, "gecontroleerd")
}

// dienstVerwijder removes a service (a mistake; a service that stopped is set to "opgeheven").
func (s *server) dienstVerwijder(w http.ResponseWriter, r *http.Request) {
	d := &dienstData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Dienst")
	if !ok || !s.dienstVan(w, r, g.Code, d) || s.weigerElders(w, r, d.Niet) || !leesFormulier(w, r, s.kit) {
		return
	}
	if r.PostForm.Get("bevestig") != "ja" {
		d.F = formVan(d.Dienst)
		if err := s.dienstOpties(r, d, g, d.Dienst); err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.Add("bevestig", "Vink aan dat je deze dienst echt wilt verwijderen.")
		s.toonDienst(w, r, d, http.StatusUnprocessableEntity)
		return
	}
	if err := s.net.VerwijderDienst(r.Context(), d.Dienst.ID); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	web.TerugNaar(w, r, "/beheer/"+g.Code+"/partners/"+d.Partner.ID+"/aanbod", "verwijderd")
}

// reden is an input error's text for a form: without the kind at its end.
func reden(err error) string {
	s := strings.TrimSuffix(err.Error(), ": "+errs.Invalid.Error())
	return strings.ToUpper(s[:1]) + s[1:]
}
