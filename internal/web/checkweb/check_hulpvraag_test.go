package checkweb

import (
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestResultaatLinktHulpvraag: the result page links the gemeente's form for a resident's own request
// for debt help (served by the zaken part), once, in the page's language.
func TestResultaatLinktHulpvraag(t *testing.T) {
	s := testServer(t, testConfig{})
	for _, lang := range []string{"nl", "en"} {
		f := &webtest.Check{T: t, H: s.Handler(), Taal: lang}
		f.NaarResultaat("GM0147")
		want := map[string]string{"nl": `href="/hulpvraag/GM0147">Hulp bij schulden aanvragen<`, "en": `href="/hulpvraag/GM0147?lang=en">Ask for help with debts<`}[lang]
		if strings.Count(f.Body, want) != 1 {
			t.Errorf("%s: the result page does not link the request for debt help (%s)", lang, want)
		}
	}
}
