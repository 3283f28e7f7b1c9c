package scan

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestAlleenDeScanImporteertScan keeps the seam of issue 13: the household register is its own package
// (internal/register), so no other part needs the scan. Only the scan's own tests, its web pages
// (internal/web/...) and the composition root (cmd/...) may import internal/scan, in code or in tests.
func TestAlleenDeScanImporteertScan(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go tool not on PATH")
	}
	cmd := exec.CommandContext(t.Context(), "go", "list", "-json=ImportPath,Imports,TestImports,XTestImports", "./...")
	cmd.Dir = "../.." // the module root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	const module = "github.com/zeker-platform/zeker/"
	const scan = module + "internal/scan"
	mag := func(pad string) bool {
		return pad == scan || strings.HasPrefix(pad, module+"internal/web/") || pad == module+"internal/web" ||
			strings.HasPrefix(pad, module+"cmd/")
	}
	var importeurs []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath                         string
			Imports, TestImports, XTestImports []string
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		if slices.Contains(p.Imports, scan) || slices.Contains(p.TestImports, scan) || slices.Contains(p.XTestImports, scan) {
			importeurs = append(importeurs, p.ImportPath)
			if !mag(p.ImportPath) {
				t.Errorf("%s imports internal/scan; read households through internal/register instead", p.ImportPath)
			}
		}
	}
	// The check must see the importers that are allowed, or it checks nothing.
	if !slices.Contains(importeurs, module+"cmd/zeker") {
		t.Errorf("go list found no import of internal/scan by cmd/zeker (found %v): the check is broken", importeurs)
	}
}
