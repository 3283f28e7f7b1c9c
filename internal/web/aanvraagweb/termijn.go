package aanvraagweb

import (
	"github.com/zeker-platform/zeker/internal/datum"
	"strconv"

	"github.com/zeker-platform/zeker/internal/termijn"
)

// BijnaWerkdagen: a deadline is red in its last working days, while it can still be met.
const BijnaWerkdagen = 3

// termijnStaat is how a decision deadline is shown.
type termijnStaat struct {
	Datum, Tekst string
	Rood, Te     bool
}

func staat(deadline, vandaag datum.Datum) termijnStaat {
	t := termijnStaat{Datum: datumNL(deadline)}
	switch {
	case deadline.IsZero():
		t.Tekst = "Geen termijn"
	case vandaag.Na(deadline):
		t.Te, t.Tekst = true, "Verlopen"
	case deadline == vandaag:
		t.Rood, t.Tekst = true, "Vandaag is de laatste dag"
	default:
		n := termijn.WerkdagenTussen(vandaag, deadline)
		t.Rood = n < BijnaWerkdagen
		t.Tekst = "Nog " + strconv.Itoa(n) + " werkdagen"
		if n == 1 {
			t.Tekst = "Nog 1 werkdag"
		}
	}
	return t
}
