package scanweb

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/web"
)

// scanBesluit records a consulent's decision on a proposal: approve or reject, always with a reason.
// The decision is stored with the proposal's receipt and written to the processing log in the same
// transaction; a proposal is decided once.
func (s *server) scanBesluit(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	d := &scanVoorstelData{Reden: strings.TrimSpace(r.PostFormValue("reden"))}
	besluit := r.PostFormValue("besluit")
	if besluit != "goedkeuren" && besluit != "afwijzen" {
		d.Add("besluit", "Kies: goedkeuren of afwijzen.")
	}
	switch {
	case d.Reden == "":
		d.Add("reden", "Schrijf waarom u dit besluit. Dat is verplicht, ook bij goedkeuren.")
	case utf8.RuneCountInString(d.Reden) > 1000:
		d.Add("reden", "De reden is te lang: hoogstens 1000 tekens.")
	}
	if len(d.Fouten) > 0 {
		s.toonVoorstel(w, r, http.StatusUnprocessableEntity, d)
		return
	}
	i := web.LoginUit(r.Context())
	door := "onbekend"
	if i != nil {
		door = i.Gebruiker.Naam
	}
	v, err := s.scan.Beslis(r.Context(), gm, id, scan.Besluit{Goedkeuren: besluit == "goedkeuren", Reden: d.Reden, Door: door})
	switch {
	case errors.Is(err, errs.NotFound):
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	case errors.Is(err, scan.ErrAlBeslist):
		s.kit.StaffError(w, r, http.StatusConflict, "Over dit voorstel is al besloten.")
		return
	case err != nil:
		s.kit.InternalError(w, r, err)
		return
	}
	web.TerugNaar(w, r, "/beheer/"+gm+"/scan/voorstellen", string(v.Status))
}
