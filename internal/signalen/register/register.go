// Package register builds the resident register that vroegsignalering matches signals against
// (signalen.Zoeker) from the household data a gemeente loaded with "zeker import" (internal/scan): every
// person with a BSN, with the household's id, woonplaats (shown as wijk/village), birth date and the
// number of minor children. The household data has a postcode but no huisnummer, so this register
// matches by BSN only; signals without a known BSN stay unmatched and are grouped by their own address.
package register

import (
	"context"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store"
)

// UitHuishoudens reads the gemeente's stored households into an in-memory index. vandaag decides
// who counts as a minor child.
func UitHuishoudens(ctx context.Context, db *store.DB, gemeente string, vandaag signalen.Datum) (*signalen.Index, error) {
	x := signalen.NieuweIndex()
	ind := scan.StandaardIndeling()
	err := scan.Huishoudens(ctx, db, gemeente, func(gegevens string) error {
		r := csv.NewReader(strings.NewReader(gegevens))
		rij, err := r.Read()
		if err != nil {
			return fmt.Errorf("register: huishouden onleesbaar: %w", err)
		}
		rec, err := ind.ParseRij(0, rij)
		if err != nil {
			return fmt.Errorf("register: huishouden: %w", err)
		}
		VoegToe(x, rec, vandaag)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return x, nil
}

// VoegToe adds the persons with a BSN of one household record to x.
func VoegToe(x *signalen.Index, rec *scan.Record, vandaag signalen.Datum) {
	kinderen := 0
	for _, p := range rec.H.Personen {
		if p.Rol == huishouden.Kind && p.Geboortedatum != nil && datum(p.Geboortedatum).LeeftijdOp(vandaag) < 18 {
			kinderen++
		}
	}
	for i, p := range rec.H.Personen {
		if i >= len(rec.BSN) || rec.BSN[i] == "" {
			continue
		}
		m := signalen.Match{
			InwonerID:            fmt.Sprintf("%s/%d", rec.ID, i),
			HuishoudenID:         rec.ID,
			Adres:                signalen.Adres{Postcode: rec.H.Postcode, Woonplaats: rec.H.Woonplaats},
			Wijk:                 rec.H.Woonplaats,
			MinderjarigeKinderen: kinderen,
		}
		if p.Geboortedatum != nil {
			m.Geboortedatum = datum(p.Geboortedatum)
		}
		x.VoegToe(rec.BSN[i], m)
	}
}

func datum(d *huishouden.Datum) signalen.Datum {
	return signalen.NieuweDatum(d.Year(), d.Month(), d.Day())
}
