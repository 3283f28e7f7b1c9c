package signalenweb

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/web"
)

// zaakData is the page of one vroegsignaalzaak: what is known, its signals and residents, the contact
// attempts and notes, and the forms to pick it up, record contact, add a note and close it.
type zaakData struct {
	web.StaffPage
	web.FieldErrors
	Menu          sigMenu
	ID            int64
	URL           string
	Terug         string
	Lijst         string // the worklist's filter as a query string ("" or "?…"), kept on every link and form
	Vandaag       string
	VandaagISO    string
	Open          bool
	Opgepakt      string
	MagBehandelen bool
	Crisis        bool
	Deadline      string
	Verlopen      bool
	WerkdagenOver int
	Wachtdagen    int
	Ontvangen     string
	Periode       string
	Aantal        int
	AantalTotaal  int
	Meervoudig    bool
	Opeenvolgend  bool
	Bedrag        string
	Kinderen      int
	Wijk          string
	Woonplaats    string
	Bekend        bool
	Behandelaar   string
	Resultaat     string
	Afgesloten    string
	Automatisch   bool
	Beoordelen    bool   // marked for review: the grouping needs a person's check
	Beoordeling   string // the reason in plain Dutch
	// Briefadres: the zaak's signals came from a briefadres and were not grouped by that address.
	Briefadres bool
	Signalen   []signaalRij
	// Paging of the signals (opslag.SignalenPerPagina at a time): positions shown (1-based), the number
	// of signals, and the links (""; no such page). Gepagineerd when the zaak has more than one page.
	SigPaging   web.Paging
	Gepagineerd bool
	// AantalContact and AantalNotities count all; Contact and Notities hold the most recent.
	AantalContact  int
	AantalNotities int
	Inwoners       []inwonerRij
	Contact        []contactRij
	Notities       []notitieRij
	Soorten        []web.Optie
	Dagdelen       []web.Optie
	Bereikt        []web.Optie
	Resultaten     []web.Optie
	ContactForm    contactForm
	NotitieTekst   string
	// Debt help from this vroegsignaalzaak: the zaak started from it, or where to start one (when the
	// user may handle zaken).
	SchuldhulpZaak, SchuldhulpStart string
}

type signaalRij struct {
	Referentie, Partner, PartnerType, Bedrag, Ontstaan, Signaaldatum, Ontvangen string
	Crisis                                                                      string
	WarmeOverdracht                                                             bool
	Status                                                                      string
	Gekoppeld                                                                   string
	Briefadres                                                                  bool
	Inwoner                                                                     int // 1-based number in Inwoners
}

// inwonerRij is one resident the signals are about, with the contact data the partners gave.
type inwonerRij struct {
	Nr                                               int
	Naam, BSN, Geboortedatum, Adres, Telefoon, Email string
}

type notitieRij struct{ Door, Tijd, Tekst string }

type contactRij struct {
	Datum, Dagdeel, Soort, Toelichting string
	Bereikt                            bool
}

// contactForm is the contact attempt form as filled in.
type contactForm struct {
	Soort, Bereikt, Datum, Dagdeel, Toelichting string
}

// signalenZaak shows one vroegsignaalzaak with one page of its signals (?signalen-vanaf=, the offset,
// beside the worklist's filter). Opening it is a read of the residents' data: the store writes one
// audit row for the view, with the residents of the page shown, and the actor of the request.
func (s *server) signalenZaak(w http.ResponseWriter, r *http.Request) {
	s.toonZaak(w, r, http.StatusOK, nil)
}

// toonZaak renders the zaak page; when a form came back with errors, pre holds them and its values.
func (s *server) toonZaak(w http.ResponseWriter, r *http.Request, status int, pre *zaakData) {
	d := pre
	if d == nil {
		d = &zaakData{}
	}
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	gm, ok := s.signalenPagina(w, r, &d.StaffPage, "Vroegsignaalzaak "+itoa64(id))
	if !ok {
		return
	}
	vanaf, ok := signalenVanaf(r)
	if !ok {
		s.kit.StaffError(w, r, http.StatusBadRequest, "De waarde van signalen-vanaf in het adres van deze pagina klopt niet: gebruik een geheel getal van 0 of meer.")
		return
	}
	st := s.store
	det, err := st.Zaak(r.Context(), gm, id, vanaf)
	if errors.Is(err, opslag.ErrNietGevonden) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	vandaag := st.Vandaag()
	z := &det.Zaak
	d.Menu = menuVoor(r.Context(), gm, "")
	// The worklist's filter and page travel along in the query string, so "terug" returns to them; they
	// are read and written again by the worklist's own rules, never echoed.
	var genegeerd web.FieldErrors
	wf, _ := leesWerklijstFilter(r.URL.Query(), web.NaamUit(r.Context()), &genegeerd)
	d.Lijst = wf.query(wf.Vanaf)
	d.ID, d.URL, d.Terug = z.ID, zaakURL(gm, z.ID), d.Menu.Basis+d.Lijst
	d.Vandaag, d.VandaagISO = datumNL(vandaag), vandaag.String()
	d.Open = z.Status == signalen.ZaakOpen
	d.MagBehandelen = auth.Mag(web.ActorUit(r.Context()), gm, auth.SignalenBehandelen)
	if !z.DatumOpgepakt.IsZero() {
		d.Opgepakt = datumNL(z.DatumOpgepakt)
	}
	d.Crisis, d.Wachtdagen, d.Ontvangen = z.Crisis, z.Wachtdagen(vandaag), datumNL(z.EersteOntvangst)
	if z.Crisis {
		d.Deadline, d.Verlopen = datumNL(z.CrisisDeadline), z.TermijnVerlopen(vandaag)
		d.WerkdagenOver = signalen.WerkdagenTussen(vandaag, z.CrisisDeadline)
	}
	d.Periode = datumNL(z.PeriodeStart) + " tot en met " + datumNL(z.PeriodeEinde)
	d.Aantal, d.AantalTotaal, d.Meervoudig, d.Opeenvolgend = z.Aantal, z.AantalTotaal, z.Meervoudig(), z.Opeenvolgend
	d.Bedrag, d.Kinderen, d.Wijk, d.Woonplaats, d.Bekend = bedragNL(z.Bedrag), z.MinderjarigeKinderen, z.Wijk, z.Woonplaats, z.Bekend
	d.Behandelaar, d.Resultaat, d.Automatisch = z.Behandelaar, string(z.Resultaat), z.AutomatischGesloten
	if !z.Afgesloten.IsZero() {
		d.Afgesloten = datumNL(z.Afgesloten)
	}
	d.Beoordelen, d.Beoordeling = z.Beoordelen, z.Beoordeling
	d.Signalen, d.Inwoners = signaalRijen(det.Signalen)
	d.Briefadres = signalen.IsBriefadresSleutel(z.Huishoudsleutel)
	for _, o := range det.Signalen {
		d.Briefadres = d.Briefadres || o.Koppeling.Briefadres
	}
	d.vulSignaalPaginas(det, zaakURL(gm, z.ID), d.Lijst)
	d.AantalContact, d.AantalNotities = det.AantalContactpogingen, det.AantalNotities
	for _, c := range det.Contactpogingen {
		d.Contact = append(d.Contact, contactRij{Datum: datumNL(c.Datum), Dagdeel: string(c.Dagdeel), Soort: string(c.Soort),
			Toelichting: c.Toelichting, Bereikt: c.Bereikt})
	}
	for _, n := range det.Notities {
		tijd := n.Tijd
		if t, err := time.Parse(time.RFC3339, n.Tijd); err == nil {
			tijd = t.In(web.Amsterdam).Format("02-01-2006 15:04")
		}
		d.Notities = append(d.Notities, notitieRij{Door: n.Door, Tijd: tijd, Tekst: n.Tekst})
	}
	if d.ContactForm == (contactForm{}) {
		d.ContactForm.Datum = vandaag.String() // a fresh form, also after an error in another form
	}
	soorten := [][2]string{{"", "Kies een soort contact"}}
	for _, c := range signalen.Contactsoorten() {
		soorten = append(soorten, [2]string{string(c), string(c)})
	}
	d.Soorten = opties(soorten, d.ContactForm.Soort)
	d.Dagdelen = opties([][2]string{{"Ochtend", "Ochtend (voor 12.00 uur)"}, {"Middag", "Middag (12.00 tot 18.00 uur)"},
		{"Avond", "Avond (vanaf 18.00 uur)"}, {"", "Weet ik niet"}}, d.ContactForm.Dagdeel)
	d.Bereikt = opties([][2]string{{"ja", "Ja, de inwoner is bereikt"}, {"nee", "Nee, niet bereikt"}}, d.ContactForm.Bereikt)
	res := [][2]string{{"", "Kies een resultaat"}}
	for _, e := range signalen.Eindresultaten() {
		res = append(res, [2]string{string(e), string(e)})
	}
	d.Resultaten = opties(res, r.PostFormValue("resultaat"))
	if s.zaakBij != nil {
		bestaand, start, err := s.zaakBij(r.Context(), gm, z.ID)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.SchuldhulpZaak = bestaand
		if auth.Mag(web.ActorUit(r.Context()), gm, auth.ZakenBehandelen) {
			d.SchuldhulpStart = start
		}
	}
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "signalen_zaak", d)
}

// signalenVanaf reads the offset of the zaak's signals from the query string: absent is 0.
func signalenVanaf(r *http.Request) (int, bool) {
	return web.LeesVanaf(r.URL.Query(), "signalen-vanaf")
}

// vulSignaalPaginas sets the paging of the signals: which are shown and the links to the first,
// previous, next and last page, each keeping the worklist's filter (lijst, "" or "?…").
func (d *zaakData) vulSignaalPaginas(det opslag.ZaakDetail, basis, lijst string) {
	per := opslag.SignalenPerPagina
	d.Gepagineerd = det.AantalSignalen > per || det.Vanaf > 0
	link := func(vanaf int) string {
		q, _ := url.ParseQuery(strings.TrimPrefix(lijst, "?"))
		if vanaf > 0 {
			q.Set("signalen-vanaf", strconv.Itoa(vanaf))
		}
		if len(q) == 0 {
			return basis + "#signalen-kop"
		}
		return basis + "?" + q.Encode() + "#signalen-kop"
	}
	d.SigPaging = web.NieuwePaging(det.Vanaf, per, det.AantalSignalen, len(det.Signalen), false, link)
}

// signaalRijen formats the signals and collects the residents they are about (one row per BSN, or per
// name and address when a signal has no BSN).
func signaalRijen(sigs []signalen.Ontvangen) ([]signaalRij, []inwonerRij) {
	var rijen []signaalRij
	var inw []inwonerRij
	nr := map[string]int{}
	for i := range sigs {
		o := &sigs[i]
		in := &o.Inwoner
		naam := strings.Join(strings.Fields(in.Voorletters+" "+in.Voorvoegsel+" "+in.Achternaam), " ")
		a := in.Adres
		adres := strings.TrimSpace(strings.Join(strings.Fields(a.Straat+" "+huisnummer(a)), " "))
		if a.Postcode != "" || a.Woonplaats != "" {
			adres = strings.TrimSpace(adres + ", " + strings.TrimSpace(a.Postcode+" "+a.Woonplaats))
			adres = strings.TrimPrefix(adres, ", ")
		}
		sleutel := "bsn:" + in.BSN
		if in.BSN == "" {
			sleutel = "naam:" + naam + "|" + a.Sleutel()
		}
		n, ok := nr[sleutel]
		if !ok {
			n = len(inw) + 1
			nr[sleutel] = n
			inw = append(inw, inwonerRij{Nr: n, Naam: naam, BSN: in.BSN, Geboortedatum: datumNL(in.Geboortedatum), Adres: adres,
				Telefoon: in.Telefoon, Email: in.Email})
		}
		rij := signaalRij{Referentie: o.Referentie, Partner: o.PartnerNaam, PartnerType: string(o.PartnerType), Bedrag: bedragNL(o.Bedrag),
			Ontstaan: datumNL(o.Ontstaansdatum), Signaaldatum: datumNL(o.Signaaldatum), Ontvangen: datumNL(o.Ontvangen),
			WarmeOverdracht: o.WarmeOverdracht, Status: string(o.Status), Inwoner: n}
		if o.Crisis {
			rij.Crisis = crisisNaam(o.CrisisSoort)
		}
		switch o.Koppeling.Methode {
		case signalen.MethodeBSN:
			rij.Gekoppeld = "op BSN"
		case signalen.MethodeAdres:
			rij.Gekoppeld = "op adres"
		default:
			rij.Gekoppeld = "niet gevonden in de basisregistratie"
		}
		if o.Koppeling.Briefadres {
			rij.Briefadres = true
		}
		rijen = append(rijen, rij)
	}
	return rijen, inw
}

func huisnummer(a signalen.Adres) string {
	if a.Huisnummer <= 0 {
		return ""
	}
	return itoa64(int64(a.Huisnummer)) + a.Toevoeging
}

// zaakPost runs one change of a zaak: parse the form, let do change it, and go back to the zaak page
// with a confirmation; a refused change shows the page again with the error at its field.
func (s *server) zaakPost(w http.ResponseWriter, r *http.Request, klaar string, do func(gm string, id int64, d *zaakData) error) {
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	gm := r.PathValue("gemeente")
	d := &zaakData{}
	err := do(gm, id, d)
	switch {
	case err == nil && len(d.Fouten) == 0:
		var genegeerd web.FieldErrors
		wf, _ := leesWerklijstFilter(r.URL.Query(), web.NaamUit(r.Context()), &genegeerd)
		q, _ := url.ParseQuery(strings.TrimPrefix(wf.query(wf.Vanaf), "?"))
		q.Set("klaar", klaar)
		http.Redirect(w, r, zaakURL(gm, id)+"?"+q.Encode(), http.StatusSeeOther)
	case errors.Is(err, opslag.ErrNietGevonden):
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
	case errors.Is(err, signalen.ErrZaakGesloten):
		d.Add("zaak", "Deze zaak is al afgesloten. Je kunt er niets meer aan veranderen.")
		s.toonZaak(w, r, http.StatusConflict, d)
	case err != nil && !errors.Is(err, signalen.ErrOngeldigeInvoer) && !errors.Is(err, signalen.ErrGeenResultaat):
		s.kit.InternalError(w, r, err)
	default:
		s.toonZaak(w, r, http.StatusUnprocessableEntity, d)
	}
}

// signalenOppakken records that the case worker takes up the zaak today.
func (s *server) signalenOppakken(w http.ResponseWriter, r *http.Request) {
	s.zaakPost(w, r, "opgepakt", func(gm string, id int64, _ *zaakData) error {
		return s.store.Oppakken(r.Context(), gm, id, web.NaamUit(r.Context()))
	})
}

// signalenContact records a contact attempt (DDAS soort, bereikt, datum, dagdeel).
func (s *server) signalenContact(w http.ResponseWriter, r *http.Request) {
	s.zaakPost(w, r, "contact", func(gm string, id int64, d *zaakData) error {
		f := contactForm{Soort: r.PostForm.Get("soort"), Bereikt: r.PostForm.Get("bereikt"), Datum: strings.TrimSpace(r.PostForm.Get("datum")),
			Dagdeel: r.PostForm.Get("dagdeel"), Toelichting: strings.TrimSpace(r.PostForm.Get("toelichting"))}
		d.ContactForm = f
		c := signalen.Contactpoging{Soort: signalen.Contactsoort(f.Soort), Dagdeel: signalen.Dagdeel(f.Dagdeel), Toelichting: f.Toelichting}
		if !c.Soort.Geldig() {
			d.Add("soort", "Kies hoe je contact hebt gezocht.")
		}
		switch f.Bereikt {
		case "ja":
			c.Bereikt = true
		case "nee":
		default:
			d.Add("bereikt-ja", "Kies of je de inwoner hebt bereikt.")
		}
		if f.Datum == "" {
			d.Add("datum", "Vul de datum van de contactpoging in.")
		} else if dt, err := datum.Parse(f.Datum); err != nil {
			d.Add("datum", "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-02.")
		} else {
			c.Datum = dt
		}
		if c.Dagdeel != "" && !c.Dagdeel.Geldig() {
			d.Add("dagdeel-ochtend", "Kies ochtend, middag, avond of weet ik niet.")
		}
		if utf8.RuneCountInString(f.Toelichting) > 4000 {
			d.Add("toelichting", "De toelichting is te lang. Gebruik hoogstens 4.000 tekens.")
		}
		if len(d.Fouten) > 0 {
			return nil
		}
		_, err := s.store.RegistreerContact(r.Context(), gm, id, c, web.NaamUit(r.Context()))
		if errors.Is(err, signalen.ErrOngeldigeInvoer) {
			// The domain checks the date against today and the receipt of the signal.
			veld := "soort"
			if strings.Contains(err.Error(), "datum") {
				veld = "datum"
			}
			d.Add(veld, zin(strings.TrimPrefix(err.Error(), signalen.ErrOngeldigeInvoer.Error()+": ")))
		}
		return err
	})
}

// signalenNotitie adds a note.
func (s *server) signalenNotitie(w http.ResponseWriter, r *http.Request) {
	s.zaakPost(w, r, "notitie", func(gm string, id int64, d *zaakData) error {
		tekst := strings.TrimSpace(r.PostForm.Get("notitie"))
		d.NotitieTekst = tekst
		switch n := utf8.RuneCountInString(tekst); {
		case n == 0:
			d.Add("notitie", "Schrijf eerst een notitie.")
		case n > 10000:
			d.Add("notitie", "De notitie is te lang. Gebruik hoogstens 10.000 tekens.")
		}
		if len(d.Fouten) > 0 {
			return nil
		}
		err := s.store.Notitie(r.Context(), gm, id, tekst, web.NaamUit(r.Context()))
		if errors.Is(err, signalen.ErrOngeldigeInvoer) {
			d.Add("notitie", "De notitie kon niet worden opgeslagen. Gebruik 1 tot 10.000 tekens.")
		}
		return err
	})
}

// signalenAfsluiten closes the zaak with a DDAS eindresultaat; without one it is refused at the field.
func (s *server) signalenAfsluiten(w http.ResponseWriter, r *http.Request) {
	s.zaakPost(w, r, "gesloten", func(gm string, id int64, d *zaakData) error {
		res := signalen.Eindresultaat(r.PostForm.Get("resultaat"))
		switch {
		case res == "":
			d.Add("resultaat", "Kies een resultaat. Zonder resultaat kun je de zaak niet afsluiten.")
			return nil
		case !res.Geldig():
			d.Add("resultaat", "Kies een resultaat uit de lijst.")
			return nil
		}
		err := s.store.Sluit(r.Context(), gm, id, res)
		switch {
		case errors.Is(err, signalen.ErrGeenResultaat):
			d.Add("resultaat", "Kies een resultaat. Zonder resultaat kun je de zaak niet afsluiten.")
		case errors.Is(err, signalen.ErrOngeldigeInvoer):
			d.Add("resultaat", "Kies een resultaat uit de lijst.")
		}
		return err
	})
}

// zin starts a message with a capital and ends it with a full stop.
func zin(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
