package netwerk

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/zeker-platform/zeker/internal/partner"
)

// The open-data form of the sociale kaart: Open Referral HSDS 3.0, as the "compiled" service object of
// its API (a service with its organization and its service_at_locations with their location), in a
// document of Zeker's own. Keys are lower snake_case; those HSDS defines keep HSDS's (English) names,
// Zeker's own additions are Dutch (bron, verouderd, hsds_versie, …). docs/netwerk.md describes every
// key; the same document is what the JSON import reads.

// HSDSVersie is the version of HSDS the export follows.
const HSDSVersie = "3.0"

// Taxonomies of the attributes: the needs of the controlled vocabulary and the regelingen of the packs.
const (
	TaxonomieBehoeften  = "zeker-behoeften"
	TaxonomieRegelingen = "zeker-regelingen"
)

// HSDSDocument is the exported sociale kaart of one gemeente.
type HSDSDocument struct {
	HSDSVersie         string        `json:"hsds_versie"`
	Gemeente           *HSDSGemeente `json:"gemeente,omitempty"`
	GemaaktOp          string        `json:"gemaakt_op,omitempty"`
	VerouderdNaMaanden int           `json:"verouderd_na_maanden,omitempty"`
	Services           []HSDSService `json:"services"`
}

// HSDSGemeente names the gemeente of a document.
type HSDSGemeente struct {
	Code string `json:"code"`
	Naam string `json:"naam"`
}

// genegeerd are HSDS keys the import reads and does not keep (Zeker has no place for them); they are
// never exported. Any other key that is not in these types is refused, so a misspelt key is not lost.
type genegeerd struct {
	AlternateName          json.RawMessage `json:"alternate_name,omitempty"`
	Languages              json.RawMessage `json:"languages,omitempty"`
	Funding                json.RawMessage `json:"funding,omitempty"`
	Metadata               json.RawMessage `json:"metadata,omitempty"`
	LastModified           json.RawMessage `json:"last_modified,omitempty"`
	OrganizationID         json.RawMessage `json:"organization_id,omitempty"`
	ProgramID              json.RawMessage `json:"program_id,omitempty"`
	ServiceID              json.RawMessage `json:"service_id,omitempty"`
	LocationID             json.RawMessage `json:"location_id,omitempty"`
	Latitude               json.RawMessage `json:"latitude,omitempty"`
	Longitude              json.RawMessage `json:"longitude,omitempty"`
	Transportation         json.RawMessage `json:"transportation,omitempty"`
	InterpretationServices json.RawMessage `json:"interpretation_services,omitempty"`
	Accreditations         json.RawMessage `json:"accreditations,omitempty"`
	AssurerEmail           json.RawMessage `json:"assurer_email,omitempty"`
	Alert                  json.RawMessage `json:"alert,omitempty"`
	// Contacts are named persons: personal data the sociale kaart does not hold. The import refuses a
	// non-empty list instead of dropping it silently.
	Contacts json.RawMessage `json:"contacts,omitempty"`
}

// HSDSService is an HSDS service with its organization and locations.
type HSDSService struct {
	genegeerd
	ID                     string                  `json:"id"`
	Name                   string                  `json:"name"`
	Description            string                  `json:"description,omitempty"`
	URL                    string                  `json:"url,omitempty"`
	Email                  string                  `json:"email,omitempty"`
	Status                 string                  `json:"status"`
	ApplicationProcess     string                  `json:"application_process,omitempty"`
	FeesDescription        string                  `json:"fees_description,omitempty"`
	EligibilityDescription string                  `json:"eligibility_description,omitempty"`
	MinimumAge             *int                    `json:"minimum_age,omitempty"`
	MaximumAge             *int                    `json:"maximum_age,omitempty"`
	AssuredDate            string                  `json:"assured_date"`
	Phones                 []HSDSPhone             `json:"phones,omitempty"`
	Schedules              []HSDSSchedule          `json:"schedules,omitempty"`
	ServiceAreas           []HSDSServiceArea       `json:"service_areas,omitempty"`
	ServiceAtLocations     []HSDSServiceAtLocation `json:"service_at_locations,omitempty"`
	Attributes             []HSDSAttribute         `json:"attributes,omitempty"`
	Organization           *HSDSOrganization       `json:"organization"`
	Bron                   string                  `json:"bron"`
	Verouderd              *bool                   `json:"verouderd,omitempty"`
}

// HSDSOrganization is the partner.
type HSDSOrganization struct {
	genegeerd
	ID                      string                       `json:"id"`
	Name                    string                       `json:"name"`
	Description             string                       `json:"description"`
	Website                 string                       `json:"website,omitempty"`
	Phones                  []HSDSPhone                  `json:"phones,omitempty"`
	OrganizationIdentifiers []HSDSOrganizationIdentifier `json:"organization_identifiers,omitempty"`
	WebsiteBron             string                       `json:"website_bron,omitempty"`
	TelefoonBron            string                       `json:"telefoon_bron,omitempty"`
}

// HSDSOrganizationIdentifier carries the KvK number.
type HSDSOrganizationIdentifier struct {
	genegeerd
	IdentifierScheme string `json:"identifier_scheme,omitempty"`
	IdentifierType   string `json:"identifier_type"`
	Identifier       string `json:"identifier"`
}

// HSDSPhone is a phone number.
type HSDSPhone struct {
	genegeerd
	Number      string `json:"number"`
	Description string `json:"description,omitempty"`
}

// HSDSSchedule is one weekly slot (RFC 5545: FREQ=WEEKLY;BYDAY=MO), local time in Europe/Amsterdam.
type HSDSSchedule struct {
	genegeerd
	Freq     string `json:"freq"`
	Byday    string `json:"byday"`
	OpensAt  string `json:"opens_at"`
	ClosesAt string `json:"closes_at"`
}

// HSDSServiceArea is a gemeente where the service is offered: its name is the CBS code, GM0175.
type HSDSServiceArea struct {
	genegeerd
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
}

// HSDSServiceAtLocation is the service at one location, with its opening hours there.
type HSDSServiceAtLocation struct {
	genegeerd
	ID        string         `json:"id"`
	Location  *HSDSLocation  `json:"location"`
	Schedules []HSDSSchedule `json:"schedules,omitempty"`
}

// HSDSLocation is a location: physical with an address, or virtual with a URL.
type HSDSLocation struct {
	genegeerd
	ID            string              `json:"id"`
	LocationType  string              `json:"location_type"`
	Name          string              `json:"name"`
	URL           string              `json:"url,omitempty"`
	Addresses     []HSDSAddress       `json:"addresses,omitempty"`
	Accessibility []HSDSAccessibility `json:"accessibility,omitempty"`
	Bron          string              `json:"bron"`
}

// HSDSAddress is a Dutch address: address_1 "Straat 12a", city the place, country NL.
type HSDSAddress struct {
	genegeerd
	Address1      string `json:"address_1"`
	City          string `json:"city"`
	PostalCode    string `json:"postal_code,omitempty"`
	StateProvince string `json:"state_province,omitempty"`
	Country       string `json:"country"`
	AddressType   string `json:"address_type"`
}

// HSDSAccessibility describes access for people with a disability.
type HSDSAccessibility struct {
	genegeerd
	Description string `json:"description"`
}

// HSDSAttribute links a service to a taxonomy term: a need, or a regeling with its role as value.
type HSDSAttribute struct {
	genegeerd
	Value        string           `json:"value,omitempty"`
	TaxonomyTerm HSDSTaxonomyTerm `json:"taxonomy_term"`
}

// HSDSTaxonomyTerm is a term: code "schuldhulp" in zeker-behoeften, or "GM1969/kindpakket" in
// zeker-regelingen.
type HSDSTaxonomyTerm struct {
	genegeerd
	Code     string `json:"code"`
	Name     string `json:"name"`
	Taxonomy string `json:"taxonomy"`
}

// afgeleidID is a stable UUID (version 8, RFC 9562) derived from parts: a service_at_location has no
// id of its own in Zeker, and an export should give it the same one every time.
func afgeleidID(delen ...string) string {
	h := sha256.Sum256([]byte(strings.Join(delen, "\x00")))
	b := h[:16]
	b[6] = b[6]&0x0f | 0x80
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func schedules(o Openingstijden) []HSDSSchedule {
	var uit []HSDSSchedule
	for _, t := range o {
		uit = append(uit, HSDSSchedule{Freq: "WEEKLY", Byday: HSDSDag(t.Dag), OpensAt: Tijd(t.Van), ClosesAt: Tijd(t.Tot)})
	}
	return uit
}

// HSDS returns the document of kaart k (every item, not a search), with the gemeente's name and the
// names of its regelingen; gemaakt is the time of the export as text.
func (s *Service) HSDS(k Kaart, gemeenteNaam, gemaakt string) HSDSDocument {
	doc := HSDSDocument{HSDSVersie: HSDSVersie, Gemeente: &HSDSGemeente{Code: k.Gemeente, Naam: gemeenteNaam}, GemaaktOp: gemaakt,
		VerouderdNaMaanden: k.VerouderdNaMaanden, Services: []HSDSService{}}
	for _, it := range k.Items {
		d, o := it.Dienst, it.Partner
		org := &HSDSOrganization{ID: o.ID, Name: o.Naam, Website: o.Contact.Website, WebsiteBron: o.Contact.WebsiteBron}
		if o.Contact.Telefoon != "" {
			org.Phones = []HSDSPhone{{Number: o.Contact.Telefoon}}
			org.TelefoonBron = o.Contact.TelefoonBron
		}
		if o.KvK != "" {
			org.OrganizationIdentifiers = []HSDSOrganizationIdentifier{{IdentifierScheme: "NL-KVK", IdentifierType: "KvK-nummer", Identifier: o.KvK}}
		}
		verouderd := it.Verouderd
		hs := HSDSService{ID: d.ID, Name: d.Naam, Description: d.Beschrijving, URL: d.Website, Email: d.Email, Status: string(d.Status),
			ApplicationProcess: d.Aanmelden, FeesDescription: d.Kosten, EligibilityDescription: d.VoorWie, MinimumAge: d.MinLeeftijd,
			MaximumAge: d.MaxLeeftijd, AssuredDate: partner.DagTekst(d.GecontroleerdOp), Schedules: schedules(d.Openingstijden),
			Organization: org, Bron: d.Bron, Verouderd: &verouderd}
		if d.Telefoon != "" {
			hs.Phones = []HSDSPhone{{Number: d.Telefoon}}
		}
		for _, gm := range d.Gemeenten {
			hs.ServiceAreas = append(hs.ServiceAreas, HSDSServiceArea{Name: gm})
		}
		for _, b := range d.Behoeften {
			hs.Attributes = append(hs.Attributes, HSDSAttribute{TaxonomyTerm: HSDSTaxonomyTerm{Code: string(b), Name: BehoefteNaam(b), Taxonomy: TaxonomieBehoeften}})
		}
		for _, r := range d.Regelingen {
			hs.Attributes = append(hs.Attributes, HSDSAttribute{Value: string(r.Rol), TaxonomyTerm: HSDSTaxonomyTerm{Code: r.Gemeente + "/" + r.Regeling,
				Name: s.RegelingNaam(r.Gemeente, r.Regeling, false), Taxonomy: TaxonomieRegelingen}})
		}
		for _, l := range it.Locaties {
			loc := &HSDSLocation{ID: l.ID, LocationType: string(l.Soort), Name: l.Naam, URL: l.URL, Bron: l.Bron}
			if l.Soort == Fysiek {
				loc.Addresses = []HSDSAddress{{Address1: strings.TrimSpace(l.Adres.Straat + " " + l.Adres.Huisnummer), City: l.Adres.Plaats,
					PostalCode: l.Adres.Postcode, Country: "NL", AddressType: "physical"}}
			}
			if l.Toegankelijkheid != "" {
				loc.Accessibility = []HSDSAccessibility{{Description: l.Toegankelijkheid}}
			}
			hs.ServiceAtLocations = append(hs.ServiceAtLocations, HSDSServiceAtLocation{ID: afgeleidID(d.ID, l.ID), Location: loc,
				Schedules: schedules(l.Openingstijden)})
		}
		doc.Services = append(doc.Services, hs)
	}
	return doc
}
