package aanvraagweb_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/aanvraagweb"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// nepVoorstellen stands in for the composition root's proposals (cmd/zeker/ambtshalve.go, tested end to
// end by TestAmbtshalveInbox): proposal 1 is open, 2 fails with a reason, 3 is decided by someone else.
type nepVoorstellen struct {
	filters []aanvraagweb.VoorstelFilter
	gedaan  []string
}

func (n *nepVoorstellen) voorstel(id int64) aanvraagweb.Voorstel {
	b := int64(30000)
	return aanvraagweb.Voorstel{ID: id, Huishouden: fmt.Sprintf("HH-%d", id), Regeling: "individuele_inkomenstoeslag", RegelingNaam: "Individuele inkomenstoeslag",
		Woonplaats: "Ommen", BedragCent: &b, Periode: "per_jaar", Gemaakt: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Status: "open", Oordeel: "recht",
		Criteria: []aanvraagweb.VoorstelCriterium{{Uitkomst: "ja", Tekst: "Uw inkomen is laag.", Bron: "Beleidsregels"}}}
}

func (n *nepVoorstellen) Lijst(_ context.Context, _ string, f aanvraagweb.VoorstelFilter) ([]aanvraagweb.Voorstel, int, error) {
	n.filters = append(n.filters, f)
	return []aanvraagweb.Voorstel{n.voorstel(1), n.voorstel(2)}, 2, nil
}
func (n *nepVoorstellen) ZonderAanvraag(context.Context, string) ([]aanvraagweb.Voorstel, error) {
	return nil, nil
}
func (n *nepVoorstellen) Woonplaatsen(context.Context, string) ([]string, error) {
	return []string{"Ommen", "Vilsteren"}, nil
}
func (n *nepVoorstellen) Haal(_ context.Context, _ string, id int64) (*aanvraagweb.Voorstel, error) {
	if id > 3 {
		return nil, errs.NotFound
	}
	v := n.voorstel(id)
	return &v, nil
}
func (n *nepVoorstellen) Aanvaard(_ context.Context, _ string, id int64, reden string, _ aanvragen.Medewerker) (*aanvragen.Aangemaakt, error) {
	n.gedaan = append(n.gedaan, fmt.Sprintf("aanvaard %d: %s", id, reden))
	switch id {
	case 2:
		return nil, &aanvragen.Ongeldig{Veld: "huishouden", Bericht: "Het huishouden HH-2 staat niet (meer) in het register."}
	case 3:
		return nil, fmt.Errorf("%w: al besloten", errs.Conflict)
	}
	return &aanvragen.Aangemaakt{ID: 77, Referentie: "AV-TEST-0077"}, nil
}
func (n *nepVoorstellen) WijsAf(_ context.Context, _ string, id int64, reden string, _ aanvragen.Medewerker) error {
	n.gedaan = append(n.gedaan, fmt.Sprintf("afgewezen %d: %s", id, reden))
	return nil
}

// TestVoorstellenInInbox: the inbox's tab of the scan's proposals reads its filters (an unknown village or
// order is a field error), the proposal page shows the trace and the form, and the decision form refuses
// a missing choice or reason and a reason over 1000 characters, shows a failed acceptance at the form
// (422) and a decision by someone else as a conflict (409), and sends an acceptance to its application.
func TestVoorstellenInInbox(t *testing.T) {
	db := storetest.OpenTest(t)
	o := webtest.NieuweOmgeving(t, db, webtest.Opties{})
	svc, err := aanvragen.New(aanvragen.Config{DB: db, Audit: o.Audit, Catalogus: webtest.Catalogus(t)})
	if err != nil {
		t.Fatal(err)
	}
	nep := &nepVoorstellen{}
	part, err := aanvraagweb.New(o.Kit, aanvraagweb.Deps{Aanvragen: svc, Voorstellen: nep})
	if err != nil {
		t.Fatal(err)
	}
	o.Mount(part)
	consulent := o.SessieAls("consulent")
	basis := "/beheer/" + gm + "/aanvragen"
	a := o.Doe("GET", basis+"?status=voorstel&woonplaats=Vilsteren&volgorde=nieuwste&vanaf=50", consulent, nil, nil)
	if a.Status != http.StatusOK || !strings.Contains(a.Body, "Voorstel 2") || !strings.Contains(a.Body, "€ 300,00 per jaar") {
		t.Fatalf("tab: %d", a.Status)
	}
	if f := nep.filters[len(nep.filters)-1]; f.Woonplaats != "Vilsteren" || !f.Nieuwste || f.Vanaf != 50 || f.Limiet != aanvraagweb.PerPagina {
		t.Errorf("filter read: %+v", f)
	}
	for _, q := range []string{"woonplaats=Nergenshuizen", "volgorde=willekeurig", "regeling=bestaat_niet"} {
		if a := o.Doe("GET", basis+"?status=voorstel&"+q, consulent, nil, nil); a.Status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 422", q, a.Status)
		}
	}
	if a := o.Doe("GET", basis, consulent, nil, nil); !strings.Contains(a.Body, `value="voorstel"`) {
		t.Error("the inbox's status filter lacks the proposals")
	}
	a = o.Doe("GET", basis+"/voorstellen/1", consulent, nil, nil)
	if a.Status != http.StatusOK || !strings.Contains(a.Body, "Uw inkomen is laag.") || !strings.Contains(a.Body, "Besluit vastleggen") {
		t.Errorf("proposal: %d", a.Status)
	}
	if a := o.Doe("GET", basis+"/voorstellen/9", consulent, nil, nil); a.Status != http.StatusNotFound {
		t.Errorf("unknown proposal: %d", a.Status)
	}
	post := func(id int, v url.Values) webtest.Antwoord {
		return o.Doe("POST", fmt.Sprintf("%s/voorstellen/%d/besluit", basis, id), consulent, v, nil)
	}
	for _, c := range []struct {
		v    url.Values
		want string
	}{
		{url.Values{"reden": {"x"}}, "Kies: aanvaarden of afwijzen."},
		{url.Values{"besluit": {"aanvaarden"}}, "Schrijf waarom"},
		{url.Values{"besluit": {"afwijzen"}, "reden": {strings.Repeat("a", 1001)}}, "hoogstens 1000 tekens"},
	} {
		if a := post(1, c.v); a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, c.want) {
			t.Errorf("%v: %d, want 422 with %q", c.v, a.Status, c.want)
		}
	}
	if len(nep.gedaan) != 0 {
		t.Fatalf("an invalid form reached the service: %v", nep.gedaan)
	}
	if a := post(2, url.Values{"besluit": {"aanvaarden"}, "reden": {"r"}}); a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, "staat niet (meer) in het register") || !strings.Contains(a.Body, "het voorstel staat nog open") {
		t.Errorf("failed acceptance: %d", a.Status)
	}
	if a := post(3, url.Values{"besluit": {"aanvaarden"}, "reden": {"r"}}); a.Status != http.StatusConflict {
		t.Errorf("decided by someone else: %d, want 409", a.Status)
	}
	if a := post(1, url.Values{"besluit": {"aanvaarden"}, "reden": {"Uit de scan."}}); a.Status != http.StatusSeeOther || a.Loc != basis+"/77?klaar=ambtshalve" {
		t.Errorf("accept: %d %q", a.Status, a.Loc)
	}
	if a := post(1, url.Values{"besluit": {"afwijzen"}, "reden": {"Verhuisd."}}); a.Status != http.StatusSeeOther || a.Loc != basis+"?status=voorstel&klaar=afgewezen" {
		t.Errorf("decline: %d %q", a.Status, a.Loc)
	}
	// A beleidsmedewerker may not see or judge proposals (aanvragen.lezen / aanvragen.behandelen).
	beleid := o.SessieAls("beleidsmedewerker")
	if a := o.Doe("GET", basis+"/voorstellen/1", beleid, nil, nil); a.Status != http.StatusForbidden {
		t.Errorf("beleidsmedewerker: %d", a.Status)
	}
}

// FuzzVoorstelFormulieren sends arbitrary values to the proposals tab's filters, the decision form of a
// proposal and the intermediary's own list: the answer is a page, a form with errors or a clear refusal;
// never a 500.
//
//	go test -run '^$' -fuzz FuzzVoorstelFormulieren -fuzztime 10s ./internal/web/aanvraagweb
func FuzzVoorstelFormulieren(f *testing.F) {
	f.Add("Vilsteren", "nieuwste", "50", "individuele_inkomenstoeslag", "aanvaarden", "Uit de scan.", "1")
	f.Add("", "", "", "", "", "", "")
	f.Add("\x00", "oudste\n", "-1", "../x", "opnieuw", strings.Repeat("é", 1001), "99999999999999999999")
	db := storetest.OpenTest(f)
	o := webtest.NieuweOmgeving(f, db, webtest.Opties{})
	svc, err := aanvragen.New(aanvragen.Config{DB: db, Audit: o.Audit, Catalogus: webtest.Catalogus(f)})
	if err != nil {
		f.Fatal(err)
	}
	part, err := aanvraagweb.New(o.Kit, aanvraagweb.Deps{Aanvragen: svc, Voorstellen: &nepVoorstellen{}})
	if err != nil {
		f.Fatal(err)
	}
	o.Mount(part)
	cons, im := o.SessieAls("consulent"), o.SessieAls("intermediair")
	basis := "/beheer/" + gm
	doe := func(t *testing.T, method, pad, cookie string, form url.Values) int {
		req := httptest.NewRequestWithContext(t.Context(), method, pad, strings.NewReader(form.Encode()))
		if method == http.MethodPost {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		req.AddCookie(&http.Cookie{Name: auth.CookieNaam(false), Value: cookie})
		rec := httptest.NewRecorder()
		o.H.ServeHTTP(rec, req)
		return rec.Code
	}
	f.Fuzz(func(t *testing.T, woonplaats, volgorde, vanaf, regeling, besluit, reden, id string) {
		q := url.Values{"status": {"voorstel"}, "woonplaats": {woonplaats}, "volgorde": {volgorde}, "vanaf": {vanaf}, "regeling": {regeling}}
		for _, code := range []int{
			doe(t, "GET", basis+"/aanvragen?"+q.Encode(), cons, nil),
			doe(t, "GET", basis+"/aanvragen/voorstellen/"+url.PathEscape(id), cons, nil),
			doe(t, "POST", basis+"/aanvragen/voorstellen/"+url.PathEscape(id)+"/besluit", cons, url.Values{"besluit": {besluit}, "reden": {reden}}),
			doe(t, "GET", basis+"/mijn-aanvragen?"+url.Values{"vanaf": {vanaf}}.Encode(), im, nil),
			doe(t, "GET", basis+"/mijn-aanvragen/"+url.PathEscape(id), im, nil),
		} {
			if code >= 500 {
				t.Fatalf("status %d", code)
			}
		}
	})
}
