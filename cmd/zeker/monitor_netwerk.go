package main

import (
	"context"
	"time"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/web/monitorweb"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// monitorAfsprakenMetMetingen gives the monitor the agreements of monitorAfspraken with the measured
// values of their indicators.
func monitorAfsprakenMetMetingen(ns *netwerk.Service) monitorweb.Afspraken {
	basis := monitorAfspraken(ns)
	return func(ctx context.Context, gm string, dag time.Time) ([]monitorweb.Netwerkafspraak, error) {
		as, err := basis(ctx, gm, dag)
		if err != nil || len(as) == 0 {
			return as, err
		}
		ms, err := ns.Metingen(ctx, gm, 0)
		if err != nil {
			return nil, err
		}
		for i := range as {
			for _, m := range ms {
				if m.AfspraakID == as[i].ID {
					as[i].Metingen = append(as[i].Metingen, m)
				}
			}
		}
		return as, nil
	}
}

// monitorVerwijzingscijfers gives the monitor the counts of referrals with the names of the partners
// of the gemeente (a partner that left keeps its counts under its id).
func monitorVerwijzingscijfers(ns *netwerk.Service) monitorweb.Verwijzingscijfers {
	return func(ctx context.Context, gm string, r netwerk.Richting, p netwerk.Periode) (monitorweb.Verwijzingstelling, error) {
		c, err := ns.VerwijzingCijfersVan(ctx, gm, r, p)
		if err != nil {
			return monitorweb.Verwijzingstelling{}, err
		}
		t := monitorweb.Verwijzingstelling{VerwijzingCijfers: c, PartnerNamen: map[string]string{}}
		if len(c.PerPartner) == 0 {
			return t, nil
		}
		leden, err := ns.Partners().VanGemeente(ctx, gm)
		if err != nil {
			return t, err
		}
		for _, o := range leden {
			t.PartnerNamen[o.ID] = o.Naam
		}
		return t, nil
	}
}

// monitorZaakIndicatoren gives the monitor the Wgs indicators of the zaken (nil without zaken).
func monitorZaakIndicatoren(zk *zaken.Service) monitorweb.ZaakIndicatoren {
	if zk == nil {
		return nil
	}
	return zk.IndicatorenPerJaar
}
