package regels

import (
	"github.com/zeker-platform/zeker/internal/datum"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// TestZorgtoeslagOnverzekerdePartner: a verzekerde whose partner is not insured under the Zvw gets 50%
// of the amount for partners (toeslagen-2025-2026.yaml zorgtoeslag.formula, Wzt art. 2 lid 4). A couple
// at a toetsingsinkomen of 30,000 in 2026, worked out:
//
//	normpremie:  4.289% × 29,736 (1,275.38) + 13.73% × 264 (36.25) = 1,311.63
//	both insured: 2 × 2,119 − 1,311.63 = 2,926.37 a year → 243 a month (rounded down to euros)
//	partner not:  50% × 2,926.37 = 1,463.185 → 1,463.19 a year → 121 a month
func TestZorgtoeslagOnverzekerdePartner(t *testing.T) {
	cat, err := LaadStandaard(nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	peil := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	geb := datum.Moet("1990-01-01")
	for _, tc := range []struct {
		onverzekerd bool
		maand       geld.Bedrag
		zin         string
	}{{false, geld.Euro(243), "€ 2.926,37 per jaar"}, {true, geld.Euro(121), "Uw partner is niet verzekerd voor de zorgverzekering. Dan krijgt u de helft: € 1.463,19 per jaar"}} {
		h := &huishouden.Huishouden{Gemeente: "GM1969", Vermogen: new(geld.Bedrag), Wonen: huishouden.Wonen{Soort: huishouden.Koop},
			Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb}, {Rol: huishouden.Partner, Geboortedatum: &geb, NietVerzekerd: tc.onverzekerd}}}
		pk, err := cat.Pakket(h.Gemeente, peil)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Afleiden(h, peil, cat.Params())
		if err != nil {
			t.Fatal(err)
		}
		f.ZetInkomen(geld.Euro(2000), geld.Euro(30000), 0)
		uit := make([]Kort, len(pk.Regelingen))
		pk.EvalueerFeiten(&f, uit)
		for i, r := range pk.Regelingen {
			if r.ID == ZorgtoeslagID && (uit[i].Oordeel != Recht || uit[i].Bedrag != tc.maand) {
				t.Errorf("partner not insured %v: %+v, want %s", tc.onverzekerd, uit[i], tc.maand)
			}
		}
		for _, u := range pk.Verklaar(&f, Weergave{Taal: "nl"}) {
			if u.ID == ZorgtoeslagID && (u.Bedrag == nil || *u.Bedrag != tc.maand || !strings.Contains(u.BedragUitleg, tc.zin)) {
				t.Errorf("partner not insured %v, explained: %v %q", tc.onverzekerd, u.Bedrag, u.BedragUitleg)
			}
		}
	}
	// The formula in package nl: half of the partners' amount, the half cent up.
	tj := cat.Params().Landelijk(peil).Toeslagen
	z := tj.ZorgtoeslagOnverzekerdePartner(geld.Euro(30000))
	if !z.Half || z.Heel != geld.MustParse("2926.37") || z.Jaar != geld.MustParse("1463.19") || z.Maand != geld.Euro(121) {
		t.Errorf("nl: %+v", z)
	}
}
