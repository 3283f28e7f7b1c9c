package synth

import (
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen"
)

// The demo's fictitious briefadressen (docs/signalen.md, "Briefadres"): the gemeentehuis, which the
// household register marks as a briefadres (column briefadres), and a shelter, which only the
// gemeente's own list knows. Postcode 9999ZZ: Adres would give it only to household number 30 million
// or so, so no synthetic household lives there.
var (
	DemoGemeentehuis = signalen.Briefadres{Postcode: "9999ZZ", Huisnummer: 1, Naam: "Gemeentehuis (fictief)", Bron: "BRP (demo)"}
	DemoOpvang       = signalen.Briefadres{Postcode: "9999ZZ", Huisnummer: 2, Naam: "Opvang (fictief)", Bron: "opvanginstelling (demo)"}
)

// DemoDorp is the village of the demo's briefadres households and signals: the profile's first.
func DemoDorp(p *Profiel) string {
	if len(p.Dorpen) == 0 {
		return p.Naam
	}
	return p.Dorpen[0].Naam
}

// briefadresBSN is the BSN of the i-th household at the demo's gemeentehuis: from the end of the test
// range, which a demo population of fewer than about 9,000 persons (the demo makes 1,000 households)
// does not reach.
func briefadresBSN(i int) string {
	b := BSNs()
	return b[len(b)-1-i]
}

// BriefadresHuishoudens returns three single-person households of the profile's gemeente with their
// briefadres at DemoGemeentehuis: people without a residential address, unrelated to each other, in the
// first village (DemoDorp). The first two have a BSN (briefadresBSN), the third none. peil is the
// reference date of their ages. "zeker demo" adds them on top of Genereer's population; they are not part of
// the calibrated populations of docs/populatie.md (LaadDemo leaves them out).
func BriefadresHuishoudens(p *Profiel, peil time.Time) []*register.Record {
	gemeente, dorp := p.Gemeente, DemoDorp(p)
	var out []*register.Record
	for i, jaren := range []int{34, 52, 27} {
		geb := datum.Nieuw(peil.Year(), peil.Month(), 1).PlusMaanden(-12*jaren - 3*i)
		rec := &register.Record{ID: fmt.Sprintf("%s-B%06d", gemeente, i+1), BSN: []string{""},
			Huisnummer: DemoGemeentehuis.Huisnummer, Briefadres: true}
		if i < 2 {
			rec.BSN[0] = briefadresBSN(i)
		}
		rec.H = huishouden.Huishouden{Gemeente: gemeente, Postcode: DemoGemeentehuis.Postcode, Woonplaats: dorp,
			Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb, InkomenOnbekend: true}}}
		out = append(out, rec)
	}
	return out
}

// BriefadresSignalen returns the demo's signals at its briefadressen, references "ref-<prefix>-brief-<n>":
// at the gemeentehuis two about unrelated people without a BSN (two vroegsignaalzaken, matched to
// nobody) and one with the BSN of the first household of BriefadresHuishoudens (matched by BSN); at the
// shelter (DemoOpvang, on the gemeente's list) two more people without a BSN (two more zaken).
func BriefadresSignalen(prefix, dorp string, vandaag datum.Datum) []signalen.Signaal {
	type wie struct {
		naam, bsn string
		geboren   datum.Datum
		adres     signalen.Briefadres
		pt        signalen.PartnerType
		euro      int64
	}
	mensen := []wie{
		{"Briefadres-Een", "", datum.Nieuw(1971, 3, 4), DemoGemeentehuis, signalen.PartnerZorg, 240},
		{"Briefadres-Twee", "", datum.Nieuw(1985, 11, 12), DemoGemeentehuis, signalen.PartnerEnergie, 410},
		{"Briefadres-Drie", briefadresBSN(0), datum.Datum{}, DemoGemeentehuis, signalen.PartnerHuur, 980},
		{"Opvang-Een", "", datum.Nieuw(1990, 6, 6), DemoOpvang, signalen.PartnerZorg, 180},
		{"Opvang-Twee", "", datum.Nieuw(1993, 2, 2), DemoOpvang, signalen.PartnerWater, 95},
	}
	out := make([]signalen.Signaal, len(mensen))
	for i, m := range mensen {
		out[i] = signalen.Signaal{
			Referentie: fmt.Sprintf("ref-%s-brief-%d", prefix, i+1), PartnerType: m.pt, Bedrag: geld.Euro(m.euro),
			Ontstaansdatum: vandaag.PlusDagen(-60 - i), Signaaldatum: vandaag.PlusDagen(-i),
			Inwoner: signalen.Inwoner{BSN: m.bsn, Voorletters: "T.", Achternaam: m.naam, Geboortedatum: m.geboren,
				Adres: signalen.Adres{Postcode: m.adres.Postcode, Huisnummer: m.adres.Huisnummer, Straat: "Teststraat", Woonplaats: dorp}},
		}
	}
	return out
}
