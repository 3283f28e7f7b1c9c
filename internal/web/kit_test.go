package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func testKit(t testing.TB) *Kit {
	t.Helper()
	k, err := New(Config{}, Deps{})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestSkelet checks that the pre-rendered layout gives what base.html gives through html/template.
func TestSkelet(t *testing.T) {
	k := testKit(t)
	for sleutel, sk := range k.skeletten {
		l := k.talen.Taal(sleutel.taal, sleutel.ander)
		vc, err := k.VoetContact(l, Contact{Naam: "Borne", URL: "https://example.org/?a=1&b=2", Telefoon: "14 074"})
		if err != nil {
			t.Fatal(err)
		}
		for i, thema := range []string{"", "zeker-gemeente-gm0147"} {
			voet := vc
			if i == 0 {
				voet = "" // a page of no gemeente
			}
			hier := "/check/resultaat?t=Ab-_9"
			p := &foutData{Bericht: "inhoud <en zo>"}
			k.VulPagina(&p.Page, l, "Titel & zo", hier)
			p.Thema, p.VoetContact = thema, voet
			want := k.renderNaar(t, "fout", p)
			var b bytes.Buffer
			sk.Schrijf(&b, &SkeletWaarden{Thema: thema, Titel: "Titel & zo", VoetContact: voet,
				TaalURL: func(code string) string { return "/check/resultaat?lang=" + code + "&t=Ab-_9" },
				Inhoud: func(b *bytes.Buffer) {
					b.WriteString(strings.SplitN(strings.SplitN(want, "tabindex=\"-1\">\n", 2)[1], "\n</main>", 2)[0])
				}})
			if b.String() != want {
				t.Errorf("%v thema %q: layout differs\n got: %s\nwant: %s", sleutel, thema, b.String(), want)
			}
		}
	}
}

// renderNaar renders a page template to a string, as render does.
func (k *Kit) renderNaar(t *testing.T, name string, data PageData) string {
	t.Helper()
	tm := k.eigen.sets[pageKey{name, taalSleutel{data.Layout().L.Code, data.Layout().L.Ander}}]
	var b bytes.Buffer
	if err := tm.ExecuteTemplate(&b, "base.html", data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestSplitsSkeletMarkerOntbreekt(t *testing.T) {
	if _, err := splitsSkelet("<html>"+markThema+markTitel+markVoet+"</html>", nil); err == nil || !strings.Contains(err.Error(), markInhoud) {
		t.Errorf("missing content marker: err = %v", err)
	}
	if _, err := splitsSkelet(markThema+markTitel+markVoet+markInhoud+markInhoud, nil); err == nil {
		t.Error("double marker accepted")
	}
}

func TestPaniekGeeftVriendelijke500(t *testing.T) {
	k := testKit(t)
	h := k.recoverer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("geheim detail 999912345") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != 500 {
		t.Fatalf("status %d", rec.Code)
	}
	if b := rec.Body.String(); strings.Contains(b, "geheim") || !strings.Contains(b, "Dat ligt niet aan u") {
		t.Errorf("500 page leaks details or is not friendly")
	}
}

// TestVoetContact: the footer entry gives a gemeente's website, phone and e-mail as links, its text
// when it has none of those, and never a link that is not http(s), tel or mailto.
func TestVoetContact(t *testing.T) {
	k := testKit(t)
	nl := k.talen.Taal("nl", false)
	for _, tc := range []struct {
		c          Contact
		want, niet []string
	}{
		{Contact{Naam: "Borne", Tekst: "Kom langs.", URL: "https://www.borne.nl"},
			[]string{"Contact met de gemeente Borne:", `<a class="utrecht-link utrecht-link--html-a" href="https://www.borne.nl" rel="noreferrer">https://www.borne.nl</a>`}, []string{"Kom langs."}},
		{Contact{Naam: "Ommen", Tekst: "Bel het Samen Doen Team.", Telefoon: "0529 459 100", Email: "info@example.org"},
			[]string{`href="tel:0529%20459%20100"`, `href="mailto:info@example.org"`}, []string{"Bel het"}},
		{Contact{Naam: "Westerkwartier", Tekst: "Neem contact op <met> ons."},
			[]string{"Contact met de gemeente Westerkwartier: Neem contact op &lt;met&gt; ons.</li>"}, []string{"<a "}},
		{Contact{Naam: "X", Tekst: "Bel ons.", URL: "javascript:alert(1)"}, []string{"X: Bel ons.</li>"}, []string{"javascript:", "<a "}},
	} {
		got, err := k.VoetContact(nl, tc.c)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(got), w) {
				t.Errorf("%s: %s lacks %s", tc.c.Naam, got, w)
			}
		}
		for _, w := range tc.niet {
			if strings.Contains(string(got), w) {
				t.Errorf("%s: %s has %s", tc.c.Naam, got, w)
			}
		}
	}
}

// TestVandaagAmsterdam: today is the date in Europe/Amsterdam, not in UTC. At 23:30 on 31 December in
// Amsterdam (22:30 UTC) it is still 2026; at 00:30 on 1 January in Amsterdam (23:30 UTC on 31 December)
// it is 2027 — the UTC date gave 2026 there. Summer time: 23:30 UTC on 30 June is 1 July.
func TestVandaagAmsterdam(t *testing.T) {
	for _, c := range []struct {
		nu   time.Time
		wil  string
		jaar int
	}{
		{time.Date(2026, 12, 31, 22, 30, 0, 0, time.UTC), "2026-12-31", 2026},
		{time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), "2027-01-01", 2027},
		{time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC), "2026-07-01", 2026},
		{time.Date(2026, 6, 30, 21, 30, 0, 0, time.UTC), "2026-06-30", 2026},
	} {
		k, err := New(Config{}, Deps{Nu: func() time.Time { return c.nu }})
		if err != nil {
			t.Fatal(err)
		}
		v := k.VandaagUTC()
		if v.Format("2006-01-02") != c.wil || v.Year() != c.jaar || v.Location() != time.UTC || v.Hour() != 0 {
			t.Errorf("%s: %s, want %s at midnight UTC", c.nu, v, c.wil)
		}
	}
}
