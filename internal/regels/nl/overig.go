package nl

import (
	"errors"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
)

// Vermogensgrens returns the asset limit of art. 34 lid 3 Pw for the leefvorm on datum.
func (p *Parameters) Vermogensgrens(l Leefvorm, datum time.Time) (geld.Bedrag, Bron, error) {
	if !l.geldig() {
		return 0, Bron{}, fmt.Errorf("vermogensgrens: onbekende leefvorm %d", int(l))
	}
	w, err := p.zoek(idVermogensgrens+l.Code(), dag(datum))
	if err != nil {
		return 0, Bron{}, fmt.Errorf("vermogensgrens %s: %w", l, err)
	}
	return w.bedrag, w.bron, nil
}

// KwijtscheldingNormpremie returns the health premium that the bijstandsnorm already holds (Leidraad
// Invordering 2008 art. 26.2.19): for kwijtschelding only the premium above it is deducted. The source
// gives it for a single person and for a couple, not for a single parent: that is an error.
func (p *Parameters) KwijtscheldingNormpremie(l Leefvorm, datum time.Time) (geld.Bedrag, Bron, error) {
	var code string
	switch l {
	case Alleenstaande:
		code = "alleenstaande"
	case Gehuwden:
		code = "echtgenoten"
	default:
		return 0, Bron{}, fmt.Errorf("normpremie kwijtschelding: de bron geeft geen normpremie voor %s", l)
	}
	w, err := p.zoek(idKwijtNormpremie+code, dag(datum))
	if err != nil {
		return 0, Bron{}, fmt.Errorf("normpremie kwijtschelding: %w", err)
	}
	return w.bedrag, w.bron, nil
}

// KwijtscheldingExtraVermogen returns the extra bank balance a gemeente may allow for kwijtschelding
// (art. 12 lid 2 d URIW) for the leefvorm.
func (p *Parameters) KwijtscheldingExtraVermogen(l Leefvorm, datum time.Time) (geld.Bedrag, Bron, error) {
	code := map[Leefvorm]string{Alleenstaande: "alleenstaande", AlleenstaandeOuder: "alleenstaande_ouder", Gehuwden: "echtgenoten"}[l]
	if code == "" {
		return 0, Bron{}, fmt.Errorf("extra vermogen kwijtschelding: onbekende leefvorm %d", int(l))
	}
	w, err := p.zoek(idKwijtExtra+code, dag(datum))
	if err != nil {
		return 0, Bron{}, fmt.Errorf("extra vermogen kwijtschelding: %w", err)
	}
	return w.bedrag, w.bron, nil
}

// KostendelerMinimumleeftijd returns the age from which a housemate counts as kostendelende
// medebewoner (art. 19a Pw; 27 since 1 January 2023).
func (p *Parameters) KostendelerMinimumleeftijd(datum time.Time) (int, Bron, error) {
	w, err := p.zoek(idKostendelerLeeftijd, dag(datum))
	if err != nil {
		return 0, Bron{}, fmt.Errorf("minimumleeftijd kostendeler: %w", err)
	}
	return w.getal, w.bron, nil
}

// AOWLeeftijd returns the pensioengerechtigde leeftijd that applies in the calendar year of datum
// (art. 7a AOW fixes it per calendar year).
func (p *Parameters) AOWLeeftijd(datum time.Time) (jaren, maanden int, err error) {
	w, err := p.zoek(idAOWLeeftijd, dag(datum))
	if err != nil {
		return 0, 0, fmt.Errorf("AOW-leeftijd: %w", err)
	}
	return w.jaren, w.maanden, nil
}

// AOWBereikt reports whether someone born on geboortedatum has reached the AOW-leeftijd on datum.
//
// Art. 7a AOW fixes the age per calendar year, and someone who reached the age of a year keeps it in
// later years. So: the person reached it in year Y when geboortedatum + age(Y) falls in Y. The ages
// never go down (the law raises them by 0 or 3 months a year), which lets us walk back from the
// year of datum and stop as soon as the answer is certain; a year the data does not cover gives an
// error wrapping ErrBuitenPeriode. Adding years and months follows time.AddDate: a day that does not
// exist in the target month moves to the next day (born 29 February → 1 March), the same rule as
// Leeftijd.
func (p *Parameters) AOWBereikt(geboortedatum, datum time.Time) (bool, error) {
	g, d := dag(geboortedatum), dag(datum)
	if g.After(d) {
		return false, fmt.Errorf("AOW-leeftijd: geboortedatum %s ligt na %s", g.Format(time.DateOnly), d.Format(time.DateOnly))
	}
	for y := d.Year(); y >= d.Year()-3; y-- {
		j, m, err := p.AOWLeeftijd(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			return false, err
		}
		bereikt := g.AddDate(j, m, 0)
		switch {
		case bereikt.Year() > y:
			// Not reached in y, and not earlier: earlier ages are not higher.
			return false, nil
		case bereikt.Year() < y:
			// Reached this age before y, so an earlier year's (not higher) age was reached in its year.
			return true, nil
		case !bereikt.After(d):
			return true, nil
		}
		// Reaches the age of y later in y than datum; a lower age of y-1 may have been reached in y-1.
	}
	return false, errors.New("AOW-leeftijd: kon niet worden bepaald")
}

// Minimumloon returns the statutory minimum wage for 21 and older on datum: the referentiemaandloon
// (gross per month, without holiday allowance) and the hourly wage, with the source of the monthly
// amount. When the reference lacks a part (the referentiemaandloon from 1 July 2026 was not found) the
// error wraps ErrOnbekend and says which part; the parts that are known are still returned. An hourly
// wage the reference marks as unverified is also reported in that way.
func (p *Parameters) Minimumloon(datum time.Time) (maand geld.Bedrag, uur geld.Bedrag, bron Bron, err error) {
	d := dag(datum)
	wu, errU := p.zoek(idWMLUur, d)
	wm, errM := p.zoek(idWMLMaand, d)
	if errU != nil && errM != nil {
		return 0, 0, Bron{}, fmt.Errorf("minimumloon: %w", errU)
	}
	var fouten []error
	if errU == nil {
		uur, bron = wu.bedrag, wu.bron
		if wu.ongeverifieerd {
			fouten = append(fouten, fmt.Errorf("%w: het uurloon %s per %s is niet geverifieerd (%s)", ErrOnbekend, wu.bedrag, wu.vanaf.Format(time.DateOnly), wu.noot))
		}
	} else {
		fouten = append(fouten, fmt.Errorf("%w: geen minimumuurloon op %s", ErrOnbekend, d.Format(time.DateOnly)))
	}
	if errM == nil {
		maand, bron = wm.bedrag, wm.bron
	} else {
		fouten = append(fouten, fmt.Errorf("%w: geen referentiemaandloon op %s (niet gevonden in de bron)", ErrOnbekend, d.Format(time.DateOnly)))
	}
	if len(fouten) > 0 {
		return maand, uur, bron, fmt.Errorf("minimumloon: %w", errors.Join(fouten...))
	}
	return maand, uur, bron, nil
}

// Leeftijd returns the age in whole years on datum. Someone born on 29 February becomes a year older
// on 1 March in years without 29 February (the rule of huishouden.Persoon.Leeftijd as well).
func Leeftijd(geboortedatum, datum time.Time) int {
	g, d := dag(geboortedatum), dag(datum)
	j := d.Year() - g.Year()
	if d.Month() < g.Month() || (d.Month() == g.Month() && d.Day() < g.Day()) {
		j--
	}
	return j
}
