package netwerkweb

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

type aanbodData struct {
	web.StaffPage
	Partner     partner.Organisatie
	Diensten    []dienstRij
	Locaties    []locatieRij
	VerouderdNa int
}

type dienstRij struct {
	netwerk.Dienst
	Hier      bool     // offered in this gemeente (else: only elsewhere; not linked here)
	Verouderd bool     // not checked for the gemeente's period
	Niet      []string // gemeenten of the service where the user may not manage partners (read-only)
}

type locatieRij struct {
	netwerk.Locatie
	Niet []string
}

// aanbod lists what partner id offers on the sociale kaart: its services (those offered in this
// gemeente are linked; a service only elsewhere is named) and its locations.
func (s *server) aanbod(w http.ResponseWriter, r *http.Request) {
	d := &aanbodData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Aanbod op de sociale kaart")
	if !ok {
		return
	}
	o, ok := s.partnerVan(w, r, g.Code, r.PathValue("id"))
	if !ok {
		return
	}
	d.Partner = o
	d.Page.Titel = "Aanbod van " + o.Naam
	ctx := r.Context()
	var err error
	if d.VerouderdNa, err = s.net.VerouderdNaMaanden(ctx, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	ds, err := s.net.DienstenVan(ctx, o.ID)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	vandaag := s.net.Vandaag()
	for _, dn := range ds {
		rij := dienstRij{Dienst: dn, Niet: nietMag(r, dn.Gemeenten), Verouderd: netwerk.Verouderd(dn.GecontroleerdOp, vandaag, d.VerouderdNa)}
		for _, gm := range dn.Gemeenten {
			rij.Hier = rij.Hier || gm == g.Code
		}
		d.Diensten = append(d.Diensten, rij)
	}
	ls, err := s.net.LocatiesVan(ctx, o.ID)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	for _, l := range ls {
		gms, err := s.net.GemeentenVanLocatie(ctx, l.ID)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.Locaties = append(d.Locaties, locatieRij{Locatie: l, Niet: nietMag(r, gms)})
	}
	s.staff.Render(w, r, http.StatusOK, "aanbod", d)
}
