package aanvraagweb

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/web"
)

// inzageRij is the status of an application in the resident's words.
type inzageRij struct {
	Referentie, Status, Ontvangen, Deadline string
	Regelingen                              []regelingRij
	Documenten                              []string
	Ontbreekt                               []nodigRij
	Brieven                                 []int64
	Besloten                                bool
	// Stilstanden says why and until when the decision term stands still (Awb 4:15 lid 1 onder a).
	Stilstanden []string
	// KanIntrekken: nothing is decided yet, so the resident can withdraw (inwoner_intrekken.go).
	KanIntrekken bool
}

type regelingRij struct{ Naam, Besluit, Bedrag string }

func (s *server) inzageRij(in *aanvragen.Inzage, l *web.Taal) *inzageRij {
	z := &inzageRij{Referentie: in.Referentie, Status: l.T("aanvraag.status." + string(in.Status)), Deadline: datumNL(in.Deadline),
		Ontvangen: in.Ontvangen.In(web.Amsterdam).Format("02-01-2006"), Brieven: in.Brieven, Besloten: in.Status == aanvragen.Besloten}
	z.KanIntrekken = in.KanIntrekken()
	if in.IsIngetrokken() {
		z.Status = l.T("aanvraag.status.ingetrokken")
	}
	for _, r := range in.Regelingen {
		b := l.T("aanvraag.besluit.open")
		if r.Besluit != "" {
			b = l.T("aanvraag.besluit." + r.Besluit)
		}
		z.Regelingen = append(z.Regelingen, regelingRij{Naam: r.Naam, Besluit: b, Bedrag: bedragTekst(r.BedragCent)})
	}
	for _, d := range in.Documenten {
		z.Documenten = append(z.Documenten, d.Naam)
	}
	for i, o := range in.Ontbreekt {
		n := nodigRij{Soort: string(o), Tekst: l.T("aanvraag.doc." + string(o))}
		if tot := in.HerstelTot[i]; !tot.IsZero() {
			n.Voor = l.T("aanvraag.uiterlijk", "datum", datumNL(tot))
		}
		z.Ontbreekt = append(z.Ontbreekt, n)
	}
	return z
}

// statusForm asks for the reference and the code.
func (s *server) statusForm(w http.ResponseWriter, r *http.Request) {
	l := s.kit.Taal(r, false)
	d := &inwonerData{}
	s.vul(d, l, "", l.T("aanvraag.status.titel"), "/aanvragen/status")
	s.inwoner.Render(w, r, http.StatusOK, "aanvraag_code", d)
}

// codeFout shows the code form again with the message of err; false when err is not about the code.
func (s *server) codeFout(w http.ResponseWriter, r *http.Request, l *web.Taal, ref string, err error) bool {
	var key string
	status := http.StatusUnprocessableEntity
	switch {
	case errors.Is(err, aanvragen.ErrTeVaak):
		key, status = "aanvraag.fout.tevaak", http.StatusTooManyRequests
	case errors.Is(err, aanvragen.ErrVerlopen):
		key = "aanvraag.fout.verlopen"
	case errors.Is(err, aanvragen.ErrCode):
		key = "aanvraag.fout.code"
		s.foutAdres.mag(s.kit.ClientIP(r), s.kit.Nu()) // counted per address too
	default:
		return false
	}
	d := &inwonerData{Referentie: ref}
	d.Add("code", l.T(key, "minuten", int(aanvragen.PogingVenster.Minutes())))
	s.vul(d, l, "", l.T("aanvraag.status.titel"), "/aanvragen/status")
	geenCache(w)
	s.inwoner.Render(w, r, status, "aanvraag_code", d)
	return true
}

// status shows the application of the reference and code of the form.
func (s *server) status(w http.ResponseWriter, r *http.Request) {
	l := s.kit.Taal(r, false)
	ref, code := r.PostFormValue("referentie"), r.PostFormValue("code")
	in, err := s.svc.Inzien(r.Context(), ref, code)
	if err != nil {
		if !s.codeFout(w, r, l, ref, err) {
			s.kit.Error(w, r, err, "")
		}
		return
	}
	s.toonStatus(w, r, l, in, code, nil, http.StatusOK)
}

func (s *server) toonStatus(w http.ResponseWriter, r *http.Request, l *web.Taal, in *aanvragen.Inzage, code string, fouten *web.FieldErrors, status int) {
	s.toonStatusMet(w, r, l, in, code, fouten, status, nil)
}

// toonStatusMet is toonStatus with extra the page's data changed by met (nil: nothing).
func (s *server) toonStatusMet(w http.ResponseWriter, r *http.Request, l *web.Taal, in *aanvragen.Inzage, code string, fouten *web.FieldErrors, status int, met func(*inwonerData)) {
	d := &inwonerData{Inzage: s.inzageRij(in, l), Referentie: in.Referentie, Code: code, Email: in.Email, EmailInvoer: in.Email}
	if met != nil {
		met(d)
	}
	if in.Status != aanvragen.Besloten {
		d.Inzage.Stilstanden = s.stilstanden(r, l, in)
	}
	if fouten != nil {
		d.FieldErrors = *fouten
	}
	s.vul(d, l, in.Gemeente, l.T("aanvraag.status.titel"), "/aanvragen/status")
	geenCache(w)
	s.inwoner.Render(w, r, status, "aanvraag_status", d)
}

// stuur adds documents with the code (multipart: referentie, code, bestand-<soort>).
func (s *server) stuur(w http.ResponseWriter, r *http.Request) {
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
	ref, _ := tekstVeld(r, "referentie")
	code, _ := tekstVeld(r, "code")
	in, err := s.svc.StuurNa(r.Context(), ref, code, bestanden)
	if err == nil {
		s.toonStatus(w, r, l, in, code, &web.FieldErrors{}, http.StatusOK)
		return
	}
	if s.codeFout(w, r, l, ref, err) {
		return
	}
	k := bestandFout(err)
	if k == "" {
		if o, ok := aanvragen.IsOngeldig(err); ok && o.Veld == "bestand" {
			k = "aanvraag.fout.besloten"
		} else if ok {
			k = "aanvraag.fout.formulier"
		} else {
			s.kit.Error(w, r, err, "")
			return
		}
	}
	// Nothing was stored; show the status as it is with the message.
	in, ierr := s.svc.Inzien(r.Context(), ref, code)
	if ierr != nil {
		if !s.codeFout(w, r, l, ref, ierr) {
			s.kit.Error(w, r, ierr, "")
		}
		return
	}
	f := &web.FieldErrors{}
	f.Add("bestanden", l.T(k))
	s.toonStatus(w, r, l, in, code, f, bestandStatus(err))
}

// inwonerBrief shows a decision letter to the holder of the code.
func (s *server) inwonerBrief(w http.ResponseWriter, r *http.Request) {
	l := s.kit.Taal(r, false)
	ref, code := r.PostFormValue("referentie"), r.PostFormValue("code")
	id, err := strconv.ParseInt(r.PostFormValue("brief"), 10, 64)
	if err != nil {
		s.kit.ResidentError(w, r, http.StatusBadRequest, "aanvraag.fout.formulier")
		return
	}
	html, err := s.svc.BriefMetCode(r.Context(), ref, code, id)
	if err != nil {
		if !s.codeFout(w, r, l, ref, err) {
			s.kit.Error(w, r, err, "")
		}
		return
	}
	geenCache(w)
	stuurBrief(w, html)
}

// stuurBrief sends a stored letter: a whole HTML document made by internal/brief (its values escaped
// there), with a policy that allows only its own inline style.
func stuurBrief(w http.ResponseWriter, html string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(html))
}
