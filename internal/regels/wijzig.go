package regels

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v4"
)

// Wijziging is one change for a what-if: a path in the pack's YAML and its new value as a policy
// officer would write it. Paths are dot-separated mapping keys; under regelingen the next step is a
// regeling id, and a number selects an item of a list:
//
//	open_termen.inkomensgrens.percentage          = 130%
//	open_termen.referteperiode.maanden            = 36
//	regelingen.participatie_volwassenen.bedrag.bedrag = 350
//	regelingen.kindpakket.voorwaarden.1.grens     = 130%
//
// Setting one of the value fields of an open term (percentage, maanden, bedrag, waarde) removes the
// others, so "onbekend" can be replaced by a number; a term without a source gets the source
// "wat-als-wijziging", so the result never passes for adopted policy.
type Wijziging struct {
	Pad    string
	Waarde string
}

func (w Wijziging) String() string { return w.Pad + " = " + w.Waarde }

// ParseWijziging reads "pad=waarde".
func ParseWijziging(s string) (Wijziging, error) {
	pad, waarde, ok := strings.Cut(s, "=")
	pad, waarde = strings.TrimSpace(pad), strings.TrimSpace(waarde)
	if !ok || pad == "" || waarde == "" {
		return Wijziging{}, fmt.Errorf("wijziging %q: schrijf pad=waarde, bijvoorbeeld open_termen.inkomensgrens.percentage=130%%", s)
	}
	return Wijziging{Pad: pad, Waarde: waarde}, nil
}

var termVelden = []string{"percentage", "maanden", "bedrag", "waarde"}

// Wijzig compiles a copy of the pack with the changes applied to its YAML. The pack itself and its
// file are not touched. The copy has its own hash, so a receipt shows it is not the stored pack.
func (p *Pakket) Wijzig(ws ...Wijziging) (*Pakket, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(p.src, &root); err != nil {
		return nil, fmt.Errorf("regels: wijzig %s: %w", p.Bestand, err)
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("regels: wijzig %s: leeg pakket", p.Bestand)
	}
	for _, w := range ws {
		if err := zetPad(root.Content[0], w); err != nil {
			return nil, fmt.Errorf("regels: wijziging %s: %w", w, err)
		}
	}
	src, err := yaml.Marshal(&root)
	if err != nil {
		return nil, fmt.Errorf("regels: wijzig %s: %w", p.Bestand, err)
	}
	q, err := Compileer(p.Bestand+" (wat-als)", src)
	if err != nil {
		return nil, fmt.Errorf("regels: wijzig %s: %w", p.Bestand, err)
	}
	// The national regelingen the catalogue added (landelijk.go) stay, after the changed pack's own.
	for _, r := range p.Regelingen {
		if r.Landelijk() {
			q.Regelingen = append(q.Regelingen, r)
		}
	}
	return q, nil
}

func mapWaarde(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func verwijderKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

func scalar(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v} }

func zetPad(n *yaml.Node, w Wijziging) error {
	stappen := strings.Split(w.Pad, ".")
	for i, stap := range stappen {
		laatste := i == len(stappen)-1
		switch n.Kind {
		case yaml.MappingNode:
			next := mapWaarde(n, stap)
			if laatste {
				if next != nil && next.Kind != yaml.ScalarNode {
					return fmt.Errorf("%s is geen enkele waarde", strings.Join(stappen[:i+1], "."))
				}
				if i == 2 && stappen[0] == "open_termen" && isTermVeld(stap) {
					for _, v := range termVelden {
						if v != stap {
							verwijderKey(n, v)
						}
					}
					if mapWaarde(n, "bron") == nil {
						n.Content = append(n.Content, scalar("bron"), &yaml.Node{Kind: yaml.MappingNode,
							Content: []*yaml.Node{scalar("tekst"), scalar("wat-als-wijziging (geen vastgesteld beleid)")}})
					}
				}
				if next == nil {
					n.Content = append(n.Content, scalar(stap), scalar(w.Waarde))
					return nil
				}
				next.Value, next.Tag, next.Style = w.Waarde, "", 0
				return nil
			}
			if next == nil {
				if i == 1 && stappen[0] == "open_termen" {
					next = &yaml.Node{Kind: yaml.MappingNode}
					n.Content = append(n.Content, scalar(stap), next)
				} else {
					return fmt.Errorf("%s bestaat niet", strings.Join(stappen[:i+1], "."))
				}
			}
			n = next
		case yaml.SequenceNode:
			var next *yaml.Node
			if k, err := strconv.Atoi(stap); err == nil {
				if k < 0 || k >= len(n.Content) {
					return fmt.Errorf("%s: er zijn %d onderdelen", strings.Join(stappen[:i+1], "."), len(n.Content))
				}
				next = n.Content[k]
			} else {
				for _, item := range n.Content {
					if item.Kind == yaml.MappingNode {
						if id := mapWaarde(item, "id"); id != nil && id.Value == stap {
							next = item
						}
					}
				}
			}
			if next == nil {
				return fmt.Errorf("%s bestaat niet", strings.Join(stappen[:i+1], "."))
			}
			if laatste {
				return fmt.Errorf("%s is geen enkele waarde", w.Pad)
			}
			n = next
		default:
			return fmt.Errorf("%s is een waarde, geen onderdeel", strings.Join(stappen[:i], "."))
		}
	}
	return nil
}

func isTermVeld(s string) bool {
	for _, v := range termVelden {
		if v == s {
			return true
		}
	}
	return false
}
