package budget_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestBrieven: a final decision on a request to a budget of the gemeente gets a beschikking with the
// amount of the decision, the goods and their value, the reason, the budget with its source and the
// bezwaar clause with its last day; no letter before the second approval of four-eyes; a refusal gets
// one too; a request to a partner's fund gets a letter without a bezwaar clause; every read is logged.
func TestBrieven(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db)
		id := o.budget(t, gm, budget.Budget{Jaar: 2026, Soort: budget.Beleid, Naam: "Noodfonds", Bedrag: bedrag(1000), Bron: "Beleidsplan, actielijn 2"})
		if err := o.svc.ZetInstellingen(o.ctx, gm, budget.Instellingen{VierOgenVanaf: geld.Euro(500), Bron: "Mandaatregeling"}); err != nil {
			t.Fatal(err)
		}
		groot := o.aanvraag(t, gm, budget.Nieuw{BudgetID: id, Vorm: budget.Goed, Omschrijving: "E-bike", Bedrag: geld.Euro(700), Reden: "Werk", HuishoudenID: "H1", Door: an})
		if _, err := o.svc.Beslis(o.ctx, gm, groot, budget.Besluit{Toekennen: true, Reden: "Nodig voor werk", Door: an, Versie: 1}); err != nil {
			t.Fatal(err)
		}
		if _, err := o.svc.Brief(o.ctx, gm, groot); !errors.Is(err, errs.NotFound) {
			t.Fatalf("a letter before the second approval: %v", err)
		}
		if a, _ := o.svc.Aanvraag(o.ctx, gm, groot); a.Brief != nil {
			t.Fatalf("a letter before the second approval: %+v", a.Brief)
		}
		if _, err := o.svc.Beslis(o.ctx, gm, groot, budget.Besluit{Toekennen: true, Reden: "Akkoord.\n\nDe fiets is nodig voor het werk.", Door: bas, Versie: 2}); err != nil {
			t.Fatal(err)
		}
		a, err := o.svc.Aanvraag(o.ctx, gm, groot)
		if err != nil || a.Brief == nil || !a.Brief.Beschikking || a.Brief.Datum.String() != "2026-03-09" || a.Brief.Door != "Bas" {
			t.Fatalf("letter %+v %v", a.Brief, err)
		}
		h, err := o.svc.Brief(o.ctx, gm, groot)
		if err != nil {
			t.Fatal(err)
		}
		// Sent on Monday 9 March 2026: six weeks later is Monday 20 April 2026 (Awb 6:7, 6:8).
		for _, want := range []string{"Besluit op uw aanvraag uit Noodfonds", "Noodfonds 2026: U krijgt het", "€ 700,00 (de waarde van de goederen)",
			"U krijgt geen geld, maar goederen: E-bike. De waarde is € 700,00.", "Akkoord.", "De fiets is nodig voor het werk.",
			"Twee medewerkers", "Dit budget staat in: Beleidsplan, actielijn 2", "artikel 6:7 van de Algemene wet bestuursrecht",
			"binnen zes weken", "uiterlijk op 20 april 2026", "Budgetaanvraag " + itoa(groot), "Het college van burgemeester en wethouders van "} {
			if !strings.Contains(h, want) {
				t.Errorf("award letter lacks %q", want)
			}
		}
		if strings.Contains(h, "Nodig voor werk") {
			t.Error("the first approval's note is in the letter; the letter states the final decision")
		}
		// A refusal is a beschikking too.
		nee := o.aanvraag(t, gm, budget.Nieuw{BudgetID: id, Vorm: budget.Geld, Bedrag: geld.Euro(120), Reden: "Energie", Door: an})
		if _, err := o.svc.Beslis(o.ctx, gm, nee, budget.Besluit{Toekennen: false, Reden: "Het energiefonds betaalt dit.", Door: an, Versie: 1}); err != nil {
			t.Fatal(err)
		}
		h, err = o.svc.Brief(o.ctx, gm, nee)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Noodfonds 2026: U krijgt het niet", "U krijgt niet wat is gevraagd (geld: € 120,00).", "Het energiefonds betaalt dit.", "uiterlijk op 20 april 2026"} {
			if !strings.Contains(h, want) {
				t.Errorf("refusal letter lacks %q", want)
			}
		}
		// A partner's fund: the partner's money, no besluit of the gemeente, no bezwaar clause.
		p, err := o.ps.Maak(o.ctx, partner.Nieuw{Naam: "Stichting Fonds Test", Gemeente: gm, Van: partner.Vandaag(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))})
		if err != nil {
			t.Fatal(err)
		}
		fonds := o.budget(t, gm, budget.Budget{Jaar: 2026, Soort: budget.Fonds, Naam: "Zonnecarport", PartnerID: p.ID, Bron: "GLOED"})
		fa := o.aanvraag(t, gm, budget.Nieuw{BudgetID: fonds, Vorm: budget.Geld, Bedrag: geld.Euro(100), Reden: "Energie", Door: an})
		if _, err := o.svc.Beslis(o.ctx, gm, fa, budget.Besluit{Toekennen: true, Reden: "Past in het fonds.", Door: an, Versie: 1}); err != nil {
			t.Fatal(err)
		}
		h, err = o.svc.Brief(o.ctx, gm, fa)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Uitkomst van uw aanvraag uit Zonnecarport", "Zonnecarport 2026: U krijgt het", "€ 100,00",
			"een fonds van Stichting Fonds Test", "Daarom is dit geen besluit van de gemeente", "Dit staat in: GLOED"} {
			if !strings.Contains(h, want) {
				t.Errorf("fund letter lacks %q", want)
			}
		}
		for _, niet := range []string{"6:7", "uiterlijk op", "college van burgemeester"} {
			if strings.Contains(h, niet) {
				t.Errorf("fund letter holds %q", niet)
			}
		}
		if a, _ := o.svc.Aanvraag(o.ctx, gm, fa); a.Brief == nil || a.Brief.Beschikking {
			t.Fatalf("fund letter %+v", a.Brief)
		}
		if _, err := o.svc.Brief(o.ctx, ander, groot); !errors.Is(err, errs.NotFound) {
			t.Fatalf("another gemeente's letter: %v", err)
		}
		if n := o.auditTel(t, "budgetaanvraag.brief.bekijken"); n != 3 {
			t.Errorf("letter reads logged %d, want 3", n)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
