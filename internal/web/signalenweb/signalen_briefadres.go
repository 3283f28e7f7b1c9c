package signalenweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/web"
)

// briefVelden are the ids of the add form's fields, in the form's order; the domain's paths are the
// same without the prefix "brief-".
var briefVelden = []string{"postcode", "huisnummer", "toevoeging", "naam", "bron"}

// signalenBriefadresToevoegen adds an address to the gemeente's list of briefadressen (shown on the
// settings page). Wrong input comes back on the settings page at its field; the store writes the audit row.
func (s *server) signalenBriefadresToevoegen(w http.ResponseWriter, r *http.Request) {
	d := &instellingenData{}
	gm, ok := s.signalenPagina(w, r, &d.StaffPage, "Vroegsignalering: instellingen")
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	f := r.PostForm
	d.Brief = briefadresInvoer{Postcode: strings.TrimSpace(f.Get("brief-postcode")), Huisnummer: strings.TrimSpace(f.Get("brief-huisnummer")),
		Toevoeging: strings.TrimSpace(f.Get("brief-toevoeging")), Naam: strings.TrimSpace(f.Get("brief-naam")), Bron: strings.TrimSpace(f.Get("brief-bron"))}
	b := signalen.Briefadres{Postcode: d.Brief.Postcode, Toevoeging: d.Brief.Toevoeging, Naam: d.Brief.Naam, Bron: d.Brief.Bron}
	if d.Brief.Huisnummer != "" {
		n, err := strconv.Atoi(d.Brief.Huisnummer)
		if err != nil {
			n = -1 // not a number: Controleer names the field
		}
		b.Huisnummer = n
	}
	err := s.store.VoegBriefadresToe(r.Context(), gm, b)
	var fs errs.Fields
	if errors.As(err, &fs) {
		for _, id := range briefVelden {
			if fs.Has(id) {
				d.Add("brief-"+id, fs.Reason(id))
			}
		}
		d.Fout = true
		s.toonInstellingen(w, r, d, gm, http.StatusUnprocessableEntity)
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.kit.Log().InfoContext(r.Context(), "signalen: briefadres toegevoegd", "gemeente", gm)
	web.TerugNaar(w, r, "/beheer/"+gm+"/signalen/instellingen", "briefadres")
}
