package main

import (
	"context"
	"errors"
	"strconv"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/web/netwerkweb"
	"github.com/zeker-platform/zeker/internal/web/zakenweb"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// verwijsBronnen connects referrals (netwerkweb) to the zaken and vroegsignaalzaken they start from.
// Checking that one exists reads it the way its own page does (and logs that read): the case worker
// refers from it.
func verwijsBronnen(zk *zaken.Service, sig *opslag.Service) netwerkweb.Bronnen {
	return netwerkweb.Bronnen{
		Bestaat: func(ctx context.Context, gm string, b netwerk.Bron, id int64) error {
			var err error
			switch {
			case b == netwerk.BronZaak && zk != nil:
				_, err = zk.Zaak(ctx, gm, id)
			case b == netwerk.BronVroegsignaal && sig != nil:
				_, err = sig.Zaak(ctx, gm, id, 0)
			default:
				return errs.NotFound
			}
			if errors.Is(err, zaken.ErrNietGevonden) || errors.Is(err, opslag.ErrNietGevonden) {
				return errs.NotFound
			}
			return err
		},
		URL: func(gm string, b netwerk.Bron, id int64) string {
			if b == netwerk.BronZaak {
				return zakenweb.ZaakURL(gm, id)
			}
			return "/beheer/" + gm + "/signalen/" + strconv.FormatInt(id, 10)
		},
	}
}
