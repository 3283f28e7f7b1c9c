package zakenweb

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestDoelgroepIndicatoren: the zaken page and the indicators CSV count the zaken started and those
// marked statushouder or inburgeraar, with the small-number rule: 6 started is published as 5, 2 marked
// as "<5", and no share below 100 zaken.
func TestDoelgroepIndicatoren(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	for i := range 6 {
		a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[i])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-30"}, "tijd": {"09:00"}})
		if a.Status != http.StatusSeeOther {
			t.Fatalf("nieuw %d: %d %s", i, a.Status, a.Body)
		}
		if i < 2 {
			zaak := strings.Split(a.Loc, "?")[0]
			if a := o.post(zaak+"/statushouder", "consulent", url.Values{"versie": {"1"}, "statushouder": {"ja"}}); a.Status != http.StatusSeeOther {
				t.Fatalf("markering: %d", a.Status)
			}
		}
	}
	w := o.get(b, "teamleider")
	webtest.Bevat(t, w, "Zaken begonnen</th><td class=\"utrecht-table__cell\">5</td><td class=\"utrecht-table__cell\">5</td>",
		"Waarvan gemarkeerd statushouder of inburgeraar</th><td class=\"utrecht-table__cell\">&lt;5</td><td class=\"utrecht-table__cell\">&lt;5</td>",
		"afgerond op vijftallen")
	c := o.get(b+"/indicatoren.csv", "teamleider")
	regels := strings.Split(strings.TrimSpace(c.Body), "\n")
	if c.Status != 200 || len(regels) != 3 || !strings.HasSuffix(regels[0], ",zaken_gestart,zaken_gestart_statushouder,statushouder_pct") ||
		!strings.HasPrefix(regels[1], "2026,") || !strings.HasSuffix(regels[1], ",5,<5,") || !strings.HasSuffix(regels[2], ",5,<5,") {
		t.Errorf("csv: %d %q", c.Status, regels)
	}
}

// TestDoelgroepSecundair: a year of 3 zaken (2 marked) beside this year's 100 (80 marked). Each year
// and all years rounded on their own gave the small year away: all years 79.6% of "105" can only be 82
// of 103, this year's 80.0% of "100" only 80 of 100, so 2 of the 3. The page and the CSV hold all
// years back ("niet getoond", empty in the CSV); the years themselves stay.
func TestDoelgroepSecundair(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) { doelgroepSecundair(t, db) })
}

func doelgroepSecundair(t *testing.T, db *store.DB) {
	o := nieuweOmgeving(t, db, time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	n := 0
	zaak := func(dag string, statushouder int) {
		t.Helper()
		n++
		if _, err := db.SQL().ExecContext(t.Context(), `INSERT INTO zaken_zaak (gemeente, huishouden_id, kanaal, route, gestart, startdatum, status, aangemaakt, statushouder)
			VALUES ($1, $5, 'balie', 'schuldhulp', $2, $3, 'aangemeld', $2, $4)`, gm, time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), dag, statushouder, "HH-"+strconv.Itoa(n)); err != nil {
			t.Fatal(store.MapError(err))
		}
	}
	for i := range 3 {
		zaak("2025-06-02", map[bool]int{true: 1}[i < 2])
	}
	for i := range 100 {
		zaak("2026-02-02", map[bool]int{true: 1}[i < 80])
	}
	b := basis(gm)
	w := o.get(b, "teamleider")
	webtest.Bevat(t, w, "Zaken begonnen</th><td class=\"utrecht-table__cell\">100</td><td class=\"utrecht-table__cell\">niet getoond</td>",
		"Waarvan gemarkeerd statushouder of inburgeraar</th><td class=\"utrecht-table__cell\">80 (80,0%)</td><td class=\"utrecht-table__cell\">niet getoond</td>")
	for _, weg := range []string{"79,6", ">105<"} {
		if strings.Contains(w.Body, weg) {
			t.Errorf("page shows %q of all years", weg)
		}
	}
	c := o.get(b+"/indicatoren.csv", "teamleider")
	regels := strings.Split(strings.TrimSpace(c.Body), "\n")
	if c.Status != 200 || len(regels) != 4 || !strings.HasPrefix(regels[1], "2025,") || !strings.HasSuffix(regels[1], ",<5,<5,") ||
		!strings.HasSuffix(regels[2], ",100,80,80.0") || !strings.HasPrefix(regels[3], "alle,") || !strings.HasSuffix(regels[3], ",,,") {
		t.Errorf("csv: %d %q", c.Status, regels)
	}
}
