package web

import (
	"net/url"
	"strings"
	"testing"
)

func TestVeiligTerug(t *testing.T) {
	const anders = "/beheer/"
	for _, tc := range []struct{ in, want string }{
		// Good paths on this site, with a query string and a fragment.
		{"/beheer/GM0047/", "/beheer/GM0047/"},
		{"/beheer/GM0047/signalen?status=open&p=2", "/beheer/GM0047/signalen?status=open&p=2"},
		{"/beheer/GM0047/zaken/7#notities", "/beheer/GM0047/zaken/7#notities"},
		{"/zoek?q=a%20b", "/zoek?q=a%20b"},
		{"/a//b", "/a//b"},
		{"/", "/"},
		// Browsers drop TAB, LF and CR before parsing: "/\t/host" is "//host".
		{"/\t/evil.example", anders},
		{"/\n/evil.example", anders},
		{"/\r/evil.example", anders},
		{"\t//evil.example", anders},
		{"/beheer/\t", anders},
		{"/\v/evil.example", anders}, // VT and other control characters
		{"/\x00/evil.example", anders},
		{"/\x7f", anders},
		{"/\u0085", anders},
		{"/\xff", anders}, // invalid UTF-8
		// Backslash is a slash to a browser.
		{"/\\evil.example", anders},
		{"\\\\evil.example", anders},
		{"/beheer\\x", anders},
		// Two slashes: scheme-relative, another host.
		{"//evil.example", anders},
		{"//evil.example/beheer/", anders},
		{"///evil.example", anders},
		// Encoded forms, once and twice.
		{"/%2F%2Fevil.example", anders},
		{"/%2fevil.example", anders},
		{"%2F%2Fevil.example", anders},
		{"/%5Cevil.example", anders},
		{"/%09/evil.example", anders},
		{"/%0A/evil.example", anders},
		{"/%0d/evil.example", anders},
		{"/%00", anders},
		{"/%252F%252Fevil.example", anders},
		{"/%25252F", anders},
		{"/%zz", anders}, // not decodable
		// Schemes and absolute URLs.
		{"javascript:alert(1)", anders},
		{"JavaScript:alert(1)", anders},
		{"https://evil.example/", anders},
		{"http:/evil.example", anders},
		{"evil.example", anders},
		{"beheer/", anders},
		{" /beheer/", anders},
		{"", anders},
	} {
		if got := VeiligTerug(tc.in, anders); got != tc.want {
			t.Errorf("VeiligTerug(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzVeiligTerug: whatever comes out is a path on this site after the browser's cleaning (tab, line
// feed and carriage return removed, backslash read as slash).
func FuzzVeiligTerug(f *testing.F) {
	for _, s := range []string{"/beheer/", "/\t/host", "//host", "/\\host", "/%2F%2Fhost", "javascript:x", "/a?b=c#d", "/%252F"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := VeiligTerug(in, "/beheer/")
		if out != in && out != "/beheer/" {
			t.Fatalf("VeiligTerug(%q) = %q: neither the input nor the fallback", in, out)
		}
		schoon := strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(out)
		for _, vorm := range []string{schoon, strings.ReplaceAll(schoon, "\\", "/")} {
			u, err := url.Parse(vorm)
			if err != nil {
				t.Fatalf("VeiligTerug(%q) = %q: net/url: %v", in, out, err)
			}
			if u.Scheme != "" || u.Host != "" || !strings.HasPrefix(vorm, "/") || strings.HasPrefix(vorm, "//") {
				t.Fatalf("VeiligTerug(%q) = %q: scheme %q host %q", in, out, u.Scheme, u.Host)
			}
		}
	})
}
