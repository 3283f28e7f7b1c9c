package web

import (
	"errors"
	"net/http"

	"github.com/zeker-platform/zeker/internal/errs"
)

// The error pages. A resident gets a friendly page in their language with where to go next; staff get
// what happened in the words of the field. Neither shows details: those go to the log.

type foutData struct {
	Page
	Bericht string
	Terug   string
}

type staffFoutData struct {
	StaffPage
	Bericht string
	Terug   string
}

// kitPages parses the kit's own pages: the resident error page and the staff error page.
func (k *Kit) kitPages() (res, staff *Pages, err error) {
	if res, err = k.Pages(Templates{FS: templateFS, Dir: "templates/resident"}); err != nil {
		return nil, nil, err
	}
	if staff, err = k.Pages(Templates{FS: templateFS, Dir: "templates/staff", Staff: true}); err != nil {
		return nil, nil, err
	}
	return res, staff, nil
}

// ResidentError shows a friendly error page: what happened in plain words (the catalogue text of key,
// its title under key+".titel") and where to go, no details.
func (k *Kit) ResidentError(w http.ResponseWriter, r *http.Request, status int, key string) {
	l := k.talen.Taal(r.URL.Query().Get("lang"), false)
	d := &foutData{Bericht: l.T(key), Terug: "/?lang=" + l.Code}
	k.VulPagina(&d.Page, l, l.T(key+".titel"), "/")
	k.eigen.Render(w, r, status, "fout", d)
}

// NotFound is the resident 404 page.
func (k *Kit) NotFound(w http.ResponseWriter, r *http.Request) {
	k.ResidentError(w, r, http.StatusNotFound, "fout.nietgevonden")
}

// StaffError shows an error page on the staff side: what happened and where to go.
func (k *Kit) StaffError(w http.ResponseWriter, r *http.Request, status int, bericht string) {
	titel := map[int]string{
		http.StatusForbidden:           "Geen toegang",
		http.StatusNotFound:            "Niet gevonden",
		http.StatusBadRequest:          "Verzoek niet gelezen",
		http.StatusConflict:            "Bestaat al",
		http.StatusUnprocessableEntity: "Invoer niet opgeslagen",
		http.StatusServiceUnavailable:  "Even bezet",
		http.StatusInternalServerError: "Er ging iets mis",
	}[status]
	if titel == "" {
		titel = "Er ging iets mis"
	}
	d := &staffFoutData{Bericht: bericht, Terug: "/beheer/"}
	k.VulStaff(&d.StaffPage, r, titel, nil)
	k.eigenStaff.Render(w, r, status, "staff_fout", d)
}

// InternalError logs err and shows the staff 500 page without details.
func (k *Kit) InternalError(w http.ResponseWriter, r *http.Request, err error) {
	k.log.ErrorContext(r.Context(), "staff", "path", r.URL.Path, "fout", err)
	k.StaffError(w, r, http.StatusInternalServerError, "Er ging bij ons iets mis. Probeer het later nog eens. Blijft het misgaan, meld het dan bij de beheerder.")
}

// Error turns an error into the staff status page of its kind (internal/errs): not found 404, conflict
// 409, constraint and invalid 422, forbidden 403, busy 503; anything else is logged and gets the 500
// page. bericht, when not empty, is what the user reads for a known kind.
func (k *Kit) Error(w http.ResponseWriter, r *http.Request, err error, bericht string) {
	status, standaard := StatusVan(err)
	if status == http.StatusInternalServerError {
		k.InternalError(w, r, err)
		return
	}
	if bericht == "" {
		bericht = standaard
	}
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	k.StaffError(w, r, status, bericht)
}

// StatusVan maps the kind of err to an HTTP status and a default message in the words of the field.
func StatusVan(err error) (int, string) {
	switch errs.KindOf(err) {
	case errs.NotFound:
		return http.StatusNotFound, "Dit bestaat niet (meer), of je mag het in deze gemeente niet zien."
	case errs.Conflict:
		return http.StatusConflict, "Dit bestaat al."
	case errs.Constraint:
		return http.StatusUnprocessableEntity, "Dit kan niet: het past niet bij wat er al is vastgelegd."
	case errs.Invalid:
		msg := "De invoer klopt niet."
		if e := errors.Unwrap(err); e != nil {
			msg = err.Error()
		}
		return http.StatusUnprocessableEntity, msg
	case errs.Forbidden:
		return http.StatusForbidden, "Je mag dit niet doen in deze gemeente."
	case errs.Busy:
		return http.StatusServiceUnavailable, "Het is even te druk. Probeer het over een paar seconden opnieuw."
	}
	return http.StatusInternalServerError, ""
}
