package synth

import (
	"fmt"
)

// BSNs returns every BSN of the range the BRP reserves for test persons (999900000–999999999)
// that passes the 11-proef, in ascending order. There are only 9,091 of them, so a synthetic
// population larger than that reuses test BSNs; in Zeker the household id, not the BSN, is the key
// of a household.
func BSNs() []string {
	out := make([]string, 0, 9091)
	for p := 99990000; p <= 99999999; p++ {
		if d := checkDigit(p); d >= 0 {
			out = append(out, fmt.Sprintf("%08d%d", p, d))
		}
	}
	return out
}

// checkDigit returns the ninth digit that makes the 8-digit prefix p pass the 11-proef, or -1 if
// none does.
func checkDigit(p int) int {
	som := 0
	for w := 2; w <= 9; w++ {
		som += w * (p % 10)
		p /= 10
	}
	if r := som % 11; r != 10 {
		return r
	}
	return -1
}
