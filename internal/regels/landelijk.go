package regels

import (
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// National regelingen (the toeslagen of the Rijk and the kinderbijslag) in the engine.
//
// A national regeling is a Regeling like a gemeente's: a list of conditions and an amount rule,
// evaluated by Regeling.evalueer into the same three-valued Kort and explained by Verklaar into the
// same Uitkomst with criteria as data, worded by the same catalogue (teksten/*.json). What differs is
// where it comes from: a pack's regeling is compiled from YAML (compileer.go); a national one is
// compiled here, in Go, over the dated national data of package nl, because its formulas (a toeslag's
// afbouw over the toetsingsinkomen, the huurtoeslag's bands) are law, not a gemeente's choice. Its own
// conditions have the one kind vwLandelijk with a sub-kind (landelijkeVW), and its amount the kind
// bedragLandelijk with a formula (landelijkeSoort); every switch over them is in this file (the
// evaluation) and landelijk_verklaar.go (the sentences). Where a generic condition fits (an age,
// children under 18), a national regeling uses it.
//
// The catalogue adds the national regelingen to every pack it loads (Catalogus.Laad), after the
// gemeente's own, so everything that evaluates a pack — the check, the scan, the what-if, the
// armoedeval — evaluates them too, without a second path. Pakket.Wijzig keeps them.

// The ids of the national regelingen; the same words a pack uses for "ontvangt" (compileer.go).
const (
	ZorgtoeslagID   = "zorgtoeslag"
	HuurtoeslagID   = "huurtoeslag"
	KGBID           = "kindgebonden_budget"
	KinderbijslagID = "kinderbijslag"
)

// landelijkeSoort names a national regeling's amount formula.
type landelijkeSoort uint8

const (
	lsGeen landelijkeSoort = iota
	lsZorgtoeslag
	lsHuurtoeslag
	lsKGB
	lsKinderbijslag
)

// landelijkeVW names a national condition.
type landelijkeVW uint8

const (
	lvGeen        landelijkeVW = iota
	lvHTWonen                  // renting
	lvHTHuur                   // the kale huur against the basishuur
	lvZTVermogen               // assets against the zorgtoeslag limit
	lvHTVermogen               // … the huurtoeslag limit
	lvKGBVermogen              // … the kindgebonden-budget limit
	lvZTInkomen                // the toetsingsinkomen gives an amount
	lvHTInkomen
	lvKGBInkomen
)

// regel is the regeling a condition belongs to.
func (l landelijkeVW) regel() landelijkeSoort {
	switch l {
	case lvZTVermogen, lvZTInkomen:
		return lsZorgtoeslag
	case lvKGBVermogen, lvKGBInkomen:
		return lsKGB
	}
	return lsHuurtoeslag
}

// soortNaam is the kind a trace gives a national condition (Criterium.Soort).
func (l landelijkeVW) soortNaam() string {
	switch l {
	case lvHTWonen:
		return "wonen"
	case lvHTHuur:
		return "huur"
	case lvZTVermogen, lvHTVermogen, lvKGBVermogen:
		return "vermogen"
	case lvZTInkomen, lvHTInkomen, lvKGBInkomen:
		return "inkomen"
	}
	return "landelijk"
}

// landelijkeRegel is what a national regeling has beyond a pack's: the catalogue keys of its name and
// texts, worded per language and voice when it is explained.
type landelijkeRegel struct {
	naam, omschrijving, uitleg, aanvragen Sleutel
}

// The pages of the Dienst Toeslagen and the SVB: applying and the proefberekening. The reference
// data has no address of these pages; these are their start pages.
const (
	toeslagenLink     = "https://www.belastingdienst.nl/wps/wcm/connect/nl/toeslagen/"
	kinderbijslagLink = "https://www.svb.nl/nl/kinderbijslag"
)

var (
	huurtoeslagGrondslag   = Bron{Tekst: "Wet op de huurtoeslag", URL: "https://wetten.overheid.nl/BWBR0008659"}
	zorgtoeslagGrondslag   = Bron{Tekst: "Wet op de zorgtoeslag", URL: "https://wetten.overheid.nl/BWBR0018451"}
	kgbGrondslag           = Bron{Tekst: "Wet op het kindgebonden budget", URL: "https://wetten.overheid.nl/BWBR0022751"}
	kinderbijslagGrondslag = Bron{Tekst: "Algemene Kinderbijslagwet", URL: "https://wetten.overheid.nl/BWBR0002368"}
	proefberekeningBron    = Bron{Tekst: "Belastingdienst, proefberekening toeslagen", URL: toeslagenLink}
)

// compileerLandelijk compiles the national regelingen, named in Dutch and English from t.
func compileerLandelijk(t *Teksten) []*Regeling {
	nlw := Weergave{Taal: "nl", Teksten: t}.woorder()
	enw := Weergave{Taal: "en", Teksten: t}.woorder()
	vw := func(l landelijkeVW) voorwaarde { return voorwaarde{soort: vwLandelijk, nl: l} }
	kinderen := voorwaarde{soort: vwKinderen, min: 1, lmin: 0, lmax: 17}
	maak := func(id string, l *landelijkeRegel, uitvoerder string, p Periode, g Bron, link string, ls landelijkeSoort, vs ...voorwaarde) *Regeling {
		return &Regeling{
			ID: id, Naam: nlw.tekst(l.naam), NaamEN: enw.tekst(l.naam),
			Omschrijving: nlw.tekst(l.omschrijving), OmschrijvingEN: enw.tekst(l.omschrijving),
			Uitleg: nlw.tekst(l.uitleg), UitlegEN: enw.tekst(l.uitleg),
			Grondslag: g, Uitvoerder: uitvoerder, Periode: p,
			Aanvragen:   Aanvragen{Link: link, Documenten: []string{}},
			voorwaarden: vs,
			bedrag:      bedragRegel{soort: bedragLandelijk, nl: ls, bron: g},
			landelijk:   l,
		}
	}
	return []*Regeling{
		maak(ZorgtoeslagID, &landelijkeRegel{sZorgtoeslagNaam, sZorgtoeslagOmschrijving, sToeslagUitleg, sToeslagAanvragen},
			"Dienst Toeslagen", PerMaand, zorgtoeslagGrondslag, toeslagenLink, lsZorgtoeslag,
			voorwaarde{soort: vwLeeftijd, min: 18, max: 200, bron: zorgtoeslagGrondslag}, vw(lvZTVermogen), vw(lvZTInkomen)),
		maak(HuurtoeslagID, &landelijkeRegel{sHuurtoeslagNaam, sHuurtoeslagOmschrijving, sToeslagUitleg, sToeslagAanvragen},
			"Dienst Toeslagen", PerMaand, huurtoeslagGrondslag, toeslagenLink, lsHuurtoeslag,
			vw(lvHTWonen), vw(lvHTHuur), vw(lvHTVermogen), vw(lvHTInkomen)),
		maak(KGBID, &landelijkeRegel{sKGBNaam, sKGBOmschrijving, sToeslagUitleg, sToeslagAanvragen},
			"Dienst Toeslagen", PerMaand, kgbGrondslag, toeslagenLink, lsKGB,
			withBron(kinderen, kgbGrondslag), vw(lvKGBVermogen), vw(lvKGBInkomen)),
		maak(KinderbijslagID, &landelijkeRegel{sKinderbijslagNaam, sKinderbijslagOmschrijving, sKinderbijslagUitleg, sKinderbijslagAanvragen},
			"Sociale Verzekeringsbank (SVB)", PerKwartaal, kinderbijslagGrondslag, kinderbijslagLink, lsKinderbijslag,
			withBron(kinderen, kinderbijslagGrondslag)),
	}
}

func withBron(v voorwaarde, b Bron) voorwaarde { v.bron = b; return v }

// woord fills the texts of a national regeling's outcome in the language and voice of wd.
func (l *landelijkeRegel) woord(u *Uitkomst, wd *woorder) {
	u.Naam = wd.tekst(l.naam)
	u.Omschrijving = wd.tekst(l.omschrijving)
	u.Uitleg = wd.tekst(l.uitleg)
	u.Aanvragen.Toelichting = wd.tekst(l.aanvragen)
}

// vanToepassing reports whether a condition is part of the household's trace: the rent matters only
// to a household that rents.
func (v *voorwaarde) vanToepassing(f *Feiten) bool {
	return v.soort != vwLandelijk || v.nl != lvHTHuur || f.Wonen == WonenHuur
}

// vermogensgrens is the asset limit of a national regeling for the household; ok is false when the
// data has no year for the date.
func (f *Feiten) vermogensgrens(s landelijkeSoort) (geld.Bedrag, nl.Herkomst, bool) {
	t := f.landelijk.Toeslagen
	if t == nil {
		return 0, nl.Herkomst{}, false
	}
	veld := func(h nl.Herkomst, blok, v string) nl.Herkomst { h.ID = blok + "." + v; return h }
	switch s {
	case lsZorgtoeslag:
		if f.Partner {
			return t.ZT.VermogenPartner, veld(t.ZT.Bron, "zorgtoeslag", "vermogen_partner"), true
		}
		return t.ZT.VermogenAlleenstaande, veld(t.ZT.Bron, "zorgtoeslag", "vermogen_alleenstaande"), true
	case lsKGB:
		if f.Partner {
			return t.KGB.VermogenPartner, veld(t.KGB.Bron, "kindgebonden_budget", "vermogen_partner"), true
		}
		return t.KGB.VermogenAlleenstaande, veld(t.KGB.Bron, "kindgebonden_budget", "vermogen_alleenstaande"), true
	}
	if f.Partner {
		return t.HT.VermogenPartners, veld(t.HT.Vermogen, "huurtoeslag", "vermogen_partners"), true
	}
	return t.HT.VermogenPerPersoon, t.HT.Vermogen, true
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
		t := f.landelijk.Toeslagen
		switch {
		case f.Wonen != WonenHuur:
			return Ja, 0 // not in the trace (vanToepassing); the wonen condition decides
		case !f.HuurBekend:
			return Onbekend, bitWonen
		case t == nil || !t.HT.Bekend:
			return Onbekend, 0
		}
		return triVan(f.Huur > basishuur(f, t)), 0
	case lvZTVermogen, lvHTVermogen, lvKGBVermogen:
		grens, _, ok := f.vermogensgrens(v.nl.regel())
		switch {
		case !ok:
			return Onbekend, 0
		case !f.VermogenBekend:
			return Onbekend, bitVermogen
		}
		return triVan(f.Vermogen <= grens), 0
	case lvZTInkomen, lvHTInkomen, lvKGBInkomen:
		// No: the income leaves nothing where no income would leave an amount. A nil amount for
		// another reason (no child, a rent at the basishuur) is its own condition's.
		b, ok, q := f.landelijkBedrag(v.nl.regel())
		if !ok {
			return Onbekend, q
		}
		if b > 0 {
			return Ja, 0
		}
		nul, _, _ := f.landelijkBedragBij(v.nl.regel(), 0, f.Rekeninkomen-f.Toetsingsinkomen)
		return triVan(nul == 0), 0
	}
	return Onbekend, bitGemeente
}

func basishuur(f *Feiten, t *nl.Toeslagjaar) geld.Bedrag {
	if f.Personen >= 2 {
		return t.HT.BasishuurMeer
	}
	return t.HT.BasishuurEen
}

// landelijk computes a national amount; ok is false when it cannot be known.
func (b *bedragRegel) landelijk(f *Feiten) (geld.Bedrag, bool) {
	bedrag, ok, _ := f.landelijkBedrag(b.nl)
	return bedrag, ok
}

// landelijkBedrag is the amount of a national regeling as paid (per month, the kinderbijslag per
// quarter); when it cannot be known, q names the questions that would settle it.
func (f *Feiten) landelijkBedrag(s landelijkeSoort) (bedrag geld.Bedrag, ok bool, q VraagSet) {
	return f.landelijkBedragBij(s, f.Toetsingsinkomen, f.Rekeninkomen)
}

// landelijkBedragBij is landelijkBedrag at the given toetsingsinkomen and rekeninkomen.
func (f *Feiten) landelijkBedragBij(s landelijkeSoort, inkomen, rekeninkomen geld.Bedrag) (bedrag geld.Bedrag, ok bool, q VraagSet) {
	t := f.landelijk.Toeslagen
	if s == lsKinderbijslag {
		k := f.landelijk.Kinderbijslag
		if k == nil {
			return 0, false, 0
		}
		for i := 0; i < min(f.Kinderen, maxKinderen); i++ {
			a := int(f.KindLeeftijdenKwartaal[i])
			if a < 0 {
				return 0, false, bitGebKinderen
			}
			bedrag += k.KinderbijslagKwartaal(a)
		}
		return bedrag, true, 0
	}
	if t == nil {
		return 0, false, 0
	}
	switch s {
	case lsZorgtoeslag:
		if !f.ToetsingsinkomenBekend {
			return 0, false, f.ToetsingsinkomenVragen
		}
		return t.Zorgtoeslag(inkomen, f.Partner).Maand, true, 0
	case lsKGB:
		if !f.ToetsingsinkomenBekend {
			return 0, false, f.ToetsingsinkomenVragen
		}
		n, onb := f.kinderenInLeeftijd(0, 17)
		if onb > 0 {
			return 0, false, bitGebKinderen
		}
		if n == 0 {
			return 0, true, 0
		}
		return t.KindgebondenBudget(inkomen, f.Partner, f.KindLeeftijden[:min(f.Kinderen, maxKinderen)]).Maand, true, 0
	case lsHuurtoeslag:
		h, ok, q := f.huurtoeslag(t, rekeninkomen)
		return h.Maand, ok, q
	}
	return 0, false, bitGemeente
}

// huurtoeslag computes the huurtoeslag for the household, when the data and the facts allow.
func (f *Feiten) huurtoeslag(t *nl.Toeslagjaar, rekeninkomen geld.Bedrag) (nl.Huurtoeslag, bool, VraagSet) {
	var q VraagSet
	switch f.Wonen {
	case WonenKoop, WonenInwonend:
		return nl.Huurtoeslag{}, true, 0
	case WonenOnbekend:
		q |= bitWonen
	}
	if f.Wonen == WonenHuur && !f.HuurBekend {
		q |= bitWonen
	}
	if !f.RekeninkomenBekend {
		q |= f.ToetsingsinkomenVragen
	}
	if f.Jongeren == Onbekend {
		q |= bitGebAanvrager
	}
	if q != 0 || !f.RekeninkomenBekend || !t.HT.Bekend {
		return nl.Huurtoeslag{}, false, q
	}
	return t.Huurtoeslag(nl.HTHuishouden{Huur: f.Huur, Personen: max(f.Personen, 1), Jongeren: f.Jongeren == Ja, Rekeninkomen: rekeninkomen}), true, 0
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
