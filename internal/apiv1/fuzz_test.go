package apiv1_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/apiv1"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/text"
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
		`{"gemeente":"GM0175","signalen":[{"referentie":"R\u0000","bedrag":0.001,"inwoner":{"achternaam":"a\u0000b","adres":{"huisnummer":0}}}]}`,
		"{\"gemeente\":\"GM0175\",\"signalen\":[{\"referentie\":\"R\xff\",\"bedrag\":\"1.500\",\"x\\u0000\":1}]}",
		`{"gemeente":"GM0175","signalen":{"a":[1,{"b":2}]}}`,
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
		gezien := map[int]bool{}
		for _, i := range v.Indexen {
			if i < 0 || i >= v.Aantal || gezien[i] {
				t.Fatalf("bad index %d", i)
			}
			gezien[i] = true
		}
		afgewezen := map[int]bool{}
		for _, f := range v.Fouten {
			if f.Index < 0 || f.Index >= v.Aantal || gezien[f.Index] || f.Reason == "" || f.Path == "" || text.Check(f.Path) != nil {
				t.Fatalf("bad fout %+v", f)
			}
			afgewezen[f.Index] = true
		}
		if len(v.Signalen) != len(v.Indexen) || v.Aantal != len(v.Signalen)+len(afgewezen) || v.Aantal > signalen.MaxBatch {
			t.Fatalf("counts: aantal %d, signalen %d, indexen %d, refused %d", v.Aantal, len(v.Signalen), len(v.Indexen), len(afgewezen))
		}
		// What passed the edge holds no text that the database or a reader would choke on.
		for _, s := range v.Signalen {
			in := s.Inwoner
			for _, w := range []string{s.Referentie, string(s.PartnerType), string(s.CrisisSoort), in.BSN, in.Voorletters, in.Voorvoegsel, in.Achternaam, in.Telefoon, in.Email, in.Adres.Straat, in.Adres.Postcode, in.Adres.Toevoeging, in.Adres.Woonplaats} {
				if text.Check(w) != nil {
					t.Fatalf("signal with bad text passed: %+v", s)
				}
			}
		}
		// Validation of what was read never panics either.
		signalen.BeoordeelBatch(v.Signalen, datum.Nieuw(2026, 3, 2))
	})
}
