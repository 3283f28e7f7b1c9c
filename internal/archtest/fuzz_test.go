package archtest

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// fuzzLijst is the file .ci/run reads to fuzz every target for a few seconds.
const fuzzLijst = ".ci/fuzz-targets"

// fuzzDoelen finds every fuzz target in the repository's test files: a top-level func FuzzX(f
// *testing.F), keyed "./dir FuzzX".
func fuzzDoelen(t *testing.T, root string) map[string]bool {
	t.Helper()
	doelen := map[string]bool{}
	err := filepath.WalkDir(root, func(pad string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			naam := d.Name()
			if pad != root && (naam == "node_modules" || naam == "testdata" || strings.HasPrefix(naam, ".") || strings.HasPrefix(naam, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(pad, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), pad, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Fuzz") || !isFuzzSignatuur(fn) {
				continue
			}
			rel, err := filepath.Rel(root, filepath.Dir(pad))
			if err != nil {
				return err
			}
			doelen["./"+filepath.ToSlash(rel)+" "+fn.Name.Name] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return doelen
}

// isFuzzSignatuur reports whether fn takes exactly one *testing.F, as go test requires of a fuzz target.
func isFuzzSignatuur(fn *ast.FuncDecl) bool {
	ps := fn.Type.Params.List
	if len(ps) != 1 || len(ps[0].Names) > 1 {
		return false
	}
	ster, ok := ps[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := ster.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "F"
}

// leesFuzzLijst reads .ci/fuzz-targets: "dir Name" per line, # comments.
func leesFuzzLijst(t *testing.T, root string) map[string]int {
	t.Helper()
	f, err := os.Open(filepath.Join(root, fuzzLijst))
	if err != nil {
		t.Fatalf("%s: %v", fuzzLijst, err)
	}
	defer f.Close()
	lijst := map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		regel := strings.TrimSpace(sc.Text())
		if regel == "" || strings.HasPrefix(regel, "#") {
			continue
		}
		velden := strings.Fields(regel)
		if len(velden) != 2 || !strings.HasPrefix(velden[0], "./") || !strings.HasPrefix(velden[1], "Fuzz") {
			t.Errorf("%s:%d: %q: verwacht \"./pakketmap FuzzNaam\"", fuzzLijst, n, regel)
			continue
		}
		k := velden[0] + " " + velden[1]
		if eerder, ok := lijst[k]; ok {
			t.Errorf("%s:%d: %s staat er al op regel %d", fuzzLijst, n, k, eerder)
		}
		lijst[k] = n
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lijst
}

// TestFuzzLijst: every fuzz target is in .ci/fuzz-targets, so CI fuzzes it, and every line there names
// a fuzz target that exists.
func TestFuzzLijst(t *testing.T) {
	root := filepath.Join("..", "..")
	doelen := fuzzDoelen(t, root)
	lijst := leesFuzzLijst(t, root)
	if len(doelen) == 0 {
		t.Fatal("geen enkele fuzz-functie gevonden; het zoeken is kapot")
	}
	var mist, weg []string
	for d := range doelen {
		if _, ok := lijst[d]; !ok {
			mist = append(mist, d)
		}
	}
	for l, n := range lijst {
		if !doelen[l] {
			weg = append(weg, l+" (regel "+strconv.Itoa(n)+")")
		}
	}
	sort.Strings(mist)
	sort.Strings(weg)
	for _, d := range mist {
		t.Errorf("%s ontbreekt in %s: voeg de regel toe, dan fuzzt CI hem", d, fuzzLijst)
	}
	for _, l := range weg {
		t.Errorf("%s noemt %s, maar die fuzz-functie bestaat niet (meer)", fuzzLijst, l)
	}
}
