package zakenweb

import (
	"context"
	"strconv"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
)

// BudgetAanvraag is one request from a budget for a zaak, as the zaak page lists it. The composition
// root fills it from internal/budget (Deps.BudgetAanvragen): this part does not know that part.
type BudgetAanvraag struct {
	Datum  string // the day it was submitted, "9 maart 2026"
	Budget string // the budget's name and year
	Bedrag string // the amount, or the value of the goods or voucher, "€ 150,00"
	Status string // "Wacht op besluit", "Toegekend", …
	URL    string // the request's page
}

// BudgetAanvragen gives the newest requests (at most max) of zaak id and how many there are in all;
// the read is in the processing log (the budget part writes it).
type BudgetAanvragen func(ctx context.Context, gemeente string, zaak int64, max int) ([]BudgetAanvraag, int, error)

// maxBudgetAanvragen bounds the rows on the zaak page; the link lists them all.
const maxBudgetAanvragen = 20

// budgetSectie is the zaak page's section of budget requests (templates/zaken_budgetaanvragen.html).
type budgetSectie struct {
	Toon     bool // the user holds budgetten.lezen and the part has the function
	Rijen    []BudgetAanvraag
	Totaal   int
	Fout     bool // the requests could not be read; the rest of the page is shown
	LijstURL string
}

// vulBudgetAanvragen fills the section for users with budgetten.lezen; for others it stays empty (and
// nothing is read).
func (s *server) vulBudgetAanvragen(ctx context.Context, d *zaakData, gm string, id int64) {
	d.BudgetAanvragen.LijstURL = "/beheer/" + gm + "/budgetaanvragen?zaak=" + strconv.FormatInt(id, 10)
	if s.budgetAanvragen == nil || !auth.Mag(web.ActorUit(ctx), gm, auth.BudgettenLezen) {
		return
	}
	d.BudgetAanvragen.Toon = true
	rijen, n, err := s.budgetAanvragen(ctx, gm, id, maxBudgetAanvragen)
	if err != nil {
		// The zaak page is still shown; the section says the requests could not be read.
		s.kit.Log().ErrorContext(ctx, "zaakpagina: budgetaanvragen", "gemeente", gm, "zaak", id, "fout", err)
		d.BudgetAanvragen.Fout = true
		return
	}
	d.BudgetAanvragen.Rijen, d.BudgetAanvragen.Totaal = rijen, n
}
