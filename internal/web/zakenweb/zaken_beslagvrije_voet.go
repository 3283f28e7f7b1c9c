package zakenweb

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The indication of the beslagvrije voet of a zaak (Wgs art. 4a lid 5; art. 475da Rv): the form of its
// inputs (internal/zaken/beslagvrijevoet.go) and the indication computed for today in
// Europe/Amsterdam by nl.Parameters.BeslagvrijeVoet, with its steps, sources and what it leaves out.

// bvvData is the page of the beslagvrije voet.
type bvvData struct {
	web.StaffPage
	web.FieldErrors
	ID                        int64
	URL, ZaakURL              string
	Versie                    int
	Open, MagBehandelen       bool
	Leefsituaties             []bvvKeuze
	Jaarinkomen, Maandinkomen string
	GeenWoonadres             bool
	Ingevuld                  bool
	Door, Wanneer             string
	Datum                     string // today, in words
	Indicatie                 *bvvIndicatie
	Reden                     string // why no amount is known for today ("" otherwise)
	GeenParameters            bool
}

type bvvKeuze struct {
	ID, Waarde, Label string
	Gekozen           bool
}

// bvvIndicatie is the computed indication as the page shows it.
type bvvIndicatie struct {
	Bedrag         string
	Stappen        []bvvStap
	Bronnen        []bvvBron
	Begrensd       string
	NietMeegenomen []string
	Budget         *bvvBudget // nil: no income in the monthly budget
	bedrag         geld.Bedrag
}

type bvvStap struct{ Omschrijving, Artikel, Bedrag string }
type bvvBron struct{ Naam, URL string }

// bvvBudget sets the indication beside the income of the zaak's monthly budget.
type bvvBudget struct {
	Inkomen, BVV, Ruimte string
	Niets                bool // the income is not above the beslagvrije voet
}

// bvvFormulier is what the form posted, read by leesBVVFormulier.
type bvvFormulier struct {
	Gegevens                  zaken.BVVGegevens
	Versie                    int
	Leefsituatie              string
	Jaarinkomen, Maandinkomen string
}

// leesBVVFormulier reads the form of the inputs. Field errors (no or an unknown leefsituatie, an
// unreadable amount, a monthly income of 0) go into fe at their field; the range checks are
// internal/zaken's. A missing or wrong versie reads as -1 (stale).
func leesBVVFormulier(v url.Values, fe *web.FieldErrors) bvvFormulier {
	f := bvvFormulier{Leefsituatie: strings.TrimSpace(v.Get("bvv-leefsituatie")),
		Jaarinkomen: strings.TrimSpace(v.Get("bvv-jaarinkomen")), Maandinkomen: strings.TrimSpace(v.Get("bvv-maandinkomen"))}
	var ok bool
	if f.Gegevens.Leefsituatie, ok = nl.ParseBVVLeefsituatie(f.Leefsituatie); !ok {
		fe.Add("bvv-leefsituatie", zaken.BVVLeefsituatieFout)
	}
	f.Gegevens.GeenWoonadres = v.Get("bvv-geen-woonadres") != ""
	if f.Jaarinkomen == "" {
		fe.Add("bvv-jaarinkomen", "Vul het belastbaar inkomen per jaar in (samen met de partner). Is er geen inkomen, vul dan 0 in.")
	} else if b, err := geld.Parse(f.Jaarinkomen); err != nil {
		fe.Add("bvv-jaarinkomen", geld.Reden(err))
	} else {
		f.Gegevens.Jaarinkomen = b
	}
	if f.Maandinkomen != "" {
		b, err := geld.Parse(f.Maandinkomen)
		switch {
		case err != nil:
			fe.Add("bvv-maandinkomen", geld.Reden(err))
		case b <= 0:
			fe.Add("bvv-maandinkomen", "Vul een netto inkomen per maand in van meer dan € 0, of laat het veld leeg.")
		default:
			f.Gegevens.Maandinkomen = b
		}
	}
	n, err := strconv.Atoi(v.Get("versie"))
	if err != nil || n < 0 {
		n = -1
	}
	f.Versie = n
	return f
}

// beslagvrijeVoet shows the inputs and the indication for today.
func (s *server) beslagvrijeVoet(w http.ResponseWriter, r *http.Request) {
	s.toonBVV(w, r, http.StatusOK, nil, nil)
}

func (s *server) toonBVV(w http.ResponseWriter, r *http.Request, status int, pre *bvvData, form *bvvFormulier) {
	d := pre
	if d == nil {
		d = &bvvData{}
	}
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	gm, ok := s.pagina(w, r, &d.StaffPage, "Beslagvrije voet zaak "+strconv.FormatInt(id, 10))
	if !ok {
		return
	}
	b, err := s.zaken.BeslagvrijeVoet(r.Context(), gm, id)
	if errors.Is(err, zaken.ErrNietGevonden) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	g := b.Gegevens
	d.ID, d.ZaakURL = id, zaakURL(gm, id)
	d.URL = d.ZaakURL + "/beslagvrije-voet"
	d.Versie, d.Open = b.Zaak.Versie, b.Zaak.Status.Open()
	d.MagBehandelen = auth.Mag(web.ActorUit(r.Context()), gm, auth.ZakenBehandelen)
	if !d.Open { // no form on the page: the error summary links to the sentence that the zaak is closed
		for i := range d.Fouten {
			d.Fouten[i].ID = "bvv-gesloten"
		}
	}
	d.Ingevuld, d.Door = g.Ingevuld(), g.Door
	if d.Ingevuld {
		d.Wanneer = web.Tijd(g.Gewijzigd)
	}
	gekozen := ""
	if form != nil { // after an error the form keeps what was filled in
		gekozen, d.Jaarinkomen, d.Maandinkomen, d.GeenWoonadres = form.Leefsituatie, form.Jaarinkomen, form.Maandinkomen, form.Gegevens.GeenWoonadres
		// and the versie it was loaded with: with the newest, sending the corrected form would
		// silently overwrite a change made in between (it is then refused as stale)
		d.Versie = form.Versie
	} else if d.Ingevuld {
		gekozen, d.Jaarinkomen, d.GeenWoonadres = g.Leefsituatie.Code(), invoer(g.Jaarinkomen), g.GeenWoonadres
		if g.Maandinkomen > 0 {
			d.Maandinkomen = invoer(g.Maandinkomen)
		}
	}
	for i, l := range nl.BVVLeefsituaties() {
		k := bvvKeuze{ID: "bvv-leefsituatie", Waarde: l.Code(), Label: l.Naam(), Gekozen: l.Code() == gekozen}
		if i > 0 {
			k.ID += "-" + l.Code()
		}
		d.Leefsituaties = append(d.Leefsituaties, k)
	}
	vandaag := s.zaken.Vandaag()
	d.Datum = datumNL(vandaag)
	if d.Ingevuld {
		d.Indicatie, d.Reden, d.GeenParameters = s.indicatie(g, vandaag)
		if d.Indicatie != nil && b.HeeftInkomen {
			d.Indicatie.Budget = naastBudget(b.Inkomen, d.Indicatie)
		}
	}
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "zaken_beslagvrije_voet", d)
}

// indicatie computes the beslagvrije voet of g for the day; when no amount is known it returns the
// reason in words instead (never an amount).
func (s *server) indicatie(g zaken.BVVGegevens, dag datum.Datum) (*bvvIndicatie, string, bool) {
	if s.params == nil {
		return nil, "de landelijke gegevens zijn niet geladen", true
	}
	res, err := s.params.BeslagvrijeVoet(g.Vraag(), dag.Tijd())
	switch {
	case errors.Is(err, nl.ErrBuitenPeriode):
		return nil, "de landelijke bedragen voor die datum staan nog niet in Zeker (" + err.Error() + ")", false
	case errors.Is(err, nl.ErrOnbekend):
		return nil, "een landelijk bedrag dat nodig is, staat niet in Zeker (" + err.Error() + ")", false
	case errors.Is(err, nl.ErrBVVVraag):
		return nil, "de gegevens zijn niet volledig (" + err.Error() + ")", false
	}
	if err != nil {
		return nil, "de berekening gaf een fout: " + err.Error(), false
	}
	ind := &bvvIndicatie{Bedrag: res.Bedrag.String(), Begrensd: res.Begrensd, NietMeegenomen: res.NietMeegenomen}
	gezien := map[bvvBron]bool{}
	for _, st := range res.Stappen {
		ind.Stappen = append(ind.Stappen, bvvStap{Omschrijving: st.Omschrijving, Artikel: st.Artikel, Bedrag: st.Bedrag.String()})
		for _, br := range st.Bronnen {
			b := bvvBron{Naam: br.Kort, URL: br.URL}
			if b.Naam == "" {
				b.Naam = br.Tekst
			}
			if b.Naam == "" || gezien[b] {
				continue
			}
			gezien[b] = true
			ind.Bronnen = append(ind.Bronnen, b)
		}
	}
	ind.bedrag = res.Bedrag
	return ind, "", false
}

// bvvRegel is the line of the zaak page: the amount for today, why it is unknown, or not filled in.
func (s *server) bvvRegel(g zaken.BVVGegevens, vandaag datum.Datum) string {
	if !g.Ingevuld() {
		return "Beslagvrije voet: nog niet ingevuld."
	}
	ind, reden, _ := s.indicatie(g, vandaag)
	if ind == nil {
		return "Zeker kan de beslagvrije voet voor " + datumNL(vandaag) + " niet berekenen: " + reden + "."
	}
	return "Beslagvrije voet (indicatie voor vandaag): " + ind.Bedrag + " per maand."
}

// naastBudget compares the budget's income with the indication: only the part above it can go to the
// creditors.
func naastBudget(inkomen geld.Bedrag, ind *bvvIndicatie) *bvvBudget {
	b := &bvvBudget{Inkomen: inkomen.String(), BVV: ind.Bedrag}
	ruimte := inkomen - ind.bedrag
	if ruimte <= 0 {
		b.Niets = true
		ruimte = 0
	}
	b.Ruimte = ruimte.String()
	return b
}

// beslagvrijeVoetPost stores the inputs; a stale form is refused (409) with the newest state.
func (s *server) beslagvrijeVoetPost(w http.ResponseWriter, r *http.Request) {
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
	d := &bvvData{}
	f := leesBVVFormulier(r.PostForm, &d.FieldErrors)
	if len(d.Fouten) > 0 {
		s.toonBVV(w, r, http.StatusUnprocessableEntity, d, &f)
		return
	}
	err := s.zaken.ZetBeslagvrijeVoet(r.Context(), gm, id, f.Versie, f.Gegevens, medewerker(r))
	var fv errs.Fields
	switch {
	case err == nil:
		web.TerugNaar(w, r, zaakURL(gm, id)+"/beslagvrije-voet", "beslagvrije-voet")
	case errors.As(err, &fv) && len(fv) > 0:
		for _, v := range fv {
			d.Add(v.Path, v.Reason)
		}
		s.toonBVV(w, r, http.StatusUnprocessableEntity, d, &f)
	case errors.Is(err, zaken.ErrVerouderd):
		d.Add("bvv-leefsituatie", "Iemand anders heeft de zaak intussen gewijzigd. Hieronder staat de nieuwste stand; bekijk die en doe je wijziging zo nodig opnieuw.")
		s.toonBVV(w, r, http.StatusConflict, d, nil)
	case errors.Is(err, zaken.ErrStatus):
		d.Add("bvv-gesloten", "De zaak is gesloten: de gegevens voor de beslagvrije voet kunnen niet meer worden gewijzigd. Hieronder staat de nieuwste stand.")
		s.toonBVV(w, r, http.StatusConflict, d, nil)
	case errors.Is(err, zaken.ErrNietGevonden):
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
	default:
		s.kit.Error(w, r, err, "")
	}
}
