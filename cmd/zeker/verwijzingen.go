package main

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/monitorweb"
	"github.com/zeker-platform/zeker/internal/web/netwerkweb"
	"github.com/zeker-platform/zeker/internal/web/zakenweb"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// verwijsBronnen connects referrals (netwerkweb) to the zaken and vroegsignaalzaken they start from.
// Checking that one exists reads it the way its own page does (and logs that read): the case worker
// refers from it.
// A referral to the gemeente starts a debt-help zaak (zaken.VanVerwijzing) for a user with
// zaken.behandelen.
func verwijsBronnen(zk *zaken.Service, sig *opslag.Service) netwerkweb.Bronnen {
	b := netwerkweb.Bronnen{
		Bestaat: func(ctx context.Context, gm string, b netwerk.Bron, id int64) error {
			var err error
			switch {
			case b == netwerk.BronZaak && zk != nil:
				_, err = zk.Zaak(ctx, gm, id)
			case b == netwerk.BronVroegsignaal && sig != nil:
				_, err = sig.Zaak(ctx, gm, id, 0)
			default:
				return errs.NotFound
			}
			if errors.Is(err, zaken.ErrNietGevonden) || errors.Is(err, opslag.ErrNietGevonden) {
				return errs.NotFound
			}
			return err
		},
		URL: func(gm string, b netwerk.Bron, id int64) string {
			if b == netwerk.BronZaak {
				return zakenweb.ZaakURL(gm, id)
			}
			return "/beheer/" + gm + "/signalen/" + strconv.FormatInt(id, 10)
		},
	}
	if zk == nil {
		return b
	}
	b.ZaakBij = zk.ZaakVanVerwijzing
	b.MagZaakStarten = func(r *http.Request, gm string) bool {
		return auth.Mag(web.ActorUit(r.Context()), gm, auth.ZakenBehandelen)
	}
	b.StartZaak = func(r *http.Request, gm string, v netwerk.Verwijzing, partnerNaam string) (int64, error) {
		door := zaken.Medewerker{Naam: web.NaamUit(r.Context())}
		if l := web.LoginUit(r.Context()); l != nil {
			door.ID = l.Gebruiker.ID
		}
		return zk.VanVerwijzing(r.Context(), gm, zaken.PartnerVerwijzing{ID: v.ID, Ontvangen: v.Aangemaakt, PartnerNaam: partnerNaam}, door)
	}
	return b
}

// monitorAfspraken gives the monitor (monitorweb) a gemeente's network agreements running on a day,
// with their partners' names, from the netwerk service.
func monitorAfspraken(ns *netwerk.Service) monitorweb.Afspraken {
	return func(ctx context.Context, gm string, dag time.Time) ([]monitorweb.Netwerkafspraak, error) {
		as, err := ns.AfsprakenOp(ctx, gm, dag)
		if err != nil || len(as) == 0 {
			return nil, err
		}
		leden, err := ns.Partners().VanGemeente(ctx, gm)
		if err != nil {
			return nil, err
		}
		namen := make(map[string]string, len(leden))
		for _, o := range leden {
			namen[o.ID] = o.Naam
		}
		uit := make([]monitorweb.Netwerkafspraak, 0, len(as))
		for _, a := range as {
			m := monitorweb.Netwerkafspraak{Afspraak: a}
			for _, id := range a.Partners {
				if n, ok := namen[id]; ok {
					m.PartnerNamen = append(m.PartnerNamen, n)
				}
			}
			uit = append(uit, m)
		}
		return uit, nil
	}
}
