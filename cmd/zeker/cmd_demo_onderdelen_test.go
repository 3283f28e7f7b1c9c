package main

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The parts of TestDemoEndToEnd that check what the demo shows of the newer features (zaken,
// aanvragen, netwerk) and the crawl of every role's menu.

// demoSessie is a logged-in HTTP client of one demo account.
type demoSessie struct {
	t     *testing.T
	basis string
	c     *http.Client
}

// demoLogin logs in as email with the password the demo printed in out.
func demoLogin(t *testing.T, basis, out, email string) *demoSessie {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(email) + `\s+(\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no account %s printed:\n%s", email, out)
	}
	jar, _ := cookiejar.New(nil)
	s := &demoSessie{t: t, basis: basis, c: &http.Client{Jar: jar, Timeout: 20 * time.Second}}
	resp, err := s.c.PostForm(basis+"login", url.Values{"email": {email}, "wachtwoord": {m[1]}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// After login the user lands on the gemeente's start page; the debt-help roles may not open it (403,
	// see demoCrawl), so only "not back on the login page" tells that the login worked.
	if resp.Request.URL.Path == "/login" {
		t.Fatalf("login as %s: %d at %s", email, resp.StatusCode, resp.Request.URL)
	}
	return s
}

// get fetches pad (following redirects) and returns the status, the final path and the body.
func (s *demoSessie) get(pad string) (int, string, string) {
	s.t.Helper()
	resp, err := s.c.Get(s.basis + strings.TrimPrefix(pad, "/"))
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Request.URL.Path, string(b)
}

// demoLogID reads the number after key= of the log line with msg for gemeente gm.
func demoLogID(t *testing.T, log, msg, gm, key string) string {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(msg) + `" gemeente=` + gm + `.* ` + key + `=(\S+)`).FindStringSubmatch(log)
	if m == nil {
		t.Fatalf("log lacks %q for %s:\n%s", msg, gm, log)
	}
	return m[1]
}

// demoZakenOnderdelen: a debt changed and one removed with its reason, a moratorium granted with its
// afkoelingsperiode (at most six months), a Bbz decision, nazorg ended early with its reason, and
// fictitious health data on their own page, each on the zaak the demo logged.
func demoZakenOnderdelen(t *testing.T, s *demoSessie, log string) {
	t.Helper()
	tekst := func(pad string) string {
		st, _, body := s.get(pad)
		if st != 200 {
			t.Fatalf("GET %s: %d", pad, st)
		}
		return html.UnescapeString(body)
	}
	zaak := demoLogID(t, log, "demo: schuld gewijzigd en weggehaald", "GM1681", "zaak")
	if z := demoLogID(t, log, "demo: moratorium toegewezen", "GM1681", "zaak"); z != zaak {
		t.Errorf("moratorium on zaak %s, want the zaak with the changed debts %s", z, zaak)
	}
	body := tekst("/beheer/GM1681/zaken/" + zaak)
	for _, want := range []string{
		"Schuld bij Energie Voorbeeld (demo) gewijzigd: bedrag € 386,00 → € 412,00",
		"Schuld bij Telefoonwinkel Voorbeeld (demo) (€ 212,00, Telefoon en internet) uit het overzicht gehaald. Reden: Dubbel ingevoerd",
		"Moratorium toegewezen door de rechter op " + vandaagNL().Format("2006-01-02"),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("zaak %s lacks %q", zaak, want)
		}
	}
	m := regexp.MustCompile(`afkoelingsperiode tot en met (\d{4}-\d{2}-\d{2})`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("zaak %s: no afkoelingsperiode on the timeline", zaak)
	}
	tot, _ := time.Parse("2006-01-02", m[1])
	if vandaag := vandaagNL(); !tot.After(vandaag) || tot.After(vandaag.AddDate(0, zaken.MaxAfkoelingMaanden, 1)) {
		t.Errorf("afkoelingsperiode until %s: not within six months of the ruling", m[1])
	}
	if body := tekst("/beheer/GM1681/zaken/" + demoLogID(t, log, "demo: bbz toegekend", "GM1681", "zaak")); !strings.Contains(body, "Uitkomst: Bbz toegekend op ") {
		t.Error("no Bbz decision on the demo's ondernemers zaak")
	}
	if body := tekst("/beheer/GM1681/zaken/" + demoLogID(t, log, "demo: nazorg vroegtijdig beëindigd", "GM1681", "zaak")); !strings.Contains(body, "vroegtijdig beëindigd op ") ||
		!strings.Contains(body, "Reden: De inwoner is verhuisd naar een andere gemeente (demo)") {
		t.Error("no nazorg ended early with its reason")
	}
	bz := demoLogID(t, log, "demo: bijzondere gegevens vastgelegd", "GM1681", "zaak")
	body = tekst("/beheer/GM1681/zaken/" + bz + "/bijzonder")
	for _, want := range []string{`id="psychisch" name="psychisch" value="1" checked`, `id="lvb" name="lvb" value="1" checked`, "Fictief (demo): "} {
		if !strings.Contains(body, want) {
			t.Errorf("health data of zaak %s lack %q", bz, want)
		}
	}
	if strings.Contains(body, `id="verslaving" name="verslaving" value="1" checked`) {
		t.Errorf("zaak %s: a mark the demo did not set is on", bz)
	}
	// The zaak page itself never shows them (they live only on their own page).
	if strings.Contains(tekst("/beheer/GM1681/zaken/"+bz), "Fictief (demo): brieven samen") {
		t.Errorf("zaak %s shows the health note on the zaak page", bz)
	}
}

// demoAanvragenOnderdelen: the resident's withdrawal, the suspension on the resident's status page (by
// the logged reference and code), and the Humanitas user's own list.
func demoAanvragenOnderdelen(t *testing.T, s *demoSessie, basis, out, log string) {
	t.Helper()
	id := demoLogID(t, log, "demo: aanvraag ingetrokken door de inwoner", "GM1681", "aanvraag")
	if st, _, body := s.get("/beheer/GM1681/aanvragen/" + id); st != 200 || !strings.Contains(strings.ToLower(body), "ingetrokken") {
		t.Errorf("withdrawn application %s: %d, not shown as withdrawn", id, st)
	}
	ref := demoLogID(t, log, "demo: aanvraag met hersteltermijn (status: /aanvragen/status)", "GM1681", "referentie")
	code := demoLogID(t, log, "demo: aanvraag met hersteltermijn (status: /aanvragen/status)", "GM1681", "code")
	resp, err := http.PostForm(basis+"aanvragen/status", url.Values{"referentie": {ref}, "code": {code}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	vanaf := vandaagNL().AddDate(0, 0, -demoAanvraagDagen+1)
	want := fmt.Sprintf("staat stil sinds %d %s %d", vanaf.Day(), []string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
		"augustus", "september", "oktober", "november", "december"}[vanaf.Month()-1], vanaf.Year())
	if resp.StatusCode != 200 || !strings.Contains(html.UnescapeString(string(b)), want) {
		t.Errorf("status page of %s: %d, lacks %q", ref, resp.StatusCode, want)
	}
	h := demoLogin(t, basis, out, "humanitas.gm1969@demo.zeker.test")
	if st, _, body := h.get("/beheer/GM1969/mijn-aanvragen"); st != 200 || !strings.Contains(body, "Aanvraag 1 tot en met 2 van 2") || !strings.Contains(body, "Demo Humanitas GM1969") {
		t.Errorf("mijn-aanvragen of the Humanitas user: %d, not its two applications", st)
	}
}

// demoNetwerkOnderdelen: Ommen's year of referrals on the counts page, per partner and per need, with
// the suppression the page applies (counts rounded to 5, "< 5", no percentages below 100).
func demoNetwerkOnderdelen(t *testing.T, basis, out, log string) {
	t.Helper()
	if n := demoLogID(t, log, "demo: verwijzingen over het jaar", "GM0175", "verwijzingen"); n != fmt.Sprint(demoJaarAantal) {
		t.Errorf("year of referrals in Ommen: %s, want %d", n, demoJaarAantal)
	}
	b, _ := demoJaarPeriode(time.Now())
	s := demoLogin(t, basis, out, "beleidsmedewerker.gm0175@demo.zeker.test")
	st, _, body := s.get(fmt.Sprintf("/beheer/GM0175/verwijzingscijfers?periode=%d", b.Year()))
	if st != 200 {
		t.Fatalf("verwijzingscijfers of GM0175: %d", st)
	}
	m := regexp.MustCompile(`scope="row">Alle verwijzingen</th><td class="utrecht-table__cell">(\d+)</td>`).FindStringSubmatch(body)
	if m == nil || m[1] == "0" || len(m[1]) < 2 {
		t.Errorf("verwijzingscijfers of GM0175 in %d: total %v, want the year's referrals (a multiple of 5, at least 30)", b.Year(), m)
	}
	for _, want := range []string{">Humanitas</th>", ">Budgetcoaching</th>", "&lt; 5", "minder dan 100 verwijzingen in de noemer"} {
		if !strings.Contains(body, want) {
			t.Errorf("verwijzingscijfers of GM0175 lack %q", want)
		}
	}
}

// demoCrawl logs in as every demo account, opens its printed start page and every link of its menu
// (the nav "Onderdelen"), and wants each to answer 200 after its redirects — the link "Andere gemeente"
// (/beheer/) too, which leads to the gemeente's start page: the debt-help roles once landed on a 403
// there after logging in.
func demoCrawl(t *testing.T, basis, out string) {
	t.Helper()
	rijen := regexp.MustCompile(`(?m)^  (\S+)\s+(\S+)\s+(\S+@demo\.zeker\.test)\s+\S+\s+(\S+)$`).FindAllStringSubmatch(out, -1)
	if len(rijen) < 4*7 {
		t.Fatalf("only %d demo accounts printed", len(rijen))
	}
	nav := regexp.MustCompile(`(?s)<nav aria-label="Onderdelen">(.*?)</nav>`)
	href := regexp.MustCompile(`href="(/[^"]*)"`)
	gezien := map[string]bool{}
	for _, r := range rijen {
		rol, email, start := auth.Rol(r[2]), r[3], strings.TrimPrefix(r[4], basis)
		s := demoLogin(t, basis, out, email)
		st, pad, body := s.get(start)
		if st != 200 {
			t.Errorf("%s: start page %s: %d at %s", email, start, st, pad)
			continue
		}
		n := nav.FindStringSubmatch(body)
		if n == nil {
			t.Errorf("%s: start page %s has no menu", email, start)
			continue
		}
		aantal := 0
		for _, l := range href.FindAllStringSubmatch(n[1], -1) {
			link := html.UnescapeString(l[1])
			aantal++
			gezien[link] = true
			if st, pad, _ := s.get(link); st != 200 {
				t.Errorf("%s (%s): menu link %s: %d at %s", email, rol, link, st, pad)
			}
		}
		if aantal < 2 {
			t.Errorf("%s: menu with %d links", email, aantal)
		}
	}
	if len(gezien) < 40 {
		t.Errorf("crawl saw %d distinct menu links, want the menus of every role of the four gemeenten", len(gezien))
	}
	// The public pages, and those of each gemeente.
	pub := []string{"/", "/login", "/privacy", "/toegankelijkheid", "/aanvragen/status", "/sociale-kaart/"}
	for _, gm := range []string{"GM1681", "GM0175", "GM0147", "GM1969"} {
		pub = append(pub, "/sociale-kaart/"+gm, "/sociale-kaart/"+gm+"/open-data.csv", "/sociale-kaart/"+gm+"/open-data.json", "/hulpvraag/"+gm)
	}
	for _, p := range pub {
		resp, err := http.Get(basis + strings.TrimPrefix(p, "/"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("public page %s: %d", p, resp.StatusCode)
		}
	}
}

// vandaagNL is today's date in the Netherlands (the services' zone), as midnight UTC.
func vandaagNL() time.Time {
	nl, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		nl = time.UTC
	}
	y, m, d := time.Now().In(nl).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
