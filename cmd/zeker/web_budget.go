package main

import (
	"context"
	"strconv"

	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/web/budgetweb"
	"github.com/zeker-platform/zeker/internal/web/zakenweb"
)

// zaakBudgetAanvragen gives the zaak page its budget requests (newest first) from the budget part, so
// zakenweb does not import it; the list is a read in the processing log (budget.Service.Aanvragen).
func zaakBudgetAanvragen(bs *budget.Service) zakenweb.BudgetAanvragen {
	return func(ctx context.Context, gm string, zaak int64, max int) ([]zakenweb.BudgetAanvraag, int, error) {
		if zaak <= 0 {
			return nil, 0, nil
		}
		zone, err := termijn.Zone()
		if err != nil {
			return nil, 0, err
		}
		rijen, n, err := bs.Aanvragen(ctx, gm, budget.AanvraagFilter{ZaakID: zaak, Limiet: max})
		if err != nil {
			return nil, 0, err
		}
		out := make([]zakenweb.BudgetAanvraag, 0, len(rijen))
		for _, a := range rijen {
			out = append(out, zakenweb.BudgetAanvraag{Datum: brief.DatumNL(datum.Van(a.Ingediend, zone)), Budget: a.BudgetNaam + " " + strconv.Itoa(a.BudgetJaar),
				Bedrag: a.Bedrag.String(), Status: a.Status.Naam(), URL: budgetweb.AanvraagURL(gm, a.ID)})
		}
		return out, n, nil
	}
}
