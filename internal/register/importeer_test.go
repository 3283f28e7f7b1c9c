package register_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

func bestand(t testing.TB, gemeente, formaat string, aantal int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := register.NieuweSchrijver(&buf, formaat)
	if err != nil {
		t.Fatal(err)
	}
	genereer(t, gemeente, 1, aantal, func(r *register.Record) {
		if err := w.Schrijf(r); err != nil {
			t.Fatal(err)
		}
	})
	if err := w.Sluit(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func importeerBytes(t *testing.T, db *store.DB, data []byte, o register.ImportOpties) (*register.ImportResultaat, error) {
	t.Helper()
	if o.Gemeente == "" {
		o.Gemeente = "GM0175"
	}
	if o.Datum.IsZero() {
		o.Datum = peildatum
	}
	return register.Importeer(t.Context(), db, bytes.NewReader(data), o)
}

func TestImportIdempotent(t *testing.T) {
	csvData := bestand(t, "GM0175", "csv", 1500)
	jsonData := bestand(t, "GM0175", "json", 1500)
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		res, err := importeerBytes(t, db, csvData, register.ImportOpties{Formaat: "csv", Batch: 64})
		if err != nil {
			t.Fatal(err)
		}
		if res.Rijen != 1500 || res.Opgeslagen != 1500 || res.Ongewijzigd != 0 {
			t.Fatalf("first import: got %+v, want 1500 rows all stored", res)
		}
		res, err = importeerBytes(t, db, csvData, register.ImportOpties{Formaat: "csv", Batch: 64})
		if err != nil {
			t.Fatal(err)
		}
		if res.Opgeslagen != 0 || res.Ongewijzigd != 1500 {
			t.Fatalf("re-import: got %+v, want nothing changed", res)
		}
		// The same population as JSON is the same data: nothing changes either.
		res, err = importeerBytes(t, db, jsonData, register.ImportOpties{Formaat: "json"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Opgeslagen != 0 || res.Ongewijzigd != 1500 {
			t.Fatalf("JSON import of the same population: got %+v, want nothing changed", res)
		}
		n, err := register.AantalHuishoudens(t.Context(), db, "GM0175")
		if err != nil || n != 1500 {
			t.Fatalf("AantalHuishoudens = %d, %v; want 1500", n, err)
		}
		// Another tenant sees nothing.
		if n, _ := register.AantalHuishoudens(t.Context(), db, "GM1969"); n != 0 {
			t.Errorf("GM1969 sees %d households, want 0", n)
		}
		// A changed row replaces the stored household.
		gewijzigd := metPostcode(t, csvData, "GM0175-0000007", "7731AB")
		res, err = importeerBytes(t, db, gewijzigd, register.ImportOpties{Formaat: "csv"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Opgeslagen != 1 {
			t.Errorf("import with one changed row: stored %d, want 1", res.Opgeslagen)
		}
		rec, err := register.Huishouden(t.Context(), db, "GM0175", "GM0175-0000007")
		if err != nil || rec.H.Postcode != "7731AB" {
			t.Errorf("Huishouden = %+v, %v; want postcode 7731AB", rec, err)
		}
		if _, err := register.Huishouden(t.Context(), db, "GM1969", "GM0175-0000007"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("other tenant: err = %v, want ErrNotFound", err)
		}
	})
}

const kop = "huishouden_id,gemeente,woonplaats,aanvrager_bsn,aanvrager_geboortedatum,aanvrager_inkomens,vermogen,ontvangt\n"

func TestImportFouten(t *testing.T) {
	data := kop +
		"h1,GM0175,Ommen,999900006,1960-01-01,aow=1400.00,1000,\n" +
		"h2,GM0175,Ommen,999900007,1960-01-01,aow=1400.00,1000,\n" + // BSN fails the 11-proef
		"h3,GM0175,Ommen,,2030-01-01,,,\n" + // born after the reference date
		"h4,GM1969,Leek,,1970-01-01,,,\n" + // other gemeente
		"h5,GM0175,Ommen,,1970-01-01,loon=veel,,\n" + // not an amount
		"h6,GM0175,Lemele,,1980-05-05,loon=1200.00,,bijstand@2024-01-01\n"
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		_, err := importeerBytes(t, db, []byte(data), register.ImportOpties{Formaat: "csv"})
		if !errors.Is(err, register.ErrOngeldig) {
			t.Fatalf("err = %v, want register.ErrOngeldig", err)
		}
		if n, _ := register.AantalHuishoudens(t.Context(), db, "GM0175"); n != 0 {
			t.Fatalf("all-or-nothing import stored %d households, want 0", n)
		}
		var afgewezen bytes.Buffer
		res, err := importeerBytes(t, db, []byte(data), register.ImportOpties{Formaat: "csv", SkipInvalid: true, Afgewezen: &afgewezen})
		if err != nil {
			t.Fatal(err)
		}
		if res.Opgeslagen != 2 || res.Afgewezen != 4 {
			t.Fatalf("skip-invalid: got %+v, want 2 stored and 4 rejected", res)
		}
		want := []struct {
			regel int
			kolom string
			reden string
		}{
			{3, "aanvrager_bsn", "elfproef"},
			{4, "aanvrager_geboortedatum", "na de peildatum"},
			{5, "gemeente", "hoort niet bij"},
			{6, "aanvrager_inkomens", "geen bedrag"},
		}
		for i, w := range want {
			got := res.Fouten[i]
			if got.Regel != w.regel || got.Kolom != w.kolom || !strings.Contains(got.Reden, w.reden) {
				t.Errorf("fout %d = %+v, want regel %d kolom %s reden ~%q", i, got, w.regel, w.kolom, w.reden)
			}
		}
		regels := strings.Split(strings.TrimSpace(afgewezen.String()), "\n")
		if len(regels) != 5 || !strings.HasPrefix(regels[1], "h2,") || !strings.HasSuffix(regels[1], "elfproef)\"") && !strings.Contains(regels[1], "elfproef") {
			t.Errorf("rejected file:\n%s", afgewezen.String())
		}
	})
}

func TestImportJSONRegel(t *testing.T) {
	data := "[\n" +
		`{"id": "a", "gemeente": "GM0175", "personen": [{"rol": "aanvrager", "geboortedatum": "1970-01-01"}], "ontvangt": []},` + "\n" +
		`{"id": "b", "gemeente": "GM0175",` + "\n" + `"personen": [{"rol": "aanvrager", "bsn": "123", "geboortedatum": "1970-01-01"}]},` + "\n" +
		`{"id": "c", "gemeente": "GM0175", "personen": [{"rol": "aanvrager"}], "onbekend": 1}` + "\n]\n"
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		res, err := importeerBytes(t, db, []byte(data), register.ImportOpties{Formaat: "json"})
		if !errors.Is(err, register.ErrOngeldig) {
			t.Fatalf("err = %v, want register.ErrOngeldig", err)
		}
		if len(res.Fouten) != 2 || res.Fouten[0].Regel != 3 || res.Fouten[0].Kolom != "personen[0].bsn" || res.Fouten[1].Regel != 5 ||
			res.Fouten[1].Kolom != "onbekend" || !strings.Contains(res.Fouten[1].Reden, "onbekend veld") {
			for _, f := range res.Fouten {
				t.Log(f)
			}
			t.Errorf("got %d errors, want line 3 personen[0].bsn and line 5", len(res.Fouten))
		}
	})
}

// TestImportLaatsteWint: within one file the last row of an id wins, in one batch and across batches.
func TestImportLaatsteWint(t *testing.T) {
	data := bestand(t, "GM0175", "csv", 5)
	rijen := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var tweede string
	for _, r := range rijen {
		if strings.HasPrefix(r, "GM0175-0000002,GM0175,") {
			tweede = string(metPostcode(t, []byte(r+"\n"), "GM0175-0000002", "7731CD"))
			tweede = strings.TrimSuffix(tweede, "\n")
		}
	}
	if tweede == "" {
		t.Fatal("row GM0175-0000002 not found in the generated file")
	}
	dubbel := []byte(string(data) + tweede + "\n")
	for _, batch := range []int{64, 2} {
		storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
			res, err := importeerBytes(t, db, dubbel, register.ImportOpties{Formaat: "csv", Batch: batch})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := res.Rijen, int64(6); got != want {
				t.Errorf("batch %d: rows = %d, want %d", batch, got, want)
			}
			rec, err := register.Huishouden(t.Context(), db, "GM0175", "GM0175-0000002")
			if err != nil || rec.H.Postcode != "7731CD" {
				t.Errorf("batch %d: register.Huishouden = %+v, %v; want postcode 7731CD (the last row)", batch, rec, err)
			}
			if n, err := register.AantalHuishoudens(t.Context(), db, "GM0175"); err != nil || n != 5 {
				t.Errorf("batch %d: register.AantalHuishoudens = %d, %v; want 5", batch, n, err)
			}
		})
	}
}

// metPostcode returns the CSV data with the postcode (third column) of household id set to pc.
func metPostcode(t testing.TB, data []byte, id, pc string) []byte {
	t.Helper()
	regels := strings.Split(string(data), "\n")
	for i, r := range regels {
		if strings.HasPrefix(r, id+",") {
			velden := strings.SplitN(r, ",", 4)
			if velden[2] == pc {
				t.Fatalf("%s already has postcode %s", id, pc)
			}
			velden[2] = pc
			regels[i] = strings.Join(velden, ",")
			return []byte(strings.Join(regels, "\n"))
		}
	}
	t.Fatalf("household %s not in the data", id)
	return nil
}
