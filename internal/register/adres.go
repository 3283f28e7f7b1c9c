package register

import (
	"fmt"
	"strconv"
	"strings"
)

// leesAdres reads the address columns of the BRP extract: huisnummer, toevoeging (huisletter and
// huisnummertoevoeging together, as vroegsignalering's signals carry them) and briefadres (ja: the
// household's address is a briefadres, BRP adresfunctie B; nee or empty: a woonadres or not known).
// A briefadres is never used to match or group vroegsignalen by address (docs/signalen.md).
func leesAdres(rec *Record, huisnummer, toevoeging, briefadres string, fout func(k int, reden string) error) error {
	if huisnummer != "" {
		n, err := strconv.Atoi(huisnummer)
		if err != nil || n < 1 || n > 99999 {
			return fout(kHuisnummer, fmt.Sprintf("%q is geen huisnummer: schrijf een heel getal van 1 tot en met 99999", huisnummer))
		}
		if rec.H.Postcode == "" {
			return fout(kHuisnummer, "een huisnummer zonder postcode: vul ook de postcode in")
		}
		rec.Huisnummer = n
	}
	if toevoeging != "" {
		t := strings.ToUpper(toevoeging)
		if len(t) > 4 || !alfanumeriek(t) {
			return fout(kToevoeging, fmt.Sprintf("%q is geen toevoeging: hoogstens 4 letters of cijfers, zoals A of 2HG", toevoeging))
		}
		if rec.Huisnummer == 0 {
			return fout(kToevoeging, "een toevoeging zonder huisnummer: vul ook het huisnummer in")
		}
		rec.Toevoeging = t
	}
	switch strings.ToLower(briefadres) {
	case "", "nee", "false", "0":
	case "ja", "true", "1":
		rec.Briefadres = true
	default:
		return fout(kBriefadres, fmt.Sprintf("%q: schrijf ja (briefadres, BRP adresfunctie B), nee (woonadres) of laat leeg", briefadres))
	}
	return nil
}

func alfanumeriek(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
