// Package netwerk is the network part of Zeker: the sociale kaart, the referrals between the gemeente
// and its partners, and partners' proposals for their own entries.
//
// The sociale kaart: a partner (internal/partner: one organisation with an id, memberships per
// gemeente) offers services (Dienst) at locations (Locatie), on the Open Referral HSDS 3.0 shape: the
// partner is the HSDS organization, a Dienst a service, a Locatie a location, the link between them with
// its opening hours a service_at_location. A service says what it offers in the controlled vocabulary of
// Behoeften, for whom, where and when, how to reach it, which regelingen of the gemeente's rule pack it
// carries out or helps residents apply for, where its data come from and when they were last checked
// (HSDS assured_date); an entry not checked for the gemeente's VerouderdNaMaanden shows as stale.
//
// A service is offered in one or more gemeenten (HSDS service_area), each one where the partner is a
// member; the sociale kaart of a gemeente lists the active services offered there by partners whose
// membership is valid today. Import (CSV and JSON) and export (HSDS-shaped JSON and CSV) are in
// importeer*.go and export.go; docs/netwerk.md is the reference of both formats.
//
// Referrals (verwijzing*.go) carry personal data: the resident's name, how to reach them and the
// question, with the legal ground; every read and change is in the processing log. A Kijker is who
// reads: the gemeente's staff or one partner's user, who sees only its own partner's referrals.
// Proposals (voorstel.go) are a partner user's changes to its own service, public only once approved.
//
// Storage is internal/store (migrations 0900–0999, both dialects).
package netwerk

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
)

// Behoefte is a need a service helps with: a code of the controlled vocabulary of the network issue.
type Behoefte string

// The controlled vocabulary. The codes are stable (they are in exports and imports); the words residents
// see are in the page catalogue (behoefte.<code>) and in BehoefteNaam for staff pages and CSV.
const (
	Schuldhulp      Behoefte = "schuldhulp"
	Budgetcoaching  Behoefte = "budgetcoaching"
	Nazorg          Behoefte = "nazorg"
	Voedsel         Behoefte = "voedsel"
	Kinderen        Behoefte = "kinderen"
	Energie         Behoefte = "energie"
	Wonen           Behoefte = "wonen"
	Werk            Behoefte = "werk"
	Juridisch       Behoefte = "juridisch"
	Zorgverzekering Behoefte = "zorgverzekering"
	Ondernemers     Behoefte = "ondernemers"
	Cursus          Behoefte = "cursus"
	Digitaal        Behoefte = "digitaal"
	Taal            Behoefte = "taal"
	Vervoer         Behoefte = "vervoer"
	Ontmoeting      Behoefte = "ontmoeting"
)

// Behoeften is the vocabulary in the order pages show it.
var Behoeften = []Behoefte{Schuldhulp, Budgetcoaching, Nazorg, Voedsel, Kinderen, Energie, Wonen, Werk, Juridisch,
	Zorgverzekering, Ondernemers, Cursus, Digitaal, Taal, Vervoer, Ontmoeting}

var behoefteNamen = map[Behoefte]string{
	Schuldhulp: "Schuldhulp", Budgetcoaching: "Budgetcoaching", Nazorg: "Nazorg", Voedsel: "Voedsel",
	Kinderen: "Kinderen en meedoen", Energie: "Energie", Wonen: "Wonen", Werk: "Werk", Juridisch: "Juridisch advies",
	Zorgverzekering: "Zorgverzekering", Ondernemers: "Ondernemers", Cursus: "Cursus en training", Digitaal: "Digitaal",
	Taal: "Taal", Vervoer: "Vervoer", Ontmoeting: "Ontmoeting",
}

// BehoefteNaam is the Dutch name of a need for staff pages; "" for a code outside the vocabulary.
func BehoefteNaam(b Behoefte) string { return behoefteNamen[b] }

// LeesBehoefte reads a code of the vocabulary, also in the words of the issue ("kinderen/meedoen",
// "cursus/training") and in any case; false when it is none.
func LeesBehoefte(s string) (Behoefte, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "kinderen/meedoen", "meedoen":
		return Kinderen, true
	case "cursus/training", "training":
		return Cursus, true
	}
	b := Behoefte(s)
	return b, behoefteNamen[b] != ""
}

// Status is the HSDS status of a service.
type Status string

// The HSDS values.
const (
	Actief            Status = "active"
	TijdelijkGesloten Status = "temporarily closed"
	Inactief          Status = "inactive"
	Opgeheven         Status = "defunct"
)

// Statussen in the order a form offers them.
var Statussen = []Status{Actief, TijdelijkGesloten, Inactief, Opgeheven}

// StatusNaam is the Dutch word for a status.
func StatusNaam(s Status) string {
	switch s {
	case Actief:
		return "actief"
	case TijdelijkGesloten:
		return "tijdelijk gesloten"
	case Inactief:
		return "niet actief"
	case Opgeheven:
		return "opgeheven"
	}
	return ""
}

// OpKaart reports whether residents see a service with this status on the sociale kaart: active and
// temporarily closed (marked as such); inactive and defunct services are kept for the beheerder only.
func (s Status) OpKaart() bool { return s == Actief || s == TijdelijkGesloten }

// Rol is what a service does for a regeling of the rule pack.
type Rol string

// The roles.
const (
	Uitvoeren Rol = "uitvoeren" // the partner carries the regeling out (Leergeld for the kindpakket)
	Aanvragen Rol = "aanvragen" // the partner helps residents apply, or applies for them as intermediary
)

// RegelingRol links a service to a regeling of a gemeente's rule pack.
type RegelingRol struct {
	Gemeente string
	Regeling string // the regeling's id in the pack, e.g. "kindpakket"
	Rol      Rol
}

// Dienst is a service (HSDS service) of a partner.
type Dienst struct {
	ID              string // UUID
	PartnerID       string
	Naam            string
	Beschrijving    string
	Behoeften       []Behoefte
	VoorWie         string // eligibility_description
	MinLeeftijd     *int   // nil: no minimum
	MaxLeeftijd     *int   // nil: no maximum
	Aanmelden       string // application_process: how to get the service
	Kosten          string // fees_description; "" unknown
	Website         string
	Email           string
	Telefoon        string
	Openingstijden  Openingstijden // when the service is reachable (by phone, online)
	Status          Status
	Bron            string    // where the entry comes from
	GecontroleerdOp time.Time // a day: when the entry was last checked (HSDS assured_date)
	Gemeenten       []string  // service area: gemeente codes, sorted
	Regelingen      []RegelingRol
	Locaties        []DienstLocatie
	Aangemaakt      time.Time
	Gewijzigd       time.Time
}

// DienstLocatie is a service at a location (HSDS service_at_location) with its opening hours there.
type DienstLocatie struct {
	LocatieID      string
	Openingstijden Openingstijden
}

// Locatie is a location (HSDS location) of a partner: a building with an address, or a website.
type Locatie struct {
	ID               string
	PartnerID        string
	Naam             string
	Soort            LocatieSoort
	Adres            partner.Adres // physical: street, number, postcode, place (the village residents filter on)
	URL              string        // virtual
	Toegankelijkheid string        // accessibility for people with a disability
	Bron             string
	Aangemaakt       time.Time
	Gewijzigd        time.Time
}

// LocatieSoort is the HSDS location_type Zeker supports.
type LocatieSoort string

// The location types.
const (
	Fysiek   LocatieSoort = "physical"
	Virtueel LocatieSoort = "virtual"
)

// ongeldig is the error of an input with problems: errs.Fields (per field of the forms and of the
// CSV columns, each with a reason in plain Dutch), so of kind errs.Invalid, with "netwerk: " before it.
func ongeldig(f errs.Fields) error { return fmt.Errorf("netwerk: %w", f) }

// Maximum lengths.
const (
	MaxNaam  = 200
	MaxKort  = 300  // a source, an address line, a place
	MaxTekst = 2000 // a description
)

// tekstFout checks a text field: valid UTF-8, no control characters but line breaks when lang, at most
// max characters.
func tekstFout(s string, max int, lang bool) string {
	ok := utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsControl(r) && !(lang && (r == '\n' || r == '\r'))
	}) < 0
	if !ok {
		return "Dit veld bevat tekens die niet kunnen, zoals een tab of een onzichtbaar teken."
	}
	if utf8.RuneCountInString(s) > max {
		return fmt.Sprintf("Gebruik hoogstens %d tekens.", max)
	}
	return ""
}

func emailFout(s string) string {
	if r := tekstFout(s, 254, false); r != "" {
		return r
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return "Vul een e-mailadres in zoals info@voorbeeld.nl."
	}
	return ""
}

func leeftijdFout(p *int) string {
	if p != nil && (*p < 0 || *p > 120) {
		return "Vul een leeftijd in van 0 tot 120 jaar, of laat het leeg."
	}
	return ""
}

// Normaliseer trims the text fields, sorts and deduplicates the needs and the gemeenten.
func (d Dienst) Normaliseer() Dienst {
	t := strings.TrimSpace
	d.Naam, d.Beschrijving, d.VoorWie, d.Aanmelden, d.Kosten = t(d.Naam), t(d.Beschrijving), t(d.VoorWie), t(d.Aanmelden), t(d.Kosten)
	d.Website, d.Email, d.Telefoon, d.Bron = t(d.Website), t(d.Email), t(d.Telefoon), t(d.Bron)
	if d.Status == "" {
		d.Status = Actief
	}
	bs := slices.Clone(d.Behoeften)
	slices.SortFunc(bs, func(a, b Behoefte) int { return slices.Index(Behoeften, a) - slices.Index(Behoeften, b) })
	d.Behoeften = slices.Compact(bs)
	gs := slices.Clone(d.Gemeenten)
	slices.Sort(gs)
	d.Gemeenten = slices.Compact(gs)
	return d
}

// Valideer checks a service (after Normaliseer) and returns its problems per field; nil when there are
// none. Whether its gemeenten, regelingen and locations exist is the Service's check.
func (d Dienst) Valideer() errs.Fields {
	var f errs.Fields
	if d.Naam == "" {
		f.Set("naam", "Vul de naam van de dienst in, bijvoorbeeld ‘Hulp bij geldzaken’.")
	}
	f.Set("naam", tekstFout(d.Naam, MaxNaam, false))
	f.Set("beschrijving", tekstFout(d.Beschrijving, MaxTekst, true))
	f.Set("voorwie", tekstFout(d.VoorWie, MaxTekst, true))
	f.Set("aanmelden", tekstFout(d.Aanmelden, MaxTekst, true))
	f.Set("kosten", tekstFout(d.Kosten, MaxKort, false))
	if len(d.Behoeften) == 0 {
		f.Set("behoeften", "Kies ten minste één onderwerp waar de dienst bij helpt.")
	}
	for _, b := range d.Behoeften {
		if BehoefteNaam(b) == "" {
			f.Set("behoeften", fmt.Sprintf("‘%s’ is geen onderwerp van de sociale kaart. Kies uit: %s.", b, behoefteLijst()))
		}
	}
	f.Set("minleeftijd", leeftijdFout(d.MinLeeftijd))
	f.Set("maxleeftijd", leeftijdFout(d.MaxLeeftijd))
	if d.MinLeeftijd != nil && d.MaxLeeftijd != nil && *d.MaxLeeftijd < *d.MinLeeftijd {
		f.Set("maxleeftijd", "De hoogste leeftijd is lager dan de laagste.")
	}
	if d.Website != "" {
		f.Set("website", partner.WebsiteFout(d.Website))
	}
	if d.Email != "" {
		f.Set("email", emailFout(d.Email))
	}
	if d.Telefoon != "" {
		f.Set("telefoon", partner.TelefoonFout(d.Telefoon))
	}
	if !slices.Contains(Statussen, d.Status) {
		f.Set("status", "Kies een status: actief, tijdelijk gesloten, niet actief of opgeheven.")
	}
	if d.Bron == "" {
		f.Set("bron", "Vul de bron in, bijvoorbeeld ‘website van de organisatie, bekeken op 2 maart 2026’.")
	}
	f.Set("bron", tekstFout(d.Bron, MaxKort, false))
	if d.GecontroleerdOp.IsZero() {
		f.Set("gecontroleerd", "Vul in wanneer de gegevens voor het laatst zijn gecontroleerd, als jaar-maand-dag.")
	}
	if len(d.Gemeenten) == 0 {
		f.Set("gemeenten", "Kies ten minste één gemeente waar de dienst wordt aangeboden.")
	}
	for _, r := range d.Regelingen {
		if r.Rol != Uitvoeren && r.Rol != Aanvragen {
			f.Set("regeling."+r.Regeling, "Kies ‘voert uit’ of ‘helpt aanvragen’.")
		}
	}
	if len(f) == 0 {
		return nil
	}
	return f
}

func behoefteLijst() string {
	var s []string
	for _, b := range Behoeften {
		s = append(s, string(b))
	}
	return strings.Join(s, ", ")
}

// Normaliseer trims the text fields and writes the postcode as "1234 AB".
func (l Locatie) Normaliseer() Locatie {
	t := strings.TrimSpace
	l.Naam, l.URL, l.Toegankelijkheid, l.Bron = t(l.Naam), t(l.URL), t(l.Toegankelijkheid), t(l.Bron)
	l.Adres = partner.Contact{Adres: l.Adres}.Normaliseer().Adres
	if l.Soort == "" {
		l.Soort = Fysiek
	}
	return l
}

// Valideer checks a location (after Normaliseer): a physical one has a whole address, a virtual one a
// website.
func (l Locatie) Valideer() errs.Fields {
	var f errs.Fields
	if l.Naam == "" {
		f.Set("naam", "Vul de naam van de locatie in, bijvoorbeeld ‘Dorpshuis De Voorbeeld’.")
	}
	f.Set("naam", tekstFout(l.Naam, MaxNaam, false))
	f.Set("toegankelijkheid", tekstFout(l.Toegankelijkheid, MaxTekst, true))
	switch l.Soort {
	case Fysiek:
		if l.Adres.Leeg() {
			f.Set("straat", "Vul het adres in: straat, huisnummer, postcode en plaats.")
		}
		c := partner.Contact{Adres: l.Adres, AdresBron: "x"}
		for _, x := range c.Valideer() {
			if x.Path != "adresbron" {
				f.Set(x.Path, x.Reason)
			}
		}
		if l.URL != "" {
			f.Set("url", "Een locatie met een adres heeft geen webadres; maak daarvoor een online locatie.")
		}
	case Virtueel:
		if l.URL == "" {
			f.Set("url", "Vul het webadres in waar inwoners deze dienst online vinden.")
		} else {
			f.Set("url", partner.WebsiteFout(l.URL))
		}
		if !l.Adres.Leeg() {
			f.Set("straat", "Een online locatie heeft geen adres; laat het adres leeg.")
		}
	default:
		f.Set("soort", "Kies een gebouw (met adres) of online (met webadres).")
	}
	if l.Bron == "" {
		f.Set("bron", "Vul de bron in, bijvoorbeeld ‘website van de organisatie, bekeken op 2 maart 2026’.")
	}
	f.Set("bron", tekstFout(l.Bron, MaxKort, false))
	if len(f) == 0 {
		return nil
	}
	return f
}

// Dorp is the village of a location residents filter on: the place of its address.
func (l Locatie) Dorp() string { return l.Adres.Plaats }

// Verouderd reports whether an entry last checked on gecontroleerd is stale on day vandaag after
// maanden months.
func Verouderd(gecontroleerd, vandaag time.Time, maanden int) bool {
	return gecontroleerd.AddDate(0, maanden, 0).Before(vandaag)
}

// StandaardVerouderdNaMaanden is the default of the tenant setting: an entry not checked for a year is
// stale. Why a year: the regelingen a service is linked to change once a year (every rule pack is
// dated per calendar year, and national figures change on 1 January), so an entry checked more than a
// year ago may predate this year's regelingen; and a gemeente's network meets yearly or more often
// (Borger-Odoorn: twice a year), where the entries can be gone through. A gemeente can choose 1 to 36.
const StandaardVerouderdNaMaanden = 12

// MaxVerouderdNaMaanden is the longest a gemeente may choose.
const MaxVerouderdNaMaanden = 36
