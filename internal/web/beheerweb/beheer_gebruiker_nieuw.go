package beheerweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
)

type gebruikerNieuwData struct {
	web.StaffPage
	web.FieldErrors
	Email, Naam, Rol string
	Rollen           []auth.Rol
	// Direct: the page of a system administrator, who attaches an existing account directly. A
	// beheerder makes an invitation instead.
	Direct bool
	// After saving (Direct): the account and, for a new one, its one-time password.
	Gemaakt    *auth.Gebruiker
	Wachtwoord string
	Bestond    bool
	// After saving (invitation): the invitation, its code (shown once) and the page to redeem it.
	Uitnodiging *auth.Uitnodiging
	Code        string
	Adres       string
}

// beheerGebruikerNieuw shows the form for a new user of the gemeente.
func (s *server) beheerGebruikerNieuw(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &gebruikerNieuwData{Rollen: auth.Rollen, Rol: string(auth.Consulent), Direct: web.LoginUit(r.Context()).Actor.Systeembeheerder}
	s.vulStaff(&d.StaffPage, r, "Medewerker toevoegen", &g)
	s.pages.Render(w, r, http.StatusOK, "beheer_gebruiker_nieuw", d)
}

// beheerGebruikerNieuwPost adds a colleague to the gemeente with the chosen role.
//
// A beheerder makes an invitation, whatever the address: the page shows the one-time code to hand over
// and answers the same for an address with an account elsewhere and for an unknown one, so it neither
// tells that an account exists nor attaches someone else's account. The colleague redeems the code on
// /uitnodiging (a new account chooses its password; an existing one confirms with its own).
//
// A system administrator attaches directly: a new account gets a generated password (shown once, to be
// changed at the first login), an existing account gets the role and keeps its password.
func (s *server) beheerGebruikerNieuwPost(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	i := web.LoginUit(r.Context())
	d := &gebruikerNieuwData{Rollen: auth.Rollen, Email: strings.TrimSpace(r.PostForm.Get("email")),
		Naam: strings.TrimSpace(r.PostForm.Get("naam")), Rol: r.PostForm.Get("rol"), Direct: i.Actor.Systeembeheerder}
	email, err := auth.NormaliseerEmail(d.Email)
	if err != nil {
		d.Add("email", "Vul een geldig e-mailadres in, zoals naam@gemeente.nl.")
	}
	if d.Naam == "" || len(d.Naam) > 200 {
		d.Add("naam", "Vul de naam van de medewerker in.")
	}
	rol := auth.Rol(d.Rol)
	if !rol.Geldig() {
		d.Add("rol-"+string(auth.Rollen[0]), "Kies een rol.")
	}
	if len(d.Fouten) == 0 {
		// Someone who already has a role here is in this beheerder's own list of colleagues: saying so
		// tells nothing new.
		if u, err := s.kit.Auth().GebruikerOpEmail(r.Context(), email); err == nil {
			if _, heeft := u.Rollen[g.Code]; heeft {
				d.Add("email", "Deze medewerker heeft al een rol in deze gemeente. Wijzig de rol bij de medewerker.")
			}
		} else if !errors.Is(err, errs.NotFound) {
			s.kit.InternalError(w, r, err)
			return
		}
	}
	if len(d.Fouten) > 0 {
		s.vulStaff(&d.StaffPage, r, "Medewerker toevoegen", &g)
		d.Page.Fout = true
		s.pages.Render(w, r, http.StatusUnprocessableEntity, "beheer_gebruiker_nieuw", d)
		return
	}
	if !d.Direct {
		code, u, err := s.kit.Auth().NodigUit(r.Context(), auth.NieuweUitnodiging{Gemeente: g.Code, Email: email, Naam: d.Naam, Rol: rol, Door: i.Gebruiker.ID})
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		s.beheerLog(r, g.Code, "gebruikers.beheren", "medewerker.uitnodigen", audit.Aanmaken, "uitnodiging", u.ID)
		s.kit.Log().InfoContext(r.Context(), "uitnodiging gemaakt", "gemeente", g.Code, "uitnodiging", u.ID, "door", i.Gebruiker.ID)
		d.Uitnodiging, d.Code, d.Adres = &u, code, s.uitnodigingAdres(r)
		s.vulStaff(&d.StaffPage, r, "Uitnodiging gemaakt", &g)
		s.pages.Render(w, r, http.StatusOK, "beheer_gebruiker_nieuw", d)
		return
	}
	ww := auth.GenereerWachtwoord()
	u, err := s.kit.Auth().MaakGebruiker(r.Context(), auth.NieuweGebruiker{Email: email, Naam: d.Naam, Wachtwoord: ww, MoetWachtwoordWijzigen: true})
	if errors.Is(err, errs.Conflict) {
		u, err = s.kit.Auth().GebruikerOpEmail(r.Context(), email)
		ww, d.Bestond = "", true
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if err := s.kit.Auth().ZetRol(r.Context(), u.ID, g.Code, rol); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.beheerLog(r, g.Code, "gebruikers.beheren", "medewerker.toevoegen", audit.Aanmaken, "medewerker", u.ID)
	s.kit.Log().InfoContext(r.Context(), "medewerker toegevoegd", "gemeente", g.Code, "gebruiker", u.ID, "door", i.Gebruiker.ID)
	u.Rollen = map[string]auth.Rol{g.Code: rol}
	d.Gemaakt, d.Wachtwoord = &u, ww
	s.vulStaff(&d.StaffPage, r, "Medewerker toegevoegd", &g)
	s.pages.Render(w, r, http.StatusOK, "beheer_gebruiker_nieuw", d)
}

// uitnodigingAdres is the address of the page where an invitation is redeemed, as this request reached
// the server (shown to the beheerder who hands the code over).
func (s *server) uitnodigingAdres(r *http.Request) string {
	schema := "http"
	if s.kit.Config().BehindTLS || r.TLS != nil {
		schema = "https"
	}
	return schema + "://" + r.Host + "/uitnodiging"
}

// beheerLog writes a change made on a management page to the processing log of the gemeente. The
// subject is an internal id (of a staff member or credential), never a name or e-mail address.
func (s *server) beheerLog(r *http.Request, gemeente, activiteit, operatie string, actie audit.Actie, soort string, id int64) {
	err := s.kit.Audit().Schrijf(r.Context(), audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit,
		Operatie: operatie, Actie: actie, SubjectSoort: soort, SubjectID: strconv.FormatInt(id, 10),
		Object: soort + "/" + strconv.FormatInt(id, 10)})
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "audit schrijven", "operatie", operatie, "fout", err)
	}
}
