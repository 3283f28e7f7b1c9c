package termijn

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/zeker-platform/zeker/internal/datum"
)

// Eenheid is the unit a term is counted in.
type Eenheid string

// The units.
const (
	Werkdagen     Eenheid = "werkdagen"
	Kalenderdagen Eenheid = "dagen"
	Weken         Eenheid = "weken"
)

// Eenheden lists the units, for forms.
func Eenheden() []Eenheid { return []Eenheid{Werkdagen, Kalenderdagen, Weken} }

// Geldig reports whether e is a known unit.
func (e Eenheid) Geldig() bool { return e == Werkdagen || e == Kalenderdagen || e == Weken }

// Termijn is a term: a number of working days, calendar days or weeks.
type Termijn struct {
	Aantal  int
	Eenheid Eenheid
}

// ErrOngeldig marks a term that cannot be counted.
var ErrOngeldig = errors.New("termijn: ongeldige termijn")

// MaxAantal bounds a term (in its unit): no legal or local term of Zeker comes near it, and it keeps a
// mistyped setting from making a deadline decades away.
const MaxAantal = 400

// Controleer checks that t can be counted: a known unit and 1..MaxAantal.
func (t Termijn) Controleer() error {
	if !t.Eenheid.Geldig() {
		return fmt.Errorf("%w: onbekende eenheid %q (kies werkdagen, dagen of weken)", ErrOngeldig, t.Eenheid)
	}
	if t.Aantal < 1 || t.Aantal > MaxAantal {
		return fmt.Errorf("%w: %d %s: kies een aantal van 1 tot en met %d", ErrOngeldig, t.Aantal, t.Eenheid, MaxAantal)
	}
	return nil
}

// IsNul reports whether t is unset.
func (t Termijn) IsNul() bool { return t == Termijn{} }

// String writes "4 weken", "3 werkdagen", "1 dag".
func (t Termijn) String() string {
	if t.IsNul() {
		return ""
	}
	n := strconv.Itoa(t.Aantal)
	if t.Aantal == 1 {
		switch t.Eenheid {
		case Werkdagen:
			return n + " werkdag"
		case Kalenderdagen:
			return n + " dag"
		case Weken:
			return n + " week"
		}
	}
	return n + " " + string(t.Eenheid)
}

// dagen is the length of a calendar-day or week term in days.
func (t Termijn) dagen() int {
	if t.Eenheid == Weken {
		return 7 * t.Aantal
	}
	return t.Aantal
}

// Uitkomst is the end of a term and how it was found.
type Uitkomst struct {
	// Einde is the last day of the term: the deadline is met on or before it.
	Einde datum.Datum
	// Onverlengd is the day the count alone gives, before Atw arts. 1 and 2 (equal to Einde when nothing
	// was extended; for working days always equal).
	Onverlengd datum.Datum
	// Verlenging says why the term was extended, with the article; "" when it was not.
	Verlenging string
}

// Bereken returns the end of term t that starts after day start (start itself does not count). See the
// package doc for the rules (Atw arts. 1, 2 and 4).
func Bereken(start datum.Datum, t Termijn) (Uitkomst, error) {
	if err := t.Controleer(); err != nil {
		return Uitkomst{}, err
	}
	if start.IsZero() {
		return Uitkomst{}, fmt.Errorf("%w: geen begindatum", ErrOngeldig)
	}
	if t.Eenheid == Werkdagen {
		e := PlusWerkdagen(start, t.Aantal)
		return Uitkomst{Einde: e, Onverlengd: e}, nil
	}
	n := t.dagen()
	e := start.PlusDagen(n)
	u := Uitkomst{Einde: e, Onverlengd: e}
	// Atw art. 4 onder a: not for terms of more than 90 days or more than twelve weeks.
	if (t.Eenheid == Kalenderdagen && n > 90) || (t.Eenheid == Weken && t.Aantal > 12) {
		return u, nil
	}
	// Art. 1 lid 1: a term that ends on a Saturday, Sunday or holiday runs until the next day that is none.
	if !IsWerkdag(e) {
		u.Einde = VolgendeWerkdag(e)
		u.Verlenging = fmt.Sprintf("De termijn eindigde op %s (%s) en loopt door tot de eerstvolgende werkdag (Algemene termijnenwet artikel 1).",
			e.String(), WaaromGeenWerkdag(e))
	}
	// Art. 2: a term of at least three days holds at least two days that are not a Saturday, Sunday or holiday.
	if n >= 3 {
		for WerkdagenTussen(start, u.Einde) < 2 {
			u.Einde = VolgendeWerkdag(u.Einde.PlusDagen(1))
			u.Verlenging = fmt.Sprintf("De termijn bevatte minder dan twee werkdagen en loopt door tot %s (Algemene termijnenwet artikel 2).",
				u.Einde.String())
		}
	}
	return u, nil
}

// Einde is Bereken without the explanation.
func Einde(start datum.Datum, t Termijn) (datum.Datum, error) {
	u, err := Bereken(start, t)
	return u.Einde, err
}
