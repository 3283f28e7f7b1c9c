package zaken_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestLaatsteAfkoelingsdag: six calendar months, never a day more when the month is shorter.
func TestLaatsteAfkoelingsdag(t *testing.T) {
	for van, want := range map[string]string{"2026-03-02": "2026-09-02", "2026-08-31": "2027-02-28", "2027-08-31": "2028-02-29",
		"2026-12-31": "2027-06-30", "2026-06-30": "2026-12-30"} {
		if got := zaken.LaatsteAfkoelingsdag(d(van)); got != d(want) {
			t.Errorf("%s: %s, want %s", van, got, want)
		}
	}
}

// TestStapUitkomstEnWeghalen: the outcome of each step with its own options, its date not before the
// step nor in the future, a granted moratorium with the end of its afkoelingsperiode at most six months
// after the ruling (Wgs art. 5), once per step; a step recorded by mistake is removed with a reason and
// leaves the step list and the worklist filter, the timeline keeps it.
func TestStapUitkomstEnWeghalen(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 2, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[0].ID, Kanaal: zaken.Balie, Route: zaken.Ondernemers, Gestart: op("2026-03-02 08:45")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			v := 1
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
				v++
			}
			must(o.svc.LegStapVast(ctx, "GM1681", id, v, zaken.StapBbz, d("2026-03-02"), "", consulent))
			must(o.svc.LegStapVast(ctx, "GM1681", id, v, zaken.StapMoratorium, d("2026-03-02"), "Ontruiming dreigt.", consulent))
			must(o.svc.LegStapVast(ctx, "GM1681", id, v, zaken.StapROZ, d("2026-03-02"), "", consulent))
			det, _ := o.svc.Zaak(ctx, "GM1681", id)
			bbz, mor, roz := det.Stappen[0].ID, det.Stappen[1].ID, det.Stappen[2].ID
			o.zet(op("2026-04-15 10:00"))
			for _, tc := range []struct {
				stap int64
				u    zaken.StapUitkomst
				veld string
			}{
				{bbz, zaken.StapUitkomst{Uitkomst: zaken.MoratoriumToegewezen, Datum: d("2026-04-01")}, "uitkomst"},
				{bbz, zaken.StapUitkomst{Uitkomst: "misschien", Datum: d("2026-04-01")}, "uitkomst"},
				{bbz, zaken.StapUitkomst{Uitkomst: zaken.BbzToegekend, Datum: d("2026-03-01")}, "uitkomst-datum"},
				{bbz, zaken.StapUitkomst{Uitkomst: zaken.BbzToegekend, Datum: d("2026-04-16")}, "uitkomst-datum"},
				{bbz, zaken.StapUitkomst{Uitkomst: zaken.BbzToegekend}, "uitkomst-datum"},
				{bbz, zaken.StapUitkomst{Uitkomst: zaken.BbzToegekend, Datum: d("2026-04-01"), AfkoelingTot: d("2026-05-01")}, "afkoeling-tot"},
				{mor, zaken.StapUitkomst{Uitkomst: zaken.MoratoriumToegewezen, Datum: d("2026-03-31")}, "afkoeling-tot"},
				{mor, zaken.StapUitkomst{Uitkomst: zaken.MoratoriumToegewezen, Datum: d("2026-03-31"), AfkoelingTot: d("2026-03-31")}, "afkoeling-tot"},
				{mor, zaken.StapUitkomst{Uitkomst: zaken.MoratoriumToegewezen, Datum: d("2026-03-31"), AfkoelingTot: d("2026-10-01")}, "afkoeling-tot"},
				{mor, zaken.StapUitkomst{Uitkomst: zaken.MoratoriumAfgewezen, Datum: d("2026-03-31"), AfkoelingTot: d("2026-06-01")}, "afkoeling-tot"},
				{roz, zaken.StapUitkomst{Uitkomst: zaken.BbzToegekend, Datum: d("2026-03-31")}, "uitkomst"},
			} {
				if err := o.svc.LegUitkomstVast(ctx, "GM1681", id, v, tc.stap, tc.u, consulent); veldVan(err) != tc.veld {
					t.Errorf("%d %+v: %v, want fout bij %s", tc.stap, tc.u, err, tc.veld)
				}
			}
			if err := o.svc.LegUitkomstVast(ctx, "GM1681", id, v-1, bbz, zaken.StapUitkomst{Uitkomst: zaken.BbzToegekend, Datum: d("2026-04-01")}, consulent); !errors.Is(err, zaken.ErrVerouderd) {
				t.Errorf("verouderd: %v", err)
			}
			must(o.svc.LegUitkomstVast(ctx, "GM1681", id, v, bbz, zaken.StapUitkomst{Uitkomst: zaken.BbzAfgewezen, Datum: d("2026-04-01"), Toelichting: "Bedrijf niet levensvatbaar."}, consulent))
			if err := o.svc.LegUitkomstVast(ctx, "GM1681", id, v, bbz, zaken.StapUitkomst{Uitkomst: zaken.BbzToegekend, Datum: d("2026-04-01")}, consulent); veldVan(err) != "uitkomst-stap" {
				t.Errorf("tweede uitkomst: %v", err)
			}
			// 31 March + six months = 30 September (the last day allowed); 1 October was refused above.
			must(o.svc.LegUitkomstVast(ctx, "GM1681", id, v, mor, zaken.StapUitkomst{Uitkomst: zaken.MoratoriumToegewezen, Datum: d("2026-03-31"), AfkoelingTot: d("2026-09-30")}, consulent))
			must(o.svc.LegUitkomstVast(ctx, "GM1681", id, v, roz, zaken.StapUitkomst{Uitkomst: zaken.ROZAangenomen, Datum: d("2026-04-15")}, consulent))
			det, _ = o.svc.Zaak(ctx, "GM1681", id)
			s0, s1 := det.Stappen[0], det.Stappen[1]
			if s0.Uitkomst != zaken.BbzAfgewezen || s0.UitkomstDatum != d("2026-04-01") || s0.UitkomstToelichting != "Bedrijf niet levensvatbaar." ||
				s1.Uitkomst != zaken.MoratoriumToegewezen || s1.AfkoelingTot != d("2026-09-30") || det.Stappen[2].Uitkomst != zaken.ROZAangenomen {
				t.Errorf("uitkomsten: %+v", det.Stappen)
			}
			if !tijdlijnBevat(t, o, "GM1681", id, "stap-uitkomst", "Moratorium toegewezen door de rechter op 2026-03-31, afkoelingsperiode tot en met 2026-09-30.") {
				t.Error("tijdlijn van de uitspraak")
			}
			// Remove the moratorium: it leaves the list and the filter.
			if err := o.svc.VerwijderStap(ctx, "GM1681", id, v, mor, "", consulent); veldVan(err) != "stap-weg-reden" {
				t.Errorf("weghalen zonder reden: %v", err)
			}
			must(o.svc.VerwijderStap(ctx, "GM1681", id, v, mor, "Bij de verkeerde zaak vastgelegd.", consulent))
			if err := o.svc.LegUitkomstVast(ctx, "GM1681", id, v, mor, zaken.StapUitkomst{Uitkomst: zaken.MoratoriumAfgewezen, Datum: d("2026-04-01")}, consulent); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("uitkomst van een weggehaalde stap: %v", err)
			}
			det, _ = o.svc.Zaak(ctx, "GM1681", id)
			if len(det.Stappen) != 2 || det.Stappen[0].Stap != zaken.StapBbz || det.Stappen[1].Stap != zaken.StapROZ {
				t.Errorf("stappen na weghalen: %+v", det.Stappen)
			}
			if rs, n, err := o.svc.Werklijst(ctx, "GM1681", zaken.Filter{Stap: zaken.StapMoratorium}); err != nil || n != 0 || len(rs) != 0 {
				t.Errorf("filter moratorium na weghalen: %d %v", n, err)
			}
			if _, n, _ := o.svc.Werklijst(ctx, "GM1681", zaken.Filter{Stap: zaken.StapBbz}); n != 1 {
				t.Errorf("filter bbz: %d", n)
			}
			if !tijdlijnBevat(t, o, "GM1681", id, "stap-verwijderd", "Stap weggehaald: Moratorium aangevraagd (Wgs art. 5) op 2026-03-02. Reden: Bij de verkeerde zaak vastgelegd.") ||
				!tijdlijnBevat(t, o, "GM1681", id, "stap", "Moratorium aangevraagd") {
				t.Error("tijdlijn houdt de stap en het weghalen")
			}
			if rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaak.stap-verwijderd"}); len(rs) != 1 {
				t.Errorf("audit weghalen: %d", len(rs))
			}
		})
	}
}

// TestNazorgVroegtijdigBeeindigen: nazorg ends by hand on a day from its start (not in the future) with
// a reason; the contact moments planned after that day and not held are cancelled, the one held stays;
// after the end no contact can be planned, and new nazorg can start.
func TestNazorgVroegtijdigBeeindigen(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 1, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			if _, err := o.db.SQL().ExecContext(ctx, `INSERT INTO tenants (code, name, created_at, updated_at) VALUES ($1, $1, $2, $2)
				ON CONFLICT (code) DO NOTHING`, "GM1681", op("2026-01-01 00:00").UTC()); err != nil {
				t.Fatal(err)
			}
			hum, err := o.prt.Maak(ctx, partner.Nieuw{Naam: "Humanitas Test", Gemeente: "GM1681"})
			if err != nil {
				t.Fatal(err)
			}
			id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: o.recs["GM1681"][0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			v := 1
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
				v++
			}
			must(o.svc.EersteGesprek(ctx, "GM1681", id, v, d("2026-03-02"), false, "", consulent))
			must(o.svc.Besluit(ctx, "GM1681", id, v, zaken.Beschikking{Soort: zaken.BesluitPlan, Datum: d("2026-03-02")}, consulent))
			o.zet(op("2026-06-01 10:00"))
			must(o.svc.RondAf(ctx, "GM1681", id, v, d("2026-06-01"), "Klaar.", consulent))
			if err := o.svc.BeeindigNazorg(ctx, "GM1681", id, v, d("2026-06-01"), "Geen nazorg", consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("beëindigen zonder nazorg: %v", err)
			}
			must(o.svc.StartNazorg(ctx, "GM1681", id, v, hum.ID, d("2026-06-01"),
				[]zaken.NieuwMoment{{Datum: d("2026-07-01"), Onderwerp: "Eerste"}, {Datum: d("2026-08-03"), Onderwerp: "Tweede"}, {Datum: d("2026-10-01"), Onderwerp: "Derde"}}, consulent))
			o.zet(op("2026-08-10 10:00"))
			det, _ := o.svc.Zaak(ctx, "GM1681", id)
			must(o.svc.ContactGedaan(ctx, "GM1681", id, v, det.Nazorg[0].Momenten[0].ID, d("2026-07-01"), "", consulent))
			for _, tc := range []struct {
				op    string
				reden string
				veld  string
			}{
				{"2026-08-10", " ", "nazorg-einde-reden"},
				{"2026-05-31", "Verhuisd", "nazorg-einde"},
				{"2026-08-11", "Verhuisd", "nazorg-einde"},
				{"", "Verhuisd", "nazorg-einde"},
			} {
				if err := o.svc.BeeindigNazorg(ctx, "GM1681", id, v, dOfNul(tc.op), tc.reden, consulent); veldVan(err) != tc.veld {
					t.Errorf("%+v: %v", tc, err)
				}
			}
			if err := o.svc.BeeindigNazorg(ctx, "GM1681", id, v-1, d("2026-08-01"), "Verhuisd", consulent); !errors.Is(err, zaken.ErrVerouderd) {
				t.Errorf("verouderd: %v", err)
			}
			must(o.svc.BeeindigNazorg(ctx, "GM1681", id, v, d("2026-08-01"), "Inwoner verhuisd naar een andere gemeente.", consulent))
			det, _ = o.svc.Zaak(ctx, "GM1681", id)
			n := det.Nazorg[0]
			if n.Afgesloten != d("2026-08-01") || !strings.Contains(n.Reden, "Vroegtijdig beëindigd: Inwoner verhuisd") {
				t.Errorf("nazorg: %+v", n)
			}
			if m := n.Momenten; len(m) != 3 || m[0].Status != zaken.MomentGehouden || m[0].Gedaan.IsZero() || m[1].Status != zaken.MomentVervallen || m[2].Status != zaken.MomentVervallen {
				t.Errorf("contactmomenten: %+v", m)
			}
			if !tijdlijnBevat(t, o, "GM1681", id, "nazorg-beeindigd", "2 geplande contactmomenten daarna vervallen. Reden: Inwoner verhuisd") {
				t.Error("tijdlijn")
			}
			if err := o.svc.PlanContact(ctx, "GM1681", id, v, zaken.NieuwMoment{Datum: d("2026-09-01"), Onderwerp: "x"}, consulent); !errors.Is(err, zaken.ErrStatus) {
				t.Errorf("contact na einde: %v", err)
			}
			must(o.svc.StartNazorg(ctx, "GM1681", id, v, hum.ID, d("2026-08-10"), nil, consulent))
		})
	}
}

// dOfNul is d, or no date for "".
func dOfNul(s string) datum.Datum {
	if s == "" {
		return datum.Datum{}
	}
	return d(s)
}
