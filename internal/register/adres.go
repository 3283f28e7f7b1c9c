package register

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/store"
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

// BriefadresSleutel is what the import stores in register_huishouden.briefadres: for a household at a
// briefadres "postcode|huisnummer|toevoeging" (huisnummer 0 when the file gives none, as
// signalen.Adres.Sleutel writes an address), else "".
func (rec *Record) BriefadresSleutel() string {
	if !rec.Briefadres {
		return ""
	}
	return rec.H.Postcode + "|" + strconv.Itoa(rec.Huisnummer) + "|" + rec.Toevoeging
}

// Briefadres is an address the household register marks as a briefadres, with the number of the
// gemeente's stored households there.
type Briefadres struct {
	Postcode    string
	Huisnummer  int // 0: the file gave none
	Toevoeging  string
	Huishoudens int
}

// Briefadressen returns the briefadressen of the gemeente's stored households (column briefadres of the
// import), by address, from the indexed column briefadres (migration 0703): no household is parsed.
func Briefadressen(ctx context.Context, db *store.DB, gemeente string) ([]Briefadres, error) {
	rows, err := db.SQL().QueryContext(ctx, `SELECT briefadres, COUNT(*) FROM register_huishouden
		WHERE gemeente = $1 AND briefadres <> '' GROUP BY briefadres ORDER BY briefadres`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("register: briefadressen: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []Briefadres
	for rows.Next() {
		var k string
		var b Briefadres
		if err := rows.Scan(&k, &b.Huishoudens); err != nil {
			return nil, fmt.Errorf("register: briefadressen: %w", store.MapError(err))
		}
		delen := strings.SplitN(k, "|", 3)
		if len(delen) == 3 {
			b.Postcode, b.Toevoeging = delen[0], delen[2]
			b.Huisnummer, _ = strconv.Atoi(delen[1])
		}
		out = append(out, b)
	}
	return out, store.MapError(rows.Err())
}
