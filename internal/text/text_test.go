package text_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/text"
)

func TestCheck(t *testing.T) {
	for _, tt := range []struct {
		in             string
		single, multi  error // nil: accepted
		reasonMentions string
	}{
		{"Jansen", nil, nil, ""},
		{"", nil, nil, ""},
		{"Ĳsselmeer – café “De Gouden Leeuw” 😀", nil, nil, ""},
		{"a\x00b", text.ErrControl, text.ErrControl, "nul-teken"},
		{"a\tb", text.ErrControl, nil, "tab"},
		{"regel 1\nregel 2", text.ErrControl, nil, "regeleinde"},
		{"regel 1\r\nregel 2", text.ErrControl, nil, "regeleinde"},
		{"bel\x07", text.ErrControl, text.ErrControl, "U+0007"},
		{"esc\x1b[31m", text.ErrControl, text.ErrControl, "U+001B"},
		{"del\x7f", text.ErrControl, text.ErrControl, "U+007F"},
		{"c1\u0085", text.ErrControl, text.ErrControl, "U+0085"},
		{"a\xffb", text.ErrInvalidUTF8, text.ErrInvalidUTF8, "UTF-8"},
		{"half \xc3", text.ErrInvalidUTF8, text.ErrInvalidUTF8, "UTF-8"},
		{"surrogaat \xed\xa0\x80", text.ErrInvalidUTF8, text.ErrInvalidUTF8, "UTF-8"},
		{"vervangen \ufffd", text.ErrInvalidUTF8, text.ErrInvalidUTF8, "vervangingsteken"},
	} {
		for _, c := range []struct {
			naam string
			f    func(string) error
			want error
		}{{"Check", text.Check, tt.single}, {"CheckMultiline", text.CheckMultiline, tt.multi}} {
			err := c.f(tt.in)
			if c.want == nil {
				if err != nil {
					t.Errorf("%s(%q) = %v, want nil", c.naam, tt.in, err)
				}
				continue
			}
			if !errors.Is(err, c.want) {
				t.Errorf("%s(%q) = %v, want %v", c.naam, tt.in, err, c.want)
				continue
			}
			if r := text.Reason(err); !strings.Contains(r, tt.reasonMentions) || strings.ContainsRune(r, 0) {
				t.Errorf("%s(%q): reason %q, want it to mention %q", c.naam, tt.in, r, tt.reasonMentions)
			}
		}
	}
	var e *text.Error
	if err := text.Check("abc\x00"); !errors.As(err, &e) || e.Offset != 3 {
		t.Errorf("offset: %v", err)
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"Jansen", "a\x00b", "a\xffb", "\ufffd", "regel\nregel", "\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := text.Check(s)
		multi := text.CheckMultiline(s)
		if err == nil {
			if multi != nil {
				t.Fatalf("Check accepts %q but CheckMultiline refuses it: %v", s, multi)
			}
			if !utf8.ValidString(s) {
				t.Fatalf("accepted invalid UTF-8 %q", s)
			}
			for _, r := range s {
				if r < 0x20 || (r >= 0x7F && r <= 0x9F) || r == utf8.RuneError {
					t.Fatalf("accepted %q with %U", s, r)
				}
			}
			return
		}
		if text.Reason(err) == "" || (!errors.Is(err, text.ErrControl) && !errors.Is(err, text.ErrInvalidUTF8)) {
			t.Fatalf("Check(%q) = %v", s, err)
		}
		if multi == nil && strings.ContainsFunc(s, func(r rune) bool { return r != '\t' && r != '\n' && r != '\r' && (r < 0x20 || r == 0x7F) }) {
			t.Fatalf("CheckMultiline accepted %q", s)
		}
	})
}

func BenchmarkCheck(b *testing.B) {
	s := strings.Repeat("Teststraat 12 Zandhoven ", 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if text.Check(s) != nil {
			b.Fatal("refused")
		}
	}
}
