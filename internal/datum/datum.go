// Package datum holds Zeker's one calendar date: a day without time of day or zone, as the law, the
// household model, the DDAS vocabulary and the zaak deadlines use it, with one parser (YYYY-MM-DD).
// It is a platform package: huishouden, regels, termijn, signalen and zaken import it, it imports
// nothing of ours. The calendar of legal terms (working days, holidays) is internal/termijn's.
package datum

import (
	"fmt"
	"strings"
	"time"
)

// Datum is a calendar date. The zero Datum means "unknown"; == compares dates.
type Datum struct{ t time.Time } // always UTC midnight

// Nieuw returns the date y-m-d (normalised the way time.Date normalises).
func Nieuw(y int, m time.Month, d int) Datum {
	return Datum{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// Van returns the calendar date of t in loc (the municipality's zone, Europe/Amsterdam); a nil loc
// takes t's own zone.
func Van(t time.Time, loc *time.Location) Datum {
	if loc != nil {
		t = t.In(loc)
	}
	return Nieuw(t.Year(), t.Month(), t.Day())
}

// Parse reads YYYY-MM-DD (spaces around it are ignored). The error names the value. 0001-01-01 is
// refused: it is the zero Datum, which means unknown.
func Parse(s string) (Datum, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil || t.IsZero() { // 0001-01-01 is the zero Datum, "unknown", so no date to read
		return Datum{}, fmt.Errorf("geen geldige datum %q (schrijf jjjj-mm-dd, bijvoorbeeld 1985-04-12)", s)
	}
	return Datum{t}, nil
}

// Moet is Parse for constants in tests and fixed data; it panics on a bad date.
func Moet(s string) Datum {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// String formats as YYYY-MM-DD, or "" for the zero date.
func (d Datum) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// IsZero reports whether the date is unknown.
func (d Datum) IsZero() bool { return d.t.IsZero() }

// Tijd returns the date as UTC midnight.
func (d Datum) Tijd() time.Time { return d.t }

// Voor reports whether d lies before e.
func (d Datum) Voor(e Datum) bool { return d.t.Before(e.t) }

// Na reports whether d lies after e.
func (d Datum) Na(e Datum) bool { return d.t.After(e.t) }

// PlusDagen returns d moved n days.
func (d Datum) PlusDagen(n int) Datum { return Datum{d.t.AddDate(0, 0, n)} }

// PlusMaanden returns d moved n months (time.AddDate normalisation: 31 March - 1 month = 3 March).
func (d Datum) PlusMaanden(n int) Datum { return Datum{d.t.AddDate(0, n, 0)} }

// DagenTot returns the number of days from d to e (negative when e is earlier).
func (d Datum) DagenTot(e Datum) int { return int(e.t.Sub(d.t).Hours() / 24) }

// Weekdag returns the day of the week.
func (d Datum) Weekdag() time.Weekday { return d.t.Weekday() }

// Jaar, Maand and Dag return the parts of the date; MaandSleutel is "YYYY-MM".
func (d Datum) Jaar() int            { return d.t.Year() }
func (d Datum) Maand() time.Month    { return d.t.Month() }
func (d Datum) Dag() int             { return d.t.Day() }
func (d Datum) MaandSleutel() string { return d.t.Format("2006-01") }

// MarshalText writes YYYY-MM-DD ("" for the zero date), so JSON holds "2006-01-02".
func (d Datum) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD with Parse; empty text is an error like any other bad date.
func (d *Datum) UnmarshalText(p []byte) error {
	v, err := Parse(string(p))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalJSON reads "YYYY-MM-DD"; null leaves d as it is (as encoding/json does), any other JSON
// value is an error that names it.
func (d *Datum) UnmarshalJSON(p []byte) error {
	s := string(p)
	if s == "null" {
		return nil
	}
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return fmt.Errorf("geen geldige datum %s (schrijf \"jjjj-mm-dd\")", s)
	}
	return d.UnmarshalText([]byte(s[1 : len(s)-1]))
}

// LeeftijdOp returns the age in whole years of someone born on d, on date op.
func (d Datum) LeeftijdOp(op Datum) int {
	a := op.Jaar() - d.Jaar()
	if op.Maand() < d.Maand() || (op.Maand() == d.Maand() && op.Dag() < d.Dag()) {
		a--
	}
	return a
}
