package bsn

import "testing"

func TestGeldig(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"999990019", true},  // test range, passes the 11-proef
		{"999990018", false}, // check digit off by one
		{"000000000", false},
		{"99999001", false},
		{"9999900190", false},
		{"99999001a", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := Geldig(tt.in); got != tt.want {
			t.Errorf("Geldig(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
