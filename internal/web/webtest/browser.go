package webtest

// Browser tests: chromedp drives Debian's chromium against an httptest server.
//
// They run only when ZEKER_BROWSER_TESTS=1 (CI sets it):
//
//	ZEKER_BROWSER_TESTS=1 go test ./internal/web/... -run Browser -v
//
// Chromium is looked up as ZEKER_CHROMIUM, else "chromium" or "chromium-browser" on PATH. Without it
// the tests skip with a message, unless CI=true: then they fail. axe-core comes from
// node_modules/axe-core/axe.min.js at the repository root (npm ci); it is missing → skip, or fail under
// CI. ZEKER_SCREENSHOTS=<dir> saves screenshots of the pages (mobile and desktop). Every tab fails its
// test on a console error (Tab).

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/zeker-platform/zeker/internal/auth"
)

// Browser is a headless Chromium with a test server.
type Browser struct {
	Ctx  context.Context // the browser
	Base string          // the test server's URL
	axe  string
	shot string
}

// Nodig skips the test, or fails it under CI=true, when something it needs is missing.
func Nodig(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// BrowserAan skips the test unless browser tests are enabled (ZEKER_BROWSER_TESTS=1 or CI=true).
func BrowserAan(t testing.TB) {
	t.Helper()
	if os.Getenv("ZEKER_BROWSER_TESTS") != "1" && os.Getenv("CI") != "true" {
		t.Skip("browser tests: set ZEKER_BROWSER_TESTS=1 to run them (needs chromium and npm ci)")
	}
}

// repoRoot finds the repository root (the folder with go.mod) from the test's working directory.
func repoRoot() string {
	d, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		p := filepath.Dir(d)
		if p == d {
			return "."
		}
		d = p
	}
}

// StartBrowser starts Chromium and a test server for h. Call BrowserAan first when building h is
// expensive; StartBrowser calls it too.
func StartBrowser(t testing.TB, h http.Handler) *Browser {
	t.Helper()
	BrowserAan(t)
	path := os.Getenv("ZEKER_CHROMIUM")
	if path == "" {
		for _, n := range []string{"chromium", "chromium-browser"} {
			if p, err := exec.LookPath(n); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		Nodig(t, "browser tests: chromium not found (apt-get install -y chromium, or set ZEKER_CHROMIUM)")
	}
	axe, err := os.ReadFile(filepath.Join(repoRoot(), "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		Nodig(t, "browser tests: axe-core missing (run npm ci at the repository root): %v", err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	actx, acancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(func() { bcancel(); acancel() })
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return &Browser{Ctx: bctx, Base: ts.URL, axe: string(axe), shot: os.Getenv("ZEKER_SCREENSHOTS")}
}

// Tab opens a new tab with a time limit. The test fails when a page in the tab writes an error to the
// console: a call of console.error, an uncaught exception, or an error of the browser's log (a
// stylesheet, script or icon that did not load, a CSP violation). Lighthouse counts the same errors
// against best practices. An error page the test opens on purpose (a 404, a form answered with 422)
// is not counted: its status is what the test asks for.
func (b *Browser) Tab(t testing.TB) context.Context {
	ctx, cancel := chromedp.NewContext(b.Ctx)
	ctx, cancel2 := context.WithTimeout(ctx, 90*time.Second)
	var mu sync.Mutex
	var fouten []string
	fout := func(s string) {
		mu.Lock()
		fouten = append(fouten, s)
		mu.Unlock()
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *cdpruntime.EventConsoleAPICalled:
			if e.Type == cdpruntime.ConsoleAPICalledTypeError || e.Type == cdpruntime.ConsoleAPICalledTypeAssert {
				var delen []string
				for _, a := range e.Args {
					if a.Description != "" {
						delen = append(delen, a.Description)
					} else {
						delen = append(delen, string(a.Value))
					}
				}
				fout("console." + string(e.Type) + ": " + strings.Join(delen, " "))
			}
		case *cdpruntime.EventExceptionThrown:
			d := e.ExceptionDetails
			tekst := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				tekst += " " + d.Exception.Description
			}
			fout("exception: " + tekst + " " + d.URL)
		case *cdplog.EventEntryAdded:
			if e.Entry.Level != cdplog.EntryLevelError {
				return
			}
			if e.Entry.Source == cdplog.EntrySourceNetwork && paginaURL(e.Entry.URL) {
				return
			}
			fout(string(e.Entry.Source) + ": " + e.Entry.Text + " " + e.Entry.URL)
		}
	})
	if err != nil {
		t.Fatalf("listen to the console: %v", err)
	}
	t.Cleanup(func() {
		cancel2()
		cancel()
		mu.Lock()
		defer mu.Unlock()
		for _, f := range fouten {
			t.Errorf("browser console: %s", f)
		}
	})
	return ctx
}

// paginaURL reports whether u is a page (not a static file or the icon): the document itself, whose
// error status a test may ask for.
func paginaURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	return !strings.HasPrefix(p.Path, "/static/") && p.Path != "/favicon.ico"
}

// Do runs browser actions, failing the test on an error.
func Do(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// Has reports whether the page has an element matching sel.
func Has(t testing.TB, ctx context.Context, sel string) bool {
	t.Helper()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll(sel), chromedp.AtLeast(0)))
	if err != nil {
		t.Fatal(err)
	}
	return len(nodes) > 0
}

// AxeViolation is one finding of axe-core.
type AxeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// CheckAxe runs axe-core with the WCAG 2.1 A and AA rules and fails on any violation.
func (b *Browser) CheckAxe(t testing.TB, ctx context.Context, page string) {
	t.Helper()
	for _, x := range b.AxeRun(t, ctx, page) {
		t.Errorf("axe %s: %s (%s): %s at %v", page, x.ID, x.Impact, x.Help, x.Nodes)
	}
}

// AxeRun runs axe-core with the WCAG 2.1 A and AA rules and returns the violations.
func (b *Browser) AxeRun(t testing.TB, ctx context.Context, page string) []AxeViolation {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](b.axe)); err != nil {
		t.Fatalf("inject axe on %s: %v", page, err)
	}
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]AxeViolation](`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", page, err)
	}
	return v
}

// Screenshot saves a full-page screenshot when ZEKER_SCREENSHOTS names a folder.
func (b *Browser) Screenshot(t testing.TB, ctx context.Context, name string) {
	if b.shot == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(b.shot, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.shot, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Submit clicks a button and waits for the next page.
func Submit(t testing.TB, ctx context.Context, button string) {
	t.Helper()
	NaarVolgende(t, ctx, chromedp.Click(chromedp.CSS(button)))
}

// NaarVolgende runs act and waits until a new document is in the history (a form post or a link adds
// an entry); this works with JavaScript disabled too.
func NaarVolgende(t testing.TB, ctx context.Context, act chromedp.Action[chromedp.Void]) {
	t.Helper()
	entry := func() int64 {
		h, err := chromedp.Run(ctx, chromedp.NavigationEntries())
		if err != nil || int(h.CurrentIndex) >= len(h.Entries) {
			return -1
		}
		return h.Entries[h.CurrentIndex].ID
	}
	old := entry()
	Do(t, ctx, act)
	for range 400 {
		if e := entry(); e != -1 && e != old {
			waitFooter(t, ctx)
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("no new page after submit")
}

// ZetSessie puts a session cookie for the test server in the browser, as a login would: a part's
// browser test need not mount the login page.
func (b *Browser) ZetSessie(t testing.TB, ctx context.Context, token string) {
	t.Helper()
	Do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.SetCookie, network.SetCookieParams{Name: auth.CookieNaam(false), Value: token, URL: b.Base})
		return err
	}))
}

// waitFooter waits until the new document has its footer. While the new document replaces the old one,
// Chromium may answer a query with "Could not find node with given id" (the node ids of the old
// document are gone); that is the page still loading, so the wait starts again, a few times.
func waitFooter(t testing.TB, ctx context.Context) {
	t.Helper()
	var err error
	for range 5 {
		if _, err = chromedp.Run(ctx, chromedp.WaitReady(chromedp.CSS("footer"))); err == nil || !strings.Contains(err.Error(), "Could not find node") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
}
