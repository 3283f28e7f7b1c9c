package zakenweb

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// zaakLinkRe matches a zaak's row on the worklist.
var zaakLinkRe = regexp.MustCompile(`>Zaak \d+</a>`)

// vulWerklijst adds n zaken of the gemeente straight into the table (the worklist only reads them):
// open and aangemeld, or afgerond when !open, with route and deadline as the page shows them.
func vulWerklijst(t *testing.T, db *store.DB, g string, n int, open bool, route string) {
	t.Helper()
	ph := func(k int) string {
		if db.Dialect() == store.SQLite {
			return "?"
		}
		return fmt.Sprintf("$%d", k)
	}
	nu := time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC)
	status, isOpen, volgende := "aangemeld", 1, "2026-04-03"
	if !open {
		status, isOpen, volgende = "afgerond", 0, "9999-12-31"
	}
	var al int // the households are numbered on from the zaken already there
	if err := db.SQL().QueryRowContext(t.Context(), `SELECT COUNT(*) FROM zaken_zaak`).Scan(&al); err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString(`INSERT INTO zaken_zaak (gemeente, huishouden_id, woonplaats, kanaal, route, gestart, startdatum, status, open,
		eerste_gesprek_deadline, volgende_deadline, aangemaakt, team_id) VALUES `)
	var args []any
	for i := range n {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(")
		for k := range 13 {
			if k > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString(ph(len(args) + k + 1))
		}
		sb.WriteString(")")
		args = append(args, g, fmt.Sprintf("HW%05d", al+i), "Dorp", "balie", route, nu, "2026-03-06", status, isOpen,
			"2026-04-03", volgende, nu, 0)
	}
	if _, err := db.Exec(t.Context(), sb.String(), args...); err != nil {
		t.Fatal(err)
	}
}

// TestZakenWerklijstTelTot: the worklist counts exactly up to its cap (lowered here to 100 zaken);
// below and at the cap it gives the exact number and a last page, above it "meer dan", no last page
// and still a next page while there are more zaken; the filter travels with the links.
func TestZakenWerklijstTelTot(t *testing.T) {
	oud := telTot
	telTot = 100
	t.Cleanup(func() { telTot = oud })
	for _, d := range storetest.Dialects(t) {
		t.Run(d.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, d), time.Date(2026, 3, 6, 14, 0, 0, 0, time.UTC))
			b := basis(gm)
			pagina := func(pad string, rijen int, wil, niet []string) {
				t.Helper()
				a := o.get(pad, "consulent")
				if a.Status != 200 {
					t.Fatalf("%s: %d", pad, a.Status)
				}
				webtest.Bevat(t, a, wil...)
				for _, n := range niet {
					if strings.Contains(a.Body, n) {
						t.Errorf("%s: page has %q", pad, n)
					}
				}
				if got := len(zaakLinkRe.FindAllString(a.Body, -1)); got != rijen {
					t.Errorf("%s: %d zaken on the page, want %d", pad, got, rijen)
				}
			}

			// Below the cap: 99 open zaken (and 5 closed ones the open list leaves out), exact.
			vulWerklijst(t, o.DB, gm, 99, true, "schuldhulp")
			vulWerklijst(t, o.DB, gm, 5, false, "schuldhulp")
			pagina(b, 50, []string{"Zaak 1 tot en met 50 van 99.", "Pagina 1 van 2", "Volgende pagina", "Laatste pagina"}, []string{"meer dan"})
			pagina(b+"?vanaf=50", 49, []string{"Zaak 51 tot en met 99 van 99.", "Pagina 2 van 2", "Vorige pagina"}, []string{"meer dan", "Volgende pagina"})

			// At the cap: 100 open zaken, still exact.
			vulWerklijst(t, o.DB, gm, 1, true, "schuldhulp")
			pagina(b, 50, []string{"Zaak 1 tot en met 50 van 100.", "Pagina 1 van 2", "Volgende pagina", "Laatste pagina"}, []string{"meer dan"})
			pagina(b+"?vanaf=50", 50, []string{"Zaak 51 tot en met 100 van 100.", "Pagina 2 van 2"}, []string{"meer dan", "Volgende pagina"})

			// Above the cap: 101 open zaken. "meer dan", no last page it cannot know, a next page.
			vulWerklijst(t, o.DB, gm, 1, true, "schuldhulp")
			pagina(b, 50, []string{"Zaak 1 tot en met 50 van meer dan 100.", "Pagina 1 van meer dan 2", "Volgende pagina", `href="` + b + `?vanaf=50" rel="next"`},
				[]string{"Laatste pagina", "van 101"})
			// The page at the cap is counted just past it, so the next link is still there.
			pagina(b+"?vanaf=50", 50, []string{"Zaak 51 tot en met 100 van meer dan 100.", `href="` + b + `?vanaf=100" rel="next"`}, []string{"Laatste pagina"})
			// Past the cap the page asked for is counted exactly: the end of the list, no next page.
			pagina(b+"?vanaf=100", 1, []string{"Zaak 101 tot en met 101 van 101.", "Pagina 3 van 3", "Eerste pagina", "Vorige pagina"}, []string{"meer dan", "Volgende pagina"})
			// Far past the end: an empty page says how many there are.
			pagina(b+"?vanaf=1000", 0, []string{"Deze pagina is leeg: er zijn 101 zaken.", "Naar de eerste pagina"}, []string{"meer dan", "geen zaken die bij dit filter passen"})

			// A filter keeps its own count and travels with the links: all 106 zaken are more than
			// 100; 5 ondernemers zaken are counted exactly.
			pagina(b+"?status=alle", 50, []string{"Zaak 1 tot en met 50 van meer dan 100.", `href="` + b + `?status=alle&amp;vanaf=50" rel="next"`}, []string{"Laatste pagina"})
			pagina(b+"?status=alle&vanaf=100", 6, []string{"Zaak 101 tot en met 106 van 106."}, []string{"meer dan", "Volgende pagina"})
			vulWerklijst(t, o.DB, gm, 5, true, "ondernemers")
			pagina(b+"?route=ondernemers", 5, []string{"Zaak 1 tot en met 5 van 5.", "Pagina 1 van 1"}, []string{"meer dan", "Volgende pagina"})
			pagina(b+"?status=afgerond", 5, []string{"Zaak 1 tot en met 5 van 5."}, []string{"meer dan", "Volgende pagina"})
		})
	}
}

// TestZakenWerklijstVanafGroot: an offset near the largest int (a hand-made or stale link) gives the
// empty page with the count, not a 500: the cap vanaf+PerPagina and the count's LIMIT cap+1 must not
// wrap around (PostgreSQL refuses a negative LIMIT; SQLite would count without one).
func TestZakenWerklijstVanafGroot(t *testing.T) {
	for _, d := range storetest.Dialects(t) {
		t.Run(d.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, d), time.Date(2026, 3, 6, 14, 0, 0, 0, time.UTC))
			vulWerklijst(t, o.DB, gm, 3, true, "schuldhulp")
			for _, v := range []string{"9223372036854775757", "9223372036854775806", "9223372036854775807"} {
				a := o.get(basis(gm)+"?vanaf="+v, "consulent")
				if a.Status != 200 {
					t.Fatalf("vanaf=%s: status %d", v, a.Status)
				}
				webtest.Bevat(t, a, "Deze pagina is leeg: er zijn 3 zaken.")
				for _, n := range []string{"meer dan", "Volgende pagina", "vanaf=-"} {
					if strings.Contains(a.Body, n) {
						t.Errorf("vanaf=%s: page has %q (3 zaken)", v, n)
					}
				}
			}
		})
	}
}
