package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Tests of what makes the pages fast on a phone (Lighthouse's causes, asserted without a browser):
// compressed text, static files cached a year under a fingerprinted name, a favicon, and little CSS.

func kitHandler(t *testing.T, extra ...Route) http.Handler {
	t.Helper()
	k := testKit(t)
	h, err := k.Handler(Part{Name: "test", Routes: extra})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func doe(h http.Handler, method, path string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gzip: %v", err)
	}
	return out
}

func TestTekstGecomprimeerd(t *testing.T) {
	groot := strings.Repeat("<p>Waar heb ik recht op? Kijk wat u kunt krijgen.</p>\n", 200)
	stuur := func(soort, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if soort != "" {
				w.Header().Set("Content-Type", soort)
			}
			// written in pieces, as a template or a CSV writer does
			body := body
			for len(body) > 0 {
				n := min(len(body), 700)
				io.WriteString(w, body[:n])
				body = body[n:]
			}
		}
	}
	png := "\x89PNG\r\n\x1a\n" + strings.Repeat("\x00", 4000)
	h := kitHandler(t,
		Route{Pattern: "GET /html", Access: Open, Handler: stuur("text/html; charset=utf-8", groot)},
		Route{Pattern: "GET /json", Access: Open, Handler: stuur("application/json", `{"a":"`+strings.Repeat("x", 3000)+`"}`)},
		Route{Pattern: "GET /csv", Access: Open, Handler: stuur("text/csv; charset=utf-8", strings.Repeat("a;b;c\n", 500))},
		Route{Pattern: "GET /zonder-soort", Access: Open, Handler: stuur("", groot)},
		Route{Pattern: "GET /klein", Access: Open, Handler: stuur("text/html; charset=utf-8", "<p>kort</p>")},
		Route{Pattern: "GET /png", Access: Open, Handler: stuur("image/png", png)},
		Route{Pattern: "GET /al-gzip", Access: Open, Handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			io.WriteString(zw, groot)
			zw.Close()
		}},
	)
	for _, tc := range []struct {
		pad, body string
		gz        bool
	}{
		{"/html", groot, true}, {"/json", `{"a":"` + strings.Repeat("x", 3000) + `"}`, true},
		{"/csv", strings.Repeat("a;b;c\n", 500), true}, {"/zonder-soort", groot, true},
		{"/klein", "<p>kort</p>", false}, {"/png", png, false},
	} {
		w := doe(h, "GET", tc.pad, "Accept-Encoding", "gzip, deflate, br, zstd")
		got := w.Body.Bytes()
		if ce := w.Header().Get("Content-Encoding"); (ce == "gzip") != tc.gz {
			t.Errorf("%s: Content-Encoding %q, want gzip: %v", tc.pad, ce, tc.gz)
		}
		if tc.gz {
			if w.Body.Len() >= len(tc.body)/2 {
				t.Errorf("%s: %d bytes gzipped from %d", tc.pad, w.Body.Len(), len(tc.body))
			}
			got = gunzip(t, got)
			if w.Header().Get("Content-Length") != "" {
				t.Errorf("%s: Content-Length %s on a gzipped body", tc.pad, w.Header().Get("Content-Length"))
			}
		}
		if string(got) != tc.body {
			t.Errorf("%s: body differs after gzip (%d bytes, want %d)", tc.pad, len(got), len(tc.body))
		}
		if v := w.Header().Values("Vary"); tc.pad != "/png" && !strings.Contains(strings.Join(v, ","), "Accept-Encoding") {
			t.Errorf("%s: Vary %v, want Accept-Encoding", tc.pad, v)
		}
		if w.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("%s: security headers lost", tc.pad)
		}
	}
	// Not accepted, refused, or HEAD: plain, but a cache still learns that the answer varies.
	for _, ae := range []string{"", "identity", "gzip;q=0", "br", "*;q=0", "gzip;q=0, *"} {
		w := doe(h, "GET", "/html", "Accept-Encoding", ae)
		if w.Header().Get("Content-Encoding") != "" || w.Body.String() != groot {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, %d bytes", ae, w.Header().Get("Content-Encoding"), w.Body.Len())
		}
		if !strings.Contains(strings.Join(w.Header().Values("Vary"), ","), "Accept-Encoding") {
			t.Errorf("Accept-Encoding %q: no Vary", ae)
		}
	}
	for _, ae := range []string{"GZIP", "deflate, gzip;q=0.5", "*", "x-gzip"} {
		if w := doe(h, "GET", "/html", "Accept-Encoding", ae); w.Header().Get("Content-Encoding") != "gzip" {
			t.Errorf("Accept-Encoding %q: not gzipped", ae)
		}
	}
	// A body the handler compressed itself is not compressed twice.
	w := doe(h, "GET", "/al-gzip", "Accept-Encoding", "gzip")
	if got := string(gunzip(t, w.Body.Bytes())); got != groot {
		t.Errorf("pre-compressed body compressed twice or changed")
	}
}

// The kit's own pages (the 404 page) and the error pages are compressed like any page.
func TestFoutpaginaGecomprimeerd(t *testing.T) {
	h := kitHandler(t)
	w := doe(h, "GET", "/bestaat-niet", "Accept-Encoding", "gzip")
	if w.Code != 404 || w.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("404 page: status %d, Content-Encoding %q", w.Code, w.Header().Get("Content-Encoding"))
	}
	if !strings.Contains(string(gunzip(t, w.Body.Bytes())), "</html>") {
		t.Error("404 page: gzipped body is not the page")
	}
}

// linkRe finds the stylesheets, the script and the icon of a page.
var linkRe = regexp.MustCompile(`<(?:link rel="(stylesheet|icon)" href|script src)="([^"]+)"( media="print")?`)

func TestStatischVingerafdruk(t *testing.T) {
	k := testKit(t)
	h, err := k.Handler()
	if err != nil {
		t.Fatal(err)
	}
	w := doe(h, "GET", "/bestaat-niet") // a resident page (the 404 page) with the layout
	links := linkRe.FindAllStringSubmatch(w.Body.String(), -1)
	if len(links) < 5 {
		t.Fatalf("layout links %d files, want the icon, 3 stylesheets and the script: %v", len(links), links)
	}
	vinger := regexp.MustCompile(`^/static/[a-z/-]+(\.min)?\.[0-9a-f]{10}\.(css|js|svg)$`)
	for _, l := range links {
		u := l[2]
		if u == "/thema.css" {
			continue // the tenants' themes: a small sheet made per request (thema.go), revalidated by ETag
		}
		if !vinger.MatchString(u) {
			t.Errorf("%s: not a fingerprinted static URL", u)
			continue
		}
		w := doe(h, "GET", u, "Accept-Encoding", "gzip")
		if w.Code != 200 {
			t.Errorf("%s: status %d", u, w.Code)
			continue
		}
		if cc := w.Header().Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("%s: Cache-Control %q, want a year, immutable", u, cc)
		}
		if w.Header().Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: not gzipped", u)
		}
		// The plain name serves the same file, briefly cached.
		plain := regexp.MustCompile(`\.[0-9a-f]{10}\.`).ReplaceAllString(u, ".")
		pw := doe(h, "GET", plain)
		if pw.Code != 200 || pw.Header().Get("Cache-Control") != "public, max-age=300" {
			t.Errorf("%s: status %d, Cache-Control %q, want 200 and 5 minutes", plain, pw.Code, pw.Header().Get("Cache-Control"))
		}
		if !bytes.Equal(gunzip(t, w.Body.Bytes()), pw.Body.Bytes()) {
			t.Errorf("%s: gzipped and plain bodies differ", u)
		}
		// The fingerprint is the content's: another hash is not found.
		if nep := doe(h, "GET", regexp.MustCompile(`\.[0-9a-f]{10}\.`).ReplaceAllString(u, ".0000000000.")); nep.Code != 404 {
			t.Errorf("%s with a wrong hash: status %d, want 404", u, nep.Code)
		}
		// Revalidation with the ETag.
		if e := pw.Header().Get("ETag"); e == "" {
			t.Errorf("%s: no ETag", plain)
		} else if nm := doe(h, "GET", plain, "If-None-Match", e); nm.Code != 304 {
			t.Errorf("%s: If-None-Match gives %d, want 304", plain, nm.Code)
		}
	}
	for _, p := range []string{"/static/", "/static/css/", "/static/css/onbekend.css", "/static/vendor/utrecht-component-library.css"} {
		if w := doe(h, "GET", p); w.Code != 404 {
			t.Errorf("%s: status %d, want 404", p, w.Code)
		}
	}
}

func TestFavicon(t *testing.T) {
	h := kitHandler(t)
	w := doe(h, "GET", "/favicon.ico")
	if w.Code != 200 || w.Header().Get("Content-Type") != "image/x-icon" || w.Body.Len() < 22 {
		t.Fatalf("/favicon.ico: status %d, type %q, %d bytes", w.Code, w.Header().Get("Content-Type"), w.Body.Len())
	}
	if !bytes.HasPrefix(w.Body.Bytes(), []byte{0, 0, 1, 0}) {
		t.Error("/favicon.ico is not an ICO file")
	}
	// The layout names its icon, so a browser need not guess.
	if !strings.Contains(doe(h, "GET", "/x").Body.String(), `<link rel="icon" href="/static/favicon.`) {
		t.Error("layout has no <link rel=icon>")
	}
}

// CSS per page, measured 2026-12-07 (TestCSSPerPagina -v): resident pages 106,282 bytes (12,103
// gzipped), staff pages 122,041 (13,930 gzipped), each the NL Design System bundle plus zeker.css;
// before the reduction every page loaded 614,223 bytes of NL Design System CSS. The limits leave room
// for a few more components.
const (
	maxCSSInwoner    = 115 << 10
	maxCSSInwonerGz  = 14 << 10
	maxCSSStaf       = 135 << 10
	maxCSSStafGz     = 16 << 10
	minCSSBesparing  = 4 // the bundle is at most a quarter of the library
	nldsBronBestand  = "nlds/utrecht-component-library.css"
	nldsThemaBestand = "nlds/voorbeeld-theme.css"
)

func TestCSSPerPagina(t *testing.T) {
	k := testKit(t)
	h, err := k.Handler()
	if err != nil {
		t.Fatal(err)
	}
	meet := func(page string) (raw, gz int) {
		for _, l := range linkRe.FindAllStringSubmatch(page, -1) {
			if l[1] != "stylesheet" || l[3] != "" || l[2] == "/thema.css" { // the print stylesheet does not block
				continue // rendering; the tenants' themes are a few lines per gemeente (thema.go)
			}
			w := doe(h, "GET", l[2], "Accept-Encoding", "gzip")
			gz += w.Body.Len()
			raw += len(gunzip(t, w.Body.Bytes()))
		}
		return raw, gz
	}
	inwoner := doe(h, "GET", "/x").Body.String()
	sw := httptest.NewRecorder()
	k.StaffError(sw, httptest.NewRequest("GET", "/beheer/x", nil), http.StatusNotFound, "x")
	staf := sw.Body
	bron := 0
	for _, f := range []string{nldsBronBestand, nldsThemaBestand} {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		bron += int(st.Size())
	}
	for _, tc := range []struct {
		naam, page    string
		maxRaw, maxGz int
		bundel        string
	}{
		{"inwoner", inwoner, maxCSSInwoner, maxCSSInwonerGz, "nlds-inwoner"},
		{"staf", staf.String(), maxCSSStaf, maxCSSStafGz, "nlds-staf"},
	} {
		if !strings.Contains(tc.page, tc.bundel) {
			t.Errorf("%s page does not link %s", tc.naam, tc.bundel)
		}
		raw, gz := meet(tc.page)
		t.Logf("%s page: %d bytes of CSS, %d gzipped (library and theme: %d)", tc.naam, raw, gz, bron)
		if raw > tc.maxRaw || gz > tc.maxGz {
			t.Errorf("%s page: %d bytes of CSS (%d gzipped), limit %d (%d)", tc.naam, raw, gz, tc.maxRaw, tc.maxGz)
		}
		if raw*minCSSBesparing > bron {
			t.Errorf("%s page: %d bytes of CSS is more than 1/%d of the library's %d", tc.naam, raw, minCSSBesparing, bron)
		}
	}
}

// TestNLDSKlassenHebbenRegel checks that every utrecht class the sources of a bundle use (templates, Go,
// JavaScript; nlds/bundels.txt) has its rules in the shipped bundle, when the library has rules for it:
// a template that starts using a new component fails here until `go run ./scripts/csskrimp` has run.
func TestNLDSKlassenHebbenRegel(t *testing.T) {
	root := repoRoot(t)
	defs, err := os.ReadFile("nlds/bundels.txt")
	if err != nil {
		t.Fatal(err)
	}
	lib, err := os.ReadFile(nldsBronBestand)
	if err != nil {
		t.Fatal(err)
	}
	klasseIn := func(css []byte, k string) bool {
		return regexp.MustCompile(`\.` + regexp.QuoteMeta(k) + `(?:[^a-zA-Z0-9_-]|$)`).Match(css)
	}
	woordRe := regexp.MustCompile(`utrecht-[a-z0-9_-]*[a-z0-9]`)
	bundels := 0
	for _, r := range strings.Split(string(defs), "\n") {
		r = strings.TrimSpace(r)
		if r == "" || strings.HasPrefix(r, "#") {
			continue
		}
		naam, paden, _ := strings.Cut(r, ":")
		bundels++
		css, err := os.ReadFile(filepath.Join("static/vendor", "nlds-"+strings.TrimSpace(naam)+".min.css"))
		if err != nil {
			t.Fatal(err)
		}
		gebruikt := map[string]string{}
		for _, p := range strings.Fields(paden) {
			filepath.WalkDir(filepath.Join(root, p), func(f string, d os.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if d.IsDir() {
					if d.Name() == "nlds" || d.Name() == "testdata" {
						return filepath.SkipDir
					}
					return nil
				}
				ext := filepath.Ext(f)
				if (ext != ".html" && ext != ".go" && ext != ".js") || strings.HasSuffix(f, "_test.go") {
					return nil
				}
				src, _ := os.ReadFile(f)
				for _, w := range woordRe.FindAllString(string(src), -1) {
					gebruikt[w] = f
				}
				return nil
			})
		}
		if len(gebruikt) < 20 {
			t.Errorf("bundle %s: only %d utrecht classes found in its sources", naam, len(gebruikt))
		}
		for k, f := range gebruikt {
			if klasseIn(lib, k) && !klasseIn(css, k) {
				t.Errorf("bundle %s: class %s (used in %s) has rules in the library but not in the bundle: run go run ./scripts/csskrimp", naam, k, f)
			}
		}
	}
	if bundels != 2 {
		t.Errorf("%d bundles in nlds/bundels.txt, want 2 (inwoner, staf)", bundels)
	}
}

// repoRoot is the folder with go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	d, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		p := filepath.Dir(d)
		if p == d {
			t.Fatal("no go.mod")
		}
		d = p
	}
}
