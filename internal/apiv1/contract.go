package apiv1

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/text"
)

// contract is the served OpenAPI document, loaded and validated once, with the schemas a request is
// checked against: the document is the contract, so the code reads its constraints from it instead of
// repeating them.
type contract struct {
	levering *openapi3.Schema // the envelope {gemeente, signalen}
	signaal  *openapi3.Schema // one element of signalen
	// The parameters of GET /api/v1/signalen/{referentie}.
	referentie, gemeente *openapi3.Schema
	opties               []openapi3.SchemaValidationOption
}

// maxFoutenPerSignaal bounds the answer for one hostile signal (thousands of unknown fields).
const maxFoutenPerSignaal = 20

// standaardContract is the contract of the embedded document. It is computed once from a constant and
// never changed; a document that does not load is a programming error that TestOpenAPIDocument catches.
var standaardContract = sync.OnceValues(func() (*contract, error) { return laadContract(OpenAPI) })

// laadContract loads and validates an OpenAPI document and picks the schemas of the signal delivery.
func laadContract(doc []byte) (*contract, error) {
	t, err := openapi3.NewLoader().LoadFromData(doc)
	if err != nil {
		return nil, fmt.Errorf("apiv1: openapi.yaml laden: %w", err)
	}
	if err := t.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("apiv1: openapi.yaml klopt niet: %w", err)
	}
	c := &contract{opties: []openapi3.SchemaValidationOption{
		openapi3.MultiErrors(),
		openapi3.VisitAsRequest(),
		// An empty optional field is "not given" (documented in openapi.yaml): the formats accept "";
		// a required date that is empty is refused by signalen's checks ("Vul de datum in").
		openapi3.WithStringFormatValidator("email", leegOf(openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail).Validate)),
		openapi3.WithStringFormatValidator("date", leegOf(func(s string) error {
			_, err := time.Parse(time.DateOnly, s)
			return err
		})),
	}}
	post := t.Paths.Find("/api/v1/signalen")
	if post == nil || post.Post == nil || post.Post.RequestBody == nil || post.Post.RequestBody.Value == nil {
		return nil, fmt.Errorf("apiv1: openapi.yaml heeft geen POST /api/v1/signalen met body")
	}
	mt := post.Post.RequestBody.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return nil, fmt.Errorf("apiv1: openapi.yaml: POST /api/v1/signalen heeft geen JSON-schema")
	}
	c.levering = mt.Schema.Value
	sig := c.levering.Properties["signalen"]
	if sig == nil || sig.Value == nil || sig.Value.Items == nil || sig.Value.Items.Value == nil {
		return nil, fmt.Errorf("apiv1: openapi.yaml: Levering heeft geen lijst signalen")
	}
	c.signaal = sig.Value.Items.Value
	get := t.Paths.Find("/api/v1/signalen/{referentie}")
	if get == nil || get.Get == nil {
		return nil, fmt.Errorf("apiv1: openapi.yaml heeft geen GET /api/v1/signalen/{referentie}")
	}
	for _, p := range get.Get.Parameters {
		if p.Value == nil || p.Value.Schema == nil {
			continue
		}
		switch p.Value.Name {
		case "referentie":
			c.referentie = p.Value.Schema.Value
		case "gemeente":
			c.gemeente = p.Value.Schema.Value
		}
	}
	if c.referentie == nil || c.gemeente == nil {
		return nil, fmt.Errorf("apiv1: openapi.yaml: parameters referentie en gemeente ontbreken")
	}
	return c, nil
}

// leegOf is a string format that also accepts "".
type leegOf func(string) error

func (f leegOf) Validate(s string) error {
	if s == "" {
		return nil
	}
	return f(s)
}

// plek is one problem at one place of a JSON value: the field as a path relative to the value that was
// checked ("inwoner.adres.huisnummer"; "" is the value itself) and a Dutch reason.
type plek struct{ veld, reden string }

// controleer checks v (decoded with UseNumber) against schema and returns every problem, sorted by
// field, at most max.
func (c *contract) controleer(schema *openapi3.Schema, v any, max int) []plek {
	var out []plek
	if err := schema.VisitJSON(v, c.opties...); err != nil {
		out = schemaFouten(err, out)
	}
	slices.SortStableFunc(out, func(a, b plek) int { return strings.Compare(a.veld, b.veld) })
	out = slices.Compact(out)
	if len(out) > max {
		out = out[:max]
	}
	return out
}

// signaalUit checks one element of signalen, decoded with UseNumber, and returns the signal, or the
// problems that refuse it: the schema of the document, the text rule (package text) for every string,
// and the money rule (package geld) for bedrag.
func (c *contract) signaalUit(v any) (signalen.Signaal, []plek) {
	fouten := c.controleer(c.signaal, v, maxFoutenPerSignaal)
	fouten = tekstFouten(v, "", fouten)
	m, _ := v.(map[string]any)
	var bedrag geld.Bedrag
	if !slices.ContainsFunc(fouten, func(p plek) bool { return p.veld == "bedrag" }) {
		var err error
		if bedrag, err = bedragUit(m["bedrag"]); err != nil {
			fouten = append(fouten, plek{"bedrag", geld.Reden(err)})
		}
	}
	if len(fouten) > 0 {
		slices.SortStableFunc(fouten, func(a, b plek) int { return strings.Compare(a.veld, b.veld) })
		return signalen.Signaal{}, slices.Compact(fouten)
	}
	return signaalVan(m, bedrag)
}

// signaalVan builds the signal from a value that passed the document, so every type is the one the
// schema names (TestSignaalVanVolledig guards that each field of signalen.Signaal is read here, and
// that the result equals what encoding/json would make of the same JSON).
func signaalVan(m map[string]any, bedrag geld.Bedrag) (signalen.Signaal, []plek) {
	tekst := func(m map[string]any, k string) string { s, _ := m[k].(string); return s }
	waar := func(m map[string]any, k string) bool { b, _ := m[k].(bool); return b }
	var fouten []plek
	datum := func(m map[string]any, k, pad string) datum.Datum {
		s := tekst(m, k)
		if s == "" {
			return datum.Datum{}
		}
		d, err := datum.Parse(s)
		if err != nil {
			fouten = append(fouten, plek{pad, "De datum klopt niet. Schrijf JJJJ-MM-DD."})
		}
		return d
	}
	s := signalen.Signaal{
		Referentie:      tekst(m, "referentie"),
		PartnerType:     signalen.PartnerType(tekst(m, "partnertype")),
		Bedrag:          bedrag,
		Ontstaansdatum:  datum(m, "ontstaansdatum", "ontstaansdatum"),
		Signaaldatum:    datum(m, "signaaldatum", "signaaldatum"),
		Crisis:          waar(m, "crisis"),
		CrisisSoort:     signalen.CrisisSoort(tekst(m, "crisissoort")),
		WarmeOverdracht: waar(m, "warmeOverdracht"),
	}
	in, _ := m["inwoner"].(map[string]any)
	s.Inwoner = signalen.Inwoner{
		BSN:           tekst(in, "bsn"),
		Voorletters:   tekst(in, "voorletters"),
		Voorvoegsel:   tekst(in, "voorvoegsel"),
		Achternaam:    tekst(in, "achternaam"),
		Geboortedatum: datum(in, "geboortedatum", "inwoner.geboortedatum"),
		Telefoon:      tekst(in, "telefoon"),
		Email:         tekst(in, "email"),
	}
	a, _ := in["adres"].(map[string]any)
	s.Inwoner.Adres = signalen.Adres{
		Straat:     tekst(a, "straat"),
		Postcode:   tekst(a, "postcode"),
		Toevoeging: tekst(a, "toevoeging"),
		Woonplaats: tekst(a, "woonplaats"),
	}
	if n, ok := a["huisnummer"].(json.Number); ok {
		h, err := strconv.Atoi(string(n))
		if err != nil { // 12.0 is an integer to JSON Schema, not to us
			fouten = append(fouten, plek{"inwoner.adres.huisnummer", "Het huisnummer moet een geheel getal zijn, zonder punt of komma."})
		}
		s.Inwoner.Adres.Huisnummer = h
	}
	if len(fouten) > 0 {
		return signalen.Signaal{}, fouten
	}
	return s, nil
}

// bedragUit applies geld's notation rule to the bedrag token (the schema has checked its type).
func bedragUit(v any) (geld.Bedrag, error) {
	switch b := v.(type) {
	case json.Number:
		return geld.ParseGetal(string(b))
	case string:
		return geld.Parse(b)
	}
	return 0, nil
}

// tekstFouten applies text.Check to every string in v (keys are checked by the schema: an unknown key
// is refused, and its name is cleaned before it is shown).
func tekstFouten(v any, pad string, out []plek) []plek {
	switch w := v.(type) {
	case string:
		if err := text.Check(w); err != nil {
			out = append(out, plek{pad, text.Reason(err)})
		}
	case map[string]any:
		for k, x := range w {
			out = tekstFouten(x, voeg(pad, schoon(k)), out)
		}
	case []any:
		for i, x := range w {
			out = tekstFouten(x, pad+"["+strconv.Itoa(i)+"]", out)
		}
	}
	return out
}

func voeg(pad, veld string) string {
	if pad == "" {
		return veld
	}
	return pad + "." + veld
}

// schoon makes a field name from the request safe to show: no control characters or broken UTF-8,
// at most 60 characters.
func schoon(k string) string {
	if text.Check(k) != nil {
		k = strings.Map(func(r rune) rune {
			if r < 0x20 || (r >= 0x7F && r <= 0x9F) || r == 0xFFFD {
				return '?'
			}
			return r
		}, strings.ToValidUTF8(k, "?"))
	}
	if r := []rune(k); len(r) > 60 {
		k = string(r[:60])
	}
	return k
}

// schemaFouten turns the errors of kin-openapi's validator into places and Dutch reasons.
func schemaFouten(err error, out []plek) []plek {
	switch e := err.(type) {
	case openapi3.MultiError:
		for _, x := range e {
			out = schemaFouten(x, out)
		}
		return out
	case *openapi3.SchemaError:
		pad := ""
		for _, d := range e.JSONPointer() {
			if _, err := strconv.Atoi(d); err == nil {
				pad += "[" + d + "]"
			} else {
				pad = voeg(pad, schoon(d))
			}
		}
		if e.SchemaField == "properties" && e.Schema != nil {
			// "property … is unsupported" names the object; name the unknown fields themselves.
			if m, ok := e.Value.(map[string]any); ok {
				for k := range m {
					if _, bekend := e.Schema.Properties[k]; !bekend {
						out = append(out, plek{voeg(pad, schoon(k)), "Dit veld kennen we niet. Controleer de spelling met het OpenAPI-document."})
					}
				}
				return out
			}
		}
		return append(out, plek{pad, reden(e)})
	}
	return append(out, plek{"", "Dit klopt niet met het OpenAPI-document."})
}

// reden is the Dutch reason for one violated keyword, with the limit from the document.
func reden(e *openapi3.SchemaError) string {
	s := e.Schema
	if s == nil {
		s = &openapi3.Schema{}
	}
	getal := func(f *float64) string {
		if f == nil {
			return "?"
		}
		return strconv.FormatFloat(*f, 'f', -1, 64)
	}
	switch e.SchemaField {
	case "required":
		return "Dit veld is verplicht. Vul het in."
	case "type", "nullable":
		if e.Value == nil {
			return "Dit veld mag niet leeg (null) zijn. Vul een waarde in."
		}
		var soorten []string
		if s.Type != nil {
			for _, t := range s.Type.Slice() {
				soorten = append(soorten, soortNaam(t))
			}
		}
		if len(soorten) == 0 {
			return "Dit veld heeft de verkeerde soort waarde."
		}
		return "Dit veld heeft de verkeerde soort waarde: verwacht " + strings.Join(soorten, " of ") + "."
	case "minimum":
		return "Deze waarde is te klein. Gebruik minstens " + getal(s.Min) + "."
	case "maximum":
		return "Deze waarde is te groot. Gebruik hoogstens " + getal(s.Max) + "."
	case "exclusiveMinimum":
		return "Deze waarde is te klein. Gebruik meer dan " + getal(s.Min) + "."
	case "exclusiveMaximum":
		return "Deze waarde is te groot. Gebruik minder dan " + getal(s.Max) + "."
	case "maxLength":
		if s.MaxLength != nil {
			return fmt.Sprintf("Deze tekst is te lang. Gebruik hoogstens %d tekens.", *s.MaxLength)
		}
	case "minLength":
		if s.MinLength == 1 {
			return "Dit veld mag niet leeg zijn."
		}
		return fmt.Sprintf("Deze tekst is te kort. Gebruik minstens %d tekens.", s.MinLength)
	case "enum":
		var w []string
		for _, x := range s.Enum {
			w = append(w, fmt.Sprint(x))
		}
		return "Onbekende waarde. Kies een van: " + strings.Join(w, ", ") + "."
	case "pattern":
		r := "Deze waarde heeft niet de goede vorm."
		if len(s.Examples) > 0 {
			r += fmt.Sprintf(" Bijvoorbeeld: %v.", s.Examples[0])
		}
		return r
	case "format":
		switch s.Format {
		case "date":
			return "De datum klopt niet. Schrijf JJJJ-MM-DD."
		case "email":
			return "Het e-mailadres klopt niet."
		}
		return "Deze waarde heeft niet de vorm " + s.Format + "."
	case "maxItems":
		if s.MaxItems != nil {
			return fmt.Sprintf("Te veel elementen: hoogstens %d.", *s.MaxItems)
		}
	}
	return "Deze waarde klopt niet met het OpenAPI-document (" + e.SchemaField + ")."
}

func soortNaam(t string) string {
	switch t {
	case "string":
		return "tekst"
	case "number":
		return "een getal"
	case "integer":
		return "een geheel getal"
	case "boolean":
		return "true of false"
	case "object":
		return "een object { … }"
	case "array":
		return "een lijst [ … ]"
	case "null":
		return "null"
	}
	return t
}

// parameter checks one URL parameter against its schema in the document.
func (c *contract) parameter(schema *openapi3.Schema, naam, waarde string) string {
	if err := text.Check(waarde); err != nil {
		return naam + ": " + text.Reason(err)
	}
	if p := c.controleer(schema, waarde, 1); len(p) > 0 {
		return naam + ": " + p[0].reden
	}
	return ""
}
