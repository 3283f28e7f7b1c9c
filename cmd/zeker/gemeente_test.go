package main

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// The tenant is the one source of a gemeente's name, contact and whether it is offered: what a
// beheerder edits on "Gegevens van de gemeente" is what residents see on the check's pages and what
// zeker check prints.

func TestGemeenteEenBron(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		zetContact(t, o, "14 0591", "https://www.borger-odoorn.nl/minima", "Bel het Sociaal Team, we helpen u graag.")
		f := &webtest.Check{T: t, H: o.H}
		f.NaarResultaat(eigen)
		body := html.UnescapeString(f.Body)
		for _, want := range []string{"Bel het Sociaal Team, we helpen u graag.", `href="tel:14%200591"`, "https://www.borger-odoorn.nl/minima", "Open: ma-vr 9.00-12.00 uur"} {
			if !strings.Contains(body, want) && !strings.Contains(f.Body, want) {
				t.Errorf("result page lacks %q", want)
			}
		}
	})
}

func TestGemeenteInZekerCheck(t *testing.T) {
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "zeker.db")
	db, err := store.Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	o := nieuweStaffOmgeving(t, db)
	zetContact(t, o, "14 0591", "https://www.borger-odoorn.nl/minima", "Bel het Sociaal Team, we helpen u graag.")
	code, out, errOut := runZeker(t, "", "check", "--json", "--db", dsn, "--datum", "2026-01-01", voorbeeld("aow-paar.json")) // a household of GM1681
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Gemeente struct {
			Code, Naam string
			Contact    map[string]string `json:"contact"`
		} `json:"gemeente"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Gemeente.Naam != "Borger-Odoorn" || v.Gemeente.Contact["telefoon"] != "14 0591" ||
		v.Gemeente.Contact["website"] != "https://www.borger-odoorn.nl/minima" || v.Gemeente.Contact["tekst"] != "Bel het Sociaal Team, we helpen u graag." {
		t.Errorf("zeker check --json gemeente = %+v", v.Gemeente)
	}
	// Without --db: the standard data of the first four gemeenten.
	_, out, _ = runZeker(t, "", "check", "--datum", "2026-01-01", voorbeeld("aow-paar.json"))
	if !strings.Contains(out, "https://www.borger-odoorn.nl") || strings.Contains(out, "14 0591") {
		t.Errorf("zeker check without --db: want the standard contact\n%s", out)
	}
}

// zetContact edits the contact of eigen through the settings page as its beheerder.
func zetContact(t *testing.T, o *staffOmgeving, telefoon, website, tekst string) {
	t.Helper()
	a := o.doe("POST", "/beheer/"+eigen+"/instellingen", o.loginAls("beheerder"), url.Values{"telefoon": {telefoon}, "website": {website}, "tekst": {tekst}, "openingstijden": {"ma-vr 9.00-12.00 uur"}}, nil)
	if a.Status != http.StatusSeeOther {
		t.Fatalf("settings: status %d\n%s", a.Status, a.Body)
	}
}

// TestInactieveGemeenteNietAangeboden: a gemeente a system administrator switches off is not offered
// to residents, and a check started for it is refused.
func TestInactieveGemeenteNietAangeboden(t *testing.T) {
	o := nieuweStaffOmgeving(t, storetest.OpenTest(t))
	f := &webtest.Check{T: t, H: o.H}
	f.Get("/")
	if !strings.Contains(f.Body, `value="GM0175"`) {
		t.Fatal("Ommen not offered while active")
	}
	a := o.doe("POST", "/systeem/gemeenten/GM0175", o.loginAls("systeembeheerder"), url.Values{"naam": {"Ommen"}, "actief": {"nee"}}, nil)
	if a.Status != http.StatusSeeOther {
		t.Fatalf("switch off: %d\n%s", a.Status, a.Body)
	}
	f.Get("/")
	if strings.Contains(f.Body, `value="GM0175"`) || !strings.Contains(f.Body, `value="GM0147"`) {
		t.Error("start page: Ommen offered after it was switched off, or Borne missing")
	}
	f.Post("/check/start", url.Values{"gemeente": {"GM0175"}, "voor": {"zelf"}})
	if f.Status != http.StatusUnprocessableEntity {
		t.Errorf("start for an inactive gemeente: status %d, want 422", f.Status)
	}
}

// snakeCase is the form of every key of JSON that Zeker defines itself.
var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// jsonSleutels walks v and calls fn with the path and name of every object key.
func jsonSleutels(v any, pad string, fn func(pad, sleutel string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, w := range x {
			fn(pad, k)
			jsonSleutels(w, pad+"."+k, fn)
		}
	case []any:
		for _, w := range x {
			jsonSleutels(w, pad+"[]", fn)
		}
	}
}

// TestCheckJSONSnakeCase: zeker check --json speaks lower snake_case for every example household in
// every gemeente (docs/check-json.md). The two kinds of JSON that keep other names — the DDAS export
// (a national camelCase schema) and the published /api/v1 contract — are checked in their own packages.
func TestCheckJSONSnakeCase(t *testing.T) {
	voorbeelden, err := filepath.Glob(voorbeeld("*.json"))
	if err != nil || len(voorbeelden) < 4 {
		t.Fatalf("example households: %v %v", voorbeelden, err)
	}
	var fout []string
	for _, vb := range voorbeelden {
		for _, gm := range []string{"GM0147", "GM0175", "GM1681", "GM1969"} {
			code, out, errOut := runZeker(t, "", "check", "--json", "--gemeente", gm, "--datum", "2026-07-01", vb)
			if code != 0 {
				// a household of another gemeente: --gemeente is refused; run it without
				code, out, errOut = runZeker(t, "", "check", "--json", "--datum", "2026-07-01", vb)
				if code != 0 {
					t.Fatalf("%s: exit %d: %s", vb, code, errOut)
				}
			}
			var v any
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatal(err)
			}
			jsonSleutels(v, "$", func(pad, k string) {
				if !snakeCase.MatchString(k) {
					fout = append(fout, pad+"."+k)
				}
			})
		}
	}
	slices.Sort(fout)
	for _, k := range slices.Compact(fout) {
		t.Errorf("zeker check --json: key %s is not lower snake_case", k)
	}
}

// TestGemeenteThema: the theme a beheerder sets is on the gemeente's pages at once (/thema.css, which the
// layout links, holds the colours of the active gemeenten), and a text colour that is hard to read on
// the theme colour is refused.
func TestGemeenteThema(t *testing.T) {
	o := nieuweStaffOmgeving(t, storetest.OpenTest(t))
	c := o.loginAls("beheerder")
	a := o.doe("POST", "/beheer/"+eigen+"/instellingen", c, url.Values{"primair": {"#123456"}, "primair_tekst": {"#234567"}}, nil)
	if a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, "contrast") {
		t.Errorf("unreadable theme: status %d, want 422 naming the contrast", a.Status)
	}
	a = o.doe("POST", "/beheer/"+eigen+"/instellingen", c, url.Values{"primair": {"#4b0082"}, "primair_tekst": {"#ffffff"}}, nil)
	if a.Status != http.StatusSeeOther {
		t.Fatalf("theme: status %d\n%s", a.Status, a.Body)
	}
	css := o.doe("GET", "/thema.css", "", nil, nil)
	if css.Status != http.StatusOK || !strings.Contains(css.Body, ".zeker-gemeente-gm1681 { --zeker-primair: #4b0082; --zeker-primair-tekst: #ffffff; }") {
		t.Errorf("thema.css (%d):\n%s", css.Status, css.Body)
	}
	if css.Hdr.Get("Cache-Control") != "no-cache" || css.Hdr.Get("ETag") == "" {
		t.Errorf("thema.css caching: %q %q", css.Hdr.Get("Cache-Control"), css.Hdr.Get("ETag"))
	}
	f := &webtest.Check{T: t, H: o.H}
	f.Post("/check/start", url.Values{"gemeente": {eigen}, "voor": {"zelf"}})
	if !strings.Contains(f.Body, `class="utrecht-root voorbeeld-theme zeker-gemeente-gm1681"`) || !strings.Contains(f.Body, `href="/thema.css"`) {
		t.Error("the check's page of the gemeente lacks its theme class or the theme stylesheet")
	}
}
