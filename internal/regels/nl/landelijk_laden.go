package nl

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/zeker-platform/zeker/internal/geld"
)

// Reading data/belasting.yaml and data/toeslagen.yaml into the typed periods of landelijk.go: every
// block's fields must be known and used, every value parse, every block name a source, and the
// periods not overlap. A problem names the block and the field.

type rawHerkomst struct {
	Bron            string            `yaml:"bron"`
	Betrouwbaarheid string            `yaml:"betrouwbaarheid"`
	BronPerVeld     map[string]string `yaml:"bron_per_veld"`
}

type rawBelastingBestand struct {
	Versie  int                `yaml:"versie"`
	Bronnen map[string]rawBron `yaml:"bronnen"`
	Jaren   []struct {
		GeldigVanaf string `yaml:"geldig_vanaf"`
		GeldigTot   string `yaml:"geldig_tot"`
		Box1        struct {
			rawHerkomst `yaml:",inline"`
			OnderAOW    []map[string]string `yaml:"onder_aow"`
			AOW         []map[string]string `yaml:"aow"`
		} `yaml:"box1"`
		Volksverzekeringen map[string]string `yaml:"volksverzekeringen"`
		AHK                map[string]string `yaml:"algemene_heffingskorting"`
		Arbeidskorting     struct {
			rawHerkomst `yaml:",inline"`
			OnderAOW    []map[string]string `yaml:"onder_aow"`
			AOW         []map[string]string `yaml:"aow"`
		} `yaml:"arbeidskorting"`
		Combinatiekorting map[string]string `yaml:"combinatiekorting"`
		Ouderenkorting    map[string]string `yaml:"ouderenkorting"`
		JGK               map[string]string `yaml:"jonggehandicaptenkorting"`
		Zvw               map[string]string `yaml:"zvw"`
		Vakantiegeld      map[string]string `yaml:"vakantiegeld"`
	} `yaml:"jaren"`
}

type rawNietGevonden struct {
	Bron  string `yaml:"bron"`
	Reden string `yaml:"reden"`
}

type rawToeslagenBestand struct {
	Versie  int                `yaml:"versie"`
	Bronnen map[string]rawBron `yaml:"bronnen"`
	Jaren   []struct {
		GeldigVanaf    string            `yaml:"geldig_vanaf"`
		GeldigTot      string            `yaml:"geldig_tot"`
		Drempelinkomen map[string]string `yaml:"drempelinkomen"`
		MinimumPerJaar map[string]string `yaml:"minimum_per_jaar"`
		Zorgtoeslag    yaml.Node         `yaml:"zorgtoeslag"`
		KGB            yaml.Node         `yaml:"kindgebonden_budget"`
		Huurtoeslag    yaml.Node         `yaml:"huurtoeslag"`
	} `yaml:"jaren"`
	Kinderbijslag []map[string]string `yaml:"kinderbijslag"`
}

// blok reads the fields of one block of a data file and remembers the first problem, naming the
// block and the field; every field must be used (veld), so a typo in the data is an error.
type blok struct {
	naam     string
	velden   map[string]string
	per      map[string]string
	bronnen  map[string]rawBron
	gebruikt map[string]bool
	fout     error
	her      Herkomst
}

func nieuwBlok(naam string, velden map[string]string, per map[string]string, bronnen map[string]rawBron) *blok {
	b := &blok{naam: naam, velden: velden, per: per, bronnen: bronnen, gebruikt: map[string]bool{}}
	if velden == nil {
		b.fout = fmt.Errorf("%s ontbreekt", naam)
		return b
	}
	b.her = b.herkomst("bron", "")
	b.gebruikt["bron"], b.gebruikt["betrouwbaarheid"] = true, true
	return b
}

func (b *blok) faal(format string, args ...any) {
	if b.fout == nil {
		b.fout = fmt.Errorf("%s: %s", b.naam, fmt.Sprintf(format, args...))
	}
}

func (b *blok) herkomst(sleutelVeld, veld string) Herkomst {
	sleutel := b.velden[sleutelVeld]
	if veld != "" && b.per[veld] != "" {
		sleutel = b.per[veld]
	}
	if strings.TrimSpace(sleutel) == "" {
		b.faal("geen bron")
		return Herkomst{}
	}
	rb, ok := b.bronnen[sleutel]
	if !ok {
		b.faal("bron %q staat niet onder bronnen", sleutel)
		return Herkomst{}
	}
	bt := b.velden["betrouwbaarheid"]
	switch bt {
	case "hoog", "midden", "laag":
	default:
		b.faal("betrouwbaarheid %q: schrijf hoog, midden of laag", bt)
	}
	id := b.naam[strings.LastIndexByte(b.naam, ' ')+1:] // the block, without the file's part and year
	if veld != "" {
		id += "." + veld
	}
	return Herkomst{Bron: Bron{Tekst: strings.TrimSpace(rb.Tekst), URL: strings.TrimSpace(rb.URL), Kort: strings.TrimSpace(rb.Kort)}, Betrouwbaarheid: bt, ID: id}
}

// bronVan is the source of one field: its own under bron_per_veld, else the block's.
func (b *blok) bronVan(veld string) Herkomst {
	if b.per[veld] != "" {
		return b.herkomst("bron", veld)
	}
	h := b.her
	h.ID += "." + veld
	return h
}

func (b *blok) tekst(veld string) string {
	b.gebruikt[veld] = true
	v, ok := b.velden[veld]
	if !ok || strings.TrimSpace(v) == "" {
		b.faal("%s ontbreekt", veld)
	}
	return strings.TrimSpace(v)
}

func (b *blok) bedrag(veld string) geld.Bedrag {
	s := b.tekst(veld)
	if s == "" {
		return 0
	}
	v, err := geld.Parse(s)
	if err != nil {
		b.faal("%s: %v", veld, err)
	}
	if v < 0 {
		b.faal("%s: bedrag %s is negatief", veld, s)
	}
	return v
}

func (b *blok) tarief(veld string) Tarief {
	s := b.tekst(veld)
	if s == "" {
		return 0
	}
	v, err := ParseTarief(s)
	if err != nil {
		b.faal("%s: %v", veld, err)
	}
	return v
}

func (b *blok) geheel(veld string) int {
	s := b.tekst(veld)
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 150 {
		b.faal("%s: %q is geen geheel getal van 0 tot en met 150", veld, s)
	}
	return n
}

// klaar reports the first problem, or a field nobody read.
func (b *blok) klaar() error {
	if b.fout != nil {
		return b.fout
	}
	var over []string
	for k := range b.velden {
		if !b.gebruikt[k] {
			over = append(over, k)
		}
	}
	for k := range b.per {
		if _, ok := b.velden[k]; !ok {
			over = append(over, "bron_per_veld."+k)
		}
	}
	if len(over) > 0 {
		sort.Strings(over)
		return fmt.Errorf("%s: onbekend veld %s", b.naam, strings.Join(over, ", "))
	}
	return nil
}

func leesPeriode(vanaf, tot string) (periode, error) {
	v, err := leesDatum(vanaf)
	if err != nil {
		return periode{}, fmt.Errorf("geldig_vanaf: %w", err)
	}
	t, err := leesDatum(tot)
	if err != nil {
		return periode{}, fmt.Errorf("geldig_tot: %w (elk blok loopt tot een einddatum)", err)
	}
	if t.Before(v) {
		return periode{}, fmt.Errorf("geldig_tot %s ligt voor geldig_vanaf %s", tot, vanaf)
	}
	return periode{vanaf: v, tot: t}, nil
}

func decodeStrikt(src []byte, v any) error {
	if len(src) > maxDataBytes {
		return fmt.Errorf("bestand is groter dan %d bytes", maxDataBytes)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("yaml: %w", err)
	}
	return nil
}

func controleerBronnen(bronnen map[string]rawBron) error {
	for k, b := range bronnen {
		if strings.TrimSpace(b.Tekst) == "" {
			return fmt.Errorf("bron %q heeft geen tekst", k)
		}
	}
	return nil
}

// leesSchijven reads brackets: each with tot (but the last) and tarief, rising.
func leesSchijven(naam string, rows []map[string]string, bronnen map[string]rawBron) ([]Schijf, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: geen schijven", naam)
	}
	out := make([]Schijf, len(rows))
	for i, r := range rows {
		b := &blok{naam: fmt.Sprintf("%s schijf %d", naam, i+1), velden: r, bronnen: bronnen, gebruikt: map[string]bool{}}
		if i < len(rows)-1 {
			out[i].Tot = b.bedrag("tot")
			if i > 0 && out[i].Tot <= out[i-1].Tot {
				b.faal("tot %s is niet hoger dan de vorige schijf", out[i].Tot)
			}
		}
		out[i].Tarief = b.tarief("tarief")
		if out[i].Tarief < 0 || out[i].Tarief > tariefEen {
			b.faal("tarief %s ligt niet tussen 0 en 100%%", out[i].Tarief)
		}
		if err := b.klaar(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// leesSegmenten reads the arbeidskorting: from 0, rising starts, ending in a segment of 0.
func leesSegmenten(naam string, rows []map[string]string, bronnen map[string]rawBron) ([]Segment, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: geen stukken", naam)
	}
	out := make([]Segment, len(rows))
	for i, r := range rows {
		b := &blok{naam: fmt.Sprintf("%s stuk %d", naam, i+1), velden: r, bronnen: bronnen, gebruikt: map[string]bool{}}
		out[i] = Segment{Vanaf: b.bedrag("vanaf"), Basis: b.bedrag("basis"), Tarief: b.tarief("tarief")}
		if i == 0 && out[i].Vanaf != 0 {
			b.faal("het eerste stuk begint niet bij 0")
		}
		if i > 0 && out[i].Vanaf <= out[i-1].Vanaf {
			b.faal("vanaf %s is niet hoger dan het vorige stuk", out[i].Vanaf)
		}
		if err := b.klaar(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// parseBelasting reads data/belasting.yaml. It never panics, whatever the input.
func parseBelasting(src []byte) ([]Belastingjaar, error) {
	var raw rawBelastingBestand
	if err := decodeStrikt(src, &raw); err != nil {
		return nil, err
	}
	if raw.Versie != 1 {
		return nil, fmt.Errorf("versie %d wordt niet ondersteund (verwacht 1)", raw.Versie)
	}
	if err := controleerBronnen(raw.Bronnen); err != nil {
		return nil, err
	}
	var out []Belastingjaar
	for i, rj := range raw.Jaren {
		var j Belastingjaar
		p, err := leesPeriode(rj.GeldigVanaf, rj.GeldigTot)
		if err != nil {
			return nil, fmt.Errorf("jaar %d: %w", i+1, err)
		}
		j.periode = p
		jaar := fmt.Sprintf("belasting %s", rj.GeldigVanaf)
		bm := map[string]string{"bron": rj.Box1.Bron, "betrouwbaarheid": rj.Box1.Betrouwbaarheid}
		b := nieuwBlok(jaar+" box1", bm, nil, raw.Bronnen)
		j.Box1Bron = b.her
		if err := b.klaar(); err != nil {
			return nil, err
		}
		if j.Schijven, err = leesSchijven(jaar+" box1.onder_aow", rj.Box1.OnderAOW, raw.Bronnen); err != nil {
			return nil, err
		}
		if j.SchijvenAOW, err = leesSchijven(jaar+" box1.aow", rj.Box1.AOW, raw.Bronnen); err != nil {
			return nil, err
		}

		b = nieuwBlok(jaar+" volksverzekeringen", rj.Volksverzekeringen, nil, raw.Bronnen)
		j.PremieAOW, j.PremieAnw, j.PremieWlz, j.Volksverzekeringen = b.tarief("aow"), b.tarief("anw"), b.tarief("wlz"), b.her
		if err := b.klaar(); err != nil {
			return nil, err
		}
		b = nieuwBlok(jaar+" algemene_heffingskorting", rj.AHK, nil, raw.Bronnen)
		j.AHKMax, j.AHKAfbouwVanaf, j.AHKAfbouw = b.bedrag("max"), b.bedrag("afbouw_vanaf"), b.tarief("afbouw")
		j.AHKMaxAOW, j.AHKAfbouwAOW, j.AHK = b.bedrag("max_aow"), b.tarief("afbouw_aow"), b.her
		if err := b.klaar(); err != nil {
			return nil, err
		}
		am := map[string]string{"bron": rj.Arbeidskorting.Bron, "betrouwbaarheid": rj.Arbeidskorting.Betrouwbaarheid}
		b = nieuwBlok(jaar+" arbeidskorting", am, nil, raw.Bronnen)
		j.AKBron = b.her
		if err := b.klaar(); err != nil {
			return nil, err
		}
		if j.AKSegmenten, err = leesSegmenten(jaar+" arbeidskorting.onder_aow", rj.Arbeidskorting.OnderAOW, raw.Bronnen); err != nil {
			return nil, err
		}
		if j.AKSegmentenAOW, err = leesSegmenten(jaar+" arbeidskorting.aow", rj.Arbeidskorting.AOW, raw.Bronnen); err != nil {
			return nil, err
		}
		b = nieuwBlok(jaar+" combinatiekorting", rj.Combinatiekorting, nil, raw.Bronnen)
		j.IACKVanaf, j.IACKTarief, j.IACKMax, j.IACK = b.bedrag("vanaf"), b.tarief("tarief"), b.bedrag("max"), b.her
		if err := b.klaar(); err != nil {
			return nil, err
		}
		b = nieuwBlok(jaar+" ouderenkorting", rj.Ouderenkorting, nil, raw.Bronnen)
		j.OKMax, j.OKAfbouwVanaf, j.OKAfbouw, j.AOK, j.OK = b.bedrag("max"), b.bedrag("afbouw_vanaf"), b.tarief("afbouw"), b.bedrag("alleenstaande"), b.her
		if err := b.klaar(); err != nil {
			return nil, err
		}
		b = nieuwBlok(jaar+" jonggehandicaptenkorting", rj.JGK, nil, raw.Bronnen)
		j.JGK, j.JGKBron = b.bedrag("bedrag"), b.her
		if err := b.klaar(); err != nil {
			return nil, err
		}
		b = nieuwBlok(jaar+" zvw", rj.Zvw, nil, raw.Bronnen)
		j.ZvwWerkgever, j.ZvwEigen, j.ZvwMaximum, j.Zvw = b.tarief("werkgeversheffing"), b.tarief("eigen_bijdrage"), b.bedrag("maximum_inkomen"), b.her
		if err := b.klaar(); err != nil {
			return nil, err
		}
		b = nieuwBlok(jaar+" vakantiegeld", rj.Vakantiegeld, nil, raw.Bronnen)
		j.Vakantiegeld, j.VakantiegeldBron = b.tarief("tarief"), b.her
		if err := b.klaar(); err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].vanaf.Before(out[b].vanaf) })
	for i := 1; i < len(out); i++ {
		if !out[i-1].tot.Before(out[i].vanaf) {
			return nil, fmt.Errorf("belasting: periodes overlappen: %s en %s", out[i-1].periode, out[i].periode)
		}
	}
	return out, nil
}

// knoop decodes a block of the toeslagen file: its fields and its bron_per_veld.
func knoop(n *yaml.Node) (velden map[string]string, per map[string]string, niet *rawNietGevonden, err error) {
	if n.Kind == 0 {
		return nil, nil, nil, nil
	}
	var m map[string]yaml.Node
	if err := n.Decode(&m); err != nil {
		return nil, nil, nil, err
	}
	velden = map[string]string{}
	for k, v := range m {
		switch k {
		case "bron_per_veld":
			if err := v.Decode(&per); err != nil {
				return nil, nil, nil, fmt.Errorf("bron_per_veld: %w", err)
			}
		case "niet_gevonden":
			niet = &rawNietGevonden{}
			dec := v
			if err := dec.Decode(niet); err != nil {
				return nil, nil, nil, fmt.Errorf("niet_gevonden: %w", err)
			}
		default:
			if v.Kind != yaml.ScalarNode {
				return nil, nil, nil, fmt.Errorf("%s: verwacht een waarde, geen lijst of blok", k)
			}
			velden[k] = v.Value
		}
	}
	return velden, per, niet, nil
}

// parseToeslagen reads data/toeslagen.yaml. It never panics, whatever the input.
func parseToeslagen(src []byte) ([]Toeslagjaar, []Kinderbijslagperiode, error) {
	var raw rawToeslagenBestand
	if err := decodeStrikt(src, &raw); err != nil {
		return nil, nil, err
	}
	if raw.Versie != 1 {
		return nil, nil, fmt.Errorf("versie %d wordt niet ondersteund (verwacht 1)", raw.Versie)
	}
	if err := controleerBronnen(raw.Bronnen); err != nil {
		return nil, nil, err
	}
	var jaren []Toeslagjaar
	for i, rj := range raw.Jaren {
		var j Toeslagjaar
		p, err := leesPeriode(rj.GeldigVanaf, rj.GeldigTot)
		if err != nil {
			return nil, nil, fmt.Errorf("toeslagen jaar %d: %w", i+1, err)
		}
		j.periode = p
		jaar := "toeslagen " + rj.GeldigVanaf[:min(4, len(rj.GeldigVanaf))]
		b := nieuwBlok(jaar+" drempelinkomen", rj.Drempelinkomen, nil, raw.Bronnen)
		j.Drempelinkomen, j.Drempel = b.bedrag("bedrag"), b.her
		if err := b.klaar(); err != nil {
			return nil, nil, err
		}
		b = nieuwBlok(jaar+" minimum_per_jaar", rj.MinimumPerJaar, nil, raw.Bronnen)
		j.MinimumPerJaar, j.Minimum = b.bedrag("bedrag"), b.her
		if err := b.klaar(); err != nil {
			return nil, nil, err
		}

		v, per, niet, err := knoop(&rj.Zorgtoeslag)
		if err != nil || niet != nil {
			return nil, nil, fmt.Errorf("%s zorgtoeslag: %v", jaar, orNiet(err))
		}
		b = nieuwBlok(jaar+" zorgtoeslag", v, per, raw.Bronnen)
		z := &j.ZT
		z.Standaardpremie, z.NormAlleenstaande, z.NormPartner = b.bedrag("standaardpremie"), b.tarief("normpremie_alleenstaande"), b.tarief("normpremie_partner")
		z.Afbouw, z.VermogenAlleenstaande, z.VermogenPartner = b.tarief("afbouw"), b.bedrag("vermogen_alleenstaande"), b.bedrag("vermogen_partner")
		b.tekst("afronding_maandbedrag")
		z.Bron, z.Premie, z.Afronding = b.her, b.bronVan("standaardpremie"), b.bronVan("afronding_maandbedrag")
		if err := b.klaar(); err != nil {
			return nil, nil, err
		}

		v, per, niet, err = knoop(&rj.KGB)
		if err != nil || niet != nil {
			return nil, nil, fmt.Errorf("%s kindgebonden_budget: %v", jaar, orNiet(err))
		}
		b = nieuwBlok(jaar+" kindgebonden_budget", v, per, raw.Bronnen)
		k := &j.KGB
		k.PerKind, k.Extra12, k.Extra16, k.ALO = b.bedrag("per_kind"), b.bedrag("extra_12_15"), b.bedrag("extra_16_17"), b.bedrag("alleenstaande_ouderkop")
		k.Afbouw, k.ExtraDrempelPartner = b.tarief("afbouw"), b.bedrag("extra_drempel_partner")
		k.VermogenAlleenstaande, k.VermogenPartner = b.bedrag("vermogen_alleenstaande"), b.bedrag("vermogen_partner")
		b.tekst("afronding_maandbedrag")
		k.Bron, k.Afronding = b.her, b.bronVan("afronding_maandbedrag")
		if err := b.klaar(); err != nil {
			return nil, nil, err
		}

		v, per, niet, err = knoop(&rj.Huurtoeslag)
		if err != nil {
			return nil, nil, fmt.Errorf("%s huurtoeslag: %w", jaar, err)
		}
		b = nieuwBlok(jaar+" huurtoeslag", v, per, raw.Bronnen)
		h := &j.HT
		h.VermogenPerPersoon, h.VermogenPartners, h.Vermogen = b.bedrag("vermogen_per_persoon"), b.bedrag("vermogen_partners"), b.bronVan("vermogen_per_persoon")
		h.Bron = b.her
		h.BasishuurEenBron, h.BasishuurMeerBron = b.her, b.her
		h.BasishuurEenBron.ID += ".basishuur_eenpersoons"
		h.BasishuurMeerBron.ID += ".basishuur_meerpersoons"
		if niet != nil {
			if strings.TrimSpace(niet.Reden) == "" {
				b.faal("niet_gevonden zonder reden")
			}
			h.NietGevonden = strings.TrimSpace(niet.Reden)
			nb := nieuwBlok(jaar+" huurtoeslag.niet_gevonden", map[string]string{"bron": niet.Bron, "betrouwbaarheid": "laag"}, nil, raw.Bronnen)
			h.NietBron = nb.her
			if err := nb.klaar(); err != nil {
				return nil, nil, err
			}
		} else {
			h.Bekend = true
			h.MaximaleHuurgrens, h.MaximaleHuurgrensJongeren = b.bedrag("maximale_huurgrens"), b.bedrag("maximale_huurgrens_jongeren")
			h.Kwaliteitskortingsgrens, h.Aftopping12, h.Aftopping3 = b.bedrag("kwaliteitskortingsgrens"), b.bedrag("aftoppingsgrens_1_2_personen"), b.bedrag("aftoppingsgrens_3plus_personen")
			h.BasishuurEen, h.BasishuurMeer = b.bedrag("basishuur_eenpersoons"), b.bedrag("basishuur_meerpersoons")
			h.DeelTotAftopping, h.DeelBovenAftopping = b.tarief("deel_tot_aftoppingsgrens"), b.tarief("deel_boven_aftoppingsgrens")
			h.AfbouwEen, h.AfbouwMeer = b.tarief("afbouw_eenpersoons"), b.tarief("afbouw_meerpersoons")
			h.IjkpuntEen, h.IjkpuntMeer = b.bedrag("minimum_inkomensijkpunt_eenpersoons"), b.bedrag("minimum_inkomensijkpunt_meerpersoons")
			h.VrijstellingKind, h.JongerenTot = b.bedrag("vrijstelling_kind_onder_23"), b.geheel("jongeren_tot")
			b.tekst("afronding_maandbedrag")
			h.Ijkpunt, h.Afronding = b.bronVan("minimum_inkomensijkpunt_eenpersoons"), b.bronVan("afronding_maandbedrag")
			if h.Kwaliteitskortingsgrens > h.Aftopping12 || h.Aftopping12 > h.Aftopping3 || h.Aftopping3 > h.MaximaleHuurgrens {
				b.faal("de grenzen moeten oplopen: kwaliteitskortingsgrens ≤ aftoppingsgrenzen ≤ maximale huurgrens")
			}
		}
		if err := b.klaar(); err != nil {
			return nil, nil, err
		}
		jaren = append(jaren, j)
	}
	sort.Slice(jaren, func(a, b int) bool { return jaren[a].vanaf.Before(jaren[b].vanaf) })
	for i := 1; i < len(jaren); i++ {
		if !jaren[i-1].tot.Before(jaren[i].vanaf) {
			return nil, nil, fmt.Errorf("toeslagen: periodes overlappen: %s en %s", jaren[i-1].periode, jaren[i].periode)
		}
	}
	var kb []Kinderbijslagperiode
	for i, r := range raw.Kinderbijslag {
		p, err := leesPeriode(r["geldig_vanaf"], r["geldig_tot"])
		if err != nil {
			return nil, nil, fmt.Errorf("kinderbijslag %d: %w", i+1, err)
		}
		b := nieuwBlok("kinderbijslag "+r["geldig_vanaf"], r, nil, raw.Bronnen)
		b.gebruikt["geldig_vanaf"], b.gebruikt["geldig_tot"] = true, true
		k := Kinderbijslagperiode{periode: p, Tot6: b.bedrag("tot_6"), Tot12: b.bedrag("tot_12"), Tot18: b.bedrag("tot_18"), Bron: b.her}
		if err := b.klaar(); err != nil {
			return nil, nil, err
		}
		kb = append(kb, k)
	}
	sort.Slice(kb, func(a, b int) bool { return kb[a].vanaf.Before(kb[b].vanaf) })
	for i := 1; i < len(kb); i++ {
		if !kb[i-1].tot.Before(kb[i].vanaf) {
			return nil, nil, fmt.Errorf("kinderbijslag: periodes overlappen: %s en %s", kb[i-1].periode, kb[i].periode)
		}
	}
	return jaren, kb, nil
}

func orNiet(err error) error {
	if err != nil {
		return err
	}
	return errors.New("niet_gevonden is hier niet toegestaan")
}

// laadLandelijk reads both embedded files.
func laadLandelijk() (*landelijkeData, error) {
	b, err := parseBelasting(belastingYAML)
	if err != nil {
		return nil, fmt.Errorf("nl: data/belasting.yaml: %w", err)
	}
	t, k, err := parseToeslagen(toeslagenYAML)
	if err != nil {
		return nil, fmt.Errorf("nl: data/toeslagen.yaml: %w", err)
	}
	return &landelijkeData{belasting: b, toeslagen: t, kinderbijslag: k}, nil
}
