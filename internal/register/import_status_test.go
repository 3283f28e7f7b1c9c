package register_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// haperendeLezer gives its data and then blocks on the next Read until it is released, like an import
// whose process is about to be killed; losgelaten returns err from then on.
type haperendeLezer struct {
	data      []byte
	gelezen   bool
	wacht     chan struct{} // closed when a Read blocks
	los       chan error    // the error to return after the block
	gesignald bool
}

func (h *haperendeLezer) Read(p []byte) (int, error) {
	if !h.gelezen {
		h.gelezen = true
		return copy(p, h.data), nil
	}
	if !h.gesignald {
		h.gesignald = true
		close(h.wacht)
	}
	return 0, <-h.los
}

// TestImportRecordNooitBezig is issue 14 defect 6: a killed import left its record "bezig" forever,
// because the record was committed before the data transaction. What a SIGKILL leaves behind is what
// was committed at that moment, so the test looks at the committed state from another connection while
// the import is in the middle of its data: there must be no record "bezig". Then the import fails;
// the failure is recorded as "afgebroken" with its reason, and a later import is "klaar".
func TestImportRecordNooitBezig(t *testing.T) {
	data := bestand(t, "GM0175", "csv", 200)
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		h := &haperendeLezer{data: data, wacht: make(chan struct{}), los: make(chan error, 1)}
		klaar := make(chan error, 1)
		go func() {
			_, err := register.Importeer(t.Context(), db, h, register.ImportOpties{Gemeente: "GM0175", Formaat: "csv", Datum: peildatum, Bestand: "hapert.csv"})
			klaar <- err
		}()
		select {
		case <-h.wacht:
		case err := <-klaar:
			t.Fatalf("import ended before its reader blocked: %v", err)
		}
		// The import's transaction is open now; this is what a kill would leave.
		ims, err := register.Imports(t.Context(), db, "GM0175", 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range ims {
			if im.Status != register.ImportKlaar && im.Status != register.ImportAfgebroken {
				t.Errorf("committed during the import: record %d with status %q, want none (a kill would leave it so forever)", im.ID, im.Status)
			}
		}

		h.los <- io.ErrUnexpectedEOF // the import fails while reading
		if err := <-klaar; !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("import error = %v, want %v", err, io.ErrUnexpectedEOF)
		}
		ims, err = register.Imports(t.Context(), db, "GM0175", 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(ims) != 1 || ims[0].Status != register.ImportAfgebroken || ims[0].Bestand != "hapert.csv" ||
			!strings.Contains(ims[0].Melding, io.ErrUnexpectedEOF.Error()) || ims[0].Klaar == nil {
			t.Fatalf("after the failed import: %+v, want one record afgebroken with the reason", ims)
		}
		if n, _ := register.AantalHuishoudens(t.Context(), db, "GM0175"); n != 0 {
			t.Errorf("the failed import left %d households, want 0", n)
		}

		res, err := importeerBytes(t, db, data, register.ImportOpties{Formaat: "csv", Bestand: "goed.csv"})
		if err != nil {
			t.Fatal(err)
		}
		ims, err = register.Imports(t.Context(), db, "GM0175", 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(ims) != 2 || ims[0].ID != res.ID || ims[0].Status != register.ImportKlaar || ims[0].Opgeslagen != 200 || ims[0].Rijen != 200 {
			t.Fatalf("after a good import: %+v, want it first, klaar, 200 rows stored", ims)
		}
		if ims[1].Status != register.ImportAfgebroken {
			t.Errorf("the failed import became %q, want afgebroken", ims[1].Status)
		}
	})
}

// TestMigratieRuimtBezigOp: migration 0701 marks the records that older versions left "bezig" as
// "afgebroken", with the reason, and leaves finished ones alone.
func TestMigratieRuimtBezigOp(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		for _, st := range []string{"bezig", "klaar"} {
			if _, err := db.Exec(ctx, `INSERT INTO register_import (gemeente, bestand, formaat, status, gestart)
				VALUES ('GM0175', $1, 'csv', $2, CURRENT_TIMESTAMP)`, st+".csv", st); err != nil {
				t.Fatal(err)
			}
		}
		ms, err := store.Migrations(db.Dialect())
		if err != nil {
			t.Fatal(err)
		}
		var gedaan bool
		for _, m := range ms {
			if m.Version == 701 {
				if _, err := db.Exec(ctx, m.SQL); err != nil {
					t.Fatal(err)
				}
				gedaan = true
			}
		}
		if !gedaan {
			t.Fatal("migration 0701 not found")
		}
		ims, err := register.Imports(ctx, db, "GM0175", 0)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]register.Import{}
		for _, im := range ims {
			got[im.Bestand] = im
		}
		if b := got["bezig.csv"]; b.Status != register.ImportAfgebroken || !strings.Contains(b.Melding, "onderbroken") {
			t.Errorf("left bezig: %+v, want afgebroken with the reason", b)
		}
		if k := got["klaar.csv"]; k.Status != register.ImportKlaar || k.Melding != "" {
			t.Errorf("finished import changed: %+v", k)
		}
	})
}
