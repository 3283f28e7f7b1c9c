package aanvraagweb_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestIntrekken: the resident withdraws with the code in two steps (the first changes nothing), the
// status page then says so and offers no withdrawal, the case worker's page shows the regelingen as
// withdrawn by the applicant; a wrong code withdraws nothing.
func TestIntrekken(t *testing.T) {
	for _, dia := range storetest.Dialects(t) {
		t.Run(dia.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, dia))
			ref, code := aanvraagMetCode(t, o)
			besluiten := func() string {
				t.Helper()
				var b string
				if err := o.DB.SQL().QueryRowContext(t.Context(), `SELECT besluit FROM aanvragen_regeling`).Scan(&b); err != nil {
					t.Fatal(err)
				}
				return b
			}
			st := o.Doe(http.MethodPost, "/aanvragen/status", "", url.Values{"referentie": {ref}, "code": {code}}, nil)
			webtest.Bevat(t, st, `action="/aanvragen/status/intrekken"`, "Aanvraag intrekken")
			fout := o.Doe(http.MethodPost, "/aanvragen/status/intrekken", "", url.Values{"referentie": {ref}, "code": {"AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AA"}, "bevestig": {"ja"}}, nil)
			if fout.Status != http.StatusUnprocessableEntity || besluiten() != "" {
				t.Fatalf("wrong code: %d, besluit %q", fout.Status, besluiten())
			}
			stap1 := o.Doe(http.MethodPost, "/aanvragen/status/intrekken", "", url.Values{"referentie": {ref}, "code": {code}}, nil)
			if stap1.Status != http.StatusOK || besluiten() != "" {
				t.Fatalf("first step: %d, besluit %q", stap1.Status, besluiten())
			}
			webtest.Bevat(t, stap1, "Wilt u uw aanvraag intrekken?", "Ja, trek mijn aanvraag in", "Nee, terug naar mijn aanvraag", `name="bevestig" value="ja"`)
			if cc := stap1.Hdr.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
				t.Errorf("Cache-Control %q on a page with the code", cc)
			}
			stap2 := o.Doe(http.MethodPost, "/aanvragen/status/intrekken", "", url.Values{"referentie": {ref}, "code": {code}, "bevestig": {"ja"}}, nil)
			if stap2.Status != http.StatusOK || besluiten() != "ingetrokken" {
				t.Fatalf("second step: %d, besluit %q", stap2.Status, besluiten())
			}
			webtest.Bevat(t, stap2, "U heeft uw aanvraag ingetrokken")
			if strings.Contains(stap2.Body, `action="/aanvragen/status/intrekken"`) {
				t.Error("a withdrawn application offers withdrawal")
			}
			var id int64
			if err := o.DB.SQL().QueryRowContext(t.Context(), `SELECT id FROM aanvragen_aanvraag`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			pag := o.Doe(http.MethodGet, "/beheer/"+gm+"/aanvragen/"+strconv.FormatInt(id, 10), o.SessieAls("consulent"), nil, nil)
			webtest.Bevat(t, pag, "Ingetrokken door de aanvrager")
		})
	}
}
