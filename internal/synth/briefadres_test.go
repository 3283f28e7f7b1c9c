package synth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/bsn"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/bewoners"
	"github.com/zeker-platform/zeker/internal/synth"
)

// The demo's briefadres households are valid register rows (CSV round trip keeps the mark), and its
// signals there, matched as "zeker demo" does (the register's index plus the gemeente's list), give
// one vroegsignaalzaak per person: four unmatched, one matched by BSN to the first household.
func TestDemoBriefadres(t *testing.T) {
	p, err := synth.ProfielVan("GM0175")
	if err != nil {
		t.Fatal(err)
	}
	peil := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	vandaag := datum.Nieuw(2026, 3, 2)
	recs := synth.BriefadresHuishoudens(p, peil)
	x := signalen.NieuweIndex()
	ind := register.StandaardIndeling()
	for _, rec := range recs {
		if err := rec.Valideer(2, peil, "GM0175"); err != nil {
			t.Fatalf("%s: %v", rec.ID, err)
		}
		terug, err := ind.ParseRij(2, rec.Rij())
		if err != nil || !terug.Briefadres || terug.Huisnummer != 1 || terug.H.Postcode != "9999ZZ" {
			t.Fatalf("%s round trip: %v %+v", rec.ID, err, terug)
		}
		for _, b := range rec.BSN {
			if b != "" && (!bsn.Geldig(b) || !strings.HasPrefix(b, "9999")) {
				t.Errorf("%s: BSN %s is not a test BSN", rec.ID, b)
			}
		}
		bewoners.VoegToe(x, terug, vandaag)
	}
	z := signalen.MetBriefadressen(x, []signalen.Briefadres{synth.DemoOpvang})
	sigs := synth.BriefadresSignalen("gm0175", synth.DemoDorp(p), vandaag)
	if b := signalen.BeoordeelBatch(sigs, vandaag); b.Afgewezen != 0 {
		t.Fatalf("demo signals refused: %+v", b.Fouten)
	}
	g := signalen.NieuweGroepeerder(signalen.StandaardInstellingen())
	zaken := map[*signalen.Zaak]bool{}
	var gekoppeld []string
	for i := range sigs {
		k, err := signalen.Koppel(context.Background(), z, &sigs[i])
		if err != nil {
			t.Fatal(err)
		}
		if !k.Briefadres {
			t.Errorf("%s: not marked as briefadres", sigs[i].Referentie)
		}
		if k.Methode != signalen.MethodeGeen {
			gekoppeld = append(gekoppeld, string(k.Methode)+":"+k.Match.HuishoudenID)
		}
		zk, _ := g.Plaats(&signalen.Ontvangen{Signaal: sigs[i], Gemeente: "GM0175", Partner: "woonco", Ontvangen: vandaag, Koppeling: k})
		zaken[zk] = true
	}
	if len(zaken) != 5 || strings.Join(gekoppeld, ",") != "bsn:GM0175-B000001" {
		t.Errorf("%d zaken, matched %v; want 5 zaken, one matched by BSN to GM0175-B000001", len(zaken), gekoppeld)
	}
}
