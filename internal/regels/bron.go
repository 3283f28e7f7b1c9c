package regels

import (
	"fmt"

	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// Bron is the source of a rule, amount or limit: a passage of a policy document, a written-out
// source, or a national parameter. It is nl.Bron, the one source type of the rules (one concept, one
// type; this name is for the engine's own code and callers).
type Bron = nl.Bron

// rawBron is a source as written in a pack.
type rawBron struct {
	Ref    string `yaml:"ref"`
	Sectie string `yaml:"sectie"`
	Citaat string `yaml:"citaat"`
	Tekst  string `yaml:"tekst"`
	URL    string `yaml:"url"`
	NL     string `yaml:"nl"`
}

func (r *rawBron) leeg() bool { return r == nil || (*r == rawBron{}) }

// resolve turns a written source into a Bron, looking up named sources.
func (r *rawBron) resolve(bronnen map[string]rawDocument) (Bron, error) {
	if r.leeg() {
		return Bron{}, fmt.Errorf("bron ontbreekt")
	}
	b := Bron{Tekst: r.Tekst, URL: r.URL, Sectie: r.Sectie, Citaat: r.Citaat, NL: r.NL}
	if r.Ref != "" {
		d, ok := bronnen[r.Ref]
		if !ok {
			return Bron{}, fmt.Errorf("bron %q staat niet onder bronnen", r.Ref)
		}
		if b.Tekst == "" {
			b.Tekst = d.Tekst
		}
		if b.URL == "" {
			b.URL = d.URL
		}
		b.Bestand = d.Bestand
	}
	if b.NL != "" && b.Tekst == "" {
		b.Tekst = "Landelijke parameter " + b.NL + " (internal/regels/nl)"
	}
	if b.Tekst == "" && b.URL == "" {
		return Bron{}, fmt.Errorf("bron heeft geen ref, tekst, url of nl")
	}
	return b, nil
}

type rawDocument struct {
	Tekst   string `yaml:"tekst"`
	URL     string `yaml:"url"`
	Bestand string `yaml:"bestand"`
}
