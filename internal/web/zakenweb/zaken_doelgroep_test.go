package zakenweb

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

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
