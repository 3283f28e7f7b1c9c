package auth

import (
	"slices"
	"strings"
)

// Rol is what a user may do in one gemeente.
type Rol string

// The roles. A user has at most one role per gemeente.
const (
	Beheerder         Rol = "beheerder"         // users, credentials and settings of the gemeente; audit log
	Beleidsmedewerker Rol = "beleidsmedewerker" // regelingen, monitor, what-if, scans
	Consulent         Rol = "consulent"         // signals, cases, scan proposals; works with personal data
	Intermediair      Rol = "intermediair"      // partner helper: check with or for a resident, referrals, funds
	// Debt help (zaken). The consulent keeps doing all of it; these roles split the work for a team.
	Schuldhulpverlener Rol = "schuldhulpverlener" // the Wgs steps of a zaak (intake, decision, end, nazorg) and its plan
	Regisseur          Rol = "regisseur"          // the household's plan across domains and the regie; no Wgs decisions
	Teamleider         Rol = "teamleider"         // teams, the distribution of zaken, the team's deadlines; reads zaken
)

// Rollen lists the roles in a fixed order (for forms and tables).
var Rollen = []Rol{Beheerder, Beleidsmedewerker, Consulent, Intermediair, Schuldhulpverlener, Regisseur, Teamleider}

// Geldig reports whether r is a known role.
func (r Rol) Geldig() bool { return slices.Contains(Rollen, r) }

// Permissie is one thing an actor may do in a gemeente. Web handlers and the API check the same
// permission with Mag.
type Permissie string

// The permissions. Names are <area>.<verb>.
const (
	RegelsLezen         Permissie = "regels.lezen"         // view regelingen and rule packs
	RegelsBeheren       Permissie = "regels.beheren"       // change the gemeente's regelingen (open terms, amounts)
	CheckIntermediair   Permissie = "check.intermediair"   // the check in intermediary mode, hand-over of results
	FondsenAanvragen    Permissie = "fondsen.aanvragen"    // apply for funds that accept only intermediaries
	VerwijzingenMaken   Permissie = "verwijzingen.maken"   // refer a resident to a partner
	AanbodVoorstellen   Permissie = "aanbod.voorstellen"   // a partner user proposes changes to its own sociale-kaart entry
	SignalenLezen       Permissie = "signalen.lezen"       // worklist and signal cases (personal data)
	SignalenBehandelen  Permissie = "signalen.behandelen"  // contact attempts, outcomes, closing
	SignalenAanleveren  Permissie = "signalen.aanleveren"  // deliver arrears signals (signaalpartner API)
	SignalenTerugmelden Permissie = "signalen.terugmelden" // read the outcome category of own signals (partner API)
	ZakenLezen          Permissie = "zaken.lezen"          // debt-help and support cases (personal data)
	ZakenBehandelen     Permissie = "zaken.behandelen"     // the Wgs steps: intake, first conversation, decision, end, nazorg, budgets
	ZakenPlan           Permissie = "zaken.plan"           // the household's plan (goals, actions), notes and handing over the regie
	ZakenTeams          Permissie = "zaken.teams"          // teams of case workers and which team has a zaak
	ZakenBijzonder      Permissie = "zaken.bijzonder"      // health data of a zaak (Wgs art. 8a; AVG art. 9): only who does the debt help
	AanvragenLezen      Permissie = "aanvragen.lezen"      // applications of residents: inbox, documents, letters (personal data)
	AanvragenBehandelen Permissie = "aanvragen.behandelen" // ask documents, link to the register, decide, export awards
	BudgettenLezen      Permissie = "budgetten.lezen"      // budgets per year: amount, source, committed, remaining (no personal data)
	BudgettenBeheren    Permissie = "budgetten.beheren"    // add and change budgets, the four-eyes amount, export decisions
	ScanUitvoeren       Permissie = "scan.uitvoeren"       // load household data and run a population scan
	ScanLezen           Permissie = "scan.lezen"           // outreach lists with residents (personal data)
	ScanBeoordelen      Permissie = "scan.beoordelen"      // approve or reject ambtshalve proposals
	MonitorLezen        Permissie = "monitor.lezen"        // indicators and reach (aggregates only)
	MonitorSimuleren    Permissie = "monitor.simuleren"    // what-if over the population, armoedeval
	ImportUitvoeren     Permissie = "import.uitvoeren"     // import files (households, signals)
	TakenLezen          Permissie = "taken.lezen"          // progress of background jobs of the gemeente
	AuditLezen          Permissie = "audit.lezen"          // view the processing log of the gemeente
	AuditExporteren     Permissie = "audit.exporteren"     // export the processing log (CSV)
	GebruikersBeheren   Permissie = "gebruikers.beheren"   // users and their roles in the gemeente, password reset
	SleutelsBeheren     Permissie = "sleutels.beheren"     // API credentials scoped to the gemeente
	PartnersBeheren     Permissie = "partners.beheren"     // partner organisations: membership of the gemeente, public contact, merging
	GemeenteInstellen   Permissie = "gemeente.instellen"   // contact block, theme, settings, retention
	GemeentenBeheren    Permissie = "gemeenten.beheren"    // add and change tenants (system administrator only)
)

// rolPermissies is the permission table per role within the role's own gemeente. It is the single
// source for authorization; docs/platform.md shows it as a table.
var rolPermissies = map[Rol][]Permissie{
	Beheerder: {
		RegelsLezen, MonitorLezen, TakenLezen, BudgettenLezen, BudgettenBeheren,
		AuditLezen, AuditExporteren, GebruikersBeheren, SleutelsBeheren, PartnersBeheren, GemeenteInstellen,
	},
	Beleidsmedewerker: {
		RegelsLezen, RegelsBeheren, MonitorLezen, MonitorSimuleren, ScanUitvoeren, ImportUitvoeren, TakenLezen,
		BudgettenLezen, BudgettenBeheren,
	},
	Consulent: {
		RegelsLezen, CheckIntermediair, VerwijzingenMaken, SignalenLezen, SignalenBehandelen,
		ZakenLezen, ZakenBehandelen, ZakenPlan, ZakenBijzonder, AanvragenLezen, AanvragenBehandelen, ScanUitvoeren, ScanLezen, ScanBeoordelen, MonitorLezen, ImportUitvoeren, TakenLezen,
		BudgettenLezen,
	},
	Intermediair: {
		RegelsLezen, CheckIntermediair, FondsenAanvragen, VerwijzingenMaken, AanbodVoorstellen,
	},
	// The debt-help roles hold zaken permissions (and regels.lezen) only: a person who also works signals or scans gets
	// the consulent role.
	// zaken.bijzonder only for those who do the debt help itself (Wgs art. 8a: "voor zover noodzakelijk"):
	// not the regisseur (coordinates the plan), not the teamleider (distributes work).
	// Like every role they hold regels.lezen (the gemeente's regelingen are public anyway): it is what
	// the start page /beheer/{gemeente}/ asks, so that logging in does not end on a 403.
	Schuldhulpverlener: {RegelsLezen, ZakenLezen, ZakenBehandelen, ZakenPlan, ZakenBijzonder},
	Regisseur:          {RegelsLezen, ZakenLezen, ZakenPlan},
	Teamleider:         {RegelsLezen, ZakenLezen, ZakenTeams},
}

// systeemPermissies are what a system administrator may do in every gemeente: manage the tenant and
// its users and credentials, but not read personal data (for that they need a role in the gemeente).
var systeemPermissies = []Permissie{GemeentenBeheren, GemeenteInstellen, GebruikersBeheren, SleutelsBeheren, PartnersBeheren, RegelsLezen}

// SleutelPermissies are the permissions an API credential may hold. Managing users, credentials and
// tenants is never possible with a bearer token.
var SleutelPermissies = []Permissie{
	RegelsLezen, SignalenAanleveren, SignalenTerugmelden, MonitorLezen, ImportUitvoeren, TakenLezen,
}

// AllePermissies lists every permission, in declaration order.
var AllePermissies = []Permissie{
	RegelsLezen, RegelsBeheren, CheckIntermediair, FondsenAanvragen, VerwijzingenMaken, AanbodVoorstellen,
	SignalenLezen, SignalenBehandelen, SignalenAanleveren, SignalenTerugmelden, ZakenLezen, ZakenBehandelen, ZakenPlan, ZakenTeams, ZakenBijzonder,
	AanvragenLezen, AanvragenBehandelen, BudgettenLezen, BudgettenBeheren, ScanUitvoeren, ScanLezen, ScanBeoordelen, MonitorLezen, MonitorSimuleren, ImportUitvoeren, TakenLezen,
	AuditLezen, AuditExporteren, GebruikersBeheren, SleutelsBeheren, PartnersBeheren, GemeenteInstellen, GemeentenBeheren,
}

// Permissies returns the permissions of role r in its own gemeente (a copy).
func Permissies(r Rol) []Permissie { return slices.Clone(rolPermissies[r]) }

// Geldig reports whether p is a known permission.
func (p Permissie) Geldig() bool { return slices.Contains(AllePermissies, p) }

// SoortActor tells a user from an API credential.
type SoortActor string

// Kinds of actors.
const (
	ActorGebruiker SoortActor = "user"
	ActorSleutel   SoortActor = "credential"
)

// Actor is who does something: a logged-in user or an API credential, reduced to what authorization
// needs. Build one with Gebruiker.Actor or Sleutel.Actor; the zero Actor may nothing.
type Actor struct {
	Soort            SoortActor
	ID               int64
	Naam             string
	Systeembeheerder bool
	Rollen           map[string]Rol // gemeente → role (users)
	Gemeenten        []string       // gemeenten in scope (credentials)
	Permissies       []Permissie    // permissions (credentials)
}

// Mag reports whether actor a may do p in gemeente. It is a pure function of its arguments: every
// web handler and API endpoint calls it with the gemeente of the data it touches.
func Mag(a Actor, gemeente string, p Permissie) bool {
	if gemeente == "" && p != GemeentenBeheren {
		return false
	}
	switch a.Soort {
	case ActorGebruiker:
		if a.Systeembeheerder && slices.Contains(systeemPermissies, p) {
			return true
		}
		r, ok := a.Rollen[gemeente]
		return ok && slices.Contains(rolPermissies[r], p)
	case ActorSleutel:
		return slices.Contains(a.Gemeenten, gemeente) && slices.Contains(a.Permissies, p) &&
			slices.Contains(SleutelPermissies, p)
	}
	return false
}

// GemeentenMet returns the gemeenten (from those given) where a may do p, for pickers and filters.
func GemeentenMet(a Actor, alle []string, p Permissie) []string {
	var out []string
	for _, g := range alle {
		if Mag(a, g, p) {
			out = append(out, g)
		}
	}
	return out
}

// PermissieTabel returns the roles × permissions table in Markdown (rows: permissions; columns: the
// roles, system administrator, API credential). docs/platform.md contains it; a test keeps the
// two equal.
func PermissieTabel() string {
	var sb strings.Builder
	sb.WriteString("| permissie |")
	for _, r := range Rollen {
		sb.WriteString(" " + string(r) + " |")
	}
	sb.WriteString(" systeembeheerder | API-sleutel (toe te kennen) |\n|---|")
	for range Rollen {
		sb.WriteString(":-:|")
	}
	sb.WriteString(":-:|:-:|\n")
	vink := func(b bool) string {
		if b {
			return "✓"
		}
		return ""
	}
	for _, p := range AllePermissies {
		sb.WriteString("| `" + string(p) + "` |")
		for _, r := range Rollen {
			sb.WriteString(" " + vink(slices.Contains(rolPermissies[r], p)) + " |")
		}
		sb.WriteString(" " + vink(slices.Contains(systeemPermissies, p)) + " |")
		sb.WriteString(" " + vink(slices.Contains(SleutelPermissies, p)) + " |\n")
	}
	return sb.String()
}

// MagGebruikerBeheren reports whether actor a may change account-wide things of user doel (password
// reset, blocking): a system administrator may for everyone; a beheerder only for users whose roles
// all lie in gemeenten where the beheerder has gebruikers.beheren, who have at least one role and who
// are not system administrators. So a beheerder cannot lock out a colleague of another gemeente or an
// administrator. Roles within one gemeente are checked with Mag(a, gemeente, GebruikersBeheren).
func MagGebruikerBeheren(a Actor, doel Gebruiker) bool {
	if a.Soort != ActorGebruiker {
		return false
	}
	if a.Systeembeheerder {
		return true
	}
	if doel.Systeembeheerder || len(doel.Rollen) == 0 || doel.ID == a.ID {
		return false
	}
	for g := range doel.Rollen {
		if !Mag(a, g, GebruikersBeheren) {
			return false
		}
	}
	return true
}
