package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// HashParams are the argon2id cost parameters. The default follows the OWASP minimum (19 MiB, 2
// passes, 1 lane), about 70 ms per hash on the 2-core CI machine.
type HashParams struct {
	Geheugen uint32 // KiB
	Passes   uint32
	Lanes    uint8
}

// DefaultHashParams is used when Config.Hash is zero.
var DefaultHashParams = HashParams{Geheugen: 19 * 1024, Passes: 2, Lanes: 1}

const (
	saltLen = 16
	keyLen  = 32
	// MinWachtwoord is the minimum password length in characters.
	MinWachtwoord = 12
	maxWachtwoord = 1024 // bytes; bounds the hashing work per attempt
)

// ErrWachtwoordTeKort and ErrWachtwoordTeLang are returned for passwords outside the length limits.
var (
	ErrWachtwoordTeKort = fmt.Errorf("het wachtwoord moet minstens %d tekens hebben", MinWachtwoord)
	ErrWachtwoordTeLang = errors.New("het wachtwoord is te lang")
)

// ControleerWachtwoordEisen checks the password policy: length only (NIST SP 800-63B), no
// composition rules.
func ControleerWachtwoordEisen(pw string) error {
	if len(pw) > maxWachtwoord {
		return ErrWachtwoordTeLang
	}
	if utf8.RuneCountInString(pw) < MinWachtwoord {
		return ErrWachtwoordTeKort
	}
	return nil
}

// HashWachtwoord returns the argon2id hash of pw in PHC string format:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash> (base64 without padding).
func HashWachtwoord(pw string, p HashParams) (string, error) {
	if len(pw) > maxWachtwoord {
		return "", ErrWachtwoordTeLang
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, p.Passes, p.Geheugen, p.Lanes, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Geheugen, p.Passes, p.Lanes,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// ErrHashFormaat is returned for a stored hash that is not a valid argon2id PHC string.
var ErrHashFormaat = errors.New("auth: ongeldige wachtwoord-hash")

type phc struct {
	params    HashParams
	salt, key []byte
}

func parsePHC(s string) (phc, error) {
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return phc{}, ErrHashFormaat
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return phc{}, ErrHashFormaat
	}
	var h phc
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &h.params.Geheugen, &h.params.Passes, &h.params.Lanes); err != nil {
		return phc{}, ErrHashFormaat
	}
	// Bounds keep a tampered row from making one login cost minutes or gigabytes.
	if h.params.Geheugen < 1024 || h.params.Geheugen > 1<<20 || h.params.Passes < 1 || h.params.Passes > 20 || h.params.Lanes < 1 || h.params.Lanes > 16 {
		return phc{}, ErrHashFormaat
	}
	var err error
	if h.salt, err = base64.RawStdEncoding.DecodeString(parts[4]); err != nil || len(h.salt) < 8 {
		return phc{}, ErrHashFormaat
	}
	if h.key, err = base64.RawStdEncoding.DecodeString(parts[5]); err != nil || len(h.key) < 16 || len(h.key) > 64 {
		return phc{}, ErrHashFormaat
	}
	return h, nil
}

// VergelijkWachtwoord reports whether pw matches the PHC hash, comparing in constant time. The
// parameters are read from the hash, so hashes made with older parameters keep working.
func VergelijkWachtwoord(hash, pw string) (bool, error) {
	if len(pw) > maxWachtwoord {
		return false, nil
	}
	h, err := parsePHC(hash)
	if err != nil {
		return false, err
	}
	key := argon2.IDKey([]byte(pw), h.salt, h.params.Passes, h.params.Geheugen, h.params.Lanes, uint32(len(h.key)))
	return subtle.ConstantTimeCompare(key, h.key) == 1, nil
}

// MoetOpnieuwHashen reports whether hash was made with other parameters than p, so that a successful
// login can store a fresh hash.
func MoetOpnieuwHashen(hash string, p HashParams) bool {
	h, err := parsePHC(hash)
	return err != nil || h.params != p || len(h.key) != keyLen
}

// GenereerWachtwoord returns a random password of 4 groups of 5 characters (about 100 bits), from an
// alphabet without look-alike characters, e.g. "k7fqm-2xw9p-hc4tn-8vzre".
func GenereerWachtwoord() string {
	const alfabet = "abcdefghjkmnpqrstuvwxyz23456789" // 31 characters, no i l o 0 1
	var sb strings.Builder
	for i := range 20 {
		if i > 0 && i%5 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(alfabet[randIntn(len(alfabet))])
	}
	return sb.String()
}

// randIntn returns a uniform random int in [0, n) from crypto/rand.
func randIntn(n int) int {
	var b [1]byte
	limit := 256 - 256%n
	for {
		if _, err := rand.Read(b[:]); err != nil {
			panic(err) // crypto/rand never fails on supported platforms
		}
		if int(b[0]) < limit {
			return int(b[0]) % n
		}
	}
}
