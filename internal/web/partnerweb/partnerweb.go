// Package partnerweb is the beheerder's pages for the partner organisations of a gemeente
// (internal/partner): the list of the gemeente's partners, adding a partner or making an existing one a
// member for a period, the public contact residents see (each item with its source), the period of the
// membership, and merging two partners that are one organisation (their keys and signals move to one).
// API keys stay on the key pages of beheerweb, which choose one of these partners.
//
// A partner can work for several gemeenten. What is the partner's own (its name, KvK number, contact)
// and merging change it in all of them, so those need the right to manage partners in every gemeente
// of the partner (a beheerder of each, or a system administrator); the membership of this gemeente is
// this gemeente's beheerder's alone.
package partnerweb

import (
	"embed"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

//go:embed templates/*.html
var templateFS embed.FS

// Deps are the services of the partner pages.
type Deps struct {
	Partners *partner.Service
}

type server struct {
	kit      *web.Kit
	partners *partner.Service
	pages    *web.Pages
}

// New parses the pages and returns the part.
func New(kit *web.Kit, deps Deps) (web.Part, error) {
	if deps.Partners == nil {
		return web.Part{}, errors.New("partnerweb: geen partners")
	}
	s := &server{kit: kit, partners: deps.Partners}
	var err error
	s.pages, err = kit.Pages(web.Templates{FS: templateFS, Staff: true, Funcs: map[string]any{
		"dagNL":     dagNL,
		"dagInvoer": partner.DagTekst,
	}})
	if err != nil {
		return web.Part{}, err
	}
	return web.Part{Name: "partners", Routes: s.routes(), Menu: menu}, nil
}

func (s *server) routes() []web.Route {
	p := auth.PartnersBeheren
	return []web.Route{
		{Pattern: "GET /beheer/{gemeente}/partners", Access: web.InGemeente, Permissie: p, Handler: s.partnersLijst},
		{Pattern: "GET /beheer/{gemeente}/partners/nieuw", Access: web.InGemeente, Permissie: p, Handler: s.partnerNieuw},
		{Pattern: "POST /beheer/{gemeente}/partners/nieuw", Access: web.InGemeente, Permissie: p, Handler: s.partnerNieuwPost},
		{Pattern: "POST /beheer/{gemeente}/partners/lid", Access: web.InGemeente, Permissie: p, Handler: s.partnerLidPost},
		{Pattern: "GET /beheer/{gemeente}/partners/{id}", Access: web.InGemeente, Permissie: p, Handler: s.partnerPagina},
		{Pattern: "POST /beheer/{gemeente}/partners/{id}", Access: web.InGemeente, Permissie: p, Handler: s.partnerWijzig},
		{Pattern: "POST /beheer/{gemeente}/partners/{id}/lidmaatschap", Access: web.InGemeente, Permissie: p, Handler: s.partnerLidmaatschap},
		{Pattern: "POST /beheer/{gemeente}/partners/{id}/samenvoegen", Access: web.InGemeente, Permissie: p, Handler: s.partnerSamenvoegen},
		// Partner users: inviting people is the beheerder's right over users (gebruikers.beheren).
		{Pattern: "GET /beheer/{gemeente}/partners/{id}/medewerkers", Access: web.InGemeente, Permissie: auth.GebruikersBeheren, Handler: s.partnerMedewerkers},
		{Pattern: "POST /beheer/{gemeente}/partners/{id}/medewerkers", Access: web.InGemeente, Permissie: auth.GebruikersBeheren, Handler: s.partnerMedewerkerUitnodigen},
	}
}

var menu = []web.MenuItem{
	{Titel: "Partners", Uitleg: "Organisaties die met de gemeente samenwerken: lid maken, contactgegevens voor inwoners, samenvoegen.",
		Pad: "/partners", Permissie: auth.PartnersBeheren, Volgorde: 35},
}

// meldingen are the confirmations after a change (?klaar=…), from this fixed list only.
var meldingen = map[string]string{
	"nieuw":        "De partner is toegevoegd en is lid van de gemeente.",
	"lid":          "De partner is lid van de gemeente.",
	"gewijzigd":    "De gegevens van de partner zijn opgeslagen.",
	"lidmaatschap": "Het lidmaatschap is opgeslagen.",
	"samengevoegd": "De partners zijn samengevoegd. Hun API-sleutels en signalen horen nu bij deze partner.",
}

// pagina fills the layout; false when the request has been answered.
func (s *server) pagina(w http.ResponseWriter, r *http.Request, p *web.StaffPage, titel string) (tenant.Gemeente, bool) {
	return s.kit.GemeentePagina(w, r, p, titel, meldingen)
}

// partnerVan returns the partner of the URL if it is (or was) a member of gemeente gm and not merged;
// otherwise it answers 404 (a partner of another gemeente does not exist here) and returns false.
func (s *server) partnerVan(w http.ResponseWriter, r *http.Request, gm string) (partner.Organisatie, bool) {
	o, err := s.partners.Haal(r.Context(), r.PathValue("id"))
	if err == nil {
		if _, lid := o.Lid(gm); !lid || o.SamengevoegdIn != "" {
			err = errs.NotFound
		}
	}
	if errors.Is(err, errs.NotFound) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze partner bestaat niet in deze gemeente.")
		return o, false
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return o, false
	}
	return o, true
}

// andereGemeenten returns the gemeenten of the partners where the user may not manage partners: what
// belongs to the partner itself (name, contact) and merging change it there too.
func andereGemeenten(a auth.Actor, os ...partner.Organisatie) []string {
	var uit []string
	for _, o := range os {
		for _, gm := range o.Gemeenten() {
			if !auth.Mag(a, gm, auth.PartnersBeheren) && !strings.Contains(strings.Join(uit, " "), gm) {
				uit = append(uit, gm)
			}
		}
	}
	return uit
}

// leesPeriode reads the fields van and tot (jaar-maand-dag) into d's errors.
func leesPeriode(f *web.FieldErrors, van, tot string) (time.Time, time.Time) {
	v, err := partner.ParseDag(strings.TrimSpace(van))
	if err != nil || v.IsZero() {
		f.Add("van", "Vul de eerste dag van het lidmaatschap in als jaar-maand-dag, bijvoorbeeld 2026-01-01.")
	}
	t, err := partner.ParseDag(strings.TrimSpace(tot))
	if err != nil {
		f.Add("tot", "Vul de laatste dag in als jaar-maand-dag, bijvoorbeeld 2026-12-31, of laat het leeg.")
	}
	return v, t
}

// voegFoutenToe puts the service's field problems on the form, in the form's order.
func voegFoutenToe(f *web.FieldErrors, err error, velden ...string) bool {
	var pf errs.Fields
	if !errors.As(err, &pf) {
		return false
	}
	f.AddFields(pf, velden...)
	return true
}

var maanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
	"oktober", "november", "december"}

// dagNL writes a day as "2 maart 2026"; "" for zero.
func dagNL(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2") + " " + maanden[d.Month()-1] + " " + d.Format("2006")
}
