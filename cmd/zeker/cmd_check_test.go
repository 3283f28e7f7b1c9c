package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runZeker runs the program in-process with captured output and returns the exit code as main would.
func runZeker(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	err := run(context.Background(), args, e)
	return exitCode(err, &errOut), out.String(), errOut.String()
}

func voorbeeld(naam string) string {
	return filepath.Join("..", "..", "internal", "huishouden", "voorbeelden", naam)
}

func TestCheckLeesbaar(t *testing.T) {
	code, out, errOut := runZeker(t, "", "check", "--datum", "2026-01-01", voorbeeld("alleenstaande-bijstand.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Ommen (GM0175)", "peildatum 2026-01-01", "Huishouden: alleenstaande", "Ontvangstbewijs: zeker-regels/1.0", "Waarschijnlijk totaal per jaar"} {
		if !strings.Contains(out, want) {
			t.Errorf("uitvoer mist %q:\n%s", want, out)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, errOut := runZeker(t, "", "check", "--json", "--datum", "2026-01-01", voorbeeld("alleenstaande-ouder-werk.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Gemeente   struct{ Code string }
		Peildatum  string
		Leefvorm   string
		Regelingen []struct {
			ID       string
			Oordeel  string
			Criteria []struct{ Uitkomst, Tekst string }
		}
		Ontvangstbewijs struct {
			PakketHash string `json:"pakket_hash"`
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("geen JSON: %v\n%s", err, out)
	}
	if v.Gemeente.Code != "GM0147" || v.Peildatum != "2026-01-01" || v.Leefvorm != "alleenstaande ouder" {
		t.Errorf("kop: %+v", v)
	}
	if len(v.Regelingen) == 0 || len(v.Ontvangstbewijs.PakketHash) != 64 {
		t.Fatalf("geen regelingen of hash: %s", out)
	}
	for _, r := range v.Regelingen {
		switch r.Oordeel {
		case "recht", "geen recht", "onzeker":
		default:
			t.Errorf("%s: oordeel %q", r.ID, r.Oordeel)
		}
		if len(r.Criteria) == 0 {
			t.Errorf("%s: geen criteria in de trace", r.ID)
		}
	}
}

func TestCheckFouten(t *testing.T) {
	dir := t.TempDir()
	slecht := filepath.Join(dir, "slecht.json")
	if err := os.WriteFile(slecht, []byte(`{"gemeente":"GM0175","personen":[{"rol":"aanvrager","geboortedatum":"2030-01-01"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"geen bestand", []string{"check"}, 2, "geef één huishoudbestand"},
		{"onbekende vlag", []string{"check", "--kleur", "x.json"}, 2, "kleur"},
		{"bestaat niet", []string{"check", filepath.Join(dir, "nee.json")}, 1, "bestaat niet"},
		{"ongeldig huishouden", []string{"check", "--datum", "2026-01-01", slecht}, 1, "personen[0].geboortedatum"},
		{"slechte datum", []string{"check", "--datum", "1-1-2026", slecht}, 1, "jjjj-mm-dd"},
		{"andere gemeente", []string{"check", "--gemeente", "GM1681", "--datum", "2026-01-01", voorbeeld("alleenstaande-bijstand.json")}, 1, "hoort bij GM0175"},
		{"datum buiten de normen", []string{"check", "--datum", "2019-01-01", voorbeeld("alleenstaande-bijstand.json")}, 1, "2019"},
		{"onbekende opdracht", []string{"vlieg"}, 2, "onbekende opdracht"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runZeker(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (%s)", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q mist %q", errOut, tt.want)
			}
		})
	}
}

func TestCheckStdin(t *testing.T) {
	data, err := os.ReadFile(voorbeeld("aow-paar.json"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runZeker(t, string(data), "check", "--datum", "2026-01-01", "-")
	if code != 0 || !strings.Contains(out, "Borger-Odoorn") {
		t.Errorf("exit %d %s\n%s", code, errOut, out)
	}
}

func TestRegelsValideer(t *testing.T) {
	code, out, errOut := runZeker(t, "", "regels", "valideer")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	if !strings.Contains(out, "0 met fouten") {
		t.Errorf("uitvoer: %s", out)
	}
}

func TestRegelsGrenzen(t *testing.T) {
	code, out, errOut := runZeker(t, "", "regels", "grenzen", "--gemeente", "GM1969", "--datum", "2026-01-01", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Regelingen []struct {
			Percentage string
			Grenzen    []struct{ Leefvorm, Grens string }
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Regelingen) == 0 {
		t.Fatalf("geen grenzen: %s", out)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"check", "--help"}, {"regels", "--help"}, {"normen", "--help"}} {
		code, out, errOut := runZeker(t, "", args...)
		if code != 0 || out+errOut == "" {
			t.Errorf("%v: exit %d, no help text", args, code)
		}
	}
	if code, _, _ := runZeker(t, ""); code != 2 {
		t.Errorf("no arguments: exit %d, want 2", code)
	}
}

func TestCheckHuurtoeslag(t *testing.T) {
	tests := []struct {
		bestand string
		args    []string
		want    []string
		niet    []string
	}{
		{"alleenstaande-bijstand.json", nil, []string{"Van het Rijk:", "✔ Huurtoeslag — recht — € 368 per maand (Dienst Toeslagen)", "Uw kale huur is € 610 per maand. Dat is meer dan de basishuur van € 202,52.",
			"✔ Zorgtoeslag — recht — € 129 per maand", "ongeveer € 20.018,76", "grondslag: Wet op de huurtoeslag", "U krijgt waarschijnlijk ongeveer € 526,16 per maand"}, nil},
		{"aow-paar.json", nil, []string{"✖ Huurtoeslag — geen recht", "U woont in een koopwoning.", "✔ Zorgtoeslag — recht — € 246 per maand"}, nil},
		{"alleenstaande-bijstand.json", []string{"--en"}, []string{"Housing benefit (huurtoeslag)", "Your basic rent is €610.00 a month.", "From the national government:"}, nil},
	}
	for _, tt := range tests {
		args := append(append([]string{"check", "--datum", "2026-06-01"}, tt.args...), voorbeeld(tt.bestand))
		code, out, errOut := runZeker(t, "", args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.bestand, code, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %v: uitvoer mist %q:\n%s", tt.bestand, tt.args, w, out)
			}
		}
		for _, w := range tt.niet {
			if strings.Contains(out, w) {
				t.Errorf("%s: uitvoer bevat %q", tt.bestand, w)
			}
		}
	}
	// Outside the national data: the municipal result still shows, huurtoeslag says why not.
	code, out, _ := runZeker(t, "", "check", "--datum", "2025-06-01", voorbeeld("alleenstaande-bijstand.json"))
	if code != 0 || !strings.Contains(out, "Huurtoeslag") {
		t.Errorf("2025: exit %d\n%s", code, out)
	}
}

func TestCheckTaal(t *testing.T) {
	_, en, _ := runZeker(t, "", "check", "--datum", "2026-01-01", "--en", voorbeeld("alleenstaande-bijstand.json"))
	code, taal, errOut := runZeker(t, "", "check", "--datum", "2026-01-01", "--taal", "en", voorbeeld("alleenstaande-bijstand.json"))
	if code != 0 || taal != en {
		t.Errorf("--taal en (exit %d, %s) differs from --en", code, errOut)
	}
	code, _, errOut = runZeker(t, "", "check", "--taal", "xx", voorbeeld("alleenstaande-bijstand.json"))
	if code != 2 || !strings.Contains(errOut, "kies uit en, nl") {
		t.Errorf("--taal xx: exit %d, %q; want 2 and the languages", code, errOut)
	}
}
