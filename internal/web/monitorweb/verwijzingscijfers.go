package monitorweb

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/web"
)

// Verwijzingscijfers gives the counts of a gemeente's referrals in one direction and period (from the
// netwerk part's status history) with the names of the partners by id. cmd/zeker fills it from
// netwerk.Service; monitorweb does not import the netwerk part's web pages, only its domain types.
type Verwijzingscijfers func(ctx context.Context, gemeente string, r netwerk.Richting, p netwerk.Periode) (Verwijzingstelling, error)

// Verwijzingstelling are the counts with the partners' names.
type Verwijzingstelling struct {
	netwerk.VerwijzingCijfers
	PartnerNamen map[string]string
}

type cijferRij struct {
	Naam   string
	Cellen []netwerk.Cel
}

type cijfersData struct {
	web.StaffPage
	web.FieldErrors
	Periode, Richting string // as asked, for the form
	PeriodeNaam       string
	Richtingen        []web.Optie
	Ingesteld         bool
	Kolommen          []netwerk.Kolom
	Totaal            []cijferRij
	PerPartner        []cijferRij
	PerBehoefte       []cijferRij
	Redenen           []string
	CSV               string
	AfrondenOp        int
	MinNoemer         int
}

var richtingNamen = map[netwerk.Richting]string{netwerk.NaarPartner: "Van de gemeente naar een partner", netwerk.NaarGemeente: "Van een partner naar de gemeente"}

// leesCijferVraag reads ?periode= (default this year) and ?richting= (default naar_partner).
func (s *server) leesCijferVraag(r *http.Request, d *cijfersData) (netwerk.Richting, netwerk.Periode) {
	q := r.URL.Query()
	p := netwerk.Periode{Jaar: s.kit.VandaagUTC().Year()}
	d.Periode, d.Richting = q.Get("periode"), q.Get("richting")
	if d.Periode != "" {
		var err error
		if p, err = netwerk.ParsePeriode(d.Periode); err != nil {
			d.Add("periode", "Periode: "+err.Error()+".")
		}
	} else {
		d.Periode = p.String()
	}
	ri := netwerk.NaarPartner
	if d.Richting != "" {
		ri = netwerk.Richting(d.Richting)
		if richtingNamen[ri] == "" {
			d.Add("richting", "Richting: kies van de gemeente naar een partner, of van een partner naar de gemeente.")
		}
	}
	for _, x := range []netwerk.Richting{netwerk.NaarPartner, netwerk.NaarGemeente} {
		d.Richtingen = append(d.Richtingen, web.Optie{Waarde: string(x), Label: richtingNamen[x], Gekozen: x == ri})
	}
	d.PeriodeNaam = p.Naam()
	return ri, p
}

// verwijzingscijfers shows the counts of referrals per partner and per need in a year or quarter,
// every number with its definition and source and with small-number suppression (§4.5).
func (s *server) verwijzingscijfers(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &cijfersData{Ingesteld: s.vc != nil, Kolommen: netwerk.VerwijzingKolommen, AfrondenOp: netwerk.AfrondenOp, MinNoemer: netwerk.MinNoemer}
	s.kit.VulStaff(&d.StaffPage, r, "Verwijzingscijfers", &g)
	ri, p := s.leesCijferVraag(r, d)
	status := http.StatusOK
	if len(d.Fouten) > 0 {
		d.Page.Fout, status = true, http.StatusUnprocessableEntity
	} else if s.vc != nil {
		t, err := s.vc(r.Context(), g.Code, ri, p)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.Totaal = []cijferRij{{Naam: "Alle verwijzingen", Cellen: t.Totaal.Gepubliceerd()}}
		for _, gr := range t.PerPartner {
			d.PerPartner = append(d.PerPartner, cijferRij{Naam: partnerNaam(t.PartnerNamen, gr.Code), Cellen: gr.Gepubliceerd()})
		}
		slices.SortStableFunc(d.PerPartner, func(a, b cijferRij) int { return strings.Compare(a.Naam, b.Naam) })
		for _, gr := range t.PerBehoefte {
			d.PerBehoefte = append(d.PerBehoefte, cijferRij{Naam: netwerk.BehoefteNaam(netwerk.Behoefte(gr.Code)), Cellen: gr.Gepubliceerd()})
		}
		d.Redenen = redenen(d.Totaal, d.PerPartner, d.PerBehoefte)
		d.CSV = "/beheer/" + g.Code + "/verwijzingscijfers.csv?periode=" + p.String() + "&richting=" + string(ri)
	}
	s.pages.Render(w, r, status, "beheer_verwijzingscijfers", d)
}

// partnerNaam is a partner's name, or its id when it is no longer a member (the counts keep it).
func partnerNaam(namen map[string]string, id string) string {
	if n, ok := namen[id]; ok {
		return n
	}
	return "Partner " + id + " (geen lid meer)"
}

// redenen are the distinct reasons of the suppressed cells, in the order they first occur.
func redenen(groepen ...[]cijferRij) []string {
	var uit []string
	for _, rs := range groepen {
		for _, r := range rs {
			for _, c := range r.Cellen {
				if c.Onderdrukt && !slices.Contains(uit, c.Reden) {
					uit = append(uit, c.Reden)
				}
			}
		}
	}
	return uit
}

// verwijzingscijfersCSV exports the same published (suppressed) numbers, one row per group, with the
// reasons of the suppressed cells in the last column.
func (s *server) verwijzingscijfersCSV(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &cijfersData{}
	ri, p := s.leesCijferVraag(r, d)
	if len(d.Fouten) > 0 {
		s.kit.StaffError(w, r, http.StatusUnprocessableEntity, d.Fouten[0].Bericht)
		return
	}
	if s.vc == nil {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze server houdt geen verwijzingen bij.")
		return
	}
	t, err := s.vc(r.Context(), g.Code, ri, p)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	c := web.NieuweCSV(w, "verwijzingscijfers-"+g.Code+"-"+p.String()+".csv")
	kop := []string{"periode", "richting", "groep", "code", "naam"}
	for _, k := range netwerk.VerwijzingKolommen {
		kop = append(kop, k.Code)
	}
	c.Rij(append(kop, "niet_getoond_omdat")...)
	rij := func(groep, code, naam string, cellen []netwerk.Cel) {
		uit := []string{p.String(), string(ri), groep, web.CSVVeilig(code), web.CSVVeilig(naam)}
		var waarom []string
		for _, cel := range cellen {
			uit = append(uit, cel.Tekst)
			if cel.Onderdrukt && !slices.Contains(waarom, cel.Reden) {
				waarom = append(waarom, cel.Reden)
			}
		}
		c.Rij(append(uit, strings.Join(waarom, "; "))...)
	}
	rij("totaal", "", "Alle verwijzingen", t.Totaal.Gepubliceerd())
	for _, gr := range t.PerPartner {
		rij("partner", gr.Code, partnerNaam(t.PartnerNamen, gr.Code), gr.Gepubliceerd())
	}
	for _, gr := range t.PerBehoefte {
		rij("behoefte", gr.Code, netwerk.BehoefteNaam(netwerk.Behoefte(gr.Code)), gr.Gepubliceerd())
	}
	if err := c.Klaar(); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "monitor: verwijzingscijfers csv", "fout", err)
	}
}
