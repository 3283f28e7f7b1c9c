package regels

import (
	"fmt"
	"slices"
	"time"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// VraagWonen is the question whether the household rents, and for how much (the check's wonen step).
// Only the huurtoeslag indication names it; it has no bit in a VraagSet.
const VraagWonen Vraag = "wonen"

// HuurtoeslagID is the id of the national huurtoeslag indication among the outcomes.
const HuurtoeslagID = "huurtoeslag"

// The Dienst Toeslagen pages: how to apply and the proefberekening. The reference data has no address
// of the Belastingdienst; this is its toeslagen start page.
const huurtoeslagLink = "https://www.belastingdienst.nl/wps/wcm/connect/nl/toeslagen/"

var huurtoeslagGrondslag = Bron{Tekst: "Wet op de huurtoeslag", URL: "https://wetten.overheid.nl/BWBR0008659"}

// Huurtoeslag gives the national huurtoeslag indication for a validated household on datum, in the
// language and voice of w.
//
// The check knows net income per month; the law uses the yearly toetsingsinkomen, and the reference
// gives no sourced way from the one to the other. So the indication never says Recht and never gives
// an amount. It says GeenRecht only where the reference makes it certain: an owner-occupier, someone
// living in with others, or assets above the limit. A rent at or below the basishuur is "probably
// not" (Onzeker), because the reference gives the basishuur with confidence low. Otherwise it is Onzeker: "u kunt misschien huurtoeslag krijgen", with the proefberekening
// of the Belastingdienst. An unknown housing situation or rent names VraagWonen. A date outside the
// data gives an error wrapping nl.ErrBuitenPeriode.
func Huurtoeslag(h *huishouden.Huishouden, datum time.Time, w Weergave) (Uitkomst, error) {
	ht, err := nl.LaadHuurtoeslag()
	if err != nil {
		return Uitkomst{}, err
	}
	personen := max(len(h.Personen), 1)
	partner := h.Partner() != nil
	g, err := ht.Grenzen(personen, partner, datum)
	if err != nil {
		return Uitkomst{}, fmt.Errorf("regels: huurtoeslag: %w", err)
	}
	wd := w.woorder()
	u := Uitkomst{
		ID:           HuurtoeslagID,
		Naam:         wd.tekst(sHuurtoeslagNaam),
		Omschrijving: wd.tekst(sHuurtoeslagOmschrijving),
		Uitleg:       wd.tekst(sHuurtoeslagUitleg),
		Periode:      PerMaand,
		Uitvoerder:   "Dienst Toeslagen",
		Grondslag:    huurtoeslagGrondslag,
		Aanvragen: Aanvragen{
			Link:        huurtoeslagLink,
			Documenten:  []string{},
			Toelichting: wd.tekst(sHuurtoeslagAanvragen),
		},
		BedragZinnen: []Zin{maakZin(sHuurtoeslagBedrag)},
		BedragBron:   Bron{Tekst: "Belastingdienst, proefberekening toeslagen", URL: huurtoeslagLink},
	}
	u.BedragUitleg = wd.zinnen(u.BedragZinnen)

	criteria := make([]Criterium, 0, 4)
	var vragen []Vraag
	wd.arena = make([]Zin, 0, 9)
	// add records a criterion of kind soort whose sentences were recorded since start.
	add := func(soort string, t Tri, start int, b Bron, q ...Vraag) {
		c := Criterium{Oordeel: t, Uitkomst: triWoord(t), Soort: soort, Zinnen: wd.neem(start), Bron: b, Vragen: q}
		c.Tekst = wd.criterium(&c)
		criteria = append(criteria, c)
		for _, v := range q {
			if !slices.Contains(vragen, v) {
				vragen = append(vragen, v)
			}
		}
	}

	// 1. Renting.
	start := len(wd.arena)
	switch h.Wonen.Soort {
	case huishouden.Huur:
		wd.zin(sHuurtoeslagWonenHuur)
		add("wonen", Ja, start, huurtoeslagGrondslag)
	case huishouden.Koop:
		wd.zin(sHuurtoeslagWonenKoop)
		wd.zin(sHuurtoeslagAlleenHuur)
		add("wonen", Nee, start, huurtoeslagGrondslag)
	case huishouden.Inwonend:
		wd.zin(sHuurtoeslagWonenInwonend)
		wd.zin(sHuurtoeslagAlleenHuur)
		add("wonen", Nee, start, huurtoeslagGrondslag)
	default:
		wd.zin(sHuurtoeslagWonenOnbekend)
		wd.zin(sHuurtoeslagAlleenHuur)
		add("wonen", Onbekend, start, huurtoeslagGrondslag, VraagWonen)
	}

	// 2. The kale huur against the basishuur (from 2026) or the maximum rent (2025).
	if h.Wonen.Soort == huishouden.Huur {
		huur := h.Wonen.HuurPerMaand
		start := len(wd.arena)
		switch {
		case huur == nil:
			wd.zin(sHuurtoeslagHuurOnbekend)
			add("huur", Onbekend, start, huurtoeslagGrondslag, VraagWonen)
		case g.BasishuurBekend:
			b := g.Basishuur
			wd.zin(sHuurtoeslagHuur, bedragW(*huur))
			if *huur <= b.Bedrag {
				// The reference gives the basishuur with confidence low (derived by third parties), so a
				// rent at or below it is "probably not", not a firm no.
				wd.zin(sHuurtoeslagBasishuurNietMeer, bedragW(b.Bedrag))
				add("huur", Onbekend, start, nlBron(b))
			} else {
				wd.zin(sHuurtoeslagBasishuurMeer, bedragW(b.Bedrag))
				add("huur", Ja, start, nlBron(b))
			}
		case g.MaximaleHuurgrensBekend && *huur > g.MaximaleHuurgrens.Bedrag:
			m := g.MaximaleHuurgrens
			wd.zin(sHuurtoeslagHuur, bedragW(*huur))
			wd.zin(sHuurtoeslagHuurBovenMaximum, bedragW(m.Bedrag))
			add("huur", Onbekend, start, nlBron(m))
		default:
			// 2025: the reference gives no basishuur, so a low rent cannot be ruled out here.
			wd.zin(sHuurtoeslagHuur, bedragW(*huur))
			wd.zin(sHuurtoeslagBasishuurOnbekend)
			b := huurtoeslagGrondslag
			if g.MaximaleHuurgrensBekend {
				b = nlBron(g.MaximaleHuurgrens)
			}
			add("huur", Onbekend, start, b)
		}
	}

	// 3. Assets.
	vg := g.Vermogensgrens
	grens := maakZin(sVermogenGrens, bedragW(vg.Bedrag))
	if partner {
		grens = maakZin(sHuurtoeslagVermogenGrensPartner, bedragW(vg.Bedrag))
	}
	start = len(wd.arena)
	switch {
	case h.Vermogen == nil:
		wd.zin(sVermogenOnbekend)
		wd.arena = append(wd.arena, grens)
		add("vermogen", Onbekend, start, nlBron(vg), VraagVermogen)
	default:
		wd.zin(sVermogenFeit, bedragW(*h.Vermogen))
		wd.arena = append(wd.arena, grens)
		if *h.Vermogen > vg.Bedrag {
			wd.zin(sHuurtoeslagVermogenBoven)
			add("vermogen", Nee, start, nlBron(vg))
		} else {
			add("vermogen", Ja, start, nlBron(vg))
		}
	}

	// 4. Income: never decided here (see the function comment).
	start = len(wd.arena)
	wd.zin(sHuurtoeslagInkomen)
	add("inkomen", Onbekend, start, Bron{Tekst: "Belastingdienst, proefberekening toeslagen", URL: huurtoeslagLink})

	u.Oordeel = Onzeker
	for _, c := range criteria {
		if c.Oordeel == Nee {
			u.Oordeel = GeenRecht
		}
	}
	u.Criteria = criteria
	if u.Oordeel == Onzeker {
		u.Vragen = vragen
	}
	u.Kort = Kort{Oordeel: u.Oordeel}
	return u, nil
}

// nlBron carries a national huurtoeslag value's source into a trace, with its parameter id.
// nlBron cites a national value: the short name of its source where the data gives one (residents'
// pages), with the whole provenance from the reference as Citaat (in JSON and for staff).
func nlBron(v nl.HTWaarde) Bron {
	if v.Bron.Kort != "" {
		return Bron{Tekst: v.Bron.Kort, URL: v.Bron.URL, Citaat: v.Bron.Tekst, NL: v.ID}
	}
	return Bron{Tekst: v.Bron.Tekst, URL: v.Bron.URL, NL: v.ID}
}
