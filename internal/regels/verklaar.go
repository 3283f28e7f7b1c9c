package regels

import (
	"fmt"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// Weergave chooses the language and the voice of the texts in a trace.
type Weergave struct {
	Taal         string // "nl" (default) or "en"
	Intermediair bool   // written to a helper about "uw cliënt" instead of to the resident
}

func (w Weergave) en() bool { return w.Taal == "en" }

// Criterium is one line of a trace: a condition, its outcome, why in plain words, and its source.
type Criterium struct {
	Oordeel  Tri     `json:"-"`
	Uitkomst string  `json:"uitkomst"` // "ja", "nee", "onbekend"
	Tekst    string  `json:"tekst"`
	Bron     Bron    `json:"bron"`
	Vragen   []Vraag `json:"vragen,omitempty"`
}

// Lening describes a loan: how much is repaid each month.
type Lening struct {
	AflossingPercentage geld.Percentage `json:"aflossing_percentage"`
	AflossingPerMaand   *geld.Bedrag    `json:"aflossing_per_maand"` // nil when the income is unknown
}

// Uitkomst is the explained outcome of one regeling.
type Uitkomst struct {
	ID           string       `json:"id"`
	Naam         string       `json:"naam"`
	Omschrijving string       `json:"omschrijving"`
	Uitleg       string       `json:"uitleg,omitempty"`
	Oordeel      Oordeel      `json:"oordeel"`
	Bedrag       *geld.Bedrag `json:"bedrag"` // nil: unknown, "vraag de gemeente"
	BedragUitleg string       `json:"bedrag_uitleg"`
	BedragBron   Bron         `json:"bedrag_bron"`
	Periode      Periode      `json:"periode"`
	Lening       *Lening      `json:"lening,omitempty"`
	Uitvoerder   string       `json:"uitvoerder"`
	Aanvragen    Aanvragen    `json:"aanvragen"`
	Ambtshalve   bool         `json:"ambtshalve"` // may be granted without application to this household
	Grondslag    Bron         `json:"grondslag"`
	Criteria     []Criterium  `json:"criteria"`
	Vragen       []Vraag      `json:"vragen,omitempty"`
	Kort         Kort         `json:"-"`
}

// Verklaar evaluates every regeling with a full trace, in the language and voice of w.
func (p *Pakket) Verklaar(f *Feiten, w Weergave) []Uitkomst {
	out := make([]Uitkomst, len(p.Regelingen))
	// One array holds the criteria of all regelingen: one allocation instead of one per regeling.
	n := 0
	for _, r := range p.Regelingen {
		n += len(r.voorwaarden)
	}
	criteria := make([]Criterium, n)
	for i, r := range p.Regelingen {
		m := len(r.voorwaarden)
		out[i] = r.verklaar(f, w, criteria[:0:m])
		criteria = criteria[m:]
	}
	return out
}

// verklaar explains one regeling; its criteria are appended to crit, which has room for them.
func (r *Regeling) verklaar(f *Feiten, w Weergave, crit []Criterium) Uitkomst {
	k := r.evalueer(f)
	u := Uitkomst{
		ID: r.ID, Naam: r.Naam, Omschrijving: r.Omschrijving, Uitleg: r.Uitleg, Oordeel: k.Oordeel,
		Periode: r.Periode, Uitvoerder: r.Uitvoerder, Aanvragen: r.Aanvragen, Grondslag: r.Grondslag,
		Vragen: k.Vragen.Lijst(), Kort: k, BedragBron: r.bedrag.bron,
	}
	if w.en() {
		u.Naam = orNL(r.NaamEN, r.Naam)
		u.Omschrijving = orNL(r.OmschrijvingEN, r.Omschrijving)
		u.Uitleg = orNL(r.UitlegEN, r.Uitleg)
		if len(r.Aanvragen.DocumentenEN) > 0 {
			u.Aanvragen.Documenten = r.Aanvragen.DocumentenEN
		}
		u.Aanvragen.Toelichting = orNL(r.Aanvragen.ToelichtingEN, r.Aanvragen.Toelichting)
	}
	u.Criteria = crit
	for i := range r.voorwaarden {
		c := r.voorwaarden[i].verklaar(f, w)
		if c.Bron.Leeg() {
			c.Bron = r.Grondslag // every criterion names a source: its own, else the regeling's legal basis
		}
		u.Criteria = append(u.Criteria, c)
	}
	if k.Oordeel != GeenRecht && k.BedragBekend {
		b := k.Bedrag
		u.Bedrag = &b
	}
	u.BedragUitleg = r.bedrag.uitleg(f, k, w)
	if r.bedrag.soort == bedragLening && k.Oordeel != GeenRecht {
		l := &Lening{AflossingPercentage: r.bedrag.aflossing}
		if f.InkomenBekend {
			a := f.Inkomen.VanNaarBeneden(r.bedrag.aflossing)
			l.AflossingPerMaand = &a
		}
		u.Lening = l
	}
	u.Ambtshalve = r.Ambtshalve(f)
	return u
}

func orNL(en, nl string) string {
	if en != "" {
		return en
	}
	return nl
}

func triTeken(t Tri) string {
	switch t {
	case Ja:
		return "✔"
	case Nee:
		return "✖"
	}
	return "?"
}

func triWoord(t Tri) string {
	switch t {
	case Ja:
		return "ja"
	case Nee:
		return "nee"
	}
	return "onbekend"
}

// tekstf is tekst for format strings that share their arguments; only the chosen one is formatted.
func tekstf(w Weergave, nlU, nlC, enU, enC string, args ...any) string {
	return fmt.Sprintf(tekst(w, nlU, nlC, enU, enC), args...)
}

// tekst picks the sentence for the language and voice: resident NL, helper NL, resident EN, helper EN.
func tekst(w Weergave, nlU, nlC, enU, enC string) string {
	switch {
	case w.en() && w.Intermediair:
		return enC
	case w.en():
		return enU
	case w.Intermediair:
		return nlC
	}
	return nlU
}

func (v *voorwaarde) verklaar(f *Feiten, w Weergave) Criterium {
	t, q := v.evalueer(f)
	c := Criterium{Oordeel: t, Uitkomst: triWoord(t), Bron: v.bron, Vragen: q.Lijst()}
	if c.Bron.Leeg() && v.soort == vwInkomen {
		c.Bron = v.grensVoor(f).bron
	}
	c.Tekst = v.zin(f, t, w)
	if extra := v.extraUitleg(w); extra != "" {
		c.Tekst += " " + extra
	}
	return c
}

// extraUitleg is the pack's own sentence for a condition, in the language of w.
func (v *voorwaarde) extraUitleg(w Weergave) string {
	if w.en() && v.uitlegEN != "" {
		return v.uitlegEN
	}
	return v.uitleg
}

func leefvormNaam(l nl.Leefvorm, en bool) string {
	if en {
		switch l {
		case nl.Alleenstaande:
			return "single"
		case nl.AlleenstaandeOuder:
			return "single parent"
		case nl.Gehuwden:
			return "married or living together"
		}
	}
	return l.String()
}

func (v *voorwaarde) zin(f *Feiten, t Tri, w Weergave) string {
	en := w.en()
	switch v.soort {
	case vwLeeftijd:
		grens := leeftijdGrens(v.min, v.max, en)
		if !f.LeeftijdBekend {
			return tekst(w, "Wij weten uw leeftijd niet. "+grens, "Wij weten de leeftijd van uw cliënt niet. "+grens,
				"We do not know your age. "+grens, "We do not know your client's age. "+grens)
		}
		return tekstf(w, "U bent %d jaar. %s", "Uw cliënt is %d jaar. %s", "You are %d years old. %s", "Your client is %d years old. %s", f.LeeftijdAanvrager, grens)
	case vwAOW:
		eis := tekst(w, "U moet de AOW-leeftijd al hebben.", "Uw cliënt moet de AOW-leeftijd al hebben.", "You must have reached the state pension age.", "Your client must have reached the state pension age.")
		if !v.waarde {
			eis = tekst(w, "Deze regeling is voor mensen die de AOW-leeftijd nog niet hebben.", "Deze regeling is voor mensen die de AOW-leeftijd nog niet hebben.", "This scheme is for people below the state pension age.", "This scheme is for people below the state pension age.")
		}
		switch f.AOWAanvrager {
		case Ja:
			return tekst(w, "U hebt de AOW-leeftijd. ", "Uw cliënt heeft de AOW-leeftijd. ", "You have reached the state pension age. ", "Your client has reached the state pension age. ") + eis
		case Nee:
			return tekst(w, "U hebt de AOW-leeftijd nog niet. ", "Uw cliënt heeft de AOW-leeftijd nog niet. ", "You have not reached the state pension age. ", "Your client has not reached the state pension age. ") + eis
		}
		return tekst(w, "Wij weten uw leeftijd niet. ", "Wij weten de leeftijd van uw cliënt niet. ", "We do not know your age. ", "We do not know your client's age. ") + eis
	case vwLeefvorm:
		var namen []string
		for l := nl.Alleenstaande; l <= nl.Gehuwden; l++ {
			if v.leefvormen[l] {
				namen = append(namen, leefvormNaam(l, en))
			}
		}
		of := " of "
		if en {
			of = " or "
		}
		lijst := strings.Join(namen, of)
		return tekst(w,
			fmt.Sprintf("Uw huishouden is: %s. Deze regeling is voor: %s.", leefvormNaam(f.Leefvorm, false), lijst),
			fmt.Sprintf("Het huishouden van uw cliënt is: %s. Deze regeling is voor: %s.", leefvormNaam(f.Leefvorm, false), lijst),
			fmt.Sprintf("Your household is: %s. This scheme is for: %s.", leefvormNaam(f.Leefvorm, true), lijst),
			fmt.Sprintf("Your client's household is: %s. This scheme is for: %s.", leefvormNaam(f.Leefvorm, true), lijst))
	case vwKinderen:
		n, onb := f.kinderenInLeeftijd(v.lmin, v.lmax)
		eis := fmt.Sprintf("Deze regeling is voor gezinnen met minstens %d %s van %d tot en met %d jaar.", v.min, meervoud(v.min, "kind", "kinderen"), v.lmin, v.lmax)
		if en {
			eis = fmt.Sprintf("This scheme is for families with at least %d %s aged %d to %d.", v.min, meervoud(v.min, "child", "children"), v.lmin, v.lmax)
		}
		var feit string
		switch {
		case en:
			feit = fmt.Sprintf("%d %s in the household %s that age.", n, meervoud(n, "child", "children"), meervoud(n, "is", "are"))
		default:
			feit = fmt.Sprintf("In het huishouden %s %d %s van die leeftijd.", meervoud(n, "is", "zijn"), n, meervoud(n, "kind", "kinderen"))
		}
		if onb > 0 {
			if en {
				feit += fmt.Sprintf(" We do not know the age of %d %s.", onb, meervoud(onb, "child", "children"))
			} else {
				feit += fmt.Sprintf(" Van %d %s weten wij de leeftijd niet.", onb, meervoud(onb, "kind", "kinderen"))
			}
		}
		return feit + " " + eis
	case vwInkomen:
		return v.inkomenZin(f, t, w)
	case vwVermogen:
		var grens string
		switch v.vermogen {
		case vermogenOnbekend:
			grens = tekst(w, "De gemeente heeft de grens voor spaargeld en bezit niet gepubliceerd: vraag de gemeente.", "De gemeente heeft de grens voor spaargeld en bezit niet gepubliceerd: vraag de gemeente.",
				"The municipality has not published the limit for savings and assets: ask the municipality.", "The municipality has not published the limit for savings and assets: ask the municipality.")
		default:
			g := v.vermogenGrens(f)
			grens = fmt.Sprintf("De grens is %s.", g.Kort())
			if en {
				grens = fmt.Sprintf("The limit is %s.", g.English())
			}
		}
		if !f.VermogenBekend {
			return tekst(w, "Wij weten niet hoeveel spaargeld en bezit u hebt. ", "Wij weten niet hoeveel spaargeld en bezit uw cliënt heeft. ",
				"We do not know your savings and assets. ", "We do not know your client's savings and assets. ") + grens
		}
		if en {
			return fmt.Sprintf("%s savings and assets are %s. %s", tekst(w, "", "", "Your", "Your client's"), f.Vermogen.English(), grens)
		}
		return fmt.Sprintf("%s %s. %s", tekst(w, "Uw spaargeld en bezit is samen", "Het spaargeld en bezit van uw cliënt is samen", "", ""), f.Vermogen.Kort(), grens)
	case vwOntvangt, vwNietOntvangt:
		naam := regelingNaam(v.regeling, en)
		o, ok := f.ontvangt(v.regeling)
		if v.soort == vwNietOntvangt {
			switch {
			case ok:
				return tekstf(w, "U krijgt al %s. Dan kunt u deze regeling niet krijgen.", "Uw cliënt krijgt al %s. Dan kan uw cliënt deze regeling niet krijgen.", "You already receive %s. Then you cannot get this scheme.", "Your client already receives %s. Then your client cannot get this scheme.", naam)
			case !f.OntvangtBekend:
				return tekstf(w, "Wij weten niet of u %s krijgt.", "Wij weten niet of uw cliënt %s krijgt.", "We do not know whether you receive %s.", "We do not know whether your client receives %s.", naam)
			}
			return tekstf(w, "U krijgt geen %s.", "Uw cliënt krijgt geen %s.", "You do not receive %s.", "Your client does not receive %s.", naam)
		}
		eis := ""
		if v.maandenBekend && v.maanden > 0 {
			eis = fmt.Sprintf(" Deze regeling vraagt dat u dit minstens %d maanden krijgt.", v.maanden)
			if w.Intermediair {
				eis = fmt.Sprintf(" Deze regeling vraagt dat uw cliënt dit minstens %d maanden krijgt.", v.maanden)
			}
			if en {
				eis = fmt.Sprintf(" This scheme requires at least %d months.", v.maanden)
			}
		} else if !v.maandenBekend {
			eis = tekst(w, " Hoe lang u dit moet krijgen, heeft de gemeente niet gepubliceerd: vraag de gemeente.", " Hoe lang uw cliënt dit moet krijgen, heeft de gemeente niet gepubliceerd: vraag de gemeente.",
				" The municipality has not published for how long: ask the municipality.", " The municipality has not published for how long: ask the municipality.")
		}
		switch {
		case !ok && !f.OntvangtBekend:
			return tekstf(w, "Wij weten niet of u %s krijgt.", "Wij weten niet of uw cliënt %s krijgt.", "We do not know whether you receive %s.", "We do not know whether your client receives %s.", naam) + eis
		case !ok:
			return tekstf(w, "U krijgt geen %s.", "Uw cliënt krijgt geen %s.", "You do not receive %s.", "Your client does not receive %s.", naam) + eis
		case o.Maanden < 0:
			return tekstf(w, "U krijgt %s. Wij weten niet sinds wanneer.", "Uw cliënt krijgt %s. Wij weten niet sinds wanneer.", "You receive %s. We do not know since when.", "Your client receives %s. We do not know since when.", naam) + eis
		}
		return tekstf(w, "U krijgt %s, al %d maanden.", "Uw cliënt krijgt %s, al %d maanden.", "You have received %s for %d months.", "Your client has received %s for %d months.", naam, o.Maanden) + eis
	case vwLaagInkomen:
		eis := fmt.Sprintf(" Deze regeling is voor mensen die al minstens %d maanden een laag inkomen hebben.", v.maanden)
		if en {
			eis = fmt.Sprintf(" This scheme is for people who have had a low income for at least %d months.", v.maanden)
		}
		if !v.maandenBekend {
			eis = tekst(w, " Hoe lang dat moet zijn, heeft de gemeente niet gepubliceerd: vraag de gemeente.", " Hoe lang dat moet zijn, heeft de gemeente niet gepubliceerd: vraag de gemeente.",
				" The municipality has not published for how long: ask the municipality.", " The municipality has not published for how long: ask the municipality.")
		}
		if f.LaagInkomenMaanden < 0 {
			return tekst(w, "Wij weten niet hoe lang u al een laag inkomen hebt.", "Wij weten niet hoe lang uw cliënt al een laag inkomen heeft.", "We do not know how long you have had a low income.", "We do not know how long your client has had a low income.") + eis
		}
		return tekstf(w, "U hebt al %d maanden een laag inkomen.", "Uw cliënt heeft al %d maanden een laag inkomen.", "You have had a low income for %d months.", "Your client has had a low income for %d months.", f.LaagInkomenMaanden) + eis
	case vwSchuldsanering:
		switch f.Schuldsanering {
		case Ja:
			return tekst(w, "Iemand in uw huishouden zit in de schuldsanering.", "Iemand in het huishouden van uw cliënt zit in de schuldsanering.", "Someone in your household is in debt restructuring.", "Someone in your client's household is in debt restructuring.")
		case Nee:
			return tekst(w, "Niemand in uw huishouden zit in de schuldsanering.", "Niemand in het huishouden van uw cliënt zit in de schuldsanering.", "No one in your household is in debt restructuring.", "No one in your client's household is in debt restructuring.")
		}
		return tekst(w, "Wij weten niet of iemand in uw huishouden in de schuldsanering zit.", "Wij weten niet of iemand in het huishouden van uw cliënt in de schuldsanering zit.", "We do not know whether someone in your household is in debt restructuring.", "We do not know whether someone in your client's household is in debt restructuring.")
	case vwStudent:
		eis := tekst(w, " Deze regeling is voor studenten.", " Deze regeling is voor studenten.", " This scheme is for students.", " This scheme is for students.")
		if !v.waarde {
			eis = tekst(w, " Deze regeling is niet voor studenten.", " Deze regeling is niet voor studenten.", " This scheme is not for students.", " This scheme is not for students.")
		}
		switch f.Student {
		case Ja:
			return tekst(w, "U studeert.", "Uw cliënt studeert.", "You are a student.", "Your client is a student.") + eis
		case Nee:
			return tekst(w, "U studeert niet.", "Uw cliënt studeert niet.", "You are not a student.", "Your client is not a student.") + eis
		}
		return tekst(w, "Wij weten niet of u studeert.", "Wij weten niet of uw cliënt studeert.", "We do not know whether you are a student.", "We do not know whether your client is a student.") + eis
	case vwBeoordeling:
		return tekst(w, "Dit beoordeelt de gemeente zelf in een gesprek of bij de aanvraag.", "Dit beoordeelt de gemeente zelf in een gesprek of bij de aanvraag.",
			"The municipality assesses this itself, in a conversation or when you apply.", "The municipality assesses this itself, in a conversation or when your client applies.")
	case vwEenVan:
		var delen []string
		for i := range v.sub {
			st, _ := v.sub[i].evalueer(f)
			deel := triTeken(st) + " " + v.sub[i].zin(f, st, w)
			if extra := v.sub[i].extraUitleg(w); extra != "" {
				deel += " " + extra
			}
			delen = append(delen, deel)
		}
		kop := "Eén van deze dingen moet kloppen: "
		if en {
			kop = "One of these must be true: "
		}
		return kop + strings.Join(delen, " — ")
	}
	return ""
}

func (v *voorwaarde) inkomenZin(f *Feiten, t Tri, w Weergave) string {
	en := w.en()
	g := v.grensVoor(f)
	samen := f.Leefvorm == nl.Gehuwden
	var wie string
	switch {
	case samen:
		wie = tekst(w, "Uw inkomen samen met uw partner", "Het inkomen van uw cliënt samen met de partner", "Your income together with your partner's", "Your client's income together with the partner's")
	default:
		wie = tekst(w, "Uw inkomen", "Het inkomen van uw cliënt", "Your income", "Your client's income")
	}
	var s strings.Builder
	s.Grow(320)
	if !f.InkomenBekend {
		if en {
			s.WriteString("We do not know the whole income. ")
		} else {
			s.WriteString("Wij weten niet het hele inkomen. ")
		}
	} else {
		if en {
			s.WriteString(wie + " is " + f.Inkomen.English() + " a month (net). ")
		} else {
			s.WriteString(wie + " is " + f.Inkomen.Kort() + " per maand (netto). ")
		}
	}
	if !f.NormBekend {
		if en {
			s.WriteString("We cannot work out the social minimum (bijstandsnorm) yet, because an age is missing. ")
		} else {
			s.WriteString("Wij kunnen de bijstandsnorm nog niet bepalen, want een leeftijd ontbreekt. ")
		}
	}
	if !g.bekend {
		if en {
			s.WriteString("The municipality has not published its income limit for this scheme: ask the municipality.")
		} else {
			s.WriteString("De gemeente heeft de inkomensgrens voor deze regeling niet gepubliceerd: vraag de gemeente.")
		}
		return strings.TrimSpace(s.String())
	}
	if !f.NormBekend {
		if en {
			s.WriteString("The limit is " + g.p.String() + " of the bijstandsnorm.")
		} else {
			s.WriteString("De grens is " + g.p.String() + " van de bijstandsnorm.")
		}
		return s.String()
	}
	laag, hoog := inkomenGrenzen(f, g.p, v.basis)
	norm, normTekst := f.NormInclVT, "de bijstandsnorm"
	normEN := "the bijstandsnorm (social minimum)"
	if v.basis == basisExclVT {
		norm, normTekst, normEN = f.NormExclVT, "de bijstandsnorm zonder vakantiegeld", "the bijstandsnorm without holiday pay"
	}
	if f.InkomenBekend && v.basis != basisOnbekend {
		pct := f.Inkomen.AlsPercentageVan(norm)
		if en {
			s.WriteString("That is " + pctTekst(pct, g.p) + " of " + normEN + " (" + norm.English() + "). ")
		} else {
			s.WriteString("Dat is " + pctTekst(pct, g.p) + " van " + normTekst + " (" + norm.Kort() + "). ")
		}
	}
	if v.basis == basisOnbekend {
		if en {
			s.WriteString("The limit is " + g.p.String() + " of the bijstandsnorm: " + laag.English() + " a month without holiday pay, or " + hoog.English() + " with it. The municipality has not published which one it uses.")
			if t == Onbekend && f.InkomenBekend {
				s.WriteString(" Your income is between the two: ask the municipality.")
			}
		} else {
			s.WriteString("De grens is " + g.p.String() + " van de bijstandsnorm: " + laag.Kort() + " per maand zonder vakantiegeld, of " + hoog.Kort() + " met vakantiegeld. De gemeente heeft niet gepubliceerd welke zij gebruikt.")
			if t == Onbekend && f.InkomenBekend {
				s.WriteString(" Het inkomen ligt daartussen: vraag de gemeente.")
			}
		}
	} else if en {
		s.WriteString("The limit is " + g.p.String() + ": " + laag.English() + " a month.")
	} else {
		s.WriteString("De grens is " + g.p.String() + ": " + laag.Kort() + " per maand.")
	}
	if v.grensKind.bekend && f.MinderjarigeKinderen > 0 {
		if en {
			s.WriteString(" Families with children have a higher limit.")
		} else {
			s.WriteString(" Voor gezinnen met kinderen geldt een hogere grens.")
		}
	}
	return s.String()
}

// pctTekst shows a percentage in whole percents, with decimals only where rounding would make the
// income look equal to the limit while it is above it.
func pctTekst(p, grens geld.Percentage) string {
	heel := p / 100 * 100
	if heel == grens && p > grens {
		return p.String()
	}
	return heel.String()
}

func leeftijdGrens(lo, hi int, en bool) string {
	switch {
	case hi >= 200 && en:
		return fmt.Sprintf("This scheme is for people aged %d or older.", lo)
	case hi >= 200:
		return fmt.Sprintf("Deze regeling is voor mensen van %d jaar of ouder.", lo)
	case lo <= 0 && en:
		return fmt.Sprintf("This scheme is for people aged %d or younger.", hi)
	case lo <= 0:
		return fmt.Sprintf("Deze regeling is voor mensen tot en met %d jaar.", hi)
	case en:
		return fmt.Sprintf("This scheme is for people aged %d to %d.", lo, hi)
	}
	return fmt.Sprintf("Deze regeling is voor mensen van %d tot en met %d jaar.", lo, hi)
}

func meervoud(n int, een, meer string) string {
	if n == 1 {
		return een
	}
	return meer
}

func regelingNaam(id string, en bool) string {
	switch id {
	case "bijstand":
		if en {
			return "social assistance (bijstand)"
		}
		return "bijstand"
	case "aow":
		if en {
			return "state pension (AOW)"
		}
		return "AOW"
	}
	return strings.ReplaceAll(id, "_", " ")
}

// uitleg explains how the amount was found, in B1.
func (b *bedragRegel) uitleg(f *Feiten, k Kort, w Weergave) string {
	en := w.en()
	geldTekst := func(x geld.Bedrag) string {
		if en {
			return x.English()
		}
		return x.Kort()
	}
	switch b.soort {
	case bedragOnbekend:
		if en && b.redenEN != "" {
			return b.redenEN
		}
		if b.reden != "" && !en {
			return b.reden
		}
		if en {
			return "The amount is not published. Ask the municipality."
		}
		return "Het bedrag is niet gepubliceerd. Vraag de gemeente."
	case bedragVast:
		if en {
			return "A fixed amount of " + geldTekst(b.bedrag) + "."
		}
		return "Een vast bedrag van " + geldTekst(b.bedrag) + "."
	case bedragPerKind:
		n, onb := f.kinderenInLeeftijd(b.lmin, b.lmax)
		if onb > 0 {
			if en {
				return fmt.Sprintf("%s per child aged %d to %d. We do not know the age of every child.", geldTekst(b.bedrag), b.lmin, b.lmax)
			}
			return fmt.Sprintf("%s per kind van %d tot en met %d jaar. Wij weten niet van elk kind de leeftijd.", geldTekst(b.bedrag), b.lmin, b.lmax)
		}
		if en {
			return fmt.Sprintf("%s per child aged %d to %d; %d %s.", geldTekst(b.bedrag), b.lmin, b.lmax, n, meervoud(n, "child", "children"))
		}
		return fmt.Sprintf("%s per kind van %d tot en met %d jaar; %d %s.", geldTekst(b.bedrag), b.lmin, b.lmax, n, meervoud(n, "kind", "kinderen"))
	case bedragPerPersoon:
		n := f.Personen
		if b.volwassenen {
			n = f.Volwassenen
		}
		if en {
			return fmt.Sprintf("%s per person; %d %s.", geldTekst(b.bedrag), n, meervoud(n, "person", "people"))
		}
		return fmt.Sprintf("%s per persoon; %d %s.", geldTekst(b.bedrag), n, meervoud(n, "persoon", "personen"))
	case bedragPerLeefvorm:
		if en {
			return fmt.Sprintf("The amount for a household that is %s.", leefvormNaam(f.Leefvorm, true))
		}
		return fmt.Sprintf("Het bedrag voor een huishouden dat %s is.", leefvormNaam(f.Leefvorm, false))
	case bedragFormule:
		if en {
			return fmt.Sprintf("%s plus %s per child plus %s per adult.", geldTekst(b.basis), geldTekst(b.perKind), geldTekst(b.perVolwassene))
		}
		return fmt.Sprintf("%s plus %s per kind plus %s per volwassene.", geldTekst(b.basis), geldTekst(b.perKind), geldTekst(b.perVolwassene))
	case bedragGlijdend:
		if !k.BedragBekend {
			if en {
				return "The amount goes down as income goes up above the limit; we cannot work it out without the whole income."
			}
			return "Het bedrag wordt lager als het inkomen boven de grens komt. Zonder het hele inkomen kunnen wij het niet uitrekenen."
		}
		if en {
			return fmt.Sprintf("Sliding scale: the full amount is %s; with this income it is %s.", geldTekst(b.bedrag), geldTekst(k.Bedrag))
		}
		return fmt.Sprintf("Glijdende schaal: het volle bedrag is %s; bij dit inkomen is het %s.", geldTekst(b.bedrag), geldTekst(k.Bedrag))
	case bedragLening:
		var s string
		if en {
			s = fmt.Sprintf("This is a loan. You repay %s of your net income each month", b.aflossing)
		} else {
			s = fmt.Sprintf("Dit is een lening. U betaalt elke maand %s van uw netto inkomen terug", b.aflossing)
		}
		if f.InkomenBekend {
			a := f.Inkomen.VanNaarBeneden(b.aflossing)
			if en {
				s += fmt.Sprintf(": %s a month", geldTekst(a))
			} else {
				s += fmt.Sprintf(": %s per maand", geldTekst(a))
			}
		}
		return s + "."
	}
	return ""
}
