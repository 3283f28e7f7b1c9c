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

// TestCijfersPubliek: the public page of the Wgs figures needs no login, says "te weinig zaken" instead
// of a small number (one completed zaak: its exact 10,0 weeks and "1" never appear), names the law and
// offers the CSV, which leaves the cells empty; English via ?lang=en; the resident's request page links
// to it; an unknown gemeente is 404.
func TestCijfersPubliek(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-01-05"}, "tijd": {"09:00"}})
	zaak := strings.Split(a.Loc, "?")[0]
	for _, st := range []struct {
		pad string
		f   url.Values
	}{
		{"/eerste-gesprek", url.Values{"versie": {"1"}, "gesprek-datum": {"2026-01-20"}}},
		{"/besluit", url.Values{"versie": {"2"}, "besluit-soort": {"plan"}, "besluit-datum": {"2026-01-27"}}},
		{"/afronden", url.Values{"versie": {"3"}, "afrond-datum": {"2026-03-31"}}},
	} {
		if a := o.post(zaak+st.pad, "consulent", st.f); a.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d", st.pad, a.Status)
		}
	}
	// The staff page has the exact figure; the public page may not.
	webtest.Bevat(t, o.get(b, "teamleider"), "mediaan 10,0 weken")
	p := o.Doe(http.MethodGet, "/schuldhulp/"+gm+"/cijfers", "", nil, nil)
	if p.Status != 200 {
		t.Fatalf("pagina: %d", p.Status)
	}
	webtest.Bevat(t, p, "Hoe snel helpt de gemeente?", "Te weinig zaken om een cijfer te geven", "2026", "Alle jaren samen",
		"artikel 4", "Lid 3", "minder dan 100", "/schuldhulp/"+gm+"/cijfers.csv")
	for _, niet := range []string{"10,0", "100,0%", "ongeveer 1 ", "0 weken"} {
		if strings.Contains(p.Body, niet) {
			t.Errorf("publieke pagina toont %q", niet)
		}
	}
	if n := strings.Count(p.Body, "Te weinig zaken om een cijfer te geven"); n != 6 {
		t.Errorf("onderdrukte cijfers: %d, wil 6 (3 per jaar, 2026 en alle jaren)", n)
	}
	en := o.Doe(http.MethodGet, "/schuldhulp/"+gm+"/cijfers?lang=en", "", nil, nil)
	webtest.Bevat(t, en, "How fast does the municipality help?", "Too few cases to give a figure", "article 4")
	c := o.Doe(http.MethodGet, "/schuldhulp/"+gm+"/cijfers.csv", "", nil, nil)
	if c.Status != 200 || !strings.HasPrefix(c.Hdr.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s", c.Status, c.Hdr.Get("Content-Type"))
	}
	regels := strings.Split(strings.TrimSpace(strings.ReplaceAll(c.Body, "\r", "")), "\n")
	if len(regels) != 3 || !strings.HasPrefix(regels[0], "jaar,weken_eerste_gesprek_tot_resultaat_mediaan,") ||
		!strings.HasPrefix(regels[1], "2026,,,,,,,\"Wgs") || !strings.HasPrefix(regels[2], "alle,,,,,,,") {
		t.Errorf("csv: %q", regels)
	}
	h := o.Doe(http.MethodGet, "/hulpvraag/"+gm, "", nil, nil)
	webtest.Bevat(t, h, `href="/schuldhulp/`+gm+`/cijfers"`, "Hoe lang duurt het?")
	if h := o.Doe(http.MethodGet, "/hulpvraag/"+gm+"?lang=en", "", nil, nil); !strings.Contains(h.Body, `/schuldhulp/`+gm+`/cijfers?lang=en`) {
		t.Errorf("engelse link ontbreekt")
	}
	for _, pad := range []string{"/schuldhulp/GM9999/cijfers", "/schuldhulp/GM9999/cijfers.csv", "/schuldhulp/xx/cijfers"} {
		if a := o.Doe(http.MethodGet, pad, "", nil, nil); a.Status != 404 {
			t.Errorf("%s: %d", pad, a.Status)
		}
	}
}

// BenchmarkCijfersPubliek is one anonymous request of the public page with the figures in memory (the
// common case: they are computed at most once per gemeente per zaken.IndicatorenBewaren).
func BenchmarkCijfersPubliek(b *testing.B) {
	o := nieuweOmgeving(b, storetest.OpenTest(b), time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	pad := "/schuldhulp/" + gm + "/cijfers"
	if a := o.Doe(http.MethodGet, pad, "", nil, nil); a.Status != 200 {
		b.Fatalf("pagina: %d", a.Status)
	}
	for b.Loop() {
		if a := o.Doe(http.MethodGet, pad, "", nil, nil); a.Status != 200 {
			b.Fatalf("pagina: %d", a.Status)
		}
	}
}
