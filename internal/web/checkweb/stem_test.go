package checkweb

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

var (
	bewonerNL   = regexp.MustCompile(`(^|[^\p{L}])([Uu]|[Uu]w)([^\p{L}]|$)`)
	uwClientNL  = regexp.MustCompile(`[Uu]w cliënt`)
	bewonerEN   = regexp.MustCompile(`(^|[^\p{L}])([Yy]ou|[Yy]our|[Yy]ourself)([^\p{L}]|$)`)
	yourClentEN = regexp.MustCompile(`[Yy]our client`)
)

// residentStem returns the sentences of the page text that speak to the resident ("u", "you") rather
// than about the client.
func residentStem(body, taal string) []string {
	tekst := html.UnescapeString(tagRe.ReplaceAllString(body, " "))
	var uit []string
	for _, zin := range regexp.MustCompile(`[.?!:]\s+`).Split(tekst, -1) {
		z := strings.Join(strings.Fields(zin), " ")
		if taal == "en" {
			if bewonerEN.MatchString(yourClentEN.ReplaceAllString(z, "")) {
				uit = append(uit, z)
			}
		} else if bewonerNL.MatchString(uwClientNL.ReplaceAllString(z, "")) {
			uit = append(uit, z)
		}
	}
	return uit
}

// TestIntermediairEenStem: in intermediary mode every regeling on the result page — the pack's own
// texts (omschrijving, uitleg, toelichting, reden) and the engine's sentences — speaks about "uw
// cliënt", never to "u", in all 16 walks, in Dutch and English. The packs are voice-neutral (the
// compiler refuses "u"/"you" in a pack text, internal/regels/stem.go); this test catches a text that
// reaches the page some other way.
func TestIntermediairEenStem(t *testing.T) {
	s := testServer(t, testConfig{})
	for _, gm := range wandelingGemeenten {
		for _, w := range wandelingen {
			for _, taal := range []string{"nl", "en"} {
				f, _ := w.loop(t, s, gm, taal, "ander")
				body := f.Body
				for {
					i := strings.Index(body, "<article")
					if i < 0 {
						break
					}
					j := strings.Index(body[i:], "</article>")
					art := body[i : i+j]
					body = body[i+j:]
					if zs := residentStem(art, taal); len(zs) > 0 {
						id := art[strings.Index(art, `id="`)+4:]
						t.Errorf("%s %s %s: %s speaks to the resident: %q", gm, w.naam, taal, id[:strings.IndexByte(id, '"')], zs)
					}
				}
			}
		}
	}
	if zs := residentStem("<p>Hebt u een partner? Uw cliënt woont alleen.</p>", "nl"); len(zs) != 1 {
		t.Errorf("the test does not see the resident's voice: %q", zs)
	}
}
