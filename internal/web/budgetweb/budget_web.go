// Package budgetweb is the pages of budgets: the budgets of a gemeente per year with what is committed
// and what remains (budget_lijst.go), a new budget and a budget's page with its change form
// (budget_budget.go), a request against a budget (budget_aanvraag_nieuw.go), the list of requests
// (budget_aanvragen.go), a request with its decision and four-eyes (budget_aanvraag.go), the letter of
// its final decision (budget_brief.go), the export of
// decisions for the financial administration (budget_export.go) and the settings (budget_instellingen.go).
// The rules and the storage are internal/budget; every route is a row of the part (routes below), so
// the kit's guard checked the session and the permission in the gemeente of the URL before a handler
// runs, and the audit actor is on the context: internal/budget logs every read and change of a request.
package budgetweb

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/web"
)

//go:embed templates/*.html
var templateFS embed.FS

// Deps are the services of the budget pages.
type Deps struct {
	Budget *budget.Service
	// Partners gives the names of partners (budgets store only their ids) and the choice of a partner.
	Partners *partner.Service
	// ZaakURL links a request to its zaak's page (the composition root knows the zaken part); nil: no link.
	ZaakURL func(gm string, id int64) string
}

type server struct {
	kit      *web.Kit
	budget   *budget.Service
	partners *partner.Service
	zaakURL  func(gm string, id int64) string
	pages    *web.Pages
}

// New parses the pages and returns the part; a template error fails it, so a broken page never ships.
func New(kit *web.Kit, deps Deps) (web.Part, error) {
	if deps.Budget == nil || deps.Partners == nil {
		return web.Part{}, errors.New("budgetweb: geen budgetten of geen partners")
	}
	s := &server{kit: kit, budget: deps.Budget, partners: deps.Partners, zaakURL: deps.ZaakURL}
	var err error
	s.pages, err = kit.Pages(web.Templates{FS: templateFS, Staff: true, Gedeeld: []string{"budget_gedeeld"}, Funcs: template.FuncMap{"euro": euro}})
	if err != nil {
		return web.Part{}, err
	}
	return web.Part{Name: "budget", Routes: s.routes(), Menu: menu}, nil
}

// activiteit is the processing activity of the request routes in the audit log.
const activiteit = budget.Activiteit

func (s *server) routes() []web.Route {
	r := func(p string, perm auth.Permissie, h http.HandlerFunc) web.Route {
		rt := web.Route{Pattern: p, Access: web.InGemeente, Permissie: perm, Handler: h}
		if perm == auth.ZakenLezen || perm == auth.ZakenBehandelen {
			rt.Activiteit = activiteit
		}
		return rt
	}
	return []web.Route{
		r("GET /beheer/{gemeente}/budgetten", auth.BudgettenLezen, s.lijst),
		r("GET /beheer/{gemeente}/budgetten/nieuw", auth.BudgettenBeheren, s.nieuw),
		r("POST /beheer/{gemeente}/budgetten/nieuw", auth.BudgettenBeheren, s.nieuwPost),
		r("GET /beheer/{gemeente}/budgetten/{id}", auth.BudgettenLezen, s.budgetPagina),
		r("POST /beheer/{gemeente}/budgetten/{id}", auth.BudgettenBeheren, s.wijzigPost),
		r("GET /beheer/{gemeente}/budgetten/{id}/aanvraag", auth.ZakenBehandelen, s.aanvraagNieuw),
		r("POST /beheer/{gemeente}/budgetten/{id}/aanvraag", auth.ZakenBehandelen, s.aanvraagNieuwPost),
		r("GET /beheer/{gemeente}/budgetaanvragen", auth.ZakenLezen, s.aanvragen),
		r("GET /beheer/{gemeente}/budgetaanvragen/{id}", auth.ZakenLezen, s.aanvraag),
		r("POST /beheer/{gemeente}/budgetaanvragen/{id}/besluit", auth.ZakenBehandelen, s.besluitPost),
		r("GET /beheer/{gemeente}/budgetaanvragen/{id}/brief", auth.ZakenLezen, s.brief),
		r("GET /beheer/{gemeente}/budgetten/export", auth.BudgettenBeheren, s.export),
		r("GET /beheer/{gemeente}/budgetten/instellingen", auth.BudgettenBeheren, s.instellingen),
		r("POST /beheer/{gemeente}/budgetten/instellingen", auth.BudgettenBeheren, s.instellingenPost),
	}
}

var menu = []web.MenuItem{
	{Titel: "Budgetten", Uitleg: "Budgetten per jaar: bedrag en bron, toegekend en wat resteert.", Pad: "/budgetten", Permissie: auth.BudgettenLezen, Volgorde: 47},
	{Titel: "Aanvragen uit budgetten", Uitleg: "Aanvragen tegen een budget en hun besluit.", Pad: "/budgetaanvragen", Permissie: auth.ZakenLezen, Volgorde: 48},
}

// pagina fills the layout of a budget page; false when the request has been answered.
func (s *server) pagina(w http.ResponseWriter, r *http.Request, p *web.StaffPage, titel string) (string, bool) {
	g, ok := s.kit.GemeentePagina(w, r, p, titel, meldingen)
	return g.Code, ok
}

// meldingen are the confirmations after a change (?klaar=…), from this fixed list only.
var meldingen = map[string]string{
	"budget":       "Het budget is opgeslagen.",
	"aanvraag":     "De aanvraag is ingediend.",
	"toegekend":    "De aanvraag is toegekend.",
	"tweede":       "Uw akkoord is vastgelegd. Een collega moet de toekenning nog bevestigen (vier ogen).",
	"afgewezen":    "De aanvraag is afgewezen.",
	"instellingen": "De instellingen voor budgetten zijn opgeslagen.",
}

// medewerker is the logged-in user as the domain records them.
func medewerker(r *http.Request) budget.Medewerker {
	m := budget.Medewerker{Naam: web.NaamUit(r.Context())}
	if i := web.LoginUit(r.Context()); i != nil {
		m.ID = i.Gebruiker.ID
	}
	return m
}

func basis(gm string) string { return "/beheer/" + gm + "/budgetten" }

func budgetURL(gm string, id int64) string { return basis(gm) + "/" + strconv.FormatInt(id, 10) }

// aanvragenURL is the list of requests (its own path: /budgetten/{id}/… is a budget).
func aanvragenURL(gm string) string { return "/beheer/" + gm + "/budgetaanvragen" }

func aanvraagURL(gm string, id int64) string {
	return aanvragenURL(gm) + "/" + strconv.FormatInt(id, 10)
}

// AanvraagURL is the page of request id (for links from other parts, such as the zaak page).
func AanvraagURL(gm string, id int64) string { return aanvraagURL(gm, id) }

// AanvragenVanZaakURL lists the budget requests of zaak id (for a link from the zaak's page).
func AanvragenVanZaakURL(gm string, id int64) string {
	return aanvragenURL(gm) + "?zaak=" + strconv.FormatInt(id, 10)
}

// idUit reads the {id} of the path; false (answered 404) when it is not a positive number.
func (s *server) idUit(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.kit.NotFound(w, r)
		return 0, false
	}
	return id, true
}

// euro writes an amount; "onbekend" for an unknown one (never € 0).
func euro(b *geld.Bedrag) string {
	if b == nil {
		return "onbekend"
	}
	return b.String()
}

// partnerNamen maps the ids of the gemeente's partners to their names.
func (s *server) partnerNamen(ctx context.Context, gm string) (map[string]string, []partner.Organisatie, error) {
	ps, err := s.partners.VanGemeente(ctx, gm)
	if err != nil {
		return nil, nil, err
	}
	m := map[string]string{}
	for _, p := range ps {
		m[p.ID] = p.Naam
	}
	return m, ps, nil
}

// opties makes select options from value/label pairs, marking gekozen.
func opties(paren [][2]string, gekozen string) []web.Optie {
	out := make([]web.Optie, 0, len(paren))
	for _, p := range paren {
		out = append(out, web.Optie{Waarde: p[0], Label: p[1], Gekozen: p[0] == gekozen})
	}
	return out
}

var amsterdam = func() *time.Location {
	z, err := termijn.Zone()
	if err != nil {
		return time.UTC
	}
	return z
}()

// zone is Europe/Amsterdam, where the pages show times.
func zone() *time.Location { return amsterdam }
