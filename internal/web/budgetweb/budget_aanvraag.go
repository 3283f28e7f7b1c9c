package budgetweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
)

type aanvraagData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Lijst, Actie string
	ZaakURL, BriefURL   string
	A                   budget.Aanvraag
	Ingediend           string
	BudgetBedrag, Rest  string
	VierOgen            bool // this award needs two people
	VierOgenVanaf       string
	ZelfEerste          bool // the user gave the first award: a colleague must decide
	MagBeslissen        bool
	Versie              int
	Reden               string
}

// aanvraag shows request {id} with its decision form; the read is in the processing log.
func (s *server) aanvraag(w http.ResponseWriter, r *http.Request) {
	s.toonAanvraag(w, r, http.StatusOK, &aanvraagData{})
}

func (s *server) toonAanvraag(w http.ResponseWriter, r *http.Request, status int, d *aanvraagData) {
	id, ok := s.idUit(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	gm := r.PathValue("gemeente")
	a, err := s.budget.Aanvraag(ctx, gm, id)
	if err != nil {
		s.kit.Error(w, r, err, "Deze aanvraag bestaat niet in deze gemeente.")
		return
	}
	if _, ok := s.pagina(w, r, &d.StaffPage, "Aanvraag "+strconv.FormatInt(id, 10)); !ok {
		return
	}
	b, err := s.budget.Haal(ctx, gm, a.BudgetID)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	in, err := s.budget.Instellingen(ctx, gm)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d.Basis, d.Lijst, d.Actie, d.A = basis(gm), aanvragenURL(gm), aanvraagURL(gm, id)+"/besluit", a
	d.BriefURL = aanvraagURL(gm, id) + "/brief"
	d.Ingediend = a.Ingediend.In(zone()).Format("2-1-2006 15:04")
	d.BudgetBedrag = euro(b.Bedrag)
	if rest, ok := b.Resterend(); ok {
		d.Rest = rest.String()
	} else {
		d.Rest = "onbekend"
	}
	d.VierOgen = in.VierOgen(a.Bedrag)
	if in.VierOgenVanaf > 0 {
		d.VierOgenVanaf = in.VierOgenVanaf.String()
	}
	me := medewerker(r)
	d.ZelfEerste = a.Status == budget.Tweede && a.Eerste.ID == me.ID
	d.MagBeslissen = a.Status.Open() && auth.Mag(web.ActorUit(ctx), gm, auth.ZakenBehandelen)
	if d.Versie == 0 {
		d.Versie = a.Versie
	}
	if a.ZaakID > 0 && s.zaakURL != nil {
		d.ZaakURL = s.zaakURL(gm, a.ZaakID)
	}
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "budget_aanvraag", d)
}

func (s *server) besluitPost(w http.ResponseWriter, r *http.Request) {
	id, ok := s.idUit(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &aanvraagData{Reden: strings.TrimSpace(r.PostForm.Get("besluit-reden"))}
	b := budget.Besluit{Reden: d.Reden, Door: medewerker(r)}
	b.Versie, _ = strconv.Atoi(r.PostForm.Get("versie"))
	switch r.PostForm.Get("besluit") {
	case "toekennen":
		b.Toekennen = true
	case "afwijzen":
	default:
		d.Add("besluit-toekennen", "Kies toekennen of afwijzen.")
	}
	status := http.StatusUnprocessableEntity
	if len(d.Fouten) == 0 {
		st, err := s.budget.Beslis(r.Context(), gm, id, b)
		switch {
		case err == nil:
			web.TerugNaar(w, r, aanvraagURL(gm, id), string(st))
			return
		case errors.Is(err, budget.ErrVerouderd):
			status = http.StatusConflict
			d.Add("besluit-reden", "Iemand anders heeft deze aanvraag intussen gewijzigd. Hieronder staat de nieuwste stand; besluit zo nodig opnieuw.")
			d.Versie = 0
		case errors.Is(err, budget.ErrZelfdePersoon):
			status = http.StatusForbidden
			d.Add("besluit-reden", "U gaf het eerste akkoord. Het tweede akkoord (vier ogen) moet van een collega komen.")
		case errors.Is(err, budget.ErrTekort):
			status = http.StatusConflict
			d.Add("besluit-reden", "Het budget is niet toereikend: de aanvraag is hoger dan wat van het budget resteert (hieronder). Verhoog eerst het bedrag van het budget (beleidsmedewerker of beheerder), of wijs af.")
		case errors.Is(err, errs.Conflict):
			status = http.StatusConflict
			d.Add("besluit-reden", "Over deze aanvraag is al besloten; het besluit staat hieronder.")
			d.Versie = 0
		default:
			if !s.veldFouten(w, r, err, &d.FieldErrors, "") {
				return
			}
			if len(d.Fouten) == 0 {
				s.kit.Error(w, r, err, "")
				return
			}
		}
	}
	if status != http.StatusConflict {
		d.Versie = b.Versie
	}
	s.toonAanvraag(w, r, status, d)
}
