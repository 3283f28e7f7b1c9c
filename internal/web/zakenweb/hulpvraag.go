package zakenweb

import (
	"errors"
	"github.com/zeker-platform/zeker/internal/datum"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The resident's own online request for debt help (kanaal online): a short public form per gemeente,
// linked from the check's result page. No BSN is asked; the moment of sending starts the clock of Wgs
// art. 4 lid 1 onder a, and the confirmation names the last day of the first conversation. Abuse is
// bounded by the field limits of internal/zaken, the kit's body limit (64 KiB), and a rate limit per client
// address and per gemeente (in memory, per instance).

// Rate limits of the public form.
const (
	hulpvraagVenster      = time.Hour
	hulpvraagPerAdres     = 3   // accepted requests per client address per hour
	hulpvraagPogingen     = 20  // posts (also refused ones) per client address per hour
	hulpvraagPerGemeente  = 100 // accepted requests per gemeente per hour
	hulpvraagMaxSleutels  = 10000
	hulpvraagLimietStatus = http.StatusTooManyRequests
)

// begrenzer counts events per key in a sliding window.
type begrenzer struct {
	mu      sync.Mutex
	max     int
	venster time.Duration
	per     map[string][]time.Time
}

func nieuweBegrenzer(max int, venster time.Duration) *begrenzer {
	return &begrenzer{max: max, venster: venster, per: map[string][]time.Time{}}
}

// mag reports whether key may do one more event at nu, and counts it when it may.
func (b *begrenzer) mag(key string, nu time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	grens := nu.Add(-b.venster)
	houd := func(ts []time.Time) []time.Time {
		i := 0
		for i < len(ts) && !ts[i].After(grens) {
			i++
		}
		return ts[i:]
	}
	ts := houd(b.per[key])
	if len(ts) == 0 && len(b.per) >= hulpvraagMaxSleutels {
		for k, v := range b.per {
			if v = houd(v); len(v) == 0 {
				delete(b.per, k)
			}
		}
		if len(b.per) >= hulpvraagMaxSleutels {
			return false // flooded from very many addresses: refuse new ones until the window passes
		}
	}
	if len(ts) >= b.max {
		b.per[key] = ts
		return false
	}
	b.per[key] = append(ts, nu)
	return true
}

type hulpvraagData struct {
	web.Page
	web.FieldErrors
	Gemeente   tenant.Gemeente
	Actie      string
	Lang       string
	Naam       string
	Telefoon   string
	Email      string
	Woonplaats string
	Vraag      string
	Crisis     string
	// CrisisKeuze is the checked radio ("nee" when nothing was chosen).
	CrisisKeuze string
	Ondernemer  bool
	Kinderen    bool
	Crises      []web.Optie
	// after sending
	Ontvangen     string
	Uiterlijk     string
	CrisisTermijn bool
	Verwacht      string // expected earlier than the deadline, from the waiting list
	Max           map[string]int
	Cijfers       string // the public Wgs figures (cijfers.go)
}

// veldFout is an error of the public form: the field and a code; the page words it from the catalogue
// (hulpvraag.fout.<veld>.<code>).
type veldFout struct{ Veld, Code string }

// leesHulpvraag reads the public form. It names every wrong field at once; with no errors, the request
// passes zaken.OnlineAanvraag.Controleer (the fuzz target holds it to that).
func leesHulpvraag(f url.Values) (zaken.OnlineAanvraag, []veldFout) {
	a := zaken.OnlineAanvraag{Naam: strings.TrimSpace(f.Get("naam")), Telefoon: strings.TrimSpace(f.Get("telefoon")),
		Email: strings.TrimSpace(f.Get("email")), Woonplaats: strings.TrimSpace(f.Get("woonplaats")), Vraag: strings.TrimSpace(f.Get("vraag")),
		Ondernemer: f.Get("ondernemer") == "ja", Kinderen: f.Get("kinderen") == "ja"}
	var fouten []veldFout
	lang := func(veld, t string, max int) bool {
		if len([]rune(t)) > max {
			fouten = append(fouten, veldFout{veld, "te-lang"})
			return true
		}
		return false
	}
	if a.Naam == "" {
		fouten = append(fouten, veldFout{"naam", "leeg"})
	} else {
		lang("naam", a.Naam, zaken.MaxNaam)
	}
	switch {
	case a.Telefoon == "" && a.Email == "":
		fouten = append(fouten, veldFout{"telefoon", "contact"})
	default:
		if !lang("telefoon", a.Telefoon, zaken.MaxTelefoon) && a.Telefoon != "" && !zaken.TelefoonGeldig(a.Telefoon) {
			fouten = append(fouten, veldFout{"telefoon", "ongeldig"})
		}
		if !lang("email", a.Email, zaken.MaxEmail) && a.Email != "" && !zaken.EmailGeldig(a.Email) {
			fouten = append(fouten, veldFout{"email", "ongeldig"})
		}
	}
	lang("woonplaats", a.Woonplaats, zaken.MaxWoonplaats)
	lang("vraag", a.Vraag, zaken.MaxVraag)
	switch c := f.Get("crisis"); {
	case c == "" || c == "nee":
	case zaken.CrisisSoort(c).Geldig():
		a.Crisis = zaken.CrisisSoort(c)
	default:
		fouten = append(fouten, veldFout{"crisis", "ongeldig"})
	}
	return a, fouten
}

// hulpvraagGemeente returns the active gemeente of the URL; else it answers 404.
func (s *server) hulpvraagGemeente(w http.ResponseWriter, r *http.Request) (tenant.Gemeente, bool) {
	code := r.PathValue("gemeente")
	if tenant.ValideerCode(code) != nil {
		s.kit.NotFound(w, r)
		return tenant.Gemeente{}, false
	}
	g, err := s.kit.Gemeenten().Haal(r.Context(), code)
	if errors.Is(err, errs.NotFound) || (err == nil && !g.Actief) {
		s.kit.NotFound(w, r)
		return g, false
	}
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "hulpvraag: gemeente", "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return g, false
	}
	return g, true
}

func (s *server) hulpvraagPagina(r *http.Request, g tenant.Gemeente, d *hulpvraagData) *web.Taal {
	l := s.kit.Taal(r, false)
	d.Gemeente, d.Actie = g, web.HulpvraagURL(g.Code, "")
	if l.Code != web.StandaardTaal {
		d.Lang = l.Code
	}
	s.kit.VulPagina(&d.Page, l, l.T("hulpvraag.titel"), web.HulpvraagURL(g.Code, ""))
	d.CrisisKeuze = d.Crisis
	if d.CrisisKeuze == "" {
		d.CrisisKeuze = "nee"
	}
	d.Crises = []web.Optie{{Waarde: "nee", Label: l.T("hulpvraag.crisis.nee")}}
	for _, c := range zaken.CrisisSoorten() {
		d.Crises = append(d.Crises, web.Optie{Waarde: string(c), Label: l.T("hulpvraag.crisis." + string(c))})
	}
	d.Max = map[string]int{"naam": zaken.MaxNaam, "vraag": zaken.MaxVraag}
	d.Cijfers = CijfersURL(g.Code, d.Lang)
	return l
}

// hulpvraag shows the form.
func (s *server) hulpvraag(w http.ResponseWriter, r *http.Request) {
	g, ok := s.hulpvraagGemeente(w, r)
	if !ok {
		return
	}
	d := &hulpvraagData{}
	s.hulpvraagPagina(r, g, d)
	s.inwoner.Render(w, r, http.StatusOK, "hulpvraag", d)
}

// hulpvraagPost registers the request and shows the confirmation with the deadline of the first
// conversation; errors at their fields (422); too many requests from one address or for one gemeente
// in an hour: 429.
func (s *server) hulpvraagPost(w http.ResponseWriter, r *http.Request) {
	g, ok := s.hulpvraagGemeente(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.ResidentError(w, r, http.StatusBadRequest, "fout.formulier")
		return
	}
	nu := s.kit.Nu()
	ip := s.kit.ClientIP(r)
	if !s.pogingen.mag(ip, nu) {
		s.kit.ResidentError(w, r, hulpvraagLimietStatus, "hulpvraag.teveel")
		return
	}
	f := r.PostForm
	d := &hulpvraagData{Naam: f.Get("naam"), Telefoon: f.Get("telefoon"), Email: f.Get("email"), Woonplaats: f.Get("woonplaats"),
		Vraag: f.Get("vraag"), Crisis: f.Get("crisis"), Ondernemer: f.Get("ondernemer") == "ja", Kinderen: f.Get("kinderen") == "ja"}
	l := s.hulpvraagPagina(r, g, d)
	a, fouten := leesHulpvraag(f)
	for _, fv := range fouten {
		d.Add(fv.Veld, l.T("hulpvraag.fout."+fv.Veld+"."+fv.Code))
	}
	if len(fouten) > 0 {
		s.inwoner.Render(w, r, http.StatusUnprocessableEntity, "hulpvraag", d)
		return
	}
	if !s.perAdres.mag(ip, nu) || !s.perGemeente.mag(g.Code, nu) {
		s.kit.ResidentError(w, r, hulpvraagLimietStatus, "hulpvraag.teveel")
		return
	}
	ctx := audit.WithActor(r.Context(), audit.Actor{Soort: audit.ActorInwoner, ID: "hulpvraag", Naam: "inwoner (online formulier)"})
	o, err := s.zaken.Online(ctx, g.Code, a)
	var fv errs.Fields
	switch {
	case errors.As(err, &fv) && len(fv) > 0:
		d.Add(fv[0].Path, l.T("hulpvraag.fout."+fv[0].Path+"."+fv[0].Reason))
		s.inwoner.Render(w, r, http.StatusUnprocessableEntity, "hulpvraag", d)
		return
	case err != nil:
		s.kit.Log().ErrorContext(r.Context(), "hulpvraag: opslaan", "fout", err)
		s.kit.ResidentError(w, r, http.StatusInternalServerError, "fout.intern")
		return
	}
	d.Ontvangen = datumLang(l, datum.Van(o.Gestart, s.zaken.Zone())) + ", " + o.Gestart.In(s.zaken.Zone()).Format("15:04")
	d.Uiterlijk = datumLang(l, o.EersteGesprek.Datum)
	d.CrisisTermijn = o.Crisis
	if !o.VerwachtUiterlijk.IsZero() {
		d.Verwacht = datumLang(l, o.VerwachtUiterlijk)
	}
	d.Page.Titel = l.T("hulpvraag.ontvangen.titel")
	s.inwoner.Render(w, r, http.StatusOK, "hulpvraag_ontvangen", d)
}

// datumLang writes "maandag 6 april 2026" in the page's language.
func datumLang(l *web.Taal, d datum.Datum) string {
	wd := int(d.Weekdag())
	if wd == 0 {
		wd = 7
	}
	return l.T("dag."+strconv.Itoa(wd)) + " " + strconv.Itoa(d.Dag()) + " " + l.T("maand."+strconv.Itoa(int(d.Maand()))) + " " + strconv.Itoa(d.Jaar())
}
