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

// TestZaakStappen: the route steps and the statushouder marker on the zaak page, their errors, and the
// worklist filters on both.
func TestZaakStappen(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	nieuw := func(i int, route string) string {
		a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[i])}, "kanaal": {"balie"}, "route": {route}, "datum": {"2026-03-06"}, "tijd": {"09:00"}})
		if a.Status != http.StatusSeeOther {
			t.Fatalf("nieuw: %d %s", a.Status, a.Body)
		}
		return strings.Split(a.Loc, "?")[0]
	}
	ond, shv := nieuw(0, "ondernemers"), nieuw(1, "schuldhulp")
	p := o.get(ond, "consulent")
	webtest.Bevat(t, p, "Stappen van de route", "Nog geen stappen vastgelegd.", "Verwezen naar ROZ (Regionale Organisatie Zelfstandigen)", "Bbz aangevraagd", "Moratorium aangevraagd (Wgs art. 5)", "Niet gemarkeerd")
	if q := o.get(shv, "consulent"); strings.Contains(q.Body, "Verwezen naar ROZ") || !strings.Contains(q.Body, "Moratorium aangevraagd (Wgs art. 5)") {
		t.Error("route schuldhulp: ROZ aangeboden of moratorium ontbreekt")
	}
	webtest.Bevat(t, o.post(shv+"/stap", "consulent", url.Values{"versie": {"1"}, "stap": {"roz"}, "stap-datum": {"2026-03-09"}}), "Deze stap hoort bij de route ondernemers en zzp")
	webtest.Bevat(t, o.post(ond+"/stap", "consulent", url.Values{"versie": {"1"}, "stap": {"roz"}, "stap-datum": {"morgen"}}), "JJJJ-MM-DD")
	for _, stap := range []struct {
		pad string
		f   url.Values
	}{
		{ond + "/stap", url.Values{"versie": {"1"}, "stap": {"roz"}, "stap-datum": {"2026-03-09"}, "stap-toelichting": {"Aangemeld bij ROZ."}}},
		{shv + "/stap", url.Values{"versie": {"1"}, "stap": {"moratorium"}, "stap-datum": {"2026-03-09"}}},
		{shv + "/statushouder", url.Values{"versie": {"2"}, "statushouder": {"ja"}}},
	} {
		if a := o.post(stap.pad, "consulent", stap.f); a.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", stap.pad, a.Status, a.Body)
		}
	}
	webtest.Bevat(t, o.get(ond, "consulent"), "Verwezen naar ROZ (Regionale Organisatie Zelfstandigen) op ma 9 mrt 2026", "Aangemeld bij ROZ.")
	webtest.Bevat(t, o.get(shv, "consulent"), `id="doelgroep">Statushouder of inburgeraar`, "Markering weghalen")
	if a := o.post(shv+"/stap", "regisseur", url.Values{"versie": {"3"}, "stap": {"moratorium"}, "stap-datum": {"2026-03-09"}}); a.Status != http.StatusForbidden {
		t.Errorf("regisseur legt stap vast: %d", a.Status)
	}
	zaak := func(u string) string { return `href="` + u + `"` }
	for _, tc := range []struct {
		q         string
		wel, niet string
	}{
		{"?doelgroep=statushouder", shv, ond},
		{"?routestap=roz", ond, shv},
		{"?routestap=moratorium", shv, ond},
	} {
		l := o.get(b+tc.q, "consulent")
		if !strings.Contains(l.Body, zaak(tc.wel)) || strings.Contains(l.Body, zaak(tc.niet)) {
			t.Errorf("%s: filter klopt niet", tc.q)
		}
	}
	webtest.Bevat(t, o.get(b+"?routestap=x&doelgroep=y", "consulent"), "Kies een stap uit de lijst.", "Kies een doelgroep uit de lijst.")
}
