package netwerkweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

type verwijzingNieuwData struct {
	web.StaffPage
	web.FieldErrors
	Kijker      netwerk.Kijker
	PartnerNaam string // a partner user's own partner
	Bron        netwerk.Bron
	BronID      int64
	BronURL     string
	Form        map[string]string
	Partners    []web.Optie
	Behoeften   []web.Optie
	Artikelen   []web.Optie
}

// bronVan reads the zaak or vroegsignaalzaak a case worker refers from (?zaak= or ?vroegsignaal=, or
// the form's hidden fields).
func bronVan(get func(string) string) (netwerk.Bron, int64) {
	if id, err := strconv.ParseInt(get("zaak"), 10, 64); err == nil && id > 0 {
		return netwerk.BronZaak, id
	}
	if id, err := strconv.ParseInt(get("vroegsignaal"), 10, 64); err == nil && id > 0 {
		return netwerk.BronVroegsignaal, id
	}
	return "", 0
}

// verwijzingNieuw shows the referral form: for a case worker from a zaak or vroegsignaalzaak to a
// partner of the gemeente, for a partner user from its partner to the gemeente.
func (s *server) verwijzingNieuw(w http.ResponseWriter, r *http.Request) {
	d := &verwijzingNieuwData{Form: map[string]string{"grondslag": string(netwerk.Toestemming), "bron": string(netwerk.BronCheck)}}
	q := r.URL.Query()
	d.Bron, d.BronID = bronVan(q.Get)
	if d.BronID == 0 && q.Get("bron") == string(netwerk.BronCheck) {
		// From the hand-over sheet of a check (web.VerwijzingUitCheckURL): the question is prefilled
		// with what the check found. Nothing is stored until the form is sent.
		d.Form["vraag"] = kort(strings.TrimSpace(q.Get("vraag")), netwerk.MaxTekst)
	}
	s.verwijzingFormulier(w, r, d, http.StatusOK)
}

func (s *server) verwijzingFormulier(w http.ResponseWriter, r *http.Request, d *verwijzingNieuwData, status int) {
	g, ok := s.pagina(w, r, &d.StaffPage, "Verwijzen")
	if !ok {
		return
	}
	ctx := r.Context()
	k, err := s.kijker(r, g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Kijker = k
	switch {
	case k.Gemeente:
		if d.BronID == 0 {
			s.kit.StaffError(w, r, http.StatusNotFound, "Een verwijzing naar een partner begint bij een zaak of een vroegsignaalzaak. Open die en kies ‘Verwijzen naar een partner’.")
			return
		}
		if s.bronnen.Bestaat != nil {
			if err := s.bronnen.Bestaat(ctx, g.Code, d.Bron, d.BronID); errors.Is(err, errs.NotFound) {
				s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
				return
			} else if err != nil {
				s.kit.InternalError(w, r, err)
				return
			}
		}
		if s.bronnen.URL != nil {
			d.BronURL = s.bronnen.URL(g.Code, d.Bron, d.BronID)
		}
		leden, err := s.net.Partners().LedenOp(ctx, g.Code, s.net.Vandaag())
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.Partners = []web.Optie{{Waarde: "", Label: "Kies een partner"}}
		for _, o := range leden {
			d.Partners = append(d.Partners, web.Optie{Waarde: o.ID, Label: o.Naam, Gekozen: d.Form["partner"] == o.ID})
		}
	case k.Partner != "":
		o, err := s.net.Partners().Haal(ctx, k.Partner)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.PartnerNaam = o.Naam
	default:
		s.kit.StaffError(w, r, http.StatusNotFound, geenPartner)
		return
	}
	d.Behoeften = []web.Optie{{Waarde: "", Label: "Kies een onderwerp"}}
	for _, b := range netwerk.Behoeften {
		d.Behoeften = append(d.Behoeften, web.Optie{Waarde: string(b), Label: netwerk.BehoefteNaam(b), Gekozen: d.Form["behoefte"] == string(b)})
	}
	d.Artikelen = []web.Optie{{Waarde: "", Label: "Kies een artikel"}}
	for _, a := range netwerk.Artikelen {
		d.Artikelen = append(d.Artikelen, web.Optie{Waarde: a.Code, Label: a.Tekst, Gekozen: d.Form["artikel"] == a.Code})
	}
	d.Page.Fout = len(d.Fouten) > 0
	s.staff.Render(w, r, status, "verwijzing_nieuw", d)
}

var verwijzingVelden = []string{"partner", "bron", "naam", "telefoon", "email", "behoefte", "vraag", "grondslag", "toestemming_wat",
	"toestemming_op", "artikel", "contact_dag", "contact_tijd", "contact_waar"}

// verwijzingNieuwPost stores the referral and shows it.
func (s *server) verwijzingNieuwPost(w http.ResponseWriter, r *http.Request) {
	if !leesFormulier(w, r, s.kit) {
		return
	}
	gm := r.PathValue("gemeente")
	d := &verwijzingNieuwData{Form: map[string]string{}}
	for _, v := range verwijzingVelden {
		d.Form[v] = trim(r.PostForm.Get(v))
	}
	d.Bron, d.BronID = bronVan(r.PostForm.Get)
	k, err := s.kijker(r, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	n := netwerk.NieuweVerwijzing{Gemeente: gm, Door: k.Gebruiker,
		Inwoner:  netwerk.Inwoner{Naam: d.Form["naam"], Telefoon: d.Form["telefoon"], Email: d.Form["email"]},
		Behoefte: netwerk.Behoefte(d.Form["behoefte"]), Vraag: r.PostForm.Get("vraag"), Grondslag: netwerk.Grondslag(d.Form["grondslag"]),
		ToestemmingWat: d.Form["toestemming_wat"], Artikel: d.Form["artikel"], ContactWaar: d.Form["contact_waar"]}
	d.Form["vraag"] = strings.TrimSpace(n.Vraag)
	switch {
	case k.Gemeente:
		n.Richting, n.PartnerID, n.Bron, n.BronID = netwerk.NaarPartner, d.Form["partner"], d.Bron, d.BronID
		if d.BronID > 0 && s.bronnen.Bestaat != nil {
			if err := s.bronnen.Bestaat(r.Context(), gm, d.Bron, d.BronID); errors.Is(err, errs.NotFound) {
				s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
				return
			} else if err != nil {
				s.kit.InternalError(w, r, err)
				return
			}
		}
	case k.Partner != "":
		n.Richting, n.PartnerID, n.Bron = netwerk.NaarGemeente, k.Partner, netwerk.Bron(d.Form["bron"])
		n.Grondslag = netwerk.Toestemming
	default:
		s.kit.StaffError(w, r, http.StatusNotFound, geenPartner)
		return
	}
	if v := d.Form["toestemming_op"]; v != "" {
		if dag, err := leesDag(v); err != nil {
			d.Add("toestemming_op", "Vul een datum in zoals 2-3-2026.")
		} else {
			n.ToestemmingOp = dag
		}
	}
	if dag, tijd := d.Form["contact_dag"], d.Form["contact_tijd"]; dag != "" || tijd != "" {
		if t, err := leesMoment(dag, tijd); err != nil {
			d.Add("contact_dag", "Vul een dag in zoals 12-3-2026 en een tijd zoals 10:30, of laat beide leeg.")
		} else {
			n.Contactmoment = &t
		}
	}
	if len(d.Fouten) == 0 {
		v, err := s.net.Verwijs(r.Context(), n)
		if err == nil {
			web.TerugNaar(w, r, "/beheer/"+gm+"/verwijzingen/"+strconv.FormatInt(v.ID, 10), "verwezen")
			return
		}
		if !voegFoutenToe(&d.FieldErrors, err, verwijzingVelden...) {
			s.kit.InternalError(w, r, err)
			return
		}
	}
	s.verwijzingFormulier(w, r, d, http.StatusUnprocessableEntity)
}

// leesDag reads a day as 2-3-2026 or 2026-03-02.
func leesDag(s string) (time.Time, error) {
	if t, err := time.Parse("2-1-2006", s); err == nil {
		return t, nil
	}
	return partner.ParseDag(s)
}

// leesMoment reads a day and a time of day in Europe/Amsterdam.
func leesMoment(dag, tijd string) (time.Time, error) {
	d, err := leesDag(dag)
	if err != nil {
		return time.Time{}, err
	}
	tijd = strings.ReplaceAll(tijd, ".", ":")
	u, err := time.Parse("15:04", tijd)
	if err != nil {
		return time.Time{}, err
	}
	zone, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(d.Year(), d.Month(), d.Day(), u.Hour(), u.Minute(), 0, 0, zone), nil
}

// kort cuts s to at most n characters (runes).
func kort(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
