package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/apiv1"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/clamd"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/aanvraagweb"
	"github.com/zeker-platform/zeker/internal/web/beheerweb"
	"github.com/zeker-platform/zeker/internal/web/budgetweb"
	"github.com/zeker-platform/zeker/internal/web/checkweb"
	"github.com/zeker-platform/zeker/internal/web/monitorweb"
	"github.com/zeker-platform/zeker/internal/web/netwerkweb"
	"github.com/zeker-platform/zeker/internal/web/partnerweb"
	"github.com/zeker-platform/zeker/internal/web/scanweb"
	"github.com/zeker-platform/zeker/internal/web/signalenweb"
	"github.com/zeker-platform/zeker/internal/web/zakenweb"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The composition root of the web application: the only place that knows every part. It builds the
// kit with the platform services, builds each part with the kit and only its own services, and mounts
// them all in one loop (web.Kit.Handler). A new part is one more line in bouwWeb.

// webOpties are the settings of the web application.
type webOpties struct {
	behindTLS      bool
	checkKey       []byte
	clientIPHeader string
	// clamd scans the residents' uploads; nil: none.
	clamd *clamd.Scanner
	// opslag keeps the residents' documents; nil: in the database.
	opslag aanvragen.Opslag
}

// webDiensten are the services the parts are built from.
type webDiensten struct {
	db    *store.DB
	cat   *regels.Catalogus
	audit *audit.Log
	auth  *auth.Service
	sig   *opslag.Service
	zaken *zaken.Service // nil: no zaken pages
	// partners: nil builds one on db; either way merging moves the keys of auth and the signals of sig.
	partners *partner.Service
	zoeker   func(ctx context.Context, gemeente string) (signalen.Zoeker, error)
	log      *slog.Logger
	nu       func() time.Time // nil: time.Now
	// basisURL is where users reach Zeker, for links in mail ("": notices without a link).
	basisURL string
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
	gids := nieuwePartnerGids(partners)
	check, lezer, err := checkweb.NewMetLezer(kit, checkweb.Config{Sleutel: o.checkKey, AanvraagActie: aanvraagweb.ActieVanCheck},
		checkweb.Deps{Catalogus: cat, Gemeenten: gemeenten, Partners: gids})
	if err != nil {
		return nil, nil, err
	}
	ac := aanvragen.Config{DB: db, Audit: d.audit, Catalogus: cat, Klok: d.nu, Opslag: o.opslag, BasisURL: d.basisURL}
	if o.clamd != nil {
		ac.Scanner = o.clamd
	}
	as, err := aanvragen.New(ac)
	if err != nil {
		return nil, nil, err
	}
	scans := &scan.Service{DB: db, Catalogus: cat, Audit: d.audit}
	av, err := aanvraagweb.New(kit, aanvraagweb.Deps{Aanvragen: as, Check: checkVoorAanvraag(lezer), PartnerVan: partnerVanMedewerker(partners),
		Voorstellen: &ambtshalveInbox{scan: scans, as: as, gemeenten: gemeenten}})
	if err != nil {
		return nil, nil, err
	}
	beheer, err := beheerweb.New(kit, beheerweb.Deps{Jobs: queue, Partners: partners, Mail: mail.NewOutbox(db)})
	if err != nil {
		return nil, nil, err
	}
	var zaakBij func(ctx context.Context, gm string, id int64) (string, string, error)
	if d.zaken != nil {
		zaakBij = func(ctx context.Context, gm string, id int64) (string, string, error) {
			z, ok, err := d.zaken.ZaakVanVroegsignaal(ctx, gm, id)
			if err != nil || !ok {
				return "", zakenweb.VanVroegsignaalURL(gm, id), err
			}
			return zakenweb.ZaakURL(gm, z), "", nil
		}
	}
	sig, err := signalenweb.New(kit, signalenweb.Deps{Signalen: d.sig, Zoeker: d.zoeker, Partners: partners, ZaakBij: zaakBij})
	if err != nil {
		return nil, nil, err
	}
	sc, err := scanweb.New(kit, scanweb.Deps{Scan: scans, Jobs: queue, Beoordelen: ambtshalveBeoordelen})
	if err != nil {
		return nil, nil, err
	}
	pw, err := partnerweb.New(kit, partnerweb.Deps{Partners: partners})
	if err != nil {
		return nil, nil, err
	}
	ns, err := netwerk.New(netwerk.Config{DB: db, Audit: d.audit, Partners: partners, Catalogus: cat, Klok: d.nu, BasisURL: d.basisURL})
	if err != nil {
		return nil, nil, err
	}
	gids.netwerk = ns // opening hours of the partners that run regelingen, for the check
	nw, err := netwerkweb.New(kit, netwerkweb.Deps{Netwerk: ns, Bronnen: verwijsBronnen(d.zaken, d.sig)})
	if err != nil {
		return nil, nil, err
	}
	mon, err := monitorweb.New(kit, monitorweb.Deps{Catalogus: cat, Populaties: &scan.Service{DB: db, Catalogus: cat, Audit: d.audit},
		Afspraken: monitorAfsprakenMetMetingen(ns), Verwijzingscijfers: monitorVerwijzingscijfers(ns), ZaakIndicatoren: monitorZaakIndicatoren(d.zaken)})
	if err != nil {
		return nil, nil, err
	}
	bs, err := budget.New(budget.Config{DB: db, Audit: d.audit, Klok: d.nu})
	if err != nil {
		return nil, nil, err
	}
	bd := budgetweb.Deps{Budget: bs, Partners: partners}
	if d.zaken != nil {
		bd.ZaakURL = zakenweb.ZaakURL
	}
	bw, err := budgetweb.New(kit, bd)
	if err != nil {
		return nil, nil, err
	}
	parts := []web.Part{check, beheer, pw, nw, sig, sc, mon, av, bw}
	if d.zaken != nil {
		zk, err := zakenweb.New(kit, zakenweb.Deps{Zaken: d.zaken, Vroegsignaal: vroegsignaalVoorZaak(d.sig), Partners: partners,
			BudgetAanvragen: zaakBudgetAanvragen(bs), Params: cat.Params()})
		if err != nil {
			return nil, nil, err
		}
		parts = append(parts, zk)
	}
	api := apiv1.Routes(apiv1.Deps{Auth: d.auth, Signalen: d.sig, Zoeker: d.zoeker, Log: d.log})
	parts = append(parts, api)
	h, err := kit.Handler(parts...)
	if err != nil {
		return nil, nil, fmt.Errorf("web: %w", err)
	}
	return h, parts, nil
}

// nieuwePartners builds the partner register with the parts that hold partner ids as its movers.
func nieuwePartners(db *store.DB, al *audit.Log, as *auth.Service, sig *opslag.Service) (*partner.Service, error) {
	return partner.New(partner.Config{DB: db, Audit: al, Verhuizers: verhuizers(as, sig)})
}

// verhuizers are what moves when two partners are merged: every part that holds a partner id adds
// its Verhuizer here.
func verhuizers(as *auth.Service, sig *opslag.Service) []partner.Verhuizer {
	return []partner.Verhuizer{
		{Naam: "API-sleutels", Verhuizen: as.VerhuisSleutels},
		{Naam: "signalen", Verhuizen: sig.VerhuisSignalen},
		{Naam: "diensten en locaties van de sociale kaart", Verhuizen: netwerk.VerhuisAanbod},
		{Naam: "verwijzingen", Verhuizen: netwerk.VerhuisVerwijzingen},
		{Naam: "netwerkafspraken", Verhuizen: netwerk.VerhuisAfspraken},
		{Naam: "medewerkers van de partner", Verhuizen: partner.VerhuisMedewerkers},
		{Naam: "nazorg en acties van zaken", Verhuizen: zaken.VerhuisPartner},
		{Naam: "aanvragen van partnermedewerkers", Verhuizen: aanvragen.VerhuisPartner},
		{Naam: "budgetten", Verhuizen: budget.Verhuis},
	}
}

// vroegsignaalVoorZaak reads what a zaak takes from a vroegsignaalzaak: the household, the first
// receipt (the clock of Wgs art. 4 lid 1 onder b), the crisis kind of art. 4 lid 2 and all its signals
// (read page by page; each page is a read in the processing log, as on the vroegsignaalzaak's page).
func vroegsignaalVoorZaak(st *opslag.Service) func(ctx context.Context, gm string, id int64) (zaken.Vroegsignaal, error) {
	return func(ctx context.Context, gm string, id int64) (zaken.Vroegsignaal, error) {
		var v zaken.Vroegsignaal
		for vanaf := 0; ; vanaf += opslag.SignalenPerPagina {
			det, err := st.Zaak(ctx, gm, id, vanaf)
			if err != nil {
				return v, err
			}
			z := det.Zaak
			v.ID, v.HuishoudenID, v.Woonplaats, v.Ontvangen, v.Crisis = z.ID, z.HuishoudenID, z.Woonplaats, z.EersteOntvangst, z.Crisis
			for _, o := range det.Signalen {
				sg := zaken.Signaal{Partner: o.Partner, PartnerType: string(o.PartnerType), Bedrag: o.Bedrag, Ontstaansdatum: o.Ontstaansdatum}
				if o.Crisis {
					sg.CrisisSoort = string(o.CrisisSoort)
					if v.CrisisSoort == "" {
						v.CrisisSoort = crisisVanSignaal(o.CrisisSoort)
					}
				}
				v.Signalen = append(v.Signalen, sg)
				if o.Inwoner.BSN != "" {
					v.BSNs = append(v.BSNs, o.Inwoner.BSN)
				}
			}
			if vanaf+opslag.SignalenPerPagina >= det.AantalSignalen {
				return v, nil
			}
		}
	}
}

// crisisVanSignaal maps a signal's crisis kind to a bedreigende situatie of Wgs art. 4 lid 2; another
// crisis (signalen.CrisisOverig) is none of them, so it gets the normal term.
func crisisVanSignaal(c signalen.CrisisSoort) zaken.CrisisSoort {
	switch c {
	case signalen.CrisisOntruiming:
		return zaken.CrisisOntruiming
	case signalen.CrisisAfsluitingEnergie:
		return zaken.CrisisEnergie
	case signalen.CrisisAfsluitingWater:
		return zaken.CrisisWater
	case signalen.CrisisEindeZorgverzekering:
		return zaken.CrisisZorgverzekering
	}
	return ""
}

// checkVoorAanvraag opens a check's code for the application pages (checkweb's Lezer, in aanvraagweb's
// words), so neither part imports the other.
func checkVoorAanvraag(l *checkweb.Lezer) func(ctx context.Context, t, taal string) (*aanvraagweb.Ingevuld, error) {
	return func(ctx context.Context, t, taal string) (*aanvraagweb.Ingevuld, error) {
		in, err := l.Lees(ctx, t, taal)
		if errors.Is(err, checkweb.ErrCodeVerlopen) {
			return nil, aanvraagweb.ErrCheckVerlopen
		}
		if err != nil {
			return nil, err
		}
		return &aanvraagweb.Ingevuld{Gemeente: in.Gemeente, Ander: in.Ander, Huishouden: in.Huishouden, Antwoorden: in.Antwoorden}, nil
	}
}

// partnerVanMedewerker gives the application pages the partner a logged-in intermediair works for in a
// gemeente (docs/partner.md "Partner users"), by name, so aanvraagweb does not import partner.
func partnerVanMedewerker(p *partner.Service) func(ctx context.Context, gemeente string, gebruiker int64) (string, string, bool, error) {
	return func(ctx context.Context, gemeente string, gebruiker int64) (string, string, bool, error) {
		id, ok, err := p.MedewerkerVan(ctx, gebruiker, gemeente)
		if err != nil || !ok {
			return "", "", false, err
		}
		o, err := p.Haal(ctx, id)
		if err != nil {
			return "", "", false, err
		}
		return o.ID, o.Naam, true, nil
	}
}
