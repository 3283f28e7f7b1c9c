// Package zakenweb is the pages of debt-help zaken for case workers and beheerders: the worklist of a
// gemeente (zaken_werklijst.go), a new zaak at the desk or by phone and a zaak from a vroegsignaalzaak
// (zaken_nieuw.go), the zaak page with its deadlines, decision, plan, regie and timeline
// (zaken_zaak.go, zaken_wijzig.go), the settings of the gemeente (zaken_instellingen.go), the resident's
// own online request (hulpvraag.go, a public page), the public Wgs figures (cijfers.go), the waiting list, teams, nazorg, debts and the Wgs
// indicators (zaken_wachtlijst.go, zaken_teams.go, zaken_nazorg.go, zaken_schulden.go,
// zaken_indicatoren.go). The rules
// and the storage are internal/zaken; every route is a row of the part (routes below), so the kit's
// guard checked the session and the permission in the gemeente of the URL before a handler runs, and
// the audit actor is on the context: internal/zaken logs every read and change with it.
package zakenweb

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

//go:embed templates/*.html templates/inwoner/*.html
var templateFS embed.FS

// Deps are the services of the zaken pages.
type Deps struct {
	Zaken *zaken.Service
	// Vroegsignaal reads a vroegsignaalzaak of the gemeente to start a zaak from it (the composition root
	// reads it from vroegsignalering; this part does not know that part). Nil: starting from a
	// vroegsignaalzaak answers 404.
	Vroegsignaal func(ctx context.Context, gemeente string, id int64) (zaken.Vroegsignaal, error)
	// Partners lists the gemeente's partners for nazorg and plan actions by a partner, and gives their
	// names (zaken stores only their ids). Nil: no partner can be chosen.
	Partners *partner.Service
	// BudgetAanvragen lists the budget requests of a zaak for its page (zaken_budgetaanvragen.go),
	// filled by the composition root from internal/budget. Nil: the page shows only the link.
	BudgetAanvragen BudgetAanvragen
	// Params are the national values the indication of the beslagvrije voet is computed with
	// (zaken_beslagvrije_voet.go; the catalogus's Params in the composition root). Nil: the page says
	// that no amount can be computed.
	Params *nl.Parameters
}

type server struct {
	kit          *web.Kit
	zaken        *zaken.Service
	vroegsignaal func(ctx context.Context, gemeente string, id int64) (zaken.Vroegsignaal, error)
	pages        *web.Pages
	inwoner      *web.Pages // the resident's online request
	partners     *partner.Service
	// budget requests of a zaak (zaken_budgetaanvragen.go)
	budgetAanvragen BudgetAanvragen
	// the national values of the beslagvrije voet (zaken_beslagvrije_voet.go)
	params *nl.Parameters
	// rate limits of the public form (hulpvraag.go)
	pogingen, perAdres, perGemeente *begrenzer
	// the published Wgs figures of the public page (cijfers.go)
	pub publiekCache
}

// New parses the pages and returns the part; a template error fails it, so a broken page never ships.
func New(kit *web.Kit, deps Deps) (web.Part, error) {
	if deps.Zaken == nil {
		return web.Part{}, errors.New("zakenweb: geen zaken")
	}
	s := &server{kit: kit, zaken: deps.Zaken, vroegsignaal: deps.Vroegsignaal, partners: deps.Partners, budgetAanvragen: deps.BudgetAanvragen, params: deps.Params,
		pogingen:    nieuweBegrenzer(hulpvraagPogingen, hulpvraagVenster),
		perAdres:    nieuweBegrenzer(hulpvraagPerAdres, hulpvraagVenster),
		perGemeente: nieuweBegrenzer(hulpvraagPerGemeente, hulpvraagVenster)}
	var err error
	s.pages, err = kit.Pages(web.Templates{FS: templateFS, Staff: true, Gedeeld: []string{"zaken_gedeeld", "zaken_wijzig", "zaken_budgetaanvragen"}, Funcs: funcs})
	if err != nil {
		return web.Part{}, err
	}
	s.inwoner, err = kit.Pages(web.Templates{FS: templateFS, Dir: "templates/inwoner"})
	if err != nil {
		return web.Part{}, err
	}
	return web.Part{Name: "zaken", Routes: s.routes(), Menu: menu,
		Taken: map[string]string{zaken.JobBewaartermijn: "Bewaartermijn en termijnen zaken"}}, nil
}

// Activiteit is the processing activity of the zaken routes in the audit log.
const activiteit = "zaken.behandelen"

func (s *server) routes() []web.Route {
	lees := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.InGemeente, Permissie: auth.ZakenLezen, Activiteit: activiteit, Handler: h}
	}
	doe := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.InGemeente, Permissie: auth.ZakenBehandelen, Activiteit: activiteit, Handler: h}
	}
	plan := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.InGemeente, Permissie: auth.ZakenPlan, Activiteit: activiteit, Handler: h}
	}
	team := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.InGemeente, Permissie: auth.ZakenTeams, Activiteit: activiteit, Handler: h}
	}
	bijzonder := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.InGemeente, Permissie: auth.ZakenBijzonder, Activiteit: activiteit, Handler: h}
	}
	return []web.Route{
		{Pattern: "GET /hulpvraag/{gemeente}", Access: web.Open, Handler: s.hulpvraag},
		{Pattern: "POST /hulpvraag/{gemeente}", Access: web.Open, Handler: s.hulpvraagPost},
		{Pattern: "GET /schuldhulp/{gemeente}/cijfers", Access: web.Open, Handler: s.cijfers},
		{Pattern: "GET /schuldhulp/{gemeente}/cijfers.csv", Access: web.Open, Handler: s.cijfersCSV},
		lees("GET /beheer/{gemeente}/zaken", s.werklijst),
		lees("GET /beheer/{gemeente}/zaken/wachtlijst", s.wachtlijst),
		lees("GET /beheer/{gemeente}/zaken/indicatoren.csv", s.indicatorenCSV),
		lees("GET /beheer/{gemeente}/zaken/teams", s.teams),
		team("POST /beheer/{gemeente}/zaken/teams", s.teamsPost),
		team("POST /beheer/{gemeente}/zaken/{id}/team", s.zaakTeam),
		doe("GET /beheer/{gemeente}/zaken/nieuw", s.nieuw),
		doe("POST /beheer/{gemeente}/zaken/nieuw", s.nieuwPost),
		doe("POST /beheer/{gemeente}/zaken/nieuw/vroegsignaal/{id}", s.vanVroegsignaal),
		lees("GET /beheer/{gemeente}/zaken/{id}", s.zaak),
		lees("GET /beheer/{gemeente}/zaken/{id}/brief/{brief}", s.brief),
		doe("POST /beheer/{gemeente}/zaken/{id}/eerste-gesprek", s.eersteGesprek),
		doe("POST /beheer/{gemeente}/zaken/{id}/besluit", s.besluit),
		doe("POST /beheer/{gemeente}/zaken/{id}/beeindigen", s.beeindigen),
		doe("POST /beheer/{gemeente}/zaken/{id}/afronden", s.afronden),
		doe("POST /beheer/{gemeente}/zaken/{id}/stap", s.stap),
		doe("POST /beheer/{gemeente}/zaken/{id}/statushouder", s.statushouder),
		plan("POST /beheer/{gemeente}/zaken/{id}/regie", s.regie),
		plan("POST /beheer/{gemeente}/zaken/{id}/doel", s.doel),
		plan("POST /beheer/{gemeente}/zaken/{id}/actie", s.actie),
		plan("POST /beheer/{gemeente}/zaken/{id}/actie-gedaan", s.actieGedaan),
		plan("POST /beheer/{gemeente}/zaken/{id}/notitie", s.notitie),
		doe("POST /beheer/{gemeente}/zaken/{id}/huishouden", s.koppel),
		doe("POST /beheer/{gemeente}/zaken/{id}/nazorg", s.nazorg),
		doe("POST /beheer/{gemeente}/zaken/{id}/contactmoment", s.contactmoment),
		doe("POST /beheer/{gemeente}/zaken/{id}/contact-gedaan", s.contactGedaan),
		doe("POST /beheer/{gemeente}/zaken/{id}/heropenen", s.heropenen),
		doe("POST /beheer/{gemeente}/zaken/{id}/schuld", s.schuld),
		doe("POST /beheer/{gemeente}/zaken/{id}/schuld-status", s.schuldStatus),
		doe("POST /beheer/{gemeente}/zaken/{id}/budget", s.budget),
		doe("GET /beheer/{gemeente}/zaken/{id}/schulden.csv", s.schuldenCSV),
		doe("POST /beheer/{gemeente}/zaken/{id}/schuld-wijzig", s.schuldWijzig),
		doe("POST /beheer/{gemeente}/zaken/{id}/schuld-weg", s.schuldWeg),
		doe("POST /beheer/{gemeente}/zaken/{id}/budget-wijzig", s.budgetWijzig),
		doe("POST /beheer/{gemeente}/zaken/{id}/budget-weg", s.budgetWeg),
		doe("POST /beheer/{gemeente}/zaken/{id}/stap-uitkomst", s.stapUitkomst),
		doe("POST /beheer/{gemeente}/zaken/{id}/stap-weg", s.stapWeg),
		doe("POST /beheer/{gemeente}/zaken/{id}/nazorg-einde", s.nazorgEinde),
		team("POST /beheer/{gemeente}/zaken/teams/lid-weg", s.teamLidWeg),
		lees("GET /beheer/{gemeente}/zaken/{id}/beslagvrije-voet", s.beslagvrijeVoet),
		doe("POST /beheer/{gemeente}/zaken/{id}/beslagvrije-voet", s.beslagvrijeVoetPost),
		bijzonder("GET /beheer/{gemeente}/zaken/{id}/bijzonder", s.bijzonder),
		bijzonder("POST /beheer/{gemeente}/zaken/{id}/bijzonder", s.bijzonderPost),
		// The partner's own list of nazorg contact moments (nazorg_partner.go narrows to the user's partner).
		{Pattern: "GET /beheer/{gemeente}" + nazorgPartnerPad, Access: web.InGemeente, Permissie: auth.VerwijzingenMaken, Activiteit: activiteit, Handler: s.nazorgPartner},
		{Pattern: "POST /beheer/{gemeente}" + nazorgPartnerPad, Access: web.InGemeente, Permissie: auth.VerwijzingenMaken, Activiteit: activiteit, Handler: s.nazorgPartnerPost},
		{Pattern: "GET /beheer/{gemeente}/zaken/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.instellingen},
		{Pattern: "POST /beheer/{gemeente}/zaken/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.instellingenPost},
	}
}

var menu = []web.MenuItem{
	{Titel: "Zaken schuldhulp", Uitleg: "Werklijst van zaken met hun wettelijke termijnen, plan en regisseur.", Pad: "/zaken", Permissie: auth.ZakenLezen, Volgorde: 45},
	{Titel: "Wachtlijst schuldhulp", Uitleg: "Wie wacht op het eerste gesprek, in volgorde, met de verwachte datum naast de termijn.", Pad: "/zaken/wachtlijst", Permissie: auth.ZakenLezen, Volgorde: 47},
	{Titel: "Teams en termijnen", Uitleg: "De teams van schuldhulp en hoe hun termijnen ervoor staan.", Pad: "/zaken/teams", Permissie: auth.ZakenLezen, Volgorde: 48},
	{Titel: "Nieuwe zaak", Uitleg: "Een hulpvraag aan de balie, per telefoon of online vastleggen.", Pad: "/zaken/nieuw", Permissie: auth.ZakenBehandelen, Volgorde: 46},
	{Titel: paginaTitelPartner, Uitleg: "Voor partners: de geplande contactmomenten van de nazorg die de gemeente aan je organisatie overdroeg (afvinken), en de acties in een plan die de gemeente aan je organisatie gaf, met de regisseur.", Pad: nazorgPartnerPad, Permissie: auth.VerwijzingenMaken, Volgorde: 40},
	{Titel: "Instellingen zaken", Uitleg: "Eigen termijnen, weigeringsgronden en bewaartermijnen.", Pad: "/zaken/instellingen", Permissie: auth.GemeenteInstellen, Volgorde: 91},
}

// pagina fills the layout of a zaken page; false when the request has been answered.
func (s *server) pagina(w http.ResponseWriter, r *http.Request, p *web.StaffPage, titel string) (string, bool) {
	g, ok := s.kit.GemeentePagina(w, r, p, titel, meldingen)
	return g.Code, ok
}

// meldingen are the confirmations after a change (?klaar=…), from this fixed list only.
var meldingen = map[string]string{
	"aangemeld":        "De zaak is aangemaakt. De termijn van het eerste gesprek staat hieronder.",
	"eerste-gesprek":   "Het eerste gesprek is vastgelegd.",
	"besluit":          "Het besluit is vastgelegd.",
	"beeindigd":        "De zaak is beëindigd.",
	"afgerond":         "De zaak is afgerond.",
	"regie":            "De regie is overgedragen.",
	"doel":             "Het doel staat in het plan.",
	"actie":            "De actie staat in het plan.",
	"gedaan":           "De actie is afgevinkt.",
	"notitie":          "De notitie staat op de tijdlijn.",
	"instellingen":     "De instellingen voor zaken zijn opgeslagen. De termijnen van open zaken zijn opnieuw berekend.",
	"bijzonder":        "De bijzondere gegevens zijn opgeslagen.",
	"beslagvrije-voet": "De gegevens voor de beslagvrije voet zijn opgeslagen.",
	"bestond":          "Er was al een zaak voor deze vroegsignaalzaak; dit is die zaak.",
	"huishouden":       "Het huishouden is aan de zaak gekoppeld. De personen staan hieronder.",
	"nazorg":           "De nazorg is overgedragen aan de partner.",
	"contactmoment":    "Het contactmoment is gepland.",
	"contact-gedaan":   "Het contactmoment is vastgelegd.",
	"heropend":         "De zaak is heropend onder de terugvalgarantie. Alles van de zaak is er nog.",
	"team":             "Het team van de zaak is vastgelegd.",
	"schuld":           "De schuld staat in het overzicht.",
	"schuld-status":    "De stand van de schuld is bijgewerkt.",
	"budget":           "De post staat in het maandbudget.",
	"team-nieuw":       "Het team is aangemaakt.",
	"team-lid":         "De collega zit nu in het team.",
	// changes and removals (zaken_schulden_wijzig.go, zaken_teams_weg.go)
	"schuld-gewijzigd":  "De schuld is gewijzigd. Op de tijdlijn staat wat er veranderde.",
	"schuld-verwijderd": "De schuld is uit het overzicht gehaald. Op de tijdlijn staat waarom.",
	"budget-gewijzigd":  "De post in het maandbudget is gewijzigd.",
	"budget-verwijderd": "De post is uit het maandbudget gehaald. Op de tijdlijn staat waarom.",
	"stap-uitkomst":     "De uitkomst van de stap is vastgelegd.",
	"stap-verwijderd":   "De stap is weggehaald. Op de tijdlijn staat waarom.",
	"nazorg-beeindigd":  "De nazorg is beëindigd. Geplande contactmomenten daarna vervallen.",
	"team-lid-weg":      "De collega zit niet meer in het team.",
}

// medewerker is the logged-in case worker as the domain records them.
func medewerker(r *http.Request) zaken.Medewerker {
	m := zaken.Medewerker{Naam: web.NaamUit(r.Context())}
	if i := web.LoginUit(r.Context()); i != nil {
		m.ID = i.Gebruiker.ID
	}
	return m
}

func basis(gm string) string { return "/beheer/" + gm + "/zaken" }

func zaakURL(gm string, id int64) string { return basis(gm) + "/" + strconv.FormatInt(id, 10) }

// ZaakURL is the page of zaak id of gemeente gm (for links from other parts, through the composition root).
func ZaakURL(gm string, id int64) string { return zaakURL(gm, id) }

// VanVroegsignaalURL is where a form posts to start a zaak from vroegsignaalzaak id.
func VanVroegsignaalURL(gm string, id int64) string {
	return basis(gm) + "/nieuw/vroegsignaal/" + strconv.FormatInt(id, 10)
}

// ---- formatting (Dutch) ----

var funcs = template.FuncMap{"datumNL": datumNL, "getalNL": getalNL, "list2": list2}

// list2 makes select options in a template: value/label pairs followed by the chosen value.
func list2(kv ...string) []web.Optie {
	if len(kv)%2 == 0 {
		return nil
	}
	gekozen := kv[len(kv)-1]
	var out []web.Optie
	for i := 0; i+1 < len(kv)-1; i += 2 {
		out = append(out, web.Optie{Waarde: kv[i], Label: kv[i+1], Gekozen: kv[i] == gekozen})
	}
	return out
}

var dagenKort = [...]string{"zo", "ma", "di", "wo", "do", "vr", "za"}
var maandenKort = [...]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}

// datumNL writes "ma 2 mrt 2026"; "—" for no date.
func datumNL(d datum.Datum) string {
	if d.IsZero() {
		return "—"
	}
	return fmt.Sprintf("%s %d %s %d", dagenKort[d.Weekdag()], d.Dag(), maandenKort[d.Maand()-1], d.Jaar())
}

// getalNL writes 12.345.
func getalNL(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + getalNL(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// BijnaWerkdagen: a deadline is shown red from this many working days before it (today included), so
// the warning comes while it can still be met.
const BijnaWerkdagen = 3

// termijnStaat is how a deadline is shown: red while it is near, a different mark once it has passed.
type termijnStaat struct {
	Datum  string
	Tekst  string
	Rood   bool // near: act now
	Te     bool // passed
	Uitleg string
}

func staat(deadline, vandaag datum.Datum, uitleg string) termijnStaat {
	t := termijnStaat{Datum: datumNL(deadline), Uitleg: uitleg}
	switch {
	case deadline.IsZero():
		t.Datum, t.Tekst = "—", "Geen open termijn"
	case vandaag.Na(deadline):
		t.Te, t.Tekst = true, "Verlopen"
	case deadline == vandaag:
		t.Rood, t.Tekst = true, "Vandaag is de laatste dag"
	default:
		n := termijn.WerkdagenTussen(vandaag, deadline)
		t.Rood = n < BijnaWerkdagen
		switch n {
		case 0:
			t.Tekst = "Geen werkdag meer over"
		case 1:
			t.Tekst = "Nog 1 werkdag"
		default:
			t.Tekst = "Nog " + strconv.Itoa(n) + " werkdagen"
		}
	}
	return t
}
