package zaken_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestVanVerwijzing: a partner's referral starts a zaak without a household whose clock runs from the
// moment the gemeente received the referral (not from the click), once per referral.
func TestVanVerwijzing(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-20 09:00"), 2, "GM1681", "GM0147") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			// Received on Friday 13 March 2026 at 16:30; started a week later.
			v := zaken.PartnerVerwijzing{ID: 41, Ontvangen: op("2026-03-13 16:30"), PartnerNaam: "Stichting Test Thuis"}
			id, err := o.svc.VanVerwijzing(ctx, "GM1681", v, consulent)
			if err != nil {
				t.Fatal(err)
			}
			det, err := o.svc.Zaak(ctx, "GM1681", id)
			if err != nil {
				t.Fatal(err)
			}
			z := det.Zaak
			if z.Kanaal != zaken.Verwijzing || z.Route != zaken.Schuldhulp || z.VerwijzingID != 41 || z.HuishoudenID != "" || z.Crisis {
				t.Errorf("zaak %+v", z)
			}
			if !z.Gestart.Equal(v.Ontvangen) || z.Startdatum != d("2026-03-13") {
				t.Errorf("gestart %s (%s), want het ontvangstmoment %s", z.Gestart, z.Startdatum, v.Ontvangen)
			}
			if got, want := z.EersteGesprekTermijn.Datum, d("2026-04-10"); got != want {
				t.Errorf("eerste gesprek %s, want %s (4 weken na vrijdag 13 maart)", got, want)
			}
			if len(det.Tijdlijn) != 1 || !strings.HasPrefix(det.Tijdlijn[0].Tekst, "Zaak gestart na een verwijzing door Stichting Test Thuis") {
				t.Errorf("tijdlijn %+v", det.Tijdlijn)
			}
			if got := zaken.Verwijzing.Naam(); got != "Verwijzing door een partner" {
				t.Errorf("kanaal naam %q", got)
			}
			// A second click: the same zaak, no second one.
			id2, err := o.svc.VanVerwijzing(ctx, "GM1681", v, consulent)
			if !errors.Is(err, errs.Conflict) || id2 != id {
				t.Errorf("tweede keer: %d, %v; want %d met errs.Conflict", id2, err, id)
			}
			if got, ok, err := o.svc.ZaakVanVerwijzing(ctx, "GM1681", 41); err != nil || !ok || got != id {
				t.Errorf("ZaakVanVerwijzing: %d %v %v", got, ok, err)
			}
			if _, ok, err := o.svc.ZaakVanVerwijzing(ctx, "GM0147", 41); err != nil || ok {
				t.Errorf("andere gemeente ziet de zaak bij verwijzing 41: %v %v", ok, err)
			}
			if rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaak.verwijzing"}); len(rs) != 1 || rs[0].Actie != audit.Aanmaken {
				t.Errorf("audit: %+v", rs)
			}
			// Received on a Saturday: the day of receipt counts, not the next working day.
			za := zaken.PartnerVerwijzing{ID: 42, Ontvangen: op("2026-03-14 11:15")}
			id3, err := o.svc.VanVerwijzing(ctx, "GM1681", za, consulent)
			if err != nil {
				t.Fatal(err)
			}
			det, err = o.svc.Zaak(ctx, "GM1681", id3)
			if err != nil {
				t.Fatal(err)
			}
			if det.Zaak.Startdatum != d("2026-03-14") || det.Zaak.EersteGesprekTermijn.Datum != d("2026-04-13") {
				t.Errorf("zaterdag: start %s, eerste gesprek %s (%s); want 2026-03-14 en 2026-04-13 (4 weken valt op zaterdag 11 april: maandag)",
					det.Zaak.Startdatum, det.Zaak.EersteGesprekTermijn.Datum, det.Zaak.EersteGesprekTermijn.Uitleg)
			}
			if len(det.Tijdlijn) != 1 || !strings.HasPrefix(det.Tijdlijn[0].Tekst, "Zaak gestart na een verwijzing door een partner") {
				t.Errorf("tijdlijn zonder partnernaam %+v", det.Tijdlijn)
			}
			// The same referral id in another gemeente is another referral.
			if _, err := o.svc.VanVerwijzing(ctx, "GM0147", v, consulent); err != nil {
				t.Errorf("andere gemeente: %v", err)
			}
			// Bad input.
			if _, err := o.svc.VanVerwijzing(ctx, "GM1681", zaken.PartnerVerwijzing{ID: 0, Ontvangen: v.Ontvangen}, consulent); !errors.Is(err, errs.Invalid) {
				t.Errorf("zonder id: %v", err)
			}
			if _, err := o.svc.VanVerwijzing(ctx, "GM1681", zaken.PartnerVerwijzing{ID: 43, Ontvangen: op("2026-03-21 09:00")}, consulent); veldVan(err) != "ontvangen" {
				t.Errorf("in de toekomst: %v", err)
			}
			// The intake form cannot choose this channel.
			if _, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{Kanaal: zaken.Verwijzing, Route: zaken.Schuldhulp, Gestart: v.Ontvangen,
				HuishoudenID: o.recs["GM1681"][0].ID}, consulent); veldVan(err) != "kanaal" {
				t.Errorf("intake met kanaal verwijzing: %v", err)
			}
		})
	}
}
