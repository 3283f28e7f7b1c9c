package regels

import (
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// National regelingen (the toeslagen of the Rijk) in the engine.
//
// A national regeling is a Regeling like a gemeente's: a list of conditions and an amount rule,
// evaluated by Regeling.evalueer into the same three-valued Kort and explained by Verklaar into the
// same Uitkomst with criteria as data, worded by the same catalogue (teksten/*.json). What differs is
// where it comes from: a pack's regeling is compiled from YAML (compileer.go); a national one is
// compiled here, in Go, from the dated national parameters of package nl, because its formulas (a
// toeslag's afbouw over the toetsingsinkomen, the huurtoeslag's bands) are law, not a gemeente's
// choice. Its conditions have the one kind vwLandelijk with a sub-kind (landelijkeVW), and its amount
// the kind bedragLandelijk with a formula (landelijkeSoort); every switch over them is in this file.
//
// The catalogue adds the national regelingen to every pack it loads (Catalogus.Laad), after the
// gemeente's own, so everything that evaluates a pack — the check, the scan, the what-if, the
// armoedeval — evaluates them too, without a second path. Pakket.Wijzig keeps them.

// HuurtoeslagID is the id of the national huurtoeslag among the outcomes.
const HuurtoeslagID = "huurtoeslag"

// landelijkeSoort names a national regeling's amount formula.
type landelijkeSoort uint8

const (
	lsGeen landelijkeSoort = iota
	lsHuurtoeslag
)

// landelijkeVW names a national condition.
type landelijkeVW uint8

const (
	lvGeen       landelijkeVW = iota
	lvHTWonen                 // renting
	lvHTHuur                  // the kale huur against the basishuur / maximum rent
	lvHTVermogen              // assets against the huurtoeslag limit
	lvHTInkomen               // the income (not yet computed)
)

// soortNaam is the kind a trace gives a national condition (Criterium.Soort).
func (l landelijkeVW) soortNaam() string {
	switch l {
	case lvHTWonen:
		return "wonen"
	case lvHTHuur:
		return "huur"
	case lvHTVermogen:
		return "vermogen"
	case lvHTInkomen:
		return "inkomen"
	}
	return "landelijk"
}

// landelijkeRegel is what a national regeling has beyond a pack's: the catalogue keys of its name and
// texts, worded per language and voice when it is explained.
type landelijkeRegel struct {
	naam, omschrijving, uitleg, aanvragen Sleutel
}

// The Dienst Toeslagen pages: how to apply and the proefberekening. The reference data has no address
// of the Belastingdienst; this is its toeslagen start page.
const huurtoeslagLink = "https://www.belastingdienst.nl/wps/wcm/connect/nl/toeslagen/"

var (
	huurtoeslagGrondslag = Bron{Tekst: "Wet op de huurtoeslag", URL: "https://wetten.overheid.nl/BWBR0008659"}
	proefberekeningBron  = Bron{Tekst: "Belastingdienst, proefberekening toeslagen", URL: huurtoeslagLink}
)

// compileerLandelijk compiles the national regelingen, named in Dutch and English from t.
func compileerLandelijk(t *Teksten) []*Regeling {
	nlw := Weergave{Taal: "nl", Teksten: t}.woorder()
	enw := Weergave{Taal: "en", Teksten: t}.woorder()
	vw := func(l landelijkeVW) voorwaarde { return voorwaarde{soort: vwLandelijk, nl: l} }
	ht := &landelijkeRegel{naam: sHuurtoeslagNaam, omschrijving: sHuurtoeslagOmschrijving, uitleg: sHuurtoeslagUitleg, aanvragen: sHuurtoeslagAanvragen}
	return []*Regeling{{
		ID: HuurtoeslagID, Naam: nlw.tekst(ht.naam), NaamEN: enw.tekst(ht.naam),
		Omschrijving: nlw.tekst(ht.omschrijving), OmschrijvingEN: enw.tekst(ht.omschrijving),
		Grondslag: huurtoeslagGrondslag, Uitvoerder: "Dienst Toeslagen", Periode: PerMaand,
		Aanvragen:   Aanvragen{Link: huurtoeslagLink, Documenten: []string{}},
		voorwaarden: []voorwaarde{vw(lvHTWonen), vw(lvHTHuur), vw(lvHTVermogen), vw(lvHTInkomen)},
		bedrag:      bedragRegel{soort: bedragLandelijk, nl: lsHuurtoeslag, bron: proefberekeningBron},
		landelijk:   ht,
	}}
}

// woord fills the texts of a national regeling's outcome in the language and voice of wd.
func (l *landelijkeRegel) woord(u *Uitkomst, wd *woorder) {
	u.Naam = wd.tekst(l.naam)
	u.Omschrijving = wd.tekst(l.omschrijving)
	u.Uitleg = wd.tekst(l.uitleg)
	u.Aanvragen.Toelichting = wd.tekst(l.aanvragen)
}

// htGrenzen gives the huurtoeslag limits for the household on its date.
func htGrenzen(f *Feiten) (nl.HuurtoeslagGrenzen, bool) {
	ht, err := nl.LaadHuurtoeslag()
	if err != nil {
		return nl.HuurtoeslagGrenzen{}, false
	}
	g, err := ht.Grenzen(max(f.Personen, 1), f.Partner, f.Datum)
	return g, err == nil
}

// vanToepassing reports whether a condition is part of the household's trace: the rent matters only
// to a household that rents.
func (v *voorwaarde) vanToepassing(f *Feiten) bool {
	return v.soort != vwLandelijk || v.nl != lvHTHuur || f.Wonen == WonenHuur
}

// landelijk evaluates a national condition.
func (v *voorwaarde) landelijk(f *Feiten) (Tri, VraagSet) {
	switch v.nl {
	case lvHTWonen:
		switch f.Wonen {
		case WonenHuur:
			return Ja, 0
		case WonenKoop, WonenInwonend:
			return Nee, 0
		}
		return Onbekend, bitWonen
	case lvHTHuur:
		if f.Wonen != WonenHuur {
			return Ja, 0 // not in the trace (vanToepassing); the wonen condition decides
		}
		if !f.HuurBekend {
			return Onbekend, bitWonen
		}
		g, ok := htGrenzen(f)
		switch {
		case !ok:
			return Onbekend, 0
		case g.BasishuurBekend && f.Huur > g.Basishuur.Bedrag:
			return Ja, 0
		}
		// At or below the basishuur (given with confidence low), above the 2025 maximum rent (with
		// exceptions), or no basishuur for the date: not certain either way.
		return Onbekend, 0
	case lvHTVermogen:
		g, ok := htGrenzen(f)
		switch {
		case !ok:
			return Onbekend, 0
		case !f.VermogenBekend:
			return Onbekend, bitVermogen
		}
		return triVan(f.Vermogen <= g.Vermogensgrens.Bedrag), 0
	case lvHTInkomen:
		return Onbekend, 0
	}
	return Onbekend, bitGemeente
}

// verklaarLandelijk records a national condition's outcome, sentences, questions and source.
func (v *voorwaarde) verklaarLandelijk(f *Feiten, wd *woorder) Criterium {
	t, q := v.evalueer(f)
	c := Criterium{Oordeel: t, Uitkomst: triWoord(t), Vragen: q.Lijst(), Soort: v.nl.soortNaam(), Bron: huurtoeslagGrondslag}
	start := len(wd.arena)
	g, ok := htGrenzen(f)
	switch v.nl {
	case lvHTWonen:
		switch f.Wonen {
		case WonenHuur:
			wd.zin(sHuurtoeslagWonenHuur)
		case WonenKoop:
			wd.zin(sHuurtoeslagWonenKoop)
			wd.zin(sHuurtoeslagAlleenHuur)
		case WonenInwonend:
			wd.zin(sHuurtoeslagWonenInwonend)
			wd.zin(sHuurtoeslagAlleenHuur)
		default:
			wd.zin(sHuurtoeslagWonenOnbekend)
			wd.zin(sHuurtoeslagAlleenHuur)
		}
	case lvHTHuur:
		switch {
		case !f.HuurBekend:
			wd.zin(sHuurtoeslagHuurOnbekend)
		case ok && g.BasishuurBekend:
			wd.zin(sHuurtoeslagHuur, bedragW(f.Huur))
			if f.Huur <= g.Basishuur.Bedrag {
				wd.zin(sHuurtoeslagBasishuurNietMeer, bedragW(g.Basishuur.Bedrag))
			} else {
				wd.zin(sHuurtoeslagBasishuurMeer, bedragW(g.Basishuur.Bedrag))
			}
			c.Bron = nlBron(g.Basishuur)
		case ok && g.MaximaleHuurgrensBekend && f.Huur > g.MaximaleHuurgrens.Bedrag:
			wd.zin(sHuurtoeslagHuur, bedragW(f.Huur))
			wd.zin(sHuurtoeslagHuurBovenMaximum, bedragW(g.MaximaleHuurgrens.Bedrag))
			c.Bron = nlBron(g.MaximaleHuurgrens)
		default:
			wd.zin(sHuurtoeslagHuur, bedragW(f.Huur))
			wd.zin(sHuurtoeslagBasishuurOnbekend)
			if ok && g.MaximaleHuurgrensBekend {
				c.Bron = nlBron(g.MaximaleHuurgrens)
			}
		}
	case lvHTVermogen:
		if !f.VermogenBekend {
			wd.zin(sVermogenOnbekend)
		} else {
			wd.zin(sVermogenFeit, bedragW(f.Vermogen))
		}
		if ok {
			if f.Partner {
				wd.zin(sHuurtoeslagVermogenGrensPartner, bedragW(g.Vermogensgrens.Bedrag))
			} else {
				wd.zin(sVermogenGrens, bedragW(g.Vermogensgrens.Bedrag))
			}
			if t == Nee {
				wd.zin(sHuurtoeslagVermogenBoven)
			}
			c.Bron = nlBron(g.Vermogensgrens)
		}
	case lvHTInkomen:
		wd.zin(sHuurtoeslagInkomen)
		c.Bron = proefberekeningBron
	}
	c.Zinnen = wd.neem(start)
	return c
}

// landelijk computes a national amount; ok is false when it cannot be known.
func (b *bedragRegel) landelijk(f *Feiten) (geld.Bedrag, bool) {
	return 0, false
}

// landelijkUitleg records how a national amount was found.
func (b *bedragRegel) landelijkUitleg(f *Feiten, k Kort, wd *woorder) {
	wd.zin(sHuurtoeslagBedrag)
}

// nlBron cites a national value: the short name of its source where the data gives one (residents'
// pages), with the whole provenance from the reference as Citaat (in JSON and for staff).
func nlBron(v nl.HTWaarde) Bron {
	if v.Bron.Kort != "" {
		return Bron{Tekst: v.Bron.Kort, URL: v.Bron.URL, Citaat: v.Bron.Tekst, NL: v.ID}
	}
	return Bron{Tekst: v.Bron.Tekst, URL: v.Bron.URL, NL: v.ID}
}

// dubbeleLandelijke returns the id of a regeling of p that a national regeling also has, or "".
func dubbeleLandelijke(p *Pakket, landelijk []*Regeling) string {
	for _, r := range p.Regelingen {
		for _, l := range landelijk {
			if r.ID == l.ID {
				return r.ID
			}
		}
	}
	return ""
}
