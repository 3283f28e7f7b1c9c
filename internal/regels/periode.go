package regels

import "github.com/zeker-platform/zeker/internal/geld"

// Jaarbedrag converts an amount paid in period p to a yearly amount: monthly × 12, quarterly × 4,
// others once. The scan and the what-if add up yearly amounts of regelingen with different periods.
func (p Periode) Jaarbedrag(b geld.Bedrag) geld.Bedrag {
	switch p {
	case PerMaand:
		return b * 12
	case PerKwartaal:
		return b * 4
	}
	return b
}
