package regels

import (
	"strconv"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The texts of a trace. The engine decides what a criterion says — which facts are known, which
// numbers apply — and records that as data: per criterion a list of Zin values, each a Sleutel (a
// stable message key) with its numbers. A catalogue words the keys per language and voice. The
// catalogue that ships with Zeker is teksten/<taal>.json next to this file: a flat JSON object of
// key → text, like the page catalogue of internal/web. A text may hold placeholders:
//
//	{naam}            the value, written as its kind says (a number, an amount in the language's
//	                  money format, a percentage, a leefvorm, a list of leefvormen, a regeling)
//	{naam|een|meer}   "een" when the number naam is 1, else "meer" (kind|kinderen)
//
// A key with the suffix "@ander" is the text for an intermediary ("uw cliënt"); without it the text
// is the same in both voices. Two keys are not sentences: opmaak.bedrag shows how the language writes
// € 1234,56 (symbol, thousands and cents separators, as "€ 1.234,56") and opmaak.centen says whether
// whole amounts show cents ("altijd") or not ("als-nodig").
//
// LaadTeksten (teksten_laden.go) checks a catalogue when it is loaded: every key in every language,
// an "@ander" variant in every language when one language has it, no unknown key, and only the
// placeholders a key declares (sleutels below). A third language is a third file. Teksten.Zinnen and
// Teksten.Criterium (teksten_woorder.go) word the sentences.

// StandaardTaal is the language of a trace when none or an unknown one is asked.
const StandaardTaal = "nl"

// Sleutel is the message key of one sentence of a trace.
type Sleutel uint16

// String gives the key as it is written in the catalogue, e.g. "inkomen.grens".
func (s Sleutel) String() string {
	if int(s) < len(sleutels) {
		return sleutels[s].naam
	}
	return "Sleutel(" + strconv.Itoa(int(s)) + ")"
}

// The keys. sPakket and sBedragReden are not in the catalogue: their values are the pack's own
// sentence, in Dutch and English; a missing bedrag reden in the language is worded as bedrag.onbekend.
const (
	sPakket Sleutel = iota
	sBedragReden
	sOpmaakBedrag
	sOpmaakCenten
	sLijstOf
	sLeefvormAlleenstaande
	sLeefvormAlleenstaandeOuder
	sLeefvormGehuwden
	sRegelingBijstand
	sRegelingAOW

	sLeeftijdOnbekend
	sLeeftijdFeit
	sLeeftijdEisVanaf
	sLeeftijdEisTot
	sLeeftijdEisTussen
	sAOWJa
	sAOWNee
	sAOWEisWel
	sAOWEisNiet
	sLeefvormFeit
	sKinderenFeit
	sKinderenOnbekend
	sKinderenEis
	sInkomenOnbekend
	sInkomenFeit
	sInkomenFeitSamen
	sInkomenNormOnbekend
	sInkomenGrensOnbekend
	sInkomenGrensVanNorm
	sInkomenPercentage
	sInkomenPercentageExclVT
	sInkomenGrensBasisOnbekend
	sInkomenTussen
	sInkomenGrens
	sInkomenGrensKinderen
	sVermogenGrensOnbekend
	sVermogenGrens
	sVermogenOnbekend
	sVermogenFeit
	sOntvangtAl
	sOntvangtOnbekend
	sOntvangtNee
	sOntvangtSindsOnbekend
	sOntvangtJa
	sOntvangtEis
	sOntvangtEisOnbekend
	sLaagInkomenEis
	sLaagInkomenEisOnbekend
	sLaagInkomenOnbekend
	sLaagInkomenFeit
	sSchuldsaneringJa
	sSchuldsaneringNee
	sSchuldsaneringOnbekend
	sStudentJa
	sStudentNee
	sStudentOnbekend
	sStudentEisWel
	sStudentEisNiet
	sBeoordeling
	sEenVanKop
	sEenVerdienerGeenPartner
	sEenVerdienerJa
	sEenVerdienerGeen
	sEenVerdienerBeiden
	sEenVerdienerEis
	sKwijtVermogenAltijd
	sKwijtVermogenHooguit
	sKwijtVermogenDelen
	sKwijtVermogenNormhuur
	sKwijtVermogenPremie
	sVermogenGrensNorm

	sBedragOnbekend
	sBedragVast
	sBedragVastVanaf
	sBedragPerKind
	sBedragPerKindOnbekend
	sBedragPerPersoon
	sBedragPerLeefvorm
	sBedragFormule
	sBedragGlijdend
	sBedragGlijdendOnbekend
	sBedragLening
	sBedragLeningBekend
	sBedragKwijtscheldingOnbekend
	sBedragKwijtscheldingNiets
	sBedragKwijtscheldingNietsMinstens
	sBedragKwijtscheldingHooguit
	sBedragInNatura
	sBedragInNaturaWaarde
	sBedragPlaatsen
	sBedragEerder

	sHuurtoeslagNaam
	sHuurtoeslagOmschrijving
	sHuurtoeslagWonenHuur
	sHuurtoeslagWonenKoop
	sHuurtoeslagWonenInwonend
	sHuurtoeslagWonenOnbekend
	sHuurtoeslagAlleenHuur
	sHuurtoeslagHuurOnbekend
	sHuurtoeslagHuur
	sHuurtoeslagBasishuurNietMeer
	sHuurtoeslagBasishuurMeer
	sHuurtoeslagBasishuurOnbekend
	sHuurtoeslagNietGevonden
	sHuurtoeslagBedragDeel
	sHuurtoeslagBedragAfbouw
	sHuurtoeslagBedragMaand
	sZorgtoeslagNaam
	sZorgtoeslagOmschrijving
	sZorgtoeslagBedrag
	sZorgtoeslagHalf
	sKGBNaam
	sKGBOmschrijving
	sKGBBedrag
	sKGBALO
	sKinderbijslagNaam
	sKinderbijslagOmschrijving
	sKinderbijslagUitleg
	sKinderbijslagAanvragen
	sKinderbijslagBedrag
	sToeslagUitleg
	sToeslagAanvragen
	sLandelijkJaarOnbekend
	sLandelijkVermogenGrensPartner
	sLandelijkVermogenBoven
	sToetsingsinkomenOnbekend
	sToetsingsinkomen
	sToetsingsinkomenGeschat
	sRekeninkomen
	sLandelijkInkomenJa
	sLandelijkInkomenNee
	sLandelijkBedragOnbekend
	sLandelijkSchatting

	aantalSleutels
)

// soortWaarde is how a placeholder's value is written.
type soortWaarde uint8

const (
	wGetal      soortWaarde = iota // a count, an age, months
	wBedrag                        // euro cents, in the language's money format
	wProcent                       // geld.Percentage
	wLeefvorm                      // nl.Leefvorm, worded by leefvorm.*
	wLeefvormen                    // a set of leefvormen (bit 1<<leefvorm), joined by lijst.of
	wRegeling                      // a regeling id, worded by regeling.* or else the id itself
	wTekst                         // the pack's own sentence (sPakket only)
)

type plek struct {
	naam  string
	soort soortWaarde
}

type sleutelDef struct {
	naam    string
	plekken []plek
}

func p(naam string, s soortWaarde) plek { return plek{naam, s} }

// sleutels declares every key with its placeholders: the contract between the engine and the
// catalogue files, checked when a catalogue is loaded.
var sleutels = [aantalSleutels]sleutelDef{
	sPakket:                     {"", []plek{p("nl", wTekst), p("en", wTekst)}},
	sBedragReden:                {"", []plek{p("nl", wTekst), p("en", wTekst)}},
	sOpmaakBedrag:               {"opmaak.bedrag", nil},
	sOpmaakCenten:               {"opmaak.centen", nil},
	sLijstOf:                    {"lijst.of", nil},
	sLeefvormAlleenstaande:      {"leefvorm.alleenstaande", nil},
	sLeefvormAlleenstaandeOuder: {"leefvorm.alleenstaande_ouder", nil},
	sLeefvormGehuwden:           {"leefvorm.gehuwden", nil},
	sRegelingBijstand:           {"regeling.bijstand", nil},
	sRegelingAOW:                {"regeling.aow", nil},

	sLeeftijdOnbekend:          {"leeftijd.onbekend", nil},
	sLeeftijdFeit:              {"leeftijd.feit", []plek{p("leeftijd", wGetal)}},
	sLeeftijdEisVanaf:          {"leeftijd.eis.vanaf", []plek{p("min", wGetal)}},
	sLeeftijdEisTot:            {"leeftijd.eis.tot", []plek{p("max", wGetal)}},
	sLeeftijdEisTussen:         {"leeftijd.eis.tussen", []plek{p("min", wGetal), p("max", wGetal)}},
	sAOWJa:                     {"aow.ja", nil},
	sAOWNee:                    {"aow.nee", nil},
	sAOWEisWel:                 {"aow.eis.wel", nil},
	sAOWEisNiet:                {"aow.eis.niet", nil},
	sLeefvormFeit:              {"leefvorm.feit", []plek{p("leefvorm", wLeefvorm), p("leefvormen", wLeefvormen)}},
	sKinderenFeit:              {"kinderen.feit", []plek{p("aantal", wGetal)}},
	sKinderenOnbekend:          {"kinderen.onbekend", []plek{p("aantal", wGetal)}},
	sKinderenEis:               {"kinderen.eis", []plek{p("min", wGetal), p("van", wGetal), p("tot", wGetal)}},
	sInkomenOnbekend:           {"inkomen.onbekend", nil},
	sInkomenFeit:               {"inkomen.feit", []plek{p("inkomen", wBedrag)}},
	sInkomenFeitSamen:          {"inkomen.feit.samen", []plek{p("inkomen", wBedrag)}},
	sInkomenNormOnbekend:       {"inkomen.norm.onbekend", nil},
	sInkomenGrensOnbekend:      {"inkomen.grens.onbekend", nil},
	sInkomenGrensVanNorm:       {"inkomen.grens.van_norm", []plek{p("grens", wProcent)}},
	sInkomenPercentage:         {"inkomen.percentage", []plek{p("percentage", wProcent), p("norm", wBedrag)}},
	sInkomenPercentageExclVT:   {"inkomen.percentage.zonder_vakantiegeld", []plek{p("percentage", wProcent), p("norm", wBedrag)}},
	sInkomenGrensBasisOnbekend: {"inkomen.grens.basis_onbekend", []plek{p("grens", wProcent), p("laag", wBedrag), p("hoog", wBedrag)}},
	sInkomenTussen:             {"inkomen.tussen", nil},
	sInkomenGrens:              {"inkomen.grens", []plek{p("grens", wProcent), p("bedrag", wBedrag)}},
	sInkomenGrensKinderen:      {"inkomen.grens.kinderen", nil},
	sVermogenGrensOnbekend:     {"vermogen.grens.onbekend", nil},
	sVermogenGrens:             {"vermogen.grens", []plek{p("grens", wBedrag)}},
	sVermogenOnbekend:          {"vermogen.onbekend", nil},
	sVermogenFeit:              {"vermogen.feit", []plek{p("vermogen", wBedrag)}},
	sOntvangtAl:                {"ontvangt.al", []plek{p("regeling", wRegeling)}},
	sOntvangtOnbekend:          {"ontvangt.onbekend", []plek{p("regeling", wRegeling)}},
	sOntvangtNee:               {"ontvangt.nee", []plek{p("regeling", wRegeling)}},
	sOntvangtSindsOnbekend:     {"ontvangt.sinds_onbekend", []plek{p("regeling", wRegeling)}},
	sOntvangtJa:                {"ontvangt.ja", []plek{p("regeling", wRegeling), p("maanden", wGetal)}},
	sOntvangtEis:               {"ontvangt.eis", []plek{p("maanden", wGetal)}},
	sOntvangtEisOnbekend:       {"ontvangt.eis.onbekend", nil},
	sLaagInkomenEis:            {"laag_inkomen.eis", []plek{p("maanden", wGetal)}},
	sLaagInkomenEisOnbekend:    {"laag_inkomen.eis.onbekend", nil},
	sLaagInkomenOnbekend:       {"laag_inkomen.onbekend", nil},
	sLaagInkomenFeit:           {"laag_inkomen.feit", []plek{p("maanden", wGetal)}},
	sSchuldsaneringJa:          {"schuldsanering.ja", nil},
	sSchuldsaneringNee:         {"schuldsanering.nee", nil},
	sSchuldsaneringOnbekend:    {"schuldsanering.onbekend", nil},
	sStudentJa:                 {"student.ja", nil},
	sStudentNee:                {"student.nee", nil},
	sStudentOnbekend:           {"student.onbekend", nil},
	sStudentEisWel:             {"student.eis.wel", nil},
	sStudentEisNiet:            {"student.eis.niet", nil},
	sBeoordeling:               {"beoordeling", nil},
	sEenVanKop:                 {"een_van.kop", nil},
	sEenVerdienerGeenPartner:   {"een_verdiener.geen_partner", nil},
	sEenVerdienerJa:            {"een_verdiener.ja", nil},
	sEenVerdienerGeen:          {"een_verdiener.geen", nil},
	sEenVerdienerBeiden:        {"een_verdiener.beiden", nil},
	sEenVerdienerEis:           {"een_verdiener.eis", nil},
	sKwijtVermogenAltijd:       {"kwijtschelding.vermogen.altijd", []plek{p("pct", wProcent), p("grens", wBedrag)}},
	sKwijtVermogenHooguit:      {"kwijtschelding.vermogen.hooguit", []plek{p("grens", wBedrag), p("pct", wProcent)}},
	sKwijtVermogenDelen:        {"kwijtschelding.vermogen.delen", []plek{p("kosten", wBedrag), p("huur", wBedrag), p("premie", wBedrag), p("extra", wBedrag)}},
	sKwijtVermogenNormhuur:     {"kwijtschelding.vermogen.normhuur", nil},
	sKwijtVermogenPremie:       {"kwijtschelding.vermogen.premie", nil},
	sVermogenGrensNorm:         {"vermogen.grens.norm", []plek{p("grens", wProcent), p("bedrag", wBedrag)}},

	sBedragOnbekend:                    {"bedrag.onbekend", nil},
	sBedragVast:                        {"bedrag.vast", []plek{p("bedrag", wBedrag)}},
	sBedragVastVanaf:                   {"bedrag.vast.vanaf", []plek{p("bedrag", wBedrag), p("dag", wGetal), p("maand", wGetal), p("jaar", wGetal)}},
	sBedragPerKind:                     {"bedrag.per_kind", []plek{p("bedrag", wBedrag), p("van", wGetal), p("tot", wGetal), p("aantal", wGetal)}},
	sBedragPerKindOnbekend:             {"bedrag.per_kind.onbekend", []plek{p("bedrag", wBedrag), p("van", wGetal), p("tot", wGetal)}},
	sBedragPerPersoon:                  {"bedrag.per_persoon", []plek{p("bedrag", wBedrag), p("aantal", wGetal)}},
	sBedragPerLeefvorm:                 {"bedrag.per_leefvorm", []plek{p("leefvorm", wLeefvorm)}},
	sBedragFormule:                     {"bedrag.formule", []plek{p("basis", wBedrag), p("per_kind", wBedrag), p("per_volwassene", wBedrag)}},
	sBedragGlijdend:                    {"bedrag.glijdend", []plek{p("vol", wBedrag), p("bedrag", wBedrag)}},
	sBedragGlijdendOnbekend:            {"bedrag.glijdend.onbekend", nil},
	sBedragLening:                      {"bedrag.lening", []plek{p("aflossing", wProcent)}},
	sBedragLeningBekend:                {"bedrag.lening.bekend", []plek{p("aflossing", wProcent), p("bedrag", wBedrag)}},
	sBedragKwijtscheldingOnbekend:      {"bedrag.kwijtschelding.onbekend", nil},
	sBedragKwijtscheldingNiets:         {"bedrag.kwijtschelding.niets", []plek{p("percentage", wProcent), p("kosten", wBedrag)}},
	sBedragKwijtscheldingNietsMinstens: {"bedrag.kwijtschelding.niets.minstens", []plek{p("percentage", wProcent), p("kosten", wBedrag)}},
	sBedragKwijtscheldingHooguit:       {"bedrag.kwijtschelding.hooguit", []plek{p("percentage", wProcent), p("kosten", wBedrag), p("over", wBedrag), p("bedrag", wBedrag)}},
	sBedragInNatura:                    {"bedrag.in_natura", nil},
	sBedragInNaturaWaarde:              {"bedrag.in_natura.waarde", []plek{p("bedrag", wBedrag)}},
	sBedragPlaatsen:                    {"bedrag.plaatsen", []plek{p("aantal", wGetal)}},
	sBedragEerder:                      {"bedrag.eerder", []plek{p("jaar", wGetal), p("bedrag", wBedrag)}},

	sHuurtoeslagNaam:               {"huurtoeslag.naam", nil},
	sHuurtoeslagOmschrijving:       {"huurtoeslag.omschrijving", nil},
	sHuurtoeslagWonenHuur:          {"huurtoeslag.wonen.huur", nil},
	sHuurtoeslagWonenKoop:          {"huurtoeslag.wonen.koop", nil},
	sHuurtoeslagWonenInwonend:      {"huurtoeslag.wonen.inwonend", nil},
	sHuurtoeslagWonenOnbekend:      {"huurtoeslag.wonen.onbekend", nil},
	sHuurtoeslagAlleenHuur:         {"huurtoeslag.alleen_huur", nil},
	sHuurtoeslagHuurOnbekend:       {"huurtoeslag.huur.onbekend", nil},
	sHuurtoeslagHuur:               {"huurtoeslag.huur", []plek{p("huur", wBedrag)}},
	sHuurtoeslagBasishuurNietMeer:  {"huurtoeslag.basishuur.niet_meer", []plek{p("basishuur", wBedrag)}},
	sHuurtoeslagBasishuurMeer:      {"huurtoeslag.basishuur.meer", []plek{p("basishuur", wBedrag)}},
	sHuurtoeslagBasishuurOnbekend:  {"huurtoeslag.basishuur.onbekend", nil},
	sHuurtoeslagNietGevonden:       {"huurtoeslag.niet_gevonden", nil},
	sHuurtoeslagBedragDeel:         {"huurtoeslag.bedrag.deel", []plek{p("rekenhuur", wBedrag), p("basishuur", wBedrag), p("deel", wBedrag)}},
	sHuurtoeslagBedragAfbouw:       {"huurtoeslag.bedrag.afbouw", []plek{p("afbouw", wBedrag), p("maand", wBedrag)}},
	sHuurtoeslagBedragMaand:        {"huurtoeslag.bedrag.maand", []plek{p("maand", wBedrag)}},
	sZorgtoeslagNaam:               {"zorgtoeslag.naam", nil},
	sZorgtoeslagOmschrijving:       {"zorgtoeslag.omschrijving", nil},
	sZorgtoeslagBedrag:             {"zorgtoeslag.bedrag", []plek{p("standaardpremie", wBedrag), p("normpremie", wBedrag), p("jaar", wBedrag), p("maand", wBedrag)}},
	sKGBNaam:                       {"kindgebonden_budget.naam", nil},
	sKGBOmschrijving:               {"kindgebonden_budget.omschrijving", nil},
	sKGBBedrag:                     {"kindgebonden_budget.bedrag", []plek{p("maximum", wBedrag), p("afbouw", wBedrag), p("jaar", wBedrag), p("maand", wBedrag)}},
	sKGBALO:                        {"kindgebonden_budget.alleenstaande_ouder", nil},
	sZorgtoeslagHalf:               {"zorgtoeslag.half", []plek{p("jaar", wBedrag), p("maand", wBedrag)}},
	sKinderbijslagNaam:             {"kinderbijslag.naam", nil},
	sKinderbijslagOmschrijving:     {"kinderbijslag.omschrijving", nil},
	sKinderbijslagUitleg:           {"kinderbijslag.uitleg", nil},
	sKinderbijslagAanvragen:        {"kinderbijslag.aanvragen", nil},
	sKinderbijslagBedrag:           {"kinderbijslag.bedrag", []plek{p("aantal", wGetal), p("bedrag", wBedrag)}},
	sToeslagUitleg:                 {"toeslag.uitleg", nil},
	sToeslagAanvragen:              {"toeslag.aanvragen", nil},
	sLandelijkJaarOnbekend:         {"landelijk.jaar_onbekend", nil},
	sLandelijkVermogenGrensPartner: {"landelijk.vermogen.grens.partner", []plek{p("grens", wBedrag)}},
	sLandelijkVermogenBoven:        {"landelijk.vermogen.boven", nil},
	sToetsingsinkomenOnbekend:      {"toetsingsinkomen.onbekend", nil},
	sToetsingsinkomen:              {"toetsingsinkomen.feit", []plek{p("inkomen", wBedrag)}},
	sToetsingsinkomenGeschat:       {"toetsingsinkomen.geschat", []plek{p("inkomen", wBedrag)}},
	sRekeninkomen:                  {"toetsingsinkomen.rekeninkomen", []plek{p("inkomen", wBedrag)}},
	sLandelijkInkomenJa:            {"landelijk.inkomen.ja", nil},
	sLandelijkInkomenNee:           {"landelijk.inkomen.nee", nil},
	sLandelijkBedragOnbekend:       {"landelijk.bedrag.onbekend", nil},
	sLandelijkSchatting:            {"landelijk.schatting", nil},
}

// Waarde is one value of a sentence: a number (count, cents, hundredths of a percent, leefvorm) or,
// for a regeling or the pack's own sentence, a text.
type Waarde struct {
	Getal int64
	Tekst string
}

// maxWaarden is the most placeholders a key declares; at most two of them are texts.
const maxWaarden = 4

// Zin is one sentence of a trace as data: its key and the values of its placeholders, in the order
// the key declares them. Numbers and texts are kept apart to keep a trace small.
type Zin struct {
	Sleutel  Sleutel
	n        uint8
	getallen [maxWaarden]int64
	// tekst: the text values (a regeling id; the pack's sentence in Dutch and English), nil for the
	// many sentences without one. A pointer keeps a Zin at 48 bytes instead of 72; in a trace the
	// pairs are kept by the woorder (woorder.paar), a few to an allocation.
	tekst *[2]string
}

// teksten returns the text values.
func (z *Zin) teksten() (string, string) {
	if z.tekst == nil {
		return "", ""
	}
	return z.tekst[0], z.tekst[1]
}

// tekstPlek gives which of Zin.tekst holds placeholder i of s: text placeholders in their order.
func tekstPlek(s Sleutel, i int) int {
	n := 0
	for _, pl := range sleutels[s].plekken[:i] {
		if pl.soort == wRegeling || pl.soort == wTekst {
			n++
		}
	}
	return n
}

func (z *Zin) waarde(i int) Waarde {
	switch sleutels[z.Sleutel].plekken[i].soort {
	case wRegeling, wTekst:
		var t string
		if z.tekst != nil {
			t = z.tekst[tekstPlek(z.Sleutel, i)]
		}
		return Waarde{Tekst: t}
	}
	return Waarde{Getal: z.getallen[i]}
}

// Waarden returns the values of the sentence.
func (z *Zin) Waarden() []Waarde {
	out := make([]Waarde, z.n)
	for i := range out {
		out[i] = z.waarde(i)
	}
	return out
}

// Waarde returns the value of the placeholder naam, and whether the key has it.
func (z *Zin) Waarde(naam string) (Waarde, bool) {
	for i, pl := range sleutels[z.Sleutel].plekken {
		if pl.naam == naam && i < int(z.n) {
			return z.waarde(i), true
		}
	}
	return Waarde{}, false
}

func maakZin(s Sleutel, ws ...Waarde) Zin {
	z, t, ok := zinVan(s, ws)
	if ok {
		p := new([2]string)
		*p = t
		z.tekst = p
	}
	return z
}

// zinVan makes the sentence s with the values ws; its text values are returned apart (ok: it has
// some), for the caller to keep.
func zinVan(s Sleutel, ws []Waarde) (z Zin, tekst [2]string, ok bool) {
	z = Zin{Sleutel: s, n: uint8(len(ws))}
	t := 0
	for i, w := range ws {
		switch sleutels[s].plekken[i].soort {
		case wRegeling, wTekst:
			tekst[t] = w.Tekst
			t++
			ok = true
		default:
			z.getallen[i] = w.Getal
		}
	}
	return z, tekst, ok
}

func getal(n int) Waarde                { return Waarde{Getal: int64(n)} }
func bedragW(b geld.Bedrag) Waarde      { return Waarde{Getal: int64(b)} }
func procentW(p geld.Percentage) Waarde { return Waarde{Getal: int64(p)} }
func leefvormW(l nl.Leefvorm) Waarde    { return Waarde{Getal: int64(l)} }
func regelingW(id string) Waarde        { return Waarde{Tekst: id} }

// pakketZin records a sentence with the pack's own text in Dutch and English.
func (wd *woorder) pakketZin(s Sleutel, nlTekst, en string) {
	wd.zin(s, Waarde{Tekst: nlTekst}, Waarde{Tekst: en})
}
func leefvormenW(ls [4]bool) (w Waarde) {
	for l, ja := range ls {
		if ja {
			w.Getal |= 1 << l
		}
	}
	return w
}
