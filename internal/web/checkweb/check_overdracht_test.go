package checkweb

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// TestOverdracht: the intermediary's result ends with the hand-over sheet (per ✔ and ? regeling what,
// which papers, where), has a field for the client's first name that is in no form and has no name (so
// it is never sent), and speaks of "uw cliënt" in the page's and the engine's texts.
func TestOverdracht(t *testing.T) {
	s := testServer(t, testConfig{})
	f, _ := wandelingen[1].loop(t, s, "GM0175", "nl", "ander")
	body := f.Body
	i := strings.Index(body, `id="overdracht"`)
	if i < 0 {
		t.Fatal("no hand-over sheet")
	}
	if j := strings.Index(body, `id="antwoorden-kop"`); j > i {
		t.Error("the hand-over sheet stands before the answers; it ends the summary")
	}
	blad := html.UnescapeString(body[i:])
	for _, want := range []string{"Overdracht: wat aanvragen, met welke papieren, waar", "Voornaam van uw cliënt (alleen op papier)",
		"✔ Kindgebonden budget", "Dienst Toeslagen", "Bewijs van de kosten", "Niet gepubliceerd: vraag het bij de aanvraag"} {
		if !strings.Contains(blad, want) {
			t.Errorf("hand-over sheet misses %q", want)
		}
	}
	veld := regexp.MustCompile(`<input[^>]*id="clientnaam"[^>]*>`).FindString(body)
	if veld == "" || strings.Contains(veld, "name=") {
		t.Errorf("client name field %q: want an input without a name", veld)
	}
	if strings.Count(body[:i], "<form") != strings.Count(body[:i], "</form>") {
		t.Error("the client name field is inside a form")
	}
	tekst := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(body, " "))
	for _, niet := range []string{"U hoeft geen papieren", "Wij weten niet of u ", "van uw zorgverzekering", "U krijgt waarschijnlijk"} {
		if strings.Contains(tekst, niet) {
			t.Errorf("intermediary page speaks to the resident: %q", niet)
		}
	}
	if !strings.Contains(tekst, "Uw cliënt krijgt waarschijnlijk") {
		t.Error("the total does not speak of uw cliënt")
	}
	// The resident's page has no hand-over sheet and no name field.
	f, _ = wandelingen[1].loop(t, s, "GM0175", "nl", "zelf")
	if strings.Contains(f.Body, `id="overdracht"`) || strings.Contains(f.Body, `id="clientnaam"`) {
		t.Error("the resident's result has the hand-over sheet")
	}
}
