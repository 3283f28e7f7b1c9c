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

// TestZaakSchuldhulpStappen: the steps of the route schuldhulp (stabilisatie, schuldregeling,
// budgetbeheer, beschermingsbewind) are offered on the zaak page and in the worklist filter; a zaak whose
// only step has no outcome gets no outcome form (it could only be refused) and does not say
// "Nog geen uitkomst." (none will come).
func TestZaakSchuldhulpStappen(t *testing.T) {
	for _, dia := range storetest.Dialects(t) {
		t.Run(dia.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, dia), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
			b := basis(gm)
			a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"09:00"}})
			if a.Status != http.StatusSeeOther {
				t.Fatalf("nieuw: %d %s", a.Status, a.Body)
			}
			shv := strings.Split(a.Loc, "?")[0]
			webtest.Bevat(t, o.get(shv, "consulent"), `value="stabilisatie"`, `value="schuldregeling"`, `value="budgetbeheer"`,
				"Verwezen naar beschermingsbewind (de kantonrechter beslist, art. 1:431 BW)")
			if a := o.post(shv+"/stap", "consulent", url.Values{"versie": {"1"}, "stap": {"budgetbeheer"}, "stap-datum": {"2026-03-09"}}); a.Status != http.StatusSeeOther {
				t.Fatalf("stap: %d %s", a.Status, a.Body)
			}
			p := o.get(shv, "consulent")
			webtest.Bevat(t, p, "Budgetbeheer gestart op ma 9 mrt 2026")
			if strings.Contains(p.Body, `id="uitkomst-stap"`) || strings.Contains(p.Body, "Nog geen uitkomst.") {
				t.Error("outcome form or \"Nog geen uitkomst.\" for a step that has no outcome")
			}
			webtest.Bevat(t, p, "Uitkomst: geen; bij deze stap hoort geen uitkomst.")
			l := o.get(b+"?routestap=budgetbeheer", "consulent")
			webtest.Bevat(t, l, `href="`+shv+`"`)
			if l := o.get(b+"?routestap=beschermingsbewind", "consulent"); strings.Contains(l.Body, `href="`+shv+`"`) {
				t.Error("filter beschermingsbewind finds the zaak with budgetbeheer")
			}
		})
	}
}
