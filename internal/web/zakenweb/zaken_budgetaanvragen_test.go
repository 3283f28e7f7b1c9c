package zakenweb

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestZaakBudgetAanvragen: the zaak page lists the zaak's budget requests (day, budget, amount, status,
// link) from Deps.BudgetAanvragen for a user with budgetten.lezen (consulent), says how many are left
// out, and shows a failed read as a message, not a broken page; a user without budgetten.lezen
// (schuldhulpverlener) gets no rows and the function is not called. Both keep the link to the list.
func TestZaakBudgetAanvragen(t *testing.T) {
	nu := time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC)
	o := &zkOmgeving{mu: new(sync.Mutex), nu: &nu}
	klok := func() time.Time { return nu }
	o.Omgeving = webtest.NieuweOmgeving(t, storetest.OpenTest(t), webtest.Opties{Klok: klok, Nu: klok})
	zk, err := zaken.New(zaken.Config{DB: o.DB, Audit: o.Audit, Klok: klok, Partners: o.Partners})
	if err != nil {
		t.Fatal(err)
	}
	o.zk = zk
	var mu sync.Mutex
	var gevraagd []int64
	var fout error
	ba := func(ctx context.Context, g string, zaak int64, max int) ([]BudgetAanvraag, int, error) {
		mu.Lock()
		defer mu.Unlock()
		gevraagd = append(gevraagd, zaak)
		if g != gm || max != maxBudgetAanvragen {
			t.Errorf("asked for %s, max %d", g, max)
		}
		return []BudgetAanvraag{
			{Datum: "9 maart 2026", Budget: "Noodfonds 2026", Bedrag: "€ 650,50", Status: "Wacht op tweede akkoord", URL: "/beheer/" + g + "/budgetaanvragen/12"},
			{Datum: "2 maart 2026", Budget: "Maatwerkbudget 2026", Bedrag: "€ 80,00", Status: "Toegekend", URL: "/beheer/" + g + "/budgetaanvragen/9"},
		}, 3, fout
	}
	part, err := New(o.Kit, Deps{Zaken: zk, Partners: o.Partners, BudgetAanvragen: ba})
	if err != nil {
		t.Fatal(err)
	}
	o.Mount(part)
	o.recs = importeer(t, o.DB, gm, 2)
	a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"09:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d %s", a.Status, a.Body)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	id := zaak[strings.LastIndex(zaak, "/")+1:]
	lijst := "/beheer/" + gm + "/budgetaanvragen?zaak=" + id

	p := o.get(zaak, "consulent")
	webtest.Bevat(t, p, `id="budgetaanvragen-kop"`, `href="/beheer/`+gm+`/budgetaanvragen/12">9 maart 2026</a>`, "Noodfonds 2026", "€ 650,50",
		"Wacht op tweede akkoord", "Maatwerkbudget 2026", "Toegekend", "De nieuwste 2 van 3 aanvragen.", `href="`+lijst+`"`)
	if len(gevraagd) != 1 || strconv64(gevraagd[0]) != id {
		t.Fatalf("asked for zaken %v, want [%s]", gevraagd, id)
	}

	p = o.get(zaak, "schuldhulpverlener")
	if p.Status != 200 {
		t.Fatalf("schuldhulpverlener: %d", p.Status)
	}
	webtest.Bevat(t, p, `href="`+lijst+`"`)
	for _, niet := range []string{`id="budgetaanvragen-kop"`, "Noodfonds 2026", "€ 650,50"} {
		if strings.Contains(p.Body, niet) {
			t.Errorf("without budgetten.lezen the page holds %q", niet)
		}
	}
	if len(gevraagd) != 1 {
		t.Errorf("the requests were read for a user without budgetten.lezen: %v", gevraagd)
	}

	mu.Lock()
	fout = errors.New("stuk")
	mu.Unlock()
	p = o.get(zaak, "consulent")
	if p.Status != 200 {
		t.Fatalf("failed read: %d", p.Status)
	}
	webtest.Bevat(t, p, "konden nu niet worden gelezen")
	if strings.Contains(p.Body, "€ 650,50") {
		t.Error("rows shown after a failed read")
	}
}

func strconv64(n int64) string { return strconv.FormatInt(n, 10) }
