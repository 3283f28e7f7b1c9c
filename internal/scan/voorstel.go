package scan

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/store"
)

// Status of an ambtshalve proposal. A proposal is only ever a proposal: Zeker grants nothing; a
// consulent approves or rejects it, with a reason, and that decision is what the gemeente acts on.
type Status string

// The states of a proposal.
const (
	Open        Status = "open"
	Goedgekeurd Status = "goedgekeurd"
	Afgewezen   Status = "afgewezen"
)

// Voorstel is a proposal to grant a regeling ambtshalve (without application) to a household.
type Voorstel struct {
	ID           int64                  `json:"id"`
	Gemeente     string                 `json:"gemeente"`
	HuishoudenID string                 `json:"huishouden_id"`
	Regeling     string                 `json:"regeling"`
	Peildatum    string                 `json:"peildatum"`
	Status       Status                 `json:"status"`
	Bedrag       *geld.Bedrag           `json:"bedrag"` // nil: unknown
	Periode      regels.Periode         `json:"periode"`
	Uitleg       Uitleg                 `json:"uitleg"` // the trace at the time of the proposal
	Bewijs       regels.Ontvangstbewijs `json:"ontvangstbewijs"`
	Gemaakt      time.Time              `json:"gemaakt"`
	BesluitDoor  string                 `json:"besluit_door,omitempty"`
	BesluitReden string                 `json:"besluit_reden,omitempty"`
	BesluitOp    *time.Time             `json:"besluit_op,omitempty"`
}

// Uitleg is the stored trace of a proposal: the engine's Uitkomst, with the outcome as its word
// ("recht") so that it reads back from JSON.
type Uitleg struct {
	regels.Uitkomst
	Oordeel string `json:"oordeel"`
}

// Errors of the proposal workflow.
var (
	ErrAlBeslist   = errors.New("scan: over dit voorstel is al besloten")
	ErrGeenReden   = errors.New("scan: geef een reden bij het besluit")
	ErrGeenBeslist = errors.New("scan: geef aan wie besluit")
)

// MaakVoorstellen stores a proposal for every household in the scan that the pack lets a regeling
// be granted to ambtshalve (Regeling.Ambtshalve: entitled and the pack's extra conditions hold) and
// that does not receive it yet, with the trace and the receipt. A proposal that exists for the same
// household, regeling and reference date is left alone, so running it twice adds nothing. It returns
// the number of new proposals. The creation is written to the audit log in the same transaction.
func MaakVoorstellen(ctx context.Context, db *store.DB, log *audit.Log, u *Uitslag) (int, error) {
	type kandidaat struct {
		idx int32
		reg *regels.Regeling
	}
	var ks []kandidaat
	for _, ru := range u.Regelingen {
		reg := u.pk.Regeling(ru.ID)
		if reg == nil || !reg.Aanvragen.Ambtshalve {
			continue
		}
		for _, idx := range ru.NietGebruik {
			if reg.Ambtshalve(&u.pop.Feiten[idx]) {
				ks = append(ks, kandidaat{idx, reg})
			}
		}
	}
	if len(ks) == 0 {
		return 0, nil
	}
	bewijs, err := json.Marshal(u.Bewijs)
	if err != nil {
		return 0, err
	}
	nu := time.Now().UTC().Truncate(time.Microsecond)
	nieuw := 0
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		nieuw = 0
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO scan_voorstel (gemeente, huishouden_id, regeling, peildatum, status, bedrag_cent, periode, uitleg, bewijs, gemaakt, woonplaats)
			VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8, $9, $10) ON CONFLICT (gemeente, huishouden_id, regeling, peildatum) DO NOTHING`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, k := range ks {
			f := u.pop.Feiten[k.idx]
			var uitkomst Uitleg
			for _, uk := range u.pk.Verklaar(&f, regels.Weergave{Taal: "nl", Intermediair: true}) {
				if uk.ID == k.reg.ID {
					uitkomst = Uitleg{Uitkomst: uk, Oordeel: uk.Oordeel.String()}
				}
			}
			uitleg, err := json.Marshal(uitkomst)
			if err != nil {
				return err
			}
			var bedrag any
			if uitkomst.Bedrag != nil {
				bedrag = int64(*uitkomst.Bedrag)
			}
			woonplaats := ""
			if int(k.idx) < len(u.pop.Dorp) && int(u.pop.Dorp[k.idx]) < len(u.pop.Dorpen) {
				woonplaats = u.pop.Dorpen[u.pop.Dorp[k.idx]]
			}
			r, err := stmt.ExecContext(ctx, u.Gemeente, u.pop.IDs[k.idx], k.reg.ID, u.Bewijs.Peildatum, bedrag, string(k.reg.Periode), string(uitleg), string(bewijs), nu, woonplaats)
			if err != nil {
				return err
			}
			n, _ := r.RowsAffected()
			nieuw += int(n)
		}
		if log == nil || nieuw == 0 {
			return nil
		}
		return log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: u.Gemeente, Verwerkingsactiviteit: "scan.uitvoeren",
			Operatie: "ambtshalve_voorstel.maken", Actie: audit.Aanmaken, Aantal: nieuw, Object: "scan/" + u.Bewijs.Peildatum})
	})
	if err != nil {
		return 0, fmt.Errorf("scan: voorstellen opslaan: %w", err)
	}
	return nieuw, nil
}

const voorstelKolommen = `id, gemeente, huishouden_id, regeling, peildatum, status, bedrag_cent, periode, uitleg, bewijs, gemaakt, besluit_door, besluit_reden, besluit_op`

func scanVoorstel(row interface{ Scan(...any) error }) (*Voorstel, error) {
	v := &Voorstel{}
	var bedrag sql.NullInt64
	var uitleg, bewijs, periode string
	var op sql.NullTime
	if err := row.Scan(&v.ID, &v.Gemeente, &v.HuishoudenID, &v.Regeling, &v.Peildatum, &v.Status, &bedrag, &periode, &uitleg, &bewijs,
		&v.Gemaakt, &v.BesluitDoor, &v.BesluitReden, &op); err != nil {
		return nil, store.MapError(err)
	}
	if bedrag.Valid {
		b := geld.Bedrag(bedrag.Int64)
		v.Bedrag = &b
	}
	v.Periode = regels.Periode(periode)
	if op.Valid {
		t := op.Time.UTC()
		v.BesluitOp = &t
	}
	v.Gemaakt = v.Gemaakt.UTC()
	if err := json.Unmarshal([]byte(uitleg), &v.Uitleg); err != nil {
		return nil, fmt.Errorf("scan: voorstel %d: uitleg onleesbaar: %w", v.ID, err)
	}
	if err := json.Unmarshal([]byte(bewijs), &v.Bewijs); err != nil {
		return nil, fmt.Errorf("scan: voorstel %d: bewijs onleesbaar: %w", v.ID, err)
	}
	return v, nil
}

// VoorstelFilter selects proposals of one gemeente.
type VoorstelFilter struct {
	Gemeente string // required
	Status   Status // "" = all
	Regeling string // "" = all
	Limiet   int    // default 100
}

// Voorstellen lists the proposals of a gemeente, oldest first.
func Voorstellen(ctx context.Context, db *store.DB, f VoorstelFilter) ([]*Voorstel, error) {
	if f.Gemeente == "" {
		return nil, fmt.Errorf("scan: voorstellen: gemeente ontbreekt")
	}
	if f.Limiet <= 0 {
		f.Limiet = 100
	}
	q := `SELECT ` + voorstelKolommen + ` FROM scan_voorstel WHERE gemeente = $1`
	args := []any{f.Gemeente}
	if f.Status != "" {
		args = append(args, string(f.Status))
		q += fmt.Sprintf(" AND status = $%d", len(args))
	}
	if f.Regeling != "" {
		args = append(args, f.Regeling)
		q += fmt.Sprintf(" AND regeling = $%d", len(args))
	}
	args = append(args, f.Limiet)
	q += fmt.Sprintf(" ORDER BY id LIMIT $%d", len(args))
	rows, err := db.SQL().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("scan: voorstellen: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []*Voorstel
	for rows.Next() {
		v, err := scanVoorstel(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, store.MapError(rows.Err())
}

// HaalVoorstel returns one proposal of a gemeente; store.ErrNotFound when the gemeente has none with
// that id. Reading a proposal is reading personal data: it is logged when log is not nil.
func HaalVoorstel(ctx context.Context, db *store.DB, log *audit.Log, gemeente string, id int64) (*Voorstel, error) {
	v, err := scanVoorstel(db.SQL().QueryRowContext(ctx, `SELECT `+voorstelKolommen+` FROM scan_voorstel WHERE gemeente = $1 AND id = $2`, gemeente, id))
	if err != nil {
		return nil, fmt.Errorf("scan: voorstel %d: %w", id, err)
	}
	if log != nil {
		if err := log.Schrijf(ctx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: "scan.beoordelen", Operatie: "ambtshalve_voorstel.bekijken",
			Actie: audit.Lezen, SubjectSoort: "huishouden", SubjectID: v.HuishoudenID, Object: fmt.Sprintf("scan_voorstel/%d", id)}); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// Besluit is a consulent's decision on a proposal.
type Besluit struct {
	Goedkeuren bool
	Reden      string // required, also when approving
	Door       string // who decides (user name or id), required
}

// Beslis records the decision on an open proposal, together with its audit row, in one transaction.
// The receipt stored with the proposal stays with the decision. A proposal can be decided once:
// a second decision gives ErrAlBeslist.
func Beslis(ctx context.Context, db *store.DB, log *audit.Log, gemeente string, id int64, b Besluit) (*Voorstel, error) {
	b.Reden = strings.TrimSpace(b.Reden)
	if b.Reden == "" {
		return nil, ErrGeenReden
	}
	if strings.TrimSpace(b.Door) == "" {
		return nil, ErrGeenBeslist
	}
	if log == nil {
		return nil, fmt.Errorf("scan: besluit zonder verwerkingslog")
	}
	err := db.Tx(ctx, func(tx *sql.Tx) error { return beslisTx(ctx, tx, log, gemeente, id, b) })
	if err != nil {
		return nil, fmt.Errorf("scan: besluit over voorstel %d: %w", id, err)
	}
	return HaalVoorstel(ctx, db, nil, gemeente, id)
}

// BeslisTx records decision b on the open proposal id inside tx, the caller's transaction, with its
// audit row: the aanvragen inbox approves a proposal in the transaction that makes its application, so
// both are stored or neither. A decided proposal gives ErrAlBeslist, an unknown one errs.NotFound.
func BeslisTx(ctx context.Context, tx *sql.Tx, log *audit.Log, gemeente string, id int64, b Besluit) error {
	b.Reden = strings.TrimSpace(b.Reden)
	switch {
	case b.Reden == "":
		return ErrGeenReden
	case strings.TrimSpace(b.Door) == "":
		return ErrGeenBeslist
	case log == nil:
		return fmt.Errorf("scan: besluit zonder verwerkingslog")
	}
	if err := beslisTx(ctx, tx, log, gemeente, id, b); err != nil {
		return fmt.Errorf("scan: besluit over voorstel %d: %w", id, store.MapError(err))
	}
	return nil
}

func beslisTx(ctx context.Context, tx *sql.Tx, log *audit.Log, gemeente string, id int64, b Besluit) error {
	status := Afgewezen
	if b.Goedkeuren {
		status = Goedgekeurd
	}
	nu := time.Now().UTC().Truncate(time.Microsecond)
	var hh string
	err := tx.QueryRowContext(ctx, `UPDATE scan_voorstel SET status = $1, besluit_door = $2, besluit_reden = $3, besluit_op = $4
		WHERE gemeente = $5 AND id = $6 AND status = 'open' RETURNING huishouden_id`, string(status), b.Door, b.Reden, nu, gemeente, id).Scan(&hh)
	if errors.Is(err, sql.ErrNoRows) {
		var s string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM scan_voorstel WHERE gemeente = $1 AND id = $2`, gemeente, id).Scan(&s); err != nil {
			return err // not found
		}
		return ErrAlBeslist
	}
	if err != nil {
		return err
	}
	return log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: "scan.beoordelen",
		Operatie: "ambtshalve_voorstel." + string(status), Actie: audit.Wijzigen, SubjectSoort: "huishouden", SubjectID: hh,
		Object: fmt.Sprintf("scan_voorstel/%d", id)})
}
