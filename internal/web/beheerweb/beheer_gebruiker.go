package beheerweb

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

type gebruikerData struct {
	web.StaffPage
	U          auth.Gebruiker
	Rol        auth.Rol
	Rollen     []auth.Rol
	Zelf       bool
	MagAccount bool   // password reset and blocking (all roles within the beheerder's gemeenten)
	Wachtwoord string // after a reset: the new password, shown once
	Basis      string
}

// doelGebruiker loads the user of the {id} path value; it must have a role in the gemeente of the page,
// so a beheerder cannot look up accounts of other gemeenten by id.
func (s *server) doelGebruiker(w http.ResponseWriter, r *http.Request) (tenant.Gemeente, auth.Gebruiker, bool) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return g, auth.Gebruiker{}, false
	}
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze medewerker bestaat niet in deze gemeente.")
		return g, auth.Gebruiker{}, false
	}
	u, err := s.kit.Auth().Gebruiker(r.Context(), id)
	if errors.Is(err, errs.NotFound) || (err == nil && u.Rollen[g.Code] == "") {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze medewerker bestaat niet in deze gemeente.")
		return g, auth.Gebruiker{}, false
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return g, auth.Gebruiker{}, false
	}
	return g, u, true
}

func (s *server) gebruikerPagina(r *http.Request, g tenant.Gemeente, u auth.Gebruiker) *gebruikerData {
	i := web.LoginUit(r.Context())
	d := &gebruikerData{U: u, Rol: u.Rollen[g.Code], Rollen: auth.Rollen, Zelf: i.Gebruiker.ID == u.ID,
		MagAccount: auth.MagGebruikerBeheren(i.Actor, u), Basis: "/beheer/" + g.Code + "/gebruikers/" + strconv.FormatInt(u.ID, 10)}
	// Roles in other gemeenten are not this beheerder's business.
	d.U.Rollen = map[string]auth.Rol{g.Code: d.Rol}
	s.vulStaff(&d.StaffPage, r, u.Naam, &g)
	return d
}

// beheerGebruiker shows one user of the gemeente with the forms to change role, block and reset.
func (s *server) beheerGebruiker(w http.ResponseWriter, r *http.Request) {
	g, u, ok := s.doelGebruiker(w, r)
	if !ok {
		return
	}
	s.pages.Render(w, r, http.StatusOK, "beheer_gebruiker", s.gebruikerPagina(r, g, u))
}

// beheerGebruikerRol changes or removes the user's role in this gemeente. Nobody changes their own role
// (that would be a way to lock oneself out or in).
func (s *server) beheerGebruikerRol(w http.ResponseWriter, r *http.Request) {
	g, u, ok := s.doelGebruiker(w, r)
	if !ok {
		return
	}
	if u.ID == web.LoginUit(r.Context()).Gebruiker.ID {
		s.kit.StaffError(w, r, http.StatusForbidden, "Je kunt je eigen rol niet wijzigen. Vraag een andere beheerder.")
		return
	}
	basis := "/beheer/" + g.Code + "/gebruikers/" + strconv.FormatInt(u.ID, 10)
	rol := r.PostFormValue("rol")
	if rol == "geen" {
		if err := s.kit.Auth().VerwijderRol(r.Context(), u.ID, g.Code); err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		s.beheerLog(r, g.Code, "gebruikers.beheren", "medewerker.rol.verwijderen", audit.Verwijderen, "medewerker", u.ID)
		web.TerugNaar(w, r, "/beheer/"+g.Code+"/gebruikers", "rolweg")
		return
	}
	if !auth.Rol(rol).Geldig() {
		s.kit.StaffError(w, r, http.StatusBadRequest, "Kies een rol uit de lijst.")
		return
	}
	if err := s.kit.Auth().ZetRol(r.Context(), u.ID, g.Code, auth.Rol(rol)); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.beheerLog(r, g.Code, "gebruikers.beheren", "medewerker.rol.wijzigen", audit.Wijzigen, "medewerker", u.ID)
	web.TerugNaar(w, r, basis, "rol")
}

// beheerGebruikerActief blocks or unblocks the account. Blocking ends all its sessions. Only for
// accounts wholly within the beheerder's gemeenten (auth.MagGebruikerBeheren), never oneself.
func (s *server) beheerGebruikerActief(w http.ResponseWriter, r *http.Request) {
	g, u, ok := s.doelGebruiker(w, r)
	if !ok {
		return
	}
	i := web.LoginUit(r.Context())
	if !auth.MagGebruikerBeheren(i.Actor, u) {
		s.kit.StaffError(w, r, http.StatusForbidden, "Deze medewerker werkt ook voor een andere gemeente of is systeembeheerder. Vraag de systeembeheerder om het account te blokkeren.")
		return
	}
	if u.ID == i.Gebruiker.ID {
		s.kit.StaffError(w, r, http.StatusForbidden, "Je kunt je eigen account niet blokkeren.")
		return
	}
	actief := r.PostFormValue("actief") == "ja"
	if err := s.kit.Auth().ZetActief(r.Context(), u.ID, actief); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	klaar := "geblokkeerd"
	if actief {
		klaar = "actief"
	}
	s.beheerLog(r, g.Code, "gebruikers.beheren", "medewerker."+klaar, audit.Wijzigen, "medewerker", u.ID)
	web.TerugNaar(w, r, "/beheer/"+g.Code+"/gebruikers/"+strconv.FormatInt(u.ID, 10), klaar)
}

// beheerGebruikerWachtwoord gives the user a new generated password, shown once on this page; the user
// must change it at the next login, and all their sessions end.
func (s *server) beheerGebruikerWachtwoord(w http.ResponseWriter, r *http.Request) {
	g, u, ok := s.doelGebruiker(w, r)
	if !ok {
		return
	}
	i := web.LoginUit(r.Context())
	if !auth.MagGebruikerBeheren(i.Actor, u) {
		s.kit.StaffError(w, r, http.StatusForbidden, "Deze medewerker werkt ook voor een andere gemeente of is systeembeheerder. Vraag de systeembeheerder om een nieuw wachtwoord.")
		return
	}
	if u.ID == i.Gebruiker.ID {
		s.kit.StaffError(w, r, http.StatusForbidden, "Wijzig je eigen wachtwoord via 'Wachtwoord wijzigen'.")
		return
	}
	ww := auth.GenereerWachtwoord()
	if err := s.kit.Auth().ZetWachtwoord(r.Context(), u.ID, ww, true); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.beheerLog(r, g.Code, "gebruikers.beheren", "medewerker.wachtwoord.herstellen", audit.Wijzigen, "medewerker", u.ID)
	u.MoetWachtwoordWijzigen = true
	d := s.gebruikerPagina(r, g, u)
	d.Wachtwoord = ww
	s.pages.Render(w, r, http.StatusOK, "beheer_gebruiker", d)
}
