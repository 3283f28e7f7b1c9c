package register

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/store"
)

// LeesGegevens turns a stored row (one CSV line in the order of Kolommen, as Huishoudens gives it) back
// into a Record. ind is StandaardIndeling(); a caller that parses in parallel keeps one per goroutine.
func LeesGegevens(ind *Indeling, gegevens string) (*Record, error) {
	r := csv.NewReader(strings.NewReader(gegevens))
	r.FieldsPerRecord = -1
	rij, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("register: opgeslagen huishouden onleesbaar: %w", err)
	}
	// Rows stored before the address columns (huisnummer, toevoeging, briefadres) were added have 19
	// fields: the missing ones are empty (unknown).
	if len(rij) >= opgeslagenZonderAdres && len(rij) < aantalKolommen {
		rij = append(rij, make([]string, aantalKolommen-len(rij))...)
	}
	if len(rij) != aantalKolommen {
		return nil, fmt.Errorf("register: opgeslagen huishouden onleesbaar: %d velden, verwacht %d", len(rij), aantalKolommen)
	}
	return ind.ParseRij(0, rij)
}

// opgeslagenZonderAdres is the number of fields of a row stored before the address columns existed.
const opgeslagenZonderAdres = kHuisnummer

// AantalHuishoudens counts the stored households of a gemeente.
func AantalHuishoudens(ctx context.Context, db *store.DB, gemeente string) (int, error) {
	var n int
	err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM register_huishouden WHERE gemeente = $1`, gemeente).Scan(&n)
	return n, store.MapError(err)
}

// Huishouden returns one stored household; store.ErrNotFound when the gemeente has no such id.
func Huishouden(ctx context.Context, db *store.DB, gemeente, id string) (*Record, error) {
	var g string
	err := db.SQL().QueryRowContext(ctx, `SELECT gegevens FROM register_huishouden WHERE gemeente = $1 AND id = $2`, gemeente, id).Scan(&g)
	if err != nil {
		return nil, fmt.Errorf("register: huishouden %s: %w", id, store.MapError(err))
	}
	return LeesGegevens(StandaardIndeling(), g)
}

// Huishoudens calls fn with the raw stored row (LeesGegevens parses it) of every household of the gemeente, in id order.
// Parsing is left to the caller so that it can run in parallel.
func Huishoudens(ctx context.Context, db *store.DB, gemeente string, fn func(gegevens string) error) error {
	rows, err := db.SQL().QueryContext(ctx, `SELECT gegevens FROM register_huishouden WHERE gemeente = $1 ORDER BY id`, gemeente)
	if err != nil {
		return fmt.Errorf("register: huishoudens lezen: %w", store.MapError(err))
	}
	defer rows.Close()
	var g string
	for rows.Next() {
		if err := rows.Scan(&g); err != nil {
			return fmt.Errorf("register: huishoudens lezen: %w", store.MapError(err))
		}
		if err := fn(g); err != nil {
			return err
		}
	}
	return store.MapError(rows.Err())
}

// The statuses of an import. An import's record is written in its data transaction: a record is
// "klaar" (committed with its data) or "afgebroken" (a failure the importing process saw, or, from
// migration 0701, a record that an older version left "bezig" when it was killed). "bezig" exists only
// inside an uncommitted transaction.
const (
	ImportKlaar      = "klaar"
	ImportAfgebroken = "afgebroken"
)

// Import is the record of one import, as the import page shows it.
type Import struct {
	ID          int64      `json:"id"`
	Gemeente    string     `json:"gemeente"`
	Bestand     string     `json:"bestand"`
	Formaat     string     `json:"formaat"`
	Status      string     `json:"status"` // ImportKlaar or ImportAfgebroken
	Rijen       int64      `json:"rijen"`
	Opgeslagen  int64      `json:"opgeslagen"`
	Ongewijzigd int64      `json:"ongewijzigd"`
	Afgewezen   int64      `json:"afgewezen"`
	Melding     string     `json:"melding"` // why it was aborted
	Gestart     time.Time  `json:"gestart"`
	Klaar       *time.Time `json:"klaar"`
}

// Imports returns the newest imports of a gemeente, at most maxAantal (≤ 0: 20), newest first.
func Imports(ctx context.Context, db *store.DB, gemeente string, maxAantal int) ([]Import, error) {
	if maxAantal <= 0 {
		maxAantal = 20
	}
	rows, err := db.SQL().QueryContext(ctx, `SELECT id, gemeente, bestand, formaat, status, rijen, opgeslagen, ongewijzigd,
		afgewezen, melding, gestart, klaar FROM register_import WHERE gemeente = $1 ORDER BY gestart DESC, id DESC LIMIT $2`,
		gemeente, maxAantal)
	if err != nil {
		return nil, fmt.Errorf("register: imports lezen: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []Import
	for rows.Next() {
		var im Import
		var klaar sql.NullTime
		if err := rows.Scan(&im.ID, &im.Gemeente, &im.Bestand, &im.Formaat, &im.Status, &im.Rijen, &im.Opgeslagen,
			&im.Ongewijzigd, &im.Afgewezen, &im.Melding, &im.Gestart, &klaar); err != nil {
			return nil, fmt.Errorf("register: imports lezen: %w", store.MapError(err))
		}
		if klaar.Valid {
			k := klaar.Time
			im.Klaar = &k
		}
		out = append(out, im)
	}
	return out, store.MapError(rows.Err())
}

// MaxZoekTreffers bounds the households ZoekOpBSN returns (a BSN belongs to one person; several
// households only when the register holds an inconsistency, which the caller shows).
const MaxZoekTreffers = 10

// ZoekOpBSN returns the stored households of the gemeente with a person whose BSN is bsn (at most
// MaxZoekTreffers, in id order). The stored row is text, so the database narrows by substring and each
// candidate is parsed and checked on the BSN field itself. The caller logs the processing.
func ZoekOpBSN(ctx context.Context, db *store.DB, gemeente, bsn string) ([]*Record, error) {
	if len(bsn) != 9 || strings.Trim(bsn, "0123456789") != "" {
		return nil, fmt.Errorf("register: zoek op BSN: %w: een BSN heeft 9 cijfers", errs.Invalid)
	}
	rows, err := db.SQL().QueryContext(ctx, `SELECT gegevens FROM register_huishouden WHERE gemeente = $1 AND gegevens LIKE $2 ORDER BY id`,
		gemeente, "%"+bsn+"%")
	if err != nil {
		return nil, fmt.Errorf("register: zoek op BSN: %w", store.MapError(err))
	}
	defer rows.Close()
	ind := StandaardIndeling()
	var out []*Record
	for rows.Next() && len(out) < MaxZoekTreffers {
		var g string
		if err := rows.Scan(&g); err != nil {
			return nil, fmt.Errorf("register: zoek op BSN: %w", store.MapError(err))
		}
		rec, err := LeesGegevens(ind, g)
		if err != nil {
			return nil, err
		}
		for _, b := range rec.BSN {
			if b == bsn {
				out = append(out, rec)
				break
			}
		}
	}
	return out, store.MapError(rows.Err())
}
