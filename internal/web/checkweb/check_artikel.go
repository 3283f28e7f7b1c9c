package checkweb

import (
	"bytes"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
)

// artikel writes one regeling as a short block — ✔ / ? / ✖ with its name, the amount, what is still
// open (each unknown fact with a link to the step that asks it), why not, where to apply, one source —
// and folds the reasons per criterion, the amount's explanation, the papers and the legal basis in a
// <details> element, which opens without JavaScript.
func (p *resultaatPagina) artikel(b *bytes.Buffer, u *regels.Uitkomst, lb *resultaatLabels) {
	l := p.l
	teken, klasse := "✖", "nee"
	switch u.Oordeel {
	case regels.Recht:
		teken, klasse = "✔", "ok"
	case regels.Onzeker:
		teken, klasse = "?", "onzeker"
	}
	geenRecht := u.Oordeel == regels.GeenRecht
	b.WriteString(`<article class="zeker-regeling zeker-regeling--`)
	b.WriteString(klasse)
	b.WriteString(`" id="regeling-`)
	web.Esc(b, u.ID)
	b.WriteString(`" data-oordeel="`)
	web.Esc(b, u.Oordeel.String())
	b.WriteString(`" aria-labelledby="regeling-`)
	web.Esc(b, u.ID)
	b.WriteString("-kop\">\n<h3 class=\"utrecht-heading-3 zeker-regeling__kop\" id=\"regeling-")
	web.Esc(b, u.ID)
	b.WriteString(`-kop"><span class="zeker-teken" aria-hidden="true">`)
	b.WriteString(teken)
	b.WriteString(`</span> `)
	web.Esc(b, u.Naam)
	b.WriteString(` <span class="zeker-oordeel">(`)
	web.Esc(b, lb.Oordeel[u.Oordeel])
	b.WriteString(")</span></h3>\n")
	par := func(class, s string) {
		if s == "" {
			return
		}
		b.WriteString(`<p class="utrecht-paragraph`)
		b.WriteString(class)
		b.WriteString(`">`)
		web.Esc(b, s)
		b.WriteString("</p>\n")
	}
	par(" zeker-omschrijving", u.Omschrijving)
	if !geenRecht {
		if u.Bedrag != nil {
			b.WriteString(`<p class="utrecht-paragraph zeker-bedrag">`)
		} else {
			b.WriteString(`<p class="utrecht-paragraph zeker-bedrag zeker-bedrag--onbekend">`)
		}
		if u.Bedrag != nil {
			b.WriteString("<strong>")
			p.bedragMetPeriode(b, u, lb)
			b.WriteString("</strong>")
		} else {
			web.Esc(b, lb.BedragOnbekend)
		}
		if u.Lening != nil && u.Lening.AflossingPerMaand != nil && u.BedragUitleg == "" {
			b.WriteString("<br>")
			web.Esc(b, l.T("resultaat.aflossing", "bedrag", bedragTekst(*u.Lening.AflossingPerMaand, l)))
		}
		b.WriteString("</p>\n")
	}
	alleenVia := u.Aanvragen.AlleenViaIntermediair
	if p.ander && alleenVia && !geenRecht {
		b.WriteString(`<p class="utrecht-paragraph"><strong class="zeker-label">`)
		web.Esc(b, lb.AlleenVia)
		b.WriteString("</strong></p>\n")
	}
	switch u.Oordeel {
	case regels.Onzeker:
		// What is still open, one line per criterion: the resident's facts with their step, the
		// gemeente's open terms as the engine words them.
		b.WriteString(`<p class="utrecht-paragraph zeker-open"><strong>`)
		web.Esc(b, lb.Open)
		b.WriteString("</strong></p>\n<ul class=\"utrecht-unordered-list zeker-open\">")
		gemeente, iets := false, false
		for i := range u.Criteria {
			if c := &u.Criteria[i]; c.Oordeel == regels.Onbekend {
				iets = p.openTekst(b, c, lb, &gemeente) || iets
			}
		}
		if !iets {
			li(b, p.l.T("resultaat.open.gemeente"))
		}
		b.WriteString("</ul>\n")
	case regels.GeenRecht:
		for i := range u.Criteria {
			if c := &u.Criteria[i]; c.Oordeel == regels.Nee {
				b.WriteString(`<p class="utrecht-paragraph zeker-waaromniet"><strong>`)
				web.Esc(b, lb.WaaromNiet)
				b.WriteString("</strong> ")
				web.Esc(b, c.Tekst)
				b.WriteString("</p>\n")
				break
			}
		}
	}
	if !geenRecht {
		p.aanvragen(b, u, lb)
	}
	if !u.Grondslag.Leeg() {
		b.WriteString(`<p class="utrecht-paragraph utrecht-paragraph--small zeker-bron">`)
		web.Esc(b, lb.Bron)
		b.WriteString(": ")
		schrijfBron(b, &u.Grondslag)
		b.WriteString("</p>\n")
	}

	b.WriteString(`<details class="zeker-details"><summary>`)
	web.Esc(b, lb.Details)
	b.WriteString("</summary>\n<h4 class=\"utrecht-heading-4\">")
	web.Esc(b, lb.Waarom)
	b.WriteString("</h4>\n" + `<ul class="utrecht-unordered-list zeker-criteria">`)
	for i := range u.Criteria {
		c := &u.Criteria[i]
		b.WriteString(`<li class="utrecht-unordered-list__item zeker-criterium--`)
		web.Esc(b, c.Uitkomst)
		b.WriteString(`">`)
		p.criteriumTekst(b, c, lb)
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n")
	if !geenRecht {
		par("", u.BedragUitleg)
	}
	par("", u.Uitleg)
	if !geenRecht {
		a := &u.Aanvragen
		b.WriteString(`<h4 class="utrecht-heading-4">`)
		web.Esc(b, lb.Doen)
		b.WriteString("</h4>\n" + `<ul class="utrecht-unordered-list">`)
		if u.Ambtshalve {
			li(b, lb.Ambtshalve)
		}
		if len(a.Documenten) > 0 {
			b.WriteString(`<li class="utrecht-unordered-list__item">`)
			web.Esc(b, lb.Documenten)
			b.WriteString(`<ul class="utrecht-unordered-list">`)
			for _, d := range a.Documenten {
				li(b, d)
			}
			b.WriteString("</ul></li>")
		} else if a.Toelichting == "" {
			// An empty list is what the pack knows, not "no papers": only the national
			// regelingen say that none are needed (their label).
			li(b, lb.GeenDocumenten)
		}
		if a.Beslistermijn != "" {
			li(b, l.T("resultaat.beslistermijn", "termijn", a.Beslistermijn))
		}
		if a.Toelichting != "" {
			li(b, a.Toelichting)
		}
		b.WriteString("</ul>\n")
	}
	if !u.Grondslag.Leeg() {
		b.WriteString(`<p class="utrecht-paragraph utrecht-paragraph--small">`)
		web.Esc(b, lb.Grondslag)
		b.WriteString(": ")
		web.Esc(b, u.Grondslag.Tekst)
		if u.Grondslag.Sectie != "" {
			b.WriteString(", ")
			web.Esc(b, u.Grondslag.Sectie)
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</details>\n</article>\n")
}

// uitvoerder names who carries out u: the partner that runs it (its name from the partner entity), the
// pack's executing organisation, or the gemeente by its name when the pack says "gemeente" or nothing.
func (p *resultaatPagina) uitvoerder(u *regels.Uitkomst) string {
	if pc, ok := p.partners[u.Aanvragen.Partner]; ok && pc.Naam != "" {
		return pc.Naam
	}
	if u.Uitvoerder == "" || strings.EqualFold(u.Uitvoerder, "gemeente") {
		if p.uitvoerderGemeente == "" {
			p.uitvoerderGemeente = p.l.T("resultaat.uitvoerder.gemeente", "gemeente", p.gemeente.Naam)
		}
		return p.uitvoerderGemeente
	}
	return u.Uitvoerder
}

// aanvragen writes "where to apply": the executing organisation with the pack's application link (the
// real page, "Naar de aanvraag"), or via an intermediary; for a scheme a partner runs, the partner's
// phone, address, opening hours and website where known (the gemeente's own contact is at the end of
// the page, from the tenant).
func (p *resultaatPagina) aanvragen(b *bytes.Buffer, u *regels.Uitkomst, lb *resultaatLabels) {
	a := &u.Aanvragen
	b.WriteString(`<p class="utrecht-paragraph zeker-doen"><strong>`)
	web.Esc(b, lb.Aanvragen)
	b.WriteString("</strong> ")
	if a.AlleenViaIntermediair {
		web.Esc(b, lb.ViaIntermediair)
	} else {
		web.Esc(b, lb.AanvragenBij[0])
		web.Esc(b, p.uitvoerder(u))
		web.Esc(b, lb.AanvragenBij[1])
	}
	if veiligeURL(a.Link) {
		b.WriteString(` <a class="utrecht-link utrecht-link--html-a" href="`)
		web.EscURL(b, a.Link)
		b.WriteString(`" rel="noreferrer">`)
		web.Esc(b, lb.AanvraagLink)
		b.WriteString("</a>")
	}
	b.WriteString("</p>\n")
	if pc, ok := p.partners[a.Partner]; ok {
		p.partnerContact(b, &pc, lb)
	}
}

// partnerContact writes a partner's contact as a short list; nothing when nothing is known.
func (p *resultaatPagina) partnerContact(b *bytes.Buffer, pc *PartnerContact, lb *resultaatLabels) {
	if pc.Telefoon == "" && pc.Adres == "" && pc.Website == "" && len(pc.Open) == 0 {
		return
	}
	b.WriteString(`<ul class="utrecht-unordered-list zeker-partner">`)
	if pc.Telefoon != "" {
		b.WriteString(`<li class="utrecht-unordered-list__item">`)
		web.Esc(b, lb.Telefoon)
		b.WriteString(`: <a class="utrecht-link utrecht-link--html-a utrecht-link--telephone" href="tel:`)
		web.EscURL(b, pc.Telefoon)
		b.WriteString(`">`)
		web.Esc(b, pc.Telefoon)
		b.WriteString("</a></li>")
	}
	if pc.Adres != "" {
		b.WriteString(`<li class="utrecht-unordered-list__item">`)
		web.Esc(b, lb.Adres)
		b.WriteString(": ")
		web.Esc(b, pc.Adres)
		b.WriteString("</li>")
	}
	if open := openingstijdenTekst(pc.Open, p.l); open != "" {
		b.WriteString(`<li class="utrecht-unordered-list__item">`)
		web.Esc(b, lb.Openingstijden)
		b.WriteString(": ")
		web.Esc(b, open)
		b.WriteString("</li>")
	}
	if veiligeURL(pc.Website) {
		b.WriteString(`<li class="utrecht-unordered-list__item">`)
		web.Esc(b, lb.Website)
		b.WriteString(`: <a class="utrecht-link utrecht-link--html-a" href="`)
		web.EscURL(b, pc.Website)
		b.WriteString(`" rel="noreferrer">`)
		web.Esc(b, pc.Website)
		b.WriteString("</a></li>")
	}
	b.WriteString("</ul>\n")
}

// zinStap maps the engine's sentences that call a fact of the resident unknown to the step that asks
// the fact (the keys of internal/regels/teksten).
var zinStap = map[string]string{
	"leeftijd.onbekend": stapLeeftijd, "kinderen.onbekend": stapLeeftijd,
	"inkomen.onbekend": stapInkomen, "toetsingsinkomen.onbekend": stapInkomen,
	"vermogen.onbekend": stapVermogen,
	"ontvangt.onbekend": stapOntvangt, "ontvangt.sinds_onbekend": stapOntvangt, "laag_inkomen.onbekend": stapOntvangt,
	"schuldsanering.onbekend": stapSituatie, "student.onbekend": stapSituatie,
	"huurtoeslag.wonen.onbekend": stapWonen, "huurtoeslag.huur.onbekend": stapWonen,
	"kwijtschelding.vermogen.premie": stapZorgpremie,
}

// gevraagd reports whether the question behind the unknown-fact sentence key was on screen.
func (a *Antwoorden) gevraagd(key, stap string) bool {
	if !a.beantwoord(stap) {
		return false
	}
	switch key {
	case "ontvangt.onbekend":
		return a.Gevraagd&gvOntvangt != 0
	case "laag_inkomen.onbekend", "ontvangt.sinds_onbekend":
		return a.Gevraagd&gvLaag != 0
	case "student.onbekend":
		return a.Gevraagd&gvStudent != 0
	case "schuldsanering.onbekend":
		return a.Gevraagd&gvSchuld != 0
	}
	return true
}

func heeftOnbekendeZin(c *regels.Criterium) bool {
	for i := range c.Zinnen {
		if _, ok := zinStap[c.Zinnen[i].Sleutel.String()]; ok {
			return true
		}
	}
	for i := range c.Sub {
		if heeftOnbekendeZin(&c.Sub[i]) {
			return true
		}
	}
	return false
}

// criteriumTekst writes a criterion's sentences. A sentence that calls a fact of the resident
// unknown links to the step that asks it ("Antwoord veranderen" after "Ik weet het niet"); when the
// question was never on screen, the sentence is replaced by the offer to ask it — a result never
// blames a question that was not asked. een_van lists its alternatives, each once.
func (p *resultaatPagina) criteriumTekst(b *bytes.Buffer, c *regels.Criterium, lb *resultaatLabels) {
	if p.teksten == nil || (len(c.Sub) == 0 && !heeftOnbekendeZin(c)) {
		web.Esc(b, c.Tekst) // the fast path: the engine's own wording
		return
	}
	p.criteriumZinnen(b, c, lb, regels.Weergave{Taal: p.l.Code, Intermediair: p.ander})
}

func (p *resultaatPagina) criteriumZinnen(b *bytes.Buffer, c *regels.Criterium, lb *resultaatLabels, w regels.Weergave) {
	zs := c.Zinnen
	if len(c.Sub) > 0 && len(zs) > 0 {
		// The alternatives of een_van, each text once; an alternative without words is left out,
		// and without any the heading sentence goes too.
		var gezien []string
		var subs []*regels.Criterium
		for i := range c.Sub {
			t := p.woorderVoor(w).Criterium(&c.Sub[i])
			if t == "" || slices.Contains(gezien, t) {
				continue
			}
			gezien = append(gezien, t)
			subs = append(subs, &c.Sub[i])
		}
		if len(subs) > 0 {
			p.zinnen(b, zs[:1], w, lb)
			b.WriteString(`<ul class="utrecht-unordered-list">`)
			for _, sub := range subs {
				b.WriteString(`<li class="utrecht-unordered-list__item">`)
				b.WriteString(triTekenWeb(sub.Oordeel))
				b.WriteString(" ")
				p.criteriumZinnen(b, sub, lb, w)
				b.WriteString("</li>")
			}
			b.WriteString("</ul>")
		}
		zs = zs[1:]
	}
	p.zinnen(b, zs, w, lb)
}

// openTekst writes what is still open in one criterion for the short block: the resident's unknown
// facts with their steps; a term only the gemeente knows is one plain line (the reasons, with the
// legal terms, are in the folded details). It reports whether it wrote anything.
func (p *resultaatPagina) openTekst(b *bytes.Buffer, c *regels.Criterium, lb *resultaatLabels, gemeenteGezegd *bool) bool {
	var zs []regels.Zin
	verzamel(c, &zs)
	if len(zs) > 0 && p.teksten != nil {
		b.WriteString(`<li class="utrecht-unordered-list__item">`)
		p.zinnen(b, zs, regels.Weergave{Taal: p.l.Code, Intermediair: p.ander}, lb)
		b.WriteString("</li>")
		return true
	}
	if *gemeenteGezegd {
		return false
	}
	*gemeenteGezegd = true
	b.WriteString(`<li class="utrecht-unordered-list__item">`)
	web.Esc(b, p.l.T("resultaat.open.gemeente"))
	b.WriteString("</li>")
	return true
}

// verzamel appends the unknown-fact sentences of c and its alternatives.
func verzamel(c *regels.Criterium, zs *[]regels.Zin) {
	for _, z := range c.Zinnen {
		if _, ok := zinStap[z.Sleutel.String()]; ok && !slices.ContainsFunc(*zs, func(y regels.Zin) bool { return y.Sleutel == z.Sleutel }) {
			*zs = append(*zs, z)
		}
	}
	for i := range c.Sub {
		verzamel(&c.Sub[i], zs)
	}
}

// woorderVoor is the page's Woorder (every call on a page passes the page's language and voice).
func (p *resultaatPagina) woorderVoor(w regels.Weergave) *regels.Woorder {
	if p.woorder == nil {
		p.woorder = p.teksten.Woorder(w)
	}
	return p.woorder
}

// zinnen words sentences one by one, the unknown-fact ones with their step (criteriumTekst).
func (p *resultaatPagina) zinnen(b *bytes.Buffer, zs []regels.Zin, w regels.Weergave, lb *resultaatLabels) {
	for i := range zs {
		if i > 0 {
			b.WriteString(" ")
		}
		key := zs[i].Sleutel.String()
		stap, onbekend := zinStap[key]
		if !onbekend {
			web.Esc(b, p.woorderVoor(w).Zinnen(zs[i:i+1]))
			continue
		}
		b.WriteString(`<span class="zeker-onbekend" data-stap="`)
		b.WriteString(stap)
		b.WriteString(`">`)
		label := lb.VraagBeantwoorden
		if p.a.gevraagd(key, stap) {
			web.Esc(b, p.woorderVoor(w).Zinnen(zs[i:i+1]))
			label = lb.AntwoordVeranderen
		} else {
			web.Esc(b, lb.NietGevraagd)
		}
		if u := p.stapURL(stap); u != "" {
			b.WriteString(` <a class="utrecht-link utrecht-link--html-a zeker-naar-stap zeker-niet-printen" href="`)
			web.EscURL(b, u)
			b.WriteString(`">`)
			web.Esc(b, label)
			b.WriteString(": ")
			web.Esc(b, p.l.T("stap."+stap+".titel"))
			b.WriteString("</a>")
		}
		b.WriteString("</span>")
	}
}

func triTekenWeb(t regels.Tri) string {
	switch t {
	case regels.Ja:
		return "✔"
	case regels.Nee:
		return "✖"
	}
	return "?"
}
