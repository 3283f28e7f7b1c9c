package signalen

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/text"
)

// A briefadres (BRP adresfunctie "B") is a postal address of someone without a residential address: a
// shelter, the gemeente office, a relative. Many unrelated people share it, so vroegsignalering never
// matches a signal to a household by a briefadres alone (only by BSN) and never groups the signals of
// different people by it (docs/signalen.md, "Briefadres"). Zeker knows a briefadres from the household
// register (column briefadres, docs/import.md) and from the gemeente's own list (Briefadres).

// Briefadres is one entry of a gemeente's list of known briefadressen: the address, a name ("Gemeentehuis",
// "Opvang") and where the gemeente has it from.
type Briefadres struct {
	Postcode   string
	Huisnummer int
	Toevoeging string
	Naam       string
	Bron       string
}

// Adres returns the address of the entry.
func (b Briefadres) Adres() Adres {
	return Adres{Postcode: b.Postcode, Huisnummer: b.Huisnummer, Toevoeging: b.Toevoeging}
}

// TekstBriefadres is what the case worker sees on a signal and a vroegsignaalzaak at a briefadres.
const TekstBriefadres = "Briefadres: niet op adres gegroepeerd"

// Normaliseer trims the fields and puts postcode and toevoeging in their canonical form (as for signals).
func (b *Briefadres) Normaliseer() {
	if pc, ok := NormaliseerPostcode(b.Postcode); ok {
		b.Postcode = pc
	} else {
		b.Postcode = strings.TrimSpace(b.Postcode)
	}
	b.Toevoeging = strings.ToUpper(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(b.Toevoeging), "-")))
	b.Naam, b.Bron = strings.TrimSpace(b.Naam), strings.TrimSpace(b.Bron)
}

// Controleer checks a (normalised) entry; the paths are postcode, huisnummer, toevoeging, naam and bron.
func (b Briefadres) Controleer() error {
	var fs errs.Fields
	if b.Postcode == "" {
		fs.Add("postcode", "Vul de postcode in, zoals 1234AB.")
	} else if _, ok := NormaliseerPostcode(b.Postcode); !ok {
		fs.Add("postcode", "De postcode klopt niet. Schrijf 4 cijfers en 2 letters, zoals 1234AB.")
	}
	if b.Huisnummer < 1 || b.Huisnummer > 99999 {
		fs.Add("huisnummer", "Vul het huisnummer in: een heel getal van 1 tot en met 99999.")
	}
	if utf8.RuneCountInString(b.Toevoeging) > 4 || !alfanumeriek(b.Toevoeging) {
		fs.Add("toevoeging", "De toevoeging is hoogstens 4 letters of cijfers, zoals A of 2HG. Geen toevoeging: laat het leeg.")
	}
	for _, v := range []struct{ pad, waarde, leeg string }{
		{"naam", b.Naam, "Vul een naam in, zoals Gemeentehuis of Opvang."},
		{"bron", b.Bron, "Vul in waar de gemeente dit adres van heeft, zoals BRP of de opvanginstelling."},
	} {
		switch {
		case v.waarde == "":
			fs.Add(v.pad, v.leeg)
		case utf8.RuneCountInString(v.waarde) > 100:
			fs.Add(v.pad, "Gebruik hoogstens 100 tekens.")
		case text.Check(v.waarde) != nil:
			fs.Add(v.pad, "Gebruik gewone tekst, zonder regeleinden of stuurtekens.")
		}
	}
	return fs.Err()
}

func alfanumeriek(s string) bool {
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// BriefadresKenner is implemented by a Zoeker that knows which addresses are briefadressen (Index, from
// the household register; MetBriefadressen, the gemeente's list). Koppel asks it before matching by address.
type BriefadresKenner interface {
	IsBriefadres(a Adres) bool
}

// MetBriefadressen returns z extended with the gemeente's list of briefadressen: an address on the list,
// or one z itself knows as a briefadres, is a briefadres for Koppel.
func MetBriefadressen(z Zoeker, lijst []Briefadres) Zoeker {
	if len(lijst) == 0 {
		return z
	}
	m := make(map[string]bool, len(lijst))
	for _, b := range lijst {
		if k := b.Adres().Sleutel(); k != "" {
			m[k] = true
		}
	}
	return briefZoeker{Zoeker: z, sleutels: m}
}

type briefZoeker struct {
	Zoeker
	sleutels map[string]bool
}

func (b briefZoeker) IsBriefadres(a Adres) bool {
	if b.sleutels[a.Sleutel()] {
		return true
	}
	k, ok := b.Zoeker.(BriefadresKenner)
	return ok && k.IsBriefadres(a)
}

func isBriefadres(z Zoeker, a Adres) bool {
	if a.Sleutel() == "" {
		return false
	}
	k, ok := z.(BriefadresKenner)
	return ok && k.IsBriefadres(a)
}

// BriefadresSleutel is the household key of a signal at a briefadres that no household was matched to by
// BSN: per person — a hash of the BSN, else of the name and birth date as the partner gave them — and,
// when neither is there, per signal (a hash of partner type, reference, dates and amount). It is a hash,
// never a BSN or name in clear (keys appear in logs); prefix "p:".
func BriefadresSleutel(s *Signaal) string {
	in := &s.Inwoner
	naam := strings.ToLower(strings.Join(strings.Fields(in.Voorletters+" "+in.Voorvoegsel+" "+in.Achternaam), " "))
	var bron string
	switch {
	case in.BSN != "":
		bron = "bsn:" + in.BSN
	case naam != "" && !in.Geboortedatum.IsZero():
		bron = "naam:" + naam + "|" + in.Geboortedatum.String()
	default:
		bron = "signaal:" + string(s.PartnerType) + "|" + s.Referentie + "|" + s.Ontstaansdatum.String() + "|" +
			s.Signaaldatum.String() + "|" + strconv.FormatInt(int64(s.Bedrag), 10)
	}
	h := sha256.Sum256([]byte("briefadres\x00" + bron))
	return "p:" + hex.EncodeToString(h[:12])
}

// IsBriefadresSleutel reports whether a household key is a per-person key of a briefadres (BriefadresSleutel).
func IsBriefadresSleutel(huishoudsleutel string) bool {
	return strings.HasPrefix(huishoudsleutel, "p:")
}
