package main

import (
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func TestArmoedevalCLI(t *testing.T) {
	code, out, errOut := runZeker(t, "", "armoedeval", "--gemeente", "GM0175", "--type", "alleenstaande_ouder_2", "--huur", "700", "--datum", "2026-03-01",
		"--variant", "zachte_landing:participatie_volwassenen=6", "--variant", "bijverdienpremie:50=130%")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Armoedeval — Alleenstaande ouder, 2 kinderen, GM0175", "Minimumloon voor 36 uur: € 2.303,59", "bij € 1.610 bruto per maand stopt Bijdrage meedoen voor volwassenen: € 29,16 per maand minder",
		"uur per week extra bij € 14,71 per uur", "Niet meegeteld (onzeker of bedrag onbekend, niet als € 0)", "Wat als 1: zachte landing", "kosten per jaar: onbekend"} {
		if !strings.Contains(out, want) {
			t.Errorf("output misses %q:\n%s", want, out)
		}
	}
	// With the share of households crossing and its source, the cost is known.
	_, out, _ = runZeker(t, "", "armoedeval", "--gemeente", "GM0175", "--type", "alleenstaande_ouder_2", "--huur", "700", "--datum", "2026-03-01",
		"--variant", "bijverdienpremie:50=130%", "--huishoudens", "400", "--aandeel", "5%", "--aandeel-bron", "eigen telling 2025")
	if !strings.Contains(out, "kosten per jaar: € 12.000 (400 huishoudens × 5%") {
		t.Errorf("cost with share:\n%s", out)
	}
}

func TestArmoedevalCLIJSONenCSV(t *testing.T) {
	code, out, errOut := runZeker(t, "", "armoedeval", "--gemeente", "GM1969", "--type", "paar_2", "--huur", "650", "--datum", "2026-01-01", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	sleutel := regexp.MustCompile(`"([A-Za-z_0-9]+)":`)
	for _, m := range sleutel.FindAllStringSubmatch(out, -1) {
		if m[1] != strings.ToLower(m[1]) {
			t.Errorf("JSON key %q is not lower snake_case", m[1])
		}
	}
	code, out, _ = runZeker(t, "", "armoedeval", "--gemeente", "GM1969", "--type", "paar_2", "--datum", "2026-01-01", "--csv")
	rijen, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rijen) != 462 || rijen[0][0] != "bruto_loon" || rijen[1][0] != "0.00" {
		t.Errorf("csv: exit %d, %v, %d rows, head %v", code, err, len(rijen), rijen[0])
	}
}

func TestArmoedevalCLIFouten(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"armoedeval"}, "geef --gemeente"},
		{[]string{"armoedeval", "--gemeente", "GM0175", "--type", "gezin"}, `--type "gezin": kies uit alleenstaande`},
		{[]string{"armoedeval", "--gemeente", "GM0175", "--datum", "2026-09-01"}, "geef --uurloon"},
		{[]string{"armoedeval", "--gemeente", "GM0175", "--huur", "zeshonderd"}, `"zeshonderd"`},
		{[]string{"armoedeval", "--gemeente", "GM0175", "--variant", "glijdend:kindpakket"}, "schrijf glijdend:regeling=20%"},
		{[]string{"armoedeval", "--gemeente", "GM0175", "--datum", "2026-03-01", "--variant", "zachte_landing:bestaat_niet=6"}, `regeling "bestaat_niet" staat niet in de curve`},
	} {
		code, out, errOut := runZeker(t, "", c.args...)
		if code == 0 || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%v: exit %d, want an error with %q:\n%s%s", c.args, code, c.want, out, errOut)
		}
	}
	code, help, _ := runZeker(t, "", "armoedeval", "--help") // help is on stdout
	if code != 0 || !strings.Contains(help, "zachte_landing:<regeling>=6") {
		t.Errorf("--help: exit %d\n%s", code, help)
	}
}

// TestArmoedevalCLIElkeGemeente: `zeker armoedeval` works for every gemeente with a rule pack.
func TestArmoedevalCLIElkeGemeente(t *testing.T) {
	for _, gm := range []string{"GM0147", "GM0175", "GM1681", "GM1969"} {
		code, out, errOut := runZeker(t, "", "armoedeval", "--gemeente", gm, "--type", "paar_2", "--huur", "650", "--datum", "2026-03-01", "--csv")
		rijen, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if code != 0 || err != nil || len(rijen) != 462 || !strings.Contains(strings.Join(rijen[0], ","), "zorgtoeslag") {
			t.Errorf("%s: exit %d (%s), %v, %d rows", gm, code, errOut, err, len(rijen))
		}
	}
}
