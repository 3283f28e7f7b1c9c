package checkweb

import (
	"html"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestVerklaringen: the accessibility and privacy statements in both languages and voices, with what
// they promise and every gemeente's contact.
func TestVerklaringen(t *testing.T) {
	s := testServer(t, testConfig{CodeGeldig: 14 * 24 * time.Hour})
	f := &flow{T: t, H: s.Handler()}
	for _, tc := range []struct {
		pad  string
		want []string
	}{
		{"/toegankelijkheid", []string{"<h1 class=\"utrecht-heading-1\">Toegankelijkheid van deze check</h1>", "WCAG 2.1 op niveau AA", "axe-core in de browser Chromium", "alleen het toetsenbord", "JavaScript uit", "7 december 2026"}},
		{"/toegankelijkheid?lang=en", []string{"<html lang=\"en\"", "Accessibility of this check", "WCAG 2.1 at level AA", "axe-core in the Chromium browser", "keyboard only", "JavaScript turned off", "7 December 2026"}},
		{"/toegankelijkheid?voor=ander", []string{"u en uw cliënt", "voor u of uw cliënt"}},
		{"/privacy", []string{"Deze check bewaart niets over u.", "versleuteld in de pagina zelf", "De link werkt 14 dagen", "geen cookies", "Niet uw naam, niet uw IP-adres en niet uw antwoorden", "Neem contact op met uw gemeente"}},
		{"/privacy?lang=en", []string{"This check keeps nothing about you.", "The link works for 14 days", "no cookies", "not your IP address"}},
		{"/privacy?voor=ander&lang=nl", []string{"Deze check bewaart niets over uw cliënt.", "Geef hem alleen aan uw cliënt."}},
	} {
		f.Get(tc.pad)
		if f.Status != 200 {
			t.Errorf("%s: status %d", tc.pad, f.Status)
			continue
		}
		body := html.UnescapeString(f.Body)
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s misses %q", tc.pad, w)
			}
		}
		// Every gemeente's contact, as the result page shows it.
		gs, err := s.aangeboden(t.Context())
		if err != nil || len(gs) != 4 {
			t.Fatalf("gemeenten: %d, %v", len(gs), err)
		}
		for _, g := range gs {
			if !strings.Contains(f.Body, `id="contact-`+g.Code+`"`) || !strings.Contains(body, g.Naam) {
				t.Errorf("%s misses the contact of %s", tc.pad, g.Naam)
			}
			if g.Contact.Website != "" && !strings.Contains(f.Body, `href="`+g.Contact.Website+`"`) {
				t.Errorf("%s misses the website of %s", tc.pad, g.Naam)
			}
		}
		// The language switch keeps the voice.
		if strings.Contains(tc.pad, "voor=ander") && !strings.Contains(f.Body, "voor=ander") {
			t.Errorf("%s: the language switch loses the intermediary voice", tc.pad)
		}
	}
	// The resident voice does not speak of a client.
	f.Get("/privacy")
	if strings.Contains(html.UnescapeString(f.Body), "cliënt") {
		t.Error("resident privacy statement speaks of a client")
	}
}

// TestVoet: the footer of every resident page links both statements in the page's language and
// voice; a gemeente's pages (the steps, the resume page, the result) also give its contact.
func TestVoet(t *testing.T) {
	s := testServer(t, testConfig{})
	f := &flow{T: t, H: s.Handler()}
	voet := func(naam string) string {
		t.Helper()
		i := strings.Index(f.Body, "<footer")
		if i < 0 {
			t.Fatalf("%s: no footer", naam)
		}
		return f.Body[i:]
	}
	links := func(naam, v, query string) {
		t.Helper()
		for _, p := range []string{"/toegankelijkheid", "/privacy"} {
			if !strings.Contains(v, `href="`+p+query+`"`) {
				t.Errorf("%s: footer lacks a link to %s%s", naam, p, query)
			}
		}
	}
	f.Get("/")
	v := voet("start")
	links("start", v, "?lang=nl")
	if strings.Contains(v, "zeker-voet__contact") {
		t.Error("start page (no gemeente yet) shows a gemeente's contact")
	}
	f.Get("/?lang=en")
	links("start en", voet("start en"), "?lang=en")

	for _, tc := range []struct {
		gm, voor, lang, query string
		want                  []string
	}{
		{"GM0147", "zelf", "nl", "?lang=nl", []string{"Contact met de gemeente Borne:", `href="https://www.borne.nl"`}},
		{"GM1969", "ander", "en", "?lang=en&amp;voor=ander", []string{"Contact the municipality of Westerkwartier:", `href="https://www.westerkwartier.nl"`}},
	} {
		f.Post("/check/start", url.Values{"gemeente": {tc.gm}, "voor": {tc.voor}, "lang": {tc.lang}})
		pagina := func(naam string) {
			t.Helper()
			if f.Status != 200 {
				t.Fatalf("%s %s: status %d", tc.gm, naam, f.Status)
			}
			v := voet(naam)
			links(tc.gm+" "+naam, v, tc.query)
			for _, w := range tc.want {
				if !strings.Contains(v, w) {
					t.Errorf("%s %s: footer lacks %q:\n%s", tc.gm, naam, w, v)
				}
			}
		}
		pagina("stap")
		tok := f.Token()
		f.Get("/check/bewaar?" + url.Values{"t": {tok}, "lang": {tc.lang}}.Encode())
		pagina("bewaar")
		f.Get("/check/stap?" + url.Values{"t": {tok}, "lang": {tc.lang}}.Encode())
		met := func(v url.Values) url.Values { v.Set("lang", tc.lang); return v }
		f.Antwoord(met(url.Values{"partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}}))
		f.Antwoord(met(url.Values{"a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"}}))
		f.Antwoord(met(url.Values{"a-soort-1": {"geen"}}))
		for n := 0; f.Stap() != ""; n++ {
			if n > 10 {
				t.Fatalf("%s: the check does not end (step %s)", tc.gm, f.Stap())
			}
			f.Antwoord(met(url.Values{"vermogen": {"200"}, "laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}, "wonen": {"huur"}, "huur": {"650"}}))
		}
		f.Get(f.Resultaat)
		pagina("resultaat")
	}
}
