package checkweb

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/zeker-platform/zeker/internal/web"
)

type bewaarData struct {
	web.Page
	Link      string
	Code      string
	Fouten    []web.FieldError
	FoutTekst string
}

// checkBewaar shows the resume link and code: the answers are in the code itself, encrypted, so the
// server keeps nothing.
func (s *server) checkBewaar(w http.ResponseWriter, r *http.Request) {
	t := r.URL.Query().Get("t")
	a, g, err := s.leesTokenMetGemeente(r.Context(), t)
	if err != nil {
		s.tokenFout(w, r, err)
		return
	}
	l := s.kit.Taal(r, a.Ander)
	scheme := "http"
	if s.kit.Config().BehindTLS || r.TLS != nil {
		scheme = "https"
	}
	d := &bewaarData{Code: hervatCode(t), Link: scheme + "://" + r.Host + "/check/verder?" + url.Values{"code": {t}, "lang": {l.Code}}.Encode()}
	d.Thema, d.VoetContact = web.ThemaKlasse(a.Gemeente), s.voetContactVan(r.Context(), l, g)
	s.kit.VulPagina(&d.Page, l, l.T("bewaar.titel"), "/check/bewaar?"+url.Values{"t": {t}}.Encode())
	s.pages.Render(w, r, http.StatusOK, "bewaar", d)
}

// checkVerder resumes a check from a code: a form without a code, the step or result with one.
func (s *server) checkVerder(w http.ResponseWriter, r *http.Request) {
	l := s.kit.Taal(r, false)
	invoer := r.URL.Query().Get("code")
	d := &bewaarData{Code: strings.TrimSpace(invoer)}
	if r.URL.Query().Has("code") {
		// The whole link, the bare code or the grouped code; spaces and, for the grouped code,
		// case do not matter (check_hervat.go). An expired code says so; anything else is damaged.
		key := "fout.code.leeg"
		for _, code := range tokensUit(invoer) {
			a, err := s.leesToken(r.Context(), code)
			if err == nil {
				doel := "/check/stap?"
				if a.Huidig == "" {
					doel = "/check/resultaat?"
				}
				http.Redirect(w, r, doel+url.Values{"t": {code}, "lang": {l.Code}}.Encode(), http.StatusSeeOther)
				return
			}
			if err == errTokenVerlopen {
				key = "fout.codeverlopen"
				break
			}
			key = "fout.code.veld"
		}
		d.FoutTekst = l.T(key)
		d.Fouten = []web.FieldError{{ID: "code", Bericht: d.FoutTekst}}
		d.Page.Fout = true
	}
	s.kit.VulPagina(&d.Page, l, l.T("verder.titel"), "/check/verder")
	status := http.StatusOK
	if d.FoutTekst != "" {
		status = http.StatusUnprocessableEntity
	}
	s.pages.Render(w, r, status, "verder", d)
}
