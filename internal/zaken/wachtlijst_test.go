package zaken_test

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestWachtlijst: Borne's priority rule (families with minor children first once the waiting time
// grows, seed 003) applies only when more zaken wait than one week's capacity; a crisis is always
// first; the expected day follows the capacity; the legal deadline never moves.
func TestWachtlijst(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-09 09:00"), 1, "GM0147") {
		t.Run(o.naam, func(t *testing.T) {
			ictx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorInwoner, ID: "hulpvraag"})
			ctx := metActor(t.Context())
			in, err := o.svc.Instellingen(ctx, "GM0147")
			if err != nil {
				t.Fatal(err)
			}
			if !in.Wachtlijst.VoorrangKinderen || in.Wachtlijst.VoorrangBron != zaken.BronVoorrangBorne {
				t.Fatalf("Borne zonder voorrangsregel: %+v", in.Wachtlijst)
			}
			maak := func(tijd string, a zaken.OnlineAanvraag) zaken.Ontvangst {
				o.zet(op(tijd))
				a.Naam, a.Telefoon = "Test", "0612345678"
				ont, err := o.svc.Online(ictx, "GM0147", a)
				if err != nil {
					t.Fatal(err)
				}
				return ont
			}
			zonder := maak("2026-03-09 09:00", zaken.OnlineAanvraag{})
			kind := maak("2026-03-09 10:00", zaken.OnlineAanvraag{Kinderen: true})
			crisis := maak("2026-03-09 11:00", zaken.OnlineAanvraag{Crisis: zaken.CrisisEnergie})
			volgorde := func(want ...int64) zaken.Wachtlijst {
				t.Helper()
				wl, err := o.svc.Wachtlijst(ctx, "GM0147", 50, 0)
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, r := range wl.Rijen {
					got = append(got, r.ID)
					det, err := o.svc.Zaak(ctx, "GM0147", r.ID)
					if err != nil {
						t.Fatal(err)
					}
					p, _, ok, err := o.svc.Plaats(ctx, det.Zaak)
					if err != nil || !ok || p.Plaats != r.Plaats || p.VerwachtUiterlijk != r.VerwachtUiterlijk {
						t.Errorf("zaak %d: plaats %d/%s op de zaak, %d/%s op de lijst (%v)", r.ID, p.Plaats, p.VerwachtUiterlijk, r.Plaats, r.VerwachtUiterlijk, err)
					}
				}
				if len(got) != len(want) {
					t.Fatalf("volgorde %v, want %v", got, want)
				}
				for i := range want {
					if got[i] != want[i] {
						t.Fatalf("volgorde %v, want %v", got, want)
					}
				}
				return wl
			}
			// No capacity: no expected day, first come first served after the crisis.
			wl := volgorde(crisis.ZaakID, zonder.ZaakID, kind.ZaakID)
			if wl.Vol || wl.VoorrangActief || !wl.Rijen[1].VerwachtUiterlijk.IsZero() {
				t.Errorf("zonder capaciteit: %+v", wl)
			}
			in.Wachtlijst.IntakeCapaciteit = 5
			if err := o.svc.ZetInstellingen(ctx, "GM0147", in); err != nil {
				t.Fatal(err)
			}
			wl = volgorde(crisis.ZaakID, zonder.ZaakID, kind.ZaakID) // fits in a week: no priority
			if wl.VoorrangActief || wl.Rijen[2].VerwachtUiterlijk != d("2026-03-16") {
				t.Errorf("capaciteit 5: %+v", wl.Rijen[2])
			}
			in.Versie++
			in.Wachtlijst.IntakeCapaciteit = 1
			if err := o.svc.ZetInstellingen(ctx, "GM0147", in); err != nil {
				t.Fatal(err)
			}
			wl = volgorde(crisis.ZaakID, kind.ZaakID, zonder.ZaakID) // waiting time grows: families first
			if !wl.VoorrangActief || !wl.Rijen[1].Kinderen || wl.Rijen[2].VerwachtUiterlijk != d("2026-03-30") || wl.Rijen[2].WachtWeken != 3 {
				t.Errorf("capaciteit 1: %+v", wl)
			}
			// The crisis is expected within a week but its deadline is 3 working days: marked, not moved.
			if !wl.Rijen[0].NaTermijn || wl.Rijen[0].EersteGesprekTermijn.Datum != crisis.EersteGesprek.Datum {
				t.Errorf("crisis: na termijn %v, termijn %s", wl.Rijen[0].NaTermijn, wl.Rijen[0].EersteGesprekTermijn.Datum)
			}
			// Borne's own 8 weeks are longer than the law: the legal 4 weeks apply.
			if wl.Rijen[2].EersteGesprekTermijn.Datum != zonder.EersteGesprek.Datum || zonder.EersteGesprek.Datum != d("2026-04-07") /* 6 April is tweede Paasdag (Atw art. 1) */ {
				t.Errorf("termijn verschoven: %s", wl.Rijen[2].EersteGesprekTermijn.Datum)
			}
			in.Versie++
			in.Wachtlijst = zaken.Wachtlijstregel{IntakeCapaciteit: 1, VoorrangKinderen: true}
			if err := o.svc.ZetInstellingen(ctx, "GM0147", in); veldVan(err) == "" && err == nil {
				t.Error("voorrang zonder bron aangenomen")
			}
		})
	}
}
