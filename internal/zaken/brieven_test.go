package zaken_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestBrieven: the beschikking (plan, weigering with its ground and article) and the
// beëindigingsbeschikking are stored with the zaak as B1 letters with the bezwaar clause and its last
// day; reading one writes an audit row; another gemeente or zaak does not find it.
func TestBrieven(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 4, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			start := func(i int) int64 {
				id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[i].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:45")}, consulent)
				if err != nil {
					t.Fatal(err)
				}
				if err := o.svc.EersteGesprek(ctx, "GM1681", id, 1, d("2026-03-02"), false, "", consulent); err != nil {
					t.Fatal(err)
				}
				return id
			}
			plan, weiger := start(0), start(1)
			if err := o.svc.Besluit(ctx, "GM1681", plan, 2, zaken.Beschikking{Soort: zaken.BesluitPlan, Datum: d("2026-03-02"), Toelichting: "Wij starten met stabilisatie."}, consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.Besluit(ctx, "GM1681", weiger, 2, zaken.Beschikking{Soort: zaken.BesluitWeigering, Datum: d("2026-03-02"), Grond: zaken.GrondEerder, Toelichting: "U had schuldhulp tot 2025."}, consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.Beeindig(ctx, "GM1681", plan, 3, zaken.RedenNietVerschenen, d("2026-03-02"), "U kwam op 2 maart niet.", consulent); err != nil {
				t.Fatal(err)
			}
			// Bezwaar: six weeks from Monday 2 March 2026 is Monday 13 April 2026 (Awb 6:7, 6:8).
			want := map[int64][][]string{
				plan: {
					{"Besluit: u krijgt schuldhulp", "plan van aanpak", "artikel 4a lid 1 onder a van de Wet gemeentelijke schuldhulpverlening", "Wij starten met stabilisatie.", "13 april 2026", "artikel 6:7 van de Algemene wet bestuursrecht", "Gemeente Test GM1681", "Zaak "},
					{"Besluit: de schuldhulp stopt", "De hulp stopt", "De reden is: u bent niet gekomen op de afspraken met ons.", "artikel 4a lid 6 van de Wet", "U kwam op 2 maart niet.", "13 april 2026"},
				},
				weiger: {{"Besluit: u krijgt geen schuldhulp", "U heeft eerder schuldhulp van de gemeente gehad", "artikel 4a lid 1 onder b en artikel 3 lid 2 van de Wet", "U had schuldhulp tot 2025.", "13 april 2026"}},
			}
			soorten := map[int64][]string{plan: {zaken.BriefPlan, zaken.BriefBeeindiging}, weiger: {zaken.BriefWeigering}}
			for id, brieven := range want {
				det, err := o.svc.Zaak(ctx, "GM1681", id)
				if err != nil {
					t.Fatal(err)
				}
				if len(det.Brieven) != len(brieven) {
					t.Fatalf("zaak %d: %d brieven, want %d", id, len(det.Brieven), len(brieven))
				}
				for i, b := range det.Brieven {
					if b.Soort != soorten[id][i] || b.Datum != d("2026-03-02") || b.Door != consulent.Naam {
						t.Errorf("zaak %d brief %d: %+v", id, i, b)
					}
					html, err := o.svc.Brief(ctx, "GM1681", id, b.ID)
					if err != nil {
						t.Fatal(err)
					}
					for _, w := range brieven[i] {
						if !strings.Contains(html, w) {
							t.Errorf("zaak %d brief %s mist %q", id, b.Soort, w)
						}
					}
					if strings.Contains(html, "<script") {
						t.Error("script in brief")
					}
				}
			}
			det, _ := o.svc.Zaak(ctx, "GM1681", plan)
			if _, err := o.svc.Brief(ctx, "GM0175", plan, det.Brieven[0].ID); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("andere gemeente: %v", err)
			}
			if _, err := o.svc.Brief(ctx, "GM1681", weiger, det.Brieven[0].ID); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("andere zaak: %v", err)
			}
			rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaak.brief.bekijken"})
			if len(rs) != 3 || rs[0].Actie != audit.Lezen || rs[0].SubjectSoort != "bsn" || !strings.HasPrefix(rs[0].Object, "zaak/") {
				t.Errorf("audit: %d rijen %+v", len(rs), rs)
			}
		})
	}
}
