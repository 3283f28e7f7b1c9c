package zaken_test

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// herleid plays the reader of the published marker counts of two years and all years: every pair of
// exact years (started, marked) that gives the same publication, by publish (the rule is public). It
// returns the possible exact counts of the first year.
func herleid(t *testing.T, jaren []zaken.Doelgroepjaar, publish func([]zaken.Doelgroepjaar) []zaken.PubliekDoelgroepjaar) map[[2]int]bool {
	t.Helper()
	uit := publish(jaren)
	kandidaten := func(p zaken.PubliekDoelgroepjaar) [][2]int {
		var k [][2]int
		for g := 0; g <= 250; g++ {
			if zaken.PubliceerTelling(g) != p.Gestart {
				continue
			}
			for s := 0; s <= g; s++ {
				a, ok := zaken.PubliceerAandeel(s, g)
				if zaken.PubliceerTelling(s) == p.Statushouder && ok == p.MetAandeel && a == p.Aandeel {
					k = append(k, [2]int{g, s})
				}
			}
		}
		return k
	}
	mogelijk := map[[2]int]bool{}
	for _, a := range kandidaten(uit[0]) {
		for _, b := range kandidaten(uit[1]) {
			probeer := []zaken.Doelgroepjaar{{Jaar: 2025, Gestart: a[0], Statushouder: a[1]}, {Jaar: 2026, Gestart: b[0], Statushouder: b[1]},
				{Gestart: a[0] + b[0], Statushouder: a[1] + b[1]}}
			if p := publish(probeer); p[0] == uit[0] && p[1] == uit[1] && p[2] == uit[2] {
				mogelijk[a] = true
			}
		}
	}
	if !mogelijk[[2]int{jaren[0].Gestart, jaren[0].Statushouder}] {
		t.Fatalf("the true counts %+v are not among the candidates %v", jaren[0], mogelijk)
	}
	return mogelijk
}

// perJaar is the publication without secondary suppression (each year and all years on their own, as
// the zaken page did before PubliekDoelgroep); zonderAandeel also drops the all-years share only.
func perJaar(zonderAandeel bool) func([]zaken.Doelgroepjaar) []zaken.PubliekDoelgroepjaar {
	return func(jaren []zaken.Doelgroepjaar) []zaken.PubliekDoelgroepjaar {
		var v []zaken.PubliekDoelgroepjaar
		for i, g := range jaren {
			p := zaken.PubliekDoelgroep([]zaken.Doelgroepjaar{g})[0]
			if zonderAandeel && i == len(jaren)-1 {
				p.Aandeel, p.MetAandeel = 0, false
			}
			v = append(v, p)
		}
		return v
	}
}

// TestPubliekDoelgroepSecundair: a year of 3 zaken (2 marked) beside a year of 100 (80 marked). Each
// year and all years rounded on their own give the small year away exactly (all years 79.6% of
// "105" can only be 82 of 103, the big year's 80.0% of "100" only 80 of 100: so 2 of 3); with
// PubliekDoelgroep all years are held back and the small year keeps its whole range. Dropping only the
// all-years share is not enough: beside a year of 101 (81 marked: 80.2% of "100" fixes it), all years
// "100" and "80" leave a year "<5" only 1 of 1. Below 100 zaken in all years, or with the suppressed years together at least 100,
// all years are shown.
func TestPubliekDoelgroepSecundair(t *testing.T) {
	reeks := func(a, b [2]int) []zaken.Doelgroepjaar {
		return []zaken.Doelgroepjaar{{Jaar: 2025, Gestart: a[0], Statushouder: a[1]}, {Jaar: 2026, Gestart: b[0], Statushouder: b[1]},
			{Gestart: a[0] + b[0], Statushouder: a[1] + b[1]}}
	}
	klein := reeks([2]int{3, 2}, [2]int{100, 80})
	if m := herleid(t, klein, perJaar(false)); len(m) != 1 {
		t.Fatalf("the attack should work on the unprotected publication, candidates %v", m)
	}
	v := zaken.PubliekDoelgroep(klein)
	if len(v) != 3 || v[0] != (zaken.PubliekDoelgroepjaar{Jaar: 2025, Getoond: true, Gestart: "<5", Statushouder: "<5"}) ||
		v[1] != (zaken.PubliekDoelgroepjaar{Jaar: 2026, Getoond: true, Gestart: "100", Statushouder: "80", Aandeel: 80, MetAandeel: true}) {
		t.Fatalf("per jaar: %+v", v)
	}
	if v[2] != (zaken.PubliekDoelgroepjaar{}) {
		t.Errorf("alle jaren naast een onderdrukt jaar van 3: %+v", v[2])
	}
	if m := herleid(t, klein, zaken.PubliekDoelgroep); len(m) < 4 {
		t.Errorf("the year of 3 can be narrowed to %v", m)
	}

	een := reeks([2]int{1, 1}, [2]int{101, 81})
	if m := herleid(t, een, perJaar(true)); len(m) != 1 {
		t.Fatalf("counts of all years beside an exact year should give the small year away, candidates %v", m)
	}
	if m := herleid(t, een, zaken.PubliekDoelgroep); len(m) < 4 {
		t.Errorf("the year of 1 can be narrowed to %v", m)
	}

	// Below 100 in all years: no share anywhere, all years' rounded counts shown.
	if a := zaken.PubliekDoelgroep(reeks([2]int{3, 2}, [2]int{50, 10}))[2]; !a.Getoond || a.Gestart != "55" || a.Statushouder != "10" || a.MetAandeel {
		t.Errorf("alle jaren onder 100: %+v", a)
	}
	if m := herleid(t, reeks([2]int{3, 2}, [2]int{50, 10}), zaken.PubliekDoelgroep); len(m) < 4 {
		t.Errorf("below 100 the year of 3 can be narrowed to %v", m)
	}
	// Suppressed years of 60 and 50 (together 110) beside 100: all years shown.
	drie := []zaken.Doelgroepjaar{{2024, 60, 6}, {2025, 50, 5}, {2026, 100, 10}, {0, 210, 21}}
	if a := zaken.PubliekDoelgroep(drie)[3]; !a.Getoond || a.Gestart != "210" || !a.MetAandeel || a.Aandeel != 10 {
		t.Errorf("onderdrukte jaren samen 110: %+v", a)
	}
	// One year only: all years are that year and shown as it.
	if a := zaken.PubliekDoelgroep([]zaken.Doelgroepjaar{{2026, 6, 2}, {0, 6, 2}})[1]; !a.Getoond || a.Gestart != "5" || a.Statushouder != "<5" {
		t.Errorf("één jaar: %+v", a)
	}
}
