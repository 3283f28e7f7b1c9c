// Package chart draws small accessible SVG charts for the monitor pages and exports: no script, no
// external fonts, text as text (so it scales, can be read by a screen reader and be translated), a
// <title> and <desc> that say what the chart shows, every bar with its value written next to it, and
// colours that keep a contrast of at least 3:1 against white. A page shows the same numbers in a table
// beside the chart; the chart is never the only way to get them. Staven draws bars; Verloop
// (verloop.go) draws stacked areas and lines along a numeric axis, with patterns and dashes so that
// colour is never the only way to tell two series apart.
package chart

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"strings"
)

// Staaf is one bar: a label, a value (may be negative), and the text written at the bar (for
// example "€ 12.300" or "+41"); when Tekst is empty the value is written.
type Staaf struct {
	Label  string
	Waarde float64
	Tekst  string
}

// Opties of a bar chart.
type Opties struct {
	Titel        string // required: what the chart shows, in one line
	Omschrijving string // the <desc>: the conclusion in words, for a screen reader
	Breedte      int    // px; default 640
	Eenheid      string // written after the axis maximum, e.g. "huishoudens"
}

// Colours (contrast against white: #1f5fa6 5.9:1, #b3261e 6.0:1, #333 12.6:1).
const (
	kleurPositief = "#1f5fa6"
	kleurNegatief = "#b3261e"
	kleurTekst    = "#333333"
	kleurAs       = "#767676"
)

// Staven draws a horizontal bar chart, one row per bar, in the order given. Negative values extend
// to the left of the zero line in another colour and are also marked with a minus in their text, so
// colour is never the only signal.
func Staven(staven []Staaf, o Opties) []byte {
	if o.Breedte <= 0 {
		o.Breedte = 640
	}
	const (
		rij     = 26
		boven   = 40
		onder   = 28
		labelW  = 180
		tekstW  = 110
		marge   = 8
		fontPx  = 13
		staafHg = 16
	)
	hoogte := boven + onder + rij*max(len(staven), 1)
	plotL := labelW + marge
	plotR := o.Breedte - tekstW - marge
	plotW := float64(plotR - plotL)

	maxPos, maxNeg := 0.0, 0.0
	for _, s := range staven {
		if s.Waarde > maxPos {
			maxPos = s.Waarde
		}
		if s.Waarde < maxNeg {
			maxNeg = s.Waarde
		}
	}
	bereik := maxPos - maxNeg
	if bereik == 0 {
		bereik = 1
	}
	nulX := float64(plotL) + plotW*(-maxNeg/bereik)
	schaal := plotW / bereik

	var b bytes.Buffer
	id := "grafiek-" + slug(o.Titel)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="%s-titel %s-desc" viewBox="0 0 %d %d" width="%d" height="%d" font-family="sans-serif" font-size="%d">`,
		id, id, o.Breedte, hoogte, o.Breedte, hoogte, fontPx)
	fmt.Fprintf(&b, `<title id="%s-titel">%s</title>`, id, esc(o.Titel))
	desc := o.Omschrijving
	if desc == "" {
		desc = beschrijf(staven)
	}
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`, id, esc(desc))
	fmt.Fprintf(&b, `<text x="0" y="18" font-weight="bold" fill="%s">%s</text>`, kleurTekst, esc(o.Titel))
	for i, s := range staven {
		y := boven + i*rij
		midden := y + staafHg/2 + 4
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" fill="%s">%s</text>`, labelW, midden, kleurTekst, esc(kort(s.Label, 26)))
		w := math.Abs(s.Waarde) * schaal
		x := nulX
		kleur := kleurPositief
		if s.Waarde < 0 {
			x = nulX - w
			kleur = kleurNegatief
		}
		tekst := s.Tekst
		if tekst == "" {
			tekst = getal(s.Waarde)
		}
		fmt.Fprintf(&b, `<g><title>%s: %s</title><rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/></g>`,
			esc(s.Label), esc(tekst), x, y, math.Max(w, 0.5), staafHg, kleur)
		fmt.Fprintf(&b, `<text x="%d" y="%d" fill="%s">%s</text>`, plotR+marge, midden, kleurTekst, esc(tekst))
	}
	asY := boven + rij*max(len(staven), 1)
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="1"/>`, nulX, boven-4, nulX, asY, kleurAs)
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="%s">0</text>`, nulX, asY+16, kleurTekst)
	if maxPos > 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" fill="%s">%s</text>`, plotR, asY+16, kleurTekst, esc(strings.TrimSpace(getal(maxPos)+" "+o.Eenheid)))
	}
	b.WriteString(`</svg>`)
	return b.Bytes()
}

// beschrijf says in words which bar is largest, for the <desc> when the caller gives none.
func beschrijf(staven []Staaf) string {
	if len(staven) == 0 {
		return "Geen gegevens."
	}
	hi := 0
	for i, s := range staven {
		if s.Waarde > staven[hi].Waarde {
			hi = i
		}
	}
	t := staven[hi].Tekst
	if t == "" {
		t = getal(staven[hi].Waarde)
	}
	return fmt.Sprintf("%d staven. De hoogste is %s met %s.", len(staven), staven[hi].Label, t)
}

// getal writes a number the Dutch way: thousands with a dot, decimals with a comma.
func getal(v float64) string {
	neg := v < 0
	v = math.Abs(v)
	heel := int64(v)
	frac := v - float64(heel)
	s := fmt.Sprint(heel)
	var out []byte
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, c)
	}
	r := string(out)
	if frac >= 0.05 {
		r += "," + fmt.Sprintf("%.1f", frac)[2:]
	}
	if neg {
		r = "−" + r
	}
	return r
}

func esc(s string) string { return html.EscapeString(s) }

func kort(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func slug(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}
