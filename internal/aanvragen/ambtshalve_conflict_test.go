package aanvragen_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/regels"
)

// TestAmbtshalveConflictGeenMislukking: when the approval in the transaction finds the proposal already
// decided by another (the second request of a double click, a colleague), nothing is stored and no
// "failed, try again" note is left on the proposal; a real failure still leaves one.
func TestAmbtshalveConflictGeenMislukking(t *testing.T) {
	for _, o := range omgevingen(t, 40, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			var v aanvragen.AmbtshalveVoorstel
			for _, r := range o.recs[gm] {
				h := r.H
				h.Gemeente = gm
				res, err := o.svc.Evalueer(&h, begin, "nl")
				if err != nil {
					continue
				}
				for _, u := range res.Regelingen {
					if u.Oordeel == regels.Recht && u.Bedrag != nil && v.Regeling == "" {
						v = aanvragen.AmbtshalveVoorstel{Gemeente: gm, VoorstelID: 11, RegisterID: r.ID, Regeling: u.ID, Reden: "Uit de scan."}
					}
				}
			}
			if v.Regeling == "" {
				t.Fatal("no household with a right and an amount among the synthetic ones")
			}
			v.Goedkeuren = func(context.Context, *sql.Tx) error {
				return fmt.Errorf("%w: over dit voorstel is al besloten", errs.Conflict)
			}
			if _, err := o.svc.Ambtshalve(ctx, v, consulent, afzender); !errors.Is(err, errs.Conflict) {
				t.Fatalf("err = %v, want a conflict", err)
			}
			if mis, err := o.svc.MisluktVan(ctx, gm, []int64{11}); err != nil || len(mis) != 0 {
				t.Errorf("a decision by another left a failure note: %+v %v", mis, err)
			}
			if got := tel(t, o, "aanvragen_aanvraag"); got != 0 {
				t.Errorf("%d applications stored", got)
			}
			v.Goedkeuren = func(context.Context, *sql.Tx) error { return errors.New("schijf vol") }
			if _, err := o.svc.Ambtshalve(ctx, v, consulent, afzender); err == nil {
				t.Fatal("no error")
			}
			if mis, err := o.svc.MisluktVan(ctx, gm, []int64{11}); err != nil || len(mis) != 1 {
				t.Errorf("a real failure left no note: %+v %v", mis, err)
			}
		})
	}
}
