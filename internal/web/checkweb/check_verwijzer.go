package checkweb

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/auth"
)

// verwijzer is who reads an intermediary's result, for the hand-over sheet's referral link: the check
// is public (no login needed), so this is read from a session cookie when there is one
// (web.Kit.LoginOpOpenRoute), only in intermediary mode.
type verwijzer int

const (
	// verwijzerNiemand: not logged in (or a user who may not refer here): the sheet offers the login.
	verwijzerNiemand verwijzer = iota
	// verwijzerPartner: a partner user who may refer to the gemeente (verwijzingen.maken without
	// zaken.lezen, as the netwerk part decides it): the sheet links to the prefilled form.
	verwijzerPartner
	// verwijzerGemeente: the gemeente's own case worker: a referral to a partner starts at a zaak.
	verwijzerGemeente
)

func (s *server) verwijzerVan(r *http.Request, gemeente string) verwijzer {
	l := s.kit.LoginOpOpenRoute(r)
	switch {
	case l == nil || !auth.Mag(l.Actor, gemeente, auth.VerwijzingenMaken):
		return verwijzerNiemand
	case auth.Mag(l.Actor, gemeente, auth.ZakenLezen):
		return verwijzerGemeente
	}
	return verwijzerPartner
}
