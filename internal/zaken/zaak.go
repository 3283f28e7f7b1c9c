package zaken

import (
	"errors"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
)

// Errors. Each wraps a kind of internal/errs, so the web maps them to a status.
var (
	ErrNietGevonden = errs.NotFound
	// ErrVerouderd: the zaak (or the household's plan) changed since the form was loaded.
	ErrVerouderd = errors.Join(errs.Conflict, errors.New("zaken: de zaak is intussen door iemand anders gewijzigd"))
	// ErrOpenZaak: the household already has an open zaak.
	ErrOpenZaak = errors.Join(errs.Conflict, errors.New("zaken: het huishouden heeft al een open zaak"))
	// ErrOngeldig: the input is wrong; the message names the field.
	ErrOngeldig = errs.Invalid
	// ErrStatus: the step does not fit the zaak's status (a decision before the first conversation…).
	ErrStatus = errors.Join(errs.Conflict, errors.New("zaken: deze stap past niet bij de status van de zaak"))
)

// Status is where a zaak is. Aangemeld, Intake and Plan are open; the others end it.
type Status string

// The statuses (after the DDAS phases Aanmelding, Intake, Plan van aanpak, Uitstroom).
const (
	Aangemeld Status = "aangemeld" // waiting for the first conversation
	Intake    Status = "intake"    // first conversation held, waiting for the beschikking
	Plan      Status = "plan"      // beschikking plan van aanpak: help is under way
	Geweigerd Status = "geweigerd" // beschikking weigering (Wgs 4a lid 1 onder b)
	Afgezien  Status = "afgezien"  // the resident forwent further help in the first conversation (4a lid 2)
	Beeindigd Status = "beeindigd" // beëindigingsbeschikking (4a lid 6)
	Afgerond  Status = "afgerond"  // help completed
)

// Statussen lists the statuses in workflow order.
func Statussen() []Status {
	return []Status{Aangemeld, Intake, Plan, Geweigerd, Afgezien, Beeindigd, Afgerond}
}

// Open reports whether a zaak in status s is still running.
func (s Status) Open() bool { return s == Aangemeld || s == Intake || s == Plan }

// Geldig reports whether s is a known status.
func (s Status) Geldig() bool {
	for _, x := range Statussen() {
		if s == x {
			return true
		}
	}
	return false
}

// Naam is the status in the words of the field.
func (s Status) Naam() string {
	switch s {
	case Aangemeld:
		return "Aangemeld, wacht op eerste gesprek"
	case Intake:
		return "Eerste gesprek gevoerd, wacht op besluit"
	case Plan:
		return "Plan van aanpak"
	case Geweigerd:
		return "Geweigerd"
	case Afgezien:
		return "Inwoner ziet af van hulp"
	case Beeindigd:
		return "Tussentijds beëindigd"
	case Afgerond:
		return "Afgerond"
	}
	return string(s)
}

// Kanaal is how the zaak started.
type Kanaal string

// The channels: a hulpvraag at the desk or by phone, the resident's own online request, a
// vroegsignaalzaak, a partner's referral to the gemeente (VanVerwijzing).
const (
	Balie            Kanaal = "balie"
	Telefoon         Kanaal = "telefoon"
	Online           Kanaal = "online"
	Vroegsignalering Kanaal = "vroegsignalering"
	Verwijzing       Kanaal = "verwijzing"
)

// Kanalen lists the channels a case worker can choose at intake (vroegsignalering and verwijzing start
// from their own pages).
func Kanalen() []Kanaal { return []Kanaal{Balie, Telefoon, Online} }

// Geldig reports whether k is a known channel.
func (k Kanaal) Geldig() bool {
	return k == Balie || k == Telefoon || k == Online || k == Vroegsignalering || k == Verwijzing
}

// Naam is the channel in the words of the field.
func (k Kanaal) Naam() string {
	switch k {
	case Balie:
		return "Hulpvraag aan de balie"
	case Telefoon:
		return "Hulpvraag per telefoon"
	case Online:
		return "Eigen aanvraag van de inwoner (online)"
	case Vroegsignalering:
		return "Vroegsignalering (aanbod aanvaard)"
	case Verwijzing:
		return "Verwijzing door een partner"
	}
	return string(k)
}

// Route is the kind of help.
type Route string

// The routes. Their own steps (Bbz, ROZ referral; moratorium) are recorded as a Stap (stappen.go).
const (
	Schuldhulp  Route = "schuldhulp"
	Ondernemers Route = "ondernemers"
)

// Routes lists the routes.
func Routes() []Route { return []Route{Schuldhulp, Ondernemers} }

// Geldig reports whether r is a known route.
func (r Route) Geldig() bool { return r == Schuldhulp || r == Ondernemers }

// Naam is the route in the words of the field.
func (r Route) Naam() string {
	switch r {
	case Schuldhulp:
		return "Schuldhulp"
	case Ondernemers:
		return "Ondernemers en zzp"
	}
	return string(r)
}

// CrisisSoort is a bedreigende situatie of Wgs art. 4 lid 2.
type CrisisSoort string

// The bedreigende situaties the law names.
const (
	CrisisOntruiming      CrisisSoort = "ontruiming"      // gedwongen woningontruiming
	CrisisEnergie         CrisisSoort = "energie"         // beëindiging levering gas, elektriciteit of stadsverwarming
	CrisisWater           CrisisSoort = "water"           // beëindiging levering water
	CrisisZorgverzekering CrisisSoort = "zorgverzekering" // opzegging of ontbinding van de zorgverzekering
)

// CrisisSoorten lists them.
func CrisisSoorten() []CrisisSoort {
	return []CrisisSoort{CrisisOntruiming, CrisisEnergie, CrisisWater, CrisisZorgverzekering}
}

// Geldig reports whether c is one of them.
func (c CrisisSoort) Geldig() bool {
	for _, x := range CrisisSoorten() {
		if c == x {
			return true
		}
	}
	return false
}

// Naam is the situation in the words of the law.
func (c CrisisSoort) Naam() string {
	switch c {
	case CrisisOntruiming:
		return "Dreigende gedwongen woningontruiming"
	case CrisisEnergie:
		return "Afsluiting van gas, elektriciteit of stadsverwarming"
	case CrisisWater:
		return "Afsluiting van water"
	case CrisisZorgverzekering:
		return "Opzegging of ontbinding van de zorgverzekering"
	}
	return string(c)
}

// Weigeringsgrond is a ground to refuse debt help (Wgs art. 3).
type Weigeringsgrond string

// The grounds of the law.
const (
	GrondEerder       Weigeringsgrond = "eerder"        // art. 3 lid 2: earlier use of debt help
	GrondFraude       Weigeringsgrond = "fraude"        // art. 3 lid 3: fraud, irrevocably sanctioned
	GrondGeenVerblijf Weigeringsgrond = "geen-verblijf" // art. 3 lid 4: no lawful residence
)

// Weigeringsgronden lists the grounds of the law.
func Weigeringsgronden() []Weigeringsgrond {
	return []Weigeringsgrond{GrondGeenVerblijf, GrondEerder, GrondFraude}
}

// Geldig reports whether g is a ground of the law.
func (g Weigeringsgrond) Geldig() bool {
	return g == GrondEerder || g == GrondFraude || g == GrondGeenVerblijf
}

// Verplicht reports whether the law itself excludes (the gemeente cannot switch the ground off).
func (g Weigeringsgrond) Verplicht() bool { return g == GrondGeenVerblijf }

// Naam is the ground with its article.
func (g Weigeringsgrond) Naam() string {
	switch g {
	case GrondEerder:
		return "Eerder gebruik van schuldhulpverlening (Wgs artikel 3 lid 2)"
	case GrondFraude:
		return "Fraude met onherroepelijke veroordeling of bestraffende sanctie (Wgs artikel 3 lid 3)"
	case GrondGeenVerblijf:
		return "Geen rechtmatig verblijf in Nederland (Wgs artikel 3 lid 4)"
	}
	return string(g)
}

// EindeReden is why a zaak ended early (the DDAS Uitstroom reasons but "Afgerond", which is Afronden).
type EindeReden string

// The reasons.
const (
	RedenOverleden      EindeReden = "Overleden"
	RedenVerhuisd       EindeReden = "Verhuisd"
	RedenNietVerschenen EindeReden = "Niet verschenen"
	RedenIngetrokken    EindeReden = "Ingetrokken"
	RedenNietPassend    EindeReden = "Niet passend"
	RedenVoldoetNiet    EindeReden = "Voldoet niet"
	RedenZelf           EindeReden = "Zelf opgelost"
	RedenOverig         EindeReden = "Overig"
)

// EindeRedenen lists them.
func EindeRedenen() []EindeReden {
	return []EindeReden{RedenOverleden, RedenVerhuisd, RedenNietVerschenen, RedenIngetrokken, RedenNietPassend, RedenVoldoetNiet, RedenZelf, RedenOverig}
}

// Geldig reports whether r is one of them.
func (r EindeReden) Geldig() bool {
	for _, x := range EindeRedenen() {
		if r == x {
			return true
		}
	}
	return false
}

// Deadline is a stored deadline: the day that applies, the law's, and why.
type Deadline struct {
	Datum     datum.Datum // applies (the stricter of the law's and the gemeente's)
	Wettelijk datum.Datum
	Uitleg    string // the article, the local term if it applies, an Atw extension
}

// Persoon is a person of the household at intake.
type Persoon struct {
	BSN           string
	Rol           string
	Geboortedatum datum.Datum
}

// Signaal is an arrears signal that came along from a vroegsignaalzaak.
type Signaal struct {
	Partner, PartnerType string
	Bedrag               geld.Bedrag
	Ontstaansdatum       datum.Datum
	CrisisSoort          string // the vroegsignalering's crisis kind, "" when none
}

// Zaak is one debt-help zaak of a household.
type Zaak struct {
	ID                   int64
	Gemeente             string
	HuishoudenID         string // the household register's id (internal/register)
	Woonplaats           string
	Kanaal               Kanaal
	Route                Route
	Gestart              time.Time   // the moment the clock started (UTC)
	Startdatum           datum.Datum // its day in Europe/Amsterdam
	VroegsignaalzaakID   int64       // the vroegsignaalzaak it came from (kanaal vroegsignalering), else 0
	AanbodAanvaard       datum.Datum // vroegsignalering: when the resident accepted the offer
	VerwijzingID         int64       // the partner's referral it came from (kanaal verwijzing), else 0
	Crisis               bool
	CrisisSoort          CrisisSoort
	Status               Status
	EersteGesprekTermijn Deadline
	EersteGesprek        datum.Datum // held on; zero = not yet
	BesluitTermijn       Deadline    // set once the first conversation is held
	Besluit              string      // "", "plan" or "weigering"
	BesluitDatum         datum.Datum
	Weigeringsgrond      Weigeringsgrond
	Einde                datum.Datum
	EindeReden           string
	EindeToelichting     string
	VolgendeDeadline     datum.Datum // zero when no deadline is open
	Heropend             int         // reopenings under the terugvalgarantie
	HeropendOp           datum.Datum // the last one
	Statushouder         bool        // marked: statushouder or inburgeraar (for the monitor)
	Aangemaakt           time.Time
	Door                 string
	Versie               int
}

// Besluiten.
const (
	BesluitPlan      = "plan"
	BesluitWeigering = "weigering"
)
