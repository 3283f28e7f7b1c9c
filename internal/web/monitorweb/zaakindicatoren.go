package monitorweb

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// ZaakIndicatoren gives the indicators of the Wgs per calendar year of a gemeente's debt-help zaken
// (zaken.Service.IndicatorenPerJaar: computed from the stored dates, the last element all years).
// cmd/zeker fills it; monitorweb does not import the zaken part's pages (zakenweb).
type ZaakIndicatoren func(ctx context.Context, gemeente string) ([]zaken.Indicatoren, error)

// zaakIndicator is one row of the table: an indicator with its legal source and definition.
type zaakIndicator struct {
	Naam, Bron, Definitie string
	Waarden               []string // per year, in the order of Jaren
}

type zaakIndicatorenData struct {
	web.StaffPage
	Ingesteld bool
	Jaren     []string
	Rijen     []zaakIndicator
}

// zaakIndicatoren shows the Wgs indicators per year on the monitor, each with its article.
func (s *server) zaakIndicatoren(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &zaakIndicatorenData{Ingesteld: s.zi != nil}
	s.kit.VulStaff(&d.StaffPage, r, "Schuldhulp: indicatoren van de Wgs", &g)
	if s.zi != nil {
		ind, err := s.zi(r.Context(), g.Code)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.Jaren, d.Rijen = zaakIndicatorTabel(ind)
	}
	s.pages.Render(w, r, http.StatusOK, "beheer_zaakindicatoren", d)
}

// zaakIndicatorTabel turns the indicators per year into rows per indicator (years as columns).
func zaakIndicatorTabel(ind []zaken.Indicatoren) ([]string, []zaakIndicator) {
	if len(ind) == 0 {
		return nil, nil
	}
	rijen := []zaakIndicator{
		{Naam: "Weken van eerste gesprek tot resultaat", Bron: "Wgs artikel 4 lid 3",
			Definitie: "Mediaan en gemiddelde van de weken (dagen / 7) tussen het eerste gesprek en het einde van een zaak waarvan de hulp is afgerond (status afgerond), in het jaar van dat einde."},
		{Naam: "Weken van eerste gesprek tot elk einde", Bron: "naast Wgs artikel 4 lid 3",
			Definitie: "Als hierboven, maar over elk einde (ook weigering en beëindiging), zodat niets verborgen blijft."},
		{Naam: "Eerste gesprek binnen de termijn", Bron: "Wgs artikel 4 lid 1 en 2",
			Definitie: "Deel van de eerste gesprekken dat binnen de termijn werd gehouden, in het jaar waarin de termijn viel; een termijn die voorbij is zonder gesprek telt als niet op tijd."},
		{Naam: "Waarvan bedreigende situatie (3 werkdagen)", Bron: "Wgs artikel 4 lid 2",
			Definitie: "Als hierboven, alleen de zaken met een bedreigende situatie."},
		{Naam: "Besluit binnen de termijn", Bron: "Wgs artikel 4a lid 3",
			Definitie: "Deel van de beschikkingen binnen de beslistermijn, in het jaar waarin de termijn viel."},
	}
	var jaren []string
	for _, in := range ind {
		j := strconv.Itoa(in.Jaar)
		if in.Jaar == 0 {
			j = "Alle jaren"
		}
		jaren = append(jaren, j)
		for i, v := range []string{wekenTekst(in.Resultaat), wekenTekst(in.Einde), maatTekst(in.Gesprekken), maatTekst(in.Crisis), maatTekst(in.Besluiten)} {
			rijen[i].Waarden = append(rijen[i].Waarden, v)
		}
	}
	return jaren, rijen
}

func maatTekst(m zaken.Termijnmaat) string {
	p, ok := m.Aandeel()
	if !ok {
		return "nog niets te beoordelen"
	}
	return kommaGetal(p) + "% op tijd (" + strconv.Itoa(m.OpTijd) + " van " + strconv.Itoa(m.Beoordeeld) + "; " +
		strconv.Itoa(m.TeLaat) + " te laat, " + strconv.Itoa(m.NogNiet) + " termijn voorbij zonder gesprek of besluit)"
}

func wekenTekst(w zaken.Weken) string {
	if w.Aantal == 0 {
		return "nog geen zaken"
	}
	return "mediaan " + kommaGetal(w.Mediaan) + " weken, gemiddeld " + kommaGetal(w.Gemiddelde) + " weken (" + strconv.Itoa(w.Aantal) + " zaken)"
}

func kommaGetal(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", ",", 1)
}
