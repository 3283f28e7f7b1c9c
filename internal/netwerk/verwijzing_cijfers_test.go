package netwerk_test

import (
	"errors"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// metKlok is an omgeving whose clock the test moves.
func metKlok(t *testing.T, db *store.DB, klok *time.Time) *omgeving {
	t.Helper()
	if _, err := tenant.ZaaiStandaard(t.Context(), db, nu); err != nil {
		t.Fatal(err)
	}
	k := func() time.Time { return *klok }
	al, err := audit.New(db, []byte("netwerk-test-sleutel-van-minstens-32-bytes"), k)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := partner.New(partner.Config{DB: db, Audit: al, Klok: k})
	if err != nil {
		t.Fatal(err)
	}
	ns, err := netwerk.New(netwerk.Config{DB: db, Audit: al, Partners: ps, Klok: k})
	if err != nil {
		t.Fatal(err)
	}
	return &omgeving{db: db, ps: ps, net: ns, log: al}
}

// TestVerwijzingCijfers: the counts come from the status history — the first answer (accepted,
// declined, none), the working days to it (a weekend does not count), help started only with a
// hulp_gestart row (straight to afgerond does not count), withdrawn consent — per partner and need, only
// the direction and period asked, and not another gemeente's.
func TestVerwijzingCijfers(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		klok := nu // Thursday 15 January 2026
		o := metKlok(t, db, &klok)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		hum := o.partner(t, "Humanitas", "GM0175", "GM1681")
		ander := o.partner(t, "Voor Elkaar", "GM0175")
		stuur := func(gm, p string, b netwerk.Behoefte, r netwerk.Richting) int64 {
			n := nieuweVerwijzing(gm, p)
			n.Behoefte, n.Richting = b, r
			if r == netwerk.NaarGemeente {
				n.Bron, n.BronID = netwerk.BronCheck, 0
			}
			v, err := o.net.Verwijs(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			return v.ID
		}
		v1 := stuur("GM0175", hum, netwerk.Schuldhulp, netwerk.NaarPartner)
		v2 := stuur("GM0175", hum, netwerk.Schuldhulp, netwerk.NaarPartner)
		v3 := stuur("GM0175", hum, netwerk.Schuldhulp, netwerk.NaarPartner)
		v4 := stuur("GM0175", ander, netwerk.Voedsel, netwerk.NaarPartner)
		stuur("GM0175", hum, netwerk.Schuldhulp, netwerk.NaarGemeente)
		stuur("GM1681", hum, netwerk.Schuldhulp, netwerk.NaarPartner)
		humK, anderK := netwerk.Kijker{Gebruiker: 2, Partner: hum}, netwerk.Kijker{Gebruiker: 3, Partner: ander}
		antwoord := func(id int64, k netwerk.Kijker, st netwerk.VStatus) {
			if err := o.net.Beantwoord(ctx, "GM0175", id, k, st, "reden"); err != nil {
				t.Fatal(id, st, err)
			}
		}
		klok = time.Date(2026, 1, 16, 9, 0, 0, 0, time.UTC) // Friday: 1 working day
		antwoord(v4, anderK, netwerk.Geaccepteerd)
		antwoord(v4, anderK, netwerk.Afgerond)
		klok = time.Date(2026, 1, 19, 9, 0, 0, 0, time.UTC) // Monday: 2 working days
		antwoord(v1, humK, netwerk.Geaccepteerd)
		antwoord(v2, humK, netwerk.Afgewezen)
		klok = time.Date(2026, 1, 20, 9, 0, 0, 0, time.UTC)
		antwoord(v1, humK, netwerk.ContactGelegd)
		antwoord(v1, humK, netwerk.HulpGestart)
		if err := o.net.TrekToestemmingIn(ctx, "GM0175", v3, netwerk.Kijker{Gebruiker: 1, Gemeente: true}); err != nil {
			t.Fatal(err)
		}

		c, err := o.net.VerwijzingCijfersVan(ctx, "GM0175", netwerk.NaarPartner, netwerk.Periode{Jaar: 2026, Kwartaal: 1})
		if err != nil {
			t.Fatal(err)
		}
		tot := c.Totaal
		if tot.Verstuurd != 4 || tot.Geaccepteerd != 2 || tot.Afgewezen != 1 || tot.GeenAntwoord != 1 || tot.HulpGestart != 1 || tot.Ingetrokken != 1 {
			t.Errorf("totaal %+v", tot)
		}
		if len(tot.Werkdagen) != 3 || tot.Werkdagen[0] != 1 || tot.Werkdagen[1] != 2 || tot.Werkdagen[2] != 2 {
			t.Errorf("werkdagen %v, want [1 2 2]", tot.Werkdagen)
		}
		per := map[string]int{}
		for _, g := range c.PerPartner {
			per[g.Code] = g.Verstuurd
		}
		if len(per) != 2 || per[hum] != 3 || per[ander] != 1 {
			t.Errorf("per partner %v", per)
		}
		if len(c.PerBehoefte) != 2 || c.PerBehoefte[0].Code != "schuldhulp" || c.PerBehoefte[0].Verstuurd != 3 || c.PerBehoefte[1].Code != "voedsel" {
			t.Errorf("per behoefte %+v", c.PerBehoefte)
		}
		// Four referrals are published as "< 5", never as 0, and no share of so few.
		cel := tot.Gepubliceerd()
		if cel[0].Tekst != "< 5" || !cel[0].Onderdrukt || cel[1].Tekst != "—" || cel[1].Reden != netwerk.RedenNoemer || cel[4].Reden != netwerk.RedenMediaan {
			t.Errorf("gepubliceerd %+v", cel)
		}
		for _, p := range []netwerk.Periode{{Jaar: 2026, Kwartaal: 2}, {Jaar: 2025}} {
			c, err := o.net.VerwijzingCijfersVan(ctx, "GM0175", netwerk.NaarPartner, p)
			if err != nil || c.Totaal.Verstuurd != 0 || len(c.PerPartner) != 0 {
				t.Errorf("%s: %+v %v", p, c.Totaal, err)
			}
		}
		c, _ = o.net.VerwijzingCijfersVan(ctx, "GM0175", netwerk.NaarGemeente, netwerk.Periode{Jaar: 2026})
		if c.Totaal.Verstuurd != 1 || c.Totaal.GeenAntwoord != 1 {
			t.Errorf("naar de gemeente: %+v", c.Totaal)
		}
		c, _ = o.net.VerwijzingCijfersVan(ctx, "GM1681", netwerk.NaarPartner, netwerk.Periode{Jaar: 2026})
		if c.Totaal.Verstuurd != 1 {
			t.Errorf("GM1681: %+v", c.Totaal)
		}
	})
}

// TestOnderdrukking: counts are rounded to 5 and 1–4 is "< 5" (a true 0 stays 0); a share needs a
// denominator of 100, a median 100 observations (§4.5).
func TestOnderdrukking(t *testing.T) {
	for n, want := range map[int]string{0: "0", 1: "< 5", 4: "< 5", 5: "5", 7: "5", 8: "10", 102: "100", 103: "105"} {
		if got := netwerk.Aantal(n); got.Tekst != want || got.Onderdrukt != (n > 0 && n < 5) {
			t.Errorf("Aantal(%d) = %+v, want %q", n, got, want)
		}
	}
	if c := netwerk.Aandeel(37, 100); c.Tekst != "37,0%" || c.Onderdrukt {
		t.Errorf("Aandeel(37, 100) = %+v", c)
	}
	if c := netwerk.Aandeel(0, 99); c.Tekst != "—" || c.Reden != netwerk.RedenNoemer {
		t.Errorf("Aandeel(0, 99) = %+v", c)
	}
	waarden := make([]int, 100)
	for i := range waarden {
		waarden[i] = i / 10 // 0..9, ten of each: the middle two are 4 and 5
	}
	if c := netwerk.Mediaan(waarden); c.Tekst != "4,5" {
		t.Errorf("Mediaan = %+v, want 4,5", c)
	}
	if c := netwerk.Mediaan(waarden[:99]); c.Tekst != "—" || c.Reden != netwerk.RedenMediaan {
		t.Errorf("Mediaan of 99 = %+v", c)
	}
	for in, want := range map[string]string{"2026": "2026", "2026-k2": "2026-K2", " 2026-Q4 ": "2026-K4"} {
		p, err := netwerk.ParsePeriode(in)
		if err != nil || p.String() != want {
			t.Errorf("ParsePeriode(%q) = %v, %v", in, p, err)
		}
	}
	for _, in := range []string{"", "26", "2026-K5", "2026-2", "twee", "2026-K", "1999"} {
		if _, err := netwerk.ParsePeriode(in); err == nil {
			t.Errorf("ParsePeriode(%q) accepted", in)
		}
	}
}

// TestMetingen: a measured value needs an indicator of the agreement, a period, a value, a source and
// a day not in the future; recording again needs the version the form was opened with (409 otherwise).
func TestMetingen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, nil)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		a, err := o.net.BewaarAfspraak(ctx, netwerk.Afspraak{Gemeente: "GM1969", Naam: "Armoedepact", Soort: netwerk.Armoedepact, Bron: "Plan §1",
			Indicatoren: []netwerk.Indicator{{Naam: "Bereikte huishoudens", Streef: "100 huishoudens", Bron: "Plan §1"}}})
		if err != nil {
			t.Fatal(err)
		}
		goed := netwerk.Meting{Gemeente: "GM1969", AfspraakID: a.ID, Indicator: "Bereikte huishoudens", Periode: netwerk.Periode{Jaar: 2025},
			Waarde: "87 huishoudens", Bron: "Jaarrapportage 2025, p. 4", GemetenOp: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)}
		for naam, c := range map[string]struct {
			wijzig func(*netwerk.Meting)
			veld   string
		}{
			"onbekende indicator": {func(m *netwerk.Meting) { m.Indicator = "Iets anders" }, "indicator"},
			"geen periode":        {func(m *netwerk.Meting) { m.Periode = netwerk.Periode{} }, "periode"},
			"geen waarde":         {func(m *netwerk.Meting) { m.Waarde = " " }, "waarde"},
			"geen bron":           {func(m *netwerk.Meting) { m.Bron = "" }, "bron"},
			"geen datum":          {func(m *netwerk.Meting) { m.GemetenOp = time.Time{} }, "gemeten_op"},
			"datum in toekomst":   {func(m *netwerk.Meting) { m.GemetenOp = nu.AddDate(0, 0, 2) }, "gemeten_op"},
			"datum voor periode":  {func(m *netwerk.Meting) { m.Periode = netwerk.Periode{Jaar: 2027} }, "gemeten_op"},
		} {
			m := goed
			c.wijzig(&m)
			_, err := o.net.LegMetingVast(ctx, m, 0)
			var f errs.Fields
			if !errors.As(err, &f) || !f.Has(c.veld) {
				t.Errorf("%s: %v, want an error at %s", naam, err, c.veld)
			}
		}
		if _, err := o.net.LegMetingVast(ctx, netwerk.Meting{Gemeente: "GM0175", AfspraakID: a.ID}, 0); !errors.Is(err, errs.NotFound) {
			t.Errorf("another gemeente's agreement: %v", err)
		}
		m, err := o.net.LegMetingVast(ctx, goed, 0)
		if err != nil || m.Versie != 1 {
			t.Fatalf("%+v %v", m, err)
		}
		if _, err := o.net.LegMetingVast(ctx, goed, 0); !errors.Is(err, netwerk.ErrMetingVerouderd) || !errors.Is(err, errs.Conflict) {
			t.Errorf("second new form: %v, want stale", err)
		}
		nieuwer := goed
		nieuwer.Waarde = "91 huishoudens"
		if m, err = o.net.LegMetingVast(ctx, nieuwer, 1); err != nil || m.Versie != 2 {
			t.Fatalf("update: %+v %v", m, err)
		}
		if _, err := o.net.LegMetingVast(ctx, goed, 1); !errors.Is(err, netwerk.ErrMetingVerouderd) {
			t.Errorf("old version: %v, want stale", err)
		}
		ms, err := o.net.Metingen(ctx, "GM1969", 0)
		if err != nil || len(ms) != 1 || ms[0].Waarde != "91 huishoudens" || ms[0].Periode.String() != "2025" || ms[0].GemetenOp.Format("2006-01-02") != "2026-01-10" {
			t.Errorf("metingen %+v %v", ms, err)
		}
		if ms, _ := o.net.Metingen(ctx, "GM0175", 0); len(ms) != 0 {
			t.Errorf("another gemeente sees %d", len(ms))
		}
	})
	if netwerk.ZekerTelt("Aantal verwijzingen naar de partners") == "" || netwerk.ZekerTelt("Deelnemende partners") != "" {
		t.Error("ZekerTelt")
	}
}
