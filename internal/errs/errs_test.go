package errs

import (
	"errors"
	"fmt"
	"testing"
)

func TestKindOf(t *testing.T) {
	for _, k := range Kinds() {
		err := fmt.Errorf("zaak 7: %w", k)
		if got := KindOf(err); got != k {
			t.Errorf("KindOf(%v) = %v, want %v", err, got, k)
		}
	}
	if got := KindOf(errors.New("iets anders")); got != nil {
		t.Errorf("KindOf(other) = %v, want nil", got)
	}
	if got := KindOf(nil); got != nil {
		t.Errorf("KindOf(nil) = %v, want nil", got)
	}
	// Two kinds in one chain: the first of the list wins, so the mapping is deterministic.
	if got := KindOf(errors.Join(Busy, NotFound)); got != NotFound {
		t.Errorf("KindOf(join) = %v, want NotFound", got)
	}
}
