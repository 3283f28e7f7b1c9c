package aanvraagweb

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/text"
	"github.com/zeker-platform/zeker/internal/web"
)

// inwonerData is the data of every resident page of this part.
type inwonerData struct {
	web.Page
	web.FieldErrors
	T, Formulier string
	Keuzes       []keuzeRij
	Antwoorden   [][2]string
	Nodig        []nodigRij
	Gekozen      []string
	Aangemaakt   *aanvragen.Aangemaakt
	Deadline     string
	Inzage       *inzageRij
	Referentie   string
	Code         string
	Accept       string
	MaxMB        int
	MaxBestanden int
	// An intermediary applying for a client: who, and the client's consent.
	Ander                 bool
	ImNaam, ImOrganisatie string
	Toestemming           bool
	// Email is the address of the application (the form's value on the application form); EmailInvoer
	// what the status page's field shows; EmailMelding the confirmation after a change.
	Email, EmailInvoer, EmailMelding string
}

type keuzeRij struct {
	ID, Naam, Oordeel, Bedrag, Label string
	Gekozen                          bool
}

type nodigRij struct {
	Soort, Tekst, Voor string
}

// accept makes phones offer the camera and send JPEG (not HEIC) and the file picker show what is taken.
const accept = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"

func (s *server) vul(d *inwonerData, l *web.Taal, gm, titel, hier string) {
	s.kit.VulPagina(&d.Page, l, titel, hier)
	d.Thema = web.ThemaKlasse(gm)
	d.VoetTekst = l.T("aanvraag.voet")
	d.Accept, d.MaxMB, d.MaxBestanden = accept, aanvragen.MaxBestand>>20, aanvragen.MaxPerVerzoek
	d.Page.Fout = len(d.Fouten) > 0
}

// leesCheck opens the check's code of the form; false when the request has been answered.
func (s *server) leesCheck(w http.ResponseWriter, r *http.Request) (*Ingevuld, *web.Taal, bool) {
	if s.check == nil {
		s.kit.NotFound(w, r)
		return nil, nil, false
	}
	l := s.kit.Taal(r, false)
	in, err := s.check(r.Context(), r.PostFormValue("t"), l.Code)
	if err != nil {
		key := "fout.code"
		if errors.Is(err, ErrCheckVerlopen) {
			key = "fout.codeverlopen"
		}
		s.kit.ResidentError(w, r, http.StatusBadRequest, key)
		return nil, nil, false
	}
	return in, s.kit.Taal(r, in.Ander), true
}

func nieuwFormulier() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// keuzes returns the regelingen of the check the resident may choose, with the chosen ones marked.
func (s *server) keuzes(in *Ingevuld, l *web.Taal, gekozen []string) ([]keuzeRij, []aanvragen.Keuze, error) {
	keuzes := s.svc.Keuzes
	if in.Ander {
		keuzes = s.svc.KeuzesViaIntermediair
	}
	ks, err := keuzes(in.Huishouden, l.Code)
	if err != nil {
		return nil, nil, err
	}
	var out []keuzeRij
	for _, k := range ks {
		o := l.T("oordeel.onzeker")
		if k.Oordeel == regels.Recht {
			o = l.T("oordeel.recht")
		}
		label := k.Naam + " — " + o
		if k.Bedrag != "" {
			label += ", " + k.Bedrag
		}
		out = append(out, keuzeRij{ID: k.ID, Naam: k.Naam, Oordeel: o, Bedrag: k.Bedrag, Label: label, Gekozen: slices.Contains(gekozen, k.ID)})
	}
	return out, ks, nil
}

// kies shows the regelingen of the check result to choose from (POST from the result page).
func (s *server) kies(w http.ResponseWriter, r *http.Request) {
	in, l, ok := s.leesCheck(w, r)
	if !ok {
		return
	}
	d := &inwonerData{T: r.PostFormValue("t"), Formulier: nieuwFormulier(), Antwoorden: in.Antwoorden, Ander: in.Ander}
	var err error
	if d.Keuzes, _, err = s.keuzes(in, l, nil); err != nil {
		s.kit.ResidentError(w, r, http.StatusBadRequest, "fout.code")
		return
	}
	if len(d.Keuzes) == 0 {
		s.kit.ResidentError(w, r, http.StatusBadRequest, "aanvraag.geenkeuze")
		return
	}
	s.vul(d, l, in.Gemeente, l.T("aanvraag.kies.titel"), terugNaarUitslag(d.T))
	geenCache(w)
	s.inwoner.Render(w, r, http.StatusOK, "aanvraag_kies", d)
}

// documenten shows the documents the chosen regelingen still need, with the upload fields.
func (s *server) documenten(w http.ResponseWriter, r *http.Request) {
	in, l, ok := s.leesCheck(w, r)
	if !ok {
		return
	}
	gekozen := r.PostForm["regeling"]
	d := &inwonerData{T: r.PostFormValue("t"), Formulier: r.PostFormValue("formulier"), Antwoorden: in.Antwoorden, Gekozen: gekozen}
	leesIntermediair(r, in, d)
	keuzes, ks, err := s.keuzes(in, l, gekozen)
	if err != nil {
		s.kit.ResidentError(w, r, http.StatusBadRequest, "fout.code")
		return
	}
	var uit []regels.Uitkomst
	for _, k := range ks {
		if slices.Contains(gekozen, k.ID) {
			uit = append(uit, k.Uitkomst)
		}
	}
	if len(uit) == 0 || len(uit) != len(slices.Compact(slices.Sorted(slices.Values(gekozen)))) {
		d.Add("regeling-"+keuzes[0].ID, l.T("aanvraag.fout.kies"))
	}
	if d.Ander {
		if strings.TrimSpace(d.ImNaam) == "" || len(d.ImNaam) > aanvragen.MaxNaam {
			d.Add("intermediair-naam", l.T("aanvraag.fout.imnaam"))
		}
		if strings.TrimSpace(d.ImOrganisatie) == "" || len(d.ImOrganisatie) > aanvragen.MaxNaam {
			d.Add("intermediair-organisatie", l.T("aanvraag.fout.imorganisatie"))
		}
		if !d.Toestemming {
			d.Add("toestemming", l.T("aanvraag.fout.toestemming"))
		}
	}
	if len(d.Fouten) > 0 {
		d.Keuzes = keuzes
		s.vul(d, l, in.Gemeente, l.T("aanvraag.kies.titel"), terugNaarUitslag(d.T))
		geenCache(w)
		s.inwoner.Render(w, r, http.StatusUnprocessableEntity, "aanvraag_kies", d)
		return
	}
	nodig, err := s.svc.Nodig(r.Context(), in.Gemeente, uit)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d.Nodig = nodigRijen(nodig, l)
	s.vul(d, l, in.Gemeente, l.T("aanvraag.documenten.titel"), terugNaarUitslag(d.T))
	geenCache(w)
	s.inwoner.Render(w, r, http.StatusOK, "aanvraag_documenten", d)
}

func nodigRijen(ns []aanvragen.Nodig, l *web.Taal) []nodigRij {
	var out []nodigRij
	for _, n := range ns {
		voor := ""
		for i, r := range n.Regelingen {
			if i > 0 {
				voor += ", "
			}
			voor += r
		}
		out = append(out, nodigRij{Soort: string(n.Soort), Tekst: l.T("aanvraag.doc." + string(n.Soort)), Voor: voor})
	}
	return out
}

// tekstVeld reads a field of a multipart form, checked as the kit checks urlencoded forms.
func tekstVeld(r *http.Request, naam string) (string, bool) {
	v := r.PostFormValue(naam)
	return v, text.Check(v) == nil
}

// terugNaarUitslag is where the language switch of a page in the middle of applying leads: the check's
// result in the other language (a form's answer cannot be fetched again), from where the resident
// applies again.
func terugNaarUitslag(t string) string { return "/check/resultaat?t=" + url.QueryEscape(t) }

// leesIntermediair reads the intermediary's fields of a form into d (only in intermediary mode).
func leesIntermediair(r *http.Request, in *Ingevuld, d *inwonerData) {
	d.Ander = in.Ander
	if !in.Ander {
		return
	}
	d.ImNaam, d.ImOrganisatie = r.PostFormValue("intermediair-naam"), r.PostFormValue("intermediair-organisatie")
	d.Toestemming = r.PostFormValue("toestemming") == "ja"
}
