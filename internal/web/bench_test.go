package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// BenchmarkResultaat is the hot path of the load test: decrypt the token, evaluate with trace, render.
func BenchmarkResultaat(b *testing.B) {
	s := testServer(b, Config{})
	h := s.Handler()
	f := &flow{t: b, h: h}
	f.post("/check/start", url.Values{"gemeente": {"GM0147"}, "voor": {"zelf"}})
	f.antwoord(url.Values{"partner": {"ja"}, "kinderen": {"2"}, "medebewoners": {"0"}})
	f.antwoord(url.Values{"a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"}, "p-dag": {"2"}, "p-maand": {"4"}, "p-jaar": {"1987"}, "kind-1": {"6"}, "kind-2": {"12"}})
	f.antwoord(url.Values{"a-soort-1": {"loon"}, "a-bedrag-1": {"1800"}, "p-soort-1": {"geen"}})
	for f.stap() != "" {
		f.antwoord(url.Values{"vermogen": {"200"}, "laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
	}
	u := f.resultaat
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	f.get(u)
	if f.status != 200 {
		b.Fatalf("status %d", f.status)
	}
	b.SetBytes(int64(len(f.body)))
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		r := req.Clone(req.Context())
		r.URL, _ = url.Parse(u)
		h.ServeHTTP(rec, r)
	}
}
