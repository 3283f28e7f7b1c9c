package aanvragen

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"strings"
)

// crockford is base32 without I, L, O, U; ParseCode reads those as 1, 1, 0 and refuses U.
var crockford = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// CodeBytes is the length of the secret code: 128 bits.
const CodeBytes = 16

// codeTekens is the length of a code in base32 characters (128 bits → 26).
const codeTekens = (CodeBytes*8 + 4) / 5

// ErrCodeVorm is a code that is not a code of Zeker (wrong length or characters).
var ErrCodeVorm = errors.New("aanvragen: dit is geen geldige code")

// NieuweCode returns a fresh secret code, written in groups of four: "ABCD-EFGH-…".
func NieuweCode() (string, error) {
	b := make([]byte, CodeBytes)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return groepen(crockford.EncodeToString(b), 4), nil
}

// nieuweReferentie returns a public reference: "AV-" and eight base32 characters (40 bits).
func nieuweReferentie() (string, error) {
	b := make([]byte, 5)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return "AV-" + groepen(crockford.EncodeToString(b), 4), nil
}

func groepen(s string, n int) string {
	var b strings.Builder
	for i := 0; i < len(s); i += n {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(s[i:min(i+n, len(s))])
	}
	return b.String()
}

// maxCodeInvoer bounds what ParseCode reads.
const maxCodeInvoer = 200

// ParseCode reads a code as a resident types it: case, spaces, hyphens and the look-alikes I, L (1)
// and O (0) do not matter. It returns the 16 bytes of the code.
func ParseCode(s string) ([]byte, error) {
	if len(s) > maxCodeInvoer {
		return nil, ErrCodeVorm
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\t' || r == '\n' || r == '\r':
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		switch r {
		case 'I', 'L':
			r = '1'
		case 'O':
			r = '0'
		}
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') || r == 'U' {
			return nil, ErrCodeVorm
		}
		b.WriteRune(r)
	}
	if b.Len() != codeTekens {
		return nil, ErrCodeVorm
	}
	raw, err := crockford.DecodeString(b.String())
	if err != nil || len(raw) != CodeBytes {
		return nil, ErrCodeVorm
	}
	// The last character carries 3 bits of padding: they must be zero, so one code has one spelling.
	if crockford.EncodeToString(raw) != b.String() {
		return nil, ErrCodeVorm
	}
	return raw, nil
}

// codeHash is what is stored of a code.
func codeHash(raw []byte) []byte {
	h := sha256.Sum256(raw)
	return h[:]
}

// NormaliseerReferentie reads a reference as typed: case and spaces do not matter. "" when it cannot
// be one.
func NormaliseerReferentie(s string) string {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if len(s) != len("AV-XXXX-XXXX") || !strings.HasPrefix(s, "AV-") || s[7] != '-' {
		return ""
	}
	for _, r := range s[3:7] + s[8:] {
		if !strings.ContainsRune("0123456789ABCDEFGHJKMNPQRSTVWXYZ", r) {
			return ""
		}
	}
	return s
}
