package checkweb

import (
	"bytes"
	"slices"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
)

// schrijfOverzicht writes the overview at the top of the result page, one element #overzicht of at
// most about 150 words (TestWandelingen counts them in the 16 walks, Dutch and English): the total
// per month, what the household can probably get (✔, with the amount per month or year), what may be
// possible (?) with the one question or contact that settles most of it, and what to do first.
func (p *resultaatPagina) schrijfOverzicht(b *bytes.Buffer) {
	l, lb := p.l, p.lb
	type regel struct {
		u    *regels.Uitkomst
		lb   *resultaatLabels
		jaar geld.Bedrag
	}
	var recht, onzeker []regel
	for _, g := range [2]struct {
		us []regels.Uitkomst
		lb *resultaatLabels
	}{{p.res.Regelingen, lb}, {p.landelijk, lb.Rijk}} {
		for i := range g.us {
			u := &g.us[i]
			r := regel{u: u, lb: g.lb}
			if u.Bedrag != nil && u.Lening == nil {
				r.jaar = u.Periode.Jaarbedrag(*u.Bedrag)
			}
			switch u.Oordeel {
			case regels.Recht:
				recht = append(recht, r)
			case regels.Onzeker:
				onzeker = append(onzeker, r)
			}
		}
	}
	// The largest amounts first: what matters most is read first.
	slices.SortStableFunc(recht, func(x, y regel) int { return int(y.jaar - x.jaar) })

	b.WriteString("\n<section class=\"zeker-overzicht zeker-totaal\" id=\"overzicht\" aria-labelledby=\"overzicht-kop\">\n<h2 class=\"utrecht-heading-2\" id=\"overzicht-kop\">")
	web.Esc(b, l.T("kort.kop"))
	b.WriteString("</h2>\n<p class=\"utrecht-paragraph\"><strong id=\"totaal\">")
	web.Esc(b, p.totaalZin())
	b.WriteString("</strong></p>\n")
	// At most maxNamen names per line keep the overview on one phone screen (150 words in every
	// walk); more become a count, and the blocks below name them.
	const maxNamen = 4
	namen := func(rs []regel) {
		for i, r := range rs {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`<a class="utrecht-link utrecht-link--html-a" href="#regeling-`)
			web.EscURL(b, r.u.ID)
			b.WriteString(`">`)
			web.Esc(b, r.u.Naam)
			b.WriteString("</a>")
		}
		b.WriteString(".")
	}
	var metBedrag, zonder []regel
	for _, r := range recht {
		if r.u.Bedrag != nil {
			metBedrag = append(metBedrag, r)
		} else {
			zonder = append(zonder, r)
		}
	}
	if len(metBedrag) > 0 {
		b.WriteString(`<ul class="utrecht-unordered-list zeker-overzicht__lijst" id="overzicht-recht">`)
		for _, r := range metBedrag {
			b.WriteString(`<li class="utrecht-unordered-list__item"><span aria-hidden="true">✔</span> <a class="utrecht-link utrecht-link--html-a" href="#regeling-`)
			web.EscURL(b, r.u.ID)
			b.WriteString(`">`)
			web.Esc(b, r.u.Naam)
			b.WriteString("</a>: ")
			p.bedragMetPeriode(b, r.u, r.lb)
			b.WriteString("</li>")
		}
		b.WriteString("</ul>\n")
	}
	if len(zonder) > 0 {
		b.WriteString(`<p class="utrecht-paragraph" id="overzicht-zonderbedrag"><span aria-hidden="true">✔</span> `)
		if len(zonder) > maxNamen {
			web.Esc(b, l.T("kort.ookrecht.aantal", "n", len(zonder)))
		} else {
			web.Esc(b, l.T("kort.ookrecht"))
			b.WriteString(" ")
			namen(zonder)
		}
		b.WriteString("</p>\n")
	}
	if len(onzeker) > 0 {
		b.WriteString(`<p class="utrecht-paragraph" id="overzicht-onzeker"><span aria-hidden="true">?</span> `)
		if len(onzeker) > maxNamen {
			web.Esc(b, l.T("kort.misschien.aantal", "n", len(onzeker)))
		} else {
			web.Esc(b, l.T("kort.misschien"))
			b.WriteString(" ")
			namen(onzeker)
		}
		b.WriteString("</p>\n")
		p.schrijfBeslissendeVraag(b)
	}
	b.WriteString(`<p class="utrecht-paragraph" id="overzicht-eerst"><strong>`)
	web.Esc(b, l.T("kort.eerst"))
	b.WriteString("</strong> ")
	switch {
	case len(recht) > 0:
		u := recht[0].u
		if u.Aanvragen.AlleenViaIntermediair {
			web.Esc(b, l.T("kort.eerst.via", "regeling", u.Naam))
		} else {
			uitvoerder := p.uitvoerder(u)
			web.Esc(b, l.T("kort.eerst.aanvragen", "regeling", u.Naam, "uitvoerder", uitvoerder))
		}
		if veiligeURL(u.Aanvragen.Link) {
			b.WriteString(` <a class="utrecht-link utrecht-link--html-a" href="`)
			web.EscURL(b, u.Aanvragen.Link)
			b.WriteString(`" rel="noreferrer">`)
			web.Esc(b, lb.AanvraagLink)
			b.WriteString("</a>")
		}
	case len(onzeker) > 0:
		web.Esc(b, l.T("kort.eerst.vraag"))
	default:
		web.Esc(b, l.T("kort.eerst.niets"))
	}
	b.WriteString("</p>\n</section>\n")
}

// schrijfBeslissendeVraag writes the one question that settles the most open outcomes, with a link to
// its step; when only the gemeente can answer what is open, where to ask it.
func (p *resultaatPagina) schrijfBeslissendeVraag(b *bytes.Buffer) {
	l := p.l
	tel := map[string]int{}
	gemeente := 0
	for _, us := range [2][]regels.Uitkomst{p.res.Regelingen, p.landelijk} {
		for i := range us {
			u := &us[i]
			if u.Oordeel != regels.Onzeker {
				continue
			}
			var gezien [aantalStappen]string
			n := 0
			for _, v := range u.Vragen {
				st := stapVan(v)
				if st == "" {
					continue
				}
				if !slices.Contains(gezien[:n], st) {
					gezien[n] = st
					n++
					tel[st]++
				}
			}
			if n == 0 {
				gemeente++
			}
		}
	}
	beste := ""
	for _, st := range stappen {
		if tel[st] > tel[beste] {
			beste = st
		}
	}
	b.WriteString(`<p class="utrecht-paragraph" id="overzicht-vraag">`)
	if beste != "" && tel[beste] >= gemeente {
		key := "kort.vraag"
		if p.a.beantwoord(beste) {
			key = "kort.vraag.weetniet"
		}
		web.Esc(b, l.T(key, "n", tel[beste]))
		b.WriteString(` <a class="utrecht-link utrecht-link--html-a zeker-naar-stap" href="`)
		web.EscURL(b, p.stapURL(beste))
		b.WriteString(`">`)
		web.Esc(b, l.T("stap."+beste+".titel"))
		b.WriteString("</a>")
	} else {
		web.Esc(b, l.T("kort.vraag.gemeente", "gemeente", p.gemeente.Naam))
		b.WriteString(` <a class="utrecht-link utrecht-link--html-a" href="#contact">`)
		web.Esc(b, l.T("kort.contact"))
		b.WriteString("</a>")
	}
	b.WriteString("</p>\n")
}
