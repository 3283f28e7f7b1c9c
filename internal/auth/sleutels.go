package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
)

// SleutelPrefix starts every API token, so leaked tokens are recognisable (secret scanners).
const SleutelPrefix = "zk_"

// Sleutel is an API credential of a partner (internal/partner): a bearer token scoped to gemeenten and
// permissions. The token itself is shown once, at creation. A key acts only in the gemeenten of its own
// list where its partner's membership is valid today: ControleerSleutel returns just those in Gemeenten.
type Sleutel struct {
	ID          int64
	Naam        string
	PartnerID   string // the partner the key belongs to; the identity of its signals
	Organisatie string // the partner's name (as it is now)
	Prefix      string // first characters of the token, to recognise it in lists
	// Gemeenten: in lists, the key's own list; from ControleerSleutel, those of them where the partner's
	// membership is valid today (the only ones it may act in).
	Gemeenten      []string
	Permissies     []Permissie
	DoorGebruiker  int64 // 0 when unknown
	Aangemaakt     time.Time
	VerlooptOp     time.Time // zero: does not expire
	IngetrokkenOp  time.Time // zero: not revoked
	LaatstGebruikt time.Time // zero: never used
}

// Actor returns the credential as an actor for Mag.
func (k Sleutel) Actor() Actor {
	return Actor{Soort: ActorSleutel, ID: k.ID, Naam: k.Naam, Gemeenten: slices.Clone(k.Gemeenten), Permissies: slices.Clone(k.Permissies)}
}

// Geldig reports whether the credential can be used at time now.
func (k Sleutel) Geldig(now time.Time) bool {
	return k.IngetrokkenOp.IsZero() && (k.VerlooptOp.IsZero() || now.Before(k.VerlooptOp))
}

// NieuweSleutel is the input of MaakSleutel.
type NieuweSleutel struct {
	Naam          string
	PartnerID     string   // required: the partner the key belongs to
	Gemeenten     []string // each must be a gemeente of a membership of the partner that is valid today
	Permissies    []Permissie
	VerlooptOp    time.Time // zero: no expiry
	DoorGebruiker int64     // creating user, 0 for the CLI
}

// MaakSleutel creates an API credential of partner n.PartnerID and returns the token (shown once; only
// its hash is stored). Every gemeente must be one where the partner is a member today (errs.Invalid
// naming the gemeente otherwise); every permission must be one of SleutelPermissies.
func (s *Service) MaakSleutel(ctx context.Context, n NieuweSleutel) (string, Sleutel, error) {
	if strings.TrimSpace(n.Naam) == "" {
		return "", Sleutel{}, errors.New("auth: sleutel: naam ontbreekt")
	}
	if !partner.GeldigID(n.PartnerID) {
		return "", Sleutel{}, fmt.Errorf("auth: sleutel: kies de partner van de sleutel: %w", errs.Invalid)
	}
	if len(n.Gemeenten) == 0 || len(n.Permissies) == 0 {
		return "", Sleutel{}, errors.New("auth: sleutel: kies minstens één gemeente en één permissie")
	}
	for _, p := range n.Permissies {
		if !slices.Contains(SleutelPermissies, p) {
			return "", Sleutel{}, fmt.Errorf("auth: sleutel: permissie %q kan niet aan een API-sleutel gegeven worden (mogelijk: %v)", p, SleutelPermissies)
		}
	}
	gemeenten := slices.Compact(slices.Sorted(slices.Values(n.Gemeenten)))
	perms := slices.Compact(slices.Sorted(slices.Values(n.Permissies)))
	token := nieuwToken(SleutelPrefix)
	now := s.now()
	k := Sleutel{Naam: strings.TrimSpace(n.Naam), PartnerID: n.PartnerID, Prefix: token[:len(SleutelPrefix)+6],
		Gemeenten: gemeenten, Permissies: perms, DoorGebruiker: n.DoorGebruiker, Aangemaakt: now}
	var verloopt, door any
	if !n.VerlooptOp.IsZero() {
		k.VerlooptOp = n.VerlooptOp.UTC().Truncate(time.Microsecond)
		verloopt = k.VerlooptOp
	}
	if n.DoorGebruiker != 0 {
		door = n.DoorGebruiker
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var samengevoegd sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT naam, samengevoegd_in FROM partner_organisatie WHERE id = $1`, n.PartnerID).Scan(&k.Organisatie, &samengevoegd)
		if errors.Is(err, sql.ErrNoRows) || samengevoegd.Valid {
			return fmt.Errorf("partner %s bestaat niet (meer): %w", n.PartnerID, errs.Invalid)
		}
		if err != nil {
			return err
		}
		geldig, err := geldigeLidmaatschappen(ctx, tx, n.PartnerID, partner.Vandaag(now))
		if err != nil {
			return err
		}
		for _, g := range gemeenten {
			if !geldig[g] {
				return fmt.Errorf("%s is vandaag geen lid van %s; een sleutel werkt alleen waar zijn partner lid is: %w", k.Organisatie, g, errs.Invalid)
			}
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO api_credentials (name, organisation, partner_id, token_prefix, token_hash, permissions, created_by, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, k.Naam, k.Organisatie, k.PartnerID, k.Prefix, tokenHash(token), joinPerms(perms), door, now, verloopt).Scan(&k.ID); err != nil {
			return err
		}
		for _, g := range gemeenten {
			if _, err := tx.ExecContext(ctx, `INSERT INTO api_credential_tenants (credential_id, gemeente) VALUES ($1, $2)`, k.ID, g); err != nil {
				return fmt.Errorf("gemeente %s: %w", g, err)
			}
		}
		return nil
	})
	if err != nil {
		return "", Sleutel{}, fmt.Errorf("auth: sleutel maken: %w", err)
	}
	return token, k, nil
}

func joinPerms(ps []Permissie) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = string(p)
	}
	return strings.Join(s, " ")
}

func splitPerms(s string) []Permissie {
	var ps []Permissie
	for _, f := range strings.Fields(s) {
		ps = append(ps, Permissie(f))
	}
	return ps
}

const sleutelKolommen = `id, name, COALESCE(partner_id, ''), COALESCE((SELECT p.naam FROM partner_organisatie p WHERE p.id = api_credentials.partner_id), organisation),
	token_prefix, permissions, created_by, created_at, expires_at, revoked_at, last_used_at`

func scanSleutel(row interface{ Scan(...any) error }) (Sleutel, error) {
	var k Sleutel
	var perms string
	var door sql.NullInt64
	var verloopt, ingetrokken, gebruikt sql.NullTime
	if err := row.Scan(&k.ID, &k.Naam, &k.PartnerID, &k.Organisatie, &k.Prefix, &perms, &door, &k.Aangemaakt, &verloopt, &ingetrokken, &gebruikt); err != nil {
		return k, err
	}
	k.Permissies = splitPerms(perms)
	k.DoorGebruiker = door.Int64
	k.VerlooptOp, k.IngetrokkenOp, k.LaatstGebruikt = verloopt.Time, ingetrokken.Time, gebruikt.Time
	return k, nil
}

func (s *Service) gemeentenVan(ctx context.Context, k *Sleutel) error {
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT gemeente FROM api_credential_tenants WHERE credential_id = $1 ORDER BY gemeente`, k.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	k.Gemeenten = nil
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			return err
		}
		k.Gemeenten = append(k.Gemeenten, g)
	}
	return rows.Err()
}

// ControleerSleutel checks a bearer token and returns its credential, with in Gemeenten only the
// gemeenten of its list where its partner's membership is valid today (possibly none). Unknown, revoked
// and expired tokens give ErrOngeldig. The last-used time is updated at most once a minute.
func (s *Service) ControleerSleutel(ctx context.Context, token string) (Sleutel, error) {
	if !strings.HasPrefix(token, SleutelPrefix) {
		return Sleutel{}, ErrOngeldig
	}
	k, err := scanSleutel(s.db.SQL().QueryRowContext(ctx, `SELECT `+sleutelKolommen+` FROM api_credentials WHERE token_hash = $1`, tokenHash(token)))
	if errors.Is(err, sql.ErrNoRows) {
		return Sleutel{}, ErrOngeldig
	}
	if err != nil {
		return Sleutel{}, fmt.Errorf("auth: sleutel: %w", err)
	}
	now := s.now()
	if !k.Geldig(now) {
		return Sleutel{}, ErrOngeldig
	}
	if err := s.gemeentenVan(ctx, &k); err != nil {
		return Sleutel{}, fmt.Errorf("auth: sleutel: %w", err)
	}
	// Only where the partner is a member today: a membership that ended stops the key there.
	geldig, err := geldigeLidmaatschappen(ctx, s.db.SQL(), k.PartnerID, partner.Vandaag(now))
	if err != nil {
		return Sleutel{}, fmt.Errorf("auth: sleutel: %w", err)
	}
	k.Gemeenten = slices.DeleteFunc(k.Gemeenten, func(g string) bool { return !geldig[g] })
	if k.LaatstGebruikt.IsZero() || now.Sub(k.LaatstGebruikt) >= time.Minute {
		if _, err := s.db.Exec(ctx, `UPDATE api_credentials SET last_used_at = $2 WHERE id = $1`, k.ID, now); err != nil {
			return Sleutel{}, fmt.Errorf("auth: sleutel gebruikt: %w", err)
		}
		k.LaatstGebruikt = now
	}
	return k, nil
}

// Sleutels returns the credentials scoped to gemeente (including revoked ones), newest first. The
// other gemeenten of a credential are included so a beheerder sees that it is shared.
func (s *Service) Sleutels(ctx context.Context, gemeente string) ([]Sleutel, error) {
	ks, err := s.sleutelsWaar(ctx, `id IN (SELECT credential_id FROM api_credential_tenants WHERE gemeente = $1)`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("auth: sleutels %s: %w", gemeente, err)
	}
	return ks, nil
}

func (s *Service) sleutelsWaar(ctx context.Context, waar string, args ...any) ([]Sleutel, error) {
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT `+sleutelKolommen+` FROM api_credentials WHERE `+waar+` ORDER BY created_at DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("auth: sleutels: %w", err)
	}
	var ks []Sleutel
	for rows.Next() {
		k, err := scanSleutel(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		ks = append(ks, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range ks {
		if err := s.gemeentenVan(ctx, &ks[i]); err != nil {
			return nil, err
		}
	}
	return ks, nil
}

// TrekSleutelIn revokes credential id, which must be scoped to gemeente (the beheerder's own);
// otherwise store.ErrNotFound, so a beheerder cannot touch another gemeente's credentials. Revoking
// twice keeps the first time.
func (s *Service) TrekSleutelIn(ctx context.Context, gemeente string, id int64) error {
	res, err := s.db.Exec(ctx, `UPDATE api_credentials SET revoked_at = COALESCE(revoked_at, $3)
		WHERE id = $1 AND id IN (SELECT credential_id FROM api_credential_tenants WHERE gemeente = $2)`, id, gemeente, s.now())
	if err != nil {
		return fmt.Errorf("auth: sleutel intrekken: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("auth: sleutel %d in %s: %w", id, gemeente, store.ErrNotFound)
	}
	return nil
}

type bevrager interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// geldigeLidmaatschappen returns the gemeenten where partner id (active, not merged) is a member on dag.
func geldigeLidmaatschappen(ctx context.Context, q bevrager, id string, dag time.Time) (map[string]bool, error) {
	uit := map[string]bool{}
	if id == "" {
		return uit, nil // a key without partner (cannot be made since 0800) acts nowhere
	}
	rows, err := q.QueryContext(ctx, `SELECT l.gemeente, l.van, l.tot FROM partner_lidmaatschap l
		JOIN partner_organisatie p ON p.id = l.partner_id WHERE l.partner_id = $1 AND p.samengevoegd_in IS NULL`, id)
	if err != nil {
		return nil, fmt.Errorf("lidmaatschappen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l partner.Lidmaatschap
		var van, tot string
		if err := rows.Scan(&l.Gemeente, &van, &tot); err != nil {
			return nil, fmt.Errorf("lidmaatschap: %w", err)
		}
		if l.Van, err = partner.ParseDag(van); err == nil {
			l.Tot, err = partner.ParseDag(tot)
		}
		if err != nil {
			return nil, fmt.Errorf("lidmaatschap %s: %w", l.Gemeente, err)
		}
		uit[l.Gemeente] = l.GeldigOp(dag)
	}
	return uit, rows.Err()
}

// VerhuisSleutels moves the keys of partner van to partner naar (a merge, partner.Verhuizer).
func (s *Service) VerhuisSleutels(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error) {
	r, err := tx.ExecContext(ctx, `UPDATE api_credentials SET partner_id = $2 WHERE partner_id = $1`, van, naar)
	if err != nil {
		return 0, fmt.Errorf("auth: sleutels verhuizen: %w", err)
	}
	return r.RowsAffected()
}

// SleutelsVanPartner returns the keys of partner id (including revoked ones), newest first, each with
// its own list of gemeenten.
func (s *Service) SleutelsVanPartner(ctx context.Context, id string) ([]Sleutel, error) {
	return s.sleutelsWaar(ctx, `partner_id = $1`, id)
}
