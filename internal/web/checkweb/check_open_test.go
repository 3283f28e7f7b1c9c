package checkweb

import "testing"

// TestOpeningstijdenTekst: opening hours are worded per language through the catalogue; a slot outside the week
// or the day is left out, never a panic.
func TestOpeningstijdenTekst(t *testing.T) {
	s := testServer(t, testConfig{})
	nl, en := s.kit.Talen().Taal("nl", false), s.kit.Talen().Taal("en", false)
	open := []Tijdvak{{4, 13 * 60, 16 * 60}, {5, 8*60 + 5, 9 * 60}, {5, 10 * 60, 24 * 60}, {0, 60, 120}, {8, 60, 120}, {2, 600, 500}}
	for _, c := range []struct{ taal, want string }{
		{"nl", "donderdag 13:00 tot 16:00; vrijdag 08:05 tot 09:00, 10:00 tot 24:00"},
		{"en", "Thursday 13:00 to 16:00; Friday 08:05 to 09:00, 10:00 to 24:00"},
	} {
		l := nl
		if c.taal == "en" {
			l = en
		}
		if got := openingstijdenTekst(open, l); got != c.want {
			t.Errorf("%s: %q, want %q", c.taal, got, c.want)
		}
	}
	if got := openingstijdenTekst(nil, nl); got != "" {
		t.Errorf("no hours: %q", got)
	}
}
