package web

import (
	"html"
	"html/template"
	"strings"
)

// The articles of the result page are written here in Go instead of in the template: html/template
// calls an escaper by reflection for every value it prints, and the criteria of a dozen regelingen are
// hundreds of values. Every text goes through html.EscapeString; links must be http(s).

// esc writes s HTML-escaped (the same five characters as html.EscapeString) without allocating.
func esc(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '"':
			r = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// antwoordenHTML renders the answers as an NL Design System data list.
func antwoordenHTML(rs []antwoordRegel) template.HTML {
	var b strings.Builder
	b.Grow(160 * len(rs))
	b.WriteString(`<dl class="utrecht-data-list utrecht-data-list--rows">`)
	for _, r := range rs {
		b.WriteString(`<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">`)
		esc(&b, r.Vraag)
		b.WriteString(`</dt><dd class="utrecht-data-list__item-value">`)
		esc(&b, r.Antwoord)
		b.WriteString("</dd></div>\n")
	}
	b.WriteString("</dl>")
	return template.HTML(b.String()) // every piece above is escaped or a constant
}

func veiligeURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

func li(b *strings.Builder, s string) {
	b.WriteString(`<li class="utrecht-unordered-list__item">`)
	esc(b, s)
	b.WriteString("</li>")
}

// artikel renders one regeling.
func (v *uitkomstView) artikel(lb *resultaatLabels, ander bool) template.HTML {
	var b strings.Builder
	b.Grow(4096)
	v.schrijfArtikel(&b, lb, ander)
	return template.HTML(b.String()) // every piece schrijfArtikel writes is escaped or a constant
}

// schrijfArtikel appends one regeling's article to b, so a page writes all its articles into one
// buffer instead of one growing buffer per regeling.
func (v *uitkomstView) schrijfArtikel(b *strings.Builder, lb *resultaatLabels, ander bool) {
	id := html.EscapeString(v.ID)
	b.WriteString(`<article class="zeker-regeling zeker-regeling--` + v.Klasse + `" id="regeling-` + id + `" data-oordeel="`)
	esc(b, v.Oordeel)
	b.WriteString(`" aria-labelledby="regeling-` + id + `-kop">` + "\n")
	b.WriteString(`<h3 class="utrecht-heading-3 zeker-regeling__kop" id="regeling-` + id + `-kop"><span class="zeker-teken" aria-hidden="true">` + v.Teken + `</span> `)
	esc(b, v.Naam)
	b.WriteString(` <span class="zeker-oordeel">(`)
	esc(b, v.OordeelTekst)
	b.WriteString(")</span></h3>\n")
	p := func(class, s string) {
		if s == "" {
			return
		}
		b.WriteString(`<p class="utrecht-paragraph` + class + `">`)
		esc(b, s)
		b.WriteString("</p>\n")
	}
	p("", v.Omschrijving)
	if !v.GeenRecht {
		b.WriteString(`<p class="utrecht-paragraph zeker-bedrag">`)
		if v.BedragTekst != "" {
			b.WriteString("<strong>")
			esc(b, v.BedragTekst)
			b.WriteString("</strong> ")
			esc(b, v.PeriodeTekst)
		} else {
			esc(b, lb.BedragOnbekend)
		}
		if v.AflossingTekst != "" {
			b.WriteString("<br>")
			esc(b, v.AflossingTekst)
		}
		b.WriteString("</p>\n")
		p(" utrecht-paragraph--small", v.BedragUitleg)
	}
	if ander && v.AlleenVia {
		b.WriteString(`<p class="utrecht-paragraph"><strong class="zeker-label">`)
		esc(b, lb.AlleenVia)
		b.WriteString("</strong></p>\n")
	}
	b.WriteString(`<h4 class="utrecht-heading-4">`)
	esc(b, lb.Waarom)
	b.WriteString("</h4>\n" + `<ul class="utrecht-unordered-list zeker-criteria">`)
	for _, c := range v.Criteria {
		b.WriteString(`<li class="utrecht-unordered-list__item zeker-criterium--`)
		esc(b, c.Uitkomst)
		b.WriteString(`">`)
		esc(b, c.Tekst)
		if c.Bron != "" {
			b.WriteString(` <span class="zeker-bron">(`)
			esc(b, lb.Bron)
			b.WriteString(": ")
			esc(b, c.Bron)
			b.WriteString(")</span>")
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
	p("", v.Uitleg)
	if !v.GeenRecht {
		b.WriteString(`<h4 class="utrecht-heading-4">`)
		esc(b, lb.Doen)
		b.WriteString("</h4>\n" + `<ul class="utrecht-unordered-list">`)
		if v.Ambtshalve {
			li(b, lb.Ambtshalve)
		}
		if v.AlleenVia {
			li(b, lb.ViaIntermediair)
		} else {
			b.WriteString(`<li class="utrecht-unordered-list__item">`)
			esc(b, v.AanvragenTekst)
			if veiligeURL(v.Link) {
				b.WriteString(` <a class="utrecht-link utrecht-link--html-a" href="`)
				esc(b, v.Link)
				b.WriteString(`" rel="noreferrer">`)
				esc(b, lb.AanvraagLink)
				b.WriteString("</a>")
			}
			b.WriteString("</li>")
		}
		if len(v.Documenten) > 0 {
			b.WriteString(`<li class="utrecht-unordered-list__item">`)
			esc(b, lb.Documenten)
			b.WriteString(`<ul class="utrecht-unordered-list">`)
			for _, d := range v.Documenten {
				li(b, d)
			}
			b.WriteString("</ul></li>")
		} else {
			li(b, lb.GeenDocumenten)
		}
		if v.Beslistermijn != "" {
			li(b, v.Beslistermijn)
		}
		if v.Toelichting != "" {
			li(b, v.Toelichting)
		}
		b.WriteString("</ul>\n")
	}
	if v.Grondslag != "" {
		b.WriteString(`<p class="utrecht-paragraph utrecht-paragraph--small">`)
		esc(b, lb.Grondslag)
		b.WriteString(": ")
		esc(b, v.Grondslag)
		b.WriteString("</p>\n")
	}
	b.WriteString("</article>\n")
}
