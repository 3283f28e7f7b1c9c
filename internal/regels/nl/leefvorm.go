package nl

import (
	"fmt"
	"strings"
)

// Leefvorm is the household type the Participatiewet sets a norm for.
type Leefvorm int

// The leefvormen of the Participatiewet (art. 4 Pw). The zero value is not a leefvorm.
const (
	Alleenstaande Leefvorm = iota + 1
	AlleenstaandeOuder
	Gehuwden
)

// String gives the Dutch name used in texts: "alleenstaande", "alleenstaande ouder",
// "gehuwden/samenwonenden".
func (l Leefvorm) String() string {
	switch l {
	case Alleenstaande:
		return "alleenstaande"
	case AlleenstaandeOuder:
		return "alleenstaande ouder"
	case Gehuwden:
		return "gehuwden/samenwonenden"
	}
	return fmt.Sprintf("Leefvorm(%d)", int(l))
}

// Code gives the snake-case code used in data files and rule packs: "alleenstaande",
// "alleenstaande_ouder", "gehuwden".
func (l Leefvorm) Code() string {
	switch l {
	case Alleenstaande:
		return "alleenstaande"
	case AlleenstaandeOuder:
		return "alleenstaande_ouder"
	case Gehuwden:
		return "gehuwden"
	}
	return ""
}

// geldig reports whether l is one of the three leefvormen.
func (l Leefvorm) geldig() bool { return l >= Alleenstaande && l <= Gehuwden }

// ParseLeefvorm reads a code ("alleenstaande", "alleenstaande_ouder", "gehuwden"); surrounding spaces
// and case are ignored.
func ParseLeefvorm(s string) (Leefvorm, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "alleenstaande":
		return Alleenstaande, nil
	case "alleenstaande_ouder":
		return AlleenstaandeOuder, nil
	case "gehuwden":
		return Gehuwden, nil
	}
	return 0, fmt.Errorf("onbekende leefvorm %q; kies alleenstaande, alleenstaande_ouder of gehuwden", s)
}
