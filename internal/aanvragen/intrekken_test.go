package aanvragen_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
)

// TestIntrekkenEnBewaren: the holder of the code withdraws an undecided application (every regeling
// "ingetrokken", no letter, an audit row); it is closed from that day, so the gemeente's retention terms
// count from the withdrawal: the documents (and their files in the document directory) go after
// BewaarDocumenten, the whole application after BewaarAanvraag. An application with a passed
// hersteltermijn but no decision is never deleted: the gemeente must still decide (buiten behandeling,
// Awb 4:5), which is a decision whose retention counts from its date. A decided application cannot be
// withdrawn; a wrong code withdraws nothing.
func TestIntrekkenEnBewaren(t *testing.T) {
	for _, o := range omgevingen(t, 3, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			dir := t.TempDir()
			m, err := aanvragen.NieuweMapOpslag(dir)
			if err != nil {
				t.Fatal(err)
			}
			svc := metOpslag(t, o, m)
			if err := svc.ZetInstellingen(ctx, gm, aanvragen.Instellingen{Beslistermijn: aanvragen.WettelijkBeslis, BewaarDocumenten: 6, BewaarAanvraag: 24}); err != nil {
				t.Fatal(err)
			}
			n := nieuw("participatie_volwassenen", "collectieve_zorgverzekering")
			n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "a.pdf", Inhoud: inhoudVan(300, 'a')}, {Soort: "vermogen", Naam: "b.pdf", Inhoud: inhoudVan(300, 'b')}}
			a, err := svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			// Abandoned: a document asked with a hersteltermijn that passes unanswered.
			verlaten := nieuw("collectieve_zorgverzekering")
			verlaten.Formulier += "-verlaten"
			v, err := svc.Start(ctx, verlaten)
			if err != nil {
				t.Fatal(err)
			}
			vd, _ := svc.Aanvraag(ctx, gm, v.ID)
			if err := svc.VraagDocument(ctx, gm, v.ID, vd.Versie, aanvragen.DocBeschikking, "", datum.Nieuw(2026, 3, 16), consulent); err != nil {
				t.Fatal(err)
			}
			o.zet(begin.Add(26 * time.Hour)) // Tuesday 3 March
			if _, err := svc.TrekIn(ctx, a.Referentie, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AA"); !errors.Is(err, aanvragen.ErrCode) {
				t.Fatalf("wrong code: %v", err)
			}
			in, err := svc.TrekIn(ctx, a.Referentie, a.Code)
			if err != nil || !in.IsIngetrokken() || in.Status != aanvragen.Besloten || len(in.Brieven) != 0 {
				t.Fatalf("withdrawn: %+v %v", in, err)
			}
			d, _ := svc.Aanvraag(ctx, gm, a.ID)
			for _, r := range d.Regelingen {
				if r.Besluit != string(aanvragen.Ingetrokken) || r.BeslotenOp.String() != "2026-03-03" || r.BeslotenDoor != "de aanvrager" {
					t.Fatalf("regeling after withdrawal: %+v", r)
				}
			}
			var audits int
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE operation = 'aanvraag.intrekken' AND actor_type = 'resident'`).Scan(&audits); err != nil || audits != 1 {
				t.Fatalf("audit rows %d %v", audits, err)
			}
			// Twice: the same state, no second audit row.
			if in, err := svc.TrekIn(ctx, a.Referentie, a.Code); err != nil || !in.IsIngetrokken() {
				t.Fatalf("withdrawn twice: %v", err)
			}
			// The status page still opens with the code.
			if in, err := svc.Inzien(ctx, a.Referentie, a.Code); err != nil || !in.IsIngetrokken() || in.KanIntrekken() {
				t.Fatalf("status after withdrawal: %+v %v", in, err)
			}
			// 5 months: everything kept.
			o.zet(begin.AddDate(0, 5, 0))
			if r, err := svc.Bewaar(ctx, gm); err != nil || r.Documenten+r.Aanvragen != 0 {
				t.Fatalf("after 5 months: %+v %v", r, err)
			}
			// 7 months: the withdrawn application's documents and their files are gone.
			o.zet(begin.AddDate(0, 7, 0))
			if r, err := svc.Bewaar(ctx, gm); err != nil || r.Documenten != 2 || r.Aanvragen != 0 {
				t.Fatalf("after 7 months: %+v %v", r, err)
			}
			if es, _ := os.ReadDir(filepath.Join(dir, gm)); len(es) != 0 {
				t.Fatalf("%d files left after the document term", len(es))
			}
			// 25 months: the withdrawn application is gone; the abandoned one without a decision stays.
			o.zet(begin.AddDate(2, 1, 0))
			if r, err := svc.Bewaar(ctx, gm); err != nil || r.Aanvragen != 1 {
				t.Fatalf("after 25 months: %+v %v", r, err)
			}
			if _, err := svc.Aanvraag(ctx, gm, a.ID); !errors.Is(err, errs.NotFound) {
				t.Fatalf("withdrawn application still there: %v", err)
			}
			if _, err := svc.Aanvraag(ctx, gm, v.ID); err != nil {
				t.Fatalf("undecided application deleted: %v", err)
			}
			// A decided application cannot be withdrawn.
			o.zet(begin.AddDate(2, 1, 1))
			vd, _ = svc.Aanvraag(ctx, gm, v.ID)
			if err := svc.Koppel(ctx, gm, v.ID, vd.Versie, o.recs[gm][0].BSN[0], consulent); err != nil {
				t.Fatal(err)
			}
			vd, _ = svc.Aanvraag(ctx, gm, v.ID)
			if _, err := svc.Beslis(ctx, gm, v.ID, vd.Versie, []aanvragen.BesluitInvoer{{Regeling: "collectieve_zorgverzekering", Soort: aanvragen.BuitenBehandeling, Motivering: "Het gevraagde document kwam niet."}}, consulent, afzender); err != nil {
				t.Fatal(err)
			}
			if _, err := svc.TrekIn(ctx, v.Referentie, v.Code); !errors.Is(err, errs.Invalid) {
				t.Fatalf("withdrawing a decided application: %v", err)
			}
		})
	}
}
