// Command csskrimp shrinks the NL Design System CSS to what Zeker's pages use, and minifies it.
//
// The component library (@utrecht/component-library-css) styles about 90 components; Zeker's pages use
// a few dozen classes of them, and the voorbeeld theme defines some 2,800 design tokens (custom
// properties) of which the kept rules read a small part. csskrimp keeps:
//
//   - a rule when at least one of its selectors can match: every class the selector requires occurs as a
//     word in the sources (templates, Go and JavaScript under the -bron folders). Classes inside :not(),
//     :is(), :where() and :has() are not required (a :not(.unused) always matches), so the test errs on
//     the side of keeping. Selectors that cannot match are dropped from a rule's list.
//   - a custom property (--name) when a kept declaration, or one of the -ref stylesheets (Zeker's own
//     CSS), reads it with var(--name), directly or through other kept properties.
//   - @media and @supports blocks with what is kept inside; @keyframes when a kept declaration names it.
//
// The output is minified (comments but the licence header dropped, whitespace collapsed) and starts
// with the licence and the versions of its sources. Regenerate it after a template change that uses a
// new utrecht class (TestNLDSKlassenHebbenRegel in internal/web says so) or after scripts/assets.sh:
//
//	go run ./scripts/csskrimp
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "csskrimp:", err)
		os.Exit(1)
	}
}

type lijst []string

func (l *lijst) String() string     { return strings.Join(*l, ",") }
func (l *lijst) Set(s string) error { *l = append(*l, s); return nil }

func run() error {
	uitMap := flag.String("o", "internal/web/static/vendor", "folder of the output: one nlds-<bundle>.min.css per bundle")
	bundels := flag.String("bundels", "internal/web/nlds/bundels.txt", "the bundles and the sources of their classes")
	var ref lijst
	flag.Var(&ref, "ref", "stylesheet whose var(--…) references keep custom properties (repeatable; default Zeker's own CSS)")
	kop := flag.String("kop", "internal/web/nlds/VERSIONS.txt", "file whose lines go into the licence header (the versions)")
	flag.Parse()
	in := flag.Args()
	if len(in) == 0 {
		in = []string{"internal/web/nlds/voorbeeld-theme.css", "internal/web/nlds/utrecht-component-library.css"}
	}
	if len(ref) == 0 {
		ref = lijst{"internal/web/static/css/zeker.css", "internal/web/static/css/print.css"}
	}
	defs, err := os.ReadFile(*bundels)
	if err != nil {
		return err
	}
	lijsten, err := LeesBundels(string(defs))
	if err != nil {
		return fmt.Errorf("%s: %w", *bundels, err)
	}
	var bladen [][]Item
	totaal := 0
	for _, f := range in {
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		totaal += len(src)
		items, err := Parse(string(src))
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		bladen = append(bladen, items)
	}
	var refs []string
	for _, f := range ref {
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		refs = append(refs, string(src))
	}
	versies, err := os.ReadFile(*kop)
	if err != nil {
		return err
	}
	for _, bn := range lijsten {
		woorden, err := Woorden(bn.Bronnen)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		b.WriteString("/*! NL Design System CSS for Zeker's " + bn.Naam + " pages, reduced to the classes they use by scripts/csskrimp.\n")
		b.WriteString("    Licence EUPL-1.2: @utrecht/component-library-css, Copyright (c) Gemeente Utrecht; voorbeeld design\n")
		b.WriteString("    tokens, Copyright (c) NL Design System; the full licences are in internal/web/nlds. Sources:\n")
		for _, r := range strings.Split(strings.TrimSpace(string(versies)), "\n") {
			b.WriteString("    " + r + "\n")
		}
		b.WriteString("*/\n")
		b.WriteString(Krimp(bladen, woorden, refs))
		b.WriteString("\n")
		uit := filepath.Join(*uitMap, "nlds-"+bn.Naam+".min.css")
		if err := os.WriteFile(uit, b.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "csskrimp: %s: %d bytes (sources %d bytes)\n", uit, b.Len(), totaal)
	}
	return nil
}

// Bundel is one reduced stylesheet and the sources whose words keep its rules.
type Bundel struct {
	Naam    string
	Bronnen []string
}

// LeesBundels reads bundels.txt: per line "name: path path…"; # starts a comment.
func LeesBundels(s string) ([]Bundel, error) {
	var uit []Bundel
	for i, r := range strings.Split(s, "\n") {
		r = strings.TrimSpace(r)
		if r == "" || strings.HasPrefix(r, "#") {
			continue
		}
		naam, paden, ok := strings.Cut(r, ":")
		if !ok || strings.TrimSpace(naam) == "" || len(strings.Fields(paden)) == 0 {
			return nil, fmt.Errorf("line %d: want \"name: path…\", got %q", i+1, r)
		}
		uit = append(uit, Bundel{strings.TrimSpace(naam), strings.Fields(paden)})
	}
	return uit, nil
}

// Woorden collects every word that could be a class name in the templates (*.html), Go (*.go, not
// tests) and JavaScript (*.js) under the folders.
func Woorden(mappen []string) (map[string]bool, error) {
	woord := regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_-]*`)
	uit := map[string]bool{}
	for _, m := range mappen {
		err := filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if d.Name() == "nlds" || d.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			ext := filepath.Ext(p)
			if (ext != ".html" && ext != ".go" && ext != ".js") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, w := range woord.FindAll(src, -1) {
				uit[string(w)] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return uit, nil
}

// Item is a rule, an at-rule with rules inside (@media, @supports), or another at-rule kept as text.
type Item struct {
	Selectors []string // a rule: its selector list
	Decls     []Decl   // a rule: its declarations
	AtPrelude string   // an at-rule: "@media (min-width: 40em)"
	Items     []Item   // @media/@supports: the rules inside
	Raw       string   // another at-rule (@keyframes, @font-face, @charset…), minified
	Keyframes string   // the name of a @keyframes
}

// Decl is one declaration.
type Decl struct{ Prop, Value string }

// nodigeKlassen returns the classes a selector requires: those outside attribute selectors and
// outside :not(), :is(), :where() and :has().
func nodigeKlassen(sel string) []string {
	var b strings.Builder
	for i := 0; i < len(sel); i++ {
		c := sel[i]
		switch {
		case c == '"' || c == '\'':
			i = eindeString(sel, i) - 1
		case c == '[':
			for i < len(sel) && sel[i] != ']' {
				i++
			}
		case c == ':' && vrijeFunc.MatchString(sel[i:]) && vrijeFunc.FindStringIndex(sel[i:])[0] == 0:
			i += vrijeFunc.FindStringIndex(sel[i:])[1]
			for diep := 1; i < len(sel) && diep > 0; i++ {
				switch sel[i] {
				case '(':
					diep++
				case ')':
					diep--
				}
			}
			i--
		default:
			b.WriteByte(c)
		}
	}
	var uit []string
	for _, m := range klasse.FindAllStringSubmatch(b.String(), -1) {
		uit = append(uit, m[1])
	}
	return uit
}

func kanMatchen(sel string, woorden map[string]bool) bool {
	for _, k := range nodigeKlassen(sel) {
		if !woorden[k] {
			return false
		}
	}
	return true
}

// Krimp keeps what the pages can use (see the package comment) and writes it minified.
func Krimp(bladen [][]Item, woorden map[string]bool, refs []string) string {
	// 1. Rules whose selectors can match.
	var filter func([]Item) []Item
	filter = func(items []Item) []Item {
		var uit []Item
		for _, it := range items {
			switch {
			case it.AtPrelude != "":
				if binnen := filter(it.Items); len(binnen) > 0 {
					it.Items = binnen
					uit = append(uit, it)
				}
			case it.Raw != "":
				uit = append(uit, it)
			default:
				var sels []string
				for _, s := range it.Selectors {
					if kanMatchen(s, woorden) {
						sels = append(sels, s)
					}
				}
				if len(sels) > 0 {
					it.Selectors = sels
					uit = append(uit, it)
				}
			}
		}
		return uit
	}
	var alle []Item
	for _, b := range bladen {
		alle = append(alle, filter(b)...)
	}

	// 2. Custom properties that something kept reads, to a fixed point.
	gelezen := map[string]bool{}
	lees := func(s string) bool {
		nieuw := false
		for _, m := range varRef.FindAllStringSubmatch(s, -1) {
			if !gelezen[m[1]] {
				gelezen[m[1]], nieuw = true, true
			}
		}
		return nieuw
	}
	for _, r := range refs {
		lees(r)
	}
	var loop func([]Item) bool
	loop = func(items []Item) bool {
		nieuw := false
		for _, it := range items {
			if it.AtPrelude != "" {
				nieuw = loop(it.Items) || nieuw
				continue
			}
			if it.Raw != "" {
				nieuw = lees(it.Raw) || nieuw
				continue
			}
			for _, d := range it.Decls {
				if strings.HasPrefix(d.Prop, "--") && !gelezen[d.Prop] {
					continue
				}
				nieuw = lees(d.Value) || nieuw
			}
		}
		return nieuw
	}
	for loop(alle) {
	}
	animaties := map[string]bool{}
	var verzamelAnimaties func([]Item)
	verzamelAnimaties = func(items []Item) {
		for _, it := range items {
			verzamelAnimaties(it.Items)
			for _, d := range it.Decls {
				if d.Prop == "animation" || d.Prop == "animation-name" || strings.HasPrefix(d.Prop, "--") {
					for _, w := range animatieRe.FindAllString(d.Value, -1) {
						animaties[w] = true
					}
				}
			}
		}
	}
	verzamelAnimaties(alle)

	// 3. Write.
	var schrijf func([]Item) string
	schrijf = func(items []Item) string {
		var b strings.Builder
		for _, it := range items {
			switch {
			case it.AtPrelude != "":
				if inhoud := schrijf(it.Items); inhoud != "" {
					b.WriteString(minifyAt(it.AtPrelude) + "{" + inhoud + "}")
				}
			case it.Keyframes != "":
				if animaties[it.Keyframes] {
					b.WriteString(it.Raw)
				}
			case it.Raw != "":
				b.WriteString(it.Raw)
			default:
				var decls []string
				for _, d := range it.Decls {
					if strings.HasPrefix(d.Prop, "--") && !gelezen[d.Prop] {
						continue
					}
					decls = append(decls, d.Prop+":"+d.Value)
				}
				if len(decls) == 0 {
					continue
				}
				sels := slices.Clone(it.Selectors)
				for i := range sels {
					sels[i] = minifySelector(sels[i])
				}
				b.WriteString(strings.Join(sels, ",") + "{" + strings.Join(decls, ";") + "}")
			}
		}
		return b.String()
	}
	return schrijf(alle)
}

func minifyAt(p string) string {
	p = strings.ReplaceAll(p, ": ", ":")
	return strings.ReplaceAll(p, ", ", ",")
}
