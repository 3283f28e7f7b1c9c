package monitorweb

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// FuzzLeesInvoer feeds the form reader any query: it never panics, every problem names a field of
// the form, and what it accepts stays within the bounds the page promises.
func FuzzLeesInvoer(f *testing.F) {
	for _, s := range []string{
		"", "type=alleenstaande&huur=650&datum=2026-01-15",
		"type=paar_2&uurloon=14,71&glijdend_regeling=participatie_volwassenen&glijdend_band=20%25",
		"premie_bedrag=50&premie_tot=130%25&landing_regeling=kwijtschelding&landing_maanden=6",
		"huishoudens=1200&aandeel=5%25&aandeel_bron=telling", "huur=-1&uurloon=1.500&datum=9999-99-99",
		"glijdend_band=0&landing_maanden=0x10&aandeel=101", "type=%00&huur=%E2%82%AC+650,00",
	} {
		f.Add(s)
	}
	cat := webtest.Catalogus(f)
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		var fe web.FieldErrors
		in := leesInvoer(q, webtest.Nu, ommen, cat, &fe)
		for _, e := range fe.Fouten {
			if !slices.Contains(veldNamen, e.ID) || !strings.Contains(e.Bericht, ":") {
				t.Fatalf("error %+v does not name a field of the form", e)
			}
		}
		if len(fe.Fouten) > 0 {
			return
		}
		if in.Pakket == nil || in.Type.ID == "" {
			t.Fatalf("no errors but no pack or type: %+v", in)
		}
		if in.Type.Huur != nil && (*in.Type.Huur <= 0) || in.Uurloon < 0 {
			t.Fatalf("accepted a rent or wage out of bounds: %+v", in)
		}
		if in.Kosten.Aandeel != 0 && strings.TrimSpace(in.Kosten.Bron) == "" {
			t.Fatal("a share without its source was accepted")
		}
	})
}
