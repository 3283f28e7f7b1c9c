package archtest

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const mod = "github.com/zeker-platform/zeker/"

// pakket is what the rules need of one package: its path and its non-test imports.
type pakket struct {
	ImportPath string
	Imports    []string
	Dir        string
	GoFiles    []string
}

// The parts of the web application: one package each under internal/web, and the JSON API.
func isPart(p string) bool {
	return (strings.HasPrefix(p, mod+"internal/web/") && strings.HasSuffix(p, "web")) || p == mod+"internal/apiv1"
}

// domein lists the domain packages: they know nothing of the web.
var domein = []string{"internal/regels", "internal/huishouden", "internal/register", "internal/scan", "internal/signalen",
	"internal/monitor", "internal/geld", "internal/errs", "internal/zaken", "internal/netwerk", "internal/aanvragen",
	"internal/partner", "internal/termijn", "internal/synth"}

func isDomein(p string) bool {
	for _, d := range domein {
		if p == mod+d || strings.HasPrefix(p, mod+d+"/") {
			return true
		}
	}
	return false
}

// overtredingen applies the import rules to pkgs and returns one line per violation.
func overtredingen(pkgs []pakket) []string {
	var out []string
	for _, p := range pkgs {
		for _, imp := range p.Imports {
			switch {
			case isPart(p.ImportPath) && isPart(imp) && imp != p.ImportPath:
				out = append(out, p.ImportPath+": een onderdeel importeert een ander onderdeel: "+imp)
			case isDomein(p.ImportPath) && (strings.HasPrefix(imp, mod+"internal/web") || imp == mod+"internal/apiv1"):
				out = append(out, p.ImportPath+": een domeinpakket importeert de web- of API-laag: "+imp)
			case strings.HasPrefix(p.ImportPath, mod+"internal/web") && imp == mod+"internal/store" &&
				p.ImportPath != mod+"internal/web/webtest": // tests' environments open a real database
				out = append(out, p.ImportPath+": importeert internal/store (gebruik de diensten van het domein en internal/errs)")
			case p.ImportPath == mod+"internal/web" && (strings.HasPrefix(imp, mod+"internal/web/") || isDomein(imp) && imp != mod+"internal/errs"):
				out = append(out, p.ImportPath+": de kit importeert een onderdeel of domeinpakket: "+imp)
			case p.ImportPath == mod+"internal/mail" && (isDomein(imp) && imp != mod+"internal/errs" || strings.HasPrefix(imp, mod+"internal/web") ||
				imp == mod+"internal/apiv1"):
				// Outgoing mail is platform: every part may send through it, so it knows none of them.
				out = append(out, p.ImportPath+": het platformpakket mail importeert een domein- of webpakket: "+imp)
			}
		}
	}
	return out
}

func goList(t *testing.T) []pakket {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Stderr = os.Stderr
	r, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var pkgs []pakket
	dec := json.NewDecoder(r)
	for {
		var p pakket
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 20 {
		t.Fatalf("go list found %d packages; the listing is broken", len(pkgs))
	}
	return pkgs
}

func TestImportRegels(t *testing.T) {
	pkgs := goList(t)
	var parts int
	for _, p := range pkgs {
		if isPart(p.ImportPath) {
			parts++
		}
	}
	if parts < 5 {
		t.Errorf("found %d parts, want at least checkweb, beheerweb, signalenweb, scanweb and apiv1", parts)
	}
	for _, o := range overtredingen(pkgs) {
		t.Error(o)
	}
}

// TestImportRegelsVangen shows that each rule fails when a forbidden import is added.
func TestImportRegelsVangen(t *testing.T) {
	for _, tc := range []struct{ van, naar string }{
		{"internal/web/scanweb", "internal/web/signalenweb"},
		{"internal/web/checkweb", "internal/apiv1"},
		{"internal/scan", "internal/web"},
		{"internal/regels", "internal/web/checkweb"},
		{"internal/signalen/opslag", "internal/apiv1"},
		{"internal/web/beheerweb", "internal/store"},
		{"internal/web", "internal/store"},
		{"internal/web", "internal/web/checkweb"},
		{"internal/web", "internal/scan"},
		{"internal/mail", "internal/netwerk"},
		{"internal/mail", "internal/web"},
	} {
		got := overtredingen([]pakket{{ImportPath: mod + tc.van, Imports: []string{mod + tc.naar}}})
		if len(got) != 1 {
			t.Errorf("%s → %s: %d violations, want 1", tc.van, tc.naar, len(got))
		}
	}
	// Allowed: a part imports the kit and domain packages; cmd/zeker imports everything.
	for _, tc := range []struct{ van, naar string }{
		{"internal/web/scanweb", "internal/web"},
		{"internal/web/scanweb", "internal/scan"},
		{"internal/apiv1", "internal/web"},
		{"cmd/zeker", "internal/web/checkweb"},
		{"internal/web", "internal/errs"},
		{"internal/mail", "internal/errs"},
		{"internal/mail", "internal/jobs"},
		{"internal/netwerk", "internal/mail"},
	} {
		if got := overtredingen([]pakket{{ImportPath: mod + tc.van, Imports: []string{mod + tc.naar}}}); len(got) != 0 {
			t.Errorf("%s → %s: %v, want allowed", tc.van, tc.naar, got)
		}
	}
}

// TestGeenRoutesBuitenDeKit: routes are rows of a part (web.Route); only the kit's mount registers them
// on a ServeMux. A Handle or HandleFunc call with a pattern anywhere else in the application's code
// fails this test (job handlers of internal/jobs take a job kind, not a pattern, and are allowed).
func TestGeenRoutesBuitenDeKit(t *testing.T) {
	var gevonden int
	for _, p := range goList(t) {
		for _, f := range p.GoFiles {
			pad := filepath.Join(p.Dir, f)
			fset := token.NewFileSet()
			file, err := parser.ParseFile(fset, pad, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 2 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || !slices.Contains([]string{"Handle", "HandleFunc"}, sel.Sel.Name) {
					return true
				}
				if isJobKind(call.Args[0]) {
					return true
				}
				if p.ImportPath == mod+"internal/web" && f == "kit.go" {
					gevonden++
					return true
				}
				t.Errorf("%s: %s buiten de kit: maak er een web.Route van in het onderdeel", fset.Position(call.Pos()), sel.Sel.Name)
				return true
			})
		}
	}
	if gevonden != 1 {
		t.Errorf("the kit's mount registered %d times, want 1 (kit.go)", gevonden)
	}
}

// isJobKind reports whether the first argument names a job kind (a Job… constant or jobOpruimen), as
// internal/jobs.Runner.Handle takes.
func isJobKind(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		return strings.HasPrefix(x.Name, "Job") || strings.HasPrefix(x.Name, "job")
	case *ast.SelectorExpr:
		return strings.HasPrefix(x.Sel.Name, "Job")
	}
	return false
}
