package apiv1_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/zeker-platform/zeker/internal/apiv1"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
)

// geserveerd fetches the OpenAPI document the server serves and loads it with kin-openapi.
func geserveerd(t *testing.T, o *omgeving) *openapi3.T {
	t.Helper()
	resp, err := http.Get(o.srv.URL + "/api/v1/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	p, _ := io.ReadAll(resp.Body)
	doc, err := openapi3.NewLoader().LoadFromData(p)
	if err != nil {
		t.Fatalf("the served document does not load: %v", err)
	}
	return doc
}

// TestOpenAPIDocument loads the served document and validates it as OpenAPI. This caught the unquoted
// comma in a flow-style description that added a stray key to the automatischGesloten schema.
func TestOpenAPIDocument(t *testing.T) {
	o := opzet(t, storetest.OpenTest(t))
	doc := geserveerd(t, o)
	if err := doc.Validate(t.Context()); err != nil {
		t.Fatalf("the served document is not valid OpenAPI: %v", err)
	}
	ag := doc.Components.Schemas["Ontvangst"].Value.Properties["automatischGesloten"].Value
	if !strings.HasSuffix(ag.Description, "or a repeat).") || len(ag.Extensions) != 0 {
		t.Errorf("automatischGesloten: description %q, extra keys %v", ag.Description, ag.Extensions)
	}
}

// volledig is a signal with every field of the document filled in validly.
func volledig(ref string) map[string]any {
	return map[string]any{
		"referentie": ref, "partnertype": "Huur", "bedrag": "612,40", "ontstaansdatum": "2026-01-01",
		"signaaldatum": "2026-02-20", "crisis": true, "crisissoort": "ontruiming", "warmeOverdracht": true,
		"inwoner": map[string]any{
			"bsn": synth.BSNs()[0], "voorletters": "T.", "voorvoegsel": "van", "achternaam": "Testpersoon",
			"geboortedatum": "1980-05-01", "telefoon": "0600000000", "email": "t@example.org",
			"adres": map[string]any{"straat": "Teststraat", "postcode": "9101AA", "huisnummer": 12, "toevoeging": "A", "woonplaats": "Zandhoven"},
		},
	}
}

// kopie deep-copies a JSON value.
func kopie(v any) any {
	p, _ := json.Marshal(v)
	var w any
	json.Unmarshal(p, &w)
	return w
}

// schending is one violation of one constraint of the document: what to change in a valid value and
// the field (JSON path within that value) that must be named.
type schending struct {
	naam string
	pad  []string
	zet  func(obj map[string]any) // obj is the object at pad[:len(pad)-1]
}

// bekendeSleutels are the schema keywords the walker below makes violations for or that constrain
// nothing (annotations). A keyword outside this list in the request schemas fails the test: add a
// generator for it, so that the document cannot gain a constraint the code does not check.
var bekendeSleutels = []string{"type", "description", "examples", "example", "default", "properties", "required",
	"additionalProperties", "minimum", "maximum", "minLength", "maxLength", "pattern", "format", "enum", "items", "maxItems"}

// schendingen walks a resolved object schema and returns one violation per constraint.
func schendingen(t *testing.T, s *openapi3.Schema, pad []string) []schending {
	t.Helper()
	var out []schending
	p, _ := json.Marshal(s)
	var ruw map[string]any
	json.Unmarshal(p, &ruw)
	for k := range ruw {
		if !slices.Contains(bekendeSleutels, k) {
			t.Errorf("%s: keyword %q has no violation generator in this test", strings.Join(pad, "."), k)
		}
	}
	hier := func(k string) []string { return append(slices.Clone(pad), k) }
	for _, k := range s.Required {
		out = append(out, schending{"required", hier(k), func(o map[string]any) { delete(o, k) }})
	}
	if a := s.AdditionalProperties.Has; a != nil && !*a {
		out = append(out, schending{"additionalProperties", hier("onbekendVeld"), func(o map[string]any) { o["onbekendVeld"] = 1 }})
	}
	for _, k := range slices.Sorted(maps.Keys(s.Properties)) {
		ps := s.Properties[k].Value
		zet := func(v any) func(o map[string]any) { return func(o map[string]any) { o[k] = v } }
		add := func(naam string, v any) { out = append(out, schending{naam, hier(k), zet(v)}) }
		add("null", nil)
		switch {
		case ps.Type.Includes("object"):
			add("type", "tekst")
			out = append(out, schendingen(t, ps, hier(k))...)
			continue
		case ps.Type.Includes("boolean"):
			add("type", "ja")
		case ps.Type.Includes("string"):
			add("type", []any{"lijst"})
		default:
			add("type", true)
		}
		if ps.Min != nil {
			add("minimum", *ps.Min-1)
		}
		if ps.Max != nil {
			add("maximum", *ps.Max+1)
		}
		if ps.MaxLength != nil {
			add("maxLength", strings.Repeat("x", int(*ps.MaxLength)+1))
		}
		if ps.MinLength > 0 {
			add("minLength", "")
		}
		if len(ps.Enum) > 0 {
			add("enum", "geen-bekende-waarde")
		}
		if ps.Pattern != "" {
			re := regexp.MustCompile(ps.Pattern)
			v := "!"
			if re.MatchString(v) {
				t.Fatalf("%s: cannot make a value that breaks pattern %q", k, ps.Pattern)
			}
			add("pattern", v)
		}
		switch ps.Format {
		case "":
		case "date":
			add("format", "2026-02-30")
		case "email":
			add("format", "geen-e-mailadres")
		default:
			t.Errorf("%s: format %q has no violation generator", k, ps.Format)
		}
	}
	return out
}

// op returns the object at pad (all but the last element) in v.
func op(v map[string]any, pad []string) map[string]any {
	for _, k := range pad[:len(pad)-1] {
		v = v[k].(map[string]any)
	}
	return v
}

// TestContractSchendingen generates one violation per constraint of the served document and checks the
// documented mapping: a violation inside a signal refuses that signal, listed in fouten with its index,
// the field as a JSON path and a reason, while the other signal is stored (200); a violation of the
// envelope is 400 naming the field.
func TestContractSchendingen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := opzet(t, db)
		doc := geserveerd(t, o)
		levering := doc.Components.Schemas["Levering"].Value
		signaal := levering.Properties["signalen"].Value.Items.Value

		lijst := schendingen(t, signaal, nil)
		t.Logf("%d violations", len(lijst))
		if len(lijst) < 40 {
			t.Fatalf("only %d violations generated from the Signaal schema", len(lijst))
		}
		for i, s := range lijst {
			goedRef, foutRef := fmt.Sprintf("OK-%d", i), fmt.Sprintf("FOUT-%d", i)
			slecht := volledig(foutRef)
			s.zet(op(slecht, s.pad))
			body, _ := json.Marshal(map[string]any{"gemeente": "GM0175", "signalen": []any{volledig(goedRef), slecht}})
			status, m := o.doe(t, "POST", "/api/v1/signalen", o.ommen, string(body))
			wantPad := "signalen[1]." + strings.Join(s.pad, ".")
			fouten, _ := m["fouten"].([]any)
			genoemd := false
			for _, f := range fouten {
				f := f.(map[string]any)
				if f["index"] != 1.0 || f["reden"] == "" || !strings.HasPrefix(f["pad"].(string), "signalen[1]") {
					t.Errorf("%s %s: fout %v", s.naam, wantPad, f)
				}
				if f["pad"] == wantPad && f["veld"] == strings.Join(s.pad, ".") {
					genoemd = true
				}
			}
			if status != 200 || m["opgeslagen"] != 1.0 || m["afgewezen"] != 1.0 || !genoemd {
				t.Errorf("%s %s: status %d, %v", s.naam, wantPad, status, m)
			}
		}

		// Each violation alone in its delivery: nothing stored, 422.
		s := lijst[0]
		slecht := volledig("ALLEEN")
		s.zet(op(slecht, s.pad))
		body, _ := json.Marshal(map[string]any{"gemeente": "GM0175", "signalen": []any{slecht}})
		if status, m := o.doe(t, "POST", "/api/v1/signalen", o.ommen, string(body)); status != 422 || m["opgeslagen"] != 0.0 {
			t.Errorf("only a refused signal: %d %v", status, m)
		}

		// The envelope.
		env := schendingen(t, levering, nil)
		var namen []string
		for _, s := range env {
			if s.naam == "maxItems" {
				continue // 413, TestTeGroot
			}
			e := map[string]any{"gemeente": "GM0175", "signalen": []any{volledig("ENV")}}
			s.zet(e)
			body, _ := json.Marshal(e)
			status, m := o.doe(t, "POST", "/api/v1/signalen", o.ommen, string(body))
			want := strings.Join(s.pad, ".")
			if status != 400 || m["veld"] != want || !strings.Contains(m["fout"].(string), want) {
				t.Errorf("envelope %s %s: %d %v", s.naam, want, status, m)
			}
			namen = append(namen, s.naam+" "+want)
		}
		for _, want := range []string{"required gemeente", "required signalen", "pattern gemeente", "type signalen", "additionalProperties onbekendVeld"} {
			if !slices.Contains(namen, want) {
				t.Errorf("envelope violations %v lack %q", namen, want)
			}
		}
	})
}

// TestEnvelop: the documented 400s, each naming the field.
func TestEnvelop(t *testing.T) {
	o := opzet(t, storetest.OpenTest(t))
	for _, tc := range []struct{ naam, body, veld string }{
		{"zonder signalen", `{"gemeente":"GM0175"}`, "signalen"},
		{"zonder gemeente", `{"signalen":[]}`, "gemeente"},
		{"gemeente geen tekst", `{"gemeente":175,"signalen":[]}`, "gemeente"},
		{"gemeente verkeerde vorm", `{"gemeente":"Zandhoven","signalen":[]}`, "gemeente"},
		{"signalen geen lijst", `{"gemeente":"GM0175","signalen":"alles"}`, "signalen"},
		{"signalen een object", `{"gemeente":"GM0175","signalen":{"a":[1,{"b":2}]}}`, "signalen"},
		{"signalen null", `{"gemeente":"GM0175","signalen":null}`, "signalen"},
		{"onbekend veld", `{"gemeente":"GM0175","signalen":[],"partner":"x"}`, "partner"},
		{"dubbel veld", `{"gemeente":"GM0175","gemeente":"GM0147","signalen":[]}`, "gemeente"},
		{"een lijst", `[]`, ""},
		{"kapot", `{"gemeente":`, "gemeente"},
		{"kapot signaal", `{"gemeente":"GM0175","signalen":[{"a":}]}`, "signalen[0]"},
		{"iets erna", `{"gemeente":"GM0175","signalen":[]} {}`, ""},
	} {
		status, m := o.doe(t, "POST", "/api/v1/signalen", o.ommen, tc.body)
		veld, _ := m["veld"].(string)
		if status != 400 || veld != tc.veld || m["fout"] == "" {
			t.Errorf("%s: %d %v, want 400 with veld %q", tc.naam, status, m, tc.veld)
		}
	}
	if status, m := o.doe(t, "POST", "/api/v1/signalen", o.ommen, `{"gemeente":"GM0175","signalen":[]}`); status != 200 || m["aantal"] != 0.0 {
		t.Errorf("empty delivery: %d %v", status, m)
	}
}

// TestBedragAPI: the amounts of issue 14, through the API. Valid ones are read exactly; the others
// refuse the signal with the field and the reason.
func TestBedragAPI(t *testing.T) {
	sig := func(bedrag string) string {
		b := `"bedrag":` + bedrag + `,`
		if bedrag == "" {
			b = ""
		}
		return `{"referentie":"R1","partnertype":"Huur",` + b + `"ontstaansdatum":"2026-01-05","signaaldatum":"2026-02-20","inwoner":{"bsn":"` + synth.BSNs()[0] + `"}}`
	}
	for _, tt := range []struct {
		bedrag string
		want   geld.Bedrag
		reden  string // "" when valid
	}{
		{`1500`, 150000, ""},
		{`1500.5`, 150050, ""},
		{`1500.50`, 150050, ""},
		{`0`, 0, ""},
		{`"612,40"`, 61240, ""},
		{`"612.40"`, 61240, ""},
		{`"1.234,56"`, 123456, ""},
		{`"1.500,00"`, 150000, ""},
		{`0.001`, 0, "meer dan 2 decimalen"},
		{`1.500`, 0, "meer dan 2 decimalen"},
		{`"0,001"`, 0, "meer dan 2 cijfers"},
		{`"1.500"`, 0, "dubbelzinnig"},
		{`"1,500"`, 0, "dubbelzinnig"},
		{`1e3`, 0, "exponent"},
		{`null`, 0, "null"},
		{``, 0, "verplicht"},
		{`-5`, 0, "minstens 0"},
		{`""`, 0, "leeg"},
		{`"abc"`, 0, "geen bedrag"},
		{`true`, 0, "verkeerde soort"},
	} {
		v, err := apiv1.ParseVerzoek(strings.NewReader(`{"gemeente":"GM0175","signalen":[` + sig(tt.bedrag) + `]}`))
		if err != nil {
			t.Fatalf("%s: %v", tt.bedrag, err)
		}
		if tt.reden == "" {
			if len(v.Fouten) != 0 || len(v.Signalen) != 1 || v.Signalen[0].Bedrag != tt.want {
				t.Errorf("bedrag %s: signalen %+v, fouten %+v; want %d cents", tt.bedrag, v.Signalen, v.Fouten, tt.want)
			}
			continue
		}
		if len(v.Signalen) != 0 || len(v.Fouten) != 1 || v.Fouten[0].Path != "bedrag" || !strings.Contains(v.Fouten[0].Reason, tt.reden) {
			t.Errorf("bedrag %s: fouten %+v, want one on bedrag saying %q", tt.bedrag, v.Fouten, tt.reden)
		}
	}
}

// TestHuisnummerNul: minimum 1 from the document (was stored).
func TestHuisnummerNul(t *testing.T) {
	o := opzet(t, storetest.OpenTest(t))
	body := `{"gemeente":"GM0175","signalen":[{"referentie":"R1","partnertype":"Huur","bedrag":10,"ontstaansdatum":"2026-01-05","signaaldatum":"2026-02-20","inwoner":{"adres":{"postcode":"9101AA","huisnummer":0}}}]}`
	status, m := o.doe(t, "POST", "/api/v1/signalen", o.ommen, body)
	f, _ := m["fouten"].([]any)
	if status != 422 || len(f) != 1 || f[0].(map[string]any)["pad"] != "signalen[0].inwoner.adres.huisnummer" {
		t.Errorf("huisnummer 0: %d %v", status, m)
	}
}

// TestTekstAanDeRand is the regression test of issue 14 defect 4: on PostgreSQL a NUL in one signal
// failed the whole delivery with a 500. The bad signal is refused with its path; the others are stored.
func TestTekstAanDeRand(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := opzet(t, db)
		bsn := synth.BSNs()
		goedSig := func(ref, bsn string) string {
			return `{"referentie":"` + ref + `","partnertype":"Huur","bedrag":"450.00","ontstaansdatum":"2026-01-05","signaaldatum":"2026-02-20","inwoner":{"bsn":"` + bsn + `","achternaam":"Testpersoon"}}`
		}
		for i, tc := range []struct {
			naam, slecht, pad, reden string
		}{
			{"NUL in naam", strings.Replace(goedSig("T1-B", bsn[1]), `"Testpersoon"`, `"a\u0000b"`, 1), "signalen[1].inwoner.achternaam", "nul-teken"},
			{"ongeldige UTF-8", strings.Replace(goedSig("T2-B", bsn[1]), `"Testpersoon"`, "\"a\xffb\"", 1), "signalen[1].inwoner.achternaam", "UTF-8"},
			{"stuurteken in referentie", goedSig(`T3\u001b[2J`, bsn[1]), "signalen[1].referentie", "stuurteken"},
			{"regeleinde in straat", strings.Replace(goedSig("T4-B", bsn[1]), `"achternaam"`, `"adres":{"straat":"Test\nstraat"},"achternaam"`, 1), "signalen[1].inwoner.adres.straat", "regeleinde"},
			{"NUL in onbekend veld", strings.Replace(goedSig("T5-B", bsn[1]), `"achternaam"`, `"x\u0000y":1,"achternaam"`, 1), "signalen[1].inwoner.x?y", "kennen we niet"},
		} {
			pre := fmt.Sprintf("T%d", i+1)
			body := `{"gemeente":"GM0175","signalen":[` + goedSig(pre+"-A", bsn[0]) + `,` + tc.slecht + `,` + goedSig(pre+"-C", bsn[2]) + `]}`
			status, m := o.doe(t, "POST", "/api/v1/signalen", o.ommen, body)
			fouten, _ := m["fouten"].([]any)
			if status != 200 || m["opgeslagen"] != 2.0 || m["afgewezen"] != 1.0 || len(fouten) != 1 {
				t.Errorf("%s: %d %v", tc.naam, status, m)
				continue
			}
			f := fouten[0].(map[string]any)
			if f["index"] != 1.0 || f["pad"] != tc.pad || !strings.Contains(f["reden"].(string), tc.reden) {
				t.Errorf("%s: fout %v, want %s: …%s…", tc.naam, f, tc.pad, tc.reden)
			}
			for _, ref := range []string{pre + "-A", pre + "-C"} {
				if status, m := o.doe(t, "GET", "/api/v1/signalen/"+ref, o.ommen, ""); status != 200 {
					t.Errorf("%s: stored signal %s: %d %v", tc.naam, ref, status, m)
				}
			}
		}
	})
}

// TestSignaalVanVolledig: the hand-written reading of a checked signal reads every field of
// signalen.Signaal and gives what encoding/json gives for the same JSON, and the struct's JSON names
// are the document's property names.
func TestSignaalVanVolledig(t *testing.T) {
	s := volledig("VOLLEDIG")
	body, _ := json.Marshal(map[string]any{"gemeente": "GM0175", "signalen": []any{s}})
	v, err := apiv1.ParseVerzoek(strings.NewReader(string(body)))
	if err != nil || len(v.Signalen) != 1 {
		t.Fatalf("%v %+v", err, v.Fouten)
	}
	var want signalen.Signaal
	p, _ := json.Marshal(s)
	if err := json.Unmarshal(p, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(v.Signalen[0], want) {
		t.Errorf("read %+v\nwant %+v", v.Signalen[0], want)
	}
	var leeg func(pad string, r reflect.Value)
	leeg = func(pad string, r reflect.Value) {
		for i := range r.NumField() {
			f := r.Type().Field(i)
			if f.Type.Kind() == reflect.Struct && f.Type.PkgPath() == r.Type().PkgPath() && f.Type.Name() != "Datum" {
				leeg(pad+f.Name+".", r.Field(i))
				continue
			}
			if r.Field(i).IsZero() {
				t.Errorf("field %s%s is not read (or the test's full signal lacks it)", pad, f.Name)
			}
		}
	}
	leeg("", reflect.ValueOf(v.Signalen[0]))

	o := opzet(t, storetest.OpenTest(t))
	doc := geserveerd(t, o)
	var vergelijk func(pad string, typ reflect.Type, sc *openapi3.Schema)
	vergelijk = func(pad string, typ reflect.Type, sc *openapi3.Schema) {
		var namen []string
		for i := range typ.NumField() {
			naam, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			namen = append(namen, naam)
			ps := sc.Properties[naam]
			if ps == nil {
				t.Errorf("%s%s: in signalen.Signaal, not in the document", pad, naam)
				continue
			}
			if ft := typ.Field(i).Type; ft.Kind() == reflect.Struct && ps.Value.Type.Includes("object") {
				vergelijk(pad+naam+".", ft, ps.Value)
			}
		}
		for naam := range sc.Properties {
			if !slices.Contains(namen, naam) {
				t.Errorf("%s%s: in the document, not in signalen.Signaal", pad, naam)
			}
		}
	}
	vergelijk("", reflect.TypeFor[signalen.Signaal](), doc.Components.Schemas["Signaal"].Value)
}

// TestBeveiligingskoppen: every /api/v1 response carries the headers the pages have, JSON or YAML,
// success or error.
func TestBeveiligingskoppen(t *testing.T) {
	o := opzet(t, storetest.OpenTest(t))
	for _, tc := range []struct{ method, pad, token, body string }{
		{"GET", "/api/v1/openapi.yaml", "", ""},
		{"POST", "/api/v1/signalen", "", "{}"},
		{"POST", "/api/v1/signalen", o.ommen, "{"},
		{"POST", "/api/v1/signalen", o.ommen, `{"gemeente":"GM0175","signalen":[]}`},
		{"GET", "/api/v1/signalen/R404", o.ommen, ""},
		{"GET", "/api/v1/signalen/R1?gemeente=x", o.ommen, ""},
	} {
		req, _ := http.NewRequestWithContext(context.Background(), tc.method, o.srv.URL+tc.pad, strings.NewReader(tc.body))
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+tc.token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for k, want := range map[string]string{
			"X-Content-Type-Options":  "nosniff",
			"Cache-Control":           "no-store",
			"Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
			"Referrer-Policy":         "no-referrer",
		} {
			if got := resp.Header.Get(k); got != want {
				t.Errorf("%s %s (%d): %s = %q, want %q", tc.method, tc.pad, resp.StatusCode, k, got, want)
			}
		}
	}
}

// TestTerugkoppelingParameters: the path and query parameters are checked against the document too.
func TestTerugkoppelingParameters(t *testing.T) {
	o := opzet(t, storetest.OpenTest(t))
	for _, tc := range []struct {
		pad  string
		veld string
	}{
		{"/api/v1/signalen/" + strings.Repeat("R", 101), "referentie"},
		{"/api/v1/signalen/R%00", "referentie"},
		{"/api/v1/signalen/R1?gemeente=Zandhoven", "gemeente"},
	} {
		status, m := o.doe(t, "GET", tc.pad, o.beide, "")
		if status != 400 || m["veld"] != tc.veld {
			t.Errorf("%s: %d %v", tc.pad, status, m)
		}
	}
}
