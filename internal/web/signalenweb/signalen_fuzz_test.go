package signalenweb

import (
	"bytes"
	"net/url"
	"testing"

	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/web"
)

// FuzzWerklijstFilter feeds arbitrary query strings to the worklist filter: it never panics, it only
// passes known values on to the store, and the query it writes for the paging links reads back as the
// same filter (so paging never loses or changes a filter).
func FuzzWerklijstFilter(f *testing.F) {
	for _, s := range []string{"", "status=alle&partnertype=Huur&leeftijd=67plus&wijk=Noord&crisis=1&per=25&vanaf=50",
		"status=%3Cscript%3E", "per=-1&vanaf=-5", "wijk=%ff%fe", "leeftijd=tot27&mijn=1", "partnertype=Bank&status=gesloten"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		var v web.FieldErrors
		wf, sf := leesWerklijstFilter(q, "Test consulent", &v)
		if sf.PartnerType != "" && !sf.PartnerType.Geldig() {
			t.Fatalf("unknown partner type passed on: %q", sf.PartnerType)
		}
		if sf.Limiet != 25 && sf.Limiet != 50 && sf.Limiet != 100 && sf.Limiet != 200 || sf.Vanaf < 0 {
			t.Fatalf("limit %d, offset %d", sf.Limiet, sf.Vanaf)
		}
		switch sf.Status {
		case signalen.ZaakOpen, signalen.ZaakGesloten, "alle":
		default:
			t.Fatalf("status %q", sf.Status)
		}
		terug, err := url.ParseQuery(wf.query(wf.Vanaf)[min(1, len(wf.query(wf.Vanaf))):])
		if err != nil {
			t.Fatalf("query %q: %v", wf.query(wf.Vanaf), err)
		}
		var v2 web.FieldErrors
		wf2, sf2 := leesWerklijstFilter(terug, "Test consulent", &v2)
		if wf2 != wf || sf2 != sf || len(v2.Fouten) > 0 {
			t.Fatalf("round trip: %+v → %q → %+v (%v)", wf, wf.query(wf.Vanaf), wf2, v2.Fouten)
		}
	})
}

// FuzzRegelnummers: the line numbers of any file are increasing and start after the header.
func FuzzRegelnummers(f *testing.F) {
	for _, s := range []string{"a;b\n1;2\n", "a,b\r\n\"x\ny\",2\r\n\r\n3,4", "\xef\xbb\xbf", "\"", "a\n\"\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs := regelnummers(data)
		vorige := 1
		for _, r := range rs {
			if r <= vorige || r > bytes.Count(data, []byte("\n"))+2 {
				t.Fatalf("line numbers %v for %q", rs, data)
			}
			vorige = r
		}
	})
}
