package archtest

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The size rule: no non-test Go file is over maxRegels lines. A file that is long because it is data
// (a generated table, a list of codes) goes on dataBestanden with the reason; code that grows past the
// limit is split along its seams instead.
const maxRegels = 600

// dataBestanden are the Go files allowed over maxRegels, by path from the module root, each with the
// reason it is data rather than code. None today; an entry whose file is gone or no longer over the
// limit fails the test, so the list stays true.
var dataBestanden = map[string]string{}

// teLang applies the size rule to the non-test Go files of pkgs (paths made relative to root) and
// returns one line per violation, sorted: a file over maxRegels that is not allowed, and an allowed
// entry without a reason, that does not exist, or that is no longer over the limit.
func teLang(root string, pkgs []pakket, toegestaan map[string]string) ([]string, error) {
	var out []string
	gezien := map[string]bool{}
	for _, p := range pkgs {
		for _, f := range p.GoFiles {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			pad := filepath.Join(p.Dir, f)
			rel, err := filepath.Rel(root, pad)
			if err != nil {
				return nil, err
			}
			rel = filepath.ToSlash(rel)
			data, err := os.ReadFile(pad)
			if err != nil {
				return nil, err
			}
			n := bytes.Count(data, []byte("\n"))
			if len(data) > 0 && data[len(data)-1] != '\n' {
				n++
			}
			if n <= maxRegels {
				continue
			}
			gezien[rel] = true
			if _, ok := toegestaan[rel]; !ok {
				out = append(out, rel+": "+strconv.Itoa(n)+" regels, meer dan "+strconv.Itoa(maxRegels)+
					": splits het bestand langs zijn naden (of zet het, als het data is, met de reden op dataBestanden)")
			}
		}
	}
	for rel, reden := range toegestaan {
		switch {
		case strings.TrimSpace(reden) == "":
			out = append(out, rel+": staat op dataBestanden zonder reden")
		case !gezien[rel]:
			out = append(out, rel+": staat op dataBestanden maar is geen Go-bestand van meer dan "+strconv.Itoa(maxRegels)+" regels (meer); haal het van de lijst")
		}
	}
	sort.Strings(out)
	return out, nil
}

func TestBestandsomvang(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	fouten, err := teLang(root, goList(t), dataBestanden)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fouten {
		t.Error(f)
	}
}

// TestBestandsomvangVangen shows that the size rule fails on a long file and on a stale or
// unexplained allowlist entry, and passes a file at the limit, an allowed data file and test files.
func TestBestandsomvangVangen(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "internal", "x")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	schrijf := func(naam string, regels int, eindNieuweRegel bool) {
		t.Helper()
		s := "package x\n" + strings.Repeat("// regel\n", regels-1)
		if !eindNieuweRegel {
			s = strings.TrimSuffix(s, "\n")
		}
		if err := os.WriteFile(filepath.Join(dir, naam), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	schrijf("precies.go", maxRegels, true)
	schrijf("zonder_eind.go", maxRegels, false)
	schrijf("lang.go", maxRegels+1, true)
	schrijf("lang_zonder_eind.go", maxRegels+1, false)
	schrijf("tabel.go", 2000, true)
	schrijf("lang_test.go", 2000, true) // test files are not held to the limit
	pkgs := []pakket{{Dir: dir, GoFiles: []string{"precies.go", "zonder_eind.go", "lang.go", "lang_zonder_eind.go", "tabel.go", "lang_test.go"}}}

	tests := []struct {
		naam       string
		toegestaan map[string]string
		want       []string // path prefixes of the expected violations, sorted
	}{
		{"zonder lijst", nil, []string{"internal/x/lang.go: 601 regels", "internal/x/lang_zonder_eind.go: 601 regels", "internal/x/tabel.go: 2000 regels"}},
		{"data toegestaan", map[string]string{"internal/x/tabel.go": "gegenereerde tabel"}, []string{"internal/x/lang.go:", "internal/x/lang_zonder_eind.go:"}},
		{"reden ontbreekt", map[string]string{"internal/x/tabel.go": " "}, []string{"internal/x/lang.go:", "internal/x/lang_zonder_eind.go:", "internal/x/tabel.go: staat op dataBestanden zonder reden"}},
		{"verouderd", map[string]string{"internal/x/tabel.go": "tabel", "internal/x/precies.go": "was lang", "internal/x/weg.go": "bestaat niet"},
			[]string{"internal/x/lang.go:", "internal/x/lang_zonder_eind.go:", "internal/x/precies.go: staat op dataBestanden maar", "internal/x/weg.go: staat op dataBestanden maar"}},
	}
	for _, tc := range tests {
		t.Run(tc.naam, func(t *testing.T) {
			got, err := teLang(root, pkgs, tc.toegestaan)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d violations, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("violation %d = %q, want prefix %q", i, got[i], tc.want[i])
				}
			}
		})
	}
}
