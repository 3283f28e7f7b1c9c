package web

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
)

// uitkomstView is one regeling as the result page shows it. Every text is prepared here, in Go, so
// the template only prints fields: the result page is the hot path of the check.
type uitkomstView struct {
	ID, Naam, Omschrijving, Uitleg                   string
	Teken, Klasse, Oordeel, OordeelTekst             string
	GeenRecht, AlleenVia, Ambtshalve                 bool
	BedragTekst, PeriodeTekst, AflossingTekst        string
	BedragUitleg                                     string
	AanvragenTekst, Link, Beslistermijn, Toelichting string
	Documenten                                       []string
	Grondslag                                        string
	Criteria                                         []criteriumView
}

type criteriumView struct{ Uitkomst, Tekst, Bron string }

// resultaatLabels are the fixed texts of the result page in one language and voice.
type resultaatLabels struct {
	BedragOnbekend, AlleenVia, Waarom, Bron, Doen, Ambtshalve, ViaIntermediair string
	AanvraagLink, Documenten, GeenDocumenten, Grondslag                        string
}

func nieuweResultaatLabels(l *Taal) *resultaatLabels {
	return &resultaatLabels{
		BedragOnbekend: l.T("resultaat.bedrag.onbekend"), AlleenVia: l.T("resultaat.alleenvia"), Waarom: l.T("resultaat.waarom"),
		Bron: l.T("resultaat.bron"), Doen: l.T("resultaat.doen"), Ambtshalve: l.T("resultaat.ambtshalve"),
		ViaIntermediair: l.T("resultaat.viaintermediair"), AanvraagLink: l.T("resultaat.aanvragen.link"),
		Documenten: l.T("resultaat.documenten"), GeenDocumenten: l.T("resultaat.geendocumenten"), Grondslag: l.T("resultaat.grondslag"),
	}
}

func nieuweUitkomstView(u *regels.Uitkomst, l *Taal) uitkomstView {
	v := uitkomstView{
		ID: u.ID, Naam: u.Naam, Omschrijving: u.Omschrijving, Uitleg: u.Uitleg, Oordeel: u.Oordeel.String(),
		GeenRecht: u.Oordeel == regels.GeenRecht, AlleenVia: u.Aanvragen.AlleenViaIntermediair, Ambtshalve: u.Ambtshalve,
		BedragUitleg: u.BedragUitleg, Link: u.Aanvragen.Link, Documenten: u.Aanvragen.Documenten,
		Toelichting: u.Aanvragen.Toelichting, Grondslag: u.Grondslag.String(),
	}
	v.OordeelTekst = l.T("oordeel." + map[regels.Oordeel]string{regels.Recht: "recht", regels.GeenRecht: "geenrecht", regels.Onzeker: "onzeker"}[u.Oordeel])
	if u.Bedrag != nil {
		v.BedragTekst = bedragTekst(*u.Bedrag, l)
	}
	if u.Periode != "" {
		v.PeriodeTekst = l.T("periode." + string(u.Periode))
	}
	if u.Lening != nil && u.Lening.AflossingPerMaand != nil && u.BedragUitleg == "" {
		v.AflossingTekst = l.T("resultaat.aflossing", "bedrag", bedragTekst(*u.Lening.AflossingPerMaand, l))
	}
	uitvoerder := u.Uitvoerder
	if uitvoerder == "" {
		uitvoerder = "gemeente"
	}
	v.AanvragenTekst = l.T("resultaat.aanvragen", "uitvoerder", uitvoerder)
	if u.Aanvragen.Beslistermijn != "" {
		v.Beslistermijn = l.T("resultaat.beslistermijn", "termijn", u.Aanvragen.Beslistermijn)
	}
	switch u.Oordeel {
	case regels.Recht:
		v.Teken, v.Klasse = "✔", "ok"
	case regels.Onzeker:
		v.Teken, v.Klasse = "?", "onzeker"
	default:
		v.Teken, v.Klasse = "✖", "nee"
	}
	v.Criteria = make([]criteriumView, len(u.Criteria))
	for i, c := range u.Criteria {
		v.Criteria[i] = criteriumView{Uitkomst: c.Uitkomst, Tekst: c.Tekst, Bron: c.Bron.String()}
	}
	return v
}

type antwoordRegel struct{ Vraag, Antwoord string }

type resultaatData struct {
	pagina
	Gemeente       regels.Gemeente
	ContactTekst   string
	Recht          []uitkomstView
	Onzeker        []uitkomstView
	GeenRecht      []uitkomstView
	RechtHTML      template.HTML // the articles of each group, rendered by schrijfArtikel
	OnzekerHTML    template.HTML
	GeenRechtHTML  template.HTML
	Totaal         string
	TotaalOnbekend int
	TotaalNul      bool
	Antwoorden     []antwoordRegel
	AntwoordenHTML template.HTML
	Ander          bool
	AlleenVia      []string
	Token          string
	BewaarURL      string
	TerugURL       string
	Bewijs         regels.Ontvangstbewijs
	Peildatum      string
	Lb             *resultaatLabels
}

// checkResultaat shows, per regeling, ✔ / ? / ✖ with the reason, the amount and what to do. The page is
// also the printable summary and, in intermediary mode, the hand-over summary.
func (s *Server) checkResultaat(w http.ResponseWriter, r *http.Request) {
	t := r.URL.Query().Get("t")
	a, err := s.leesToken(t)
	if err != nil {
		s.tokenFout(w, r, err)
		return
	}
	l := s.taal(r, a.Ander)
	for _, st := range []string{stapHuishouden, stapLeeftijd, stapInkomen} {
		if !a.beantwoord(st) {
			http.Redirect(w, r, "/check/stap?"+url.Values{"t": {t}, "lang": {l.Code}}.Encode(), http.StatusSeeOther)
			return
		}
	}
	res, err := s.evalueer(a, "", l)
	if err != nil {
		s.log.Warn("check: evaluatie", "err", err)
		s.foutPagina(w, r, http.StatusBadRequest, "fout.code")
		return
	}
	d := &resultaatData{Gemeente: res.Gemeente, Ander: a.Ander, Token: t, Bewijs: res.Ontvangstbewijs, Peildatum: res.Peildatum}
	d.Thema = themaKlasse(a.Gemeente)
	d.ContactTekst = res.Gemeente.Contact.Tekst
	if l.Code != "nl" && res.Gemeente.Contact.TekstEN != "" {
		d.ContactTekst = res.Gemeente.Contact.TekstEN
	}
	d.Lb = s.labels[labelSleutel{l.Code, a.Ander}]
	if d.Lb == nil {
		d.Lb = nieuweResultaatLabels(l)
	}
	// One buffer per group, sized for its articles, instead of a growing buffer per regeling.
	var recht, onzeker, geenRecht strings.Builder
	var n [3]int
	for i := range res.Regelingen {
		n[res.Regelingen[i].Oordeel]++
	}
	const perArtikel = 3 << 10 // a typical article with its criteria and sources
	recht.Grow(perArtikel * n[regels.Recht])
	onzeker.Grow(perArtikel * n[regels.Onzeker])
	geenRecht.Grow(perArtikel * n[regels.GeenRecht])
	for i := range res.Regelingen {
		u := &res.Regelingen[i]
		v := nieuweUitkomstView(u, l)
		switch u.Oordeel {
		case regels.Recht:
			v.schrijfArtikel(&recht, d.Lb, a.Ander)
			d.Recht = append(d.Recht, v)
		case regels.Onzeker:
			v.schrijfArtikel(&onzeker, d.Lb, a.Ander)
			d.Onzeker = append(d.Onzeker, v)
		default:
			v.schrijfArtikel(&geenRecht, d.Lb, a.Ander)
			d.GeenRecht = append(d.GeenRecht, v)
		}
		if u.Aanvragen.AlleenViaIntermediair && u.Oordeel != regels.GeenRecht {
			d.AlleenVia = append(d.AlleenVia, u.Naam)
		}
	}
	// Every piece schrijfArtikel writes is escaped or a constant (check_resultaat_html.go).
	d.RechtHTML, d.OnzekerHTML, d.GeenRechtHTML = template.HTML(recht.String()), template.HTML(onzeker.String()), template.HTML(geenRecht.String())
	tot, onb := res.TotaalPerJaar()
	d.Totaal, d.TotaalOnbekend, d.TotaalNul = bedragTekst(tot, l), onb, tot == 0
	d.Antwoorden = s.antwoordOverzicht(a, l)
	d.AntwoordenHTML = antwoordenHTML(d.Antwoorden)
	d.BewaarURL = "/check/bewaar?" + url.Values{"t": {t}, "lang": {l.Code}}.Encode()
	// Changing an answer resumes at the last step shown, with every answer kept.
	if len(a.Pad) > 0 {
		b := *a
		b.Huidig, b.Pad = a.Pad[len(a.Pad)-1], a.Pad[:len(a.Pad)-1]
		if tt, err := s.token.seal(&b); err == nil {
			d.TerugURL = "/check/stap?" + url.Values{"t": {tt}, "lang": {l.Code}}.Encode()
		}
	}
	s.vulPagina(&d.pagina, l, l.T("resultaat.titel"), "/check/resultaat?"+url.Values{"t": {t}}.Encode())
	s.render(w, r, http.StatusOK, "resultaat", d)
}

// labelSleutel picks the prepared labels of a language and voice.
type labelSleutel struct {
	taal  string
	ander bool
}

func bedragTekst(b geld.Bedrag, l *Taal) string {
	if l.Code == "en" {
		return b.English()
	}
	return b.Kort()
}

// antwoordOverzicht lists the answers in words, for the summary and the hand-over.
func (s *Server) antwoordOverzicht(a *Antwoorden, l *Taal) []antwoordRegel {
	g, _ := s.gemeente(a.Gemeente)
	ja, nee := l.T("antwoord.ja"), l.T("antwoord.nee")
	jn := func(b bool) string {
		if b {
			return ja
		}
		return nee
	}
	out := []antwoordRegel{{l.T("overzicht.gemeente"), g.Naam}}
	out = append(out, antwoordRegel{l.T("overzicht.partner"), jn(a.Partner)})
	out = append(out, antwoordRegel{l.T("overzicht.kinderen"), strconv.Itoa(a.Kinderen)})
	if a.Medebewoners > 0 {
		out = append(out, antwoordRegel{l.T("overzicht.medebewoners"), strconv.Itoa(a.Medebewoners)})
	}
	out = append(out, antwoordRegel{l.T("overzicht.geboortedatum"), a.GebAanvrager})
	if a.Partner {
		out = append(out, antwoordRegel{l.T("overzicht.geboortedatum.partner"), a.GebPartner})
	}
	for i, k := range a.LeeftijdKind {
		out = append(out, antwoordRegel{l.T("overzicht.kind", "n", i+1), l.T("overzicht.jaar", "n", k)})
	}
	ink := func(i Ink) string {
		if i.Onbekend {
			return l.T("antwoord.weetniet")
		}
		if len(i.Regels) == 0 {
			return l.T("soort.geen")
		}
		txt := ""
		for j, r := range i.Regels {
			if j > 0 {
				txt += "; "
			}
			txt += l.T("soort."+r.Soort) + ": " + bedragTekst(geld.Bedrag(r.Cent), l)
		}
		return txt
	}
	out = append(out, antwoordRegel{l.T("overzicht.inkomen"), ink(a.InkAanvrager)})
	if a.Partner {
		out = append(out, antwoordRegel{l.T("overzicht.inkomen.partner"), ink(a.InkPartner)})
	}
	if a.beantwoord(stapVermogen) {
		v := l.T("antwoord.weetniet")
		if a.Vermogen != nil {
			v = bedragTekst(geld.Bedrag(*a.Vermogen), l)
		}
		out = append(out, antwoordRegel{l.T("overzicht.vermogen"), v})
	}
	if a.beantwoord(stapOntvangt) {
		v := l.T("antwoord.geen")
		if len(a.Ontvangt) > 0 {
			v = ""
			for i, o := range a.Ontvangt {
				if i > 0 {
					v += ", "
				}
				v += o
			}
		}
		out = append(out, antwoordRegel{l.T("overzicht.ontvangt"), v})
		j := l.T("antwoord.weetniet")
		if a.LaagJaren != nil {
			j = l.T("overzicht.jaar", "n", *a.LaagJaren)
		}
		out = append(out, antwoordRegel{l.T("overzicht.laag"), j})
	}
	if a.beantwoord(stapSituatie) {
		if a.Student != nil {
			out = append(out, antwoordRegel{l.T("overzicht.student"), jn(*a.Student)})
		}
		v := l.T("antwoord.weetniet")
		if a.Schuld != nil {
			v = jn(*a.Schuld)
		}
		out = append(out, antwoordRegel{l.T("overzicht.schuld"), v})
	}
	return slices.Clip(out)
}
