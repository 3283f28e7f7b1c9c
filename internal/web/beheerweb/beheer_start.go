package beheerweb

import (
	"net/http"
	"slices"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

type kiesData struct {
	web.StaffPage
	Gemeenten []tenant.Gemeente // where the user has a role
	Alle      []tenant.Gemeente // every active gemeente, for a system administrator
	Systeem   bool
}

// staffKies is /beheer/: the gemeenten where the user has a role. With exactly one (and no system
// administration) it goes straight to that gemeente's start page.
func (s *server) staffKies(w http.ResponseWriter, r *http.Request) {
	i := web.LoginUit(r.Context())
	alle, err := s.kit.Gemeenten().Lijst(r.Context())
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &kiesData{Systeem: auth.Mag(i.Actor, "", auth.GemeentenBeheren)}
	for _, g := range alle {
		if _, ok := i.Gebruiker.Rollen[g.Code]; ok && g.Actief {
			d.Gemeenten = append(d.Gemeenten, g)
		}
		if d.Systeem && g.Actief {
			d.Alle = append(d.Alle, g)
		}
	}
	if len(d.Gemeenten) == 1 && !d.Systeem {
		http.Redirect(w, r, "/beheer/"+d.Gemeenten[0].Code+"/", http.StatusSeeOther)
		return
	}
	s.vulStaff(&d.StaffPage, r, "Kies een gemeente", nil)
	s.pages.Render(w, r, http.StatusOK, "beheer_kies", d)
}

type startStaffData struct {
	web.StaffPage
	Rol        auth.Rol
	Systeem    bool
	Onderdelen []onderdeel
	Mag        []string
	Taken      []jobs.Job
	TakenFout  bool
	Intermed   bool
}

// staffStart is the start page of a gemeente: the user's role, what that role may do here in words,
// and links to the parts of Zeker that exist.
func (s *server) staffStart(w http.ResponseWriter, r *http.Request) {
	i := web.LoginUit(r.Context())
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &startStaffData{Rol: i.Gebruiker.Rollen[g.Code], Systeem: i.Gebruiker.Systeembeheerder,
		Intermed: auth.Mag(i.Actor, g.Code, auth.CheckIntermediair)}
	for _, m := range s.kit.Menu() {
		if m.Pad != "" && auth.Mag(i.Actor, g.Code, m.Permissie) {
			d.Onderdelen = append(d.Onderdelen, onderdeel{Titel: m.Titel, Uitleg: m.Uitleg, URL: web.MenuURL(g.Code, m)})
		}
	}
	for _, p := range auth.AllePermissies {
		if tekst, ok := permissieTekst[p]; ok && auth.Mag(i.Actor, g.Code, p) {
			d.Mag = append(d.Mag, tekst)
		}
	}
	if auth.Mag(i.Actor, g.Code, auth.TakenLezen) {
		// Job names and progress are no personal data; the list shows what runs for this gemeente.
		d.Taken, err = s.jobs.List(r.Context(), g.Code, "", 10)
		if err != nil {
			s.kit.Log().ErrorContext(r.Context(), "taken lezen", "gemeente", g.Code, "fout", err)
			d.TakenFout = true
		}
	}
	s.vulStaff(&d.StaffPage, r, g.Naam, &g)
	s.pages.Render(w, r, http.StatusOK, "beheer_start", d)
}

// permissieTekst says in the words of the field what a permission lets someone do.
var permissieTekst = map[auth.Permissie]string{
	auth.RegelsLezen:        "De regelingen van de gemeente bekijken.",
	auth.RegelsBeheren:      "De regelingen van de gemeente wijzigen: inkomensgrenzen, bedragen en data.",
	auth.CheckIntermediair:  "De check invullen met of voor een inwoner, en de uitkomst meegeven.",
	auth.FondsenAanvragen:   "Aanvragen doen bij fondsen die alleen via een intermediair werken.",
	auth.VerwijzingenMaken:  "Een inwoner doorverwijzen naar een partner.",
	auth.SignalenLezen:      "Vroegsignalen en de werklijst bekijken.",
	auth.SignalenBehandelen: "Vroegsignalen oppakken: contactpogingen, uitkomst, afsluiten.",
	auth.ZakenLezen:         "Zaken schuldhulp en ondersteuning bekijken.",
	auth.ZakenBehandelen:    "Zaken behandelen: plan, termijnen, besluiten, budgetten.",
	auth.ScanUitvoeren:      "Huishoudgegevens inlezen en een scan op niet-gebruik doen.",
	auth.ScanLezen:          "Bereiklijsten met inwoners bekijken.",
	auth.ScanBeoordelen:     "Voorstellen voor ambtshalve toekennen goedkeuren of afwijzen.",
	auth.MonitorLezen:       "Cijfers en bereik per regeling en per dorp of wijk bekijken.",
	auth.MonitorSimuleren:   "Doorrekenen wat een andere regel kost en oplevert (wat-als), armoedeval.",
	auth.ImportUitvoeren:    "Bestanden inlezen (huishoudens, signalen).",
	auth.TakenLezen:         "Zien welke taken op de achtergrond lopen en hoe ver ze zijn.",
	auth.AuditLezen:         "Het verwerkingslog van de gemeente bekijken.",
	auth.AuditExporteren:    "Het verwerkingslog downloaden als CSV.",
	auth.GebruikersBeheren:  "Medewerkers en hun rollen beheren, een nieuw wachtwoord geven, blokkeren.",
	auth.SleutelsBeheren:    "API-sleutels voor partners maken en intrekken.",
	auth.GemeenteInstellen:  "Contactgegevens, huisstijl en instellingen van de gemeente wijzigen.",
}

// rolLijst is the roles for a select, with an option to remove the role.
func rolLijst() []auth.Rol { return slices.Clone(auth.Rollen) }

// onderdeel is a part of Zeker on the start page of a gemeente.
type onderdeel struct {
	Titel, Uitleg, URL string
}
