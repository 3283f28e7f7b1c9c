package nl

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
)

// Tarief is a rate in millionths: 35,82% is 358200, 6,337% is 63370. Tax rates and afbouw percentages
// have up to three decimals of a percent, more than geld.Percentage (hundredths) holds. A negative
// rate is an afbouw (the arbeidskorting falls as income rises).
type Tarief int64

// tariefEen is 100% as a Tarief.
const tariefEen Tarief = 1_000_000

// ParseTarief reads "35.82%", "-6.510%" or "8%": a percentage with at most four decimals and the
// percent sign. It never panics.
func ParseTarief(s string) (Tarief, error) {
	t := strings.TrimSpace(s)
	getal, ok := strings.CutSuffix(t, "%")
	if !ok || getal == "" {
		return 0, fmt.Errorf("tarief %q: schrijf een percentage met %%-teken, bijvoorbeeld 35.82%%", s)
	}
	neg := strings.HasPrefix(getal, "-")
	getal = strings.TrimPrefix(getal, "-")
	heel, deel, _ := strings.Cut(getal, ".")
	if heel == "" || len(deel) > 4 || strings.ContainsAny(heel+deel, "+-_ ") {
		return 0, fmt.Errorf("tarief %q: schrijf een percentage met hoogstens vier decimalen", s)
	}
	h, err := strconv.ParseInt(heel, 10, 64)
	if err != nil || h > 1000 {
		return 0, fmt.Errorf("tarief %q: geen percentage van 0 tot 1000", s)
	}
	d := int64(0)
	if deel != "" {
		d, err = strconv.ParseInt(deel+strings.Repeat("0", 4-len(deel)), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("tarief %q: geen getal", s)
		}
	}
	v := Tarief(h*10_000 + d)
	if neg {
		v = -v
	}
	return v, nil
}

// Van returns the rate of b, rounded half away from zero to whole cents.
func (t Tarief) Van(b geld.Bedrag) geld.Bedrag {
	n := int64(b) * int64(t)
	if n >= 0 {
		return geld.Bedrag((n + 500_000) / 1_000_000)
	}
	return -geld.Bedrag((-n + 500_000) / 1_000_000)
}

// String writes "35,82%" (Dutch decimal comma, no trailing zeros).
func (t Tarief) String() string {
	v := int64(t)
	teken := ""
	if v < 0 {
		teken, v = "-", -v
	}
	s := teken + strconv.FormatInt(v/10_000, 10)
	if r := v % 10_000; r != 0 {
		s += "," + strings.TrimRight(fmt.Sprintf("%04d", r), "0")
	}
	return s + "%"
}
