package web

import (
	"net/http"
	"net/url"
	"strings"
)

type bewaarData struct {
	pagina
	Link      string
	Code      string
	Fouten    []veldFout
	FoutTekst string
}

// checkBewaar shows the resume link and code: the answers are in the code itself, encrypted, so the
// server keeps nothing.
func (s *Server) checkBewaar(w http.ResponseWriter, r *http.Request) {
	t := r.URL.Query().Get("t")
	a, err := s.leesToken(t)
	if err != nil {
		s.tokenFout(w, r, err)
		return
	}
	l := s.taal(r, a.Ander)
	scheme := "http"
	if s.cfg.BehindTLS || r.TLS != nil {
		scheme = "https"
	}
	d := &bewaarData{Code: t, Link: scheme + "://" + r.Host + "/check/verder?" + url.Values{"code": {t}, "lang": {l.Code}}.Encode()}
	d.Thema = themaKlasse(a.Gemeente)
	s.vulPagina(&d.pagina, l, l.T("bewaar.titel"), "/check/bewaar?"+url.Values{"t": {t}}.Encode())
	s.render(w, r, http.StatusOK, "bewaar", d)
}

// checkVerder resumes a check from a code: a form without a code, the step or result with one.
func (s *Server) checkVerder(w http.ResponseWriter, r *http.Request) {
	l := s.taal(r, false)
	code := strings.Join(strings.Fields(r.URL.Query().Get("code")), "")
	d := &bewaarData{Code: code}
	if r.URL.Query().Has("code") {
		a, err := s.leesToken(code)
		if err == nil {
			doel := "/check/stap?"
			if a.Huidig == "" {
				doel = "/check/resultaat?"
			}
			http.Redirect(w, r, doel+url.Values{"t": {code}, "lang": {l.Code}}.Encode(), http.StatusSeeOther)
			return
		}
		key := "fout.code.veld"
		if err == errTokenVerlopen {
			key = "fout.codeverlopen"
		}
		d.FoutTekst = l.T(key)
		d.Fouten = []veldFout{{"code", d.FoutTekst}}
		d.pagina.Fout = true
	}
	s.vulPagina(&d.pagina, l, l.T("verder.titel"), "/check/verder")
	status := http.StatusOK
	if d.FoutTekst != "" {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "verder", d)
}
