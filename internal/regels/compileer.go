package regels

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The compiler of a rule pack: from the decoded YAML (pakket_yaml.go) to the compiled model
// (pakket.go). It validates every field, resolves open terms and sources, compiles conditions and
// amount rules, and collects every problem with its line as a *PakketFout.

// compiler carries what compiling one pack needs.
type compiler struct {
	bestand string
	root    *yaml.Node
	raw     *rawPakket
	bronnen map[string]rawDocument
	termen  map[string]rawOpenTerm
	fouten  []error

	ontvangtRefs []ontvangtRef
}

type ontvangtRef struct {
	path     []any
	regeling string
}

// landelijkeRegelingen are the national benefits a household can say it receives (huishouden
// "ontvangt"), besides the regelingen of its gemeente's pack.
var landelijkeRegelingen = [...]string{
	"aio", "aow", "bijstand", "huurtoeslag", "kinderbijslag", "kindgebonden_budget", "schuldhulpverlening",
	"studiefinanciering", "wajong", "wia", "ww", "zorgtoeslag",
}

// LandelijkeRegeling reports whether id names a national benefit that conditions may refer to.
func LandelijkeRegeling(id string) bool {
	for _, r := range landelijkeRegelingen {
		if r == id {
			return true
		}
	}
	return false
}

func (c *compiler) fout(path []any, format string, args ...any) {
	c.fouten = append(c.fouten, &PakketFout{Bestand: c.bestand, Regel: lineOf(c.root, path...), Reden: fmt.Sprintf(format, args...)})
}

var idRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Compileer parses and compiles one rule pack. bestand names it in errors. The error lists every
// problem found (each a *PakketFout with a line), joined.
func Compileer(bestand string, src []byte) (*Pakket, error) {
	raw, root, err := decodePakket(bestand, src)
	if err != nil {
		return nil, err
	}
	c := &compiler{bestand: bestand, root: root, raw: raw, bronnen: raw.Bronnen, termen: raw.OpenTermen}
	p := c.pakket()
	c.stem()
	if len(c.fouten) > 0 {
		return nil, joinFouten(c.fouten)
	}
	sum := sha256.Sum256(src)
	p.Hash = hex.EncodeToString(sum[:])
	p.Bestand = bestand
	p.src = src
	return p, nil
}

// fouten is a list of pack errors shown one per line.
type fouten []error

func (fs fouten) Error() string {
	parts := make([]string, len(fs))
	for i, e := range fs {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

func (fs fouten) Unwrap() []error { return fs }

func joinFouten(fs []error) error {
	if len(fs) == 1 {
		return fs[0]
	}
	return fouten(fs)
}

var gemeenteRe = regexp.MustCompile(`^GM[0-9]{4}$`)

func (c *compiler) pakket() *Pakket {
	r := c.raw
	p := &Pakket{Gemeente: r.Gemeente, Naam: r.Naam}
	if !gemeenteRe.MatchString(r.Gemeente) {
		c.fout([]any{"gemeente"}, "gemeente %q is geen gemeentecode (GM en vier cijfers)", r.Gemeente)
	}
	if strings.TrimSpace(r.Naam) == "" {
		c.fout([]any{"naam"}, "naam ontbreekt")
	}
	var err error
	if p.GeldigVanaf, err = time.Parse(time.DateOnly, r.GeldigVanaf); err != nil {
		c.fout([]any{"geldig_vanaf"}, "geldig_vanaf %q is geen datum (jjjj-mm-dd)", r.GeldigVanaf)
	}
	if r.GeldigTot != "" {
		if p.GeldigTot, err = time.Parse(time.DateOnly, r.GeldigTot); err != nil {
			c.fout([]any{"geldig_tot"}, "geldig_tot %q is geen datum (jjjj-mm-dd)", r.GeldigTot)
		} else if !p.GeldigVanaf.IsZero() && p.GeldigTot.Before(p.GeldigVanaf) {
			c.fout([]any{"geldig_tot"}, "geldig_tot ligt voor geldig_vanaf")
		}
	}
	if r.Contact != nil {
		c.fout([]any{"contact"}, "contact hoort niet in een regelpakket: de contactgegevens van de gemeente staan bij de gemeente in Zeker (Gegevens van de gemeente), zodat er één bron is")
	}
	for naam, d := range r.Bronnen {
		if d.Tekst == "" && d.URL == "" {
			c.fout([]any{"bronnen", naam}, "bron %q heeft geen tekst of url", naam)
		}
	}
	for _, naam := range sortedKeys(r.OpenTermen) {
		t := r.OpenTermen[naam]
		ot := OpenTerm{Naam: naam, Waarde: c.termWaarde(naam, t)}
		if !t.Bron.leeg() {
			ot.Bron, err = t.Bron.resolve(c.bronnen)
			if err != nil {
				c.fout([]any{"open_termen", naam, "bron"}, "open term %s: %v", naam, err)
			}
		} else if ot.Waarde != "onbekend" {
			c.fout([]any{"open_termen", naam}, "open term %s: bron ontbreekt (elke grens heeft een bron)", naam)
		}
		p.OpenTermen = append(p.OpenTermen, ot)
	}
	if len(r.Regelingen) == 0 {
		c.fout([]any{"regelingen"}, "geen regelingen")
	}
	ids := map[string]bool{}
	for i := range r.Regelingen {
		reg := c.regeling(i, &r.Regelingen[i])
		if ids[reg.ID] {
			c.fout([]any{"regelingen", i, "id"}, "regeling %q komt twee keer voor", reg.ID)
		}
		ids[reg.ID] = true
		p.Regelingen = append(p.Regelingen, reg)
	}
	// A condition on a received scheme must name a national benefit or a regeling of this pack:
	// a typo would otherwise silently make the condition false for everyone.
	for _, ref := range c.ontvangtRefs {
		if !ids[ref.regeling] && !LandelijkeRegeling(ref.regeling) {
			c.fout(ref.path, "onbekend feit: regeling %q is geen landelijke uitkering (%s) en geen regeling van dit pakket", ref.regeling, strings.Join(landelijkeRegelingen[:], ", "))
		}
	}
	return p
}

func (c *compiler) termWaarde(naam string, t rawOpenTerm) string {
	switch {
	case t.Percentage != "":
		return t.Percentage
	case t.Maanden != nil:
		return strconv.Itoa(*t.Maanden) + " maanden"
	case t.Bedrag != "":
		return t.Bedrag
	case t.Waarde != "":
		return t.Waarde
	}
	c.fout([]any{"open_termen", naam}, "open term %s heeft geen waarde (percentage, maanden, bedrag of waarde)", naam)
	return ""
}

func (c *compiler) regeling(i int, r *rawRegeling) *Regeling {
	at := func(rest ...any) []any { return append([]any{"regelingen", i}, rest...) }
	reg := &Regeling{
		ID: r.ID, Naam: r.Naam, NaamEN: r.NaamEN, Omschrijving: r.Omschrijving, OmschrijvingEN: r.OmschrijvingEN,
		Uitleg: r.Uitleg, UitlegEN: r.UitlegEN, Uitvoerder: r.Uitvoerder, Periode: Periode(r.Periode),
		Aanvragen: Aanvragen{
			Link: r.Aanvragen.Link, Documenten: r.Aanvragen.Documenten, DocumentenEN: r.Aanvragen.DocumentenEN,
			AlleenViaIntermediair: r.Aanvragen.AlleenViaIntermediair, Beslistermijn: r.Aanvragen.Beslistermijn,
			Ambtshalve: r.Aanvragen.Ambtshalve, Toelichting: r.Aanvragen.Toelichting, ToelichtingEN: r.Aanvragen.ToelichtingEN,
		},
	}
	if reg.Aanvragen.Documenten == nil {
		reg.Aanvragen.Documenten = []string{}
	}
	c.aanvragen(at, r, reg)
	if !idRe.MatchString(r.ID) {
		c.fout(at("id"), "id %q: gebruik kleine letters, cijfers en _ (bijvoorbeeld bijzondere_bijstand)", r.ID)
	}
	if strings.TrimSpace(r.Naam) == "" {
		c.fout(at("naam"), "regeling %s: naam ontbreekt", r.ID)
	}
	if strings.TrimSpace(r.Omschrijving) == "" {
		c.fout(at("omschrijving"), "regeling %s: omschrijving ontbreekt (één of twee zinnen in B1)", r.ID)
	}
	if strings.TrimSpace(r.Uitvoerder) == "" {
		c.fout(at("uitvoerder"), "regeling %s: uitvoerder ontbreekt", r.ID)
	}
	switch reg.Periode {
	case Eenmalig, PerJaar, PerMaand:
	default:
		c.fout(at("periode"), "regeling %s: periode %q moet eenmalig, per_jaar of per_maand zijn", r.ID, r.Periode)
	}
	if r.Grondslag.leeg() {
		c.fout(at("grondslag"), "regeling %s: grondslag ontbreekt (de wet of verordening waarop zij rust)", r.ID)
	} else {
		g, err := r.Grondslag.resolve(c.bronnen)
		if err != nil {
			c.fout(at("grondslag"), "regeling %s: grondslag: %v", r.ID, err)
		}
		reg.Grondslag = g
	}
	for j := range r.Voorwaarden {
		reg.voorwaarden = append(reg.voorwaarden, c.voorwaarde(at("voorwaarden", j), &r.Voorwaarden[j]))
	}
	zetParametersVan(reg)
	for j := range r.Aanvragen.AmbtshalveAls {
		reg.ambtshalveAls = append(reg.ambtshalveAls, c.voorwaarde(at("aanvragen", "ambtshalve_als", j), &r.Aanvragen.AmbtshalveAls[j]))
	}
	if len(r.Aanvragen.AmbtshalveAls) > 0 && !r.Aanvragen.Ambtshalve {
		c.fout(at("aanvragen", "ambtshalve_als"), "regeling %s: ambtshalve_als zonder ambtshalve: true", r.ID)
	}
	reg.bedrag = c.bedrag(at("bedrag"), r.ID, &r.Bedrag)
	c.hulpVorm(at, r, reg)
	return reg
}

// term resolves "$name" to its open term; ok is false (and an error recorded) if it does not exist.
func (c *compiler) term(path []any, s string) (rawOpenTerm, string, bool) {
	naam := strings.TrimPrefix(s, "$")
	t, ok := c.termen[naam]
	if !ok {
		c.fout(path, "open term %q bestaat niet (zie open_termen)", naam)
	}
	return t, naam, ok
}

func (c *compiler) bron(path []any, r *rawBron) Bron {
	b, err := r.resolve(c.bronnen)
	if err != nil {
		c.fout(path, "%v", err)
	}
	return b
}

// procent compiles a percentage written literally ("130%", with the condition's bron) or as $term.
func (c *compiler) procent(path []any, s string, vwBron *rawBron) procent {
	if strings.HasPrefix(s, "$") {
		t, naam, ok := c.term(path, s)
		if !ok {
			return procent{}
		}
		if t.Percentage == "" {
			if t.Waarde == "onbekend" {
				return procent{term: naam}
			}
			c.fout(path, "open term %s is geen percentage", naam)
			return procent{}
		}
		p, err := geld.ParsePercentage(t.Percentage)
		if err != nil || p <= 0 {
			c.fout([]any{"open_termen", naam}, "open term %s: %q is geen percentage", naam, t.Percentage)
			return procent{}
		}
		b, _ := t.Bron.resolve(c.bronnen) // reported at the open term
		return procent{p: p, bekend: true, term: naam, bron: b}
	}
	if s == "onbekend" {
		return procent{}
	}
	p, err := geld.ParsePercentage(s)
	if err != nil || p <= 0 {
		c.fout(path, "%q is geen percentage (bijvoorbeeld 130%%)", s)
		return procent{}
	}
	if vwBron.leeg() {
		c.fout(path, "grens %s heeft geen bron", s)
		return procent{p: p, bekend: true}
	}
	return procent{p: p, bekend: true, bron: c.bron(path, vwBron)}
}

func (c *compiler) basis(path []any, s string) (basis, Bron) {
	if s == "" {
		if _, ok := c.termen["inkomensgrens_basis"]; !ok {
			return basisOnbekend, Bron{}
		}
		s = "$inkomensgrens_basis"
	}
	var bron Bron
	if strings.HasPrefix(s, "$") {
		t, _, ok := c.term(path, s)
		if !ok {
			return basisOnbekend, Bron{}
		}
		s = t.Waarde
		if !t.Bron.leeg() {
			bron, _ = t.Bron.resolve(c.bronnen)
		}
	}
	switch s {
	case "incl_vt":
		return basisInclVT, bron
	case "excl_vt":
		return basisExclVT, bron
	case "onbekend":
		return basisOnbekend, bron
	}
	c.fout(path, "basis %q moet incl_vt, excl_vt of onbekend zijn", s)
	return basisOnbekend, bron
}

func (c *compiler) maanden(path []any, s string) (int, bool) {
	if strings.HasPrefix(s, "$") {
		t, naam, ok := c.term(path, s)
		if !ok {
			return 0, false
		}
		if t.Maanden == nil {
			if t.Waarde == "onbekend" {
				return 0, false
			}
			c.fout(path, "open term %s heeft geen maanden", naam)
			return 0, false
		}
		return *t.Maanden, true
	}
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		c.fout(path, "min_maanden %q is geen aantal maanden", s)
		return 0, false
	}
	return n, true
}

func (c *compiler) voorwaarde(path []any, r *rawVoorwaarde) voorwaarde {
	at := func(k string) []any { return append(append([]any{}, path...), k) }
	s, ok := vwNamen[r.Soort]
	if !ok {
		c.fout(at("soort"), "onbekende voorwaarde %q (kies uit: %s)", r.Soort, strings.Join(sortedKeys(vwNamen), ", "))
		return voorwaarde{}
	}
	v := voorwaarde{soort: s, uitleg: r.Uitleg, uitlegEN: r.UitlegEN}
	if !r.Bron.leeg() {
		v.bron = c.bron(at("bron"), r.Bron)
	}
	need := func(ok bool, veld string) {
		if !ok {
			c.fout(path, "voorwaarde %s: %s ontbreekt", r.Soort, veld)
		}
	}
	switch s {
	case vwLeeftijd:
		need(r.Min != nil || r.Max != nil, "min of max")
		v.min, v.max = 0, 200
		if r.Min != nil {
			v.min = *r.Min
		}
		if r.Max != nil {
			v.max = *r.Max
		}
		if v.min > v.max {
			c.fout(path, "voorwaarde leeftijd: min %d is groter dan max %d", v.min, v.max)
		}
	case vwAOW:
		need(r.Bereikt != nil, "bereikt")
		if r.Bereikt != nil {
			v.waarde = *r.Bereikt
		}
	case vwLeefvorm:
		need(len(r.In) > 0, "in")
		for _, l := range r.In {
			lv, err := nl.ParseLeefvorm(l)
			if err != nil {
				c.fout(at("in"), "leefvorm %q bestaat niet (alleenstaande, alleenstaande_ouder, gehuwden)", l)
				continue
			}
			v.leefvormen[lv] = true
		}
	case vwKinderen:
		v.min, v.lmin, v.lmax = 1, 0, 17
		if r.Min != nil {
			v.min = *r.Min
		}
		if r.LeeftijdMin != nil {
			v.lmin = *r.LeeftijdMin
		}
		if r.LeeftijdMax != nil {
			v.lmax = *r.LeeftijdMax
		}
		if v.lmin > v.lmax {
			c.fout(path, "voorwaarde kinderen: leeftijd_min is groter dan leeftijd_max")
		}
	case vwInkomen:
		need(r.Grens != "", "grens")
		v.grens = c.procent(at("grens"), r.Grens, r.Bron)
		if r.GrensMetKinderen != "" {
			v.grensKind = c.procent(at("grens_met_kinderen"), r.GrensMetKinderen, r.Bron)
		}
		v.basis, v.basisBron = c.basis(at("basis"), r.Basis)
	case vwVermogen:
		need(r.Grens != "", "grens")
		g := r.Grens
		var termBron *rawBron
		if strings.HasPrefix(g, "$") {
			t, _, ok := c.term(at("grens"), g)
			if !ok {
				break
			}
			g = t.Waarde
			if t.Bedrag != "" {
				g = t.Bedrag
			}
			termBron = t.Bron
		}
		if strings.HasSuffix(strings.TrimSpace(g), "%") || (strings.HasPrefix(r.Grens, "$") && c.termen[strings.TrimPrefix(r.Grens, "$")].Percentage != "") {
			// A share of the applicable norm: kwijtschelding allows one month's costs of living.
			v.vermogen = vermogenNorm
			v.grens = c.procent(at("grens"), r.Grens, r.Bron)
			v.basis, v.basisBron = c.basis(at("basis"), r.Basis)
			if v.basis == basisOnbekend {
				c.fout(at("basis"), "voorwaarde vermogen met een percentage van de norm: basis ontbreekt (incl_vt of excl_vt)")
			}
			break
		}
		switch g {
		case "bijstand":
			v.vermogen = vermogenBijstand
			v.bron = Bron{Tekst: "Vermogensgrens van de Participatiewet (art. 34)", NL: "pw.vermogensgrens", URL: "https://wetten.overheid.nl/BWBR0015703"}
		case "onbekend":
			v.vermogen = vermogenOnbekend
		default:
			b, err := geld.Parse(g)
			if err != nil || b < 0 {
				c.fout(at("grens"), "vermogensgrens %q is geen bedrag, bijstand of onbekend", g)
				break
			}
			v.vermogen, v.vermogenMax = vermogenBedrag, b
			if r.Bron.leeg() && termBron.leeg() {
				c.fout(at("grens"), "vermogensgrens %s heeft geen bron", g)
			} else if !termBron.leeg() {
				v.bron = c.bron(at("grens"), termBron)
			}
		}
	case vwOntvangt, vwNietOntvangt:
		need(r.Regeling != "", "regeling")
		v.regeling = r.Regeling
		c.ontvangtRefs = append(c.ontvangtRefs, ontvangtRef{path: at("regeling"), regeling: r.Regeling})
		v.maanden, v.maandenBekend = c.maanden(at("min_maanden"), r.MinMaanden)
	case vwLaagInkomen:
		need(r.MinMaanden != "", "min_maanden")
		v.maanden, v.maandenBekend = c.maanden(at("min_maanden"), r.MinMaanden)
	case vwEenVerdiener:
		// No fields: it holds for a couple of whom exactly one partner has an income.
	case vwKwijtVermogen:
		c.kwijtVermogen(path, r, &v)
	case vwSchuldsanering, vwStudent:
		need(r.Waarde != nil, "waarde")
		if r.Waarde != nil {
			v.waarde = *r.Waarde
		}
	case vwBeoordeling:
		need(strings.TrimSpace(r.Uitleg) != "", "uitleg (wat de gemeente beoordeelt, in B1)")
	case vwEenVan:
		need(len(r.Voorwaarden) >= 2, "voorwaarden (minstens twee)")
		for j := range r.Voorwaarden {
			v.sub = append(v.sub, c.voorwaarde(append(at("voorwaarden"), j), &r.Voorwaarden[j]))
		}
	}
	return v
}

func (c *compiler) geld(path []any, s, veld string) geld.Bedrag {
	if s == "" {
		c.fout(path, "bedrag: %s ontbreekt", veld)
		return 0
	}
	b, err := geld.Parse(s)
	if err != nil || b < 0 {
		c.fout(path, "bedrag: %s %q is geen bedrag in euro (bijvoorbeeld 350 of 12.50)", veld, s)
		return 0
	}
	return b
}

func (c *compiler) optGeld(path []any, s, veld string) geld.Bedrag {
	if s == "" {
		return 0
	}
	return c.geld(path, s, veld)
}

func (c *compiler) bedrag(path []any, id string, r *rawBedrag) bedragRegel {
	at := func(k string) []any { return append(append([]any{}, path...), k) }
	b := bedragRegel{reden: r.Reden, redenEN: r.RedenEN, lmin: 0, lmax: 17}
	if r.LeeftijdMin != nil {
		b.lmin = *r.LeeftijdMin
	}
	if r.LeeftijdMax != nil {
		b.lmax = *r.LeeftijdMax
	}
	b.eerder = c.eerder(at, id, r.Eerder)
	switch r.Soort {
	case "onbekend":
		b.soort = bedragOnbekend
		if strings.TrimSpace(r.Reden) == "" {
			c.fout(path, "regeling %s: bedrag onbekend zonder reden (zeg de inwoner waarom, in B1)", id)
		}
		if !r.Bron.leeg() {
			b.bron = c.bron(at("bron"), r.Bron)
		}
		return b
	case "vast":
		b.soort = bedragVast
		if len(r.PerDatum) > 0 {
			c.perDatum(path, id, r, &b)
			return b
		}
		b.bedrag = c.geld(at("bedrag"), r.Bedrag, "bedrag")
	case "per_kind":
		b.soort, b.bedrag = bedragPerKind, c.geld(at("bedrag"), r.Bedrag, "bedrag")
	case "per_persoon":
		b.soort, b.bedrag = bedragPerPersoon, c.geld(at("bedrag"), r.Bedrag, "bedrag")
		switch r.Wie {
		case "", "alle":
		case "volwassenen":
			b.volwassenen = true
		default:
			c.fout(at("wie"), "wie %q moet alle of volwassenen zijn", r.Wie)
		}
	case "per_leefvorm":
		b.soort = bedragPerLeefvorm
		b.perLeefvorm[nl.Alleenstaande] = c.geld(at("alleenstaande"), r.Alleenstaande, "alleenstaande")
		b.perLeefvorm[nl.AlleenstaandeOuder] = c.geld(at("alleenstaande_ouder"), r.AlleenstaandeOuder, "alleenstaande_ouder")
		b.perLeefvorm[nl.Gehuwden] = c.geld(at("gehuwden"), r.Gehuwden, "gehuwden")
	case "formule":
		b.soort = bedragFormule
		b.basis = c.optGeld(at("basis"), r.Basis, "basis")
		b.perKind = c.optGeld(at("per_kind"), r.PerKind, "per_kind")
		b.perVolwassene = c.optGeld(at("per_volwassene"), r.PerVolwassene, "per_volwassene")
		if r.Basis == "" && r.PerKind == "" && r.PerVolwassene == "" {
			c.fout(path, "regeling %s: formule zonder basis, per_kind of per_volwassene", id)
		}
	case "glijdende_schaal":
		b.soort, b.bedrag = bedragGlijdend, c.geld(at("bedrag"), r.Bedrag, "bedrag")
		if len(r.Treden) == 0 {
			c.fout(at("treden"), "regeling %s: glijdende schaal zonder treden", id)
		}
		var vorige geld.Percentage
		for j, t := range r.Treden {
			tot, err1 := geld.ParsePercentage(t.Tot)
			deel, err2 := geld.ParsePercentage(t.Deel)
			if err1 != nil || err2 != nil || tot <= vorige || deel < 0 || deel > geld.Procent(100) {
				c.fout(append(at("treden"), j), "trede %d: tot moet oplopen en deel tussen 0%% en 100%% liggen", j+1)
				continue
			}
			vorige = tot
			b.treden = append(b.treden, trede{tot: tot, deel: deel})
		}
		b.trapBasis, _ = c.basis(at("basis"), "")
	case "lening":
		b.soort = bedragLening
		p, err := geld.ParsePercentage(r.Aflossing)
		if err != nil || p <= 0 || p > geld.Procent(100) {
			c.fout(at("aflossing"), "regeling %s: aflossing %q is geen percentage van het inkomen", id, r.Aflossing)
		}
		b.aflossing = p
		if r.Bedrag != "" {
			b.bedrag, b.bedragBekend = c.geld(at("bedrag"), r.Bedrag, "bedrag"), true
		}
	case "kwijtschelding":
		c.kwijtschelding(path, id, r, &b)
	case "":
		c.fout(path, "regeling %s: bedrag ontbreekt (gebruik soort: onbekend als de bron geen bedrag geeft)", id)
		return b
	default:
		c.fout(at("soort"), "regeling %s: onbekende soort bedrag %q", id, r.Soort)
		return b
	}
	if r.Bron.leeg() {
		c.fout(path, "regeling %s: bedrag zonder bron (elk bedrag heeft een bron; anders soort: onbekend)", id)
	} else {
		b.bron = c.bron(at("bron"), r.Bron)
	}
	return b
}
