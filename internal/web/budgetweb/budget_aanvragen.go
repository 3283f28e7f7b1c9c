package budgetweb

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/web"
)

// PerPagina is the page size of the list of requests.
const PerPagina = 50

type aanvragenData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Lijst                       string
	Zaak                               string
	Budgetten, Statussen, Jaren, Orden []web.Optie
	Rijen                              []aanvraagRij
	NieuwVoorZaak                      []web.Optie // budgets of this year to request from for the zaak (Waarde: URL)
	Paging                             web.Paging
}

type aanvraagRij struct {
	ID                            int64
	URL, ZaakURL                  string
	Budget, Vorm, Bedrag, Status  string
	Ingediend, Door, Omschrijving string
	ZaakID                        int64
	Open                          bool
}

// aanvragen lists the gemeente's requests, newest first, filtered by budget, status, year and zaak and
// sorted (?budget=, ?status=, ?jaar=, ?zaak=, ?sorteer=, ?vanaf=). A wrong value is named at its field.
func (s *server) aanvragen(w http.ResponseWriter, r *http.Request) {
	d := &aanvragenData{}
	gm, ok := s.pagina(w, r, &d.StaffPage, "Aanvragen uit budgetten")
	if !ok {
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	f := budget.AanvraagFilter{Limiet: PerPagina}
	getal := func(veld, fout string) int64 {
		v := q.Get(veld)
		if v == "" {
			return 0
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			d.Add(veld, fout)
			return 0
		}
		return n
	}
	f.BudgetID = getal("budget", "Kies een budget uit de lijst.")
	f.Jaar = int(getal("jaar", "Kies een jaar uit de lijst."))
	f.ZaakID = getal("zaak", "Het zaaknummer in het adres klopt niet.")
	if st := budget.Status(q.Get("status")); st != "" && !st.Geldig() {
		d.Add("status", "Kies een status uit de lijst.")
	} else {
		f.Status = st
	}
	if o := budget.AanvraagSortering(q.Get("sorteer")); !o.Geldig() {
		d.Add("sorteer", "Kies een volgorde uit de lijst.")
	} else {
		f.Sorteer = o
	}
	vanaf, ok := web.LeesVanaf(q, "vanaf")
	if !ok {
		d.Add("status", "De waarde van vanaf in het adres klopt niet; de lijst begint bij de eerste aanvraag.")
	}
	f.Vanaf = vanaf
	rijen, totaal, err := s.budget.Aanvragen(ctx, gm, f)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	alle, err := s.budget.Budgetten(ctx, gm, budget.BudgetFilter{})
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	jaren, err := s.budget.Jaren(ctx, gm)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d.Basis, d.Lijst = basis(gm), aanvragenURL(gm)
	if f.ZaakID > 0 {
		d.Zaak = strconv.FormatInt(f.ZaakID, 10)
	}
	bo := [][2]string{{"", "Alle budgetten"}}
	for _, b := range alle {
		bo = append(bo, [2]string{strconv.FormatInt(b.ID, 10), b.Naam + " (" + strconv.Itoa(b.Jaar) + ")"})
	}
	d.Budgetten = opties(bo, q.Get("budget"))
	so := [][2]string{{"", "Alle statussen"}}
	for _, st := range budget.Statussen() {
		so = append(so, [2]string{string(st), st.Naam()})
	}
	d.Statussen = opties(so, string(f.Status))
	jo := [][2]string{{"", "Alle jaren"}}
	for _, j := range jaren {
		jo = append(jo, [2]string{strconv.Itoa(j), strconv.Itoa(j)})
	}
	d.Jaren = opties(jo, q.Get("jaar"))
	d.Orden = opties([][2]string{{"", "Nieuwste eerst"}, {string(budget.OudsteEerst), "Oudste eerst"}, {string(budget.HoogsteEerst), "Hoogste bedrag eerst"}}, string(f.Sorteer))
	magZaken := auth.Mag(web.ActorUit(ctx), gm, auth.ZakenLezen)
	if f.ZaakID > 0 && auth.Mag(web.ActorUit(ctx), gm, auth.ZakenBehandelen) {
		for _, b := range alle {
			if b.Jaar == s.budget.Vandaag().Jaar() {
				d.NieuwVoorZaak = append(d.NieuwVoorZaak, web.Optie{Waarde: budgetURL(gm, b.ID) + "/aanvraag?zaak=" + d.Zaak, Label: b.Naam})
			}
		}
	}
	for _, a := range rijen {
		rij := aanvraagRij{ID: a.ID, URL: aanvraagURL(gm, a.ID), Budget: a.BudgetNaam + " (" + strconv.Itoa(a.BudgetJaar) + ")", Vorm: a.Vorm.Naam(),
			Bedrag: a.Bedrag.String(), Status: a.Status.Naam(), Ingediend: a.Ingediend.In(zone()).Format("2-1-2006"), Door: a.IngediendDoor.Naam,
			Omschrijving: a.Omschrijving, ZaakID: a.ZaakID, Open: a.Status.Open()}
		if a.ZaakID > 0 && s.zaakURL != nil && magZaken {
			rij.ZaakURL = s.zaakURL(gm, a.ZaakID)
		}
		d.Rijen = append(d.Rijen, rij)
	}
	link := func(v int) string {
		lq := url.Values{}
		for _, k := range []string{"budget", "status", "jaar", "zaak", "sorteer"} {
			if x := q.Get(k); x != "" && d.FoutBij[k] == "" {
				lq.Set(k, x)
			}
		}
		if v > 0 {
			lq.Set("vanaf", strconv.Itoa(v))
		}
		if len(lq) == 0 {
			return d.Lijst
		}
		return d.Lijst + "?" + lq.Encode()
	}
	d.Paging = web.NieuwePaging(vanaf, PerPagina, totaal, len(rijen), false, link)
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, http.StatusOK, "budget_aanvragen", d)
}
