package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// The staff pages: login, a start page per gemeente, users, API credentials, the processing log and the
// tenants. They are Dutch only and use the words of the field. Every route is in the table of
// staff_routes.go with the rule that guards it; handlers can rely on that rule having been checked.

// StaffDeps are the services of the staff pages. Without them (Deps.Staff nil) the server serves only the
// resident check.
type StaffDeps struct {
	DB    *store.DB
	Auth  *auth.Service
	Audit *audit.Log
	// Klok gives the current time; nil means time.Now.
	Klok func() time.Time
	// ClientIPHeader names the header in which a trusted reverse proxy puts the client's address (for
	// example X-Forwarded-For; its last entry is used). Empty: the address of the connection. Login
	// rate limiting counts per client address, so behind a proxy this must be set.
	ClientIPHeader string
	// Ready, when set, is asked by /readyz in addition to the database (e.g. the job runner).
	Ready func(ctx context.Context) error
	// API, when set, serves /api/v1/ (internal/apiv1: bearer tokens, never cookies). It is mounted
	// beside the pages, outside the form middleware (cross-origin protection, 64 KiB body limit), with
	// only request logging and panic recovery around it.
	API http.Handler
	// Signalen, when set, adds the vroegsignalering pages (signalen_*.go).
	Signalen *SignalenDeps
}

// staff is the staff part of the Server.
type staff struct {
	StaffDeps
	tmpl map[string]*template.Template
	taal *Taal        // Dutch, with the layout texts of the staff side
	sig  *signalenWeb // nil without Signalen
}

// staffTemplates are the page templates of the staff pages; each is parsed with base.html and
// staff_gedeeld.html (the staff navigation and shared pieces).
var staffTemplates = []string{"login", "staff_wachtwoord", "staff_kies", "staff_start", "staff_fout",
	"beheer_gebruikers", "beheer_gebruiker", "beheer_gebruiker_nieuw", "beheer_sleutels", "beheer_sleutel_nieuw",
	"beheer_audit", "beheer_gemeenten", "beheer_gemeente",
	"beheer_scan", "beheer_scan_watals", "beheer_scan_voorstellen", "beheer_scan_voorstel"}

// eigenTemplateSet reports whether a template file belongs to a part with its own template set and
// functions (the staff pages, vroegsignalering), which parseTemplates must leave alone.
func eigenTemplateSet(name string) bool {
	for _, p := range []string{"staff_", "beheer_", "login.", "signalen_"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// initStaff prepares the staff pages when deps are given.
func (s *Server) initStaff(deps *StaffDeps) error {
	if deps == nil {
		return nil
	}
	if deps.DB == nil || deps.Auth == nil || deps.Audit == nil {
		return errors.New("web: staff: DB, Auth en Audit zijn nodig")
	}
	st := &staff{StaffDeps: *deps, tmpl: map[string]*template.Template{}}
	if st.Klok == nil {
		st.Klok = time.Now
	}
	base, err := template.New("base.html").Funcs(templateFuncs).Funcs(staffFuncs).
		ParseFS(templateFS, "templates/base.html", "templates/staff_gedeeld.html")
	if err != nil {
		return fmt.Errorf("web: staff templates: %w", err)
	}
	for _, name := range staffTemplates {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return fmt.Errorf("web: template %s: %w", name, err)
		}
		st.tmpl[name] = t
	}
	// The layout (base.html) speaks to residents; on staff pages its subtitle and footer say where you are.
	nl := s.talen.Taal(StandaardTaal, false)
	m := make(map[string]string, len(nl.m))
	for k, v := range nl.m {
		m[k] = v
	}
	m["layout.ondertitel"] = "voor medewerkers"
	m["layout.footer"] = "Zeker is open source. Wat je hier met persoonsgegevens doet, komt in het verwerkingslog van de gemeente."
	st.taal = &Taal{Code: StandaardTaal, m: m, nl: m}
	if deps.Signalen != nil {
		if st.sig, err = nieuwSignalenWeb(*deps.Signalen); err != nil {
			return err
		}
	}
	s.staff = st
	return nil
}

var staffFuncs = template.FuncMap{
	"tijd": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.In(amsterdam).Format("02-01-2006 15:04")
	},
	"rolNaam": func(r auth.Rol) string { return rolNamen[r] },
	// taakNaam and taakStatus name background jobs in the words of the field; unknown kinds show as is.
	"taakNaam": func(kind string) string {
		if n, ok := map[string]string{"scan.uitvoeren": "Scan op niet-gebruik", "import.huishoudens": "Huishoudens inlezen",
			"signalen.bewaartermijn": "Bewaartermijn vroegsignalering"}[kind]; ok {
			return n
		}
		return kind
	},
	"taakStatus": func(st jobs.Status) string {
		if n, ok := map[jobs.Status]string{jobs.Queued: "Wacht", jobs.Running: "Bezig", jobs.Done: "Klaar",
			jobs.Failed: "Mislukt", jobs.Cancelled: "Geannuleerd"}[st]; ok {
			return n
		}
		return string(st)
	},
	"actieNaam": func(a audit.Actie) string {
		return map[audit.Actie]string{audit.Aanmaken: "Vastleggen", audit.Lezen: "Inzien", audit.Wijzigen: "Wijzigen",
			audit.Verwijderen: "Verwijderen", audit.Exporteren: "Downloaden"}[a]
	},
	"resultaatNaam": func(r audit.Resultaat) string {
		return map[audit.Resultaat]string{audit.OK: "Gelukt", audit.Fout: "Mislukt", audit.Geweigerd: "Geweigerd"}[r]
	},
}

// amsterdam is the time zone of the pages; times are stored in UTC.
var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}()

var rolNamen = map[auth.Rol]string{
	auth.Beheerder:         "Beheerder",
	auth.Beleidsmedewerker: "Beleidsmedewerker",
	auth.Consulent:         "Consulent",
	auth.Intermediair:      "Intermediair",
}

// metAPI puts the JSON API beside the pages when the server has one.
func (s *Server) metAPI(pages http.Handler) http.Handler {
	if s.staff == nil || s.staff.API == nil {
		return pages
	}
	outer := http.NewServeMux()
	outer.Handle("/api/v1/", s.logRequests(s.recoverer(s.staff.API)))
	outer.Handle("/", pages)
	return outer
}

// staffReady checks the database (and what Ready adds) for /readyz.
func (s *Server) staffReady(ctx context.Context) error {
	if s.staff == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := s.staff.DB.SQL().PingContext(ctx); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	var n int
	if err := s.staff.DB.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM tenants").Scan(&n); err != nil {
		return fmt.Errorf("database niet gemigreerd: %w", err)
	}
	if s.staff.Ready != nil {
		return s.staff.Ready(ctx)
	}
	return nil
}

// ---- the logged-in user on the request ----

type ingelogdKey struct{}

// ingelogd is the user of a request with a valid session.
type ingelogd struct {
	Gebruiker auth.Gebruiker
	Actor     auth.Actor
	Token     string
}

func withIngelogd(ctx context.Context, i *ingelogd) context.Context {
	return context.WithValue(ctx, ingelogdKey{}, i)
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

func ingelogdUit(ctx context.Context) *ingelogd {
	i, _ := ctx.Value(ingelogdKey{}).(*ingelogd)
	return i
}

// sessie reads the session cookie; nil when there is no valid session.
func (s *Server) sessie(r *http.Request) (*ingelogd, error) {
	tok := auth.SessieToken(r, s.cfg.BehindTLS)
	if tok == "" {
		return nil, nil
	}
	_, g, err := s.staff.Auth.Sessie(r.Context(), tok)
	if errors.Is(err, auth.ErrOngeldig) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !g.Actief {
		return nil, nil
	}
	return &ingelogd{Gebruiker: g, Actor: g.Actor(), Token: tok}, nil
}

// clientIP is the address login attempts are counted against.
func (s *Server) clientIP(r *http.Request) string {
	if h := s.staff.ClientIPHeader; h != "" {
		if v := r.Header.Get(h); v != "" {
			parts := strings.Split(v, ",")
			if ip := strings.TrimSpace(parts[len(parts)-1]); ip != "" {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// ---- page data and rendering ----

// staffPagina is the layout data of every staff page: the page plus who is logged in and where.
type staffPagina struct {
	pagina
	Wie      *auth.Gebruiker
	Gemeente *tenant.Gemeente // the gemeente of this page, if any
	Nav      []navLink
	Melding  string // a confirmation after a change (from a fixed list, never user input)
}

type navLink struct {
	Tekst, URL string
	Huidig     bool
}

// vulStaff fills the layout of a staff page. gemeente may be nil.
func (s *Server) vulStaff(p *staffPagina, r *http.Request, titel string, gemeente *tenant.Gemeente) {
	p.L, p.Titel = s.staff.taal, titel
	p.TaalLinks = nil // staff pages are Dutch only
	if i := ingelogdUit(r.Context()); i != nil {
		p.Wie = &i.Gebruiker
		p.Nav = s.staffNav(i.Actor, gemeente, r.URL.Path)
	}
	if gemeente != nil {
		p.Gemeente = gemeente
		p.Thema = themaKlasse(gemeente.Code)
	}
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
}

// staffNav lists the parts of Zeker the actor may open in gemeente (none without a gemeente).
func (s *Server) staffNav(a auth.Actor, g *tenant.Gemeente, hier string) []navLink {
	var nav []navLink
	add := func(tekst, url string) {
		nav = append(nav, navLink{Tekst: tekst, URL: url, Huidig: url == hier})
	}
	if g != nil {
		for _, d := range s.onderdelen(g.Code) {
			if auth.Mag(a, g.Code, d.Permissie) {
				add(d.Titel, d.URL)
			}
		}
	}
	if auth.Mag(a, "", auth.GemeentenBeheren) {
		add("Gemeenten", "/systeem/gemeenten")
	}
	return nav
}

// onderdeel is a part of Zeker with a page for a gemeente.
type onderdeel struct {
	Titel, Uitleg, URL string
	Permissie          auth.Permissie
}

// onderdelen are the parts of Zeker that have staff pages on this server, in menu order.
func (s *Server) onderdelen(gm string) []onderdeel {
	var out []onderdeel
	for _, o := range alleOnderdelen(gm) {
		if strings.Contains(o.URL, "/signalen") && s.staff.sig == nil {
			continue
		}
		out = append(out, o)
	}
	return out
}

func alleOnderdelen(gm string) []onderdeel {
	b := "/beheer/" + gm
	return []onderdeel{
		{"Start", "Overzicht van wat je in deze gemeente kunt doen.", b + "/", auth.RegelsLezen},
		{"Medewerkers", "Medewerkers van de gemeente en partners: toevoegen, rol wijzigen, blokkeren, nieuw wachtwoord.", b + "/gebruikers", auth.GebruikersBeheren},
		{"API-sleutels", "Sleutels waarmee partners en systemen gegevens aanleveren: maken, bekijken, intrekken.", b + "/sleutels", auth.SleutelsBeheren},
		{"Vroegsignalering", "Signalen van betalingsachterstanden: werklijst, zaken, indicatoren.", b + "/signalen", auth.SignalenLezen},
		{"Verwerkingslog", "Wie heeft wanneer welke persoonsgegevens verwerkt. Zoeken en downloaden als CSV.", b + "/audit", auth.AuditLezen},
		{"Gegevens van de gemeente", "Contactgegevens voor inwoners, huisstijl en instellingen.", b + "/instellingen", auth.GemeenteInstellen},
		{"Signalen aanleveren", "Signalen van een partner uit een CSV-bestand aanleveren.", b + "/signalen/bestand", auth.ImportUitvoeren},
		{"Indicatoren vroegsignalering", "Signalen per maand en per soort partner, bereik, resultaten, termijnen. Download als CSV.", b + "/signalen/indicatoren", auth.MonitorLezen},
		{"Instellingen vroegsignalering", "Drempelbedrag, termijnen, matchingperiode en bewaartermijnen.", b + "/signalen/instellingen", auth.GemeenteInstellen},
		{"Scan: bereik en niet-gebruik", "Wie heeft recht op een regeling maar krijgt die niet: bereik per doelgroep en dorp, bereiklijst.", b + "/scan", auth.MonitorLezen},
		{"Wat als", "Een inkomensgrens of bedrag veranderen en zien wie er recht bij krijgt en wat het kost.", b + "/scan/watals", auth.MonitorSimuleren},
		{"Voorstellen ambtshalve", "Voorstellen om een regeling zonder aanvraag toe te kennen: goedkeuren of afwijzen.", b + "/scan/voorstellen", auth.ScanBeoordelen},
	}
}

// renderStaff executes a staff page into a buffer first, so a template error never sends half a page.
func (s *Server) renderStaff(w http.ResponseWriter, r *http.Request, status int, name string, data pageData) {
	t, ok := s.staff.tmpl[name]
	if !ok {
		s.log.Error("onbekende staff-template", "name", name)
		http.Error(w, "Er ging iets mis.", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base.html", data); err != nil {
		s.log.Error("template", "name", name, "err", err)
		http.Error(w, "Er ging iets mis.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type staffFoutData struct {
	staffPagina
	Bericht string
	Terug   string
}

// staffFout shows an error page on the staff side: what happened and where to go.
func (s *Server) staffFout(w http.ResponseWriter, r *http.Request, status int, bericht string) {
	titel := map[int]string{
		http.StatusForbidden:           "Geen toegang",
		http.StatusNotFound:            "Niet gevonden",
		http.StatusBadRequest:          "Verzoek niet gelezen",
		http.StatusInternalServerError: "Er ging iets mis",
	}[status]
	if titel == "" {
		titel = "Er ging iets mis"
	}
	d := &staffFoutData{Bericht: bericht, Terug: "/beheer/"}
	s.vulStaff(&d.staffPagina, r, titel, nil)
	s.renderStaff(w, r, status, "staff_fout", d)
}

// interneFout logs err and shows the 500 page without details.
func (s *Server) interneFout(w http.ResponseWriter, r *http.Request, err error) {
	s.log.ErrorContext(r.Context(), "staff", "path", r.URL.Path, "fout", err)
	s.staffFout(w, r, http.StatusInternalServerError, "Er ging bij ons iets mis. Probeer het later nog eens. Blijft het misgaan, meld het dan bij de beheerder.")
}

// gemeenteVan returns the gemeente of the {gemeente} path value (the guard has checked it exists).
func (s *Server) gemeenteVan(r *http.Request) (tenant.Gemeente, error) {
	return tenant.Haal(r.Context(), s.staff.DB, r.PathValue("gemeente"))
}

// idUit reads a numeric path value.
func idUit(r *http.Request, name string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	return id, err == nil && id > 0
}

// terugNaar redirects after a POST (303), with an optional confirmation key.
func terugNaar(w http.ResponseWriter, r *http.Request, pad, klaar string) {
	if klaar != "" {
		pad += "?klaar=" + klaar
	}
	http.Redirect(w, r, pad, http.StatusSeeOther)
}

// auditActor is the audit actor of a logged-in user.
func auditActor(g auth.Gebruiker) audit.Actor {
	return audit.Actor{Soort: audit.ActorGebruiker, ID: strconv.FormatInt(g.ID, 10), Naam: g.Naam}
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

// veldFouten collects form errors for the summary and per field.
type veldFouten struct {
	Fouten  []veldFout
	FoutBij map[string]string
}

func (v *veldFouten) fout(id, bericht string) {
	if v.FoutBij == nil {
		v.FoutBij = map[string]string{}
	}
	v.Fouten = append(v.Fouten, veldFout{id, bericht})
	v.FoutBij[id] = bericht
}
