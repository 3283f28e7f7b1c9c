package regels

import (
	"fmt"
	"slices"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
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
	en := w.en()
	bedrag := func(b geld.Bedrag) string {
		if en {
			return b.English()
		}
		return b.Kort()
	}

	u := Uitkomst{
		ID:           HuurtoeslagID,
		Naam:         tekst(w, "Huurtoeslag", "Huurtoeslag", "Housing benefit (huurtoeslag)", "Housing benefit (huurtoeslag)"),
		Omschrijving: tekst(w, "Geld van het Rijk voor mensen die een woning huren en een laag inkomen hebben.", "Geld van het Rijk voor mensen die een woning huren en een laag inkomen hebben.", "Money from the national government for people who rent a home and have a low income.", "Money from the national government for people who rent a home and have a low income."),
		Uitleg:       tekst(w, "Dit is een eerste inschatting. Alleen de Dienst Toeslagen beslist.", "Dit is een eerste inschatting. Alleen de Dienst Toeslagen beslist.", "This is a first estimate. Only the Dienst Toeslagen (Benefits Agency) decides.", "This is a first estimate. Only the Dienst Toeslagen (Benefits Agency) decides."),
		Periode:      PerMaand,
		Uitvoerder:   "Dienst Toeslagen",
		Grondslag:    huurtoeslagGrondslag,
		Aanvragen: Aanvragen{
			Link:       huurtoeslagLink,
			Documenten: []string{},
			Toelichting: tekst(w,
				"Vraag huurtoeslag aan bij Mijn toeslagen op de website van de Belastingdienst. U logt in met DigiD. Zorg dat u uw huur en uw inkomen per jaar bij de hand hebt.",
				"Uw cliënt vraagt huurtoeslag aan bij Mijn toeslagen op de website van de Belastingdienst, met DigiD. Zorg dat de huur en het inkomen per jaar bij de hand zijn.",
				"Apply for huurtoeslag in Mijn toeslagen on the website of the Belastingdienst (Tax Administration). You log in with DigiD. Have your rent and your yearly income at hand.",
				"Your client applies for huurtoeslag in Mijn toeslagen on the website of the Belastingdienst (Tax Administration), with DigiD. Have the rent and the yearly income at hand."),
		},
		BedragUitleg: tekst(w,
			"Hoeveel huurtoeslag u krijgt, hangt af van uw huur, uw huishouden en uw inkomen per jaar vóór belasting. Dat inkomen vraagt deze check niet. Doe de proefberekening van de Belastingdienst om het bedrag te weten.",
			"Hoeveel huurtoeslag uw cliënt krijgt, hangt af van de huur, het huishouden en het inkomen per jaar vóór belasting. Dat inkomen vraagt deze check niet. Doe samen de proefberekening van de Belastingdienst om het bedrag te weten.",
			"How much huurtoeslag you get depends on your rent, your household and your yearly income before tax. This check does not ask that income. Use the trial calculation (proefberekening) of the Belastingdienst to know the amount.",
			"How much huurtoeslag your client gets depends on the rent, the household and the yearly income before tax. This check does not ask that income. Use the trial calculation (proefberekening) of the Belastingdienst together to know the amount."),
		BedragBron: Bron{Tekst: "Belastingdienst, proefberekening toeslagen", URL: huurtoeslagLink},
	}

	var criteria []Criterium
	var vragen []Vraag
	add := func(t Tri, zin string, b Bron, q ...Vraag) {
		criteria = append(criteria, Criterium{Oordeel: t, Uitkomst: triWoord(t), Tekst: zin, Bron: b, Vragen: q})
		for _, v := range q {
			if !slices.Contains(vragen, v) {
				vragen = append(vragen, v)
			}
		}
	}

	// 1. Renting.
	alleenHuur := tekst(w, "Huurtoeslag is alleen voor mensen die zelf een woning huren.", "Huurtoeslag is alleen voor mensen die zelf een woning huren.", "Huurtoeslag is only for people who rent their own home.", "Huurtoeslag is only for people who rent their own home.")
	switch h.Wonen.Soort {
	case huishouden.Huur:
		add(Ja, tekst(w, "U huurt uw woning.", "Uw cliënt huurt de woning.", "You rent your home.", "Your client rents the home."), huurtoeslagGrondslag)
	case huishouden.Koop:
		add(Nee, tekst(w, "U woont in een koopwoning. ", "Uw cliënt woont in een koopwoning. ", "You live in a home you own. ", "Your client lives in a home they own. ")+alleenHuur, huurtoeslagGrondslag)
	case huishouden.Inwonend:
		add(Nee, tekst(w, "U woont in bij iemand anders. ", "Uw cliënt woont in bij iemand anders. ", "You live in someone else's home. ", "Your client lives in someone else's home. ")+alleenHuur, huurtoeslagGrondslag)
	default:
		add(Onbekend, tekst(w, "Wij weten niet of u uw woning huurt. ", "Wij weten niet of uw cliënt de woning huurt. ", "We do not know whether you rent your home. ", "We do not know whether your client rents the home. ")+alleenHuur, huurtoeslagGrondslag, VraagWonen)
	}

	// 2. The kale huur against the basishuur (from 2026) or the maximum rent (2025).
	if h.Wonen.Soort == huishouden.Huur {
		huur := h.Wonen.HuurPerMaand
		switch {
		case huur == nil:
			zin := tekst(w, "Wij weten niet hoeveel kale huur u betaalt.", "Wij weten niet hoeveel kale huur uw cliënt betaalt.", "We do not know how much basic rent (kale huur) you pay.", "We do not know how much basic rent (kale huur) your client pays.")
			add(Onbekend, zin, huurtoeslagGrondslag, VraagWonen)
		case g.BasishuurBekend:
			b := g.Basishuur
			feit := tekstf(w, "Uw kale huur is %s per maand. ", "De kale huur van uw cliënt is %s per maand. ", "Your basic rent is %s a month. ", "Your client's basic rent is %s a month. ", bedrag(*huur))
			if *huur <= b.Bedrag {
				// The reference gives the basishuur with confidence low (derived by third parties), so a
				// rent at or below it is "probably not", not a firm no.
				add(Onbekend, feit+tekstf(w,
					"Dat is niet meer dan de basishuur van ongeveer %s. Dat deel van de huur betaalt iedereen zelf. Dan is er waarschijnlijk geen huurtoeslag. Dit bedrag weten wij niet zeker: de Dienst Toeslagen beslist.",
					"Dat is niet meer dan de basishuur van ongeveer %s. Dat deel van de huur betaalt iedereen zelf. Dan is er waarschijnlijk geen huurtoeslag. Dit bedrag weten wij niet zeker: de Dienst Toeslagen beslist.",
					"That is not more than the basic share of about %s (basishuur). Everyone pays that part of the rent themselves. Then there is probably no huurtoeslag. We are not sure of this amount: the Dienst Toeslagen decides.",
					"That is not more than the basic share of about %s (basishuur). Everyone pays that part of the rent themselves. Then there is probably no huurtoeslag. We are not sure of this amount: the Dienst Toeslagen decides.", bedrag(b.Bedrag)), nlBron(b))
			} else {
				add(Ja, feit+tekstf(w,
					"Dat is meer dan de basishuur van %s. Dat deel van de huur betaalt iedereen zelf. Over de rest kunt u huurtoeslag krijgen.",
					"Dat is meer dan de basishuur van %s. Dat deel van de huur betaalt iedereen zelf. Over de rest kan uw cliënt huurtoeslag krijgen.",
					"That is more than the basic share of %s (basishuur). Everyone pays that part of the rent themselves. You may get huurtoeslag for the rest.",
					"That is more than the basic share of %s (basishuur). Everyone pays that part of the rent themselves. Your client may get huurtoeslag for the rest.", bedrag(b.Bedrag)), nlBron(b))
			}
		case g.MaximaleHuurgrensBekend && *huur > g.MaximaleHuurgrens.Bedrag:
			m := g.MaximaleHuurgrens
			add(Onbekend, tekstf(w,
				"Uw kale huur is %s per maand. Dat is meer dan %s. Dan is er meestal geen huurtoeslag. Er zijn uitzonderingen: de Dienst Toeslagen beslist.",
				"De kale huur van uw cliënt is %s per maand. Dat is meer dan %s. Dan is er meestal geen huurtoeslag. Er zijn uitzonderingen: de Dienst Toeslagen beslist.",
				"Your basic rent is %s a month. That is more than %s. Then there is usually no huurtoeslag. There are exceptions: the Dienst Toeslagen decides.",
				"Your client's basic rent is %s a month. That is more than %s. Then there is usually no huurtoeslag. There are exceptions: the Dienst Toeslagen decides.", bedrag(*huur), bedrag(m.Bedrag)), nlBron(m))
		default:
			// 2025: the reference gives no basishuur, so a low rent cannot be ruled out here.
			zin := tekstf(w, "Uw kale huur is %s per maand. ", "De kale huur van uw cliënt is %s per maand. ", "Your basic rent is %s a month. ", "Your client's basic rent is %s a month. ", bedrag(*huur))
			zin += tekst(w, "Welk deel van de huur iedereen zelf betaalt (de basishuur), weten wij voor deze datum niet.", "Welk deel van de huur iedereen zelf betaalt (de basishuur), weten wij voor deze datum niet.",
				"We do not know for this date which part of the rent everyone pays themselves (basishuur).", "We do not know for this date which part of the rent everyone pays themselves (basishuur).")
			b := huurtoeslagGrondslag
			if g.MaximaleHuurgrensBekend {
				b = nlBron(g.MaximaleHuurgrens)
			}
			add(Onbekend, zin, b)
		}
	}

	// 3. Assets.
	vg := g.Vermogensgrens
	grens := tekstf(w, "De grens is %s.", "De grens is %s.", "The limit is %s.", "The limit is %s.", bedrag(vg.Bedrag))
	if partner {
		grens = tekstf(w, "De grens voor u en uw partner samen is %s.", "De grens voor uw cliënt en de partner samen is %s.", "The limit for you and your partner together is %s.", "The limit for your client and the partner together is %s.", bedrag(vg.Bedrag))
	}
	switch {
	case h.Vermogen == nil:
		add(Onbekend, tekst(w, "Wij weten niet hoeveel spaargeld en bezit u hebt. ", "Wij weten niet hoeveel spaargeld en bezit uw cliënt heeft. ", "We do not know your savings and assets. ", "We do not know your client's savings and assets. ")+grens, nlBron(vg), VraagVermogen)
	default:
		feit := tekstf(w, "Uw spaargeld en bezit is samen %s. ", "Het spaargeld en bezit van uw cliënt is samen %s. ", "Your savings and assets are %s. ", "Your client's savings and assets are %s. ", bedrag(*h.Vermogen))
		if *h.Vermogen > vg.Bedrag {
			add(Nee, feit+grens+tekst(w, " Dat is meer dan de grens. Dan is er geen huurtoeslag.", " Dat is meer dan de grens. Dan is er geen huurtoeslag.", " That is above the limit. Then there is no huurtoeslag.", " That is above the limit. Then there is no huurtoeslag."), nlBron(vg))
		} else {
			add(Ja, feit+grens, nlBron(vg))
		}
	}

	// 4. Income: never decided here (see the function comment).
	add(Onbekend, tekst(w,
		"Of u huurtoeslag krijgt en hoeveel, hangt ook af van uw inkomen per jaar vóór belasting. Dat rekent deze check niet uit. Doe de proefberekening van de Belastingdienst.",
		"Of uw cliënt huurtoeslag krijgt en hoeveel, hangt ook af van het inkomen per jaar vóór belasting. Dat rekent deze check niet uit. Doe de proefberekening van de Belastingdienst.",
		"Whether you get huurtoeslag and how much also depends on your yearly income before tax. This check does not work that out. Use the trial calculation (proefberekening) of the Belastingdienst.",
		"Whether your client gets huurtoeslag and how much also depends on the yearly income before tax. This check does not work that out. Use the trial calculation (proefberekening) of the Belastingdienst."),
		Bron{Tekst: "Belastingdienst, proefberekening toeslagen", URL: huurtoeslagLink})

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
