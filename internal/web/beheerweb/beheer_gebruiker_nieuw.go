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
	// After saving: the new account and its one-time password.
	Gemaakt    *auth.Gebruiker
	Wachtwoord string
	Bestond    bool
}

// beheerGebruikerNieuw shows the form for a new user of the gemeente.
func (s *server) beheerGebruikerNieuw(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &gebruikerNieuwData{Rollen: auth.Rollen, Rol: string(auth.Consulent)}
	s.vulStaff(&d.StaffPage, r, "Medewerker toevoegen", &g)
	s.pages.Render(w, r, http.StatusOK, "beheer_gebruiker_nieuw", d)
}

// beheerGebruikerNieuwPost adds the user with a generated password (shown once, to be changed at the
// first login) and the chosen role. An existing account (a colleague with a role in another gemeente)
// gets the role here and keeps its password.
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
		Naam: strings.TrimSpace(r.PostForm.Get("naam")), Rol: r.PostForm.Get("rol")}
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
	if len(d.Fouten) > 0 {
		s.vulStaff(&d.StaffPage, r, "Medewerker toevoegen", &g)
		d.Page.Fout = true
		s.pages.Render(w, r, http.StatusUnprocessableEntity, "beheer_gebruiker_nieuw", d)
		return
	}
	ww := auth.GenereerWachtwoord()
	u, err := s.kit.Auth().MaakGebruiker(r.Context(), auth.NieuweGebruiker{Email: email, Naam: d.Naam, Wachtwoord: ww, MoetWachtwoordWijzigen: true})
	if errors.Is(err, errs.Conflict) {
		u, err = s.kit.Auth().GebruikerOpEmail(r.Context(), email)
		ww, d.Bestond = "", true
		if err == nil {
			if _, heeft := u.Rollen[g.Code]; heeft {
				s.vulStaff(&d.StaffPage, r, "Medewerker toevoegen", &g)
				d.Add("email", "Deze medewerker heeft al een rol in deze gemeente. Wijzig de rol bij de medewerker.")
				d.Page.Fout = true
				s.pages.Render(w, r, http.StatusUnprocessableEntity, "beheer_gebruiker_nieuw", d)
				return
			}
		}
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
