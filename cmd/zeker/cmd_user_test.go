package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
)

// runMetDB runs zeker with ZEKER_DB set to dsn.
func runMetDB(t *testing.T, dsn, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(k string) string {
		if k == "ZEKER_DB" {
			return dsn
		}
		return ""
	}}
	err := run(context.Background(), args, e)
	return exitCode(err, &errOut), out.String(), errOut.String()
}

func TestMigrateEnUser(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "zeker.db")

	code, _, errOut := runMetDB(t, dsn, "", "user", "list")
	if code != exitFout || !strings.Contains(errOut, "draai eerst: zeker migreer") {
		t.Errorf("user list on empty db: exit %d, %q", code, errOut)
	}
	code, out, errOut := runMetDB(t, dsn, "", "migrate", "--gemeenten")
	if code != 0 || !strings.Contains(out, "migratie 0001_platform uitgevoerd") || !strings.Contains(out, "gemeenten toegevoegd: 4") {
		t.Fatalf("migrate: exit %d\n%s%s", code, out, errOut)
	}
	code, out, _ = runMetDB(t, dsn, "", "migrate", "--status")
	if code != 0 || !strings.Contains(out, "0003_jobs") || strings.Contains(out, "open") {
		t.Errorf("migrate --status: exit %d\n%s", code, out)
	}
	code, out, _ = runMetDB(t, dsn, "", "migrate")
	if code != 0 || !strings.Contains(out, ", 0 nieuw") {
		t.Errorf("second migrate: exit %d\n%s", code, out)
	}

	// First administrator with a generated password.
	code, out, errOut = runMetDB(t, dsn, "", "user", "add", "--email", "Beheer@Example.org", "--naam", "Eerste Beheerder", "--systeembeheerder")
	if code != 0 {
		t.Fatalf("user add: exit %d %s", code, errOut)
	}
	m := regexp.MustCompile(`wachtwoord: (\S+)`).FindStringSubmatch(out)
	if m == nil || len(m[1]) != 23 {
		t.Fatalf("no generated password in %q", out)
	}
	// Second user with a password from stdin and a role.
	code, _, errOut = runMetDB(t, dsn, "een lang genoeg wachtwoord\n", "user", "add", "--email", "consulent@example.org", "--naam", "Con Sulent",
		"--gemeente", "GM1681", "--rol", "consulent", "--wachtwoord-stdin")
	if code != 0 {
		t.Fatalf("user add --wachtwoord-stdin: exit %d %s", code, errOut)
	}
	code, _, errOut = runMetDB(t, dsn, "kort\n", "user", "add", "--email", "x@example.org", "--naam", "X", "--wachtwoord-stdin")
	if code != exitFout || !strings.Contains(errOut, "minstens 12 tekens") {
		t.Errorf("short password: exit %d %q", code, errOut)
	}
	code, _, _ = runMetDB(t, dsn, "", "user", "add", "--email", "y@example.org", "--naam", "Y", "--gemeente", "GM1681", "--rol", "baas")
	if code != exitUsage {
		t.Errorf("unknown role: exit %d, want %d", code, exitUsage)
	}
	code, _, _ = runMetDB(t, dsn, "", "user", "add", "--email", "beheer@example.org", "--naam", "Dubbel")
	if code != exitFout {
		t.Errorf("duplicate user: exit %d", code)
	}

	code, out, _ = runMetDB(t, dsn, "", "user", "role", "--email", "beheer@example.org", "--gemeente", "GM0175", "--rol", "beheerder")
	if code != 0 || !strings.Contains(out, "beheerder in GM0175") {
		t.Errorf("user role: exit %d %q", code, out)
	}
	code, out, _ = runMetDB(t, dsn, "", "user", "list")
	if code != 0 || !strings.Contains(out, "beheer@example.org") || !strings.Contains(out, "GM0175:beheerder") || !strings.Contains(out, "GM1681:consulent") {
		t.Errorf("user list:\n%s", out)
	}
	code, out, _ = runMetDB(t, dsn, "", "user", "list", "--gemeente", "GM1681")
	if code != 0 || strings.Contains(out, "beheer@example.org") || !strings.Contains(out, "consulent@example.org") {
		t.Errorf("user list --gemeente GM1681:\n%s", out)
	}

	// The printed password works, and passwd replaces it.
	db, err := store.Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := auth.New(db, auth.Config{})
	if _, _, g, err := s.Login(t.Context(), auth.Inloggen{Email: "beheer@example.org", Wachtwoord: m[1]}); err != nil || !g.Systeembeheerder || !g.MoetWachtwoordWijzigen {
		t.Errorf("login with printed password: %v %+v", err, g)
	}
	code, _, _ = runMetDB(t, dsn, "nog een lang wachtwoord\n", "user", "passwd", "--email", "beheer@example.org", "--wachtwoord-stdin")
	if code != 0 {
		t.Fatalf("passwd: exit %d", code)
	}
	if _, _, _, err := s.Login(t.Context(), auth.Inloggen{Email: "beheer@example.org", Wachtwoord: "nog een lang wachtwoord"}); err != nil {
		t.Errorf("login after passwd: %v", err)
	}
	code, _, _ = runMetDB(t, dsn, "", "user", "disable", "--email", "consulent@example.org")
	if code != 0 {
		t.Errorf("disable: exit %d", code)
	}
	if _, _, _, err := s.Login(t.Context(), auth.Inloggen{Email: "consulent@example.org", Wachtwoord: "een lang genoeg wachtwoord"}); err == nil {
		t.Error("disabled user could log in")
	}
	code, _, _ = runMetDB(t, dsn, "", "user", "role", "--email", "consulent@example.org", "--gemeente", "GM1681", "--rol", "geen")
	if code != 0 {
		t.Errorf("role geen: exit %d", code)
	}
	code, _, _ = runMetDB(t, dsn, "", "user", "verwijder")
	if code != exitUsage {
		t.Errorf("unknown subcommand: exit %d", code)
	}
	code, _, _ = runMetDB(t, dsn, "", "user", "passwd")
	if code != exitUsage {
		t.Errorf("passwd without --email: exit %d", code)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://zeker:geheim@db:5432/zeker?sslmode=disable": "postgres://zeker:***@db:5432/zeker?sslmode=disable",
		"postgres://zeker@db/zeker":                             "postgres://zeker@db/zeker",
		"sqlite:zeker.db":                                       "sqlite:zeker.db",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMigrateUserHelp(t *testing.T) {
	for _, args := range [][]string{{"migrate", "--help"}, {"user", "--help"}, {"user", "add", "--help"}, {"user", "list", "-h"}} {
		code, out, errOut := runMetDB(t, "", "", args...)
		if code != 0 || !strings.Contains(out+errOut, "Gebruik: zeker") {
			t.Errorf("%v: exit %d, output %q", args, code, out+errOut)
		}
	}
	if code, _, _ := runMetDB(t, "", "", "user"); code != exitUsage {
		t.Errorf("user without subcommand: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := runMetDB(t, "", "", "migrate", "extra"); code != exitUsage {
		t.Errorf("migrate with argument: exit %d, want %d", code, exitUsage)
	}
}
