package zakenweb

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The nazorg contact moments on the partner's own list (zaken/nazorg_partner.go). This part owns the
// page, not netwerkweb: the moments, their rules (running nazorg, stale form, timeline, audit) and the
// reference are zaken's, and zakenweb already has the partner register (Deps.Partners) to find the
// user's partner with partner.Service.MedewerkerVan — the same check netwerkweb's kijker makes for
// referrals. Through a Deps function in netwerkweb the zaken data would cross a second seam for no gain.
//
// Who: the route carries verwijzingen.maken (the intermediair's permission of the referral pages); the
// handler narrows to a partner user (role intermediair, linked to a partner that is a member today).
// Anyone else with the permission (a consulent, an intermediair of no partner) sees a page that says
// so and gets 404 on the form; gemeente staff work on the zaak page as before.

const nazorgPartnerPad = "/nazorg-partner"

type partnerMomentRij struct {
	zaken.PartnerMoment
	Dag, GedaanDag, Actie, GemeenteNaam string
	Sleutel                             string // unique suffix of the form's field ids
	Stand                               string // of a moment not held (momentStand)
}

type nazorgPartnerData struct {
	web.StaffPage
	web.FieldErrors
	Partner     string // the partner's name; "" = not a partner user
	Rijen       []partnerMomentRij
	Gemeenten   []string
	Vandaag     string
	VeldVerslag string
	// after a field error (422): the moment of the refused form and the version it was loaded with,
	// kept in that form instead of the newest (see toonNazorgPartner)
	Moment int64
	Versie int
	Acties []partnerActieRij // the plan actions assigned to the partner (plan_partner.go)
}

// partnerVan returns the user's partner in gemeente gm and the gemeenten where the user works for that
// same partner (gm first); "" when the user is no partner user in gm.
func (s *server) partnerVan(r *http.Request, gm string) (string, []string, error) {
	l := web.LoginUit(r.Context())
	if l == nil || s.partners == nil || l.Actor.Rollen[gm] != auth.Intermediair {
		return "", nil, nil
	}
	id, ok, err := s.partners.MedewerkerVan(r.Context(), l.Gebruiker.ID, gm)
	if err != nil || !ok {
		return "", nil, err
	}
	gemeenten := []string{gm}
	for _, g := range slices.Sorted(func(yield func(string) bool) {
		for g := range l.Actor.Rollen {
			if !yield(g) {
				return
			}
		}
	}) {
		if g == gm || l.Actor.Rollen[g] != auth.Intermediair {
			continue
		}
		if ander, ok, err := s.partners.MedewerkerVan(r.Context(), l.Gebruiker.ID, g); err != nil {
			return "", nil, err
		} else if ok && ander == id {
			gemeenten = append(gemeenten, g)
		}
	}
	return id, gemeenten, nil
}

func (s *server) nazorgPartner(w http.ResponseWriter, r *http.Request) {
	s.toonNazorgPartner(w, r, http.StatusOK, &nazorgPartnerData{})
}

func (s *server) toonNazorgPartner(w http.ResponseWriter, r *http.Request, status int, d *nazorgPartnerData) {
	gm, ok := s.pagina(w, r, &d.StaffPage, paginaTitelPartner)
	if !ok {
		return
	}
	id, gemeenten, err := s.partnerVan(r, gm)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d.Vandaag = s.zaken.Vandaag().String()
	if id != "" {
		namen, _ := s.partnerNamen(r.Context(), gm)
		d.Partner = namen[id]
		if d.Partner == "" {
			d.Partner = "je organisatie"
		}
		d.Gemeenten = gemeenten
		ms, err := s.zaken.PartnerMomenten(r.Context(), gemeenten, id)
		if err != nil {
			s.kit.Error(w, r, err, "")
			return
		}
		gnamen := map[string]string{}
		for _, g := range gemeenten {
			gnamen[g] = g
			if gg, err := s.kit.Gemeenten().Haal(r.Context(), g); err == nil {
				gnamen[g] = gg.Naam
			}
		}
		for _, m := range ms {
			rij := partnerMomentRij{PartnerMoment: m, Dag: datumNL(m.Datum), GemeenteNaam: gnamen[m.Gemeente],
				Actie: "/beheer/" + m.Gemeente + nazorgPartnerPad, Sleutel: strconv.FormatInt(m.ID, 10), Stand: momentStand(m.Status)}
			if status == http.StatusUnprocessableEntity && m.ID == d.Moment && m.Gemeente == gm && d.Versie >= 0 && d.Versie <= m.Versie {
				// The form refused at a field comes back with the version it was loaded with: if the
				// gemeente changed the zaak meanwhile, sending it corrected is then refused (409)
				// instead of overwriting that change unseen.
				rij.Versie = d.Versie
			}
			if !m.Gedaan.IsZero() {
				rij.GedaanDag = datumNL(m.Gedaan)
			}
			d.Rijen = append(d.Rijen, rij)
		}
		if d.Acties, err = s.partnerActieRijen(r, gemeenten, id, gnamen); err != nil {
			s.kit.Error(w, r, err, "")
			return
		}
	}
	s.pages.Render(w, r, status, "zaken_nazorg_partner", d)
}

// nazorgPartnerPost marks a moment as held. Another partner's moment, one of a nazorg that ended, or a
// user who is no partner user: 404. A stale form: 409 with the newest list. Errors at their fields: 422.
func (s *server) nazorgPartnerPost(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	id, _, err := s.partnerVan(r, gm)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	moment, merr := strconv.ParseInt(strings.TrimSpace(r.PostForm.Get("moment")), 10, 64)
	if id == "" || merr != nil || moment <= 0 {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit contactmoment bestaat niet voor je organisatie in deze gemeente.")
		return
	}
	sl := strconv.FormatInt(moment, 10)
	d := &nazorgPartnerData{}
	versie, verr := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("versie")))
	if verr != nil {
		versie = -1
	}
	d.Moment, d.Versie = moment, versie
	op := datum.Datum{}
	if t := strings.TrimSpace(r.PostForm.Get("gehouden-datum")); t == "" {
		d.Add("gehouden-datum-"+sl, "Vul de datum in waarop het contact was (JJJJ-MM-DD).")
	} else if op, err = datum.Parse(t); err != nil {
		d.Add("gehouden-datum-"+sl, "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-02.")
	}
	verslag := r.PostForm.Get("verslag")
	if len(d.Fouten) == 0 {
		err = s.zaken.PartnerContactGehouden(r.Context(), gm, id, moment, versie, op, verslag, medewerker(r))
	}
	var fv errs.Fields
	switch {
	case len(d.Fouten) > 0:
		d.VeldVerslag = verslag
		s.toonNazorgPartner(w, r, http.StatusUnprocessableEntity, d)
	case err == nil:
		web.TerugNaar(w, r, "/beheer/"+gm+nazorgPartnerPad, "contact-gedaan")
	case errors.As(err, &fv) && len(fv) > 0:
		veld := fv[0].Path
		if veld == "gedaan-datum" {
			veld = "gehouden-datum"
		}
		d.Add(veld+"-"+sl, fv[0].Reason)
		d.VeldVerslag = verslag
		s.toonNazorgPartner(w, r, http.StatusUnprocessableEntity, d)
	case errors.Is(err, zaken.ErrVerouderd):
		d.Add("lijst", "De gemeente heeft deze zaak intussen gewijzigd. Hieronder staat de nieuwste lijst; vink het contactmoment zo nodig opnieuw af.")
		s.toonNazorgPartner(w, r, http.StatusConflict, d)
	case errors.Is(err, zaken.ErrNietGevonden), errors.Is(err, zaken.ErrStatus):
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit contactmoment bestaat niet voor je organisatie in deze gemeente.")
	default:
		s.kit.Error(w, r, err, "")
	}
}
