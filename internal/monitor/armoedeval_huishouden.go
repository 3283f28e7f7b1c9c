package monitor

import (
	"slices"
	"time"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// The armoedeval of one resident's household (the check's answers) rather than a standard type: the
// same curve (Armoedeval), on the household's own facts. Only facts the household gave are used; a
// missing fact is a Tekort naming the question that asks it, and a situation the curve does not model
// is a Tekort with its reason — never a curve drawn from guessed facts.

// Tekort is why a household's own curve cannot be drawn.
type Tekort struct {
	// Vraag is the question that asks the missing fact (the check links it to its step); "" when the
	// fact is known but the curve does not model the situation.
	Vraag regels.Vraag `json:"vraag,omitempty"`
	// Reden is a short code for the page's catalogue: leeftijd, inkomen, vermogen, wonen, huur (a fact
	// is missing); partner_inkomen, inkomen_soort, medebewoners, aow_gemengd (not modelled).
	Reden string `json:"reden"`
}

// The reasons of a Tekort.
const (
	TekortLeeftijd       = "leeftijd"
	TekortInkomen        = "inkomen"
	TekortVermogen       = "vermogen"
	TekortWonen          = "wonen"
	TekortHuur           = "huur"
	TekortPartnerInkomen = "partner_inkomen" // the partner has an income: the curve varies one earner's wage
	TekortInkomenSoort   = "inkomen_soort"   // an income besides wage, bijstand or AOW (pension, WW, alimony…)
	TekortMedebewoners   = "medebewoners"    // other adults at the address: their income is not asked
	TekortAOWGemengd     = "aow_gemengd"     // one partner has reached the AOW age and the other not
)

// TypeVan derives the household type of a resident's household on datum for the armoedeval. The
// aanvrager's wage is what rises along the curve; the household keeps its own birth dates, assets,
// rent and the schemes it receives (bijstand excepted: the curve computes the bijstand itself). With
// any Tekort the type must not be used.
func TypeVan(h *huishouden.Huishouden, datum time.Time, params *nl.Parameters) (Huishoudtype, []Tekort) {
	var uit []Tekort
	erbij := func(v regels.Vraag, reden string) {
		t := Tekort{Vraag: v, Reden: reden}
		if !slices.Contains(uit, t) {
			uit = append(uit, t)
		}
	}
	t := Huishoudtype{ID: "eigen", Naam: "Eigen huishouden"}
	var aowAanvrager, aowPartner *bool
	aow := func(p *huishouden.Persoon) *bool {
		b, err := params.AOWBereikt(p.Geboortedatum.Tijd(), datum)
		if err != nil {
			return nil
		}
		return &b
	}
	// Income: of the aanvrager only wage, bijstand (and AOW from the AOW age) fit the curve; the
	// partner's income must be none or the couple's bijstand.
	inkomenPast := func(p *huishouden.Persoon, partner bool) {
		v := regels.VraagInkomenAanvrager
		if partner {
			v = regels.VraagInkomenPartner
		}
		if p.InkomenOnbekend {
			erbij(v, TekortInkomen)
			return
		}
		for _, i := range p.Inkomens {
			switch {
			case i.Soort == huishouden.Bijstand || i.Soort == huishouden.AOW:
			case i.Soort == huishouden.Loon && !partner:
			case partner && i.BedragPerMaand > 0:
				erbij("", TekortPartnerInkomen)
			case i.BedragPerMaand > 0:
				erbij("", TekortInkomenSoort)
			}
		}
	}
	for i := range h.Personen {
		p := &h.Personen[i]
		switch p.Rol {
		case huishouden.Aanvrager:
			if p.Geboortedatum == nil {
				erbij(regels.VraagGeboortedatumAanvrager, TekortLeeftijd)
			} else {
				t.Leeftijd = leeftijdOp(p.Geboortedatum.Tijd(), datum)
				aowAanvrager = aow(p)
			}
			inkomenPast(p, false)
		case huishouden.Partner:
			t.Partner = true
			if p.Geboortedatum == nil {
				erbij(regels.VraagGeboortedatumPartner, TekortLeeftijd)
			} else {
				aowPartner = aow(p)
			}
			inkomenPast(p, true)
		case huishouden.Kind:
			if p.Geboortedatum == nil {
				erbij(regels.VraagGeboortedatumKinderen, TekortLeeftijd)
			} else {
				t.Kinderen = append(t.Kinderen, leeftijdOp(p.Geboortedatum.Tijd(), datum))
			}
		case huishouden.Medebewoner:
			erbij("", TekortMedebewoners)
		}
	}
	if aowAanvrager != nil {
		t.AOW = *aowAanvrager
		if t.Partner && aowPartner != nil && *aowPartner != *aowAanvrager {
			erbij("", TekortAOWGemengd)
		}
	}
	if h.Vermogen == nil {
		erbij(regels.VraagVermogen, TekortVermogen)
	} else {
		t.Vermogen = *h.Vermogen
	}
	switch h.Wonen.Soort {
	case "":
		erbij(regels.VraagWonen, TekortWonen)
	case huishouden.Huur:
		if h.Wonen.HuurPerMaand == nil {
			erbij(regels.VraagWonen, TekortHuur)
		} else {
			b := *h.Wonen.HuurPerMaand
			t.Huur = &b
		}
	}
	eigen := *h
	eigen.Personen = slices.Clone(h.Personen)
	for i := range eigen.Personen {
		eigen.Personen[i].Inkomens, eigen.Personen[i].InkomenOnbekend = nil, false
	}
	eigen.Ontvangt = slices.DeleteFunc(slices.Clone(h.Ontvangt), func(o huishouden.Ontvangst) bool { return o.Regeling == "bijstand" })
	if eigen.Ontvangt == nil && h.Ontvangt != nil {
		eigen.Ontvangt = []huishouden.Ontvangst{}
	}
	t.eigen = &eigen
	return t, uit
}

// leeftijdOp is the age in whole years on datum.
func leeftijdOp(geb, datum time.Time) int {
	j := datum.Year() - geb.Year()
	if datum.Month() < geb.Month() || (datum.Month() == geb.Month() && datum.Day() < geb.Day()) {
		j--
	}
	return j
}

// eigenHuishouden is the household of a type made by TypeVan: the household's own facts, without
// incomes (the curve sets them per point) and with the assets and rent of the type.
func eigenHuishouden(t Huishoudtype) *huishouden.Huishouden {
	h := *t.eigen
	h.Personen = slices.Clone(t.eigen.Personen)
	v := t.Vermogen
	h.Vermogen = &v
	if t.Huur != nil {
		b := *t.Huur
		h.Wonen = huishouden.Wonen{Soort: huishouden.Huur, HuurPerMaand: &b}
	}
	return &h
}
