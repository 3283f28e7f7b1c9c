package aanvragen

import (
	"context"
	"slices"

	"github.com/zeker-platform/zeker/internal/regels"
)

// DocSoort is a kind of document an application may need.
type DocSoort string

// The kinds. Facts the gemeente has itself (age, household composition, children: the BRP, read from
// the register) never lead to a document.
const (
	DocInkomen        DocSoort = "inkomen"
	DocVermogen       DocSoort = "vermogen"
	DocBeschikking    DocSoort = "beschikking"
	DocSchuldsanering DocSoort = "schuldsanering"
	DocStudie         DocSoort = "studie"
	DocToelichting    DocSoort = "toelichting"
	DocOverig         DocSoort = "overig"
)

// DocSoorten lists the kinds in the order they are asked.
func DocSoorten() []DocSoort {
	return []DocSoort{DocInkomen, DocVermogen, DocBeschikking, DocSchuldsanering, DocStudie, DocToelichting, DocOverig}
}

// Geldig reports whether d is a known kind.
func (d DocSoort) Geldig() bool { return slices.Contains(DocSoorten(), d) }

// Naam is the kind in Dutch, for the staff pages (the resident pages use the i18n catalogue,
// "aanvraag.doc.<soort>").
func (d DocSoort) Naam() string {
	switch d {
	case DocInkomen:
		return "Bewijs van inkomen (loonstrook of specificatie van de uitkering van de laatste maand)"
	case DocVermogen:
		return "Afschriften van alle bankrekeningen en spaarrekeningen (laatste maand)"
	case DocBeschikking:
		return "Besluit (beschikking) van een uitkering of regeling die u krijgt"
	case DocSchuldsanering:
		return "Bewijs van schuldhulp of schuldsanering (brief van de bewindvoerder of schuldhulp)"
	case DocStudie:
		return "Bewijs van inschrijving bij een opleiding of van studiefinanciering"
	case DocToelichting:
		return "Bewijs van de kosten waarvoor u de regeling vraagt (offerte, rekening)"
	case DocOverig:
		return "Ander bewijs"
	}
	return string(d)
}

// docVoorCriterium maps the kind of a condition (regels.Criterium.Soort) to the document that proves it;
// "" when the gemeente has the fact itself.
func docVoorCriterium(soort string) DocSoort {
	switch soort {
	case "inkomen", "laag_inkomen", "een_verdiener":
		return DocInkomen
	case "vermogen":
		return DocVermogen
	case "ontvangt", "niet_ontvangt":
		return DocBeschikking
	case "schuldsanering":
		return DocSchuldsanering
	case "student":
		return DocStudie
	case "beoordeling":
		return DocToelichting
	case "leeftijd", "aow_leeftijd", "leefvorm", "kinderen":
		return ""
	}
	return DocOverig
}

// Nodig is a document the application still needs, and for which regelingen.
type Nodig struct {
	Soort      DocSoort
	Regelingen []string // names
}

// NodigVoor lists the documents the chosen outcomes still need: one per kind, for every criterion the
// engine could not settle ("onbekend"; an een_van by its open alternatives). A criterion that is met
// or not met needs nothing: a regeling the resident does not qualify for is not offered.
func NodigVoor(uitkomsten []regels.Uitkomst) []Nodig {
	per := map[DocSoort][]string{}
	var voeg func(c regels.Criterium, naam string)
	voeg = func(c regels.Criterium, naam string) {
		if c.Uitkomst != "onbekend" {
			return
		}
		if len(c.Sub) > 0 {
			for _, s := range c.Sub {
				voeg(s, naam)
			}
			return
		}
		if d := docVoorCriterium(c.Soort); d != "" && !slices.Contains(per[d], naam) {
			per[d] = append(per[d], naam)
		}
	}
	for _, u := range uitkomsten {
		for _, c := range u.Criteria {
			voeg(c, u.Naam)
		}
	}
	var out []Nodig
	for _, d := range DocSoorten() {
		if r, ok := per[d]; ok {
			out = append(out, Nodig{Soort: d, Regelingen: r})
		}
	}
	return out
}

// Nodig is NodigVoor without the kinds of document gemeente has itself (Instellingen.AlBekend).
func (s *Service) Nodig(ctx context.Context, gemeente string, uitkomsten []regels.Uitkomst) ([]Nodig, error) {
	in, err := s.Instellingen(ctx, gemeente)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(NodigVoor(uitkomsten), func(n Nodig) bool { return slices.Contains(in.AlBekend, n.Soort) }), nil
}
