package web

import (
	"net/url"
	"strconv"
)

// Paging is one page of a list shown from an offset: which items are on it and the links to the
// first, previous, next and last page. Lists that sort and filter keep their filter in the links.
type Paging struct {
	Vanaf, Per, Totaal int // offset (0-based), page size, number of items
	Van, Tot           int // 1-based positions shown; 0 when the page is empty
	Pagina, Paginas    int
	// MeerDan: Totaal is a lower bound (more items match than were counted); there is no last page.
	MeerDan                           bool
	Eerste, Vorige, Volgende, Laatste string // URLs; "" when there is no such page
}

// NieuwePaging computes the paging of a page that shows getoond items from offset vanaf of a list of
// totaal items (a lower bound when meerDan), per per page; link returns the URL of the page that starts
// at an offset.
func NieuwePaging(vanaf, per, totaal, getoond int, meerDan bool, link func(vanaf int) string) Paging {
	if per < 1 {
		per = 1
	}
	p := Paging{Vanaf: vanaf, Per: per, Totaal: totaal, MeerDan: meerDan}
	if getoond > 0 {
		p.Van, p.Tot = vanaf+1, vanaf+getoond
	}
	p.Paginas = max((totaal+per-1)/per, 1)
	p.Pagina = vanaf/per + 1
	if vanaf > 0 {
		p.Eerste = link(0)
		p.Vorige = link(min(max(vanaf-per, 0), (p.Paginas-1)*per))
	}
	if vanaf+per < totaal || meerDan {
		p.Volgende = link(vanaf + per)
		if !meerDan {
			p.Laatste = link((p.Paginas - 1) * per)
		}
	}
	return p
}

// LeesVanaf reads a non-negative offset from query parameter naam; absent is 0, anything else that
// is not a whole number of 0 or more is false.
func LeesVanaf(q url.Values, naam string) (int, bool) {
	v := q.Get(naam)
	if v == "" {
		return 0, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 0
}
