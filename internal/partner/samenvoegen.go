package partner

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
)

// Samenvoeging reports what a merge moved.
type Samenvoeging struct {
	Houd, Weg Organisatie // as they were before the merge
	Verhuisd  []Verhuisd  // per Verhuizer, in order
}

// Verhuisd is what one Verhuizer moved.
type Verhuisd struct {
	Naam   string
	Aantal int64
}

// VoegSamen merges partner weg into partner houd: in one transaction every Verhuizer moves what its part
// holds of weg (keys, signals…) to houd; weg's memberships go to houd (where both are members of a
// gemeente, the period becomes the span of both); contact items and the KvK number houd lacks are taken
// from weg; weg stays as a tombstone pointing to houd, and partners merged into weg earlier now point to
// houd too. Every gemeente of the merged memberships gets an audit row. A Verhuizer that refuses (a
// reference both delivered in one gemeente) stops the whole merge. Who may merge is the caller's
// decision (the pages require the right in every gemeente of both partners).
func (s *Service) VoegSamen(ctx context.Context, houd, weg string) (Samenvoeging, error) {
	if houd == weg {
		return Samenvoeging{}, fmt.Errorf("partner: een partner kan niet met zichzelf worden samengevoegd: %w", errs.Invalid)
	}
	h, err := s.Haal(ctx, houd)
	if err != nil {
		return Samenvoeging{}, err
	}
	w, err := s.Haal(ctx, weg)
	if err != nil {
		return Samenvoeging{}, err
	}
	if h.SamengevoegdIn != "" || w.SamengevoegdIn != "" {
		return Samenvoeging{}, fmt.Errorf("partner: al samengevoegd: %w", errs.Conflict)
	}
	res := Samenvoeging{Houd: h, Weg: w}
	nu := s.klok().UTC().Truncate(time.Microsecond)
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		res.Verhuisd = res.Verhuisd[:0]
		for _, v := range s.verhz {
			n, err := v.Verhuizen(ctx, tx, weg, houd)
			if err != nil {
				return fmt.Errorf("%s: %w", v.Naam, err)
			}
			res.Verhuisd = append(res.Verhuisd, Verhuisd{Naam: v.Naam, Aantal: n})
		}
		gemeenten := map[string]bool{}
		for _, lw := range w.Lidmaatschappen {
			gemeenten[lw.Gemeente] = true
			lh, ok := h.Lid(lw.Gemeente)
			if !ok {
				if _, err := tx.ExecContext(ctx, `UPDATE partner_lidmaatschap SET partner_id = $1 WHERE partner_id = $2 AND gemeente = $3`,
					houd, weg, lw.Gemeente); err != nil {
					return fmt.Errorf("lidmaatschap %s: %w", lw.Gemeente, err)
				}
				continue
			}
			van, tot := lh.Van, lh.Tot
			if lw.Van.Before(van) {
				van = lw.Van
			}
			if lw.Tot.IsZero() || (!tot.IsZero() && lw.Tot.After(tot)) {
				tot = lw.Tot
			}
			if _, err := tx.ExecContext(ctx, `UPDATE partner_lidmaatschap SET van = $3, tot = $4 WHERE partner_id = $1 AND gemeente = $2`,
				houd, lw.Gemeente, DagTekst(van), DagTekst(tot)); err != nil {
				return fmt.Errorf("lidmaatschap %s: %w", lw.Gemeente, err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM partner_lidmaatschap WHERE partner_id = $1 AND gemeente = $2`, weg, lw.Gemeente); err != nil {
				return fmt.Errorf("lidmaatschap %s: %w", lw.Gemeente, err)
			}
		}
		for _, lh := range h.Lidmaatschappen {
			gemeenten[lh.Gemeente] = true
		}
		c := vulAan(h.Contact, w.Contact)
		kvk := h.KvK
		if kvk == "" && w.KvK != "" {
			kvk = w.KvK
			if _, err := tx.ExecContext(ctx, `UPDATE partner_organisatie SET kvk = '' WHERE id = $1`, weg); err != nil {
				return err
			}
		}
		a := &c.Adres
		if _, err := tx.ExecContext(ctx, `UPDATE partner_organisatie SET kvk = $2, website = $3, website_bron = $4, telefoon = $5,
			telefoon_bron = $6, adres_straat = $7, adres_huisnummer = $8, adres_postcode = $9, adres_plaats = $10, adres_bron = $11,
			gewijzigd = $12 WHERE id = $1`, houd, kvk, c.Website, c.WebsiteBron, c.Telefoon, c.TelefoonBron, a.Straat, a.Huisnummer,
			a.Postcode, a.Plaats, c.AdresBron, nu); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE partner_organisatie SET samengevoegd_in = $1, gewijzigd = $3
			WHERE id = $2 OR samengevoegd_in = $2`, houd, weg, nu); err != nil {
			return err
		}
		detail := "samengevoegd: partner/" + weg + " (" + w.Naam + ") is opgegaan in deze partner"
		for _, v := range res.Verhuisd {
			detail += "; " + strconv.FormatInt(v.Aantal, 10) + " " + v.Naam + " verhuisd"
		}
		for _, gm := range slices.Sorted(maps.Keys(gemeenten)) {
			if err := s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: Activiteit,
				Operatie: "partner.samenvoegen", Actie: audit.Wijzigen, Object: "partner/" + houd, Detail: detail}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Samenvoeging{}, fmt.Errorf("partner: samenvoegen: %w", err)
	}
	return res, nil
}

// vulAan takes from b each contact item (with its source) that a lacks.
func vulAan(a, b Contact) Contact {
	if strings.TrimSpace(a.Website) == "" {
		a.Website, a.WebsiteBron = b.Website, b.WebsiteBron
	}
	if strings.TrimSpace(a.Telefoon) == "" {
		a.Telefoon, a.TelefoonBron = b.Telefoon, b.TelefoonBron
	}
	if a.Adres.Leeg() {
		a.Adres, a.AdresBron = b.Adres, b.AdresBron
	}
	return a
}

// Weigering is a Verhuizer's refusal in plain Dutch for the beheerder (why the merge cannot happen). It
// is of kind errs.Conflict.
type Weigering string

func (w Weigering) Error() string { return string(w) }

// Is makes a Weigering an errs.Conflict.
func (w Weigering) Is(target error) bool { return target == errs.Conflict }
