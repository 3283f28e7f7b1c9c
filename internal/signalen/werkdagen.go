package signalen

import (
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// The calendar of legal terms lives in internal/termijn, shared with zaken; these names keep
// vroegsignalering's callers unchanged (the date itself is internal/datum's). Wgs art. 4 lid 2 gives 3
// werkdagen for a first conversation in a crisis; working days exclude Saturdays, Sundays and the holidays of the Algemene termijnenwet art. 3,
// equated days (lid 3) included (see the termijn package doc for that decision).

// Pasen returns Easter Sunday of year y.
func Pasen(y int) datum.Datum { return termijn.Pasen(y) }

// Feestdag reports whether d is a holiday of the Algemene termijnenwet, and its name.
func Feestdag(d datum.Datum) (string, bool) { return termijn.Feestdag(d) }

// IsWerkdag reports whether d is a working day.
func IsWerkdag(d datum.Datum) bool { return termijn.IsWerkdag(d) }

// PlusWerkdagen returns the n-th working day after d.
func PlusWerkdagen(d datum.Datum, n int) datum.Datum { return termijn.PlusWerkdagen(d, n) }

// WerkdagenTussen returns the number of working days after van up to and including tot.
func WerkdagenTussen(van, tot datum.Datum) int { return termijn.WerkdagenTussen(van, tot) }
