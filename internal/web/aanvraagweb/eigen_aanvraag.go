package aanvraagweb

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
)

// eigenAanvraagData is one application of the intermediary's own list: what the client sees with the
// code (status, the regelingen with their decision, the documents still missing) and the decision date.
// Another's application answers 404, as one that does not exist.
type eigenAanvraagData struct {
	web.StaffPage
	Basis                       string
	A                           *aanvragen.EigenAanvraag
	Status, Ontvangen, Besloten string
	Regelingen                  []eigenRegeling
	Ontbreekt                   []eigenOntbreekt
}

type eigenRegeling struct{ Naam, Besluit, Bedrag string }

type eigenOntbreekt struct{ Soort, Tot string }

func (s *server) eigenAanvraag(w http.ResponseWriter, r *http.Request) {
	d := &eigenAanvraagData{}
	g, ok := s.kit.GemeentePagina(w, r, &d.StaffPage, "Aanvraag voor een cliënt", nil)
	if !ok {
		return
	}
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze aanvraag staat niet in uw lijst.")
		return
	}
	wie, _, err := s.indiener(r, g.Code)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	a, err := s.svc.EigenAanvraag(r.Context(), g.Code, wie, id)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze aanvraag staat niet in uw lijst.")
		return
	}
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d.Basis, d.A = eigenBasis(g.Code), a
	d.Status, d.Ontvangen, d.Besloten = a.Status.Naam(), a.Ontvangen.In(web.Amsterdam).Format("02-01-2006"), "nog niet besloten"
	if !a.BeslotenOp.IsZero() {
		d.Besloten = datumNL(a.BeslotenOp)
	}
	if a.IsIngetrokken() {
		d.Status = "Ingetrokken door de aanvrager"
	}
	for _, x := range a.Regelingen {
		rg := eigenRegeling{Naam: x.Naam, Besluit: "nog niet besloten"}
		if x.Besluit != "" {
			rg.Besluit = besluitGenomen[aanvragen.BesluitSoort(x.Besluit)]
			if x.BedragCent != nil {
				rg.Bedrag = bedragTekst(x.BedragCent)
				if p := aanvragen.PeriodeNaam(x.Periode); p != "" {
					rg.Bedrag += " " + p
				}
			}
		}
		d.Regelingen = append(d.Regelingen, rg)
	}
	for i, x := range a.Ontbreekt {
		o := eigenOntbreekt{Soort: x.Naam()}
		if i < len(a.HerstelTot) && !a.HerstelTot[i].IsZero() {
			o.Tot = datumNL(a.HerstelTot[i])
		}
		d.Ontbreekt = append(d.Ontbreekt, o)
	}
	geenCache(w)
	s.staf.Render(w, r, http.StatusOK, "av_eigen_aanvraag", d)
}

// besluitGenomen names a decision as taken.
var besluitGenomen = map[aanvragen.BesluitSoort]string{
	aanvragen.Toekennen: "Toegekend", aanvragen.Afwijzen: "Afgewezen", aanvragen.BuitenBehandeling: "Buiten behandeling gesteld",
	aanvragen.Ingetrokken: "Ingetrokken door de aanvrager",
}
