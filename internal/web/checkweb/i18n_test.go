package checkweb

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/web"
)

// TestBerichtenGebruikt checks that every key of the message catalogue that the check and the kit use
// (in templates and in Go) exists in nl.json; the kit's TestBerichtenCompleet checks that every language
// has the keys of Dutch.
func TestBerichtenGebruikt(t *testing.T) {
	b, err := web.LaadBerichten()
	if err != nil {
		t.Fatal(err)
	}
	// Keys used literally in templates and Go code.
	used := map[string]bool{}
	keyRe := regexp.MustCompile(`\.T "([a-z0-9_.]+)"|\bT\("([a-z0-9_.]+)"|(?:fout|ResidentError)\([^)]*"([a-z.]+)"\)|\b(fout\.[a-z.]+)"`)
	collect := func(src string) {
		for _, m := range keyRe.FindAllStringSubmatch(src, -1) {
			for _, g := range m[1:] {
				if strings.Contains(g, ".") && !strings.HasSuffix(g, ".") {
					used[g] = true
				}
			}
		}
	}
	// The check's files and the kit's (layout, error pages).
	var files []string
	for _, pat := range []string{"templates/*.html", "*.go", "../templates/*.html", "../templates/*/*.html", "../*.go"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	for _, g := range files {
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
		if _, ok := b.Tekst("nl", k); !ok {
			t.Errorf("key %q is used but not in nl.json", k)
		}
	}
}
