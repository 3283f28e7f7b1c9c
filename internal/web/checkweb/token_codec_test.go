package checkweb

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// vulAlles sets every field of v (recursively) to a value that is not the zero value, so a round trip
// that drops or mixes up a field shows.
func vulAlles(t *testing.T, v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			vulAlles(t, v.Field(i), n)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		vulAlles(t, v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		vulAlles(t, v.Index(0), n)
		vulAlles(t, v.Index(1), n)
	case reflect.String:
		v.SetString("s" + string(rune('a'+*n%26)) + "ü")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n) * 1_000_003)
	case reflect.Uint8:
		v.SetUint(uint64(*n%255 + 1))
	default:
		t.Fatalf("vulAlles: kind %s of Antwoorden is not handled; extend the codec and this test", v.Kind())
	}
}

// TestAntwoordenCodecElkVeld fails when a field of Antwoorden is added without being carried in the token.
func TestAntwoordenCodecElkVeld(t *testing.T) {
	var a Antwoorden
	n := 0
	vulAlles(t, reflect.ValueOf(&a).Elem(), &n)
	var b Antwoorden
	if err := b.unmarshalBinary(a.appendBinary(nil), vormV4); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("round trip lost a field:\n got %+v\nwant %+v", b, a)
	}
	// Optional values that are false or zero stay present, and absent ones stay absent.
	nul, onwaar := int64(0), false
	c := Antwoorden{Vermogen: &nul, Student: &onwaar, Versie: 1, Kinderen: -1}
	var d Antwoorden
	if err := d.unmarshalBinary(c.appendBinary(nil), vormV4); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, d) {
		t.Errorf("round trip of zero values:\n got %+v\nwant %+v", d, c)
	}
}

func TestAntwoordenCodecAfgekapt(t *testing.T) {
	var a Antwoorden
	n := 0
	vulAlles(t, reflect.ValueOf(&a).Elem(), &n)
	b := a.appendBinary(nil)
	for i := range len(b) {
		var x Antwoorden
		if err := x.unmarshalBinary(b[:i], vormV4); err == nil {
			t.Fatalf("truncated to %d of %d bytes: no error", i, len(b))
		}
	}
	var x Antwoorden
	if err := x.unmarshalBinary(append(b, 0), vormV4); err == nil {
		t.Error("trailing byte accepted")
	}
}

// TestTokenOudeJSONCode opens a code in the JSON form that codes had before the binary form.
func TestTokenOudeJSONCode(t *testing.T) {
	k, err := nieuweTokenSleutel([]byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	vier := 4
	want := Antwoorden{Versie: 1, Gemaakt: 1768471200, Gemeente: "GM0147", Huidig: "inkomen", Pad: []string{"huishouden", "leeftijd"},
		Klaar: []string{"huishouden", "leeftijd"}, Partner: true, Kinderen: 2, GebAanvrager: "1985-03-01", LeeftijdKind: []int{6, 12},
		InkAanvrager: Ink{Regels: []InkRegel{{Soort: "loon", Cent: 180000}}}, LaagJaren: &vier}
	plain, err := json.Marshal(&want)
	if err != nil {
		t.Fatal(err)
	}
	nonce := make([]byte, k.aead.NonceSize())
	rand.Read(nonce)
	code := base64.RawURLEncoding.EncodeToString(k.aead.Seal(nonce, nonce, plain, tokenAADv1))
	var got Antwoorden
	if err := k.open(code, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("old code:\n got %+v\nwant %+v", got, want)
	}
	// A new code is binary: it does not open as JSON under the old associated data.
	nieuw, err := k.seal(&want)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(nieuw)
	if _, err := k.aead.Open(nil, raw[:len(nonce)], raw[len(nonce):], tokenAADv1); err == nil {
		t.Error("a new code opens under the v1 associated data")
	}
	if len(nieuw) >= len(code) {
		t.Errorf("binary code (%d chars) is not shorter than the JSON code (%d chars)", len(nieuw), len(code))
	}
}

func FuzzAntwoordenCodec(f *testing.F) {
	var a Antwoorden
	n := 0
	vulAlles(&testing.T{}, reflect.ValueOf(&a).Elem(), &n)
	f.Add(a.appendBinary(nil))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		var x Antwoorden
		if x.unmarshalBinary(b, vormV4) != nil {
			return
		}
		// What reads without error writes back to the same bytes.
		if got := x.appendBinary(nil); string(got) != string(b) {
			t.Errorf("re-encoding differs:\n got %x\nwant %x", got, b)
		}
	})
}

// TestTokenV2Code: a code of the binary form before Antwoorden.Bruto (no trailing byte, associated
// data v2) still opens, with net amounts.
func TestTokenV2Code(t *testing.T) {
	k, err := nieuweTokenSleutel([]byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	want := Antwoorden{Versie: 1, Gemaakt: 1768471200, Gemeente: "GM0147", Klaar: []string{"huishouden"}, InkAanvrager: Ink{Regels: []InkRegel{{Soort: "loon", Cent: 180000}}}}
	plain := want.appendBinary(nil)
	plain = plain[:len(plain)-3] // the v2 form ends after Huur: no Bruto, no Gevraagd, no Zorgpremie
	nonce := make([]byte, k.aead.NonceSize())
	rand.Read(nonce)
	code := base64.RawURLEncoding.EncodeToString(k.aead.Seal(nonce, nonce, plain, tokenAADv2))
	var got Antwoorden
	if err := k.open(code, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("v2 code:\n got %+v\nwant %+v", got, want)
	}
}

// TestTokenV3Code: a code of the form before Antwoorden.Zorgpremie (associated data v3, ending after
// Gevraagd) still opens with every answer it holds, resumes from the resume field, and shows its result;
// the premium stays unknown and unasked.
func TestTokenV3Code(t *testing.T) {
	s := testServer(t, testConfig{})
	ja, nee := true, false
	verm, huur, jaren := int64(15_000_00), int64(700_00), 3
	want := Antwoorden{Versie: antwoordenVersie, Gemaakt: testNu.Unix(), Gemeente: "GM0147",
		Pad: []string{stapHuishouden, stapLeeftijd, stapInkomen, stapVermogen, stapWonen, stapSituatie}, Huidig: "",
		Klaar:   []string{stapHuishouden, stapLeeftijd, stapInkomen, stapVermogen, stapWonen, stapSituatie},
		Partner: true, GebAanvrager: "1950-06-01", GebPartner: "1952-06-01",
		InkAanvrager: Ink{Regels: []InkRegel{{Soort: "aow", Cent: 1050_00}, {Soort: "pensioen", Cent: 150_00}}},
		InkPartner:   Ink{Regels: []InkRegel{{Soort: "aow", Cent: 1050_00}}},
		Vermogen:     &verm, LaagJaren: &jaren, Student: &nee, Schuld: &ja, Wonen: wonenHuur, Huur: &huur,
		Bruto: true, Gevraagd: gvSchuld}
	plain := want.appendBinary(nil)
	if plain[len(plain)-1] != 0 {
		t.Fatal("a nil Zorgpremie should end the v4 form with one absent byte")
	}
	plain = plain[:len(plain)-1] // the v3 form ends after Gevraagd
	nonce := make([]byte, s.token.aead.NonceSize())
	rand.Read(nonce)
	code := base64.RawURLEncoding.EncodeToString(s.token.aead.Seal(nonce, nonce, plain, tokenAADv3))
	var got Antwoorden
	if err := s.token.open(code, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("v3 code:\n got %+v\nwant %+v", got, want)
	}
	f := &flow{T: t, H: s.h}
	f.Get("/check/verder?" + url.Values{"code": {code}, "lang": {"nl"}}.Encode())
	if f.Status != 303 || !strings.HasPrefix(f.Loc, "/check/resultaat?") {
		t.Fatalf("resume of a v3 code: status %d, location %q; want the result", f.Status, f.Loc)
	}
	f.Get(f.Loc)
	if f.Status != 200 || !strings.Contains(f.Body, `id="regeling-kwijtschelding"`) || strings.Contains(f.Body, "Zorgpremie per maand") {
		t.Errorf("result of a v3 code: status %d; want kwijtschelding and no premium answer", f.Status)
	}
	// A new code of the same answers is v4 and does not open as v3.
	nieuw, err := s.token.seal(&want)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(nieuw)
	if _, err := s.token.aead.Open(nil, raw[:len(nonce)], raw[len(nonce):], tokenAADv3); err == nil {
		t.Error("a new code opens under the v3 associated data")
	}
}
