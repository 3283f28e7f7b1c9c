package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitignoreDemo: every file that "zeker demo" (and "zeker serve" with its defaults) writes into the
// working directory is ignored by git, so a demo run in a checkout leaves "git status" clean. It asks git
// itself (check-ignore --no-index), so the test reads .gitignore exactly as git does.
func TestGitignoreDemo(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git niet gevonden; deze test controleert .gitignore met git check-ignore")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(git, "-C", root, "rev-parse", "--is-inside-work-tree").Output(); err != nil || strings.TrimSpace(string(out)) != "true" {
		t.Skipf("%s is geen git-werkmap (een export zonder .git); niets te controleren", root)
	}
	// Read .gitignore here as well: go test then keys its cached result on the file's content.
	if _, err := os.ReadFile(filepath.Join(root, ".gitignore")); err != nil {
		t.Fatalf(".gitignore: %v", err)
	}
	bestanden := []string{
		demoDB, demoDB + "-wal", demoDB + "-shm", demoDB + "-journal",
		demoAuditSleutel, demoCheckSleutel,
		"zeker-audit.key", // zeker serve and zeker import, ZEKER_AUDIT_KEY_FILE's default
	}
	for _, f := range bestanden {
		cmd := exec.Command(git, "-C", root, "check-ignore", "-q", "--no-index", f)
		if err := cmd.Run(); err != nil {
			t.Errorf("%s wordt niet genegeerd door .gitignore (git check-ignore: %v); een demo in de werkmap maakt git status vuil", f, err)
		}
	}
}
