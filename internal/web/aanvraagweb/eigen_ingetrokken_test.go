package aanvraagweb_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestEigenAanvraagIngetrokken: an application the client withdrew shows on the intermediary's own detail
// page as withdrawn per regeling, not with an empty decision.
func TestEigenAanvraagIngetrokken(t *testing.T) {
	o := nieuweOmgeving(t, storetest.Open(t, storetest.Dialects(t)[0]))
	ctx := t.Context()
	h := o.recs[0].H
	h.Gemeente = gm
	a, err := o.svc.Start(ctx, aanvragen.NieuweAanvraag{Gemeente: gm, Formulier: "formulier-eigen-ingetrokken-0001", Huishouden: &h,
		Regelingen: []string{"bijzondere_bijstand"}, Taal: "nl",
		Intermediair: &aanvragen.Intermediair{Naam: "Los Intermediair", Organisatie: "typed", GebruikerID: o.IDs["intermediair"], Toestemming: webtest.Nu}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.svc.TrekIn(ctx, a.Referentie, a.Code); err != nil {
		t.Fatal(err)
	}
	p := o.Doe(http.MethodGet, "/beheer/"+gm+"/mijn-aanvragen/"+strconv.FormatInt(a.ID, 10), o.SessieAls("intermediair"), nil, nil)
	if p.Status != http.StatusOK {
		t.Fatalf("status %d", p.Status)
	}
	if !strings.Contains(p.Body, "Bijzondere bijstand: Ingetrokken door de aanvrager") {
		t.Errorf("the withdrawn regeling is not shown as withdrawn:\n%s", p.Body)
	}
	if strings.Contains(p.Body, "Bijzondere bijstand: <") || strings.Contains(p.Body, "Bijzondere bijstand: </li>") {
		t.Error("a regeling with an empty decision")
	}
}
