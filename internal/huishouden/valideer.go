package huishouden

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
)

// Limits that keep nonsense out; a household beyond them is an input error, not a case to compute.
const (
	MaxPersonen       = 25
	MaxKinderen       = 20
	MaxInkomens       = 10
	MaxOntvangsten    = 50
	maxBedragPerMaand = geld.Bedrag(100_000_00) // € 100.000 net per month
	maxJSON           = 1 << 20
)

// ongeldig is the error of Parse, Decode and Valideer: every problem found, each at a JSON path such
// as "personen[1].geboortedatum" (errs.Fields, so errors.Is(err, errs.Invalid) and errors.As give the list).
func ongeldig(fs errs.Fields) error { return fmt.Errorf("ongeldig huishouden: %w", fs) }

var (
	gemeenteRe = regexp.MustCompile(`^GM[0-9]{4}$`)
	postcodeRe = regexp.MustCompile(`^[1-9][0-9]{3} ?[A-Z]{2}$`)
)

// Parse reads a household from JSON and validates it at the given reference date. Unknown fields
// are errors (a typo must not silently become "unknown"). The error, if any, holds errs.Fields.
func Parse(data []byte, datum time.Time) (*Huishouden, error) {
	h, err := Decode(data)
	if err != nil {
		return nil, err
	}
	if err := h.Valideer(datum); err != nil {
		return nil, err
	}
	return h, nil
}

// Decode reads a household from JSON without validating it (for callers that fill in fields, such as
// the gemeente from a flag, before Valideer).
func Decode(data []byte) (*Huishouden, error) {
	if len(data) > maxJSON {
		return nil, ongeldig(errs.Fields{{Path: "$", Reason: fmt.Sprintf("het bestand is groter dan %d bytes", maxJSON)}})
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var h Huishouden
	if err := dec.Decode(&h); err != nil {
		return nil, ongeldig(errs.Fields{jsonFout(err, data)})
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, ongeldig(errs.Fields{{Path: "$", Reason: "na het huishouden staat nog meer tekst"}})
	}
	return &h, nil
}

func jsonFout(err error, data []byte) errs.Field {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		regel, kolom := plek(data, int(se.Offset)-1) // Offset counts the offending byte
		return errs.Field{Path: syntaxPad(data), Reason: fmt.Sprintf("geen geldige JSON op regel %d, kolom %d: %v", regel, kolom, se)}
	case errors.Is(err, io.EOF):
		return errs.Field{Path: "$", Reason: "leeg bestand"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errs.Field{Path: syntaxPad(data), Reason: "geen geldige JSON: het bestand houdt halverwege op"}
	}
	// A type error, an unknown field or an error of a date or amount: find the value and its path.
	if f, ok := zoekFout(data, reflect.TypeFor[Huishouden](), ""); ok {
		return f
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return errs.Field{Path: "$", Reason: "onbekend veld " + f}
	}
	return errs.Field{Path: "$", Reason: strings.TrimPrefix(msg, "json: ")}
}

// plek turns a byte offset into a line and column (both from 1).
func plek(data []byte, offset int) (regel, kolom int) {
	voor := data[:min(max(offset, 0), len(data))]
	regel = 1 + bytes.Count(voor, []byte("\n"))
	kolom = 1 + len(voor) - (bytes.LastIndexByte(voor, '\n') + 1)
	return regel, kolom
}

// typeNaam names the JSON a Go type expects, in the words of docs/huishouden.md.
func typeNaam(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[geld.Bedrag]():
		return "een bedrag"
	case t == reflect.TypeFor[datum.Datum]():
		return "een datum (jjjj-mm-dd)"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "een getal"
	case reflect.String:
		return "tekst"
	case reflect.Bool:
		return "true of false"
	case reflect.Slice, reflect.Array:
		return "een lijst"
	case reflect.Struct, reflect.Map:
		return "een object"
	}
	return t.String()
}

// Valideer checks the household at the reference date and returns the errs.Fields of every problem.
func (h *Huishouden) Valideer(datum time.Time) error {
	var fs errs.Fields
	add := func(pad, format string, args ...any) {
		fs = append(fs, errs.Field{Path: pad, Reason: fmt.Sprintf(format, args...)})
	}

	switch {
	case h.Gemeente == "":
		add("gemeente", "ontbreekt (een gemeentecode zoals GM0175)")
	case !gemeenteRe.MatchString(h.Gemeente):
		add("gemeente", "%q is geen gemeentecode (GM en vier cijfers, zoals GM0175)", h.Gemeente)
	}
	if h.Postcode != "" && !postcodeRe.MatchString(strings.ToUpper(h.Postcode)) {
		add("postcode", "%q is geen postcode (vier cijfers en twee letters, zoals 7731AB)", h.Postcode)
	}
	if len(h.Personen) == 0 {
		add("personen", "ontbreekt: er moet minstens één persoon (de aanvrager) zijn")
	}
	if len(h.Personen) > MaxPersonen {
		add("personen", "%d personen is meer dan deze check aankan (%d)", len(h.Personen), MaxPersonen)
	}
	var aanvragers, partners, kinderen int
	for i := range h.Personen {
		p := &h.Personen[i]
		pad := fmt.Sprintf("personen[%d]", i)
		switch p.Rol {
		case Aanvrager:
			aanvragers++
		case Partner:
			partners++
		case Kind:
			kinderen++
		case Medebewoner:
		case "":
			add(pad+".rol", "ontbreekt (aanvrager, partner, kind of medebewoner)")
		default:
			add(pad+".rol", "%q is geen rol (aanvrager, partner, kind of medebewoner)", p.Rol)
		}
		if p.Geboortedatum != nil {
			g := p.Geboortedatum.Tijd()
			switch {
			case g.After(datum):
				add(pad+".geboortedatum", "%s ligt na de peildatum %s", p.Geboortedatum, datum.Format(time.DateOnly))
			case g.Year() < 1900:
				add(pad+".geboortedatum", "%s is te lang geleden", p.Geboortedatum)
			}
			if (p.Rol == Aanvrager || p.Rol == Partner) && !g.After(datum) && leeftijd(g, datum) < 18 {
				add(pad+".geboortedatum", "de %s moet 18 jaar of ouder zijn", p.Rol)
			}
		}
		if len(p.Inkomens) > MaxInkomens {
			add(pad+".inkomens", "meer dan %d inkomens", MaxInkomens)
		}
		for j, ink := range p.Inkomens {
			ipad := fmt.Sprintf("%s.inkomens[%d]", pad, j)
			if !geldigeSoort(ink.Soort) {
				add(ipad+".soort", "%q is geen soort inkomen (%s)", ink.Soort, soortenLijst())
			}
			if ink.BedragPerMaand < 0 {
				add(ipad+".bedrag_per_maand", "mag niet negatief zijn")
			}
			if ink.BedragPerMaand > maxBedragPerMaand {
				add(ipad+".bedrag_per_maand", "%s per maand is niet geloofwaardig", ink.BedragPerMaand)
			}
		}
		if p.InkomenOnbekend && len(p.Inkomens) > 0 {
			add(pad+".inkomen_onbekend", "staat aan terwijl er inkomens zijn ingevuld")
		}
	}
	if len(h.Personen) > 0 && aanvragers != 1 {
		add("personen", "er moet precies één aanvrager zijn, gevonden: %d", aanvragers)
	}
	if partners > 1 {
		add("personen", "er kan maar één partner zijn, gevonden: %d", partners)
	}
	if kinderen > MaxKinderen {
		add("personen", "%d kinderen is meer dan deze check aankan (%d)", kinderen, MaxKinderen)
	}
	switch h.Wonen.Soort {
	case "", Huur, Koop, Inwonend:
	default:
		add("wonen.soort", "%q is geen woonsituatie (huur, koop of inwonend)", h.Wonen.Soort)
	}
	if h.Wonen.HuurPerMaand != nil && *h.Wonen.HuurPerMaand < 0 {
		add("wonen.huur_per_maand", "mag niet negatief zijn")
	}
	if h.ZorgpremiePerMaand != nil && *h.ZorgpremiePerMaand < 0 {
		add("zorgpremie_per_maand", "mag niet negatief zijn")
	}
	if len(h.Ontvangt) > MaxOntvangsten {
		add("ontvangt", "meer dan %d regelingen", MaxOntvangsten)
	}
	for i, o := range h.Ontvangt {
		pad := fmt.Sprintf("ontvangt[%d]", i)
		if strings.TrimSpace(o.Regeling) == "" {
			add(pad+".regeling", "ontbreekt")
		}
		if o.Sinds != nil && o.Sinds.Tijd().After(datum) {
			add(pad+".sinds", "%s ligt na de peildatum %s", o.Sinds, datum.Format(time.DateOnly))
		}
	}
	if h.LaagInkomenSinds != nil && h.LaagInkomenSinds.Tijd().After(datum) {
		add("laag_inkomen_sinds", "%s ligt na de peildatum %s", h.LaagInkomenSinds, datum.Format(time.DateOnly))
	}
	if len(fs) > 0 {
		return ongeldig(fs)
	}
	return nil
}

func geldigeSoort(s InkomenSoort) bool {
	for _, k := range InkomenSoorten {
		if k == s {
			return true
		}
	}
	return false
}

func soortenLijst() string {
	parts := make([]string, len(InkomenSoorten))
	for i, s := range InkomenSoorten {
		parts[i] = string(s)
	}
	return strings.Join(parts, ", ")
}

// leeftijd is the age in whole years at datum (someone born on 29 February turns a year older on
// 1 March in non-leap years).
func leeftijd(geboren, datum time.Time) int {
	j := datum.Year() - geboren.Year()
	if datum.Month() < geboren.Month() || (datum.Month() == geboren.Month() && datum.Day() < geboren.Day()) {
		j--
	}
	return j
}

// Leeftijd returns a person's age in whole years at datum; ok is false when the birth date is unknown.
func (p *Persoon) Leeftijd(datum time.Time) (jaren int, ok bool) {
	if p.Geboortedatum == nil {
		return 0, false
	}
	return leeftijd(p.Geboortedatum.Tijd(), datum), true
}

// InkomenPerMaand returns the person's total net income per month; ok is false when unknown.
func (p *Persoon) InkomenPerMaand() (geld.Bedrag, bool) {
	if p.InkomenOnbekend {
		return 0, false
	}
	var t geld.Bedrag
	for _, i := range p.Inkomens {
		t += i.BedragPerMaand
	}
	return t, true
}
