package netwerk_test

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/netwerk"
)

// FuzzParsePeriode: the monitor's ?periode= and the measured value's period. Whatever is typed, a
// period is refused or reads back as itself, and its bounds are a non-empty range.
func FuzzParsePeriode(f *testing.F) {
	for _, s := range []string{"2026", "2026-K2", "2026-q4", " 2025 ", "2026-K0", "2026-K22", "２０２６", "2026-", "-K2", "+202-K1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := netwerk.ParsePeriode(s)
		if err != nil {
			return
		}
		q, err := netwerk.ParsePeriode(p.String())
		if err != nil || q != p {
			t.Fatalf("%q → %v → %q → %v, %v", s, p, p.String(), q, err)
		}
		van, tot := p.Grenzen(time.UTC)
		if !tot.After(van) || p.Kwartaal < 0 || p.Kwartaal > 4 {
			t.Fatalf("%q: %v–%v", s, van, tot)
		}
	})
}
