package beheerweb

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
)

type wachtwoordData struct {
	web.StaffPage
	web.FieldErrors
	Moet bool
}

// wachtwoord lets a user change their own password; after a reset by an administrator it is the only
// page they can open.
func (s *server) wachtwoord(w http.ResponseWriter, r *http.Request) {
	i := web.LoginUit(r.Context())
	d := &wachtwoordData{Moet: i.Gebruiker.MoetWachtwoordWijzigen}
	s.vulStaff(&d.StaffPage, r, "Wachtwoord wijzigen", nil)
	s.pages.Render(w, r, http.StatusOK, "beheer_wachtwoord", d)
}

// wachtwoordPost checks the current password and sets the new one. Setting a password ends every
// session of the user, so they log in again with the new password.
func (s *server) wachtwoordPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	i := web.LoginUit(r.Context())
	d := &wachtwoordData{Moet: i.Gebruiker.MoetWachtwoordWijzigen}
	huidig, nieuw, herhaal := r.PostForm.Get("huidig"), r.PostForm.Get("nieuw"), r.PostForm.Get("herhaal")
	if huidig == "" {
		d.Add("huidig", "Vul je huidige wachtwoord in.")
	}
	if err := auth.ControleerWachtwoordEisen(nieuw); err != nil {
		d.Add("nieuw", wachtwoordFout(err))
	} else if nieuw != herhaal {
		d.Add("herhaal", "De twee nieuwe wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord twee keer hetzelfde.")
	} else if nieuw == huidig {
		d.Add("nieuw", "Kies een ander wachtwoord dan je huidige.")
	}
	status := http.StatusUnprocessableEntity
	if len(d.Fouten) == 0 {
		// The current password is checked by a login: the same rate limits apply, so a stolen session
		// cannot be used to guess the password. The login ends the old session and its new one ends
		// with the password change below.
		_, _, _, err := s.kit.Auth().Login(r.Context(), auth.Inloggen{Email: i.Gebruiker.Email, Wachtwoord: huidig,
			IP: s.kit.ClientIP(r), UserAgent: r.UserAgent(), OudeToken: i.Token})
		var teVaak *auth.TeVaakError
		switch {
		case errors.As(err, &teVaak):
			status = http.StatusTooManyRequests
			d.Add("huidig", teVaak.Error())
		case errors.Is(err, auth.ErrOngeldig):
			d.Add("huidig", "Je huidige wachtwoord klopt niet.")
		case err != nil:
			s.kit.InternalError(w, r, err)
			return
		}
	}
	if len(d.Fouten) > 0 {
		s.vulStaff(&d.StaffPage, r, "Wachtwoord wijzigen", nil)
		d.Page.Fout = true
		s.pages.Render(w, r, status, "beheer_wachtwoord", d)
		return
	}
	if err := s.kit.Auth().ZetWachtwoord(r.Context(), i.Gebruiker.ID, nieuw, false); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	http.SetCookie(w, auth.WisCookie(s.kit.Config().BehindTLS))
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
