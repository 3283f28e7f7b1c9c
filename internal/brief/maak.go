package brief

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/store"
)

// AfzenderVanTenant is the gemeente as sender from its tenant row: "Gemeente " and its name, with the
// phone, e-mail, website and address of its contact block (the JSON of tenant.Contact). A broken
// contact block leaves the letter without them.
func AfzenderVanTenant(naam, contact string) Afzender {
	var c struct{ Telefoon, Email, Website, Adres string }
	_ = json.Unmarshal([]byte(contact), &c) // a broken contact block leaves the letter without phone and e-mail
	return MaakAfzender(naam, c.Telefoon, c.Email, c.Website, c.Adres)
}

// MaakAfzender is the one sender block of every letter of a gemeente: "Gemeente <naam>", its phone,
// e-mail and website, and its address as the tenant settings write it ("Postbus 1, 7730 AA Ommen"), one
// line per comma-separated part, so a resident sees where to send a bezwaar.
func MaakAfzender(naam, telefoon, email, website, adres string) Afzender {
	af := Afzender{Naam: "Gemeente " + naam, Telefoon: telefoon, Email: email, Website: website}
	for _, r := range strings.Split(adres, ",") {
		if r = strings.TrimSpace(r); r != "" {
			af.Adres = append(af.Adres, r)
		}
	}
	return af
}

// Rijlezer reads one row: *sql.DB and *sql.Tx (a letter is made in the transaction of its decision).
type Rijlezer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// LeesAfzender reads gemeente's sender from the platform's tenants table through q (AfzenderVanTenant).
// An unknown gemeente is store.ErrNotFound.
func LeesAfzender(ctx context.Context, q Rijlezer, gemeente string) (Afzender, error) {
	var naam, contact string
	if err := q.QueryRowContext(ctx, `SELECT name, contact FROM tenants WHERE code = $1`, gemeente).Scan(&naam, &contact); err != nil {
		return Afzender{}, fmt.Errorf("brief: afzender %s: %w", gemeente, store.MapError(err))
	}
	return AfzenderVanTenant(naam, contact), nil
}

// AfzenderBron gives the sender of a gemeente's letters in place of its tenant row (a part's
// Config.Afzender, e.g. in tests); nil: the tenant.
type AfzenderBron func(ctx context.Context, gemeente string) (Afzender, error)

// Lees returns the sender of gemeente: from f when set, else from the tenants table through q.
func (f AfzenderBron) Lees(ctx context.Context, q Rijlezer, gemeente string) (Afzender, error) {
	if f != nil {
		return f(ctx, gemeente)
	}
	return LeesAfzender(ctx, q, gemeente)
}

// Inhoud is what a decision letter is made of; Nieuw assembles the letter.
type Inhoud struct {
	Afzender  Afzender
	Datum     datum.Datum // the day the letter is sent: the bezwaar term starts the day after
	Kenmerk   string
	Onderwerp string
	Inleiding []string
	// Besluiten: the decisions, one per regeling (zaken and budget: one; aanvragen: one for each regeling
	// of the application), each with its outcome and its motivering in B1 paragraphs (Alineas for a case
	// worker's text).
	Besluiten []Besluit
	Slot      []string // paragraphs before the closing "Heeft u vragen over deze brief?"
	// GeenBezwaar: nil for a beschikking of the gemeente, which gets the bezwaar clause (Awb 6:7, 6:8)
	// and is signed by the college; for a decision that is no besluit of the gemeente (Awb 1:3), the
	// paragraphs that say so and where to go instead: no bezwaar clause, signed by the sender.
	GeenBezwaar []string
}

// Nieuw assembles the letter of a decision: the sender, date, reference and subject; the
// introduction; the decision on each regeling; the bezwaar clause (computed from Datum when the letter is rendered) or
// the paragraphs that replace it; the closing paragraphs ending with where to ask questions, naming
// the reference; and the signature.
func Nieuw(in Inhoud) *Brief {
	b := &Brief{
		Afzender:      in.Afzender,
		Datum:         in.Datum,
		Kenmerk:       in.Kenmerk,
		Onderwerp:     in.Onderwerp,
		Inleiding:     in.Inleiding,
		Besluiten:     in.Besluiten,
		Slot:          append(append([]string(nil), in.Slot...), "Heeft u vragen over deze brief? Neem dan contact met ons op. Noem dan het kenmerk "+in.Kenmerk+"."),
		Ondertekening: College(in.Afzender),
		GeenBezwaar:   in.GeenBezwaar,
	}
	if len(in.GeenBezwaar) > 0 {
		b.Ondertekening = in.Afzender.Naam
	}
	return b
}

// College is the signature of a beschikking: "Het college van burgemeester en wethouders van Ommen"
// for the sender "Gemeente Ommen".
func College(af Afzender) string {
	return "Het college van burgemeester en wethouders van " + strings.TrimPrefix(af.Naam, "Gemeente ")
}

// Bezwaarclausule returns the bezwaar clause of the letter, ok false for a letter without one
// (GeenBezwaar).
func (b *Brief) Bezwaarclausule() (bz Bezwaar, ok bool, err error) {
	if len(b.GeenBezwaar) > 0 {
		return Bezwaar{}, false, nil
	}
	bz, err = BerekenBezwaar(b.Datum)
	return bz, err == nil, err
}

// Alineas splits a case worker's text into paragraphs at blank lines, trimmed; empty ones are dropped.
func Alineas(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
