package apiv1_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/apiv1"
	"github.com/zeker-platform/zeker/internal/signalen"
)

func FuzzParseVerzoek(f *testing.F) {
	for _, s := range []string{
		`{"gemeente":"GM0175","signalen":[]}`,
		`{"gemeente":"GM0175","signalen":[{"referentie":"R1","partnertype":"Huur","bedrag":"450.00","ontstaansdatum":"2026-01-05","signaaldatum":"2026-02-20","crisis":true,"crisissoort":"ontruiming","warmeOverdracht":false,"inwoner":{"bsn":"999990019","voorletters":"T.","geboortedatum":"1980-01-01","adres":{"postcode":"9101AA","huisnummer":1,"toevoeging":"A"},"telefoon":"+31 600000000","email":"t@example.org"}}]}`,
		`{"gemeente":"GM0175","signalen":[{"bedrag":12.5},{"bedrag":"1e3"},{"ontstaansdatum":"2026-13-01"},{"x":1},[],null,1]}`,
		`{"signalen":[{}],"gemeente":"GM0147"}`,
		`{"gemeente":"GM0175","gemeente":"GM0147"}`,
		`{"gemeente":"GM0175","signalen":[{"inwoner":{"adres":{"huisnummer":"12"}}}]} trailing`,
		`[]`, `{`, ``, `{"gemeente":1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		v, err := apiv1.ParseVerzoek(strings.NewReader(string(body)))
		if err != nil {
			if !errors.Is(err, apiv1.ErrGeenJSON) && !errors.Is(err, apiv1.ErrTeVeel) && !errors.Is(err, apiv1.ErrGeenGemeente) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if v.Gemeente == "" {
			t.Fatal("no error but no gemeente")
		}
		if len(v.Signalen) != len(v.Indexen) || v.Aantal != len(v.Signalen)+len(v.Fouten) || v.Aantal > signalen.MaxBatch {
			t.Fatalf("counts: aantal %d, signalen %d, indexen %d, fouten %d", v.Aantal, len(v.Signalen), len(v.Indexen), len(v.Fouten))
		}
		gezien := map[int]bool{}
		for _, i := range v.Indexen {
			if i < 0 || i >= v.Aantal || gezien[i] {
				t.Fatalf("bad index %d", i)
			}
			gezien[i] = true
		}
		for _, f := range v.Fouten {
			if f.Index < 0 || f.Index >= v.Aantal || gezien[f.Index] || f.Reden == "" {
				t.Fatalf("bad fout %+v", f)
			}
			gezien[f.Index] = true
		}
		// Validation of what was read never panics either.
		signalen.BeoordeelBatch(v.Signalen, signalen.NieuweDatum(2026, 3, 2))
	})
}
