package aanvraagweb

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
)

// eigenData is a logged-in intermediary's own list: the applications they made for clients, or, for a
// partner user, the ones their partner organisation made (docs/aanvragen.md "The intermediary's own list").
type eigenData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Voor string
	Rijen       []eigenRij
	Paging      web.Paging
}

type eigenRij struct {
	URL, Referentie, Ontvangen, Status, Regelingen, Ontbreekt, Besloten, Door string
}

func eigenBasis(gm string) string { return "/beheer/" + gm + "/mijn-aanvragen" }

// indiener is who the list is for: the user, and the partner they work for in gm when they are a
// partner user.
func (s *server) indiener(r *http.Request, gm string) (aanvragen.Indiener, string, error) {
	li := web.LoginUit(r.Context())
	if li == nil {
		return aanvragen.Indiener{}, "", errs.Forbidden
	}
	w := aanvragen.Indiener{Gebruiker: li.Gebruiker.ID}
	if s.partner != nil {
		id, naam, ok, err := s.partner(r.Context(), gm, li.Gebruiker.ID)
		if err != nil {
			return w, "", err
		}
		if ok {
			w.Partner = id
			return w, "De aanvragen die medewerkers van " + naam + " voor cliënten deden.", nil
		}
	}
	return w, "De aanvragen die u voor cliënten deed.", nil
}

func (s *server) eigenLijst(w http.ResponseWriter, r *http.Request) {
	d := &eigenData{}
	g, ok := s.kit.GemeentePagina(w, r, &d.StaffPage, "Mijn aanvragen voor cliënten", nil)
	if !ok {
		return
	}
	wie, tekst, err := s.indiener(r, g.Code)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d.Basis, d.Voor = eigenBasis(g.Code), tekst
	vanaf, ok := web.LeesVanaf(r.URL.Query(), "vanaf")
	if !ok {
		d.Add("vanaf", "De waarde van vanaf in het adres klopt niet; de lijst begint bij de nieuwste aanvraag.")
	}
	rijen, totaal, err := s.svc.Eigen(r.Context(), g.Code, wie, vanaf, PerPagina)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	for _, x := range rijen {
		rij := eigenRij{URL: d.Basis + "/" + strconv.FormatInt(x.ID, 10), Referentie: x.Referentie, Ontvangen: x.Ontvangen.In(web.Amsterdam).Format("02-01-2006"),
			Status: x.Status.Naam(), Regelingen: x.Regelingen, Ontbreekt: docNamen(x.Ontbreekt), Besloten: "—", Door: x.Intermediair}
		if !x.BeslotenOp.IsZero() {
			rij.Besloten = datumNL(x.BeslotenOp)
		}
		d.Rijen = append(d.Rijen, rij)
	}
	d.Paging = web.NieuwePaging(vanaf, PerPagina, totaal, len(rijen), false, func(v int) string {
		if v > 0 {
			return d.Basis + "?vanaf=" + strconv.Itoa(v)
		}
		return d.Basis
	})
	geenCache(w)
	status := http.StatusOK
	if len(d.Fouten) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.staf.Render(w, r, status, "av_eigen", d)
}

func docNamen(ds []aanvragen.DocSoort) string {
	if len(ds) == 0 {
		return "—"
	}
	n := make([]string, len(ds))
	for i, x := range ds {
		n[i] = x.Naam()
	}
	return strings.Join(n, ", ")
}
