package apiv1

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/zeker-platform/zeker/internal/signalen"
)

// Verzoek is the body of POST /api/v1/signalen.
type Verzoek struct {
	Gemeente string
	Aantal   int                // signals in the body
	Signalen []signalen.Signaal // the readable ones
	Indexen  []int              // the position in the body of each readable signal
	// Fouten are the signals that could not even be read (wrong JSON type, unknown field, bad date
	// text), with their index; they are refused like invalid signals.
	Fouten []signalen.Fout
}

// Errors of ParseVerzoek that decide the HTTP status.
var (
	ErrTeVeel       = fmt.Errorf("meer dan %d signalen in één levering", signalen.MaxBatch)
	ErrGeenJSON     = errors.New("de body is geen geldig JSON-object")
	ErrGeenGemeente = errors.New("vul gemeente in, bijvoorbeeld GM0175")
)

// ParseVerzoek reads {"gemeente": "GM0175", "signalen": [ ... ]} from r. It reads the array element by
// element and stops with ErrTeVeel at element MaxBatch+1, so a huge body is not held in memory as
// structs. An element that is not a valid signal object becomes a Fout with its index (the rest of the
// batch is still read); a body that is not that JSON shape is ErrGeenJSON.
func ParseVerzoek(r io.Reader) (Verzoek, error) {
	var v Verzoek
	dec := json.NewDecoder(r)
	dec.UseNumber()
	dec.DisallowUnknownFields()
	if err := verwacht(dec, json.Delim('{')); err != nil {
		return v, err
	}
	gezien := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return v, ErrGeenJSON
		}
		naam, ok := t.(string)
		if !ok {
			return v, ErrGeenJSON
		}
		if gezien[naam] {
			return v, fmt.Errorf("%w: veld %q staat er twee keer in", ErrGeenJSON, naam)
		}
		gezien[naam] = true
		switch naam {
		case "gemeente":
			if err := dec.Decode(&v.Gemeente); err != nil {
				return v, fmt.Errorf("%w: gemeente moet tekst zijn", ErrGeenJSON)
			}
		case "signalen":
			if err := leesSignalen(dec, &v); err != nil {
				return v, err
			}
		default:
			return v, fmt.Errorf("%w: onbekend veld %q", ErrGeenJSON, naam)
		}
	}
	if err := verwacht(dec, json.Delim('}')); err != nil {
		return v, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return v, fmt.Errorf("%w: er staat nog iets na het object", ErrGeenJSON)
	}
	v.Gemeente = strings.TrimSpace(v.Gemeente)
	if v.Gemeente == "" {
		return v, ErrGeenGemeente
	}
	return v, nil
}

func verwacht(dec *json.Decoder, d json.Delim) error {
	t, err := dec.Token()
	if err != nil || t != d {
		return ErrGeenJSON
	}
	return nil
}

func leesSignalen(dec *json.Decoder, v *Verzoek) error {
	if err := verwacht(dec, json.Delim('[')); err != nil {
		return fmt.Errorf("%w: signalen moet een lijst zijn", ErrGeenJSON)
	}
	for i := 0; dec.More(); i++ {
		if i == signalen.MaxBatch {
			return ErrTeVeel
		}
		// Decoder.Decode reads the whole element before unmarshalling it, so a type error, an
		// unknown field or a bad date stays within this element and the stream goes on after it.
		var s signalen.Signaal
		v.Aantal++
		if err := dec.Decode(&s); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
				return fmt.Errorf("%w: signaal %d is geen geldig JSON", ErrGeenJSON, i)
			}
			v.Fouten = append(v.Fouten, leesfout(i, err))
			continue
		}
		v.Signalen = append(v.Signalen, s)
		v.Indexen = append(v.Indexen, i)
	}
	return verwacht(dec, json.Delim(']'))
}

// leesfout turns a decoding error into a B1 reason without echoing the value.
func leesfout(i int, err error) signalen.Fout {
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		veld := te.Field
		if veld == "" {
			return signalen.Fout{Index: i, Veld: "signaal", Reden: "Een signaal moet een JSON-object zijn."}
		}
		return signalen.Fout{Index: i, Veld: veld, Reden: "Dit veld heeft de verkeerde soort waarde (tekst, getal, ja/nee)."}
	case strings.Contains(err.Error(), "unknown field"):
		veld := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		if len(veld) > 60 {
			veld = veld[:60]
		}
		return signalen.Fout{Index: i, Veld: veld, Reden: "Dit veld kennen we niet. Controleer de spelling met het OpenAPI-document."}
	case strings.Contains(err.Error(), "datum"):
		return signalen.Fout{Index: i, Veld: "datum", Reden: "Een datum klopt niet. Schrijf JJJJ-MM-DD."}
	case strings.Contains(err.Error(), "bedrag"):
		return signalen.Fout{Index: i, Veld: "bedrag", Reden: "Het bedrag klopt niet. Schrijf bijvoorbeeld 125.50."}
	}
	return signalen.Fout{Index: i, Veld: "signaal", Reden: "Dit signaal kunnen we niet lezen."}
}
