package zakenweb

import (
	"errors"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The teams of debt help and how their deadlines stand: per team the open zaken, how many are red (the
// deadline is in its last BijnaWerkdagen working days) and how many are past it, each linked to the
// worklist of that team. The teamleider makes teams and adds colleagues (zaken.teams).

type teamsData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Vandaag string
	MagTeams       bool
	Rijen          []teamRij
	TeamOpties     []web.Optie
	Collegas       []web.Optie
	Naam           string
	Leden          []web.Optie // removal form (zaken_teams_weg.go)
}

type teamRij struct {
	Naam, Leden, URL     string
	Open, Rood, Verlopen int
	Eerste               string
}

// roodTot is the last day whose deadline is shown red today (the same rule as staat).
func roodTot(vandaag datum.Datum) datum.Datum {
	d := vandaag
	for termijn.WerkdagenTussen(vandaag, d.PlusDagen(1)) < BijnaWerkdagen {
		d = d.PlusDagen(1)
	}
	return d
}

func (s *server) teams(w http.ResponseWriter, r *http.Request) {
	s.toonTeams(w, r, http.StatusOK, &teamsData{})
}

func (s *server) toonTeams(w http.ResponseWriter, r *http.Request, status int, d *teamsData) {
	gm, ok := s.pagina(w, r, &d.StaffPage, "Teams en termijnen")
	if !ok {
		return
	}
	ctx := r.Context()
	vandaag := s.zaken.Vandaag()
	d.Basis, d.Vandaag = basis(gm), datumNL(vandaag)
	d.MagTeams = auth.Mag(web.ActorUit(ctx), gm, auth.ZakenTeams)
	teams, err := s.zaken.Teams(ctx, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	standen, err := s.zaken.TeamStanden(ctx, gm, roodTot(vandaag))
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	per := map[int64]zaken.TeamStand{}
	for _, st := range standen {
		per[st.TeamID] = st
	}
	rij := func(naam, leden, url string, st zaken.TeamStand) teamRij {
		return teamRij{Naam: naam, Leden: leden, URL: url, Open: st.Open, Rood: st.Rood, Verlopen: st.Verlopen, Eerste: datumNL(st.Eerste)}
	}
	to := [][2]string{{"", "Kies een team"}}
	for _, t := range teams {
		var namen []string
		for _, l := range t.Leden {
			namen = append(namen, l.Naam)
		}
		leden := strings.Join(namen, ", ")
		if leden == "" {
			leden = "Nog niemand"
		}
		d.Rijen = append(d.Rijen, rij(t.Naam, leden, d.Basis+"?team="+strconv.FormatInt(t.ID, 10), per[t.ID]))
		to = append(to, [2]string{strconv.FormatInt(t.ID, 10), t.Naam})
	}
	d.Rijen = append(d.Rijen, rij("Zonder team", "—", d.Basis+"?team=geen", per[0]))
	d.TeamOpties = opties(to, "")
	if d.MagTeams {
		c := [][2]string{{"", "Kies een collega"}}
		if gs, err := s.kit.Auth().Gebruikers(ctx, gm); err == nil {
			for _, g := range gs {
				if g.Actief && auth.Mag(g.Actor(), gm, auth.ZakenLezen) {
					c = append(c, [2]string{strconv.FormatInt(g.ID, 10), naamVan(g)})
				}
			}
		}
		d.Collegas = opties(c, "")
		d.Leden = ledenOpties(teams)
	}
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "zaken_teams", d)
}

func naamVan(g auth.Gebruiker) string {
	if g.Naam != "" {
		return g.Naam
	}
	return g.Email
}

// teamsPost makes a team (naam) or adds a colleague to one (team, lid).
func (s *server) teamsPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	f := r.PostForm
	d := &teamsData{}
	var err error
	klaar := "team-nieuw"
	if f.Has("team-naam") {
		d.Naam = f.Get("team-naam")
		_, err = s.zaken.MaakTeam(r.Context(), gm, d.Naam)
	} else {
		klaar = "team-lid"
		team, terr := strconv.ParseInt(f.Get("team"), 10, 64)
		uid, uerr := strconv.ParseInt(f.Get("lid"), 10, 64)
		switch {
		case terr != nil || team <= 0:
			d.Add("team", "Kies een team.")
		case uerr != nil || uid <= 0:
			d.Add("lid", "Kies een collega.")
		default:
			g, gerr := s.kit.Auth().Gebruiker(r.Context(), uid)
			if gerr != nil || !g.Actief || !auth.Mag(g.Actor(), gm, auth.ZakenLezen) {
				d.Add("lid", "Kies een collega die in deze gemeente met zaken werkt.")
			} else {
				err = s.zaken.VoegLidToe(r.Context(), gm, team, zaken.Medewerker{ID: g.ID, Naam: naamVan(g)})
			}
		}
	}
	var fv errs.Fields
	switch {
	case errors.As(err, &fv) && len(fv) > 0:
		d.Add(fv[0].Path, fv[0].Reason)
	case err != nil:
		s.kit.Error(w, r, err, "")
		return
	case len(d.Fouten) == 0:
		web.TerugNaar(w, r, basis(gm)+"/teams", klaar)
		return
	}
	s.toonTeams(w, r, http.StatusUnprocessableEntity, d)
}

// zaakTeam gives a zaak to a team (or none).
func (s *server) zaakTeam(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "team", func(gm string, id int64, f formulier) error {
		t := f.tekst("team")
		var team int64
		if t != "" {
			v, err := strconv.ParseInt(t, 10, 64)
			if err != nil || v <= 0 {
				f.d.Add("team", "Kies een team van deze gemeente.")
				return nil
			}
			team = v
		}
		return s.zaken.ZetTeam(r.Context(), gm, id, f.versie("versie"), team, medewerker(r))
	})
}
