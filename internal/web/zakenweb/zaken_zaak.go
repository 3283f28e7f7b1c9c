package zakenweb

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// zaakData is the page of one zaak: its deadlines with their article, the decision, the household's
// persons and plan, the regisseur and the timeline, and the forms of the next steps.
type zaakData struct {
	web.StaffPage
	web.FieldErrors
	ID                      int64
	URL, Basis              string
	Status, Kanaal, Route   string
	Gestart, Aanvaard       string
	Crisis                  string
	VroegsignaalURL         string
	VroegsignaalID          int64
	VerwijzingURL           string // the partner's referral the zaak started from (kanaal verwijzing)
	VerwijzingID            int64
	Huishouden, Woonplaats  string
	Open, Aangemeld, Intake bool
	Plan                    bool
	MagBehandelen           bool
	Versie, PlanVersie      int
	EersteGesprek           termijnStaat
	EersteGesprekGehouden   string
	Besluit                 termijnStaat
	HeeftBesluitTermijn     bool
	BesluitTekst            string
	EindeTekst              string
	Personen                []persoonRij
	Signalen                []signaalRij
	Regisseur, RegieSinds   string
	Collegas                []web.Optie
	Doelen                  []doelRij
	DoelOpties              []web.Optie
	Tijdlijn                []tijdRij
	AantalTijdlijn          int
	Andere                  []andereRij
	Brieven                 []briefRij
	Statushouder            bool
	Stappen                 []stapRij
	StapOpties              []web.Optie
	// the forms: options and what was filled in after an error
	Gronden, Redenen, Domeinen, Wies []web.Optie
	Form                             map[string]string
	Vandaag                          string
	// an online request: what the resident wrote; no household until a case worker links one
	Aanvraag         *zaken.Aanvraag
	ZonderHuishouden bool
	// Wachtlijst: the place on the waiting list while waiting for the first conversation ("" otherwise)
	Wachtlijst string
	NaTermijn  bool
	// nazorg and terugval
	Afgesloten    bool // afgerond or beëindigd: nazorg can start
	Nazorg        []nazorgRij
	NazorgLoopt   bool
	PartnerOpties []web.Optie // for nazorg
	ActiePartners []web.Optie // for a plan action
	OpenMomenten  []web.Optie
	Terugval      string
	KanHeropenen  bool
	Heropend      string
	// debts and budget
	Schulden                     []schuldRij
	SchuldOpties, SchuldSoorten  []web.Optie
	SchuldStanden, NieuweStanden []web.Optie
	Inkomen, Lasten              []postRij
	TotaalSchuld, TotaalInkomen  string
	TotaalLasten, Saldo          string
	Gestabiliseerd               int
	HeeftSchulden, HeeftBudget   bool
	// roles and teams
	MagPlan, MagTeams bool
	Team              string
	TeamOpties        []web.Optie
	// changing and removing debts, posts and steps (zaken_schulden_wijzig.go)
	Wijzig wijzigData

	// special data (zaken_bijzonder.go): a link for who may see them, one fixed line for the others
	MagBijzonder    bool
	BijzonderRollen string

	// the beslagvrije voet (zaken_beslagvrije_voet.go): the amount for today, the reason it is unknown,
	// or that nothing is filled in; shown in the Maandbudget and in the plan (Wgs art. 4a lid 5)
	BVV, BVVURL string

	// budget requests of the zaak (zaken_budgetaanvragen.go)
	BudgetAanvragen budgetSectie
}

type persoonRij struct{ Rol, BSN, Geboortedatum string }
type signaalRij struct{ Partner, Soort, Bedrag, Sinds, Crisis string }
type doelRij struct {
	Domein, Omschrijving, Streefdatum string
	Acties                            []actieRij
}
type actieRij struct {
	ID                               int64
	Omschrijving, Wie, Datum, Gedaan string
	GedaanURL                        string
}
type tijdRij struct{ Tijd, Soort, Tekst, Door, Zaak string }
type andereRij struct {
	URL, Tekst string
}

// zaak shows one zaak. Opening it is a read of the household's data: internal/zaken writes one audit
// row with the BSNs of its persons.
func (s *server) zaak(w http.ResponseWriter, r *http.Request) {
	s.toonZaak(w, r, http.StatusOK, nil)
}

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
	gm, ok := s.pagina(w, r, &d.StaffPage, "Zaak "+strconv.FormatInt(id, 10))
	if !ok {
		return
	}
	ctx := r.Context()
	det, err := s.zaken.Zaak(ctx, gm, id)
	if errors.Is(err, zaken.ErrNietGevonden) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	in, err := s.zaken.Instellingen(ctx, gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	z := det.Zaak
	vandaag := s.zaken.Vandaag()
	a := web.ActorUit(ctx)
	d.ID, d.URL, d.Basis = z.ID, zaakURL(gm, z.ID), basis(gm)
	d.Status, d.Kanaal, d.Route = z.Status.Naam(), z.Kanaal.Naam(), z.Route.Naam()
	d.Gestart = web.Tijd(z.Gestart)
	if z.Kanaal == zaken.Vroegsignalering {
		d.Gestart = datumNL(z.Startdatum) + " (ontvangst van het signaal)"
		d.Aanvaard = datumNL(z.AanbodAanvaard)
	}
	if z.Crisis {
		d.Crisis = z.CrisisSoort.Naam()
	}
	if z.VroegsignaalzaakID > 0 {
		d.VroegsignaalID, d.VroegsignaalURL = z.VroegsignaalzaakID, "/beheer/"+gm+"/signalen/"+strconv.FormatInt(z.VroegsignaalzaakID, 10)
	}
	if z.VerwijzingID > 0 {
		d.VerwijzingID, d.VerwijzingURL = z.VerwijzingID, "/beheer/"+gm+"/verwijzingen/"+strconv.FormatInt(z.VerwijzingID, 10)
	}
	d.Huishouden, d.Woonplaats = z.HuishoudenID, z.Woonplaats
	d.Aanvraag, d.ZonderHuishouden = det.Aanvraag, z.HuishoudenID == ""
	d.Open, d.Aangemeld, d.Intake, d.Plan = z.Status.Open(), z.Status == zaken.Aangemeld, z.Status == zaken.Intake, z.Status == zaken.Plan
	d.MagBehandelen, d.MagPlan, d.MagTeams = auth.Mag(a, gm, auth.ZakenBehandelen), auth.Mag(a, gm, auth.ZakenPlan), auth.Mag(a, gm, auth.ZakenTeams)
	d.MagBijzonder, d.BijzonderRollen = auth.Mag(a, gm, auth.ZakenBijzonder), BijzonderRollen
	teamID, err := s.zaken.TeamVan(ctx, gm, z.ID)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	if teams, err := s.zaken.Teams(ctx, gm); err == nil {
		to := [][2]string{{"", "Geen team"}}
		for _, t := range teams {
			to = append(to, [2]string{strconv.FormatInt(t.ID, 10), t.Naam})
			if t.ID == teamID {
				d.Team = t.Naam
			}
		}
		gekozen := strconv.FormatInt(teamID, 10)
		if v, ok := d.Form["team"]; ok {
			gekozen = v
		}
		d.TeamOpties = opties(to, gekozen)
	}
	d.Versie, d.PlanVersie = z.Versie, det.Regie.Versie
	if status == http.StatusUnprocessableEntity {
		// A form refused at a field comes back with the version it was loaded with, not the newest:
		// if someone else changed the zaak meanwhile, sending the corrected form is then refused (409)
		// instead of overwriting their change unseen.
		d.Versie, d.PlanVersie = geposteVersie(d.Form, "versie", d.Versie), geposteVersie(d.Form, "planversie", d.PlanVersie)
	}
	d.Vandaag = vandaag.String()
	eg := z.EersteGesprekTermijn
	if z.Status == zaken.Aangemeld {
		d.EersteGesprek = staat(eg.Datum, vandaag, eg.Uitleg)
	} else {
		d.EersteGesprek = termijnStaat{Datum: datumNL(eg.Datum), Uitleg: eg.Uitleg}
	}
	if p, wl, ok, err := s.zaken.Plaats(ctx, z); err != nil {
		s.kit.InternalError(w, r, err)
		return
	} else if ok {
		d.Wachtlijst = "Plaats " + strconv.Itoa(p.Plaats) + " van " + strconv.Itoa(wl.Aantal) + "."
		if p.Kinderen {
			d.Wachtlijst += " Gezin met minderjarige kinderen" + map[bool]string{true: " (voorrang geldt nu).", false: "."}[wl.VoorrangActief]
		}
		if !p.VerwachtUiterlijk.IsZero() {
			d.Wachtlijst += " Verwacht eerste gesprek uiterlijk " + datumNL(p.VerwachtUiterlijk) + " (ongeveer " + strconv.Itoa(p.WachtWeken) + " weken wachten)."
		} else {
			d.Wachtlijst += " De intakecapaciteit is niet ingesteld, dus er is geen verwachte datum."
		}
		d.NaTermijn = p.NaTermijn
	}
	if !eg.Wettelijk.IsZero() && eg.Wettelijk != eg.Datum {
		d.EersteGesprek.Uitleg += " Wettelijke termijn tot en met " + datumNL(eg.Wettelijk) + "."
	}
	if !z.EersteGesprek.IsZero() {
		d.EersteGesprekGehouden = datumNL(z.EersteGesprek)
		if z.EersteGesprek.Na(eg.Datum) {
			d.EersteGesprekGehouden += " (na de termijn)"
		} else {
			d.EersteGesprekGehouden += " (op tijd)"
		}
	}
	if bt := z.BesluitTermijn; !bt.Datum.IsZero() {
		d.HeeftBesluitTermijn = true
		if z.Status == zaken.Intake {
			d.Besluit = staat(bt.Datum, vandaag, bt.Uitleg)
		} else {
			d.Besluit = termijnStaat{Datum: datumNL(bt.Datum), Uitleg: bt.Uitleg}
		}
	}
	switch z.Besluit {
	case zaken.BesluitPlan:
		d.BesluitTekst = "Plan van aanpak op " + datumNL(z.BesluitDatum) + " (Wgs artikel 4a lid 1 onder a)"
	case zaken.BesluitWeigering:
		d.BesluitTekst = "Weigering op " + datumNL(z.BesluitDatum) + ". Grond: " + z.Weigeringsgrond.Naam()
	}
	if !z.Einde.IsZero() {
		d.EindeTekst = datumNL(z.Einde) + ": " + z.EindeReden
		if z.EindeToelichting != "" {
			d.EindeTekst += ". " + z.EindeToelichting
		}
	}
	for _, p := range det.Personen {
		d.Personen = append(d.Personen, persoonRij{Rol: p.Rol, BSN: p.BSN, Geboortedatum: datumNL(p.Geboortedatum)})
	}
	for _, sg := range det.Signalen {
		d.Signalen = append(d.Signalen, signaalRij{Partner: sg.Partner, Soort: sg.PartnerType, Bedrag: sg.Bedrag.String(),
			Sinds: datumNL(sg.Ontstaansdatum), Crisis: sg.CrisisSoort})
	}
	d.Regisseur = det.Regie.RegisseurNaam
	if !det.Regie.Sinds.IsZero() {
		d.RegieSinds = web.Tijd(det.Regie.Sinds)
	}
	if d.MagPlan && d.Open {
		if gs, err := s.kit.Auth().Gebruikers(ctx, gm); err == nil {
			c := [][2]string{{"", "Kies een collega"}}
			for _, g := range gs {
				if g.Actief && g.ID != det.Regie.RegisseurID && auth.Mag(g.Actor(), gm, auth.ZakenPlan) {
					naam := g.Naam
					if naam == "" {
						naam = g.Email
					}
					c = append(c, [2]string{strconv.FormatInt(g.ID, 10), naam})
				}
			}
			d.Collegas = opties(c, d.veld("regisseur"))
		}
	}
	s.vulOverzicht(d, det.Overzicht)
	d.BVV, d.BVVURL = s.bvvRegel(det.BVV, vandaag), d.URL+"/beslagvrije-voet"
	s.vulStappen(d, det)
	s.vulWijzigen(d, r, det)
	vulJongerenStappen(d, z, in, d.veld("stap"))
	s.vulBudgetAanvragen(ctx, d, gm, z.ID)
	for _, b := range det.Brieven {
		d.Brieven = append(d.Brieven, briefRij{URL: briefURL(gm, z.ID, b.ID), Onderwerp: b.Onderwerp, Datum: datumNL(b.Datum), Door: b.Door})
	}
	namen, leden := s.partnerNamen(ctx, gm)
	d.Afgesloten = z.Status == zaken.Afgerond || z.Status == zaken.Beeindigd
	var open [][2]string
	d.Nazorg, open = nazorgRijen(det.Nazorg, namen)
	d.NazorgLoopt = len(d.Nazorg) > 0 && d.Nazorg[0].Lopend
	d.OpenMomenten = opties(open, d.veld("moment"))
	po := append([][2]string{{"", "Kies een partner"}}, leden...)
	d.PartnerOpties, d.ActiePartners = opties(po, d.veld("nazorg-partner")), opties(po, d.veld("actie-partner"))
	d.Terugval, d.KanHeropenen = terugvalTekst(z, det.TerugvalTot, vandaag, in)
	if z.Heropend > 0 {
		d.Heropend = strconv.Itoa(z.Heropend) + " keer heropend onder de terugvalgarantie, het laatst op " + datumNL(z.HeropendOp) + "."
	}
	doelOpties := [][2]string{{"", "Kies een doel"}}
	for _, dl := range det.Doelen {
		rij := doelRij{Domein: dl.Domein.Naam(), Omschrijving: dl.Omschrijving, Streefdatum: datumNL(dl.Streefdatum)}
		for _, ac := range dl.Acties {
			ar := actieRij{ID: ac.ID, Omschrijving: ac.Omschrijving, Wie: ac.Wie.Naam(), Datum: datumNL(ac.Datum)}
			if ac.Wie == zaken.WiePartner {
				ar.Wie += ": " + naamOf(namen, ac.PartnerID)
			}
			if ac.WieNaam != "" {
				ar.Wie += " (" + ac.WieNaam + ")"
			}
			if !ac.Gedaan.IsZero() {
				ar.Gedaan = datumNL(ac.Gedaan)
			} else {
				ar.GedaanURL = d.URL + "/actie-gedaan"
			}
			rij.Acties = append(rij.Acties, ar)
		}
		d.Doelen = append(d.Doelen, rij)
		doelOpties = append(doelOpties, [2]string{strconv.FormatInt(dl.ID, 10), dl.Domein.Naam() + ": " + dl.Omschrijving})
	}
	d.DoelOpties = opties(doelOpties, d.veld("actie-doel"))
	for _, g := range det.Tijdlijn {
		rij := tijdRij{Tijd: web.Tijd(g.Tijd), Soort: g.Soort, Tekst: metNamen(g.Tekst, namen), Door: g.Door}
		if g.ZaakID > 0 && g.ZaakID != z.ID {
			rij.Zaak = "zaak " + strconv.FormatInt(g.ZaakID, 10)
		}
		d.Tijdlijn = append(d.Tijdlijn, rij)
	}
	d.AantalTijdlijn = det.AantalGebeurtenissen
	for _, k := range det.Andere {
		t := "Zaak " + strconv.FormatInt(k.ID, 10) + ": " + strings.ToLower(k.Status.Naam()) + ", begonnen " + web.Tijd(k.Gestart)
		d.Andere = append(d.Andere, andereRij{URL: zaakURL(gm, k.ID), Tekst: t})
	}
	gr := [][2]string{{"", "Kies een weigeringsgrond"}}
	for _, g := range in.ToegestaneGronden() {
		gr = append(gr, [2]string{string(g), g.Naam()})
	}
	d.Gronden = opties(gr, d.veld("grond"))
	re := [][2]string{{"", "Kies een reden"}}
	for _, x := range zaken.EindeRedenen() {
		re = append(re, [2]string{string(x), string(x)})
	}
	d.Redenen = opties(re, d.veld("reden"))
	do := [][2]string{{"", "Kies een levensgebied"}}
	for _, x := range zaken.Domeinen() {
		do = append(do, [2]string{string(x), x.Naam()})
	}
	d.Domeinen = opties(do, d.veld("doel-domein"))
	wi := [][2]string{{"", "Kies wie het doet"}}
	for _, x := range zaken.Wies() {
		wi = append(wi, [2]string{string(x), x.Naam()})
	}
	d.Wies = opties(wi, d.veld("actie-wie"))
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, status, "zaken_zaak", d)
}

// veld is what the form field naam held when the page comes back with an error ("" otherwise).
func (d *zaakData) veld(naam string) string {
	if d.Form == nil {
		return ""
	}
	return d.Form[naam]
}

// vulOverzicht fills the debts and the budget of the zaak page and the options of their forms.
func (s *server) vulOverzicht(d *zaakData, o zaken.Overzicht) {
	so := [][2]string{{"", "Kies een schuld"}}
	for _, sc := range o.Schulden {
		d.Schulden = append(d.Schulden, schuldRij{ID: sc.ID, Schuldeiser: sc.Schuldeiser, Bedrag: sc.Bedrag.String(), Soort: sc.Soort.Naam(),
			Status: sc.Status.Naam(), Gestabiliseerd: sc.Gestabiliseerd})
		so = append(so, [2]string{strconv.FormatInt(sc.ID, 10), sc.Schuldeiser + ", " + sc.Bedrag.String()})
	}
	d.SchuldOpties = opties(so, d.veld("schuld"))
	ss := [][2]string{{"", "Kies de soort"}}
	for _, x := range zaken.SchuldSoorten() {
		ss = append(ss, [2]string{string(x), x.Naam()})
	}
	d.SchuldSoorten = opties(ss, d.veld("schuld-soort"))
	st := [][2]string{}
	for _, x := range zaken.SchuldStatussen() {
		st = append(st, [2]string{string(x), x.Naam()})
	}
	d.NieuweStanden = opties(st, d.veld("schuld-status"))
	d.SchuldStanden = opties(append([][2]string{{"", "Kies de stand"}}, st...), d.veld("schuld-stand"))
	for _, p := range o.Budget {
		r := postRij{ID: p.ID, Omschrijving: p.Omschrijving, Bedrag: p.Bedrag.String()}
		if p.Inkomen {
			d.Inkomen = append(d.Inkomen, r)
		} else {
			d.Lasten = append(d.Lasten, r)
		}
	}
	d.HeeftSchulden, d.HeeftBudget = len(o.Schulden) > 0, len(o.Budget) > 0
	d.TotaalSchuld, d.Gestabiliseerd = o.TotaalSchuld.String(), o.Gestabiliseerd
	d.TotaalInkomen, d.TotaalLasten, d.Saldo = o.Inkomen.String(), o.Lasten.String(), o.Saldo().String()
}

// geposteVersie is the version a refused form was loaded with (field naam), or nu when the form did not
// carry one that reads as a version.
func geposteVersie(form map[string]string, naam string, nu int) int {
	v, err := strconv.Atoi(form[naam])
	if err != nil || v < 0 || v > nu {
		return nu
	}
	return v
}
