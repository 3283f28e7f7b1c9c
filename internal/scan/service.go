package scan

import (
	"context"
	"database/sql"
	"time"

	"github.com/zeker-platform/zeker/internal/register"
)

// The scan's services for callers that do not hold the database themselves (the web part scanweb:
// nothing under internal/web imports internal/store). Each method is the function of the same name
// on d's database, catalogue and processing log.

// LaatsteSamenvatting returns the summary of the gemeente's latest stored scan (errs.NotFound: none).
func (d *Service) LaatsteSamenvatting(ctx context.Context, gemeente string) (*Samenvatting, error) {
	return LaatsteSamenvatting(ctx, d.DB, gemeente)
}

// Voer scans the gemeente's imported households at datum.
func (d *Service) Voer(ctx context.Context, gemeente string, datum time.Time) (*Uitslag, error) {
	return Voer(ctx, d.DB, d.Catalogus, gemeente, datum, nil)
}

// SlaOp stores the summary of a scan and returns its id.
func (d *Service) SlaOp(ctx context.Context, u *Uitslag) (int64, error) { return u.SlaOp(ctx, d.DB) }

// Voorstellen lists ambtshalve proposals.
func (d *Service) Voorstellen(ctx context.Context, f VoorstelFilter) ([]*Voorstel, error) {
	return Voorstellen(ctx, d.DB, f)
}

// HaalVoorstel returns one proposal (and logs the read).
func (d *Service) HaalVoorstel(ctx context.Context, gemeente string, id int64) (*Voorstel, error) {
	return HaalVoorstel(ctx, d.DB, d.Audit, gemeente, id)
}

// Beslis records a consulent's decision on a proposal (the aanvragen inbox approves through BeslisTx,
// in the transaction that makes the application; this is the rejection and the command line).
func (d *Service) Beslis(ctx context.Context, gemeente string, id int64, b Besluit) (*Voorstel, error) {
	return Beslis(ctx, d.DB, d.Audit, gemeente, id, b)
}

// VoorstellenInbox lists one page of proposals for the aanvragen inbox.
func (d *Service) VoorstellenInbox(ctx context.Context, f InboxFilter) ([]InboxVoorstel, int, error) {
	return VoorstellenInbox(ctx, d.DB, f)
}

// VoorstelWoonplaatsen lists the villages of the households of the proposals with status st.
func (d *Service) VoorstelWoonplaatsen(ctx context.Context, gemeente string, st Status) ([]string, error) {
	return VoorstelWoonplaatsen(ctx, d.DB, gemeente, st)
}

// BeslisTx records a decision in the caller's transaction (see the function BeslisTx).
func (d *Service) BeslisTx(ctx context.Context, tx *sql.Tx, gemeente string, id int64, b Besluit) error {
	return BeslisTx(ctx, tx, d.Audit, gemeente, id, b)
}

// LaadPopulatie loads the gemeente's imported households (internal/register) for a what-if at datum.
func (d *Service) LaadPopulatie(ctx context.Context, gemeente string, datum time.Time) (*register.Populatie, error) {
	return register.LaadPopulatie(ctx, d.DB, gemeente, datum, d.Catalogus.Params())
}

// BewaarInstellingen returns how long the gemeente keeps its imported household snapshots
// (internal/register; the defaults when it chose none).
func (d *Service) BewaarInstellingen(ctx context.Context, gemeente string) (register.Instellingen, error) {
	return register.LeesInstellingen(ctx, d.DB, gemeente)
}

// ZetBewaarInstellingen stores them; a bad value is refused with the field and the reason.
func (d *Service) ZetBewaarInstellingen(ctx context.Context, gemeente string, i register.Instellingen) error {
	return register.ZetInstellingen(ctx, d.DB, gemeente, i)
}

// Imports returns the gemeente's newest import rounds of household data (internal/register), aborted
// ones included, newest first.
func (d *Service) Imports(ctx context.Context, gemeente string, maxAantal int) ([]register.Import, error) {
	return register.Imports(ctx, d.DB, gemeente, maxAantal)
}
