package register

import (
	"github.com/zeker-platform/zeker/internal/huishouden"
)

// Record is one household as the gemeente knows it: its own id (the key of an import), the
// household in the model of package huishouden, and the BSN of each person (parallel to
// H.Personen; "" when the source has none).
type Record struct {
	ID  string
	BSN []string
	H   huishouden.Huishouden
}
