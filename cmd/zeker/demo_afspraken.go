package main

import (
	"context"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
)

// demoAfspraken are the network agreements the plans describe, worded as the plans word them; a day the
// plan does not give is left unknown, a target the plan does not give is left out.
var demoAfspraken = []netwerk.Afspraak{
	{Gemeente: "GM1969", Naam: "Armoedepact Westerkwartier", Soort: netwerk.Armoedepact,
		Omschrijving: "Opgericht in 2018: een netwerk van organisaties en instanties die in het Westerkwartier bezig zijn met armoede, met kernpartners. De gemeente wil een regisserende en faciliterende rol nemen en met partners afspraken maken over hun bijdrage en die van de gemeente.",
		Bron:         "Westerkwartier, ‘Solidair en dichtbij’ (januari 2023), Het armoedepact Westerkwartier en §3.2.2",
		Partners:     []string{demoID(103), demoID(104), demoID(118), demoID(119), demoID(120), demoID(121), demoID(122)}},
	{Gemeente: "GM1969", Naam: "Zonnecarport Zuidhorn", Soort: netwerk.Samenwerking,
		Omschrijving: "Met energiecoöperatie GLOED: de opbrengst van de zonne-energie wordt verdeeld onder huishoudens met een minimuminkomen, om te investeren in verduurzaming.",
		Bron:         "Westerkwartier, ‘Solidair en dichtbij’ (januari 2023), §3.2.1 Lokale projecten",
		Partners:     []string{demoID(121)},
		Indicatoren: []netwerk.Indicator{
			{Naam: "Huishoudens met een minimuminkomen die een deel van de opbrengst krijgen", Streef: "100 huishoudens", Bron: "‘Solidair en dichtbij’, §3.2.1"},
			{Naam: "Bedrag per huishouden", Streef: "€ 100 per jaar", Bron: "‘Solidair en dichtbij’, §3.2.1"}}},
	{Gemeente: "GM1681", Naam: "Netwerk bestaanszekerheid Borger-Odoorn", Soort: netwerk.Netwerk,
		Omschrijving: "Een netwerk met de relevante organisaties als basis voor de samenwerking: voortgang bespreken, ervaringen delen, gezamenlijke initiatieven ontwikkelen. Incidenteel € 45.000 impulsfinanciering voor de vorming van het netwerk en initiatieven die eruit ontstaan.",
		Bron:         "Borger-Odoorn, ‘Samen werken aan bestaanszekerheid’ (juli 2025), actielijn samenwerking",
		Indicatoren:  []netwerk.Indicator{{Naam: "Bijeenkomsten van het netwerk per jaar", Streef: "2", Bron: "‘Samen werken aan bestaanszekerheid’, actielijn samenwerking"}}},
	{Gemeente: "GM1681", Naam: "Alliantie van Kracht", Soort: netwerk.Samenwerking,
		Omschrijving: "Sinds april 2024 is de gemeente lid van de Alliantie van Kracht: samen met bewoners uit het Drents-Groningse veenkoloniale gebied werken aan het doorbreken van intergenerationale armoede.",
		Bron:         "Borger-Odoorn, ‘Samen werken aan bestaanszekerheid’ (juli 2025), ontwikkelingen in de regio",
		Partners:     []string{demoID(123)}},
}

// maakDemoAfspraken stores the demo's agreements once per gemeente (one that has agreements keeps them).
func maakDemoAfspraken(ctx context.Context, ns *netwerk.Service, ps *partner.Service) error {
	gedaan := map[string]bool{}
	for _, a := range demoAfspraken {
		if _, ok := gedaan[a.Gemeente]; !ok {
			bestaand, err := ns.Afspraken(ctx, a.Gemeente)
			if err != nil {
				return err
			}
			gedaan[a.Gemeente] = len(bestaand) > 0
		}
		if gedaan[a.Gemeente] {
			continue
		}
		b, err := ns.BewaarAfspraak(ctx, a)
		if err != nil {
			return err
		}
		if err := maakDemoMetingen(ctx, ns, b); err != nil {
			return err
		}
	}
	return nil
}
