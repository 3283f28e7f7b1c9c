package aanvragen_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/errs"
)

func metOpslag(t *testing.T, o omgeving, op aanvragen.Opslag) *aanvragen.Service {
	t.Helper()
	klok := func() time.Time { o.mu.Lock(); defer o.mu.Unlock(); return *o.nu }
	svc, err := aanvragen.New(aanvragen.Config{DB: o.db, Audit: o.log, Catalogus: catalogus(t), Klok: klok, Opslag: op})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// bestanden lists the files under dir/gm (none when it does not exist).
func bestanden(t *testing.T, dir, gm string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Join(dir, gm))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// inhoudVan is distinct content of n bytes (a PDF).
func inhoudVan(n int, b byte) []byte {
	return append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{b}, n)...)
}

// TestDocumentOpslag runs the same table against the database and the directory: what is stored is read
// back byte for byte; another gemeente reads nothing; a rolled-back upload leaves no file; a damaged or
// missing content is ErrDocumentWeg (not a 500); a file half-written by a crash (a temporary file never
// renamed) is no document and is removed by the daily job; retention removes the files too.
func TestDocumentOpslag(t *testing.T) {
	hex32 := regexp.MustCompile(`^[0-9a-f]{32}$`)
	for _, o := range omgevingen(t, 3, gm) {
		for _, soort := range []string{"database", "map"} {
			t.Run(o.naam+"/"+soort, func(t *testing.T) {
				ctx := metActor(t.Context())
				// Each subtest starts without applications of an earlier one.
				for _, tabel := range []string{"aanvragen_document", "aanvragen_gevraagd", "aanvragen_notitie", "aanvragen_brief", "aanvragen_poging", "aanvragen_geweigerd", "aanvragen_regeling", "aanvragen_aanvraag"} {
					if _, err := o.db.SQL().ExecContext(ctx, `DELETE FROM `+tabel); err != nil {
						t.Fatal(err)
					}
				}
				o.zet(begin)
				dir := filepath.Join(t.TempDir(), "documenten")
				var op aanvragen.Opslag = aanvragen.DatabaseOpslag{}
				if soort == "map" {
					m, err := aanvragen.NieuweMapOpslag(dir)
					if err != nil {
						t.Fatal(err)
					}
					op = m
				}
				svc := metOpslag(t, o, op)
				n := nieuw("participatie_volwassenen")
				n.Formulier += "-" + soort
				een, twee, drie := inhoudVan(3000, 'a'), inhoudVan(5000, 'b'), inhoudVan(700, 'c')
				n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "../../etc/passwd.pdf", Inhoud: een}, {Soort: "vermogen", Naam: "b.pdf", Inhoud: twee}}
				a, err := svc.Start(ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := svc.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{{Naam: "c.pdf", Inhoud: drie}}); err != nil {
					t.Fatal(err)
				}
				d, err := svc.Aanvraag(ctx, gm, a.ID)
				if err != nil || len(d.Documenten) != 3 {
					t.Fatalf("documents %+v %v", d, err)
				}
				for i, want := range [][]byte{een, twee, drie} {
					_, got, err := svc.Document(ctx, gm, a.ID, d.Documenten[i].ID)
					if err != nil || !bytes.Equal(got, want) {
						t.Fatalf("document %d read back: %d bytes, %v", i, len(got), err)
					}
					// Tenant isolation: another gemeente finds no such document.
					if _, _, err := svc.Document(ctx, "GM9999", a.ID, d.Documenten[i].ID); !errors.Is(err, errs.NotFound) {
						t.Fatalf("another gemeente: %v", err)
					}
				}
				var leeg int
				if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM aanvragen_document WHERE length(inhoud) = 0 AND hash <> ''`).Scan(&leeg); err != nil {
					t.Fatal(err)
				}
				fs := bestanden(t, dir, gm)
				if soort == "database" {
					if leeg != 0 || len(fs) != 0 {
						t.Fatalf("database storage: %d empty rows, files %v", leeg, fs)
					}
				} else {
					if leeg != 3 || len(fs) != 3 {
						t.Fatalf("directory storage: %d empty rows, files %v", leeg, fs)
					}
					for _, f := range fs {
						fi, err := os.Stat(filepath.Join(dir, gm, f))
						if err != nil || !hex32.MatchString(f) || fi.Mode().Perm() != 0o600 {
							t.Fatalf("file %q: %v %v", f, fi.Mode(), err)
						}
					}
					di, err := os.Stat(filepath.Join(dir, gm))
					if err != nil || di.Mode().Perm() != 0o700 {
						t.Fatalf("gemeente directory %v %v", di.Mode(), err)
					}
					// The directory's own Lees does not read another gemeente's file either.
					if _, err := op.Lees("GM9999", fs[0], nil); !errors.Is(err, aanvragen.ErrDocumentWeg) {
						t.Fatalf("another gemeente's file: %v", err)
					}
					if _, err := op.Lees(gm, "../"+gm+"/"+fs[0], nil); !errors.Is(err, aanvragen.ErrDocumentWeg) {
						t.Fatalf("a path as name: %v", err)
					}
				}
				// A rolled-back upload (the 13th document of the application) leaves no row and no file.
				var meer []aanvragen.Bestand
				for i := range 6 {
					meer = append(meer, aanvragen.Bestand{Naam: "x.pdf", Inhoud: inhoudVan(100, byte('d'+i))})
				}
				if _, err := svc.StuurNa(ctx, a.Referentie, a.Code, meer); err != nil {
					t.Fatal(err)
				}
				meer = append(meer[:3:3], meer[0], meer[1])
				if _, err := svc.StuurNa(ctx, a.Referentie, a.Code, meer[:4]); !errors.Is(err, aanvragen.ErrTeVeelBestand) {
					t.Fatalf("13th document: %v", err)
				}
				if got := tel(t, o, "aanvragen_document"); got != 9 {
					t.Fatalf("%d rows after the rolled-back upload", got)
				}
				if soort == "map" {
					if fs := bestanden(t, dir, gm); len(fs) != 9 {
						t.Fatalf("%d files after the rolled-back upload, want 9", len(fs))
					}
				}
				// Damaged content: ErrDocumentWeg, for the database (a changed column) and the directory (a truncated file).
				if soort == "map" {
					var naam string
					if err := o.db.SQL().QueryRowContext(ctx, `SELECT bestand FROM aanvragen_document WHERE id = $1`, d.Documenten[0].ID).Scan(&naam); err != nil {
						t.Fatal(err)
					}
					f := filepath.Join(dir, gm, naam)
					if err := os.WriteFile(f, []byte("%PDF-1.4\nhalf"), 0o600); err != nil {
						t.Fatal(err)
					}
				} else if _, err := o.db.SQL().ExecContext(ctx, `UPDATE aanvragen_document SET inhoud = $1 WHERE id = $2`, []byte("%PDF-1.4\nhalf"), d.Documenten[0].ID); err != nil {
					t.Fatal(err)
				}
				beschadigd := 0
				for _, x := range []int64{d.Documenten[0].ID, d.Documenten[1].ID, d.Documenten[2].ID} {
					if _, _, err := svc.Document(ctx, gm, a.ID, x); errors.Is(err, aanvragen.ErrDocumentWeg) {
						beschadigd++
					} else if err != nil {
						t.Fatal(err)
					}
				}
				if beschadigd != 1 {
					t.Fatalf("%d damaged documents found, want 1", beschadigd)
				}
				if soort == "map" {
					// Missing: removed outside Zeker.
					for _, f := range bestanden(t, dir, gm) {
						os.Remove(filepath.Join(dir, gm, f))
					}
					if _, _, err := svc.Document(ctx, gm, a.ID, d.Documenten[2].ID); !errors.Is(err, aanvragen.ErrDocumentWeg) {
						t.Fatalf("missing file: %v", err)
					}
					// A service without the directory cannot read a row kept in one.
					if _, _, err := metOpslag(t, o, nil).Document(ctx, gm, a.ID, d.Documenten[2].ID); !errors.Is(err, aanvragen.ErrDocumentWeg) {
						t.Fatalf("no directory configured: %v", err)
					}
				}
			})
		}
	}
}

// TestDocumentMapCrashEnBewaar: a crash while writing leaves a temporary file that is no document; the
// daily job removes it (and a file no row knows) once it is older than OpruimMarge, and retention removes
// the files of deleted documents.
func TestDocumentMapCrashEnBewaar(t *testing.T) {
	for _, o := range omgevingen(t, 3, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			dir := t.TempDir()
			m, err := aanvragen.NieuweMapOpslag(dir)
			if err != nil {
				t.Fatal(err)
			}
			svc := metOpslag(t, o, m)
			n := nieuw("participatie_volwassenen")
			n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "a.pdf", Inhoud: inhoudVan(300, 'a')}, {Soort: "vermogen", Naam: "b.pdf", Inhoud: inhoudVan(300, 'b')}}
			a, err := svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			// What a crash between write and rename leaves, and a file whose row never committed.
			half := filepath.Join(dir, gm, ".tmp-123456")
			wees := filepath.Join(dir, gm, "0123456789abcdef0123456789abcdef")
			for _, f := range []string{half, wees} {
				if err := os.WriteFile(f, []byte("%PDF-1.4\nhalf geschr"), 0o600); err != nil {
					t.Fatal(err)
				}
				oud := begin.Add(-2 * time.Hour)
				if err := os.Chtimes(f, oud, oud); err != nil {
					t.Fatal(err)
				}
			}
			vreemd := filepath.Join(dir, gm, "LEESMIJ.txt") // not ours: left alone
			if err := os.WriteFile(vreemd, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			d, _ := svc.Aanvraag(ctx, gm, a.ID)
			if len(d.Documenten) != 2 {
				t.Fatalf("%d documents", len(d.Documenten))
			}
			if err := svc.ZetInstellingen(ctx, gm, aanvragen.Instellingen{Beslistermijn: aanvragen.WettelijkBeslis, BewaarDocumenten: 6, BewaarAanvraag: 24}); err != nil {
				t.Fatal(err)
			}
			o.zet(begin.Add(3 * time.Hour))
			r, err := svc.Bewaar(ctx, gm)
			if err != nil || r.Wees != 2 || r.Documenten != 0 {
				t.Fatalf("clean-up: %+v %v", r, err)
			}
			if fs := bestanden(t, dir, gm); len(fs) != 3 {
				t.Fatalf("files after the clean-up: %v", fs)
			}
			// Decide, then 7 months on the documents' files go with their rows.
			d, _ = svc.Aanvraag(ctx, gm, a.ID)
			if err := svc.Koppel(ctx, gm, a.ID, d.Versie, o.recs[gm][0].BSN[0], consulent); err != nil {
				t.Fatal(err)
			}
			d, _ = svc.Aanvraag(ctx, gm, a.ID)
			if _, err := svc.Beslis(ctx, gm, a.ID, d.Versie, []aanvragen.BesluitInvoer{{Regeling: "participatie_volwassenen", Soort: aanvragen.Toekennen, Motivering: "ok"}}, consulent, afzender); err != nil {
				t.Fatal(err)
			}
			o.zet(begin.AddDate(0, 7, 0))
			if r, err := svc.Bewaar(ctx, gm); err != nil || r.Documenten != 2 {
				t.Fatalf("retention: %+v %v", r, err)
			}
			if fs := bestanden(t, dir, gm); len(fs) != 1 || fs[0] != "LEESMIJ.txt" {
				t.Fatalf("files after retention: %v", fs)
			}
		})
	}
}

// BenchmarkMapOpslag writes (temporary file, fsync, rename, directory fsync) and reads back a 3 MB phone
// photo in the document directory.
//
//	go test -run '^$' -bench MapOpslag -benchtime 50x ./internal/aanvragen
func BenchmarkMapOpslag(b *testing.B) {
	m, err := aanvragen.NieuweMapOpslag(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	foto := append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, bytes.Repeat([]byte{7}, 3<<20)...)
	b.SetBytes(int64(len(foto)))
	for b.Loop() {
		naam, _, err := m.Schrijf(gm, foto)
		if err != nil {
			b.Fatal(err)
		}
		if got, err := m.Lees(gm, naam, nil); err != nil || len(got) != len(foto) {
			b.Fatal(err)
		}
	}
}
