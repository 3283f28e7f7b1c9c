package register

import (
	"github.com/zeker-platform/zeker/internal/huishouden"
)

// Record is one household as the gemeente knows it: its own id (the key of an import), the
// household in the model of package huishouden, and the BSN of each person (parallel to
// H.Personen; "" when the source has none).
//
// Huisnummer and Toevoeging complete the postcode to an address (optional columns of the BRP extract);
// Briefadres marks an address that is a briefadres (BRP adresfunctie B: a shelter, the gemeente office,
// a relative), which vroegsignalering never matches or groups by (docs/signalen.md).
type Record struct {
	ID         string
	BSN        []string
	H          huishouden.Huishouden
	Huisnummer int
	Toevoeging string
	Briefadres bool
}
