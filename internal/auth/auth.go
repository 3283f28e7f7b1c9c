// Package auth is who may do what in Zeker: staff accounts with a role per gemeente, system
// administrators, argon2id passwords, sessions in the database, login rate limiting, and API
// credentials (bearer tokens) for partner organisations and systems.
//
// Authorization is the pure function Mag(actor, gemeente, permissie): web handlers and the API check
// the same permission table (rollen.go). Secrets are never stored: passwords as argon2id PHC strings,
// session and API tokens as their SHA-256 hash.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Config tunes the Service. Zero values take the defaults named per field.
type Config struct {
	// SessieInactief ends a session after this long without a request. Default 2h.
	SessieInactief time.Duration
	// SessieMax ends a session this long after login, whatever happens. Default 12h.
	SessieMax time.Duration
	// Venster is the window in which login attempts are counted. Default 15 minutes.
	Venster time.Duration
	// MaxPerAccount is the number of login attempts per account within Venster. Default 5.
	MaxPerAccount int
	// MaxPerIP is the number of login attempts per IP address within Venster. Default 20.
	MaxPerIP int
	// Hash are the argon2id parameters for new hashes. Default DefaultHashParams.
	Hash HashParams
	// Klok returns the current time; tests move it. Default time.Now.
	Klok func() time.Time
}

// Service is the auth layer over the database. It is safe for concurrent use.
type Service struct {
	db  *store.DB
	cfg Config
}

// New returns a Service on db with cfg (defaults filled in).
func New(db *store.DB, cfg Config) *Service {
	if cfg.SessieInactief <= 0 {
		cfg.SessieInactief = 2 * time.Hour
	}
	if cfg.SessieMax <= 0 {
		cfg.SessieMax = 12 * time.Hour
	}
	if cfg.Venster <= 0 {
		cfg.Venster = 15 * time.Minute
	}
	if cfg.MaxPerAccount <= 0 {
		cfg.MaxPerAccount = 5
	}
	if cfg.MaxPerIP <= 0 {
		cfg.MaxPerIP = 20
	}
	if cfg.Hash == (HashParams{}) {
		cfg.Hash = DefaultHashParams
	}
	if cfg.Klok == nil {
		cfg.Klok = time.Now
	}
	return &Service{db: db, cfg: cfg}
}

// now is the current time in UTC, truncated to microseconds so that it round-trips through both
// databases unchanged.
func (s *Service) now() time.Time { return s.cfg.Klok().UTC().Truncate(time.Microsecond) }

// nieuwToken returns a random 32-byte token (base64url, 43 characters) with the given prefix.
func nieuwToken(prefix string) string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b[:])
}

// tokenHash is the hex SHA-256 of a token. Tokens carry 256 random bits, so a fast hash suffices.
func tokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}
