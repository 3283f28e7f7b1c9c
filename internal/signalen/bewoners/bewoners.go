// Package bewoners builds the resident index that vroegsignalering matches signals against
// (signalen.Zoeker) from the household register (internal/register), which a gemeente fills with
// "zeker importeer": every person with a BSN, with the household's id, woonplaats (shown as wijk/village),
// birth date and the number of minor children. A household with postcode and huisnummer (the optional
// address columns of the import) is also found by its address; most extracts have no huisnummer, and
// then this index matches by BSN only; signals without a known BSN stay unmatched and are grouped by
// their own address. A household at a briefadres (column briefadres) is found by BSN only, and its
// address is a briefadres for signalen.Koppel: signals there are never matched or grouped by it.
//
// It was called signalen/register; it is renamed because "register" now names the household register
// itself (internal/register), and one word means one thing. It is not folded into package signalen,
// because that package is the pure domain without I/O, and this one reads the database.
package bewoners

import (
	"context"
	"fmt"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store"
)

// UitHuishoudens reads the gemeente's stored households into an in-memory index. vandaag decides
// who counts as a minor child.
func UitHuishoudens(ctx context.Context, db *store.DB, gemeente string, vandaag datum.Datum) (*signalen.Index, error) {
	x := signalen.NieuweIndex()
	ind := register.StandaardIndeling()
	err := register.Huishoudens(ctx, db, gemeente, func(gegevens string) error {
		rec, err := register.LeesGegevens(ind, gegevens)
		if err != nil {
			return fmt.Errorf("bewoners: huishouden: %w", err)
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
func VoegToe(x *signalen.Index, rec *register.Record, vandaag datum.Datum) {
	kinderen := 0
	for _, p := range rec.H.Personen {
		if p.Rol == huishouden.Kind && p.Geboortedatum != nil && p.Geboortedatum.LeeftijdOp(vandaag) < 18 {
			kinderen++
		}
	}
	for i, p := range rec.H.Personen {
		if (i >= len(rec.BSN) || rec.BSN[i] == "") && (i > 0 || rec.Huisnummer == 0) {
			continue // a person without BSN is only added (as the household's first person) for its address
		}
		m := signalen.Match{
			InwonerID:            fmt.Sprintf("%s/%d", rec.ID, i),
			HuishoudenID:         rec.ID,
			Adres:                signalen.Adres{Postcode: rec.H.Postcode, Huisnummer: rec.Huisnummer, Toevoeging: rec.Toevoeging, Woonplaats: rec.H.Woonplaats},
			Wijk:                 rec.H.Woonplaats,
			MinderjarigeKinderen: kinderen,
			Briefadres:           rec.Briefadres,
		}
		if p.Geboortedatum != nil {
			m.Geboortedatum = *p.Geboortedatum
		}
		bsn := ""
		if i < len(rec.BSN) {
			bsn = rec.BSN[i]
		}
		x.VoegToe(bsn, m)
	}
}
