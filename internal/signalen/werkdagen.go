package signalen

import "time"

// Working days. Wgs art. 4 lid 2 gives 3 werkdagen for a first conversation in a crisis. The law does
// not define werkdag; we count as non-working the days the Algemene termijnenwet (Atw) art. 3 names:
// zaterdag, zondag, Nieuwjaarsdag, Goede Vrijdag (lid 2), tweede Paasdag, Hemelvaartsdag, tweede
// Pinksterdag, eerste en tweede Kerstdag, Koningsdag (27 april, 26 april when the 27th is a Sunday) and
// 5 mei (every year, not only in lustrum years: the Atw names "de vijfde mei" without condition).
// Eerste Paas- and Pinksterdag are Sundays anyway. Days that a royal decree equates with a holiday
// every three years (such as the Friday after Hemelvaart) are NOT computed: they are not predictable
// by rule, and leaving them out gives the earlier, stricter deadline.

// Pasen returns Easter Sunday of year y (Gregorian computus, Meeus/Jones/Butcher).
func Pasen(y int) Datum {
	a := y % 19
	b := y / 100
	c := y % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	maand := (h + l - 7*m + 114) / 31
	dag := (h+l-7*m+114)%31 + 1
	return NieuweDatum(y, time.Month(maand), dag)
}

// Feestdag reports whether d is an algemeen erkende feestdag (Atw art. 3 lid 1 and 2) and its name.
func Feestdag(d Datum) (string, bool) {
	y, m, dag := d.Jaar(), d.Maand(), d.Dag()
	switch {
	case m == time.January && dag == 1:
		return "Nieuwjaarsdag", true
	case m == time.December && dag == 25:
		return "Eerste Kerstdag", true
	case m == time.December && dag == 26:
		return "Tweede Kerstdag", true
	case m == time.May && dag == 5:
		return "Bevrijdingsdag", true
	case m == time.April && (dag == 26 || dag == 27):
		kd := NieuweDatum(y, time.April, 27)
		if kd.Weekdag() == time.Sunday {
			kd = NieuweDatum(y, time.April, 26)
		}
		if d == kd {
			return "Koningsdag", true
		}
	}
	p := Pasen(y)
	switch d {
	case p.PlusDagen(-2):
		return "Goede Vrijdag", true
	case p:
		return "Eerste Paasdag", true
	case p.PlusDagen(1):
		return "Tweede Paasdag", true
	case p.PlusDagen(39):
		return "Hemelvaartsdag", true
	case p.PlusDagen(49):
		return "Eerste Pinksterdag", true
	case p.PlusDagen(50):
		return "Tweede Pinksterdag", true
	}
	return "", false
}

// IsWerkdag reports whether d is a working day: not a Saturday, Sunday or Atw holiday.
func IsWerkdag(d Datum) bool {
	if w := d.Weekdag(); w == time.Saturday || w == time.Sunday {
		return false
	}
	_, f := Feestdag(d)
	return !f
}

// PlusWerkdagen returns the n-th working day after d (d itself does not count, as in a term that
// starts the day after receipt).
func PlusWerkdagen(d Datum, n int) Datum {
	for n > 0 {
		d = d.PlusDagen(1)
		if IsWerkdag(d) {
			n--
		}
	}
	return d
}

// WerkdagenTussen returns the number of working days after van up to and including tot (0 when tot is
// not after van).
func WerkdagenTussen(van, tot Datum) int {
	n := 0
	for d := van.PlusDagen(1); !d.Na(tot); d = d.PlusDagen(1) {
		if IsWerkdag(d) {
			n++
		}
	}
	return n
}
