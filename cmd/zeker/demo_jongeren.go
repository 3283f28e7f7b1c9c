package main

import (
	"context"
	"log/slog"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// demoJongerenfonds puts one open zaak of a gemeente that offers the Jongeren Perspectief Fonds (Borne,
// seed 003) on the fund: the aanmelding and the start of the coaching, today. Nothing else is invented:
// the plan gives no age limit or amount.
func demoJongerenfonds(ctx context.Context, zk *zaken.Service, gm string, door zaken.Medewerker, log *slog.Logger) {
	in, err := zk.Instellingen(ctx, gm)
	if err != nil || !in.Jongerenfonds.Aan {
		return
	}
	rs, _, err := zk.Werklijst(ctx, gm, zaken.Filter{Status: zaken.Plan, Route: zaken.Schuldhulp, Limiet: 1})
	if err != nil || len(rs) == 0 {
		log.Warn("demo: jongeren perspectief fonds overgeslagen", "gemeente", gm, "fout", err)
		return
	}
	z, vandaag := rs[0], zk.Vandaag()
	for i, st := range []zaken.Stap{zaken.StapJPFAangemeld, zaken.StapJPFCoaching} {
		if err := zk.LegStapVast(ctx, gm, z.ID, z.Versie+i, st, vandaag, "Demo: jongere met problematische schulden.", door); err != nil {
			log.Warn("demo: jongeren perspectief fonds overgeslagen", "gemeente", gm, "fout", err)
			return
		}
	}
	log.Info("demo: jongeren perspectief fonds", "gemeente", gm, "zaak", z.ID)
}
