package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
)

// subopdrachten lists the second-level commands; TestHelpOpStdout walks them with every command of
// commands(), so a new command is covered by being added there.
var subopdrachten = map[string][]string{
	"regels":    {"lijst", "toon", "valideer", "grenzen"},
	"user":      {"add", "passwd", "list", "role", "disable", "enable"},
	"scan":      {"voorstellen", "beslis"},
	"ddas":      {"export"},
	"importeer": {"sociale-kaart"},
}

// TestHelpOpStdout: the help of every command and subcommand, asked with --help, -h or "zeker help
// <opdracht>", goes to stdout with exit 0 and nothing on stderr (so "zeker check --help | less" works).
func TestHelpOpStdout(t *testing.T) {
	var gevallen [][]string
	namen := make([]string, 0, len(commands()))
	for n := range commands() {
		namen = append(namen, n)
	}
	sort.Strings(namen)
	for _, n := range namen {
		gevallen = append(gevallen, []string{n, "--help"}, []string{n, "-h"}, []string{"help", n})
		for _, s := range subopdrachten[n] {
			gevallen = append(gevallen, []string{n, s, "--help"})
		}
	}
	gevallen = append(gevallen, []string{"--help"}, []string{"help"})
	for _, args := range gevallen {
		code, out, errOut := runZeker(t, "", args...)
		if code != exitOK {
			t.Errorf("zeker %s: exit %d, want 0 (stderr %q)", strings.Join(args, " "), code, errOut)
		}
		if errOut != "" {
			t.Errorf("zeker %s: stderr %q, want empty", strings.Join(args, " "), errOut)
		}
		wil := "Gebruik: zeker "
		if len(args) > 1 && args[0] != "help" && args[1] != "--help" && args[1] != "-h" {
			wil += args[0] + " " + args[1]
		} else if args[0] == "help" && len(args) == 2 {
			wil += args[1]
		} else if args[0] != "help" && args[0] != "--help" {
			wil += args[0]
		}
		if !strings.Contains(out, wil) {
			t.Errorf("zeker %s: stdout lacks %q:\n%s", strings.Join(args, " "), wil, out)
		}
	}
	// Every option is listed with -- and its explanation in Dutch ("standaard", not "default").
	_, out, _ := runZeker(t, "", "check", "--help")
	for _, w := range []string{"--datum tekst", "--json\n", "--taal tekst"} {
		if !strings.Contains(out, w) {
			t.Errorf("check --help lacks %q:\n%s", w, out)
		}
	}
	_, out, _ = runZeker(t, "", "serve", "--help")
	if !strings.Contains(out, `(standaard ":8080")`) || strings.Contains(out, "default") {
		t.Errorf("serve --help: defaults not in Dutch:\n%s", out)
	}
}

func TestVersion(t *testing.T) {
	code, out, errOut := runZeker(t, "", "version")
	if code != exitOK || errOut != "" {
		t.Fatalf("zeker version: exit %d, stderr %q", code, errOut)
	}
	for _, w := range []string{"zeker ", "module:  github.com/zeker-platform/zeker", "go:      " + runtime.Version()} {
		if !strings.Contains(out, w) {
			t.Errorf("zeker version lacks %q:\n%s", w, out)
		}
	}
	if _, out2, _ := runZeker(t, "", "--version"); out2 != out {
		t.Errorf("zeker --version = %q, want the same as zeker version %q", out2, out)
	}
	if code, _, _ := runZeker(t, "", "version", "extra"); code != exitUsage {
		t.Errorf("zeker version extra: exit %d, want %d", code, exitUsage)
	}

	// What a go build in a git clone records.
	bi := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/zeker-platform/zeker", Version: "v0.0.0-20261207152830-15fa6d6d2489"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "15fa6d6d24897e95fc51e1f315eef81a75ab6f1b"},
			{Key: "vcs.time", Value: "2026-12-07T15:28:30Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	var b bytes.Buffer
	printVersie(&b, bi, "go0", "linux/amd64")
	want := `zeker v0.0.0-20261207152830-15fa6d6d2489
module:  github.com/zeker-platform/zeker
revisie: 15fa6d6d24897e95fc51e1f315eef81a75ab6f1b (2026-12-07T15:28:30Z), gewijzigd
go:      go1.26.8 linux/amd64
`
	if b.String() != want {
		t.Errorf("printVersie =\n%s\nwant\n%s", b.String(), want)
	}
	// go run and go test record no revision and no version: say so rather than print nothing.
	b.Reset()
	printVersie(&b, &debug.BuildInfo{Main: debug.Module{Path: "github.com/zeker-platform/zeker", Version: "(devel)"}}, "go1.26.8", "linux/amd64")
	if !strings.Contains(b.String(), "zeker (devel)\n") || !strings.Contains(b.String(), "revisie: onbekend") || !strings.Contains(b.String(), "go:      go1.26.8") {
		t.Errorf("printVersie without VCS:\n%s", b.String())
	}
}

// engelsFlag are fragments of the flag package's own messages; none may reach the user.
var engelsFlag = regexp.MustCompile(`flag provided|not defined|needs an argument|bad flag syntax|invalid (boolean|value)|parse error|out of range|Usage of|default`)

// TestFlagFoutenNederlands: every kind of error of Go's flag package reaches the user in Dutch, once,
// naming the option and the command, with a hint to --help and exit code 2.
func TestFlagFoutenNederlands(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--kleur", "x.json"}, "zeker check: onbekende optie --kleur; zie 'zeker check --help'"},
		{[]string{"check", "--datum"}, "zeker check: --datum heeft een waarde nodig (--datum waarde of --datum=waarde)"},
		{[]string{"check", "---datum", "x"}, "zeker check: ---datum is geen optie"},
		{[]string{"check", "--json=misschien", "x.json"}, `zeker check: --json="misschien": kies true of false`},
		{[]string{"demo", "--huishoudens", "veel"}, `zeker demo: --huishoudens "veel": geen geheel getal; zie 'zeker demo --help'`},
		{[]string{"populatie", "--seed", "-1"}, `zeker populatie: --seed "-1": geen geheel getal van 0 of meer`},
		{[]string{"populatie", "--aantal", "99999999999999999999"}, `zeker populatie: --aantal "99999999999999999999": te groot of te klein`},
		{[]string{"serve", "--clamd", "clamd"}, `zeker serveer: --clamd: clamd: adres "clamd": schrijf host:poort`},
		{[]string{"serve", "--documenten-map", "documenten"}, `zeker serveer: --documenten-map: aanvragen: documentenmap "documenten": geef een absoluut pad`},
		{[]string{"serve", "--documenten-map", "/dev/null"}, `zeker serveer: --documenten-map: aanvragen: documentenmap`},
		{[]string{"serve", "--shutdown-timeout", "even"}, `zeker serveer: --shutdown-timeout "even": geen duur (schrijf bijvoorbeeld 30s, 5m of 1h30m)`},
		{[]string{"regels", "toon", "--gemeent", "GM0175"}, "zeker regels toon: onbekende optie --gemeent; zie 'zeker regels toon --help'"},
		{[]string{"user", "list", "--x"}, "zeker gebruiker lijst: onbekende optie --x; zie 'zeker gebruiker lijst --help'"},
		{[]string{"scan", "beslis", "--id", "een"}, `zeker scan beslis: --id "een": geen geheel getal`},
		{[]string{"ddas", "export", "--per-bericht", "1,5"}, `zeker ddas export: --per-bericht "1,5": geen geheel getal`},
	} {
		code, out, errOut := runZeker(t, "", tc.args...)
		naam := strings.Join(tc.args, " ")
		if code != exitUsage {
			t.Errorf("zeker %s: exit %d, want %d", naam, code, exitUsage)
		}
		if !strings.HasPrefix(errOut, tc.want) {
			t.Errorf("zeker %s:\n got %q\nwant %q…", naam, errOut, tc.want)
		}
		if engelsFlag.MatchString(errOut) {
			t.Errorf("zeker %s: English flag message: %q", naam, errOut)
		}
		if strings.Count(errOut, "\n") != 1 || out != "" {
			t.Errorf("zeker %s: want one line on stderr and nothing on stdout, got %q / %q", naam, errOut, out)
		}
	}
}

// TestOntbrekendeOptie: a missing required option or argument is named, exactly, before anything is
// opened or read.
func TestOntbrekendeOptie(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check"}, "zeker check: geef één huishoudbestand (of - voor stdin)"},
		{[]string{"check", "a.json", "b.json"}, "zeker check: te veel argumenten: b.json"},
		{[]string{"check", "a.json", "--datum", "2026-01-01"}, "zeker check: --datum staat na een argument: zet opties vóór één huishoudbestand"},
		{[]string{"regels", "toon"}, "zeker regels toon: --gemeente ontbreekt; zie 'zeker regels toon --help'"},
		{[]string{"regels", "grenzen", "--datum", "2026-01-01"}, "zeker regels grenzen: --gemeente ontbreekt"},
		{[]string{"regels", "toon", "--gemeente", ""}, "zeker regels toon: --gemeente ontbreekt"},
		{[]string{"populatie", "--gemeente", "GM0175"}, "zeker populatie: --uit ontbreekt"},
		{[]string{"populatie"}, "zeker populatie: --gemeente en --uit ontbreken"},
		{[]string{"import", "x.csv"}, "zeker importeer: --gemeente ontbreekt"},
		{[]string{"import", "--gemeente", "GM0175"}, "zeker importeer: geef één bestand (CSV of JSON)"},
		{[]string{"scan"}, "zeker scan: --gemeente ontbreekt"},
		{[]string{"scan", "voorstellen"}, "zeker scan voorstellen: --gemeente ontbreekt"},
		{[]string{"scan", "beslis", "--gemeente", "GM0175", "--id", "3", "--goedkeuren"}, "zeker scan beslis: --reden en --door ontbreken"},
		{[]string{"scan", "beslis", "--gemeente", "GM0175", "--reden", "r", "--door", "d", "--goedkeuren"}, "zeker scan beslis: --id ontbreekt"},
		{[]string{"simulate", "--wijzig", "x=1"}, "zeker watals: --gemeente ontbreekt"},
		{[]string{"simulate", "--gemeente", "GM0175"}, "zeker watals: --wijzig ontbreekt"},
		{[]string{"ddas", "export", "--gemeente", "GM0175", "--van", "2026-01-01"}, "zeker ddas export: --tot ontbreekt"},
		{[]string{"ddas", "export"}, "zeker ddas export: --gemeente, --van en --tot ontbreken"},
		{[]string{"user", "add", "--naam", "Test"}, "zeker gebruiker toevoegen: --email ontbreekt"},
		{[]string{"user", "add", "--email", "a@example.test"}, "zeker gebruiker toevoegen: --naam ontbreekt"},
		{[]string{"user", "role", "--email", "a@example.test", "--rol", "consulent"}, "zeker gebruiker rol: --gemeente ontbreekt"},
		{[]string{"normen", "extra"}, `zeker normen: onverwacht argument "extra"`},
		{[]string{"migrate", "extra"}, `zeker migreer: onverwacht argument "extra"`},
	} {
		code, _, errOut := runZeker(t, "", tc.args...)
		naam := strings.Join(tc.args, " ")
		if code != exitUsage {
			t.Errorf("zeker %s: exit %d, want %d (%s)", naam, code, exitUsage, errOut)
		}
		if !strings.HasPrefix(errOut, tc.want) {
			t.Errorf("zeker %s:\n got %q\nwant %q…", naam, errOut, tc.want)
		}
	}
}

// TestCheckJSONPad: a mistake in the household JSON is named by its path, not "$".
func TestCheckJSONPad(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ json, want string }{
		{`{"gemeente":"GM0175","personen":[{"rol":"aanvrager","geboortedatum":"1990-01-01"},{"rol":"kind","geboortedatum":"12-03-2015"}]}`,
			`personen[1].geboortedatum: geen geldige datum "12-03-2015"`},
		{`{"gemeente":"GM0175","personen":[{"rol":"aanvrager","inkomens":[{"soort":"loon","bedrag_per_maand":"veel"}]}]}`,
			`personen[0].inkomens[0].bedrag_per_maand: geen geldig bedrag`},
		{`{"gemeente":"GM0175","personen":[{"rol":"aanvrager","geboortedatm":"1990-01-01"}]}`,
			`personen[0].geboortedatm: onbekend veld (bedoelt u "geboortedatum"?)`},
		{`{"gemeente":"GM0175","personen":[{"rol":1}]}`, `personen[0].rol: verwacht tekst, gevonden een getal`},
		{"{\"gemeente\":\"GM0175\",\n\"personen\":[{\"rol\":\"aanvrager\",}]}", `personen[0]: geen geldige JSON op regel 2, kolom 32`},
	} {
		pad := filepath.Join(dir, "h.json")
		if err := os.WriteFile(pad, []byte(tc.json), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runZeker(t, "", "check", "--datum", "2026-01-01", pad)
		if code != exitFout || !strings.Contains(errOut, tc.want) {
			t.Errorf("check %s: exit %d, stderr %q, want %q", tc.json, code, errOut, tc.want)
		}
		if strings.Contains(errOut, "$:") {
			t.Errorf("check %s: path $ in %q", tc.json, errOut)
		}
		// The same from stdin, named "stdin".
		code, _, errOut = runZeker(t, tc.json, "check", "--datum", "2026-01-01", "-")
		if code != exitFout || !strings.HasPrefix(errOut, "zeker check: stdin: ongeldig huishouden: "+tc.want) {
			t.Errorf("check - %s: exit %d, stderr %q", tc.json, code, errOut)
		}
	}
}

// TestGeenDubbelVoorvoegsel: an error is printed as "zeker <opdracht>: …" once; no part of the
// message repeats the command ("zeker: check: check: …", "zeker demo: serve: …").
func TestGeenDubbelVoorvoegsel(t *testing.T) {
	dir := t.TempDir()
	geenMap := filepath.Join(dir, "bestaat-niet", "x.db")
	for _, args := range [][]string{
		{"check", "--kleur", "x"},
		{"check", filepath.Join(dir, "nee.json")},
		{"regels", "toon", "--gemeente", "GM9999"},
		{"regels", "valideer", "--map", filepath.Join(dir, "nee")},
		{"user", "list", "--db", "sqlite:" + geenMap},
		{"user", "add", "--naam", "x"},
		{"migrate", "--db", "sqlite:" + geenMap},
		{"serve", "--db", "sqlite:" + geenMap, "--addr", "127.0.0.1:0"},
		{"demo", "--db", "postgres://x@127.0.0.1:1/x", "--reset"},
		{"demo", "--db", "sqlite:" + geenMap, "--addr", "127.0.0.1:0", "--check-key-file", filepath.Join(dir, "c.key"), "--audit-key-file", filepath.Join(dir, "a.key")},
		{"scan", "--gemeente", "GM0175", "--db", "sqlite:" + geenMap},
		{"vlieg"},
	} {
		naam := strings.Join(args, " ")
		code, _, errOut := runZeker(t, "", args...)
		if code == exitOK {
			t.Errorf("zeker %s: exit 0, want an error", naam)
			continue
		}
		regels := strings.Split(strings.TrimSpace(errOut), "\n")
		laatste := regels[len(regels)-1] // logs of serve and demo come first
		if !strings.HasPrefix(laatste, "zeker ") && !strings.HasPrefix(laatste, "zeker: ") {
			t.Errorf("zeker %s: error line %q does not start with \"zeker \"", naam, laatste)
			continue
		}
		delen := strings.Split(laatste, ": ")
		for i := 1; i < len(delen); i++ {
			if delen[i] == delen[i-1] || delen[i] == args[0] || strings.HasPrefix(delen[i], "zeker ") || (args[0] == "demo" && delen[i] == "serve") {
				t.Errorf("zeker %s: doubled prefix in %q", naam, laatste)
				break
			}
		}
		if strings.Count(laatste, "zeker:") > 0 && args[0] != "vlieg" {
			t.Errorf("zeker %s: %q", naam, laatste)
		}
	}
}

// TestEngelseAliassen: the command line speaks Dutch; the English names of earlier versions still
// work and run the same command, and the help lists them beside the Dutch ones.
func TestEngelseAliassen(t *testing.T) {
	for _, tc := range []struct{ en, nl []string }{
		{[]string{"serve", "--help"}, []string{"serveer", "--help"}},
		{[]string{"migrate", "--help"}, []string{"migreer", "--help"}},
		{[]string{"simulate", "--help"}, []string{"watals", "--help"}},
		{[]string{"import", "--help"}, []string{"importeer", "--help"}},
		{[]string{"user", "list", "--help"}, []string{"gebruiker", "lijst", "--help"}},
		{[]string{"version"}, []string{"versie"}},
	} {
		c1, o1, _ := runZeker(t, "", tc.en...)
		c2, o2, _ := runZeker(t, "", tc.nl...)
		if c1 != 0 || c2 != 0 || o1 != o2 || o1 == "" {
			t.Errorf("%v and %v: exit %d and %d, same output %v", tc.en, tc.nl, c1, c2, o1 == o2)
		}
	}
	_, help, _ := runZeker(t, "", "help")
	for _, want := range []string{"serveer", "(ook: serve)", "gebruiker", "(ook: user)", "watals", "(ook: simulate)"} {
		if !strings.Contains(help, want) {
			t.Errorf("zeker help lacks %q", want)
		}
	}
}
