package zakenweb

import (
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// Borne's Jongeren Perspectief Fonds (internal/zaken/jongeren.go): a sub-route of schuldhulp whose steps
// are offered on the zaak page and as a worklist filter only when the gemeente's settings say its plan
// names the fund.

// vulJongerenInstelling fills the settings form (after an error: what was filled in).
func vulJongerenInstelling(d *instellingenData, in zaken.Instellingen, form map[string]string) {
	d.Jongerenfonds, d.JongerenfondsBron, d.Leeftijdsgrens = in.Jongerenfonds.Aan, in.Jongerenfonds.Bron, zaken.LeeftijdsgrensJPF
	if form != nil {
		d.Jongerenfonds, d.JongerenfondsBron = form["jongerenfonds"] == "1", form["jongerenfonds-bron"]
	}
}

// leesJongerenInstelling reads the setting from the form; a missing or too long source at its field.
func leesJongerenInstelling(d *instellingenData, in *zaken.Instellingen, form map[string]string) {
	in.Jongerenfonds = zaken.Jongerenregel{Aan: form["jongerenfonds"] == "1", Bron: form["jongerenfonds-bron"]}
	switch {
	case in.Jongerenfonds.Aan && in.Jongerenfonds.Bron == "":
		d.Add("jongerenfonds-bron", "Jongeren Perspectief Fonds: noem de bron (het plan) die het fonds noemt.")
	case len([]rune(in.Jongerenfonds.Bron)) > 1000:
		d.Add("jongerenfonds-bron", "Jongeren Perspectief Fonds: de bron is te lang (hoogstens 1.000 tekens).")
	}
}

// vulJongerenStappen adds the steps of the fund to the step form of the zaak page when they fit.
func vulJongerenStappen(d *zaakData, z zaken.Zaak, in zaken.Instellingen, gekozen string) {
	if !in.Jongerenfonds.Aan || z.Route != zaken.Schuldhulp {
		return
	}
	for _, st := range zaken.JPFStappen() {
		d.StapOpties = append(d.StapOpties, web.Optie{Waarde: string(st), Label: st.Naam(), Gekozen: string(st) == gekozen})
	}
}

// jongerenFilter adds the steps of the fund to the worklist's step filter of a gemeente that offers it.
func jongerenFilter(rs [][2]string, in zaken.Instellingen) [][2]string {
	if !in.Jongerenfonds.Aan {
		return rs
	}
	for _, st := range zaken.JPFStappen() {
		rs = append(rs, [2]string{string(st), st.Naam()})
	}
	return rs
}
