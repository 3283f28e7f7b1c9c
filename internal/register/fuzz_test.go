package register_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/register"
)

// FuzzParseRij: any CSV row either fails with a *register.RijFout or gives a record that writes back to a row
// that parses to the same record.
func FuzzParseRij(f *testing.F) {
	f.Add("h1,GM0175,,Ommen,999900006,1960-01-01,aow=1400.00;pensioen=100,,,,/2015-01-01,/1990-01-01/commercieel,1000,huur,600,bijstand@2020-01-01;iit,2020-01-01,ja,nee,,,")
	f.Add("h2,GM0175,7731AB,Ommen,,1960-01-01,onbekend,999900018,,loon=1,,,,,,onbekend,,,,12,a,nee")
	f.Add("h3,GM0175,9999ZZ,Ommen,999900006,1980-05-05,,,,,,,,,,,,,,1,,ja")
	f.Add("h4,GM0175,,Ommen,,1980-05-05,,,,,,,,,,,,,,1,,ja")
	f.Add("h5,GM0175,9999ZZ,Ommen,,1980-05-05,,,,,,,,,,,,,,100000,ABCDE,misschien")
	f.Add("h6,GM0175,9999ZZ,Ommen,,1980-05-05,,,,,,,,,,,,,,,A,")
	f.Add(",,,,,,,,,,,,,,,,,,,,,")
	f.Fuzz(func(t *testing.T, regel string) {
		r := csv.NewReader(strings.NewReader(regel))
		r.FieldsPerRecord = -1
		rij, err := r.Read()
		if err != nil {
			return
		}
		ind := register.StandaardIndeling()
		rec, err := ind.ParseRij(2, rij)
		if err != nil {
			if _, ok := err.(*register.RijFout); !ok {
				t.Fatalf("error %T %v, want *register.RijFout", err, err)
			}
			return
		}
		_ = rec.Valideer(2, peildatum, "")
		terug, err := ind.ParseRij(2, rec.Rij())
		if err != nil {
			t.Fatalf("row written from a parsed record does not parse: %v\n%q", err, rec.Rij())
		}
		if a, b := strings.Join(rec.Rij(), ","), strings.Join(terug.Rij(), ","); a != b {
			t.Fatalf("round trip differs:\n%s\n%s", a, b)
		}
	})
}

// FuzzParseJSON: any input either fails with a *register.RijFout or gives a record whose JSON parses back to
// the same record.
func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(`{"id":"a","gemeente":"GM0175","personen":[{"bsn":"999900006","rol":"aanvrager","geboortedatum":"1960-01-01","inkomens":[{"soort":"aow","bedrag_per_maand":"1400.00"}]}],"vermogen":"10","ontvangt":[]}`))
	f.Add([]byte(`{"id":"b","personen":[{"rol":"kind"}],"ontvangt":null}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"id":"c","postcode":"9999 zz","huisnummer":1,"toevoeging":"b","briefadres":true,"personen":[{"bsn":"999900006","rol":"aanvrager","geboortedatum":"1980-05-05"}],"ontvangt":[]}`))
	f.Add([]byte(`{"id":"d","huisnummer":-3,"briefadres":"ja","personen":[],"ontvangt":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := register.ParseJSON(1, data)
		if err != nil {
			if _, ok := err.(*register.RijFout); !ok {
				t.Fatalf("error %T %v, want *register.RijFout", err, err)
			}
			return
		}
		_ = rec.Valideer(1, peildatum, "")
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		terug, err := register.ParseJSON(1, b)
		if err != nil {
			t.Fatalf("JSON written from a parsed record does not parse: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(terug)
		if !bytes.Equal(b, b2) {
			t.Fatalf("round trip differs:\n%s\n%s", b, b2)
		}
	})
}
