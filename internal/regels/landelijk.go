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
	// teksten holds those four worded per language of the catalogue and voice, made once when the
	// regeling is compiled, so that explaining it does not word them again.
	teksten map[*taal][2][4]string
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
		l.woordVooraf(t)
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
		maak(ZorgtoeslagID, &landelijkeRegel{naam: sZorgtoeslagNaam, omschrijving: sZorgtoeslagOmschrijving, uitleg: sToeslagUitleg, aanvragen: sToeslagAanvragen},
			"Dienst Toeslagen", PerMaand, zorgtoeslagGrondslag, toeslagenLink, lsZorgtoeslag,
			voorwaarde{soort: vwLeeftijd, min: 18, max: 200, bron: zorgtoeslagGrondslag}, vw(lvZTVermogen), vw(lvZTInkomen)),
		maak(HuurtoeslagID, &landelijkeRegel{naam: sHuurtoeslagNaam, omschrijving: sHuurtoeslagOmschrijving, uitleg: sToeslagUitleg, aanvragen: sToeslagAanvragen},
			"Dienst Toeslagen", PerMaand, huurtoeslagGrondslag, toeslagenLink, lsHuurtoeslag,
			vw(lvHTWonen), vw(lvHTHuur), vw(lvHTVermogen), vw(lvHTInkomen)),
		maak(KGBID, &landelijkeRegel{naam: sKGBNaam, omschrijving: sKGBOmschrijving, uitleg: sToeslagUitleg, aanvragen: sToeslagAanvragen},
			"Dienst Toeslagen", PerMaand, kgbGrondslag, toeslagenLink, lsKGB,
			withBron(kinderen, kgbGrondslag), vw(lvKGBVermogen), vw(lvKGBInkomen)),
		maak(KinderbijslagID, &landelijkeRegel{naam: sKinderbijslagNaam, omschrijving: sKinderbijslagOmschrijving, uitleg: sKinderbijslagUitleg, aanvragen: sKinderbijslagAanvragen},
			"Sociale Verzekeringsbank (SVB)", PerKwartaal, kinderbijslagGrondslag, kinderbijslagLink, lsKinderbijslag,
			withBron(kinderen, kinderbijslagGrondslag)),
	}
}

func withBron(v voorwaarde, b Bron) voorwaarde { v.bron = b; return v }

// woord fills the texts of a national regeling's outcome in the language and voice of wd.
func (l *landelijkeRegel) woord(u *Uitkomst, wd *woorder) {
	ts, ok := l.teksten[wd.tl]
	if !ok { // a catalogue other than the one the regeling was compiled with
		u.Naam, u.Omschrijving, u.Uitleg, u.Aanvragen.Toelichting = wd.tekst(l.naam), wd.tekst(l.omschrijving), wd.tekst(l.uitleg), wd.tekst(l.aanvragen)
		return
	}
	t := ts[wd.stem]
	u.Naam, u.Omschrijving, u.Uitleg, u.Aanvragen.Toelichting = t[0], t[1], t[2], t[3]
}

// woordVooraf words the texts of l in every language and voice of t.
func (l *landelijkeRegel) woordVooraf(t *Teksten) {
	l.teksten = map[*taal][2][4]string{}
	for _, code := range t.codes {
		var ts [2][4]string
		for stem := range 2 {
			wd := Weergave{Taal: code, Teksten: t, Intermediair: stem == 1}.woorder()
			ts[stem] = [4]string{wd.tekst(l.naam), wd.tekst(l.omschrijving), wd.tekst(l.uitleg), wd.tekst(l.aanvragen)}
		}
		l.teksten[t.taal(code)] = ts
	}
}

// vanToepassing reports whether a condition is part of the household's trace: the rent matters only
// to a household that rents.
func (v *voorwaarde) vanToepassing(f *Feiten) bool {
	return v.soort != vwLandelijk || v.nl != lvHTHuur || f.Wonen == WonenHuur
}

// vermogensgrens is the asset limit of a national regeling for the household; ok is false when the
// data has no year for the date.
func (f *Feiten) vermogensgrens(s landelijkeSoort) (geld.Bedrag, bool) {
	t := f.landelijk.Toeslagen
	if t == nil {
		return 0, false
	}
	switch s {
	case lsZorgtoeslag:
		if f.Partner {
			return t.ZT.VermogenPartner, true
		}
		return t.ZT.VermogenAlleenstaande, true
	case lsKGB:
		if f.Partner {
			return t.KGB.VermogenPartner, true
		}
		return t.KGB.VermogenAlleenstaande, true
	}
	if f.Partner {
		return t.HT.VermogenPartners, true
	}
	return t.HT.VermogenPerPersoon, true
}

// vermogensbron is the source of that limit, for the trace. The ids are written out whole, so the
// trace builds no string for them.
func (f *Feiten) vermogensbron(s landelijkeSoort) Bron {
	t := f.landelijk.Toeslagen
	h := t.HT.Vermogen
	switch {
	case s == lsZorgtoeslag && f.Partner:
		h, h.ID = t.ZT.Bron, "zorgtoeslag.vermogen_partner"
	case s == lsZorgtoeslag:
		h, h.ID = t.ZT.Bron, "zorgtoeslag.vermogen_alleenstaande"
	case s == lsKGB && f.Partner:
		h, h.ID = t.KGB.Bron, "kindgebonden_budget.vermogen_partner"
	case s == lsKGB:
		h, h.ID = t.KGB.Bron, "kindgebonden_budget.vermogen_alleenstaande"
	case f.Partner:
		h.ID = "huurtoeslag.vermogen_partners"
	default:
		h.ID = "huurtoeslag.vermogen_per_persoon"
	}
	return herkomstBron(h, "")
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
		grens, ok := f.vermogensgrens(v.nl.regel())
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
		return f.zorgtoeslag(t, inkomen).Maand, true, 0
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

// zorgtoeslag is the household's zorgtoeslag at inkomen: halved when the partner is not insured.
func (f *Feiten) zorgtoeslag(t *nl.Toeslagjaar, inkomen geld.Bedrag) nl.Zorgtoeslag {
	if f.PartnerNietVerzekerd {
		return t.ZorgtoeslagOnverzekerdePartner(inkomen)
	}
	return t.Zorgtoeslag(inkomen, f.Partner)
}
