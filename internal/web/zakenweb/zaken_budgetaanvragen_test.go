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
	o, zaak, gevraagd, zetFout := budgetOmgeving(t)
	id := zaak[strings.LastIndex(zaak, "/")+1:]
	lijst := "/beheer/" + gm + "/budgetaanvragen?zaak=" + id

	p := o.get(zaak, "consulent")
	webtest.Bevat(t, p, `id="budgetaanvragen-kop"`, `href="/beheer/`+gm+`/budgetaanvragen/12">9 maart 2026</a>`, "Noodfonds 2026", "€ 650,50",
		"Wacht op tweede akkoord", "Maatwerkbudget 2026", "Toegekend", "De nieuwste 2 van 3 aanvragen.", `href="`+lijst+`"`)
	if g := gevraagd(); len(g) != 1 || strconv.FormatInt(g[0], 10) != id {
		t.Fatalf("asked for zaken %v, want [%s]", g, id)
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
	if g := gevraagd(); len(g) != 1 {
		t.Errorf("the requests were read for a user without budgetten.lezen: %v", g)
	}

	zetFout(errors.New("stuk"))
	p = o.get(zaak, "consulent")
	if p.Status != 200 {
		t.Fatalf("failed read: %d", p.Status)
	}
	webtest.Bevat(t, p, "konden nu niet worden gelezen")
	if strings.Contains(p.Body, "€ 650,50") {
		t.Error("rows shown after a failed read")
	}
}

// budgetOmgeving is the zaken part with a fake Deps.BudgetAanvragen (two rows of three) and one zaak;
// it returns the zaak's path, the zaken the function was asked for, and a setter of its error.
func budgetOmgeving(t *testing.T) (*zkOmgeving, string, func() []int64, func(error)) {
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
	return o, zaak, func() []int64 { mu.Lock(); defer mu.Unlock(); return append([]int64(nil), gevraagd...) },
		func(err error) { mu.Lock(); defer mu.Unlock(); fout = err }
}
