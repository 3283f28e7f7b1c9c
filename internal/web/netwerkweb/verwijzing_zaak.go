package netwerkweb

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/web"
)

// kanZaakStarten reports whether referral v can start a zaak: a referral to the gemeente whose consent
// was not withdrawn (the gemeente no longer sees the resident's data then).
func kanZaakStarten(v netwerk.Verwijzing) bool {
	return v.Richting == netwerk.NaarGemeente && !v.Verborgen && v.Ingetrokken == nil
}

// verwijzingZaak starts a debt-help zaak from a partner's referral to the gemeente (docs/zaken.md,
// start) and goes to it; a second click goes to the zaak the first one made. A referral the user does
// not see as the gemeente, or one to a partner, does not exist here (404).
func (s *server) verwijzingZaak(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	id, ok := web.PathID(r, "id")
	if !ok || !s.bronnen.zakenAan() {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze verwijzing bestaat niet.")
		return
	}
	k, err := s.kijker(r, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	v, _, err := s.net.Verwijzing(r.Context(), gm, id, k)
	if errors.Is(err, errs.NotFound) || (err == nil && (!k.Gemeente || v.Richting != netwerk.NaarGemeente)) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze verwijzing bestaat niet, of je mag hem niet zien.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if !s.bronnen.MagZaakStarten(r, gm) {
		s.kit.StaffError(w, r, http.StatusForbidden, "Je mag geen zaak starten in deze gemeente.")
		return
	}
	if !kanZaakStarten(v) {
		s.kit.StaffError(w, r, http.StatusConflict, "De inwoner heeft de toestemming ingetrokken: start geen zaak vanuit deze verwijzing.")
		return
	}
	naam := ""
	if o, err := s.net.Partners().Haal(r.Context(), v.PartnerID); err == nil {
		naam = o.Naam
	}
	zid, err := s.bronnen.StartZaak(r, gm, v, naam)
	if err != nil && !(errors.Is(err, errs.Conflict) && zid > 0) {
		s.kit.InternalError(w, r, err)
		return
	}
	http.Redirect(w, r, s.bronnen.URL(gm, netwerk.BronZaak, zid), http.StatusSeeOther)
}
