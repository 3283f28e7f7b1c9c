// Package bsn checks citizen service numbers (burgerservicenummers). It is the one place the 11-proef
// lives, for the household import, the signal intake and the synthetic test persons.
package bsn

// Geldig reports whether s is nine digits that pass the 11-proef (elfproef):
// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11, and s is not all zeros.
func Geldig(s string) bool {
	if len(s) != 9 {
		return false
	}
	som := 0
	for i := 0; i < 9; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		w := 9 - i
		if i == 8 {
			w = -1
		}
		som += w * int(c-'0')
	}
	return som != 0 && som%11 == 0
}
