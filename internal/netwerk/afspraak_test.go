package netwerk_test

import (
	"errors"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

func TestAfspraken(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, nil)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		gloed := o.partner(t, "Energiecoöperatie GLOED", "GM1969")
		hum := o.partner(t, "Humanitas", "GM1969")
		elders := o.partner(t, "Elders", "GM0175")
		vandaag := partner.Vandaag(nu)
		goed := netwerk.Afspraak{Gemeente: "GM1969", Naam: "Zonnecarport Zuidhorn", Soort: netwerk.Samenwerking, Bron: "Solidair en dichtbij, §3.2.1",
			Partners:    []string{gloed, hum, gloed},
			Indicatoren: []netwerk.Indicator{{Naam: "Huishoudens met een minimuminkomen", Streef: "100 huishoudens", Bron: "Solidair en dichtbij, §3.2.1"}, {}}}
		for naam, c := range map[string]struct {
			wijzig func(*netwerk.Afspraak)
			veld   string
		}{
			"geen naam":          {func(a *netwerk.Afspraak) { a.Naam = "" }, "naam"},
			"onbekende soort":    {func(a *netwerk.Afspraak) { a.Soort = "club" }, "soort"},
			"geen bron":          {func(a *netwerk.Afspraak) { a.Bron = " " }, "bron"},
			"einde voor begin":   {func(a *netwerk.Afspraak) { a.Van, a.Tot = vandaag, vandaag.AddDate(0, 0, -1) }, "tot"},
			"streef zonder bron": {func(a *netwerk.Afspraak) { a.Indicatoren = []netwerk.Indicator{{Naam: "x", Streef: "5"}} }, "indicator.0.bron"},
			"streef zonder naam": {func(a *netwerk.Afspraak) { a.Indicatoren = []netwerk.Indicator{{}, {Streef: "5", Bron: "b"}} }, "indicator.1.naam"},
			"partner van elders": {func(a *netwerk.Afspraak) { a.Partners = []string{elders} }, "partners"},
		} {
			a := goed
			c.wijzig(&a)
			_, err := o.net.BewaarAfspraak(ctx, a)
			var f errs.Fields
			if !errors.As(err, &f) || !f.Has(c.veld) {
				t.Errorf("%s: %v, want a problem at %s", naam, err, c.veld)
			}
		}
		a, err := o.net.BewaarAfspraak(ctx, goed)
		if err != nil {
			t.Fatal(err)
		}
		g, err := o.net.Afspraak(ctx, "GM1969", a.ID)
		if err != nil || len(g.Partners) != 2 || len(g.Indicatoren) != 1 || g.Indicatoren[0].Streef != "100 huishoudens" || !g.Van.IsZero() {
			t.Fatalf("stored %+v, %v", g, err)
		}
		if _, err := o.net.Afspraak(ctx, "GM0175", a.ID); !errors.Is(err, errs.NotFound) {
			t.Errorf("another gemeente reads it: %v", err)
		}
		g.Tot = vandaag.AddDate(0, 0, -1)
		g.Van = vandaag.AddDate(-1, 0, 0)
		g.Partners = []string{hum}
		if _, err := o.net.BewaarAfspraak(ctx, g); err != nil {
			t.Fatal(err)
		}
		if op, _ := o.net.AfsprakenOp(ctx, "GM1969", vandaag); len(op) != 0 {
			t.Errorf("an ended agreement runs today: %+v", op)
		}
		if alle, _ := o.net.Afspraken(ctx, "GM1969"); len(alle) != 1 || len(alle[0].Partners) != 1 {
			t.Errorf("after change: %+v", alle)
		}
		g.Gemeente, g.Partners = "GM0175", nil
		if _, err := o.net.BewaarAfspraak(ctx, g); !errors.Is(err, errs.NotFound) {
			t.Errorf("changing it as another gemeente: %v", err)
		}
		if err := o.net.VerwijderAfspraak(ctx, "GM0175", a.ID); !errors.Is(err, errs.NotFound) {
			t.Errorf("removing it as another gemeente: %v", err)
		}
		if err := o.net.VerwijderAfspraak(ctx, "GM1969", a.ID); err != nil {
			t.Fatal(err)
		}
	})
}
