package main

import (
	"context"
	"time"

	"github.com/zeker-platform/zeker/internal/netwerk"
)

// demoMeetBron labels every measured value of the demo: the plans give targets, no measurements, so these
// values are made up to show the page and say so wherever they appear.
const demoMeetBron = "Demogegevens: verzonnen voor de demo, geen echte meting"

// demoMetingen are a few measured values per agreement name and indicator name.
var demoMetingen = map[string][]netwerk.Meting{
	"Zonnecarport Zuidhorn": {
		{Indicator: "Huishoudens met een minimuminkomen die een deel van de opbrengst krijgen", Periode: netwerk.Periode{Jaar: 2025}, Waarde: "64 huishoudens",
			Bron: demoMeetBron, GemetenOp: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)},
		{Indicator: "Bedrag per huishouden", Periode: netwerk.Periode{Jaar: 2025}, Waarde: "€ 85 per jaar", Bron: demoMeetBron, GemetenOp: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)},
	},
	"Netwerk bestaanszekerheid Borger-Odoorn": {
		{Indicator: "Bijeenkomsten van het netwerk per jaar", Periode: netwerk.Periode{Jaar: 2026, Kwartaal: 3}, Waarde: "1 bijeenkomst (stand na het 3e kwartaal)",
			Bron: demoMeetBron, GemetenOp: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)},
	},
}

// maakDemoMetingen records the demo's measured values of a stored agreement a.
func maakDemoMetingen(ctx context.Context, ns *netwerk.Service, a netwerk.Afspraak) error {
	for _, m := range demoMetingen[a.Naam] {
		m.Gemeente, m.AfspraakID = a.Gemeente, a.ID
		if _, err := ns.LegMetingVast(ctx, m, 0); err != nil {
			return err
		}
	}
	return nil
}
