package register_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// The address columns (huisnummer, toevoeging, briefadres) are read from CSV and JSON alike, a wrong
// value names the line and the column, and a stored household keeps them.
func TestBriefadresKolommen(t *testing.T) {
	kop := "huishouden_id,gemeente,postcode,aanvrager_bsn,aanvrager_geboortedatum,huisnummer,toevoeging,briefadres\n"
	csvData := kop + "B1,GM0175,9999 zz,999900006,1980-05-05,1,a,ja\n" +
		"W1,GM0175,7731AB,,1975-01-01,12,,nee\n"
	jsonData := `[{"id":"B1","gemeente":"GM0175","postcode":"9999ZZ","huisnummer":1,"toevoeging":"A","briefadres":true,` +
		`"personen":[{"bsn":"999900006","rol":"aanvrager","geboortedatum":"1980-05-05"}]},` + "\n" +
		`{"id":"W1","gemeente":"GM0175","postcode":"7731AB","huisnummer":12,"personen":[{"rol":"aanvrager","geboortedatum":"1975-01-01"}]}]`
	for _, tc := range []struct{ formaat, data string }{{"csv", csvData}, {"json", jsonData}} {
		t.Run(tc.formaat, func(t *testing.T) {
			storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
				if _, err := importeerBytes(t, db, []byte(tc.data), register.ImportOpties{Formaat: tc.formaat}); err != nil {
					t.Fatal(err)
				}
				b, err := register.Huishouden(t.Context(), db, "GM0175", "B1")
				if err != nil {
					t.Fatal(err)
				}
				if b.H.Postcode != "9999ZZ" || b.Huisnummer != 1 || b.Toevoeging != "A" || !b.Briefadres {
					t.Errorf("B1 stored as %q %d %q briefadres %v, want 9999ZZ 1 A true", b.H.Postcode, b.Huisnummer, b.Toevoeging, b.Briefadres)
				}
				w, err := register.Huishouden(t.Context(), db, "GM0175", "W1")
				if err != nil {
					t.Fatal(err)
				}
				if w.Huisnummer != 12 || w.Briefadres {
					t.Errorf("W1 stored as %d briefadres %v, want 12 false", w.Huisnummer, w.Briefadres)
				}
				// The register's briefadressen, from the indexed column (migration 0703).
				lijst, err := register.Briefadressen(t.Context(), db, "GM0175")
				if err != nil || len(lijst) != 1 || lijst[0] != (register.Briefadres{Postcode: "9999ZZ", Huisnummer: 1, Toevoeging: "A", Huishoudens: 1}) {
					t.Fatalf("briefadressen: %v %+v", err, lijst)
				}
				// A later import in which B1 is no longer at a briefadres: the column follows.
				if _, err := importeerBytes(t, db, []byte(strings.Replace(csvData, ",a,ja", ",a,nee", 1)), register.ImportOpties{Formaat: "csv"}); err != nil {
					t.Fatal(err)
				}
				if lijst, err := register.Briefadressen(t.Context(), db, "GM0175"); err != nil || len(lijst) != 0 {
					t.Errorf("after B1 moved to a woonadres: %v %+v", err, lijst)
				}
			})
		})
	}
}

func TestBriefadresFouten(t *testing.T) {
	kop := "huishouden_id,gemeente,postcode,aanvrager_geboortedatum,huisnummer,toevoeging,briefadres\n"
	for _, tc := range []struct {
		naam, rij, kolom, reden string
	}{
		{"briefadres", "B1,GM0175,9999ZZ,1980-05-05,1,,misschien", "briefadres", `"misschien": schrijf ja`},
		{"huisnummer", "B1,GM0175,9999ZZ,1980-05-05,0,,ja", "huisnummer", `"0" is geen huisnummer`},
		{"huisnummer tekst", "B1,GM0175,9999ZZ,1980-05-05,een,,ja", "huisnummer", `"een" is geen huisnummer`},
		{"huisnummer zonder postcode", "B1,GM0175,,1980-05-05,1,,ja", "huisnummer", "zonder postcode"},
		{"toevoeging", "B1,GM0175,9999ZZ,1980-05-05,1,ABCDE,ja", "toevoeging", `"ABCDE" is geen toevoeging`},
		{"toevoeging zonder huisnummer", "B1,GM0175,9999ZZ,1980-05-05,,A,", "toevoeging", "zonder huisnummer"},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			db := storetest.OpenTest(t)
			data := kop + "W1,GM0175,7731AB,1975-01-01,3,,\n" + tc.rij + "\n"
			if _, err := importeerBytes(t, db, []byte(data), register.ImportOpties{Formaat: "csv"}); !errors.Is(err, register.ErrOngeldig) {
				t.Fatalf("err = %v, want register.ErrOngeldig", err)
			}
			if n, _ := register.AantalHuishoudens(t.Context(), db, "GM0175"); n != 0 {
				t.Errorf("%d households stored after a refused import, want 0", n)
			}
			res, err := importeerBytes(t, db, []byte(data), register.ImportOpties{Formaat: "csv", SkipInvalid: true, Afgewezen: &bytes.Buffer{}})
			if err != nil || len(res.Fouten) != 1 {
				t.Fatalf("got %v %+v, want one row error", err, res)
			}
			f := res.Fouten[0]
			if f.Regel != 3 || f.Kolom != tc.kolom || !strings.Contains(f.Reden, tc.reden) {
				t.Errorf("got regel %d kolom %q reden %q; want regel 3 kolom %q reden with %q", f.Regel, f.Kolom, f.Reden, tc.kolom, tc.reden)
			}
		})
	}
	// JSON: the same rule names the JSON field.
	_, err := register.ParseJSON(4, []byte(`{"id":"x","huisnummer":7,"personen":[],"ontvangt":[]}`))
	var rf *register.RijFout
	if !errors.As(err, &rf) || rf.Regel != 4 || rf.Kolom != "huisnummer" || !strings.Contains(rf.Reden, "zonder postcode") {
		t.Errorf("JSON huisnummer without postcode: got %v", err)
	}
	_, err = register.ParseJSON(4, []byte(`{"id":"x","briefadres":"ja","personen":[],"ontvangt":[]}`))
	if !errors.As(err, &rf) || rf.Kolom != "briefadres" {
		t.Errorf("JSON briefadres as text: got %v", err)
	}
}

// A household stored before the address columns existed (19 fields) still reads, without an address.
func TestOudeOpgeslagenRijZonderAdres(t *testing.T) {
	rec, err := register.LeesGegevens(register.StandaardIndeling(), "h1,GM0175,7731AB,Ommen,,1960-01-01,,,,,,,,,,,,,")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Huisnummer != 0 || rec.Briefadres || rec.H.Postcode != "7731AB" {
		t.Errorf("got %+v", rec)
	}
	if _, err := register.LeesGegevens(register.StandaardIndeling(), "h1,GM0175"); err == nil {
		t.Error("a row of 2 fields must not read")
	}
	// CSV and JSON of one household are the same data.
	var buf bytes.Buffer
	b, _ := json.Marshal(&register.Record{ID: "x", Huisnummer: 3, Toevoeging: "B", Briefadres: true})
	buf.Write(b)
	if !strings.Contains(buf.String(), `"huisnummer":3,"toevoeging":"B","briefadres":true`) {
		t.Errorf("JSON %s", buf.String())
	}
}
