package signalen

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/bsn"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
)

// MaxBatch is the largest number of signals in one delivery (API request or file).
const MaxBatch = 50000

// Fout is why one signal of a batch was refused: its position in the batch (0-based) and the field
// with a short B1 Dutch reason for the partner's staff (errs.Field, Path relative to the signal, such
// as "inwoner.bsn"). A Fout never contains the field's value, so it can be logged and returned without
// leaking a BSN.
type Fout struct {
	Index int `json:"index"`
	errs.Field
}

// nieuweFout is the Fout of field veld of signal index.
func nieuweFout(index int, veld, reden string) Fout {
	return Fout{Index: index, Field: errs.Field{Path: veld, Reason: reden}}
}

func (f Fout) Error() string { return fmt.Sprintf("signaal %d: %s: %s", f.Index, f.Path, f.Reason) }

// IsBSN reports whether s is a BSN that passes the 11-proef (package bsn).
func IsBSN(s string) bool { return bsn.Geldig(s) }

// NormaliseerPostcode turns " 1234 ab" into "1234AB"; ok is false when it is not a Dutch postcode
// (four digits, the first not 0, then two letters).
func NormaliseerPostcode(s string) (string, bool) {
	var b [6]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			continue
		}
		if n == 6 {
			return "", false
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[n] = c
		n++
	}
	if n != 6 || b[0] < '1' || b[0] > '9' {
		return "", false
	}
	for i := 1; i < 4; i++ {
		if b[i] < '0' || b[i] > '9' {
			return "", false
		}
	}
	for i := 4; i < 6; i++ {
		if b[i] < 'A' || b[i] > 'Z' {
			return "", false
		}
	}
	return string(b[:]), true
}

// Normaliseer trims text fields and puts postcode and toevoeging in their canonical form, so that
// matching and idempotency do not depend on spelling. Call it before Valideer.
func (s *Signaal) Normaliseer() {
	s.Referentie = strings.TrimSpace(s.Referentie)
	in := &s.Inwoner
	in.BSN = strings.TrimSpace(in.BSN)
	in.Voorletters = strings.TrimSpace(in.Voorletters)
	in.Voorvoegsel = strings.TrimSpace(in.Voorvoegsel)
	in.Achternaam = strings.TrimSpace(in.Achternaam)
	in.Telefoon = strings.TrimSpace(in.Telefoon)
	in.Email = strings.TrimSpace(in.Email)
	a := &in.Adres
	a.Straat = strings.TrimSpace(a.Straat)
	a.Woonplaats = strings.TrimSpace(a.Woonplaats)
	if pc, ok := NormaliseerPostcode(a.Postcode); ok {
		a.Postcode = pc
	} else {
		a.Postcode = strings.TrimSpace(a.Postcode)
	}
	a.Toevoeging = strings.ToUpper(strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(a.Toevoeging), "-")))
}

// Valideer checks one signal against the intake rules and returns every problem found (nil when the
// signal is valid). vandaag is the municipality's current date (injected, so tests fix it); no date may
// lie after it. index is the signal's position in its batch and is copied into each Fout.
func (s *Signaal) Valideer(index int, vandaag datum.Datum) []Fout {
	var fouten []Fout
	fout := func(veld, reden string) { fouten = append(fouten, nieuweFout(index, veld, reden)) }

	switch {
	case s.Referentie == "":
		fout("referentie", "Vul uw eigen kenmerk van het signaal in.")
	case utf8.RuneCountInString(s.Referentie) > 100 || !utf8.ValidString(s.Referentie):
		fout("referentie", "Het kenmerk is te lang. Gebruik hoogstens 100 tekens.")
	}
	if !s.PartnerType.Geldig() {
		fout("partnertype", "Onbekende soort signaalpartner. Kies een waarde uit de DDAS-lijst, bijvoorbeeld Huur of Energie.")
	}
	if s.Bedrag < 0 {
		fout("bedrag", "Het bedrag mag niet negatief zijn.")
	}
	datumVeld := func(veld string, d datum.Datum, verplicht bool) {
		switch {
		case d.IsZero():
			if verplicht {
				fout(veld, "Vul de datum in (JJJJ-MM-DD).")
			}
		case d.Na(vandaag):
			fout(veld, "De datum ligt in de toekomst.")
		case d.Jaar() < 1900:
			fout(veld, "De datum is te ver terug.")
		}
	}
	datumVeld("ontstaansdatum", s.Ontstaansdatum, true)
	datumVeld("signaaldatum", s.Signaaldatum, true)
	if !s.Ontstaansdatum.IsZero() && !s.Signaaldatum.IsZero() && s.Signaaldatum.Voor(s.Ontstaansdatum) {
		fout("signaaldatum", "De signaaldatum ligt voor de datum waarop de achterstand ontstond.")
	}
	if s.CrisisSoort != "" {
		if !s.CrisisSoort.Geldig() {
			fout("crisissoort", "Onbekende soort crisis. Kies ontruiming, afsluiting-energie, afsluiting-water, einde-zorgverzekering of overig.")
		} else if !s.Crisis {
			fout("crisis", "Er is een soort crisis ingevuld, maar crisis staat niet aan.")
		}
	}

	in := &s.Inwoner
	if in.BSN != "" && !IsBSN(in.BSN) {
		fout("inwoner.bsn", "Het BSN klopt niet. Een BSN heeft 9 cijfers en moet voldoen aan de elfproef.")
	}
	datumVeld("inwoner.geboortedatum", in.Geboortedatum, false)
	a := &in.Adres
	if a.Postcode != "" {
		if _, ok := NormaliseerPostcode(a.Postcode); !ok {
			fout("inwoner.adres.postcode", "De postcode klopt niet. Schrijf 4 cijfers en 2 letters, zoals 1234AB.")
		}
	}
	if a.Huisnummer < 0 || a.Huisnummer > 99999 {
		fout("inwoner.adres.huisnummer", "Het huisnummer klopt niet. Gebruik 1 tot en met 99999.")
	}
	if utf8.RuneCountInString(a.Toevoeging) > 4 {
		fout("inwoner.adres.toevoeging", "De toevoeging is te lang. Gebruik hoogstens 4 tekens.")
	}
	if in.BSN == "" && (a.Postcode == "" || a.Huisnummer == 0) {
		fout("inwoner", "Vul het BSN in, of de postcode en het huisnummer.")
	}
	for _, t := range []struct {
		veld, v string
		max     int
	}{
		{"inwoner.voorletters", in.Voorletters, 20},
		{"inwoner.voorvoegsel", in.Voorvoegsel, 20},
		{"inwoner.achternaam", in.Achternaam, 200},
		{"inwoner.adres.straat", a.Straat, 200},
		{"inwoner.adres.woonplaats", a.Woonplaats, 100},
	} {
		if !utf8.ValidString(t.v) || utf8.RuneCountInString(t.v) > t.max {
			fout(t.veld, fmt.Sprintf("Deze tekst is te lang. Gebruik hoogstens %d tekens.", t.max))
		}
	}
	if in.Telefoon != "" && !isTelefoon(in.Telefoon) {
		fout("inwoner.telefoon", "Het telefoonnummer klopt niet. Gebruik alleen cijfers, spaties, - en een + aan het begin.")
	}
	if in.Email != "" && !isEmail(in.Email) {
		fout("inwoner.email", "Het e-mailadres klopt niet.")
	}
	return fouten
}

func isTelefoon(s string) bool {
	cijfers := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			cijfers++
		case c == ' ' || c == '-':
		case c == '+' && i == 0:
		default:
			return false
		}
	}
	return cijfers >= 6 && cijfers <= 15
}

func isEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " \t\r\n<>") {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && at < len(s)-3 && strings.Contains(s[at+1:], ".") && !strings.HasSuffix(s, ".")
}

// Beoordeling is the outcome of checking a batch under the batch rule (see the package doc): the
// valid signals go on, the refused ones come back with their reasons, nothing is half-stored.
type Beoordeling struct {
	Geldig    []Signaal // normalised valid signals, in batch order
	Indexen   []int     // the batch index of each Geldig signal
	Fouten    []Fout    // every problem of every refused signal, in batch order
	Afgewezen int       // number of refused signals
}

// BeoordeelBatch normalises and validates every signal of a batch. A signal whose (reference) appears
// twice in the same batch is refused the second time: the partner must send one version.
func BeoordeelBatch(batch []Signaal, vandaag datum.Datum) Beoordeling {
	b := Beoordeling{Geldig: make([]Signaal, 0, len(batch)), Indexen: make([]int, 0, len(batch))}
	gezien := make(map[string]int, len(batch))
	for i := range batch {
		s := batch[i]
		s.Normaliseer()
		f := s.Valideer(i, vandaag)
		if s.Referentie != "" {
			if _, ok := gezien[s.Referentie]; ok {
				f = append(f, nieuweFout(i, "referentie", "Dit kenmerk staat al eerder in deze levering."))
			} else {
				gezien[s.Referentie] = i
			}
		}
		if len(f) > 0 {
			b.Fouten = append(b.Fouten, f...)
			b.Afgewezen++
			continue
		}
		b.Geldig = append(b.Geldig, s)
		b.Indexen = append(b.Indexen, i)
	}
	return b
}
