package web

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/auth"
)

type wachtwoordData struct {
	staffPagina
	veldFouten
	Moet bool
}

// wachtwoord lets a user change their own password; after a reset by an administrator it is the only
// page they can open.
func (s *Server) wachtwoord(w http.ResponseWriter, r *http.Request) {
	i := ingelogdUit(r.Context())
	d := &wachtwoordData{Moet: i.Gebruiker.MoetWachtwoordWijzigen}
	s.vulStaff(&d.staffPagina, r, "Wachtwoord wijzigen", nil)
	s.renderStaff(w, r, http.StatusOK, "staff_wachtwoord", d)
}

// wachtwoordPost checks the current password and sets the new one. Setting a password ends every
// session of the user, so they log in again with the new password.
func (s *Server) wachtwoordPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.staffFout(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	i := ingelogdUit(r.Context())
	d := &wachtwoordData{Moet: i.Gebruiker.MoetWachtwoordWijzigen}
	huidig, nieuw, herhaal := r.PostForm.Get("huidig"), r.PostForm.Get("nieuw"), r.PostForm.Get("herhaal")
	if huidig == "" {
		d.fout("huidig", "Vul je huidige wachtwoord in.")
	}
	if err := auth.ControleerWachtwoordEisen(nieuw); err != nil {
		d.fout("nieuw", wachtwoordFout(err))
	} else if nieuw != herhaal {
		d.fout("herhaal", "De twee nieuwe wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord twee keer hetzelfde.")
	} else if nieuw == huidig {
		d.fout("nieuw", "Kies een ander wachtwoord dan je huidige.")
	}
	status := http.StatusUnprocessableEntity
	if len(d.Fouten) == 0 {
		// The current password is checked by a login: the same rate limits apply, so a stolen session
		// cannot be used to guess the password. The login ends the old session and its new one ends
		// with the password change below.
		_, _, _, err := s.staff.Auth.Login(r.Context(), auth.Inloggen{Email: i.Gebruiker.Email, Wachtwoord: huidig,
			IP: s.clientIP(r), UserAgent: r.UserAgent(), OudeToken: i.Token})
		var teVaak *auth.TeVaakError
		switch {
		case errors.As(err, &teVaak):
			status = http.StatusTooManyRequests
			d.fout("huidig", teVaak.Error())
		case errors.Is(err, auth.ErrOngeldig):
			d.fout("huidig", "Je huidige wachtwoord klopt niet.")
		case err != nil:
			s.interneFout(w, r, err)
			return
		}
	}
	if len(d.Fouten) > 0 {
		s.vulStaff(&d.staffPagina, r, "Wachtwoord wijzigen", nil)
		d.pagina.Fout = true
		s.renderStaff(w, r, status, "staff_wachtwoord", d)
		return
	}
	if err := s.staff.Auth.ZetWachtwoord(r.Context(), i.Gebruiker.ID, nieuw, false); err != nil {
		s.interneFout(w, r, err)
		return
	}
	http.SetCookie(w, auth.WisCookie(s.cfg.BehindTLS))
	http.Redirect(w, r, "/login?opnieuw=1", http.StatusSeeOther)
}

func wachtwoordFout(err error) string {
	switch {
	case errors.Is(err, auth.ErrWachtwoordTeKort):
		return "Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden is goed te onthouden."
	case errors.Is(err, auth.ErrWachtwoordTeLang):
		return "Dit wachtwoord is te lang. Kies een korter wachtwoord."
	}
	return "Dit wachtwoord kan niet. Kies een ander wachtwoord."
}
