// Package scanweb is the scan pages for the beleidsmedewerker and the consulent (internal/scan, internal/monitor): the
// reach per regeling and target group with the outreach list (scan_overzicht.go, scan_uitvoeren.go,
// scan_bereik_csv.go, scan_bereiklijst.go), the what-if (scan_watals.go, scan_watals_csv.go) and the
// old URLs of the ambtshalve proposals, which redirect to the aanvragen inbox where they are judged
// (scan_voorstellen.go). Their routes are rows of the part (routes below); the kit's guard has checked the session
// and the permission in the gemeente of the URL before a handler runs. Pages that show aggregates
// (reach, what-if) contain no personal data; the outreach list and the proposals do and are logged.
package scanweb

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/chart"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/web"
)

//go:embed templates/*.html
var templateFS embed.FS

// Deps are the services of the scan pages.
type Deps struct {
	Scan *scan.Service
	// Jobs queues a scan in the background and lists the recent ones.
	Jobs *jobs.Queue
	// Beoordelen is where the ambtshalve proposals of gemeente are judged: the aanvragen inbox's tab (id 0)
	// or one proposal there (wired in the composition root; nil: the old URLs answer 404).
	Beoordelen func(gemeente string, id int64) string
}

type server struct {
	kit        *web.Kit
	scan       *scan.Service
	cat        *regels.Catalogus
	jobs       *jobs.Queue
	pages      *web.Pages
	beoordelen func(gemeente string, id int64) string
}

// New parses the pages and returns the part.
func New(kit *web.Kit, deps Deps) (web.Part, error) {
	if deps.Scan == nil || deps.Jobs == nil {
		return web.Part{}, errors.New("scanweb: Scan en Jobs zijn nodig")
	}
	s := &server{kit: kit, scan: deps.Scan, cat: deps.Scan.Catalogus, jobs: deps.Jobs, beoordelen: deps.Beoordelen}
	var err error
	if s.pages, err = kit.Pages(web.Templates{FS: templateFS, Staff: true}); err != nil {
		return web.Part{}, err
	}
	return web.Part{Name: "scan", Routes: s.routes(), Menu: menu,
		Taken: map[string]string{scan.JobScan: "Scan op niet-gebruik", register.JobImport: "Huishoudens inlezen",
			register.JobBewaartermijn: "Bewaartermijn huishoudgegevens"}}, nil
}

func (s *server) routes() []web.Route {
	return []web.Route{
		{Pattern: "GET /beheer/{gemeente}/scan", Access: web.InGemeente, Permissie: auth.MonitorLezen, Handler: s.scanOverzicht},
		{Pattern: "POST /beheer/{gemeente}/scan", Access: web.InGemeente, Permissie: auth.ScanUitvoeren, Activiteit: "scan.uitvoeren", Handler: s.scanUitvoeren},
		{Pattern: "GET /beheer/{gemeente}/scan/bereik.csv", Access: web.InGemeente, Permissie: auth.MonitorLezen, Handler: s.scanBereikCSV},
		{Pattern: "GET /beheer/{gemeente}/scan/bereiklijst.csv", Access: web.InGemeente, Permissie: auth.ScanLezen, Activiteit: "scan.uitvoeren", Handler: s.scanBereiklijst},
		{Pattern: "GET /beheer/{gemeente}/scan/watals", Access: web.InGemeente, Permissie: auth.MonitorSimuleren, Activiteit: "scan.uitvoeren", Handler: s.scanWatAls},
		{Pattern: "GET /beheer/{gemeente}/scan/watals.csv", Access: web.InGemeente, Permissie: auth.MonitorSimuleren, Activiteit: "scan.uitvoeren", Handler: s.scanWatAlsCSV},
		{Pattern: "GET /beheer/{gemeente}/scan/voorstellen", Access: web.InGemeente, Permissie: auth.ScanBeoordelen, Activiteit: "scan.beoordelen", Handler: s.scanVoorstellen},
		{Pattern: "GET /beheer/{gemeente}/scan/voorstellen/{id}", Access: web.InGemeente, Permissie: auth.ScanBeoordelen, Activiteit: "scan.beoordelen", Handler: s.scanVoorstel},
		{Pattern: "GET /beheer/{gemeente}/scan/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.scanInstellingen},
		{Pattern: "POST /beheer/{gemeente}/scan/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.scanInstellingenPost},
		{Pattern: "POST /beheer/{gemeente}/scan/voorstellen/{id}/besluit", Access: web.InGemeente, Permissie: auth.ScanBeoordelen, Activiteit: "scan.beoordelen", Handler: s.scanVoorstel},
	}
}

// menu is this part's entries of the staff navigation.
var menu = []web.MenuItem{
	{Titel: "Scan: bereik en niet-gebruik", Uitleg: "Wie heeft recht op een regeling maar krijgt die niet: bereik per doelgroep en dorp, bereiklijst.", Pad: "/scan", Permissie: auth.MonitorLezen, Volgorde: 100},
	{Titel: "Wat als", Uitleg: "Een inkomensgrens of bedrag veranderen en zien wie er recht bij krijgt en wat het kost.", Pad: "/scan/watals", Permissie: auth.MonitorSimuleren, Volgorde: 110},
	{Titel: "Bewaartermijn huishoudgegevens", Uitleg: "Hoe lang ingelezen huishoudgegevens bewaard blijven; de tellingen zonder persoonsgegevens blijven voor de monitor.", Pad: "/scan/instellingen", Permissie: auth.GemeenteInstellen, Volgorde: 125},
}

// scanMenu is the sub-navigation of the scan pages, with only the parts the user may use.
type scanMenu struct {
	Basis                           string // /beheer/{gemeente}/scan
	Hier                            string
	Overzicht, WatAls, Instellingen bool
	// Voorstellen is the aanvragen inbox's tab of the proposals, when the user may judge them there.
	Voorstellen string
}

// HTML renders the menu; the texts and URLs are fixed or built from a checked gemeente code.
func (m scanMenu) HTML() template.HTML {
	var b strings.Builder
	b.WriteString(`<nav aria-label="Scan"><ul class="utrecht-unordered-list zeker-staffnav">`)
	item := func(mag bool, hier, pad, tekst string) {
		if !mag {
			return
		}
		if m.Hier == hier {
			fmt.Fprintf(&b, `<li class="utrecht-unordered-list__item"><span aria-current="page"><strong>%s</strong></span></li>`, template.HTMLEscapeString(tekst))
			return
		}
		fmt.Fprintf(&b, `<li class="utrecht-unordered-list__item"><a class="utrecht-link utrecht-link--html-a" href="%s">%s</a></li>`,
			template.HTMLEscapeString(m.Basis+pad), template.HTMLEscapeString(tekst))
	}
	item(m.Overzicht, "overzicht", "", "Bereik en niet-gebruik")
	item(m.WatAls, "watals", "/watals", "Wat als")
	if m.Voorstellen != "" { // judged in the aanvragen inbox
		fmt.Fprintf(&b, `<li class="utrecht-unordered-list__item"><a class="utrecht-link utrecht-link--html-a" href="%s">%s</a></li>`,
			template.HTMLEscapeString(m.Voorstellen), "Voorstellen ambtshalve (in de inbox van de aanvragen)")
	}
	item(m.Instellingen, "instellingen", "/instellingen", "Bewaartermijn huishoudgegevens")
	b.WriteString(`</ul></nav>`)
	return template.HTML(b.String()) //nolint:gosec // escaped above
}

func (s *server) scanMenu(r *http.Request, gm, hier string) scanMenu {
	a := web.ActorUit(r.Context())
	m := scanMenu{Basis: "/beheer/" + gm + "/scan", Hier: hier, Overzicht: auth.Mag(a, gm, auth.MonitorLezen),
		WatAls: auth.Mag(a, gm, auth.MonitorSimuleren), Instellingen: auth.Mag(a, gm, auth.GemeenteInstellen)}
	if s.beoordelen != nil && auth.Mag(a, gm, auth.AanvragenLezen) {
		m.Voorstellen = s.beoordelen(gm, 0)
	}
	return m
}

// scanPagina fills the layout of a scan page; false when the request has been answered.
func (s *server) scanPagina(w http.ResponseWriter, r *http.Request, p *web.StaffPage, titel string) (string, bool) {
	g, ok := s.kit.GemeentePagina(w, r, p, titel, scanMeldingen)
	return g.Code, ok
}

// scanMeldingen are the confirmations after a POST (fixed texts, never user input).
var scanMeldingen = map[string]string{
	"scan":         "De scan is uitgevoerd. Hieronder staat de nieuwe uitslag.",
	"taak":         "De scan staat klaar als achtergrondtaak. De voortgang staat onder Taken; vernieuw de pagina om hem te volgen.",
	"instellingen": "De bewaartermijn van de huishoudgegevens is opgeslagen.",
}

func procentTekst(deel, geheel int) string {
	if geheel == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(deel)/float64(geheel))
}

func getalTekst(n int) string {
	s := fmt.Sprint(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, c)
	}
	if neg {
		return "−" + string(out)
	}
	return string(out)
}

func scanBedrag(b geld.Bedrag) string { return b.Kort() }

// svgHTML marks an SVG made by package chart (which escapes every text it writes) as safe HTML.
func svgHTML(b []byte) template.HTML { return template.HTML(b) } //nolint:gosec // chart escapes its texts

// bereikGrafiek draws reach per group of one dimension for one regeling.
func bereikGrafiek(ru *scan.RegelingUitslag, dim register.Dimensie) template.HTML {
	var staven []chart.Staaf
	for _, g := range ru.Groepen[dim] {
		if g.Telling.Recht == 0 {
			continue
		}
		staven = append(staven, chart.Staaf{Label: g.Naam, Waarde: g.Telling.Bereik(),
			Tekst: fmt.Sprintf("%s (%d van %d)", procentTekst(g.Telling.Ontvangt, g.Telling.Recht), g.Telling.Ontvangt, g.Telling.Recht)})
	}
	titel := fmt.Sprintf("Bereik van %s per %s", ru.Naam, dim)
	desc := fmt.Sprintf("Van de %d huishoudens met recht op %s krijgen %d de regeling (%s).", ru.Totaal.Recht, ru.Naam, ru.Totaal.Ontvangt, procentTekst(ru.Totaal.Ontvangt, ru.Totaal.Recht))
	return svgHTML(chart.Staven(staven, chart.Opties{Titel: titel, Omschrijving: desc, Eenheid: "%"}))
}

func dimensieOpties(gekozen register.Dimensie) []web.Optie {
	var out []web.Optie
	for d := 0; d < register.AantalDimensies; d++ {
		out = append(out, web.Optie{Waarde: register.Dimensie(d).String(), Label: register.Dimensie(d).String(), Gekozen: register.Dimensie(d) == gekozen})
	}
	return out
}

func dimensieUit(s string) register.Dimensie {
	for d := 0; d < register.AantalDimensies; d++ {
		if register.Dimensie(d).String() == s {
			return register.Dimensie(d)
		}
	}
	return register.DimDorp
}
