package regels

import "github.com/zeker-platform/zeker/internal/geld"

// Jaarbedrag converts an amount paid in period p to a yearly amount: monthly × 12, others once. The
// scan and the what-if add up yearly amounts of regelingen with different periods.
func (p Periode) Jaarbedrag(b geld.Bedrag) geld.Bedrag {
	if p == PerMaand {
		return b * 12
	}
	return b
}
