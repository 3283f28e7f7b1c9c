package main

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The end-to-end tests of the web application: the handler bouwWeb builds for zeker serve and zeker
// demo, with every part, on a real database.

const (
	eigen          = webtest.Eigen
	ander          = webtest.Ander
	testWachtwoord = webtest.Wachtwoord
)

type antwoord = webtest.Antwoord

type staffOmgeving struct {
	*webtest.Omgeving
	parts []web.Part
}

// nieuweStaffOmgeving builds the whole application on db, with the test users of webtest.
func nieuweStaffOmgeving(t *testing.T, db *store.DB) *staffOmgeving {
	t.Helper()
	o := &staffOmgeving{Omgeving: webtest.NieuweOmgeving(t, db, webtest.Opties{})}
	st, err := opslag.New(opslag.Config{DB: db, Audit: o.Audit})
	if err != nil {
		t.Fatal(err)
	}
	zk, err := zaken.New(zaken.Config{DB: db, Audit: o.Audit})
	if err != nil {
		t.Fatal(err)
	}
	h, parts, err := bouwWeb(webOpties{checkKey: webtest.CheckSleutel}, webDiensten{db: db, cat: webtest.Catalogus(t),
		audit: o.Audit, auth: o.Auth, sig: st, zaken: zk, nu: func() time.Time { return webtest.Nu },
		zoeker: func(context.Context, string) (signalen.Zoeker, error) { return nil, nil }})
	if err != nil {
		t.Fatal(err)
	}
	o.H, o.parts = h, parts
	return o
}

// alleRoutes is every route of the application: the kit's own and every part's.
func alleRoutes(t *testing.T) []web.Route {
	t.Helper()
	o := nieuweStaffOmgeving(t, storetest.OpenTest(t))
	routes := web.EigenRoutes()
	for _, p := range o.parts {
		routes = append(routes, p.Routes...)
	}
	return routes
}

func (o *staffOmgeving) doe(method, pad, cookie string, form url.Values, hdr map[string]string) antwoord {
	o.T.Helper()
	return o.Doe(method, pad, cookie, form, hdr)
}

func (o *staffOmgeving) loginAls(rol string) string { return o.SessieAls(rol) }
