// Command loadtest measures the result page of the resident check under load: it completes the check
// for a few households over HTTP (as a browser without JavaScript would), then has many concurrent
// clients fetch the result pages for a bounded number of requests, and reports latency percentiles
// and errors. Without -url it starts Zeker's server in-process on a loopback port.
//
//	go run ./cmd/loadtest                      # in-process server, 100 clients, 20000 requests
//	go run ./cmd/loadtest -plain               # the same without gzip
//	go run ./cmd/loadtest -url http://127.0.0.1:8080 -c 100 -n 50000
//	go run ./cmd/loadtest -url http://127.0.0.1:8080 -urls > urls.txt   # for wrk, see wrk.lua
//
// The exit status is 1 when any request failed or the p99 latency is above -p99.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/checkweb"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run() error {
	base := flag.String("url", "", "address of a running Zeker server; empty: start one in-process on 127.0.0.1")
	clients := flag.Int("c", 100, "concurrent clients")
	total := flag.Int("n", 20000, "total number of requests")
	target := flag.Duration("p99", 50*time.Millisecond, "target p99 latency; above it the exit status is 1")
	cpuProfiel := flag.String("cpuprofile", "", "write a CPU profile of this process (client and, without -url, the server) to this file")
	alleenURLs := flag.Bool("urls", false, "only complete the checks and print the result pages' paths, one per line (input for wrk.lua)")
	plat := flag.Bool("plain", false, "do not accept gzip (by default the clients send Accept-Encoding: gzip as browsers do, and read the compressed page without unpacking it: a browser unpacks on its own device)")
	flag.Parse()
	if *clients < 1 || *total < 1 {
		return errors.New("-c and -n must be at least 1")
	}

	if *base == "" {
		// The in-process server collects garbage as zeker serveer does by default (cmd/zeker/gc.go).
		if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
			debug.SetGCPercent(400)
		}
		addr, stop, err := startServer()
		if err != nil {
			return err
		}
		defer stop()
		*base = "http://" + addr
	}
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConns: *clients * 2, MaxIdleConnsPerHost: *clients * 2, IdleConnTimeout: time.Minute},
		// The result page is reached by a 303; the setup reads the Location itself.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	var urls []string
	for _, h := range huishoudens {
		u, err := completeCheck(client, *base, h)
		if err != nil {
			return fmt.Errorf("check for %s: %w", h.naam, err)
		}
		urls = append(urls, u)
	}
	if *alleenURLs {
		for _, u := range urls {
			fmt.Println(strings.TrimPrefix(u, strings.TrimSuffix(*base, "/")))
		}
		return nil
	}

	lat := make([]time.Duration, *total)
	var next, fouten atomic.Int64
	var eersteFout atomic.Value
	var wg sync.WaitGroup
	if *cpuProfiel != "" {
		f, err := os.Create(*cpuProfiel)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	cpu0 := cpuTijd()
	start := time.Now()
	for range *clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(*total) {
					return
				}
				t0 := time.Now()
				err := fetch(client, urls[i%int64(len(urls))], !*plat)
				lat[i] = time.Since(t0)
				if err != nil {
					fouten.Add(1)
					eersteFout.CompareAndSwap(nil, err.Error())
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu := cpuTijd() - cpu0
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(float64(len(lat))*p))] }
	fmt.Printf("result page %s, %d clients, %d requests in %s (%.0f req/s), GOMAXPROCS=%d\n",
		strings.TrimSuffix(*base, "/"), *clients, *total, elapsed.Round(time.Millisecond), float64(*total)/elapsed.Seconds(), runtime.GOMAXPROCS(0))
	fmt.Printf("latency p50 %s  p90 %s  p99 %s  max %s\n", pct(.50).Round(10*time.Microsecond), pct(.90).Round(10*time.Microsecond),
		pct(.99).Round(10*time.Microsecond), lat[len(lat)-1].Round(10*time.Microsecond))
	fmt.Printf("errors %d\n", fouten.Load())
	// CPU time per request does not depend on what else the machine runs; with an in-process server it
	// covers client and server together.
	fmt.Printf("cpu %s per request (this process, user+system), load average at the end: %s\n",
		(cpu / time.Duration(*total)).Round(time.Microsecond), loadavg())
	if f := fouten.Load(); f > 0 {
		return fmt.Errorf("%d requests failed, the first: %v", f, eersteFout.Load())
	}
	if p := pct(.99); p > *target {
		return fmt.Errorf("p99 %s is above the target %s", p, *target)
	}
	return nil
}

func cpuTijd() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func fetch(c *http.Client, u string, gz bool) error {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	// Set by hand, so the transport neither adds gzip itself nor unpacks the body.
	req.Header.Set("Accept-Encoding", "identity")
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || n < 1000 {
		return fmt.Errorf("status %d, %d bytes", resp.StatusCode, n)
	}
	if gz && resp.Header.Get("Content-Encoding") != "gzip" {
		return fmt.Errorf("page not gzipped (Content-Encoding %q)", resp.Header.Get("Content-Encoding"))
	}
	return nil
}

// startServer runs the real handler (rule catalogue, templates, middleware) on a loopback port.
func startServer() (string, func(), error) {
	params, err := nl.Load()
	if err != nil {
		return "", nil, err
	}
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		return "", nil, err
	}
	kit, err := web.New(web.Config{}, web.Deps{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return "", nil, err
	}
	check, err := checkweb.New(kit, checkweb.Config{}, checkweb.Deps{Catalogus: cat, Gemeenten: tenant.NewVast(tenant.Standaard())})
	if err != nil {
		return "", nil, err
	}
	h, err := kit.Handler(check)
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	return ln.Addr().String(), func() { hs.Shutdown(context.Background()) }, nil
}

type huishouden struct {
	naam     string
	gemeente string
	stappen  map[string]url.Values
}

// Three households in three gemeenten; every step that may be asked has an answer.
var huishoudens = []huishouden{
	{"alleenstaande in de bijstand", "GM0175", map[string]url.Values{
		"huishouden": {"partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}},
		"leeftijd":   {"a-dag": {"5"}, "a-maand": {"5"}, "a-jaar": {"1980"}},
		"inkomen":    {"a-soort-1": {"bijstand"}, "a-bedrag-1": {"1300"}},
	}},
	{"gezin met twee kinderen", "GM0147", map[string]url.Values{
		"huishouden": {"partner": {"ja"}, "kinderen": {"2"}, "medebewoners": {"0"}},
		"leeftijd":   {"a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"}, "p-dag": {"2"}, "p-maand": {"4"}, "p-jaar": {"1987"}, "kind-1": {"6"}, "kind-2": {"12"}},
		"inkomen":    {"a-soort-1": {"loon"}, "a-bedrag-1": {"1800"}, "p-soort-1": {"geen"}},
	}},
	{"AOW, alleenstaand", "GM1969", map[string]url.Values{
		"huishouden": {"partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}},
		"leeftijd":   {"a-dag": {"1"}, "a-maand": {"1"}, "a-jaar": {"1950"}},
		"inkomen":    {"a-soort-1": {"aow"}, "a-bedrag-1": {"1400"}},
	}},
}

var (
	tokenRe = regexp.MustCompile(`name="t" value="([^"]+)"`)
	stapRe  = regexp.MustCompile(`id="stap-([a-z]+)"`)
)

// completeCheck answers the steps over HTTP and returns the URL of the result page.
func completeCheck(c *http.Client, base string, h huishouden) (string, error) {
	extra := map[string]url.Values{
		"vermogen":   {"vermogen": {"200"}},
		"ontvangt":   {"laag-jaren": {"4"}},
		"situatie":   {"student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}},
		"wonen":      {"wonen": {"huur"}, "huur": {"650"}},
		"zorgpremie": {"zorgpremie-weet-niet": {"ja"}},
	}
	body, loc, err := post(c, base+"/check/start", url.Values{"gemeente": {h.gemeente}, "voor": {"zelf"}})
	for range 8 {
		if err != nil {
			return "", err
		}
		if loc != "" {
			return base + loc, nil
		}
		m, s := tokenRe.FindStringSubmatch(body), stapRe.FindStringSubmatch(body)
		if m == nil || s == nil {
			return "", errors.New("no step on the page")
		}
		v := h.stappen[s[1]]
		if v == nil {
			v = extra[s[1]]
		}
		v = cloneValues(v)
		v.Set("t", strings.ReplaceAll(m[1], "&amp;", "&"))
		v.Set("actie", "verder")
		body, loc, err = post(c, base+"/check/stap", v)
	}
	return "", errors.New("the check did not end")
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}

func post(c *http.Client, u string, v url.Values) (string, string, error) {
	resp, err := c.PostForm(u, v)
	if err != nil {
		return "", "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", "", err
	}
	if resp.StatusCode == http.StatusSeeOther {
		return "", resp.Header.Get("Location"), nil
	}
	if resp.StatusCode != http.StatusOK {
		return "", "", fmt.Errorf("%s: status %d", u, resp.StatusCode)
	}
	return string(b), "", nil
}
