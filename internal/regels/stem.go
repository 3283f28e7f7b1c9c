package regels

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v4"
)

// One voice for every reader: the texts of a pack (omschrijving, uitleg, toelichting, documenten, reden,
// wat — in Dutch and English) are shown to residents and, in intermediary mode, to the professional who
// fills in the check for a client ("uw cliënt"). A pack therefore writes them voice-neutral: about the
// household, the person or the children ("Is het spaargeld hoger dan de grens?"), never to "u"/"uw" or
// "you"/"your". The engine's own sentences have their intermediary variant in the text catalogue
// (`key@ander`). The compiler refuses a pack text in the resident's voice with its line.

var (
	stemNL = regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}&'’-])(u|uw)([^\p{L}\p{N}'’-]|$)`)
	stemEN = regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}&'’-])(you|your|yours|yourself)([^\p{L}\p{N}'’-]|$)`)
)

// tekstVelden are the keys of a pack whose values residents and intermediaries read.
var tekstVelden = map[string]bool{
	"omschrijving": true, "omschrijving_en": true, "uitleg": true, "uitleg_en": true,
	"toelichting": true, "toelichting_en": true, "documenten": true, "documenten_en": true,
	"reden": true, "reden_en": true, "wat": true, "wat_en": true,
}

// AanspreekVorm returns the resident-voice word in s ("u", "uw", "you", "your"), or "" when s is
// voice-neutral. en chooses the English words.
func AanspreekVorm(s string, en bool) string {
	re := stemNL
	if en {
		re = stemEN
	}
	if m := re.FindStringSubmatch(s); m != nil {
		return m[2]
	}
	return ""
}

// stem checks every text field of the pack for the resident's voice.
func (c *compiler) stem() {
	var loop func(n *yaml.Node)
	loop = func(n *yaml.Node) {
		if n == nil {
			return
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if tekstVelden[k.Value] {
					en := strings.HasSuffix(k.Value, "_en")
					for _, t := range tekstNodes(v) {
						if w := AanspreekVorm(t.Value, en); w != "" {
							c.fouten = append(c.fouten, &PakketFout{Bestand: c.bestand, Regel: t.Line,
								Reden: "tekst in " + k.Value + " spreekt de lezer aan met \"" + w + "\": schrijf zonder u/uw (you/your), want dezelfde tekst lezen inwoners en hulpverleners (\"uw cliënt\"); docs/regelpakket.md"})
						}
					}
					continue
				}
				loop(v)
			}
			return
		}
		for _, ch := range n.Content {
			loop(ch)
		}
	}
	loop(c.root)
}

func tekstNodes(n *yaml.Node) []*yaml.Node {
	switch n.Kind {
	case yaml.ScalarNode:
		return []*yaml.Node{n}
	case yaml.SequenceNode:
		var out []*yaml.Node
		for _, ch := range n.Content {
			if ch.Kind == yaml.ScalarNode {
				out = append(out, ch)
			}
		}
		return out
	}
	return nil
}
