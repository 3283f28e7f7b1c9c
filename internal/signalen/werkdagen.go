package signalen

import (
	"time"

	"github.com/zeker-platform/zeker/internal/termijn"
)

// The calendar of legal terms lives in internal/termijn, shared with zaken; these names keep
// vroegsignalering's callers unchanged. Wgs art. 4 lid 2 gives 3 werkdagen for a first conversation in
// a crisis; working days exclude Saturdays, Sundays and the holidays of the Algemene termijnenwet art. 3,
// equated days (lid 3) included (see the termijn package doc for that decision).

// Datum is a calendar date (termijn.Datum).
type Datum = termijn.Datum

// NieuweDatum returns the date y-m-d.
func NieuweDatum(y int, m time.Month, d int) Datum { return termijn.NieuweDatum(y, m, d) }

// DatumVan returns the calendar date of t in loc.
func DatumVan(t time.Time, loc *time.Location) Datum { return termijn.DatumVan(t, loc) }

// ParseDatum reads YYYY-MM-DD.
func ParseDatum(s string) (Datum, error) { return termijn.ParseDatum(s) }

// Pasen returns Easter Sunday of year y.
func Pasen(y int) Datum { return termijn.Pasen(y) }

// Feestdag reports whether d is a holiday of the Algemene termijnenwet, and its name.
func Feestdag(d Datum) (string, bool) { return termijn.Feestdag(d) }

// IsWerkdag reports whether d is a working day.
func IsWerkdag(d Datum) bool { return termijn.IsWerkdag(d) }

// PlusWerkdagen returns the n-th working day after d.
func PlusWerkdagen(d Datum, n int) Datum { return termijn.PlusWerkdagen(d, n) }

// WerkdagenTussen returns the number of working days after van up to and including tot.
func WerkdagenTussen(van, tot Datum) int { return termijn.WerkdagenTussen(van, tot) }
