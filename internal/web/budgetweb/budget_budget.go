package budgetweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/web"
)

// budgetData is a budget's page (ID > 0) or the form of a new budget.
type budgetData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Actie             string
	ID                       int64
	Versie                   int
	Budget                   *budget.Budget
	PartnerNaam              string
	Bedrag, Toegekend, Rest  string
	Tekort                   bool
	MagBeheren, MagAanvragen bool
	MagLezenAanvragen        bool
	AanvragenURL             string
	Form                     map[string]string
	Soorten, Partners        []web.Optie
}

var budgetVelden = []string{"jaar", "soort", "naam", "partner", "bedrag", "bron"}

func (s *server) nieuw(w http.ResponseWriter, r *http.Request) {
	form := map[string]string{"jaar": strconv.Itoa(s.budget.Vandaag().Jaar()), "soort": string(budget.Beleid)}
	s.toonBudget(w, r, http.StatusOK, &budgetData{}, nil, form)
}

// toonBudget renders a budget's page (b != nil) or the new-budget form; form holds the form's values.
func (s *server) toonBudget(w http.ResponseWriter, r *http.Request, status int, d *budgetData, b *budget.Budget, form map[string]string) {
	titel := "Nieuw budget"
	if b != nil {
		titel = "Budget " + b.Naam
	}
	gm, ok := s.pagina(w, r, &d.StaffPage, titel)
	if !ok {
		return
	}
	ctx := r.Context()
	namen, ps, err := s.partnerNamen(ctx, gm)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	a := web.ActorUit(ctx)
	d.Basis, d.Actie, d.Budget = basis(gm), basis(gm)+"/nieuw", b
	d.MagBeheren, d.MagAanvragen, d.MagLezenAanvragen = auth.Mag(a, gm, auth.BudgettenBeheren), auth.Mag(a, gm, auth.ZakenBehandelen), auth.Mag(a, gm, auth.ZakenLezen)
	if b != nil {
		d.ID, d.Actie = b.ID, budgetURL(gm, b.ID)
		if d.Versie == 0 {
			d.Versie = b.Versie
		}
		d.Bedrag, d.Toegekend = euro(b.Bedrag), b.Toegekend.String()
		if rest, ok := b.Resterend(); ok {
			d.Rest = rest.String()
		} else {
			d.Rest = "onbekend, want het bedrag is onbekend"
		}
		if b.PartnerID != "" {
			d.PartnerNaam = namen[b.PartnerID]
			if d.PartnerNaam == "" {
				d.PartnerNaam = "partner " + b.PartnerID
			}
		}
		d.AanvragenURL = aanvragenURL(gm) + "?budget=" + strconv.FormatInt(b.ID, 10)
		if form == nil {
			form = map[string]string{"jaar": strconv.Itoa(b.Jaar), "soort": string(b.Soort), "naam": b.Naam, "partner": b.PartnerID, "bron": b.Bron}
			if b.Bedrag != nil {
				form["bedrag"] = strings.TrimPrefix(b.Bedrag.String(), "€ ")
			}
		}
	}
	d.Form = form
	var so [][2]string
	for _, k := range budget.Soorten() {
		so = append(so, [2]string{string(k), k.Naam()})
	}
	d.Soorten = opties(so, form["soort"])
	po := [][2]string{{"", "Geen partner (beleidslijn van de gemeente)"}}
	for _, p := range ps {
		po = append(po, [2]string{p.ID, p.Naam})
	}
	d.Partners = opties(po, form["partner"])
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "budget_budget", d)
}

// leesBudget reads the budget form; errors at their fields in d.
func leesBudget(r *http.Request, d *budgetData) (budget.Budget, map[string]string) {
	form := map[string]string{}
	for _, k := range append(budgetVelden, "versie") {
		form[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	b := budget.Budget{Soort: budget.Soort(form["soort"]), Naam: form["naam"], PartnerID: form["partner"], Bron: form["bron"]}
	b.Versie, _ = strconv.Atoi(form["versie"])
	if j, err := strconv.Atoi(form["jaar"]); err == nil {
		b.Jaar = j
	}
	if v := form["bedrag"]; v != "" {
		bd, err := geld.Parse(v)
		if err != nil {
			d.Add("bedrag", "Bedrag: "+geld.Reden(err)+" Laat het leeg als geen bron het bedrag geeft.")
		} else {
			b.Bedrag = &bd
		}
	}
	return b, form
}

func (s *server) nieuwPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &budgetData{}
	b, form := leesBudget(r, d)
	if len(d.Fouten) == 0 {
		id, err := s.budget.Maak(r.Context(), gm, b)
		if err == nil {
			web.TerugNaar(w, r, budgetURL(gm, id), "budget")
			return
		}
		if !s.veldFouten(w, r, err, &d.FieldErrors, "partner") {
			return
		}
	}
	s.toonBudget(w, r, http.StatusUnprocessableEntity, d, nil, form)
}

// veldFouten puts a domain error at its fields; false when the request has been answered (another
// error). A foreign-key error is a partner that does not exist (any more): named at field fk.
func (s *server) veldFouten(w http.ResponseWriter, r *http.Request, err error, d *web.FieldErrors, fk string) bool {
	var fs errs.Fields
	switch {
	case errors.As(err, &fs):
		d.AddFields(fs)
	case errors.Is(err, errs.Constraint) && fk != "":
		d.Add(fk, "Deze partner bestaat niet (meer). Kies een partner uit de lijst.")
	default:
		s.kit.Error(w, r, err, "")
		return false
	}
	return true
}

func (s *server) budgetPagina(w http.ResponseWriter, r *http.Request) {
	id, ok := s.idUit(w, r)
	if !ok {
		return
	}
	b, err := s.budget.Haal(r.Context(), r.PathValue("gemeente"), id)
	if err != nil {
		s.kit.Error(w, r, err, "Dit budget bestaat niet in deze gemeente.")
		return
	}
	s.toonBudget(w, r, http.StatusOK, &budgetData{}, &b, nil)
}

func (s *server) wijzigPost(w http.ResponseWriter, r *http.Request) {
	id, ok := s.idUit(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	oud, err := s.budget.Haal(r.Context(), gm, id)
	if err != nil {
		s.kit.Error(w, r, err, "Dit budget bestaat niet in deze gemeente.")
		return
	}
	d := &budgetData{}
	b, form := leesBudget(r, d)
	b.ID = id
	status := http.StatusUnprocessableEntity
	if len(d.Fouten) == 0 {
		err := s.budget.Wijzig(r.Context(), gm, b)
		switch {
		case err == nil:
			web.TerugNaar(w, r, budgetURL(gm, id), "budget")
			return
		case errors.Is(err, budget.ErrVerouderd):
			d.Add("budget-kop", "Iemand anders heeft dit budget intussen gewijzigd. Hieronder staat het nieuwste; doe uw wijziging zo nodig opnieuw.")
			s.toonBudget(w, r, http.StatusConflict, d, &oud, nil)
			return
		default:
			if !s.veldFouten(w, r, err, &d.FieldErrors, "partner") {
				return
			}
		}
	}
	d.Versie = b.Versie
	s.toonBudget(w, r, status, d, &oud, form)
}
