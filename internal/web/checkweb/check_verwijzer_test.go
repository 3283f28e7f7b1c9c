package checkweb

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestOverdrachtVerwijzer: the public check reads a session when there is one, only to choose the
// hand-over sheet's referral line. A partner user (intermediair: verwijzingen.maken without
// zaken.lezen) gets the link to the prefilled form; nobody logged in (and a user who may not refer)
// gets "Werkt u bij een partnerorganisatie? Log in om door te verwijzen." linking to the login with
// the form as the way back; the gemeente's case worker is told a referral to a partner starts at a
// zaak. The result itself is the same for all of them, without login.
func TestOverdrachtVerwijzer(t *testing.T) {
	klok := wandelingDatum
	o := webtest.NieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{Nu: func() time.Time { return klok }})
	srv, err := nieuw(o.Kit, Config{Sleutel: webtest.CheckSleutel}, Deps{Catalogus: testCatalogus(t), Gemeenten: tenant.NewVast(tenant.Standaard())})
	if err != nil {
		t.Fatal(err)
	}
	o.Mount(srv.part())
	ts := &testSrv{server: srv, h: o.H, klok: &klok}
	f, _ := wandelingen[0].loop(t, ts, webtest.Eigen, "nl", "ander")
	if f.Resultaat == "" {
		t.Fatal("no result page")
	}
	linkRe := regexp.MustCompile(`<a [^>]*id="(verwijs-link|verwijs-login)" href="([^"]*)">([^<]*)</a>`)
	for _, c := range []struct {
		wie, id, tekst string
	}{
		{"", "verwijs-login", "Werkt u bij een partnerorganisatie? Log in om door te verwijzen."},
		{"intermediair", "verwijs-link", "Verwijs door naar de gemeente of een partner"},
		{"beleidsmedewerker", "verwijs-login", "Werkt u bij een partnerorganisatie? Log in om door te verwijzen."},
		{"consulent", "", "Dat doet u vanuit de zaak."},
	} {
		sessie := ""
		if c.wie != "" {
			sessie = o.SessieAls(c.wie)
		}
		a := o.Doe("GET", f.Resultaat, sessie, nil, nil)
		if a.Status != 200 || !strings.Contains(a.Body, `id="overdracht"`) {
			t.Fatalf("%s: status %d", c.wie, a.Status)
		}
		m := linkRe.FindStringSubmatch(a.Body)
		if c.id == "" {
			if m != nil || !strings.Contains(a.Body, c.tekst) {
				t.Errorf("%s: link %q, want only the text %q", c.wie, m, c.tekst)
			}
			continue
		}
		if m == nil || m[1] != c.id || html.UnescapeString(m[3]) != c.tekst {
			t.Errorf("%s: link %q, want %s %q", c.wie, m, c.id, c.tekst)
			continue
		}
		u, err := url.Parse(html.UnescapeString(m[2]))
		if err != nil {
			t.Fatal(err)
		}
		form := u.String()
		if c.id == "verwijs-login" {
			if u.Path != "/login" {
				t.Errorf("%s: login link %q", c.wie, u)
			}
			form = u.Query().Get("terug")
		}
		if !strings.HasPrefix(form, "/beheer/"+webtest.Eigen+"/verwijzingen/nieuw?bron=check&vraag=Uit+de+check") {
			t.Errorf("%s: the way to the form is %q", c.wie, form)
		}
	}
}
