package termijn

import (
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
)

// GelijkgesteldeDag is a day the Crown equated with an algemeen erkende feestdag for the application of
// the Atw (art. 3 lid 3), with the decree that did so.
type GelijkgesteldeDag struct {
	Datum datum.Datum
	Bron  string // the decree and its Staatscourant publication
}

// The decrees, as data. A new decree is a few lines here (and a test date); nothing else changes.
// Sources: the Staatscourant numbers as cited by MinBZK/regelrecht (RFC-011, "KB gelijkgestelde dagen"),
// the titles as cited in practice (e.g. sterfgeval.nl, vraag 70745, 4 October 2025). Verify a new
// decree at https://zoek.officielebekendmakingen.nl before adding it.
const (
	bron2023 = "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag, Stcrt. 2022, 7812"
	bron2026 = "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag, Stcrt. 2025, 24713"
)

var gelijkgesteld = []GelijkgesteldeDag{
	{datum.Nieuw(2023, time.April, 28), bron2023},
	{datum.Nieuw(2023, time.May, 19), bron2023},
	{datum.Nieuw(2024, time.May, 10), bron2023},
	{datum.Nieuw(2024, time.December, 27), bron2023},
	{datum.Nieuw(2025, time.May, 30), bron2023},
	{datum.Nieuw(2026, time.January, 2), bron2026},
	{datum.Nieuw(2026, time.May, 15), bron2026},
	{datum.Nieuw(2027, time.May, 7), bron2026},
	{datum.Nieuw(2028, time.April, 28), bron2026},
	{datum.Nieuw(2028, time.May, 26), bron2026},
}

// gelijkgesteldVanaf and gelijkgesteldTot bound the years the decrees above cover: before and after
// them no equated day is known.
var (
	gelijkgesteldVanaf = datum.Nieuw(2023, time.January, 1)
	gelijkgesteldTot   = datum.Nieuw(2028, time.December, 31)
)

// Gelijkgesteld reports whether d is an equated day (Atw art. 3 lid 3) and by which decree.
func Gelijkgesteld(d datum.Datum) (GelijkgesteldeDag, bool) {
	if d.Voor(gelijkgesteldVanaf) || d.Na(gelijkgesteldTot) {
		return GelijkgesteldeDag{}, false
	}
	for _, g := range gelijkgesteld {
		if g.Datum == d {
			return g, true
		}
	}
	return GelijkgesteldeDag{}, false
}

// GelijkgesteldeDagen lists the known equated days, in date order (a copy).
func GelijkgesteldeDagen() []GelijkgesteldeDag {
	return append([]GelijkgesteldeDag(nil), gelijkgesteld...)
}

// GelijkgesteldBekendTot is the last day for which the equated days are known: after it the calendar
// counts without them (see the package doc).
func GelijkgesteldBekendTot() datum.Datum { return gelijkgesteldTot }
