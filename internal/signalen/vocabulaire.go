package signalen

// The national DDAS vroegsignalering vocabulary (v1.2). The string values are the enum values of
// shared/reference/ddas/vroegsignalering-v1.2.schema.json, byte for byte, so that storage, API and
// the CBS export use one vocabulary and a test can compare them with the schema.

// PartnerType is the DDAS EnumSignaalpartner: the kind of creditor that sent a signal.
type PartnerType string

// The DDAS EnumSignaalpartner values.
const (
	PartnerBelastingdienst      PartnerType = "Belastingdienst"
	PartnerCAKEigenBijdrage     PartnerType = "CAK Eigen bijdrage"
	PartnerCAKZorgverzekeringen PartnerType = "CAK Zorgverzekeringen"
	PartnerDienstToeslagen      PartnerType = "Dienst Toeslagen"
	PartnerDUO                  PartnerType = "DUO"
	PartnerEnergie              PartnerType = "Energie"
	PartnerHuur                 PartnerType = "Huur"
	PartnerHypotheek            PartnerType = "Hypotheek"
	PartnerOverige              PartnerType = "Overige"
	PartnerWater                PartnerType = "Water"
	PartnerZorg                 PartnerType = "Zorg"
)

// PartnerTypes lists every PartnerType in schema order.
func PartnerTypes() []PartnerType {
	return []PartnerType{PartnerBelastingdienst, PartnerCAKEigenBijdrage, PartnerCAKZorgverzekeringen,
		PartnerDienstToeslagen, PartnerDUO, PartnerEnergie, PartnerHuur, PartnerHypotheek, PartnerOverige,
		PartnerWater, PartnerZorg}
}

// Bit returns t's bit in a set of partner types (Zaak.PartnerBits): 1 << its position in
// PartnerTypes, 0 for an unknown type.
func (t PartnerType) Bit() int64 {
	for i, v := range PartnerTypes() {
		if v == t {
			return 1 << i
		}
	}
	return 0
}

// Geldig reports whether t is a DDAS signaalpartner type.
func (t PartnerType) Geldig() bool {
	for _, v := range PartnerTypes() {
		if v == t {
			return true
		}
	}
	return false
}

// Eindresultaat is the DDAS EnumEindresultaat: the outcome of a vroegsignaalzaak.
type Eindresultaat string

// The DDAS EnumEindresultaat values.
const (
	ResultaatBudgetadvies              Eindresultaat = "(Budget)advies en/of quick fix"
	ResultaatGeenContact               Eindresultaat = "Definitief geen contact kunnen krijgen"
	ResultaatGeenReactie               Eindresultaat = "Geen reactie na eerder contact"
	ResultaatAlBekendSHV               Eindresultaat = "Inwoner al bekend bij schuldhulpverlening"
	ResultaatAnderTraject              Eindresultaat = "Inwoner heeft al een ander lopend traject"
	ResultaatZelfBetaald               Eindresultaat = "Inwoner heeft zelf al betaald/betalingsregeling getroffen"
	ResultaatOverleden                 Eindresultaat = "Inwoner is overleden"
	ResultaatRegeltZelf                Eindresultaat = "Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering"
	ResultaatNietOpgepaktAndereReden   Eindresultaat = "Niet opgepakt: andere reden"
	ResultaatNietOpgepaktHerhaald      Eindresultaat = "Niet opgepakt: herhaalde melding"
	ResultaatNietOpgepaktOnterecht     Eindresultaat = "Niet opgepakt: onterecht signaal"
	ResultaatGeenInwoner               Eindresultaat = "Persoon is geen inwoner (meer) in de gemeente"
	ResultaatVervolghulp               Eindresultaat = "Vervolghulp en/of verwijzing"
	ResultaatVervolghulpFinancieel     Eindresultaat = "Vervolghulp en/of verwijzing financieel"
	ResultaatVervolghulpNietFinancieel Eindresultaat = "Vervolghulp en/of verwijzing niet financieel"
	ResultaatVerwijzingZonderInwoner   Eindresultaat = "Verwijzing zonder tussenkomst inwoner"
)

// Eindresultaten lists every Eindresultaat in schema order.
func Eindresultaten() []Eindresultaat {
	return []Eindresultaat{ResultaatBudgetadvies, ResultaatGeenContact, ResultaatGeenReactie,
		ResultaatAlBekendSHV, ResultaatAnderTraject, ResultaatZelfBetaald, ResultaatOverleden,
		ResultaatRegeltZelf, ResultaatNietOpgepaktAndereReden, ResultaatNietOpgepaktHerhaald,
		ResultaatNietOpgepaktOnterecht, ResultaatGeenInwoner, ResultaatVervolghulp,
		ResultaatVervolghulpFinancieel, ResultaatVervolghulpNietFinancieel, ResultaatVerwijzingZonderInwoner}
}

// Geldig reports whether r is a DDAS eindresultaat.
func (r Eindresultaat) Geldig() bool {
	for _, v := range Eindresultaten() {
		if v == r {
			return true
		}
	}
	return false
}

// Signaalstatus is the DDAS EnumSignaalstatus: the state of one signal.
type Signaalstatus string

// The DDAS EnumSignaalstatus values.
const (
	StatusAlBekendSHV             Signaalstatus = "Inwoner al bekend bij schuldhulpverlening"
	StatusOverleden               Signaalstatus = "Inwoner is overleden"
	StatusNietOpgepaktAndereReden Signaalstatus = "Niet opgepakt: andere reden"
	StatusNietOpgepaktHerhaald    Signaalstatus = "Niet opgepakt: herhaalde melding"
	StatusNietOpgepaktOnterecht   Signaalstatus = "Niet opgepakt: onterecht signaal"
	StatusNogNietOpgepakt         Signaalstatus = "Nog niet opgepakt"
	StatusOpgepakt                Signaalstatus = "Opgepakt"
	StatusGeenInwoner             Signaalstatus = "Persoon is geen inwoner (meer) in de gemeente"
)

// Signaalstatussen lists every Signaalstatus in schema order.
func Signaalstatussen() []Signaalstatus {
	return []Signaalstatus{StatusAlBekendSHV, StatusOverleden, StatusNietOpgepaktAndereReden,
		StatusNietOpgepaktHerhaald, StatusNietOpgepaktOnterecht, StatusNogNietOpgepakt, StatusOpgepakt,
		StatusGeenInwoner}
}

// Contactsoort is the DDAS EnumContactsoort: how the municipality tried to reach the resident.
type Contactsoort string

// The DDAS EnumContactsoort values.
const (
	ContactAdministratief Contactsoort = "Administratief"
	ContactAfspraak       Contactsoort = "Afspraak op locatie"
	ContactBrief          Contactsoort = "Brief"
	ContactHuisbezoek     Contactsoort = "Huisbezoek"
	ContactKaartje        Contactsoort = "Kaartje"
	ContactMail           Contactsoort = "Mail"
	ContactOnbekend       Contactsoort = "Onbekend"
	ContactOverige        Contactsoort = "Overige"
	ContactSMSWhatsapp    Contactsoort = "SMS/Whatsapp"
	ContactTelefoon       Contactsoort = "Telefoon"
)

// Contactsoorten lists every Contactsoort in schema order.
func Contactsoorten() []Contactsoort {
	return []Contactsoort{ContactAdministratief, ContactAfspraak, ContactBrief, ContactHuisbezoek,
		ContactKaartje, ContactMail, ContactOnbekend, ContactOverige, ContactSMSWhatsapp, ContactTelefoon}
}

// Geldig reports whether c is a DDAS contactsoort.
func (c Contactsoort) Geldig() bool {
	for _, v := range Contactsoorten() {
		if v == c {
			return true
		}
	}
	return false
}

// Dagdeel is the DDAS EnumDagdeel: Ochtend (before 12:00), Middag (12-18), Avond (from 18:00).
type Dagdeel string

// The DDAS EnumDagdeel values.
const (
	Ochtend Dagdeel = "Ochtend"
	Middag  Dagdeel = "Middag"
	Avond   Dagdeel = "Avond"
)

// Geldig reports whether d is a DDAS dagdeel.
func (d Dagdeel) Geldig() bool { return d == Ochtend || d == Middag || d == Avond }

// DagdeelVan returns the dagdeel of a clock time (hour 0-23) per the DDAS definition.
func DagdeelVan(uur int) Dagdeel {
	switch {
	case uur < 12:
		return Ochtend
	case uur < 18:
		return Middag
	default:
		return Avond
	}
}

// CrisisSoort names the bedreigende situatie of Wgs art. 4 lid 2 behind a crisis signal. The DDAS
// message only carries the crisis flag; the kind is ours, for the case worker.
type CrisisSoort string

// The crisis kinds of Wgs art. 4 lid 2, and "overig" for a crisis the gemeente adds itself (DDAS
// definition Crisisinterventie allows municipalities to add situations).
const (
	CrisisOntruiming           CrisisSoort = "ontruiming"
	CrisisAfsluitingEnergie    CrisisSoort = "afsluiting-energie"
	CrisisAfsluitingWater      CrisisSoort = "afsluiting-water"
	CrisisEindeZorgverzekering CrisisSoort = "einde-zorgverzekering"
	CrisisOverig               CrisisSoort = "overig"
)

// CrisisSoorten lists every CrisisSoort.
func CrisisSoorten() []CrisisSoort {
	return []CrisisSoort{CrisisOntruiming, CrisisAfsluitingEnergie, CrisisAfsluitingWater,
		CrisisEindeZorgverzekering, CrisisOverig}
}

// Geldig reports whether c is a known crisis kind.
func (c CrisisSoort) Geldig() bool {
	for _, v := range CrisisSoorten() {
		if v == c {
			return true
		}
	}
	return false
}
