package scanweb

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// The scan page tests run the real kit (templates, middleware, guard) with this part on a real
// database.

const (
	eigen = webtest.Eigen
	ander = webtest.Ander
)

type antwoord = webtest.Antwoord

type staffOmgeving struct{ *webtest.Omgeving }

func nieuweStaffOmgeving(t *testing.T, db *store.DB) *staffOmgeving {
	t.Helper()
	o := &staffOmgeving{webtest.NieuweOmgeving(t, db, webtest.Opties{})}
	part, err := New(o.Kit, Deps{Scan: &scan.Service{DB: db, Catalogus: webtest.Catalogus(t), Audit: o.Audit}, Jobs: jobs.NewQueue(db),
		// The proposals are judged in the aanvragen inbox, as the composition root wires it.
		Beoordelen: func(gm string, id int64) string { return fmt.Sprintf("/beheer/%s/aanvragen/voorstellen/%d", gm, id) }})
	if err != nil {
		t.Fatal(err)
	}
	o.Mount(part)
	return o
}

func (o *staffOmgeving) doe(method, pad, cookie string, form url.Values, hdr map[string]string) antwoord {
	o.T.Helper()
	return o.Doe(method, pad, cookie, form, hdr)
}

// loginAls returns a session of the test user of a role (through the auth service: the login page is
// another part's).
func (o *staffOmgeving) loginAls(rol string) string { return o.SessieAls(rol) }

func bevat(t *testing.T, a antwoord, wil ...string) {
	t.Helper()
	webtest.Bevat(t, a, wil...)
}

// startStaffBrowser starts Chromium with this part on a SQLite database.
func startStaffBrowser(t *testing.T) (*webtest.Browser, *staffOmgeving) {
	t.Helper()
	webtest.BrowserAan(t)
	o := nieuweStaffOmgeving(t, storetest.OpenTest(t))
	return webtest.StartBrowser(t, o.H), o
}
