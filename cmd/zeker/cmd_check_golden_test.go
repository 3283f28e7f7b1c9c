package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	bijwerken   = flag.Bool("bijwerken", false, "schrijf de golden-bestanden opnieuw uit de huidige uitvoer")
	goldenMap   = flag.String("golden.map", filepath.Join("testdata", "check"), "map van de golden-bestanden")
	goldenAlles = flag.Bool("golden.alles", false, "ook --json en de peildatum 2026-01-01 (te groot om mee te leveren)")
)

// pakketHash masks the rule pack's content hash: a golden file guards wording, not every edit of a pack.
var pakketHash = regexp.MustCompile(`(sha256 |"pakket_hash": ")[0-9a-f]+`)

// TestCheckGolden guards the wording of zeker check: the text output of every example household in
// every gemeente, in Dutch and English, for the resident and for an intermediary, must equal
// testdata/check. A change of wording shows in the diff of those files; write them anew with:
//
//	go test ./cmd/zeker/ -run TestCheckGolden -bijwerken
//
// With -golden.alles it also covers --json and a second date; use that with -golden.map outside the
// repository to compare a change of the engine before and after (the files are some 5 MB).
func TestCheckGolden(t *testing.T) {
	huishoudens, err := filepath.Glob(voorbeeld("*.json"))
	if err != nil || len(huishoudens) == 0 {
		t.Fatalf("geen voorbeeldhuishoudens: %v", err)
	}
	gemeenten, err := filepath.Glob(filepath.Join("..", "..", "regelpakketten", "GM*"))
	if err != nil || len(gemeenten) == 0 {
		t.Fatalf("geen gemeenten: %v", err)
	}
	datums := []string{"2026-07-01"}
	vormen := [][]string{{}, {"--intermediair"}, {"--en"}, {"--en", "--intermediair"}}
	if *goldenAlles {
		datums = append(datums, "2026-01-01")
		vormen = append(vormen, []string{"--json"}, []string{"--json", "--intermediair"}, []string{"--json", "--en"}, []string{"--json", "--en", "--intermediair"})
	}
	for _, hPad := range huishoudens {
		naam := strings.TrimSuffix(filepath.Base(hPad), ".json")
		for _, gPad := range gemeenten {
			gm := filepath.Base(gPad)
			invoer := zonderGemeente(t, hPad)
			for _, datum := range datums {
				bestand := filepath.Join(*goldenMap, naam+"_"+gm+"_"+datum+".txt")
				t.Run(filepath.Base(bestand), func(t *testing.T) {
					var got bytes.Buffer
					for _, vorm := range vormen {
						args := append([]string{"check", "--gemeente", gm, "--datum", datum}, vorm...)
						args = append(args, "-")
						code, out, errOut := runZeker(t, invoer, args...)
						got.WriteString("=== zeker " + strings.Join(args, " ") + "\n")
						if code != 0 {
							got.WriteString("exit " + strconv.Itoa(code) + ": " + errOut)
						}
						got.WriteString(pakketHash.ReplaceAllString(out, "${1}…"))
					}
					if *bijwerken {
						if err := os.MkdirAll(filepath.Dir(bestand), 0o755); err != nil {
							t.Fatal(err)
						}
						if err := os.WriteFile(bestand, got.Bytes(), 0o644); err != nil {
							t.Fatal(err)
						}
						return
					}
					want, err := os.ReadFile(bestand)
					if err != nil {
						t.Fatalf("%v (maak het bestand met -bijwerken)", err)
					}
					if !bytes.Equal(got.Bytes(), want) {
						t.Errorf("uitvoer wijkt af van %s:\n%s", bestand, eersteVerschil(string(want), got.String()))
					}
				})
			}
		}
	}
}

// zonderGemeente reads an example household without its gemeente, so --gemeente can choose any.
func zonderGemeente(t *testing.T, pad string) string {
	t.Helper()
	data, err := os.ReadFile(pad)
	if err != nil {
		t.Fatal(err)
	}
	var h map[string]json.RawMessage
	if err := json.Unmarshal(data, &h); err != nil {
		t.Fatalf("%s: %v", pad, err)
	}
	delete(h, "gemeente")
	out, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// eersteVerschil shows the first line where want and got differ.
func eersteVerschil(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "regel " + strconv.Itoa(i+1) + "\nwant: " + a + "\ngot:  " + b
		}
	}
	return "(alleen de lengte verschilt)"
}
