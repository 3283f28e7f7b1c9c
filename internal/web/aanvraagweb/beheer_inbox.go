package aanvraagweb

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
)

// PerPagina is the page size of the inbox.
const PerPagina = 50

type inboxData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Vandaag string
	MagInstellen   bool
	Statussen      []web.Optie
	Regelingen     []web.Optie
	Woonplaatsen   []web.Optie
	Rijen          []inboxRij
	Paging         web.Paging
	ExportVan      string
	ExportTot      string
	MagExporteren  bool
}

type inboxRij struct {
	URL, Referentie, Status, Ontvangen, Regelingen, Woonplaats string
	Gekoppeld                                                  bool
	Termijn                                                    termijnStaat
}

// inbox shows one page of the gemeente's applications, nearest decision deadline first, filtered by
// status (default: not decided), regeling and village.
func (s *server) inbox(w http.ResponseWriter, r *http.Request) {
	if s.voorstellen != nil && r.URL.Query().Get("status") == StatusVoorstel {
		s.voorstelInbox(w, r) // the scan's ambtshalve proposals: beheer_voorstellen.go
		return
	}
	d := &inboxData{}
	g, ok := s.kit.GemeentePagina(w, r, &d.StaffPage, "Aanvragen", meldingen)
	if !ok {
		return
	}
	gm, ctx, q := g.Code, r.Context(), r.URL.Query()
	f := aanvragen.Filter{Limiet: PerPagina}
	if st := aanvragen.Status(q.Get("status")); st == "" || st.Geldig() {
		f.Status = st
	} else {
		d.Add("status", "Kies een status uit de lijst.")
	}
	regs := s.svc.Regelingen(gm)
	if rg := q.Get("regeling"); rg != "" {
		bekend := false
		for _, x := range regs {
			bekend = bekend || x.ID == rg
		}
		if bekend {
			f.Regeling = rg
		} else {
			d.Add("regeling", "Kies een regeling uit de lijst.")
		}
	}
	plaatsen, err := s.svc.Woonplaatsen(ctx, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if wp := q.Get("woonplaats"); wp != "" {
		bekend := false
		for _, p := range plaatsen {
			bekend = bekend || p == wp
		}
		if bekend {
			f.Woonplaats = wp
		} else {
			d.Add("woonplaats", "Kies een dorp of woonplaats uit de lijst.")
		}
	}
	vanaf, ok := web.LeesVanaf(q, "vanaf")
	if !ok {
		d.Add("status", "De waarde van vanaf in het adres klopt niet; de lijst begint bij de eerste aanvraag.")
	}
	f.Vanaf = vanaf
	rijen, totaal, err := s.svc.Inbox(ctx, gm, f)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	vandaag := s.svc.Vandaag()
	a := web.ActorUit(ctx)
	d.Basis, d.Vandaag = basis(gm), datumNL(vandaag)
	d.MagInstellen = auth.Mag(a, gm, auth.GemeenteInstellen)
	d.MagExporteren = auth.Mag(a, gm, auth.AanvragenBehandelen)
	d.ExportVan, d.ExportTot = vandaag.PlusDagen(1-vandaag.Dag()).String(), vandaag.String()
	d.Statussen = statusOpties(string(f.Status))
	if s.voorstellen == nil {
		d.Statussen = d.Statussen[:len(d.Statussen)-1]
	}
	d.Regelingen = append(d.Regelingen, web.Optie{Waarde: "", Label: "Alle regelingen", Gekozen: f.Regeling == ""})
	for _, x := range regs {
		d.Regelingen = append(d.Regelingen, web.Optie{Waarde: x.ID, Label: x.Naam, Gekozen: f.Regeling == x.ID})
	}
	d.Woonplaatsen = append(d.Woonplaatsen, web.Optie{Waarde: "", Label: "Alle dorpen en woonplaatsen", Gekozen: f.Woonplaats == ""})
	for _, p := range plaatsen {
		d.Woonplaatsen = append(d.Woonplaatsen, web.Optie{Waarde: p, Label: p, Gekozen: f.Woonplaats == p})
	}
	for _, x := range rijen {
		rij := inboxRij{URL: aanvraagURL(gm, x.ID), Referentie: x.Referentie, Status: x.Status.Naam(), Ontvangen: x.Ontvangen.In(web.Amsterdam).Format("02-01-2006"),
			Regelingen: x.Regelingen, Woonplaats: x.Woonplaats, Gekoppeld: x.Gekoppeld}
		if x.Status != aanvragen.Besloten {
			rij.Termijn = staat(x.Deadline, vandaag)
		} else {
			rij.Termijn = termijnStaat{Datum: datumNL(x.Deadline), Tekst: "Besloten"}
		}
		d.Rijen = append(d.Rijen, rij)
	}
	link := func(v int) string {
		lq := url.Values{}
		for k, x := range map[string]string{"status": string(f.Status), "regeling": f.Regeling, "woonplaats": f.Woonplaats} {
			if x != "" {
				lq.Set(k, x)
			}
		}
		if v > 0 {
			lq.Set("vanaf", strconv.Itoa(v))
		}
		if len(lq) == 0 {
			return d.Basis
		}
		return d.Basis + "?" + lq.Encode()
	}
	d.Paging = web.NieuwePaging(vanaf, PerPagina, totaal, len(rijen), false, link)
	status := http.StatusOK
	if len(d.Fouten) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.staf.Render(w, r, status, "av_inbox", d)
}
