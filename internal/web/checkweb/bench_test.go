package checkweb

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// BenchmarkResultaat is the hot path of the load test: decrypt the token, evaluate with trace, render.
// The client does not accept gzip; BenchmarkResultaatGzip is the same page for a browser, gzipped.
func BenchmarkResultaat(b *testing.B) { benchResultaat(b, false, nil) }

// BenchmarkResultaatGzip is BenchmarkResultaat with Accept-Encoding: gzip, as every browser sends.
func BenchmarkResultaatGzip(b *testing.B) { benchResultaat(b, true, nil) }

// BenchmarkResultaatPartners is BenchmarkResultaat with the partners' contact looked up once per page
// through a PartnerGids that answers from memory, as cmd/zeker's cached one does (Borne's Jeugdfonds
// and Menzis run regelingen on this page).
func BenchmarkResultaatPartners(b *testing.B) {
	benchResultaat(b, false, &vastePartners{vragen: map[string]int{}, m: map[string]PartnerContact{
		"jeugdfonds-sport-cultuur": {Naam: "Jeugdfonds Sport & Cultuur", Website: "https://www.jeugdfondssportencultuur.nl", Adres: "Voorbeeldstraat 113, 9999 ZZ Demodorp"},
		"menzis":                   {Naam: "Menzis", Website: "https://www.gezondverzekerd.nl"},
	}})
}

func benchResultaat(b *testing.B, gz bool, partners PartnerGids) {
	s := testServer(b, testConfig{Partners: partners})
	h := s.Handler()
	f := &flow{T: b, H: h}
	f.Post("/check/start", url.Values{"gemeente": {"GM0147"}, "voor": {"zelf"}})
	f.Antwoord(url.Values{"partner": {"ja"}, "kinderen": {"2"}, "medebewoners": {"0"}})
	f.Antwoord(url.Values{"a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"}, "p-dag": {"2"}, "p-maand": {"4"}, "p-jaar": {"1987"}, "kind-1": {"6"}, "kind-2": {"12"}})
	f.Antwoord(url.Values{"a-soort-1": {"loon"}, "a-bedrag-1": {"1800"}, "p-soort-1": {"geen"}})
	for f.Stap() != "" {
		f.Antwoord(url.Values{"vermogen": {"200"}, "laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}, "wonen": {"huur"}, "huur": {"650"}})
	}
	u := f.Resultaat
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	if gz {
		req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	}
	f.Get(u)
	if f.Status != 200 {
		b.Fatalf("status %d", f.Status)
	}
	b.SetBytes(int64(len(f.Body)))
	b.ReportAllocs()
	w := &telSchrijver{h: http.Header{}}
	for b.Loop() {
		clear(w.h)
		w.status, w.n = 0, 0
		r := req.Clone(req.Context())
		r.URL, _ = url.Parse(u)
		h.ServeHTTP(w, r)
	}
	if gz {
		if w.status != 200 || w.h.Get("Content-Encoding") != "gzip" || w.n > int64(len(f.Body)/3) {
			b.Fatalf("last response: status %d, %q, %d bytes, want 200 and gzip under a third of %d", w.status, w.h.Get("Content-Encoding"), w.n, len(f.Body))
		}
		b.ReportMetric(float64(w.n), "gzipB/page")
	} else if w.status != 200 || w.n != int64(len(f.Body)) {
		b.Fatalf("last response: status %d, %d bytes, want 200 and %d", w.status, w.n, len(f.Body))
	}
}

// telSchrijver is a ResponseWriter that only counts, so the benchmark measures the server and not a
// recorder growing its buffer (a real connection writes through a fixed bufio buffer).
type telSchrijver struct {
	h      http.Header
	status int
	n      int64
}

func (w *telSchrijver) Header() http.Header { return w.h }
func (w *telSchrijver) WriteHeader(s int)   { w.status = s }
func (w *telSchrijver) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = 200
	}
	w.n += int64(len(p))
	return len(p), nil
}
