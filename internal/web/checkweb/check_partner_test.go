package checkweb

import (
	"context"
	"html"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// vastePartners is a PartnerGids over a map; it counts the lookups.
type vastePartners struct {
	m        map[string]PartnerContact
	vragen   map[string]int
	gevraagd int
}

func (v *vastePartners) PartnerContact(_ context.Context, k string) (PartnerContact, bool) {
	v.gevraagd++
	v.vragen[k]++
	pc, ok := v.m[k]
	return pc, ok
}

// TestPartnerContactOpResultaat: a regeling a partner runs shows the partner's name and contact from
// the partner entity (through the PartnerGids, once per partner per page), and "Naar de aanvraag"
// goes to the pack's application page; the gemeente's own regelingen go to their deep link.
func TestPartnerContactOpResultaat(t *testing.T) {
	gids := &vastePartners{vragen: map[string]int{}, m: map[string]PartnerContact{
		"sam-overijssel": {Naam: "Sam& (test)", Telefoon: "0999123456", Adres: "Voorbeeldstraat 1, 9999 ZZ Demodorp", Website: "https://sam.voorbeeld.example", Open: []Tijdvak{{1, 9 * 60, 12 * 60}, {1, 13*60 + 30, 17 * 60}, {3, 9 * 60, 12 * 60}}},
	}}
	klok := wandelingDatum
	k, err := web.New(web.Config{}, web.Deps{Nu: func() time.Time { return klok }})
	if err != nil {
		t.Fatal(err)
	}
	s0, err := nieuw(k, Config{Sleutel: webtest.CheckSleutel}, Deps{Catalogus: testCatalogus(t), Gemeenten: tenant.NewVast(tenant.Standaard()), Partners: gids})
	if err != nil {
		t.Fatal(err)
	}
	s := &testSrv{server: s0, h: webtest.Handler(t, k, s0.part()), klok: &klok}
	f, _ := wandelingen[1].loop(t, s, "GM0175", "nl", "zelf") // the working family: kindregelingen ✔, collectieve zorgverzekering ✔
	body := html.UnescapeString(f.Body)
	art := func(id string) string {
		i := strings.Index(body, `id="regeling-`+id+`"`)
		if i < 0 {
			t.Fatalf("no article %s", id)
		}
		return body[i : i+strings.Index(body[i:], "</article>")]
	}
	kind := art("kindregelingen")
	for _, want := range []string{"bij Sam& (test).", `href="https://www.samenvoorallekinderen.nl"`, "Naar de aanvraag",
		`href="tel:0999123456"`, "Voorbeeldstraat 1, 9999 ZZ Demodorp", "Open: maandag 09:00 tot 12:00, 13:30 tot 17:00; woensdag 09:00 tot 12:00", `href="https://sam.voorbeeld.example"`} {
		if !strings.Contains(kind, want) {
			t.Errorf("kindregelingen misses %q:\n%s", want, kind)
		}
	}
	// In English the opening hours are worded in English, not in Dutch notation.
	en, _ := wandelingen[1].loop(t, s, "GM0175", "en", "zelf")
	if body := html.UnescapeString(en.Body); !strings.Contains(body, "Opening hours: Monday 09:00 to 12:00, 13:30 to 17:00; Wednesday 09:00 to 12:00") || strings.Contains(body, "maandag") {
		t.Errorf("English result: the partner's opening hours are not in English")
	}
	for k := range gids.vragen {
		gids.vragen[k]--
	}
	// Ommen's collectieve zorgverzekering names no partner (the insurer of 2025/2026 is not published):
	// its application page, and no partner contact.
	if zorg := art("collectieve_zorgverzekering"); !strings.Contains(zorg, `href="https://www.gezondverzekerd.nl/gemeente/ommen/passende-zorg/"`) || strings.Contains(zorg, "zeker-partner") {
		t.Errorf("collectieve_zorgverzekering: not its page, or a partner contact:\n%s", zorg)
	}
	if bb := art("bijzondere_bijstand"); !strings.Contains(bb, `href="https://www.ommen.nl/direct-regelen/zorg-inkomen-en-ondersteuning/werk-en-inkomen-o/bijzondere-bijstand-aanvragen/"`) || strings.Contains(bb, "zeker-partner") {
		t.Errorf("bijzondere bijstand: not the gemeente's deep link, or a partner contact:\n%s", bb)
	}
	for k, n := range gids.vragen {
		if n != 1 {
			t.Errorf("partner %s looked up %d times for one page, want once", k, n)
		}
	}
}
