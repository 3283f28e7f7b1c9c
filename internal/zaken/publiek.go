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
// Every published count is rounded, so a suppressed year cannot be recovered from the total of all
// years minus the other years (the reference's secondary-suppression rule).

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
