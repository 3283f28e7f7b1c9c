package web

import (
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/store"
)

// scanBesluit records a consulent's decision on a proposal: approve or reject, always with a reason.
// The decision is stored with the proposal's receipt and written to the processing log in the same
// transaction; a proposal is decided once.
func (s *Server) scanBesluit(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	id, ok := idUit(r, "id")
	if !ok {
		s.staffFout(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	d := &scanVoorstelData{Reden: strings.TrimSpace(r.PostFormValue("reden"))}
	besluit := r.PostFormValue("besluit")
	if besluit != "goedkeuren" && besluit != "afwijzen" {
		d.fout("besluit", "Kies: goedkeuren of afwijzen.")
	}
	switch {
	case d.Reden == "":
		d.fout("reden", "Schrijf waarom u dit besluit. Dat is verplicht, ook bij goedkeuren.")
	case utf8.RuneCountInString(d.Reden) > 1000:
		d.fout("reden", "De reden is te lang: hoogstens 1000 tekens.")
	}
	if len(d.Fouten) > 0 {
		s.toonVoorstel(w, r, http.StatusUnprocessableEntity, d)
		return
	}
	i := ingelogdUit(r.Context())
	door := "onbekend"
	if i != nil {
		door = i.Gebruiker.Naam
	}
	v, err := scan.Beslis(r.Context(), s.staff.DB, s.staff.Audit, gm, id, scan.Besluit{Goedkeuren: besluit == "goedkeuren", Reden: d.Reden, Door: door})
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.staffFout(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	case errors.Is(err, scan.ErrAlBeslist):
		s.staffFout(w, r, http.StatusConflict, "Over dit voorstel is al besloten.")
		return
	case err != nil:
		s.interneFout(w, r, err)
		return
	}
	terugNaar(w, r, "/beheer/"+gm+"/scan/voorstellen", string(v.Status))
}
