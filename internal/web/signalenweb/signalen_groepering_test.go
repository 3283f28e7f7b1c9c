package signalenweb

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
)

// adresSignalen returns n signals about n different residents (test BSNs from offset) at 8011ZZ 1, an
// address nobody in the register lives at, so they are grouped by that address.
func adresSignalen(prefix string, offset, n int) []signalen.Signaal {
	bsns := synth.BSNs()
	out := make([]signalen.Signaal, n)
	for i := range n {
		out[i] = signalen.Signaal{Referentie: fmt.Sprintf("%s-%d", prefix, i), PartnerType: signalen.PartnerHuur, Bedrag: geld.Euro(100),
			Ontstaansdatum: datum.Nieuw(2026, 1, 10), Signaaldatum: datum.Nieuw(2026, 2, 25),
			Inwoner: signalen.Inwoner{BSN: bsns[offset+i], Voorletters: "T.", Achternaam: fmt.Sprintf("Testpersoon%d", offset+i),
				Telefoon: "0600000000", Adres: signalen.Adres{Postcode: "8011ZZ", Huisnummer: 1, Woonplaats: "Ommen"}}}
	}
	return out
}

// auditAantal counts the audit rows of sigGM.
func auditAantal(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRowContext(t.Context(), `SELECT COUNT(*) FROM audit_log WHERE gemeente = $1`, sigGM).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

var signaalRijHTML = regexp.MustCompile(`<td class="utrecht-table__cell">Nr\. \d+, gekoppeld`)

// Regression (issue 14, defect 5): a zaak of thousands of signals was shown whole (50,000 signals: 22 s,
// 65 MB of HTML, 56,970 audit rows). Its page now shows 50 signals with the residents they are about,
// links to the other pages that keep the worklist's filter, stays small, and writes one audit row.
func TestSignalenZaakGepagineerd(t *testing.T) {
	const n = 2000
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "test"})
		inst := signalen.StandaardInstellingen()
		inst.MaxInwonersPerAdres = signalen.MaxInwonersPerAdresGrens // the largest zaak a gemeente can make
		if err := o.st.ZetInstellingen(ctx, sigGM, inst, 0); err != nil {
			t.Fatal(err)
		}
		o.lever(sigGM, "woonco", adresSignalen("a", 100, n)...) // residents 0-9 are in the register; these are not
		zs, _, err := o.st.Werklijst(ctx, sigGM, opslag.Filter{Sortering: opslag.SorteerOudste, Limiet: 1})
		if err != nil {
			t.Fatal(err)
		}
		z := zs[0]
		if z.AantalTotaal != signalen.MaxInwonersPerAdresGrens {
			t.Fatalf("first zaak has %d signals, want %d", z.AantalTotaal, signalen.MaxInwonersPerAdresGrens)
		}
		basis := "/beheer/" + sigGM + "/signalen/" + strconv.FormatInt(z.ID, 10)
		lijst := "?wijk=Centrum&crisis=1"
		voor := auditAantal(t, db)
		a := o.get(basis+lijst, "consulent")
		if a.Status != http.StatusOK {
			t.Fatalf("status %d", a.Status)
		}
		if got := auditAantal(t, db) - voor; got != 1 {
			t.Errorf("one view wrote %d audit rows, want 1", got)
		}
		if got := len(signaalRijHTML.FindAllString(a.Body, -1)); got != opslag.SignalenPerPagina {
			t.Errorf("page shows %d signals, want %d", got, opslag.SignalenPerPagina)
		}
		// Bounded: 50 signals and their residents, whatever the size of the zaak (measured: about 80 KB).
		if len(a.Body) > 150_000 {
			t.Errorf("page is %d bytes, want at most 150,000", len(a.Body))
		}
		heeft(t, a, `href="/beheer/`+sigGM+`/verwijzingen/nieuw?vroegsignaal=`+strconv.FormatInt(z.ID, 10)+`"`)
		bsns := synth.BSNs()[100:]
		heeft(t, a, "Signaal 1 tot en met 50 van 1.000", "Pagina 1 van 20", "Inwoners bij de signalen op deze pagina",
			bsns[0], bsns[49], "Ter beoordeling", signalen.RedenTeVeelInwoners(signalen.MaxInwonersPerAdresGrens),
			`href="`+basis+`?crisis=1&amp;signalen-vanaf=50&amp;wijk=Centrum#signalen-kop" rel="next"`,
			`href="`+basis+`?crisis=1&amp;signalen-vanaf=950&amp;wijk=Centrum#signalen-kop">Laatste pagina met signalen`,
			`href="/beheer/`+sigGM+`/signalen?crisis=1&amp;wijk=Centrum">Terug naar de werklijst`)
		heeftNiet(t, a, bsns[50], "Vorige pagina met signalen")

		// The next page: signals 51-100 and their residents only, with a link back that keeps the filter.
		a = o.get(basis+"?crisis=1&signalen-vanaf=50&wijk=Centrum", "consulent")
		heeft(t, a, "Signaal 51 tot en met 100 van 1.000", "Pagina 2 van 20", bsns[50], bsns[99],
			`href="`+basis+`?crisis=1&amp;wijk=Centrum#signalen-kop" rel="prev"`)
		heeftNiet(t, a, bsns[49]+"<", bsns[100])
		// The audit row of that view names exactly the residents on it.
		for _, tc := range []struct {
			bsn  string
			want int
		}{{bsns[50], 1}, {bsns[99], 1}, {bsns[100], 0}} {
			rs, err := o.Audit.Zoek(ctx, audit.Filter{Gemeente: sigGM, BSN: tc.bsn, Operatie: "vroegsignaalzaak.bekijken"})
			if err != nil || len(rs) != tc.want {
				t.Errorf("views found by BSN %s: %d, %v; want %d", tc.bsn, len(rs), err, tc.want)
			}
		}
		// Past the last page: no signals, a way back; bad offsets get a clear error.
		a = o.get(basis+"?signalen-vanaf=5000", "consulent")
		heeft(t, a, "Op deze pagina staan geen signalen: de zaak heeft er 1.000.", "Eerste pagina met signalen")
		for _, v := range []string{"-1", "abc", "1e3", url.QueryEscape("<script>")} {
			a = o.get(basis+"?signalen-vanaf="+v, "consulent")
			if a.Status != http.StatusBadRequest || !strings.Contains(a.Body, "signalen-vanaf") || strings.Contains(a.Body, "<script>") {
				t.Errorf("signalen-vanaf=%s: status %d, want 400 naming the parameter", v, a.Status)
			}
		}
	})
}

// Regression (issue 14, defect 5): thousands of signals at one address made one zaak. Now they are
// marked for review: the worklist says how many, filters on it, and the zaak page gives the reason.
func TestSignalenWerklijstTerBeoordeling(t *testing.T) {
	const n = 2000
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		o.lever(sigGM, "woonco", sigSignaal("R0", signalen.PartnerHuur, 900, 0))
		o.lever(sigGM, "woonco", adresSignalen("a", 100, n)...)
		max := signalen.StandaardMaxInwonersPerAdres
		basis := "/beheer/" + sigGM + "/signalen"
		a := o.get(basis, "consulent")
		heeft(t, a, getalNL(n-max+1)+" open zaken staan ter beoordeling", `href="`+basis+`?beoordelen=1">Bekijk de zaken ter beoordeling`,
			"Ter beoordeling</span><br>"+signalen.KortRedenTeVeelInwoners)
		a = o.get(basis+"?beoordelen=1&per=200", "consulent")
		ids := zaakIDs(a.Body)
		if len(ids) != 200 || strings.Count(a.Body, "Ter beoordeling</span>") != 200 {
			t.Errorf("filter ter beoordeling: %d zaken on the page, %d marked", len(ids), strings.Count(a.Body, "Ter beoordeling</span>"))
		}
		heeft(t, a, "van "+getalNL(n-max+1)+".", `id="beoordelen" name="beoordelen" value="1" checked`,
			`href="`+basis+`?beoordelen=1&amp;per=200&amp;vanaf=200" rel="next"`)
		heeftNiet(t, a, "Bekijk de zaken ter beoordeling")
		// The zaak of resident R0 (another address) is not marked and not in the filtered list.
		if _, alle, err := o.st.Werklijst(t.Context(), sigGM, opslag.Filter{}); err != nil || alle != n-max+2 {
			t.Fatalf("%d open zaken, %v; want %d", alle, err, n-max+2)
		}
		a = o.get(basis+"/"+strconv.FormatInt(ids[0], 10)+"?beoordelen=1", "consulent")
		heeft(t, a, "<h2 class=\"utrecht-heading-2\">Ter beoordeling</h2>", signalen.RedenTeVeelInwoners(max),
			`href="`+basis+`?beoordelen=1">Terug naar de werklijst`)
	})
}
