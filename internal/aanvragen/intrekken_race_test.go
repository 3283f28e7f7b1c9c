package aanvragen_test

import (
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/store"
)

// TestIntrekkenTegenBesluit (PostgreSQL, where transactions run side by side): a withdrawal and a
// decision on the same application that overlap. Each side is played once as a raw transaction that
// holds its row locks while the service call starts: the service call must see the other side's
// committed result, not the state it read before, so a decided application is never withdrawn, a
// withdrawn one never decided, and no document is added to a withdrawn one.
func TestIntrekkenTegenBesluit(t *testing.T) {
	for _, o := range omgevingen(t, 3, gm) {
		if o.db.Dialect() != store.Postgres {
			continue
		}
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			start := func(formulier string) (*aanvragen.Aangemaakt, int) {
				n := nieuw("collectieve_zorgverzekering")
				n.Formulier += formulier
				n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "a.pdf", Inhoud: pdf(100)}, {Soort: "vermogen", Naam: "b.pdf", Inhoud: pdf(100)}}
				a, err := o.svc.Start(ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				d, _ := o.svc.Aanvraag(ctx, gm, a.ID)
				if err := o.svc.Koppel(ctx, gm, a.ID, d.Versie, o.recs[gm][0].BSN[0], consulent); err != nil {
					t.Fatal(err)
				}
				d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
				return a, d.Versie
			}
			// anderen runs sql in a transaction that stays open while call runs, then commits it.
			anderen := func(id int64, besluit string, call func() error) error {
				tx, err := o.db.SQL().BeginTx(ctx, nil)
				if err != nil {
					t.Fatal(err)
				}
				defer tx.Rollback()
				if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_regeling SET besluit = $1, besloten_op = '2026-03-02', besloten_door = 'ander' WHERE aanvraag_id = $2`, besluit, id); err != nil {
					t.Fatal(err)
				}
				if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET status = 'besloten', versie = versie + 1 WHERE id = $1`, id); err != nil {
					t.Fatal(err)
				}
				klaar := make(chan error, 1)
				go func() { klaar <- call() }()
				time.Sleep(300 * time.Millisecond) // let call read the old state first
				if err := tx.Commit(); err != nil {
					t.Fatal(err)
				}
				return <-klaar
			}
			besluit := func(id int64) string {
				var b string
				if err := o.db.SQL().QueryRowContext(ctx, `SELECT besluit FROM aanvragen_regeling WHERE aanvraag_id = $1`, id).Scan(&b); err != nil {
					t.Fatal(err)
				}
				return b
			}
			// A decision commits while the resident withdraws.
			a, _ := start("-besloten")
			err := anderen(a.ID, "afwijzen", func() error { _, err := o.svc.TrekIn(ctx, a.Referentie, a.Code); return err })
			if f, ok := aanvragen.IsOngeldig(err); !ok || f.Veld != "intrekken" {
				t.Errorf("withdrawing a decided application: err = %v, want ongeldig intrekken", err)
			}
			if b := besluit(a.ID); b != "afwijzen" {
				t.Errorf("besluit = %q, want afwijzen", b)
			}
			// A withdrawal commits while the case worker decides.
			b, versie := start("-ingetrokken")
			err = anderen(b.ID, string(aanvragen.Ingetrokken), func() error {
				_, err := o.svc.Beslis(ctx, gm, b.ID, versie, []aanvragen.BesluitInvoer{{Regeling: "collectieve_zorgverzekering", Soort: aanvragen.Afwijzen, Motivering: "Geen recht."}}, consulent, afzender)
				return err
			})
			if err == nil {
				t.Error("a withdrawn application was decided")
			}
			if got := besluit(b.ID); got != string(aanvragen.Ingetrokken) {
				t.Errorf("besluit = %q, want ingetrokken", got)
			}
			// A withdrawal commits while the resident sends a document: the document is refused.
			c, _ := start("-nagestuurd")
			err = anderen(c.ID, string(aanvragen.Ingetrokken), func() error {
				_, err := o.svc.StuurNa(ctx, c.Referentie, c.Code, []aanvragen.Bestand{{Soort: "inkomen", Naam: "c.pdf", Inhoud: pdf(120)}})
				return err
			})
			if f, ok := aanvragen.IsOngeldig(err); !ok || f.Veld != "bestand" {
				t.Errorf("a document sent to a withdrawn application: err = %v, want ongeldig bestand", err)
			}
			var docs int
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM aanvragen_document WHERE aanvraag_id = $1`, c.ID).Scan(&docs); err != nil || docs != 2 {
				t.Errorf("%d documents (want the 2 sent with the application), %v", docs, err)
			}
		})
	}
}
