package zaken_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestNazorgEnTerugval walks a zaak to its end, hands it to a partner for nazorg with contact moments,
// moves the clock through the terugval window and reopens it with everything kept; after the window a
// reopening is refused. A merge of two partners moves the nazorg and the plan actions.
func TestNazorgEnTerugval(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 2, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			for _, gm := range []string{"GM1681", "GM0175"} {
				if _, err := o.db.SQL().ExecContext(ctx, `INSERT INTO tenants (code, name, created_at, updated_at) VALUES ($1, $1, $2, $2)
					ON CONFLICT (code) DO NOTHING`, gm, op("2026-01-01 00:00").UTC()); err != nil {
					t.Fatal(err)
				}
			}
			humanitas, err := o.prt.Maak(ctx, partner.Nieuw{Naam: "Humanitas Test", Gemeente: "GM1681"})
			if err != nil {
				t.Fatal(err)
			}
			ander, err := o.prt.Maak(ctx, partner.Nieuw{Naam: "Elders", Gemeente: "GM0175"})
			if err != nil {
				t.Fatal(err)
			}
			rec := o.recs["GM1681"][0]
			id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: rec.ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			must(o.svc.EersteGesprek(ctx, "GM1681", id, 1, d("2026-03-02"), false, "", consulent))
			must(o.svc.Besluit(ctx, "GM1681", id, 2, zaken.Beschikking{Soort: zaken.BesluitPlan, Datum: d("2026-03-02")}, consulent))
			must(o.svc.VoegDoelToe(ctx, "GM1681", id, 1, zaken.NieuwDoel{Domein: zaken.DomeinGeld, Omschrijving: "Schulden op een rij"}, consulent))
			det, _ := o.svc.Zaak(ctx, "GM1681", id)
			doel := det.Doelen[0].ID
			if err := o.svc.VoegActieToe(ctx, "GM1681", id, 2, zaken.NieuweActie{DoelID: doel, Omschrijving: "Budgetcursus", Wie: zaken.WiePartner, PartnerID: ander.ID}, consulent); veldVan(err) != "actie-partner" {
				t.Errorf("partner van een andere gemeente: %v", err)
			}
			must(o.svc.VoegActieToe(ctx, "GM1681", id, 2, zaken.NieuweActie{DoelID: doel, Omschrijving: "Budgetcursus", Wie: zaken.WiePartner, PartnerID: humanitas.ID}, consulent))
			if err := o.svc.StartNazorg(ctx, "GM1681", id, 3, humanitas.ID, d("2026-03-02"), nil, consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("nazorg van een open zaak: %v", err)
			}
			o.zet(op("2026-06-01 10:00"))
			must(o.svc.RondAf(ctx, "GM1681", id, 3, d("2026-06-01"), "Schulden geregeld.", consulent))
			must(o.svc.StartNazorg(ctx, "GM1681", id, 4, humanitas.ID, d("2026-06-01"),
				[]zaken.NieuwMoment{{Datum: d("2026-07-01"), Onderwerp: "Hoe gaat het met betalen?"}, {Datum: d("2026-09-01"), Onderwerp: "Budget nalopen"}}, consulent))
			if err := o.svc.StartNazorg(ctx, "GM1681", id, 5, humanitas.ID, d("2026-06-01"), nil, consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("tweede nazorg: %v", err)
			}
			must(o.svc.PlanContact(ctx, "GM1681", id, 5, zaken.NieuwMoment{Datum: d("2026-12-01"), Onderwerp: "Laatste contact"}, consulent))
			o.zet(op("2026-07-02 10:00"))
			det, _ = o.svc.Zaak(ctx, "GM1681", id)
			if len(det.Nazorg) != 1 || len(det.Nazorg[0].Momenten) != 3 || det.Nazorg[0].PartnerID != humanitas.ID {
				t.Fatalf("nazorg: %+v", det.Nazorg)
			}
			must(o.svc.ContactGedaan(ctx, "GM1681", id, 6, det.Nazorg[0].Momenten[0].ID, d("2026-07-01"), "Gaat goed.", consulent))
			// Without a terugval period no reopening.
			if err := o.svc.Heropen(ctx, "GM1681", id, 7, "Nieuwe achterstand", consulent); veldVan(err) != "terugval-reden" {
				t.Errorf("heropenen zonder periode: %v", err)
			}
			in, _ := o.svc.Instellingen(ctx, "GM1681")
			in.Terugval = zaken.Terugvalregel{Maanden: 12, Bron: "Testbeleid"}
			in.Bewaren = map[zaken.Status]int{zaken.Afgerond: 6}
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in); err == nil || !strings.Contains(err.Error(), "korter dan de terugvalperiode") {
				t.Errorf("bewaartermijn korter dan terugval: %v", err)
			}
			in.Bewaren = map[zaken.Status]int{zaken.Afgerond: 24}
			must(o.svc.ZetInstellingen(ctx, "GM1681", in))
			det, _ = o.svc.Zaak(ctx, "GM1681", id)
			if det.TerugvalTot != d("2027-06-01") {
				t.Errorf("terugval tot %s", det.TerugvalTot)
			}
			// A merge moves the nazorg and the action to the partner that stays.
			zelfde, err := o.prt.Maak(ctx, partner.Nieuw{Naam: "Humanitas Test (dubbel)", Gemeente: "GM1681"})
			must(err)
			if _, err := o.prt.VoegSamen(ctx, zelfde.ID, humanitas.ID); err != nil {
				t.Fatal(err)
			}
			det, _ = o.svc.Zaak(ctx, "GM1681", id)
			if det.Nazorg[0].PartnerID != zelfde.ID || det.Doelen[0].Acties[0].PartnerID != zelfde.ID {
				t.Errorf("na samenvoegen: nazorg %s, actie %s, want %s", det.Nazorg[0].PartnerID, det.Doelen[0].Acties[0].PartnerID, zelfde.ID)
			}
			// One day after the window: refused; on its last day: reopened with everything kept.
			o.zet(op("2027-06-02 09:00"))
			if err := o.svc.Heropen(ctx, "GM1681", id, 7, "Nieuwe achterstand", consulent); veldVan(err) != "terugval-reden" {
				t.Errorf("na de periode: %v", err)
			}
			o.zet(op("2027-06-01 16:00"))
			must(o.svc.Heropen(ctx, "GM1681", id, 7, "Nieuwe huurachterstand na baanverlies.", consulent))
			det, _ = o.svc.Zaak(ctx, "GM1681", id)
			z := det.Zaak
			if z.Status != zaken.Plan || !z.Status.Open() || z.Heropend != 1 || z.HeropendOp != d("2027-06-01") || !z.Einde.IsZero() {
				t.Errorf("heropend: %+v", z)
			}
			if len(det.Doelen) != 1 || len(det.Personen) == 0 || det.Regie.RegisseurID != consulent.ID || det.Zaak.EersteGesprek != d("2026-03-02") {
				t.Errorf("niet alles bewaard: %d doelen, %d personen, regisseur %d", len(det.Doelen), len(det.Personen), det.Regie.RegisseurID)
			}
			if det.Nazorg[0].Afgesloten != d("2027-06-01") || !strings.Contains(det.Nazorg[0].Reden, "Terugval") {
				t.Errorf("nazorg na terugval: %+v", det.Nazorg[0])
			}
			if laatste := det.Tijdlijn[len(det.Tijdlijn)-1]; laatste.Soort != "heropend" || !strings.Contains(laatste.Tekst, "geen nieuwe aanvraag") {
				t.Errorf("tijdlijn: %+v", laatste)
			}
			if _, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: rec.ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2027-06-01 15:00")}, consulent); !errors.Is(err, zaken.ErrOpenZaak) {
				t.Errorf("heropende zaak is open: %v", err)
			}
		})
	}
}
