package web

import (
	"html"
	"strings"
	"testing"
)

func TestEsc(t *testing.T) {
	for _, s := range []string{"", "gewoon", `<script>alert("x") & 'y'</script>`, "€ 1.250,00 <", "&&&", "ü ë ✔"} {
		var b strings.Builder
		esc(&b, s)
		if got, want := b.String(), html.EscapeString(s); got != want {
			t.Errorf("esc(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestArtikelEscapet(t *testing.T) {
	lb := &resultaatLabels{Waarom: "Waarom?"}
	v := uitkomstView{ID: `x"><script>`, Naam: "<b>naam</b>", Klasse: "ok", Teken: "✔", Link: "javascript:alert(1)",
		Criteria: []criteriumView{{Uitkomst: "ja", Tekst: "<i>t</i>", Bron: "a & b"}}}
	got := string(v.artikel(lb, false))
	for _, bad := range []string{"<script>", "<b>", "<i>", "javascript:"} {
		if strings.Contains(got, bad) {
			t.Errorf("article contains %q unescaped", bad)
		}
	}
	if !strings.Contains(got, "&lt;b&gt;naam&lt;/b&gt;") || !strings.Contains(got, "a &amp; b") {
		t.Errorf("texts not escaped: %s", got)
	}
}
