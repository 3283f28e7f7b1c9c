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

func TestFields(t *testing.T) {
	var fs Fields
	if fs.Err() != nil {
		t.Fatal("an empty list is no error")
	}
	fs.Add("naam", "Vul de naam in.")
	fs.Add("leeg", "")
	fs.Set("naam", "tweede reden")
	fs.Set("kvk", "Schrijf 8 cijfers.")
	if len(fs) != 2 || fs.Reason("naam") != "Vul de naam in." || fs.Reason("kvk") != "Schrijf 8 cijfers." || fs.Has("leeg") {
		t.Fatalf("fs = %+v", fs)
	}
	err := fmt.Errorf("partner: %w", fs.Err())
	var terug Fields
	if !errors.Is(err, Invalid) || !errors.As(err, &terug) || len(terug) != 2 || KindOf(err) != Invalid {
		t.Fatalf("err = %v", err)
	}
	if got := err.Error(); got != "partner: naam: Vul de naam in.; kvk: Schrijf 8 cijfers." {
		t.Errorf("Error() = %q", got)
	}
	if !errors.Is(FieldError("x", "y"), Invalid) {
		t.Error("FieldError is not Invalid")
	}
}
