package beheerweb

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

type sleutelNieuwData struct {
	web.StaffPage
	web.FieldErrors
	Naam, Partner, Verloopt string
	// Partners are the partners whose membership of the gemeente is valid today: a key can belong only
	// to one of them (and acts only while that membership lasts).
	Partners   []partner.Organisatie
	Gekozen    map[auth.Permissie]bool
	Permissies []permKeuze
	// After saving: the token, shown once.
	Token   string
	Sleutel *auth.Sleutel
}

type permKeuze struct {
	P     auth.Permissie
	Tekst string
}

func sleutelKeuzes() []permKeuze {
	tekst := map[auth.Permissie]string{
		auth.RegelsLezen:         "Regelingen lezen",
		auth.SignalenAanleveren:  "Signalen aanleveren (betalingsachterstanden)",
		auth.SignalenTerugmelden: "Terugmelding lezen: is het eigen signaal opgepakt",
		auth.MonitorLezen:        "Cijfers lezen (alleen totalen)",
		auth.ImportUitvoeren:     "Bestanden inlezen",
		auth.TakenLezen:          "Voortgang van taken lezen",
	}
	var out []permKeuze
	for _, p := range auth.SleutelPermissies {
		t := tekst[p]
		if t == "" {
			t = string(p)
		}
		out = append(out, permKeuze{p, t})
	}
	return out
}

// beheerSleutelNieuw shows the form for a new API credential of the gemeente.
func (s *server) beheerSleutelNieuw(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &sleutelNieuwData{Permissies: sleutelKeuzes(), Gekozen: map[auth.Permissie]bool{}, Partner: r.URL.Query().Get("partner")}
	if d.Partners, err = s.partners.LedenOp(r.Context(), g.Code, s.partners.Vandaag()); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.vulStaff(&d.StaffPage, r, "API-sleutel maken", &g)
	s.pages.Render(w, r, http.StatusOK, "beheer_sleutel_nieuw", d)
}

// beheerSleutelNieuwPost creates the credential for this gemeente only and shows the token once: only
// its hash is kept, so it cannot be shown again.
func (s *server) beheerSleutelNieuwPost(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.kit.StaffError(w, r, http.StatusBadRequest, "We konden het formulier niet lezen. Probeer het opnieuw.")
		return
	}
	d := &sleutelNieuwData{Permissies: sleutelKeuzes(), Gekozen: map[auth.Permissie]bool{},
		Naam: strings.TrimSpace(r.PostForm.Get("naam")), Partner: strings.TrimSpace(r.PostForm.Get("partner")),
		Verloopt: strings.TrimSpace(r.PostForm.Get("verloopt"))}
	if d.Partners, err = s.partners.LedenOp(r.Context(), g.Code, s.partners.Vandaag()); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	var perms []auth.Permissie
	for _, v := range r.PostForm["permissie"] {
		p := auth.Permissie(v)
		if slices.Contains(auth.SleutelPermissies, p) && !d.Gekozen[p] {
			d.Gekozen[p] = true
			perms = append(perms, p)
		}
	}
	if d.Naam == "" || len(d.Naam) > 200 {
		d.Add("naam", "Geef de sleutel een naam, bijvoorbeeld 'Woningcorporatie – koppeling 2026'.")
	}
	if !slices.ContainsFunc(d.Partners, func(o partner.Organisatie) bool { return o.ID == d.Partner }) {
		d.Add("partner", "Kies de partner die de sleutel gebruikt. Staat hij er niet bij? Maak hem eerst lid van de gemeente bij Partners.")
	}
	if len(perms) == 0 {
		d.Add("permissie-"+string(auth.SleutelPermissies[0]), "Kies minstens één ding dat de sleutel mag.")
	}
	var verloopt time.Time
	if d.Verloopt != "" {
		t, err := time.ParseInLocation("2006-01-02", d.Verloopt, web.Amsterdam)
		if err != nil {
			d.Add("verloopt", "Vul de datum in als jaar-maand-dag, bijvoorbeeld 2027-12-31.")
		} else if !t.After(s.klok()) {
			d.Add("verloopt", "Kies een datum in de toekomst.")
		} else {
			verloopt = t.AddDate(0, 0, 1).UTC() // valid through the whole day
		}
	}
	if len(d.Fouten) > 0 {
		s.vulStaff(&d.StaffPage, r, "API-sleutel maken", &g)
		d.Page.Fout = true
		s.pages.Render(w, r, http.StatusUnprocessableEntity, "beheer_sleutel_nieuw", d)
		return
	}
	i := web.LoginUit(r.Context())
	tok, k, err := s.kit.Auth().MaakSleutel(r.Context(), auth.NieuweSleutel{Naam: d.Naam, PartnerID: d.Partner,
		Gemeenten: []string{g.Code}, Permissies: perms, VerlooptOp: verloopt, DoorGebruiker: i.Gebruiker.ID})
	if errors.Is(err, errs.Invalid) { // the membership ended or the partner was merged since the form was shown
		d.Add("partner", "Deze partner is nu geen lid (meer) van de gemeente. Kies een andere partner of maak hem eerst weer lid.")
		s.vulStaff(&d.StaffPage, r, "API-sleutel maken", &g)
		d.Page.Fout = true
		s.pages.Render(w, r, http.StatusUnprocessableEntity, "beheer_sleutel_nieuw", d)
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	s.beheerLog(r, g.Code, "sleutels.beheren", "sleutel.maken", audit.Aanmaken, "sleutel", k.ID)
	s.kit.Log().InfoContext(r.Context(), "API-sleutel gemaakt", "gemeente", g.Code, "sleutel", k.ID, "prefix", k.Prefix)
	d.Token, d.Sleutel = tok, &k
	s.vulStaff(&d.StaffPage, r, "API-sleutel gemaakt", &g)
	s.pages.Render(w, r, http.StatusOK, "beheer_sleutel_nieuw", d)
}
