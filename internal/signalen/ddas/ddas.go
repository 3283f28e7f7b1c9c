// Package ddas builds the national DDAS vroegsignalering message (version 1.2, VNG-Realisatie
// ddas-vroegsignalering) with which a gemeente reports its signals and vroegsignaalzaken to the CBS
// (Wgs art. 9). The JSON Schema of v1.2 is embedded (public national vocabulary) and every message can
// be checked against it with Valideer before it leaves the building.
//
// Scope of a message: one gemeente, the zaken whose matching period starts within [van, tot], with all
// their signals and contact attempts. A message holds at most MaxSignalen signals (the DDAS transport
// limit); larger deliveries are split into pages by zaak, so a zaak and its signals are never split.
//
// Privacy: the DDAS client object carries either the BSN alone, or (without BSN) postcode, huisnummer,
// toevoeging and birth date — the schema forbids both at once. Names, contact details, partner
// references and case-worker notes are never exported. Amounts are whole euros, rounded half up.
package ddas

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
)

// MaxSignalen is the largest number of vroegsignalen in one message (DDAS transport, berichten.md).
const MaxSignalen = 50000

// SchemaJSON is the DDAS vroegsignalering v1.2 JSON Schema.
//
//go:embed vroegsignalering-v1.2.schema.json
var SchemaJSON []byte

// Bericht is the DDAS Uitwisselmodel.
type Bericht struct {
	StartdatumLevering      string     `json:"startdatumLevering"`
	EinddatumLevering       string     `json:"einddatumLevering"`
	AanleverdatumEnTijd     string     `json:"aanleverdatumEnTijd"`
	CodeGegevensleverancier string     `json:"codeGegevensleverancier"`
	Leveringen              []Levering `json:"leveringen,omitempty"`
}

// Levering is one gemeente's signals and zaken in a message.
type Levering struct {
	Teller                  int                `json:"teller"`
	Gemeentecode            string             `json:"gemeentecode"`
	AanleverendeOrganisatie Organisatie        `json:"aanleverendeOrganisatie"`
	Vroegsignalen           []Vroegsignaal     `json:"vroegsignalen,omitempty"`
	Vroegsignaalzaken       []Vroegsignaalzaak `json:"vroegsignaalzaken,omitempty"`
}

// Organisatie is the organisation that delivers the data (the gemeente or its uitvoerder).
type Organisatie struct {
	Naam            string           `json:"naam,omitempty"`
	KvKNummer       string           `json:"kvk-nummer,omitempty"`
	Contactpersonen []Contactpersoon `json:"contactpersonen,omitempty"`
}

// Contactpersoon is a contact at the delivering organisation.
type Contactpersoon struct {
	Naam           string `json:"naam,omitempty"`
	Telefoonnummer string `json:"telefoonnummer,omitempty"`
	Email          string `json:"email,omitempty"`
	Functietitel   string `json:"functietitel,omitempty"`
}

// Vroegsignaal is one signal in DDAS form.
type Vroegsignaal struct {
	ID              string         `json:"ID"`
	Crisissignaal   bool           `json:"crisissignaal"`
	WarmeOverdracht bool           `json:"warmeOverdracht"`
	Bedrag          int64          `json:"bedrag"`
	Ontstaansdatum  string         `json:"ontstaansdatum,omitempty"`
	Signaaldatum    string         `json:"signaaldatum,omitempty"`
	Status          string         `json:"status,omitempty"`
	Signaalpartner  Signaalpartner `json:"signaalpartner"`
	Client          Client         `json:"client"`
}

// Signaalpartner holds the DDAS partner type.
type Signaalpartner struct {
	Type string `json:"type"`
}

// Client identifies the resident: BSN alone, or address (+ birth date) without BSN.
type Client struct {
	Burgerservicenummer  string `json:"burgerservicenummer,omitempty"`
	Geboortedatum        string `json:"geboortedatum,omitempty"`
	Postcode             string `json:"postcode,omitempty"`
	Huisnummer           string `json:"huisnummer,omitempty"`
	Huisnummertoevoeging string `json:"huisnummertoevoeging,omitempty"`
}

// Vroegsignaalzaak is one zaak in DDAS form.
type Vroegsignaalzaak struct {
	Resultaat                 string          `json:"resultaat,omitempty"`
	Matchingsdatum            string          `json:"matchingsdatum,omitempty"`
	StartdatumMatchingperiode string          `json:"startdatumMatchingperiode,omitempty"`
	DatumOpgepakt             string          `json:"datumOpgepakt,omitempty"`
	EinddatumMatchingperiode  string          `json:"einddatumMatchingperiode,omitempty"`
	Vroegsignalen             []SignaalRef    `json:"vroegsignalen"`
	Contactpogingen           []Contactpoging `json:"contactpogingen,omitempty"`
}

// SignaalRef points from a zaak to a signal by ID.
type SignaalRef struct {
	ID string `json:"ID"`
}

// Contactpoging is one contact attempt in DDAS form.
type Contactpoging struct {
	Soort   string `json:"soort,omitempty"`
	Bereikt bool   `json:"bereikt"`
	Datum   string `json:"datum,omitempty"`
	Dagdeel string `json:"dagdeel,omitempty"`
}

// Zaak is the input for one vroegsignaalzaak: the zaak, its signals and its contact attempts.
type Zaak struct {
	Zaak            signalen.Zaak
	Signalen        []signalen.Ontvangen
	Contactpogingen []signalen.Contactpoging
}

// Invoer is everything a delivery is built from.
type Invoer struct {
	CodeGegevensleverancier string
	Gemeentecode            string
	Organisatie             Organisatie
	Van, Tot                datum.Datum
	Aangeleverd             time.Time
	Zaken                   []Zaak
}

// Berichten builds the messages for in: one when it holds at most max signals (MaxSignalen when max
// ≤ 0), otherwise pages filled zaak by zaak. An empty period gives one message without leveringen.
func Berichten(in Invoer, max int) ([]Bericht, error) {
	if max <= 0 || max > MaxSignalen {
		max = MaxSignalen
	}
	if in.Gemeentecode == "" || in.CodeGegevensleverancier == "" {
		return nil, fmt.Errorf("ddas: gemeentecode en code gegevensleverancier zijn verplicht")
	}
	if in.Van.IsZero() || in.Tot.IsZero() || in.Tot.Voor(in.Van) {
		return nil, fmt.Errorf("ddas: periode %s – %s klopt niet", in.Van, in.Tot)
	}
	kop := func() Bericht {
		return Bericht{
			StartdatumLevering:      in.Van.String(),
			EinddatumLevering:       in.Tot.String(),
			AanleverdatumEnTijd:     in.Aangeleverd.UTC().Truncate(time.Second).Format(time.RFC3339),
			CodeGegevensleverancier: in.CodeGegevensleverancier,
		}
	}
	var out []Bericht
	var lev *Levering
	nieuw := func() {
		out = append(out, kop())
		b := &out[len(out)-1]
		b.Leveringen = []Levering{{Teller: 1, Gemeentecode: in.Gemeentecode, AanleverendeOrganisatie: in.Organisatie}}
		lev = &b.Leveringen[0]
	}
	for i := range in.Zaken {
		z := &in.Zaken[i]
		if len(z.Signalen) == 0 {
			continue // DDAS requires at least one signal per zaak; a zaak without signals has nothing to report
		}
		if len(z.Signalen) > max {
			return nil, fmt.Errorf("ddas: zaak %d heeft %d signalen, meer dan %d per bericht", z.Zaak.ID, len(z.Signalen), max)
		}
		if lev == nil || len(lev.Vroegsignalen)+len(z.Signalen) > max {
			nieuw()
		}
		vz := Vroegsignaalzaak{
			Resultaat:                 string(z.Zaak.Resultaat),
			Matchingsdatum:            z.Zaak.Matchingsdatum.String(),
			StartdatumMatchingperiode: z.Zaak.PeriodeStart.String(),
			EinddatumMatchingperiode:  z.Zaak.PeriodeEinde.String(),
			DatumOpgepakt:             z.Zaak.DatumOpgepakt.String(),
		}
		if z.Zaak.Status != signalen.ZaakGesloten {
			vz.Resultaat = ""
		}
		for j := range z.Signalen {
			s := &z.Signalen[j]
			id := SignaalID(in.Gemeentecode, s.ID)
			lev.Vroegsignalen = append(lev.Vroegsignalen, vroegsignaal(id, s))
			vz.Vroegsignalen = append(vz.Vroegsignalen, SignaalRef{ID: id})
		}
		for _, c := range z.Contactpogingen {
			vz.Contactpogingen = append(vz.Contactpogingen, Contactpoging{
				Soort: string(c.Soort), Bereikt: c.Bereikt, Datum: c.Datum.String(), Dagdeel: string(c.Dagdeel),
			})
		}
		lev.Vroegsignaalzaken = append(lev.Vroegsignaalzaken, vz)
	}
	if len(out) == 0 {
		out = append(out, kop())
	}
	return out, nil
}

// SignaalID is the DDAS ID of a signal: gemeentecode and our internal number, never the partner's
// reference (which may contain personal data).
func SignaalID(gemeente string, id int64) string { return gemeente + "-" + strconv.FormatInt(id, 10) }

func vroegsignaal(id string, s *signalen.Ontvangen) Vroegsignaal {
	v := Vroegsignaal{
		ID:              id,
		Crisissignaal:   s.Crisis,
		WarmeOverdracht: s.WarmeOverdracht,
		Bedrag:          HeleEuros(s.Bedrag),
		Ontstaansdatum:  s.Ontstaansdatum.String(),
		Signaaldatum:    s.Signaaldatum.String(),
		Status:          string(s.Status),
		Signaalpartner:  Signaalpartner{Type: string(s.PartnerType)},
	}
	in := s.Inwoner
	if in.BSN != "" {
		v.Client.Burgerservicenummer = in.BSN
	} else {
		a := in.Adres
		v.Client.Postcode = a.Postcode
		if a.Huisnummer > 0 {
			v.Client.Huisnummer = strconv.Itoa(a.Huisnummer)
		}
		v.Client.Huisnummertoevoeging = a.Toevoeging
		v.Client.Geboortedatum = in.Geboortedatum.String()
	}
	return v
}

// HeleEuros rounds an amount in cents to whole euros, half up (half away from zero): the DDAS
// "bedrag" is "in hele euros nauwkeurig".
func HeleEuros(b geld.Bedrag) int64 { return int64(b.DeelHalfOmhoog(100)) }

// Schema compiles the embedded v1.2 schema with format assertions on (date, date-time, email).
func Schema() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemaJSON))
	if err != nil {
		return nil, fmt.Errorf("ddas: lees schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://zeker.invalid/ddas/vroegsignalering-v1.2.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("ddas: schema: %w", err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("ddas: compileer schema: %w", err)
	}
	return sch, nil
}

// Valideer checks a marshalled message against the schema.
func Valideer(sch *jsonschema.Schema, p []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(p))
	if err != nil {
		return fmt.Errorf("ddas: bericht is geen JSON: %w", err)
	}
	if err := sch.Validate(v); err != nil {
		return fmt.Errorf("ddas: bericht voldoet niet aan het schema: %w", err)
	}
	return nil
}

// Marshal writes a message as indented UTF-8 JSON.
func Marshal(b Bericht) ([]byte, error) {
	p, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("ddas: schrijf bericht: %w", err)
	}
	return append(p, '\n'), nil
}
