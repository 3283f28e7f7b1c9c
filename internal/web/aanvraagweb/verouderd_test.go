package aanvraagweb_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestAanvraagVerouderdNaFout: a form on the application page refused at a field (422) comes back with
// the version it was loaded with, not the newest; after someone else's change meanwhile, the corrected
// form is refused (409) instead of overwriting that change unseen (the page used to put the
// application's newest version in every form).
func TestAanvraagVerouderdNaFout(t *testing.T) {
	for _, dia := range storetest.Dialects(t) {
		t.Run(dia.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, dia))
			aanvraagMetCode(t, o)
			var id int64
			if err := o.DB.SQL().QueryRowContext(t.Context(), `SELECT id FROM aanvragen_aanvraag`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			pad := "/beheer/" + gm + "/aanvragen/" + strconv.FormatInt(id, 10)
			cons := o.SessieAls("consulent")
			oud := eerste(t, versieRe, o.Doe(http.MethodGet, pad, cons, nil, nil).Body)
			// someone else (here the same role, in another tab) adds a note (versie N → N+1)
			if r := o.Doe(http.MethodPost, pad+"/notitie", cons, url.Values{"versie": {oud}, "notitie": {"Gebeld met de aanvrager."}}, nil); r.Status != http.StatusSeeOther {
				t.Fatalf("ander: %d %s", r.Status, r.Body)
			}
			if nu := eerste(t, versieRe, o.Doe(http.MethodGet, pad, cons, nil, nil).Body); nu == oud {
				t.Fatalf("versie niet veranderd: %s", nu)
			}
			// the first form, loaded at N, with a wrong date
			r := o.Doe(http.MethodPost, pad+"/vraag", cons, url.Values{"versie": {oud}, "soort": {"beschikking"}, "omschrijving": {"De brief"}, "hersteltermijn": {"16 maart"}}, nil)
			if r.Status != http.StatusUnprocessableEntity {
				t.Fatalf("fout: %d", r.Status)
			}
			ms := regexp.MustCompile(`name="versie" value="(-?\d+)"`).FindAllStringSubmatch(r.Body, -1)
			if len(ms) == 0 {
				t.Fatal("geen versie op de pagina")
			}
			for _, m := range ms {
				if m[1] != oud {
					t.Fatalf("versie in een formulier na de fout: %s, want %s (die van het formulier)", m[1], oud)
				}
			}
			r = o.Doe(http.MethodPost, pad+"/vraag", cons, url.Values{"versie": {oud}, "soort": {"beschikking"}, "omschrijving": {"De brief"}, "hersteltermijn": {"2026-03-16"}}, nil)
			if r.Status != http.StatusConflict {
				t.Fatalf("verbeterd formulier op een oude versie: %d, want 409", r.Status)
			}
		})
	}
}
