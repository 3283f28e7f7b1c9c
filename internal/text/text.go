// Package text checks text from outside input once, at the edge (API bodies, uploads, forms), before it
// reaches storage or another reader: PostgreSQL refuses a NUL byte in text (one such character would
// fail a whole transaction), SQLite stores it and breaks readers, and control characters and invalid
// UTF-8 garble every page, CSV and log line that shows the text later.
//
// The reasons are Dutch B1 sentences without the text itself, to show beside the field (a form) or in
// a delivery's error list (the API).
package text

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// The kinds of error of Check and CheckMultiline; errors.Is tells them apart.
var (
	ErrControl     = errors.New("text: control character")
	ErrInvalidUTF8 = errors.New("text: invalid UTF-8")
)

// Error is an error of Check or CheckMultiline: its kind (ErrControl or ErrInvalidUTF8), the position
// (in bytes) of the first bad character, and a Dutch reason to show.
type Error struct {
	Kind   error
	Offset int
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("%v at byte %d: %s", e.Kind, e.Offset, e.Reason) }
func (e *Error) Unwrap() error { return e.Kind }

// Reason returns the Dutch reason of an error of Check or CheckMultiline (err.Error() for others).
func Reason(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// Check reports whether s is acceptable single-line text: valid UTF-8 without control characters
// (C0 including NUL, tab and line breaks, DEL, C1) and without U+FFFD, the replacement character that
// decoders such as encoding/json put where the input was not valid UTF-8 — refusing it is the only way
// to see that a JSON string was broken.
func Check(s string) error { return check(s, false) }

// CheckMultiline is Check for text that may span lines (notes, explanations): tab, line feed and
// carriage return are allowed as well.
func CheckMultiline(s string) error { return check(s, true) }

func check(s string, multiline bool) error {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F { // printable ASCII: nearly all text, kept fast
			i++
			continue
		}
		if c < 0x80 {
			if multiline && (c == '\t' || c == '\n' || c == '\r') {
				i++
				continue
			}
			return stuurteken(i, rune(c))
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return &Error{ErrInvalidUTF8, i, "Deze tekst bevat tekens die we niet kunnen lezen (geen geldige UTF-8). Sla het bestand op als UTF-8 of typ de tekst opnieuw."}
		case r == utf8.RuneError:
			return &Error{ErrInvalidUTF8, i, "Deze tekst bevat het vervangingsteken \ufffd: daar stond een teken dat niet te lezen was (geen geldige UTF-8). Typ de tekst opnieuw."}
		case r >= 0x80 && r <= 0x9F:
			return stuurteken(i, r)
		}
		i += n
	}
	return nil
}

func stuurteken(i int, r rune) error {
	naam := fmt.Sprintf("U+%04X", r)
	switch r {
	case 0:
		naam = "een nul-teken (U+0000)"
	case '\t':
		naam = "een tab"
	case '\n', '\r':
		naam = "een regeleinde"
	default:
		naam = "een onzichtbaar stuurteken (" + naam + ")"
	}
	return &Error{ErrControl, i, "Deze tekst bevat " + naam + ". Dat mag hier niet: haal het weg."}
}
