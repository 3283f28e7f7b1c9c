package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/signalen/ddas"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/synth"
)

func TestDDASExport(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "zeker.db")
	sleutel := audit.NieuweSleutel()
	runEnv := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(k string) string {
			switch k {
			case "ZEKER_DB":
				return dsn
			case "ZEKER_AUDIT_KEY":
				return sleutel
			}
			return ""
		}}
		err := run(context.Background(), args, e)
		return exitCode(err, &errOut), out.String(), errOut.String()
	}
	if code, out, errOut := runEnv("migrate", "--gemeenten"); code != 0 {
		t.Fatalf("migrate: %d %s %s", code, out, errOut)
	}

	// Deliver synthetic signals in February 2026.
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	k, _ := audit.ParseSleutel(sleutel)
	log, _ := audit.New(db, k, nil)
	st, err := opslag.New(opslag.Config{DB: db, Audit: log, Klok: func() time.Time { return time.Date(2026, 2, 10, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	pop := synth.Populatie(100)
	if _, err := st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "p",
		Signalen: synth.Signalen(pop, 150, "cli", datum.Nieuw(2026, 2, 10), 5)}, synth.Index(pop)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"ddas"}, exitUsage},
		{[]string{"ddas", "import"}, exitUsage},
		{[]string{"ddas", "export", "--gemeente", "GM0175", "--van", "2026-01-01"}, exitUsage},
		{[]string{"ddas", "export", "--gemeente", "Ommen", "--van", "2026-01-01", "--tot", "2026-03-31"}, exitUsage},
		{[]string{"ddas", "export", "--gemeente", "GM0175", "--van", "2026-04-01", "--tot", "2026-03-31"}, exitUsage},
		{[]string{"ddas", "export", "--help"}, exitOK},
	} {
		if code, _, errOut := runEnv(tc.args...); code != tc.want {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args, code, tc.want, errOut)
		}
	}

	uit := t.TempDir()
	code, out, errOut := runEnv("ddas", "export", "--gemeente", "GM0175", "--van", "2026-01-01", "--tot", "2026-03-31", "--uit", uit, "--per-bericht", "60")
	if code != 0 {
		t.Fatalf("export: %d %s %s", code, out, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(uit, "ddas-vroegsignalering-GM0175-2026-01-01-2026-03-31-deel-*.json"))
	if len(files) < 3 || strings.Count(out, "\n") != len(files) {
		t.Fatalf("files %v, output %q", files, out)
	}
	sch, _ := ddas.Schema()
	for _, f := range files {
		p, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := ddas.Valideer(sch, p); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
