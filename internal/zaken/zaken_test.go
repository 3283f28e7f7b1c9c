package zaken_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/zaken"
)

func veldVan(err error) string {
	var f errs.Fields
	if errors.As(err, &f) && len(f) > 0 {
		return f[0].Path
	}
	return ""
}

// TestTermijnenBijIntake: the deadline of the first conversation per gemeente, from the law and the
// plans of the seeds (Ommen stricter in a crisis, Borne longer than the law), with the article.
func TestTermijnenBijIntake(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-05-13 16:00"), 6, "GM1681", "GM0175", "GM0147") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			for i, tc := range []struct {
				gm              string
				gestart         string
				crisis          bool
				want, wettelijk string
				uitleg          []string
			}{
				// A request on a Saturday: 4 weeks end on Saturday 4 April, Easter → Tuesday 7 April (Atw art. 1).
				{"GM1681", "2026-03-07 11:00", false, "2026-04-07", "2026-04-07", []string{"4 weken (Wgs artikel 4 lid 1)", "Algemene termijnenwet artikel 1"}},
				// Crisis on the Wednesday before Hemelvaart: Thursday and the equated Friday do not count.
				{"GM1681", "2026-05-13 09:30", true, "2026-05-20", "2026-05-20", []string{"3 werkdagen (Wgs artikel 4 lid 2)"}},
				// Ommen: "binnen drie dagen" from a Friday is Tuesday (Atw art. 2), stricter than Wednesday.
				{"GM0175", "2026-03-06 15:00", true, "2026-03-10", "2026-03-11", []string{"Termijn van de gemeente: 3 dagen, strenger dan de wet", "artikel 2"}},
				// Borne: 8 weeks until the first conversation is longer than the law: 4 weeks apply.
				{"GM0147", "2026-03-02 10:00", false, "2026-03-30", "2026-03-30", []string{"De gemeente noemt 8 weken; dat is langer dan de wet toestaat"}},
				// A request late on New Year's Eve in Amsterdam is on 31 December (UTC is the same day here, 23:30 CET).
				{"GM1681", "2025-12-31 23:30", false, "2026-01-28", "2026-01-28", nil},
			} {
				rec := o.recs[tc.gm][i%len(o.recs[tc.gm])]
				h := zaken.Hulpvraag{HuishoudenID: rec.ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op(tc.gestart), Crisis: tc.crisis}
				if tc.crisis {
					h.CrisisSoort = zaken.CrisisOntruiming
				}
				id, err := o.svc.Start(ctx, tc.gm, h, consulent)
				if err != nil {
					t.Fatalf("%d: %v", i, err)
				}
				det, err := o.svc.Zaak(ctx, tc.gm, id)
				if err != nil {
					t.Fatal(err)
				}
				dl := det.Zaak.EersteGesprekTermijn
				if dl.Datum != d(tc.want) || dl.Wettelijk != d(tc.wettelijk) || det.Zaak.VolgendeDeadline != d(tc.want) {
					t.Errorf("%d %s: deadline %s (wettelijk %s, volgende %s), want %s (%s)", i, tc.gm, dl.Datum, dl.Wettelijk, det.Zaak.VolgendeDeadline, tc.want, tc.wettelijk)
				}
				for _, u := range tc.uitleg {
					if !strings.Contains(dl.Uitleg, u) {
						t.Errorf("%d: uitleg %q mist %q", i, dl.Uitleg, u)
					}
				}
				if det.Regie.RegisseurNaam != consulent.Naam {
					t.Errorf("regisseur %q", det.Regie.RegisseurNaam)
				}
			}
		})
	}
}

// TestVerloop moves the injected clock through a zaak: intake, first conversation, the decision with
// the gemeente's refusal grounds, early termination and completion; stale forms are refused.
func TestVerloop(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 4, "GM0175") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM0175"]
			id, err := o.svc.Start(ctx, "GM0175", zaken.Hulpvraag{BSN: eersteBSN(recs[0]), Kanaal: zaken.Telefoon, Route: zaken.Schuldhulp,
				Gestart: op("2026-03-02 08:45"), Toelichting: "Huurachterstand en een brief van de deurwaarder."}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			z := mustZaak(t, o, "GM0175", id)
			if z.Status != zaken.Aangemeld || z.HuishoudenID != recs[0].ID || z.EersteGesprekTermijn.Datum != d("2026-03-30") {
				t.Fatalf("zaak %+v", z)
			}
			// A decision before the first conversation does not fit.
			if err := o.svc.Besluit(ctx, "GM0175", id, z.Versie, zaken.Beschikking{Soort: zaken.BesluitPlan, Datum: d("2026-03-02")}, consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("besluit voor gesprek: %v", err)
			}
			// A date in the future is refused at its field.
			if err := o.svc.EersteGesprek(ctx, "GM0175", id, z.Versie, d("2026-03-03"), false, "", consulent); veldVan(err) != "gesprek-datum" {
				t.Errorf("gesprek in de toekomst: %v", err)
			}
			o.zet(op("2026-03-27 14:00"))
			if err := o.svc.EersteGesprek(ctx, "GM0175", id, z.Versie, d("2026-03-27"), false, "", consulent); err != nil {
				t.Fatal(err)
			}
			// The same (now stale) form again: refused, nothing overwritten.
			if err := o.svc.EersteGesprek(ctx, "GM0175", id, z.Versie, d("2026-03-26"), false, "", consulent); !errors.Is(err, zaken.ErrVerouderd) || !errors.Is(err, errs.Conflict) {
				t.Errorf("verouderd formulier: %v", err)
			}
			z = mustZaak(t, o, "GM0175", id)
			// 8 weeks after Friday 27 March: Friday 22 May 2026 (Wgs art. 4a lid 3, no verordening term set).
			if z.Status != zaken.Intake || z.EersteGesprek != d("2026-03-27") || z.BesluitTermijn.Datum != d("2026-05-22") || z.VolgendeDeadline != d("2026-05-22") {
				t.Fatalf("na gesprek: %+v", z)
			}
			if !strings.Contains(z.BesluitTermijn.Uitleg, "Wgs artikel 4a lid 3") {
				t.Errorf("uitleg %q", z.BesluitTermijn.Uitleg)
			}
			// Ommen refuses only for lack of lawful residence: another ground is refused by the system.
			o.zet(op("2026-04-08 10:00"))
			err = o.svc.Besluit(ctx, "GM0175", id, z.Versie, zaken.Beschikking{Soort: zaken.BesluitWeigering, Datum: d("2026-04-08"), Grond: zaken.GrondEerder, Toelichting: "Eerder schuldhulp gehad."}, consulent)
			if veldVan(err) != "grond" || !strings.Contains(err.Error(), "Geen rechtmatig verblijf") {
				t.Errorf("weigering op eerder gebruik in Ommen: %v", err)
			}
			err = o.svc.Besluit(ctx, "GM0175", id, z.Versie, zaken.Beschikking{Soort: zaken.BesluitWeigering, Datum: d("2026-04-08"), Grond: zaken.GrondGeenVerblijf}, consulent)
			if veldVan(err) != "besluit-toelichting" {
				t.Errorf("weigering zonder motivering: %v", err)
			}
			if err := o.svc.Besluit(ctx, "GM0175", id, z.Versie, zaken.Beschikking{Soort: zaken.BesluitPlan, Datum: d("2026-04-08")}, consulent); err != nil {
				t.Fatal(err)
			}
			z = mustZaak(t, o, "GM0175", id)
			if z.Status != zaken.Plan || z.Besluit != zaken.BesluitPlan || !z.VolgendeDeadline.IsZero() {
				t.Fatalf("na besluit: %+v", z)
			}
			o.zet(op("2026-09-01 10:00"))
			if err := o.svc.RondAf(ctx, "GM0175", id, z.Versie, d("2026-09-01"), "Schuldregeling getroffen.", consulent); err != nil {
				t.Fatal(err)
			}
			if z = mustZaak(t, o, "GM0175", id); z.Status != zaken.Afgerond || z.Einde != d("2026-09-01") {
				t.Fatalf("afgerond: %+v", z)
			}

			// A second household: refused for lack of lawful residence (allowed), a third ended early.
			id2, err := o.svc.Start(ctx, "GM0175", zaken.Hulpvraag{HuishoudenID: recs[1].ID, Kanaal: zaken.Balie, Route: zaken.Ondernemers, Gestart: op("2026-09-01 09:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			z2 := mustZaak(t, o, "GM0175", id2)
			if err := o.svc.EersteGesprek(ctx, "GM0175", id2, z2.Versie, d("2026-09-01"), false, "", consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.Besluit(ctx, "GM0175", id2, z2.Versie+1, zaken.Beschikking{Soort: zaken.BesluitWeigering, Datum: d("2026-09-01"),
				Grond: zaken.GrondGeenVerblijf, Toelichting: "Geen verblijfsvergunning."}, consulent); err != nil {
				t.Fatal(err)
			}
			if z2 = mustZaak(t, o, "GM0175", id2); z2.Status != zaken.Geweigerd || z2.Weigeringsgrond != zaken.GrondGeenVerblijf || z2.Status.Open() {
				t.Fatalf("geweigerd: %+v", z2)
			}
			id3, err := o.svc.Start(ctx, "GM0175", zaken.Hulpvraag{HuishoudenID: recs[2].ID, Kanaal: zaken.Online, Route: zaken.Schuldhulp, Gestart: op("2026-09-01 09:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			z3 := mustZaak(t, o, "GM0175", id3)
			if err := o.svc.Beeindig(ctx, "GM0175", id3, z3.Versie, zaken.RedenIngetrokken, d("2026-09-01"), "", consulent); veldVan(err) != "einde-toelichting" {
				t.Errorf("beëindigen zonder motivering: %v", err)
			}
			if err := o.svc.Beeindig(ctx, "GM0175", id3, z3.Versie, "", d("2026-09-01"), "x", consulent); veldVan(err) != "reden" {
				t.Errorf("beëindigen zonder reden: %v", err)
			}
			if err := o.svc.Beeindig(ctx, "GM0175", id3, z3.Versie, zaken.RedenIngetrokken, d("2026-09-01"), "De inwoner trekt de aanvraag in.", consulent); err != nil {
				t.Fatal(err)
			}
			if z3 = mustZaak(t, o, "GM0175", id3); z3.Status != zaken.Beeindigd || z3.EindeReden != string(zaken.RedenIngetrokken) {
				t.Fatalf("beëindigd: %+v", z3)
			}
			det, err := o.svc.Zaak(ctx, "GM0175", id)
			if err != nil {
				t.Fatal(err)
			}
			var soorten []string
			for _, g := range det.Tijdlijn {
				soorten = append(soorten, g.Soort)
			}
			if got := strings.Join(soorten, " "); got != "aangemeld regie eerste-gesprek besluit afronden" {
				t.Errorf("tijdlijn %q", got)
			}
		})
	}
}

func mustZaak(t *testing.T, o omgeving, gm string, id int64) zaken.Zaak {
	t.Helper()
	det, err := o.svc.Zaak(metActor(t.Context()), gm, id)
	if err != nil {
		t.Fatal(err)
	}
	return det.Zaak
}

// TestAfzienInEersteGesprek: Wgs art. 4a lid 2, no beschikking.
func TestAfzienInEersteGesprek(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-10 09:00"), 2, "GM1969") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			id, err := o.svc.Start(ctx, "GM1969", zaken.Hulpvraag{HuishoudenID: o.recs["GM1969"][0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-09 10:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			if err := o.svc.EersteGesprek(ctx, "GM1969", id, 1, d("2026-03-10"), true, "Lost het zelf op met familie.", consulent); err != nil {
				t.Fatal(err)
			}
			z := mustZaak(t, o, "GM1969", id)
			if z.Status != zaken.Afgezien || z.Status.Open() || z.Einde != d("2026-03-10") || !z.VolgendeDeadline.IsZero() {
				t.Errorf("%+v", z)
			}
		})
	}
}

// TestEenOpenZaakPerHuishouden: a household with an open zaak gets no second one; after closing it can.
func TestEenOpenZaakPerHuishouden(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-10 09:00"), 2, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			h := zaken.Hulpvraag{HuishoudenID: o.recs["GM1681"][0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-10 08:00")}
			id, err := o.svc.Start(ctx, "GM1681", h, consulent)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := o.svc.Start(ctx, "GM1681", h, consulent); !errors.Is(err, zaken.ErrOpenZaak) || !strings.Contains(err.Error(), "zaak ") {
				t.Errorf("tweede open zaak: %v", err)
			}
			if err := o.svc.Beeindig(ctx, "GM1681", id, 1, zaken.RedenNietVerschenen, d("2026-03-10"), "Niet verschenen op twee afspraken.", consulent); err != nil {
				t.Fatal(err)
			}
			if _, err := o.svc.Start(ctx, "GM1681", h, consulent); err != nil {
				t.Errorf("nieuwe zaak na afsluiten: %v", err)
			}
			// Bad input is named at its field.
			for _, tc := range []struct {
				h    zaken.Hulpvraag
				veld string
			}{
				{zaken.Hulpvraag{BSN: "123456789", Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-10 08:00")}, "bsn"},
				{zaken.Hulpvraag{BSN: "999999990", Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-10 08:00")}, "bsn"},
				{zaken.Hulpvraag{HuishoudenID: "bestaat-niet", Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-10 08:00")}, "huishouden"},
				{zaken.Hulpvraag{HuishoudenID: "x", Kanaal: "post", Route: zaken.Schuldhulp, Gestart: op("2026-03-10 08:00")}, "kanaal"},
				{zaken.Hulpvraag{HuishoudenID: "x", Kanaal: zaken.Balie, Route: "crisis", Gestart: op("2026-03-10 08:00")}, "route"},
				{zaken.Hulpvraag{HuishoudenID: "x", Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-11 08:00")}, "gestart"},
				{zaken.Hulpvraag{HuishoudenID: "x", Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-10 08:00"), Crisis: true}, "crisissoort"},
				{zaken.Hulpvraag{Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-10 08:00")}, "bsn"},
			} {
				if _, err := o.svc.Start(ctx, "GM1681", tc.h, consulent); veldVan(err) != tc.veld || !errors.Is(err, errs.Invalid) {
					t.Errorf("%+v: %v, want fout bij %s", tc.h, err, tc.veld)
				}
			}
		})
	}
}

// TestVanVroegsignaal: one click starts a zaak from a vroegsignaalzaak; the clock runs from the receipt
// (Wgs art. 4 lid 1 onder b), the signals come along, the link is kept, a second click finds it.
func TestVanVroegsignaal(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-04-14 10:00"), 2, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			rec := o.recs["GM1681"][1]
			v := zaken.Vroegsignaal{ID: 42, HuishoudenID: rec.ID, Ontvangen: d("2026-04-02"), Crisis: true, CrisisSoort: zaken.CrisisEnergie,
				Signalen: []zaken.Signaal{{Partner: "Demo energie", PartnerType: "Energie", Bedrag: geld.Bedrag(45_000), Ontstaansdatum: d("2026-01-15"), CrisisSoort: "afsluiting energie"},
					{Partner: "Demo woningcorporatie", PartnerType: "Huur", Bedrag: geld.Bedrag(123_456), Ontstaansdatum: d("2026-02-01")}}}
			id, err := o.svc.VanVroegsignaal(ctx, "GM1681", v, zaken.Schuldhulp, d("2026-04-14"), consulent)
			if err != nil {
				t.Fatal(err)
			}
			det, err := o.svc.Zaak(ctx, "GM1681", id)
			if err != nil {
				t.Fatal(err)
			}
			z := det.Zaak
			// 3 working days after Thursday 2 April 2026: Good Friday and Easter Monday do not count → 9 April.
			if z.Kanaal != zaken.Vroegsignalering || z.VroegsignaalzaakID != 42 || z.Startdatum != d("2026-04-02") || z.AanbodAanvaard != d("2026-04-14") ||
				!z.Crisis || z.EersteGesprekTermijn.Datum != d("2026-04-09") {
				t.Errorf("zaak %+v", z)
			}
			if len(det.Signalen) != 2 || det.Signalen[1].Bedrag != geld.Bedrag(123_456) || len(det.Personen) != len(rec.H.Personen) {
				t.Errorf("signalen %+v, personen %d", det.Signalen, len(det.Personen))
			}
			if got, ok, err := o.svc.ZaakVanVroegsignaal(ctx, "GM1681", 42); err != nil || !ok || got != id {
				t.Errorf("ZaakVanVroegsignaal = %d %v %v", got, ok, err)
			}
			if _, ok, _ := o.svc.ZaakVanVroegsignaal(ctx, "GM0175", 42); ok {
				t.Error("link visible in another gemeente")
			}
			got, err := o.svc.VanVroegsignaal(ctx, "GM1681", v, zaken.Schuldhulp, d("2026-04-14"), consulent)
			if !errors.Is(err, errs.Conflict) || got != id {
				t.Errorf("tweede klik: %d, %v", got, err)
			}
			v.ID, v.HuishoudenID = 43, ""
			if _, err := o.svc.VanVroegsignaal(ctx, "GM1681", v, zaken.Schuldhulp, d("2026-04-14"), consulent); veldVan(err) != "huishouden" {
				t.Errorf("zonder huishouden: %v", err)
			}
		})
	}
}

// TestInstellingen: settings are checked, stored with a version, and the stored deadlines of open zaken
// are recomputed when they change.
func TestInstellingen(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 3, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			idc, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[1].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00"),
				Crisis: true, CrisisSoort: zaken.CrisisWater}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			if z := mustZaak(t, o, "GM1681", id); z.EersteGesprekTermijn.Datum != d("2026-03-30") {
				t.Fatalf("voor: %s", z.EersteGesprekTermijn.Datum)
			}
			in, err := o.svc.Instellingen(ctx, "GM1681")
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				wijzig func(*zaken.Instellingen)
				want   string
			}{
				{func(i *zaken.Instellingen) {
					i.EersteGesprek = zaken.LokaleTermijn{Termijn: termijn.Termijn{Aantal: 2, Eenheid: termijn.Weken}}
				}, "noem de bron"},
				{func(i *zaken.Instellingen) {
					i.Crisis = zaken.LokaleTermijn{Bron: "x"}
				}, "een bron zonder termijn"},
				{func(i *zaken.Instellingen) {
					i.Besluit = zaken.LokaleTermijn{Termijn: termijn.Termijn{Aantal: 2, Eenheid: "jaar"}, Bron: "x"}
				}, "onbekende eenheid"},
				{func(i *zaken.Instellingen) { i.Weigeringsgronden = []zaken.Weigeringsgrond{"schulden"} }, "bestaat niet"},
				{func(i *zaken.Instellingen) { i.Bewaren = map[zaken.Status]int{zaken.Plan: 12} }, "alleen voor afgesloten"},
				{func(i *zaken.Instellingen) { i.Bewaren = map[zaken.Status]int{zaken.Afgerond: -1} }, "kies 1 tot en met"},
			} {
				kopie := in
				tc.wijzig(&kopie)
				if err := o.svc.ZetInstellingen(ctx, "GM1681", kopie); !errors.Is(err, errs.Invalid) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%v, want %q", err, tc.want)
				}
			}
			in.EersteGesprek = zaken.LokaleTermijn{Termijn: termijn.Termijn{Aantal: 2, Eenheid: termijn.Weken}, Bron: "Beleidsregels (test)"}
			in.Crisis = zaken.LokaleTermijn{Termijn: termijn.Termijn{Aantal: 1, Eenheid: termijn.Werkdagen}, Bron: "Beleidsregels (test)"}
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in); !errors.Is(err, zaken.ErrVerouderd) {
				t.Errorf("tweede keer met dezelfde versie: %v", err)
			}
			if z := mustZaak(t, o, "GM1681", id); z.EersteGesprekTermijn.Datum != d("2026-03-16") || z.EersteGesprekTermijn.Wettelijk != d("2026-03-30") ||
				z.VolgendeDeadline != d("2026-03-16") || !strings.Contains(z.EersteGesprekTermijn.Uitleg, "Termijn van de gemeente: 2 weken") {
				t.Errorf("na wijziging: %+v", z.EersteGesprekTermijn)
			}
			if z := mustZaak(t, o, "GM1681", idc); z.EersteGesprekTermijn.Datum != d("2026-03-03") {
				t.Errorf("crisis na wijziging: %+v", z.EersteGesprekTermijn)
			}
			opgeslagen, err := o.svc.Instellingen(ctx, "GM1681")
			if err != nil {
				t.Fatal(err)
			}
			if opgeslagen.Versie != 1 || opgeslagen.EersteGesprek != in.EersteGesprek || len(opgeslagen.ToegestaneGronden()) != 3 {
				t.Errorf("opgeslagen %+v", opgeslagen)
			}
			// Lid 4 (no lawful residence) cannot be switched off.
			opgeslagen.Weigeringsgronden = nil
			if err := o.svc.ZetInstellingen(ctx, "GM1681", opgeslagen); err != nil {
				t.Fatal(err)
			}
			if g, _ := o.svc.Instellingen(ctx, "GM1681"); len(g.ToegestaneGronden()) != 1 || g.ToegestaneGronden()[0] != zaken.GrondGeenVerblijf {
				t.Errorf("gronden %v", g.ToegestaneGronden())
			}
		})
	}
}

// TestPlanEnRegie: one plan per household with goals and actions, one regisseur, hand-over as a step.
func TestPlanEnRegie(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 1, "GM1969") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			id, err := o.svc.Start(ctx, "GM1969", zaken.Hulpvraag{HuishoudenID: o.recs["GM1969"][0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			det, _ := o.svc.Zaak(ctx, "GM1969", id)
			v := det.Regie.Versie
			if err := o.svc.VoegDoelToe(ctx, "GM1969", id, v, zaken.NieuwDoel{Domein: zaken.DomeinGeld, Omschrijving: "Vaste lasten op tijd betalen", Streefdatum: d("2026-06-01")}, consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.VoegDoelToe(ctx, "GM1969", id, v, zaken.NieuwDoel{Domein: zaken.DomeinWonen, Omschrijving: "Huis behouden"}, consulent); !errors.Is(err, zaken.ErrVerouderd) {
				t.Errorf("verouderd plan: %v", err)
			}
			det, _ = o.svc.Zaak(ctx, "GM1969", id)
			doel := det.Doelen[0]
			if err := o.svc.VoegActieToe(ctx, "GM1969", id, det.Regie.Versie, zaken.NieuweActie{DoelID: doel.ID, Omschrijving: "Budgetplan maken", Wie: zaken.WieVrijwilliger, WieNaam: "SchuldHulpMaatje", Datum: d("2026-03-20")}, consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.VoegActieToe(ctx, "GM1969", id, det.Regie.Versie+1, zaken.NieuweActie{DoelID: 9999, Omschrijving: "x", Wie: zaken.WieInwoner}, consulent); veldVan(err) != "actie-doel" {
				t.Errorf("actie bij onbekend doel: %v", err)
			}
			det, _ = o.svc.Zaak(ctx, "GM1969", id)
			a := det.Doelen[0].Acties[0]
			if a.Wie != zaken.WieVrijwilliger || a.WieNaam != "SchuldHulpMaatje" || a.Datum != d("2026-03-20") || !a.Gedaan.IsZero() {
				t.Errorf("actie %+v", a)
			}
			if err := o.svc.ActieGedaan(ctx, "GM1969", id, det.Regie.Versie, a.ID, consulent); err != nil {
				t.Fatal(err)
			}
			det, _ = o.svc.Zaak(ctx, "GM1969", id)
			if det.Doelen[0].Acties[0].Gedaan != d("2026-03-02") {
				t.Errorf("gedaan %s", det.Doelen[0].Acties[0].Gedaan)
			}
			naar := zaken.Medewerker{ID: 8, Naam: "Tweede Consulent"}
			if err := o.svc.DraagRegieOver(ctx, "GM1969", id, det.Regie.Versie, consulent, "x", consulent); veldVan(err) != "regisseur" {
				t.Errorf("aan zichzelf: %v", err)
			}
			if err := o.svc.DraagRegieOver(ctx, "GM1969", id, det.Regie.Versie, naar, "", consulent); veldVan(err) != "regie-reden" {
				t.Errorf("zonder reden: %v", err)
			}
			if err := o.svc.DraagRegieOver(ctx, "GM1969", id, det.Regie.Versie, naar, "Verlof", consulent); err != nil {
				t.Fatal(err)
			}
			det, _ = o.svc.Zaak(ctx, "GM1969", id)
			if det.Regie.RegisseurID != 8 || det.Regie.RegisseurNaam != "Tweede Consulent" {
				t.Errorf("regie %+v", det.Regie)
			}
			last := det.Tijdlijn[len(det.Tijdlijn)-1]
			if last.Soort != "regie" || !strings.Contains(last.Tekst, "van Test Consulent aan Tweede Consulent. Reden: Verlof") {
				t.Errorf("tijdlijn %+v", last)
			}
		})
	}
}

// TestAuditEnGemeenten: every read and change is in the audit log with the household's BSNs; another
// gemeente sees nothing.
func TestAuditEnGemeenten(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 3, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			rec := o.recs["GM1681"][0]
			id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: rec.ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := o.svc.Zaak(ctx, "GM1681", id); err != nil {
				t.Fatal(err)
			}
			if _, _, err := o.svc.Werklijst(ctx, "GM1681", zaken.Filter{}); err != nil {
				t.Fatal(err)
			}
			if _, err := o.svc.Zaak(ctx, "GM0175", id); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("andere gemeente: %v", err)
			}
			if err := o.svc.Notitie(ctx, "GM0175", id, "x", consulent); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("notitie in andere gemeente: %v", err)
			}
			var met int
			for _, b := range rec.BSN {
				if b != "" {
					met++
				}
			}
			for _, op := range []string{"zaak.aanmaken", "zaak.bekijken"} {
				rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: op, BSN: eersteBSN(rec)})
				if len(rs) != 1 || rs[0].Object != "zaak/"+itoa(id) || rs[0].Actor.Naam != "Test Consulent" || rs[0].Verwerkingsactiviteit != "zaken.behandelen" {
					t.Errorf("%s: %+v", op, rs)
				} else if want := max(met, 1); rs[0].Aantal != want {
					t.Errorf("%s: aantal %d, want %d", op, rs[0].Aantal, want)
				}
			}
			if rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaak.werklijst"}); len(rs) != 1 || rs[0].Aantal != 1 {
				t.Errorf("werklijst: %+v", rs)
			}
			if rs := o.auditRijen(t, "GM0175", audit.Filter{}); len(rs) != 0 {
				t.Errorf("rijen in andere gemeente: %+v", rs)
			}
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
