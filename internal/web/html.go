package web

import (
	"bytes"
	"strings"
)

// Helpers for pages written in Go instead of html/template (the result page of the check, the hot
// path): every text goes through Esc, every URL in an attribute through EscURL.

// escTabel marks the bytes Esc and EscURL must replace: 1 for HTML (Esc), 2 for a URL in an attribute
// (EscURL: what html/template's URL normaliser encodes, and & for the attribute).
var escTabel = func() (t [256]uint8) {
	for _, c := range []byte(`<>&'"`) {
		t[c] |= 1
	}
	for c := 0; c < 256; c++ {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("!#$*+,/:;=?@[]-._~", byte(c)) >= 0:
		default:
			t[c] |= 2
		}
	}
	return t
}()

// Esc writes s HTML-escaped (the same five characters as html.EscapeString) without allocating.
func Esc(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if escTabel[s[i]]&1 == 0 {
			continue
		}
		var r string
		switch s[i] {
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		default: // '"'
			r = "&#34;"
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// EscURL writes a URL for a quoted attribute the way html/template does: characters that are not
// allowed in a URL are percent-encoded (spaces, quotes, angle brackets, %, non-ASCII) and & becomes &amp;.
func EscURL(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if escTabel[c]&2 == 0 {
			continue
		}
		b.WriteString(s[last:i])
		last = i + 1
		if c == '&' {
			b.WriteString("&amp;")
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	b.WriteString(s[last:])
}
