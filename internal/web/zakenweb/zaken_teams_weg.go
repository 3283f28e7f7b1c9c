package zakenweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// teamLidWeg takes a colleague out of a team (teamleider, zaken.teams). The choice is "team:gebruiker".
func (s *server) teamLidWeg(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &teamsData{}
	var team, lid int64
	if a, b, ok := strings.Cut(r.PostForm.Get("weg-lid"), ":"); ok {
		team, _ = strconv.ParseInt(a, 10, 64)
		lid, _ = strconv.ParseInt(b, 10, 64)
	}
	err := s.zaken.VerwijderLid(r.Context(), gm, team, lid)
	var fv errs.Fields
	switch {
	case err == nil:
		web.TerugNaar(w, r, basis(gm)+"/teams", "team-lid-weg")
		return
	case errors.As(err, &fv) && len(fv) > 0:
		d.Add(fv[0].Path, fv[0].Reason)
	default:
		s.kit.Error(w, r, err, "")
		return
	}
	s.toonTeams(w, r, http.StatusUnprocessableEntity, d)
}

// ledenOpties are the choices of the removal form: every member of every team.
func ledenOpties(teams []zaken.Team) []web.Optie {
	o := [][2]string{{"", "Kies een teamlid"}}
	for _, t := range teams {
		for _, l := range t.Leden {
			o = append(o, [2]string{strconv.FormatInt(t.ID, 10) + ":" + strconv.FormatInt(l.ID, 10), t.Naam + ": " + l.Naam})
		}
	}
	return opties(o, "")
}
