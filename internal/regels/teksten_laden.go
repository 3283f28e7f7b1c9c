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
	"strings"
	"sync"

	"github.com/zeker-platform/zeker/internal/geld"
)

// Loading and checking a catalogue of trace texts (teksten/<taal>.json): each text is compiled
// into literal parts and placeholders once, against the keys and placeholders declared in teksten.go.

//go:embed teksten/*.json
var tekstenFS embed.FS

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
