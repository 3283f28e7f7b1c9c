package chart

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Verloop draws how values run along a numeric x axis: stacked areas (the parts of a whole, bottom
// first) and lines over them, with vertical markings (for example where a scheme ends). The same rules
// as Staven hold: text as text, a <title> and <desc>, both axes labelled with their ticks, and no
// meaning in colour alone — every area has its own fill pattern as well as its colour, every line its
// own dash, and the legend below the plot shows both with the name; every marking is numbered in
// text. A page still shows the numbers in a table beside the chart.

// Reeks is one series: a name and one value per x of VerloopOpties.X. NaN is a gap (a line breaks
// there; an area counts it as 0).
type Reeks struct {
	Naam    string
	Waarden []float64
}

// Markering is a vertical line at X with a short text above the plot ("klif 1").
type Markering struct {
	X     float64
	Tekst string
}

// VerloopOpties describe a chart of Verloop.
type VerloopOpties struct {
	Titel        string // required: what the chart shows, in one line
	Omschrijving string // the <desc>: the conclusion in words, for a screen reader
	Breedte      int    // px; default 720
	Hoogte       int    // px of the plot area; default 300
	XAs, YAs     string // axis labels, e.g. "bruto loon per maand (euro)"
	X            []float64
	// Stapel are stacked areas, bottom first. Their values are 0 or more; a negative value is drawn
	// as 0 (the stack shows parts of a whole).
	Stapel []Reeks
	// Lijnen are drawn over the areas: the first solid, the next dashed, then dotted, and so on.
	Lijnen      []Reeks
	Markeringen []Markering
	// XTekst and YTekst write a tick value; nil writes the number the Dutch way.
	XTekst, YTekst func(float64) string
}

// Fill colours of the areas (each at least 3:1 against white) and the white patterns drawn over them.
var vlakKleuren = []string{"#1f5fa6", "#8a4f00", "#2e7031", "#6a1b9a", "#b3261e", "#00695c", "#ad1457", "#37474f", "#5d4037", "#0b5394"}

var patronen = []string{
	"", // plain
	`<path d="M0,8 L8,0" stroke="#fff" stroke-width="1.5"/>`,
	`<circle cx="4" cy="4" r="1.5" fill="#fff"/>`,
	`<path d="M0,4 H8" stroke="#fff" stroke-width="1.5"/>`,
	`<path d="M4,0 V8" stroke="#fff" stroke-width="1.5"/>`,
	`<path d="M0,0 L8,8" stroke="#fff" stroke-width="1.5"/>`,
	`<path d="M0,8 L8,0 M0,0 L8,8" stroke="#fff" stroke-width="1"/>`,
	`<path d="M0,4 H8 M4,0 V8" stroke="#fff" stroke-width="1"/>`,
	`<circle cx="2" cy="2" r="1" fill="#fff"/><circle cx="6" cy="6" r="1" fill="#fff"/>`,
	`<rect x="2" y="2" width="4" height="4" fill="none" stroke="#fff" stroke-width="1"/>`,
}

// Dashes of the lines: solid, dashed, dotted, dash-dot.
var strepen = []string{"", "8 4", "2 3", "8 3 2 3"}

// Lines are near-black on every fill (their dash tells them apart); markings are dark red.
var lijnKleuren = []string{"#111111"}

const kleurMarkering = "#9c1c14"

// Verloop draws the chart. It never fails: without points it draws the axes and says so in <desc>.
func Verloop(o VerloopOpties) []byte {
	if o.Breedte <= 0 {
		o.Breedte = 720
	}
	if o.Hoogte <= 0 {
		o.Hoogte = 300
	}
	if o.XTekst == nil {
		o.XTekst = getal
	}
	if o.YTekst == nil {
		o.YTekst = getal
	}
	const (
		boven    = 70 // title, y axis label and markings
		links    = 84
		rechts   = 24
		asRuimte = 54 // x ticks and the x axis label
		legRij   = 20
		fontPx   = 13
	)
	n := len(o.X)
	legenda := len(o.Stapel) + len(o.Lijnen)
	hoogte := boven + o.Hoogte + asRuimte + legRij*legenda + 8
	plotL, plotR := float64(links), float64(o.Breedte-rechts)
	plotT, plotB := float64(boven), float64(boven+o.Hoogte)

	// The range: the top of the stack and every line value; the y axis always holds 0.
	xMin, xMax := 0.0, 1.0
	if n > 0 {
		xMin, xMax = o.X[0], o.X[0]
		for _, x := range o.X {
			xMin, xMax = math.Min(xMin, x), math.Max(xMax, x)
		}
	}
	if xMax == xMin {
		xMax = xMin + 1
	}
	top := make([]float64, n)
	lagen := make([][]float64, len(o.Stapel)+1) // cumulative, bottom first
	lagen[0] = make([]float64, n)
	for k, r := range o.Stapel {
		lagen[k+1] = make([]float64, n)
		for i := 0; i < n; i++ {
			v := waarde(r.Waarden, i)
			if math.IsNaN(v) || v < 0 {
				v = 0
			}
			lagen[k+1][i] = lagen[k][i] + v
			top[i] = lagen[k+1][i]
		}
	}
	yMin, yMax := 0.0, 0.0
	for _, t := range top {
		yMax = math.Max(yMax, t)
	}
	for _, l := range o.Lijnen {
		for i := 0; i < n; i++ {
			if v := waarde(l.Waarden, i); !math.IsNaN(v) {
				yMin, yMax = math.Min(yMin, v), math.Max(yMax, v)
			}
		}
	}
	yStap := mooieStap((yMax - yMin) / 5)
	yMin = math.Floor(yMin/yStap) * yStap
	yMax = math.Ceil(yMax/yStap) * yStap
	if yMax == yMin {
		yMax = yMin + yStap
	}
	px := func(x float64) float64 { return plotL + (x-xMin)/(xMax-xMin)*(plotR-plotL) }
	py := func(y float64) float64 { return plotB - (y-yMin)/(yMax-yMin)*(plotB-plotT) }

	var b bytes.Buffer
	b.Grow(4096 + n*24*(len(o.Stapel)*2+len(o.Lijnen)))
	id := "grafiek-" + slug(o.Titel)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="%s-titel %s-desc" viewBox="0 0 %d %d" width="%d" height="%d" font-family="sans-serif" font-size="%d">`,
		id, id, o.Breedte, hoogte, o.Breedte, hoogte, fontPx)
	fmt.Fprintf(&b, `<title id="%s-titel">%s</title>`, id, esc(o.Titel))
	desc := o.Omschrijving
	if desc == "" {
		desc = fmt.Sprintf("%d punten.", n)
		if n == 0 {
			desc = "Geen gegevens."
		}
	}
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`, id, esc(desc))
	b.WriteString(`<defs>`)
	for k := range o.Stapel {
		fmt.Fprintf(&b, `<pattern id="%s-p%d" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="%s"/>%s</pattern>`,
			id, k, vlakKleuren[k%len(vlakKleuren)], patronen[k%len(patronen)])
	}
	b.WriteString(`</defs>`)
	fmt.Fprintf(&b, `<text x="0" y="18" font-weight="bold" fill="%s">%s</text>`, kleurTekst, esc(o.Titel))

	// Grid and y ticks.
	for i := 0; yMin+float64(i)*yStap <= yMax+yStap/2; i++ {
		y := yMin + float64(i)*yStap
		yy := py(y)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#d0d0d0" stroke-width="1"/>`, plotL, yy, plotR, yy)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="%s">%s</text>`, plotL-6, yy+4, kleurTekst, esc(o.YTekst(y)))
	}
	// Areas, bottom first.
	for k, r := range o.Stapel {
		if n == 0 {
			break
		}
		fmt.Fprintf(&b, `<path fill="url(#%s-p%d)" stroke="#ffffff" stroke-width="0.5" d="`, id, k)
		for i := 0; i < n; i++ {
			c := byte('L')
			if i == 0 {
				c = 'M'
			}
			punt(&b, c, px(o.X[i]), py(lagen[k+1][i]))
		}
		for i := n - 1; i >= 0; i-- {
			punt(&b, 'L', px(o.X[i]), py(lagen[k][i]))
		}
		fmt.Fprintf(&b, `Z"><title>%s</title></path>`, esc(r.Naam))
	}
	// Lines; a NaN breaks the line.
	for k, l := range o.Lijnen {
		fmt.Fprintf(&b, `<path fill="none" stroke="%s" stroke-width="2"`, lijnKleuren[k%len(lijnKleuren)])
		if s := strepen[k%len(strepen)]; s != "" {
			fmt.Fprintf(&b, ` stroke-dasharray="%s"`, s)
		}
		b.WriteString(` d="`)
		pen := false
		for i := 0; i < n; i++ {
			v := waarde(l.Waarden, i)
			if math.IsNaN(v) {
				pen = false
				continue
			}
			c := byte('L')
			if !pen {
				c = 'M'
			}
			punt(&b, c, px(o.X[i]), py(v))
			pen = true
		}
		fmt.Fprintf(&b, `"><title>%s</title></path>`, esc(l.Naam))
	}
	// Axes: the zero line and the x axis with its ticks.
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1"/>`, plotL, plotT, plotL, plotB, kleurAs)
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1.5"/>`, plotL, py(0), plotR, py(0), kleurAs)
	xStap := mooieStap((xMax - xMin) / 6)
	x0 := math.Ceil(xMin/xStap) * xStap
	for i := 0; x0+float64(i)*xStap <= xMax+xStap/1000; i++ {
		x := x0 + float64(i)*xStap
		xx := px(x)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1"/>`, xx, plotB, xx, plotB+5, kleurAs)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="%s">%s</text>`, xx, plotB+19, kleurTekst, esc(o.XTekst(x)))
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="%s">%s</text>`, (plotL+plotR)/2, plotB+40, kleurTekst, esc(o.XAs))
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="%s">%s</text>`, plotL-links+2, plotT-36, kleurTekst, esc(o.YAs))
	// Markings: a dashed vertical line and its text, staggered over two rows so neighbours stay readable.
	for i, m := range o.Markeringen {
		if m.X < xMin || m.X > xMax {
			continue
		}
		xx := px(m.X)
		fmt.Fprintf(&b, `<g><title>%s</title><line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1.5" stroke-dasharray="4 3"/>`,
			esc(m.Tekst), xx, plotT-(4+float64(i%2)*14), xx, plotB, kleurMarkering)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="%s">%s</text></g>`, xx, plotT-(8+float64(i%2)*14), kleurMarkering, esc(m.Tekst))
	}
	// Legend: lines first, then the areas top first (the order of the stack as the eye reads it).
	y := plotB + asRuimte
	for k, l := range o.Lijnen {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"`, plotL, y+6, plotL+28, y+6, lijnKleuren[k%len(lijnKleuren)])
		if s := strepen[k%len(strepen)]; s != "" {
			fmt.Fprintf(&b, ` stroke-dasharray="%s"`, s)
		}
		fmt.Fprintf(&b, `/><text x="%.1f" y="%.1f" fill="%s">%s (lijn%s)</text>`, plotL+36, y+10, kleurTekst, esc(l.Naam), lijnSoort(k))
		y += legRij
	}
	for k := len(o.Stapel) - 1; k >= 0; k-- {
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="28" height="14" fill="url(#%s-p%d)" stroke="%s" stroke-width="0.5"/>`, plotL, y, id, k, kleurAs)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="%s">%s</text>`, plotL+36, y+11, kleurTekst, esc(o.Stapel[k].Naam))
		y += legRij
	}
	b.WriteString(`</svg>`)
	return b.Bytes()
}

// punt writes a path command with one point, "L12.3,45.6", without fmt (a curve has hundreds).
func punt(b *bytes.Buffer, c byte, x, y float64) {
	var buf [48]byte
	p := append(buf[:0], c)
	p = strconv.AppendFloat(p, x, 'f', 1, 64)
	p = append(p, ',')
	p = strconv.AppendFloat(p, y, 'f', 1, 64)
	b.Write(p)
}

func lijnSoort(k int) string {
	return [...]string{", doorgetrokken", ", gestreept", ", gestippeld", ", streep-punt"}[k%4]
}

func waarde(w []float64, i int) float64 {
	if i < len(w) {
		return w[i]
	}
	return math.NaN()
}

// mooieStap rounds a step up to 1, 2, 2.5 or 5 times a power of ten.
func mooieStap(ruw float64) float64 {
	if ruw <= 0 || math.IsNaN(ruw) || math.IsInf(ruw, 0) {
		return 1
	}
	macht := math.Pow(10, math.Floor(math.Log10(ruw)))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if ruw <= f*macht {
			return f * macht
		}
	}
	return 10 * macht
}

// Euro writes a tick as an amount in whole euros ("€ 1.500").
func Euro(v float64) string {
	s := getal(math.Round(v))
	if strings.HasPrefix(s, "−") {
		return "−€ " + strings.TrimPrefix(s, "−")
	}
	return "€ " + s
}

// Procent writes a tick as a percentage ("75%").
func Procent(v float64) string { return getal(math.Round(v)) + "%" }
