package zakenweb

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// BijzonderRollen names the roles that hold auth.ZakenBijzonder, for the line on the zaak page of those
// who do not (internal/auth/rollen.go is the source; TestZaakBijzonder checks the two agree).
const BijzonderRollen = "schuldhulpverleners en consulenten"

// bijzonderData is the page of a zaak's special data (health, Wgs art. 8a).
type bijzonderData struct {
	web.StaffPage
	web.FieldErrors
	ID             int64
	URL, ZaakURL   string
	Versie         int
	Kenmerken      []zaken.Kenmerk
	Toelichting    string
	Vastgelegd     bool
	Door, Wanneer  string
	MaxToelichting int
}

// bijzonder shows the special data of a zaak and the form to change them. Only for auth.ZakenBijzonder
// (the route's permission); every view is an audit row of its own in internal/zaken.
func (s *server) bijzonder(w http.ResponseWriter, r *http.Request) {
	s.toonBijzonder(w, r, http.StatusOK, nil)
}

func (s *server) toonBijzonder(w http.ResponseWriter, r *http.Request, status int, pre *bijzonderData) {
	d := pre
	if d == nil {
		d = &bijzonderData{}
	}
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	gm, ok := s.pagina(w, r, &d.StaffPage, "Bijzondere gegevens zaak "+strconv.FormatInt(id, 10))
	if !ok {
		return
	}
	b, err := s.zaken.BijzondereGegevens(r.Context(), gm, id)
	if errors.Is(err, zaken.ErrNietGevonden) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.ID, d.ZaakURL, d.MaxToelichting = id, zaakURL(gm, id), zaken.MaxBijzonderToelichting
	d.URL = d.ZaakURL + "/bijzonder"
	if status != http.StatusUnprocessableEntity || d.Versie < 0 || d.Versie > b.Versie {
		// A form refused at a field (422) keeps the version it was loaded with (pre.Versie), not the
		// newest: if someone else changed the data meanwhile, the corrected form is then refused (409)
		// instead of overwriting their change unseen.
		d.Versie = b.Versie
	}
	d.Vastgelegd, d.Door = b.Versie > 0, b.Door
	if d.Vastgelegd {
		d.Wanneer = web.Tijd(b.Gewijzigd)
	}
	if d.Kenmerken == nil { // after an error the form keeps what was filled in
		d.Kenmerken, d.Toelichting = b.Gezondheid.Kenmerken(), b.Gezondheid.Toelichting
	}
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "zaken_bijzonder", d)
}

// bijzonderPost changes the special data; a stale form is refused (409) with the newest state.
func (s *server) bijzonderPost(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	g, versie := leesGezondheid(r)
	err := s.zaken.ZetBijzondereGegevens(r.Context(), gm, id, versie, g, medewerker(r))
	var fv errs.Fields
	switch {
	case err == nil:
		web.TerugNaar(w, r, zaakURL(gm, id)+"/bijzonder", "bijzonder")
	case errors.As(err, &fv) && len(fv) > 0:
		d := &bijzonderData{Kenmerken: g.Kenmerken(), Toelichting: g.Toelichting, Versie: versie}
		d.Add(fv[0].Path, fv[0].Reason)
		s.toonBijzonder(w, r, http.StatusUnprocessableEntity, d)
	case errors.Is(err, zaken.ErrVerouderd):
		d := &bijzonderData{}
		d.Add("bijzonder", "Iemand anders heeft deze gegevens intussen gewijzigd. Hieronder staat de nieuwste stand; bekijk die en doe je wijziging zo nodig opnieuw.")
		s.toonBijzonder(w, r, http.StatusConflict, d)
	case errors.Is(err, zaken.ErrNietGevonden):
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
	default:
		s.kit.Error(w, r, err, "")
	}
}

// leesGezondheid reads the form of the special data; a missing or wrong version reads as -1 (stale).
func leesGezondheid(r *http.Request) (zaken.Gezondheid, int) {
	aan := func(n string) bool { return r.PostForm.Get(n) != "" }
	g := zaken.Gezondheid{Verslaving: aan("verslaving"), Psychisch: aan("psychisch"), Lichamelijk: aan("lichamelijk"),
		LVB: aan("lvb"), Toelichting: r.PostForm.Get("bijzonder-toelichting")}
	v, err := strconv.Atoi(r.PostForm.Get("versie"))
	if err != nil || v < 0 {
		v = -1
	}
	return g, v
}
