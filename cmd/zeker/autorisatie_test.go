package main

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// toegangTabel says, for EVERY route registered on the server's mux (pages, staff pages and the JSON
// API), who may use it. TestAutorisatie walks each route as every role in its own gemeente and in
// another one, as a system administrator, anonymously and with API credentials, and checks the answer
// against this table. TestToegangTabelVolledig fails when a route exists that is not in the table, so a
// new route cannot ship without a decision here.
//
// Values:
//
//	publiek            anyone, also without logging in
//	ingelogd           any logged-in user
//	systeem            system administrators only
//	<roles…>           per gemeente: these roles in their own gemeente; "systeembeheerder" in every
//	                   gemeente. Nobody else, and no role in another gemeente.
//	sleutel:<perm>     JSON API: a credential holding <perm> for the gemeente; never a session cookie
var toegangTabel = map[string]string{
	// Resident check and operations: public.
	"GET /{$}":                 "publiek",
	"POST /check/start":        "publiek",
	"GET /check/stap":          "publiek",
	"POST /check/stap":         "publiek",
	"GET /check/resultaat":     "publiek",
	"GET /check/bewaar":        "publiek",
	"GET /check/verder":        "publiek",
	"GET /static/":             "publiek",
	"GET /favicon.ico":         "publiek",
	"GET /toegankelijkheid":    "publiek",
	"GET /privacy":             "publiek",
	"GET /healthz":             "publiek",
	"GET /readyz":              "publiek",
	"GET /thema.css":           "publiek",
	"/":                        "publiek",
	"GET /api/v1/openapi.yaml": "publiek",

	// The resident's armoedeval from the check's result (checkweb): public, like the check.
	"GET /check/armoedeval":     "publiek",
	"GET /check/armoedeval.csv": "publiek",

	// The public sociale kaart and its open data (netwerkweb).
	"GET /sociale-kaart/{$}":                       "publiek",
	"GET /sociale-kaart/{gemeente}":                "publiek",
	"GET /sociale-kaart/{gemeente}/open-data.json": "publiek",
	"GET /sociale-kaart/{gemeente}/open-data.csv":  "publiek",
	"GET /hulpvraag/{gemeente}":                    "publiek",
	"POST /hulpvraag/{gemeente}":                   "publiek",
	"GET /schuldhulp/{gemeente}/cijfers":           "publiek",
	"GET /schuldhulp/{gemeente}/cijfers.csv":       "publiek",

	// Login.
	"GET /login":       "publiek",
	"POST /login":      "publiek",
	"POST /logout":     "publiek",
	"GET /wachtwoord":  "ingelogd",
	"POST /wachtwoord": "ingelogd",
	"GET /beheer/{$}":  "ingelogd",

	// Redeeming an invitation: anyone with the code (beheerweb/uitnodiging.go).
	"GET /uitnodiging":  "publiek",
	"POST /uitnodiging": "publiek",

	// Staff pages per gemeente.
	"GET /beheer/{gemeente}/{$}":                         "beheerder beleidsmedewerker consulent intermediair schuldhulpverlener regisseur teamleider systeembeheerder",
	"GET /beheer/{gemeente}/gebruikers":                  "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/gebruikers/nieuw":            "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/gebruikers/nieuw":           "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/gebruikers/{id}":             "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/gebruikers/{id}/rol":        "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/gebruikers/{id}/actief":     "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/gebruikers/{id}/wachtwoord": "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/sleutels":                    "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/sleutels/nieuw":              "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/sleutels/nieuw":             "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/sleutels/{id}/intrekken":    "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/audit":                       "beheerder",

	// Partners (partnerweb).
	"GET /beheer/{gemeente}/partners":                    "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/partners/nieuw":              "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/partners/nieuw":             "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/partners/lid":               "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/partners/{id}":               "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/partners/{id}":              "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/partners/{id}/lidmaatschap": "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/partners/{id}/samenvoegen":  "beheerder systeembeheerder",

	// The sociale kaart: what partners offer (netwerkweb).
	"GET /beheer/{gemeente}/partners/{id}/aanbod":          "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/partners/{id}/diensten/nieuw":  "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/partners/{id}/diensten/nieuw": "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/partners/{id}/locaties/nieuw":  "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/partners/{id}/locaties/nieuw": "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/diensten/{id}":                 "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/diensten/{id}":                "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/diensten/{id}/gecontroleerd":  "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/diensten/{id}/verwijderen":    "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/locaties/{id}":                 "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/locaties/{id}":                "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/locaties/{id}/verwijderen":    "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/sociale-kaart":                 "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/sociale-kaart/instellingen":   "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/sociale-kaart/import":         "beheerder systeembeheerder",

	// Referrals (netwerkweb): case workers and partner users; within the route the handler narrows a
	// partner user to its own partner's referrals (TestVerwijzingenPartnerGrens).
	"GET /beheer/{gemeente}/verwijzingen": "consulent intermediair",
	// The partner's own list of nazorg contact moments (zakenweb): the same permission; the handler
	// narrows to a partner user's own partner (zakenweb TestNazorgPartnerLijst).
	"GET /beheer/{gemeente}/nazorg-partner":                  "consulent intermediair",
	"POST /beheer/{gemeente}/nazorg-partner":                 "consulent intermediair",
	"GET /beheer/{gemeente}/verwijzingen/nieuw":              "consulent intermediair",
	"POST /beheer/{gemeente}/verwijzingen/nieuw":             "consulent intermediair",
	"GET /beheer/{gemeente}/verwijzingen/{id}":               "consulent intermediair",
	"POST /beheer/{gemeente}/verwijzingen/{id}/antwoord":     "consulent intermediair",
	"POST /beheer/{gemeente}/verwijzingen/{id}/intrekken":    "consulent intermediair",
	"POST /beheer/{gemeente}/verwijzingen/{id}/zaak":         "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/verwijzingen/instellingen":      "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/partners/{id}/medewerkers":       "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/partners/{id}/medewerkers":      "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/afspraken":                       "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/afspraken/nieuw":                 "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/afspraken/nieuw":                "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/afspraken/{id}":                  "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/afspraken/{id}":                 "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/afspraken/{id}/verwijderen":     "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/afspraken/{id}/metingen":         "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/afspraken/{id}/metingen":        "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/sociale-kaart/voorstellen":       "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/sociale-kaart/voorstellen/{id}":  "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/sociale-kaart/voorstellen/{id}": "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/aanbod":                          "intermediair",
	"GET /beheer/{gemeente}/aanbod/{id}/voorstel":            "intermediair",
	"POST /beheer/{gemeente}/aanbod/{id}/voorstel":           "intermediair",

	"POST /beheer/{gemeente}/audit":        "beheerder",
	"POST /beheer/{gemeente}/audit.csv":    "beheerder",
	"GET /beheer/{gemeente}/instellingen":  "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/mail":          "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/instellingen": "beheerder systeembeheerder",

	// Scan, what-if and ambtshalve proposals (scan_*.go).
	"GET /beheer/{gemeente}/scan":                           "beheerder beleidsmedewerker consulent",
	"POST /beheer/{gemeente}/scan":                          "beleidsmedewerker consulent",
	"GET /beheer/{gemeente}/scan/bereik.csv":                "beheerder beleidsmedewerker consulent",
	"GET /beheer/{gemeente}/scan/bereiklijst.csv":           "consulent",
	"GET /beheer/{gemeente}/scan/watals":                    "beleidsmedewerker",
	"GET /beheer/{gemeente}/scan/watals.csv":                "beleidsmedewerker",
	"GET /beheer/{gemeente}/scan/voorstellen":               "consulent",
	"GET /beheer/{gemeente}/scan/instellingen":              "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/scan/instellingen":             "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/scan/voorstellen/{id}":          "consulent",
	"POST /beheer/{gemeente}/scan/voorstellen/{id}/besluit": "consulent",

	// Armoedeval (internal/web/monitorweb): household types, no personal data; monitor.simuleren.
	"GET /beheer/{gemeente}/armoedeval":       "beleidsmedewerker",
	"GET /beheer/{gemeente}/armoedeval.csv":   "beleidsmedewerker",
	"GET /beheer/{gemeente}/netwerkafspraken": "beheerder beleidsmedewerker consulent",
	// The monitor's aggregates (monitor.lezen): agreements with measured values as CSV, referral
	// counts with small-number suppression, the Wgs indicators of zaken.
	"GET /beheer/{gemeente}/netwerkafspraken.csv":   "beheerder beleidsmedewerker consulent",
	"GET /beheer/{gemeente}/verwijzingscijfers":     "beheerder beleidsmedewerker consulent",
	"GET /beheer/{gemeente}/verwijzingscijfers.csv": "beheerder beleidsmedewerker consulent",
	"GET /beheer/{gemeente}/zaakindicatoren":        "beheerder beleidsmedewerker consulent",

	// Vroegsignalering (signalen_*.go).
	"GET /beheer/{gemeente}/signalen":                 "consulent",
	"GET /beheer/{gemeente}/signalen/{id}":            "consulent",
	"POST /beheer/{gemeente}/signalen/{id}/oppakken":  "consulent",
	"POST /beheer/{gemeente}/signalen/{id}/contact":   "consulent",
	"POST /beheer/{gemeente}/signalen/{id}/notitie":   "consulent",
	"POST /beheer/{gemeente}/signalen/{id}/afsluiten": "consulent",
	"GET /beheer/{gemeente}/signalen/bestand":         "beleidsmedewerker consulent",
	"POST /beheer/{gemeente}/signalen/bestand":        "beleidsmedewerker consulent",
	"GET /beheer/{gemeente}/signalen/instellingen":    "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/signalen/instellingen":   "beheerder systeembeheerder",
	"GET /beheer/{gemeente}/signalen/indicatoren":     "beheerder beleidsmedewerker consulent",
	"GET /beheer/{gemeente}/signalen/indicatoren.csv": "beheerder beleidsmedewerker consulent",
	// The gemeente's list of briefadressen, on the settings page (signalen_briefadres*.go).
	"POST /beheer/{gemeente}/signalen/briefadressen":           "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/signalen/briefadressen/verwijder": "beheerder systeembeheerder",

	// Aanvragen (internal/web/aanvraagweb): the resident's pages are public (the code is in the form body),
	// the case worker's per gemeente.
	"POST /aanvragen/kies":                                 "publiek",
	"POST /aanvragen/documenten":                           "publiek",
	"POST /aanvragen/nieuw":                                "publiek",
	"GET /aanvragen/status":                                "publiek",
	"POST /aanvragen/status":                               "publiek",
	"POST /aanvragen/status/stuur":                         "publiek",
	"POST /aanvragen/status/brief":                         "publiek",
	"POST /aanvragen/status/intrekken":                     "publiek",
	"POST /aanvragen/status/email":                         "publiek",
	"GET /beheer/{gemeente}/aanvragen":                     "consulent",
	"GET /beheer/{gemeente}/aanvragen/{id}":                "consulent",
	"GET /beheer/{gemeente}/aanvragen/{id}/document/{doc}": "consulent",
	"GET /beheer/{gemeente}/aanvragen/{id}/brief/{brief}":  "consulent",
	"POST /beheer/{gemeente}/aanvragen/{id}/notitie":       "consulent",
	"POST /beheer/{gemeente}/aanvragen/{id}/vraag":         "consulent",
	"POST /beheer/{gemeente}/aanvragen/{id}/koppel":        "consulent",
	"POST /beheer/{gemeente}/aanvragen/{id}/besluit":       "consulent",
	"GET /beheer/{gemeente}/aanvragen/export":              "consulent",
	// The scan's ambtshalve proposals are judged in the aanvragen inbox (docs/aanvragen.md "Ambtshalve"):
	// viewing with aanvragen.lezen, accepting or declining with aanvragen.behandelen. The scan's old URLs
	// below keep scan.beoordelen and only redirect here.
	"GET /beheer/{gemeente}/aanvragen/voorstellen/{id}":          "consulent",
	"POST /beheer/{gemeente}/aanvragen/voorstellen/{id}/besluit": "consulent",
	// The intermediary's own list (fondsen.aanvragen, the permission with which an intermediary applies for
	// clients): the handler narrows it to the user's own applications, or a partner user's partner's;
	// another's application is 404 (TestEigenLijstIntermediair).
	"GET /beheer/{gemeente}/mijn-aanvragen":          "intermediair",
	"GET /beheer/{gemeente}/mijn-aanvragen/{id}":     "intermediair",
	"GET /beheer/{gemeente}/aanvragen/instellingen":  "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/aanvragen/instellingen": "beheerder systeembeheerder",

	// Zaken schuldhulp (internal/web/zakenweb). Reading: every debt-help role; the Wgs steps: consulent and
	// schuldhulpverlener; the plan and regie: also the regisseur; teams: the teamleider.
	"GET /beheer/{gemeente}/zaken":                          "consulent schuldhulpverlener regisseur teamleider",
	"GET /beheer/{gemeente}/zaken/wachtlijst":               "consulent schuldhulpverlener regisseur teamleider",
	"GET /beheer/{gemeente}/zaken/teams":                    "consulent schuldhulpverlener regisseur teamleider",
	"GET /beheer/{gemeente}/zaken/indicatoren.csv":          "consulent schuldhulpverlener regisseur teamleider",
	"POST /beheer/{gemeente}/zaken/teams":                   "teamleider",
	"GET /beheer/{gemeente}/zaken/nieuw":                    "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/nieuw":                   "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/nieuw/vroegsignaal/{id}": "consulent schuldhulpverlener",
	"GET /beheer/{gemeente}/zaken/{id}":                     "consulent schuldhulpverlener regisseur teamleider",
	"GET /beheer/{gemeente}/zaken/{id}/brief/{brief}":       "consulent schuldhulpverlener regisseur teamleider",
	"POST /beheer/{gemeente}/zaken/{id}/eerste-gesprek":     "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/besluit":            "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/beeindigen":         "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/afronden":           "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/stap":               "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/statushouder":       "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/huishouden":         "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/nazorg":             "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/contactmoment":      "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/contact-gedaan":     "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/heropenen":          "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/schuld":             "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/schuld-status":      "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/budget":             "consulent schuldhulpverlener",
	"GET /beheer/{gemeente}/zaken/{id}/schulden.csv":        "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/schuld-wijzig":      "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/schuld-weg":         "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/budget-wijzig":      "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/budget-weg":         "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/stap-uitkomst":      "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/stap-weg":           "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/nazorg-einde":       "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/teams/lid-weg":           "teamleider",
	"GET /beheer/{gemeente}/zaken/{id}/bijzonder":           "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/bijzonder":          "consulent schuldhulpverlener",
	"GET /beheer/{gemeente}/zaken/{id}/beslagvrije-voet":    "consulent schuldhulpverlener regisseur teamleider",
	"POST /beheer/{gemeente}/zaken/{id}/beslagvrije-voet":   "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/zaken/{id}/regie":              "consulent schuldhulpverlener regisseur",
	"POST /beheer/{gemeente}/zaken/{id}/doel":               "consulent schuldhulpverlener regisseur",
	"POST /beheer/{gemeente}/zaken/{id}/actie":              "consulent schuldhulpverlener regisseur",
	"POST /beheer/{gemeente}/zaken/{id}/actie-gedaan":       "consulent schuldhulpverlener regisseur",
	"POST /beheer/{gemeente}/zaken/{id}/notitie":            "consulent schuldhulpverlener regisseur",
	"POST /beheer/{gemeente}/zaken/{id}/team":               "teamleider",
	"GET /beheer/{gemeente}/zaken/instellingen":             "beheerder systeembeheerder",
	"POST /beheer/{gemeente}/zaken/instellingen":            "beheerder systeembeheerder",

	// Budgetten (internal/web/budgetweb): budgets without personal data for beheerder, beleidsmedewerker
	// and consulent; managing them for beheerder and beleidsmedewerker; requests (personal data) for the
	// consulent only.
	"GET /beheer/{gemeente}/budgetten":                     "beheerder beleidsmedewerker consulent",
	"GET /beheer/{gemeente}/budgetten/nieuw":               "beheerder beleidsmedewerker",
	"POST /beheer/{gemeente}/budgetten/nieuw":              "beheerder beleidsmedewerker",
	"GET /beheer/{gemeente}/budgetten/{id}":                "beheerder beleidsmedewerker consulent",
	"POST /beheer/{gemeente}/budgetten/{id}":               "beheerder beleidsmedewerker",
	"GET /beheer/{gemeente}/budgetten/{id}/aanvraag":       "consulent schuldhulpverlener",
	"POST /beheer/{gemeente}/budgetten/{id}/aanvraag":      "consulent schuldhulpverlener",
	"GET /beheer/{gemeente}/budgetaanvragen":               "consulent schuldhulpverlener regisseur teamleider",
	"GET /beheer/{gemeente}/budgetaanvragen/{id}":          "consulent schuldhulpverlener regisseur teamleider",
	"POST /beheer/{gemeente}/budgetaanvragen/{id}/besluit": "consulent schuldhulpverlener",
	"GET /beheer/{gemeente}/budgetaanvragen/{id}/brief":    "consulent schuldhulpverlener regisseur teamleider",
	"GET /beheer/{gemeente}/budgetten/export":              "beheerder beleidsmedewerker",
	"GET /beheer/{gemeente}/budgetten/instellingen":        "beheerder beleidsmedewerker",
	"POST /beheer/{gemeente}/budgetten/instellingen":       "beheerder beleidsmedewerker",

	// System administration.
	"GET /systeem/gemeenten":             "systeem",
	"GET /systeem/gemeenten/nieuw":       "systeem",
	"POST /systeem/gemeenten/nieuw":      "systeem",
	"GET /systeem/gemeenten/{gemeente}":  "systeem",
	"POST /systeem/gemeenten/{gemeente}": "systeem",

	// JSON API (internal/apiv1).
	"POST /api/v1/signalen":             "sleutel:signalen.aanleveren",
	"GET /api/v1/signalen/{referentie}": "sleutel:signalen.terugmelden",
}

// geregistreerdePatronen returns every pattern the application mounts: the kit's own routes and every
// route of every part that bouwWeb builds (the same slices the kit mounts in one loop). That no route is
// registered anywhere else is TestGeenRoutesBuitenDeKit's job.
func geregistreerdePatronen(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, rt := range alleRoutes(t) {
		out = append(out, rt.Pattern)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestToegangTabelVolledig(t *testing.T) {
	routes := geregistreerdePatronen(t)
	for _, p := range routes {
		if _, ok := toegangTabel[p]; !ok {
			t.Errorf("route %q is registered but not in toegangTabel: decide who may use it", p)
		}
	}
	for p := range toegangTabel {
		if !slices.Contains(routes, p) {
			t.Errorf("toegangTabel has %q, which is not registered", p)
		}
	}
	// The table must agree with the guard's rule of every route (the guard uses auth.Mag; this catches a
	// route whose Permissie is not the one the table expects).
	for _, rt := range alleRoutes(t) {
		want := toegangTabel[rt.Pattern]
		var got string
		switch rt.Access {
		case web.Open, web.Public:
			got = "publiek"
		case web.LoggedIn:
			got = "ingelogd"
		case web.System:
			got = "systeem"
		case web.Bearer:
			got = want // the API checks its bearer token itself; TestAutorisatie tries every credential
		case web.InGemeente:
			var wie []string
			for _, r := range auth.Rollen {
				if slices.Contains(auth.Permissies(r), rt.Permissie) {
					wie = append(wie, string(r))
				}
			}
			if auth.Mag(auth.Actor{Soort: auth.ActorGebruiker, Systeembeheerder: true}, eigen, rt.Permissie) {
				wie = append(wie, "systeembeheerder")
			}
			got = strings.Join(wie, " ")
		}
		if got != want {
			t.Errorf("%s: guard allows %q, table says %q", rt.Pattern, got, want)
		}
	}
}

// actoren are the callers of TestAutorisatie.
var actoren = []string{"anoniem", "beheerder", "beleidsmedewerker", "consulent", "intermediair", "systeembeheerder"}

// mag evaluates the table for a caller (a role, "anoniem" or "sleutel:<perm>") in gemeente gm.
func mag(regel, wie, gm string) bool {
	isSleutel := strings.HasPrefix(wie, "sleutel:")
	switch {
	case regel == "publiek":
		return true
	case strings.HasPrefix(regel, "sleutel:"):
		return isSleutel && wie == regel && gm == eigen
	case isSleutel, wie == "anoniem":
		return false
	case regel == "ingelogd":
		return true
	case regel == "systeem":
		return wie == "systeembeheerder"
	}
	if !slices.Contains(strings.Fields(regel), wie) {
		return false
	}
	return wie == "systeembeheerder" || gm == eigen
}

// vulPad is webtest.VulPad, with the gemeente as a query parameter of the API's signal status.
func vulPad(pattern, gm string) (string, string) {
	method, pad := webtest.VulPad(pattern, gm)
	if strings.HasPrefix(pad, "/api/v1/signalen/") {
		pad += "?gemeente=" + gm
	}
	return method, pad
}

func TestAutorisatie(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		routes := geregistreerdePatronen(t)
		// Logout last: it ends the session used for the other routes.
		slices.SortStableFunc(routes, func(a, b string) int {
			return boolInt(a == "POST /logout") - boolInt(b == "POST /logout")
		})
		sessies := map[string]string{"anoniem": ""}
		for _, wie := range actoren[1:] {
			sessies[wie] = o.loginAls(wie)
		}
		sleutels := map[string]string{}
		var bellers []string
		testPartner := o.Partner("Test partner", eigen)
		for _, p := range auth.SleutelPermissies {
			tok, _, err := o.Auth.MaakSleutel(t.Context(), auth.NieuweSleutel{Naam: "test " + string(p), PartnerID: testPartner,
				Gemeenten: []string{eigen}, Permissies: []auth.Permissie{p}})
			if err != nil {
				t.Fatal(err)
			}
			sleutels["sleutel:"+string(p)] = tok
			bellers = append(bellers, "sleutel:"+string(p))
		}
		bellers = append(actoren, bellers...)
		n := 0
		for _, wie := range bellers {
			for _, p := range routes {
				regel, ok := toegangTabel[p]
				if !ok {
					continue // reported by TestToegangTabelVolledig
				}
				for _, gm := range []string{eigen, ander} {
					method, pad := vulPad(p, gm)
					var form url.Values
					hdr := map[string]string{}
					if tok, ok := sleutels[wie]; ok {
						hdr["Authorization"] = "Bearer " + tok
					}
					if method == http.MethodPost {
						form = url.Values{}
					}
					var a antwoord
					if strings.HasPrefix(pad, "/api/") && method == http.MethodPost {
						a = o.doeJSON(method, pad, sessies[wie], `{"gemeente":"`+gm+`","signalen":[]}`, hdr)
					} else {
						a = o.doe(method, pad, sessies[wie], form, hdr)
					}
					n++
					got := webtest.Toegelaten(a)
					if want := mag(regel, wie, gm); got != want {
						t.Errorf("%s as %s in %s (%s %s): status %d Location %q: allowed=%v, want %v", p, wie, gm, method, pad, a.Status, a.Loc, got, want)
					}
				}
			}
		}
		t.Logf("%d requests: %d routes × %d callers × 2 gemeenten", n, len(routes), len(bellers))
	})
}

func (o *staffOmgeving) doeJSON(method, pad, cookie, body string, hdr map[string]string) antwoord {
	o.T.Helper()
	hdr["Content-Type"] = "application/json"
	return o.DoeBody(method, pad, cookie, strings.NewReader(body), hdr)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
