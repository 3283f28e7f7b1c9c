package zaken

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// The legal terms (Wgs BWBR0031331).
var (
	// WettelijkEersteGesprek: art. 4 lid 1, four weeks.
	WettelijkEersteGesprek = termijn.Termijn{Aantal: 4, Eenheid: termijn.Weken}
	// WettelijkCrisis: art. 4 lid 2, three working days.
	WettelijkCrisis = termijn.Termijn{Aantal: 3, Eenheid: termijn.Werkdagen}
	// WettelijkBesluit: art. 4a lid 3, the verordening's term, at most eight weeks.
	WettelijkBesluit = termijn.Termijn{Aantal: 8, Eenheid: termijn.Weken}
)

// Articles of the legal terms, shown beside each deadline.
const (
	ArtikelEersteGesprek = "Wgs artikel 4 lid 1"
	ArtikelCrisis        = "Wgs artikel 4 lid 2"
	ArtikelBesluit       = "Wgs artikel 4a lid 3"
)

// LokaleTermijn is a term a gemeente set itself, with the text it comes from. The zero value: none.
type LokaleTermijn struct {
	Termijn termijn.Termijn
	Bron    string // the plan, verordening or beleidsregel that states it
}

// Instellingen are a gemeente's settings for zaken.
type Instellingen struct {
	EersteGesprek LokaleTermijn // first conversation, normal (law: 4 weeks)
	Crisis        LokaleTermijn // first conversation in a bedreigende situatie (law: 3 working days)
	Besluit       LokaleTermijn // the verordening's decision term (law: at most 8 weeks)
	// Weigeringsgronden are the grounds the gemeente allows; GrondGeenVerblijf is always allowed.
	Weigeringsgronden []Weigeringsgrond
	// Bewaren is the retention per end status in months after closing; 0 (or absent) = not set.
	Bewaren map[Status]int
	// Wachtlijst: the intake capacity and the priority rule (wachtlijst.go).
	Wachtlijst Wachtlijstregel
	// Terugval: the terugvalgarantie (nazorg.go).
	Terugval Terugvalregel
	// Jongerenfonds: whether the gemeente offers the Jongeren Perspectief Fonds (jongeren.go).
	Jongerenfonds Jongerenregel
	Versie        int
}

// EindStatussen are the statuses that end a zaak, each with its own retention.
func EindStatussen() []Status { return []Status{Geweigerd, Afgezien, Beeindigd, Afgerond} }

// MaxBewaarMaanden bounds a retention setting (a typo of years for months is refused).
const MaxBewaarMaanden = 600

// StandaardInstellingen returns the settings of a gemeente that stored none: the law, with the terms
// and refusal grounds its plan states for the four first tenants (shared/seeds).
func StandaardInstellingen(gemeente string) Instellingen {
	in := Instellingen{Weigeringsgronden: Weigeringsgronden(), Bewaren: map[Status]int{}}
	switch gemeente {
	case "GM0175": // Ommen, beleidsplan Geldzorgen, Armoede en Schulden 2024-2028 (seed 002)
		bron := "Ommen, beleidsplan Geldzorgen, Armoede en Schulden 2024-2028"
		in.EersteGesprek = LokaleTermijn{termijn.Termijn{Aantal: 4, Eenheid: termijn.Weken}, bron + ": \"Binnen vier weken na de hulpvraag vindt het eerste gesprek of de intake plaats.\""}
		in.Crisis = LokaleTermijn{termijn.Termijn{Aantal: 3, Eenheid: termijn.Kalenderdagen}, bron + ": bij een crisissituatie \"vind het gesprek plaats binnen drie dagen\"."}
		in.Weigeringsgronden = []Weigeringsgrond{GrondGeenVerblijf} // "slechts één weigeringsgrond … het ontbreken van een verblijfsstatus"
	case "GM0147": // Borne, beleidskader "Blik op morgen" (seed 003)
		in.EersteGesprek = LokaleTermijn{termijn.Termijn{Aantal: 8, Eenheid: termijn.Weken}, "Borne, beleidskader Blik op morgen: \"de maximale termijn van acht weken tot aan het eerste gesprek. Dit is vastgelegd in de Verordening beslistermijn schuldhulpverlening.\""}
		in.Wachtlijst = Wachtlijstregel{VoorrangKinderen: true, VoorrangBron: BronVoorrangBorne}
		in.Jongerenfonds = Jongerenregel{Aan: true, Bron: BronJPFBorne}
	}
	return in
}

// Controleer checks the settings; the error names the field.
func (in Instellingen) Controleer() error {
	for _, v := range []struct {
		naam string
		lt   LokaleTermijn
	}{{"eerste gesprek", in.EersteGesprek}, {"crisis", in.Crisis}, {"besluit", in.Besluit}} {
		if v.lt.Termijn.IsNul() {
			if strings.TrimSpace(v.lt.Bron) != "" {
				return fmt.Errorf("%w: termijn %s: een bron zonder termijn; vul ook de termijn in of maak de bron leeg", ErrOngeldig, v.naam)
			}
			continue
		}
		if err := v.lt.Termijn.Controleer(); err != nil {
			return fmt.Errorf("%w: termijn %s: %v", ErrOngeldig, v.naam, err)
		}
		if strings.TrimSpace(v.lt.Bron) == "" {
			return fmt.Errorf("%w: termijn %s: noem de bron (plan, verordening of beleidsregel) van de termijn", ErrOngeldig, v.naam)
		}
		if utf8.RuneCountInString(v.lt.Bron) > 1000 {
			return fmt.Errorf("%w: termijn %s: de bron is te lang (hoogstens 1.000 tekens)", ErrOngeldig, v.naam)
		}
	}
	if err := in.Wachtlijst.Controleer(); err != nil {
		return err
	}
	if err := in.Terugval.Controleer(); err != nil {
		return err
	}
	if err := in.Jongerenfonds.Controleer(); err != nil {
		return err
	}
	if m, b := in.Terugval.Maanden, in.Bewaren[Afgerond]; m > 0 && b > 0 && b < m {
		return fmt.Errorf("%w: bewaartermijn afgerond: %d maanden is korter dan de terugvalperiode van %d maanden; dan is de zaak weg voordat de inwoner kan terugvallen", ErrOngeldig, b, m)
	}
	for _, g := range in.Weigeringsgronden {
		if !g.Geldig() {
			return fmt.Errorf("%w: weigeringsgrond %q bestaat niet", ErrOngeldig, g)
		}
	}
	for s, m := range in.Bewaren {
		if !slices.Contains(EindStatussen(), s) {
			return fmt.Errorf("%w: bewaartermijn voor status %q: alleen voor afgesloten zaken", ErrOngeldig, s)
		}
		if m < 0 || m > MaxBewaarMaanden {
			return fmt.Errorf("%w: bewaartermijn %s: %d maanden; kies 1 tot en met %d, of 0 (niet ingesteld)", ErrOngeldig, s.Naam(), m, MaxBewaarMaanden)
		}
	}
	return nil
}

// MagWeigeren reports whether the gemeente allows refusal on ground g.
func (in Instellingen) MagWeigeren(g Weigeringsgrond) bool {
	return g.Verplicht() || (g.Geldig() && slices.Contains(in.Weigeringsgronden, g))
}

// ToegestaneGronden lists the allowed grounds in the law's order.
func (in Instellingen) ToegestaneGronden() []Weigeringsgrond {
	var out []Weigeringsgrond
	for _, g := range Weigeringsgronden() {
		if in.MagWeigeren(g) {
			out = append(out, g)
		}
	}
	return out
}

// Toepassing says which of a legal and a local term applies, for the settings page.
type Toepassing struct {
	Wettelijk termijn.Termijn
	Artikel   string
	Lokaal    LokaleTermijn
	// Uitleg: which one applies and why, in plain Dutch.
	Uitleg string
}

// Toepassingen explains, per term, the legal term beside the local one and which applies.
func (in Instellingen) Toepassingen() []Toepassing {
	uit := func(w termijn.Termijn, art string, l LokaleTermijn, naam string) Toepassing {
		t := Toepassing{Wettelijk: w, Artikel: art, Lokaal: l}
		switch {
		case l.Termijn.IsNul():
			t.Uitleg = "Geen eigen termijn: de wettelijke termijn van " + w.String() + " geldt (" + art + ")."
		default:
			t.Uitleg = "Eigen termijn " + l.Termijn.String() + ", wettelijk " + w.String() + " (" + art + "). Per zaak geldt de vroegste einddatum van de twee" +
				vergelijk(w, l.Termijn) + "."
		}
		_ = naam
		return t
	}
	return []Toepassing{
		uit(WettelijkEersteGesprek, ArtikelEersteGesprek, in.EersteGesprek, "eerste gesprek"),
		uit(WettelijkCrisis, ArtikelCrisis, in.Crisis, "crisis"),
		uit(WettelijkBesluit, ArtikelBesluit, in.Besluit, "besluit"),
	}
}

// vergelijk says, for terms whose order does not depend on the start day, which is stricter.
func vergelijk(wet, lokaal termijn.Termijn) string {
	dagen := func(t termijn.Termijn) (int, bool) {
		switch t.Eenheid {
		case termijn.Weken:
			return 7 * t.Aantal, true
		case termijn.Kalenderdagen:
			return t.Aantal, true
		}
		return 0, false
	}
	w, okw := dagen(wet)
	l, okl := dagen(lokaal)
	switch {
	case okw && okl && l > w:
		return ": de eigen termijn is langer dan de wet toestaat, dus de wettelijke termijn geldt altijd"
	case okw && okl && l < w:
		return ": de eigen termijn is strenger en geldt altijd"
	case okw && okl:
		return ": ze zijn gelijk"
	case wet.Eenheid == lokaal.Eenheid && lokaal.Aantal > wet.Aantal:
		return ": de eigen termijn is langer dan de wet toestaat, dus de wettelijke termijn geldt altijd"
	case wet.Eenheid == lokaal.Eenheid && lokaal.Aantal < wet.Aantal:
		return ": de eigen termijn is strenger en geldt altijd"
	}
	return " (welke dat is, hangt af van de weekdag en de feestdagen)"
}

// bereken returns the deadline of a legal term and an optional local one from start: the earlier end
// applies, and the explanation says which and why.
func bereken(start datum.Datum, wet termijn.Termijn, artikel string, lokaal LokaleTermijn) (Deadline, error) {
	w, err := termijn.Bereken(start, wet)
	if err != nil {
		return Deadline{}, err
	}
	d := Deadline{Datum: w.Einde, Wettelijk: w.Einde, Uitleg: wet.String() + " (" + artikel + ")."}
	if w.Verlenging != "" {
		d.Uitleg += " " + w.Verlenging
	}
	if lokaal.Termijn.IsNul() {
		return d, nil
	}
	l, err := termijn.Bereken(start, lokaal.Termijn)
	if err != nil {
		return Deadline{}, err
	}
	switch {
	case l.Einde.Voor(w.Einde):
		d.Datum = l.Einde
		d.Uitleg = "Termijn van de gemeente: " + lokaal.Termijn.String() + ", strenger dan de wet (" + wet.String() + ", " + artikel + ")."
		if l.Verlenging != "" {
			d.Uitleg += " " + l.Verlenging
		}
	case l.Einde.Na(w.Einde):
		d.Uitleg += " De gemeente noemt " + lokaal.Termijn.String() + "; dat is langer dan de wet toestaat, dus de wettelijke termijn geldt."
	default:
		d.Uitleg += " De termijn van de gemeente (" + lokaal.Termijn.String() + ") komt op dezelfde dag uit."
	}
	return d, nil
}

// EersteGesprekTermijn returns the deadline of the first conversation for a zaak that starts on start.
func (in Instellingen) EersteGesprekTermijn(start datum.Datum, crisis bool) (Deadline, error) {
	if crisis {
		return bereken(start, WettelijkCrisis, ArtikelCrisis, in.Crisis)
	}
	return bereken(start, WettelijkEersteGesprek, ArtikelEersteGesprek, in.EersteGesprek)
}

// BesluitTermijn returns the deadline of the beschikking after a first conversation on gesprek.
func (in Instellingen) BesluitTermijn(gesprek datum.Datum) (Deadline, error) {
	d, err := bereken(gesprek, WettelijkBesluit, ArtikelBesluit, in.Besluit)
	if err == nil && in.Besluit.Termijn.IsNul() {
		d.Uitleg += " Er is geen termijn uit de verordening ingesteld; dit is de wettelijke maximumtermijn."
	}
	return d, err
}
