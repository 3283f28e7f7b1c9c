package signalen_test

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/synth"
)

func d(s string) datum.Datum {
	v, err := datum.Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestIsBSN(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"999990020", true},
		{"999990019", true},
		{"999990018", false},
		{"12345678", false},
		{"1234567890", false},
		{"99999001a", false},
		{"000000000", false},
	} {
		if got := signalen.IsBSN(tc.in); got != tc.want {
			t.Errorf("IsBSN(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	bsns := synth.BSNs()
	if len(bsns) < 9000 {
		t.Fatalf("synth.BSNs: %d numbers, want at least 9000", len(bsns))
	}
	for _, b := range bsns {
		if !signalen.IsBSN(b) || b[:4] != "9999" {
			t.Fatalf("synthetic BSN %s is not a valid 9999 test number", b)
		}
	}
}

func TestNormaliseerPostcode(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"1234AB", "1234AB", true},
		{" 1234 ab ", "1234AB", true},
		{"0234AB", "", false},
		{"1234A", "", false},
		{"12345B", "", false},
		{"1234ABC", "", false},
	} {
		got, ok := signalen.NormaliseerPostcode(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormaliseerPostcode(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func geldigSignaal() signalen.Signaal {
	return signalen.Signaal{
		Referentie:     "R1",
		PartnerType:    signalen.PartnerHuur,
		Bedrag:         geld.Euro(450),
		Ontstaansdatum: d("2026-01-05"),
		Signaaldatum:   d("2026-02-20"),
		Inwoner: signalen.Inwoner{
			BSN:   "999990019",
			Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: 12},
		},
	}
}

func TestValideer(t *testing.T) {
	vandaag := d("2026-03-01")
	for _, tc := range []struct {
		naam   string
		wijzig func(*signalen.Signaal)
		velden []string
	}{
		{"geldig", func(*signalen.Signaal) {}, nil},
		{"alleen adres", func(s *signalen.Signaal) { s.Inwoner.BSN = "" }, nil},
		{"bsn fout", func(s *signalen.Signaal) { s.Inwoner.BSN = "999990018" }, []string{"inwoner.bsn"}},
		{"postcode fout", func(s *signalen.Signaal) { s.Inwoner.Adres.Postcode = "AB1234" }, []string{"inwoner.adres.postcode"}},
		{"geen bsn geen adres", func(s *signalen.Signaal) { s.Inwoner = signalen.Inwoner{} }, []string{"inwoner"}},
		{"toekomst", func(s *signalen.Signaal) { s.Signaaldatum = d("2026-03-02") }, []string{"signaaldatum"}},
		{"vandaag mag", func(s *signalen.Signaal) { s.Signaaldatum = vandaag }, nil},
		{"signaal voor ontstaan", func(s *signalen.Signaal) { s.Signaaldatum = d("2026-01-01") }, []string{"signaaldatum"}},
		{"geen ontstaansdatum", func(s *signalen.Signaal) { s.Ontstaansdatum = datum.Datum{} }, []string{"ontstaansdatum"}},
		{"negatief bedrag", func(s *signalen.Signaal) { s.Bedrag = -1 }, []string{"bedrag"}},
		{"nul bedrag", func(s *signalen.Signaal) { s.Bedrag = 0 }, nil},
		{"onbekend type", func(s *signalen.Signaal) { s.PartnerType = "huur" }, []string{"partnertype"}},
		{"geen referentie", func(s *signalen.Signaal) { s.Referentie = " " }, []string{"referentie"}},
		{"crisissoort zonder crisis", func(s *signalen.Signaal) { s.CrisisSoort = signalen.CrisisOntruiming }, []string{"crisis"}},
		{"crisis zonder soort", func(s *signalen.Signaal) { s.Crisis = true }, nil},
		{"geboortedatum toekomst", func(s *signalen.Signaal) { s.Inwoner.Geboortedatum = d("2027-01-01") }, []string{"inwoner.geboortedatum"}},
		{"telefoon fout", func(s *signalen.Signaal) { s.Inwoner.Telefoon = "bel me" }, []string{"inwoner.telefoon"}},
		{"email fout", func(s *signalen.Signaal) { s.Inwoner.Email = "a@b" }, []string{"inwoner.email"}},
		{"huisnummer fout", func(s *signalen.Signaal) { s.Inwoner.Adres.Huisnummer = 100000 }, []string{"inwoner.adres.huisnummer"}},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			s := geldigSignaal()
			tc.wijzig(&s)
			s.Normaliseer()
			var got []string
			for _, f := range s.Valideer(7, vandaag) {
				if f.Index != 7 || f.Reason == "" {
					t.Errorf("fout %+v: want index 7 and a reason", f)
				}
				got = append(got, f.Path)
			}
			if !slices.Equal(got, tc.velden) {
				t.Errorf("velden = %v, want %v", got, tc.velden)
			}
		})
	}
}

func TestBeoordeelBatch(t *testing.T) {
	a, b, c := geldigSignaal(), geldigSignaal(), geldigSignaal()
	b.Referentie = "R2"
	b.Inwoner.BSN = "123"
	c.Referentie = "R1" // duplicate of a within the batch
	got := signalen.BeoordeelBatch([]signalen.Signaal{a, b, c}, d("2026-03-01"))
	if len(got.Geldig) != 1 || got.Indexen[0] != 0 || got.Afgewezen != 2 {
		t.Fatalf("geldig %d (indexen %v), afgewezen %d; want 1 ([0]), 2", len(got.Geldig), got.Indexen, got.Afgewezen)
	}
	if got.Fouten[0].Index != 1 || got.Fouten[0].Path != "inwoner.bsn" || got.Fouten[1].Index != 2 || got.Fouten[1].Path != "referentie" {
		t.Errorf("fouten = %+v", got.Fouten)
	}
}

func TestFeestdagenEnWerkdagen(t *testing.T) {
	for _, tc := range []struct {
		dag  string
		naam string
	}{
		{"2026-01-01", "Nieuwjaarsdag"},
		{"2026-04-03", "Goede Vrijdag"},
		{"2026-04-05", "Eerste Paasdag"},
		{"2026-04-06", "Tweede Paasdag"},
		{"2026-04-27", "Koningsdag"},
		{"2025-04-26", "Koningsdag"}, // 27 April 2025 is a Sunday
		{"2026-05-05", "Bevrijdingsdag"},
		{"2026-05-14", "Hemelvaartsdag"},
		{"2026-05-25", "Tweede Pinksterdag"},
		{"2026-12-25", "Eerste Kerstdag"},
		{"2026-12-26", "Tweede Kerstdag"},
		{"2024-03-31", "Eerste Paasdag"},
		{"2027-03-28", "Eerste Paasdag"},
		{"2026-04-26", ""},
		{"2025-04-27", ""},
	} {
		got, _ := signalen.Feestdag(d(tc.dag))
		if got != tc.naam {
			t.Errorf("Feestdag(%s) = %q, want %q", tc.dag, got, tc.naam)
		}
	}
	for _, tc := range []struct{ van, want string }{
		{"2026-03-02", "2026-03-05"}, // Monday → Thursday
		{"2026-03-06", "2026-03-11"}, // Friday → Wednesday
		{"2026-03-07", "2026-03-11"}, // Saturday → Wednesday
		{"2026-04-02", "2026-04-09"}, // Thursday before Easter: Fri, Mon holidays → Tue, Wed, Thu
		{"2026-12-23", "2026-12-29"}, // Wed: Thu 24, (Fri 25, Sat, Sun) Mon 28... 26 is Sat
		{"2026-04-24", "2026-04-30"}, // Fri: Mon 27 Koningsdag → Tue, Wed, Thu
	} {
		if got := signalen.PlusWerkdagen(d(tc.van), 3); got != d(tc.want) {
			t.Errorf("PlusWerkdagen(%s, 3) = %s, want %s", tc.van, got, tc.want)
		}
	}
	if got := signalen.WerkdagenTussen(d("2026-03-06"), d("2026-03-11")); got != 3 {
		t.Errorf("WerkdagenTussen = %d, want 3", got)
	}
}

// TestVocabulaireGelijkAanSchema compares our enums with the DDAS schema, byte for byte.
func TestVocabulaireGelijkAanSchema(t *testing.T) {
	p, err := os.ReadFile("ddas/vroegsignalering-v1.2.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(p, &schema); err != nil {
		t.Fatal(err)
	}
	strs := func(xs ...[]string) []string { return slices.Concat(xs...) }
	conv := func(n int, f func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	pt, er, ss, cs := signalen.PartnerTypes(), signalen.Eindresultaten(), signalen.Signaalstatussen(), signalen.Contactsoorten()
	for naam, got := range map[string][]string{
		"EnumSignaalpartner": conv(len(pt), func(i int) string { return string(pt[i]) }),
		"EnumEindresultaat":  conv(len(er), func(i int) string { return string(er[i]) }),
		"EnumSignaalstatus":  conv(len(ss), func(i int) string { return string(ss[i]) }),
		"EnumContactsoort":   conv(len(cs), func(i int) string { return string(cs[i]) }),
		"EnumDagdeel":        strs([]string{string(signalen.Ochtend), string(signalen.Middag), string(signalen.Avond)}),
	} {
		if want := schema.Defs[naam].Enum; !slices.Equal(got, want) {
			t.Errorf("%s:\n got %q\nwant %q", naam, got, want)
		}
	}
}

func TestDatumJSON(t *testing.T) {
	var s signalen.Signaal
	if err := json.Unmarshal([]byte(`{"ontstaansdatum":"2026-01-31","bedrag":"12,50"}`), &s); err != nil {
		t.Fatal(err)
	}
	if s.Ontstaansdatum != datum.Nieuw(2026, time.January, 31) || s.Bedrag != 1250 {
		t.Errorf("got %v %v", s.Ontstaansdatum, s.Bedrag)
	}
	if err := json.Unmarshal([]byte(`{"ontstaansdatum":"31-01-2026"}`), &s); err == nil {
		t.Error("want error for a non-ISO date")
	}
	if got := d("1990-06-15").LeeftijdOp(d("2026-06-14")); got != 35 {
		t.Errorf("LeeftijdOp = %d, want 35", got)
	}
}
