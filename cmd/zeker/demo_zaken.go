package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The demo's newer parts of zaken, per gemeente, after the zaken in every status (laadZaken): demo
// settings for the waiting list and the terugvalgarantie, residents' own online requests, a team with
// the demo's debt-help accounts, debts and a budget for the zaken with a plan, nazorg by a demo partner
// for the completed zaken, one relapse and one nazorg ended early.

// demoNazorgPartner is the demo partner that takes over nazorg (fictitious, like the other demo partners).
var demoNazorgPartner = demoPartner{ID: "d3e0a000-0000-4000-8000-000000000003", Naam: "Steunpunt Thuisadministratie (demo)",
	Contact: partner.Contact{Website: "https://thuisadministratie.voorbeeld.example", WebsiteBron: demoBron}}

// demoInstelling is the source of the demo's settings: no seed gives a capacity or a terugval period.
const demoInstelling = "Fictief: demo-instelling van Zeker; het beleidsplan noemt geen getal"

func demoZakenExtra(ctx context.Context, d *diensten, zk *zaken.Service, gm string, door zaken.Medewerker, accounts []auth.DemoAccount, log *slog.Logger) {
	warn := func(wat string, err error) {
		if err != nil {
			log.Warn("demo: zaken "+wat+" overgeslagen", "gemeente", gm, "fout", err)
		}
	}
	in, err := zk.Instellingen(ctx, gm)
	if err != nil {
		warn("instellingen", err)
		return
	}
	in.Wachtlijst.IntakeCapaciteit = 3
	in.Terugval = zaken.Terugvalregel{Maanden: 12, Bron: demoInstelling}
	warn("instellingen", zk.ZetInstellingen(ctx, gm, in))

	// Residents' own requests (no BSN): on the worklist as "nog niet gekoppeld" and on the waiting list.
	ictx := contextInwoner(ctx)
	for _, a := range []zaken.OnlineAanvraag{
		{Naam: "Demo inwoner A", Telefoon: "0600000000", Vraag: "Ik krijg aanmaningen van de energieleverancier.", Kinderen: true},
		{Naam: "Demo inwoner B", Email: "inwoner-b@voorbeeld.example", Vraag: "Mijn zzp-werk levert te weinig op.", Ondernemer: true},
	} {
		_, err := zk.Online(ictx, gm, a)
		warn("online aanvraag", err)
	}

	// A team with the demo's debt-help accounts; the open zaken go to it by turns.
	team, err := zk.MaakTeam(ctx, gm, "Team schuldhulp (demo)")
	if err != nil {
		warn("team", err)
	} else {
		for _, a := range accounts {
			if a.Gemeente != gm || (a.Rol != auth.Consulent && a.Rol != auth.Schuldhulpverlener && a.Rol != auth.Regisseur) {
				continue
			}
			if g, err := d.auth.GebruikerOpEmail(ctx, a.Email); err == nil {
				warn("teamlid", zk.VoegLidToe(ctx, gm, team, zaken.Medewerker{ID: g.ID, Naam: g.Naam}))
			}
		}
		open, _, err := zk.Werklijst(ctx, gm, zaken.Filter{Limiet: 50})
		warn("team", err)
		for i, z := range open {
			if i%2 == 0 {
				warn("team", zk.ZetTeam(ctx, gm, z.ID, z.Versie, team, door))
			}
		}
	}

	// A debt overview and a monthly budget for the zaken with a plan (synthetic amounts).
	plannen, _, err := zk.Werklijst(ctx, gm, zaken.Filter{Status: zaken.Plan, Limiet: 10})
	warn("schulden", err)
	// The inputs of the beslagvrije voet (synthetic) for the first three, so its page shows an amount (a
	// demo has two zaken with a plan per gemeente: the first two inputs are used).
	bvv := []zaken.BVVGegevens{
		{Leefsituatie: nl.BVVAlleenstaande, Jaarinkomen: geld.Euro(17000)},
		{Leefsituatie: nl.BVVAlleenstaandeOuder, Jaarinkomen: geld.Euro(21000), Maandinkomen: geld.Euro(1390)},
		{Leefsituatie: nl.BVVGehuwdenMetKinderen, Jaarinkomen: geld.Euro(28000)},
	}
	for i, z := range plannen {
		v := z.Versie
		for _, sc := range []zaken.Schuld{
			{Schuldeiser: "Woonstichting Voorbeeldhuis (demo)", Bedrag: geld.Euro(1240), Soort: zaken.SchuldHuur, Status: zaken.SchuldBevestigd, Gestabiliseerd: true},
			{Schuldeiser: "Energie Voorbeeld (demo)", Bedrag: geld.Euro(386), Soort: zaken.SchuldEnergie, Status: zaken.SchuldRegeling},
			{Schuldeiser: "Telefoonwinkel Voorbeeld (demo)", Bedrag: geld.Euro(212), Soort: zaken.SchuldTelecom},
		} {
			if err := zk.VoegSchuldToe(ctx, gm, z.ID, v, sc, door); err != nil {
				warn("schulden", err)
				break
			}
			v++
		}
		for _, p := range []zaken.Budgetpost{{Inkomen: true, Omschrijving: "Uitkering (demo)", Bedrag: geld.Euro(1390)},
			{Omschrijving: "Huur (demo)", Bedrag: geld.Euro(690)}, {Omschrijving: "Energie (demo)", Bedrag: geld.Euro(145)}} {
			if err := zk.VoegBudgetpostToe(ctx, gm, z.ID, v, p, door); err != nil {
				warn("budget", err)
				break
			}
			v++
		}
		if i < len(bvv) {
			err := zk.ZetBeslagvrijeVoet(ctx, gm, z.ID, v, bvv[i], door)
			warn("beslagvrije voet", err)
			if err == nil {
				log.Info("demo: beslagvrije voet ingevuld", "gemeente", gm, "zaak", z.ID)
			}
		}
	}

	// Nazorg by the demo partner for the completed zaken; the first one relapses and is reopened, the
	// second ends early.
	if err := demoPartnerLid(ctx, d, gm); err != nil {
		warn("nazorg", err)
		return
	}
	klaar, _, err := zk.Werklijst(ctx, gm, zaken.Filter{Status: zaken.Afgerond, Limiet: 10})
	warn("nazorg", err)
	for i, z := range klaar {
		momenten := []zaken.NieuwMoment{{Datum: z.Einde.PlusMaanden(1), Onderwerp: "Lukt het betalen van de vaste lasten?"},
			{Datum: z.Einde.PlusMaanden(3), Onderwerp: "Budget samen nalopen"}}
		if err := zk.StartNazorg(ctx, gm, z.ID, z.Versie, demoNazorgPartner.ID, z.Einde, momenten, door); err != nil {
			warn("nazorg", err)
			continue
		}
		switch i {
		case 0:
			warn("terugval", zk.Heropen(ctx, gm, z.ID, z.Versie+1, "Nieuwe huurachterstand na verlies van werk (demo).", door))
		case 1: // ended early: the resident moved away; the moments not held lapse
			err := zk.BeeindigNazorg(ctx, gm, z.ID, z.Versie+1, zk.Vandaag(), "De inwoner is verhuisd naar een andere gemeente (demo)", door)
			warn("nazorg beëindigen", err)
			if err == nil {
				log.Info("demo: nazorg vroegtijdig beëindigd", "gemeente", gm, "zaak", z.ID)
			}
		}
	}
}

// demoPartnerLid makes the nazorg partner (once) and a member of gm.
func demoPartnerLid(ctx context.Context, d *diensten, gm string) error {
	ps := d.partners
	van := ps.Vandaag().AddDate(-1, 0, 0)
	o, err := ps.Haal(ctx, demoNazorgPartner.ID)
	if errors.Is(err, errs.NotFound) {
		_, err = ps.Maak(ctx, partner.Nieuw{ID: demoNazorgPartner.ID, Naam: demoNazorgPartner.Naam, Contact: demoNazorgPartner.Contact, Gemeente: gm, Van: van})
		return err
	}
	if err != nil {
		return err
	}
	if _, ok := o.Lid(gm); ok {
		return nil
	}
	return ps.MaakLid(ctx, o.ID, gm, van, time.Time{}, 0)
}

// contextInwoner is ctx with a resident as the actor (the online form has no login).
func contextInwoner(ctx context.Context) context.Context {
	return audit.WithActor(ctx, audit.Actor{Soort: audit.ActorInwoner, ID: "hulpvraag", Naam: "inwoner (online formulier, demo)"})
}
