package checkweb

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
)

// schrijfOverdracht writes the hand-over sheet at the end of the intermediary's result: per regeling
// the client can probably get (✔) or may get (?), what to apply for, with which papers, where. The
// client's first name is a field of the page only: it is printed with the page and never sent — the
// field is in no form, so nothing of it reaches the server or the code.
func (p *resultaatPagina) schrijfOverdracht(b *bytes.Buffer) {
	l, lb := p.l, p.lb
	b.WriteString("\n<section class=\"zeker-overdracht\" id=\"overdracht\" aria-labelledby=\"overdracht-kop\">\n<h2 class=\"utrecht-heading-2\" id=\"overdracht-kop\">")
	web.Esc(b, l.T("overdracht.kop"))
	b.WriteString("</h2>\n<div class=\"utrecht-form-field utrecht-form-field--text zeker-clientnaam\">\n  <div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"clientnaam\">")
	web.Esc(b, l.T("overdracht.naam"))
	b.WriteString("</label></div>\n  <p class=\"utrecht-form-field-description zeker-niet-printen\" id=\"clientnaam-uitleg\">")
	web.Esc(b, l.T("overdracht.naam.uitleg"))
	b.WriteString("</p>\n  <div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox utrecht-textbox--html-input\" type=\"text\" id=\"clientnaam\" autocomplete=\"off\" maxlength=\"60\" aria-describedby=\"clientnaam-uitleg\"></div>\n</div>\n")
	b.WriteString("<div class=\"utrecht-table-container\"><table class=\"utrecht-table utrecht-table--html-table zeker-overdracht__tabel\">\n<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">")
	for _, k := range []string{"overdracht.regeling", "overdracht.papieren", "overdracht.waar"} {
		b.WriteString(`<th class="utrecht-table__header-cell" scope="col">`)
		web.Esc(b, l.T(k))
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead>\n<tbody class=\"utrecht-table__body\">\n")
	n := 0
	var recht, misschien []string // for the referral's question
	for _, g := range [2]struct {
		us []regels.Uitkomst
		lb *resultaatLabels
	}{{p.res.Regelingen, lb}, {p.landelijk, lb.Rijk}} {
		for _, o := range []regels.Oordeel{regels.Recht, regels.Onzeker} {
			for i := range g.us {
				if u := &g.us[i]; u.Oordeel == o {
					p.overdrachtRij(b, u, g.lb)
					n++
					if o == regels.Recht {
						recht = append(recht, u.Naam)
					} else {
						misschien = append(misschien, u.Naam)
					}
				}
			}
		}
	}
	if n == 0 {
		b.WriteString(`<tr class="utrecht-table__row"><td class="utrecht-table__cell" colspan="3">`)
		web.Esc(b, l.T("overdracht.niets"))
		b.WriteString("</td></tr>\n")
	}
	b.WriteString("</tbody></table></div>\n")
	// The referral form of the netwerk part, prefilled with what the check found; the kit builds the
	// address already escaped (web.VerwijzingUitCheckURL), so only the attribute is escaped here. Only a
	// logged-in partner user who may refer gets the link (p.verwijzer, check_verwijzer.go); anyone else
	// gets the way in instead of a form that would refuse them.
	verwijs := web.VerwijzingUitCheckURL(p.gemeente.Code, overdrachtVraag(recht, misschien))
	b.WriteString(`<p class="utrecht-paragraph zeker-niet-printen">`)
	switch p.verwijzer {
	case verwijzerPartner:
		b.WriteString(`<a class="utrecht-link utrecht-link--html-a" id="verwijs-link" href="`)
		web.Esc(b, verwijs)
		b.WriteString(`">`)
		web.Esc(b, l.T("overdracht.verwijs"))
		b.WriteString(`</a>`)
	case verwijzerGemeente:
		web.Esc(b, l.T("overdracht.verwijs.gemeente"))
	default:
		b.WriteString(`<a class="utrecht-link utrecht-link--html-a" id="verwijs-login" href="`)
		web.Esc(b, "/login?terug="+url.QueryEscape(verwijs))
		b.WriteString(`">`)
		web.Esc(b, l.T("overdracht.verwijs.login"))
		b.WriteString(`</a>`)
	}
	b.WriteString("</p>\n</section>\n")
}

// overdrachtVraag is the question a referral from the check starts with, in Dutch for the receiving
// staff: the regelingen the client can probably (recht) or may (misschien) get. No name, no BSN.
func overdrachtVraag(recht, misschien []string) string {
	v := "Uit de check van Zeker."
	if len(recht) > 0 {
		v += " Waarschijnlijk aan te vragen: " + strings.Join(recht, ", ") + "."
	}
	if len(misschien) > 0 {
		v += " Misschien, nog na te gaan: " + strings.Join(misschien, ", ") + "."
	}
	if len(recht)+len(misschien) == 0 {
		v += " Er is nu niets om aan te vragen."
	}
	return v
}

func (p *resultaatPagina) overdrachtRij(b *bytes.Buffer, u *regels.Uitkomst, lb *resultaatLabels) {
	teken := "✔"
	if u.Oordeel == regels.Onzeker {
		teken = "?"
	}
	b.WriteString(`<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">`)
	b.WriteString(teken)
	b.WriteString(" ")
	web.Esc(b, u.Naam)
	if u.Bedrag != nil {
		b.WriteString("<br>")
		p.bedragMetPeriode(b, u, lb)
	}
	b.WriteString(`</th><td class="utrecht-table__cell">`)
	a := &u.Aanvragen
	switch {
	case len(a.Documenten) > 0:
		for i, d := range a.Documenten {
			if i > 0 {
				b.WriteString("; ")
			}
			web.Esc(b, d)
		}
	case lb == p.lb.Rijk:
		web.Esc(b, lb.GeenDocumenten)
	default:
		web.Esc(b, p.l.T("overdracht.papieren.onbekend"))
	}
	b.WriteString(`</td><td class="utrecht-table__cell">`)
	if a.AlleenViaIntermediair {
		web.Esc(b, lb.ViaIntermediair)
	} else {
		uitvoerder := p.uitvoerder(u)
		web.Esc(b, uitvoerder)
	}
	if veiligeURL(a.Link) {
		b.WriteString(` <a class="utrecht-link utrecht-link--html-a" href="`)
		web.EscURL(b, a.Link)
		b.WriteString(`" rel="noreferrer">`)
		web.Esc(b, lb.AanvraagLink)
		b.WriteString("</a>")
	}
	if pc, ok := p.partners[a.Partner]; ok {
		if pc.Telefoon != "" {
			b.WriteString(" ")
			web.Esc(b, lb.Telefoon)
			b.WriteString(" ")
			web.Esc(b, pc.Telefoon)
		}
		if veiligeURL(pc.Website) && pc.Website != a.Link {
			b.WriteString(` <a class="utrecht-link utrecht-link--html-a" href="`)
			web.EscURL(b, pc.Website)
			b.WriteString(`" rel="noreferrer">`)
			web.Esc(b, pc.Website)
			b.WriteString("</a>")
		}
	}
	b.WriteString("</td></tr>\n")
}
