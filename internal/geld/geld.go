// Package geld is exact money for Zeker: amounts in integer euro cents, parsing of decimal text without
// floating point under one notation rule for every outside input (Parse, ParseGetal; docs/geld.md),
// Dutch formatting, and named, explicit rounding. No float64 ever holds money.
package geld

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Bedrag is an amount of money in euro cents.
type Bedrag int64

// Euro returns whole euros as a Bedrag.
func Euro(e int64) Bedrag { return Bedrag(e * 100) }

// The errors of Parse and ParseGetal. Every one of them is also ErrOngeldig; errors.Is tells them apart,
// and Reden gives the B1 sentence to show.
var (
	ErrOngeldig        = errors.New("geen geldig bedrag")
	ErrLeeg            = fmt.Errorf("%w: leeg", ErrOngeldig)
	ErrGeenGetal       = fmt.Errorf("%w: geen getal", ErrOngeldig)
	ErrTeVeelDecimalen = fmt.Errorf("%w: meer dan 2 decimalen", ErrOngeldig)
	ErrDubbelzinnig    = fmt.Errorf("%w: dubbelzinnig scheidingsteken", ErrOngeldig)
	ErrGroepering      = fmt.Errorf("%w: duizendtallen niet per 3 cijfers", ErrOngeldig)
	ErrTeGroot         = fmt.Errorf("%w: te groot", ErrOngeldig)
)

// Fout is an error of Parse or ParseGetal: its kind (one of the Err values above) and a B1 Dutch
// reason for the person who typed or sent the amount. Neither contains the text itself, so a Fout can
// go back to a partner or into a log without echoing input; a caller that wants the text adds it.
type Fout struct {
	Soort error
	Reden string
}

func (f *Fout) Error() string { return f.Soort.Error() + ". " + f.Reden }
func (f *Fout) Unwrap() error { return f.Soort }

// Reden returns the B1 Dutch reason of an error of Parse or ParseGetal (err.Error() for other errors).
func Reden(err error) string {
	var f *Fout
	if errors.As(err, &f) {
		return f.Reden
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

func fout(soort error, reden string) error { return &Fout{Soort: soort, Reden: reden} }

const voorbeeld = " Schrijf bijvoorbeeld 1234,56 of 1234.56."

// Parse reads an amount in euros from outside input: API text, CSV uploads, imports, forms, rule packs.
// It is the one notation rule for money text in Zeker (docs/geld.md):
//
//   - digits, at most one decimal separator (a comma or a point) followed by one or two digits:
//     "1512", "1512,5", "1512,50", "1512.50", "0,01";
//   - thousands separators only where they cannot be read as a decimal separator: together with a
//     decimal separator of the other kind ("1.512,50", "1,512.50") or repeated ("12.345.678"),
//     always in groups of three digits;
//   - optionally "€" and spaces around, and a minus sign before the digits or the "€" ("-3,10",
//     "€ -3,10", "-€ 3,10", which is how String writes a negative amount);
//   - nothing else. One separator followed by exactly three digits ("1.500", "1,500") is refused as
//     ambiguous: in Dutch it is one and a half thousand, in English one and a half (ErrDubbelzinnig).
//     More than two decimals ("0.001", "1,5000") is refused, never rounded (ErrTeVeelDecimalen).
//
// Every error is a *Fout (errors.Is(err, ErrOngeldig)); Reden(err) is the sentence to show.
func Parse(s string) (Bedrag, error) {
	t := strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, strings.TrimSpace(t[1:])
	}
	if strings.HasPrefix(t, "€") {
		t = strings.TrimSpace(t[len("€"):])
	}
	if !neg && strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	}
	if t == "" {
		return 0, fout(ErrLeeg, "Vul een bedrag in."+voorbeeld)
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; (c < '0' || c > '9') && c != '.' && c != ',' {
			return 0, fout(ErrGeenGetal, "Dit is geen bedrag: gebruik alleen cijfers, met een komma of punt voor de centen."+voorbeeld)
		}
	}
	if t[0] == '.' || t[0] == ',' || t[len(t)-1] == '.' || t[len(t)-1] == ',' {
		return 0, fout(ErrGeenGetal, "Een bedrag begint en eindigt met een cijfer."+voorbeeld)
	}
	punten, kommas := strings.Count(t, "."), strings.Count(t, ",")
	heel, frac := t, ""
	switch {
	case punten+kommas == 0:
	case punten > 0 && kommas > 0:
		// Both kinds: the last one is the decimal separator and occurs once; the other groups.
		i := strings.LastIndexAny(t, ".,")
		if strings.Count(t, t[i:i+1]) != 1 {
			return 0, fout(ErrGroepering, "Er staan punten en komma's door elkaar in dit bedrag."+voorbeeld)
		}
		heel, frac = t[:i], t[i+1:]
		if len(frac) > 2 {
			return 0, fout(ErrTeVeelDecimalen, "Het bedrag heeft meer dan 2 cijfers achter de komma. Schrijf hoogstens 2, in centen.")
		}
		var ok bool
		if heel, ok = groepen(heel, otherSep(t[i])); !ok {
			return 0, fout(ErrGroepering, "De scheidingstekens voor duizendtallen staan niet per 3 cijfers."+voorbeeld)
		}
	case punten+kommas == 1:
		i := strings.IndexAny(t, ".,")
		heel, frac = t[:i], t[i+1:]
		switch {
		case len(frac) <= 2:
		case len(frac) == 3 && len(heel) <= 3 && heel[0] != '0':
			return 0, fout(ErrDubbelzinnig, "Dit bedrag is dubbelzinnig: 1.500 en 1,500 kunnen duizendvijfhonderd euro zijn of anderhalve euro. Schrijf het zonder scheidingsteken voor duizendtallen (1500) of met de centen erbij (1.500,00 of 1,50).")
		default:
			return 0, fout(ErrTeVeelDecimalen, "Het bedrag heeft meer dan 2 cijfers achter de komma. Schrijf hoogstens 2, in centen.")
		}
	default:
		// One kind, several times: thousands separators only ("12.345.678").
		var ok bool
		if heel, ok = groepen(t, t[strings.IndexAny(t, ".,")]); !ok {
			return 0, fout(ErrGroepering, "De scheidingstekens voor duizendtallen staan niet per 3 cijfers, of er staan meer decimaaltekens in."+voorbeeld)
		}
	}
	if len(heel) > 15 {
		return 0, fout(ErrTeGroot, "Dit bedrag is te groot.")
	}
	e, err := strconv.ParseInt(heel, 10, 64)
	if err != nil {
		return 0, fout(ErrGeenGetal, "Dit is geen bedrag."+voorbeeld)
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

func otherSep(c byte) byte {
	if c == '.' {
		return ','
	}
	return '.'
}

// groepen removes the thousands separator sep from s and reports whether s was digits in groups of
// three after a first group of one to three digits that does not start with 0 (unless it is "0" alone
// and there is no other group).
func groepen(s string, sep byte) (string, bool) {
	if strings.IndexByte(s, sep) < 0 {
		return s, !strings.ContainsAny(s, ".,")
	}
	delen := strings.Split(s, string(sep))
	if len(delen[0]) == 0 || len(delen[0]) > 3 || delen[0][0] == '0' {
		return "", false
	}
	for _, d := range delen[1:] {
		if len(d) != 3 {
			return "", false
		}
	}
	out := strings.Join(delen, "")
	return out, !strings.ContainsAny(out, ".,")
}

// ParseGetal reads a JSON number token as an amount in euros: digits with at most two decimals after a
// point ("1500", "1500.5", "1500.50", "-3.10"). JSON numbers have no thousands separators, so "1.500"
// is one and a half with three decimals and refused like "0.001" (ErrTeVeelDecimalen); an exponent
// ("1e3") is refused too. Pass the token as written (json.Number, a raw message), never a float64.
func ParseGetal(tok string) (Bedrag, error) {
	t := tok
	neg := strings.HasPrefix(t, "-")
	if neg {
		t = t[1:]
	}
	heel, frac, punt := strings.Cut(t, ".")
	if heel == "" || (punt && frac == "") || (len(heel) > 1 && heel[0] == '0') {
		return 0, fout(ErrGeenGetal, "Dit is geen bedrag."+voorbeeldGetal)
	}
	for _, d := range []string{heel, frac} {
		for i := 0; i < len(d); i++ {
			if d[i] < '0' || d[i] > '9' {
				if d[i] == 'e' || d[i] == 'E' {
					return 0, fout(ErrGeenGetal, "Schrijf het bedrag zonder exponent (e)."+voorbeeldGetal)
				}
				return 0, fout(ErrGeenGetal, "Dit is geen bedrag."+voorbeeldGetal)
			}
		}
	}
	if len(frac) > 2 {
		return 0, fout(ErrTeVeelDecimalen, "Het bedrag heeft meer dan 2 decimalen. Een JSON-getal heeft geen scheidingsteken voor duizendtallen: schrijf 1500 voor duizendvijfhonderd euro en hoogstens 2 decimalen, zoals 1500.50.")
	}
	return Parse(tok)
}

const voorbeeldGetal = " Schrijf een JSON-getal met hoogstens 2 decimalen, zoals 1500 of 1500.50."

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

// AppendOpgemaakt appends Opgemaakt(o) to dst: for writers that format many amounts into one buffer
// (the wording of a trace) without a string per amount.
func (b Bedrag) AppendOpgemaakt(dst []byte, o Opmaak) []byte {
	var buf [40]byte
	i := b.schrijfAchteraan(&buf, o.Symbool, o.Groep, o.Decimaal, o.AltijdCenten || b%100 != 0)
	return append(dst, buf[i:]...)
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
	var buf [40]byte
	i := b.schrijfAchteraan(&buf, symbool, groep, decimaal, centen)
	return string(buf[i:])
}

// schrijfAchteraan writes the formatted amount at the end of buf and returns where it starts.
func (b Bedrag) schrijfAchteraan(buf *[40]byte, symbool string, groep, decimaal byte, centen bool) int {
	v := int64(b)
	neg := v < 0
	if neg {
		v = -v
	}
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
	return i
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

// UnmarshalJSON accepts a JSON number under ParseGetal (1512.5) or a string under Parse ("1512,50"),
// without going through float64. null leaves b unchanged (the encoding/json convention); a caller for
// whom the amount is required checks its presence (the API does so against its OpenAPI document).
func (b *Bedrag) UnmarshalJSON(p []byte) error {
	s := strings.TrimSpace(string(p))
	if s == "null" {
		return nil
	}
	if len(s) >= 2 && s[0] == '"' {
		var uq string
		if err := json.Unmarshal([]byte(s), &uq); err != nil {
			return fout(ErrGeenGetal, "Dit is geen bedrag."+voorbeeld)
		}
		return b.UnmarshalText([]byte(uq))
	}
	v, err := ParseGetal(s)
	if err != nil {
		return err
	}
	*b = v
	return nil
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
