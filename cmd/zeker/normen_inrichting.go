package main

import (
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The norms for persons who live in an institution (inrichting, art. 23 lid 1 Participatiewet) and
// the increase for those who pay their own health insurance premium there (art. 23 lid 2), as the
// reference holds them (/work/shared/reference/nl-parameters.yaml, ids pw.norm.inrichting_* and
// pw.inrichting.verhoging_*). The engine's national data (internal/regels/nl/data/parameters.yaml)
// leaves them out because no rule uses them (see that file's header), so `zeker normen` carries them
// here for the normenoverzicht only; normen_inrichting_test.go compares every amount with the
// reference to the cent. When internal/regels/nl takes them over, this table goes.

type inrichtingsPeriode struct {
	vanaf, tot                 string // tot: last day; as the engine's data, the last period ends 2026-12-31
	alleenstaande, gehuwden    [3]string
	verhogingA, verhogingG     string // art. 23 lid 2
	bron, bronURL, bronVerhoog string
}

// The amounts per period: incl. VT, vakantietoeslag (5% of incl. VT, half cents up) and excl. VT, as
// the reference gives them (the last two marked derived there).
var inrichtingsPerioden = []inrichtingsPeriode{
	{vanaf: "2025-07-01", tot: "2025-12-31",
		alleenstaande: [3]string{"433.49", "21.67", "411.82"}, gehuwden: [3]string{"674.29", "33.71", "640.58"},
		verhogingA: "45.00", verhogingG: "101.00",
		bron:        "SZW 'Normenbrief 1 januari 2026' (gecorrigeerd 9 dec 2025), Bijlage I, kolom '1 juli 2025' (nl-parameters.yaml, pw.norm.inrichting_*; vakantietoeslag en norm excl. VT afgeleid)",
		bronVerhoog: "SZW 'Normenbrief 1 januari 2026' (gecorrigeerd 9 dec 2025), Bijlage I, kolom '1 juli 2025' (nl-parameters.yaml, pw.inrichting.verhoging_*)"},
	{vanaf: "2026-01-01", tot: "2026-06-30",
		alleenstaande: [3]string{"443.76", "22.19", "421.57"}, gehuwden: [3]string{"690.27", "34.51", "655.76"},
		verhogingA: "47.00", verhogingG: "106.00",
		bron:        "SZW 'Normenbrief 1 januari 2026' (gecorrigeerd 9 dec 2025), Bijlage I, kolom '1 januari 2026' (nl-parameters.yaml, pw.norm.inrichting_*; vakantietoeslag en norm excl. VT afgeleid)",
		bronVerhoog: "SZW 'Normenbrief 1 januari 2026' (gecorrigeerd 9 dec 2025), Bijlage I, kolom '1 januari 2026' (nl-parameters.yaml, pw.inrichting.verhoging_*)"},
	{vanaf: "2026-07-01", tot: "2026-12-31",
		alleenstaande: [3]string{"449.44", "22.47", "426.97"}, gehuwden: [3]string{"699.11", "34.96", "664.15"},
		verhogingA: "47.00", verhogingG: "106.00",
		bron:        "wetten.overheid.nl/BWBR0015703/2026-07-01 (Participatiewet, geldend 1 juli 2026), via de CPRMV-export van de SZW-Normenbrief (nl-parameters.yaml, pw.norm.inrichting_*; vakantietoeslag en norm excl. VT afgeleid)",
		bronURL:     "https://wetten.overheid.nl/BWBR0015703/2026-07-01",
		bronVerhoog: "SZW 'Normenbrief 1 januari 2026', Bijlage I; ongewijzigd per 1 juli 2026 volgens wetten.overheid.nl/BWBR0015703/2026-07-01 (nl-parameters.yaml, pw.inrichting.verhoging_*)"},
}

const artikelInrichting = "art. 23 lid 1 Participatiewet"

// inrichtingsnormen returns the two rows of the normenoverzicht for datum and the sentence about the
// increase of art. 23 lid 2; ok is false when the reference has no inrichting norms for the date (then
// the overzicht says so instead of leaving them out).
func inrichtingsnormen(datum time.Time) (rijen []nl.Normregel, verhoging string, ok bool) {
	d := datum.Format(time.DateOnly)
	for _, p := range inrichtingsPerioden {
		if d < p.vanaf || d > p.tot {
			continue
		}
		vanaf, _ := time.Parse(time.DateOnly, p.vanaf)
		tot, _ := time.Parse(time.DateOnly, p.tot)
		norm := func(b [3]string, oms string) nl.Norm {
			return nl.Norm{InclVT: geld.MustParse(b[0]), Vakantietoeslag: geld.MustParse(b[1]), ExclVT: geld.MustParse(b[2]),
				Omschrijving: oms, Artikel: artikelInrichting, Bron: nl.Bron{Tekst: p.bron, URL: p.bronURL}, GeldigVanaf: vanaf, GeldigTot: tot}
		}
		rijen = []nl.Normregel{
			{Code: "inrichting_alleenstaande", Omschrijving: "verblijf in een inrichting, alleenstaande (ouder)",
				Norm: norm(p.alleenstaande, "alleenstaande of alleenstaande ouder die in een inrichting verblijft")},
			{Code: "inrichting_gehuwden", Omschrijving: "verblijf in een inrichting, gehuwden",
				Norm: norm(p.gehuwden, "gehuwden van wie één of beiden in een inrichting verblijven")},
		}
		verhoging = "Inrichting: wie in de inrichting zelf de zorgverzekeringspremie betaalt, krijgt de norm verhoogd met " +
			geld.MustParse(p.verhogingA).String() + " (alleenstaande) of " + geld.MustParse(p.verhogingG).String() +
			" (gehuwden) per maand (art. 23 lid 2 Participatiewet; bron: " + p.bronVerhoog + ")."
		return rijen, verhoging, true
	}
	return nil, "", false
}
