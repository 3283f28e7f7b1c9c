package zakenweb

import (
	"math"
	"net/http"
	"net/url"
	"strconv"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// PerPagina is the page size of the worklist.
const PerPagina = 50

// telTot is how far the worklist counts matching zaken exactly, as the signal worklist does: beyond it
// the page says "meer dan". A var so the tests can lower it.
var telTot = 10_000

type werklijstData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Vandaag  string
	MagBehandelen   bool
	MagInstellen    bool
	Statussen       []web.Optie
	Routes          []web.Optie
	Woonplaatsen    []web.Optie
	Teams           []web.Optie
	Doelgroepen     []web.Optie
	Routestappen    []web.Optie
	Indicatoren     []indRij // this year and all years
	Rijen           []werkRij
	Paging          web.Paging
	BewaarOntbreekt bool
}

type werkRij struct {
	ID                              int64
	URL                             string
	Status, Kanaal, Route           string
	Woonplaats, Regisseur, Huishoud string
	Crisis                          string
	Statushouder                    bool
	Stap                            string // which deadline
	Termijn                         termijnStaat
}

// werklijst shows one page of the gemeente's zaken, nearest deadline first, filtered by status
// (default: open), village and route (?status=, ?woonplaats=, ?route=, ?vanaf=). A wrong filter value
// is named at its field and the list shows without it. The count is exact up to telTot; beyond it the
// page says "meer dan" and pages on without a last page.
func (s *server) werklijst(w http.ResponseWriter, r *http.Request) {
	d := &werklijstData{}
	gm, ok := s.pagina(w, r, &d.StaffPage, "Zaken schuldhulp")
	if !ok {
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	f := zaken.Filter{Limiet: PerPagina}
	switch st := zaken.Status(q.Get("status")); {
	case st == "" || st == zaken.StatusOpen || st == zaken.StatusAlle || st.Geldig():
		f.Status = st
	default:
		d.Add("status", "Kies een status uit de lijst.")
	}
	switch rt := zaken.Route(q.Get("route")); {
	case rt == "" || rt.Geldig():
		f.Route = rt
	default:
		d.Add("route", "Kies een route uit de lijst.")
	}
	plaatsen, err := s.zaken.Woonplaatsen(ctx, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if wp := q.Get("woonplaats"); wp != "" {
		bekend := false
		for _, p := range plaatsen {
			bekend = bekend || p == wp
		}
		if bekend {
			f.Woonplaats = wp
		} else {
			d.Add("woonplaats", "Kies een dorp of woonplaats uit de lijst.")
		}
	}
	teams, err := s.zaken.Teams(ctx, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	tm := [][2]string{{"", "Alle teams"}}
	for _, t := range teams {
		tm = append(tm, [2]string{strconv.FormatInt(t.ID, 10), t.Naam})
	}
	tm = append(tm, [2]string{"geen", "Zonder team"})
	teamKeuze := q.Get("team")
	switch teamKeuze {
	case "":
	case "geen":
		f.Team = zaken.GeenTeam
	default:
		for _, t := range teams {
			if strconv.FormatInt(t.ID, 10) == teamKeuze {
				f.Team = t.ID
			}
		}
		if f.Team == 0 {
			d.Add("team", "Kies een team uit de lijst.")
			teamKeuze = ""
		}
	}
	d.Teams = opties(tm, teamKeuze)
	switch q.Get("doelgroep") {
	case "":
	case "statushouder":
		f.Statushouder = true
	default:
		d.Add("doelgroep", "Kies een doelgroep uit de lijst.")
	}
	switch st := zaken.Stap(q.Get("routestap")); {
	case st == "" || st.Geldig():
		f.Stap = st
	default:
		d.Add("routestap", "Kies een stap uit de lijst.")
	}
	doelgroep := map[bool]string{true: "statushouder"}[f.Statushouder]
	d.Doelgroepen = opties([][2]string{{"", "Alle inwoners"}, {"statushouder", "Statushouders en inburgeraars"}}, doelgroep)
	rs := [][2]string{{"", "Alle zaken"}}
	for _, x := range zaken.AlleStappen() {
		rs = append(rs, [2]string{string(x), x.Naam()})
	}
	if in, err := s.zaken.Instellingen(ctx, gm); err == nil {
		rs = jongerenFilter(rs, in) // zaken_jongeren.go
	}
	d.Routestappen = opties(rs, string(f.Stap))
	vanaf, ok := web.LeesVanaf(q, "vanaf")
	if !ok {
		d.Add("status", "De waarde van vanaf in het adres klopt niet; de lijst begint bij de eerste zaak.")
	}
	f.Vanaf = vanaf
	// Counting every matching zaak is most of the cost of a page on PostgreSQL (docs/zaken.md): count
	// exactly up to telTot (or just past the page asked for), and say "meer dan" beyond.
	// vanaf comes from the address: near the largest int vanaf+PerPagina would wrap around.
	f.TelTot = telTot
	if vanaf > telTot-PerPagina {
		f.TelTot = vanaf + min(PerPagina, math.MaxInt-1-vanaf)
	}
	rijen, totaal, err := s.zaken.Werklijst(ctx, gm, f)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	meerDan := totaal > f.TelTot
	if meerDan {
		totaal = f.TelTot
	}
	vandaag := s.zaken.Vandaag()
	a := web.ActorUit(ctx)
	d.Basis, d.Vandaag = basis(gm), datumNL(vandaag)
	d.MagBehandelen, d.MagInstellen = auth.Mag(a, gm, auth.ZakenBehandelen), auth.Mag(a, gm, auth.GemeenteInstellen)
	st := [][2]string{{"", "Open zaken"}}
	for _, x := range zaken.Statussen() {
		st = append(st, [2]string{string(x), x.Naam()})
	}
	st = append(st, [2]string{string(zaken.StatusAlle), "Alle zaken"})
	d.Statussen = opties(st, string(f.Status))
	rt := [][2]string{{"", "Alle routes"}}
	for _, x := range zaken.Routes() {
		rt = append(rt, [2]string{string(x), x.Naam()})
	}
	d.Routes = opties(rt, string(f.Route))
	wp := [][2]string{{"", "Alle dorpen en woonplaatsen"}}
	for _, p := range plaatsen {
		wp = append(wp, [2]string{p, p})
	}
	d.Woonplaatsen = opties(wp, f.Woonplaats)
	for _, z := range rijen {
		rij := werkRij{ID: z.ID, URL: zaakURL(gm, z.ID), Status: z.Status.Naam(), Kanaal: z.Kanaal.Naam(), Route: z.Route.Naam(),
			Woonplaats: z.Woonplaats, Regisseur: z.RegisseurNaam, Huishoud: z.HuishoudenID, Statushouder: z.Statushouder}
		if z.Crisis {
			rij.Crisis = z.CrisisSoort.Naam()
		}
		switch z.Status {
		case zaken.Aangemeld:
			rij.Stap = "Eerste gesprek"
			rij.Termijn = staat(z.EersteGesprekTermijn.Datum, vandaag, "")
		case zaken.Intake:
			rij.Stap = "Besluit"
			rij.Termijn = staat(z.BesluitTermijn.Datum, vandaag, "")
		default:
			rij.Termijn = staat(z.VolgendeDeadline, vandaag, "")
		}
		d.Rijen = append(d.Rijen, rij)
	}
	link := func(v int) string {
		lq := url.Values{}
		for _, k := range []string{"status", "route", "woonplaats", "team", "doelgroep", "routestap"} {
			if x := map[string]string{"status": string(f.Status), "route": string(f.Route), "woonplaats": f.Woonplaats, "team": teamKeuze,
				"doelgroep": doelgroep, "routestap": string(f.Stap)}[k]; x != "" {
				lq.Set(k, x)
			}
		}
		if v > 0 {
			lq.Set("vanaf", strconv.Itoa(v))
		}
		if len(lq) == 0 {
			return d.Basis
		}
		return d.Basis + "?" + lq.Encode()
	}
	d.Paging = web.NieuwePaging(vanaf, PerPagina, totaal, len(rijen), meerDan, link)
	if in, err := s.zaken.Instellingen(ctx, gm); err == nil {
		for _, e := range zaken.EindStatussen() {
			d.BewaarOntbreekt = d.BewaarOntbreekt || in.Bewaren[e] <= 0
		}
	}
	ind, err := s.zaken.IndicatorenPerJaar(ctx, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	dg := doelgroepReeks(ind)
	for i, in := range ind {
		if in.Jaar == vandaag.Jaar() || in.Jaar == 0 {
			d.Indicatoren = append(d.Indicatoren, indRijVan(in, dg[i]))
		}
	}
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, http.StatusOK, "zaken_werklijst", d)
}

// opties makes select options from value/label pairs, marking gekozen.
func opties(paren [][2]string, gekozen string) []web.Optie {
	out := make([]web.Optie, 0, len(paren))
	for _, p := range paren {
		out = append(out, web.Optie{Waarde: p[0], Label: p[1], Gekozen: p[0] == gekozen})
	}
	return out
}
