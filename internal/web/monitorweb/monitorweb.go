// Package monitorweb is the monitor part for policy staff (internal/monitor): the network agreements
// running on a day with their indicators, targets, measured values and sources (afspraken.go), the
// counts of referrals with small-number suppression (verwijzingscijfers.go) and the Wgs indicators of
// the debt-help zaken per year (zaakindicatoren.go) — permission monitor.lezen, no personal data — and the armoedeval page — per standard household type and gemeente, the net
// disposable income per month as the gross wage rises, every component stacked, the marginal pressure, the cliffs with the hours needed to earn
// them back, and the what-if variants before and after (armoedeval.go, armoedeval_invoer.go,
// armoedeval_weergave.go), with a CSV download (armoedeval_csv.go).
//
// The page works on household types, never on residents: its curve reads no personal data and its
// forms are GET (the query is the whole input, so a result can be bookmarked and shared). Only the cost
// of a sliding scale reads the household register's snapshot (through Populaties, in aggregate); that
// read is logged, and the page's route carries the what-if's processing activity for refused accesses. Its permission is monitor.simuleren, the permission internal/auth names for
// the what-if and the armoedeval: the page's purpose is to try policy changes (a sliding scale, a
// bijverdienpremie, a zachte landing) and their cost, which is the beleidsmedewerker's work; the
// indicators that monitor.lezen opens to beheerders and consulenten are counts of what happened, not
// simulations of what could.
package monitorweb

import (
	"context"
	"embed"
	"errors"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/web"
)

//go:embed templates/*.html
var templateFS embed.FS

// Deps are the services of the monitor pages.
type Deps struct {
	// Catalogus holds the gemeenten's rule packs and the national parameters.
	Catalogus *regels.Catalogus
	// Populaties gives the snapshot of a gemeente's household register (scan.Service), for the cost of
	// a sliding scale over the population; nil: that cost is unknown, with that reason.
	Populaties Populaties
	// Afspraken gives the gemeente's network agreements running on a day (afspraken.go); nil: the
	// page says this server keeps none.
	Afspraken Afspraken
	// Verwijzingscijfers gives the counts of referrals (verwijzingscijfers.go); nil: the page says
	// this server keeps no referrals.
	Verwijzingscijfers Verwijzingscijfers
	// ZaakIndicatoren gives the Wgs indicators of the debt-help zaken per year (zaakindicatoren.go);
	// nil: the page says this server keeps no zaken.
	ZaakIndicatoren ZaakIndicatoren
}

// Populaties loads the facts of a gemeente's households on a date (the what-if's snapshot).
type Populaties interface {
	LaadPopulatie(ctx context.Context, gemeente string, datum time.Time) (*register.Populatie, error)
}

type server struct {
	kit   *web.Kit
	cat   *regels.Catalogus
	pop   Populaties
	afs   Afspraken
	vc    Verwijzingscijfers
	zi    ZaakIndicatoren
	pages *web.Pages
}

// New parses the pages and returns the part.
func New(kit *web.Kit, deps Deps) (web.Part, error) {
	if deps.Catalogus == nil {
		return web.Part{}, errors.New("monitorweb: Catalogus is nodig")
	}
	s := &server{kit: kit, cat: deps.Catalogus, pop: deps.Populaties, afs: deps.Afspraken, vc: deps.Verwijzingscijfers, zi: deps.ZaakIndicatoren}
	var err error
	if s.pages, err = kit.Pages(web.Templates{FS: templateFS, Staff: true}); err != nil {
		return web.Part{}, err
	}
	return web.Part{Name: "monitor", Routes: s.routes(), Menu: menu}, nil
}

func (s *server) routes() []web.Route {
	return []web.Route{
		// The page reads the register's snapshot for the cost of a sliding scale (aggregates): a refused
		// access is logged under the what-if's activity, as scanweb's what-if.
		{Pattern: "GET /beheer/{gemeente}/armoedeval", Access: web.InGemeente, Permissie: auth.MonitorSimuleren, Activiteit: "scan.uitvoeren", Handler: s.armoedeval},
		{Pattern: "GET /beheer/{gemeente}/armoedeval.csv", Access: web.InGemeente, Permissie: auth.MonitorSimuleren, Handler: s.armoedevalCSV},
		// The gemeente's network agreements with their indicators (afspraken.go): no personal data.
		{Pattern: "GET /beheer/{gemeente}/netwerkafspraken", Access: web.InGemeente, Permissie: auth.MonitorLezen, Handler: s.afspraken},
		{Pattern: "GET /beheer/{gemeente}/netwerkafspraken.csv", Access: web.InGemeente, Permissie: auth.MonitorLezen, Handler: s.afsprakenCSV},
		// Counts of referrals and the Wgs indicators of zaken: aggregates, no personal data; small
		// numbers of referrals are suppressed (§4.5).
		{Pattern: "GET /beheer/{gemeente}/verwijzingscijfers", Access: web.InGemeente, Permissie: auth.MonitorLezen, Handler: s.verwijzingscijfers},
		{Pattern: "GET /beheer/{gemeente}/verwijzingscijfers.csv", Access: web.InGemeente, Permissie: auth.MonitorLezen, Handler: s.verwijzingscijfersCSV},
		{Pattern: "GET /beheer/{gemeente}/zaakindicatoren", Access: web.InGemeente, Permissie: auth.MonitorLezen, Handler: s.zaakIndicatoren},
	}
}

// menu is this part's entry of the staff navigation.
var menu = []web.MenuItem{
	{Titel: "Armoedeval", Uitleg: "Wat een huishouden overhoudt als het meer verdient: per huishoudtype de opbouw van het inkomen, de kliffen en wat een glijdende schaal, bijverdienpremie of zachte landing verandert.",
		Pad: "/armoedeval", Permissie: auth.MonitorSimuleren, Volgorde: 115},
	{Titel: "Netwerkafspraken", Uitleg: "De afspraken met partners die nu lopen (armoedepact, convenanten), met hun indicatoren en bronnen.",
		Pad: "/netwerkafspraken", Permissie: auth.MonitorLezen, Volgorde: 116},
	{Titel: "Verwijzingscijfers", Uitleg: "Hoeveel verwijzingen er gingen en wat ermee gebeurde, per partner en hulpvraag, per jaar of kwartaal; kleine aantallen afgeschermd.",
		Pad: "/verwijzingscijfers", Permissie: auth.MonitorLezen, Volgorde: 117},
	{Titel: "Schuldhulpindicatoren", Uitleg: "De doorlooptijden en termijnen van de Wgs per jaar, met hun artikel.",
		Pad: "/zaakindicatoren", Permissie: auth.MonitorLezen, Volgorde: 118},
}
