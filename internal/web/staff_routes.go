package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// Toegang is the rule that guards a staff route.
type Toegang int

const (
	// Publiek: anyone, also without a session (the login page).
	Publiek Toegang = iota
	// Ingelogd: any user with a valid session.
	Ingelogd
	// InGemeente: a user who may do the route's Permissie in the gemeente of the {gemeente} path value.
	InGemeente
	// Systeem: a system administrator (gemeenten.beheren).
	Systeem
)

// StaffRoute is one staff page: its ServeMux pattern and the rule that guards it. The same table
// registers the routes and drives the authorization test, so a route cannot exist without a rule.
type StaffRoute struct {
	Pattern   string
	Toegang   Toegang
	Permissie auth.Permissie // for InGemeente
	// Activiteit, when set, marks a route that reads or changes personal data: a refused access is
	// written to the processing log with result "denied" under this processing activity.
	Activiteit string
	handler    func(*Server, http.ResponseWriter, *http.Request)
}

// StaffRoutes returns the table of staff routes.
func StaffRoutes() []StaffRoute {
	return []StaffRoute{
		{Pattern: "GET /login", Toegang: Publiek, handler: (*Server).login},
		{Pattern: "POST /login", Toegang: Publiek, handler: (*Server).loginPost},
		{Pattern: "POST /logout", Toegang: Publiek, handler: (*Server).logout},
		{Pattern: "GET /wachtwoord", Toegang: Ingelogd, handler: (*Server).wachtwoord},
		{Pattern: "POST /wachtwoord", Toegang: Ingelogd, handler: (*Server).wachtwoordPost},
		{Pattern: "GET /beheer/{$}", Toegang: Ingelogd, handler: (*Server).staffKies},
		{Pattern: "GET /beheer/{gemeente}/{$}", Toegang: InGemeente, Permissie: auth.RegelsLezen, handler: (*Server).staffStart},

		{Pattern: "GET /beheer/{gemeente}/gebruikers", Toegang: InGemeente, Permissie: auth.GebruikersBeheren, handler: (*Server).beheerGebruikers},
		{Pattern: "GET /beheer/{gemeente}/gebruikers/nieuw", Toegang: InGemeente, Permissie: auth.GebruikersBeheren, handler: (*Server).beheerGebruikerNieuw},
		{Pattern: "POST /beheer/{gemeente}/gebruikers/nieuw", Toegang: InGemeente, Permissie: auth.GebruikersBeheren, handler: (*Server).beheerGebruikerNieuwPost},
		{Pattern: "GET /beheer/{gemeente}/gebruikers/{id}", Toegang: InGemeente, Permissie: auth.GebruikersBeheren, handler: (*Server).beheerGebruiker},
		{Pattern: "POST /beheer/{gemeente}/gebruikers/{id}/rol", Toegang: InGemeente, Permissie: auth.GebruikersBeheren, handler: (*Server).beheerGebruikerRol},
		{Pattern: "POST /beheer/{gemeente}/gebruikers/{id}/actief", Toegang: InGemeente, Permissie: auth.GebruikersBeheren, handler: (*Server).beheerGebruikerActief},
		{Pattern: "POST /beheer/{gemeente}/gebruikers/{id}/wachtwoord", Toegang: InGemeente, Permissie: auth.GebruikersBeheren, handler: (*Server).beheerGebruikerWachtwoord},

		{Pattern: "GET /beheer/{gemeente}/sleutels", Toegang: InGemeente, Permissie: auth.SleutelsBeheren, handler: (*Server).beheerSleutels},
		{Pattern: "GET /beheer/{gemeente}/sleutels/nieuw", Toegang: InGemeente, Permissie: auth.SleutelsBeheren, handler: (*Server).beheerSleutelNieuw},
		{Pattern: "POST /beheer/{gemeente}/sleutels/nieuw", Toegang: InGemeente, Permissie: auth.SleutelsBeheren, handler: (*Server).beheerSleutelNieuwPost},
		{Pattern: "POST /beheer/{gemeente}/sleutels/{id}/intrekken", Toegang: InGemeente, Permissie: auth.SleutelsBeheren, handler: (*Server).beheerSleutelIntrekken},

		{Pattern: "GET /beheer/{gemeente}/audit", Toegang: InGemeente, Permissie: auth.AuditLezen, Activiteit: "audit.inzien", handler: (*Server).auditLog},
		{Pattern: "POST /beheer/{gemeente}/audit", Toegang: InGemeente, Permissie: auth.AuditLezen, Activiteit: "audit.inzien", handler: (*Server).auditLog},
		{Pattern: "POST /beheer/{gemeente}/audit.csv", Toegang: InGemeente, Permissie: auth.AuditExporteren, Activiteit: "audit.inzien", handler: (*Server).auditCSV},

		{Pattern: "GET /beheer/{gemeente}/instellingen", Toegang: InGemeente, Permissie: auth.GemeenteInstellen, handler: (*Server).beheerInstellingen},
		{Pattern: "POST /beheer/{gemeente}/instellingen", Toegang: InGemeente, Permissie: auth.GemeenteInstellen, handler: (*Server).beheerInstellingenPost},

		// Vroegsignalering (signalen_*.go).
		{Pattern: "GET /beheer/{gemeente}/signalen", Toegang: InGemeente, Permissie: auth.SignalenLezen, Activiteit: "signalen.behandelen", handler: (*Server).signalenWerklijst},
		{Pattern: "GET /beheer/{gemeente}/signalen/{id}", Toegang: InGemeente, Permissie: auth.SignalenLezen, Activiteit: "signalen.behandelen", handler: (*Server).signalenZaak},
		{Pattern: "POST /beheer/{gemeente}/signalen/{id}/oppakken", Toegang: InGemeente, Permissie: auth.SignalenBehandelen, Activiteit: "signalen.behandelen", handler: (*Server).signalenOppakken},
		{Pattern: "POST /beheer/{gemeente}/signalen/{id}/contact", Toegang: InGemeente, Permissie: auth.SignalenBehandelen, Activiteit: "signalen.behandelen", handler: (*Server).signalenContact},
		{Pattern: "POST /beheer/{gemeente}/signalen/{id}/notitie", Toegang: InGemeente, Permissie: auth.SignalenBehandelen, Activiteit: "signalen.behandelen", handler: (*Server).signalenNotitie},
		{Pattern: "POST /beheer/{gemeente}/signalen/{id}/afsluiten", Toegang: InGemeente, Permissie: auth.SignalenBehandelen, Activiteit: "signalen.behandelen", handler: (*Server).signalenAfsluiten},
		{Pattern: "GET /beheer/{gemeente}/signalen/bestand", Toegang: InGemeente, Permissie: auth.ImportUitvoeren, handler: (*Server).signalenBestand},
		{Pattern: "POST /beheer/{gemeente}/signalen/bestand", Toegang: InGemeente, Permissie: auth.ImportUitvoeren, Activiteit: "signalen.ontvangen", handler: (*Server).signalenBestandPost},
		{Pattern: "GET /beheer/{gemeente}/signalen/instellingen", Toegang: InGemeente, Permissie: auth.GemeenteInstellen, handler: (*Server).signalenInstellingen},
		{Pattern: "POST /beheer/{gemeente}/signalen/instellingen", Toegang: InGemeente, Permissie: auth.GemeenteInstellen, handler: (*Server).signalenInstellingenPost},
		{Pattern: "GET /beheer/{gemeente}/signalen/indicatoren", Toegang: InGemeente, Permissie: auth.MonitorLezen, handler: (*Server).signalenIndicatoren},
		{Pattern: "GET /beheer/{gemeente}/signalen/indicatoren.csv", Toegang: InGemeente, Permissie: auth.MonitorLezen, handler: (*Server).signalenIndicatorenCSV},

		// Scan, what-if and ambtshalve proposals (scan_*.go).
		{Pattern: "GET /beheer/{gemeente}/scan", Toegang: InGemeente, Permissie: auth.MonitorLezen, handler: (*Server).scanOverzicht},
		{Pattern: "POST /beheer/{gemeente}/scan", Toegang: InGemeente, Permissie: auth.ScanUitvoeren, Activiteit: "scan.uitvoeren", handler: (*Server).scanUitvoeren},
		{Pattern: "GET /beheer/{gemeente}/scan/bereik.csv", Toegang: InGemeente, Permissie: auth.MonitorLezen, handler: (*Server).scanBereikCSV},
		{Pattern: "GET /beheer/{gemeente}/scan/bereiklijst.csv", Toegang: InGemeente, Permissie: auth.ScanLezen, Activiteit: "scan.uitvoeren", handler: (*Server).scanBereiklijst},
		{Pattern: "GET /beheer/{gemeente}/scan/watals", Toegang: InGemeente, Permissie: auth.MonitorSimuleren, Activiteit: "scan.uitvoeren", handler: (*Server).scanWatAls},
		{Pattern: "GET /beheer/{gemeente}/scan/watals.csv", Toegang: InGemeente, Permissie: auth.MonitorSimuleren, Activiteit: "scan.uitvoeren", handler: (*Server).scanWatAlsCSV},
		{Pattern: "GET /beheer/{gemeente}/scan/voorstellen", Toegang: InGemeente, Permissie: auth.ScanBeoordelen, Activiteit: "scan.beoordelen", handler: (*Server).scanVoorstellen},
		{Pattern: "GET /beheer/{gemeente}/scan/voorstellen/{id}", Toegang: InGemeente, Permissie: auth.ScanBeoordelen, Activiteit: "scan.beoordelen", handler: (*Server).scanVoorstel},
		{Pattern: "POST /beheer/{gemeente}/scan/voorstellen/{id}/besluit", Toegang: InGemeente, Permissie: auth.ScanBeoordelen, Activiteit: "scan.beoordelen", handler: (*Server).scanBesluit},

		{Pattern: "GET /systeem/gemeenten", Toegang: Systeem, handler: (*Server).systeemGemeenten},
		{Pattern: "GET /systeem/gemeenten/nieuw", Toegang: Systeem, handler: (*Server).systeemGemeenteNieuw},
		{Pattern: "POST /systeem/gemeenten/nieuw", Toegang: Systeem, handler: (*Server).systeemGemeenteNieuwPost},
		{Pattern: "GET /systeem/gemeenten/{gemeente}", Toegang: Systeem, handler: (*Server).systeemGemeente},
		{Pattern: "POST /systeem/gemeenten/{gemeente}", Toegang: Systeem, handler: (*Server).systeemGemeentePost},
	}
}

// staffRoutes registers the staff pages (none when the server has no StaffDeps).
func (s *Server) staffRoutes(mux *http.ServeMux) {
	if s.staff == nil {
		return
	}
	for _, rt := range StaffRoutes() {
		mux.Handle(rt.Pattern, s.bewaak(rt))
	}
}

// bewaak wraps a handler in its access rule. Order: session (anonymous → login page), then the
// permission in the gemeente of the URL (refused → 403, before anything reveals whether the gemeente
// exists), then the gemeente must exist (404). A user who must change their password is sent to
// /wachtwoord first.
func (s *Server) bewaak(rt StaffRoute) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, err := s.sessie(r)
		if err != nil {
			s.interneFout(w, r, err)
			return
		}
		ctx := audit.WithTrace(r.Context(), audit.NieuweTrace(r.Header.Get("traceparent")))
		if i != nil {
			ctx = audit.WithActor(ctx, auditActor(i.Gebruiker))
			ctx = withIngelogd(ctx, i)
		}
		r = r.WithContext(ctx)
		if rt.Toegang == Publiek {
			rt.handler(s, w, r)
			return
		}
		if i == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?terug="+urlQueryEscape(r.URL.Path), http.StatusSeeOther)
				return
			}
			s.staffFout(w, r, http.StatusUnauthorized, "Je bent niet (meer) ingelogd. Log in en probeer het opnieuw.")
			return
		}
		if i.Gebruiker.MoetWachtwoordWijzigen && !strings.HasSuffix(rt.Pattern, " /wachtwoord") {
			http.Redirect(w, r, "/wachtwoord", http.StatusSeeOther)
			return
		}
		switch rt.Toegang {
		case Systeem:
			if !auth.Mag(i.Actor, "", auth.GemeentenBeheren) {
				s.staffFout(w, r, http.StatusForbidden, "Deze pagina is alleen voor systeembeheerders.")
				return
			}
			if gm := r.PathValue("gemeente"); gm != "" && gm != "nieuw" {
				if !s.gemeenteBestaat(w, r, gm, false) {
					return
				}
			}
		case InGemeente:
			gm := r.PathValue("gemeente")
			if !auth.Mag(i.Actor, gm, rt.Permissie) {
				if rt.Activiteit != "" && tenant.ValideerCode(gm) == nil {
					s.weigeringLoggen(r, gm, rt)
				}
				s.staffFout(w, r, http.StatusForbidden, "Je mag dit niet doen in deze gemeente. Vraag de beheerder van de gemeente om een rol als je dit nodig hebt.")
				return
			}
			if !s.gemeenteBestaat(w, r, gm, true) {
				return
			}
		}
		rt.handler(s, w, r)
	})
}

// gemeenteBestaat answers 404 when gm is not a gemeente (or, when actief, not an active one).
func (s *Server) gemeenteBestaat(w http.ResponseWriter, r *http.Request, gm string, actief bool) bool {
	g, err := tenant.Haal(r.Context(), s.staff.DB, gm)
	if errors.Is(err, store.ErrNotFound) || (err == nil && actief && !g.Actief) {
		s.staffFout(w, r, http.StatusNotFound, "Deze gemeente bestaat niet in Zeker, of staat uit.")
		return false
	}
	if err != nil {
		s.interneFout(w, r, err)
		return false
	}
	return true
}

// weigeringLoggen writes a refused access to personal data to the processing log of that gemeente.
func (s *Server) weigeringLoggen(r *http.Request, gm string, rt StaffRoute) {
	err := s.staff.Audit.Schrijf(r.Context(), audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: rt.Activiteit,
		Operatie: "toegang.geweigerd", Actie: audit.Lezen, Resultaat: audit.Geweigerd, Object: "route/" + rt.Pattern, Aantal: 1})
	if err != nil && !errors.Is(err, store.ErrConstraint) {
		s.log.ErrorContext(r.Context(), "audit: weigering", "fout", err)
	}
}
