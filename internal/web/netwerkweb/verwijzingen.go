package netwerkweb

import (
	"context"
	"net/http"
	"slices"
	"strconv"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web"
)

// Bronnen connects referrals to the pages they start from (a zaak, a vroegsignaalzaak) without this
// part knowing those parts: the composition root gives both functions.
type Bronnen struct {
	// Bestaat reports (nil) that the zaak or vroegsignaalzaak id of gemeente exists; errs.NotFound when not.
	Bestaat func(ctx context.Context, gemeente string, b netwerk.Bron, id int64) error
	// URL is the page of that zaak or vroegsignaalzaak.
	URL func(gemeente string, b netwerk.Bron, id int64) string
	// ZaakBij returns the zaak started from referral id of gemeente, if any; nil: referrals start no zaken.
	ZaakBij func(ctx context.Context, gemeente string, verwijzing int64) (int64, bool, error)
	// StartZaak starts a debt-help zaak from referral v (richting naar_gemeente) of partner partnerNaam
	// ("" when unknown) for the user of r; with errs.Conflict it returns the zaak the referral already has.
	StartZaak func(r *http.Request, gemeente string, v netwerk.Verwijzing, partnerNaam string) (int64, error)
	// MagZaakStarten reports whether the user of r may start a zaak in gemeente.
	MagZaakStarten func(r *http.Request, gemeente string) bool
}

// zakenAan reports whether referrals to the gemeente can start zaken (all three hooks set).
func (b Bronnen) zakenAan() bool {
	return b.ZaakBij != nil && b.StartZaak != nil && b.MagZaakStarten != nil && b.URL != nil
}

// kijker is who reads referrals on this request: the gemeente's staff when the user may read zaken
// (consulent), the user of a partner when the user is an intermediair invited for that partner
// (partner.MedewerkerVan), else nobody (an intermediair of no partner sees no referrals).
func (s *server) kijker(r *http.Request, gm string) (netwerk.Kijker, error) {
	l := web.LoginUit(r.Context())
	if l == nil {
		return netwerk.Kijker{}, nil
	}
	k := netwerk.Kijker{Gebruiker: l.Gebruiker.ID}
	if auth.Mag(l.Actor, gm, auth.ZakenLezen) {
		k.Gemeente = true
		return k, nil
	}
	if l.Actor.Rollen[gm] != auth.Intermediair {
		return k, nil
	}
	id, ok, err := s.net.Partners().MedewerkerVan(r.Context(), l.Gebruiker.ID, gm)
	if ok {
		k.Partner = id
	}
	return k, err
}

const geenPartner = "Je account hoort niet bij een partner van deze gemeente. Vraag de beheerder van de gemeente om een uitnodiging voor je organisatie."

type verwijzingRij struct {
	netwerk.Verwijzing
	PartnerNaam string
	TeLaat      bool
}

type verwijzingenData struct {
	web.StaffPage
	Kijker       netwerk.Kijker
	PartnerNaam  string // the partner of a partner user
	Rijen        []verwijzingRij
	Vol          bool // MaxVerwijzingen reached
	TeLaat       int  // overdue among Rijen
	Werkdagen    int  // the gemeente's term; 0: not set
	Statussen    []web.Optie
	Richtingen   []web.Optie
	Partners     []web.Optie
	Sorteringen  []web.Optie
	AlleenTeLaat bool
	Bron         netwerk.Bron // the list of one zaak or vroegsignaalzaak
	BronID       int64
	BronURL      string
	NieuwURL     string
}

var sorteerNamen = map[string]string{"nieuw": "Nieuwste eerst", "oud": "Oudste eerst", "antwoord": "Antwoordtermijn, vroegste eerst", "status": "Stand"}

// verwijzingen lists the referrals the user may see, filtered (state, direction, partner, overdue, one
// zaak or vroegsignaalzaak) and sorted by a plain GET form.
func (s *server) verwijzingen(w http.ResponseWriter, r *http.Request) {
	d := &verwijzingenData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Verwijzingen")
	if !ok {
		return
	}
	ctx := r.Context()
	k, err := s.kijker(r, g.Code)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.Kijker = k
	q := r.URL.Query()
	f := netwerk.VFilter{Status: netwerk.VStatus(q.Get("status")), Richting: netwerk.Richting(q.Get("richting")),
		TeLaat: q.Get("telaat") == "1", Sorteer: q.Get("sorteer")}
	if netwerk.VStatusNaam(f.Status) == "" {
		f.Status = ""
	}
	if f.Richting != netwerk.NaarPartner && f.Richting != netwerk.NaarGemeente {
		f.Richting = ""
	}
	if !slices.Contains(netwerk.Sorteringen, f.Sorteer) {
		f.Sorteer = "nieuw"
	}
	d.AlleenTeLaat = f.TeLaat
	namen := map[string]string{}
	if k.Gemeente {
		leden, err := s.net.Partners().VanGemeente(ctx, g.Code)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.Partners = []web.Optie{{Waarde: "", Label: "Alle partners"}}
		for _, o := range leden {
			namen[o.ID] = o.Naam
			if partner.GeldigID(q.Get("partner")) && q.Get("partner") == o.ID {
				f.Partner = o.ID
			}
			d.Partners = append(d.Partners, web.Optie{Waarde: o.ID, Label: o.Naam, Gekozen: f.Partner == o.ID})
		}
		for _, b := range []struct {
			naam string
			bron netwerk.Bron
		}{{"zaak", netwerk.BronZaak}, {"vroegsignaal", netwerk.BronVroegsignaal}} {
			if id, err := strconv.ParseInt(q.Get(b.naam), 10, 64); err == nil && id > 0 {
				f.Bron, f.BronID = b.bron, id
				d.Bron, d.BronID = b.bron, id
				d.NieuwURL = "/beheer/" + g.Code + "/verwijzingen/nieuw?" + b.naam + "=" + strconv.FormatInt(id, 10)
				if s.bronnen.URL != nil {
					d.BronURL = s.bronnen.URL(g.Code, b.bron, id)
				}
			}
		}
	} else if k.Partner != "" {
		o, err := s.net.Partners().Haal(ctx, k.Partner)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		namen[o.ID], d.PartnerNaam = o.Naam, o.Naam
		d.NieuwURL = "/beheer/" + g.Code + "/verwijzingen/nieuw"
	}
	if d.Werkdagen, err = s.net.AntwoordWerkdagen(ctx, g.Code); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	vs, err := s.net.Verwijzingen(ctx, g.Code, k, f)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	vandaag := s.net.VandaagDatum()
	for _, v := range vs {
		rij := verwijzingRij{Verwijzing: v, PartnerNaam: namen[v.PartnerID], TeLaat: v.TeLaat(vandaag)}
		if rij.PartnerNaam == "" {
			rij.PartnerNaam = "partner " + v.PartnerID
		}
		if rij.TeLaat {
			d.TeLaat++
		}
		d.Rijen = append(d.Rijen, rij)
	}
	d.Vol = len(vs) >= netwerk.MaxVerwijzingen
	d.Statussen = []web.Optie{{Waarde: "", Label: "Alle standen", Gekozen: f.Status == ""}}
	for _, st := range netwerk.VStatussen {
		d.Statussen = append(d.Statussen, web.Optie{Waarde: string(st), Label: netwerk.VStatusNaam(st), Gekozen: f.Status == st})
	}
	d.Richtingen = []web.Optie{{Waarde: "", Label: "Beide richtingen", Gekozen: f.Richting == ""},
		{Waarde: string(netwerk.NaarPartner), Label: "Van de gemeente naar een partner", Gekozen: f.Richting == netwerk.NaarPartner},
		{Waarde: string(netwerk.NaarGemeente), Label: "Van een partner naar de gemeente", Gekozen: f.Richting == netwerk.NaarGemeente}}
	for _, so := range netwerk.Sorteringen {
		d.Sorteringen = append(d.Sorteringen, web.Optie{Waarde: so, Label: sorteerNamen[so], Gekozen: f.Sorteer == so})
	}
	s.staff.Render(w, r, http.StatusOK, "verwijzingen", d)
}
