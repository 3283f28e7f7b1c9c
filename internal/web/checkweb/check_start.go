package checkweb

import (
	"context"
	"net/http"
	"time"

	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

type startData struct {
	web.Page
	Gemeenten []tenant.Gemeente
	Gemeente  string
	Voor      string
	Fouten    []web.FieldError
	FoutBij   map[string]string
}

// checkStart is the first page: what the check is, and the two choices that start it.
func (s *server) checkStart(w http.ResponseWriter, r *http.Request) {
	l := s.kit.Taal(r, false)
	gs, err := s.aangeboden(r.Context())
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "check: gemeenten lezen", "fout", err)
		s.fout(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	d := &startData{Gemeenten: gs, Voor: "zelf", FoutBij: map[string]string{}}
	s.kit.VulPagina(&d.Page, l, l.T("start.titel"), "/")
	s.pages.Render(w, r, http.StatusOK, "start", d)
}

// checkStartPost starts a check for a gemeente, for oneself or for someone else.
func (s *server) checkStartPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fout(w, r, http.StatusBadRequest, "fout.formulier")
		return
	}
	l := s.kit.Taal(r, false)
	gs, err := s.aangeboden(r.Context())
	if err != nil || len(gs) == 0 {
		s.kit.Log().ErrorContext(r.Context(), "check: gemeenten lezen", "fout", err, "aantal", len(gs))
		s.fout(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	d := &startData{Gemeenten: gs, Gemeente: r.PostForm.Get("gemeente"), Voor: r.PostForm.Get("voor"), FoutBij: map[string]string{}}
	if _, ok := s.gemeente(r.Context(), d.Gemeente); !ok {
		d.fout("gemeente-"+gs[0].Code, "gemeente", l.T("fout.gemeente"))
	}
	if d.Voor != "zelf" && d.Voor != "ander" {
		d.fout("voor-zelf", "voor", l.T("fout.voor"))
	}
	if len(d.Fouten) > 0 {
		s.kit.VulPagina(&d.Page, l, l.T("start.titel"), "/")
		d.Page.Fout = true
		s.pages.Render(w, r, http.StatusUnprocessableEntity, "start", d)
		return
	}
	a := &Antwoorden{Versie: antwoordenVersie, Gemaakt: s.nu().Unix(), Gemeente: d.Gemeente, Ander: d.Voor == "ander", Huidig: stapHuishouden}
	s.renderStap(w, r, a, s.kit.Taal(r, a.Ander), nil, nil)
}

func (d *startData) fout(id, veld, bericht string) {
	d.Fouten = append(d.Fouten, web.FieldError{ID: id, Bericht: bericht})
	d.FoutBij[veld] = bericht
}

// leesToken opens the answers in a token and checks that they still fit this server.
func (s *server) leesToken(ctx context.Context, t string) (*Antwoorden, error) {
	a, _, err := s.leesTokenMetGemeente(ctx, t)
	return a, err
}

// leesTokenMetGemeente is leesToken that also returns the gemeente (the tenant) it checked, so a page
// reads the tenant once per request.
func (s *server) leesTokenMetGemeente(ctx context.Context, t string) (*Antwoorden, tenant.Gemeente, error) {
	var a Antwoorden
	if err := s.token.open(t, &a); err != nil {
		return nil, tenant.Gemeente{}, err
	}
	if a.Versie != antwoordenVersie {
		return nil, tenant.Gemeente{}, errTokenOngeldig
	}
	if s.nu().Sub(time.Unix(a.Gemaakt, 0)) > s.cfg.CodeGeldig {
		return nil, tenant.Gemeente{}, errTokenVerlopen
	}
	g, ok := s.gemeente(ctx, a.Gemeente)
	if !ok {
		return nil, tenant.Gemeente{}, errTokenOngeldig
	}
	return &a, g, nil
}

func (s *server) tokenFout(w http.ResponseWriter, r *http.Request, err error) {
	if err == errTokenVerlopen {
		s.fout(w, r, http.StatusBadRequest, "fout.codeverlopen")
		return
	}
	s.fout(w, r, http.StatusBadRequest, "fout.code")
}
