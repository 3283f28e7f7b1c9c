package scan

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Samenvatting is what is kept of a scan: the counts per regeling and target group, the receipt and
// the duration. It holds no household ids; the outreach list is made from a fresh scan.
type Samenvatting struct {
	ID          int64             `json:"id"`
	Gemeente    string            `json:"gemeente"`
	Peildatum   string            `json:"peildatum"`
	Bewijs      any               `json:"ontvangstbewijs"`
	Huishoudens int               `json:"huishoudens"`
	Regelingen  []RegelingUitslag `json:"regelingen"`
	DuurMS      int64             `json:"duur_ms"`
	Gemaakt     time.Time         `json:"gemaakt"`
}

// SlaOp stores the summary of a scan and returns its id.
func (u *Uitslag) SlaOp(ctx context.Context, db *store.DB) (int64, error) {
	data, err := json.Marshal(u.Regelingen)
	if err != nil {
		return 0, err
	}
	var id int64
	err = db.SQL().QueryRowContext(ctx, `INSERT INTO scan_run (gemeente, peildatum, pakket, pakket_hash, huishoudens, uitslag, duur_ms, gemaakt)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		u.Gemeente, u.Bewijs.Peildatum, u.Bewijs.Pakket, u.Bewijs.PakketHash, u.Huishoudens, string(data), u.Duur.Milliseconds(),
		time.Now().UTC().Truncate(time.Microsecond)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("scan: uitslag opslaan: %w", store.MapError(err))
	}
	return id, nil
}

// LaatsteSamenvatting returns the newest stored scan of a gemeente; store.ErrNotFound when none.
func LaatsteSamenvatting(ctx context.Context, db *store.DB, gemeente string) (*Samenvatting, error) {
	s := &Samenvatting{Gemeente: gemeente}
	var data, pakket, hash string
	err := db.SQL().QueryRowContext(ctx, `SELECT id, peildatum, pakket, pakket_hash, huishoudens, uitslag, duur_ms, gemaakt
		FROM scan_run WHERE gemeente = $1 ORDER BY gemaakt DESC, id DESC LIMIT 1`, gemeente).
		Scan(&s.ID, &s.Peildatum, &pakket, &hash, &s.Huishoudens, &data, &s.DuurMS, &s.Gemaakt)
	if err != nil {
		return nil, fmt.Errorf("scan: laatste uitslag %s: %w", gemeente, store.MapError(err))
	}
	s.Bewijs = map[string]string{"pakket": pakket, "pakket_hash": hash, "peildatum": s.Peildatum}
	if err := json.Unmarshal([]byte(data), &s.Regelingen); err != nil {
		return nil, fmt.Errorf("scan: uitslag %d onleesbaar: %w", s.ID, err)
	}
	return s, nil
}
