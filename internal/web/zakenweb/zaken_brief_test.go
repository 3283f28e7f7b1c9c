package zakenweb

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

var briefRe = regexp.MustCompile(`href="(/beheer/[^"]+/brief/\d+)">([^<]+)</a>`)

// TestZaakBrieven: a beschikking and a beëindigingsbeschikking give letters linked from the zaak
// page; a letter opens print-ready with its own CSP, for every debt-help role; an unknown letter is 404.
func TestZaakBrieven(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"09:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	for _, stap := range []struct {
		pad string
		f   url.Values
	}{
		{"/eerste-gesprek", url.Values{"versie": {"1"}, "gesprek-datum": {"2026-03-09"}}},
		{"/besluit", url.Values{"versie": {"2"}, "besluit-soort": {"plan"}, "besluit-datum": {"2026-03-09"}}},
		{"/beeindigen", url.Values{"versie": {"3"}, "reden": {"Zelf opgelost"}, "einde-datum": {"2026-03-09"}, "einde-toelichting": {"De familie betaalde de huur."}}},
	} {
		if a := o.post(zaak+stap.pad, "consulent", stap.f); a.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %s", stap.pad, a.Status, a.Body)
		}
	}
	p := o.get(zaak, "consulent")
	links := briefRe.FindAllStringSubmatch(p.Body, -1)
	if len(links) != 2 || links[0][2] != "Besluit: u krijgt schuldhulp" || links[1][2] != "Besluit: de schuldhulp stopt" {
		t.Fatalf("brieven op de zaakpagina: %q", links)
	}
	// Six weeks after Monday 9 March 2026: Monday 20 April 2026 (Awb 6:7, 6:8).
	for _, rol := range []string{"consulent", "schuldhulpverlener", "regisseur", "teamleider"} {
		br := o.get(links[1][1], rol)
		if br.Status != 200 {
			t.Fatalf("%s: %d", rol, br.Status)
		}
		webtest.Bevat(t, br, "Besluit: de schuldhulp stopt", "De reden is: u heeft uw geldzaken zelf opgelost.", "De familie betaalde de huur.",
			"artikel 4a lid 6 van de Wet gemeentelijke schuldhulpverlening", "uiterlijk op 20 april 2026", "Gemeente ")
		if csp := br.Hdr.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'none'") || br.Hdr.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: headers %v", rol, br.Hdr)
		}
	}
	if a := o.get(zaak+"/brief/999", "consulent"); a.Status != http.StatusNotFound {
		t.Errorf("onbekende brief: %d", a.Status)
	}
	if a := o.get(basis(gm)+"/999/brief/1", "consulent"); a.Status != http.StatusNotFound {
		t.Errorf("brief van een andere zaak: %d", a.Status)
	}
}
