// Package aanvraagweb is the pages of applications (internal/aanvragen): for the resident, choosing
// regelingen from the check result, sending the documents that are still needed, the reference and
// secret code, and the status page with the code (what was received, what is missing, the decision and
// the letter); for the case worker, the inbox of the gemeente, an application with the engine's outcome
// per criterion on the decision date, its documents and notes, asking for a missing document, the link
// to the register by BSN, the decision per regeling, the export of awards and the settings.
//
// The secret code is never in a URL: it is typed into a POST form and travels only in form bodies; the
// pages that show it are not cached. The check's answers come in through Deps.Check (the composition
// root opens the check's code with checkweb's Lezer); this part imports no other part.
package aanvraagweb

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/web"
)

//go:embed templates
var templateFS embed.FS

// Ingevuld are the answers of a check, read from its code.
type Ingevuld struct {
	Gemeente   string
	Ander      bool
	Huishouden *huishouden.Huishouden
	Antwoorden [][2]string
}

// ErrCheckVerlopen is a check code that is too old; any other error of Deps.Check is a damaged code.
var ErrCheckVerlopen = errors.New("aanvraagweb: de code van de check is verlopen")

// Deps are the services of the application pages.
type Deps struct {
	Aanvragen *aanvragen.Service
	// Check opens the code of a check result in language taal. Nil: the resident pages answer 404.
	Check func(ctx context.Context, t, taal string) (*Ingevuld, error)
	// PartnerVan returns the id and name of the partner organisation a logged-in intermediair works for in
	// gemeente (docs/partner.md "Partner users"); ok false when the user has no partner link there. Nil:
	// no partner users.
	PartnerVan func(ctx context.Context, gemeente string, gebruiker int64) (id, naam string, ok bool, err error)
	// Voorstellen are the scan's ambtshalve proposals, judged in the inbox (beheer_voorstellen.go); wired in
	// the composition root. Nil: the inbox has no tab for them.
	Voorstellen Voorstellen
}

type server struct {
	kit     *web.Kit
	svc     *aanvragen.Service
	check   func(ctx context.Context, t, taal string) (*Ingevuld, error)
	partner func(ctx context.Context, gemeente string, gebruiker int64) (string, string, bool, error)
	// voorstellen: nil when no scan is wired.
	voorstellen Voorstellen
	inwoner     *web.Pages
	staf        *web.Pages
	// postsAdres and foutAdres limit the code forms per client address (begrens.go).
	postsAdres, foutAdres *begrenzer
}

// MaxUpload is the body limit of the forms with files: MaxPerVerzoek files of at most MaxBestand, less
// than that in total. A larger body is refused with a clear message before anything is stored.
const MaxUpload = 32 << 20

// New parses the pages and returns the part.
func New(kit *web.Kit, deps Deps) (web.Part, error) {
	if deps.Aanvragen == nil {
		return web.Part{}, errors.New("aanvraagweb: geen aanvragen")
	}
	s := &server{kit: kit, svc: deps.Aanvragen, check: deps.Check, partner: deps.PartnerVan, voorstellen: deps.Voorstellen,
		postsAdres: nieuweBegrenzer(AdresPosts, AdresVenster), foutAdres: nieuweBegrenzer(AdresFoutCodes, AdresVenster)}
	var err error
	if s.inwoner, err = kit.Pages(web.Templates{FS: templateFS, Dir: "templates/inwoner", Funcs: funcs}); err != nil {
		return web.Part{}, err
	}
	if s.staf, err = kit.Pages(web.Templates{FS: templateFS, Dir: "templates/staf", Staff: true, Gedeeld: []string{"av_gedeeld"}, Funcs: funcs}); err != nil {
		return web.Part{}, err
	}
	return web.Part{Name: "aanvragen", Routes: s.routes(), Menu: menu,
		Taken: map[string]string{aanvragen.JobBewaartermijn: "Bewaartermijn aanvragen"}}, nil
}

const activiteit = "aanvragen.behandelen"

// ActieVanCheck is where the check's result page posts its code.
const ActieVanCheck = "/aanvragen/kies"

func (s *server) routes() []web.Route {
	open := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.Open, Handler: h}
	}
	// Public: open to everyone; a session that is there is read, so a logged-in intermediary is recorded.
	publiek := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.Public, Handler: h}
	}
	upload := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.Open, MaxBody: MaxUpload, Handler: h}
	}
	lees := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.InGemeente, Permissie: auth.AanvragenLezen, Activiteit: activiteit, Handler: h}
	}
	doe := func(p string, h http.HandlerFunc) web.Route {
		return web.Route{Pattern: p, Access: web.InGemeente, Permissie: auth.AanvragenBehandelen, Activiteit: activiteit, Handler: h}
	}
	return []web.Route{
		publiek("POST "+ActieVanCheck, s.kies),
		publiek("POST /aanvragen/documenten", s.documenten),
		{Pattern: "POST /aanvragen/nieuw", Access: web.Public, MaxBody: MaxUpload, Handler: s.nieuw},
		open("GET /aanvragen/status", s.statusForm),
		open("POST /aanvragen/status", s.perAdres(s.status)),
		upload("POST /aanvragen/status/stuur", s.perAdres(s.stuur)),
		open("POST /aanvragen/status/brief", s.perAdres(s.inwonerBrief)),
		open("POST /aanvragen/status/intrekken", s.perAdres(s.intrekken)),
		open("POST /aanvragen/status/email", s.perAdres(s.email)),
		lees("GET /beheer/{gemeente}/aanvragen", s.inbox),
		lees("GET /beheer/{gemeente}/aanvragen/{id}", s.aanvraag),
		lees("GET /beheer/{gemeente}/aanvragen/{id}/document/{doc}", s.document),
		lees("GET /beheer/{gemeente}/aanvragen/{id}/brief/{brief}", s.brief),
		doe("POST /beheer/{gemeente}/aanvragen/{id}/notitie", s.notitie),
		doe("POST /beheer/{gemeente}/aanvragen/{id}/vraag", s.vraag),
		doe("POST /beheer/{gemeente}/aanvragen/{id}/koppel", s.koppel),
		doe("POST /beheer/{gemeente}/aanvragen/{id}/besluit", s.besluit),
		doe("GET /beheer/{gemeente}/aanvragen/export", s.export),
		lees("GET /beheer/{gemeente}/aanvragen/voorstellen/{id}", s.voorstel),
		doe("POST /beheer/{gemeente}/aanvragen/voorstellen/{id}/besluit", s.voorstelBesluit),
		// The intermediary's own list: the permission with which an intermediary applies for clients.
		{Pattern: "GET /beheer/{gemeente}/mijn-aanvragen", Access: web.InGemeente, Permissie: auth.FondsenAanvragen, Activiteit: activiteit, Handler: s.eigenLijst},
		{Pattern: "GET /beheer/{gemeente}/mijn-aanvragen/{id}", Access: web.InGemeente, Permissie: auth.FondsenAanvragen, Activiteit: activiteit, Handler: s.eigenAanvraag},
		{Pattern: "GET /beheer/{gemeente}/aanvragen/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.instellingen},
		{Pattern: "POST /beheer/{gemeente}/aanvragen/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.instellingenPost},
	}
}

var menu = []web.MenuItem{
	{Titel: "Aanvragen", Uitleg: "Aanvragen van inwoners voor regelingen: ontbrekende documenten, besluiten en brieven.", Pad: "/aanvragen", Permissie: auth.AanvragenLezen, Volgorde: 47},
	{Titel: "Mijn aanvragen voor cliënten", Uitleg: "De aanvragen die u (of uw organisatie) voor cliënten deed: status, ontbrekende documenten en besluit.", Pad: "/mijn-aanvragen", Permissie: auth.FondsenAanvragen, Volgorde: 48},
	{Titel: "Instellingen aanvragen", Uitleg: "Beslistermijn en de grens voor vier ogen.", Pad: "/aanvragen/instellingen", Permissie: auth.GemeenteInstellen, Volgorde: 92},
}

// meldingen are the confirmations after a change (?klaar=…).
var meldingen = map[string]string{
	"notitie":      "De notitie is opgeslagen.",
	"vraag":        "Het document is gevraagd. De inwoner ziet het op de statuspagina.",
	"koppel":       "De aanvrager is gekoppeld aan het huishouden in het register.",
	"besluit":      "Het besluit is vastgelegd.",
	"voorstel":     "Het besluit is voorgesteld. Een tweede medewerker moet het nemen (vier ogen).",
	"instellingen": "De instellingen voor aanvragen zijn opgeslagen.",
	"ambtshalve":   "Het voorstel is aanvaard: de aanvraag is besloten en de brief is gemaakt.",
	"afgewezen":    "Het voorstel is afgewezen. Er is geen aanvraag gemaakt.",
}

func basis(gm string) string { return "/beheer/" + gm + "/aanvragen" }

func aanvraagURL(gm string, id int64) string { return basis(gm) + "/" + strconv.FormatInt(id, 10) }

func medewerker(r *http.Request) aanvragen.Medewerker {
	m := aanvragen.Medewerker{Naam: web.NaamUit(r.Context())}
	if i := web.LoginUit(r.Context()); i != nil {
		m.ID = i.Gebruiker.ID
	}
	return m
}

var funcs = template.FuncMap{"datumNL": datumNL, "bedrag": bedragTekst, "getalNL": getalNL}

var maanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

func datumNL(d datum.Datum) string {
	if d.IsZero() {
		return "—"
	}
	return fmt.Sprintf("%d %s %d", d.Dag(), maanden[d.Maand()-1], d.Jaar())
}

func bedragTekst(c *int64) string {
	if c == nil {
		return ""
	}
	return strings.TrimSpace(fmt.Sprintf("€ %d,%02d", *c/100, *c%100))
}

func getalNL(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// geenCache keeps pages with a code or personal data out of caches.
func geenCache(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
}
