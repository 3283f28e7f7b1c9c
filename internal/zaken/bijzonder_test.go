package zaken_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestBijzondereGegevens: health data (Wgs art. 8a) are stored apart, with their own version (a stale
// form is refused), every read and change is its own audit row, nothing goes on the timeline, empty
// data delete the row, and the retention job deletes them with the zaak.
func TestBijzondereGegevens(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 2, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			leeg, err := o.svc.BijzondereGegevens(ctx, "GM1681", id)
			if err != nil || leeg.Versie != 0 || !leeg.Gezondheid.Leeg() {
				t.Fatalf("leeg: %+v %v", leeg, err)
			}
			g := zaken.Gezondheid{Psychisch: true, LVB: true, Toelichting: "  Brieven voorlezen; GEHEIM-GEZONDHEID.  "}
			if err := o.svc.ZetBijzondereGegevens(ctx, "GM1681", id, 0, g, consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.ZetBijzondereGegevens(ctx, "GM1681", id, 0, g, consulent); !errors.Is(err, zaken.ErrVerouderd) {
				t.Errorf("verouderd formulier: %v", err)
			}
			if err := o.svc.ZetBijzondereGegevens(ctx, "GM1681", id, 1, zaken.Gezondheid{Toelichting: strings.Repeat("x", 1001)}, consulent); veldVan(err) != "bijzonder-toelichting" {
				t.Errorf("te lang: %v", err)
			}
			if _, err := o.svc.BijzondereGegevens(ctx, "GM1681", 999999); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("onbekende zaak: %v", err)
			}
			if err := o.svc.ZetBijzondereGegevens(ctx, "GM1969", id, 0, g, consulent); !errors.Is(err, zaken.ErrNietGevonden) {
				t.Errorf("andere gemeente: %v", err)
			}
			b, err := o.svc.BijzondereGegevens(ctx, "GM1681", id)
			if err != nil || b.Versie != 1 || !b.Gezondheid.Psychisch || !b.Gezondheid.LVB || b.Gezondheid.Verslaving ||
				b.Gezondheid.Toelichting != "Brieven voorlezen; GEHEIM-GEZONDHEID." || b.Door != consulent.Naam {
				t.Fatalf("gelezen: %+v %v", b, err)
			}
			det, err := o.svc.Zaak(ctx, "GM1681", id)
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range det.Tijdlijn {
				if strings.Contains(g.Tekst, "GEHEIM") || strings.Contains(strings.ToLower(g.Tekst), "bijzonder") {
					t.Errorf("tijdlijn noemt de bijzondere gegevens: %q", g.Tekst)
				}
			}
			if n := len(o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaak.bijzonder.bekijken", BSN: eersteBSN(recs[0])})); n != 2 {
				t.Errorf("leesrijen met BSN: %d, want 2", n)
			}
			if rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaak.bijzonder.wijzigen"}); len(rs) != 1 || rs[0].Actie != audit.Wijzigen {
				t.Errorf("wijzigrijen: %+v", rs)
			}
			// emptied: the row goes
			if err := o.svc.ZetBijzondereGegevens(ctx, "GM1681", id, 1, zaken.Gezondheid{}, consulent); err != nil {
				t.Fatal(err)
			}
			var n int
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_bijzonder`).Scan(&n); err != nil || n != 0 {
				t.Errorf("leeg gemaakt, rijen: %d %v", n, err)
			}
			// retention: deleted with the zaak
			if err := o.svc.ZetBijzondereGegevens(ctx, "GM1681", id, 0, g, consulent); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.Beeindig(ctx, "GM1681", id, 1, zaken.RedenVerhuisd, d("2026-03-02"), "Verhuisd.", consulent); err != nil {
				t.Fatal(err)
			}
			in, _ := o.svc.Instellingen(ctx, "GM1681")
			in.Bewaren = map[zaken.Status]int{zaken.Beeindigd: 1}
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in); err != nil {
				t.Fatal(err)
			}
			o.zet(op("2026-04-03 12:00"))
			if res, err := o.svc.Bewaar(ctx, "GM1681"); err != nil || res.Zaken != 1 {
				t.Fatalf("bewaar: %+v %v", res, err)
			}
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_bijzonder`).Scan(&n); err != nil || n != 0 {
				t.Errorf("na de bewaartermijn: %d rijen %v", n, err)
			}
		})
	}
}

// TestBijzonderNietInDetail: the special data are marked with the struct tag, and no type that the zaak
// page, the worklist, the exports or a referral are built from can carry them.
func TestBijzonderNietInDetail(t *testing.T) {
	if !zaken.BevatBijzonder(reflect.TypeFor[zaken.BijzondereGegevens]()) {
		t.Fatal("BijzondereGegevens is niet gemarkeerd: de test hieronder zou niets bewijzen")
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[zaken.Detail](), reflect.TypeFor[zaken.Zaak](), reflect.TypeFor[zaken.Rij](),
		reflect.TypeFor[zaken.Overzicht](), reflect.TypeFor[zaken.Indicatoren]()} {
		if zaken.BevatBijzonder(typ) {
			t.Errorf("%s kan bijzondere gegevens bevatten", typ)
		}
	}
}

// TestBijzonderAlleenHier: the table of special data is named only in bijzonder.go, the retention job
// and the migrations, so no export, list or referral elsewhere in the code reads it.
func TestBijzonderAlleenHier(t *testing.T) {
	tabel := regexp.MustCompile(`zaken_bijzonder(?:[^._a-zA-Z0-9"]|$)`) // the table, not a file or template name ("zaken_bijzonder", zaken_bijzonder.go)
	toegestaan := map[string]bool{"internal/zaken/bijzonder.go": true, "internal/zaken/bewaar.go": true}
	var gevonden []string
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && (e.Name() == "node_modules" || e.Name() == ".git") {
			return filepath.SkipDir
		}
		if e.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if tabel.Match(b) && !toegestaan[filepath.ToSlash(rel)] {
			gevonden = append(gevonden, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(gevonden) > 0 {
		t.Errorf("zaken_bijzonder gelezen buiten bijzonder.go: %v", gevonden)
	}
}

// TestBijzondereGegevensGelijktijdig: two case workers store the first health data of a zaak at the
// same time (both forms with version 0): one is stored, the other is a stale form (ErrVerouderd), never
// a database error. On PostgreSQL both transactions read "nothing stored" and the second INSERT met the
// primary key.
func TestBijzondereGegevensGelijktijdig(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 5, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			for ronde := range 5 {
				id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: o.recs["GM1681"][ronde].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
				if err != nil {
					t.Fatal(err)
				}
				const n = 6
				fouten := make(chan error, n)
				start := make(chan struct{})
				for i := range n {
					go func() {
						<-start
						fouten <- o.svc.ZetBijzondereGegevens(ctx, "GM1681", id, 0, zaken.Gezondheid{Psychisch: true, Toelichting: strings.Repeat("x", i+1)}, consulent)
					}()
				}
				close(start)
				goed := 0
				for range n {
					switch err := <-fouten; {
					case err == nil:
						goed++
					case !errors.Is(err, zaken.ErrVerouderd):
						t.Errorf("ronde %d: %v", ronde, err)
					}
				}
				if goed != 1 {
					t.Errorf("ronde %d: %d keer opgeslagen, want 1", ronde, goed)
				}
			}
		})
	}
}

// TestBijzondereGegevensWissenVerouderd: emptying the form (which deletes the row) and a change, both
// from a form of the same version at once: one wins, the other is a stale form — the deletion never
// takes away a change it did not see.
func TestBijzondereGegevensWissenVerouderd(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 1, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			id, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: o.recs["GM1681"][0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent)
			if err != nil {
				t.Fatal(err)
			}
			for ronde := range 20 {
				huidig, err := o.svc.BijzondereGegevens(ctx, "GM1681", id)
				if err != nil {
					t.Fatal(err)
				}
				if huidig.Versie == 0 {
					if err := o.svc.ZetBijzondereGegevens(ctx, "GM1681", id, 0, zaken.Gezondheid{LVB: true}, consulent); err != nil {
						t.Fatal(err)
					}
					huidig.Versie = 1
				}
				v := huidig.Versie
				fouten := make(chan error, 2)
				start := make(chan struct{})
				for _, g := range []zaken.Gezondheid{{}, {Psychisch: true, Toelichting: "gewijzigd"}} {
					go func() {
						<-start
						fouten <- o.svc.ZetBijzondereGegevens(ctx, "GM1681", id, v, g, consulent)
					}()
				}
				close(start)
				goed := 0
				for range 2 {
					switch err := <-fouten; {
					case err == nil:
						goed++
					case !errors.Is(err, zaken.ErrVerouderd):
						t.Errorf("ronde %d: %v", ronde, err)
					}
				}
				if goed != 1 {
					t.Fatalf("ronde %d: %d van 2 formulieren van versie %d opgeslagen, want 1", ronde, goed, v)
				}
			}
		})
	}
}
