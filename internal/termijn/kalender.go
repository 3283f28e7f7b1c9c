package termijn

import (
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
)

// Pasen returns Easter Sunday of year y (Gregorian computus, Meeus/Jones/Butcher).
func Pasen(y int) datum.Datum {
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
	return datum.Nieuw(y, time.Month(maand), dag)
}

// Koningsdag returns the day the King's birthday is celebrated in year y: 27 April, or Saturday 26
// April when the 27th is a Sunday, as it is celebrated. Atw art. 3 lid 1 names "de dag waarop de
// verjaardag van de Koning wordt gevierd", so the holiday is the day of the celebration.
func Koningsdag(y int) datum.Datum {
	kd := datum.Nieuw(y, time.April, 27)
	if kd.Weekdag() == time.Sunday {
		kd = datum.Nieuw(y, time.April, 26)
	}
	return kd
}

// Feestdag reports whether d is an algemeen erkende feestdag in the sense of the Atw, and its name:
// the days of art. 3 lid 1, Goede Vrijdag (lid 2) and the days equated by decree (lid 3, Gelijkgesteld).
// Eerste Paas- and Pinksterdag are Sundays, and named as such.
func Feestdag(d datum.Datum) (string, bool) {
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
	case d == Koningsdag(y):
		return "Koningsdag", true
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
	if g, ok := Gelijkgesteld(d); ok {
		return "met een feestdag gelijkgestelde dag (" + g.Bron + ")", true
	}
	return "", false
}

// IsWerkdag reports whether d is a working day: not a Saturday, Sunday or Atw holiday (equated days
// included).
func IsWerkdag(d datum.Datum) bool {
	if w := d.Weekdag(); w == time.Saturday || w == time.Sunday {
		return false
	}
	_, f := Feestdag(d)
	return !f
}

// WaaromGeenWerkdag names why d is not a working day ("zaterdag", "Hemelvaartsdag"…); "" for a working day.
func WaaromGeenWerkdag(d datum.Datum) string {
	switch d.Weekdag() {
	case time.Saturday:
		return "zaterdag"
	case time.Sunday:
		if n, ok := Feestdag(d); ok {
			return n + " (zondag)"
		}
		return "zondag"
	}
	n, _ := Feestdag(d)
	return n
}

// PlusWerkdagen returns the n-th working day after d (d itself does not count, as in a term that
// starts the day after receipt). n ≤ 0 returns d.
func PlusWerkdagen(d datum.Datum, n int) datum.Datum {
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
func WerkdagenTussen(van, tot datum.Datum) int {
	n := 0
	for d := van.PlusDagen(1); !d.Na(tot); d = d.PlusDagen(1) {
		if IsWerkdag(d) {
			n++
		}
	}
	return n
}

// VolgendeWerkdag returns d when it is a working day, else the first working day after it.
func VolgendeWerkdag(d datum.Datum) datum.Datum {
	for !IsWerkdag(d) {
		d = d.PlusDagen(1)
	}
	return d
}

// Zone returns the time zone of the law's days, Europe/Amsterdam. It fails only on a binary built
// without time/tzdata on a host without zoneinfo.
func Zone() (*time.Location, error) {
	z, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return nil, fmt.Errorf("termijn: tijdzone Europe/Amsterdam: %w", err)
	}
	return z, nil
}
