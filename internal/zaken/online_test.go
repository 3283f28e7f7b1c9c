package zaken_test

import (
	"errors"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestOnline: a resident's own request starts the clock at the moment of sending (Wgs art. 4 lid 1
// onder a), a crisis gives 3 working days (lid 2), two online requests without a household may be
// open at once, the plan waits for the household, and linking it copies the persons and moves the
// timeline; a household with another open zaak is refused.
func TestOnline(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-13 16:30"), 3, "GM1681") { // a Friday
		t.Run(o.naam, func(t *testing.T) {
			ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorInwoner, ID: "hulpvraag"})
			a := zaken.OnlineAanvraag{Naam: "Test Inwoner", Telefoon: "06 1234 5678", Vraag: "Ik heb huurachterstand.", Kinderen: true}
			ont, err := o.svc.Online(ctx, "GM1681", a)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := ont.EersteGesprek.Datum, d("2026-04-10"); got != want {
				t.Errorf("eerste gesprek %s, want %s (4 weken na vrijdag 13 maart)", got, want)
			}
			a.Crisis = zaken.CrisisWater
			ont2, err := o.svc.Online(ctx, "GM1681", a)
			if err != nil {
				t.Fatalf("tweede online aanvraag zonder huishouden: %v", err)
			}
			if got, want := ont2.EersteGesprek.Datum, d("2026-03-18"); got != want {
				t.Errorf("crisis: eerste gesprek %s, want %s (3 werkdagen na vrijdag)", got, want)
			}
			det, err := o.svc.Zaak(metActor(t.Context()), "GM1681", ont.ZaakID)
			if err != nil {
				t.Fatal(err)
			}
			if det.Zaak.Kanaal != zaken.Online || det.Zaak.HuishoudenID != "" || det.Aanvraag == nil || det.Aanvraag.Vraag != a.Vraag || !det.Aanvraag.Kinderen {
				t.Fatalf("zaak %+v aanvraag %+v", det.Zaak, det.Aanvraag)
			}
			if len(det.Tijdlijn) != 1 || len(det.Andere) != 0 {
				t.Errorf("tijdlijn %d regels, andere %d: alleen de eigen zaak", len(det.Tijdlijn), len(det.Andere))
			}
			cctx := metActor(t.Context())
			if err := o.svc.VoegDoelToe(cctx, "GM1681", ont.ZaakID, 0, zaken.NieuwDoel{Domein: zaken.DomeinGeld, Omschrijving: "x"}, consulent); veldVan(err) != "huishouden" && !errors.Is(err, zaken.ErrVerouderd) {
				t.Errorf("plan zonder huishouden: %v", err)
			}
			rec := o.recs["GM1681"][0]
			if err := o.svc.KoppelHuishouden(cctx, "GM1681", ont.ZaakID, 1, "", eersteBSN(rec), consulent); err != nil {
				t.Fatal(err)
			}
			var open *zaken.OpenZaak
			if err := o.svc.KoppelHuishouden(cctx, "GM1681", ont2.ZaakID, 1, rec.ID, "", consulent); !errors.As(err, &open) || open.ID != ont.ZaakID {
				t.Errorf("tweede koppeling aan hetzelfde huishouden: %v", err)
			}
			det, err = o.svc.Zaak(cctx, "GM1681", ont.ZaakID)
			if err != nil {
				t.Fatal(err)
			}
			if det.Zaak.HuishoudenID != rec.ID || len(det.Personen) != len(rec.H.Personen) || det.Regie.RegisseurID != consulent.ID {
				t.Errorf("na koppelen: huishouden %q, %d personen, regisseur %d", det.Zaak.HuishoudenID, len(det.Personen), det.Regie.RegisseurID)
			}
			if len(det.Tijdlijn) < 2 || det.Tijdlijn[0].Soort != "aangemeld" {
				t.Errorf("tijdlijn na koppelen: %+v", det.Tijdlijn)
			}
			if got := det.Zaak.EersteGesprekTermijn.Datum; got != ont.EersteGesprek.Datum {
				t.Errorf("koppelen verschoof de termijn: %s", got)
			}
			if err := o.svc.VoegDoelToe(cctx, "GM1681", ont.ZaakID, det.Regie.Versie, zaken.NieuwDoel{Domein: zaken.DomeinGeld, Omschrijving: "Overzicht"}, consulent); err != nil {
				t.Errorf("plan na koppelen: %v", err)
			}
			// Bad input names its field.
			for _, tc := range []struct {
				a    zaken.OnlineAanvraag
				veld string
			}{
				{zaken.OnlineAanvraag{Telefoon: "0612345678"}, "naam"},
				{zaken.OnlineAanvraag{Naam: "x"}, "telefoon"},
				{zaken.OnlineAanvraag{Naam: "x", Telefoon: "12"}, "telefoon"},
				{zaken.OnlineAanvraag{Naam: "x", Email: "geen-adres"}, "email"},
				{zaken.OnlineAanvraag{Naam: "x", Email: "a@b.nl", Crisis: "brand"}, "crisis"},
			} {
				if _, err := o.svc.Online(ctx, "GM1681", tc.a); veldVan(err) != tc.veld {
					t.Errorf("%+v: %v, want fout bij %s", tc.a, err, tc.veld)
				}
			}
		})
	}
}
