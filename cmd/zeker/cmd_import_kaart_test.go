package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImporteerSocialeKaart: "zeker importeer sociale-kaart" checks a file without writing, refuses a
// file with problems (each named by its line, nothing written), imports a good one, and a second run
// of the same file creates nothing new.
func TestImporteerSocialeKaart(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "zeker.db")
	if code, out, errOut := runScanCmd(t, dsn, "migrate", "--gemeenten"); code != 0 {
		t.Fatalf("migrate: %d %s %s", code, out, errOut)
	}
	goed := filepath.Join(dir, "kaart.csv")
	fout := filepath.Join(dir, "fout.csv")
	kop := "organisatie,dienst,behoeften,bron,gecontroleerd_op,plaats,straat,huisnummer,postcode\n"
	if err := os.WriteFile(goed, []byte(kop+"Voedselbank Voorbeeld,Voedselpakket,voedsel,website,2026-01-02,Ommen,Voorbeeldstraat,1,9999 ZZ\n"+
		"Geldmaatje Voorbeeld,Thuisadministratie,budgetcoaching,jaarverslag,2026-01-02,,,,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fout, []byte(kop+"A,B,voedsel,x,2026-01-02,,,,\nA,C,geld,x,2026-13-02,,,,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runScanCmd(t, dsn, "importeer", "sociale-kaart", "--gemeente", "GM0175", fout)
	if code != exitFout || !strings.Contains(errOut, "regel 3, kolom behoeften") || !strings.Contains(errOut, "regel 3, kolom gecontroleerd_op") ||
		!strings.Contains(errOut, "er is niets opgeslagen") {
		t.Errorf("bad file: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runScanCmd(t, dsn, "importeer", "sociale-kaart", "--gemeente", "GM0175", "--controleer", goed)
	if code != 0 || !strings.Contains(out, "gecontroleerd, niets opgeslagen: 2 diensten (2 nieuw)") {
		t.Errorf("check: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runScanCmd(t, dsn, "importeer", "sociale-kaart", "--gemeente", "GM0175", goed)
	if code != 0 || !strings.Contains(out, "opgeslagen: 2 diensten (2 nieuw), 1 locaties (1 nieuw), 2 nieuwe partners") {
		t.Errorf("import: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runScanCmd(t, dsn, "importeer", "sociale-kaart", "--gemeente", "GM0175", goed)
	if code != 0 || !strings.Contains(out, "2 diensten (0 nieuw), 0 locaties (0 nieuw), 0 nieuwe partners") {
		t.Errorf("second import: exit %d\n%s", code, out)
	}
	if code, _, errOut := runScanCmd(t, dsn, "importeer", "sociale-kaart", "--gemeente", "GM9999", goed); code != exitUsage || !strings.Contains(errOut, "GM9999 bestaat niet") {
		t.Errorf("unknown gemeente: exit %d %s", code, errOut)
	}
	if code, _, errOut := runScanCmd(t, dsn, "importeer", "sociale-kaart", "--gemeente", "GM0175", filepath.Join(dir, "kaart.xml")); code != exitUsage || !strings.Contains(errOut, "kies --formaat csv of json") {
		t.Errorf("xml: exit %d %s", code, errOut)
	}
}
