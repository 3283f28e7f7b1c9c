// Package partner is the partner entity of Zeker: an organisation that works with one or more
// gemeenten (a housing corporation that delivers arrears signals, Humanitas that takes over nazorg, a
// fund that accepts applications through intermediaries). It has an id that never changes (a UUID, the
// id of an Open Referral HSDS organization), a name, an optional KvK number, the public contact residents
// see (website, phone, address, each with its source) and a membership per gemeente, granted by that
// gemeente's beheerder for a period.
//
// Other parts hold the partner's id, never its name: API keys (internal/auth) belong to a partner and
// act only in the gemeenten where its membership is valid today; signals (internal/signalen) are keyed
// on (gemeente, partner id, referentie); referrals and the sociale kaart (internal/netwerk) refer to the
// same id. A partner's users are people invited by a gemeente's beheerder for that partner
// (medewerkers.go). Two partners that turn out to be one organisation are merged (VoegSamen): whatever the other
// parts hold of the one moves to the other through their Verhuizer, in one transaction, with an audit
// row per gemeente; the merged partner stays as a tombstone that points to the one it went into.
//
// Storage is internal/store (migrations 0800–0899, both dialects). docs/partner.md describes the model,
// the rules and the migration of the keys and signals that existed before the entity.
package partner

import (
	"crypto/rand"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	_ "time/tzdata" // memberships are dated in Europe/Amsterdam on hosts without zoneinfo too

	"github.com/zeker-platform/zeker/internal/errs"
)

// Organisatie is a partner organisation.
type Organisatie struct {
	ID      string // UUID; never changes
	Naam    string
	KvK     string // KvK-nummer, 8 digits; "" unknown
	Contact Contact
	// SamengevoegdIn is the partner this one was merged into; "" for an active partner.
	SamengevoegdIn  string
	Aangemaakt      time.Time
	Gewijzigd       time.Time
	Lidmaatschappen []Lidmaatschap // by gemeente code
}

// Contact is what residents see of a partner: how to reach it. Each item carries where it comes from
// (the organisation's own website, the KvK register, a phone call on a date), because a wrong phone
// number on a public page sends a resident in need nowhere.
type Contact struct {
	Website      string // absolute http(s) URL
	WebsiteBron  string
	Telefoon     string
	TelefoonBron string
	Adres        Adres
	AdresBron    string
}

// Adres is a Dutch postal or visiting address.
type Adres struct {
	Straat     string
	Huisnummer string // with a letter or addition, e.g. "12a" or "12-2"
	Postcode   string // 1234 AB
	Plaats     string
}

// Leeg reports whether no field of the address is filled in.
func (a Adres) Leeg() bool { return a == Adres{} }

// String writes the address on one line: "Voorbeeldstraat 1, 9999 ZZ Demodorp".
func (a Adres) String() string {
	if a.Leeg() {
		return ""
	}
	return strings.TrimSpace(strings.TrimSpace(a.Straat+" "+a.Huisnummer) + ", " + strings.TrimSpace(a.Postcode+" "+a.Plaats))
}

// Lidmaatschap is a partner's membership of one gemeente: from Van through Tot (both whole days in
// Europe/Amsterdam; Tot zero: no end), granted by a beheerder of that gemeente.
type Lidmaatschap struct {
	PartnerID    string
	Gemeente     string
	Van          time.Time // a day (midnight UTC of the civil date)
	Tot          time.Time // the last day; zero: open
	VerleendDoor int64     // user id; 0 when unknown (migration, CLI, demo)
	VerleendOp   time.Time
}

// GeldigOp reports whether the membership is valid on day (a civil date, as from Vandaag).
func (l Lidmaatschap) GeldigOp(dag time.Time) bool {
	return !dag.Before(l.Van) && (l.Tot.IsZero() || !dag.After(l.Tot))
}

// Status is the membership's state on day, in Dutch for pages: "lid", "nog niet begonnen", "beëindigd".
func (l Lidmaatschap) Status(dag time.Time) string {
	switch {
	case dag.Before(l.Van):
		return "nog niet begonnen"
	case !l.Tot.IsZero() && dag.After(l.Tot):
		return "beëindigd"
	}
	return "lid"
}

// zone is the time zone of "today" for memberships.
var zone = mustZone()

func mustZone() *time.Location {
	z, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic("partner: tijdzone Europe/Amsterdam ontbreekt: " + err.Error()) // cannot happen: time/tzdata is linked in
	}
	return z
}

// Vandaag returns the civil date of t in Europe/Amsterdam, as a day (midnight UTC).
func Vandaag(t time.Time) time.Time {
	y, m, d := t.In(zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DagTekst writes a day as stored: "2026-03-02"; "" for zero.
func DagTekst(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// ParseDag reads "2026-03-02"; "" gives the zero day.
func ParseDag(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("datum %q: gebruik jaar-maand-dag, bijvoorbeeld 2026-03-02: %w", s, errs.Invalid)
	}
	return d, nil
}

// NieuwID returns a random UUID (version 4), the form of a partner id.
func NieuwID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// GeldigID reports whether s has the form of a partner id (a UUID in lower case), so that a path value
// is checked before it reaches a query.
func GeldigID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// ongeldig is the error of an input with problems: errs.Fields (per field of the form, each with a
// reason in plain Dutch), so of kind errs.Invalid, with "partner: " before its message.
func ongeldig(f errs.Fields) error { return fmt.Errorf("partner: %w", f) }

// Maximum lengths of the text fields.
const (
	MaxNaam  = 200
	MaxBron  = 300
	MaxTekst = 200
)

// ValideerKvK checks a KvK number: empty, or exactly 8 digits.
func ValideerKvK(s string) string {
	if s == "" {
		return ""
	}
	if len(s) != 8 || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return "Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678. Laat het leeg als je het niet weet."
	}
	return ""
}

// NormaliseerKvK removes spaces and dots people type in a KvK number.
func NormaliseerKvK(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// tekstFout checks a free text field: valid UTF-8, no control characters, at most max characters.
func tekstFout(s string, max int) string {
	if !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "Dit veld bevat tekens die niet kunnen, zoals een tab of een onzichtbaar teken."
	}
	if utf8.RuneCountInString(s) > max {
		return fmt.Sprintf("Gebruik hoogstens %d tekens.", max)
	}
	return ""
}

// ValideerNaam checks the name of an organisation.
func ValideerNaam(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Vul de naam van de organisatie in."
	}
	return tekstFout(s, MaxNaam)
}

// Valideer checks a contact and returns its problems per form field (nil when there are none). Every
// item that is filled in needs its source; a source without its item is refused too, so nothing is
// half-said on a public page.
func (c Contact) Valideer() errs.Fields {
	var f errs.Fields
	zet := f.Set
	if c.Website != "" {
		zet("website", websiteFout(c.Website))
	}
	if c.Telefoon != "" {
		zet("telefoon", telefoonFout(c.Telefoon))
	}
	a := c.Adres
	zet("straat", tekstFout(a.Straat, MaxTekst))
	zet("huisnummer", tekstFout(a.Huisnummer, 20))
	zet("plaats", tekstFout(a.Plaats, MaxTekst))
	if !a.Leeg() {
		if strings.TrimSpace(a.Straat) == "" {
			zet("straat", "Vul de straat in, of laat het hele adres leeg.")
		}
		if strings.TrimSpace(a.Huisnummer) == "" {
			zet("huisnummer", "Vul het huisnummer in, of laat het hele adres leeg.")
		} else if a.Huisnummer[0] < '1' || a.Huisnummer[0] > '9' {
			zet("huisnummer", "Een huisnummer begint met een cijfer (1 of hoger), bijvoorbeeld 12 of 12a.")
		}
		if a.Postcode != "" && !GeldigePostcode(a.Postcode) {
			zet("postcode", "Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.")
		}
		if strings.TrimSpace(a.Plaats) == "" {
			zet("plaats", "Vul de plaats in, of laat het hele adres leeg.")
		}
	}
	for _, b := range []struct{ veld, waarde, bron, wat string }{
		{"website", c.Website, c.WebsiteBron, "de website"},
		{"telefoon", c.Telefoon, c.TelefoonBron, "het telefoonnummer"},
		{"adres", a.String(), c.AdresBron, "het adres"},
	} {
		bronVeld := b.veld + "bron"
		zet(bronVeld, tekstFout(b.bron, MaxBron))
		switch {
		case b.waarde != "" && strings.TrimSpace(b.bron) == "":
			zet(bronVeld, "Vul de bron in van "+b.wat+", bijvoorbeeld ‘website van de organisatie, bekeken op 2 maart 2026’.")
		case b.waarde == "" && strings.TrimSpace(b.bron) != "":
			zet(bronVeld, "Er is geen "+strings.TrimPrefix(strings.TrimPrefix(b.wat, "de "), "het ")+" ingevuld: laat de bron dan ook leeg.")
		}
	}
	if len(f) == 0 {
		return nil
	}
	return f
}

// Normaliseer trims the fields and writes the postcode as "1234 AB".
func (c Contact) Normaliseer() Contact {
	t := strings.TrimSpace
	c.Website, c.WebsiteBron, c.Telefoon, c.TelefoonBron, c.AdresBron = t(c.Website), t(c.WebsiteBron), t(c.Telefoon), t(c.TelefoonBron), t(c.AdresBron)
	a := &c.Adres
	a.Straat, a.Huisnummer, a.Plaats = t(a.Straat), t(a.Huisnummer), t(a.Plaats)
	p := strings.ToUpper(strings.ReplaceAll(t(a.Postcode), " ", ""))
	if len(p) == 6 {
		p = p[:4] + " " + p[4:]
	}
	a.Postcode = p
	return c
}

// GeldigePostcode reports whether p is a Dutch postcode: 4 digits (not starting with 0) and 2 letters,
// with or without a space.
func GeldigePostcode(p string) bool {
	p = strings.ToUpper(strings.ReplaceAll(p, " ", ""))
	if len(p) != 6 || p[0] == '0' {
		return false
	}
	for i := range 6 {
		c := p[i]
		if i < 4 && (c < '0' || c > '9') || i >= 4 && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// WebsiteFout checks a website a public page links to: an absolute http(s) URL without user info. It
// returns the reason in plain Dutch, or "" when the address is fine. The sociale kaart (internal/netwerk)
// checks the websites of services and locations with it.
func WebsiteFout(s string) string { return websiteFout(s) }

// TelefoonFout checks a phone number residents see: digits, spaces, dashes, parentheses, a leading +;
// 8 to 15 digits. It returns the reason in plain Dutch, or "".
func TelefoonFout(s string) string { return telefoonFout(s) }

func websiteFout(s string) string {
	if r := tekstFout(s, 500); r != "" {
		return r
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
		strings.ContainsAny(u.Host, " \\") {
		return "Vul een volledig webadres in dat begint met https://, bijvoorbeeld https://www.voorbeeld.nl."
	}
	return ""
}

// telefoonFout accepts what people write for a Dutch or international number: digits with spaces,
// dashes or parentheses, optionally a leading +; 10 to 15 digits (a Dutch number has 10; 0800 and 0900
// numbers have 8 to 11).
func telefoonFout(s string) string {
	if r := tekstFout(s, 30); r != "" {
		return r
	}
	cijfers := 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			cijfers++
		case c == '+' && i == 0, c == ' ', c == '-', c == '(', c == ')':
		default:
			return "Een telefoonnummer bestaat uit cijfers, eventueel met spaties of streepjes, bijvoorbeeld 0591 123 456."
		}
	}
	if cijfers < 8 || cijfers > 15 {
		return "Een telefoonnummer heeft 8 tot 15 cijfers, bijvoorbeeld 0591 123 456."
	}
	return ""
}
