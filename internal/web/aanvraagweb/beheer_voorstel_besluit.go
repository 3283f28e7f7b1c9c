package aanvraagweb

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
)

// voorstelBesluit accepts or declines an ambtshalve proposal, always with a reason. Accepting approves
// the proposal and makes the application-and-decision with the letter in one transaction and opens the
// application; when that fails nothing is stored, the page says why and the proposal stays in the
// inbox, open, with the failure shown, to try again or decline. An approved proposal without its
// application (approved before this was one transaction) is retried with the same form, its stored
// reason kept.
func (s *server) voorstelBesluit(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r, "id")
	if !ok || s.voorstellen == nil {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet in deze gemeente.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &voorstelData{Besluit: r.PostFormValue("besluit"), Reden: strings.TrimSpace(r.PostFormValue("reden"))}
	opnieuw := d.Besluit == "opnieuw"
	if d.Besluit != "aanvaarden" && d.Besluit != "afwijzen" && !opnieuw {
		d.Add("besluit", "Kies: aanvaarden of afwijzen.")
	}
	switch {
	case d.Reden == "" && !opnieuw:
		d.Add("reden", "Schrijf waarom u dit besluit. Dat is verplicht, ook bij aanvaarden.")
	case utf8.RuneCountInString(d.Reden) > 1000:
		d.Add("reden", "De reden is te lang: hoogstens 1000 tekens.")
	}
	if len(d.Fouten) > 0 {
		s.toonVoorstel(w, r, http.StatusUnprocessableEntity, d)
		return
	}
	door := medewerker(r)
	if d.Besluit == "afwijzen" {
		err := s.voorstellen.WijsAf(r.Context(), gm, id, d.Reden, door)
		if err == nil {
			http.Redirect(w, r, basis(gm)+"?status="+StatusVoorstel+"&klaar=afgewezen", http.StatusSeeOther)
			return
		}
		s.besluitFout(w, r, d, err)
		return
	}
	a, err := s.voorstellen.Aanvaard(r.Context(), gm, id, d.Reden, door)
	if err != nil {
		s.besluitFout(w, r, d, err)
		return
	}
	web.TerugNaar(w, r, aanvraagURL(gm, a.ID), "ambtshalve")
}

func (s *server) besluitFout(w http.ResponseWriter, r *http.Request, d *voorstelData, err error) {
	if o, ok := aanvragen.IsOngeldig(err); ok {
		d.Add("besluit", o.Bericht+" Er is niets vastgelegd: het voorstel staat nog open.")
		s.toonVoorstel(w, r, http.StatusUnprocessableEntity, d)
		return
	}
	switch {
	case errors.Is(err, errs.NotFound):
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet in deze gemeente.")
	case errors.Is(err, errs.Conflict):
		d.Add("besluit", "Over dit voorstel is al besloten. Hieronder staat de stand.")
		s.toonVoorstel(w, r, http.StatusConflict, d)
	default:
		s.kit.Error(w, r, err, "")
	}
}
