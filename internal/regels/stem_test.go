package regels

import (
	"errors"
	"strings"
	"testing"
)

// A pack text in the resident's voice ("u", "uw", "you", "your") is refused with its line: the same
// text is read by intermediaries about their client.
func TestStemVanPakketteksten(t *testing.T) {
	for _, tc := range []struct{ veld, tekst, woord string }{
		{"uitleg", "Hebt u een partner?", "u"},
		{"uitleg", "Het hangt af van uw huur.", "uw"},
		{"uitleg_en", "Do you have a partner?", "you"},
		{"uitleg_en", "It depends on your rent.", "your"},
	} {
		src := strings.Replace(testPakket, "    omschrijving: Geld om mee te doen.", "    omschrijving: Geld om mee te doen.\n    "+tc.veld+": \""+tc.tekst+"\"", 1)
		_, err := Compileer("t.yaml", []byte(src))
		var pf *PakketFout
		regel := 1 + strings.Count(src[:strings.Index(src, tc.tekst)], "\n")
		if !errors.As(err, &pf) || pf.Regel != regel || !strings.Contains(pf.Reden, `"`+tc.woord+`"`) {
			t.Errorf("%q: fout %v, want line %d naming %q", tc.tekst, err, regel, tc.woord)
		}
	}
	for _, s := range []string{"Vraag de gemeente.", "Uw cliënt", "Sam& voor alle kinderen", "Ask the municipality.", "U-bocht"} {
		if w := AanspreekVorm(s, false) + AanspreekVorm(s, true); w != "" && s != "Uw cliënt" {
			t.Errorf("%q: %q is not the resident's voice", s, w)
		}
	}
}
