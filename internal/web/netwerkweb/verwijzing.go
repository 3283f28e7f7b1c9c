package netwerkweb

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/web"
)

type verwijzingData struct {
	web.StaffPage
	web.FieldErrors
	V            netwerk.Verwijzing
	Kijker       netwerk.Kijker
	PartnerNaam  string
	DoorNaam     string
	Geschiedenis []geschiedenisRij
	TeLaat       bool
	Ontvanger    bool // the viewer receives it: the answer form
	Antwoorden   []web.Optie
	MagIntrekken bool
	BronURL      string
	ArtikelTekst string
	Toelichting  string
	// A referral to the gemeente: the zaak it started (ZaakURL, ZaakID) or the button that starts one.
	ZaakURL     string
	ZaakID      int64
	ZaakStarten bool
}

type geschiedenisRij struct {
	netwerk.StatusRegel
	DoorNaam string
}

// verwijzing shows one referral: what was passed on and on which ground, the warm hand-over, the
// state with its history; the receiver's answer form and the sender's record of a withdrawn consent.
// A referral the user may not see does not exist (404), whatever its id.
func (s *server) verwijzing(w http.ResponseWriter, r *http.Request) {
	s.verwijzingPagina(w, r, &verwijzingData{}, http.StatusOK)
}

func (s *server) verwijzingPagina(w http.ResponseWriter, r *http.Request, d *verwijzingData, status int) {
	g, ok := s.pagina(w, r, &d.StaffPage, "Verwijzing")
	if !ok {
		return
	}
	ctx := r.Context()
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze verwijzing bestaat niet.")
		return
	}
	k, err := s.kijker(r, g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	v, hist, err := s.net.Verwijzing(ctx, g.Code, id, k)
	if errors.Is(err, errs.NotFound) || (err == nil && !k.Gemeente && k.Partner == "") {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze verwijzing bestaat niet, of je mag hem niet zien.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.V, d.Kijker, d.Page.Titel = v, k, "Verwijzing "+strconv.FormatInt(v.ID, 10)
	if o, err := s.net.Partners().Haal(ctx, v.PartnerID); err == nil {
		d.PartnerNaam = o.Naam
	}
	namen := map[int64]string{}
	naam := func(id int64) string {
		if n, ok := namen[id]; ok {
			return n
		}
		n := "onbekend"
		if u, err := s.kit.Auth().Gebruiker(ctx, id); err == nil {
			n = u.Naam
		}
		namen[id] = n
		return n
	}
	d.DoorNaam = naam(v.Door)
	for _, h := range hist {
		d.Geschiedenis = append(d.Geschiedenis, geschiedenisRij{StatusRegel: h, DoorNaam: naam(h.Door)})
	}
	d.TeLaat = v.TeLaat(s.net.VandaagDatum())
	d.Ontvanger = (v.Richting == netwerk.NaarPartner && k.Partner == v.PartnerID) || (v.Richting == netwerk.NaarGemeente && k.Gemeente)
	if d.Ontvanger {
		gekozen := r.PostForm.Get("status")
		for _, a := range netwerk.Antwoorden(v.Status) {
			d.Antwoorden = append(d.Antwoorden, web.Optie{Waarde: string(a), Label: netwerk.VStatusNaam(a), Gekozen: gekozen == string(a)})
		}
	}
	d.MagIntrekken = !d.Ontvanger && v.Grondslag == netwerk.Toestemming && v.Ingetrokken == nil
	if k.Gemeente && v.BronID > 0 && s.bronnen.URL != nil {
		d.BronURL = s.bronnen.URL(g.Code, v.Bron, v.BronID)
	}
	d.ArtikelTekst = netwerk.ArtikelTekst(v.Artikel)
	if v.Richting == netwerk.NaarGemeente && k.Gemeente && s.bronnen.zakenAan() {
		zid, ok, err := s.bronnen.ZaakBij(ctx, g.Code, v.ID)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		if ok {
			d.ZaakID, d.ZaakURL = zid, s.bronnen.URL(g.Code, netwerk.BronZaak, zid)
		} else {
			d.ZaakStarten = kanZaakStarten(v) && s.bronnen.MagZaakStarten(r, g.Code)
		}
	}
	d.Page.Fout = len(d.Fouten) > 0
	s.staff.Render(w, r, status, "verwijzing", d)
}

// verwijzingAntwoord records the receiver's answer (accept, decline with a reason, contact made, help
// started, ended).
func (s *server) verwijzingAntwoord(w http.ResponseWriter, r *http.Request) {
	if !leesFormulier(w, r, s.kit) {
		return
	}
	gm := r.PathValue("gemeente")
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze verwijzing bestaat niet.")
		return
	}
	k, err := s.kijker(r, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &verwijzingData{Toelichting: trim(r.PostForm.Get("toelichting"))}
	err = s.net.Beantwoord(r.Context(), gm, id, k, netwerk.VStatus(r.PostForm.Get("status")), d.Toelichting)
	switch {
	case err == nil:
		web.TerugNaar(w, r, "/beheer/"+gm+"/verwijzingen/"+strconv.FormatInt(id, 10), "beantwoord")
	case errors.Is(err, errs.NotFound):
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze verwijzing bestaat niet, of je mag hem niet zien.")
	case errors.Is(err, errs.Forbidden):
		s.kit.StaffError(w, r, http.StatusForbidden, "Alleen de ontvanger beantwoordt een verwijzing.")
	case voegFoutenToe(&d.FieldErrors, err, "status", "toelichting"):
		s.verwijzingPagina(w, r, d, http.StatusUnprocessableEntity)
	default:
		s.kit.InternalError(w, r, err)
	}
}

// verwijzingIntrekken records that the resident withdrew consent: the receiver no longer sees the data.
func (s *server) verwijzingIntrekken(w http.ResponseWriter, r *http.Request) {
	gm := r.PathValue("gemeente")
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze verwijzing bestaat niet.")
		return
	}
	k, err := s.kijker(r, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	err = s.net.TrekToestemmingIn(r.Context(), gm, id, k)
	switch {
	case err == nil:
		web.TerugNaar(w, r, "/beheer/"+gm+"/verwijzingen/"+strconv.FormatInt(id, 10), "ingetrokken")
	case errors.Is(err, errs.NotFound):
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze verwijzing bestaat niet, of je mag hem niet zien.")
	case errors.Is(err, errs.Forbidden):
		s.kit.StaffError(w, r, http.StatusForbidden, "Alleen wie verwees legt vast dat de inwoner de toestemming intrekt.")
	case errors.Is(err, errs.Invalid):
		s.kit.StaffError(w, r, http.StatusUnprocessableEntity, "Deze verwijzing rust op een wettelijke taak, niet op toestemming.")
	default:
		s.kit.InternalError(w, r, err)
	}
}
