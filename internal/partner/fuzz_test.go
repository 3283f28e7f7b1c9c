package partner_test

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/partner"
)

// FuzzContact feeds the beheerder's form input (contact, KvK number) to the checks: they never panic,
// and what they accept is what a public page may show: an http(s) URL, a phone number of digits, a
// postcode 1234 AB, a KvK number of 8 digits, text without control characters.
func FuzzContact(f *testing.F) {
	f.Add("https://voorbeeld.example", "eigen website", "0591 123 456", "x", "Voorbeeldstraat", "1a", "9999zz", "Demodorp", "KvK", "12345678")
	f.Add("javascript:alert(1)", "", "+31 (0)591-123456", "", "", "", "", "", "", "1234 5678")
	f.Add("http://a\x00b", "a\tb", "٠٥٩١", "b", "a", "0", "0000AA", " ", "", "1234567a")
	f.Fuzz(func(t *testing.T, web, webBron, tel, telBron, straat, nr, pc, plaats, adresBron, kvk string) {
		c := partner.Contact{Website: web, WebsiteBron: webBron, Telefoon: tel, TelefoonBron: telBron,
			Adres: partner.Adres{Straat: straat, Huisnummer: nr, Postcode: pc, Plaats: plaats}, AdresBron: adresBron}.Normaliseer()
		if partner.ValideerKvK(partner.NormaliseerKvK(kvk)) == "" {
			k := partner.NormaliseerKvK(kvk)
			if k != "" && (len(k) != 8 || strings.Trim(k, "0123456789") != "") {
				t.Errorf("KvK %q accepted", k)
			}
		}
		if c.Valideer() != nil {
			return
		}
		for _, s := range []string{c.Website, c.WebsiteBron, c.Telefoon, c.TelefoonBron, c.Adres.Straat, c.Adres.Huisnummer,
			c.Adres.Postcode, c.Adres.Plaats, c.AdresBron} {
			if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\t\n\r") {
				t.Errorf("accepted %q", s)
			}
		}
		if c.Website != "" {
			u, err := url.Parse(c.Website)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Errorf("website %q accepted", c.Website)
			}
		}
		if strings.Trim(c.Telefoon, "0123456789 +-()") != "" {
			t.Errorf("phone %q accepted", c.Telefoon)
		}
		if c.Adres.Postcode != "" && !partner.GeldigePostcode(c.Adres.Postcode) {
			t.Errorf("postcode %q accepted", c.Adres.Postcode)
		}
		if (c.Website == "") != (c.WebsiteBron == "") || (c.Telefoon == "") != (c.TelefoonBron == "") || c.Adres.Leeg() != (c.AdresBron == "") {
			t.Errorf("an item without its source, or a source without its item, accepted: %+v", c)
		}
	})
}
