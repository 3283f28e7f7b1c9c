package regels

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// The YAML shape of a rule pack (docs/regelpakket.md). Fields are strings where the pack may write a
// literal or a $reference; compile turns them into typed values.
type rawPakket struct {
	Gemeente    string `yaml:"gemeente"`
	Naam        string `yaml:"naam"`
	GeldigVanaf string `yaml:"geldig_vanaf"`
	GeldigTot   string `yaml:"geldig_tot"`
	// Contact is refused: a gemeente's contact lives in the tenant (internal/tenant), not in its rules.
	Contact    any                    `yaml:"contact"`
	Bronnen    map[string]rawDocument `yaml:"bronnen"`
	OpenTermen map[string]rawOpenTerm `yaml:"open_termen"`
	Regelingen []rawRegeling          `yaml:"regelingen"`
}

type rawOpenTerm struct {
	Percentage string   `yaml:"percentage"`
	Waarde     string   `yaml:"waarde"`
	Maanden    *int     `yaml:"maanden"`
	Bedrag     string   `yaml:"bedrag"`
	Uitleg     string   `yaml:"uitleg"`
	Bron       *rawBron `yaml:"bron"`
}

type rawRegeling struct {
	ID             string          `yaml:"id"`
	Naam           string          `yaml:"naam"`
	NaamEN         string          `yaml:"naam_en"`
	Omschrijving   string          `yaml:"omschrijving"`
	OmschrijvingEN string          `yaml:"omschrijving_en"`
	Uitleg         string          `yaml:"uitleg"`
	UitlegEN       string          `yaml:"uitleg_en"`
	Grondslag      *rawBron        `yaml:"grondslag"`
	Uitvoerder     string          `yaml:"uitvoerder"`
	Periode        string          `yaml:"periode"`
	Aanvragen      rawAanvragen    `yaml:"aanvragen"`
	Voorwaarden    []rawVoorwaarde `yaml:"voorwaarden"`
	Bedrag         rawBedrag       `yaml:"bedrag"`
	InNatura       *rawInNatura    `yaml:"in_natura"`
	Plaatsen       *rawPlaatsen    `yaml:"plaatsen"`
}

// rawInNatura: the regeling gives goods or a voucher, not money.
type rawInNatura struct {
	Wat    string   `yaml:"wat"`
	WatEN  string   `yaml:"wat_en"`
	Waarde string   `yaml:"waarde"`
	Bron   *rawBron `yaml:"bron"`
}

// rawPlaatsen: the regeling has a limited number of places ("zolang er plek is").
type rawPlaatsen struct {
	Aantal *int     `yaml:"aantal"`
	Bron   *rawBron `yaml:"bron"`
}

// rawEerder is an amount the gemeente published for an earlier year: shown beside an unknown amount,
// never as today's.
type rawEerder struct {
	Jaar     *int     `yaml:"jaar"`
	Leefvorm string   `yaml:"leefvorm"`
	Bedrag   string   `yaml:"bedrag"`
	Uitleg   string   `yaml:"uitleg"`
	UitlegEN string   `yaml:"uitleg_en"`
	Bron     *rawBron `yaml:"bron"`
}

type rawAanvragen struct {
	Link                  string          `yaml:"link"`
	Bron                  *rawBron        `yaml:"bron"`
	Partner               string          `yaml:"partner"`
	Documenten            []string        `yaml:"documenten"`
	DocumentenEN          []string        `yaml:"documenten_en"`
	AlleenViaIntermediair bool            `yaml:"alleen_via_intermediair"`
	Beslistermijn         string          `yaml:"beslistermijn"`
	Ambtshalve            bool            `yaml:"ambtshalve"`
	AmbtshalveAls         []rawVoorwaarde `yaml:"ambtshalve_als"`
	Toelichting           string          `yaml:"toelichting"`
	ToelichtingEN         string          `yaml:"toelichting_en"`
}

type rawVoorwaarde struct {
	Soort            string          `yaml:"soort"`
	Min              *int            `yaml:"min"`
	Max              *int            `yaml:"max"`
	Bereikt          *bool           `yaml:"bereikt"`
	In               []string        `yaml:"in"`
	LeeftijdMin      *int            `yaml:"leeftijd_min"`
	LeeftijdMax      *int            `yaml:"leeftijd_max"`
	Grens            string          `yaml:"grens"`
	GrensMetKinderen string          `yaml:"grens_met_kinderen"`
	Basis            string          `yaml:"basis"`
	Regeling         string          `yaml:"regeling"`
	MinMaanden       string          `yaml:"min_maanden"`
	Waarde           *bool           `yaml:"waarde"`
	Voorwaarden      []rawVoorwaarde `yaml:"voorwaarden"`
	KostenVanBestaan string          `yaml:"kosten_van_bestaan"` // kwijtschelding_vermogen
	Ondergrens       string          `yaml:"ondergrens"`         // kwijtschelding_vermogen
	Extra            string          `yaml:"extra"`              // kwijtschelding_vermogen: $term ja|nee|onbekend
	Uitleg           string          `yaml:"uitleg"`
	UitlegEN         string          `yaml:"uitleg_en"`
	Bron             *rawBron        `yaml:"bron"`
}

// rawDatum is one amount of a dated series (bedrag soort vast with per_datum): it applies from vanaf
// until the next one's vanaf.
type rawDatum struct {
	Vanaf  string   `yaml:"vanaf"`
	Bedrag string   `yaml:"bedrag"`
	Bron   *rawBron `yaml:"bron"`
}

type rawBedrag struct {
	Soort              string      `yaml:"soort"`
	Bedrag             string      `yaml:"bedrag"`
	LeeftijdMin        *int        `yaml:"leeftijd_min"`
	LeeftijdMax        *int        `yaml:"leeftijd_max"`
	Wie                string      `yaml:"wie"`
	Alleenstaande      string      `yaml:"alleenstaande"`
	AlleenstaandeOuder string      `yaml:"alleenstaande_ouder"`
	Gehuwden           string      `yaml:"gehuwden"`
	Basis              string      `yaml:"basis"`
	PerKind            string      `yaml:"per_kind"`
	PerVolwassene      string      `yaml:"per_volwassene"`
	Treden             []rawTrede  `yaml:"treden"`
	Aflossing          string      `yaml:"aflossing"`
	KostenVanBestaan   string      `yaml:"kosten_van_bestaan"`
	Ondergrens         string      `yaml:"ondergrens"`
	NormBasis          string      `yaml:"norm_basis"`
	Eerder             []rawEerder `yaml:"eerder"`
	PerDatum           []rawDatum  `yaml:"per_datum"`
	Reden              string      `yaml:"reden"`
	RedenEN            string      `yaml:"reden_en"`
	Bron               *rawBron    `yaml:"bron"`
}

type rawTrede struct {
	Tot  string `yaml:"tot"`
	Deel string `yaml:"deel"`
}

// PakketFout is a problem in a rule pack, with the file and line it was found at.
type PakketFout struct {
	Bestand string
	Regel   int // line; 0 when not known
	Reden   string
}

func (e *PakketFout) Error() string {
	if e.Regel > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Bestand, e.Regel, e.Reden)
	}
	return fmt.Sprintf("%s: %s", e.Bestand, e.Reden)
}

var (
	yamlLineRe     = regexp.MustCompile(`(?:yaml: )?line (\d+): `)
	unknownFieldRe = regexp.MustCompile(`field (\S+) not found in type`)
	constructRe    = regexp.MustCompile("cannot (?:construct|unmarshal) !!\\w+ `([^`]*)` into (\\S+)")
)

func typeNL(t string) string {
	switch {
	case strings.Contains(t, "int"):
		return "een heel getal"
	case strings.Contains(t, "bool"):
		return "true of false"
	case strings.HasPrefix(t, "[]"):
		return "een lijst"
	case strings.HasPrefix(t, "map"), strings.HasPrefix(t, "regels."):
		return "een blok met velden"
	}
	return "tekst"
}

// decodePakket parses the YAML strictly: unknown fields and wrong types are errors with a line.
func decodePakket(bestand string, src []byte) (*rawPakket, *yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, nil, yamlFout(bestand, err)
	}
	if len(root.Content) == 0 {
		return nil, nil, &PakketFout{Bestand: bestand, Reden: "leeg bestand"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var p rawPakket
	if err := dec.Decode(&p); err != nil {
		return nil, nil, yamlFout(bestand, err)
	}
	return &p, &root, nil
}

// yamlFout turns a YAML library error into a PakketFout naming the first line it mentions.
func yamlFout(bestand string, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	msg = strings.TrimSpace(msg)
	line := 0
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(yamlLineRe.ReplaceAllString(msg, ""))
	}
	if i := strings.IndexByte(msg, '\n'); i > 0 {
		msg = msg[:i]
	}
	if m := unknownFieldRe.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("onbekend veld %q (zie docs/regelpakket.md voor de velden)", m[1])
	} else if m := constructRe.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%q heeft het verkeerde type: verwacht %s", m[1], typeNL(m[2]))
	}
	return &PakketFout{Bestand: bestand, Regel: line, Reden: msg}
}

// lineOf finds the line of a node by a path of mapping keys (string) and sequence indexes (int).
// It returns the deepest line it could reach, so an error always points near its cause.
func lineOf(root *yaml.Node, path ...any) int {
	n := root
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 0
	if n != nil {
		line = n.Line
	}
	for _, step := range path {
		if n == nil {
			break
		}
		var next *yaml.Node
		switch s := step.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == s {
						line = n.Content[i].Line
						next = n.Content[i+1]
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && s >= 0 && s < len(n.Content) {
				next = n.Content[s]
			}
		}
		if next == nil {
			break
		}
		n = next
		line = n.Line
	}
	return line
}
