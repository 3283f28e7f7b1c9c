package zakenweb

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestZaakJongerenfonds: the Jongeren Perspectief Fonds is offered only after the gemeente switched it
// on with a source (GM1681's plan does not name it), then its steps are on the zaak page and in the
// worklist's filter, and the settings page says no age limit is set.
func TestZaakJongerenfonds(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"09:00"}})
	zaak := strings.Split(a.Loc, "?")[0]
	if p := o.get(zaak, "consulent"); strings.Contains(p.Body, "jpf-aangemeld") {
		t.Fatal("JPF aangeboden in een gemeente die het niet aanbiedt")
	}
	if p := o.get(b, "consulent"); strings.Contains(p.Body, "jpf-aangemeld") {
		t.Fatal("JPF-filter in een gemeente die het niet aanbiedt")
	}
	webtest.Bevat(t, o.post(zaak+"/stap", "consulent", url.Values{"versie": {"1"}, "stap": {"jpf-aangemeld"}, "stap-datum": {"2026-03-09"}}),
		"biedt het Jongeren Perspectief Fonds niet aan")
	webtest.Bevat(t, o.get(b+"/instellingen", "beheerder"), "Jongeren Perspectief Fonds", "Leeftijdsgrens: niet vastgelegd in het beleidsplan.")
	a = o.post(b+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "jongerenfonds": {"1"}})
	if a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, `href="#jongerenfonds-bron"`) {
		t.Fatalf("zonder bron: %d", a.Status)
	}
	if a := o.post(b+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "jongerenfonds": {"1"}, "jongerenfonds-bron": {"Beleidsplan (test)"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("aanzetten: %d %s", a.Status, a.Body)
	}
	webtest.Bevat(t, o.get(zaak, "consulent"), `value="jpf-aangemeld"`, "Aangemeld bij het Jongeren Perspectief Fonds (JPF)", `value="jpf-coaching"`)
	for i, st := range []string{"jpf-aangemeld", "jpf-coaching"} {
		if a := o.post(zaak+"/stap", "consulent", url.Values{"versie": {itoa(int64(i + 1))}, "stap": {st}, "stap-datum": {"2026-03-09"}}); a.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", st, a.Status, a.Body)
		}
	}
	webtest.Bevat(t, o.get(zaak, "consulent"), "JPF: coaching op zelfredzaamheid en toekomstperspectief gestart op ma 9 mrt 2026")
	l := o.get(b+"?routestap=jpf-aangemeld", "consulent")
	webtest.Bevat(t, l, `href="`+zaak+`"`, `<option value="jpf-aangemeld" selected>`)
}
