package aanvraagweb

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/web"
)

// intrekken lets the holder of the code withdraw the application, in two steps: the first post (from the
// status page) shows what will be withdrawn and asks to confirm; the second (bevestig=ja) withdraws it
// (aanvragen.TrekIn) and shows the status page. Only while nothing is decided.
func (s *server) intrekken(w http.ResponseWriter, r *http.Request) {
	l := s.kit.Taal(r, false)
	ref, code := r.PostFormValue("referentie"), r.PostFormValue("code")
	if r.PostFormValue("bevestig") != "ja" {
		in, err := s.svc.Inzien(r.Context(), ref, code)
		if err != nil {
			if !s.codeFout(w, r, l, ref, err) {
				s.kit.Error(w, r, err, "")
			}
			return
		}
		if !in.KanIntrekken() {
			s.nietIntrekbaar(w, r, l, in, code)
			return
		}
		d := &inwonerData{Inzage: s.inzageRij(in, l), Referentie: in.Referentie, Code: code}
		s.vul(d, l, in.Gemeente, l.T("aanvraag.intrekken.titel"), "/aanvragen/status")
		geenCache(w)
		s.inwoner.Render(w, r, http.StatusOK, "aanvraag_intrekken", d)
		return
	}
	in, err := s.svc.TrekIn(r.Context(), ref, code)
	if err == nil {
		s.toonStatus(w, r, l, in, code, nil, http.StatusOK)
		return
	}
	if s.codeFout(w, r, l, ref, err) {
		return
	}
	if o, ok := aanvragen.IsOngeldig(err); !ok || o.Veld != "intrekken" {
		s.kit.Error(w, r, err, "")
		return
	}
	in, ierr := s.svc.Inzien(r.Context(), ref, code)
	if ierr != nil {
		if !s.codeFout(w, r, l, ref, ierr) {
			s.kit.Error(w, r, ierr, "")
		}
		return
	}
	s.nietIntrekbaar(w, r, l, in, code)
}

// nietIntrekbaar shows the status page with the message that the application can no longer be withdrawn.
func (s *server) nietIntrekbaar(w http.ResponseWriter, r *http.Request, l *web.Taal, in *aanvragen.Inzage, code string) {
	f := &web.FieldErrors{}
	f.Add("intrekken", l.T("aanvraag.fout.intrekken"))
	s.toonStatus(w, r, l, in, code, f, http.StatusUnprocessableEntity)
}
