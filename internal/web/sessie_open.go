package web

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/auth"
)

// LoginOpOpenRoute reads the session of a request on an Open route (the resident check), or nil
// without a valid one. The route stays public: nothing is required, nothing is refreshed or refused, and
// without a session cookie no database is read. A public page uses it only to show one thing more to a
// logged-in user (the check's referral link, docs/netwerk.md); such a page must not be cached shared
// (StuurPagina sends no-store).
func (k *Kit) LoginOpOpenRoute(r *http.Request) *Login {
	if k.deps.Auth == nil || auth.SessieToken(r, k.cfg.BehindTLS) == "" {
		return nil
	}
	l, err := k.sessie(r)
	if err != nil {
		k.log.WarnContext(r.Context(), "sessie op open route", "fout", err)
		return nil
	}
	if l != nil && l.Gebruiker.MoetWachtwoordWijzigen {
		return nil // must change the password first: treated as not logged in here
	}
	return l
}
