package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/audit"
)

// Special categories of personal data (AVG art. 9) in a zaak.
//
// Wgs art. 8a lets the college process data about health (and criminal-law data) of the resident "voor
// zover noodzakelijk" for the debt help itself (art. 3 lid 1 onder a; shared/reference/vroegsignalering.md
// §1.1). Zeker records only health data, and only what bears on the help: four marks and a short note.
// No criminal-law data is recorded. The data live in their own table (zaken_bijzonder, migration 0309),
// are never part of [Detail] (so the zaak page, the worklist, every export and every referral built on it
// cannot carry them), are read and changed only through [Service.BijzondereGegevens] and
// [Service.ZetBijzondereGegevens] (each one audit row of its own, with the household's BSNs), and are
// deleted with the zaak by the retention job (bewaar.go). Which roles may see them is the permission
// auth.ZakenBijzonder (docs/zaken.md).
//
// Every field that holds such data carries the struct tag `bijzonder:"gezondheid"`;
// TestBijzonderNietInDetail walks Detail and fails when a tagged type is reachable from it.

// TagBijzonder is the struct tag that marks a field holding a special category of personal data.
const TagBijzonder = "bijzonder"

// MaxBijzonderToelichting bounds the note: a few sentences, not a medical file.
const MaxBijzonderToelichting = 1000

// Gezondheid is the health situation as far as it bears on the debt help (Wgs art. 8a). Special data.
type Gezondheid struct {
	Verslaving  bool   `bijzonder:"gezondheid"` // addiction
	Psychisch   bool   `bijzonder:"gezondheid"` // psychische problematiek
	Lichamelijk bool   `bijzonder:"gezondheid"` // lichamelijke beperking
	LVB         bool   `bijzonder:"gezondheid"` // licht verstandelijke beperking
	Toelichting string `bijzonder:"gezondheid"` // what it means for the help (at most 1,000 characters)
}

// Leeg reports whether nothing is recorded.
func (g Gezondheid) Leeg() bool {
	return !g.Verslaving && !g.Psychisch && !g.Lichamelijk && !g.LVB && strings.TrimSpace(g.Toelichting) == ""
}

// Kenmerk is one mark of Gezondheid with its words.
type Kenmerk struct {
	Veld, Naam string
	Aan        bool
}

// Kenmerken lists the marks in their order on the page.
func (g Gezondheid) Kenmerken() []Kenmerk {
	return []Kenmerk{
		{"verslaving", "Verslaving", g.Verslaving},
		{"psychisch", "Psychische problematiek", g.Psychisch},
		{"lichamelijk", "Lichamelijke beperking", g.Lichamelijk},
		{"lvb", "Licht verstandelijke beperking (LVB)", g.LVB},
	}
}

// BijzondereGegevens are the special data of one zaak with who last changed them.
type BijzondereGegevens struct {
	Gezondheid Gezondheid // special data
	Versie     int        // 0: nothing stored (yet)
	Door       string
	Gewijzigd  time.Time
}

// BijzondereGegevens reads the special data of zaak id. Every call is one audit row
// ("zaak.bijzonder.bekijken") with the BSNs of the zaak's persons, also when nothing is recorded.
func (s *Service) BijzondereGegevens(ctx context.Context, gemeente string, id int64) (BijzondereGegevens, error) {
	var b BijzondereGegevens
	var z Zaak
	var bsns []string
	err := s.sdb.ReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if z, err = leesZaak(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if b, err = leesBijzonder(ctx, tx, gemeente, id); err != nil {
			return err
		}
		bsns, err = bsnsVan(ctx, tx, gemeente, id)
		return err
	})
	if err != nil {
		return BijzondereGegevens{}, err
	}
	if err := s.logZaak(ctx, nil, gemeente, id, z.HuishoudenID, bsns, "zaak.bijzonder.bekijken", audit.Lezen); err != nil {
		return BijzondereGegevens{}, err
	}
	return b, nil
}

func leesBijzonder(ctx context.Context, q queryer, gemeente string, id int64) (BijzondereGegevens, error) {
	var b BijzondereGegevens
	var vs, ps, ls, lvb int
	err := q.QueryRowContext(ctx, `SELECT verslaving, psychisch, lichamelijk, lvb, toelichting, versie, door, gewijzigd
		FROM zaken_bijzonder WHERE gemeente = $1 AND zaak_id = $2`, gemeente, id).
		Scan(&vs, &ps, &ls, &lvb, &b.Gezondheid.Toelichting, &b.Versie, &b.Door, &b.Gewijzigd)
	if errors.Is(err, sql.ErrNoRows) {
		return BijzondereGegevens{}, nil
	}
	if err != nil {
		return BijzondereGegevens{}, fmt.Errorf("zaken: bijzondere gegevens: %w", err)
	}
	b.Gezondheid.Verslaving, b.Gezondheid.Psychisch, b.Gezondheid.Lichamelijk, b.Gezondheid.LVB = vs == 1, ps == 1, ls == 1, lvb == 1
	return b, nil
}

// ZetBijzondereGegevens stores the special data of zaak id; versie is the version the form was loaded
// with (0: nothing was stored), a newer stored one is ErrVerouderd. Empty data delete the row (nothing
// is kept that is not needed). One audit row ("zaak.bijzonder.wijzigen"); no line on the household's
// timeline, because the timeline is read by roles without the permission and even "changed" would tell
// them that such data exist.
func (s *Service) ZetBijzondereGegevens(ctx context.Context, gemeente string, id int64, versie int, g Gezondheid, door Medewerker) error {
	g.Toelichting = strings.TrimSpace(g.Toelichting)
	if utf8.RuneCountInString(g.Toelichting) > MaxBijzonderToelichting {
		return fout("bijzonder-toelichting", "De toelichting is te lang: gebruik hoogstens 1.000 tekens. Schrijf alleen op wat nodig is voor de hulp.")
	}
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		z, err := leesZaak(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		huidig, err := leesBijzonder(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		if huidig.Versie != versie {
			return ErrVerouderd
		}
		switch {
		case g.Leeg() && versie == 0:
			// nothing stored and nothing to store
		case g.Leeg():
			// Only the version the form saw: on PostgreSQL a change committed meanwhile must not be deleted unseen.
			var r sql.Result
			r, err = tx.ExecContext(ctx, `DELETE FROM zaken_bijzonder WHERE gemeente = $1 AND zaak_id = $2 AND versie = $3`, gemeente, id, versie)
			if err == nil {
				if n, _ := r.RowsAffected(); n != 1 {
					return ErrVerouderd
				}
			}
		case versie == 0:
			// Two first forms at once: on PostgreSQL both read "nothing stored"; the later one inserts
			// nothing here and is a stale form, not a primary-key error.
			var r sql.Result
			r, err = tx.ExecContext(ctx, `INSERT INTO zaken_bijzonder (gemeente, zaak_id, verslaving, psychisch, lichamelijk, lvb,
				toelichting, versie, door, gewijzigd) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9) ON CONFLICT (gemeente, zaak_id) DO NOTHING`,
				gemeente, id, b2i(g.Verslaving), b2i(g.Psychisch), b2i(g.Lichamelijk), b2i(g.LVB), g.Toelichting, door.Naam,
				s.klok().UTC().Truncate(time.Microsecond))
			if err == nil {
				if n, _ := r.RowsAffected(); n != 1 {
					return ErrVerouderd
				}
			}
		default:
			var r sql.Result
			r, err = tx.ExecContext(ctx, `UPDATE zaken_bijzonder SET verslaving = $1, psychisch = $2, lichamelijk = $3, lvb = $4,
				toelichting = $5, versie = versie + 1, door = $6, gewijzigd = $7 WHERE gemeente = $8 AND zaak_id = $9 AND versie = $10`,
				b2i(g.Verslaving), b2i(g.Psychisch), b2i(g.Lichamelijk), b2i(g.LVB), g.Toelichting, door.Naam,
				s.klok().UTC().Truncate(time.Microsecond), gemeente, id, versie)
			if err == nil {
				if n, _ := r.RowsAffected(); n != 1 {
					return ErrVerouderd
				}
			}
		}
		if err != nil {
			return fmt.Errorf("zaken: bijzondere gegevens opslaan: %w", err)
		}
		bsns, err := bsnsVan(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		return s.logZaak(ctx, tx, gemeente, id, z.HuishoudenID, bsns, "zaak.bijzonder.wijzigen", audit.Wijzigen)
	})
}

// BevatBijzonder reports whether a value of type t can hold a field tagged `bijzonder` (through structs,
// pointers, slices, arrays and maps). Tests use it to show that Detail and the export rows never do.
func BevatBijzonder(t reflect.Type) bool { return bevatBijzonder(t, map[reflect.Type]bool{}) }

func bevatBijzonder(t reflect.Type, gezien map[reflect.Type]bool) bool {
	if gezien[t] {
		return false
	}
	gezien[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return bevatBijzonder(t.Elem(), gezien)
	case reflect.Map:
		return bevatBijzonder(t.Key(), gezien) || bevatBijzonder(t.Elem(), gezien)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if _, ok := f.Tag.Lookup(TagBijzonder); ok || bevatBijzonder(f.Type, gezien) {
				return true
			}
		}
	}
	return false
}
