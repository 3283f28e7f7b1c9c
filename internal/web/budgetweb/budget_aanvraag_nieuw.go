package budgetweb

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/web"
)

type aanvraagNieuwData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Actie string
	Budget       budget.Budget
	Bedrag, Rest string
	Form         map[string]string
	Vormen       []web.Optie
}

var aanvraagVelden = []string{"zaak", "huishouden", "vorm", "omschrijving", "bedrag", "reden"}

// aanvraagNieuw is the form of a request against budget {id}; ?zaak= fills in the zaak.
func (s *server) aanvraagNieuw(w http.ResponseWriter, r *http.Request) {
	form := map[string]string{"vorm": string(budget.Geld)}
	if z, err := strconv.ParseInt(r.URL.Query().Get("zaak"), 10, 64); err == nil && z > 0 {
		form["zaak"] = strconv.FormatInt(z, 10)
	}
	s.toonAanvraagNieuw(w, r, http.StatusOK, &aanvraagNieuwData{}, form)
}

func (s *server) toonAanvraagNieuw(w http.ResponseWriter, r *http.Request, status int, d *aanvraagNieuwData, form map[string]string) {
	id, ok := s.idUit(w, r)
	if !ok {
		return
	}
	b, err := s.budget.Haal(r.Context(), r.PathValue("gemeente"), id)
	if err != nil {
		s.kit.Error(w, r, err, "Dit budget bestaat niet in deze gemeente.")
		return
	}
	gm, ok := s.pagina(w, r, &d.StaffPage, "Aanvraag uit "+b.Naam)
	if !ok {
		return
	}
	d.Basis, d.Actie, d.Budget, d.Form = basis(gm), budgetURL(gm, id)+"/aanvraag", b, form
	d.Bedrag = euro(b.Bedrag)
	if rest, ok := b.Resterend(); ok {
		d.Rest = rest.String()
	} else {
		d.Rest = "onbekend"
	}
	var vo [][2]string
	for _, v := range budget.Vormen() {
		vo = append(vo, [2]string{string(v), v.Naam()})
	}
	d.Vormen = opties(vo, form["vorm"])
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "budget_aanvraag_nieuw", d)
}

func (s *server) aanvraagNieuwPost(w http.ResponseWriter, r *http.Request) {
	id, ok := s.idUit(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &aanvraagNieuwData{}
	form := map[string]string{}
	for _, k := range aanvraagVelden {
		form[k] = strings.TrimSpace(r.PostForm.Get(k))
	}
	n := budget.Nieuw{BudgetID: id, HuishoudenID: form["huishouden"], Vorm: budget.Vorm(form["vorm"]), Omschrijving: form["omschrijving"],
		Reden: form["reden"], Door: medewerker(r)}
	if v := form["zaak"]; v != "" {
		z, err := strconv.ParseInt(v, 10, 64)
		if err != nil || z <= 0 {
			d.Add("zaak", "Vul het nummer van de zaak in (alleen cijfers), of laat het leeg.")
		}
		n.ZaakID = z
	}
	if v := form["bedrag"]; v != "" {
		b, err := geld.Parse(v)
		if err != nil {
			d.Add("bedrag", "Bedrag: "+geld.Reden(err))
		}
		n.Bedrag = b
	}
	if len(d.Fouten) == 0 {
		aid, err := s.budget.DienIn(r.Context(), gm, n)
		if err == nil {
			web.TerugNaar(w, r, aanvraagURL(gm, aid), "aanvraag")
			return
		}
		if !s.veldFouten(w, r, err, &d.FieldErrors, "") {
			return
		}
	}
	s.toonAanvraagNieuw(w, r, http.StatusUnprocessableEntity, d, form)
}
