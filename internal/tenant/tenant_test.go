package tenant_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
)

func TestValideerCode(t *testing.T) {
	for code, ok := range map[string]bool{"GM1681": true, "GM0147": true, "gm1681": false, "GM168": false, "GM16811": false, "": false, "1681": false} {
		if got := tenant.ValideerCode(code) == nil; got != ok {
			t.Errorf("ValideerCode(%q) ok = %v, want %v", code, got, ok)
		}
	}
}

func TestGemeenten(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
		added, err := tenant.ZaaiStandaard(ctx, db, now)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"GM1681", "GM1969", "GM0175", "GM0147"}; !slices.Equal(added, want) {
			t.Errorf("added = %v, want %v", added, want)
		}
		again, err := tenant.ZaaiStandaard(ctx, db, now)
		if err != nil || len(again) != 0 {
			t.Errorf("second seed added %v (%v), want nothing", again, err)
		}
		gs, err := tenant.Lijst(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		var namen []string
		for _, g := range gs {
			namen = append(namen, g.Naam)
		}
		if want := []string{"Borger-Odoorn", "Borne", "Ommen", "Westerkwartier"}; !slices.Equal(namen, want) {
			t.Errorf("names = %v, want %v", namen, want)
		}

		g, err := tenant.Haal(ctx, db, "GM0175")
		if err != nil {
			t.Fatal(err)
		}
		g.Contact.Telefoon = "14 0000"
		g.Instellingen = json.RawMessage(`{"bewaartermijn_maanden":18}`)
		if err := tenant.Wijzig(ctx, db, g, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		got, err := tenant.Haal(ctx, db, "GM0175")
		if err != nil {
			t.Fatal(err)
		}
		if got.Contact.Telefoon != "14 0000" || string(got.Instellingen) != `{"bewaartermijn_maanden":18}` || !got.Gewijzigd.Equal(now.Add(time.Hour)) || !got.Aangemaakt.Equal(now) {
			t.Errorf("after Wijzig: %+v", got)
		}
		if _, err := tenant.Haal(ctx, db, "GM0001"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Haal unknown: %v, want ErrNotFound", err)
		}
		if err := tenant.Wijzig(ctx, db, tenant.Gemeente{Code: "GM0001", Naam: "X"}, now); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Wijzig unknown: %v, want ErrNotFound", err)
		}
		if err := tenant.Maak(ctx, db, tenant.Standaard()[0], now); !errors.Is(err, store.ErrConflict) {
			t.Errorf("Maak duplicate: %v, want ErrConflict", err)
		}
		if err := tenant.Maak(ctx, db, tenant.Gemeente{Code: "GM0002", Naam: "Y", Instellingen: json.RawMessage(`[1]`)}, now); err == nil {
			t.Error("Maak accepted settings that are not a JSON object")
		}
		if ok, err := tenant.Bestaat(ctx, db, "GM1681"); !ok || err != nil {
			t.Errorf("Bestaat(GM1681) = %v, %v", ok, err)
		}
		if ok, err := tenant.Bestaat(ctx, db, "GM0003"); ok || err != nil {
			t.Errorf("Bestaat(GM0003) = %v, %v", ok, err)
		}
	})
}

func TestContrast(t *testing.T) {
	for _, tc := range []struct {
		a, b     string
		min, max float64
	}{
		{"#000000", "#ffffff", 20.99, 21.01},
		{"#ffffff", "#ffffff", 0.99, 1.01},
		{"#00587c", "#ffffff", 7.0, 8.0}, // Borger-Odoorn's standard colour
		{"#767676", "#ffffff", 4.5, 4.6}, // the grey that just passes AA
		{"blauw", "#ffffff", 0, 0},
	} {
		if got := tenant.Contrast(tc.a, tc.b); got < tc.min || got > tc.max {
			t.Errorf("tenant.Contrast(%s, %s) = %.2f, want %.2f–%.2f", tc.a, tc.b, got, tc.min, tc.max)
		}
	}
	for _, g := range tenant.Standaard() {
		if c := tenant.Contrast(g.Thema.Primair, g.Thema.PrimairTekst); c < 4.5 {
			t.Errorf("%s: standard theme contrast %.2f < 4.5", g.Code, c)
		}
	}
}
