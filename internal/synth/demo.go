package synth

import (
	"context"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
)

// DemoResultaat is what LaadDemo did for one gemeente.
type DemoResultaat struct {
	Gemeente string
	Import   *register.ImportResultaat
}

// LaadDemo generates the synthetic population of every gemeente that has both a profile and a pack
// at datum, and imports it through the ordinary import (so a second call changes nothing). Seed 1
// gives the populations described in docs/populatie.md. For "zeker demo".
func LaadDemo(ctx context.Context, db *store.DB, cat *regels.Catalogus, datum time.Time, seed uint64) ([]DemoResultaat, error) {
	profielen := Profielen()
	codes := make([]string, 0, len(profielen))
	for c := range profielen {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var out []DemoResultaat
	for _, code := range codes {
		pk, err := cat.Pakket(code, datum)
		if err != nil {
			continue // no pack for this gemeente at this date: nothing to calibrate reach against
		}
		pr, pw := io.Pipe()
		go func() {
			w, err := register.NieuweSchrijver(pw, "csv")
			if err == nil {
				err = Genereer(ctx, PopulatieOpties{Profiel: profielen[code], Seed: seed, Datum: datum, Params: cat.Params(), Pakket: pk}, w.Schrijf)
			}
			if err == nil {
				err = w.Sluit()
			}
			pw.CloseWithError(err)
		}()
		res, err := register.Importeer(ctx, db, pr, register.ImportOpties{Gemeente: code, Formaat: "csv", Datum: datum, Bestand: fmt.Sprintf("demo:populatie seed %d", seed)})
		pr.Close()
		if err != nil {
			return out, fmt.Errorf("synth: demo %s: %w", code, err)
		}
		out = append(out, DemoResultaat{Gemeente: code, Import: res})
	}
	return out, nil
}
