package regels

import (
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
)

// Kwijtschelding's asset test (nl-parameters §5; Uitvoeringsregeling Invorderingswet 1990, Leidraad
// Invordering 2008), the condition `kwijtschelding_vermogen`. The bank balance may be at most one month's
// costs of living (90–100% of the bijstandsnorm, the gemeente's share), plus one month's rent above the
// normhuur, plus one month's health premium above the normpremie the norm holds, plus — if the gemeente
// chooses — an extra balance (€ 1.500 / 1.800 / 2.000). Exempt possessions (a car up to € 3.350,
// household goods up to € 2.269) are not money on the bank, which is what the check asks.
//
// What the sources do not give: the normhuur (not in nl-parameters §5). The household's premium
// (`zorgpremie_per_maand`) the check asks only when it can settle the test (VraagZorgpremie: the
// balance is above the most allowed with a premium at or below the normpremie). So the test decides
//   - yes: the balance is at most one month's costs of living at the lowest share (always allowed);
//   - no: the balance is above the most that can be allowed — the costs of living at the highest share,
//     the whole rent (a normhuur of € 0), the premium above the normpremie and the extra balance — which
//     needs the rent, the premium and the normpremie known;
//   - between the two: unknown, the gemeente's open term (the normhuur).

// kwijtGrenzen are the bounds of the asset test for one household.
type kwijtGrenzen struct {
	altijd    geld.Bedrag // always allowed: one month's costs of living at the lowest share
	altijdPct geld.Percentage
	hooguit   geld.Bedrag // at most allowed (when hooguitOK)
	hooguitOK bool
	kosten    geld.Bedrag // costs of living at the highest share
	hoogPct   geld.Percentage
	huur      geld.Bedrag
	premie    geld.Bedrag // the premium above the normpremie
	extra     geld.Bedrag
	ontbreekt string // why hooguit is not known: "huur", "premie", "normpremie", ""
	// zonderPremie is hooguit with a premium at or below the normpremie (when zonderPremieOK): with the
	// premium unknown and the balance above it, the premium can settle the test.
	zonderPremie   geld.Bedrag
	zonderPremieOK bool
	normOnbek      bool
	vermBekend     bool
}

func (c *compiler) kwijtVermogen(path []any, r *rawVoorwaarde, v *voorwaarde) {
	at := func(k string) []any { return append(append([]any{}, path...), k) }
	if r.KostenVanBestaan == "" {
		c.fout(path, "voorwaarde kwijtschelding_vermogen: kosten_van_bestaan ontbreekt")
	} else {
		v.grens = c.procent(at("kosten_van_bestaan"), r.KostenVanBestaan, r.Bron)
	}
	if r.Ondergrens != "" {
		p, err := geld.ParsePercentage(r.Ondergrens)
		if err != nil || p <= 0 {
			c.fout(at("ondergrens"), "voorwaarde kwijtschelding_vermogen: ondergrens %q is geen percentage", r.Ondergrens)
		}
		v.kvbOndergrens = p
	}
	if !v.grens.bekend && v.kvbOndergrens == 0 {
		c.fout(path, "voorwaarde kwijtschelding_vermogen: kosten_van_bestaan is onbekend en ondergrens ontbreekt")
	}
	v.basis, v.basisBron = c.basis(at("basis"), r.Basis)
	if v.basis == basisOnbekend {
		c.fout(at("basis"), "voorwaarde kwijtschelding_vermogen: basis moet incl_vt of excl_vt zijn")
	}
	v.extra = Onbekend
	if r.Extra != "" {
		w := r.Extra
		if strings.HasPrefix(w, "$") {
			t, _, ok := c.term(at("extra"), w)
			if !ok {
				return
			}
			w = t.Waarde
		}
		switch w {
		case "ja":
			v.extra = Ja
		case "nee":
			v.extra = Nee
		case "onbekend":
		default:
			c.fout(at("extra"), "voorwaarde kwijtschelding_vermogen: extra %q moet ja, nee of onbekend zijn", w)
		}
	}
	if r.Bron.leeg() {
		c.fout(path, "voorwaarde kwijtschelding_vermogen: bron ontbreekt")
	}
}

// hoogsteKvB is the highest share of the bijstandsnorm the law allows as costs of living (Regeling
// kwijtschelding belastingen medeoverheden art. 2; nl-parameters kwijtschelding.kosten_van_bestaan.pct_bijstandsnorm_max).
var hoogsteKvB = geld.Procent(100)

func (v *voorwaarde) kwijtGrenzen(f *Feiten) kwijtGrenzen {
	var g kwijtGrenzen
	g.vermBekend = f.VermogenBekend
	if !f.NormBekend {
		g.normOnbek = true
		return g
	}
	g.altijdPct, g.hoogPct = v.kvbOndergrens, hoogsteKvB
	if v.grens.bekend {
		g.altijdPct, g.hoogPct = v.grens.p, v.grens.p
	}
	g.altijd, _ = inkomenGrenzen(f, g.altijdPct, v.basis)
	g.kosten, _ = inkomenGrenzen(f, g.hoogPct, v.basis)
	switch {
	case f.Wonen == WonenHuur && f.HuurBekend:
		g.huur = f.Huur
	case f.Wonen == WonenInwonend:
	default:
		g.ontbreekt = "huur" // no rent known, or the housing costs of an owner (not modelled)
		// The most allowed with no rent and a premium at or below the normpremie: above it, the
		// housing and the premium together can settle the test.
		g.zonderPremie, g.zonderPremieOK = v.zonderPremie(f, g.kosten)
		return g
	}
	switch {
	case !f.KwijtNormpremieBekend:
		g.ontbreekt = "normpremie"
		return g
	case !f.ZorgpremieBekend:
		g.ontbreekt = "premie"
		g.zonderPremie, g.zonderPremieOK = v.zonderPremie(f, g.kosten+g.huur)
		return g
	case f.Zorgpremie > f.KwijtNormpremie:
		g.premie = f.Zorgpremie - f.KwijtNormpremie
	}
	if v.extra != Nee {
		if !f.KwijtExtraBekend {
			g.ontbreekt = "extra"
			return g
		}
		g.extra = f.KwijtExtra // allowed, or maybe allowed: the upper bound counts it
	}
	g.hooguit, g.hooguitOK = g.kosten+g.huur+g.premie+g.extra, true
	return g
}

// kwijtVermogen decides the asset test (see the top of this file).
func (v *voorwaarde) kwijtVermogen(f *Feiten) (Tri, VraagSet, kwijtGrenzen) {
	g := v.kwijtGrenzen(f)
	switch {
	case f.VermogenBekend && f.Vermogen <= 0:
		return Ja, 0, g
	case !f.VermogenBekend:
		return Onbekend, bitVermogen | bitGemeente, g // above one month it is the gemeente's open term
	case g.normOnbek:
		return Onbekend, f.NormVragen, g
	case f.Vermogen <= g.altijd:
		return Ja, 0, g
	case g.hooguitOK && f.Vermogen > g.hooguit:
		return Nee, 0, g
	case g.ontbreekt == "huur" && f.Wonen == WonenOnbekend && f.ZorgpremieBekend:
		// Only with the premium known can the rent settle it.
		return Onbekend, bitWonen | bitGemeente, g
	case g.ontbreekt == "huur" && f.Wonen == WonenOnbekend && !f.ZorgpremieBekend && f.KwijtNormpremieBekend &&
		g.zonderPremieOK && f.Vermogen > g.zonderPremie:
		// Above the most allowed with no rent and a low premium: housing and premium together can settle it.
		return Onbekend, bitWonen | bitZorgpremie | bitGemeente, g
	case g.premieBeslist(f):
		return Onbekend, bitZorgpremie | bitGemeente, g
	}
	return Onbekend, bitGemeente, g
}

// zonderPremie is the most allowed with a premium at or below the normpremie: basis plus the extra
// balance; false when the extra balance is not known.
func (v *voorwaarde) zonderPremie(f *Feiten, basis geld.Bedrag) (geld.Bedrag, bool) {
	switch {
	case v.extra == Nee:
		return basis, true
	case f.KwijtExtraBekend:
		return basis + f.KwijtExtra, true
	}
	return 0, false
}

// premieBeslist reports whether the unknown premium can settle the test: the balance is above the most
// allowed with a premium at or below the normpremie, so a low premium makes it "no".
func (g *kwijtGrenzen) premieBeslist(f *Feiten) bool {
	return g.ontbreekt == "premie" && g.zonderPremieOK && f.VermogenBekend && f.Vermogen > g.zonderPremie
}

// kwijtVermogenZinnen words the asset test.
func (v *voorwaarde) kwijtVermogenZinnen(f *Feiten, wd *woorder) {
	t, _, g := v.kwijtVermogen(f)
	if !f.VermogenBekend {
		wd.zin(sVermogenOnbekend)
	} else {
		wd.zin(sVermogenFeit, bedragW(f.Vermogen))
	}
	if g.normOnbek {
		wd.zin(sInkomenNormOnbekend)
		return
	}
	wd.zin(sKwijtVermogenAltijd, procentW(g.altijdPct), bedragW(g.altijd))
	switch {
	case g.hooguitOK && (t == Nee || t == Onbekend):
		wd.zin(sKwijtVermogenHooguit, bedragW(g.hooguit), procentW(g.hoogPct))
		wd.zin(sKwijtVermogenDelen, bedragW(g.kosten), bedragW(g.huur), bedragW(g.premie), bedragW(g.extra))
		if t == Onbekend {
			wd.zin(sKwijtVermogenNormhuur)
		}
	case t == Onbekend && g.premieBeslist(f):
		wd.zin(sKwijtVermogenPremie)
		wd.zin(sKwijtVermogenNormhuur)
	case t == Onbekend:
		wd.zin(sKwijtVermogenNormhuur)
	}
}
