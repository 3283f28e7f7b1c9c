package regels

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
)

// Scenario is an example household with the outcomes a pack must give for it
// (docs/regelpakket.md, "Scenarios").
type Scenario struct {
	Bestand    string
	Naam       string
	Datum      time.Time
	Huishouden *huishouden.Huishouden
	Verwacht   map[string]Verwachting
}

// Verwachting is the expected outcome of one regeling in a scenario.
type Verwachting struct {
	Oordeel string   `yaml:"oordeel"`
	Bedrag  string   `yaml:"bedrag"` // euros, "onbekend", or empty (not checked)
	Vragen  []string `yaml:"vragen"`
	// Aflossing is the expected monthly repayment of a loan (euros); empty: not checked.
	Aflossing string `yaml:"aflossing"`
	// Ambtshalve is whether the gemeente may grant it without application; nil: not checked.
	Ambtshalve *bool `yaml:"ambtshalve"`
	// TeBetalen and Hooguit are kwijtschelding's national calculation: what is still to be paid per year
	// (euros), or at most that much; empty: not checked.
	TeBetalen string `yaml:"te_betalen"`
	Hooguit   string `yaml:"hooguit"`
}

type rawScenario struct {
	Naam       string                 `yaml:"naam"`
	Datum      string                 `yaml:"datum"`
	Huishouden map[string]any         `yaml:"huishouden"`
	Verwacht   map[string]Verwachting `yaml:"verwacht"`
}

// LeesScenario parses a scenario file.
func LeesScenario(bestand string, src []byte) (*Scenario, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var r rawScenario
	if err := dec.Decode(&r); err != nil {
		return nil, yamlFout(bestand, err)
	}
	d, err := time.Parse(time.DateOnly, r.Datum)
	if err != nil {
		return nil, &PakketFout{Bestand: bestand, Reden: fmt.Sprintf("datum %q is geen datum (jjjj-mm-dd)", r.Datum)}
	}
	js, err := json.Marshal(yamlNaarJSON(r.Huishouden))
	if err != nil {
		return nil, &PakketFout{Bestand: bestand, Reden: "huishouden: " + err.Error()}
	}
	h, err := huishouden.Parse(js, d)
	if err != nil {
		return nil, &PakketFout{Bestand: bestand, Reden: err.Error()}
	}
	if len(r.Verwacht) == 0 {
		return nil, &PakketFout{Bestand: bestand, Reden: "verwacht ontbreekt: een scenario zonder verwachting test niets"}
	}
	for id, v := range r.Verwacht {
		switch v.Oordeel {
		case "recht", "geen recht", "onzeker":
		default:
			return nil, &PakketFout{Bestand: bestand, Regel: 0, Reden: fmt.Sprintf("verwacht.%s.oordeel %q moet recht, geen recht of onzeker zijn", id, v.Oordeel)}
		}
	}
	return &Scenario{Bestand: bestand, Naam: r.Naam, Datum: d, Huishouden: h, Verwacht: r.Verwacht}, nil
}

// yamlNaarJSON makes a decoded YAML value JSON-encodable: dates become "2006-01-02".
func yamlNaarJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, w := range x {
			out[k] = yamlNaarJSON(w)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, w := range x {
			out[i] = yamlNaarJSON(w)
		}
		return out
	case time.Time:
		return x.Format(time.DateOnly)
	}
	return v
}

// LeesScenarios reads every scenario at GM*/scenarios/*.yaml in fsys.
func LeesScenarios(fsys fs.FS) ([]*Scenario, error) {
	bestanden, err := fs.Glob(fsys, "GM*/scenarios/*.yaml")
	if err != nil {
		return nil, err
	}
	var out []*Scenario
	for _, b := range bestanden {
		src, err := fs.ReadFile(fsys, b)
		if err != nil {
			return nil, err
		}
		s, err := LeesScenario(b, src)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Controleer evaluates a scenario and returns one line per difference from what it expects.
func (c *Catalogus) Controleer(s *Scenario) ([]string, error) {
	res, err := c.Evalueer(s.Huishouden, s.Datum)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Bestand, err)
	}
	var verschil []string
	gevonden := map[string]bool{}
	for _, u := range res.Regelingen {
		v, ok := s.Verwacht[u.ID]
		if !ok {
			continue
		}
		gevonden[u.ID] = true
		if u.Oordeel.String() != v.Oordeel {
			verschil = append(verschil, fmt.Sprintf("%s: oordeel %q, verwacht %q (%s)", u.ID, u.Oordeel, v.Oordeel, criteriaTekst(u)))
		}
		switch v.Bedrag {
		case "":
		case "onbekend":
			if u.Bedrag != nil {
				verschil = append(verschil, fmt.Sprintf("%s: bedrag %s, verwacht onbekend", u.ID, u.Bedrag.Decimal()))
			}
		default:
			want, err := geld.Parse(v.Bedrag)
			if err != nil {
				verschil = append(verschil, fmt.Sprintf("%s: verwacht bedrag %q is geen bedrag", u.ID, v.Bedrag))
				break
			}
			if u.Bedrag == nil {
				verschil = append(verschil, fmt.Sprintf("%s: bedrag onbekend, verwacht %s", u.ID, want.Decimal()))
			} else if *u.Bedrag != want {
				verschil = append(verschil, fmt.Sprintf("%s: bedrag %s, verwacht %s", u.ID, u.Bedrag.Decimal(), want.Decimal()))
			}
		}
		if v.Aflossing != "" {
			want, err := geld.Parse(v.Aflossing)
			switch {
			case err != nil:
				verschil = append(verschil, fmt.Sprintf("%s: verwachte aflossing %q is geen bedrag", u.ID, v.Aflossing))
			case u.Lening == nil || u.Lening.AflossingPerMaand == nil:
				verschil = append(verschil, fmt.Sprintf("%s: geen aflossing, verwacht %s", u.ID, want.Decimal()))
			case *u.Lening.AflossingPerMaand != want:
				verschil = append(verschil, fmt.Sprintf("%s: aflossing %s, verwacht %s", u.ID, u.Lening.AflossingPerMaand.Decimal(), want.Decimal()))
			}
		}
		verschil = append(verschil, kwijtscheldingVerschil(u, "te_betalen", v.TeBetalen)...)
		verschil = append(verschil, kwijtscheldingVerschil(u, "hooguit", v.Hooguit)...)
		if v.Ambtshalve != nil && u.Ambtshalve != *v.Ambtshalve {
			verschil = append(verschil, fmt.Sprintf("%s: ambtshalve %v, verwacht %v", u.ID, u.Ambtshalve, *v.Ambtshalve))
		}
		if v.Vragen != nil {
			got := make([]string, len(u.Vragen))
			for i, q := range u.Vragen {
				got[i] = string(q)
			}
			want := append([]string(nil), v.Vragen...)
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, ",") != strings.Join(want, ",") {
				verschil = append(verschil, fmt.Sprintf("%s: vragen [%s], verwacht [%s]", u.ID, strings.Join(got, ", "), strings.Join(want, ", ")))
			}
		}
	}
	for id := range s.Verwacht {
		if !gevonden[id] {
			verschil = append(verschil, fmt.Sprintf("%s: deze regeling bestaat niet in het pakket van %s op %s", id, s.Huishouden.Gemeente, s.Datum.Format(time.DateOnly)))
		}
	}
	sort.Strings(verschil)
	return verschil, nil
}

func criteriaTekst(u Uitkomst) string {
	var parts []string
	for _, c := range u.Criteria {
		if c.Oordeel != Ja {
			parts = append(parts, c.Uitkomst+": "+c.Tekst)
		}
	}
	return strings.Join(parts, " | ")
}

// kwijtscheldingVerschil compares one figure of kwijtschelding's calculation with what a scenario expects.
func kwijtscheldingVerschil(u Uitkomst, veld, verwacht string) []string {
	if verwacht == "" {
		return nil
	}
	want, err := geld.Parse(verwacht)
	if err != nil {
		return []string{fmt.Sprintf("%s: verwacht %s %q is geen bedrag", u.ID, veld, verwacht)}
	}
	var got *geld.Bedrag
	if k := u.Kwijtschelding; k != nil {
		got = k.TeBetalenPerJaar
		if veld == "hooguit" {
			got = k.HooguitPerJaar
		}
	}
	switch {
	case got == nil:
		return []string{fmt.Sprintf("%s: geen %s, verwacht %s", u.ID, veld, want.Decimal())}
	case *got != want:
		return []string{fmt.Sprintf("%s: %s %s, verwacht %s", u.ID, veld, got.Decimal(), want.Decimal())}
	}
	return nil
}
