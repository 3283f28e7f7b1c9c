package partnerweb

import (
	"errors"
	"net/http"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

type medewerkersData struct {
	web.StaffPage
	web.FieldErrors
	Partner     partner.Organisatie
	Medewerkers []partner.Medewerker
	Lid         bool // the membership is valid today: only then can someone be invited
	Email, Naam string
	// After inviting: the invitation and its code, shown once.
	Uitnodiging *auth.Uitnodiging
	Code, Adres string
}

// partnerMedewerkers lists the partner's users in this gemeente (invitations, redeemed or not) with the
// form to invite one. A partner user logs in with the role intermediair and sees only what concerns its
// own partner (docs/partner.md, "Partner users").
func (s *server) partnerMedewerkers(w http.ResponseWriter, r *http.Request) {
	d := &medewerkersData{}
	s.medewerkersPagina(w, r, d, http.StatusOK)
}

func (s *server) medewerkersPagina(w http.ResponseWriter, r *http.Request, d *medewerkersData, status int) {
	g, ok := s.pagina(w, r, &d.StaffPage, "Medewerkers van de partner")
	if !ok {
		return
	}
	o, ok := s.partnerVan(w, r, g.Code)
	if !ok {
		return
	}
	d.Partner, d.Page.Titel = o, "Medewerkers van "+o.Naam
	l, _ := o.Lid(g.Code)
	d.Lid = l.GeldigOp(s.partners.Vandaag())
	var err error
	if d.Medewerkers, err = s.partners.Medewerkers(r.Context(), o.ID, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Page.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "partner_medewerkers", d)
}

// partnerMedewerkerUitnodigen invites a person of the partner: an ordinary invitation with the role
// intermediair in this gemeente, linked to the partner. The code is shown once, as for a colleague.
func (s *server) partnerMedewerkerUitnodigen(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	o, ok := s.partnerVan(w, r, gm)
	if !ok {
		return
	}
	d := &medewerkersData{Email: strings.TrimSpace(r.PostForm.Get("email")), Naam: strings.TrimSpace(r.PostForm.Get("naam"))}
	email, err := auth.NormaliseerEmail(d.Email)
	if err != nil {
		d.Add("email", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl.")
	}
	if d.Naam == "" || len(d.Naam) > 200 {
		d.Add("naam", "Vul de naam van de medewerker in.")
	}
	if l, _ := o.Lid(gm); !l.GeldigOp(s.partners.Vandaag()) {
		d.Add("naam", "Deze partner is vandaag geen lid van de gemeente. Nodig pas uit als het lidmaatschap loopt.")
	}
	if len(d.Fouten) == 0 {
		// Someone with a role here is in the beheerder's own list: saying so tells nothing new.
		if u, err := s.kit.Auth().GebruikerOpEmail(r.Context(), email); err == nil {
			if _, heeft := u.Rollen[gm]; heeft {
				d.Add("email", "Dit e-mailadres heeft al een rol in deze gemeente. Een medewerker van een partner heeft geen andere rol in de gemeente.")
			}
		} else if !errors.Is(err, errs.NotFound) {
			s.kit.InternalError(w, r, err)
			return
		}
	}
	if len(d.Fouten) > 0 {
		s.medewerkersPagina(w, r, d, http.StatusUnprocessableEntity)
		return
	}
	i := web.LoginUit(r.Context())
	code, u, err := s.kit.Auth().NodigUit(r.Context(), auth.NieuweUitnodiging{Gemeente: gm, Email: email, Naam: d.Naam, Rol: auth.Intermediair, Door: i.Gebruiker.ID})
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	// If the link fails, the code is never shown, so the unlinked invitation cannot be redeemed.
	if err := s.partners.KoppelUitnodiging(r.Context(), u.ID, o.ID, gm); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.kit.Log().InfoContext(r.Context(), "partnermedewerker uitgenodigd", "gemeente", gm, "partner", o.ID, "uitnodiging", u.ID)
	d.Uitnodiging, d.Code, d.Adres = &u, code, uitnodigingAdres(s.kit, r)
	d.Email, d.Naam = "", ""
	s.medewerkersPagina(w, r, d, http.StatusOK)
}

// uitnodigingAdres is the address of the page where an invitation is redeemed.
func uitnodigingAdres(k *web.Kit, r *http.Request) string {
	schema := "http"
	if k.Config().BehindTLS || r.TLS != nil {
		schema = "https"
	}
	return schema + "://" + r.Host + "/uitnodiging"
}
