package partnerweb

import (
	"errors"
	"net/http"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

// partnerSamenvoegen merges another partner of this gemeente (weg) into this one: its keys, signals and
// memberships move here and it disappears from the lists (partner.Service.VoegSamen, one audit row per
// gemeente). Both partners are changed in every gemeente they work for, so the user needs the right in
// each of them. A reference both delivered in one gemeente stops the merge, with the reason.
func (s *server) partnerSamenvoegen(w http.ResponseWriter, r *http.Request) {
	d := &paginaData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Partner")
	if !ok {
		return
	}
	o, ok := s.partnerVan(w, r, g.Code)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	if err := s.vul(r, d, o, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Page.Titel = o.Naam
	d.Naam, d.KvK, d.Contact = o.Naam, o.KvK, o.Contact
	d.Van, d.Tot = partner.DagTekst(d.Lid.Van), partner.DagTekst(d.Lid.Tot)
	d.Weg = r.PostForm.Get("weg")
	var weg partner.Organisatie
	for _, a := range d.Anderen {
		if a.ID == d.Weg {
			weg = a
		}
	}
	switch {
	case weg.ID == "":
		d.Add("weg", "Kies de partner die in deze partner opgaat.")
	case r.PostForm.Get("bevestig") != "ja":
		d.Add("bevestig", "Vink aan dat je de partners wilt samenvoegen. Dit kan niet ongedaan worden gemaakt.")
	}
	if len(d.Fouten) == 0 {
		if niet := andereGemeenten(web.ActorUit(r.Context()), o, weg); len(niet) > 0 {
			s.kit.StaffError(w, r, http.StatusForbidden, "Een van de partners werkt ook voor "+strings.Join(niet, ", ")+
				". Samenvoegen verandert hem daar ook; alleen een systeembeheerder of een beheerder van al die gemeenten kan dat.")
			return
		}
		_, err := s.partners.VoegSamen(r.Context(), o.ID, weg.ID)
		if err == nil {
			web.TerugNaar(w, r, "/beheer/"+g.Code+"/partners/"+o.ID, "samengevoegd")
			return
		}
		var wg partner.Weigering
		switch {
		case errors.As(err, &wg):
			d.Add("weg", "Samenvoegen kan niet. "+string(wg))
		case errors.Is(err, errs.Conflict):
			d.Add("weg", "Een van de partners is intussen al samengevoegd. Laad de pagina opnieuw.")
		default:
			s.kit.InternalError(w, r, err)
			return
		}
	}
	s.toon(w, r, d, http.StatusUnprocessableEntity)
}
