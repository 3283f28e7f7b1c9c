package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/zeker-platform/zeker/internal/apiv1"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/beheerweb"
	"github.com/zeker-platform/zeker/internal/web/checkweb"
	"github.com/zeker-platform/zeker/internal/web/netwerkweb"
	"github.com/zeker-platform/zeker/internal/web/partnerweb"
	"github.com/zeker-platform/zeker/internal/web/scanweb"
	"github.com/zeker-platform/zeker/internal/web/signalenweb"
)

// The composition root of the web application: the only place that knows every part. It builds the
// kit with the platform services, builds each part with the kit and only its own services, and mounts
// them all in one loop (web.Kit.Handler). A new part is one more line in bouwWeb.

// webOpties are the settings of the web application.
type webOpties struct {
	behindTLS      bool
	checkKey       []byte
	clientIPHeader string
}

// webDiensten are the services the parts are built from.
type webDiensten struct {
	db    *store.DB
	cat   *regels.Catalogus
	audit *audit.Log
	auth  *auth.Service
	sig   *opslag.Store
	// partners: nil builds one on db; either way merging moves the keys of auth and the signals of sig.
	partners *partner.Service
	zoeker   func(ctx context.Context, gemeente string) (signalen.Zoeker, error)
	log      *slog.Logger
	nu       func() time.Time // nil: time.Now
}

// bouwWeb returns the handler of the whole web application and the parts it mounted (their routes are
// what the authorization matrix walks).
func bouwWeb(o webOpties, d webDiensten) (http.Handler, []web.Part, error) {
	db, cat := d.db, d.cat
	// One tenant register for the kit, the staff pages and the check: an edit by a beheerder drops the
	// register's cache, so the resident pages show it at once.
	gemeenten := tenant.NewService(db)
	kit, err := web.New(web.Config{BehindTLS: o.behindTLS, ClientIPHeader: o.clientIPHeader},
		web.Deps{Logger: d.log, Nu: d.nu, Auth: d.auth, Audit: d.audit, Gemeenten: gemeenten,
			Ready: func(ctx context.Context) error {
				if len(cat.Gemeenten()) == 0 {
					return errors.New("geen regelpakketten")
				}
				return db.Ready(ctx)
			}})
	if err != nil {
		return nil, nil, err
	}
	queue := jobs.NewQueue(db)
	partners := d.partners
	if partners == nil {
		if partners, err = nieuwePartners(db, d.audit, d.auth, d.sig); err != nil {
			return nil, nil, err
		}
	} else {
		partners = partners.MetVerhuizers(verhuizers(d.auth, d.sig)...)
	}
	check, err := checkweb.New(kit, checkweb.Config{Sleutel: o.checkKey}, checkweb.Deps{Catalogus: cat, Gemeenten: gemeenten})
	if err != nil {
		return nil, nil, err
	}
	beheer, err := beheerweb.New(kit, beheerweb.Deps{Jobs: queue, Partners: partners})
	if err != nil {
		return nil, nil, err
	}
	sig, err := signalenweb.New(kit, signalenweb.Deps{Store: d.sig, Zoeker: d.zoeker, Partners: partners})
	if err != nil {
		return nil, nil, err
	}
	sc, err := scanweb.New(kit, scanweb.Deps{Scan: &scan.Diensten{DB: db, Catalogus: cat, Audit: d.audit}, Jobs: queue})
	if err != nil {
		return nil, nil, err
	}
	pw, err := partnerweb.New(kit, partnerweb.Deps{Partners: partners})
	if err != nil {
		return nil, nil, err
	}
	ns, err := netwerk.New(netwerk.Config{DB: db, Audit: d.audit, Partners: partners, Catalogus: cat, Klok: d.nu})
	if err != nil {
		return nil, nil, err
	}
	nw, err := netwerkweb.New(kit, netwerkweb.Deps{Netwerk: ns})
	if err != nil {
		return nil, nil, err
	}
	api := apiv1.Routes(apiv1.Deps{Auth: d.auth, Signalen: d.sig, Zoeker: d.zoeker, Log: d.log})
	parts := []web.Part{check, beheer, pw, nw, sig, sc, api}
	h, err := kit.Handler(parts...)
	if err != nil {
		return nil, nil, fmt.Errorf("web: %w", err)
	}
	return h, parts, nil
}

// nieuwePartners builds the partner register with the parts that hold partner ids as its movers.
func nieuwePartners(db *store.DB, al *audit.Log, as *auth.Service, sig *opslag.Store) (*partner.Service, error) {
	return partner.New(partner.Config{DB: db, Audit: al, Verhuizers: verhuizers(as, sig)})
}

// verhuizers are what moves when two partners are merged: every part that holds a partner id adds
// its Verhuizer here (zaken will).
func verhuizers(as *auth.Service, sig *opslag.Store) []partner.Verhuizer {
	return []partner.Verhuizer{
		{Naam: "API-sleutels", Verhuizen: as.VerhuisSleutels},
		{Naam: "signalen", Verhuizen: sig.VerhuisSignalen},
		{Naam: "diensten en locaties van de sociale kaart", Verhuizen: netwerk.VerhuisAanbod},
	}
}
