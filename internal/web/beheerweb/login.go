package beheerweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/text"
	"github.com/zeker-platform/zeker/internal/web"
)

type loginData struct {
	web.StaffPage
	web.FieldErrors
	Email     string
	Terug     string
	Melding   string
	FoutTekst string
}

// login shows the login form. A user who is logged in already goes on to the staff pages.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	if i := web.LoginUit(r.Context()); i != nil {
		http.Redirect(w, r, veiligTerug(r.URL.Query().Get("terug")), http.StatusSeeOther)
		return
	}
	d := &loginData{Terug: veiligTerug(r.URL.Query().Get("terug"))}
	s.vulStaff(&d.StaffPage, r, "Inloggen voor medewerkers", nil)
	if r.URL.Query().Get("uit") == "1" {
		d.Melding = "Je bent uitgelogd."
	}
	if r.URL.Query().Get("opnieuw") == "1" {
		d.Melding = "Je wachtwoord is gewijzigd. Log in met je nieuwe wachtwoord."
	}
	s.pages.Render(w, r, http.StatusOK, "login", d)
}

// loginPost checks e-mail and password and starts a fresh session (a session the browser had before
// is ended: renewal on login). Too many attempts give the wait time in words. It is also the route's
// answer to text the kit refuses (a NUL, invalid UTF-8): auth.Login refuses such an address as an
// unknown one, counted against the client address, so the answer is the ordinary refusal.
func (s *server) loginPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	d := &loginData{Email: strings.TrimSpace(r.PostForm.Get("email")), Terug: veiligTerug(r.PostForm.Get("terug"))}
	wachtwoord := r.PostForm.Get("wachtwoord")
	if d.Email == "" {
		d.Add("email", "Vul je e-mailadres in.")
	}
	if wachtwoord == "" {
		d.Add("wachtwoord", "Vul je wachtwoord in.")
	}
	status := http.StatusUnprocessableEntity
	if len(d.Fouten) == 0 {
		tok, _, g, err := s.kit.Auth().Login(r.Context(), auth.Inloggen{Email: d.Email, Wachtwoord: wachtwoord,
			IP: s.kit.ClientIP(r), UserAgent: r.UserAgent(), OudeToken: auth.SessieToken(r, s.kit.Config().BehindTLS)})
		var teVaak *auth.TeVaakError
		switch {
		case errors.As(err, &teVaak):
			status = http.StatusTooManyRequests
			d.FoutTekst = teVaak.Error()
			w.Header().Set("Retry-After", retryAfter(teVaak))
		case errors.Is(err, auth.ErrOngeldig):
			status = http.StatusUnauthorized
			d.FoutTekst = "Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters in het wachtwoord."
		case err != nil:
			s.kit.InternalError(w, r, err)
			return
		default:
			http.SetCookie(w, auth.SessieCookie(tok, s.kit.Config().BehindTLS))
			s.kit.Log().InfoContext(r.Context(), "ingelogd", "gebruiker", g.ID)
			doel := d.Terug
			if g.MoetWachtwoordWijzigen {
				doel = "/wachtwoord"
			}
			http.Redirect(w, r, doel, http.StatusSeeOther)
			return
		}
	}
	if d.FoutTekst != "" {
		d.Add("email", d.FoutTekst)
	}
	if text.Check(d.Email) != nil {
		d.Email = "" // not shown again: the page is the same as for any unknown address
	}
	s.vulStaff(&d.StaffPage, r, "Inloggen voor medewerkers", nil)
	d.Page.Fout = true
	s.pages.Render(w, r, status, "login", d)
}

// veiligTerug keeps a return address only when it is a path on this site (web.VeiligTerug).
func veiligTerug(p string) string { return web.VeiligTerug(p, "/beheer/") }

func retryAfter(e *auth.TeVaakError) string {
	sec := int(e.Wacht.Seconds())
	if sec < 1 {
		sec = 1
	}
	return strconv.Itoa(sec)
}
