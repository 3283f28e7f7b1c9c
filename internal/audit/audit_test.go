package audit_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

var sleutel = bytes.Repeat([]byte{7}, 32)

const (
	bsnA = "999990007" // test BSNs (9999…, 11-proef)
	bsnB = "999990019"
)

type klok struct{ t time.Time }

func (k *klok) now() time.Time { k.t = k.t.Add(time.Second); return k.t }

func nieuw(t *testing.T, db *store.DB) *audit.Log {
	t.Helper()
	k := &klok{t: time.Date(2026, 11, 3, 10, 0, 0, 0, time.UTC)}
	l, err := audit.New(db, sleutel, k.now)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func ctxMet(ctx context.Context) context.Context {
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorGebruiker, ID: "12", Naam: "Consulent Test"})
	return audit.WithTrace(ctx, audit.Trace{TraceID: "4bf92f3577b34da6a3ce929d0e0e4736", SpanID: "00f067aa0ba902b7"})
}

func TestSchrijfEnZoek(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		l := nieuw(t, db)
		ctx := ctxMet(t.Context())
		must(t, l.Schrijf(ctx, audit.Verwerking{Gemeente: "GM1681", Verwerkingsactiviteit: "signalen.behandelen",
			Operatie: "vroegsignaalzaak.bekijken", Actie: audit.Lezen, BSN: bsnA, Object: "vroegsignaalzaak/1"}))
		must(t, l.Schrijf(ctx, audit.Verwerking{Gemeente: "GM1681", Verwerkingsactiviteit: "signalen.behandelen",
			Operatie: "werklijst.bekijken", Actie: audit.Lezen, Aantal: 25}))
		must(t, db.Tx(ctx, func(tx *sql.Tx) error {
			return l.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: "GM1969", Verwerkingsactiviteit: "signalen.behandelen",
				Operatie: "vroegsignaalzaak.bekijken", Actie: audit.Lezen, BSN: bsnA, Resultaat: audit.Geweigerd})
		}))
		sysCtx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "job/7"})
		must(t, l.Schrijf(sysCtx, audit.Verwerking{Gemeente: "GM1681", Verwerkingsactiviteit: "scan.uitvoeren",
			Operatie: "huishoudens.importeren", Actie: audit.Aanmaken, SubjectSoort: "huishouden", SubjectID: "H-1", Aantal: 3}))

		// Tenant isolation: GM1969 sees only its own row, GM1681 its three.
		b, err := l.Zoek(ctx, audit.Filter{Gemeente: "GM1969"})
		if err != nil {
			t.Fatal(err)
		}
		if len(b) != 1 || b[0].Resultaat != audit.Geweigerd {
			t.Errorf("GM1969 rows = %+v", b)
		}
		a, _ := l.Zoek(ctx, audit.Filter{Gemeente: "GM1681"})
		if len(a) != 3 || a[0].Operatie != "huishoudens.importeren" || a[2].Operatie != "vroegsignaalzaak.bekijken" {
			t.Fatalf("GM1681 rows (newest first) = %+v", a)
		}
		if _, err := l.Zoek(ctx, audit.Filter{}); !errors.Is(err, audit.ErrGeenGemeente) {
			t.Errorf("filter without gemeente: %v", err)
		}

		eerste := a[2]
		if eerste.Actor != (audit.Actor{Soort: audit.ActorGebruiker, ID: "12", Naam: "Consulent Test"}) ||
			eerste.TraceID != "4bf92f3577b34da6a3ce929d0e0e4736" || eerste.ParentSpanID != "00f067aa0ba902b7" ||
			len(eerste.SpanID) != 16 || eerste.SubjectSoort != "bsn" || len(eerste.SubjectHash) != 64 || eerste.Aantal != 1 ||
			eerste.Resultaat != audit.OK || !eerste.Tijd.Equal(time.Date(2026, 11, 3, 10, 0, 1, 0, time.UTC)) {
			t.Errorf("first row = %+v", eerste)
		}
		if a[0].Actor.Soort != audit.ActorSysteem || a[0].SubjectSoort != "huishouden" || a[0].Aantal != 3 {
			t.Errorf("system row = %+v", a[0])
		}
		// The same BSN hashes differently per gemeente, and never appears in plain text.
		if b[0].SubjectHash == eerste.SubjectHash {
			t.Error("one BSN has the same hash in two gemeenten")
		}
		var n int
		db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE subject_hash LIKE $1 OR object LIKE $1 OR detail LIKE $1`, "%"+bsnA+"%").Scan(&n)
		if n != 0 {
			t.Errorf("%d rows contain the plain BSN", n)
		}

		// Filters.
		for _, tt := range []struct {
			f    audit.Filter
			want int
		}{
			{audit.Filter{Gemeente: "GM1681", BSN: bsnA}, 1},
			{audit.Filter{Gemeente: "GM1681", BSN: bsnB}, 0},
			{audit.Filter{Gemeente: "GM1681", ActorSoort: audit.ActorGebruiker, ActorID: "12"}, 2},
			{audit.Filter{Gemeente: "GM1681", Verwerkingsactiviteit: "scan.uitvoeren"}, 1},
			{audit.Filter{Gemeente: "GM1681", Actie: audit.Lezen, Operatie: "werklijst.bekijken"}, 1},
			{audit.Filter{Gemeente: "GM1681", Van: time.Date(2026, 11, 3, 10, 0, 2, 0, time.UTC)}, 2},
			{audit.Filter{Gemeente: "GM1681", Tot: time.Date(2026, 11, 3, 10, 0, 2, 0, time.UTC)}, 1},
			{audit.Filter{Gemeente: "GM1681", TraceID: "4bf92f3577b34da6a3ce929d0e0e4736"}, 2},
			{audit.Filter{Gemeente: "GM1681", Limiet: 2}, 2},
			{audit.Filter{Gemeente: "GM1681", VoorID: a[1].ID}, 1},
			{audit.Filter{Gemeente: "GM1969", Resultaat: audit.OK}, 0},
		} {
			got, err := l.Zoek(ctx, tt.f)
			if err != nil || len(got) != tt.want {
				t.Errorf("Zoek(%+v) = %d rows, %v; want %d", tt.f, len(got), err, tt.want)
			}
		}

		// Incomplete entries are refused.
		for _, v := range []audit.Verwerking{
			{Verwerkingsactiviteit: "x", Operatie: "y", Actie: audit.Lezen},
			{Gemeente: "GM1681", Operatie: "y", Actie: audit.Lezen},
			{Gemeente: "GM1681", Verwerkingsactiviteit: "x", Operatie: "y", Actie: "kijken"},
			{Gemeente: "GM1681", Verwerkingsactiviteit: "x", Operatie: "y", Actie: audit.Lezen, SubjectID: "1"},
		} {
			if err := l.Schrijf(ctx, v); !errors.Is(err, audit.ErrOnvolledig) {
				t.Errorf("Schrijf(%+v) = %v, want ErrOnvolledig", v, err)
			}
		}
		if err := l.Schrijf(t.Context(), audit.Verwerking{Gemeente: "GM1681", Verwerkingsactiviteit: "x", Operatie: "y", Actie: audit.Lezen}); !errors.Is(err, audit.ErrOnvolledig) {
			t.Errorf("Schrijf without actor = %v, want ErrOnvolledig", err)
		}
	})
}

// TestAppendOnly: the package offers no way to change or remove rows, and the database refuses it.
func TestAppendOnly(t *testing.T) {
	typ := reflect.TypeOf(&audit.Log{})
	for i := range typ.NumMethod() {
		name := strings.ToLower(typ.Method(i).Name)
		for _, bad := range []string{"update", "delete", "wijzig", "verwijder", "wis", "truncate"} {
			if strings.Contains(name, bad) {
				t.Errorf("audit.Log has method %s", typ.Method(i).Name)
			}
		}
	}
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		l := nieuw(t, db)
		ctx := ctxMet(t.Context())
		must(t, l.Schrijf(ctx, audit.Verwerking{Gemeente: "GM0175", Verwerkingsactiviteit: "zaken.behandelen", Operatie: "zaak.bekijken", Actie: audit.Lezen, BSN: bsnB}))
		if _, err := db.Exec(ctx, `UPDATE audit_log SET actor_name = 'iemand anders'`); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("UPDATE audit_log: %v, want refusal", err)
		}
		if _, err := db.Exec(ctx, `DELETE FROM audit_log`); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("DELETE FROM audit_log: %v, want refusal", err)
		}
		rs, _ := l.Zoek(ctx, audit.Filter{Gemeente: "GM0175"})
		if len(rs) != 1 || rs[0].Actor.Naam != "Consulent Test" {
			t.Errorf("rows after refused changes = %+v", rs)
		}
	})
}

func TestExporteerCSV(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		l := nieuw(t, db)
		ctx := ctxMet(t.Context())
		must(t, l.Schrijf(ctx, audit.Verwerking{Gemeente: "GM0147", Verwerkingsactiviteit: "signalen.behandelen",
			Operatie: "vroegsignaalzaak.bekijken", Actie: audit.Lezen, BSN: bsnA, Object: "vroegsignaalzaak/9", SpanID: "1111111111111111"}))
		must(t, l.Schrijf(ctx, audit.Verwerking{Gemeente: "GM0147", Verwerkingsactiviteit: "signalen.behandelen",
			Operatie: "werklijst.exporteren", Actie: audit.Exporteren, Aantal: 1200, Detail: "=HYPERLINK(\"x\")", SpanID: "2222222222222222"}))
		must(t, l.Schrijf(ctx, audit.Verwerking{Gemeente: "GM1681", Verwerkingsactiviteit: "signalen.behandelen",
			Operatie: "anders", Actie: audit.Lezen}))
		var buf bytes.Buffer
		n, err := l.ExporteerCSV(ctx, &buf, audit.Filter{Gemeente: "GM0147", Limiet: 1})
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("exported %d rows, want 2 (limit ignored, other gemeente excluded)", n)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rs, _ := l.Zoek(ctx, audit.Filter{Gemeente: "GM0147"})
		hash := rs[1].SubjectHash
		want := [][]string{
			audit.CSVKolommen,
			{itoa(rs[1].ID), "2026-11-03T10:00:01Z", "GM0147", "user", "12", "Consulent Test", "signalen.behandelen",
				"vroegsignaalzaak.bekijken", "read", "bsn", hash, "vroegsignaalzaak/9", "1", "ok", "",
				"4bf92f3577b34da6a3ce929d0e0e4736", "1111111111111111", "00f067aa0ba902b7"},
			{itoa(rs[0].ID), "2026-11-03T10:00:02Z", "GM0147", "user", "12", "Consulent Test", "signalen.behandelen",
				"werklijst.exporteren", "export", "", "", "", "1200", "ok", "'=HYPERLINK(\"x\")",
				"4bf92f3577b34da6a3ce929d0e0e4736", "2222222222222222", "00f067aa0ba902b7"},
		}
		if !reflect.DeepEqual(recs, want) {
			t.Errorf("CSV =\n%q\nwant\n%q", recs, want)
		}
		if strings.Contains(buf.String(), bsnA) {
			t.Error("CSV contains the plain BSN")
		}
	})
}

// TestExportVeleRegels checks paging of the export over more than one page.
func TestExportVeleRegels(t *testing.T) {
	db := storetest.OpenTest(t)
	l := nieuw(t, db)
	ctx := ctxMet(t.Context())
	must(t, db.Tx(ctx, func(tx *sql.Tx) error {
		for range 2500 {
			if err := l.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: "GM1969", Verwerkingsactiviteit: "a", Operatie: "b", Actie: audit.Lezen}); err != nil {
				return err
			}
		}
		return nil
	}))
	var buf bytes.Buffer
	n, err := l.ExporteerCSV(ctx, &buf, audit.Filter{Gemeente: "GM1969"})
	if err != nil || n != 2500 || strings.Count(buf.String(), "\n") != 2501 {
		t.Errorf("export of 2500 rows: n=%d lines=%d err=%v", n, strings.Count(buf.String(), "\n"), err)
	}
}

func TestSleutelEnTrace(t *testing.T) {
	if _, err := audit.New(nil, []byte("kort"), nil); err == nil {
		t.Error("short key accepted")
	}
	k := audit.NieuweSleutel()
	b, err := audit.ParseSleutel(k)
	if err != nil || len(b) != 32 {
		t.Errorf("ParseSleutel(hex) = %d bytes, %v", len(b), err)
	}
	if _, err := audit.ParseSleutel("abc"); err == nil {
		t.Error("short key parsed")
	}
	pad := filepath.Join(t.TempDir(), "audit.key")
	k1, nieuw, err := audit.LaadOfMaakSleutel(pad)
	if err != nil || !nieuw || len(k1) != 32 {
		t.Fatalf("LaadOfMaakSleutel (new) = %d bytes, %v, %v", len(k1), nieuw, err)
	}
	k2, nieuw, err := audit.LaadOfMaakSleutel(pad)
	if err != nil || nieuw || !bytes.Equal(k1, k2) {
		t.Errorf("LaadOfMaakSleutel (existing) = %x, %v, %v; want %x", k2, nieuw, err, k1)
	}
	if fi, _ := os.Stat(pad); fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", fi.Mode().Perm())
	}
	tid, sid, ok := audit.ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	if !ok || tid != "4bf92f3577b34da6a3ce929d0e0e4736" || sid != "00f067aa0ba902b7" {
		t.Errorf("ParseTraceparent = %q %q %v", tid, sid, ok)
	}
	for _, bad := range []string{"", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"} {
		if _, _, ok := audit.ParseTraceparent(bad); ok {
			t.Errorf("ParseTraceparent(%q) accepted", bad)
		}
	}
	tr := audit.NieuweTrace("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	if tr.TraceID != "4bf92f3577b34da6a3ce929d0e0e4736" || tr.ParentSpanID != "00f067aa0ba902b7" || len(tr.SpanID) != 16 {
		t.Errorf("NieuweTrace = %+v", tr)
	}
	if tr := audit.NieuweTrace("rommel"); len(tr.TraceID) != 32 || tr.ParentSpanID != "" {
		t.Errorf("NieuweTrace(bad) = %+v", tr)
	}
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// One processing about several residents (a page that shows them) is one row; a search by any of their
// BSNs finds it, in its own gemeente only; the hashes are append-only like the rows.
func TestMeerdereBetrokkenen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		l := nieuw(t, db)
		ctx := ctxMet(t.Context())
		v := audit.Verwerking{Gemeente: "GM1681", Verwerkingsactiviteit: "signalen.behandelen", Operatie: "vroegsignaalzaak.bekijken",
			Actie: audit.Lezen, Object: "vroegsignaalzaak/7", BSNs: []string{bsnA, bsnB, bsnA, ""}}
		must(t, l.Schrijf(ctx, v))
		must(t, db.Tx(ctx, func(tx *sql.Tx) error { return l.SchrijfTx(ctx, tx, v) }))
		var rijen, betrokkenen int
		must(t, db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log`).Scan(&rijen))
		must(t, db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log_betrokkene`).Scan(&betrokkenen))
		if rijen != 2 || betrokkenen != 4 {
			t.Errorf("rows %d, subjects %d; want 2 and 4 (two writes of two distinct BSNs)", rijen, betrokkenen)
		}
		for _, bsn := range []string{bsnA, bsnB} {
			got, err := l.Zoek(ctx, audit.Filter{Gemeente: "GM1681", BSN: bsn})
			if err != nil || len(got) != 2 || got[0].Aantal != 2 || got[0].SubjectSoort != "bsn" || got[0].Object != "vroegsignaalzaak/7" {
				t.Errorf("Zoek BSN %s = %+v, %v; want the two rows with 2 subjects each", bsn, got, err)
			}
			if got, _ := l.Zoek(ctx, audit.Filter{Gemeente: "GM1969", BSN: bsn}); len(got) != 0 {
				t.Errorf("another gemeente finds %d rows", len(got))
			}
		}
		var n int
		db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log_betrokkene WHERE subject_hash LIKE $1`, "%"+bsnA+"%").Scan(&n)
		if n != 0 {
			t.Errorf("%d subject rows contain the plain BSN", n)
		}
		if _, err := db.SQL().ExecContext(ctx, `DELETE FROM audit_log_betrokkene`); err == nil {
			t.Error("deleting subjects succeeded")
		}
		if err := l.Schrijf(ctx, audit.Verwerking{Gemeente: "GM1681", Verwerkingsactiviteit: "x", Operatie: "y", Actie: audit.Lezen,
			BSN: bsnA, BSNs: []string{bsnB}}); !errors.Is(err, audit.ErrOnvolledig) {
			t.Errorf("BSN and BSNs together = %v, want ErrOnvolledig", err)
		}
	})
}
