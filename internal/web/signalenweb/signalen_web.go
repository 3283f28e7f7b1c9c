// Package signalenweb is the vroegsignalering pages for case workers and beheerders: the worklist of a
// gemeente (signalen_werklijst.go), one vroegsignaalzaak with its contact attempts, notes and closing
// (signalen_zaak.go), the CSV upload for partners that deliver files (signalen_upload.go), the settings
// (signalen_instellingen.go) and the indicators (signalen_indicatoren.go). Their routes are rows of the
// part (routes below), so the kit's guard has checked the session and the permission in the gemeente of
// the URL before a handler runs, and the audit actor is on the request context: the store writes every
// read of a resident's data to the processing log with that actor.
package signalenweb

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/web"
)

//go:embed templates/*.html
var templateFS embed.FS

// Deps are the services of the vroegsignalering pages.
type Deps struct {
	Signalen *opslag.Service
	// Zoeker returns the resident register of a gemeente for matching uploaded signals (BRP extract or
	// household data). Nil, or a nil result: signals are stored unmatched and grouped by their own address.
	Zoeker func(ctx context.Context, gemeente string) (signalen.Zoeker, error)
	// Partners are the gemeente's member partners, one of which a CSV upload delivers for. Required.
	Partners *partner.Service
	// ZaakBij tells the zaak page what debt help exists for a vroegsignaalzaak: the page of the zaak
	// started from it (bestaand), or where to post to start one (start). The composition root gives it
	// (the zaken part); nil: the zaak page shows nothing of zaken.
	ZaakBij func(ctx context.Context, gemeente string, vroegsignaalzaak int64) (bestaand, start string, err error)
}

// server is the vroegsignalering part: its services and parsed pages.
type server struct {
	kit      *web.Kit
	store    *opslag.Service
	zoeker   func(ctx context.Context, gemeente string) (signalen.Zoeker, error)
	partners *partner.Service
	zaakBij  func(ctx context.Context, gemeente string, vroegsignaalzaak int64) (bestaand, start string, err error)
	pages    *web.Pages
}

// New parses the pages (each with signalen_gedeeld.html) and returns the part; it fails on any
// template error, so a broken page never ships.
func New(kit *web.Kit, deps Deps) (web.Part, error) {
	if deps.Signalen == nil {
		return web.Part{}, errors.New("signalenweb: geen opslag")
	}
	if deps.Partners == nil {
		return web.Part{}, errors.New("signalenweb: geen partners")
	}
	s := &server{kit: kit, store: deps.Signalen, zoeker: deps.Zoeker, partners: deps.Partners, zaakBij: deps.ZaakBij}
	var err error
	s.pages, err = kit.Pages(web.Templates{FS: templateFS, Staff: true, Gedeeld: []string{"signalen_gedeeld"}, Funcs: signalenFuncs})
	if err != nil {
		return web.Part{}, err
	}
	return web.Part{Name: "signalen", Routes: s.routes(), Menu: menu,
		Taken: map[string]string{opslag.JobBewaartermijn: "Bewaartermijn vroegsignalering"}}, nil
}

func (s *server) routes() []web.Route {
	return []web.Route{
		{Pattern: "GET /beheer/{gemeente}/signalen", Access: web.InGemeente, Permissie: auth.SignalenLezen, Activiteit: "signalen.behandelen", Handler: s.signalenWerklijst},
		{Pattern: "GET /beheer/{gemeente}/signalen/{id}", Access: web.InGemeente, Permissie: auth.SignalenLezen, Activiteit: "signalen.behandelen", Handler: s.signalenZaak},
		{Pattern: "POST /beheer/{gemeente}/signalen/{id}/oppakken", Access: web.InGemeente, Permissie: auth.SignalenBehandelen, Activiteit: "signalen.behandelen", Handler: s.signalenOppakken},
		{Pattern: "POST /beheer/{gemeente}/signalen/{id}/contact", Access: web.InGemeente, Permissie: auth.SignalenBehandelen, Activiteit: "signalen.behandelen", Handler: s.signalenContact},
		{Pattern: "POST /beheer/{gemeente}/signalen/{id}/notitie", Access: web.InGemeente, Permissie: auth.SignalenBehandelen, Activiteit: "signalen.behandelen", Handler: s.signalenNotitie},
		{Pattern: "POST /beheer/{gemeente}/signalen/{id}/afsluiten", Access: web.InGemeente, Permissie: auth.SignalenBehandelen, Activiteit: "signalen.behandelen", Handler: s.signalenAfsluiten},
		{Pattern: "GET /beheer/{gemeente}/signalen/bestand", Access: web.InGemeente, Permissie: auth.ImportUitvoeren, Handler: s.signalenBestand},
		{Pattern: "POST /beheer/{gemeente}/signalen/bestand", Access: web.InGemeente, Permissie: auth.ImportUitvoeren, Activiteit: "signalen.ontvangen", MaxBody: MaxBestand, Handler: s.signalenBestandPost},
		{Pattern: "GET /beheer/{gemeente}/signalen/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.signalenInstellingen},
		{Pattern: "POST /beheer/{gemeente}/signalen/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.signalenInstellingenPost},
		{Pattern: "POST /beheer/{gemeente}/signalen/briefadressen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.signalenBriefadresToevoegen},
		{Pattern: "POST /beheer/{gemeente}/signalen/briefadressen/verwijder", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.signalenBriefadresVerwijderen},
		{Pattern: "GET /beheer/{gemeente}/signalen/indicatoren", Access: web.InGemeente, Permissie: auth.MonitorLezen, Handler: s.signalenIndicatoren},
		{Pattern: "GET /beheer/{gemeente}/signalen/indicatoren.csv", Access: web.InGemeente, Permissie: auth.MonitorLezen, Handler: s.signalenIndicatorenCSV},
	}
}

// menu is this part's entries of the staff navigation.
var menu = []web.MenuItem{
	{Titel: "Vroegsignalering", Uitleg: "Signalen van betalingsachterstanden: werklijst, zaken, indicatoren.", Pad: "/signalen", Permissie: auth.SignalenLezen, Volgorde: 40},
	{Titel: "Signalen aanleveren", Uitleg: "Signalen van een partner uit een CSV-bestand aanleveren.", Pad: "/signalen/bestand", Permissie: auth.ImportUitvoeren, Volgorde: 70},
	{Titel: "Indicatoren vroegsignalering", Uitleg: "Signalen per maand en per soort partner, bereik, resultaten, termijnen. Download als CSV.", Pad: "/signalen/indicatoren", Permissie: auth.MonitorLezen, Volgorde: 80},
	{Titel: "Instellingen vroegsignalering", Uitleg: "Drempelbedrag, termijnen, matchingperiode, bewaartermijnen en briefadressen.", Pad: "/signalen/instellingen", Permissie: auth.GemeenteInstellen, Volgorde: 90},
}

// signalenPagina fills the layout of a vroegsignalering page; false when the request has been answered.
func (s *server) signalenPagina(w http.ResponseWriter, r *http.Request, p *web.StaffPage, titel string) (string, bool) {
	g, ok := s.kit.GemeentePagina(w, r, p, titel, signalenMeldingen())
	return g.Code, ok
}

// signalenMeldingen are the confirmations after a change (?klaar=…), from this fixed list only.
func signalenMeldingen() map[string]string {
	return map[string]string{
		"opgepakt":       "De zaak is opgepakt. De signalen staan nu op Opgepakt.",
		"contact":        "De contactpoging is opgeslagen.",
		"notitie":        "De notitie is opgeslagen.",
		"gesloten":       "De zaak is afgesloten.",
		"instellingen":   "De instellingen voor vroegsignalering zijn opgeslagen.",
		"briefadres":     "Het briefadres staat in de lijst. Signalen op dit adres groepeert Zeker vanaf de volgende levering niet meer op adres.",
		"briefadres-weg": "Het briefadres is uit de lijst verwijderd.",
	}
}

// sigMenu is the menu of the vroegsignalering pages: only the pages the user may open.
type sigMenu struct {
	Basis, Hier                       string
	Upload, Indicatoren, Instellingen bool
}

func menuVoor(ctx context.Context, gm, hier string) sigMenu {
	a := web.ActorUit(ctx)
	return sigMenu{Basis: "/beheer/" + gm + "/signalen", Hier: hier, Upload: auth.Mag(a, gm, auth.ImportUitvoeren),
		Indicatoren: auth.Mag(a, gm, auth.MonitorLezen), Instellingen: auth.Mag(a, gm, auth.GemeenteInstellen)}
}

// ---- formatting for staff pages (Dutch) ----

var signalenFuncs = template.FuncMap{
	"datumNL":       datumNL,
	"partnerOpties": partnerOpties,
	"getalNL":       getalNL,
	"procentNL":     procentNL,
	"lower":         strings.ToLower,
}

var dagenKort = [...]string{"zo", "ma", "di", "wo", "do", "vr", "za"}
var maandenKort = [...]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
var maandenLang = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
	"oktober", "november", "december"}

// datumNL writes a date as "ma 2 mrt 2026"; "—" for an unknown date.
func datumNL(d datum.Datum) string {
	if d.IsZero() {
		return "—"
	}
	return fmt.Sprintf("%s %d %s %d", dagenKort[d.Weekdag()], d.Dag(), maandenKort[d.Maand()-1], d.Jaar())
}

// maandNL writes "2026-03" as "maart 2026"; other text unchanged.
func maandNL(m string) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return maandenLang[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// getalNL writes an integer (int or int64) with a dot between thousands: 12.345.
func getalNL(v any) string {
	var n int64
	switch x := v.(type) {
	case int:
		n = int64(x)
	case int64:
		n = x
	default:
		return fmt.Sprint(v)
	}
	return getal64(n)
}

func getal64(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// decimaalNL writes f with one decimal and a decimal comma: 3,4.
func decimaalNL(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 1, 64), ".", ",", 1)
}

// procentNL writes a share 0..1 as a percentage with one decimal: 45,3%.
func procentNL(f float64) string { return decimaalNL(f*100) + "%" }

// bedragNL writes money as "€ 1.512,50".
func bedragNL(b geld.Bedrag) string { return b.String() }

// partnerTypenVan lists the partner types in a set of bits (signalen.PartnerType.Bit).
func partnerTypenVan(bits int64) []signalen.PartnerType {
	var out []signalen.PartnerType
	for _, t := range signalen.PartnerTypes() {
		if bits&t.Bit() != 0 {
			out = append(out, t)
		}
	}
	return out
}

// crisisNamen are the crisis kinds of Wgs art. 4 lid 2 in the words of the field.
func crisisNaam(c signalen.CrisisSoort) string {
	switch c {
	case signalen.CrisisOntruiming:
		return "dreigende woningontruiming"
	case signalen.CrisisAfsluitingEnergie:
		return "afsluiting energie"
	case signalen.CrisisAfsluitingWater:
		return "afsluiting water"
	case signalen.CrisisEindeZorgverzekering:
		return "einde zorgverzekering"
	case signalen.CrisisOverig:
		return "andere crisis"
	}
	return "crisis"
}

// zaakURL is the page of one vroegsignaalzaak.
func zaakURL(gemeente string, id int64) string {
	return "/beheer/" + gemeente + "/signalen/" + strconv.FormatInt(id, 10)
}
