package checkweb

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// naarZorgpremie walks a single adult on bijstand with the given savings in Ommen, renting at € 650, up
// to the zorgpremie step or the result; it returns the steps asked after the fixed ones.
func naarZorgpremie(t *testing.T, s *testSrv, vermogen, taal string) (*flow, []string) {
	t.Helper()
	f := naarWonen(t, s, "zelf", vermogen)
	f.Taal = taal
	var gevraagd []string
	for i := 0; i < 6 && f.Stap() != "" && f.Stap() != stapZorgpremie; i++ {
		gevraagd = append(gevraagd, f.Stap())
		f.Antwoord(url.Values{"wonen": {"huur"}, "huur": {"650"}, "laag-jaren": {"4"}, "student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
	}
	return f, gevraagd
}

var kwijtOordeelRe = regexp.MustCompile(`id="regeling-kwijtschelding" data-oordeel="([a-z ]+)"`)

// TestZorgpremieStap: with savings above one month's costs of living, rent and extra balance, the
// check asks the health premium (after the rent), with a hint where to find it; a low premium settles
// kwijtschelding as "geen recht", "Ik weet het niet" leaves it open with a link back to the question,
// and the answer is in the answers overview and on the step when going back.
func TestZorgpremieStap(t *testing.T) {
	s := testServer(t, testConfig{})
	f, gevraagd := naarZorgpremie(t, s, "50000", "")
	if f.Stap() != stapZorgpremie || !strings.Contains(strings.Join(gevraagd, ","), "wonen") {
		t.Fatalf("step %q after %v, want zorgpremie after wonen", f.Stap(), gevraagd)
	}
	body := html.UnescapeString(f.Body)
	for _, want := range []string{"Hoeveel zorgpremie betaalt u?", "Hoeveel zorgpremie betaalt u samen per maand?", "op uw polis", "de brief die uw zorgverzekeraar elk jaar stuurt", `name="zorgpremie-weet-niet"`, "Ik weet het niet"} {
		if !strings.Contains(body, want) {
			t.Errorf("zorgpremie step misses %q", want)
		}
	}
	stap := f.Token()
	for _, c := range []struct{ invoer, want string }{
		{"", "Vul de zorgpremie per maand in"},
		{"honderd", "Vul een bedrag in met alleen cijfers"},
		{"-150", "zonder min-teken"},
		{"2000,01", "Vul een bedrag in tot € 2.000"},
	} {
		f.Antwoord(url.Values{"zorgpremie": {c.invoer}})
		if f.Status != 422 || !strings.Contains(html.UnescapeString(f.Body), c.want) {
			t.Errorf("premium %q: status %d, want 422 with %q", c.invoer, f.Status, c.want)
		}
	}
	f.Antwoord(url.Values{"zorgpremie": {"150"}})
	if f.Resultaat == "" {
		t.Fatalf("no result after the premium (step %q)", f.Stap())
	}
	body = html.UnescapeString(f.Body)
	if m := kwijtOordeelRe.FindStringSubmatch(f.Body); m == nil || m[1] != "geen recht" {
		t.Errorf("kwijtschelding with € 50.000 and a premium of € 150: %v, want geen recht", m)
	}
	if !strings.Contains(body, "Zorgpremie per maand") || !strings.Contains(body, "€ 150") {
		t.Error("the answers overview does not show the premium")
	}
	// An earlier answer fills the field when going back.
	w := map[string]string{}
	premie := int64(150_50)
	zorgpremieWaarden(&Antwoorden{Zorgpremie: &premie}, w)
	if w["zorgpremie"] != "150,50" || w["zorgpremie-weet-niet"] != "" {
		t.Errorf("zorgpremieWaarden: %v", w)
	}

	// "Ik weet het niet": still open, the sentence says the premium is unknown and links to the step.
	f = &flow{T: t, H: s.Handler()}
	f.Get("/check/stap?" + url.Values{"t": {stap}}.Encode())
	f.Antwoord(url.Values{"zorgpremie-weet-niet": {"ja"}})
	if m := kwijtOordeelRe.FindStringSubmatch(f.Body); m == nil || m[1] != "onzeker" {
		t.Errorf("kwijtschelding without the premium: %v, want onzeker", m)
	}
	z := regexp.MustCompile(`(?s)<span class="zeker-onbekend" data-stap="zorgpremie">(.*?)</span>`).FindStringSubmatch(f.Body)
	if z == nil {
		t.Fatal("no sentence about the unknown premium")
	}
	if !strings.Contains(html.UnescapeString(z[1]), "Die weten we niet") || !strings.Contains(z[1], `href="/check/stap?`) {
		t.Errorf("no sentence about the unknown premium with a link to its step: %v", z)
	}
	// The link opens the step with "Ik weet het niet" ticked.
	if l := regexp.MustCompile(`href="([^"]+)"`).FindStringSubmatch(z[1]); l != nil {
		f.Resultaat = ""
		f.Get(html.UnescapeString(l[1]))
		if f.Stap() != stapZorgpremie || !strings.Contains(f.Body, `name="zorgpremie-weet-niet" value="ja" checked`) {
			t.Errorf("the link opens step %q, want zorgpremie with the earlier answer", f.Stap())
		}
	}

	// In English.
	f, _ = naarZorgpremie(t, s, "50000", "en")
	f.Get("/check/stap?" + url.Values{"t": {f.Token()}, "lang": {"en"}}.Encode())
	if body := html.UnescapeString(f.Body); !strings.Contains(body, "How much do you pay for health insurance?") || !strings.Contains(body, "on your policy") {
		t.Errorf("English zorgpremie step: %q", f.H1())
	}

	// Few savings: kwijtschelding's asset test is met, the premium cannot matter and is not asked.
	f, gevraagd = naarZorgpremie(t, s, "200", "")
	if f.Stap() == stapZorgpremie || f.Resultaat == "" {
		t.Errorf("premium asked with € 200 savings (steps %v)", gevraagd)
	}
}
