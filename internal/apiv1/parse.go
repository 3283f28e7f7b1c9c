package apiv1

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/signalen"
)

// Verzoek is the body of POST /api/v1/signalen.
type Verzoek struct {
	Gemeente string
	Aantal   int                // signals in the body
	Signalen []signalen.Signaal // the ones that passed the document's schema, the text and the money rule
	Indexen  []int              // the position in the body of each of those signals
	// Fouten are the signals refused at reading (the document's schema, text, money), with their index
	// and the field within the signal; they are refused like signals that fail signalen's checks.
	Fouten []signalen.Fout
}

// Errors of ParseVerzoek that decide the HTTP status. A broken envelope is a *VerzoekFout that wraps
// ErrGeenJSON (ErrGeenGemeente when gemeente is missing).
var (
	ErrTeVeel       = fmt.Errorf("meer dan %d signalen in één levering", signalen.MaxBatch)
	ErrGeenJSON     = errors.New("de body is geen geldig JSON-object")
	ErrGeenGemeente = errors.New("vul gemeente in, bijvoorbeeld GM0175")
)

// VerzoekFout is a body whose envelope does not match the document: the field as a JSON path from the
// root ("gemeente", "signalen", "" for the body as a whole) and a Dutch reason. Nothing of such a body
// is stored.
type VerzoekFout struct {
	Veld, Reden string
	soort       error
}

func (e *VerzoekFout) Error() string {
	if e.Veld == "" {
		return e.Reden
	}
	return e.Veld + ": " + e.Reden
}

func (e *VerzoekFout) Unwrap() error { return e.soort }

func kapot(veld, reden string) error {
	return &VerzoekFout{Veld: veld, Reden: reden, soort: ErrGeenJSON}
}

// ParseVerzoek reads {"gemeente": "GM0175", "signalen": [ ... ]} from r and checks it against the
// served OpenAPI document (openapi.yaml). It reads the array element by element and stops with
// ErrTeVeel at element MaxBatch+1, so a huge body is not held in memory at once. An element that
// violates the Signaal schema, holds a control character or invalid UTF-8 in a string (package text)
// or an amount outside geld's notation rule becomes a Fout per problem with its index (the rest of the
// batch is still read); an envelope that violates the Levering schema, or a body that is not JSON, is a
// *VerzoekFout.
func ParseVerzoek(r io.Reader) (Verzoek, error) {
	c, err := standaardContract()
	if err != nil {
		return Verzoek{}, err
	}
	return c.parseVerzoek(r)
}

func (c *contract) parseVerzoek(r io.Reader) (Verzoek, error) {
	var v Verzoek
	dec := json.NewDecoder(r)
	dec.UseNumber()
	t, err := dec.Token()
	if err != nil {
		return v, leesFout(err, "")
	}
	if t != json.Delim('{') {
		return v, kapot("", `De body moet een JSON-object zijn: {"gemeente": "GM0175", "signalen": [ … ]}.`)
	}
	env := map[string]any{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return v, leesFout(err, "")
		}
		naam, _ := t.(string)
		if _, dubbel := env[naam]; dubbel {
			return v, kapot(schoon(naam), "Dit veld staat er twee keer in.")
		}
		if naam != "signalen" {
			var w any
			if err := dec.Decode(&w); err != nil {
				return v, leesFout(err, schoon(naam))
			}
			env[naam] = w
			continue
		}
		t, err = dec.Token()
		if err != nil {
			return v, leesFout(err, naam)
		}
		switch t {
		case json.Delim('['):
			if err := c.leesSignalen(dec, &v); err != nil {
				return v, err
			}
			env[naam] = []any{} // the elements are checked one by one above
		case json.Delim('{'):
			if err := slaOver(dec); err != nil {
				return v, leesFout(err, naam)
			}
			env[naam] = map[string]any{}
		default:
			env[naam] = t
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return v, leesFout(err, "")
	}
	if _, err := dec.Token(); err != io.EOF {
		return v, kapot("", "Na het JSON-object staat nog iets. Stuur één object.")
	}
	if p := c.controleer(c.levering, env, 1); len(p) > 0 {
		e := &VerzoekFout{Veld: p[0].veld, Reden: p[0].reden, soort: ErrGeenJSON}
		if p[0].veld == "gemeente" && env["gemeente"] == nil {
			e.soort = ErrGeenGemeente
		}
		return v, e
	}
	v.Gemeente, _ = env["gemeente"].(string)
	return v, nil
}

// slaOver reads the rest of a value whose opening '{' or '[' was just read.
func slaOver(dec *json.Decoder) error {
	for diepte := 1; diepte > 0; {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			diepte++
		case json.Delim('}'), json.Delim(']'):
			diepte--
		}
	}
	return nil
}

// leesFout is a body that is not JSON at all from some point on: nothing after it can be read.
func leesFout(err error, veld string) error {
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return kapot(veld, "De body houdt op voordat het JSON-object af is.")
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err // 413
	}
	return kapot(veld, "De body is hier geen geldig JSON.")
}

func (c *contract) leesSignalen(dec *json.Decoder, v *Verzoek) error {
	for i := 0; dec.More(); i++ {
		if i == signalen.MaxBatch {
			return ErrTeVeel
		}
		// Decoder.Decode reads the whole element before it is checked, so a problem stays within this
		// element and the stream goes on after it. (Checking blocks of elements in parallel was
		// measured: no gain on the shared 2-core machine, so it stays simple.)
		var w any
		if err := dec.Decode(&w); err != nil {
			return leesFout(err, "signalen["+strconv.Itoa(i)+"]")
		}
		v.Aantal++
		s, fouten := c.signaalUit(w)
		if len(fouten) > 0 {
			for _, f := range fouten {
				veld := f.veld
				if veld == "" {
					veld = "signaal"
				}
				v.Fouten = append(v.Fouten, signalen.Fout{Index: i, Field: errs.Field{Path: veld, Reason: f.reden}})
			}
			continue
		}
		v.Signalen = append(v.Signalen, s)
		v.Indexen = append(v.Indexen, i)
	}
	t, err := dec.Token()
	if err != nil || t != json.Delim(']') {
		return leesFout(err, "signalen")
	}
	return nil
}
