package main

import (
	"slices"
	"testing"

	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/regelpakketten"
)

// Every partner a shipped rule pack refers to is a known partner (internal/partner) of that gemeente,
// with a published contact that the partner entity accepts, and the demo seeds it under the same id and
// name, so the check can show its contact.
func TestPakketPartnersGezaaid(t *testing.T) {
	cat, err := laadCatalogus(regelpakketten.FS)
	if err != nil {
		t.Fatal(err)
	}
	vs := cat.PartnerVerwijzingen()
	if len(vs) < 4 {
		t.Fatalf("%d partnerverwijzingen in de pakketten, want at least 4 (Jeugdfonds, Menzis, Sam&, Leergeld)", len(vs))
	}
	for _, v := range vs {
		b, ok := partner.BekendeSleutel(v.Partner)
		if !ok {
			t.Errorf("%s:%d: partner %q is not a known partner", v.Bestand, v.Regel, v.Partner)
			continue
		}
		if !slices.Contains(b.Gemeenten, v.Gemeente) {
			t.Errorf("%s:%d: partner %q does not list %s", v.Bestand, v.Regel, v.Partner, v.Gemeente)
		}
		i := slices.IndexFunc(demoNetwerk, func(o demoOrg) bool { return o.id == b.ID })
		if i < 0 || demoNetwerk[i].naam != b.Naam || !slices.Contains(demoNetwerk[i].gemeenten, v.Gemeente) {
			t.Errorf("partner %q (%s) is not seeded by the demo in %s with its name", v.Partner, b.ID, v.Gemeente)
		}
	}
	for _, b := range partner.BekendePartners() {
		if f := b.Contact.Valideer(); len(f) > 0 {
			t.Errorf("partner %s: contact: %v", b.Sleutel, f)
		}
		if !slices.ContainsFunc(vs, func(v regels.PartnerVerwijzing) bool { return v.Partner == b.Sleutel }) {
			t.Errorf("partner %s is known but no pack refers to it", b.Sleutel)
		}
	}
}
