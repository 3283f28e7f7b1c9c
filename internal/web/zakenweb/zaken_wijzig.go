package zakenweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// wijzig runs one change of a zaak: parse the form, let do change it, and go back to the zaak page with
// a confirmation. A refused change shows the page again: bad input at its field (422), a stale form or a
// step that no longer fits the status with a clear message (409), never a silent overwrite.
func (s *server) wijzig(w http.ResponseWriter, r *http.Request, klaar string, do func(gm string, id int64, f formulier) error) {
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &zaakData{Form: map[string]string{}}
	for k := range r.PostForm {
		d.Form[k] = r.PostForm.Get(k)
	}
	f := formulier{d: d, r: r}
	err := do(gm, id, f)
	var fv errs.Fields
	var open *zaken.OpenZaak
	switch {
	case err == nil && len(d.Fouten) == 0:
		web.TerugNaar(w, r, zaakURL(gm, id), klaar)
	case err == nil:
		s.toonZaak(w, r, http.StatusUnprocessableEntity, d)
	case errors.As(err, &fv) && len(fv) > 0:
		d.Add(fv[0].Path, fv[0].Reason)
		s.toonZaak(w, r, http.StatusUnprocessableEntity, d)
	case errors.As(err, &open):
		d.Add("koppel-bsn", "Dit huishouden heeft al een open zaak: zaak "+strconv.FormatInt(open.ID, 10)+". Werk in die zaak verder en beëindig deze zaak met reden Overig.")
		s.toonZaak(w, r, http.StatusConflict, d)
	case errors.Is(err, zaken.ErrVerouderd):
		d.Form = nil
		d.Add("zaak", "Iemand anders heeft deze zaak of het plan intussen gewijzigd. Hieronder staat de nieuwste stand; bekijk die en doe je wijziging zo nodig opnieuw.")
		s.toonZaak(w, r, http.StatusConflict, d)
	case errors.Is(err, zaken.ErrStatus):
		d.Form = nil
		d.Add("zaak", "Deze stap past niet (meer) bij de status van de zaak. Hieronder staat de nieuwste stand.")
		s.toonZaak(w, r, http.StatusConflict, d)
	case errors.Is(err, zaken.ErrNietGevonden):
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak of actie bestaat niet in deze gemeente.")
	default:
		s.kit.Error(w, r, err, "")
	}
}

// formulier reads the fields of a change form.
type formulier struct {
	d *zaakData
	r *http.Request
}

func (f formulier) tekst(naam string) string { return strings.TrimSpace(f.r.PostForm.Get(naam)) }

// versie reads a hidden version field; a missing one counts as stale.
func (f formulier) versie(naam string) int {
	v, err := strconv.Atoi(f.tekst(naam))
	if err != nil {
		return -1
	}
	return v
}

// datum reads a date field; wrong text is an error at the field (verplicht: empty too).
func (f formulier) datum(naam string, verplicht bool) datum.Datum {
	t := f.tekst(naam)
	if t == "" {
		if verplicht {
			f.d.Add(naam, "Vul de datum in (JJJJ-MM-DD).")
		}
		return datum.Datum{}
	}
	v, err := datum.Parse(t)
	if err != nil {
		f.d.Add(naam, "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-02.")
	}
	return v
}

func (f formulier) fout() bool { return len(f.d.Fouten) > 0 }

func (s *server) eersteGesprek(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "eerste-gesprek", func(gm string, id int64, f formulier) error {
		op := f.datum("gesprek-datum", true)
		if f.fout() {
			return nil
		}
		return s.zaken.EersteGesprek(r.Context(), gm, id, f.versie("versie"), op, f.tekst("afzien") == "ja", f.tekst("gesprek-toelichting"), medewerker(r))
	})
}

func (s *server) besluit(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "besluit", func(gm string, id int64, f formulier) error {
		b := zaken.Beschikking{Soort: f.tekst("besluit-soort"), Datum: f.datum("besluit-datum", true),
			Grond: zaken.Weigeringsgrond(f.tekst("grond")), Toelichting: f.tekst("besluit-toelichting")}
		if f.fout() {
			return nil
		}
		return s.zaken.Besluit(r.Context(), gm, id, f.versie("versie"), b, medewerker(r))
	})
}

func (s *server) beeindigen(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "beeindigd", func(gm string, id int64, f formulier) error {
		op := f.datum("einde-datum", true)
		if f.fout() {
			return nil
		}
		return s.zaken.Beeindig(r.Context(), gm, id, f.versie("versie"), zaken.EindeReden(f.tekst("reden")), op, f.tekst("einde-toelichting"), medewerker(r))
	})
}

func (s *server) afronden(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "afgerond", func(gm string, id int64, f formulier) error {
		op := f.datum("afrond-datum", true)
		if f.fout() {
			return nil
		}
		return s.zaken.RondAf(r.Context(), gm, id, f.versie("versie"), op, f.tekst("afrond-toelichting"), medewerker(r))
	})
}

// regie hands the regie to a colleague who may handle zaken in this gemeente.
func (s *server) regie(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "regie", func(gm string, id int64, f formulier) error {
		uid, err := strconv.ParseInt(f.tekst("regisseur"), 10, 64)
		if err != nil || uid <= 0 {
			f.d.Add("regisseur", "Kies aan wie je de regie overdraagt.")
			return nil
		}
		g, err := s.kit.Auth().Gebruiker(r.Context(), uid)
		if err != nil || !g.Actief || !auth.Mag(g.Actor(), gm, auth.ZakenPlan) {
			f.d.Add("regisseur", "Kies een collega die in deze gemeente aan plannen van huishoudens werkt.")
			return nil
		}
		naam := g.Naam
		if naam == "" {
			naam = g.Email
		}
		return s.zaken.DraagRegieOver(r.Context(), gm, id, f.versie("planversie"), zaken.Medewerker{ID: g.ID, Naam: naam}, f.tekst("regie-reden"), medewerker(r))
	})
}

func (s *server) doel(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "doel", func(gm string, id int64, f formulier) error {
		nd := zaken.NieuwDoel{Domein: zaken.Domein(f.tekst("doel-domein")), Omschrijving: f.tekst("doel-omschrijving"),
			Streefdatum: f.datum("doel-streefdatum", false)}
		if f.fout() {
			return nil
		}
		return s.zaken.VoegDoelToe(r.Context(), gm, id, f.versie("planversie"), nd, medewerker(r))
	})
}

func (s *server) actie(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "actie", func(gm string, id int64, f formulier) error {
		doel, _ := strconv.ParseInt(f.tekst("actie-doel"), 10, 64)
		na := zaken.NieuweActie{DoelID: doel, Omschrijving: f.tekst("actie-omschrijving"), Wie: zaken.Wie(f.tekst("actie-wie")),
			WieNaam: f.tekst("actie-naam"), Datum: f.datum("actie-datum", false), PartnerID: f.tekst("actie-partner")}
		if f.fout() {
			return nil
		}
		return s.zaken.VoegActieToe(r.Context(), gm, id, f.versie("planversie"), na, medewerker(r))
	})
}

func (s *server) actieGedaan(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "gedaan", func(gm string, id int64, f formulier) error {
		actie, err := strconv.ParseInt(f.tekst("actie"), 10, 64)
		if err != nil || actie <= 0 {
			return zaken.ErrNietGevonden
		}
		return s.zaken.ActieGedaan(r.Context(), gm, id, f.versie("planversie"), actie, medewerker(r))
	})
}

func (s *server) notitie(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "notitie", func(gm string, id int64, f formulier) error {
		return s.zaken.Notitie(r.Context(), gm, id, f.tekst("notitie"), medewerker(r))
	})
}

// koppel links an online request to a household of the register (a person's BSN in the form body, or
// the household number).
func (s *server) koppel(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "huishouden", func(gm string, id int64, f formulier) error {
		err := s.zaken.KoppelHuishouden(r.Context(), gm, id, f.versie("versie"), f.tekst("koppel-huishouden"), f.tekst("koppel-bsn"), medewerker(r))
		var fv errs.Fields
		if errors.As(err, &fv) && len(fv) > 0 && (fv[0].Path == "bsn" || fv[0].Path == "huishouden") {
			f.d.Add("koppel-"+fv[0].Path, fv[0].Reason)
			return nil
		}
		return err
	})
}
