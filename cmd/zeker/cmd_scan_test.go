package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runScanCmd runs zeker with a database and an audit key in the environment.
func runScanCmd(t *testing.T, dsn string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	envs := map[string]string{"ZEKER_DB": dsn, "ZEKER_AUDIT_KEY": "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"}
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(k string) string { return envs[k] }}
	err := run(context.Background(), args, e)
	return exitCode(err, &errOut), out.String(), errOut.String()
}

func TestScanCommandos(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "zeker.db")
	csv := filepath.Join(dir, "ommen.csv")
	if code, out, errOut := runScanCmd(t, dsn, "migrate", "--gemeenten"); code != 0 {
		t.Fatalf("migrate: %d %s %s", code, out, errOut)
	}
	code, _, errOut := runScanCmd(t, dsn, "populatie", "--gemeente", "GM0175", "--aantal", "1500", "--datum", "2026-01-01", "--uit", csv)
	if code != 0 || !strings.Contains(errOut, "tot 120% sociaal minimum") {
		t.Fatalf("populatie: exit %d\n%s", code, errOut)
	}
	code, out, errOut := runScanCmd(t, dsn, "import", "--gemeente", "GM0175", "--datum", "2026-01-01", "--stil", csv)
	if code != 0 || !strings.Contains(out, "1500 opgeslagen") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runScanCmd(t, dsn, "import", "--gemeente", "GM0175", "--datum", "2026-01-01", "--stil", csv)
	if code != 0 || !strings.Contains(out, "0 opgeslagen") || !strings.Contains(out, "1500 ongewijzigd") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
	lijst := filepath.Join(dir, "lijst.csv")
	code, out, errOut = runScanCmd(t, dsn, "scan", "--gemeente", "GM0175", "--datum", "2026-01-01", "--lijst", lijst, "--regeling", "participatie_volwassenen", "--opslaan")
	if code != 0 || !strings.Contains(out, "participatie_volwassenen") || !strings.Contains(out, "uitslag opgeslagen") {
		t.Fatalf("scan: exit %d\n%s%s", code, out, errOut)
	}
	data, err := os.ReadFile(lijst)
	if err != nil || !strings.Contains(string(data), "GM0175-") {
		t.Errorf("outreach list: %v\n%.200s", err, data)
	}
	code, out, errOut = runScanCmd(t, dsn, "simulate", "--gemeente", "GM0175", "--datum", "2026-01-01", "--wijzig", "regelingen.participatie_volwassenen.bedrag.bedrag=100", "--svg", filepath.Join(dir, "w.svg"))
	if code != 0 || !strings.Contains(out, "-€") {
		t.Errorf("simulate: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := runScanCmd(t, dsn, "simulate", "--gemeente", "GM0175"); code != exitUsage {
		t.Errorf("simulate without --wijzig: exit %d, want %d", code, exitUsage)
	}
	if code, _, errOut := runScanCmd(t, dsn, "simulate", "--gemeente", "GM0175", "--datum", "2026-01-01", "--wijzig", "open_termen.inkomensgrens.percentage=veel"); code != exitFout || !strings.Contains(errOut, "geen percentage") {
		t.Errorf("simulate with a bad value: exit %d %s", code, errOut)
	}
	code, out, _ = runScanCmd(t, dsn, "scan", "voorstellen", "--gemeente", "GM0175")
	if code != 0 || !strings.Contains(out, "geen voorstellen") {
		t.Errorf("scan voorstellen: exit %d\n%s", code, out)
	}
	if code, _, _ := runScanCmd(t, dsn, "scan", "beslis", "--gemeente", "GM0175", "--id", "1", "--goedkeuren", "--afwijzen"); code != exitUsage {
		t.Errorf("beslis with both: exit %d, want %d", code, exitUsage)
	}
	for _, c := range []string{"populatie", "import", "scan", "simulate"} {
		if code, _, _ := runScanCmd(t, dsn, c, "--help"); code != 0 {
			t.Errorf("%s --help: exit %d", c, code)
		}
	}
}
