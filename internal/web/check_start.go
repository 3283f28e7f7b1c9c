package web

import (
	"net/http"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
)

type startData struct {
	pagina
	Gemeenten []regels.Gemeente
	Gemeente  string
	Voor      string
	Fouten    []veldFout
	FoutBij   map[string]string
}

// checkStart is the first page: what the check is, and the two choices that start it.
func (s *Server) checkStart(w http.ResponseWriter, r *http.Request) {
	l := s.taal(r, false)
	d := &startData{Gemeenten: s.gemeenten, Voor: "zelf", FoutBij: map[string]string{}}
	s.vulPagina(&d.pagina, l, l.T("start.titel"), "/")
	s.render(w, r, http.StatusOK, "start", d)
}

// checkStartPost starts a check for a gemeente, for oneself or for someone else.
func (s *Server) checkStartPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.foutPagina(w, r, http.StatusBadRequest, "fout.formulier")
		return
	}
	l := s.taal(r, false)
	d := &startData{Gemeenten: s.gemeenten, Gemeente: r.PostForm.Get("gemeente"), Voor: r.PostForm.Get("voor"), FoutBij: map[string]string{}}
	if _, ok := s.gemeente(d.Gemeente); !ok {
		d.fout("gemeente-"+s.gemeenten[0].Code, "gemeente", l.T("fout.gemeente"))
	}
	if d.Voor != "zelf" && d.Voor != "ander" {
		d.fout("voor-zelf", "voor", l.T("fout.voor"))
	}
	if len(d.Fouten) > 0 {
		s.vulPagina(&d.pagina, l, l.T("start.titel"), "/")
		d.pagina.Fout = true
		s.render(w, r, http.StatusUnprocessableEntity, "start", d)
		return
	}
	a := &Antwoorden{Versie: antwoordenVersie, Gemaakt: s.nu().Unix(), Gemeente: d.Gemeente, Ander: d.Voor == "ander", Huidig: stapHuishouden}
	s.renderStap(w, r, a, s.taal(r, a.Ander), nil, nil)
}

// veldFout is one form error: the id of the field it links to and the message.
type veldFout struct{ ID, Bericht string }

func (d *startData) fout(id, veld, bericht string) {
	d.Fouten = append(d.Fouten, veldFout{id, bericht})
	d.FoutBij[veld] = bericht
}

// leesToken opens the answers in a token and checks that they still fit this server.
func (s *Server) leesToken(t string) (*Antwoorden, error) {
	var a Antwoorden
	if err := s.token.open(t, &a); err != nil {
		return nil, err
	}
	if a.Versie != antwoordenVersie {
		return nil, errTokenOngeldig
	}
	if s.nu().Sub(time.Unix(a.Gemaakt, 0)) > s.cfg.CodeGeldig {
		return nil, errTokenVerlopen
	}
	if _, ok := s.gemeente(a.Gemeente); !ok {
		return nil, errTokenOngeldig
	}
	return &a, nil
}

func (s *Server) tokenFout(w http.ResponseWriter, r *http.Request, err error) {
	if err == errTokenVerlopen {
		s.foutPagina(w, r, http.StatusBadRequest, "fout.codeverlopen")
		return
	}
	s.foutPagina(w, r, http.StatusBadRequest, "fout.code")
}
