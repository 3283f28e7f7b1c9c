package web

import (
	"net/url"
	"strconv"
	"testing"
)

func TestPaging(t *testing.T) {
	link := func(v int) string { return "?vanaf=" + strconv.Itoa(v) }
	for _, tc := range []struct {
		naam                              string
		vanaf, per, totaal, getoond       int
		meer                              bool
		van, tot, pagina, paginas         int
		eerste, vorige, volgende, laatste string
	}{
		{"eerste", 0, 50, 120, 50, false, 1, 50, 1, 3, "", "", "?vanaf=50", "?vanaf=100"},
		{"midden", 50, 50, 120, 50, false, 51, 100, 2, 3, "?vanaf=0", "?vanaf=0", "?vanaf=100", "?vanaf=100"},
		{"laatste", 100, 50, 120, 20, false, 101, 120, 3, 3, "?vanaf=0", "?vanaf=50", "", ""},
		{"voorbij het eind", 500, 50, 120, 0, false, 0, 0, 11, 3, "?vanaf=0", "?vanaf=100", "", ""},
		{"leeg", 0, 50, 0, 0, false, 0, 0, 1, 1, "", "", "", ""},
		{"meer dan geteld", 0, 25, 1000, 25, true, 1, 25, 1, 40, "", "", "?vanaf=25", ""},
	} {
		p := NieuwePaging(tc.vanaf, tc.per, tc.totaal, tc.getoond, tc.meer, link)
		got := []any{p.Van, p.Tot, p.Pagina, p.Paginas, p.Eerste, p.Vorige, p.Volgende, p.Laatste}
		want := []any{tc.van, tc.tot, tc.pagina, tc.paginas, tc.eerste, tc.vorige, tc.volgende, tc.laatste}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: got %v, want %v", tc.naam, got, want)
				break
			}
		}
	}
}

func TestLeesVanaf(t *testing.T) {
	for v, want := range map[string]int{"": 0, "0": 0, "150": 150, "-1": -1, "x": -1, "1.5": -1} {
		n, ok := LeesVanaf(url.Values{"vanaf": {v}}, "vanaf")
		if (want < 0) == ok || (ok && n != want) {
			t.Errorf("LeesVanaf(%q) = %d, %v", v, n, ok)
		}
	}
}
