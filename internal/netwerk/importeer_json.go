package netwerk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/partner"
)

// jsonVelden maps the paths of errs.Fields to the keys of an HSDS service.
var jsonVelden = map[string]string{"naam": "name", "beschrijving": "description", "behoeften": "attributes", "voorwie": "eligibility_description",
	"minleeftijd": "minimum_age", "maxleeftijd": "maximum_age", "aanmelden": "application_process", "kosten": "fees_description",
	"website": "url", "email": "email", "telefoon": "phones", "status": "status", "bron": "bron", "gecontroleerd": "assured_date", "id": "id",
	"regelingen": "attributes", "locaties": "service_at_locations", "partner": "organization", "gemeenten": "organization"}

var jsonLocatieVelden = map[string]string{"naam": "name", "soort": "location_type", "straat": "addresses", "huisnummer": "addresses",
	"postcode": "addresses", "plaats": "addresses", "url": "url", "toegankelijkheid": "accessibility", "bron": "bron", "id": "id"}

// LeesJSON reads the JSON document of the export (HSDSDocument): its services with their organization
// and locations. A key that is not in the format (or in the list of HSDS keys that are read and not
// kept) is refused, so a misspelt key is not lost silently.
func LeesJSON(r io.Reader) ([]invoer, ImportFouten) {
	data, err := io.ReadAll(r)
	heel := func(reden string) ([]invoer, ImportFouten) { return nil, ImportFouten{{Plek: "bestand", Reden: reden}} }
	if err != nil {
		return heel("Het bestand kon niet worden gelezen.")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc HSDSDocument
	if err := dec.Decode(&doc); err != nil {
		return heel(jsonReden(data, err))
	}
	if dec.More() {
		return heel("Na het JSON-document staat nog meer tekst; een bestand is één document.")
	}
	if doc.Services == nil {
		return heel("Het document heeft geen lijst ‘services’.")
	}
	if len(doc.Services) > MaxImportDiensten {
		return heel(fmt.Sprintf("Een import heeft hoogstens %d diensten; splits het bestand.", MaxImportDiensten))
	}
	var uit []invoer
	var fouten ImportFouten
	regels := serviceRegels(data)
	for i, hs := range doc.Services {
		plek := "services[" + strconv.Itoa(i) + "]"
		if i < len(regels) {
			plek = "regel " + strconv.Itoa(regels[i]) + ", " + plek
		}
		in, f := leesHSDSService(plek, hs)
		fouten = append(fouten, f...)
		uit = append(uit, in)
	}
	return uit, fouten
}

// serviceRegels returns the line on which each element of the document's "services" starts, so that
// every problem of a service names its line as well as its place. The document has been decoded
// already; on anything unexpected it returns what it found so far.
func serviceRegels(data []byte) []int {
	dec := json.NewDecoder(bytes.NewReader(data))
	regel := func(off int64) int {
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		return bytes.Count(data[:off], []byte("\n")) + 1
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil
		}
		if k != "services" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return nil
		}
		var uit []int
		for dec.More() {
			uit = append(uit, regel(dec.InputOffset()))
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return uit
			}
		}
		return uit
	}
	return nil
}

// jsonReden says in plain Dutch why the document could not be read, with the line where possible.
func jsonReden(data []byte, err error) string {
	regel := func(off int64) string {
		if off < 0 || off > int64(len(data)) {
			return ""
		}
		return " (regel " + strconv.Itoa(bytes.Count(data[:off], []byte("\n"))+1) + ")"
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return "Dit is geen geldige JSON" + regel(se.Offset) + ": " + se.Error() + "."
	case errors.As(err, &te):
		return fmt.Sprintf("De sleutel ‘%s’ heeft de verkeerde soort waarde%s: verwacht %s.", te.Field, regel(te.Offset), te.Type.String())
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "Het JSON-document is leeg of houdt te vroeg op."
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "Onbekende sleutel " + strings.TrimPrefix(err.Error(), "json: unknown field ") + ". docs/netwerk.md noemt de sleutels van het formaat."
	}
	return "Dit JSON-document kon niet worden gelezen."
}

func leesHSDSService(plek string, hs HSDSService) (invoer, ImportFouten) {
	var f ImportFouten
	fout := func(sleutel, reden string) { f = append(f, ImportFout{Plek: plek, Veld: sleutel, Reden: reden}) }
	in := invoer{Plek: plek, velden: jsonVelden}
	if hs.Organization == nil {
		fout("organization", "Elke dienst heeft een organization met ten minste een name.")
	} else {
		o := hs.Organization
		in.Org = invoerOrg{ID: strings.TrimSpace(o.ID), Naam: strings.TrimSpace(o.Name), Website: strings.TrimSpace(o.Website),
			WebsiteBron: strings.TrimSpace(o.WebsiteBron), TelefoonBron: strings.TrimSpace(o.TelefoonBron)}
		if len(o.Phones) > 0 {
			in.Org.Telefoon = strings.TrimSpace(o.Phones[0].Number)
		}
		for _, id := range o.OrganizationIdentifiers {
			if strings.Contains(strings.ToLower(id.IdentifierType+id.IdentifierScheme), "kvk") {
				in.Org.KvK = partner.NormaliseerKvK(id.Identifier)
			}
		}
		if in.Org.Naam == "" {
			fout("organization.name", "Vul de naam van de organisatie in.")
		}
		if len(o.Contacts) > 0 && string(o.Contacts) != "[]" && string(o.Contacts) != "null" {
			fout("organization.contacts", "Contactpersonen zijn persoonsgegevens; de sociale kaart bewaart ze niet. Haal ze uit het bestand.")
		}
	}
	if len(hs.Contacts) > 0 && string(hs.Contacts) != "[]" && string(hs.Contacts) != "null" {
		fout("contacts", "Contactpersonen zijn persoonsgegevens; de sociale kaart bewaart ze niet. Haal ze uit het bestand.")
	}
	d := &in.Dienst
	d.ID, d.Naam, d.Beschrijving, d.VoorWie = strings.TrimSpace(hs.ID), hs.Name, hs.Description, hs.EligibilityDescription
	d.Aanmelden, d.Kosten, d.Website, d.Email, d.Bron = hs.ApplicationProcess, hs.FeesDescription, hs.URL, hs.Email, hs.Bron
	d.MinLeeftijd, d.MaxLeeftijd = hs.MinimumAge, hs.MaximumAge
	if len(hs.Phones) > 0 {
		d.Telefoon = hs.Phones[0].Number
	}
	st, ok := leesStatus(hs.Status)
	if !ok {
		fout("status", "Kies active, temporarily closed, inactive of defunct.")
	}
	d.Status = st
	var err error
	if d.GecontroleerdOp, err = partner.ParseDag(strings.TrimSpace(hs.AssuredDate)); err != nil {
		fout("assured_date", "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-03-02.")
	}
	if d.Openingstijden, err = leesSchedules(hs.Schedules); err != nil {
		fout("schedules", importReden(err))
	}
	for j, a := range hs.Attributes {
		t := a.TaxonomyTerm
		waar := "attributes[" + strconv.Itoa(j) + "]"
		switch t.Taxonomy {
		case TaxonomieBehoeften:
			b, ok := LeesBehoefte(t.Code)
			if !ok {
				fout(waar, fmt.Sprintf("‘%s’ is geen onderwerp van de sociale kaart. Kies uit: %s.", kort(t.Code), behoefteLijst()))
				continue
			}
			d.Behoeften = append(d.Behoeften, b)
		case TaxonomieRegelingen:
			gm, id, ok := strings.Cut(t.Code, "/")
			rol := Rol(strings.ToLower(strings.TrimSpace(a.Value)))
			if !ok || gm == "" || id == "" || (rol != Uitvoeren && rol != Aanvragen) {
				fout(waar, "Een regeling heeft als code GM0000/regeling-id en als value uitvoeren of aanvragen.")
				continue
			}
			d.Regelingen = append(d.Regelingen, RegelingRol{Gemeente: gm, Regeling: id, Rol: rol})
		default:
			fout(waar, "Onbekende taxonomy ‘"+kort(t.Taxonomy)+"’: gebruik "+TaxonomieBehoeften+" of "+TaxonomieRegelingen+".")
		}
	}
	for j, sal := range hs.ServiceAtLocations {
		waar := "service_at_locations[" + strconv.Itoa(j) + "]"
		if sal.Location == nil {
			fout(waar, "Elke service_at_location heeft een location.")
			continue
		}
		l := sal.Location
		loc := invoerLocatie{Locatie: Locatie{ID: strings.TrimSpace(l.ID), Naam: l.Name, Soort: LocatieSoort(l.LocationType), URL: l.URL, Bron: l.Bron}}
		if loc.Bron == "" {
			loc.Bron = d.Bron
		}
		if len(l.Addresses) > 1 {
			fout(waar+".location.addresses", "Een locatie heeft één adres.")
		}
		if len(l.Addresses) == 1 {
			a := l.Addresses[0]
			straat, nr := splitsAdres(a.Address1)
			loc.Adres = partner.Adres{Straat: straat, Huisnummer: nr, Postcode: a.PostalCode, Plaats: a.City}
		}
		if len(l.Accessibility) > 0 {
			loc.Toegankelijkheid = l.Accessibility[0].Description
		}
		if loc.Openingstijden, err = leesSchedules(sal.Schedules); err != nil {
			fout(waar+".schedules", importReden(err))
		}
		in.Locaties = append(in.Locaties, loc)
	}
	return in, f
}

// splitsAdres splits "Voorbeeldstraat 12a" into street and number (the number is the last word that
// starts with a digit).
func splitsAdres(s string) (string, string) {
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, ' ')
	if i > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
		return strings.TrimSpace(s[:i]), s[i+1:]
	}
	return s, ""
}

// leesSchedules turns weekly HSDS schedules into opening hours through the one notation, so they are
// checked the same way.
func leesSchedules(ss []HSDSSchedule) (Openingstijden, error) {
	var delen []string
	for _, sc := range ss {
		if f := strings.ToUpper(strings.TrimSpace(sc.Freq)); f != "" && f != "WEEKLY" {
			return nil, fmt.Errorf("schedules: alleen wekelijkse tijden (freq WEEKLY) kunnen worden gelezen, niet %s", kort(sc.Freq))
		}
		var dagen []string
		for _, d := range strings.Split(sc.Byday, ",") {
			d = strings.ToUpper(strings.TrimSpace(d))
			n := 0
			for x := 1; x <= 7; x++ {
				if HSDSDag(x) == d {
					n = x
				}
			}
			if n == 0 {
				return nil, fmt.Errorf("schedules: byday ‘%s’ is geen dag; gebruik MO, TU, WE, TH, FR, SA of SU", kort(sc.Byday))
			}
			dagen = append(dagen, DagCode(n))
		}
		delen = append(delen, strings.Join(dagen, ",")+" "+strings.TrimSpace(sc.OpensAt)+"-"+strings.TrimSpace(sc.ClosesAt))
	}
	return ParseOpeningstijden(strings.Join(delen, "; "))
}
