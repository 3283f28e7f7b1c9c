package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
)

// The demo's sociale kaart: the partners the four policy plans name (shared/seeds), with what the plans
// say they do. Names and offers come from the plans (the source of each service names the plan and its
// section); addresses, websites, e-mail and opening hours are fictitious: reserved domains (.example),
// "Voorbeeldstraat", postcode 9999, no phone numbers (any Dutch number could be someone's), no KvK
// numbers, no personal data. Villages are the gemeenten's own places, so the village filter shows.
//
// Not seeded, because its plan does not name it there: Stichting Leergeld in Borne (the Borne framework
// names the Jeugdfonds Sport & Cultuur and the Sociaal Fonds for children's and adults' participation;
// Leergeld is named by Westerkwartier). Borger-Odoorn's plan names one network, the Alliantie van Kracht,
// and otherwise kinds of partners (dorpsbelangen, kerken, scholen), not organisations.

type demoOrg struct {
	id, naam  string
	gemeenten []string
	diensten  []demoDienst
}

type demoDienst struct {
	id, gemeente, naam, beschrijving, voorWie, aanmelden string
	behoeften                                            []netwerk.Behoefte
	regelingen                                           []netwerk.RegelingRol
	bron                                                 string
	plaats, open                                         string // a building in this village with these hours; "" online
}

const demoFictief = "; adres, website en openingstijden zijn fictief (demo)"

func demoID(n int) string { return fmt.Sprintf("d3e0a000-0000-4000-8000-%012d", n) }

// demoNetwerk are the partners per plan. Ids 100… are partners, 200… services, 300… locations.
var demoNetwerk = []demoOrg{
	{id: demoID(101), naam: "Voor Elkaar", gemeenten: []string{"GM0175"}, diensten: []demoDienst{{id: demoID(201), gemeente: "GM0175",
		naam: "Hulp bij een betalingsachterstand", behoeften: []netwerk.Behoefte{netwerk.Schuldhulp, netwerk.Budgetcoaching},
		beschrijving: "Heeft u een achterstand met betalen? Dan belt iemand u. Als u wilt, komt iemand bij u thuis om te helpen met uw geldzaken.",
		aanmelden:    "U wordt gebeld als er een achterstand is gemeld. Een huisbezoek is vrijwillig.",
		bron:         "Beleidsplan Ommen 2024-2028, Vroegsignalering (project ‘Voor Elkaar’)" + demoFictief, plaats: "Ommen", open: "ma-do 09:00-12:00"}}},
	{id: demoID(102), naam: "Samen Doen Team", gemeenten: []string{"GM0175"}, diensten: []demoDienst{{id: demoID(202), gemeente: "GM0175",
		naam: "Schuldhulpverlening", behoeften: []netwerk.Behoefte{netwerk.Schuldhulp, netwerk.Budgetcoaching, netwerk.Ondernemers},
		beschrijving: "Hulp bij schulden. We kijken samen naar uw geld, uw woning, werk en hoe het met u gaat.",
		voorWie:      "Iedere inwoner van Ommen met schulden, ook (oud-)ondernemers.",
		bron:         "Beleidsplan Ommen 2024-2028, Effectieve en efficiënte schuldhulpverlening" + demoFictief, plaats: "Ommen", open: "ma-vr 09:00-12:30"}}},
	{id: demoID(103), naam: "Humanitas", gemeenten: []string{"GM0175", "GM0147", "GM1969"}, diensten: []demoDienst{
		{id: demoID(203), gemeente: "GM0175", naam: "Nazorg na schuldhulp", behoeften: []netwerk.Behoefte{netwerk.Nazorg, netwerk.Budgetcoaching},
			beschrijving: "Na uw schuldhulptraject helpt een vrijwilliger u verder: inzicht in inkomsten en uitgaven, uw administratie op orde, verzekeren, sparen en slimme bespaartips.",
			bron:         "Beleidsplan Ommen 2024-2028, Nazorg" + demoFictief},
		{id: demoID(204), gemeente: "GM0147", naam: "Groepstraining geldzaken voor inburgeraars", behoeften: []netwerk.Behoefte{netwerk.Cursus, netwerk.Budgetcoaching},
			beschrijving: "Een training in een groep over hoe geldzaken in Nederland geregeld zijn.", voorWie: "Inburgeraars in Borne.",
			bron: "Beleidskader Borne ‘Blik op morgen’, Speciaal voor inburgeraars" + demoFictief, plaats: "Borne", open: "di 19:00-21:00"},
		{id: demoID(205), gemeente: "GM1969", naam: "Hulp bij rondkomen", behoeften: []netwerk.Behoefte{netwerk.Budgetcoaching, netwerk.Schuldhulp},
			beschrijving: "Een vrijwilliger helpt u als u moeite hebt met rondkomen.",
			bron:         "Visie armoede Westerkwartier ‘Solidair en dichtbij’, Schuldhulpverlening" + demoFictief}}},
	{id: demoID(104), naam: "SchuldHulpMaatje", gemeenten: []string{"GM0175", "GM1969"}, diensten: []demoDienst{{id: demoID(206), gemeente: "GM0175",
		naam: "Een maatje bij geldzorgen", behoeften: []netwerk.Behoefte{netwerk.Schuldhulp, netwerk.Budgetcoaching},
		beschrijving: "Een getrainde vrijwilliger gaat met u aan de slag met uw schulden en geldzaken.",
		bron:         "Beleidsplan Ommen 2024-2028, Samenwerking GKB en Integrale aanpak" + demoFictief},
		{id: demoID(227), gemeente: "GM1969", naam: "Een maatje bij geldzorgen", behoeften: []netwerk.Behoefte{netwerk.Schuldhulp, netwerk.Budgetcoaching},
			beschrijving: "Een getrainde vrijwilliger helpt u als u moeite hebt met rondkomen.",
			bron:         "Visie armoede Westerkwartier ‘Solidair en dichtbij’, Schuldhulpverlening" + demoFictief}}},
	{id: demoID(105), naam: "Raad en Recht", gemeenten: []string{"GM0175"}, diensten: []demoDienst{{id: demoID(207), gemeente: "GM0175",
		naam: "Hulp bij brieven, formulieren en regelingen", behoeften: []netwerk.Behoefte{netwerk.Juridisch, netwerk.Budgetcoaching},
		beschrijving: "Hulp als u een brief of formulier niet begrijpt, en bij het aanvragen van regelingen.",
		regelingen:   []netwerk.RegelingRol{{Gemeente: "GM0175", Regeling: "participatie_volwassenen", Rol: netwerk.Aanvragen}},
		bron:         "Beleidsplan Ommen 2024-2028, Vervolg op huidig beleid en Vroegsignalering (het aanvraagproces van het Participatiefonds)" + demoFictief,
		plaats:       "Ommen", open: "wo 13:00-16:00"}}},
	{id: demoID(106), naam: "Gemeentelijke Kredietbank Drenthe (GKB)", gemeenten: []string{"GM0175"}, diensten: []demoDienst{{id: demoID(208), gemeente: "GM0175",
		naam: "Schuldregeling, saneringskrediet en Wsnp", behoeften: []netwerk.Behoefte{netwerk.Schuldhulp},
		beschrijving: "De specialistische schuldhulp: een schuldregeling met een saneringskrediet, of begeleiding naar de wettelijke schuldsanering (Wsnp).",
		aanmelden:    "Via het Samen Doen Team van de gemeente.",
		bron:         "Beleidsplan Ommen 2024-2028, Effectieve en efficiënte schuldhulpverlening" + demoFictief}}},
	{id: demoID(107), naam: "Vechtdal Wonen", gemeenten: []string{"GM0175"}, diensten: []demoDienst{{id: demoID(209), gemeente: "GM0175",
		naam: "Huurachterstand: hulp van de gemeente", behoeften: []netwerk.Behoefte{netwerk.Wonen},
		beschrijving: "Vechtdal Wonen werkt samen met de gemeente aan vroegsignalering. Hebt u een huurachterstand, dan kan de gemeente u hulp aanbieden.",
		bron:         "Beleidsplan Ommen 2024-2028, Vroegsignalering, Wat gaan we doen? punt 5" + demoFictief}}},
	{id: demoID(108), naam: "Zilveren Kruis", gemeenten: []string{"GM0175"}, diensten: []demoDienst{{id: demoID(210), gemeente: "GM0175",
		naam: "Achterstand met de zorgpremie: hulp van de gemeente", behoeften: []netwerk.Behoefte{netwerk.Zorgverzekering},
		beschrijving: "Zilveren Kruis werkt samen met de gemeente aan vroegsignalering. Hebt u een achterstand met uw zorgpremie, dan kan de gemeente u hulp aanbieden.",
		bron:         "Beleidsplan Ommen 2024-2028, Vroegsignalering, Wat gaan we doen? punt 5" + demoFictief}}},
	{id: demoID(109), naam: "Voedsel- en Kledingbank Ommen", gemeenten: []string{"GM0175"}, diensten: []demoDienst{{id: demoID(211), gemeente: "GM0175",
		naam: "Voedsel en kleding", behoeften: []netwerk.Behoefte{netwerk.Voedsel},
		beschrijving: "Eten en kleding voor huishoudens die het nodig hebben.",
		bron:         "Beleidsplan Ommen 2024-2028, Integrale aanpak" + demoFictief, plaats: "Ommen", open: "vr 13:00-15:00"}}},
	{id: demoID(110), naam: "Sam& voor alle kinderen", gemeenten: []string{"GM0175"}, diensten: []demoDienst{{id: demoID(212), gemeente: "GM0175",
		naam: "Meedoen voor kinderen", behoeften: []netwerk.Behoefte{netwerk.Kinderen},
		beschrijving: "Hulp voor kinderen bij school, sport en cultuur. U vraagt dit online aan.",
		regelingen:   []netwerk.RegelingRol{{Gemeente: "GM0175", Regeling: "kindregelingen", Rol: netwerk.Uitvoeren}},
		bron:         "Beleidsplan Ommen 2024-2028, Meedoen" + demoFictief}}},

	// Borne, beleidskader "Blik op morgen".
	{id: demoID(111), naam: "Sociaal Hus", gemeenten: []string{"GM0147"}, diensten: []demoDienst{{id: demoID(213), gemeente: "GM0147",
		naam: "Met al uw vragen op één plek", behoeften: []netwerk.Behoefte{netwerk.Schuldhulp, netwerk.Budgetcoaching, netwerk.Wonen, netwerk.Werk, netwerk.Kinderen},
		beschrijving: "Vragen over welzijn, opvoeden en opgroeien, zorg, wonen, geld, vrijwilligerswerk, werk en inkomen: u stelt ze op één plek.",
		voorWie:      "Inwoners van Borne, Hertme en Zenderen.",
		regelingen:   []netwerk.RegelingRol{{Gemeente: "GM0147", Regeling: "jeugdfonds_sport_cultuur", Rol: netwerk.Aanvragen}},
		bron:         "Beleidskader Borne ‘Blik op morgen’, Samen werken aan een sterke sociale basis; rule pack GM0147 (Jeugdfonds: ‘Vraag het bij het Sociaal Hus’)" + demoFictief,
		plaats:       "Borne", open: "ma-vr 09:00-17:00"}}},
	{id: demoID(112), naam: "Wijkracht", gemeenten: []string{"GM0147"}, diensten: []demoDienst{
		{id: demoID(214), gemeente: "GM0147", naam: "Hulp bij formulieren en administratie", behoeften: []netwerk.Behoefte{netwerk.Budgetcoaching, netwerk.Digitaal, netwerk.Nazorg},
			beschrijving: "Vrijwilligers helpen u met formulieren, het ordenen van uw administratie en inzicht in inkomsten en uitgaven.",
			bron:         "Beleidskader Borne ‘Blik op morgen’, Preventie en Nazorg" + demoFictief, plaats: "Borne", open: "di 09:00-12:00; do 13:00-16:00"},
		{id: demoID(215), gemeente: "GM0147", naam: "AutoMaatje Borne", behoeften: []netwerk.Behoefte{netwerk.Vervoer},
			beschrijving: "Een vrijwilliger rijdt u, bijvoorbeeld naar de dokter, als u zelf niet kunt rijden en geen openbaar vervoer kunt nemen.",
			bron:         "Beleidskader Borne ‘Blik op morgen’, Vervoersarmoede" + demoFictief}}},
	{id: demoID(113), naam: "Jeugdfonds Sport & Cultuur", gemeenten: []string{"GM0147"}, diensten: []demoDienst{{id: demoID(216), gemeente: "GM0147",
		naam: "Sport en cultuur voor kinderen", behoeften: []netwerk.Behoefte{netwerk.Kinderen},
		beschrijving: "Een bijdrage voor sportieve, culturele, educatieve, recreatieve en maatschappelijke activiteiten van kinderen.",
		voorWie:      "Kinderen tot en met 17 jaar in een gezin met een laag inkomen.",
		regelingen:   []netwerk.RegelingRol{{Gemeente: "GM0147", Regeling: "jeugdfonds_sport_cultuur", Rol: netwerk.Uitvoeren}},
		bron:         "Beleidskader Borne ‘Blik op morgen’, Jeugdfonds Sport en Cultuur" + demoFictief}}},
	{id: demoID(114), naam: "Regionale Organisatie Zelfstandigen (ROZ)", gemeenten: []string{"GM0147"}, diensten: []demoDienst{{id: demoID(217), gemeente: "GM0147",
		naam: "Schuldhulp voor ondernemers", behoeften: []netwerk.Behoefte{netwerk.Ondernemers, netwerk.Schuldhulp, netwerk.Nazorg},
		beschrijving: "Advies en begeleiding bij schulden van uw bedrijf; zo nodig hulp bij het goed beëindigen van het bedrijf.",
		voorWie:      "Ondernemers en zzp'ers.",
		bron:         "Beleidskader Borne ‘Blik op morgen’, Schuldhulpverlening ook voor ondernemers" + demoFictief}}},
	{id: demoID(115), naam: "Menzis", gemeenten: []string{"GM0147"}, diensten: []demoDienst{{id: demoID(218), gemeente: "GM0147",
		naam: "Collectieve zorgverzekering GarantVerzorgd", behoeften: []netwerk.Behoefte{netwerk.Zorgverzekering},
		beschrijving: "Een uitgebreide zorgverzekering waar de gemeente aan meebetaalt.",
		regelingen:   []netwerk.RegelingRol{{Gemeente: "GM0147", Regeling: "collectieve_zorgverzekering", Rol: netwerk.Uitvoeren}},
		bron:         "Beleidskader Borne ‘Blik op morgen’, Collectieve zorgverzekering" + demoFictief}}},
	{id: demoID(116), naam: "Stadsbank Oost Nederland", gemeenten: []string{"GM0147"}, diensten: []demoDienst{{id: demoID(219), gemeente: "GM0147",
		naam: "Schuldhulpverlening", behoeften: []netwerk.Behoefte{netwerk.Schuldhulp, netwerk.Nazorg},
		beschrijving: "Gratis hulp bij geldzorgen en schulden, met een klantregisseur op het gemeentehuis.",
		aanmelden:    "Met een intake bij het Sociaal Hus.",
		bron:         "Beleidskader Borne ‘Blik op morgen’, Toegang" + demoFictief, plaats: "Borne", open: "wo 09:00-12:00"}}},
	{id: demoID(117), naam: "Voedselbank Midden-Twente", gemeenten: []string{"GM0147"}, diensten: []demoDienst{{id: demoID(220), gemeente: "GM0147",
		naam: "Voedselpakket", behoeften: []netwerk.Behoefte{netwerk.Voedsel},
		beschrijving: "Een voedselpakket voor huishoudens die het nodig hebben.",
		bron:         "Beleidskader Borne ‘Blik op morgen’, Hoe? (afstemming met partners)" + demoFictief, plaats: "Zenderen", open: "za 10:00-12:00"}}},

	// Westerkwartier, "Solidair en dichtbij".
	{id: demoID(118), naam: "Sociaal Werk de Schans", gemeenten: []string{"GM1969"}, diensten: []demoDienst{{id: demoID(221), gemeente: "GM1969",
		naam: "Sociaal werk: één plan en één regisseur", behoeften: []netwerk.Behoefte{netwerk.Budgetcoaching, netwerk.Schuldhulp},
		beschrijving: "Met de teams van de gemeente één plan per huishouden, met één contactpersoon voor al uw vragen (Alles In één).",
		bron:         "Visie armoede Westerkwartier, Alles In één (AIN)" + demoFictief, plaats: "Zuidhorn", open: "ma-vr 09:00-12:00"}}},
	{id: demoID(119), naam: "Stichting Leergeld Westerkwartier", gemeenten: []string{"GM1969"}, diensten: []demoDienst{{id: demoID(222), gemeente: "GM1969",
		naam: "Regelingen voor kinderen", behoeften: []netwerk.Behoefte{netwerk.Kinderen},
		beschrijving: "Hulp voor kinderen in gezinnen met een laag inkomen, zodat zij mee kunnen doen.",
		regelingen:   []netwerk.RegelingRol{{Gemeente: "GM1969", Regeling: "kindpakket", Rol: netwerk.Uitvoeren}},
		bron:         "Visie armoede Westerkwartier, Inkomensregelingen (‘Regelingen voor kinderen worden uitgevoerd door stichting Leergeld’)" + demoFictief,
		plaats:       "Leek", open: "do 13:00-16:00"}}},
	{id: demoID(120), naam: "Wold & Waard", gemeenten: []string{"GM1969"}, diensten: []demoDienst{{id: demoID(223), gemeente: "GM1969",
		naam: "Huurachterstand: hulp van de gemeente", behoeften: []netwerk.Behoefte{netwerk.Wonen},
		beschrijving: "Wold & Waard werkt samen met de gemeente aan vroegsignalering. Hebt u een huurachterstand, dan kan de gemeente u hulp aanbieden.",
		bron:         "Visie armoede Westerkwartier, Schuldhulpverlening (vroegtijdig signaleren)" + demoFictief}}},
	{id: demoID(121), naam: "Energiecoöperatie GLOED", gemeenten: []string{"GM1969"}, diensten: []demoDienst{{id: demoID(224), gemeente: "GM1969",
		naam: "Zonnecarport Zuidhorn", behoeften: []netwerk.Behoefte{netwerk.Energie},
		beschrijving: "De opbrengst van zonne-energie wordt verdeeld onder huishoudens met een minimum inkomen.",
		regelingen:   []netwerk.RegelingRol{{Gemeente: "GM1969", Regeling: "zonnecarport", Rol: netwerk.Uitvoeren}},
		bron:         "Visie armoede Westerkwartier, Zonnecarport Zuidhorn" + demoFictief}}},
	{id: demoID(122), naam: "Werk In Zicht", gemeenten: []string{"GM1969"}, diensten: []demoDienst{{id: demoID(225), gemeente: "GM1969",
		naam: "Begeleiding naar werk", behoeften: []netwerk.Behoefte{netwerk.Werk},
		beschrijving: "Het samenwerkingsverband van gemeenten en leerwerkbedrijven in Groningen helpt bij de weg naar werk.",
		bron:         "Visie armoede Westerkwartier, Werk" + demoFictief}}},

	// Borger-Odoorn, "Samen werken aan bestaanszekerheid".
	{id: demoID(123), naam: "Alliantie van Kracht", gemeenten: []string{"GM1681"}, diensten: []demoDienst{{id: demoID(226), gemeente: "GM1681",
		naam: "Samen generatiearmoede doorbreken", behoeften: []netwerk.Behoefte{netwerk.Ontmoeting, netwerk.Kinderen},
		beschrijving: "Een netwerk dat samen met bewoners van het veenkoloniale gebied werkt aan het doorbreken van armoede die van ouders op kinderen overgaat.",
		bron:         "Beleidsplan Borger-Odoorn ‘Samen werken aan bestaanszekerheid’, Ontwikkelingen in de regio" + demoFictief, plaats: "Nieuw-Buinen", open: "wo 10:00-12:00"}}},
}

// bekendeMetID finds the known partner (internal/partner) with this id: the partners that rule packs
// refer to by key are seeded with the same id here.
func bekendeMetID(id string) (partner.Bekende, bool) {
	for _, b := range partner.BekendePartners() {
		if b.ID == id {
			return b, true
		}
	}
	return partner.Bekende{}, false
}

// slug makes a host name part of a partner's name: "Sam& voor alle kinderen" → "sam-voor-alle-kinderen".
func slug(s string) string {
	var b strings.Builder
	streep := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			streep = false
		case r == 'ö', r == 'ë', r == 'é':
			b.WriteRune(map[rune]rune{'ö': 'o', 'ë': 'e', 'é': 'e'}[r])
			streep = false
		default:
			if !streep && b.Len() > 0 {
				b.WriteByte('-')
				streep = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// maakDemoNetwerk puts the plans' partners and their services on the demo's sociale kaart. What
// exists (by its fixed id) is left as it is, so a beheerder's edits in the demo survive a restart.
func maakDemoNetwerk(ctx context.Context, d *diensten, log *slog.Logger) error {
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "demo", Naam: "zeker demo"})
	ns, err := netwerk.New(netwerk.Config{DB: d.db, Audit: d.audit, Partners: d.partners, Catalogus: d.cat})
	if err != nil {
		return err
	}
	ps := d.partners
	van := ps.Vandaag().AddDate(-1, 0, 0)
	loc := 300
	for _, o := range demoNetwerk {
		web := "https://" + slug(o.naam) + ".voorbeeld.example"
		contact := partner.Contact{Website: web, WebsiteBron: demoBron}
		if b, ok := bekendeMetID(o.id); ok {
			// A partner a rule pack refers to: its published contact (internal/partner), and a
			// fictitious address only because none is published.
			contact = b.Contact
			contact.Adres = partner.Adres{Straat: "Voorbeeldstraat", Huisnummer: o.id[len(o.id)-3:], Postcode: "9999 ZZ", Plaats: "Demodorp"}
			contact.AdresBron = demoBron
			web = contact.Website
		}
		bestaand, err := ps.Haal(ctx, o.id)
		if errors.Is(err, errs.NotFound) {
			bestaand, err = ps.Maak(ctx, partner.Nieuw{ID: o.id, Naam: o.naam, Gemeente: o.gemeenten[0], Van: van, Contact: contact})
		}
		if err != nil {
			return fmt.Errorf("demo: partner %s: %w", o.naam, err)
		}
		for _, gm := range o.gemeenten {
			if _, ok := bestaand.Lid(gm); !ok {
				if err := ps.MaakLid(ctx, o.id, gm, van, time.Time{}, 0); err != nil {
					return fmt.Errorf("demo: partner %s lid van %s: %w", o.naam, gm, err)
				}
			}
		}
		for _, dd := range o.diensten {
			loc++
			if _, err := ns.Dienst(ctx, dd.id); err == nil {
				continue
			}
			dn := netwerk.Dienst{ID: dd.id, PartnerID: o.id, Naam: dd.naam, Beschrijving: dd.beschrijving, Behoeften: dd.behoeften,
				VoorWie: dd.voorWie, Aanmelden: dd.aanmelden, Website: web, Email: "info@" + slug(o.naam) + ".voorbeeld.example",
				Regelingen: dd.regelingen, Bron: dd.bron, GecontroleerdOp: ps.Vandaag().AddDate(0, -1, 0), Gemeenten: []string{dd.gemeente}}
			if dd.plaats != "" {
				id := demoID(loc)
				if _, err := ns.Locatie(ctx, id); errors.Is(err, errs.NotFound) {
					_, err = ns.MaakLocatie(ctx, dd.gemeente, netwerk.Locatie{ID: id, PartnerID: o.id, Naam: o.naam + " " + dd.plaats,
						Adres: partner.Adres{Straat: "Voorbeeldstraat", Huisnummer: fmt.Sprint(loc - 300), Postcode: "9999 ZZ", Plaats: dd.plaats}, Bron: demoBron})
					if err != nil {
						return fmt.Errorf("demo: locatie van %s: %w", o.naam, err)
					}
				}
				open, err := netwerk.ParseOpeningstijden(dd.open)
				if err != nil {
					return fmt.Errorf("demo: %s: %w", dd.naam, err)
				}
				dn.Locaties = []netwerk.DienstLocatie{{LocatieID: id, Openingstijden: open}}
			}
			if _, err := ns.MaakDienst(ctx, dn); err != nil {
				return fmt.Errorf("demo: dienst %s van %s: %w", dd.naam, o.naam, err)
			}
		}
	}
	if err := maakDemoAfspraken(ctx, ns, ps); err != nil {
		return fmt.Errorf("demo: netwerkafspraken: %w", err)
	}
	log.Info("demo: sociale kaart gevuld", "partners", len(demoNetwerk))
	return nil
}
