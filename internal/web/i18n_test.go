package web

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/huishouden"
)

// TestBerichtenCompleet makes adding a language a translation job: every language has exactly the
// keys of Dutch, no text is empty, placeholders match, and every key the code and templates use exists.
func TestBerichtenCompleet(t *testing.T) {
	b, err := LaadBerichten()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.Talen(), []string{"en", "nl"}; !slices.Equal(got, want) {
		t.Errorf("talen %v, want %v", got, want)
	}
	nlm := b.talen["nl"]
	ph := regexp.MustCompile(`\{[a-z]+\}`)
	for _, code := range b.Talen() {
		m := b.talen[code]
		for k, v := range nlm {
			tv, ok := m[k]
			if !ok {
				t.Errorf("%s.json mist %q", code, k)
				continue
			}
			if strings.TrimSpace(tv) == "" {
				t.Errorf("%s.json: %q is leeg", code, k)
			}
			a, c := ph.FindAllString(v, -1), ph.FindAllString(tv, -1)
			slices.Sort(a)
			slices.Sort(c)
			if !slices.Equal(a, c) {
				t.Errorf("%s.json: %q placeholders %v, nl %v", code, k, c, a)
			}
		}
		for k := range m {
			if _, ok := nlm[k]; !ok {
				t.Errorf("%s.json heeft %q, nl.json niet", code, k)
			}
		}
	}
	// Keys used literally in templates and Go code.
	used := map[string]bool{}
	keyRe := regexp.MustCompile(`\.T "([a-z0-9_.]+)"|\bT\("([a-z0-9_.]+)"|foutPagina\([^)]*"([a-z.]+)"\)|\b(fout\.[a-z.]+)"`)
	collect := func(src string) {
		for _, m := range keyRe.FindAllStringSubmatch(src, -1) {
			for _, g := range m[1:] {
				if strings.Contains(g, ".") && !strings.HasSuffix(g, ".") {
					used[g] = true
				}
			}
		}
	}
	fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			src, _ := fs.ReadFile(templateFS, p)
			collect(string(src))
		}
		return nil
	})
	gofiles, _ := fs.Glob(os.DirFS("."), "*.go")
	for _, g := range gofiles {
		if strings.HasSuffix(g, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(g)
		collect(string(src))
	}
	// Keys built at run time.
	for _, s := range stappen {
		used["stap."+s+".titel"], used["stap."+s+".uitleg"] = true, true
	}
	for _, so := range huishouden.InkomenSoorten {
		used["soort."+string(so)] = true
	}
	for _, k := range []string{"oordeel.recht", "oordeel.geenrecht", "oordeel.onzeker", "periode.eenmalig", "periode.per_jaar", "periode.per_maand",
		"datum.dag", "datum.maand", "datum.jaar", "vraag.soort.1", "vraag.soort.2", "vraag.bedrag.1", "vraag.bedrag.2"} {
		used[k] = true
	}
	for _, k := range []string{"fout.verboden", "fout.intern", "fout.nietgevonden", "fout.formulier", "fout.code", "fout.codeverlopen"} {
		used[k+".titel"] = true
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys in use; the scan is broken", len(used))
	}
	for k := range used {
		if _, ok := nlm[k]; !ok {
			t.Errorf("key %q is used but not in nl.json", k)
		}
	}
}

func TestTaalT(t *testing.T) {
	b, err := LaadBerichten()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang  string
		ander bool
		key   string
		args  []any
		want  string
	}{
		{"nl", false, "stap.voortgang", []any{"n", 2, "totaal", 5}, "Stap 2 van 5"},
		{"en", false, "stap.voortgang", []any{"n", 2, "totaal", 5}, "Step 2 of 5"},
		{"nl", true, "vraag.partner", nil, "Woont uw cliënt samen met een partner?"},
		{"en", true, "vraag.partner", nil, "Does your client live with a partner?"},
		{"xx", false, "knop.vorige", nil, "Vorige"},
		{"nl", false, "bestaat.niet", nil, "[bestaat.niet]"},
	}
	for _, tt := range tests {
		if got := b.Taal(tt.lang, tt.ander).T(tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%s,%v,%s) = %q, want %q", tt.lang, tt.ander, tt.key, got, tt.want)
		}
	}
}
