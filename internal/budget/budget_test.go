package budget_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/budget"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
)

const gm, ander = "GM1681", "GM0175"

var (
	an  = budget.Medewerker{ID: 1, Naam: "An"}
	bas = budget.Medewerker{ID: 2, Naam: "Bas"}
)

type omg struct {
	db  *store.DB
	log *audit.Log
	svc *budget.Service
	ps  *partner.Service
	ctx context.Context
	nu  func() time.Time
}

func nieuw(t testing.TB, db *store.DB) *omg {
	t.Helper()
	nu := time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)
	klok := func() time.Time { return nu }
	if _, err := tenant.ZaaiStandaard(t.Context(), db, nu); err != nil {
		t.Fatal(err)
	}
	al, err := audit.New(db, []byte("budget-test-sleutel-van-minstens-32-bytes"), klok)
	if err != nil {
		t.Fatal(err)
	}
	s, err := budget.New(budget.Config{DB: db, Audit: al, Klok: klok})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := partner.New(partner.Config{DB: db, Audit: al, Klok: klok, Verhuizers: []partner.Verhuizer{{Naam: "budgetten", Verhuizen: budget.Verhuis}}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	return &omg{db: db, log: al, svc: s, ps: ps, ctx: ctx, nu: klok}
}

func bedrag(e int64) *geld.Bedrag { b := geld.Euro(e); return &b }

func (o *omg) budget(t *testing.T, g string, b budget.Budget) int64 {
	t.Helper()
	id, err := o.svc.Maak(o.ctx, g, b)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (o *omg) aanvraag(t *testing.T, g string, n budget.Nieuw) int64 {
	t.Helper()
	id, err := o.svc.DienIn(o.ctx, g, n)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (o *omg) auditTel(t *testing.T, operatie string) int {
	t.Helper()
	var n int
	if err := o.db.SQL().QueryRowContext(o.ctx, `SELECT COUNT(*) FROM audit_log WHERE operation = $1`, operatie).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBudget: an amount unknown stays unknown (not 0), the source is required, a fund needs its partner,
// a stale form is refused, the amount cannot go below what was awarded.
func TestBudget(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db)
		id := o.budget(t, gm, budget.Budget{Jaar: 2026, Soort: budget.Beleid, Naam: "Maatwerkbudget", Bron: "Beleidsplan, actielijn 2"})
		b, err := o.svc.Haal(o.ctx, gm, id)
		if err != nil {
			t.Fatal(err)
		}
		if b.Bedrag != nil {
			t.Fatalf("amount %v, want unknown", *b.Bedrag)
		}
		if _, ok := b.Resterend(); ok {
			t.Fatal("remaining of an unknown amount is known")
		}
		var fs errs.Fields
		_, err = o.svc.Maak(o.ctx, gm, budget.Budget{Jaar: 1999, Soort: budget.Fonds, Naam: "X"})
		if !errors.As(err, &fs) || !fs.Has("jaar") || !fs.Has("bron") || !fs.Has("partner") {
			t.Fatalf("want errors at jaar, bron, partner: %v", err)
		}
		if _, err := o.svc.Maak(o.ctx, gm, budget.Budget{Jaar: 2026, Soort: budget.Beleid, Naam: "Maatwerkbudget", Bron: "x"}); !errors.Is(err, errs.Invalid) {
			t.Fatalf("same name twice: %v", err)
		}
		if _, err := o.svc.Maak(o.ctx, gm, budget.Budget{Jaar: 2026, Soort: budget.Fonds, Naam: "Y", Bron: "x", PartnerID: "bestaat-niet"}); !errors.As(err, &fs) || !fs.Has("partner") {
			t.Fatalf("unknown partner: %v", err)
		}
		b.Bedrag = bedrag(1000)
		if err := o.svc.Wijzig(o.ctx, gm, b); err != nil {
			t.Fatal(err)
		}
		if err := o.svc.Wijzig(o.ctx, gm, b); !errors.Is(err, budget.ErrVerouderd) {
			t.Fatalf("stale form: %v", err)
		}
		a := o.aanvraag(t, gm, budget.Nieuw{BudgetID: id, Vorm: budget.Geld, Bedrag: geld.Euro(600), Reden: "Huur", Door: an})
		if _, err := o.svc.Beslis(o.ctx, gm, a, budget.Besluit{Toekennen: true, Reden: "Past", Door: an, Versie: 1}); err != nil {
			t.Fatal(err)
		}
		b, _ = o.svc.Haal(o.ctx, gm, id)
		b.Bedrag = bedrag(500)
		if err := o.svc.Wijzig(o.ctx, gm, b); !errors.As(err, &fs) || !fs.Has("bedrag") {
			t.Fatalf("below awarded: %v", err)
		}
		if _, err := o.svc.Haal(o.ctx, ander, id); !errors.Is(err, errs.NotFound) {
			t.Fatalf("another gemeente's budget: %v", err)
		}
	})
}

// TestBeslissen: four-eyes above the gemeente's amount (the second person differs), never below zero,
// a decided request cannot be decided again, and every read and change is in the audit log.
func TestBeslissen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db)
		id := o.budget(t, gm, budget.Budget{Jaar: 2026, Soort: budget.Beleid, Naam: "Noodfonds", Bedrag: bedrag(1000), Bron: "plan"})
		if err := o.svc.ZetInstellingen(o.ctx, gm, budget.Instellingen{VierOgenVanaf: geld.Euro(500)}); !errors.Is(err, errs.Invalid) {
			t.Fatalf("four-eyes without a source: %v", err)
		}
		if err := o.svc.ZetInstellingen(o.ctx, gm, budget.Instellingen{VierOgenVanaf: geld.Euro(500), Bron: "Mandaatregeling"}); err != nil {
			t.Fatal(err)
		}
		if err := o.svc.ZetInstellingen(o.ctx, gm, budget.Instellingen{VierOgenVanaf: geld.Euro(400), Bron: "x"}); !errors.Is(err, budget.ErrVerouderd) {
			t.Fatalf("stale settings: %v", err)
		}
		groot := o.aanvraag(t, gm, budget.Nieuw{BudgetID: id, Vorm: budget.Goed, Omschrijving: "E-bike", Bedrag: geld.Euro(700), Reden: "Werk", HuishoudenID: "H1", Door: an})
		st, err := o.svc.Beslis(o.ctx, gm, groot, budget.Besluit{Toekennen: true, Reden: "Nodig", Door: an, Versie: 1})
		if err != nil || st != budget.Tweede {
			t.Fatalf("first award: %v %v", st, err)
		}
		if b, _ := o.svc.Haal(o.ctx, gm, id); b.Toegekend != 0 {
			t.Fatalf("first award committed %v", b.Toegekend)
		}
		if _, err := o.svc.Beslis(o.ctx, gm, groot, budget.Besluit{Toekennen: true, Reden: "Ja", Door: an, Versie: 2}); !errors.Is(err, budget.ErrZelfdePersoon) {
			t.Fatalf("same person twice: %v", err)
		}
		if _, err := o.svc.Beslis(o.ctx, gm, groot, budget.Besluit{Toekennen: true, Reden: "Ja", Door: bas, Versie: 1}); !errors.Is(err, budget.ErrVerouderd) {
			t.Fatalf("stale decision: %v", err)
		}
		if st, err := o.svc.Beslis(o.ctx, gm, groot, budget.Besluit{Toekennen: true, Reden: "Akkoord", Door: bas, Versie: 2}); err != nil || st != budget.Toegekend {
			t.Fatalf("second award: %v %v", st, err)
		}
		b, _ := o.svc.Haal(o.ctx, gm, id)
		if r, _ := b.Resterend(); b.Toegekend != geld.Euro(700) || r != geld.Euro(300) {
			t.Fatalf("committed %v remaining %v", b.Toegekend, r)
		}
		a, err := o.svc.Aanvraag(o.ctx, gm, groot)
		if err != nil || a.Eerste != an || a.BesluitDoor != bas || a.BesluitDatum != "2026-03-09" {
			t.Fatalf("%+v %v", a, err)
		}
		if _, err := o.svc.Beslis(o.ctx, gm, groot, budget.Besluit{Toekennen: false, Reden: "x", Door: bas, Versie: a.Versie}); !errors.Is(err, errs.Conflict) {
			t.Fatalf("decided twice: %v", err)
		}
		// Below zero: refused, nothing written.
		te := o.aanvraag(t, gm, budget.Nieuw{BudgetID: id, Vorm: budget.Geld, Bedrag: geld.Euro(301), Reden: "Energie", Door: an})
		if _, err := o.svc.Beslis(o.ctx, gm, te, budget.Besluit{Toekennen: true, Reden: "x", Door: an, Versie: 1}); !errors.Is(err, budget.ErrTekort) {
			t.Fatalf("below zero: %v", err)
		}
		if a, _ := o.svc.Aanvraag(o.ctx, gm, te); a.Status != budget.Ingediend || a.Versie != 1 {
			t.Fatalf("refused award wrote %+v", a)
		}
		// Exactly the rest: fine. A refusal needs no second person.
		past := o.aanvraag(t, gm, budget.Nieuw{BudgetID: id, Vorm: budget.Voucher, Omschrijving: "Supermarkt", Bedrag: geld.Euro(300), Reden: "Eten", Door: an})
		if st, err := o.svc.Beslis(o.ctx, gm, past, budget.Besluit{Toekennen: true, Reden: "x", Door: an, Versie: 1}); err != nil || st != budget.Toegekend {
			t.Fatalf("exact rest: %v %v", st, err)
		}
		if st, err := o.svc.Beslis(o.ctx, gm, te, budget.Besluit{Toekennen: false, Reden: "Op", Door: an, Versie: 1}); err != nil || st != budget.Afgewezen {
			t.Fatalf("refusal: %v %v", st, err)
		}
		if _, err := o.svc.Beslis(o.ctx, ander, past, budget.Besluit{Toekennen: true, Reden: "x", Door: an, Versie: 2}); !errors.Is(err, errs.NotFound) {
			t.Fatalf("another gemeente: %v", err)
		}
		if n := o.auditTel(t, "budgetaanvraag.indienen"); n != 3 {
			t.Errorf("submitted logged %d, want 3", n)
		}
		if n := o.auditTel(t, "budgetaanvraag.besluiten"); n != 4 {
			t.Errorf("decisions logged %d, want 4", n)
		}
		if n := o.auditTel(t, "budgetaanvraag.bekijken"); n != 2 {
			t.Errorf("reads logged %d, want 2", n)
		}
		// The list filters and sorts.
		rijen, totaal, err := o.svc.Aanvragen(o.ctx, gm, budget.AanvraagFilter{Status: budget.Toegekend, Sorteer: budget.HoogsteEerst})
		if err != nil || totaal != 2 || rijen[0].ID != groot || rijen[1].ID != past {
			t.Fatalf("list: %v %d %v", rijen, totaal, err)
		}
		// The export of the period: both decisions of the day, one refusal; none the day after.
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		n, err := o.svc.Exporteer(o.ctx, gm, datum.Moet("2026-03-01"), datum.Moet("2026-03-31"), w, nil)
		if err != nil || n != 3 {
			t.Fatalf("export %d %v", n, err)
		}
		recs, _ := csv.NewReader(&buf).ReadAll()
		if len(recs) != 4 || recs[1][10] != "700.00" || recs[1][11] != "Bas" || recs[1][12] != "An" || recs[2][2] != "afgewezen" {
			t.Fatalf("export rows %q", recs)
		}
		if strings.Contains(buf.String(), "H1") {
			t.Error("the export holds a household")
		}
		buf.Reset()
		if n, _ := o.svc.Exporteer(o.ctx, gm, datum.Moet("2026-03-10"), datum.Moet("2026-03-31"), csv.NewWriter(&buf), nil); n != 0 {
			t.Errorf("export after the day: %d rows", n)
		}
	})
}

// TestGelijktijdig: two awards at once that each fit but together do not: exactly one passes.
func TestGelijktijdig(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db)
		id := o.budget(t, gm, budget.Budget{Jaar: 2026, Soort: budget.Beleid, Naam: "Noodfonds", Bedrag: bedrag(100), Bron: "plan"})
		var ids []int64
		for range 4 {
			ids = append(ids, o.aanvraag(t, gm, budget.Nieuw{BudgetID: id, Vorm: budget.Geld, Bedrag: geld.Euro(60), Reden: "x", Door: an}))
		}
		var wg sync.WaitGroup
		for _, a := range ids {
			wg.Go(func() { o.svc.Beslis(o.ctx, gm, a, budget.Besluit{Toekennen: true, Reden: "x", Door: an, Versie: 1}) })
		}
		wg.Wait()
		b, _ := o.svc.Haal(o.ctx, gm, id)
		_, n, _ := o.svc.Aanvragen(o.ctx, gm, budget.AanvraagFilter{Status: budget.Toegekend})
		if b.Toegekend != geld.Euro(60) || n != 1 {
			t.Fatalf("committed %v with %d awards", b.Toegekend, n)
		}
	})
}

// TestZaakEnPartner: a request for a zaak takes its household and must be of the gemeente; merging
// partners moves their budgets.
func TestZaakEnPartner(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db)
		van := partner.Vandaag(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		p1, err := o.ps.Maak(o.ctx, partner.Nieuw{Naam: "Fonds A", Gemeente: gm, Van: van})
		if err != nil {
			t.Fatal(err)
		}
		p2, err := o.ps.Maak(o.ctx, partner.Nieuw{Naam: "Fonds B", Gemeente: gm, Van: van})
		if err != nil {
			t.Fatal(err)
		}
		id := o.budget(t, gm, budget.Budget{Jaar: 2026, Soort: budget.Fonds, Naam: "Noodfonds", PartnerID: p1.ID, Bron: "plan"})
		var zaak int64
		if err := db.SQL().QueryRowContext(o.ctx, `INSERT INTO zaken_zaak (gemeente, huishouden_id, kanaal, route, gestart, startdatum, status, aangemaakt)
			VALUES ($1, 'HH-7', 'balie', 'schuldhulp', $2, '2026-03-09', 'aangemeld', $2) RETURNING id`, gm, time.Now().UTC()).Scan(&zaak); err != nil {
			t.Fatal(err)
		}
		a := o.aanvraag(t, gm, budget.Nieuw{BudgetID: id, ZaakID: zaak, Vorm: budget.Geld, Bedrag: geld.Euro(10), Reden: "x", Door: an})
		if got, _ := o.svc.Aanvraag(o.ctx, gm, a); got.ZaakID != zaak || got.HuishoudenID != "HH-7" {
			t.Fatalf("%+v", got)
		}
		var fs errs.Fields
		if _, err := o.svc.Maak(o.ctx, ander, budget.Budget{Jaar: 2026, Soort: budget.Fonds, Naam: "Noodfonds", PartnerID: p1.ID, Bron: "plan"}); !errors.As(err, &fs) || !fs.Has("partner") {
			t.Fatalf("a partner that is not of the gemeente: %v", err)
		}
		if _, err := o.svc.DienIn(o.ctx, ander, budget.Nieuw{BudgetID: id, ZaakID: zaak, Vorm: budget.Geld, Bedrag: 1, Reden: "x"}); !errors.Is(err, errs.NotFound) {
			t.Fatalf("another gemeente's budget: %v", err)
		}
		if _, err := o.svc.DienIn(o.ctx, gm, budget.Nieuw{BudgetID: id, ZaakID: zaak + 1, Vorm: budget.Geld, Bedrag: 1, Reden: "x"}); !errors.As(err, &fs) || !fs.Has("zaak") {
			t.Fatalf("unknown zaak: %v", err)
		}
		if _, err := o.svc.DienIn(o.ctx, gm, budget.Nieuw{BudgetID: id, ZaakID: zaak, HuishoudenID: "HH-8", Vorm: budget.Geld, Bedrag: 1, Reden: "x"}); !errors.As(err, &fs) || !fs.Has("huishouden") {
			t.Fatalf("other household: %v", err)
		}
		if _, err := o.ps.VoegSamen(o.ctx, p2.ID, p1.ID); err != nil {
			t.Fatal(err)
		}
		if b, _ := o.svc.Haal(o.ctx, gm, id); b.PartnerID != p2.ID {
			t.Fatalf("after merge partner %q, want %q", b.PartnerID, p2.ID)
		}
	})
}
