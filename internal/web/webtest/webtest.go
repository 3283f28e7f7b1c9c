// Package webtest is what the tests of the web kit and its parts share: the rule catalogue and the
// fixed "today" of the tests, a staff environment on a real database (users per role, sessions,
// requests with a cookie) and a real Chromium with axe-core. It is imported by tests only.
package webtest

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

// Nu is the fixed "today" of the tests: every pack of the four gemeenten applies.
var Nu = time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)

// CheckSleutel is the key of the check's answers in tests.
var CheckSleutel = []byte("0123456789abcdef0123456789abcdef")

// Catalogus loads the national parameters and the rule packs.
func Catalogus(t testing.TB) *regels.Catalogus {
	t.Helper()
	params, err := nl.Load()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// Kit builds a kit without staff services (a server with only open routes).
func Kit(t testing.TB) *web.Kit {
	t.Helper()
	k, err := web.New(web.Config{}, web.Deps{Nu: func() time.Time { return Nu }})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// Handler mounts parts on k, failing the test on a mount error.
func Handler(t testing.TB, k *web.Kit, parts ...web.Part) http.Handler {
	t.Helper()
	h, err := k.Handler(parts...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

const (
	// Eigen is the gemeente where the test users have their role; Ander one where they have none.
	Eigen = "GM1681"
	Ander = "GM0175"
	// Wachtwoord is the password of every test user.
	Wachtwoord = "een-lang-wachtwoord-voor-de-test"
)

// Omgeving is a staff environment on a real database: the tenants, the platform services, a kit
// with them, and a user per role in Eigen plus a system administrator.
type Omgeving struct {
	T     testing.TB
	DB    *store.DB
	Auth  *auth.Service
	Audit *audit.Log
	// Partners are the partner organisations of the gemeenten (internal/partner).
	Partners *partner.Service
	Kit      *web.Kit
	H        http.Handler
	IDs      map[string]int64 // "beheerder", …, "systeembeheerder" → user id
	ip       int
}

// Opties tune an Omgeving.
type Opties struct {
	// Klok is the clock of the audit log (and the kit); nil means the real time in UTC.
	Klok func() time.Time
	// Nu is the kit's "today"; nil means Nu.
	Nu func() time.Time
	// Logger is the kit's logger (a test that reads the log); nil discards.
	Logger *slog.Logger
}

// NieuweOmgeving seeds the standard tenants in db and builds the services and the kit. Mount parts
// with o.Mount.
func NieuweOmgeving(t testing.TB, db *store.DB, opt Opties) *Omgeving {
	t.Helper()
	ctx := t.Context()
	klok := opt.Klok
	if klok == nil {
		klok = func() time.Time { return time.Now().UTC() }
	}
	nu := opt.Nu
	if nu == nil {
		nu = func() time.Time { return Nu }
	}
	if _, err := tenant.ZaaiStandaard(ctx, db, klok()); err != nil {
		t.Fatal(err)
	}
	as := auth.New(db, auth.Config{Hash: auth.HashParams{Geheugen: 1024, Passes: 1, Lanes: 1}})
	al, err := audit.New(db, []byte("web-test-sleutel-van-minstens-32-bytes!!"), klok)
	if err != nil {
		t.Fatal(err)
	}
	k, err := web.New(web.Config{}, web.Deps{Logger: opt.Logger, Nu: nu, Auth: as, Audit: al, Gemeenten: tenant.NewService(db), Ready: db.Ready})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := partner.New(partner.Config{DB: db, Audit: al, Klok: klok})
	if err != nil {
		t.Fatal(err)
	}
	o := &Omgeving{T: t, DB: db, Auth: as, Audit: al, Partners: ps, Kit: k, IDs: map[string]int64{}}
	for _, r := range auth.Rollen {
		g := o.Maak(string(r)+"@test.zeker.test", "Test "+string(r), false)
		if err := as.ZetRol(ctx, g.ID, Eigen, r); err != nil {
			t.Fatal(err)
		}
		o.IDs[string(r)] = g.ID
	}
	o.IDs["systeembeheerder"] = o.Maak("systeem@test.zeker.test", "Test systeembeheerder", true).ID
	return o
}

// Mount mounts parts on the environment's kit; requests go to the result.
func (o *Omgeving) Mount(parts ...web.Part) *Omgeving {
	o.H = Handler(o.T, o.Kit, parts...)
	return o
}

// Maak adds a user with the test password.
func (o *Omgeving) Maak(email, naam string, systeem bool) auth.Gebruiker {
	g, err := o.Auth.MaakGebruiker(o.T.Context(), auth.NieuweGebruiker{Email: email, Naam: naam, Wachtwoord: Wachtwoord, Systeembeheerder: systeem})
	if err != nil {
		o.T.Fatal(err)
	}
	return g
}

// Sessie logs in through the service (not the login page) and returns the session token.
func (o *Omgeving) Sessie(email string) string {
	o.T.Helper()
	tok, _, _, err := o.Auth.Login(o.T.Context(), auth.Inloggen{Email: email, Wachtwoord: Wachtwoord, IP: "192.0.2.250"})
	if err != nil {
		o.T.Fatal(err)
	}
	return tok
}

// SessieAls is Sessie for the test user of a role ("beheerder", …, "systeembeheerder").
func (o *Omgeving) SessieAls(rol string) string {
	if rol == "systeembeheerder" {
		return o.Sessie("systeem@test.zeker.test")
	}
	return o.Sessie(rol + "@test.zeker.test")
}

// Antwoord is a response as the tests read it.
type Antwoord struct {
	Status int
	Body   string
	Loc    string
	Hdr    http.Header
}

// Doe sends a request with the session cookie (if any) from its own client address; form, when not
// nil, is the urlencoded body.
func (o *Omgeving) Doe(method, pad, cookie string, form url.Values, hdr map[string]string) Antwoord {
	o.T.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
		if hdr == nil {
			hdr = map[string]string{}
		}
		hdr["Content-Type"] = "application/x-www-form-urlencoded"
	}
	return o.DoeBody(method, pad, cookie, body, hdr)
}

// DoeBody sends a request with any body.
func (o *Omgeving) DoeBody(method, pad, cookie string, body io.Reader, hdr map[string]string) Antwoord {
	o.T.Helper()
	req := httptest.NewRequestWithContext(o.T.Context(), method, pad, body)
	o.ip++
	req.RemoteAddr = "192.0.2." + strconv.Itoa(o.ip%250+1) + ":4000"
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: auth.CookieNaam(false), Value: cookie})
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	o.H.ServeHTTP(rec, req)
	return Antwoord{rec.Code, rec.Body.String(), rec.Header().Get("Location"), rec.Header()}
}

// Bevat fails t when the body of a lacks one of wil.
func Bevat(t testing.TB, a Antwoord, wil ...string) {
	t.Helper()
	for _, w := range wil {
		if !strings.Contains(a.Body, w) {
			t.Errorf("page (status %d) does not contain %q", a.Status, w)
		}
	}
}

// Partner makes a partner named naam that is a member of the gemeenten from a year before Nu, with no
// end, and returns its id.
func (o *Omgeving) Partner(naam string, gemeenten ...string) string {
	o.T.Helper()
	ctx := audit.WithActor(o.T.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	van := partner.Vandaag(Nu).AddDate(-1, 0, 0)
	p, err := o.Partners.Maak(ctx, partner.Nieuw{Naam: naam, Gemeente: gemeenten[0], Van: van})
	if err != nil {
		o.T.Fatal(err)
	}
	for _, gm := range gemeenten[1:] {
		if err := o.Partners.MaakLid(ctx, p.ID, gm, van, time.Time{}, 0); err != nil {
			o.T.Fatal(err)
		}
	}
	return p.ID
}
