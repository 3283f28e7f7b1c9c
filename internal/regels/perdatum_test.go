package regels

import (
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// An amount that changes on a date inside one pack: the check's reference date picks it, with its own
// source, and the explanation says from when it applies.
func TestBedragPerDatum(t *testing.T) {
	src := strings.Replace(testPakket, `    bedrag: {soort: vast, bedrag: 350, bron: {ref: plan, sectie: "4"}}`, `    bedrag:
      soort: vast
      per_datum:
        - {vanaf: 2025-01-01, bedrag: 1000, bron: {ref: plan, sectie: "2025"}}
        - {vanaf: 2026-01-01, bedrag: 1100, bron: {ref: plan, sectie: "2026"}}`, 1)
	p, err := Compileer("GM9999/2025-01-01.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		datum  string
		bedrag geld.Bedrag
		sectie string
		zin    string
	}{
		{"2025-12-31", 100000, "2025", "vanaf 1-1-2025"},
		{"2026-01-01", 110000, "2026", "vanaf 1-1-2026"},
	} {
		h := alleenstaande("1986-05-05", "900")
		f, err := Afleiden(h, opDatum(tc.datum), nl.MustLoad())
		if err != nil {
			t.Fatal(err)
		}
		u := p.Verklaar(&f, Weergave{Taal: "nl"})[0]
		if u.ID != "meedoen" || u.Bedrag == nil || *u.Bedrag != tc.bedrag || u.BedragBron.Sectie != tc.sectie || !strings.Contains(u.BedragUitleg, tc.zin) {
			t.Errorf("%s: bedrag %v, bron %q, uitleg %q; want %v, %q, %q", tc.datum, u.Bedrag, u.BedragBron.Sectie, u.BedragUitleg, tc.bedrag, tc.sectie, tc.zin)
		}
	}
	for _, tc := range []struct{ in, fout string }{
		{"        - {vanaf: 2026-01-01, bedrag: 1000, bron: {ref: plan}}\n        - {vanaf: 2025-01-01, bedrag: 1100, bron: {ref: plan}}", "oplopen"},
		{"        - {vanaf: 2026-13-01, bedrag: 1000, bron: {ref: plan}}", "geen datum"},
		{"        - {vanaf: 2026-01-01, bedrag: 1000}", "zonder bron"},
	} {
		bad := strings.Replace(testPakket, `    bedrag: {soort: vast, bedrag: 350, bron: {ref: plan, sectie: "4"}}`, "    bedrag:\n      soort: vast\n      per_datum:\n"+tc.in, 1)
		if _, err := Compileer("t.yaml", []byte(bad)); err == nil || !strings.Contains(err.Error(), tc.fout) {
			t.Errorf("%q: fout %v, want %q", tc.in, err, tc.fout)
		}
	}
}
