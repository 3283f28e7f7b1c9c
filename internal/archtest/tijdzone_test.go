package archtest

import (
	"slices"
	"testing"
)

// TestTijdzoneIngebed: every deadline is counted in Europe/Amsterdam (internal/termijn), so the binary
// embeds the time zone data (issue 17: "the binary embeds the time zone data"); without it a host or
// container without zoneinfo cannot load the zone. The import of time/tzdata in the main package does
// that; this test fails when it goes.
func TestTijdzoneIngebed(t *testing.T) {
	for _, p := range goList(t) {
		if p.ImportPath == mod+"cmd/zeker" {
			if !slices.Contains(p.Imports, "time/tzdata") {
				t.Errorf("%s does not import time/tzdata: the binary would not embed Europe/Amsterdam", p.ImportPath)
			}
			return
		}
	}
	t.Fatal("cmd/zeker not found in go list")
}
