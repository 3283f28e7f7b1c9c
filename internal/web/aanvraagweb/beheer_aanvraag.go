package aanvraagweb

import (
	"errors"
	"mime"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/web"
)

type aanvraagData struct {
	web.StaffPage
	web.FieldErrors
	Form          map[string]string
	A             *aanvragen.Aanvraag
	URL, Basis    string
	Vandaag       string
	Termijn       termijnStaat
	Ontvangen     string
	Status        string
	MagBehandelen bool
	Beslisbaar    bool
	Regelingen    []regelingDetail
	Gevraagd      []gevraagdRij
	Documenten    []docRij
	Geweigerd     []string // files the virus scanner refused (beheer_geweigerd.go)
	Notities      []notitieRij
	Brieven       []string
	Soorten       []web.Optie
	EngineFout    string
	Toestemming   string
	// Versie goes in every form's hidden versie field: the application's, or after a field error (422)
	// the one the form was loaded with (see toonAanvraag).
	Versie int
	// HerstelStandaard fills the hersteltermijn field: two weeks, a usual choice the case worker changes.
	HerstelStandaard string
}

type regelingDetail struct {
	ID, Naam, OordeelBijAanvraag, OordeelNu string
	Criteria                                []criteriumRij
	BedragEngine, Bedrag, Periode           string
	Open                                    bool
	Besluit, Motivering, Reden              string
	BeslotenOp, BeslotenDoor                string
	Voorgesteld                             string
	// the decision form's values
	Keuze, MotToekennen, MotAfwijzen, MotBuiten string
	Keuzes                                      []web.Optie
	MotStandaard, BedragInvoer, RedenInvoer     string
	BedragUitleg                                string
	IngangInvoer, EindeInvoer                   string
}

type criteriumRij struct{ Uitkomst, Tekst, Bron string }

type gevraagdRij struct{ Tekst, Omschrijving, Door, Gevraagd, Ontvangen, Tot string }

type docRij struct{ URL, Naam, Soort, Grootte, Ontvangen string }

type notitieRij struct{ Tekst, Door, Op string }

// aanvraag shows one application.
func (s *server) aanvraag(w http.ResponseWriter, r *http.Request) {
	s.toonAanvraag(w, r, http.StatusOK, &aanvraagData{})
}

func (s *server) toonAanvraag(w http.ResponseWriter, r *http.Request, status int, d *aanvraagData) {
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze aanvraag bestaat niet in deze gemeente.")
		return
	}
	g, ok := s.kit.GemeentePagina(w, r, &d.StaffPage, "Aanvraag", meldingen)
	if !ok {
		return
	}
	gm := g.Code
	a, err := s.svc.Aanvraag(r.Context(), gm, id)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze aanvraag bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	if d.Form == nil {
		d.Form = map[string]string{}
	}
	vandaag := s.svc.Vandaag()
	d.A, d.URL, d.Basis, d.Vandaag = a, aanvraagURL(gm, id), basis(gm), datumNL(vandaag)
	d.Versie = a.Versie
	if v, err := strconv.Atoi(d.Form["versie"]); status == http.StatusUnprocessableEntity && err == nil && v >= 0 && v <= a.Versie {
		// A form refused at a field comes back with the version it was loaded with, not the newest: if
		// someone else (or the resident) changed the application meanwhile, sending the corrected form
		// is then refused (409) instead of overwriting that change unseen.
		d.Versie = v
	}
	d.Titel = "Aanvraag " + a.Referentie
	d.Status, d.Ontvangen = a.Status.Naam(), a.Ontvangen.In(web.Amsterdam).Format("02-01-2006 15:04")
	d.Termijn = staat(a.Deadline.Datum, vandaag)
	if a.Intermediair != nil {
		d.Toestemming = a.Intermediair.Toestemming.In(web.Amsterdam).Format("02-01-2006 15:04")
	}
	d.MagBehandelen = auth.Mag(web.ActorUit(r.Context()), gm, auth.AanvragenBehandelen)
	d.Beslisbaar = a.RegisterID != "" && (a.Status == aanvragen.TeBeslissen || (a.Status == aanvragen.Ontbreekt && a.HerstelVerstreken(vandaag)))
	d.HerstelStandaard = vandaag.PlusDagen(14).String()
	// The engine again, on the decision date: today.
	uit, err := s.svc.Beoordeling(a, vandaag)
	if err != nil {
		d.EngineFout = "De regels konden deze aanvraag vandaag niet beoordelen: " + err.Error()
	}
	for _, x := range a.Regelingen {
		rd := regelingDetail{ID: x.ID, Naam: x.Naam, OordeelBijAanvraag: x.OordeelBijAanvraag, BedragEngine: bedragTekst(x.BedragEngineCent),
			Bedrag: bedragTekst(x.BedragCent), Periode: aanvragen.PeriodeNaam(x.Periode), Open: x.Besluit == "", Besluit: aanvragen.BesluitSoort(x.Besluit).Naam(),
			Motivering: x.Motivering, Reden: x.RedenWijziging, BeslotenOp: datumNL(x.BeslotenOp), BeslotenDoor: x.BeslotenDoor, Voorgesteld: x.VoorgesteldDoor}
		if u, ok := uit[x.ID]; ok {
			rd.OordeelNu = u.Oordeel.String()
			for _, c := range u.Criteria {
				rd.Criteria = append(rd.Criteria, criteriumRij{Uitkomst: c.Uitkomst, Tekst: c.Tekst, Bron: c.Bron.Kort})
			}
			rd.MotToekennen = aanvragen.Motivering(u, aanvragen.Toekennen)
			rd.MotAfwijzen = aanvragen.Motivering(u, aanvragen.Afwijzen)
			rd.MotBuiten = aanvragen.Motivering(u, aanvragen.BuitenBehandeling)
		} else {
			rd.OordeelNu = "niet meer in de regels van vandaag"
		}
		if x.VoorgesteldDoor != "" && x.Besluit == "" {
			rd.Keuze, rd.MotToekennen = string(aanvragen.Toekennen), x.Motivering
		}
		if v, ok := d.Form["besluit-"+x.ID]; ok {
			rd.Keuze = v
		}
		rd.BedragUitleg = "De regels geven geen bedrag: vul het in, met de reden."
		if rd.BedragEngine != "" {
			rd.BedragUitleg = "Leeg: het bedrag van de regels, " + rd.BedragEngine + "."
		}
		rd.MotStandaard = rd.MotToekennen
		if rd.OordeelNu == "geen recht" || rd.Keuze == string(aanvragen.Afwijzen) {
			rd.MotStandaard = rd.MotAfwijzen
		}
		if rd.Keuze == string(aanvragen.BuitenBehandeling) {
			rd.MotStandaard = rd.MotBuiten
		}
		if v, ok := d.Form["motivering-"+x.ID]; ok {
			rd.MotStandaard = v
		}
		rd.BedragInvoer, rd.RedenInvoer = d.Form["bedrag-"+x.ID], d.Form["reden-"+x.ID]
		rd.IngangInvoer, rd.EindeInvoer = d.Form["ingang-"+x.ID], d.Form["einde-"+x.ID]
		for _, o := range [][2]string{{"", "Nu niet besluiten"}, {string(aanvragen.Toekennen), "Toekennen"}, {string(aanvragen.Afwijzen), "Afwijzen"}, {string(aanvragen.BuitenBehandeling), "Buiten behandeling"}} {
			rd.Keuzes = append(rd.Keuzes, web.Optie{Waarde: o[0], Label: o[1], Gekozen: rd.Keuze == o[0]})
		}
		d.Regelingen = append(d.Regelingen, rd)
	}
	for _, x := range a.Gevraagd {
		gr := gevraagdRij{Tekst: x.Soort.Naam(), Omschrijving: x.Omschrijving, Door: x.Door, Gevraagd: x.Gevraagd.In(web.Amsterdam).Format("02-01-2006")}
		if !x.HerstelTot.IsZero() {
			gr.Tot = datumNL(x.HerstelTot)
		}
		if gr.Door == "" {
			gr.Door = "de regels (bij de aanvraag)"
		}
		switch {
		case x.DocumentID > 0:
			gr.Ontvangen = "Ontvangen"
		case x.DocumentID < 0:
			gr.Ontvangen = "Ontvangen; het document is na de bewaartermijn verwijderd"
		}
		d.Gevraagd = append(d.Gevraagd, gr)
	}
	for _, x := range a.Documenten {
		d.Documenten = append(d.Documenten, docRij{URL: d.URL + "/document/" + strconv.FormatInt(x.ID, 10), Naam: x.Naam, Soort: x.Soort.Naam(),
			Grootte: strconv.FormatInt((x.Grootte+1023)/1024, 10) + " kB", Ontvangen: x.Ontvangen.In(web.Amsterdam).Format("02-01-2006 15:04")})
	}
	d.Geweigerd = s.geweigerd(r, gm, id)
	for _, x := range a.Notities {
		d.Notities = append(d.Notities, notitieRij{Tekst: x.Tekst, Door: x.Door, Op: x.Op.In(web.Amsterdam).Format("02-01-2006 15:04")})
	}
	for _, b := range a.Brieven {
		d.Brieven = append(d.Brieven, d.URL+"/brief/"+strconv.FormatInt(b, 10))
	}
	for _, x := range aanvragen.DocSoorten() {
		d.Soorten = append(d.Soorten, web.Optie{Waarde: string(x), Label: x.Naam(), Gekozen: d.Form["soort"] == string(x)})
	}
	geenCache(w)
	s.staf.Render(w, r, status, "av_aanvraag", d)
}

// document sends a stored document as a download.
func (s *server) document(w http.ResponseWriter, r *http.Request) {
	id, ok1 := web.PathID(r, "id")
	doc, ok2 := web.PathID(r, "doc")
	if !ok1 || !ok2 {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit document bestaat niet.")
		return
	}
	info, inhoud, err := s.svc.Document(r.Context(), r.PathValue("gemeente"), id, doc)
	if errors.Is(err, aanvragen.ErrDocumentWeg) {
		documentWeg(s, w, r)
		return
	}
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit document bestaat niet.")
		return
	}
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	geenCache(w)
	w.Header().Set("Content-Type", info.Mime)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": info.Naam}))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(inhoud)))
	_, _ = w.Write(inhoud)
}

// brief shows a stored decision letter.
func (s *server) brief(w http.ResponseWriter, r *http.Request) {
	id, ok1 := web.PathID(r, "id")
	b, ok2 := web.PathID(r, "brief")
	if !ok1 || !ok2 {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze brief bestaat niet.")
		return
	}
	html, err := s.svc.Brief(r.Context(), r.PathValue("gemeente"), id, b)
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze brief bestaat niet.")
		return
	}
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	geenCache(w)
	stuurBrief(w, html)
}
