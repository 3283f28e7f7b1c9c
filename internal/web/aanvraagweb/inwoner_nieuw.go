package aanvraagweb

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/text"
	"github.com/zeker-platform/zeker/internal/web"
)

// leesBestanden parses a multipart form and returns its files (fields "bestand-<soort>" or "bestand").
// A body over MaxUpload or a damaged form gives the key of the message.
func leesBestanden(r *http.Request) ([]aanvragen.Bestand, string) {
	if err := r.ParseMultipartForm(2 << 20); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, "aanvraag.fout.groot"
		}
		return nil, "aanvraag.fout.formulier"
	}
	var out []aanvragen.Bestand
	for veld, fhs := range r.MultipartForm.File {
		soort := ""
		if len(veld) > len("bestand-") && veld[:len("bestand-")] == "bestand-" {
			soort = veld[len("bestand-"):]
		} else if veld != "bestand" {
			continue
		}
		for _, fh := range fhs {
			if fh.Size == 0 && fh.Filename == "" {
				continue // an empty file field
			}
			if len(out) >= aanvragen.MaxPerVerzoek {
				return nil, "aanvraag.fout.teveel"
			}
			f, err := fh.Open()
			if err != nil {
				return nil, "aanvraag.fout.formulier"
			}
			b, err := io.ReadAll(io.LimitReader(f, aanvragen.MaxBestand+1))
			f.Close()
			if err != nil {
				return nil, "aanvraag.fout.formulier"
			}
			out = append(out, aanvragen.Bestand{Naam: fh.Filename, Soort: soort, Inhoud: b})
		}
	}
	// The order of a map is random; the stored order follows the form's kinds.
	slices.SortStableFunc(out, func(a, b aanvragen.Bestand) int {
		return slices.Index(aanvragen.DocSoorten(), aanvragen.DocSoort(a.Soort)) - slices.Index(aanvragen.DocSoorten(), aanvragen.DocSoort(b.Soort))
	})
	return out, ""
}

// bestandStatus is the HTTP status of a refused file: 503 when the virus scanner could not scan it (try
// later), else 422.
func bestandStatus(err error) int {
	if errors.Is(err, aanvragen.ErrScannerWeg) {
		return http.StatusServiceUnavailable
	}
	return http.StatusUnprocessableEntity
}

// bestandFout is the catalogue key of a refused file.
func bestandFout(err error) string {
	switch {
	case errors.Is(err, aanvragen.ErrBestandHEIC):
		return "aanvraag.fout.heic"
	case errors.Is(err, aanvragen.ErrBestandSoort):
		return "aanvraag.fout.soort"
	case errors.Is(err, aanvragen.ErrBestandGroot):
		return "aanvraag.fout.groot"
	case errors.Is(err, aanvragen.ErrBestandLeeg):
		return "aanvraag.fout.leeg"
	case errors.Is(err, aanvragen.ErrTeVeelBestand):
		return "aanvraag.fout.teveel"
	case errors.Is(err, aanvragen.ErrVirus):
		return "aanvraag.fout.virus"
	case errors.Is(err, aanvragen.ErrScannerWeg):
		return "aanvraag.fout.scanner"
	}
	return ""
}

// nieuw stores the application with its files and shows the reference and the code, once.
func (s *server) nieuw(w http.ResponseWriter, r *http.Request) {
	bestanden, key := leesBestanden(r)
	l := s.kit.Taal(r, false)
	if key != "" {
		status := http.StatusBadRequest
		if key == "aanvraag.fout.groot" {
			status = http.StatusRequestEntityTooLarge
		}
		s.kit.ResidentError(w, r, status, key)
		return
	}
	// The kit checks the text of urlencoded forms; a multipart form's fields are checked here.
	for _, veld := range []string{"t", "formulier", "lang", "intermediair-naam", "intermediair-organisatie", "toestemming"} {
		if _, ok := tekstVeld(r, veld); !ok {
			s.kit.ResidentError(w, r, http.StatusUnprocessableEntity, "fout.tekst")
			return
		}
	}
	for _, v := range r.PostForm["regeling"] {
		if text.Check(v) != nil {
			s.kit.ResidentError(w, r, http.StatusUnprocessableEntity, "fout.tekst")
			return
		}
	}
	in, l, ok := s.leesCheck(w, r)
	if !ok {
		return
	}
	gekozen := r.PostForm["regeling"]
	// The address is checked by the service (mail.GeldigAdres), so that a line break or a list is a
	// message at the field, not the general "text not allowed".
	email := r.PostFormValue("email")
	n := aanvragen.NieuweAanvraag{Gemeente: in.Gemeente, Formulier: r.PostFormValue("formulier"), Huishouden: in.Huishouden,
		Antwoorden: antwoorden(in.Antwoorden), Regelingen: gekozen, Taal: l.Code, Bestanden: bestanden, Email: email}
	im := &inwonerData{}
	leesIntermediair(r, in, im)
	if in.Ander {
		n.Intermediair = &aanvragen.Intermediair{Naam: im.ImNaam, Organisatie: im.ImOrganisatie}
		if im.Toestemming {
			n.Intermediair.Toestemming = s.svc.Nu()
		}
		// A logged-in intermediary of the gemeente is recorded as well (the route reads a session that is there).
		// A partner user (an intermediair linked to a partner) applies for that partner: the organisation
		// stored is the partner's id and its name from the link, not what was typed.
		if li := web.LoginUit(r.Context()); li != nil && auth.Mag(li.Actor, in.Gemeente, auth.FondsenAanvragen) {
			n.Intermediair.GebruikerID = li.Gebruiker.ID
			if s.partner != nil {
				id, naam, ok, err := s.partner(r.Context(), in.Gemeente, li.Gebruiker.ID)
				if err != nil {
					s.kit.Error(w, r, err, "")
					return
				}
				if ok {
					n.Intermediair.Organisatie, n.Intermediair.PartnerID = naam, id
				}
			}
		}
	}
	a, err := s.svc.Start(r.Context(), n)
	if err != nil {
		d := &inwonerData{T: r.PostFormValue("t"), Formulier: r.PostFormValue("formulier"), Gekozen: gekozen, Antwoorden: in.Antwoorden,
			Ander: im.Ander, ImNaam: im.ImNaam, ImOrganisatie: im.ImOrganisatie, Toestemming: im.Toestemming, Email: toonbaar(email)}
		if o, ok := aanvragen.IsOngeldig(err); ok && o.Veld == "email" {
			d.Add("email", emailFout(l, o.Bericht))
		} else if k := bestandFout(err); k != "" {
			d.Add("bestanden", l.T(k))
		} else if _, ok := aanvragen.IsOngeldig(err); ok {
			d.Add("bestanden", l.T("aanvraag.fout.opnieuw"))
		} else {
			s.kit.Error(w, r, err, "")
			return
		}
		if _, ks, kerr := s.keuzes(in, l, gekozen); kerr == nil {
			var uit []regels.Uitkomst
			for _, k := range ks {
				if slices.Contains(gekozen, k.ID) {
					uit = append(uit, k.Uitkomst)
				}
			}
			if nodig, err := s.svc.Nodig(r.Context(), in.Gemeente, uit); err == nil {
				d.Nodig = nodigRijen(nodig, l)
			}
		}
		s.vul(d, l, in.Gemeente, l.T("aanvraag.documenten.titel"), terugNaarUitslag(d.T))
		geenCache(w)
		s.inwoner.Render(w, r, bestandStatus(err), "aanvraag_documenten", d)
		return
	}
	d := &inwonerData{Aangemaakt: a, Deadline: datumNL(a.Deadline.Datum), Ander: in.Ander}
	if !a.Bestond {
		d.Email = strings.TrimSpace(email)
	}
	for _, o := range a.Ontbreekt {
		d.Nodig = append(d.Nodig, nodigRij{Soort: string(o), Tekst: l.T("aanvraag.doc." + string(o))})
	}
	s.vul(d, l, in.Gemeente, l.T("aanvraag.ontvangen.titel"), "/aanvragen/status")
	geenCache(w)
	s.inwoner.Render(w, r, http.StatusOK, "aanvraag_ontvangen", d)
}

func antwoorden(in [][2]string) []aanvragen.Antwoord {
	out := make([]aanvragen.Antwoord, 0, len(in))
	for _, a := range in {
		out = append(out, aanvragen.Antwoord{Vraag: a[0], Antwoord: a[1]})
	}
	return out
}

// toonbaar is a typed value to show in its field again: "" when it holds what a page may not show.
func toonbaar(v string) string {
	if text.Check(v) != nil {
		return ""
	}
	return v
}

var _ = web.Open
