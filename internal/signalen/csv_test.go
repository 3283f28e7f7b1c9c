package signalen_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
)

func TestLeesCSV(t *testing.T) {
	bestand := "\ufeffreferentie;partnertype;bedrag;ontstaansdatum;signaaldatum;crisis;bsn;postcode;huisnummer;toevoeging\n" +
		"R1;Huur;1.234,56;2026-01-01;2026-02-01;nee;999990019;9101 aa;12;a\n" +
		"R2;Energie;12,5;2026-01-01;2026-02-01;ja;;9101AA;12b;\n" + // huisnummer with a letter
		"R3;Water;abc;2026-01-01;2026-02-01;;;9101AA;3;\n" + // bad amount
		"R4;Zorg;10;01-01-2026;2026-02-01;;;9101AA;3;\n" + // bad date
		"R5;Zorg;10;2026-01-01;2026-02-01;misschien;;9101AA;3;\n" + // bad flag
		"R6;Zorg;10;2026-01-01;2026-02-01\n" // short row: missing optional fields are empty
	got, err := signalen.LeesCSV(strings.NewReader(bestand))
	if err != nil {
		t.Fatal(err)
	}
	if got.Aantal != 6 || len(got.Signalen) != 2 || got.Indexen[0] != 0 || got.Indexen[1] != 5 {
		t.Fatalf("aantal %d, signalen %d, indexen %v, fouten %+v", got.Aantal, len(got.Signalen), got.Indexen, got.Fouten)
	}
	var velden []string
	for _, f := range got.Fouten {
		velden = append(velden, f.Path)
	}
	if strings.Join(velden, ",") != "huisnummer,bedrag,ontstaansdatum,crisis" {
		t.Errorf("fouten velden = %v", velden)
	}
	s := got.Signalen[0]
	if s.Bedrag != geld.MustParse("1234.56") || s.Inwoner.BSN != "999990019" || s.Inwoner.Adres.Huisnummer != 12 {
		t.Errorf("signaal = %+v", s)
	}
	s.Normaliseer()
	if s.Inwoner.Adres.Postcode != "9101AA" || s.Inwoner.Adres.Toevoeging != "A" {
		t.Errorf("normalised address = %+v", s.Inwoner.Adres)
	}
	for naam, kop := range map[string]string{
		"onbekende kolom": "referentie,partnertype,bedrag,ontstaansdatum,signaaldatum,iban\n",
		"verplicht mist":  "referentie,partnertype,bedrag,ontstaansdatum\n",
		"dubbele kolom":   "referentie,referentie,partnertype,bedrag,ontstaansdatum,signaaldatum\n",
		"leeg":            "",
	} {
		if _, err := signalen.LeesCSV(strings.NewReader(kop)); err == nil {
			t.Errorf("%s: want error", naam)
		}
	}
	var b strings.Builder
	b.WriteString("referentie,partnertype,bedrag,ontstaansdatum,signaaldatum\n")
	for range signalen.MaxBatch + 1 {
		b.WriteString("R,Huur,1,2026-01-01,2026-01-02\n")
	}
	if _, err := signalen.LeesCSV(strings.NewReader(b.String())); !errors.Is(err, signalen.ErrTeVeelRegels) {
		t.Errorf("50,001 rows: err %v", err)
	}
}

// TestLeesCSVBedrag: the money column follows geld's one notation rule; an ambiguous or over-precise
// amount refuses that row with the reason, and the other rows go on.
func TestLeesCSVBedrag(t *testing.T) {
	for _, tt := range []struct {
		bedrag string
		want   geld.Bedrag // -1: refused
		reden  string
	}{
		{"1.234,56", 123456, ""},
		{"1234,56", 123456, ""},
		{"1234.56", 123456, ""},
		{"12,5", 1250, ""},
		{"1500", 150000, ""},
		{"€ 1.500,00", 150000, ""},
		{"1.500", -1, "dubbelzinnig"},
		{"1,500", -1, "dubbelzinnig"},
		{"0.001", -1, "meer dan 2"},
		{"12,345", -1, "dubbelzinnig"},
		{"1.234.5", -1, "duizendtallen"},
	} {
		bestand := "referentie;partnertype;bedrag;ontstaansdatum;signaaldatum\nR1;Huur;" + tt.bedrag + ";2026-01-01;2026-02-01\nR2;Huur;10;2026-01-01;2026-02-01\n"
		got, err := signalen.LeesCSV(strings.NewReader(bestand))
		if err != nil {
			t.Fatalf("%s: %v", tt.bedrag, err)
		}
		if tt.want >= 0 {
			if len(got.Fouten) != 0 || len(got.Signalen) != 2 || got.Signalen[0].Bedrag != tt.want {
				t.Errorf("%s: signalen %+v, fouten %+v; want bedrag %d", tt.bedrag, got.Signalen, got.Fouten, tt.want)
			}
			continue
		}
		if len(got.Fouten) != 1 || got.Fouten[0].Index != 0 || got.Fouten[0].Path != "bedrag" || !strings.Contains(got.Fouten[0].Reason, tt.reden) || len(got.Signalen) != 1 {
			t.Errorf("%s: fouten %+v, %d signalen; want one fout on bedrag of row 0 saying %q", tt.bedrag, got.Fouten, len(got.Signalen), tt.reden)
		}
	}
}

// TestLeesCSVTekst: a NUL byte, a control character or invalid UTF-8 in a cell refuses that row,
// naming the column; the other rows are read.
func TestLeesCSVTekst(t *testing.T) {
	bestand := "referentie;partnertype;bedrag;ontstaansdatum;signaaldatum;achternaam;straat\n" +
		"R1;Huur;10;2026-01-01;2026-02-01;Test\x00persoon;Teststraat\n" +
		"R2;Huur;10;2026-01-01;2026-02-01;Testpersoon;Test\xffstraat\n" +
		"R3;Huur;10;2026-01-01;2026-02-01;Test\x1bpersoon;Teststraat\n" +
		"R4;Huur;10;2026-01-01;2026-02-01;Testpersoon;Teststraat\n"
	got, err := signalen.LeesCSV(strings.NewReader(bestand))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Signalen) != 1 || got.Signalen[0].Referentie != "R4" || len(got.Fouten) != 3 {
		t.Fatalf("signalen %+v, fouten %+v", got.Signalen, got.Fouten)
	}
	for i, want := range []struct{ veld, reden string }{{"achternaam", "nul-teken"}, {"straat", "UTF-8"}, {"achternaam", "stuurteken"}} {
		if f := got.Fouten[i]; f.Index != i || f.Path != want.veld || !strings.Contains(f.Reason, want.reden) {
			t.Errorf("fout %d = %+v, want %s: %s", i, f, want.veld, want.reden)
		}
	}
}

func FuzzLeesCSV(f *testing.F) {
	f.Add("referentie;partnertype;bedrag;ontstaansdatum;signaaldatum;bsn\nR1;Huur;10;2026-01-01;2026-02-01;999990019\n")
	f.Add("referentie,partnertype,bedrag,ontstaansdatum,signaaldatum,crisis,huisnummer\n\"R,1\",Huur,\"1,5\",2026-01-01,2026-02-01,ja,1\nR2\n")
	f.Add("referentie,partnertype,bedrag,ontstaansdatum,signaaldatum\n\"open quote,Huur\n")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := signalen.LeesCSV(strings.NewReader(in))
		if err != nil {
			return
		}
		if len(got.Signalen) != len(got.Indexen) || got.Aantal != len(got.Signalen)+len(got.Fouten) || got.Aantal > signalen.MaxBatch {
			t.Fatalf("counts: %d = %d + %d", got.Aantal, len(got.Signalen), len(got.Fouten))
		}
		signalen.BeoordeelBatch(got.Signalen, datum.Nieuw(2026, 3, 1))
	})
}
