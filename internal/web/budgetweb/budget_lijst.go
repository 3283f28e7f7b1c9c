package budgetweb

import (
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/web"
)

type lijstData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Lijst             string
	MagBeheren, MagAanvragen bool
	MagLezenAanvragen        bool
	Jaren, Soorten, Sorteren []web.Optie
	Rijen                    []budgetRij
	Jaar                     int
	Totaal, Toegekend        string
	OnbekendAantal           int
	VierOgen                 string
	ExportVan, ExportTot     string
}

type budgetRij struct {
	URL, Naam, Soort, Partner string
	Jaar                      int
	Bedrag, Toegekend         string
	Resterend                 string
	Onbekend                  bool
}

// lijst shows the gemeente's budgets of one year (default: this year) with what is committed and what
// remains, filtered by kind and sorted (?jaar=, ?soort=, ?sorteer=). A wrong filter value is named at
// its field and the list shows without it.
func (s *server) lijst(w http.ResponseWriter, r *http.Request) {
	d := &lijstData{}
	gm, ok := s.pagina(w, r, &d.StaffPage, "Budgetten")
	if !ok {
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	vandaag := s.budget.Vandaag()
	f := budget.BudgetFilter{Jaar: vandaag.Jaar()}
	if v := q.Get("jaar"); v == "alle" {
		f.Jaar = 0
	} else if v != "" {
		j, err := strconv.Atoi(v)
		if err != nil || j < budget.MinJaar || j > budget.MaxJaar {
			d.Add("jaar", "Kies een jaar uit de lijst.")
		} else {
			f.Jaar = j
		}
	}
	if k := budget.Soort(q.Get("soort")); k != "" && !k.Geldig() {
		d.Add("soort", "Kies een soort uit de lijst.")
	} else {
		f.Soort = k
	}
	if o := budget.Sortering(q.Get("sorteer")); !o.Geldig() {
		d.Add("sorteer", "Kies een volgorde uit de lijst.")
	} else {
		f.Sorteer = o
	}
	lijst, err := s.budget.Budgetten(ctx, gm, f)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	jaren, err := s.budget.Jaren(ctx, gm)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	namen, _, err := s.partnerNamen(ctx, gm)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	in, err := s.budget.Instellingen(ctx, gm)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	a := web.ActorUit(ctx)
	d.Basis, d.Lijst, d.Jaar = basis(gm), aanvragenURL(gm), f.Jaar
	d.MagBeheren, d.MagAanvragen, d.MagLezenAanvragen = auth.Mag(a, gm, auth.BudgettenBeheren), auth.Mag(a, gm, auth.ZakenBehandelen), auth.Mag(a, gm, auth.ZakenLezen)
	jo := [][2]string{{"alle", "Alle jaren"}}
	heeftDitJaar := false
	for _, j := range jaren {
		heeftDitJaar = heeftDitJaar || j == vandaag.Jaar()
	}
	if !heeftDitJaar {
		jo = append(jo, [2]string{strconv.Itoa(vandaag.Jaar()), strconv.Itoa(vandaag.Jaar())})
	}
	for _, j := range jaren {
		jo = append(jo, [2]string{strconv.Itoa(j), strconv.Itoa(j)})
	}
	gekozen := "alle"
	if f.Jaar != 0 {
		gekozen = strconv.Itoa(f.Jaar)
	}
	d.Jaren = opties(jo, gekozen)
	so := [][2]string{{"", "Alle soorten"}}
	for _, k := range budget.Soorten() {
		so = append(so, [2]string{string(k), k.Naam()})
	}
	d.Soorten = opties(so, string(f.Soort))
	d.Sorteren = opties([][2]string{{"", "Op jaar en naam"}, {string(budget.OpResterend), "Minst resterend eerst"},
		{string(budget.OpToegekend), "Meest toegekend eerst"}}, string(f.Sorteer))
	var totaal, toegekend geld.Bedrag
	for _, b := range lijst {
		rij := budgetRij{URL: budgetURL(gm, b.ID), Naam: b.Naam, Soort: b.Soort.Naam(), Jaar: b.Jaar, Bedrag: euro(b.Bedrag), Toegekend: b.Toegekend.String()}
		if b.PartnerID != "" {
			rij.Partner = namen[b.PartnerID]
			if rij.Partner == "" {
				rij.Partner = "partner " + b.PartnerID
			}
		}
		if rest, ok := b.Resterend(); ok {
			rij.Resterend = rest.String()
			totaal += *b.Bedrag
		} else {
			rij.Resterend, rij.Onbekend = "onbekend", true
			d.OnbekendAantal++
		}
		toegekend += b.Toegekend
		d.Rijen = append(d.Rijen, rij)
	}
	d.Totaal, d.Toegekend = totaal.String(), toegekend.String()
	if in.VierOgenVanaf > 0 {
		d.VierOgen = in.VierOgenVanaf.String()
	}
	d.ExportVan = vandaag.PlusDagen(1 - vandaag.Dag()).String()
	d.ExportTot = vandaag.String()
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, http.StatusOK, "budget_lijst", d)
}
