// Package beheerweb is the staff side's own pages: login and logout, redeeming an invitation, changing
// one's password, the choice of gemeente and a gemeente's start page, and the beheerder's pages — users
// and their roles (a beheerder adds a colleague by invitation), partner API keys, the processing log,
// the outgoing e-mail (the outbox of internal/mail, without bodies), the gemeente's contact, theme and settings — and the system administrator's list of gemeenten. Dutch
// only, in the words of the field.
//
// Every route is a row of Part with the rule that guards it; handlers can rely on that rule having
// been checked by the kit (web.Route).
package beheerweb

import (
	"embed"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

//go:embed templates/*.html
var templateFS embed.FS

// Deps are the services of the pages beyond the kit's (users, processing log, gemeenten).
type Deps struct {
	// Jobs lists the background jobs on a gemeente's start page; nil: no list.
	Jobs *jobs.Queue
	// Klok gives the current time for expiry dates and file names; nil means time.Now.
	Klok func() time.Time
	// Partners are the partners a new API key can belong to (beheer_sleutel_nieuw.go). Required.
	Partners *partner.Service
	// Mail is the outbox of outgoing e-mail (beheer_mail.go); nil: the page shows an empty list.
	Mail *mail.Outbox
}

type server struct {
	kit      *web.Kit
	jobs     *jobs.Queue
	klok     func() time.Time
	pages    *web.Pages
	partners *partner.Service
	mail     *mail.Outbox
}

// New parses the pages and returns the part.
func New(kit *web.Kit, deps Deps) (web.Part, error) {
	if deps.Partners == nil {
		return web.Part{}, errors.New("beheerweb: geen partners")
	}
	s := &server{kit: kit, jobs: deps.Jobs, klok: deps.Klok, partners: deps.Partners, mail: deps.Mail}
	if s.klok == nil {
		s.klok = time.Now
	}
	var err error
	s.pages, err = kit.Pages(web.Templates{FS: templateFS, Staff: true, Funcs: map[string]any{
		"taakNaam":       kit.TaakNaam,
		"actieNaam":      actieNaam,
		"resultaatNaam":  resultaatNaam,
		"mailStatusNaam": mailStatusNaam,
	}})
	if err != nil {
		return web.Part{}, err
	}
	return web.Part{Name: "beheer", Routes: s.routes(), Menu: menu}, nil
}

func (s *server) routes() []web.Route {
	return []web.Route{
		{Pattern: "GET /login", Access: web.Public, Handler: s.login},
		{Pattern: "POST /login", Access: web.Public, Handler: s.loginPost, OngeldigeTekst: s.loginPost},
		{Pattern: "POST /logout", Access: web.Public, Handler: s.logout},
		{Pattern: "GET /uitnodiging", Access: web.Public, Handler: s.uitnodiging},
		{Pattern: "POST /uitnodiging", Access: web.Public, Handler: s.uitnodigingPost, OngeldigeTekst: s.uitnodigingOngeldig},
		{Pattern: "GET /wachtwoord", Access: web.LoggedIn, Handler: s.wachtwoord},
		{Pattern: "POST /wachtwoord", Access: web.LoggedIn, Handler: s.wachtwoordPost},
		{Pattern: "GET /beheer/{$}", Access: web.LoggedIn, Handler: s.staffKies},
		{Pattern: "GET /beheer/{gemeente}/{$}", Access: web.InGemeente, Permissie: auth.RegelsLezen, Handler: s.staffStart},

		{Pattern: "GET /beheer/{gemeente}/gebruikers", Access: web.InGemeente, Permissie: auth.GebruikersBeheren, Handler: s.beheerGebruikers},
		{Pattern: "GET /beheer/{gemeente}/gebruikers/nieuw", Access: web.InGemeente, Permissie: auth.GebruikersBeheren, Handler: s.beheerGebruikerNieuw},
		{Pattern: "POST /beheer/{gemeente}/gebruikers/nieuw", Access: web.InGemeente, Permissie: auth.GebruikersBeheren, Handler: s.beheerGebruikerNieuwPost},
		{Pattern: "GET /beheer/{gemeente}/gebruikers/{id}", Access: web.InGemeente, Permissie: auth.GebruikersBeheren, Handler: s.beheerGebruiker},
		{Pattern: "POST /beheer/{gemeente}/gebruikers/{id}/rol", Access: web.InGemeente, Permissie: auth.GebruikersBeheren, Handler: s.beheerGebruikerRol},
		{Pattern: "POST /beheer/{gemeente}/gebruikers/{id}/actief", Access: web.InGemeente, Permissie: auth.GebruikersBeheren, Handler: s.beheerGebruikerActief},
		{Pattern: "POST /beheer/{gemeente}/gebruikers/{id}/wachtwoord", Access: web.InGemeente, Permissie: auth.GebruikersBeheren, Handler: s.beheerGebruikerWachtwoord},

		{Pattern: "GET /beheer/{gemeente}/sleutels", Access: web.InGemeente, Permissie: auth.SleutelsBeheren, Handler: s.beheerSleutels},
		{Pattern: "GET /beheer/{gemeente}/sleutels/nieuw", Access: web.InGemeente, Permissie: auth.SleutelsBeheren, Handler: s.beheerSleutelNieuw},
		{Pattern: "POST /beheer/{gemeente}/sleutels/nieuw", Access: web.InGemeente, Permissie: auth.SleutelsBeheren, Handler: s.beheerSleutelNieuwPost},
		{Pattern: "POST /beheer/{gemeente}/sleutels/{id}/intrekken", Access: web.InGemeente, Permissie: auth.SleutelsBeheren, Handler: s.beheerSleutelIntrekken},

		{Pattern: "GET /beheer/{gemeente}/audit", Access: web.InGemeente, Permissie: auth.AuditLezen, Activiteit: "audit.inzien", Handler: s.auditLog},
		{Pattern: "POST /beheer/{gemeente}/audit", Access: web.InGemeente, Permissie: auth.AuditLezen, Activiteit: "audit.inzien", Handler: s.auditLog},
		{Pattern: "POST /beheer/{gemeente}/audit.csv", Access: web.InGemeente, Permissie: auth.AuditExporteren, Activiteit: "audit.inzien", Handler: s.auditCSV},

		{Pattern: "GET /beheer/{gemeente}/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.beheerInstellingen},
		{Pattern: "POST /beheer/{gemeente}/instellingen", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.beheerInstellingenPost},

		{Pattern: "GET /beheer/{gemeente}/mail", Access: web.InGemeente, Permissie: auth.GemeenteInstellen, Handler: s.beheerMail},

		{Pattern: "GET /systeem/gemeenten", Access: web.System, Handler: s.systeemGemeenten},
		{Pattern: "GET /systeem/gemeenten/nieuw", Access: web.System, Handler: s.systeemGemeenteNieuw},
		{Pattern: "POST /systeem/gemeenten/nieuw", Access: web.System, Handler: s.systeemGemeenteNieuwPost},
		{Pattern: "GET /systeem/gemeenten/{gemeente}", Access: web.System, Handler: s.systeemGemeente},
		{Pattern: "POST /systeem/gemeenten/{gemeente}", Access: web.System, Handler: s.systeemGemeentePost},
	}
}

// menu is this part's entries of the staff navigation (Volgorde interleaves them with other parts').
var menu = []web.MenuItem{
	{Titel: "Start", Uitleg: "Overzicht van wat je in deze gemeente kunt doen.", Pad: "", Permissie: auth.RegelsLezen, Volgorde: 10},
	{Titel: "Medewerkers", Uitleg: "Medewerkers van de gemeente en partners: toevoegen, rol wijzigen, blokkeren, nieuw wachtwoord.", Pad: "/gebruikers", Permissie: auth.GebruikersBeheren, Volgorde: 20},
	{Titel: "API-sleutels", Uitleg: "Sleutels waarmee partners en systemen gegevens aanleveren: maken, bekijken, intrekken.", Pad: "/sleutels", Permissie: auth.SleutelsBeheren, Volgorde: 30},
	{Titel: "Verwerkingslog", Uitleg: "Wie heeft wanneer welke persoonsgegevens verwerkt. Zoeken en downloaden als CSV.", Pad: "/audit", Permissie: auth.AuditLezen, Volgorde: 50},
	{Titel: "Uitgaande e-mail", Uitleg: "Welke e-mails Zeker verstuurt of heeft verstuurd: status, pogingen, fouten. Zonder inhoud.", Pad: "/mail", Permissie: auth.GemeenteInstellen, Volgorde: 55},
	{Titel: "Gegevens van de gemeente", Uitleg: "Contactgegevens voor inwoners, huisstijl en instellingen.", Pad: "/instellingen", Permissie: auth.GemeenteInstellen, Volgorde: 60},
}

// vulStaff fills the layout of a page of this part, with the confirmation of ?klaar=… from meldingen.
func (s *server) vulStaff(p *web.StaffPage, r *http.Request, titel string, g *tenant.Gemeente) {
	s.kit.VulStaff(p, r, titel, g)
	p.Melding = meldingen[r.URL.Query().Get("klaar")]
}

// meldingen are the confirmations shown after a redirect (?klaar=…).
var meldingen = map[string]string{
	"gebruiker":   "De medewerker is toegevoegd.",
	"rol":         "De rol is gewijzigd.",
	"rolweg":      "De rol is weggehaald.",
	"geblokkeerd": "Het account is geblokkeerd. De medewerker is overal uitgelogd.",
	"actief":      "Het account is weer actief.",
	"ingetrokken": "De API-sleutel is ingetrokken. Hij werkt niet meer.",
	"gemeente":    "De gegevens van de gemeente zijn opgeslagen.",
	"wachtwoord":  "Je wachtwoord is gewijzigd.",
	"welkom":      "Welkom. Je hebt de uitnodiging aangenomen en bent ingelogd.",
}

// rollenVan returns the roles of a user sorted by gemeente code, for display.
func rollenVan(g auth.Gebruiker) []rolRegel {
	out := make([]rolRegel, 0, len(g.Rollen))
	for gm, r := range g.Rollen {
		out = append(out, rolRegel{gm, r})
	}
	slices.SortFunc(out, func(a, b rolRegel) int { return strings.Compare(a.Gemeente, b.Gemeente) })
	return out
}

type rolRegel struct {
	Gemeente string
	Rol      auth.Rol
}

func actieNaam(a audit.Actie) string {
	return map[audit.Actie]string{audit.Aanmaken: "Vastleggen", audit.Lezen: "Inzien", audit.Wijzigen: "Wijzigen",
		audit.Verwijderen: "Verwijderen", audit.Exporteren: "Downloaden"}[a]
}

func resultaatNaam(r audit.Resultaat) string {
	return map[audit.Resultaat]string{audit.OK: "Gelukt", audit.Fout: "Mislukt", audit.Geweigerd: "Geweigerd"}[r]
}
