package webtest

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Check drives the resident check through a handler the way a browser without JavaScript does: post
// the start form, answer the step on screen, follow the redirect to the result.
type Check struct {
	T         testing.TB
	H         http.Handler
	Status    int
	Body      string
	Loc       string
	Resultaat string // the URL of the result page, once reached
	// Taal, when set, is the language the forms ask for (the lang field of every post).
	Taal string
}

// Do sends a request and keeps the answer; a 5xx fails the test.
func (f *Check) Do(req *http.Request) {
	f.T.Helper()
	rec := httptest.NewRecorder()
	f.H.ServeHTTP(rec, req)
	f.Status, f.Body, f.Loc = rec.Code, rec.Body.String(), rec.Header().Get("Location")
	if f.Status >= 500 {
		f.T.Fatalf("%s %s: status %d", req.Method, req.URL.Path, f.Status)
	}
}

// Get fetches a page.
func (f *Check) Get(u string) { f.Do(httptest.NewRequest(http.MethodGet, u, nil)) }

// Post posts a form.
func (f *Check) Post(path string, v url.Values) {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	f.Do(req)
}

var tokenRe = regexp.MustCompile(`name="t" value="([^"]+)"`)

// Token is the encrypted answers on the page.
func (f *Check) Token() string {
	f.T.Helper()
	m := tokenRe.FindStringSubmatch(f.Body)
	if m == nil {
		f.T.Fatalf("no token on page (status %d)", f.Status)
	}
	return html.UnescapeString(m[1])
}

var h1Re = regexp.MustCompile(`<h1[^>]*>([^<]*)`)

// H1 is the page's heading.
func (f *Check) H1() string {
	m := h1Re.FindStringSubmatch(f.Body)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// Antwoord posts the answers of the step on screen and follows a redirect to the result.
func (f *Check) Antwoord(v url.Values) {
	f.T.Helper()
	v.Set("t", f.Token())
	v.Set("actie", "verder")
	if f.Taal != "" {
		v.Set("lang", f.Taal)
	}
	f.Post("/check/stap", v)
	if f.Status == http.StatusSeeOther {
		f.Resultaat = f.Loc
		f.Get(f.Loc)
	}
}

var stapRe = regexp.MustCompile(`id="stap-([a-z]+)"`)

// Stap is the step on screen ("" on other pages).
func (f *Check) Stap() string {
	m := stapRe.FindStringSubmatch(f.Body)
	if m == nil {
		return ""
	}
	return m[1]
}

// NaarResultaat starts a check in gemeente gm and answers every step with a single adult of 41 on
// bijstand (€ 1,300 net a month, € 200 savings, renting at € 650) until the result page.
func (f *Check) NaarResultaat(gm string) {
	f.T.Helper()
	start := url.Values{"gemeente": {gm}, "voor": {"zelf"}}
	if f.Taal != "" {
		start.Set("lang", f.Taal)
	}
	f.Post("/check/start", start)
	for i := 0; i < 10 && f.Stap() != ""; i++ {
		switch f.Stap() {
		case "huishouden":
			f.Antwoord(url.Values{"partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}})
		case "leeftijd":
			f.Antwoord(url.Values{"a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"}})
		case "inkomen":
			f.Antwoord(url.Values{"a-soort-1": {"bijstand"}, "a-bedrag-1": {"1300"}})
		case "vermogen":
			f.Antwoord(url.Values{"vermogen": {"200"}})
		case "wonen":
			f.Antwoord(url.Values{"wonen": {"huur"}, "huur": {"650"}})
		case "ontvangt":
			f.Antwoord(url.Values{"ontvangt": {"bijstand"}, "laag-jaren": {"4"}})
		case "situatie":
			f.Antwoord(url.Values{"student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
		default:
			f.T.Fatalf("unknown step %q", f.Stap())
		}
	}
	if f.Resultaat == "" {
		f.T.Fatalf("no result page (status %d, %q)", f.Status, f.H1())
	}
}
