package regels

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

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
// LaadTeksten checks a catalogue when it is loaded: every key in every language, an "@ander"
// variant in every language when one language has it, no unknown key, and only the placeholders a
// key declares (sleutels below). A third language is a third file.

//go:embed teksten/*.json
var tekstenFS embed.FS

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

	sBedragOnbekend
	sBedragVast
	sBedragPerKind
	sBedragPerKindOnbekend
	sBedragPerPersoon
	sBedragPerLeefvorm
	sBedragFormule
	sBedragGlijdend
	sBedragGlijdendOnbekend
	sBedragLening
	sBedragLeningBekend

	sHuurtoeslagNaam
	sHuurtoeslagOmschrijving
	sHuurtoeslagUitleg
	sHuurtoeslagAanvragen
	sHuurtoeslagBedrag
	sHuurtoeslagWonenHuur
	sHuurtoeslagWonenKoop
	sHuurtoeslagWonenInwonend
	sHuurtoeslagWonenOnbekend
	sHuurtoeslagAlleenHuur
	sHuurtoeslagHuurOnbekend
	sHuurtoeslagHuur
	sHuurtoeslagBasishuurNietMeer
	sHuurtoeslagBasishuurMeer
	sHuurtoeslagHuurBovenMaximum
	sHuurtoeslagBasishuurOnbekend
	sHuurtoeslagVermogenGrensPartner
	sHuurtoeslagVermogenBoven
	sHuurtoeslagInkomen

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

	sBedragOnbekend:         {"bedrag.onbekend", nil},
	sBedragVast:             {"bedrag.vast", []plek{p("bedrag", wBedrag)}},
	sBedragPerKind:          {"bedrag.per_kind", []plek{p("bedrag", wBedrag), p("van", wGetal), p("tot", wGetal), p("aantal", wGetal)}},
	sBedragPerKindOnbekend:  {"bedrag.per_kind.onbekend", []plek{p("bedrag", wBedrag), p("van", wGetal), p("tot", wGetal)}},
	sBedragPerPersoon:       {"bedrag.per_persoon", []plek{p("bedrag", wBedrag), p("aantal", wGetal)}},
	sBedragPerLeefvorm:      {"bedrag.per_leefvorm", []plek{p("leefvorm", wLeefvorm)}},
	sBedragFormule:          {"bedrag.formule", []plek{p("basis", wBedrag), p("per_kind", wBedrag), p("per_volwassene", wBedrag)}},
	sBedragGlijdend:         {"bedrag.glijdend", []plek{p("vol", wBedrag), p("bedrag", wBedrag)}},
	sBedragGlijdendOnbekend: {"bedrag.glijdend.onbekend", nil},
	sBedragLening:           {"bedrag.lening", []plek{p("aflossing", wProcent)}},
	sBedragLeningBekend:     {"bedrag.lening.bekend", []plek{p("aflossing", wProcent), p("bedrag", wBedrag)}},

	sHuurtoeslagNaam:                 {"huurtoeslag.naam", nil},
	sHuurtoeslagOmschrijving:         {"huurtoeslag.omschrijving", nil},
	sHuurtoeslagUitleg:               {"huurtoeslag.uitleg", nil},
	sHuurtoeslagAanvragen:            {"huurtoeslag.aanvragen", nil},
	sHuurtoeslagBedrag:               {"huurtoeslag.bedrag", nil},
	sHuurtoeslagWonenHuur:            {"huurtoeslag.wonen.huur", nil},
	sHuurtoeslagWonenKoop:            {"huurtoeslag.wonen.koop", nil},
	sHuurtoeslagWonenInwonend:        {"huurtoeslag.wonen.inwonend", nil},
	sHuurtoeslagWonenOnbekend:        {"huurtoeslag.wonen.onbekend", nil},
	sHuurtoeslagAlleenHuur:           {"huurtoeslag.alleen_huur", nil},
	sHuurtoeslagHuurOnbekend:         {"huurtoeslag.huur.onbekend", nil},
	sHuurtoeslagHuur:                 {"huurtoeslag.huur", []plek{p("huur", wBedrag)}},
	sHuurtoeslagBasishuurNietMeer:    {"huurtoeslag.basishuur.niet_meer", []plek{p("basishuur", wBedrag)}},
	sHuurtoeslagBasishuurMeer:        {"huurtoeslag.basishuur.meer", []plek{p("basishuur", wBedrag)}},
	sHuurtoeslagHuurBovenMaximum:     {"huurtoeslag.huur.boven_maximum", []plek{p("maximum", wBedrag)}},
	sHuurtoeslagBasishuurOnbekend:    {"huurtoeslag.basishuur.onbekend", nil},
	sHuurtoeslagVermogenGrensPartner: {"huurtoeslag.vermogen.grens.partner", []plek{p("grens", wBedrag)}},
	sHuurtoeslagVermogenBoven:        {"huurtoeslag.vermogen.boven", nil},
	sHuurtoeslagInkomen:              {"huurtoeslag.inkomen", nil},
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
	tekst    [2]string // the text values (a regeling id; the pack's sentence in Dutch and English)
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
		return Waarde{Tekst: z.tekst[tekstPlek(z.Sleutel, i)]}
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
	z := Zin{Sleutel: s, n: uint8(len(ws))}
	t := 0
	for i, w := range ws {
		switch sleutels[s].plekken[i].soort {
		case wRegeling, wTekst:
			z.tekst[t] = w.Tekst
			t++
		default:
			z.getallen[i] = w.Getal
		}
	}
	return z
}

func getal(n int) Waarde                { return Waarde{Getal: int64(n)} }
func bedragW(b geld.Bedrag) Waarde      { return Waarde{Getal: int64(b)} }
func procentW(p geld.Percentage) Waarde { return Waarde{Getal: int64(p)} }
func leefvormW(l nl.Leefvorm) Waarde    { return Waarde{Getal: int64(l)} }
func regelingW(id string) Waarde        { return Waarde{Tekst: id} }
func pakketZin(s Sleutel, nlTekst, en string) Zin {
	return maakZin(s, Waarde{Tekst: nlTekst}, Waarde{Tekst: en})
}
func leefvormenW(ls [4]bool) (w Waarde) {
	for l, ja := range ls {
		if ja {
			w.Getal |= 1 << l
		}
	}
	return w
}

// Teksten is a catalogue: the texts of every key in every language and voice.
type Teksten struct {
	talen map[string]*taal
	codes []string
}

// taal holds one language: per key the text for the resident [0] and for an intermediary [1].
type taal struct {
	code   string
	opmaak geld.Opmaak
	zinnen [aantalSleutels][2]sjabloon
}

type sjabloon struct {
	delen  []deel
	lengte int // bytes of literal text, to size the builder
}

// deel is literal text (plek < 0) or a placeholder, with the two forms of {n|een|meer}.
type deel struct {
	tekst     string
	plek      int8
	meervoud  bool
	een, meer string
}

var standaardTeksten = sync.OnceValues(func() (*Teksten, error) { return LaadTeksten(tekstenFS, "teksten") })

// StandaardTeksten returns the catalogue that ships with Zeker (internal/regels/teksten), loaded and
// checked once.
func StandaardTeksten() (*Teksten, error) { return standaardTeksten() }

// teksten returns the catalogue of w: its own, else the shipped one. A shipped catalogue that does
// not load is a build defect that the tests catch, so it panics here.
func (w Weergave) teksten() *Teksten {
	if w.Teksten != nil {
		return w.Teksten
	}
	t, err := standaardTeksten()
	if err != nil {
		panic(err)
	}
	return t
}

// Talen lists the language codes of the catalogue, sorted.
func (t *Teksten) Talen() []string { return slices.Clone(t.codes) }

// taal returns the language of code, or the standard language.
func (t *Teksten) taal(code string) *taal {
	if tl, ok := t.talen[code]; ok {
		return tl
	}
	return t.talen[StandaardTaal]
}

// maxTekstBytes bounds one catalogue file; the shipped ones are about 12 kB.
const maxTekstBytes = 1 << 20

// LaadTeksten reads and checks every dir/*.json in fsys as a catalogue, one language per file named
// by its code (nl.json, en.json). The error names file, key and reason of every fault found.
func LaadTeksten(fsys fs.FS, dir string) (*Teksten, error) {
	bestanden, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("regels: teksten: %w", err)
	}
	t := &Teksten{talen: map[string]*taal{}}
	var fouten []error
	ruw := map[string]map[string]string{}
	for _, b := range bestanden {
		data, err := fs.ReadFile(fsys, b)
		if err != nil {
			return nil, fmt.Errorf("regels: teksten: %w", err)
		}
		code := strings.TrimSuffix(path.Base(b), ".json")
		m, err := leesTekstBestand(data)
		if err != nil {
			fouten = append(fouten, fmt.Errorf("regels: teksten %s: %w", b, err))
			continue
		}
		tl, tf := compileerTaal(code, m)
		for _, f := range tf {
			fouten = append(fouten, fmt.Errorf("regels: teksten %s: %w", b, f))
		}
		ruw[b] = m
		t.talen[code] = tl
		t.codes = append(t.codes, code)
	}
	if _, ok := t.talen[StandaardTaal]; !ok && len(fouten) == 0 {
		fouten = append(fouten, fmt.Errorf("regels: teksten: %s ontbreekt", path.Join(dir, StandaardTaal+".json")))
	}
	// A voice one language distinguishes, every language must: else its intermediary would silently
	// be spoken to as the resident.
	ander := map[string]string{}
	for b, m := range ruw {
		for k := range m {
			if strings.HasSuffix(k, "@ander") {
				ander[k] = b
			}
		}
	}
	for b, m := range ruw {
		for k, bij := range ander {
			if _, ok := m[k]; !ok {
				fouten = append(fouten, fmt.Errorf("regels: teksten %s: sleutel %q ontbreekt: %s heeft een tekst voor de intermediair", b, k, path.Base(bij)))
			}
		}
	}
	if len(fouten) > 0 {
		sort.Slice(fouten, func(i, j int) bool { return fouten[i].Error() < fouten[j].Error() })
		return nil, errors.Join(fouten...)
	}
	sort.Strings(t.codes)
	return t, nil
}

// leesTekstBestand reads a flat JSON object of strings, refusing duplicate keys and other values.
func leesTekstBestand(data []byte) (map[string]string, error) {
	if len(data) > maxTekstBytes {
		return nil, fmt.Errorf("bestand is groter dan %d bytes", maxTekstBytes)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("verwacht een JSON-object van sleutel → tekst")
	}
	m := map[string]string{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := tok.(string)
		var v string
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("sleutel %q: de waarde is geen tekst", k)
		}
		if _, dubbel := m[k]; dubbel {
			return nil, fmt.Errorf("sleutel %q: staat er twee keer in", k)
		}
		m[k] = v
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("na het object staat nog iets")
	}
	return m, nil
}

var sleutelIndex = func() map[string]Sleutel {
	m := make(map[string]Sleutel, aantalSleutels)
	for i, d := range sleutels {
		if d.naam != "" {
			m[d.naam] = Sleutel(i)
		}
	}
	return m
}()

// opmaakVoorbeeld is how opmaak.bedrag is written: symbol, 1, thousands separator, 234, cents
// separator, 56.
var opmaakVoorbeeld = regexp.MustCompile(`^([^0-9]*)1([^0-9])234([^0-9])56$`)

func compileerTaal(code string, m map[string]string) (*taal, []error) {
	tl := &taal{code: code}
	var fouten []error
	fout := func(k, reden string, args ...any) {
		fouten = append(fouten, fmt.Errorf("sleutel %q: %s", k, fmt.Sprintf(reden, args...)))
	}
	for k, v := range m {
		basis, ander := strings.CutSuffix(k, "@ander")
		s, ok := sleutelIndex[basis]
		if !ok {
			fout(k, "onbekende sleutel")
			continue
		}
		if s == sOpmaakBedrag || s == sOpmaakCenten {
			if ander {
				fout(k, "opmaak hangt niet af van de stem")
			}
			continue
		}
		if ander {
			if _, ok := m[basis]; !ok {
				fout(k, "staat er zonder %q", basis)
			}
		}
		sj, err := compileerSjabloon(v, sleutels[s].plekken)
		if err != nil {
			fout(k, "%v", err)
			continue
		}
		if ander {
			tl.zinnen[s][1] = sj
		} else {
			tl.zinnen[s][0] = sj
		}
	}
	for s := range aantalSleutels {
		k := sleutels[s].naam
		if k == "" {
			continue
		}
		if _, ok := m[k]; !ok {
			fout(k, "ontbreekt")
			continue
		}
		if _, ok := m[k+"@ander"]; !ok {
			tl.zinnen[s][1] = tl.zinnen[s][0]
		}
	}
	if v, ok := m[sleutels[sOpmaakBedrag].naam]; ok {
		d := opmaakVoorbeeld.FindStringSubmatch(v)
		if d == nil || len(d[2]) != 1 || len(d[3]) != 1 {
			fout(sleutels[sOpmaakBedrag].naam, "schrijf het bedrag 1234,56 zoals deze taal het schrijft, bijvoorbeeld \"€ 1.234,56\" (één teken tussen de groepen en voor de centen)")
		} else {
			tl.opmaak = geld.Opmaak{Symbool: d[1], Groep: d[2][0], Decimaal: d[3][0]}
		}
	}
	switch v := m[sleutels[sOpmaakCenten].naam]; v {
	case "altijd":
		tl.opmaak.AltijdCenten = true
	case "als-nodig", "":
	default:
		fout(sleutels[sOpmaakCenten].naam, "%q is geen keuze: altijd of als-nodig", v)
	}
	return tl, fouten
}

// compileerSjabloon splits a text into literal parts and placeholders known to the key.
func compileerSjabloon(tekst string, plekken []plek) (sjabloon, error) {
	var sj sjabloon
	rest := tekst
	for rest != "" {
		i := strings.IndexAny(rest, "{}")
		if i < 0 {
			sj.delen = append(sj.delen, deel{tekst: rest, plek: -1})
			sj.lengte += len(rest)
			break
		}
		if rest[i] == '}' {
			return sjabloon{}, fmt.Errorf("losse } in %q", tekst)
		}
		if i > 0 {
			sj.delen = append(sj.delen, deel{tekst: rest[:i], plek: -1})
			sj.lengte += i
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return sjabloon{}, fmt.Errorf("{ zonder } in %q", tekst)
		}
		binnen := rest[i+1 : i+j]
		rest = rest[i+j+1:]
		delen := strings.Split(binnen, "|")
		naam := delen[0]
		idx := slices.IndexFunc(plekken, func(pl plek) bool { return pl.naam == naam })
		if idx < 0 {
			return sjabloon{}, fmt.Errorf("onbekende plek {%s}; deze sleutel kent %s", naam, plekNamen(plekken))
		}
		d := deel{plek: int8(idx)}
		switch len(delen) {
		case 1:
		case 3:
			if plekken[idx].soort != wGetal {
				return sjabloon{}, fmt.Errorf("{%s} is geen aantal, dus kent geen enkelvoud en meervoud", binnen)
			}
			d.meervoud, d.een, d.meer = true, delen[1], delen[2]
			sj.lengte += len(d.meer)
		default:
			return sjabloon{}, fmt.Errorf("{%s}: schrijf {%s} of {%s|enkelvoud|meervoud}", binnen, naam, naam)
		}
		sj.delen = append(sj.delen, d)
	}
	return sj, nil
}

func plekNamen(ps []plek) string {
	if len(ps) == 0 {
		return "geen plekken"
	}
	var b strings.Builder
	for i, pl := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("{" + pl.naam + "}")
	}
	return b.String()
}

// woorder words the sentences of one trace in one language and voice.
type woorder struct {
	tl    *taal
	stem  int // 0 resident, 1 intermediary
	en    bool
	arena []Zin // the sentences of one trace; criteria hold slices of it
	bouw  strings.Builder
	getal [24]byte
}

func (w Weergave) woorder() *woorder {
	t := w.teksten()
	wd := &woorder{tl: t.taal(w.Taal), en: w.en()}
	if w.Intermediair {
		wd.stem = 1
	}
	return wd
}

// zin records a sentence of the trace being built.
func (wd *woorder) zin(s Sleutel, ws ...Waarde) {
	wd.arena = append(wd.arena, maakZin(s, ws...))
}

// neem returns the sentences recorded since start; later ones do not change them.
func (wd *woorder) neem(start int) []Zin {
	return wd.arena[start:len(wd.arena):len(wd.arena)]
}

// tekst words one sentence.
func (wd *woorder) tekst(s Sleutel, ws ...Waarde) string {
	z := maakZin(s, ws...)
	return wd.zinnen([]Zin{z})
}

// leefvorm words a leefvorm.
func (wd *woorder) leefvorm(l nl.Leefvorm) string {
	wd.bouw = strings.Builder{}
	wd.schrijfLeefvorm(l)
	return wd.bouw.String()
}

// zinnen words sentences, joined by a space.
func (wd *woorder) zinnen(zs []Zin) string {
	wd.bouw = strings.Builder{}
	wd.bouw.Grow(wd.lengte(zs))
	wd.schrijf(zs)
	return wd.bouw.String()
}

func (wd *woorder) lengte(zs []Zin) int {
	n := 0
	for i := range zs {
		n += wd.tl.zinnen[zs[i].Sleutel][wd.stem].lengte + 1 + 16*int(zs[i].n)
		n += len(zs[i].tekst[0]) + len(zs[i].tekst[1])
	}
	return n
}

// criterium words a criterion: its sentences, with the sub-criteria of een_van after the first.
func (wd *woorder) criterium(c *Criterium) string {
	n := wd.lengte(c.Zinnen)
	for i := range c.Sub {
		n += wd.lengte(c.Sub[i].Zinnen) + 8
	}
	wd.bouw = strings.Builder{}
	wd.bouw.Grow(n)
	wd.schrijfCriterium(c)
	return wd.bouw.String()
}

func (wd *woorder) schrijfCriterium(c *Criterium) {
	zs := c.Zinnen
	if len(c.Sub) > 0 && len(zs) > 0 {
		wd.schrijf(zs[:1])
		for i := range c.Sub {
			if i == 0 {
				wd.bouw.WriteByte(' ')
			} else {
				wd.bouw.WriteString(" — ")
			}
			wd.bouw.WriteString(triTeken(c.Sub[i].Oordeel))
			wd.bouw.WriteByte(' ')
			wd.schrijfCriterium(&c.Sub[i])
		}
		zs = zs[1:]
		if len(zs) > 0 {
			wd.bouw.WriteByte(' ')
		}
	}
	wd.schrijf(zs)
}

func (wd *woorder) schrijf(zs []Zin) {
	for i := range zs {
		if i > 0 {
			wd.bouw.WriteByte(' ')
		}
		wd.schrijfZin(&zs[i])
	}
}

func (wd *woorder) schrijfZin(z *Zin) {
	switch z.Sleutel {
	case sPakket:
		// The pack's own sentence: a pack is written in Dutch with English beside it.
		if wd.en && z.tekst[1] != "" {
			wd.bouw.WriteString(z.tekst[1])
		} else {
			wd.bouw.WriteString(z.tekst[0])
		}
		return
	case sBedragReden:
		t := z.tekst[0]
		if wd.en {
			t = z.tekst[1]
		}
		if t == "" {
			wd.schrijfSjabloon(&wd.tl.zinnen[sBedragOnbekend][wd.stem], nil)
		}
		wd.bouw.WriteString(t)
		return
	}
	wd.schrijfSjabloon(&wd.tl.zinnen[z.Sleutel][wd.stem], z)
}

func (wd *woorder) schrijfSjabloon(sj *sjabloon, z *Zin) {
	for i := range sj.delen {
		d := &sj.delen[i]
		if d.plek < 0 {
			wd.bouw.WriteString(d.tekst)
			continue
		}
		if z == nil {
			continue // a key without placeholders; LaadTeksten made sure
		}
		var v Waarde
		if int(d.plek) < int(z.n) {
			v = z.waarde(int(d.plek))
		}
		if d.meervoud {
			if v.Getal == 1 {
				wd.bouw.WriteString(d.een)
			} else {
				wd.bouw.WriteString(d.meer)
			}
			continue
		}
		wd.schrijfWaarde(sleutels[z.Sleutel].plekken[d.plek].soort, v)
	}
}

func (wd *woorder) schrijfWaarde(s soortWaarde, v Waarde) {
	switch s {
	case wGetal:
		wd.bouw.Write(strconv.AppendInt(wd.getal[:0], v.Getal, 10))
	case wBedrag:
		wd.bouw.WriteString(geld.Bedrag(v.Getal).Opgemaakt(wd.tl.opmaak))
	case wProcent:
		wd.schrijfProcent(geld.Percentage(v.Getal))
	case wLeefvorm:
		wd.schrijfLeefvorm(nl.Leefvorm(v.Getal))
	case wLeefvormen:
		eerste := true
		for l := nl.Alleenstaande; l <= nl.Gehuwden; l++ {
			if v.Getal&(1<<l) == 0 {
				continue
			}
			if !eerste {
				wd.bouw.WriteByte(' ')
				wd.schrijfSjabloon(&wd.tl.zinnen[sLijstOf][wd.stem], nil)
				wd.bouw.WriteByte(' ')
			}
			eerste = false
			wd.schrijfLeefvorm(l)
		}
	case wRegeling:
		switch v.Tekst {
		case "bijstand":
			wd.schrijfSjabloon(&wd.tl.zinnen[sRegelingBijstand][wd.stem], nil)
		case "aow":
			wd.schrijfSjabloon(&wd.tl.zinnen[sRegelingAOW][wd.stem], nil)
		default:
			// A regeling of the pack itself has no name in the catalogue: its id, readable.
			for i := 0; i < len(v.Tekst); i++ {
				if c := v.Tekst[i]; c == '_' {
					wd.bouw.WriteByte(' ')
				} else {
					wd.bouw.WriteByte(c)
				}
			}
		}
	}
}

// schrijfProcent writes "130%" or "12,5%" with the language's decimal separator.
func (wd *woorder) schrijfProcent(p geld.Percentage) {
	v := int64(p)
	if v < 0 {
		wd.bouw.WriteByte('-')
		v = -v
	}
	wd.bouw.Write(strconv.AppendInt(wd.getal[:0], v/100, 10))
	if c := v % 100; c != 0 {
		wd.bouw.WriteByte(wd.tl.opmaak.Decimaal)
		wd.bouw.WriteByte(byte('0' + c/10))
		if c%10 != 0 {
			wd.bouw.WriteByte(byte('0' + c%10))
		}
	}
	wd.bouw.WriteByte('%')
}

func (wd *woorder) schrijfLeefvorm(l nl.Leefvorm) {
	switch l {
	case nl.Alleenstaande:
		wd.schrijfSjabloon(&wd.tl.zinnen[sLeefvormAlleenstaande][wd.stem], nil)
	case nl.AlleenstaandeOuder:
		wd.schrijfSjabloon(&wd.tl.zinnen[sLeefvormAlleenstaandeOuder][wd.stem], nil)
	case nl.Gehuwden:
		wd.schrijfSjabloon(&wd.tl.zinnen[sLeefvormGehuwden][wd.stem], nil)
	default:
		wd.bouw.WriteString(l.String())
	}
}

// Zinnen words sentences of a trace in the language and voice of w, joined by a space.
func (t *Teksten) Zinnen(zs []Zin, w Weergave) string {
	w.Teksten = t
	return w.woorder().zinnen(zs)
}

// Criterium words a criterion of a trace in the language and voice of w: what Verklaar puts in
// Criterium.Tekst.
func (t *Teksten) Criterium(c *Criterium, w Weergave) string {
	w.Teksten = t
	return w.woorder().criterium(c)
}
