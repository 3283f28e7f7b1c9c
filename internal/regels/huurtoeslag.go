package regels

import (
	"fmt"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// standaardParams are the national parameters that ship with Zeker, parsed once: Huurtoeslag is
// called without a catalogue.
var standaardParams = sync.OnceValues(nl.Load)

// standaardLandelijk are the national regelingen compiled with the shipped catalogue, once.
var standaardLandelijk = sync.OnceValues(func() ([]*Regeling, error) {
	t, err := StandaardTeksten()
	if err != nil {
		return nil, err
	}
	return compileerLandelijk(t), nil
})

// Huurtoeslag explains the national huurtoeslag for a validated household on datum, in the language
// and voice of w. It evaluates the national regeling the catalogue adds to every pack (landelijk.go),
// for callers that have a household but no pack; Catalogus.EvalueerMet gives the same outcome in
// Resultaat.Landelijk. A date outside the national data gives an error wrapping nl.ErrBuitenPeriode.
func Huurtoeslag(h *huishouden.Huishouden, datum time.Time, w Weergave) (Uitkomst, error) {
	params, err := standaardParams()
	if err != nil {
		return Uitkomst{}, err
	}
	if params.Landelijk(datum).Toeslagen == nil {
		return Uitkomst{}, fmt.Errorf("regels: huurtoeslag: %w: %s (bekend: %s)", nl.ErrBuitenPeriode, datum.Format(time.DateOnly), params.LandelijkePeriode())
	}
	f, err := Afleiden(h, datum, params)
	if err != nil {
		return Uitkomst{}, err
	}
	rs, err := standaardLandelijk()
	if err != nil {
		return Uitkomst{}, err
	}
	if w.Teksten != nil {
		rs = compileerLandelijk(w.Teksten)
	}
	for _, r := range rs {
		if r.ID == HuurtoeslagID {
			wd := w.woorder()
			return r.verklaar(&f, w, wd, make([]Criterium, 0, len(r.voorwaarden))), nil
		}
	}
	return Uitkomst{}, fmt.Errorf("regels: geen landelijke regeling %s", HuurtoeslagID)
}
