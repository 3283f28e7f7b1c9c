package aanvraagweb

import (
	"net/http"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/web"
)

// email sets, changes or removes the application's e-mail address for the holder of the code (form
// fields referentie, code, email; aanvragen.WijzigEmail). A bad address is a message at the field and
// changes nothing; the status page is shown again either way.
func (s *server) email(w http.ResponseWriter, r *http.Request) {
	l := s.kit.Taal(r, false)
	ref, code, adres := r.PostFormValue("referentie"), r.PostFormValue("code"), r.PostFormValue("email")
	in, err := s.svc.WijzigEmail(r.Context(), ref, code, adres)
	if err == nil {
		key := "aanvraag.email.opgeslagen"
		if in.Email == "" {
			key = "aanvraag.email.verwijderd"
		}
		s.toonStatusMet(w, r, l, in, code, nil, http.StatusOK, func(d *inwonerData) { d.EmailMelding = l.T(key) })
		return
	}
	if s.codeFout(w, r, l, ref, err) {
		return
	}
	o, ok := aanvragen.IsOngeldig(err)
	if !ok || o.Veld != "email" {
		s.kit.Error(w, r, err, "")
		return
	}
	// Nothing was changed; the status as it is, with the message at the field.
	in, ierr := s.svc.Inzien(r.Context(), ref, code)
	if ierr != nil {
		if !s.codeFout(w, r, l, ref, ierr) {
			s.kit.Error(w, r, ierr, "")
		}
		return
	}
	f := &web.FieldErrors{}
	f.Add("email", emailFout(l, o.Bericht))
	s.toonStatusMet(w, r, l, in, code, f, http.StatusUnprocessableEntity, func(d *inwonerData) { d.EmailInvoer = toonbaar(strings.TrimSpace(adres)) })
}

// emailFout is the message at the e-mail field: in Dutch the mail package's own reason (mail.GeldigAdres,
// for instance "hoogstens 254 tekens") and how to write it; in another language a general message, as the
// reasons are Dutch.
func emailFout(l *web.Taal, reden string) string {
	if l.Code == "nl" && reden != "" {
		return reden + " " + l.T("aanvraag.fout.email.hoe")
	}
	return l.T("aanvraag.fout.email")
}
