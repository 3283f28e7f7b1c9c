package regels

import (
	"strings"
	"testing"
)

// TestWoorderDeeltBuffer: the texts of one trace share buffers (teksten_woorder.go); a text made
// earlier never changes when later texts are written, also after a new buffer starts.
func TestWoorderDeeltBuffer(t *testing.T) {
	wd := Weergave{Taal: "nl"}.woorder()
	eerste := wd.zinnen([]Zin{maakZin(sKGBALO)})
	kopie := strings.Clone(eerste)
	if eerste == "" {
		t.Fatal("empty sentence")
	}
	var alle []string
	for range 500 { // far more than one buffer
		alle = append(alle, wd.zinnen([]Zin{maakZin(sKGBALO), maakZin(sLandelijkJaarOnbekend)}))
	}
	if eerste != kopie {
		t.Errorf("the first text changed: %q, was %q", eerste, kopie)
	}
	for i, s := range alle {
		if s != alle[0] || !strings.HasPrefix(s, kopie) {
			t.Fatalf("text %d: %q", i, s)
		}
	}
}
