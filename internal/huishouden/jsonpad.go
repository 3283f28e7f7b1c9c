package huishouden

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
)

// encoding/json names no path for an error from a value's own UnmarshalJSON (dates, amounts) or for an
// unknown field, and leaves the array index out of the path of a type error ("personen.rol"). A person
// who fills in a household needs "personen[1].geboortedatum". So when decoding fails, the document is
// walked again value by value along the Go type, and the first value that does not decode is reported
// with its path. This runs only on the error path; a good document is decoded once.

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// zoekFout walks raw, the JSON for a value of type t at path pad, and returns the first problem in it.
// ok is false when every part decodes on its own (then the caller keeps encoding/json's own message).
func zoekFout(raw []byte, t reflect.Type, pad string) (f errs.Field, ok bool) {
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		return errs.Field{}, false // null leaves a Go value as it is, as encoding/json does
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	eigen := reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)
	switch {
	case !eigen && t.Kind() == reflect.Struct && len(raw) > 0 && raw[0] == '{':
		return zoekInObject(raw, t, pad)
	case !eigen && t.Kind() == reflect.Slice && len(raw) > 0 && raw[0] == '[':
		return zoekInLijst(raw, t, pad)
	}
	if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
		return errs.Field{Path: padOfWortel(pad), Reason: reden(err)}, true
	}
	return errs.Field{}, false
}

func zoekInObject(raw []byte, t reflect.Type, pad string) (errs.Field, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // '{'
		return errs.Field{}, false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return errs.Field{}, false
		}
		sleutel, _ := tok.(string)
		var waarde json.RawMessage
		if err := dec.Decode(&waarde); err != nil {
			return errs.Field{}, false
		}
		veldPad := padMetSleutel(pad, sleutel)
		veld, gevonden := jsonVeld(t, sleutel)
		if !gevonden {
			r := "onbekend veld"
			if s := lijkendVeld(t, sleutel); s != "" {
				r += fmt.Sprintf(" (bedoelt u %q?)", s)
			}
			return errs.Field{Path: veldPad, Reason: r}, true
		}
		if f, ok := zoekFout(waarde, veld.Type, veldPad); ok {
			return f, true
		}
	}
	return errs.Field{}, false
}

var eenvoudigeSleutel = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// padMetSleutel extends a path with an object key: personen[0].rol, or ["…"] for a key that is not a
// plain name (empty, with dots or spaces), so every path is readable and unambiguous.
func padMetSleutel(pad, sleutel string) string {
	switch {
	case !eenvoudigeSleutel.MatchString(sleutel):
		return padOfWortel(pad) + "[" + strconv.Quote(sleutel) + "]"
	case pad == "":
		return sleutel
	}
	return pad + "." + sleutel
}

func zoekInLijst(raw []byte, t reflect.Type, pad string) (errs.Field, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // '['
		return errs.Field{}, false
	}
	for i := 0; dec.More(); i++ {
		var waarde json.RawMessage
		if err := dec.Decode(&waarde); err != nil {
			return errs.Field{}, false
		}
		if f, ok := zoekFout(waarde, t.Elem(), fmt.Sprintf("%s[%d]", pad, i)); ok {
			return f, true
		}
	}
	return errs.Field{}, false
}

// jsonVeld finds the struct field for a JSON key the way encoding/json does: the exact tag name first,
// then a case-insensitive match.
func jsonVeld(t reflect.Type, sleutel string) (reflect.StructField, bool) {
	var bijna *reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		naam := jsonNaam(f)
		if naam == "" {
			continue
		}
		if naam == sleutel {
			return f, true
		}
		if bijna == nil && strings.EqualFold(naam, sleutel) {
			bijna = &f
		}
	}
	if bijna != nil {
		return *bijna, true
	}
	return reflect.StructField{}, false
}

func jsonNaam(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return ""
	}
	naam, _, _ := strings.Cut(tag, ",")
	if naam == "" {
		naam = f.Name
	}
	return naam
}

// lijkendVeld suggests the field the writer probably meant: a field name at most two edits away.
func lijkendVeld(t reflect.Type, sleutel string) string {
	beste, afstand := "", 3
	for i := range t.NumField() {
		naam := jsonNaam(t.Field(i))
		if naam == "" {
			continue
		}
		if d := bewerkafstand(strings.ToLower(sleutel), naam); d < afstand {
			beste, afstand = naam, d
		}
	}
	return beste
}

// bewerkafstand is the Levenshtein distance (field names are short ASCII).
func bewerkafstand(a, b string) int {
	vorige := make([]int, len(b)+1)
	huidige := make([]int, len(b)+1)
	for j := range vorige {
		vorige[j] = j
	}
	for i := 1; i <= len(a); i++ {
		huidige[0] = i
		for j := 1; j <= len(b); j++ {
			kosten := 1
			if a[i-1] == b[j-1] {
				kosten = 0
			}
			huidige[j] = min(vorige[j]+1, huidige[j-1]+1, vorige[j-1]+kosten)
		}
		vorige, huidige = huidige, vorige
	}
	return vorige[len(b)]
}

// reden words a decode error of one value.
func reden(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("verwacht %s, gevonden %s", typeNaam(te.Type), jsonSoort(te.Value))
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonSoort names a JSON value kind as encoding/json reports it, in Dutch.
func jsonSoort(v string) string {
	switch {
	case v == "number", strings.HasPrefix(v, "number "):
		return "een getal"
	case v == "string":
		return "tekst"
	case v == "bool":
		return "true of false"
	case v == "array":
		return "een lijst"
	case v == "object":
		return "een object"
	}
	return v
}

func padOfWortel(pad string) string {
	if pad == "" {
		return "$"
	}
	return pad
}

// syntaxPad returns the path of the value being read where data stops being valid JSON (the object
// key or array element), or "$" at the top level.
func syntaxPad(data []byte) string {
	type laag struct {
		lijst   bool
		index   int    // lijst: the element being read
		sleutel string // object: the key of the value being read
		waarde  bool   // object: the next token is a value, not a key
	}
	var stapel []laag
	pad := func() string {
		var sb strings.Builder
		for _, l := range stapel {
			switch {
			case l.lijst:
				sb.WriteString("[" + strconv.Itoa(l.index) + "]")
			case l.waarde:
				p := padMetSleutel(sb.String(), l.sleutel)
				sb.Reset()
				sb.WriteString(p)
			}
		}
		return padOfWortel(sb.String())
	}
	// klaar marks that one value at the top of the stack has been read.
	klaar := func() {
		if len(stapel) == 0 {
			return
		}
		l := &stapel[len(stapel)-1]
		if l.lijst {
			l.index++
		} else {
			l.sleutel, l.waarde = "", false
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return pad()
		}
		if len(stapel) > 0 {
			if l := &stapel[len(stapel)-1]; !l.lijst && !l.waarde {
				if s, ok := tok.(string); ok {
					l.sleutel, l.waarde = s, true
					continue
				}
			}
		}
		switch tok {
		case json.Delim('{'):
			stapel = append(stapel, laag{})
		case json.Delim('['):
			stapel = append(stapel, laag{lijst: true})
		case json.Delim('}'), json.Delim(']'):
			stapel = stapel[:len(stapel)-1]
			klaar()
		default:
			klaar()
		}
	}
}
