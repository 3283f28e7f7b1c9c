package partnerweb

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

type lijstData struct {
	web.StaffPage
	Rijen []lijstRij
}

type lijstRij struct {
	partner.Organisatie
	Lid    partner.Lidmaatschap
	Status string
	Ook    []string // other gemeenten it is a member of
	Dubbel bool     // another partner of this gemeente has the same name: perhaps one organisation
}

// partnersLijst lists the gemeente's partners (members now, before or later), by name, with their
// membership period and whether another partner has the same name (a candidate for merging).
func (s *server) partnersLijst(w http.ResponseWriter, r *http.Request) {
	d := &lijstData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Partners")
	if !ok {
		return
	}
	lijst, err := s.partners.VanGemeente(r.Context(), g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	namen := map[string]int{}
	for _, o := range lijst {
		namen[o.Naam]++
	}
	vandaag := s.partners.Vandaag()
	for _, o := range lijst {
		l, _ := o.Lid(g.Code)
		rij := lijstRij{Organisatie: o, Lid: l, Status: l.Status(vandaag), Dubbel: namen[o.Naam] > 1}
		for _, gm := range o.Gemeenten() {
			if gm != g.Code {
				rij.Ook = append(rij.Ook, gm)
			}
		}
		d.Rijen = append(d.Rijen, rij)
	}
	s.pages.Render(w, r, http.StatusOK, "partners", d)
}
