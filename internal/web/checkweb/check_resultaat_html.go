package checkweb

import (
	"bytes"
	"strings"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

// The result page is written here in Go instead of with html/template: it is the hot path of the check
// (the load target is p99 ≤ 50 ms at 100 concurrent clients), and html/template pays a reflective call
// and an escaper for every value, hundreds per page. The layout around it comes from base.html through
// a skelet (skelet.go). The rule: every text goes through web.Esc, every URL through web.EscURL, and
// links to outside must be http(s); everything else written here is a constant.
//
// The page reads top down: the overview (#overzicht, check_overzicht.go: what you can get with the
// total per month, what may be possible and the one question that settles most of it, what to do
// first), then one short block per regeling (its amount, what is still open with a link to the step
// that asks it, where to apply, one source) with the reasons and the legal terms folded in <details>,
// then the contact, the answers and, for an intermediary, the hand-over sheet (check_overdracht.go).

func veiligeURL(u string) bool {
	return len(u) > 8 && (u[:8] == "https://" || u[:7] == "http://")
}

// resultaatLabels are the fixed texts of the result page in one language and voice, looked up once at
// start-up.
type resultaatLabels struct {
	Titel, Kop, GeenAanvraag                                                   string
	TotaalGeen, TotaalUitleg                                                   string
	IntermediairKop, IntermediairUitleg                                        string
	RechtKop, OnzekerKop, OnzekerUitleg, GeenRechtKop                          string
	LandelijkKop, LandelijkUitleg                                              string
	ContactKop, Telefoon, Email, Adres, Website, Openingstijden                string
	AntwoordenKop, ActiesKop, Printen, Bewaar, Wijzig, Opnieuw, Kaart          string
	BedragOnbekend, AlleenVia, Waarom, Bron, Doen, Ambtshalve, ViaIntermediair string
	AanvraagLink, Documenten, GeenDocumenten, Grondslag, Details, Open         string
	WaaromNiet, VraagBeantwoorden, AntwoordVeranderen, NietGevraagd, Aanvragen string
	Oordeel                                                                    [3]string // per regels.Oordeel
	// AanvragenBij is "bij {uitvoerder}." split around the name: the sentence is the same for every
	// regeling of every page but the name, so it is looked up once per language and voice.
	AanvragenBij [2]string
	Periode      map[regels.Periode]string
	// Rijk are the same labels for a national regeling: the amount is worked out by the Rijk, and
	// no document goes to the gemeente.
	Rijk *resultaatLabels
}

func nieuweResultaatLabels(l *web.Taal) *resultaatLabels {
	kop, antwoorden := "resultaat.kop", "resultaat.antwoorden.kop"
	if l.Ander {
		kop, antwoorden = kop+".ander", antwoorden+".ander"
	}
	lb := &resultaatLabels{
		Titel: l.T("resultaat.titel"), Kop: l.T(kop), GeenAanvraag: l.T("resultaat.geenaanvraag"),
		TotaalGeen: l.T("resultaat.totaal.geen"), TotaalUitleg: l.T("resultaat.totaal.uitleg"),
		IntermediairKop: l.T("resultaat.intermediair.kop"), IntermediairUitleg: l.T("resultaat.intermediair.uitleg"),
		RechtKop: l.T("resultaat.recht.kop"), OnzekerKop: l.T("resultaat.onzeker.kop"), OnzekerUitleg: l.T("resultaat.onzeker.uitleg"),
		GeenRechtKop: l.T("resultaat.geenrecht.kop"), LandelijkKop: l.T("resultaat.landelijk.kop"), LandelijkUitleg: l.T("resultaat.landelijk.uitleg"),
		ContactKop: l.T("resultaat.contact.kop"), Telefoon: l.T("resultaat.contact.telefoon"), Email: l.T("resultaat.contact.email"),
		Adres: l.T("resultaat.contact.adres"), Website: l.T("resultaat.contact.website"), Openingstijden: l.T("resultaat.contact.openingstijden"),
		AntwoordenKop: l.T(antwoorden), ActiesKop: l.T("resultaat.acties.kop"), Printen: l.T("resultaat.printen"),
		Bewaar: l.T("resultaat.bewaar"), Wijzig: l.T("resultaat.wijzig"), Opnieuw: l.T("resultaat.opnieuw"), Kaart: l.T("kaart.link"),
		BedragOnbekend: l.T("resultaat.bedrag.onbekend"), AlleenVia: l.T("resultaat.alleenvia"), Waarom: l.T("resultaat.waarom"),
		Bron: l.T("resultaat.bron"), Doen: l.T("resultaat.doen"), Ambtshalve: l.T("resultaat.ambtshalve"),
		ViaIntermediair: l.T("resultaat.viaintermediair"), AanvraagLink: l.T("resultaat.aanvragen.link"),
		Documenten: l.T("resultaat.documenten"), GeenDocumenten: l.T("resultaat.geendocumenten"), Grondslag: l.T("resultaat.grondslag"),
		Details: l.T("resultaat.details"), Open: l.T("resultaat.open"), WaaromNiet: l.T("resultaat.waaromniet"),
		VraagBeantwoorden: l.T("resultaat.vraag.beantwoorden"), AntwoordVeranderen: l.T("resultaat.vraag.veranderen"),
		NietGevraagd: l.T("resultaat.vraag.nietgevraagd"), Aanvragen: l.T("resultaat.aanvragen.kort"),
		Periode: map[regels.Periode]string{},
	}
	if voor, na, ok := strings.Cut(l.T("resultaat.aanvragen", "uitvoerder", "\x00"), "\x00"); ok {
		lb.AanvragenBij = [2]string{voor, na}
	}
	lb.Oordeel[regels.Recht] = l.T("oordeel.recht")
	lb.Oordeel[regels.Onzeker] = l.T("oordeel.onzeker")
	lb.Oordeel[regels.GeenRecht] = l.T("oordeel.geenrecht")
	for _, p := range []regels.Periode{regels.Eenmalig, regels.PerJaar, regels.PerMaand, regels.PerKwartaal} {
		lb.Periode[p] = l.T("periode." + string(p))
	}
	rijk := *lb
	rijk.BedragOnbekend, rijk.GeenDocumenten = l.T("resultaat.bedrag.onbekend.rijk"), l.T("resultaat.geendocumenten.rijk")
	lb.Rijk = &rijk
	return lb
}

// resultaatPagina is what the result page shows, prepared by checkResultaat.
type resultaatPagina struct {
	l                   *web.Taal
	lb                  *resultaatLabels
	a                   *Antwoorden
	ander               bool
	res                 *regels.Resultaat
	landelijk           []regels.Uitkomst // the national regelingen, shown apart from the gemeente's
	contactTekst        string
	gemeente            tenant.Gemeente // name and contact, from the tenant register
	alleenVia           []string        // regelingen that only an intermediary can apply for, in intermediary mode
	totaal              string
	totaalOnbekend      int
	totaalNul           bool
	antwoorden          []antwoordRegel
	bewaarURL, terugURL string
	armoedevalURL       string // the resident's armoedeval (check_armoedeval.go)
	// stapURL returns the address of the step that asks stap, with every answer kept and the result
	// as the next page when nothing else is open; "" when it cannot be made.
	stapURL func(stap string) string
	teksten *regels.Teksten // words een_van's alternatives one by one
	woorder *regels.Woorder // teksten for this page's language and voice, made on first use
	// uitvoerderGemeente is "de gemeente Ommen", worded once per page (uitvoerder).
	uitvoerderGemeente string
	// partners are the contacts of the partners that run regelingen on this page, by key.
	partners map[string]PartnerContact
	// verwijzer is who reads the hand-over sheet, for its referral link (intermediary mode only).
	verwijzer verwijzer

	aanvraagActie, token string // the application form (check_aanvraag.go); "" without
}

// schrijf writes the content of the result page (what base.html puts in <main>).
func (p *resultaatPagina) schrijf(b *bytes.Buffer) {
	l, lb, g := p.l, p.lb, &p.gemeente
	b.WriteString("\n<h1 class=\"utrecht-heading-1\">")
	web.Esc(b, lb.Kop)
	b.WriteString("</h1>\n<p class=\"utrecht-paragraph\">")
	web.Esc(b, l.T("resultaat.intro", "gemeente", g.Naam))
	b.WriteString(" ")
	web.Esc(b, lb.GeenAanvraag)
	b.WriteString("</p>\n")
	p.schrijfOverzicht(b)

	if p.ander && len(p.alleenVia) > 0 {
		b.WriteString("\n<div class=\"utrecht-alert utrecht-alert--warning\">\n  <div class=\"utrecht-alert__content\">\n    <h2 class=\"utrecht-heading-2\">")
		web.Esc(b, lb.IntermediairKop)
		b.WriteString("</h2>\n    <p class=\"utrecht-paragraph\">")
		web.Esc(b, lb.IntermediairUitleg)
		b.WriteString("</p>\n    <ul class=\"utrecht-unordered-list\">")
		for _, naam := range p.alleenVia {
			li(b, naam)
		}
		b.WriteString("</ul>\n  </div>\n</div>\n")
	}

	var n [3]int
	for i := range p.res.Regelingen {
		n[p.res.Regelingen[i].Oordeel]++
	}
	groep := func(o regels.Oordeel, id, kop, uitleg string) {
		if n[o] == 0 {
			return
		}
		b.WriteString("\n<h2 class=\"utrecht-heading-2\" id=\"" + id + "\">")
		web.Esc(b, kop)
		b.WriteString("</h2>\n")
		if uitleg != "" {
			b.WriteString(`<p class="utrecht-paragraph">`)
			web.Esc(b, uitleg)
			b.WriteString("</p>\n")
		}
		for i := range p.res.Regelingen {
			if u := &p.res.Regelingen[i]; u.Oordeel == o {
				p.artikel(b, u, lb)
			}
		}
	}
	groep(regels.Recht, "kop-recht", lb.RechtKop, "")
	groep(regels.Onzeker, "kop-onzeker", lb.OnzekerKop, lb.OnzekerUitleg)
	groep(regels.GeenRecht, "kop-geenrecht", lb.GeenRechtKop, "")

	if len(p.landelijk) > 0 {
		b.WriteString("\n<h2 class=\"utrecht-heading-2\" id=\"kop-landelijk\">")
		web.Esc(b, lb.LandelijkKop)
		b.WriteString("</h2>\n<p class=\"utrecht-paragraph\">")
		web.Esc(b, lb.LandelijkUitleg)
		b.WriteString("</p>\n")
		for i := range p.landelijk {
			p.artikel(b, &p.landelijk[i], lb.Rijk)
		}
	}
	b.WriteString("\n<p class=\"utrecht-paragraph zeker-niet-printen\"><a class=\"utrecht-link utrecht-link--html-a\" id=\"armoedeval-link\" href=\"")
	web.EscURL(b, p.armoedevalURL)
	b.WriteString("\">")
	web.Esc(b, l.T("armoedeval.titel"))
	b.WriteString("</a></p>\n")

	p.schrijfContact(b)
	b.WriteString("\n<section class=\"zeker-antwoorden\" aria-labelledby=\"antwoorden-kop\">\n  <h2 class=\"utrecht-heading-2\" id=\"antwoorden-kop\">")
	web.Esc(b, lb.AntwoordenKop)
	b.WriteString("</h2>\n  ")
	schrijfAntwoorden(b, p.antwoorden)
	b.WriteString("\n</section>\n")
	if p.ander {
		p.schrijfOverdracht(b)
	}
	p.schrijfAanvraag(b)
	b.WriteString("\n<section class=\"zeker-acties zeker-niet-printen\" aria-labelledby=\"acties-kop\">\n  <h2 class=\"utrecht-heading-2\" id=\"acties-kop\">")
	web.Esc(b, lb.ActiesKop)
	b.WriteString("</h2>\n  <p class=\"utrecht-paragraph\">")
	web.Esc(b, lb.Printen)
	b.WriteString("</p>\n  <ul class=\"utrecht-unordered-list\">\n")
	link := func(href, tekst string) {
		b.WriteString(`    <li class="utrecht-unordered-list__item"><a class="utrecht-link utrecht-link--html-a" href="`)
		web.EscURL(b, href)
		b.WriteString(`">`)
		web.Esc(b, tekst)
		b.WriteString("</a></li>\n")
	}
	link(p.bewaarURL, lb.Bewaar)
	if p.terugURL != "" {
		link(p.terugURL, lb.Wijzig)
	}
	link("/?lang="+l.Code, lb.Opnieuw)
	link(web.SocialeKaartURL(p.gemeente.Code, l.Code), lb.Kaart) // the partners near the resident (netwerk)
	link(web.HulpvraagURL(p.gemeente.Code, l.Code), l.T("hulpvraag.link"))
	b.WriteString("  </ul>\n</section>\n<p class=\"utrecht-paragraph utrecht-paragraph--small zeker-bewijs\">")
	bw := &p.res.Ontvangstbewijs
	web.Esc(b, l.T("resultaat.bewijs", "datum", p.res.Peildatum, "engine", bw.EngineVersie, "hash", bw.PakketHash))
	b.WriteString("</p>\n")
}

// schrijfContact writes the gemeente's contact from the tenant register.
func (p *resultaatPagina) schrijfContact(b *bytes.Buffer) {
	lb, c := p.lb, &p.gemeente.Contact
	b.WriteString("\n<section class=\"zeker-contact utrecht-spotlight-section utrecht-spotlight-section--info\" id=\"contact\" aria-labelledby=\"contact-kop\">\n  <h2 class=\"utrecht-heading-2\" id=\"contact-kop\">")
	web.Esc(b, lb.ContactKop)
	b.WriteString("</h2>\n  <p class=\"utrecht-paragraph\">")
	web.Esc(b, p.contactTekst)
	b.WriteString("</p>\n  <ul class=\"utrecht-unordered-list\">\n")
	if c.Telefoon != "" {
		b.WriteString(`    <li class="utrecht-unordered-list__item">`)
		web.Esc(b, lb.Telefoon)
		b.WriteString(`: <a class="utrecht-link utrecht-link--html-a utrecht-link--telephone" href="tel:`)
		web.EscURL(b, c.Telefoon)
		b.WriteString(`">`)
		web.Esc(b, c.Telefoon)
		b.WriteString("</a></li>\n")
	}
	if c.Email != "" {
		b.WriteString(`    <li class="utrecht-unordered-list__item">`)
		web.Esc(b, lb.Email)
		b.WriteString(`: <a class="utrecht-link utrecht-link--html-a" href="mailto:`)
		web.EscURL(b, c.Email)
		b.WriteString(`">`)
		web.Esc(b, c.Email)
		b.WriteString("</a></li>\n")
	}
	if c.Adres != "" {
		b.WriteString(`    <li class="utrecht-unordered-list__item">`)
		web.Esc(b, lb.Adres)
		b.WriteString(": ")
		web.Esc(b, c.Adres)
		b.WriteString("</li>\n")
	}
	if c.Openingstijden != "" {
		b.WriteString(`    <li class="utrecht-unordered-list__item">`)
		web.Esc(b, lb.Openingstijden)
		b.WriteString(": ")
		web.Esc(b, c.Openingstijden)
		b.WriteString("</li>\n")
	}
	if c.Website != "" {
		b.WriteString(`    <li class="utrecht-unordered-list__item">`)
		web.Esc(b, lb.Website)
		b.WriteString(": ")
		if veiligeURL(c.Website) {
			b.WriteString(`<a class="utrecht-link utrecht-link--html-a" href="`)
			web.EscURL(b, c.Website)
			b.WriteString(`" rel="noreferrer">`)
			web.Esc(b, c.Website)
			b.WriteString("</a>")
		} else {
			web.Esc(b, c.Website)
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("  </ul>\n</section>\n")
}

// totaalZin is the one sentence with the total per month of the gemeente's and the national
// regelingen: "ongeveer" when every amount is known, "minstens" when some are not.
func (p *resultaatPagina) totaalZin() string {
	l := p.l
	switch {
	case p.totaalNul && p.totaalOnbekend == 0:
		return p.lb.TotaalGeen
	case p.totaalNul:
		return l.T("resultaat.totaal.alleenonbekend", "n", p.totaalOnbekend)
	case p.totaalOnbekend > 0:
		return l.T("resultaat.totaal.minstens", "bedrag", p.totaal)
	}
	return l.T("resultaat.totaal.ongeveer", "bedrag", p.totaal)
}

// schrijfAntwoorden writes the answers as an NL Design System data list.
func schrijfAntwoorden(b *bytes.Buffer, rs []antwoordRegel) {
	b.WriteString(`<dl class="utrecht-data-list utrecht-data-list--rows">`)
	for _, r := range rs {
		b.WriteString(`<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">`)
		web.Esc(b, r.Vraag)
		b.WriteString(`</dt><dd class="utrecht-data-list__item-value">`)
		web.Esc(b, r.Antwoord)
		b.WriteString("</dd></div>\n")
	}
	b.WriteString("</dl>")
}

func li(b *bytes.Buffer, s string) {
	b.WriteString(`<li class="utrecht-unordered-list__item">`)
	web.Esc(b, s)
	b.WriteString("</li>")
}

// bedragMetPeriode writes "€ 350 per jaar", or nothing when the amount is unknown.
func (p *resultaatPagina) bedragMetPeriode(b *bytes.Buffer, u *regels.Uitkomst, lb *resultaatLabels) bool {
	if u.Bedrag == nil {
		return false
	}
	web.Esc(b, bedragTekst(*u.Bedrag, p.l))
	b.WriteString(" ")
	web.Esc(b, lb.Periode[u.Periode])
	return true
}

// schrijfBron writes bron as one link (or text): "tekst, sectie".
func schrijfBron(b *bytes.Buffer, bron *regels.Bron) {
	link := veiligeURL(bron.URL)
	if link {
		b.WriteString(`<a class="utrecht-link utrecht-link--html-a" href="`)
		web.EscURL(b, bron.URL)
		b.WriteString(`" rel="noreferrer">`)
	}
	web.Esc(b, bron.Tekst)
	if bron.Tekst != "" && bron.Sectie != "" {
		b.WriteString(", ")
	}
	web.Esc(b, bron.Sectie)
	if bron.Tekst == "" && bron.Sectie == "" {
		switch {
		case bron.NL != "":
			b.WriteString("landelijke parameter ")
			web.Esc(b, bron.NL)
		case link:
			web.Esc(b, bron.URL)
		}
	}
	if link {
		b.WriteString("</a>")
	}
}
