package aanvragen_test

import (
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// TestOpschortingAtwArtikel2Opgeslagen: a gemeente with a decision term of three days receives an
// application on Wednesday 23 December 2026; the stored deadline is Monday 28 December (Atw art. 1 over
// Christmas). A document asked that day and sent on the 25th suspends the 24th, so the stored deadline
// becomes Tuesday 29 December by Atw art. 2, and the resident's status page lists the suspension with
// its reason (the asked document) and its days.
func TestOpschortingAtwArtikel2Opgeslagen(t *testing.T) {
	for _, o := range omgevingen(t, 3, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			in, err := o.svc.Instellingen(ctx, gm)
			if err != nil {
				t.Fatal(err)
			}
			in.Beslistermijn = termijn.Termijn{Aantal: 3, Eenheid: termijn.Kalenderdagen}
			if err := o.svc.ZetInstellingen(ctx, gm, in); err != nil {
				t.Fatal(err)
			}
			o.zet(time.Date(2026, 12, 23, 9, 0, 0, 0, time.UTC))
			n := nieuw("participatie_volwassenen")
			n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "a.pdf", Inhoud: pdf(3)}, {Soort: "vermogen", Naam: "b.pdf", Inhoud: pdf(3)}}
			a, err := o.svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			if a.Deadline.Datum.String() != "2026-12-28" {
				t.Fatalf("deadline at receipt %s (%s)", a.Deadline.Datum, a.Deadline.Uitleg)
			}
			d, _ := o.svc.Aanvraag(ctx, gm, a.ID)
			if err := o.svc.VraagDocument(ctx, gm, a.ID, d.Versie, aanvragen.DocBeschikking, "", datum.Nieuw(2026, 12, 30), consulent); err != nil {
				t.Fatal(err)
			}
			st, err := o.svc.Stilstanden(ctx, gm, a.ID)
			if err != nil || len(st) != 1 || !st[0].Open || st[0].Soort != aanvragen.DocBeschikking || st[0].Van.String() != "2026-12-24" || st[0].Tot.String() != "2026-12-30" {
				t.Fatalf("open suspension %+v %v", st, err)
			}
			o.zet(time.Date(2026, 12, 25, 11, 0, 0, 0, time.UTC))
			if _, err := o.svc.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{{Naam: "c.pdf", Soort: "beschikking", Inhoud: pdf(4)}}); err != nil {
				t.Fatal(err)
			}
			d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
			if d.Deadline.Datum.String() != "2026-12-29" || !strings.Contains(d.Deadline.Uitleg, "Algemene termijnenwet artikel 2") {
				t.Fatalf("deadline after the suspension %s (%s)", d.Deadline.Datum, d.Deadline.Uitleg)
			}
			st, err = o.svc.Stilstanden(ctx, gm, a.ID)
			if err != nil || len(st) != 1 || st[0].Open || st[0].Van.String() != "2026-12-24" || st[0].Tot.String() != "2026-12-24" {
				t.Fatalf("closed suspension %+v %v", st, err)
			}
		})
	}
}
