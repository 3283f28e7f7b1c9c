package aanvraagweb

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/web"
)

// StatusVoorstel is the inbox's tab of the scan's open ambtshalve proposals (?status=voorstel).
const StatusVoorstel = "voorstel"

// Voorstellen are the scan's ambtshalve proposals as the inbox judges them (docs/aanvragen.md
// "Ambtshalve"). The composition root implements it with internal/scan and internal/aanvragen, so this
// part imports neither the scan nor its pages.
type Voorstellen interface {
	// Lijst returns one page of the open proposals under f and how many match; each page is a read in
	// the processing log.
	Lijst(ctx context.Context, gm string, f VoorstelFilter) ([]Voorstel, int, error)
	// ZonderAanvraag returns the approved proposals that have no application (approved before the
	// approval and the application were one transaction): they can be retried.
	ZonderAanvraag(ctx context.Context, gm string) ([]Voorstel, error)
	// Woonplaatsen lists the villages of the households of the open proposals.
	Woonplaatsen(ctx context.Context, gm string) ([]string, error)
	// Haal returns one proposal with its trace (errs.NotFound: none in gm); the read is logged.
	Haal(ctx context.Context, gm string, id int64) (*Voorstel, error)
	// Aanvaard approves an open proposal and makes its application-and-decision with the letter in one
	// transaction, or makes the application of an approved one that has none (a retry). A failure leaves
	// nothing behind but the reason (Voorstel.Mislukt); an aanvragen.Ongeldig error says why.
	Aanvaard(ctx context.Context, gm string, id int64, reden string, door aanvragen.Medewerker) (*aanvragen.Aangemaakt, error)
	// WijsAf declines an open proposal with a reason.
	WijsAf(ctx context.Context, gm string, id int64, reden string, door aanvragen.Medewerker) error
}

// VoorstelFilter selects and pages the open proposals.
type VoorstelFilter struct {
	Regeling, Woonplaats string
	Nieuwste             bool // newest first; default the oldest (the longest waiting) first
	Vanaf, Limiet        int
}

// Voorstel is an ambtshalve proposal of the scan.
type Voorstel struct {
	ID                         int64
	Huishouden                 string // the gemeente's household id in the register
	Regeling, RegelingNaam     string
	Woonplaats                 string // "" when the household is no longer in the register
	Peildatum                  string
	BedragCent                 *int64 // nil: unknown
	Periode                    string
	Gemaakt                    time.Time
	Status                     string // "open", "goedgekeurd" or "afgewezen"
	BesluitDoor, BesluitReden  string
	Mislukt                    *aanvragen.Mislukt // the last failed acceptance, nil: none
	Aanvraag                   *aanvragen.Gemaakt // the application it became, nil: none (yet)
	Oordeel, Grondslag, Bewijs string
	Criteria                   []VoorstelCriterium
}

// VoorstelCriterium is one line of a proposal's trace.
type VoorstelCriterium struct{ Uitkomst, Tekst, Bron string }

type voorstellenData struct {
	web.StaffPage
	web.FieldErrors
	Basis        string
	Statussen    []web.Optie
	Regelingen   []web.Optie
	Woonplaatsen []web.Optie
	Volgordes    []web.Optie
	Rijen        []voorstelRij
	Paging       web.Paging
	Herhalen     []voorstelRij
}

type voorstelRij struct {
	URL, Titel, Regeling, Woonplaats, Bedrag, Gemaakt, Status string
	Mislukt, AanvraagURL                                      string
}

// voorstelInbox is the inbox's tab "Voorstel ambtshalve": the open proposals of the scan, filtered by
// regeling and village, the longest waiting first (or the newest), 50 a page; and above them the
// approved proposals whose application is not made yet, to retry.
func (s *server) voorstelInbox(w http.ResponseWriter, r *http.Request) {
	d := &voorstellenData{}
	g, ok := s.kit.GemeentePagina(w, r, &d.StaffPage, "Aanvragen: voorstellen ambtshalve", meldingen)
	if !ok {
		return
	}
	gm, ctx, q := g.Code, r.Context(), r.URL.Query()
	d.Basis = basis(gm)
	f := VoorstelFilter{Limiet: PerPagina}
	regs := s.svc.Regelingen(gm)
	if rg := q.Get("regeling"); rg != "" {
		for _, x := range regs {
			if x.ID == rg {
				f.Regeling = rg
			}
		}
		if f.Regeling == "" {
			d.Add("regeling", "Kies een regeling uit de lijst.")
		}
	}
	plaatsen, err := s.voorstellen.Woonplaatsen(ctx, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if wp := q.Get("woonplaats"); wp != "" {
		for _, p := range plaatsen {
			if p == wp {
				f.Woonplaats = wp
			}
		}
		if f.Woonplaats == "" {
			d.Add("woonplaats", "Kies een dorp of woonplaats uit de lijst.")
		}
	}
	switch q.Get("volgorde") {
	case "", "oudste":
	case "nieuwste":
		f.Nieuwste = true
	default:
		d.Add("volgorde", "Kies een volgorde uit de lijst.")
	}
	vanaf, ok := web.LeesVanaf(q, "vanaf")
	if !ok {
		d.Add("status", "De waarde van vanaf in het adres klopt niet; de lijst begint bij het eerste voorstel.")
	}
	f.Vanaf = vanaf
	rijen, totaal, err := s.voorstellen.Lijst(ctx, gm, f)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	herhalen, err := s.voorstellen.ZonderAanvraag(ctx, gm)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d.Statussen = statusOpties(StatusVoorstel)
	d.Regelingen = append(d.Regelingen, web.Optie{Waarde: "", Label: "Alle regelingen", Gekozen: f.Regeling == ""})
	for _, x := range regs {
		d.Regelingen = append(d.Regelingen, web.Optie{Waarde: x.ID, Label: x.Naam, Gekozen: f.Regeling == x.ID})
	}
	d.Woonplaatsen = append(d.Woonplaatsen, web.Optie{Waarde: "", Label: "Alle dorpen en woonplaatsen", Gekozen: f.Woonplaats == ""})
	for _, p := range plaatsen {
		d.Woonplaatsen = append(d.Woonplaatsen, web.Optie{Waarde: p, Label: p, Gekozen: f.Woonplaats == p})
	}
	d.Volgordes = []web.Optie{{Waarde: "oudste", Label: "Langst wachtend eerst", Gekozen: !f.Nieuwste}, {Waarde: "nieuwste", Label: "Nieuwste eerst", Gekozen: f.Nieuwste}}
	for _, v := range rijen {
		d.Rijen = append(d.Rijen, s.voorstelRij(gm, v))
	}
	for _, v := range herhalen {
		d.Herhalen = append(d.Herhalen, s.voorstelRij(gm, v))
	}
	link := func(v int) string {
		lq := url.Values{"status": {StatusVoorstel}}
		if f.Regeling != "" {
			lq.Set("regeling", f.Regeling)
		}
		if f.Woonplaats != "" {
			lq.Set("woonplaats", f.Woonplaats)
		}
		if f.Nieuwste {
			lq.Set("volgorde", "nieuwste")
		}
		if v > 0 {
			lq.Set("vanaf", strconv.Itoa(v))
		}
		return d.Basis + "?" + lq.Encode()
	}
	d.Paging = web.NieuwePaging(vanaf, PerPagina, totaal, len(rijen), false, link)
	status := http.StatusOK
	if len(d.Fouten) > 0 {
		status = http.StatusUnprocessableEntity
	}
	s.staf.Render(w, r, status, "av_voorstellen", d)
}

func (s *server) voorstelRij(gm string, v Voorstel) voorstelRij {
	rij := voorstelRij{URL: voorstelURL(gm, v.ID), Titel: "Voorstel " + strconv.FormatInt(v.ID, 10), Regeling: v.RegelingNaam,
		Woonplaats: v.Woonplaats, Bedrag: "onbekend", Gemaakt: v.Gemaakt.In(web.Amsterdam).Format("02-01-2006"), Status: "Open"}
	if v.BedragCent != nil {
		rij.Bedrag = bedragTekst(v.BedragCent)
		if p := aanvragen.PeriodeNaam(v.Periode); p != "" {
			rij.Bedrag += " " + p
		}
	}
	switch {
	case v.Aanvraag != nil:
		rij.Status = "Aanvaard: aanvraag " + v.Aanvraag.Referentie
		rij.AanvraagURL = aanvraagURL(gm, v.Aanvraag.ID)
	case v.Status == "goedgekeurd":
		rij.Status = "Goedgekeurd, aanvraag nog niet gemaakt"
	case v.Status == "afgewezen":
		rij.Status = "Afgewezen"
	}
	if v.Mislukt != nil {
		rij.Mislukt = "Aanvaarden mislukt op " + v.Mislukt.Moment.In(web.Amsterdam).Format("02-01-2006 15:04") + ": " + v.Mislukt.Melding
	}
	return rij
}

func voorstelURL(gm string, id int64) string {
	return basis(gm) + "/voorstellen/" + strconv.FormatInt(id, 10)
}

// statusOpties are the inbox's status choices; the tab of the proposals only when they are wired.
func statusOpties(gekozen string) []web.Optie {
	out := []web.Optie{{Waarde: "", Label: "Nog niet besloten", Gekozen: gekozen == ""}}
	for _, x := range aanvragen.Statussen() {
		out = append(out, web.Optie{Waarde: string(x), Label: x.Naam(), Gekozen: gekozen == string(x)})
	}
	return append(out, web.Optie{Waarde: StatusVoorstel, Label: "Voorstel ambtshalve", Gekozen: gekozen == StatusVoorstel})
}
