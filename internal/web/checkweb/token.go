package checkweb

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
)

// The answers of the resident check travel as a token: the answers in binary form (token_codec.go),
// sealed with AES-256-GCM under a server key, base64url. Codes made before the binary form (JSON,
// associated data "zeker-check-v1") can still be opened. Nothing is stored on the server. Tampering, a wrong key or a truncated code all give
// errTokenOngeldig.
var (
	errTokenOngeldig = errors.New("web: de code is ongeldig")
	errTokenVerlopen = errors.New("web: de code is verlopen")
)

// tokenAAD binds a token to its purpose and format version: v4 binary with Zorgpremie, v3 binary with
// Bruto and Gevraagd, v2 binary without them, v1 JSON. Codes of every older version still open.
var (
	tokenAAD   = []byte("zeker-check-v4")
	tokenAADv3 = []byte("zeker-check-v3")
	tokenAADv2 = []byte("zeker-check-v2")
	tokenAADv1 = []byte("zeker-check-v1")
)

type tokenSleutel struct{ aead cipher.AEAD }

func nieuweTokenSleutel(key []byte) (*tokenSleutel, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("web: de sleutel van de check moet 32 bytes zijn, niet %d", len(key))
	}
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("web: sleutel: %w", err)
	}
	g, err := cipher.NewGCM(b)
	if err != nil {
		return nil, fmt.Errorf("web: sleutel: %w", err)
	}
	return &tokenSleutel{aead: g}, nil
}

func (k *tokenSleutel) seal(a *Antwoorden) (string, error) {
	var buf [512]byte
	plain := a.appendBinary(buf[:0])
	nonce := make([]byte, k.aead.NonceSize(), k.aead.NonceSize()+len(plain)+k.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("web: token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(k.aead.Seal(nonce, nonce, plain, tokenAAD)), nil
}

// maxTokenLen bounds the work done on a code from outside.
const maxTokenLen = 8 << 10

func (k *tokenSleutel) open(s string, a *Antwoorden) error {
	if s == "" || len(s) > maxTokenLen {
		return errTokenOngeldig
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(raw) < k.aead.NonceSize()+k.aead.Overhead() {
		return errTokenOngeldig
	}
	n := k.aead.NonceSize()
	for _, v := range []struct {
		aad  []byte
		vorm int
	}{{tokenAAD, vormV4}, {tokenAADv3, vormV3}, {tokenAADv2, vormV2}} {
		if plain, err := k.aead.Open(nil, raw[:n], raw[n:], v.aad); err == nil {
			if a.unmarshalBinary(plain, v.vorm) != nil {
				return errTokenOngeldig
			}
			return nil
		}
	}
	// A code from before the binary form.
	plain, err := k.aead.Open(nil, raw[:n], raw[n:], tokenAADv1)
	if err != nil {
		return errTokenOngeldig
	}
	if err := json.Unmarshal(plain, a); err != nil {
		return errTokenOngeldig
	}
	return nil
}
