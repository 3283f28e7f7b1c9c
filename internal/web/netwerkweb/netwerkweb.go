// Package netwerkweb is the web part of the network (internal/netwerk): the beheerder's pages for what
// a partner offers on the sociale kaart (services, locations, opening hours, the regelingen it carries
// out or helps with, when it was last checked), the gemeente's overview of its sociale kaart with stale
// entries, its setting and the import of an existing sociale kaart; and the public sociale kaart of
// every gemeente (search and filter by need and village, without JavaScript, Dutch and English) with its
// open-data exports (HSDS-shaped JSON and CSV); the referrals between case workers and partners (list,
// form, answer, consent withdrawal, the overdue term); a partner user's proposals for its own services
// and the beheerder's decision on them.
//
// Rights follow partnerweb: a service offered in several gemeenten, and a location where such services
// are offered, are changed only by someone who may manage partners in each of those gemeenten; a
// beheerder of one gemeente sees them read-only. Referrals and proposals are narrowed within the route
// to what the user may see: a partner user (an intermediair invited for a partner) only its own
// partner's, in the gemeente of the URL; anything else is a 404.
package netwerkweb

import (
	"embed"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

//go:embed templates/staff/*.html templates/inwoner/*.html
var templateFS embed.FS

// Deps are the services of the part.
type Deps struct {
	Netwerk *netwerk.Service
	// Bronnen links referrals to zaken and vroegsignaalzaken; zero: no check and no links.
	Bronnen Bronnen
}

// MaxImport is the body limit of the import upload: a sociale kaart of a few thousand services fits.
const MaxImport = 4 << 20

type server struct {
	kit     *web.Kit
	net     *netwerk.Service
	staff   *web.Pages
	inwoner *web.Pages
	bronnen Bronnen
}

// New parses the pages and returns the part.
func New(kit *web.Kit, deps Deps) (web.Part, error) {
	if deps.Netwerk == nil {
		return web.Part{}, errors.New("netwerkweb: geen netwerk")
	}
	s := &server{kit: kit, net: deps.Netwerk, bronnen: deps.Bronnen}
	var err error
	s.staff, err = kit.Pages(web.Templates{FS: templateFS, Dir: "templates/staff", Staff: true, Gedeeld: []string{"gedeeld"}, Funcs: map[string]any{
		"dagNL":         dagNL,
		"dagInvoer":     partner.DagTekst,
		"behoefteNaam":  netwerk.BehoefteNaam,
		"statusNaam":    netwerk.StatusNaam,
		"dagNaam":       netwerk.DagNaam,
		"rolOpties":     rolOpties,
		"vstatusNaam":   netwerk.VStatusNaam,
		"afspraakSoort": netwerk.AfspraakSoortNaam,
		"plus1":         func(i int) int { return i + 1 },
	}})
	if err != nil {
		return web.Part{}, err
	}
	s.inwoner, err = kit.Pages(web.Templates{FS: templateFS, Dir: "templates/inwoner", Funcs: inwonerFuncs})
	if err != nil {
		return web.Part{}, err
	}
	return web.Part{Name: "netwerk", Routes: s.routes(), Menu: menu}, nil
}

func (s *server) routes() []web.Route {
	p := auth.PartnersBeheren
	v, a := auth.VerwijzingenMaken, netwerk.ActiviteitVerwijzen
	return []web.Route{
		{Pattern: "GET /beheer/{gemeente}/partners/{id}/aanbod", Access: web.InGemeente, Permissie: p, Handler: s.aanbod},
		{Pattern: "GET /beheer/{gemeente}/partners/{id}/diensten/nieuw", Access: web.InGemeente, Permissie: p, Handler: s.dienstNieuw},
		{Pattern: "POST /beheer/{gemeente}/partners/{id}/diensten/nieuw", Access: web.InGemeente, Permissie: p, Handler: s.dienstNieuwPost},
		{Pattern: "GET /beheer/{gemeente}/partners/{id}/locaties/nieuw", Access: web.InGemeente, Permissie: p, Handler: s.locatieNieuw},
		{Pattern: "POST /beheer/{gemeente}/partners/{id}/locaties/nieuw", Access: web.InGemeente, Permissie: p, Handler: s.locatieNieuwPost},
		{Pattern: "GET /beheer/{gemeente}/diensten/{id}", Access: web.InGemeente, Permissie: p, Handler: s.dienstPagina},
		{Pattern: "POST /beheer/{gemeente}/diensten/{id}", Access: web.InGemeente, Permissie: p, Handler: s.dienstWijzig},
		{Pattern: "POST /beheer/{gemeente}/diensten/{id}/gecontroleerd", Access: web.InGemeente, Permissie: p, Handler: s.dienstGecontroleerd},
		{Pattern: "POST /beheer/{gemeente}/diensten/{id}/verwijderen", Access: web.InGemeente, Permissie: p, Handler: s.dienstVerwijder},
		{Pattern: "GET /beheer/{gemeente}/locaties/{id}", Access: web.InGemeente, Permissie: p, Handler: s.locatiePagina},
		{Pattern: "POST /beheer/{gemeente}/locaties/{id}", Access: web.InGemeente, Permissie: p, Handler: s.locatieWijzig},
		{Pattern: "POST /beheer/{gemeente}/locaties/{id}/verwijderen", Access: web.InGemeente, Permissie: p, Handler: s.locatieVerwijder},
		{Pattern: "GET /beheer/{gemeente}/sociale-kaart", Access: web.InGemeente, Permissie: p, Handler: s.kaartBeheer},
		{Pattern: "POST /beheer/{gemeente}/sociale-kaart/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.kaartInstellingen},
		{Pattern: "POST /beheer/{gemeente}/sociale-kaart/import", Access: web.InGemeente, Permissie: p, MaxBody: MaxImport, Handler: s.kaartImport},
		{Pattern: "GET /beheer/{gemeente}/sociale-kaart/voorstellen", Access: web.InGemeente, Permissie: p, Handler: s.voorstellen},
		{Pattern: "GET /beheer/{gemeente}/sociale-kaart/voorstellen/{id}", Access: web.InGemeente, Permissie: p, Handler: s.voorstel},
		{Pattern: "POST /beheer/{gemeente}/sociale-kaart/voorstellen/{id}", Access: web.InGemeente, Permissie: p, Handler: s.voorstelBeoordeel},

		// Network agreements (armoedepact, covenants).
		{Pattern: "GET /beheer/{gemeente}/afspraken", Access: web.InGemeente, Permissie: p, Handler: s.afspraken},
		{Pattern: "GET /beheer/{gemeente}/afspraken/nieuw", Access: web.InGemeente, Permissie: p, Handler: s.afspraakNieuw},
		{Pattern: "POST /beheer/{gemeente}/afspraken/nieuw", Access: web.InGemeente, Permissie: p, Handler: s.afspraakBewaar},
		{Pattern: "GET /beheer/{gemeente}/afspraken/{id}", Access: web.InGemeente, Permissie: p, Handler: s.afspraak},
		{Pattern: "POST /beheer/{gemeente}/afspraken/{id}", Access: web.InGemeente, Permissie: p, Handler: s.afspraakBewaar},
		{Pattern: "POST /beheer/{gemeente}/afspraken/{id}/verwijderen", Access: web.InGemeente, Permissie: p, Handler: s.afspraakVerwijder},
		{Pattern: "GET /beheer/{gemeente}/afspraken/{id}/metingen", Access: web.InGemeente, Permissie: p, Handler: s.afspraakMetingen},
		{Pattern: "POST /beheer/{gemeente}/afspraken/{id}/metingen", Access: web.InGemeente, Permissie: p, Handler: s.afspraakMetingVastleggen},

		// A partner user's own offer and its proposals (the handler narrows to the user's partner).
		{Pattern: "GET /beheer/{gemeente}/aanbod", Access: web.InGemeente, Permissie: auth.AanbodVoorstellen, Handler: s.eigenAanbod},
		{Pattern: "GET /beheer/{gemeente}/aanbod/{id}/voorstel", Access: web.InGemeente, Permissie: auth.AanbodVoorstellen, Handler: s.voorstelForm},
		{Pattern: "POST /beheer/{gemeente}/aanbod/{id}/voorstel", Access: web.InGemeente, Permissie: auth.AanbodVoorstellen, Handler: s.voorstelPost},

		// Referrals: case workers (consulent) and partner users (intermediair of a partner); the handler
		// narrows to what the user may see (netwerk.Kijker), so another partner's referral is a 404.
		{Pattern: "GET /beheer/{gemeente}/verwijzingen", Access: web.InGemeente, Permissie: v, Activiteit: a, Handler: s.verwijzingen},
		{Pattern: "GET /beheer/{gemeente}/verwijzingen/nieuw", Access: web.InGemeente, Permissie: v, Activiteit: a, Handler: s.verwijzingNieuw},
		{Pattern: "POST /beheer/{gemeente}/verwijzingen/nieuw", Access: web.InGemeente, Permissie: v, Activiteit: a, Handler: s.verwijzingNieuwPost},
		{Pattern: "GET /beheer/{gemeente}/verwijzingen/{id}", Access: web.InGemeente, Permissie: v, Activiteit: a, Handler: s.verwijzing},
		{Pattern: "POST /beheer/{gemeente}/verwijzingen/{id}/antwoord", Access: web.InGemeente, Permissie: v, Activiteit: a, Handler: s.verwijzingAntwoord},
		{Pattern: "POST /beheer/{gemeente}/verwijzingen/{id}/intrekken", Access: web.InGemeente, Permissie: v, Activiteit: a, Handler: s.verwijzingIntrekken},
		// A referral to the gemeente starts a debt-help zaak (the Bronnen hooks; zaken.behandelen).
		{Pattern: "POST /beheer/{gemeente}/verwijzingen/{id}/zaak", Access: web.InGemeente, Permissie: auth.ZakenBehandelen, Activiteit: a, Handler: s.verwijzingZaak},
		{Pattern: "POST /beheer/{gemeente}/verwijzingen/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.verwijzingInstellingen},

		// The public sociale kaart and its open data (web.SocialeKaartURL gives the address).
		{Pattern: "GET /sociale-kaart/{$}", Access: web.Open, Handler: s.kaarten},
		{Pattern: "GET /sociale-kaart/{gemeente}", Access: web.Open, Handler: s.kaart},
		{Pattern: "GET /sociale-kaart/{gemeente}/open-data.json", Access: web.Open, Handler: s.exportJSON},
		{Pattern: "GET /sociale-kaart/{gemeente}/open-data.csv", Access: web.Open, Handler: s.exportCSV},
	}
}

var menu = []web.MenuItem{
	{Titel: "Sociale kaart", Uitleg: "Wat partners aanbieden voor inwoners: diensten, locaties, openingstijden; verouderde gegevens; importeren.",
		Pad: "/sociale-kaart", Permissie: auth.PartnersBeheren, Volgorde: 36},
	{Titel: "Verwijzingen", Uitleg: "Verwijzingen tussen de gemeente en partners: versturen, beantwoorden, de stand volgen; wat te laat is.",
		Pad: "/verwijzingen", Permissie: auth.VerwijzingenMaken, Volgorde: 37},
	{Titel: "Netwerkafspraken", Uitleg: "Afspraken met partners: armoedepact, convenanten, het netwerk; periode, partners en indicatoren.",
		Pad: "/afspraken", Permissie: auth.PartnersBeheren, Volgorde: 39},
	{Titel: "Ons aanbod", Uitleg: "De diensten van je organisatie op de sociale kaart: een wijziging voorstellen aan de gemeente.",
		Pad: "/aanbod", Permissie: auth.AanbodVoorstellen, Volgorde: 38},
}

// meldingen are the confirmations after a change (?klaar=…), from this fixed list only.
var meldingen = map[string]string{
	"dienst":        "De dienst is opgeslagen.",
	"gecontroleerd": "De dienst is gemarkeerd als vandaag gecontroleerd.",
	"verwijderd":    "De dienst is verwijderd.",
	"locatie":       "De locatie is opgeslagen.",
	"locatieweg":    "De locatie is verwijderd.",
	"instellingen":  "De instelling is opgeslagen.",
	"verwezen":      "De verwijzing is verstuurd.",
	"afspraak":      "De afspraak is opgeslagen.",
	"afspraakweg":   "De afspraak is verwijderd.",
	"meting":        "De gemeten waarde is opgeslagen.",
	"voorgesteld":   "Het voorstel is ingediend. De gemeente bekijkt het; tot dan blijft de sociale kaart zoals hij is.",
	"beoordeeld":    "Het besluit over het voorstel is opgeslagen.",
	"beantwoord":    "Het antwoord is opgeslagen. De verwijzer ziet de nieuwe stand.",
	"ingetrokken":   "Vastgelegd: de inwoner heeft de toestemming ingetrokken. De ontvanger ziet de gegevens niet meer.",
}

// pagina fills the layout of a staff page; false when the request has been answered.
func (s *server) pagina(w http.ResponseWriter, r *http.Request, p *web.StaffPage, titel string) (tenant.Gemeente, bool) {
	return s.kit.GemeentePagina(w, r, p, titel, meldingen)
}

// partnerVan returns the partner of the URL when it is (or was) a member of gm and not merged; else 404.
func (s *server) partnerVan(w http.ResponseWriter, r *http.Request, gm, id string) (partner.Organisatie, bool) {
	o, err := s.net.Partners().Haal(r.Context(), id)
	if err == nil {
		if _, lid := o.Lid(gm); !lid || o.SamengevoegdIn != "" {
			err = errs.NotFound
		}
	}
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze partner bestaat niet in deze gemeente.")
		return o, false
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return o, false
	}
	return o, true
}

// nietMag returns the gemeenten of gms where the user may not manage partners.
func nietMag(r *http.Request, gms []string) []string {
	a := web.ActorUit(r.Context())
	var uit []string
	for _, gm := range gms {
		if !auth.Mag(a, gm, auth.PartnersBeheren) && !slices.Contains(uit, gm) {
			uit = append(uit, gm)
		}
	}
	return uit
}

// voegFoutenToe puts the service's field problems on the form, in the order of velden, then the rest.
func voegFoutenToe(f *web.FieldErrors, err error, velden ...string) bool {
	var nf errs.Fields
	if !errors.As(err, &nf) {
		return false
	}
	f.AddFields(nf, velden...)
	var rest []string
	for _, x := range nf {
		if !slices.Contains(velden, x.Path) && !slices.Contains(rest, x.Path) {
			rest = append(rest, x.Path)
		}
	}
	slices.Sort(rest)
	f.AddFields(nf, rest...)
	return true
}

var maanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
	"oktober", "november", "december"}

// dagNL writes a day as "2 maart 2026"; "" for zero.
func dagNL(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2") + " " + maanden[d.Month()-1] + " " + d.Format("2006")
}

func leesFormulier(w http.ResponseWriter, r *http.Request, k *web.Kit) bool {
	if err := r.ParseForm(); err != nil {
		k.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return false
	}
	return true
}

func trim(s string) string { return strings.TrimSpace(s) }

// rolOpties are the choices of a regeling on the service form, with rol chosen.
func rolOpties(rol string) []web.Optie {
	return []web.Optie{{Waarde: "", Label: "Nee", Gekozen: rol == ""},
		{Waarde: string(netwerk.Uitvoeren), Label: "Voert de regeling uit", Gekozen: rol == string(netwerk.Uitvoeren)},
		{Waarde: string(netwerk.Aanvragen), Label: "Helpt inwoners aanvragen", Gekozen: rol == string(netwerk.Aanvragen)}}
}
