package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"regexp"
	"strings"
)

// kleur is the only form a theme colour may take in the CSS (the settings page checks it too).
var kleur = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// themaCSS serves the themes of the active gemeenten from the tenant register, the one source of a
// gemeente's look: per gemeente its colours as custom properties on its theme class (ThemaKlasse), which
// the layout puts only on that gemeente's pages. The browser revalidates it on every page (ETag), so a
// beheerder's change shows at once.
func (k *Kit) themaCSS(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	b.WriteString("/* Zeker: the theme of each active gemeente (Gegevens van de gemeente). */\n")
	if k.deps.Gemeenten != nil {
		gs, err := k.deps.Gemeenten.Actief(r.Context())
		if err != nil {
			k.log.ErrorContext(r.Context(), "thema.css", "fout", err)
			http.Error(w, "/* thema's niet gelezen */", http.StatusServiceUnavailable)
			return
		}
		for _, g := range gs {
			p, t := g.Thema.Primair, g.Thema.PrimairTekst
			if !kleur.MatchString(p) {
				continue
			}
			if !kleur.MatchString(t) {
				t = "#ffffff"
			}
			b.WriteString("." + ThemaKlasse(g.Code) + " { --zeker-primair: " + strings.ToLower(p) + "; --zeker-primair-tekst: " + strings.ToLower(t) + "; }\n")
		}
	}
	sum := sha256.Sum256(b.Bytes())
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	h := w.Header()
	h.Set("Content-Type", "text/css; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(b.Bytes())
}
