package zaken

// The indicators of Wgs art. 4 lid 3 as the resident may see them (the public page of zakenweb,
// /schuldhulp/{gemeente}/cijfers, and its open-data CSV). The reference
// (shared/reference/vroegsignalering.md §1.2, row "Transparency | 4 lid 3") says the college gives
// insight into the number of weeks between the first conversation and reaching the result; the share of
// first conversations within the term of art. 4 lid 1 and 2 stands beside it. Only published figures
// leave this function, under the small-number rules of shared/reference/zaken-netwerk-monitor.md §4.5
// (after CBS, Aanvullende onderzoeksbeschrijving Inkomensstatistiek §5):
//   - a share only with a denominator of at least MinNoemer (rule 2);
//   - a median only over at least MinNoemer zaken (rule 3); the mean is never published (rule 3's
//     dominance check is not done, so only the median may be shown);
//   - the number of zaken behind a figure rounded to a multiple of AfrondenOp (PubliceerTelling), and
//     not at all when the figure itself is suppressed.
// Every published count is rounded; that alone does not stop a suppressed year's share being recovered
// from the share of all years minus the other years, so PubliekReeks adds the reference's secondary
// suppression of the all-years share.

// PubliekCijfer is one published figure: Waarde (percent or weeks, one decimal) only when Getoond;
// Zaken is the rounded number of zaken behind it ("" when not shown).
type PubliekCijfer struct {
	Waarde  float64
	Getoond bool
	Zaken   string
}

// PubliekJaar is one calendar year (Jaar 0: all years) of the public figures.
type PubliekJaar struct {
	Jaar int
	// Art. 4 lid 3: median weeks from the first conversation to the result (the help completed).
	Resultaat PubliekCijfer
	// Art. 4 lid 1 and 2: share of first conversations within the term; Crisis: within 3 working days.
	Gesprekken PubliekCijfer
	Crisis     PubliekCijfer
}

func publiekAandeel(m Termijnmaat) PubliekCijfer {
	p, ok := PubliceerAandeel(m.OpTijd, m.Beoordeeld)
	if !ok {
		return PubliekCijfer{}
	}
	return PubliekCijfer{Waarde: p, Getoond: true, Zaken: PubliceerTelling(m.Beoordeeld)}
}

// Publiek turns the exact indicators of one year into what may be published.
func Publiek(in Indicatoren) PubliekJaar {
	p := PubliekJaar{Jaar: in.Jaar, Gesprekken: publiekAandeel(in.Gesprekken), Crisis: publiekAandeel(in.Crisis)}
	if in.Resultaat.Aantal >= MinNoemer {
		p.Resultaat = PubliekCijfer{Waarde: in.Resultaat.Mediaan, Getoond: true, Zaken: PubliceerTelling(in.Resultaat.Aantal)}
	}
	return p
}

// PubliekReeks turns the indicators of every year, all years last (Jaar 0, as IndicatorenPerJaar gives
// them), into what may be published, with the secondary suppression of the reference (§4.5, "own,
// conservative" rule): rounding the counts alone does not hold, because a share with one decimal over
// 100 or more zaken nearly always fixes its numerator and denominator, so the share of all years minus
// the shown years would give the share of a suppressed year. A share of all years is therefore shown
// only when the years whose share is suppressed hold together no zaken or at least MinNoemer. (A median
// cannot be taken apart that way and is not touched.)
func PubliekReeks(ind []Indicatoren) []PubliekJaar {
	v := make([]PubliekJaar, 0, len(ind))
	for _, in := range ind {
		v = append(v, Publiek(in))
	}
	if len(ind) < 2 || ind[len(ind)-1].Jaar != 0 {
		return v
	}
	var gesprekken, crisis []int
	for _, in := range ind[:len(ind)-1] {
		gesprekken = append(gesprekken, in.Gesprekken.Beoordeeld)
		crisis = append(crisis, in.Crisis.Beoordeeld)
	}
	alle := &v[len(v)-1]
	if secundairOnderdrukken(gesprekken) {
		alle.Gesprekken = PubliekCijfer{}
	}
	if secundairOnderdrukken(crisis) {
		alle.Crisis = PubliekCijfer{}
	}
	return v
}

// secundairOnderdrukken is the secondary suppression rule of PubliekReeks for a share published per
// year and for all years together: noemers are the denominators of the single years. The share of all
// years may not be published when the years whose own share is suppressed (a denominator below
// MinNoemer) hold together 1 to MinNoemer-1 zaken, because the all-years share minus the shown years
// would give theirs. Every published series of shares per year with an all-years total uses it (the
// public figures here, the marker counts in PubliekDoelgroep).
func secundairOnderdrukken(noemers []int) bool {
	som := 0
	for _, n := range noemers {
		if n > 0 && n < MinNoemer {
			som += n
		}
	}
	return som > 0 && som < MinNoemer
}
