package checkweb

import (
	"net/url"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/web"
)

// The zorgpremie step asks the household's health insurance premium per month. Only kwijtschelding's
// asset test uses it, and the engine names regels.VraagZorgpremie only when the premium can settle that
// test (the balance is above the most allowed with a premium at or below the normpremie), so the step
// is asked only then (openStappen). "Ik weet het niet" leaves it unknown.

// maxZorgpremieCent bounds the premium: above € 2.000 a month for a household it is a typing error.
const maxZorgpremieCent = 2_000_00

// leesZorgpremie reads the zorgpremie step.
func leesZorgpremie(f url.Values, a *Antwoorden, d *stapData, l *web.Taal) {
	a.Zorgpremie = nil
	if f.Get("zorgpremie-weet-niet") == "ja" {
		return
	}
	if strings.TrimSpace(f.Get("zorgpremie")) == "" {
		d.fout("zorgpremie", l.T("fout.zorgpremie.leeg"))
		return
	}
	c, e := leesBedrag(f.Get("zorgpremie"), maxZorgpremieCent, l)
	if e != "" {
		d.fout("zorgpremie", e)
		return
	}
	a.Zorgpremie = &c
}

// zorgpremieWaarden fills the field of the zorgpremie step from an earlier answer.
func zorgpremieWaarden(a *Antwoorden, w map[string]string) {
	if a.Zorgpremie == nil {
		w["zorgpremie-weet-niet"] = "ja"
	} else {
		w["zorgpremie"] = bedragInvoer(*a.Zorgpremie)
	}
}

// zorgpremieAntwoord gives the line "Zorgpremie per maand" of the answers overview, when the step was
// answered.
func zorgpremieAntwoord(a *Antwoorden, l *web.Taal) []antwoordRegel {
	if !a.beantwoord(stapZorgpremie) {
		return nil
	}
	v := l.T("antwoord.weetniet")
	if a.Zorgpremie != nil {
		v = bedragTekst(geld.Bedrag(*a.Zorgpremie), l)
	}
	return []antwoordRegel{{l.T("overzicht.zorgpremie"), v}}
}
