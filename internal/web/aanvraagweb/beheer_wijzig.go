package aanvraagweb

import (
	"errors"
	"github.com/zeker-platform/zeker/internal/datum"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/web"
)

// wijzig runs one change: parse the form, let do change the application, and go back to its page with
// a confirmation. Bad input is shown at its field (422), a stale form with the newest state (409).
func (s *server) wijzig(w http.ResponseWriter, r *http.Request, do func(gm string, id int64, versie int, d *aanvraagData) (string, error)) {
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze aanvraag bestaat niet in deze gemeente.")
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &aanvraagData{Form: map[string]string{}}
	for k := range r.PostForm {
		if k != "bsn" { // a BSN is never shown back (nor logged)
			d.Form[k] = r.PostForm.Get(k)
		}
	}
	versie, err := strconv.Atoi(r.PostFormValue("versie"))
	if err != nil {
		versie = -1
	}
	klaar, err := do(gm, id, versie, d)
	switch {
	case err == nil && len(d.Fouten) == 0:
		web.TerugNaar(w, r, aanvraagURL(gm, id), klaar)
	case err == nil:
		s.toonAanvraag(w, r, http.StatusUnprocessableEntity, d)
	case errors.Is(err, aanvragen.ErrVerouderd):
		d.Form = nil
		d.Add("aanvraag", "Iemand anders (of de inwoner) heeft deze aanvraag intussen gewijzigd. Hieronder staat de nieuwste stand; doe je wijziging zo nodig opnieuw.")
		s.toonAanvraag(w, r, http.StatusConflict, d)
	case errors.Is(err, aanvragen.ErrNietGekoppeld):
		d.Add("bsn", "Koppel de aanvrager eerst aan een huishouden van het register. Zonder koppeling kan er niet besloten worden.")
		s.toonAanvraag(w, r, http.StatusUnprocessableEntity, d)
	case errors.Is(err, errs.NotFound):
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze aanvraag bestaat niet in deze gemeente.")
	default:
		if o, ok := aanvragen.IsOngeldig(err); ok {
			d.Add(o.Veld, o.Bericht)
			s.toonAanvraag(w, r, http.StatusUnprocessableEntity, d)
			return
		}
		s.kit.Error(w, r, err, "")
	}
}

func (s *server) notitie(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, func(gm string, id int64, v int, d *aanvraagData) (string, error) {
		return "notitie", s.svc.Notitie(r.Context(), gm, id, v, r.PostFormValue("notitie"), medewerker(r))
	})
}

func (s *server) vraag(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, func(gm string, id int64, v int, d *aanvraagData) (string, error) {
		var tot datum.Datum
		if t := strings.TrimSpace(r.PostFormValue("hersteltermijn")); t != "" {
			x, err := datum.Parse(t)
			if err != nil {
				d.Add("hersteltermijn", "Schrijf de datum als JJJJ-MM-DD.")
				return "", nil
			}
			tot = x
		}
		return "vraag", s.svc.VraagDocument(r.Context(), gm, id, v, aanvragen.DocSoort(r.PostFormValue("soort")), r.PostFormValue("omschrijving"), tot, medewerker(r))
	})
}

func (s *server) koppel(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, func(gm string, id int64, v int, d *aanvraagData) (string, error) {
		return "koppel", s.svc.Koppel(r.Context(), gm, id, v, r.PostFormValue("bsn"), medewerker(r))
	})
}

// besluit reads per regeling besluit-<id> (toekennen, afwijzen, buiten_behandeling; empty: not now),
// bedrag-<id> (empty: the engine's), reden-<id>, motivering-<id>, ingang-<id> and einde-<id>.
func (s *server) besluit(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, func(gm string, id int64, v int, d *aanvraagData) (string, error) {
		g, err := s.kit.Gemeente(r)
		if err != nil {
			return "", err
		}
		var in []aanvragen.BesluitInvoer
		for _, reg := range r.PostForm["regeling"] {
			soort := aanvragen.BesluitSoort(r.PostFormValue("besluit-" + reg))
			if soort == "" {
				continue
			}
			b := aanvragen.BesluitInvoer{Regeling: reg, Soort: soort, Reden: r.PostFormValue("reden-" + reg), Motivering: r.PostFormValue("motivering-" + reg)}
			if t := strings.TrimSpace(r.PostFormValue("bedrag-" + reg)); t != "" && soort == aanvragen.Toekennen {
				x, err := geld.Parse(t)
				if err != nil {
					d.Add("bedrag-"+reg, "Schrijf het bedrag als 150 of 150,00: "+geld.Reden(err))
					continue
				}
				b.Bedrag = &x
			}
			for veld, doel := range map[string]*datum.Datum{"ingang-" + reg: &b.Ingang, "einde-" + reg: &b.Einde} {
				if t := strings.TrimSpace(r.PostFormValue(veld)); t != "" {
					x, err := datum.Parse(t)
					if err != nil {
						d.Add(veld, "Schrijf de datum als JJJJ-MM-DD.")
						continue
					}
					*doel = x
				}
			}
			in = append(in, b)
		}
		if len(d.Fouten) > 0 {
			return "", nil
		}
		af := brief.MaakAfzender(g.Naam, g.Contact.Telefoon, g.Contact.Email, g.Contact.Website, g.Contact.Adres)
		res, err := s.svc.Beslis(r.Context(), gm, id, v, in, medewerker(r), af)
		if err != nil {
			return "", err
		}
		if len(res.Voorstellen) > 0 {
			return "voorstel", nil
		}
		return "besluit", nil
	})
}
