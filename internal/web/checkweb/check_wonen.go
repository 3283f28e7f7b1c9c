package checkweb

import (
	"net/url"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
)

// The wonen step asks whether the household rents and the kale huur. Only the national huurtoeslag
// depends on it, so it is asked only when the huurtoeslag names regels.VraagWonen for the answers so far
// (openStappen).

// The answers of the question "Huurt u uw woning?".
const (
	wonenHuur     = string(huishouden.Huur)
	wonenKoop     = string(huishouden.Koop)
	wonenInwonend = string(huishouden.Inwonend)
	wonenWeetNiet = "weet_niet"
)

// maxHuurCent bounds the kale huur: above € 20.000 a month it is a typing error.
const maxHuurCent = 20_000_00

// wonen is the household's housing as the engine sees it.
func (a *Antwoorden) wonen() huishouden.Wonen {
	switch a.Wonen {
	case wonenHuur:
		w := huishouden.Wonen{Soort: huishouden.Huur}
		if a.Huur != nil {
			b := geld.Bedrag(*a.Huur)
			w.HuurPerMaand = &b
		}
		return w
	case wonenKoop:
		return huishouden.Wonen{Soort: huishouden.Koop}
	case wonenInwonend:
		return huishouden.Wonen{Soort: huishouden.Inwonend}
	}
	return huishouden.Wonen{}
}

// leesWonen reads the wonen step. The rent is read only for a renter; without JavaScript both
// questions are on the page, and a rent typed by someone who then chose "koop" is dropped.
func leesWonen(f url.Values, a *Antwoorden, d *stapData, l *web.Taal) {
	a.Huur = nil
	switch v := f.Get("wonen"); v {
	case wonenHuur, wonenKoop, wonenInwonend, wonenWeetNiet:
		a.Wonen = v
	default:
		a.Wonen = ""
		d.fout("wonen-huur", l.T("fout.wonen"))
		return
	}
	if a.Wonen != wonenHuur || f.Get("huur-weet-niet") == "ja" {
		return
	}
	if strings.TrimSpace(f.Get("huur")) == "" {
		d.fout("huur", l.T("fout.huur.leeg"))
		return
	}
	c, e := leesBedrag(f.Get("huur"), maxHuurCent, l)
	if e != "" {
		d.fout("huur", e)
		return
	}
	a.Huur = &c
}

// wonenWaarden fills the fields of the wonen step from earlier answers.
func wonenWaarden(a *Antwoorden, w map[string]string) {
	w["wonen"] = a.Wonen
	if a.Wonen == wonenHuur {
		if a.Huur == nil {
			w["huur-weet-niet"] = "ja"
		} else {
			w["huur"] = bedragInvoer(*a.Huur)
		}
	}
}

// landelijkeUitkomsten returns the national regelingen (zorgtoeslag, huurtoeslag, kindgebonden
// budget, kinderbijslag) for all the answers, in the page's language and voice: Resultaat.Landelijk of
// the one evaluation. On an error (answers that do not make a household) it logs and returns nil.
func (s *server) landelijkeUitkomsten(a *Antwoorden, l *web.Taal) []regels.Uitkomst {
	res, err := s.evalueer(a, alleAntwoorden, l)
	if err != nil {
		s.kit.Log().Warn("check: landelijke regelingen niet bepaald", "fout", err)
		return nil
	}
	return res.Landelijk
}

// woonAntwoorden gives the lines "Wonen" and "Kale huur per maand" of the answers overview, when the
// wonen step was answered.
func woonAntwoorden(a *Antwoorden, l *web.Taal) []antwoordRegel {
	if !a.beantwoord(stapWonen) {
		return nil
	}
	var soort string
	switch a.Wonen {
	case wonenHuur, wonenKoop, wonenInwonend:
		soort = l.T("overzicht.wonen." + a.Wonen)
	default:
		soort = l.T("antwoord.weetniet")
	}
	out := []antwoordRegel{{l.T("overzicht.wonen"), soort}}
	if a.Wonen == wonenHuur {
		huur := l.T("antwoord.weetniet")
		if a.Huur != nil {
			huur = bedragTekst(geld.Bedrag(*a.Huur), l)
		}
		out = append(out, antwoordRegel{l.T("overzicht.huur"), huur})
	}
	return out
}
