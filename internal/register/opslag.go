package register

import (
	"context"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/zeker-platform/zeker/internal/store"
)

// LeesGegevens turns a stored row (one CSV line in the order of Kolommen, as Huishoudens gives it) back
// into a Record. ind is StandaardIndeling(); a caller that parses in parallel keeps one per goroutine.
func LeesGegevens(ind *Indeling, gegevens string) (*Record, error) {
	r := csv.NewReader(strings.NewReader(gegevens))
	r.FieldsPerRecord = aantalKolommen
	rij, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("register: opgeslagen huishouden onleesbaar: %w", err)
	}
	return ind.ParseRij(0, rij)
}

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
