package signalen

import (
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
)

// Signaal is one arrears signal as a signaalpartner delivers it: the partner's own reference, the
// kind of creditor, the arrears, and the resident's data the law allows (Bgs art. 2: contact data and
// the amount; Wgs art. 8b/8c: BRP data and BSN).
type Signaal struct {
	// Referentie is the partner's own reference; with the partner it is the idempotency key.
	Referentie      string      `json:"referentie"`
	PartnerType     PartnerType `json:"partnertype"`
	Bedrag          geld.Bedrag `json:"bedrag"`
	Ontstaansdatum  datum.Datum `json:"ontstaansdatum"`
	Signaaldatum    datum.Datum `json:"signaaldatum"`
	Crisis          bool        `json:"crisis"`
	CrisisSoort     CrisisSoort `json:"crisissoort,omitempty"`
	WarmeOverdracht bool        `json:"warmeOverdracht"`
	Inwoner         Inwoner     `json:"inwoner"`
}

// Inwoner is the resident a signal is about.
type Inwoner struct {
	BSN           string      `json:"bsn,omitempty"`
	Voorletters   string      `json:"voorletters,omitempty"`
	Voorvoegsel   string      `json:"voorvoegsel,omitempty"`
	Achternaam    string      `json:"achternaam,omitempty"`
	Geboortedatum datum.Datum `json:"geboortedatum,omitzero"`
	Adres         Adres       `json:"adres"`
	Telefoon      string      `json:"telefoon,omitempty"`
	Email         string      `json:"email,omitempty"`
}

// Adres is a Dutch address. Postcode is normalised to "1234AB"; Toevoeging holds huisletter and
// huisnummertoevoeging together (DDAS huisnummertoevoeging, at most 4 characters).
type Adres struct {
	Straat     string `json:"straat,omitempty"`
	Postcode   string `json:"postcode,omitempty"`
	Huisnummer int    `json:"huisnummer,omitempty"`
	Toevoeging string `json:"toevoeging,omitempty"`
	Woonplaats string `json:"woonplaats,omitempty"`
}

// Sleutel identifies the address for matching and for "opeenvolgend": postcode, huisnummer and
// toevoeging. Empty when the address is incomplete.
func (a Adres) Sleutel() string {
	if a.Postcode == "" || a.Huisnummer <= 0 {
		return ""
	}
	return a.Postcode + "|" + itoa(a.Huisnummer) + "|" + a.Toevoeging
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
