package scanweb

import (
	"fmt"
	"net/http"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/web"
)

// scanVoorstellenData lists the ambtshalve proposals of the gemeente for a consulent: open first,
// then the decided ones. The list shows the household id, the regeling and the amount; the proposal
// page shows the trace.
type scanVoorstellenData struct {
	web.StaffPage
	Menu        scanMenu
	Statussen   []web.Optie
	Status      string
	Voorstellen []voorstelRij
}

type voorstelRij struct {
	URL, ID, Huishouden, Regeling, Peildatum, Bedrag, Status, Besluit string
	// AanvraagURL and Aanvraag link an approved proposal to its application in the aanvragen inbox.
	AanvraagURL, Aanvraag string
}

func (s *server) scanVoorstellen(w http.ResponseWriter, r *http.Request) {
	d := &scanVoorstellenData{}
	gm, ok := s.scanPagina(w, r, &d.StaffPage, "Voorstellen: ambtshalve toekennen")
	if !ok {
		return
	}
	d.Menu = s.scanMenu(r, gm, "voorstellen")
	st := scan.Status(r.URL.Query().Get("status"))
	switch st {
	case scan.Open, scan.Goedgekeurd, scan.Afgewezen:
	default:
		st = scan.Open
	}
	d.Status = string(st)
	for _, o := range []scan.Status{scan.Open, scan.Goedgekeurd, scan.Afgewezen} {
		d.Statussen = append(d.Statussen, web.Optie{Waarde: string(o), Label: string(o), Gekozen: o == st})
	}
	vs, err := s.scan.Voorstellen(r.Context(), scan.VoorstelFilter{Gemeente: gm, Status: st, Limiet: 200})
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if err := s.kit.Audit().Schrijf(r.Context(), audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "scan.beoordelen", Operatie: "ambtshalve_voorstel.lijst",
		Actie: audit.Lezen, Aantal: len(vs)}); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	for _, v := range vs {
		rij := voorstelRij{URL: fmt.Sprintf("/beheer/%s/scan/voorstellen/%d", gm, v.ID), ID: fmt.Sprint(v.ID), Huishouden: v.HuishoudenID,
			Regeling: v.Uitleg.Naam, Peildatum: v.Peildatum, Bedrag: "onbekend", Status: string(v.Status)}
		if v.Bedrag != nil {
			rij.Bedrag = scanBedrag(*v.Bedrag)
		}
		if v.Status != scan.Open {
			rij.Besluit = v.BesluitDoor + ": " + v.BesluitReden
		}
		d.Voorstellen = append(d.Voorstellen, rij)
	}
	if s.aanvragen != nil && st == scan.Goedgekeurd && len(vs) > 0 {
		ids := make([]int64, len(vs))
		for i, v := range vs {
			ids[i] = v.ID
		}
		av, err := s.aanvragen(r.Context(), gm, ids)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		for i, v := range vs {
			if a, ok := av[v.ID]; ok {
				d.Voorstellen[i].AanvraagURL, d.Voorstellen[i].Aanvraag = a.URL, a.Referentie
			}
		}
	}
	s.pages.Render(w, r, http.StatusOK, "beheer_scan_voorstellen", d)
}
