package regels

import (
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// Weergave chooses the language and the voice of the texts in a trace.
type Weergave struct {
	Taal         string   // a language of the catalogue: "nl" (default), "en"; another falls back to "nl"
	Intermediair bool     // written to a helper about "uw cliënt" instead of to the resident
	Teksten      *Teksten // the catalogue; nil is the one that ships with Zeker (StandaardTeksten)
}

// en reports whether the pack's own texts (names, descriptions, a condition's uitleg) are taken in
// English: a pack is written in Dutch with English beside it.
func (w Weergave) en() bool { return w.Taal == "en" }

// Criterium is one line of a trace: a condition, its outcome, why in plain words, and its source.
//
// The trace is data: Soort names the kind of condition, Zinnen what is said about it (message keys
// with the numbers: amounts in cents, percentages, ages, months), Vragen the unknown facts that would
// settle it, Bron its legal source. Tekst is Zinnen worded by the catalogue in the language and voice
// Verklaar was asked for; Teksten.Criterium words the same data in another.
type Criterium struct {
	Oordeel  Tri     `json:"-"`
	Uitkomst string  `json:"uitkomst"` // "ja", "nee", "onbekend"
	Tekst    string  `json:"tekst"`
	Bron     Bron    `json:"bron"`
	Vragen   []Vraag `json:"vragen,omitempty"`
	// Parameters are the values of the rule pack the condition used, each with its id: an open term
	// of the pack ("$inkomensgrens"), shared by the regelingen that use it, or a value written in one
	// regeling ("meedoen.inkomen.grens"). TestTraceNoemtParameters fails when one result shows one id
	// with two values.
	Parameters []Parameter `json:"parameters,omitempty"`
	Soort      string      `json:"-"` // the kind of condition, as the pack writes it: "leeftijd", "inkomen", "een_van", …
	Zinnen     []Zin       `json:"-"`
	Sub        []Criterium `json:"-"` // een_van: the alternatives, worded after the first sentence
}

// Parameter is one value a criterion used, with its id (Criterium.Parameters).
type Parameter struct {
	ID     string `json:"id"`
	Waarde string `json:"waarde"` // as written: "130%", "excl_vt", "36 maanden", or "onbekend"
}

// Lening describes a loan: how much is repaid each month.
type Lening struct {
	AflossingPercentage geld.Percentage `json:"aflossing_percentage"`
	AflossingPerMaand   *geld.Bedrag    `json:"aflossing_per_maand"` // nil when the income is unknown
}

// Kwijtschelding is what the national calculation says a household would still pay per year.
// Exactly one of TeBetalenPerJaar (known: nothing is left after the costs of living) and
// HooguitPerJaar (an upper bound: rent above the normhuur and the health premium still come off) is set.
type Kwijtschelding struct {
	KostenVanBestaan geld.Bedrag     `json:"kosten_van_bestaan"` // per month
	Percentage       geld.Percentage `json:"percentage"`         // of the bijstandsnorm, hundredths
	TeBetalenPerJaar *geld.Bedrag    `json:"te_betalen_per_jaar,omitempty"`
	HooguitPerJaar   *geld.Bedrag    `json:"hooguit_per_jaar,omitempty"`
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
	BedragZinnen []Zin        `json:"-"` // BedragUitleg as data
	BedragBron   Bron         `json:"bedrag_bron"`
	Periode      Periode      `json:"periode"`
	Lening       *Lening      `json:"lening,omitempty"`
	// Kwijtschelding: what would still be paid per year (nil when the income is unknown).
	Kwijtschelding *Kwijtschelding `json:"kwijtschelding,omitempty"`
	InNatura       *InNatura       `json:"in_natura,omitempty"` // goods or a voucher instead of money
	Plaatsen       *Plaatsen       `json:"plaatsen,omitempty"`  // limited places, "zolang er plek is"
	Eerder         []EerderBedrag  `json:"eerder,omitempty"`    // amounts of earlier years, never today's
	Uitvoerder     string          `json:"uitvoerder"`
	Aanvragen      Aanvragen       `json:"aanvragen"`
	Ambtshalve     bool            `json:"ambtshalve"` // may be granted without application to this household
	Grondslag      Bron            `json:"grondslag"`
	Criteria       []Criterium     `json:"criteria"`
	Vragen         []Vraag         `json:"vragen,omitempty"`
	Kort           Kort            `json:"-"`
}

// Verklaar evaluates every regeling with a full trace, worded in the language and voice of w.
func (p *Pakket) Verklaar(f *Feiten, w Weergave) []Uitkomst {
	out := make([]Uitkomst, len(p.Regelingen))
	// One array holds the criteria of all regelingen, and one the sentences of all criteria: one
	// allocation each instead of one per regeling and per criterion.
	n := 0
	for _, r := range p.Regelingen {
		n += len(r.voorwaarden)
	}
	criteria := make([]Criterium, n)
	wd := w.woorder()
	wd.arena = make([]Zin, 0, zinRuimte(p.Regelingen))
	if len(p.Regelingen) > len(wd.vast) {
		wd.bedragen = make([]geld.Bedrag, 0, len(p.Regelingen))
	}
	for i, r := range p.Regelingen {
		m := len(r.voorwaarden)
		out[i] = r.verklaar(f, w, wd, criteria[:0:m])
		criteria = criteria[m:]
	}
	return out
}

// zinRuimte is room for the sentences of the trace of rs: an upper bound in practice (a condition
// says at most three sentences, an alternative two, the amount and what is beside it two per earlier
// year); a longer trace only costs the arena one more allocation.
func zinRuimte(rs []*Regeling) int {
	z := 0
	for _, r := range rs {
		for i := range r.voorwaarden {
			z += 3 + 2*len(r.voorwaarden[i].sub)
		}
		z += 2 + 2*len(r.bedrag.eerder) // the amount, and the sentences beside it
		if r.InNatura != nil {
			z += 3
		}
	}
	return z
}

// verklaar explains one regeling; its criteria are appended to crit, which has room for them.
func (r *Regeling) verklaar(f *Feiten, w Weergave, wd *woorder, crit []Criterium) Uitkomst {
	k := r.evalueer(f)
	u := Uitkomst{
		ID: r.ID, Naam: r.Naam, Omschrijving: r.Omschrijving, Uitleg: r.Uitleg, Oordeel: k.Oordeel,
		Periode: r.Periode, Uitvoerder: r.Uitvoerder, Aanvragen: r.Aanvragen, Grondslag: r.Grondslag,
		Vragen: k.Vragen.Lijst(), Kort: k, BedragBron: r.bedrag.bronOp(f.Datum),
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
	if r.landelijk != nil {
		r.landelijk.woord(&u, wd)
	}
	u.Criteria = crit
	for i := range r.voorwaarden {
		if !r.voorwaarden[i].vanToepassing(f) {
			continue
		}
		u.Criteria = append(u.Criteria, r.voorwaarden[i].verklaar(f, wd))
		c := &u.Criteria[len(u.Criteria)-1] // filled in where it stays, not copied again
		if c.Bron.Leeg() {
			c.Bron = r.Grondslag // every criterion names a source: its own, else the regeling's legal basis
		}
		c.Tekst = wd.criterium(c)
	}
	if k.Oordeel != GeenRecht && k.BedragBekend {
		u.Bedrag = wd.bedrag(k.Bedrag)
	}
	start := len(wd.arena)
	r.bedrag.uitleg(f, k, wd)
	r.extraBedragZinnen(f, wd)
	u.BedragZinnen = wd.neem(start)
	u.BedragUitleg = wd.zinnen(u.BedragZinnen)
	if r.bedrag.soort == bedragLening && k.Oordeel != GeenRecht {
		l := &Lening{AflossingPercentage: r.bedrag.aflossing}
		if f.InkomenBekend {
			a := f.Inkomen.VanNaarBeneden(r.bedrag.aflossing)
			l.AflossingPerMaand = &a
		}
		u.Lening = l
	}
	if r.bedrag.soort == bedragKwijtschelding && k.Oordeel != GeenRecht {
		u.Kwijtschelding, _, _, _ = r.bedrag.kwijtscheldingUitkomst(f)
	}
	if r.InNatura != nil {
		n := *r.InNatura
		if w.en() {
			n.Wat = orNL(n.WatEN, n.Wat)
		}
		u.InNatura = &n
	}
	u.Plaatsen = r.Plaatsen
	for _, e := range r.bedrag.eerder {
		if e.geldtVoor(f) {
			if w.en() {
				e.Uitleg = orNL(e.UitlegEN, e.Uitleg)
			}
			u.Eerder = append(u.Eerder, e)
		}
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

// verklaar records a condition's outcome, sentences, questions and source.
func (v *voorwaarde) verklaar(f *Feiten, wd *woorder) Criterium {
	if v.soort == vwLandelijk {
		return v.verklaarLandelijk(f, wd)
	}
	t, q := v.evalueer(f)
	c := Criterium{Oordeel: t, Uitkomst: triWoord(t), Bron: v.bron, Vragen: q.Lijst(), Soort: v.soort.String()}
	if c.Bron.Leeg() && v.soort == vwInkomen {
		c.Bron = v.grensVoor(f).bron
	}
	if v.soort == vwEenVan {
		c.Sub = make([]Criterium, len(v.sub))
		for i := range v.sub {
			st, sq := v.sub[i].evalueer(f)
			c.Sub[i] = Criterium{Oordeel: st, Uitkomst: triWoord(st), Bron: v.sub[i].bron, Vragen: sq.Lijst(), Soort: v.sub[i].soort.String()}
			start := len(wd.arena)
			v.sub[i].zinnen(f, st, wd)
			v.sub[i].extraUitleg(wd)
			c.Sub[i].Zinnen = wd.neem(start)
			c.Sub[i].Parameters = v.sub[i].parameters(f)
		}
	}
	start := len(wd.arena)
	v.zinnen(f, t, wd)
	v.extraUitleg(wd)
	c.Zinnen = wd.neem(start)
	c.Parameters = v.parameters(f)
	return c
}

// parameters lists the pack's values the condition uses for f (set at compile time, zetParameters):
// no allocation, the slice points into the condition.
func (v *voorwaarde) parameters(f *Feiten) []Parameter {
	if v.nParams == 0 {
		return nil
	}
	if v.soort == vwInkomen && v.grensKind.bekend && f.MinderjarigeKinderen > 0 {
		return v.paramsKind[:v.nParams:v.nParams]
	}
	return v.params[:v.nParams:v.nParams]
}

// extraUitleg records the pack's own sentence for a condition, if it has one.
func (v *voorwaarde) extraUitleg(wd *woorder) {
	if v.uitleg != "" || v.uitlegEN != "" {
		wd.pakketZin(sPakket, v.uitleg, v.uitlegEN)
	}
}

// zinnen records what is said about a condition with outcome t: the fact, then what the regeling asks.
func (v *voorwaarde) zinnen(f *Feiten, t Tri, wd *woorder) {
	switch v.soort {
	case vwLeeftijd:
		if !f.LeeftijdBekend {
			wd.zin(sLeeftijdOnbekend)
		} else {
			wd.zin(sLeeftijdFeit, getal(f.LeeftijdAanvrager))
		}
		switch {
		case v.max >= 200:
			wd.zin(sLeeftijdEisVanaf, getal(v.min))
		case v.min <= 0:
			wd.zin(sLeeftijdEisTot, getal(v.max))
		default:
			wd.zin(sLeeftijdEisTussen, getal(v.min), getal(v.max))
		}
	case vwAOW:
		switch f.AOWAanvrager {
		case Ja:
			wd.zin(sAOWJa)
		case Nee:
			wd.zin(sAOWNee)
		default:
			wd.zin(sLeeftijdOnbekend)
		}
		if v.waarde {
			wd.zin(sAOWEisWel)
		} else {
			wd.zin(sAOWEisNiet)
		}
	case vwLeefvorm:
		wd.zin(sLeefvormFeit, leefvormW(f.Leefvorm), leefvormenW(v.leefvormen))
	case vwKinderen:
		n, onb := f.kinderenInLeeftijd(v.lmin, v.lmax)
		wd.zin(sKinderenFeit, getal(n))
		if onb > 0 {
			wd.zin(sKinderenOnbekend, getal(onb))
		}
		wd.zin(sKinderenEis, getal(v.min), getal(v.lmin), getal(v.lmax))
	case vwInkomen:
		v.inkomenZinnen(f, t, wd)
	case vwVermogen:
		if !f.VermogenBekend {
			wd.zin(sVermogenOnbekend)
		} else {
			wd.zin(sVermogenFeit, bedragW(f.Vermogen))
		}
		switch {
		case v.vermogen == vermogenOnbekend, v.vermogen == vermogenNorm && !v.grens.bekend:
			wd.zin(sVermogenGrensOnbekend)
		case v.vermogen == vermogenNorm && !f.NormBekend:
			wd.zin(sInkomenNormOnbekend)
			wd.zin(sInkomenGrensVanNorm, procentW(v.grens.p))
		case v.vermogen == vermogenNorm:
			g, _ := inkomenGrenzen(f, v.grens.p, v.basis)
			wd.zin(sVermogenGrensNorm, procentW(v.grens.p), bedragW(g))
		default:
			wd.zin(sVermogenGrens, bedragW(v.vermogenGrens(f)))
		}
	case vwOntvangt, vwNietOntvangt:
		naam := regelingW(v.regeling)
		o, ok := f.ontvangt(v.regeling)
		if v.soort == vwNietOntvangt {
			switch {
			case ok:
				wd.zin(sOntvangtAl, naam)
			case !f.OntvangtBekend:
				wd.zin(sOntvangtOnbekend, naam)
			default:
				wd.zin(sOntvangtNee, naam)
			}
			return
		}
		switch {
		case !ok && !f.OntvangtBekend:
			wd.zin(sOntvangtOnbekend, naam)
		case !ok:
			wd.zin(sOntvangtNee, naam)
		case o.Maanden < 0:
			wd.zin(sOntvangtSindsOnbekend, naam)
		default:
			wd.zin(sOntvangtJa, naam, getal(o.Maanden))
		}
		if v.maandenBekend && v.maanden > 0 {
			wd.zin(sOntvangtEis, getal(v.maanden))
		} else if !v.maandenBekend {
			wd.zin(sOntvangtEisOnbekend)
		}
	case vwLaagInkomen:
		if f.LaagInkomenMaanden < 0 {
			wd.zin(sLaagInkomenOnbekend)
		} else {
			wd.zin(sLaagInkomenFeit, getal(f.LaagInkomenMaanden))
		}
		if v.maandenBekend {
			wd.zin(sLaagInkomenEis, getal(v.maanden))
		} else {
			wd.zin(sLaagInkomenEisOnbekend)
		}
	case vwSchuldsanering:
		switch f.Schuldsanering {
		case Ja:
			wd.zin(sSchuldsaneringJa)
		case Nee:
			wd.zin(sSchuldsaneringNee)
		default:
			wd.zin(sSchuldsaneringOnbekend)
		}
	case vwStudent:
		switch f.Student {
		case Ja:
			wd.zin(sStudentJa)
		case Nee:
			wd.zin(sStudentNee)
		default:
			wd.zin(sStudentOnbekend)
		}
		if v.waarde {
			wd.zin(sStudentEisWel)
		} else {
			wd.zin(sStudentEisNiet)
		}
	case vwEenVerdiener:
		switch {
		case f.Leefvorm != nl.Gehuwden:
			wd.zin(sEenVerdienerGeenPartner)
		case !f.InkomenBekend:
			wd.zin(sInkomenOnbekend)
		case f.Verdieners == 1:
			wd.zin(sEenVerdienerJa)
		case f.Verdieners == 0:
			wd.zin(sEenVerdienerGeen)
		default:
			wd.zin(sEenVerdienerBeiden)
		}
		wd.zin(sEenVerdienerEis)
	case vwBeoordeling:
		wd.zin(sBeoordeling)
	case vwKwijtVermogen:
		v.kwijtVermogenZinnen(f, wd)
	case vwEenVan:
		wd.zin(sEenVanKop) // the alternatives follow as Criterium.Sub
	}
}

// inkomenZinnen records the income against the limit: the income (or that it is unknown), the norm
// if it cannot be known, and the limit in percent and in euros under the condition's basis.
func (v *voorwaarde) inkomenZinnen(f *Feiten, t Tri, wd *woorder) {
	g := v.grensVoor(f)
	switch {
	case !f.InkomenBekend:
		wd.zin(sInkomenOnbekend)
	case f.Leefvorm == nl.Gehuwden:
		wd.zin(sInkomenFeitSamen, bedragW(f.Inkomen))
	default:
		wd.zin(sInkomenFeit, bedragW(f.Inkomen))
	}
	if !f.NormBekend {
		wd.zin(sInkomenNormOnbekend)
	}
	if !g.bekend {
		wd.zin(sInkomenGrensOnbekend)
		return
	}
	if !f.NormBekend {
		wd.zin(sInkomenGrensVanNorm, procentW(g.p))
		return
	}
	laag, hoog := inkomenGrenzen(f, g.p, v.basis)
	if f.InkomenBekend && v.basis != basisOnbekend {
		s, norm := sInkomenPercentage, f.NormInclVT
		if v.basis == basisExclVT {
			s, norm = sInkomenPercentageExclVT, f.NormExclVT
		}
		wd.zin(s, procentW(pctGetoond(f.Inkomen.AlsPercentageVan(norm), g.p)), bedragW(norm))
	}
	if v.basis == basisOnbekend {
		wd.zin(sInkomenGrensBasisOnbekend, procentW(g.p), bedragW(laag), bedragW(hoog))
		if t == Onbekend && f.InkomenBekend {
			wd.zin(sInkomenTussen)
		}
	} else {
		wd.zin(sInkomenGrens, procentW(g.p), bedragW(laag))
	}
	if v.grensKind.bekend && f.MinderjarigeKinderen > 0 {
		wd.zin(sInkomenGrensKinderen)
	}
}

// pctGetoond is the percentage a trace shows: whole percents, with decimals only where rounding
// would make the income look equal to the limit while it is above it.
func pctGetoond(p, grens geld.Percentage) geld.Percentage {
	heel := p / 100 * 100
	if heel == grens && p > grens {
		return p
	}
	return heel
}

// uitleg records how the amount was found.
func (b *bedragRegel) uitleg(f *Feiten, k Kort, wd *woorder) {
	switch b.soort {
	case bedragOnbekend:
		if b.reden != "" || b.redenEN != "" {
			wd.pakketZin(sBedragReden, b.reden, b.redenEN)
			return
		}
		wd.zin(sBedragOnbekend)
	case bedragVast:
		if len(b.perDatum) > 0 {
			if db, ok := b.opDatum(f.Datum); ok {
				wd.zin(sBedragVastVanaf, bedragW(db.bedrag), getal(db.vanaf.Day()), getal(int(db.vanaf.Month())), getal(db.vanaf.Year()))
			} else {
				wd.zin(sBedragOnbekend)
			}
			return
		}
		wd.zin(sBedragVast, bedragW(b.bedrag))
	case bedragPerKind:
		n, onb := f.kinderenInLeeftijd(b.lmin, b.lmax)
		if onb > 0 {
			wd.zin(sBedragPerKindOnbekend, bedragW(b.bedrag), getal(b.lmin), getal(b.lmax))
			return
		}
		wd.zin(sBedragPerKind, bedragW(b.bedrag), getal(b.lmin), getal(b.lmax), getal(n))
	case bedragPerPersoon:
		n := f.Personen
		if b.volwassenen {
			n = f.Volwassenen
		}
		wd.zin(sBedragPerPersoon, bedragW(b.bedrag), getal(n))
	case bedragPerLeefvorm:
		wd.zin(sBedragPerLeefvorm, leefvormW(f.Leefvorm))
	case bedragFormule:
		wd.zin(sBedragFormule, bedragW(b.basis), bedragW(b.perKind), bedragW(b.perVolwassene))
	case bedragGlijdend:
		if !k.BedragBekend {
			wd.zin(sBedragGlijdendOnbekend)
			return
		}
		wd.zin(sBedragGlijdend, bedragW(b.bedrag), bedragW(k.Bedrag))
	case bedragKwijtschelding:
		kw, kosten, kvb, zeker := b.kwijtscheldingUitkomst(f)
		switch {
		case kw == nil:
			wd.zin(sBedragKwijtscheldingOnbekend)
		case kw.TeBetalenPerJaar != nil && zeker:
			wd.zin(sBedragKwijtscheldingNiets, procentW(kvb), bedragW(kosten))
		case kw.TeBetalenPerJaar != nil:
			wd.zin(sBedragKwijtscheldingNietsMinstens, procentW(kvb), bedragW(kosten))
		default:
			wd.zin(sBedragKwijtscheldingHooguit, procentW(kvb), bedragW(kosten), bedragW(f.Inkomen-kosten), bedragW(*kw.HooguitPerJaar))
		}
	case bedragLandelijk:
		b.landelijkUitleg(f, k, wd)
	case bedragLening:
		if f.InkomenBekend {
			wd.zin(sBedragLeningBekend, procentW(b.aflossing), bedragW(f.Inkomen.VanNaarBeneden(b.aflossing)))
			return
		}
		wd.zin(sBedragLening, procentW(b.aflossing))
	}
}

// extraBedragZinnen records what the pack says beside the amount: help in kind, limited places, and
// amounts of earlier years (shown as such, never as today's).
func (r *Regeling) extraBedragZinnen(f *Feiten, wd *woorder) {
	if n := r.InNatura; n != nil {
		wd.zin(sBedragInNatura)
		wd.pakketZin(sPakket, n.Wat, n.WatEN)
		if n.Waarde != nil {
			wd.zin(sBedragInNaturaWaarde, bedragW(*n.Waarde))
		}
	}
	if r.Plaatsen != nil {
		wd.zin(sBedragPlaatsen, getal(r.Plaatsen.Aantal))
	}
	for _, e := range r.bedrag.eerder {
		if !e.geldtVoor(f) {
			continue
		}
		wd.zin(sBedragEerder, getal(e.Jaar), bedragW(e.Bedrag))
		if e.Uitleg != "" || e.UitlegEN != "" {
			wd.pakketZin(sPakket, e.Uitleg, e.UitlegEN)
		}
	}
}

// geldtVoor reports whether an earlier amount was for this household's leefvorm.
func (e *EerderBedrag) geldtVoor(f *Feiten) bool {
	if e.Leefvorm == "" {
		return true
	}
	l, err := nl.ParseLeefvorm(e.Leefvorm)
	return err == nil && l == f.Leefvorm
}
