package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The demo's referrals: Humanitas (named by the Ommen, Borne and Westerkwartier plans) gets a partner
// user per gemeente, invited as a beheerder would, and each of those gemeenten gets a few referrals from
// its demo zaken in every state, one overdue, and one from Humanitas to the gemeente. Residents' names
// are obviously fictitious, their addresses in the reserved .example domain and no phone numbers (any
// Dutch number could be someone's); no BSN is passed on. Ommen also gets a year of referrals with
// their answers for the monitor's counts (demo_verwijzingen_jaar.go). The answer term of 5 working days is the demo's own
// setting (Zeker sets none; docs/netwerk.md).

const demoAntwoordWerkdagen = 5

var demoHumanitas = demoID(103)

// demoPartnerGebruikers makes or refreshes the Humanitas user of each gemeente and returns the accounts
// to print.
func demoPartnerGebruikers(ctx context.Context, d *diensten, log *slog.Logger) []auth.DemoAccount {
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "demo", Naam: "zeker demo"})
	var uit []auth.DemoAccount
	for _, gm := range []string{"GM0175", "GM0147", "GM1969"} {
		email := "humanitas." + strings.ToLower(gm) + "@" + auth.DemoDomein
		pw := auth.GenereerWachtwoord()
		g, err := d.auth.GebruikerOpEmail(ctx, email)
		switch {
		case err == nil:
			err = d.auth.ZetWachtwoord(ctx, g.ID, pw, false)
			if err == nil {
				err = d.auth.ZetRol(ctx, g.ID, gm, auth.Intermediair)
			}
		case errors.Is(err, errs.NotFound):
			var code string
			var u auth.Uitnodiging
			code, u, err = d.auth.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: gm, Email: email, Naam: "Demo Humanitas " + gm, Rol: auth.Intermediair})
			if err == nil {
				err = d.partners.KoppelUitnodiging(ctx, u.ID, demoHumanitas, gm)
			}
			if err == nil {
				_, _, _, err = d.auth.Aanvaard(ctx, auth.Aanvaarden{Email: email, Code: code, Wachtwoord: pw, IP: "127.0.0.1"})
			}
		}
		if err != nil {
			log.Warn("demo: partnergebruiker overgeslagen", "gemeente", gm, "fout", err)
			continue
		}
		uit = append(uit, auth.DemoAccount{Email: email, Wachtwoord: pw, Rol: auth.Intermediair, Gemeente: gm})
	}
	return uit
}

// laadVerwijzingen makes the demo referrals once per gemeente (a gemeente with referrals keeps them).
func laadVerwijzingen(ctx context.Context, d *diensten, log *slog.Logger) {
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "demo", Naam: "zeker demo"})
	ns, err := netwerk.New(netwerk.Config{DB: d.db, Audit: d.audit, Partners: d.partners, Catalogus: d.cat, BasisURL: d.basisURL})
	if err != nil {
		log.Warn("demo: geen verwijzingen", "fout", err)
		return
	}
	zk, err := zaken.New(zaken.Config{DB: d.db, Audit: d.audit})
	if err != nil {
		log.Warn("demo: geen verwijzingen", "fout", err)
		return
	}
	for _, gm := range []string{"GM0175", "GM0147", "GM1969"} {
		if err := demoVerwijzingen(ctx, d, ns, zk, gm, log); err != nil {
			log.Warn("demo: verwijzingen overgeslagen", "gemeente", gm, "fout", err)
			continue
		}
	}
	log.Info("demo: verwijzingen gemaakt")
}

func demoVerwijzingen(ctx context.Context, d *diensten, ns *netwerk.Service, zk *zaken.Service, gm string, log *slog.Logger) error {
	if vs, err := ns.Verwijzingen(ctx, gm, netwerk.Kijker{Gemeente: true}, netwerk.VFilter{}); err != nil || len(vs) > 0 {
		return err
	}
	if err := ns.ZetAntwoordWerkdagen(ctx, gm, demoAntwoordWerkdagen); err != nil {
		return err
	}
	rijen, _, err := zk.Werklijst(ctx, gm, zaken.Filter{Status: zaken.StatusAlle, Limiet: 4})
	if err != nil {
		return err
	}
	if len(rijen) < 4 {
		return fmt.Errorf("te weinig zaken (%d)", len(rijen))
	}
	ander := ""
	for _, o := range demoNetwerk {
		if o.id != demoHumanitas && len(o.gemeenten) > 0 && o.gemeenten[0] == gm {
			ander = o.id
			break
		}
	}
	cons, err := d.auth.GebruikerOpEmail(ctx, "consulent."+strings.ToLower(gm)+"@"+auth.DemoDomein)
	if err != nil {
		return err
	}
	hum, err := d.auth.GebruikerOpEmail(ctx, "humanitas."+strings.ToLower(gm)+"@"+auth.DemoDomein)
	if err != nil {
		return err
	}
	humK := netwerk.Kijker{Gebruiker: hum.ID, Partner: demoHumanitas}
	vandaag := partner.Vandaag(time.Now())
	nieuw := func(zaak int64, p, naam, vraag string, b netwerk.Behoefte, op time.Time) netwerk.NieuweVerwijzing {
		return netwerk.NieuweVerwijzing{Gemeente: gm, Richting: netwerk.NaarPartner, PartnerID: p, Bron: netwerk.BronZaak, BronID: zaak,
			Door: cons.ID, Inwoner: netwerk.Inwoner{Naam: naam, Email: slug(naam) + "@voorbeeld.example"}, Behoefte: b, Vraag: vraag,
			Grondslag: netwerk.Toestemming, ToestemmingWat: "naam, telefoonnummer en de vraag", ToestemmingOp: op}
	}
	// 1. Warm hand-over to Humanitas, help started.
	n := nieuw(rijen[0].ID, demoHumanitas, "Demo-inwoner A. Jansen", "Heeft hulp nodig bij het ordenen van post en rekeningen; wil een vaste vrijwilliger.", netwerk.Budgetcoaching, vandaag)
	contact := time.Now().Add(72 * time.Hour).Truncate(time.Hour)
	n.Contactmoment, n.ContactWaar = &contact, "Samen met de consulent bij de inwoner thuis"
	v, err := ns.Verwijs(ctx, n)
	if err != nil {
		return err
	}
	for _, st := range []netwerk.VStatus{netwerk.Geaccepteerd, netwerk.ContactGelegd, netwerk.HulpGestart} {
		if err := ns.Beantwoord(ctx, gm, v.ID, humK, st, "Vrijwilliger gekoppeld; wekelijks bezoek."); err != nil {
			return err
		}
	}
	// 2. Open, under the gemeente's legal task.
	n = nieuw(rijen[1].ID, demoHumanitas, "Demo-inwoner B. de Boer", "Nazorg na afronding schuldregeling: helpen het budget vol te houden.", netwerk.Nazorg, vandaag)
	n.Grondslag, n.Artikel = netwerk.WettelijkeTaak, "wgs-3a"
	if _, err := ns.Verwijs(ctx, n); err != nil {
		return err
	}
	// 3. Declined with a reason.
	if v, err = ns.Verwijs(ctx, nieuw(rijen[2].ID, demoHumanitas, "Demo-inwoner C. Smit", "Wil leren rondkomen met een lager inkomen na scheiding.", netwerk.Budgetcoaching, vandaag)); err != nil {
		return err
	}
	if err := ns.Beantwoord(ctx, gm, v.ID, humK, netwerk.Afgewezen, "Geen vrijwilliger vrij tot volgende maand; graag via SchuldHulpMaatje."); err != nil {
		return err
	}
	// 4. Overdue: sent twelve days ago to another partner of the gemeente, no answer.
	if ander != "" {
		eerder := time.Now().AddDate(0, 0, -12)
		oud, err := netwerk.New(netwerk.Config{DB: d.db, Audit: d.audit, Partners: d.partners, Klok: func() time.Time { return eerder }, BasisURL: d.basisURL})
		if err != nil {
			return err
		}
		if _, err := oud.Verwijs(ctx, nieuw(rijen[3].ID, ander, "Demo-inwoner D. Bakker", "Vraag over betalingsregeling met de verhuurder.", netwerk.Wonen, partner.Vandaag(eerder))); err != nil {
			return err
		}
	}
	// 5. From Humanitas to the gemeente, after a check done with the resident.
	_, err = ns.Verwijs(ctx, netwerk.NieuweVerwijzing{Gemeente: gm, Richting: netwerk.NaarGemeente, PartnerID: demoHumanitas, Bron: netwerk.BronCheck,
		Door: hum.ID, Inwoner: netwerk.Inwoner{Naam: "Demo-inwoner E. Visser", Email: "e.visser@voorbeeld.example"}, Behoefte: netwerk.Schuldhulp,
		Vraag:     "Check gedaan met de inwoner: betalingsachterstanden bij meerdere schuldeisers; wil een eerste gesprek schuldhulp.",
		Grondslag: netwerk.Toestemming, ToestemmingWat: "naam, e-mailadres en de vraag", ToestemmingOp: vandaag})
	if err != nil || gm != demoJaarGemeente {
		return err
	}
	// 6. A year of referrals with their answers in Ommen, for the monitor's counts (demo_verwijzingen_jaar.go).
	alle, _, err := zk.Werklijst(ctx, gm, zaken.Filter{Status: zaken.StatusAlle, Limiet: 30})
	if err != nil {
		return err
	}
	var ids []int64
	for _, r := range alle {
		ids = append(ids, r.ID)
	}
	aantal, err := demoJaarVerwijzingen(ctx, d, gm, ids, cons.ID, hum.ID, ander)
	log.Info("demo: verwijzingen over het jaar", "gemeente", gm, "verwijzingen", aantal)
	return err
}
