package checkweb

import (
	"encoding/base32"
	"encoding/base64"
	"net/url"
	"strings"
	"unicode"
)

// The resume field takes what a resident pastes: the whole saved link, the bare code, or the short
// code in groups (hervatCode). Spaces, line breaks and, for the grouped code, case do not matter: a
// link copied from an e-mail is often broken over lines, and a code read out over the phone loses
// its case. The grouped code is the same encrypted answers in Crockford's base32 (no I, L, O, U;
// read as 1, 1, 0), which has no case.

var crockford = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// hervatCode writes token t as the grouped code: base32 in groups of five, separated by a hyphen.
func hervatCode(t string) string {
	raw, err := base64.RawURLEncoding.DecodeString(t)
	if err != nil {
		return ""
	}
	s := crockford.EncodeToString(raw)
	var b strings.Builder
	for i := 0; i < len(s); i += 5 {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(s[i:min(i+5, len(s))])
	}
	return b.String()
}

// tokensUit returns the tokens that what was pasted may stand for, most likely first: the code of a
// link (its parameter code or t), or the text itself; each as base64url as it is, and as the grouped
// code read back. Nothing is returned for empty input.
func tokensUit(invoer string) []string {
	s := strings.TrimSpace(invoer)
	if s == "" || len(s) > 4*maxTokenLen {
		return nil
	}
	// A link, whole or without its scheme: take its code.
	if i := strings.Index(s, "?"); i >= 0 && (strings.Contains(s, "code=") || strings.Contains(s, "t=")) {
		if q, err := url.ParseQuery(zonderWit(s[i+1:])); err == nil {
			switch {
			case q.Get("code") != "":
				s = q.Get("code")
			case q.Get("t") != "":
				s = q.Get("t")
			}
		}
	}
	s = zonderWit(s)
	out := []string{s}
	if t, ok := uitGroepen(s); ok && t != s {
		out = append(out, t)
	}
	return out
}

// zonderWit removes every space, tab and line break.
func zonderWit(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// uitGroepen reads the grouped code back into a token; false when it is not one.
func uitGroepen(s string) (string, bool) {
	s = strings.Map(func(r rune) rune {
		switch r = unicode.ToUpper(r); r {
		case '-':
			return -1
		case 'O':
			return '0'
		case 'I', 'L':
			return '1'
		}
		return r
	}, s)
	raw, err := crockford.DecodeString(s)
	if err != nil || len(raw) == 0 {
		return "", false
	}
	return base64.RawURLEncoding.EncodeToString(raw), true
}
