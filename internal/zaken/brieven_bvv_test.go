package zaken_test

import (
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/zaken"
)

const (
	bvvWat      = "Bij dit plan houden wij rekening met uw beslagvrije voet. Dat is het deel van uw inkomen waar schuldeisers geen beslag op mogen leggen"
	bvvBedrag   = "Volgens onze berekening is dat nu ongeveer € 1.669,16 per maand (artikel 475da Wetboek van Burgerlijke Rechtsvordering). De deurwaarder stelt het precieze bedrag vast."
	bvvOnbekend = "Dat is het deel van uw inkomen waar schuldeisers geen beslag op mogen leggen (artikel 475da Wetboek van Burgerlijke Rechtsvordering). Hoeveel dat per maand is, weten wij nog niet. De deurwaarder stelt het bedrag vast."
)

// TestBriefBeslagvrijeVoet: the letter of the plan van aanpak names the indication of the beslagvrije
// voet for its day (€ 1.669,16 for an alleenstaande with € 35.000 on 2026-10-01, as in internal/regels/nl)
// when the zaak has the inputs; without inputs, or on a day the national values do not reach (2027),
// it says the amount is not known yet and writes no amount; a weigering has no such paragraph, nor
// has a plan letter of a service without parameters.
func TestBriefBeslagvrijeVoet(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-10-01 09:00"), 4, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			goed := zaken.BVVGegevens{Leefsituatie: nl.BVVAlleenstaande, Jaarinkomen: geld.Euro(35000)}
			// brief starts a zaak for household i on day dag (the clock is there), fills in the inputs
			// when given, decides and returns the HTML of the zaak's first letter.
			brief := func(svc *zaken.Service, i int, dag string, g *zaken.BVVGegevens, soort string) string {
				t.Helper()
				o.zet(op(dag + " 09:00"))
				id, err := svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[i].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op(dag + " 08:30")}, consulent)
				if err != nil {
					t.Fatal(err)
				}
				v := 1
				if g != nil {
					if err := svc.ZetBeslagvrijeVoet(ctx, "GM1681", id, v, *g, consulent); err != nil {
						t.Fatal(err)
					}
					v++
				}
				if err := svc.EersteGesprek(ctx, "GM1681", id, v, d(dag), false, "", consulent); err != nil {
					t.Fatal(err)
				}
				b := zaken.Beschikking{Soort: soort, Datum: d(dag)}
				if soort == zaken.BesluitWeigering {
					b.Grond, b.Toelichting = zaken.GrondEerder, "U had schuldhulp tot 2025."
				}
				if err := svc.Besluit(ctx, "GM1681", id, v+1, b, consulent); err != nil {
					t.Fatal(err)
				}
				det, err := svc.Zaak(ctx, "GM1681", id)
				if err != nil || len(det.Brieven) != 1 {
					t.Fatalf("brieven: %d %v", len(det.Brieven), err)
				}
				html, err := svc.Brief(ctx, "GM1681", id, det.Brieven[0].ID)
				if err != nil {
					t.Fatal(err)
				}
				return html
			}

			met := brief(o.svc, 0, "2026-10-01", &goed, zaken.BesluitPlan)
			if !strings.Contains(met, bvvWat+". "+bvvBedrag) {
				t.Errorf("met gegevens op 2026-10-01: geen alinea met € 1.669,16\n%s", met)
			}
			if strings.Contains(met, "weten wij nog niet") {
				t.Error("met gegevens: ook de zin zonder bedrag")
			}
			for naam, html := range map[string]string{
				"zonder gegevens":      brief(o.svc, 1, "2026-10-01", nil, zaken.BesluitPlan),
				"met gegevens in 2027": brief(o.svc, 2, "2027-01-15", &goed, zaken.BesluitPlan),
			} {
				if !strings.Contains(html, bvvWat+" (artikel 475da") || !strings.Contains(html, bvvOnbekend) {
					t.Errorf("%s: de alinea zonder bedrag ontbreekt\n%s", naam, html)
				}
				if strings.Contains(html, "€") || strings.Contains(html, "Volgens onze berekening") {
					t.Errorf("%s: een bedrag in de brief", naam)
				}
			}
			if w := brief(o.svc, 3, "2026-10-01", &goed, zaken.BesluitWeigering); strings.Contains(w, "beslagvrije voet") {
				t.Error("de weigering noemt de beslagvrije voet")
			}

			// a service without parameters: no paragraph
			kaal, err := zaken.New(zaken.Config{DB: o.db, Audit: o.log, Afzender: testAfzender, Klok: func() time.Time { return op("2026-10-01 09:00") }})
			if err != nil {
				t.Fatal(err)
			}
			recs2 := importeer(t, o.db, "GM0175", 1, 9)
			id, err := kaal.Start(ctx, "GM0175", zaken.Hulpvraag{HuishoudenID: recs2[0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-10-01 08:30")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			if err := kaal.ZetBeslagvrijeVoet(ctx, "GM0175", id, 1, goed, consulent); err != nil {
				t.Fatal(err)
			}
			if err := kaal.EersteGesprek(ctx, "GM0175", id, 2, d("2026-10-01"), false, "", consulent); err != nil {
				t.Fatal(err)
			}
			if err := kaal.Besluit(ctx, "GM0175", id, 3, zaken.Beschikking{Soort: zaken.BesluitPlan, Datum: d("2026-10-01")}, consulent); err != nil {
				t.Fatal(err)
			}
			det, err := kaal.Zaak(ctx, "GM0175", id)
			if err != nil || len(det.Brieven) != 1 {
				t.Fatalf("zonder parameters: %d brieven, %v", len(det.Brieven), err)
			}
			html, err := kaal.Brief(ctx, "GM0175", id, det.Brieven[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(html, "Besluit: u krijgt schuldhulp") || strings.Contains(html, "beslagvrije voet") {
				t.Error("zonder parameters: een alinea over de beslagvrije voet")
			}
		})
	}
}
