package signalenweb

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/web"
)

// signalenBriefadresVerwijderen takes an address off the gemeente's list of briefadressen. Signals
// already received keep their zaak; from the next delivery on the address is an ordinary one again
// (unless the household register marks it as a briefadres).
func (s *server) signalenBriefadresVerwijderen(w http.ResponseWriter, r *http.Request) {
	d := &instellingenData{}
	gm, ok := s.signalenPagina(w, r, &d.StaffPage, "Vroegsignalering: instellingen")
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	n, err := strconv.Atoi(r.PostForm.Get("huisnummer"))
	// Out of the range Controleer allows, no list holds it; PostgreSQL's INTEGER column would refuse a
	// larger number with an error (a 500), where SQLite finds nothing.
	if err != nil || n < 1 || n > 99999 {
		s.kit.StaffError(w, r, http.StatusBadRequest, "Dit briefadres staat niet in de lijst. Ga terug naar de instellingen en probeer het opnieuw.")
		return
	}
	a := signalen.Adres{Postcode: r.PostForm.Get("postcode"), Huisnummer: n, Toevoeging: r.PostForm.Get("toevoeging")}
	err = s.store.VerwijderBriefadres(r.Context(), gm, a)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit briefadres staat niet (meer) in de lijst.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.kit.Log().InfoContext(r.Context(), "signalen: briefadres verwijderd", "gemeente", gm)
	web.TerugNaar(w, r, "/beheer/"+gm+"/signalen/instellingen", "briefadres-weg")
}
