package checkweb

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

// checkResultaat shows, per regeling, ✔ / ? / ✖ with the reason, the amount and what to do. The page is
// also the printable summary and, in intermediary mode, the hand-over summary. It is written without
// html/template (check_resultaat_html.go, skelet.go): it is the hot path of the check.
func (s *server) checkResultaat(w http.ResponseWriter, r *http.Request) {
	t := r.URL.Query().Get("t")
	// The tenant is read once per page, here, and passed on.
	a, g, err := s.leesTokenMetGemeente(r.Context(), t)
	if err != nil {
		s.tokenFout(w, r, err)
		return
	}
	l := s.kit.Taal(r, a.Ander)
	for _, st := range []string{stapHuishouden, stapLeeftijd, stapInkomen} {
		if !a.beantwoord(st) {
			http.Redirect(w, r, "/check/stap?"+url.Values{"t": {t}, "lang": {l.Code}}.Encode(), http.StatusSeeOther)
			return
		}
	}
	res, err := s.evalueer(a, alleAntwoorden, l)
	if err != nil {
		s.kit.Log().Warn("check: evaluatie", "err", err)
		s.fout(w, r, http.StatusBadRequest, "fout.code")
		return
	}
	sleutel := labelSleutel{l.Code, l.Ander}
	sk, lb := s.kit.Skelet(l), s.labels[sleutel]
	if sk == nil || lb == nil {
		s.kit.Log().Error("check: geen layout voor taal", "taal", l.Code)
		s.fout(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	p := &resultaatPagina{l: l, lb: lb, a: a, ander: a.Ander, res: res, gemeente: g, contactTekst: g.Contact.Tekst, teksten: s.woorden}
	stapURLs := map[string]string{}
	p.stapURL = func(stap string) string {
		if u, ok := stapURLs[stap]; ok {
			return u
		}
		u := s.stapURL(a, stap, l)
		stapURLs[stap] = u
		return u
	}
	if l.Code != "nl" && g.Contact.TekstEN != "" {
		p.contactTekst = g.Contact.TekstEN
	}
	if a.Ander {
		p.verwijzer = s.verwijzerVan(r, g.Code)
		for i := range res.Regelingen {
			if u := &res.Regelingen[i]; u.Aanvragen.AlleenViaIntermediair && u.Oordeel != regels.GeenRecht {
				p.alleenVia = append(p.alleenVia, u.Naam)
			}
		}
	}
	p.landelijk = res.Landelijk
	p.partners = s.partnerContacten(r.Context(), res)
	tot, onb := res.TotaalPerMaand()
	p.totaal, p.totaalOnbekend, p.totaalNul = bedragTekst(tot, l), onb, tot == 0
	p.antwoorden = s.antwoordOverzicht(a, g, l)
	// The token is base64url (leesToken decoded it); QueryEscape keeps it as it is.
	qt := url.QueryEscape(t)
	p.bewaarURL = "/check/bewaar?lang=" + l.Code + "&t=" + qt
	p.armoedevalURL = "/check/armoedeval?lang=" + l.Code + "&t=" + qt
	if s.cfg.AanvraagActie != "" {
		p.aanvraagActie, p.token = s.cfg.AanvraagActie, t
	}
	// Changing an answer resumes at the last step shown, with every answer kept.
	if len(a.Pad) > 0 {
		b := *a
		b.Huidig, b.Pad = a.Pad[len(a.Pad)-1], a.Pad[:len(a.Pad)-1]
		if tt, err := s.token.seal(&b); err == nil {
			p.terugURL = "/check/stap?lang=" + l.Code + "&t=" + url.QueryEscape(tt)
		}
	}
	buf := s.kit.Buffer()
	defer s.kit.PutBuffer(buf)
	sk.Schrijf(buf, &web.SkeletWaarden{
		Thema:       web.ThemaKlasse(a.Gemeente),
		VoetContact: s.voetContactVan(r.Context(), l, g),
		Titel:       lb.Titel,
		TaalURL:     func(code string) string { return "/check/resultaat?lang=" + code + "&t=" + qt },
		Inhoud:      p.schrijf,
	})
	s.kit.StuurPagina(w, http.StatusOK, buf)
}

// partnerContacten looks up, once per page, the partners that run the regelingen shown with a way to
// apply (not ✖); nil when there are none.
func (s *server) partnerContacten(ctx context.Context, res *regels.Resultaat) map[string]PartnerContact {
	if s.partners == nil {
		return nil
	}
	var m map[string]PartnerContact
	for i := range res.Regelingen {
		u := &res.Regelingen[i]
		k := u.Aanvragen.Partner
		if k == "" || u.Oordeel == regels.GeenRecht {
			continue
		}
		if _, ok := m[k]; ok {
			continue
		}
		if pc, ok := s.partners.PartnerContact(ctx, k); ok {
			if m == nil {
				m = map[string]PartnerContact{}
			}
			m[k] = pc
		}
	}
	return m
}

// stapURL is the address of step stap for the answers a: every answer kept, the step shown with its
// earlier answer, and after it the steps still open, then the result. "" when the code cannot be made.
func (s *server) stapURL(a *Antwoorden, stap string, l *web.Taal) string {
	b := *a
	b.Huidig = stap
	b.Pad = slices.DeleteFunc(slices.Clone(a.Pad), func(x string) bool { return x == stap })
	t, err := s.token.seal(&b)
	if err != nil {
		return ""
	}
	return "/check/stap?lang=" + l.Code + "&t=" + url.QueryEscape(t)
}

type antwoordRegel struct{ Vraag, Antwoord string }

// labelSleutel picks the prepared labels of a language and voice.
type labelSleutel struct {
	taal  string
	ander bool
}

func bedragTekst(b geld.Bedrag, l *web.Taal) string {
	if l.Code == "en" {
		return b.English()
	}
	return b.Kort()
}

// antwoordOverzicht lists the answers in words, for the summary and the hand-over; g is the gemeente
// of a.
func (s *server) antwoordOverzicht(a *Antwoorden, g tenant.Gemeente, l *web.Taal) []antwoordRegel {
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
	datum := truncDag(s.nu())
	ink := func(i Ink, geb string) string {
		if i.Onbekend {
			return l.T("antwoord.weetniet")
		}
		if len(i.Regels) == 0 {
			return l.T("soort.geen")
		}
		netto, ok := s.nettoInkomen(a, i, geb, datum)
		txt := ""
		for j, r := range i.Regels {
			if j > 0 {
				txt += "; "
			}
			txt += l.T("soort."+r.Soort) + ": " + bedragTekst(geld.Bedrag(r.Cent), l)
			if a.Bruto && ok && j < len(netto.Regels) {
				txt += " " + l.T("overzicht.basis.bruto", "netto", bedragTekst(geld.Bedrag(netto.Regels[j].Cent), l))
			}
		}
		return txt
	}
	out = append(out, antwoordRegel{l.T("overzicht.inkomen"), ink(a.InkAanvrager, a.GebAanvrager)})
	if a.Partner {
		out = append(out, antwoordRegel{l.T("overzicht.inkomen.partner"), ink(a.InkPartner, a.GebPartner)})
	}
	if a.beantwoord(stapVermogen) {
		v := l.T("antwoord.weetniet")
		if a.Vermogen != nil {
			v = bedragTekst(geld.Bedrag(*a.Vermogen), l)
		}
		out = append(out, antwoordRegel{l.T("overzicht.vermogen"), v})
	}
	out = append(out, woonAntwoorden(a, l)...)
	out = append(out, zorgpremieAntwoord(a, l)...)
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
