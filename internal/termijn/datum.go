package termijn

import (
	"fmt"
	"time"
)

// Datum is a calendar date without time of day or zone, as the law and the DDAS vocabulary use it.
// The zero Datum means "unknown".
type Datum struct{ t time.Time } // always UTC midnight, so == compares dates

// NieuweDatum returns the date y-m-d (normalised the way time.Date normalises).
func NieuweDatum(y int, m time.Month, d int) Datum {
	return Datum{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DatumVan returns the calendar date of t in loc (the municipality's zone, Europe/Amsterdam).
func DatumVan(t time.Time, loc *time.Location) Datum {
	if loc != nil {
		t = t.In(loc)
	}
	return NieuweDatum(t.Year(), t.Month(), t.Day())
}

// ParseDatum reads YYYY-MM-DD.
func ParseDatum(s string) (Datum, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Datum{}, fmt.Errorf("geen datum (JJJJ-MM-DD): %q", s)
	}
	return Datum{t}, nil
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

// Jaar, Maand and Dag return the parts of the date.
func (d Datum) Jaar() int            { return d.t.Year() }
func (d Datum) Maand() time.Month    { return d.t.Month() }
func (d Datum) Dag() int             { return d.t.Day() }
func (d Datum) MaandSleutel() string { return d.t.Format("2006-01") }

// MarshalText writes YYYY-MM-DD.
func (d Datum) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; empty text is the zero date.
func (d *Datum) UnmarshalText(p []byte) error {
	if len(p) == 0 {
		*d = Datum{}
		return nil
	}
	v, err := ParseDatum(string(p))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// LeeftijdOp returns the age in whole years of someone born on d, on date op.
func (d Datum) LeeftijdOp(op Datum) int {
	a := op.Jaar() - d.Jaar()
	if op.Maand() < d.Maand() || (op.Maand() == d.Maand() && op.Dag() < d.Dag()) {
		a--
	}
	return a
}
