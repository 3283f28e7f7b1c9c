package regels

import "strconv"

// zetParametersVan fixes the trace parameters of every condition of reg.
func zetParametersVan(reg *Regeling) {
	for i := range reg.voorwaarden {
		zetParameters(&reg.voorwaarden[i], reg.ID)
	}
}

// zetParameters fixes, at compile time, the trace parameters of condition v of regeling id and of its
// alternatives (Criterium.Parameters): the income limit and its basis, the reference period of a long
// low income, kwijtschelding's costs of living. A value from an open term carries the term's id
// ("$inkomensgrens"), so two regelingen that use one term must show one value; a value written in the
// condition carries "<regeling>.<kind>.<what>".
func zetParameters(v *voorwaarde, id string) {
	eigen := func(wat string) string { return id + "." + v.soort.String() + "." + wat }
	switch v.soort {
	case vwInkomen:
		b := Parameter{ID: eigen("basis"), Waarde: "onbekend"}
		switch v.basis {
		case basisInclVT:
			b.Waarde = "incl_vt"
		case basisExclVT:
			b.Waarde = "excl_vt"
		}
		v.params = [2]Parameter{v.grens.parameter(eigen("grens")), b}
		v.paramsKind = v.params
		if v.grensKind.bekend || v.grensKind.term != "" {
			v.paramsKind[0] = v.grensKind.parameter(eigen("grens_kind"))
		}
		v.nParams = 2
	case vwLaagInkomen, vwOntvangt:
		if v.soort == vwOntvangt && v.maandenBekend && v.maanden == 0 {
			break // receiving it is enough: no period
		}
		w := "onbekend"
		if v.maandenBekend {
			w = strconv.Itoa(v.maanden) + " maanden"
		}
		v.params[0] = Parameter{ID: eigen("min_maanden"), Waarde: w}
		v.nParams = 1
	case vwKwijtVermogen:
		v.params[0] = v.grens.parameter(eigen("kosten_van_bestaan"))
		v.nParams = 1
	}
	for i := range v.sub {
		zetParameters(&v.sub[i], id)
	}
}
