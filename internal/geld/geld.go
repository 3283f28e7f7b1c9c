// Package geld is exact money for Zeker: amounts in integer euro cents, parsing of decimal text without
// floating point, Dutch formatting, and named, explicit rounding. No float64 ever holds money.
package geld

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Bedrag is an amount of money in euro cents.
type Bedrag int64

// Euro returns whole euros as a Bedrag.
func Euro(e int64) Bedrag { return Bedrag(e * 100) }

// ErrOngeldig is returned for text that is not an amount.
var ErrOngeldig = errors.New("geen geldig bedrag")

// Parse reads an amount written in euros: "1512", "1512.5", "1512,50", "1.512,50", "€ 1.512,50",
// "-3.10". More than two decimals is an error (no silent rounding of input).
func Parse(s string) (Bedrag, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "€")
	t = strings.TrimSpace(t)
	if t == "" {
		return 0, fmt.Errorf("%w: leeg", ErrOngeldig)
	}
	neg := false
	if t[0] == '-' {
		neg, t = true, t[1:]
	}
	// Decide which separator is the decimal one: the last of '.' or ',' if followed by 1-2 digits.
	dec := -1
	if i := strings.LastIndexAny(t, ".,"); i >= 0 && len(t)-i-1 <= 2 && len(t)-i-1 >= 1 {
		dec = i
	}
	intPart, frac := t, ""
	if dec >= 0 {
		intPart, frac = t[:dec], t[dec+1:]
	}
	// Remaining separators in the integer part must be thousands groups of three digits.
	if strings.ContainsAny(intPart, ".,") {
		groups := strings.FieldsFunc(intPart, func(r rune) bool { return r == '.' || r == ',' })
		if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, fmt.Errorf("%w: %q", ErrOngeldig, s)
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, fmt.Errorf("%w: %q", ErrOngeldig, s)
			}
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" {
		intPart = "0"
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("%w: %q", ErrOngeldig, s)
		}
	}
	if len(intPart) > 15 {
		return 0, fmt.Errorf("%w: %q is te groot", ErrOngeldig, s)
	}
	e, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q", ErrOngeldig, s)
	}
	var c int64
	switch len(frac) {
	case 1:
		c = int64(frac[0]-'0') * 10
	case 2:
		c = int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	}
	b := Bedrag(e*100 + c)
	if neg {
		b = -b
	}
	return b, nil
}

// MustParse is Parse for constants in tests and tables; it panics on bad input.
func MustParse(s string) Bedrag {
	b, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return b
}

// String formats as Dutch money: "€ 1.512,50"; negative "-€ 3,10".
func (b Bedrag) String() string { return b.formatteer("€ ", '.', ',', true) }

// Opmaak is how a language writes money: the symbol before the amount, the separators of thousands
// and of cents, and whether whole amounts show their cents. The texts of a trace take it from their
// language's catalogue.
type Opmaak struct {
	Symbool         string
	Groep, Decimaal byte
	AltijdCenten    bool
}

// Opgemaakt formats b as o says; Opmaak{"€ ", '.', ',', false} is Kort, Opmaak{"€", ',', '.', true}
// is English.
func (b Bedrag) Opgemaakt(o Opmaak) string {
	return b.formatteer(o.Symbool, o.Groep, o.Decimaal, o.AltijdCenten || b%100 != 0)
}

// Kort formats whole amounts without cents ("€ 1.512") and others with cents ("€ 1.512,50").
func (b Bedrag) Kort() string { return b.formatteer("€ ", '.', ',', b%100 != 0) }

// Decimal formats as a plain decimal with a point and two decimals ("1512.50"), for CSV and JSON.
func (b Bedrag) Decimal() string {
	sign := ""
	v := int64(b)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// English formats as "€1,512.50" for English pages.
func (b Bedrag) English() string { return b.formatteer("€", ',', '.', true) }

// formatteer writes sign, symbol, the euros in groups of three and, if centen, the cents, in one
// allocation: money is formatted on every line of a trace.
func (b Bedrag) formatteer(symbool string, groep, decimaal byte, centen bool) string {
	v := int64(b)
	neg := v < 0
	if neg {
		v = -v
	}
	var buf [40]byte
	i := len(buf)
	if centen {
		c := v % 100
		buf[i-1] = byte('0' + c%10)
		buf[i-2] = byte('0' + c/10)
		buf[i-3] = decimaal
		i -= 3
	}
	e := v / 100
	for n := 0; ; n++ {
		if n > 0 && n%3 == 0 {
			i--
			buf[i] = groep
		}
		i--
		buf[i] = byte('0' + e%10)
		e /= 10
		if e == 0 {
			break
		}
	}
	i -= len(symbool)
	copy(buf[i:], symbool)
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// MarshalText writes the plain decimal form, so JSON carries "1512.50" as a string without float.
func (b Bedrag) MarshalText() ([]byte, error) { return []byte(b.Decimal()), nil }

// UnmarshalText accepts the forms Parse accepts.
func (b *Bedrag) UnmarshalText(p []byte) error {
	v, err := Parse(string(p))
	if err != nil {
		return err
	}
	*b = v
	return nil
}

// UnmarshalJSON accepts a JSON number (1512.5) or string ("1512,50") without going through float64.
func (b *Bedrag) UnmarshalJSON(p []byte) error {
	s := strings.TrimSpace(string(p))
	if s == "null" {
		return nil
	}
	if len(s) >= 2 && s[0] == '"' {
		uq, err := strconv.Unquote(s)
		if err != nil {
			return fmt.Errorf("%w: %s", ErrOngeldig, s)
		}
		s = uq
	} else if strings.ContainsAny(s, "eE,") {
		return fmt.Errorf("%w: %s", ErrOngeldig, s)
	}
	return b.UnmarshalText([]byte(s))
}

// Percentage is a percentage in hundredths of a percent (basis points): 130% is 13000, 12,5% is 1250.
type Percentage int64

// Procent returns p whole percent.
func Procent(p int64) Percentage { return Percentage(p * 100) }

// String formats "130%" or "12,5%".
func (p Percentage) String() string {
	if p%100 == 0 {
		return strconv.FormatInt(int64(p)/100, 10) + "%"
	}
	s := fmt.Sprintf("%d,%02d", int64(p)/100, int64(p)%100)
	s = strings.TrimRight(s, "0")
	return s + "%"
}

// ParsePercentage reads "130", "130%", "12,5", "12.5%".
func ParsePercentage(s string) (Percentage, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	b, err := Parse(t)
	if err != nil {
		return 0, fmt.Errorf("geen geldig percentage: %q", s)
	}
	return Percentage(b), nil
}

// VanHalfOmhoog returns p of b rounded half up to whole cents (half away from zero for negatives),
// the rounding municipal tables use for income limits.
func (b Bedrag) VanHalfOmhoog(p Percentage) Bedrag {
	return Bedrag(deelHalfOmhoog(int64(b)*int64(p), 10000))
}

// VanNaarBeneden returns p of b rounded down (toward zero) to whole cents, for repayments that may
// not exceed a share of income.
func (b Bedrag) VanNaarBeneden(p Percentage) Bedrag {
	return Bedrag(int64(b) * int64(p) / 10000)
}

// AlsPercentageVan returns b as a percentage of n, rounded down to hundredths of a percent. n must
// be positive.
func (b Bedrag) AlsPercentageVan(n Bedrag) Percentage {
	if n <= 0 {
		return 0
	}
	return Percentage(int64(b) * 10000 / int64(n))
}

func deelHalfOmhoog(a, d int64) int64 {
	if a >= 0 {
		return (a + d/2) / d
	}
	return -((-a + d/2) / d)
}

// DeelHalfOmhoog divides b by n and rounds half up to whole cents (for example a yearly amount
// spread over 12 months).
func (b Bedrag) DeelHalfOmhoog(n int64) Bedrag { return Bedrag(deelHalfOmhoog(int64(b), n)) }
