package beheerweb

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
)

type uitnodigingData struct {
	web.StaffPage
	web.FieldErrors
	Email, Code string
	FoutTekst   string
}

// uitnodiging shows the page where a colleague redeems an invitation: e-mail address, code and a
// password — a new one for a new account, their own for an existing account.
func (s *server) uitnodiging(w http.ResponseWriter, r *http.Request) {
	d := &uitnodigingData{}
	s.vulStaff(&d.StaffPage, r, "Uitnodiging aannemen", nil)
	s.pages.Render(w, r, http.StatusOK, "uitnodiging", d)
}

// uitnodigingPost redeems an invitation (auth.Aanvaard) and logs the colleague in. Every refusal that
// could tell something about an account — an unknown code, another address, a wrong password — is one
// message; attempts count like logins (too many: the wait in words).
func (s *server) uitnodigingPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	d := &uitnodigingData{Email: strings.TrimSpace(r.PostForm.Get("email")), Code: strings.TrimSpace(r.PostForm.Get("code"))}
	ww, herhaal := r.PostForm.Get("wachtwoord"), r.PostForm.Get("herhaal")
	if d.Email == "" {
		d.Add("email", "Vul je e-mailadres in.")
	}
	if d.Code == "" {
		d.Add("code", "Vul de code van de uitnodiging in.")
	}
	switch err := auth.ControleerWachtwoordEisen(ww); {
	case ww == "":
		d.Add("wachtwoord", "Vul een wachtwoord in.")
	case err != nil:
		d.Add("wachtwoord", wachtwoordFout(err))
	case herhaal != ww:
		d.Add("herhaal", "De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer.")
	}
	status := http.StatusUnprocessableEntity
	if len(d.Fouten) == 0 {
		g, u, nieuw, err := s.kit.Auth().Aanvaard(r.Context(), auth.Aanvaarden{Email: d.Email, Code: d.Code, Wachtwoord: ww, IP: s.kit.ClientIP(r)})
		var teVaak *auth.TeVaakError
		switch {
		case errors.As(err, &teVaak):
			status = http.StatusTooManyRequests
			d.FoutTekst = teVaak.Error()
			w.Header().Set("Retry-After", retryAfter(teVaak))
		case errors.Is(err, auth.ErrOngeldig):
			status = http.StatusUnauthorized
			d.FoutTekst = uitnodigingWeigering
		case errors.Is(err, auth.ErrUitnodigingVerlopen):
			d.FoutTekst = "Deze uitnodiging is verlopen. Vraag de beheerder om een nieuwe."
		case errors.Is(err, auth.ErrUitnodigingGebruikt):
			d.FoutTekst = "Deze uitnodiging is al gebruikt. Log in met je e-mailadres en wachtwoord."
		case err != nil:
			s.kit.InternalError(w, r, err)
			return
		default:
			s.aanvaard(w, r, g, u, nieuw, ww)
			return
		}
	}
	if d.FoutTekst != "" {
		d.Add("code", d.FoutTekst)
	}
	s.vulStaff(&d.StaffPage, r, "Uitnodiging aannemen", nil)
	d.Page.Fout = true
	s.pages.Render(w, r, status, "uitnodiging", d)
}

const uitnodigingWeigering = "Het e-mailadres, de code of het wachtwoord klopt niet. Heb je al een account in Zeker? Vul dan je eigen wachtwoord in."

// uitnodigingOngeldig answers an invitation form with text the kit refuses (a NUL, a control character,
// invalid UTF-8) with the one refusal, as for a wrong code: nothing is redeemed and nothing is hinted.
func (s *server) uitnodigingOngeldig(w http.ResponseWriter, r *http.Request) {
	d := &uitnodigingData{}
	d.Add("code", uitnodigingWeigering)
	s.vulStaff(&d.StaffPage, r, "Uitnodiging aannemen", nil)
	d.Page.Fout = true
	s.pages.Render(w, r, http.StatusUnauthorized, "uitnodiging", d)
}

// aanvaard logs the redeemed invitation in the gemeente's processing log and logs the colleague in.
func (s *server) aanvaard(w http.ResponseWriter, r *http.Request, g auth.Gebruiker, u auth.Uitnodiging, nieuw bool, ww string) {
	ctx := audit.WithActor(r.Context(), web.AuditActor(g))
	operatie := "medewerker.uitnodiging.bestaand"
	if nieuw {
		operatie = "medewerker.uitnodiging.nieuw"
	}
	s.beheerLog(r.WithContext(ctx), u.Gemeente, "gebruikers.beheren", operatie, audit.Aanmaken, "medewerker", g.ID)
	s.kit.Log().InfoContext(ctx, "uitnodiging aangenomen", "gemeente", u.Gemeente, "uitnodiging", u.ID, "gebruiker", g.ID, "nieuw", nieuw)
	tok, _, _, err := s.kit.Auth().Login(ctx, auth.Inloggen{Email: g.Email, Wachtwoord: ww, IP: s.kit.ClientIP(r), UserAgent: r.UserAgent(),
		OudeToken: auth.SessieToken(r, s.kit.Config().BehindTLS)})
	if err != nil { // the role is there; logging in is one step more
		http.Redirect(w, r, "/login?terug="+url.QueryEscape("/beheer/"+u.Gemeente+"/"), http.StatusSeeOther)
		return
	}
	http.SetCookie(w, auth.SessieCookie(tok, s.kit.Config().BehindTLS))
	http.Redirect(w, r, "/beheer/"+u.Gemeente+"/?klaar=welkom", http.StatusSeeOther)
}
