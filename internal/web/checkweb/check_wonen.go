package checkweb

import (
	"net/url"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
)

// The wonen step asks whether the household rents and the kale huur. Only the national huurtoeslag
// indication (regels.Huurtoeslag) depends on it, so it is asked only when that indication names
// regels.VraagWonen for the answers so far.

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

// wonenGevraagd reports whether the wonen step can change an outcome, given the answers up to and
// including step tot: the huurtoeslag indication names VraagWonen. When the indication cannot be
// made (a date outside the national data), there is nothing the answer could change.
func (s *server) wonenGevraagd(a *Antwoorden, tot string) bool {
	datum := truncDag(s.nu())
	h := a.huishouden(datum, tot)
	if h.Valideer(datum) != nil {
		return true // the safe side, as openStappen does when the engine cannot evaluate
	}
	u, err := regels.Huurtoeslag(h, datum, regels.Weergave{Teksten: s.teksten})
	if err != nil {
		return false
	}
	return slices.Contains(u.Vragen, regels.VraagWonen)
}

// landelijkeUitkomsten returns the national indications for the answers at the check's reference
// date, in the page's language and voice: today only huurtoeslag. On an error (a date outside the
// national data, answers that do not make a household) it logs and returns nil, and the result page
// shows the municipal regelingen only.
func (s *server) landelijkeUitkomsten(a *Antwoorden, l *web.Taal) []regels.Uitkomst {
	datum := truncDag(s.nu())
	h := a.huishouden(datum, "")
	if err := h.Valideer(datum); err != nil {
		s.kit.Log().Warn("check: huurtoeslag: antwoorden geven geen geldig huishouden", "fout", err)
		return nil
	}
	u, err := regels.Huurtoeslag(h, datum, regels.Weergave{Taal: l.Code, Intermediair: a.Ander, Teksten: s.teksten})
	if err != nil {
		s.kit.Log().Warn("check: huurtoeslag niet bepaald", "datum", datum.Format("2006-01-02"), "fout", err)
		return nil
	}
	return []regels.Uitkomst{u}
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
