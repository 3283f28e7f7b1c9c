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

// TestTekstBufferGroeit: a text that outgrows its array mid-way is whole and right, the texts
// returned before keep their bytes, and a number appended where it did not fit is copied in.
func TestTekstBufferGroeit(t *testing.T) {
	var b tekstBuffer
	b.nieuw(8)
	start := b.n
	b.schrijf("abc")
	eerste := b.tekst(start)
	start = b.n
	b.schrijf("defgh")
	b.schrijfByte('!') // the array is full: a new one starts with what was written
	b.schrijf(strings.Repeat("x", 100))
	tweede := b.tekst(start)
	if eerste != "abc" || tweede != "defgh!"+strings.Repeat("x", 100) {
		t.Fatalf("eerste %q, tweede %q", eerste, tweede)
	}
	start = b.n
	vol := b.b[b.n:b.n:b.n] // no room: the append goes elsewhere
	b.gebruikt(append(vol, "12345"...))
	b.gebruikt(append(b.staart(3), "678"...))
	if got := b.tekst(start); got != "12345678" {
		t.Errorf("numbers: %q", got)
	}
	if eerste != "abc" || b.tekst(b.n) != "" {
		t.Errorf("eerste %q after growing", eerste)
	}
}
