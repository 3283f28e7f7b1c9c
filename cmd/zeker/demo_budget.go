package main

import (
	"context"
	"log/slog"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// demoBudget is a budget from a seed plan: its name, kind, partner (of demoNetwerk), the year and the
// paragraph it comes from. Bedrag is set only where the plan gives the amount; otherwise it is unknown.
type demoBudget struct {
	gemeente, naam string
	soort          budget.Soort
	partner        string
	jaar           int // 0: the demo's current year
	bedrag         *geld.Bedrag
	bron           string
}

func euroVan(e int64) *geld.Bedrag { b := geld.Euro(e); return &b }

const (
	bronBO = "Beleidsplan Borger-Odoorn ‘Samen werken aan bestaanszekerheid’ (juli 2025), "
	bronWK = "Westerkwartier, ‘Solidair en dichtbij’ (januari 2023), "
	bronOM = "Ommen, beleidsplan Geldzorgen, Armoede en Schulden 2024-2028, "
	bronBN = "Borne, beleidskader ‘Blik op morgen’, "
)

var demoBudgetten = []demoBudget{
	{gemeente: "GM1681", naam: "Impulsfinanciering netwerk bestaanszekerheid", soort: budget.Beleid, jaar: 2025, bedrag: euroVan(45_000),
		bron: bronBO + "actielijn 1: “Er wordt incidenteel een bedrag van €45.000 beschikbaar gesteld als impulsfinanciering. Deze bijdrage is bedoeld om een eerste stimulans te geven aan de vorming van het netwerk en kan ingezet worden ter ondersteuning van initiatieven die naar aanleiding van deze samenwerking ontstaan.” Jaar: het jaar van het plan; het plan noemt geen jaar van besteding."},
	{gemeente: "GM1681", naam: "Maatwerkbudget", soort: budget.Beleid,
		bron: bronBO + "actielijn 2, Hoe: “Gebruik van maatwerkbudget en noodfondsen, zodat acute financiële problemen of andere vraagstukken direct aangepakt kunnen worden.” Het plan noemt geen bedrag."},
	{gemeente: "GM1681", naam: "Noodfondsen", soort: budget.Beleid,
		bron: bronBO + "actielijn 2, Hoe: “Gebruik van maatwerkbudget en noodfondsen …”. Het plan noemt geen bedrag en niet wie de noodfondsen beheert."},
	{gemeente: "GM1969", naam: "Maatwerk, ook in goederen", soort: budget.Beleid,
		bron: bronWK + "“We leveren (methodisch) maatwerk waar nodig”: “Onderdeel van een maatwerkoplossing kan ook zijn het bieden van goederen. Soms kan bijvoorbeeld betere isolatie van de woning of een e-bike het duwtje in de rug zijn dat een inwoner nodig heeft.” De nota noemt geen bedrag."},
	{gemeente: "GM1969", naam: "Zonnecarport Zuidhorn", soort: budget.Fonds, partner: demoID(121), bedrag: euroVan(10_000),
		bron: bronWK + "“In samenwerking met energiecoöperatie GLOED is de Zonnecarport Zuidhorn opgezet. Bij dit project wordt de opbrengst van de zonopgewekte energie verdeeld onder 100 huishouden met een minimum inkomen. Dit komt neer op €100,- per jaar per huishouden.” Bedrag: 100 huishoudens × € 100 per jaar."},
	{gemeente: "GM0175", naam: "Participatiefonds volwassenen", soort: budget.Beleid,
		bron: bronOM + "“We verhogen het bedrag voor participatie volwassenen van € 100 naar € 350.” en “We maken een nieuwe verordening Participatiefonds.” € 350 is het bedrag per inwoner; het plan noemt geen budget."},
	{gemeente: "GM0175", naam: "Sam& voor alle kinderen", soort: budget.Fonds, partner: demoID(110),
		bron: bronOM + "“Voor kinderen en jongeren zijn we hiervoor aangesloten bij Sam& voor alle kinderen. Dit digitale platform voor alle minima jeugdfondsen blijkt enorm succesvol.” Het plan noemt geen bedrag."},
	{gemeente: "GM0147", naam: "Mini-maatwerkbudget", soort: budget.Beleid,
		bron: bronBN + "Sociaal Hus: “Er is een mini-maatwerkbudget dat kan worden ingezet voor een structurele oplossing van een probleem van een inwoner, die niet onder een andere wet- of regelgeving kan worden opgelost.” Het kader noemt geen bedrag."},
	{gemeente: "GM0147", naam: "Jongeren Perspectief Fonds", soort: budget.Beleid,
		bron: bronBN + "“Jongeren met problematische schulden helpen we op weg om uit de schulden te komen. Hiervoor zetten we het Jongeren Perspectief Fonds (JPF) in, waarbij het oplossen van de schulden wordt gecombineerd met het coachen op zelfredzaamheid en toekomstperspectief.” Het kader noemt geen bedrag."},
	{gemeente: "GM0147", naam: "Sociaal Fonds", soort: budget.Beleid,
		bron: bronBN + "“Voor volwassenen vanaf 18 jaar met een laag inkomen kan het Sociaal Fonds een bijdrage leveren voor participatieactiviteiten.” Het kader noemt geen bedrag."},
	{gemeente: "GM0147", naam: "Subsidie Jeugdfonds Sport & Cultuur", soort: budget.Subsidie, partner: demoID(113),
		bron: bronBN + "“Daarnaast verstrekken wij … subsidies aan verschillende (maatschappelijke) organisaties die kinderen ondersteunen, zoals het Jeugdfonds Sport en Cultuur.” Het kader noemt geen bedrag."},
}

// demoBudgetAanvraag is a synthetic request against the first budget of its gemeente in the list above that
// accepts it; toekennen/afwijzen decide it, neither leaves it waiting.
type demoBudgetAanvraag struct {
	budget       string
	vorm         budget.Vorm
	omschrijving string
	euro         int64
	reden        string
	besluit      string // "toekennen", "afwijzen" or "" (waiting)
	besluitReden string
}

var demoAanvragen = []demoBudgetAanvraag{
	{budget: "Impulsfinanciering netwerk bestaanszekerheid", vorm: budget.Geld, euro: 2_500, reden: "Startbijeenkomst van het netwerk (voorbeeld).", besluit: "toekennen", besluitReden: "Past bij de impulsfinanciering."},
	{budget: "Maatwerkbudget", vorm: budget.Geld, euro: 310, reden: "Achterstand energie; afsluiting dreigt (voorbeeld).", besluit: "toekennen", besluitReden: "Voorkomt afsluiting."},
	{budget: "Noodfondsen", vorm: budget.Voucher, omschrijving: "Boodschappenbon", euro: 75, reden: "Geen geld voor eten deze week (voorbeeld)."},
	{budget: "Maatwerk, ook in goederen", vorm: budget.Goed, omschrijving: "E-bike voor woon-werkverkeer", euro: 1_450, reden: "Nieuwe baan zonder openbaar vervoer (voorbeeld).", besluit: "toekennen", besluitReden: "Maakt werk mogelijk."},
	{budget: "Zonnecarport Zuidhorn", vorm: budget.Geld, euro: 100, reden: "Deelname minimahuishouden (voorbeeld).", besluit: "toekennen", besluitReden: "Voldoet aan de voorwaarden."},
	{budget: "Participatiefonds volwassenen", vorm: budget.Geld, euro: 350, reden: "Contributie sportvereniging (voorbeeld).", besluit: "afwijzen", besluitReden: "Inkomen boven de grens (voorbeeld)."},
	{budget: "Mini-maatwerkbudget", vorm: budget.Geld, euro: 600, reden: "Borg voor een kamer, geen andere regeling (voorbeeld).", besluit: "toekennen", besluitReden: "Structurele oplossing."},
	{budget: "Jongeren Perspectief Fonds", vorm: budget.Geld, euro: 1_800, reden: "Saneringskrediet met coaching (voorbeeld)."},
}

// laadBudgetten makes the budgets of the seed plans in every gemeente (once: a budget that exists stays)
// and a few synthetic requests, for a zaak of the gemeente where there is one, decided by the demo
// consulent. The four-eyes amount is not set: no plan gives one. A failure is logged and skipped.
func laadBudgetten(ctx context.Context, d *diensten, accounts []auth.DemoAccount, log *slog.Logger) {
	bs, err := budget.New(budget.Config{DB: d.db, Audit: d.audit})
	if err != nil {
		log.Warn("demo: geen budgetten", "fout", err)
		return
	}
	zk, _ := zaken.New(zaken.Config{DB: d.db, Audit: d.audit})
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "demo", Naam: "zeker demo"})
	jaar := bs.Vandaag().Jaar()
	ids := map[string]int64{}
	nieuw := map[string]bool{}
	for _, db := range demoBudgetten {
		j := db.jaar
		if j == 0 {
			j = jaar
		}
		bestaand, err := bs.Budgetten(ctx, db.gemeente, budget.BudgetFilter{Jaar: j})
		if err != nil {
			log.Warn("demo: budgetten overgeslagen", "fout", err)
			return
		}
		gevonden := false
		for _, b := range bestaand {
			if b.Naam == db.naam {
				ids[db.naam], gevonden = b.ID, true
			}
		}
		if gevonden {
			continue
		}
		id, err := bs.Maak(ctx, db.gemeente, budget.Budget{Jaar: j, Soort: db.soort, Naam: db.naam, PartnerID: db.partner, Bedrag: db.bedrag, Bron: db.bron})
		if err != nil {
			log.Warn("demo: budget overgeslagen", "budget", db.naam, "fout", err)
			continue
		}
		ids[db.naam], nieuw[db.naam] = id, true
	}
	gemeenteVan := map[string]string{}
	for _, db := range demoBudgetten {
		gemeenteVan[db.naam] = db.gemeente
	}
	door := map[string]budget.Medewerker{}
	for _, a := range accounts {
		if a.Rol == auth.Consulent {
			if g, err := d.auth.GebruikerOpEmail(ctx, a.Email); err == nil {
				door[a.Gemeente] = budget.Medewerker{ID: g.ID, Naam: g.Naam}
			}
		}
	}
	for i, da := range demoAanvragen {
		gm, id := gemeenteVan[da.budget], ids[da.budget]
		if !nieuw[da.budget] || id == 0 {
			continue
		}
		n := budget.Nieuw{BudgetID: id, Vorm: da.vorm, Omschrijving: da.omschrijving, Bedrag: geld.Euro(da.euro), Reden: da.reden, Door: door[gm]}
		if zk != nil {
			if rijen, _, err := zk.Werklijst(ctx, gm, zaken.Filter{Status: zaken.StatusAlle, Limiet: 1, Vanaf: i % 3}); err == nil && len(rijen) > 0 {
				n.ZaakID = rijen[0].ID
			}
		}
		aid, err := bs.DienIn(ctx, gm, n)
		if err != nil {
			log.Warn("demo: aanvraag overgeslagen", "budget", da.budget, "fout", err)
			continue
		}
		if da.besluit == "" || door[gm].ID == 0 {
			continue
		}
		if _, err := bs.Beslis(ctx, gm, aid, budget.Besluit{Toekennen: da.besluit == "toekennen", Reden: da.besluitReden, Door: door[gm], Versie: 1}); err != nil {
			log.Warn("demo: besluit overgeslagen", "budget", da.budget, "fout", err)
		}
	}
	log.Info("demo: budgetten", "nieuw", len(nieuw))
}
