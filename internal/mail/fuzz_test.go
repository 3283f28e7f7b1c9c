package mail_test

import (
	"net/mail"
	"net/url"
	"strings"
	"testing"

	zmail "github.com/zeker-platform/zeker/internal/mail"
)

// FuzzGeldigAdres: an accepted address is one bare address without CR, LF or space, within the limit,
// and net/mail reads it back unchanged.
func FuzzGeldigAdres(f *testing.F) {
	for _, s := range []string{"a@voorbeeld.nl", "Jan <a@b.nl>", "a@b.nl, c@d.nl", "a@b.nl\r\nBcc: c@d.nl", "\"a b\"@c.nl", "@", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if zmail.GeldigAdres(s) != "" {
			return
		}
		if len(s) > zmail.MaxAdres || strings.ContainsAny(s, "\r\n ") {
			t.Fatalf("accepted %q", s)
		}
		a, err := mail.ParseAddress(s)
		if err != nil || a.Address != s || a.Name != "" {
			t.Fatalf("accepted %q: %v %+v", s, err, a)
		}
	})
}

// FuzzParseSMTP: an accepted setting has a host, a port, a valid sender, and its String never shows the
// password.
func FuzzParseSMTP(f *testing.F) {
	for _, s := range []string{"smtp://u:p@h:25?from=a@b.nl", "smtps://h?from=a@b.nl", "smtp://h", "smtp://h?from=a@b.nl%0d%0a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := zmail.ParseSMTP(s)
		if err != nil {
			return
		}
		if m.Host == "" || m.Poort == "" || zmail.GeldigAdres(m.Van) != "" {
			t.Fatalf("accepted %q as %+v", s, m)
		}
		u, _ := url.Parse(s)
		if pw, ok := u.User.Password(); ok && len(pw) > 3 && strings.Contains(m.String(), pw) {
			t.Fatalf("String shows the password: %s", m)
		}
	})
}

// FuzzParseBasisURL: an accepted base is an absolute http(s) URL without query, fragment, user or
// whitespace, and a link on it stays on its host.
func FuzzParseBasisURL(f *testing.F) {
	for _, s := range []string{"https://zeker.voorbeeld.nl", "http://127.0.0.1:8080/", "https://x.nl/a/../b", "https://a@b.nl", "//x.nl", "https://zeker.voorbeeld.nl/zeker", "http://0/%00", "https://x.nl/a%20b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := zmail.ParseBasisURL(s)
		if err != nil {
			return
		}
		u, err := url.Parse(zmail.Link(b, "/beheer/GM0175/verwijzingen/1"))
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
			t.Fatalf("accepted %q as %q: %v", s, b, err)
		}
		if strings.ContainsAny(b, " \r\n\t") || strings.HasSuffix(b, "/") {
			t.Fatalf("accepted %q as %q", s, b)
		}
	})
}
