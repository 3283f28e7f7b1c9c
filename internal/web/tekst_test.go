package web_test

import (
	"bytes"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/text"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// tekstPart has routes whose handlers send the text of field "tekst" to the database, as a handler
// that stores a note does: on PostgreSQL a NUL in it fails the query.
func tekstPart(k *web.Kit, db *store.DB, ontvangen *[]string) web.Part {
	opslaan := func(w http.ResponseWriter, r *http.Request) {
		v := r.FormValue("tekst")
		if err := r.ParseMultipartForm(1 << 20); err != nil && err != http.ErrNotMultipart {
			k.StaffError(w, r, http.StatusBadRequest, "multipart")
			return
		}
		var terug string
		if err := db.SQL().QueryRowContext(r.Context(), "SELECT $1", v).Scan(&terug); err != nil {
			k.InternalError(w, r, err)
			return
		}
		*ontvangen = append(*ontvangen, terug)
		w.WriteHeader(http.StatusNoContent)
	}
	eigen := func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
		w.Write([]byte("eigen antwoord; formulier gelezen: " + r.PostForm.Get("email")))
	}
	return web.Part{Name: "tekst", Routes: []web.Route{
		{Pattern: "POST /beheer/{gemeente}/tekst", Access: web.InGemeente, Permissie: auth.ZakenLezen, Handler: opslaan},
		{Pattern: "GET /beheer/{gemeente}/tekst", Access: web.InGemeente, Permissie: auth.ZakenLezen, Handler: opslaan},
		{Pattern: "POST /tekst", Access: web.Open, Handler: opslaan},
		{Pattern: "POST /eigen", Access: web.Public, Handler: opslaan, OngeldigeTekst: eigen},
	}}
}

// TestTekstAanDeRand: every key and value of a form and a query is checked before the handler; a NUL
// gave a 500 on PostgreSQL before.
func TestTekstAanDeRand(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := webtest.NieuweOmgeving(t, db, webtest.Opties{})
		var ontvangen []string
		o.Mount(tekstPart(o.Kit, db, &ontvangen))
		c := o.SessieAls("consulent")
		pad := "/beheer/" + webtest.Eigen + "/tekst"

		// Good text passes unchanged, also with line breaks and tabs in a value and letters beyond ASCII.
		goed := "Eerste regel\r\nTweede\tregel: café, € 12,50, ĳ"
		if a := o.Doe("POST", pad, c, url.Values{"tekst": {goed}}, nil); a.Status != http.StatusNoContent {
			t.Fatalf("good text: status %d\n%s", a.Status, a.Body)
		}
		if len(ontvangen) != 1 || ontvangen[0] != goed {
			t.Fatalf("handler got %q, want %q", ontvangen, goed)
		}

		// Staff pages: 422 naming the field and the reason; the handler is not reached.
		for _, tc := range []struct{ naam, body, want string }{
			{"NUL", "tekst=a%00b", "De tekst in het veld ‘tekst’ kunnen we niet opslaan. Deze tekst bevat een nul-teken (U+0000)."},
			{"invalid UTF-8", "tekst=a%FFb", "De tekst in het veld ‘tekst’ kunnen we niet opslaan. Deze tekst bevat tekens die we niet kunnen lezen"},
			{"C1 control", "andere_notitie=ok&tekst=x%C2%85", "het veld ‘tekst’"},
			{"escape", "tekst=%1B%5B31m", "een onzichtbaar stuurteken (U+001B)"},
			{"second value", "tekst=goed&tekst=a%00", "het veld ‘tekst’"},
			{"field name", "te%00kst=a", "De tekst in een veld van het formulier kunnen we niet opslaan."},
			{"other field", "andere_notitie=a%00", "het veld ‘andere notitie’"},
		} {
			a := o.DoeBody("POST", pad, c, strings.NewReader(tc.body), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
			if a.Status != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d, want 422\n%s", tc.naam, a.Status, a.Body)
				continue
			}
			if body := html.UnescapeString(a.Body); !strings.Contains(body, tc.want) || !strings.Contains(body, "Invoer niet opgeslagen") {
				t.Errorf("%s: page lacks %q", tc.naam, tc.want)
			}
		}
		// The query of a GET as well.
		if a := o.Doe("GET", pad+"?zoek=a%00b", c, nil, nil); a.Status != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(a.Body), "het veld ‘zoek’") {
			t.Errorf("GET with a NUL in the query: status %d", a.Status)
		}
		if len(ontvangen) != 1 {
			t.Errorf("the handler was reached with bad text: %q", ontvangen[1:])
		}
		// The guard comes first: without a session the answer is the login, not a text error.
		if a := o.Doe("GET", pad+"?zoek=a%00b", "", nil, nil); a.Status != http.StatusSeeOther {
			t.Errorf("anonymous with bad text: status %d, want 303 to login", a.Status)
		}

		// Resident pages: the catalogue text, in the language of the form.
		a := o.DoeBody("POST", "/tekst", "", strings.NewReader("tekst=a%00b"), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("resident: status %d", a.Status)
		}
		webtest.Bevat(t, a, "Teken niet gelezen", `lang="nl"`)
		a = o.DoeBody("POST", "/tekst", "", strings.NewReader("lang=en&tekst=a%00b"), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
		webtest.Bevat(t, a, "Character not read", "One of the answers contains a character we cannot read", `lang="en"`)

		// A route with its own answer gets the parsed form.
		a = o.DoeBody("POST", "/eigen", "", strings.NewReader("email=a%00b%40x.test"), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
		if a.Status != http.StatusTeapot || a.Body != "eigen antwoord; formulier gelezen: a\x00b@x.test" {
			t.Errorf("own answer: %d %q", a.Status, a.Body)
		}

		// A body that cannot be read (over the limit) is a 400, not an empty form.
		groot := "tekst=" + strings.Repeat("x", 70<<10)
		if a := o.DoeBody("POST", pad, c, strings.NewReader(groot), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}); a.Status != http.StatusBadRequest {
			t.Errorf("70 KiB form: status %d, want 400", a.Status)
		}
		if a := o.DoeBody("POST", "/tekst", "", strings.NewReader(groot), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}); a.Status != http.StatusBadRequest ||
			!strings.Contains(a.Body, "Wij konden het formulier niet lezen") {
			t.Errorf("70 KiB resident form: status %d, want 400 with fout.formulier", a.Status)
		}

		// A multipart body is the handler's to read (an upload checks its own text).
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("tekst", "multipart")
		mw.Close()
		if a := o.DoeBody("POST", pad, c, &buf, map[string]string{"Content-Type": mw.FormDataContentType()}); a.Status != http.StatusNoContent {
			t.Errorf("multipart: status %d, want 204", a.Status)
		}
	})
}

func TestTekstFout(t *testing.T) {
	got := web.TekstFout("reden_besluit", text.Check("a\x00"))
	want := "De tekst in het veld ‘reden besluit’ kunnen we niet opslaan. Deze tekst bevat een nul-teken (U+0000). Dat mag hier niet: haal het weg. Ga terug, pas de tekst aan en probeer het opnieuw."
	if got != want {
		t.Errorf("TekstFout:\ngot  %s\nwant %s", got, want)
	}
}
