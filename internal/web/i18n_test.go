package web

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestBerichtenCompleet makes adding a language a translation job: every language has exactly the
// keys of Dutch, no text is empty, placeholders match, and and (checkweb) every key the code and templates use exists.
func TestBerichtenCompleet(t *testing.T) {
	b, err := LaadBerichten()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.Talen(), []string{"en", "nl"}; !slices.Equal(got, want) {
		t.Errorf("talen %v, want %v", got, want)
	}
	nlm := b.talen["nl"]
	ph := regexp.MustCompile(`\{[a-z]+\}`)
	for _, code := range b.Talen() {
		m := b.talen[code]
		for k, v := range nlm {
			tv, ok := m[k]
			if !ok {
				t.Errorf("%s.json mist %q", code, k)
				continue
			}
			if strings.TrimSpace(tv) == "" {
				t.Errorf("%s.json: %q is leeg", code, k)
			}
			a, c := ph.FindAllString(v, -1), ph.FindAllString(tv, -1)
			slices.Sort(a)
			slices.Sort(c)
			if !slices.Equal(a, c) {
				t.Errorf("%s.json: %q placeholders %v, nl %v", code, k, c, a)
			}
		}
		for k := range m {
			if _, ok := nlm[k]; !ok {
				t.Errorf("%s.json heeft %q, nl.json niet", code, k)
			}
		}
	}
}

func TestTaalT(t *testing.T) {
	b, err := LaadBerichten()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang  string
		ander bool
		key   string
		args  []any
		want  string
	}{
		{"nl", false, "stap.voortgang", []any{"n", 2, "rest", 5}, "Vraag 2 · nog ongeveer 5 vragen"},
		{"en", false, "stap.voortgang", []any{"n", 2, "rest", 5}, "Question 2 · about 5 more questions"},
		{"nl", true, "vraag.partner", nil, "Woont uw cliënt samen met een partner?"},
		{"en", true, "vraag.partner", nil, "Does your client live with a partner?"},
		{"xx", false, "knop.vorige", nil, "Vorige"},
		{"nl", false, "bestaat.niet", nil, "[bestaat.niet]"},
	}
	for _, c := range []struct{ s, naam, waarde string }{
		{"a {x} b {x}", "x", "1"}, {"{x}", "x", ""}, {"{x", "x", "1"}, {"{xy} {x}", "x", "2"}, {"", "x", "1"},
		{"{{x}}", "x", "3"}, {"geen", "x", "1"}, {"{x}{x}", "x", "{x}"}, {"{}", "", "4"},
	} {
		if got, want := vulIn(c.s, c.naam, c.waarde), strings.ReplaceAll(c.s, "{"+c.naam+"}", c.waarde); got != want {
			t.Errorf("vulIn(%q, %q, %q) = %q, want %q", c.s, c.naam, c.waarde, got, want)
		}
	}
	for _, tt := range tests {
		if got := b.Taal(tt.lang, tt.ander).T(tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%s,%v,%s) = %q, want %q", tt.lang, tt.ander, tt.key, got, tt.want)
		}
	}
}
