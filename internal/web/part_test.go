package web_test

import (
	"embed"
	"net/http"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// A test-only part: one handler, one template and one route row. Adding a staff page touches its part
// only: the kit mounts and renders it, puts it in the menu, and the authorization matrix walks its route,
// with no edit outside this file (and its template).

//go:embed testdata/proef/*.html
var proefFS embed.FS

type proefData struct {
	web.StaffPage
	Tekst string
}

func proefPart(t testing.TB, k *web.Kit) web.Part {
	t.Helper()
	pages, err := k.Pages(web.Templates{FS: proefFS, Dir: "testdata/proef", Staff: true})
	if err != nil {
		t.Fatal(err)
	}
	h := func(w http.ResponseWriter, r *http.Request) {
		g, err := k.Gemeente(r)
		if err != nil {
			k.Error(w, r, err, "")
			return
		}
		d := &proefData{Tekst: "<b>veilig</b>"}
		k.VulStaff(&d.StaffPage, r, "Proef", &g)
		pages.Render(w, r, http.StatusOK, "proef", d)
	}
	return web.Part{Name: "proef",
		Routes: []web.Route{{Pattern: "GET /beheer/{gemeente}/proef", Access: web.InGemeente, Permissie: auth.ZakenLezen, Activiteit: "proef.inzien", Handler: h}},
		Menu:   []web.MenuItem{{Titel: "Proef", Uitleg: "Een proefpagina.", Pad: "/proef", Permissie: auth.ZakenLezen, Volgorde: 55}}}
}

func TestPartAlleenInZijnPakket(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := webtest.NieuweOmgeving(t, db, webtest.Opties{})
		part := proefPart(t, o.Kit)
		o.Mount(part)
		a := o.Doe("GET", "/beheer/"+webtest.Eigen+"/proef", o.SessieAls("consulent"), nil, nil)
		if a.Status != http.StatusOK {
			t.Fatalf("proef: status %d\n%s", a.Status, a.Body)
		}
		webtest.Bevat(t, a, `id="proef">Proefpagina van Borger-Odoorn: &lt;b&gt;veilig&lt;/b&gt;`,
			`<strong>Proef</strong>`, // the menu entry, current page
			"<title>Proef – Zeker</title>")
		if n := o.Matrix(t, part.Routes); n != 12 {
			t.Errorf("matrix made %d requests, want 12 (1 route × 6 callers × 2 gemeenten)", n)
		}
		// A beheerder has no zaken.lezen: the page is refused and, as it is personal data, logged.
		if a := o.Doe("GET", "/beheer/"+webtest.Eigen+"/proef", o.SessieAls("beheerder"), nil, nil); a.Status != http.StatusForbidden ||
			!strings.Contains(a.Body, "Je mag dit niet doen in deze gemeente") {
			t.Errorf("beheerder: status %d", a.Status)
		}
	})
}

// TestMountConflict: two parts with the same route are a start-up error, not a panic.
func TestMountConflict(t *testing.T) {
	k := webtest.Kit(t)
	p := web.Part{Name: "a", Routes: []web.Route{{Pattern: "GET /x", Handler: func(http.ResponseWriter, *http.Request) {}}}}
	q := web.Part{Name: "b", Routes: []web.Route{{Pattern: "GET /x", Handler: func(http.ResponseWriter, *http.Request) {}}}}
	if _, err := k.Handler(p, q); err == nil || !strings.Contains(err.Error(), "GET /x") {
		t.Errorf("conflict: err = %v", err)
	}
	// A staff route on a kit without staff services is refused at mount.
	r := web.Part{Name: "c", Routes: []web.Route{{Pattern: "GET /y", Access: web.LoggedIn, Handler: func(http.ResponseWriter, *http.Request) {}}}}
	if _, err := k.Handler(r); err == nil || !strings.Contains(err.Error(), "Auth") {
		t.Errorf("staff route without services: err = %v", err)
	}
}

// TestFoutSoortNaarPagina: each error kind gets its status page.
func TestFoutSoortNaarPagina(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{errs.NotFound, 404}, {errs.Conflict, 409}, {errs.Constraint, 422}, {errs.Busy, 503}, {errs.Invalid, 422}, {errs.Forbidden, 403}, {http.ErrBodyNotAllowed, 500},
	} {
		if got, _ := web.StatusVan(tc.err); got != tc.want {
			t.Errorf("%v: status %d, want %d", tc.err, got, tc.want)
		}
	}
}
