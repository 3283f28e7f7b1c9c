package budgetweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/web"
)

type instellingenData struct {
	web.StaffPage
	web.FieldErrors
	Basis          string
	Versie         int
	VierOgen, Bron string
}

func (s *server) instellingen(w http.ResponseWriter, r *http.Request) {
	in, err := s.budget.Instellingen(r.Context(), r.PathValue("gemeente"))
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d := &instellingenData{Versie: in.Versie, Bron: in.Bron}
	if in.VierOgenVanaf > 0 {
		d.VierOgen = strings.TrimPrefix(in.VierOgenVanaf.String(), "€ ")
	}
	s.toonInstellingen(w, r, http.StatusOK, d)
}

func (s *server) toonInstellingen(w http.ResponseWriter, r *http.Request, status int, d *instellingenData) {
	gm, ok := s.pagina(w, r, &d.StaffPage, "Instellingen budgetten")
	if !ok {
		return
	}
	d.Basis = basis(gm)
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "budget_instellingen", d)
}

func (s *server) instellingenPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &instellingenData{VierOgen: strings.TrimSpace(r.PostForm.Get("vierogen")), Bron: strings.TrimSpace(r.PostForm.Get("bron"))}
	d.Versie, _ = strconv.Atoi(r.PostForm.Get("versie"))
	in := budget.Instellingen{Bron: d.Bron, Versie: d.Versie}
	if d.VierOgen != "" {
		b, err := geld.Parse(d.VierOgen)
		if err != nil {
			d.Add("vierogen", "Bedrag: "+geld.Reden(err))
		}
		in.VierOgenVanaf = b
	}
	if len(d.Fouten) == 0 {
		err := s.budget.ZetInstellingen(r.Context(), gm, in)
		switch {
		case err == nil:
			web.TerugNaar(w, r, basis(gm)+"/instellingen", "instellingen")
			return
		case errors.Is(err, budget.ErrVerouderd):
			nieuw, lerr := s.budget.Instellingen(r.Context(), gm)
			if lerr != nil {
				s.kit.Error(w, r, lerr, "")
				return
			}
			d = &instellingenData{Versie: nieuw.Versie, Bron: nieuw.Bron}
			if nieuw.VierOgenVanaf > 0 {
				d.VierOgen = strings.TrimPrefix(nieuw.VierOgenVanaf.String(), "€ ")
			}
			d.Add("vierogen", "Iemand anders heeft de instellingen intussen gewijzigd. Hieronder staan de nieuwste; doe uw wijziging zo nodig opnieuw.")
			s.toonInstellingen(w, r, http.StatusConflict, d)
			return
		default:
			if !s.veldFouten(w, r, err, &d.FieldErrors, "") {
				return
			}
		}
	}
	s.toonInstellingen(w, r, http.StatusUnprocessableEntity, d)
}
