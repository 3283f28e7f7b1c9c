package partnerweb_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/web/partnerweb"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

const eigen, ander = webtest.Eigen, webtest.Ander

type omgeving struct {
	*webtest.Omgeving
	st *opslag.Service
}

func nieuweOmgeving(t *testing.T, db *store.DB) *omgeving {
	t.Helper()
	o := &omgeving{Omgeving: webtest.NieuweOmgeving(t, db, webtest.Opties{})}
	st, err := opslag.New(opslag.Config{DB: db, Audit: o.Audit})
	if err != nil {
		t.Fatal(err)
	}
	o.st = st
	ps := o.Partners.MetVerhuizers(partner.Verhuizer{Naam: "API-sleutels", Verhuizen: o.Auth.VerhuisSleutels},
		partner.Verhuizer{Naam: "signalen", Verhuizen: st.VerhuisSignalen})
	part, err := partnerweb.New(o.Kit, partnerweb.Deps{Partners: ps})
	if err != nil {
		t.Fatal(err)
	}
	o.Mount(part)
	return o
}

func bevat(t *testing.T, a webtest.Antwoord, wil ...string) {
	t.Helper()
	for _, w := range wil {
		if !strings.Contains(a.Body, w) {
			t.Errorf("page (status %d) lacks %q", a.Status, w)
		}
	}
}

// lever delivers one signal with reference ref for partner id in gemeente eigen.
func (o *omgeving) lever(t *testing.T, id, ref string) {
	t.Helper()
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	pop := synth.Populatie(5)
	sigs := synth.Signalen(pop, 1, "x", o.st.Vandaag(), 1)
	sigs[0].Referentie = ref
	res, err := o.st.Ontvang(ctx, opslag.Levering{Gemeente: eigen, PartnerID: id, Signalen: sigs}, signalen.Zoeker(synth.Index(pop)))
	if err != nil || res.Opgeslagen != 1 {
		t.Fatalf("delivery %s for %s: %+v %v", ref, id, res, err)
	}
}

func TestPartnerPaginas(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		c := o.SessieAls("beheerder")
		basis := "/beheer/" + eigen + "/partners"

		// A new partner: bad input named per field, then made.
		a := o.Doe("POST", basis+"/nieuw", c, url.Values{"naam": {""}, "kvk": {"123"}, "van": {"gisteren"}}, nil)
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("bad new partner: %d", a.Status)
		}
		bevat(t, a, "Vul de eerste dag", "Vul de naam van de organisatie in.", "Een KvK-nummer heeft 8 cijfers")
		a = o.Doe("POST", basis+"/nieuw", c, url.Values{"naam": {"Demo woningcorporatie"}, "kvk": {""}, "van": {"2025-01-01"}}, nil)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("new partner: %d %s", a.Status, a.Body)
		}
		eerste := strings.TrimPrefix(strings.TrimSuffix(a.Loc, "?klaar=nieuw"), basis+"/")
		if !partner.GeldigID(eerste) {
			t.Fatalf("redirect to %q", a.Loc)
		}
		// A second partner with the same name (as the migration makes for two keys that share one).
		tweede := o.Partner("Demo woningcorporatie", eigen)
		a = o.Doe("GET", basis, c, nil, nil)
		bevat(t, a, "Demo woningcorporatie", "Dezelfde naam als een andere partner")

		// Contact: every item with its source.
		a = o.Doe("POST", basis+"/"+eerste, c, url.Values{"naam": {"Demo woningcorporatie"}, "website": {"https://wonen.voorbeeld.example"},
			"telefoon": {"bel maar"}, "telefoonbron": {"x"}}, nil)
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("contact without source: %d", a.Status)
		}
		bevat(t, a, "Vul de bron in van de website", "Een telefoonnummer bestaat uit cijfers")
		a = o.Doe("POST", basis+"/"+eerste, c, url.Values{"naam": {"Demo woningcorporatie"}, "kvk": {"12345678"},
			"website": {"https://wonen.voorbeeld.example"}, "websitebron": {"eigen website, bekeken 2 maart 2026"},
			"straat": {"Voorbeeldstraat"}, "huisnummer": {"1"}, "postcode": {"9999zz"}, "plaats": {"Demodorp"}, "adresbron": {"KvK"}}, nil)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("contact: %d %s", a.Status, a.Body)
		}
		bevat(t, o.Doe("GET", basis+"/"+eerste, c, nil, nil), "https://wonen.voorbeeld.example", "9999 ZZ", "12345678")

		// Another gemeente's partner does not exist here; a partner of several gemeenten is read-only
		// for a beheerder of one.
		vreemd := o.Partner("Elders", ander)
		if a := o.Doe("GET", basis+"/"+vreemd, c, nil, nil); a.Status != http.StatusNotFound {
			t.Errorf("other gemeente's partner: %d, want 404", a.Status)
		}
		gedeeld := o.Partner("Regionaal", eigen, ander)
		bevat(t, o.Doe("GET", basis+"/"+gedeeld, c, nil, nil), "werkt ook voor "+ander)
		if a := o.Doe("POST", basis+"/"+gedeeld, c, url.Values{"naam": {"Gekaapt"}}, nil); a.Status != http.StatusForbidden {
			t.Errorf("editing a shared partner as a beheerder of one gemeente: %d, want 403", a.Status)
		}
		if a := o.Doe("POST", basis+"/"+eerste+"/samenvoegen", c, url.Values{"weg": {gedeeld}, "bevestig": {"ja"}}, nil); a.Status != http.StatusForbidden {
			t.Errorf("merging a shared partner as a beheerder of one gemeente: %d, want 403", a.Status)
		}
		if a := o.Doe("POST", basis+"/"+gedeeld, o.SessieAls("systeembeheerder"), url.Values{"naam": {"Regionaal"}, "kvk": {"87654321"}}, nil); a.Status != http.StatusSeeOther {
			t.Errorf("a system administrator edits a shared partner: %d", a.Status)
		}

		// Existing partner by KvK number: made a member of another gemeente by its beheerder.
		if err := o.Auth.ZetRol(t.Context(), o.IDs["beheerder"], ander, auth.Beheerder); err != nil {
			t.Fatal(err)
		}
		a = o.Doe("POST", "/beheer/"+ander+"/partners/lid", c, url.Values{"lidkvk": {"1234 5678"}, "lidvan": {"2026-01-01"}}, nil)
		if a.Status != http.StatusSeeOther || !strings.Contains(a.Loc, eerste) {
			t.Fatalf("member by KvK: %d %q %s", a.Status, a.Loc, a.Body)
		}
		a = o.Doe("POST", "/beheer/"+ander+"/partners/lid", c, url.Values{"lidkvk": {"11112222"}, "lidvan": {"2026-01-01"}}, nil)
		bevat(t, a, "Er is geen partner met dit KvK-nummer")

		// Merge: a reference both delivered in one gemeente stops it, with the reason; without it, keys
		// and signals move, the other is gone from the list, and the log has a row.
		o.lever(t, eerste, "R-1")
		o.lever(t, tweede, "R-1")
		o.lever(t, tweede, "R-2")
		_, k2, err := o.Auth.MaakSleutel(t.Context(), auth.NieuweSleutel{Naam: "koppeling 2", PartnerID: tweede, Gemeenten: []string{eigen},
			Permissies: []auth.Permissie{auth.SignalenAanleveren}})
		if err != nil {
			t.Fatal(err)
		}
		if a := o.Doe("POST", basis+"/"+eerste+"/samenvoegen", c, url.Values{"weg": {tweede}}, nil); a.Status != http.StatusUnprocessableEntity {
			t.Errorf("merge without confirmation: %d", a.Status)
		}
		a = o.Doe("POST", basis+"/"+eerste+"/samenvoegen", c, url.Values{"weg": {tweede}, "bevestig": {"ja"}}, nil)
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("merge with a shared reference: %d", a.Status)
		}
		bevat(t, a, "Samenvoegen kan niet", "R-1")
		if o2, _ := o.Partners.Haal(t.Context(), tweede); o2.SamengevoegdIn != "" {
			t.Fatal("a refused merge merged")
		}
		// A partner without a shared reference merges.
		derde := o.Partner("Demo woningcorporatie", eigen)
		o.lever(t, derde, "R-3")
		_, k3, err := o.Auth.MaakSleutel(t.Context(), auth.NieuweSleutel{Naam: "koppeling 3", PartnerID: derde, Gemeenten: []string{eigen},
			Permissies: []auth.Permissie{auth.SignalenAanleveren}})
		if err != nil {
			t.Fatal(err)
		}
		a = o.Doe("POST", basis+"/"+eerste+"/samenvoegen", c, url.Values{"weg": {derde}, "bevestig": {"ja"}}, nil)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("merge: %d %s", a.Status, a.Body)
		}
		ks, err := o.Auth.SleutelsVanPartner(t.Context(), eerste)
		if err != nil || len(ks) != 1 || ks[0].ID != k3.ID {
			t.Errorf("keys of the kept partner: %+v %v, want key 3", ks, err)
		}
		actx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		if _, err := o.st.Terugkoppeling(actx, eigen, eerste, "R-3"); err != nil {
			t.Errorf("signal R-3 did not move to the kept partner: %v", err)
		}
		if _, err := o.st.Terugkoppeling(actx, eigen, tweede, "R-2"); err != nil || k2.ID == 0 {
			t.Errorf("the refused merge moved R-2: %v", err)
		}
		a = o.Doe("GET", basis, c, nil, nil)
		if strings.Contains(a.Body, derde) {
			t.Error("the merged partner is still listed")
		}
		rs, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: eigen, Operatie: "partner.samenvoegen"})
		if err != nil || len(rs) != 1 || !strings.Contains(rs[0].Detail, derde) || !strings.Contains(rs[0].Detail, "1 signalen") {
			t.Errorf("audit of the merge: %+v %v", rs, err)
		}

		// Ending the membership: the keys' gemeente is gone the day after.
		a = o.Doe("POST", basis+"/"+eerste+"/lidmaatschap", c, url.Values{"van": {"2026-01-01"}, "tot": {"2025-12-31"}}, nil)
		bevat(t, a, "De einddatum ligt voor de begindatum")
		a = o.Doe("POST", basis+"/"+eerste+"/lidmaatschap", c, url.Values{"van": {"2025-01-01"}, "tot": {"2025-12-31"}}, nil)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("end membership: %d", a.Status)
		}
		bevat(t, o.Doe("GET", basis, c, nil, nil), "beëindigd")
	})
}
