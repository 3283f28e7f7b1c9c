package synth

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/bsn"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/register"
)

// TestSignalenOverHuishoudens: the signals are about the persons of the generated households, with
// the household's BSN, postcode and village; BSNs are test BSNs; no signal is about a minor.
func TestSignalenOverHuishoudens(t *testing.T) {
	var recs []*register.Record
	genereer(t, "GM0175", 1, 400, func(r *register.Record) { recs = append(recs, r) })
	vandaag := datum.Nieuw(2026, 1, 1)
	pop := Bewoners(recs, vandaag)
	prof, _ := ProfielVan("GM0175")
	dorpen := map[string]bool{}
	for _, d := range prof.Dorpen {
		dorpen[d.Naam] = true
	}
	huis := map[string]*register.Record{}
	for _, r := range recs {
		huis[r.ID] = r
	}
	perBSN := map[string]Inwoner{}
	for _, in := range pop {
		r := huis[in.Match.HuishoudenID]
		if r == nil {
			t.Fatalf("resident %s of unknown household %s", in.Match.InwonerID, in.Match.HuishoudenID)
		}
		if in.Match.Adres.Postcode != r.H.Postcode || r.H.Postcode == "" || in.Match.Adres.Woonplaats != r.H.Woonplaats {
			t.Fatalf("resident %s lives at %+v, household %s at %q %q", in.Match.InwonerID, in.Match.Adres, r.ID, r.H.Postcode, r.H.Woonplaats)
		}
		if in.BSN != "" {
			if _, dubbel := perBSN[in.BSN]; dubbel {
				t.Fatalf("BSN %s given to two residents", in.BSN)
			}
			perBSN[in.BSN] = in
		}
	}
	sigs := Signalen(pop, 300, "t", vandaag, 7)
	metBSN := 0
	for i, s := range sigs {
		if !dorpen[s.Inwoner.Adres.Woonplaats] {
			t.Errorf("signal %d in %q, not a village of Ommen", i, s.Inwoner.Adres.Woonplaats)
		}
		if s.Inwoner.BSN == "" {
			continue
		}
		metBSN++
		if len(s.Inwoner.BSN) != 9 || s.Inwoner.BSN[:4] != "9999" || !bsn.Geldig(s.Inwoner.BSN) {
			t.Errorf("signal %d: BSN %q is no test BSN", i, s.Inwoner.BSN)
		}
		in, ok := perBSN[s.Inwoner.BSN]
		if !ok {
			t.Errorf("signal %d: BSN %s is no resident of a household", i, s.Inwoner.BSN)
			continue
		}
		if s.Inwoner.Adres != in.Match.Adres {
			t.Errorf("signal %d: address %+v, resident's %+v", i, s.Inwoner.Adres, in.Match.Adres)
		}
		if in.Match.Geboortedatum.LeeftijdOp(vandaag) < 18 {
			t.Errorf("signal %d is about a minor (%s)", i, in.Match.InwonerID)
		}
	}
	if metBSN < len(sigs)/2 {
		t.Errorf("%d of %d signals with a BSN, want about three in four", metBSN, len(sigs))
	}
	// Matched through the index of the same residents, every signal with a BSN finds its household.
	x := Index(pop)
	for _, s := range sigs {
		if s.Inwoner.BSN == "" {
			continue
		}
		m, ok, err := x.ZoekBSN(t.Context(), s.Inwoner.BSN)
		if err != nil || !ok || huis[m.HuishoudenID] == nil {
			t.Errorf("BSN %s not matched to a household", s.Inwoner.BSN)
		}
	}
}
