package checkweb

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestHervatten: the resume field opens the check from the whole saved link, the bare code, the
// grouped code in any case and with spaces or line breaks; an expired code and a damaged one each say
// so, at the field.
func TestHervatten(t *testing.T) {
	s := testServer(t, testConfig{})
	f := naarStap(t, s, "inkomen")
	tok := f.Token()
	f.Get("/check/bewaar?" + url.Values{"t": {tok}, "lang": {"nl"}}.Encode())
	link := html.UnescapeString(regexp.MustCompile(`href="([^"]+)"[^>]*id="bewaar-link"`).FindStringSubmatch(f.Body)[1])
	code := html.UnescapeString(regexp.MustCompile(`(?s)id="korte-code"[^>]*>([^<]+)</textarea>`).FindStringSubmatch(f.Body)[1])
	if !strings.Contains(link, "/check/verder?") || len(code) < 20 || strings.ContainsAny(code, "ilou") {
		t.Fatalf("bewaar page: link %q, code %q", link, code)
	}
	gebroken := link[:len(link)/2] + "\n  " + link[len(link)/2:]
	for naam, invoer := range map[string]string{
		"hele link":                 link,
		"link met regelbreuk":       gebroken,
		"link zonder https":         strings.TrimPrefix(strings.TrimPrefix(link, "http://"), "https://"),
		"kale code":                 "  " + tok + "\n",
		"korte code":                code,
		"korte code klein, spaties": strings.ToLower(strings.ReplaceAll(code, "-", " ")),
		"korte code met O en I":     strings.NewReplacer("0", "O", "1", "I").Replace(code),
	} {
		f.Get("/check/verder?" + url.Values{"code": {invoer}, "lang": {"nl"}}.Encode())
		if f.Status != 303 || !strings.HasPrefix(f.Loc, "/check/stap?") {
			t.Errorf("%s: status %d, location %q; want the step", naam, f.Status, f.Loc)
		}
	}
	for naam, c := range map[string]struct{ invoer, want string }{
		"beschadigd": {tok[:len(tok)-3], "beschadigd of niet compleet"},
		"onzin":      {"https://example.org/check/verder?code=kapot", "beschadigd of niet compleet"},
		"leeg":       {"   ", "Plak de link of de code"},
	} {
		f.Get("/check/verder?" + url.Values{"code": {c.invoer}, "lang": {"nl"}}.Encode())
		if f.Status != 422 || !strings.Contains(html.UnescapeString(f.Body), c.want) {
			t.Errorf("%s: status %d, want 422 with %q", naam, f.Status, c.want)
		}
	}
	*s.klok = s.klok.Add(31 * 24 * time.Hour)
	f.Get("/check/verder?" + url.Values{"code": {link}, "lang": {"nl"}}.Encode())
	if f.Status != 422 || !strings.Contains(html.UnescapeString(f.Body), "te oud") {
		t.Errorf("expired link: status %d, want 422 saying it is too old", f.Status)
	}
}

// FuzzTokensUit: whatever is pasted, reading it does not panic, and a link around a code gives the
// same candidates as the code itself.
func FuzzTokensUit(f *testing.F) {
	for _, s := range []string{"", "abc", "https://x/check/verder?code=AbC-_09&lang=nl", "ABCDE-FGHJK", "?t=%zz", "0OIL-u"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = tokensUit(s)
		// The property holds for what can be a code: at most maxTokenLen bytes. A longer paste is refused
		// either way, and its link form (each byte escaped to three) may pass the input limit sooner.
		if code := zonderWit(s); code != "" && len(code) <= maxTokenLen && !strings.ContainsAny(code, "?&=%#+") {
			kaal := tokensUit(code)
			link := tokensUit("https://zeker.example/check/verder?lang=nl&code=" + url.QueryEscape(code))
			if len(kaal) == 0 || len(link) == 0 || kaal[0] != link[0] {
				t.Errorf("code %q: bare %q, in a link %q", code, kaal, link)
			}
		}
	})
}
