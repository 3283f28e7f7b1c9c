package checkweb

import (
	"html"
	"net/url"
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

// TestOverdrachtVerwijsLink: the intermediary's hand-over sheet leads to the referral form of the
// netwerk part (web.VerwijzingUitCheckURL) with source "check" and the regelingen found as the
// question; no BSN or name goes in it. Without a session (this test server has no logins) it is the
// login with the form as the way back (TestOverdrachtVerwijzer shows the partner user's direct link).
// The resident's own result has no such link.
func TestOverdrachtVerwijsLink(t *testing.T) {
	s := testServer(t, testConfig{})
	f, _ := wandelingen[1].loop(t, s, "GM0175", "nl", "ander")
	link := regexp.MustCompile(`<a [^>]*id="verwijs-login" href="([^"]*)">([^<]*)</a>`).FindStringSubmatch(f.Body)
	if link == nil {
		t.Fatal("the hand-over sheet has no referral link")
	}
	if i, j := strings.Index(f.Body, `id="overdracht"`), strings.Index(f.Body, `id="verwijs-login"`); j < i {
		t.Error("the referral link is not on the hand-over sheet")
	}
	if link[2] != "Werkt u bij een partnerorganisatie? Log in om door te verwijzen." {
		t.Errorf("link text %q", link[2])
	}
	login, err := url.Parse(html.UnescapeString(link[1]))
	if err != nil || login.Path != "/login" {
		t.Fatalf("login link %q, %v", link[1], err)
	}
	u, err := url.Parse(login.Query().Get("terug"))
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != "/beheer/GM0175/verwijzingen/nieuw" || u.Query().Get("bron") != "check" {
		t.Errorf("link %q: want the referral form of GM0175 with bron=check", u)
	}
	vraag := u.Query().Get("vraag")
	if !strings.HasPrefix(vraag, "Uit de check van Zeker. Waarschijnlijk aan te vragen: ") || !strings.Contains(vraag, "Kindgebonden budget") {
		t.Errorf("question %q: want the regelingen found", vraag)
	}
	if regexp.MustCompile(`\d{8,9}`).MatchString(vraag) || len(u.Query()) != 2 {
		t.Errorf("the link carries more than source and question: %q", u.RawQuery)
	}
	f, _ = wandelingen[1].loop(t, s, "GM0175", "nl", "zelf")
	if strings.Contains(f.Body, `id="verwijs-link"`) || strings.Contains(f.Body, `id="verwijs-login"`) || strings.Contains(f.Body, "verwijzingen%2Fnieuw") || strings.Contains(f.Body, "/verwijzingen/nieuw") {
		t.Error("the resident's result links the referral form")
	}
}

func TestOverdrachtVraag(t *testing.T) {
	for _, c := range []struct {
		recht, misschien []string
		want             string
	}{
		{nil, nil, "Uit de check van Zeker. Er is nu niets om aan te vragen."},
		{[]string{"A", "B"}, []string{"C"}, "Uit de check van Zeker. Waarschijnlijk aan te vragen: A, B. Misschien, nog na te gaan: C."},
		{nil, []string{"C"}, "Uit de check van Zeker. Misschien, nog na te gaan: C."},
	} {
		if got := overdrachtVraag(c.recht, c.misschien); got != c.want {
			t.Errorf("overdrachtVraag(%v, %v) = %q, want %q", c.recht, c.misschien, got, c.want)
		}
	}
}
