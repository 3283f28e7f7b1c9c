package web

import "testing"

func TestSocialeKaartURL(t *testing.T) {
	for _, tt := range []struct{ gm, lang, want string }{
		{"GM0175", "", "/sociale-kaart/GM0175"},
		{"GM0175", "nl", "/sociale-kaart/GM0175"},
		{"GM0147", "en", "/sociale-kaart/GM0147?lang=en"},
		{"GM/../x", "e&n", "/sociale-kaart/GM%2F..%2Fx?lang=e%26n"},
	} {
		if got := SocialeKaartURL(tt.gm, tt.lang); got != tt.want {
			t.Errorf("SocialeKaartURL(%q, %q) = %q, want %q", tt.gm, tt.lang, got, tt.want)
		}
	}
}
