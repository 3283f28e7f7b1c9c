package apiv1_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/zeker-platform/zeker/internal/apiv1"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

var nu = time.Date(2026, time.March, 2, 9, 0, 0, 0, time.UTC)

type omgeving struct {
	zoeker              signalen.Zoeker // replaces the small test register when set
	srv                 *httptest.Server
	ommen, borne, beide string // tokens
	alleenAanleveren    string
	auth                *auth.Service
	partners            *partner.Service
	partnerVan          map[string]string // organisation name → partner id
}

// sleutel makes a key of the partner named org (made on first use, a member of all four gemeenten since
// last year) for gemeenten.
func (o *omgeving) sleutel(t testing.TB, org string, gemeenten []string, perms ...auth.Permissie) string {
	t.Helper()
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "Beheerder test"})
	id, ok := o.partnerVan[org]
	if !ok {
		p, err := o.partners.Maak(ctx, partner.Nieuw{Naam: org, Gemeente: "GM1681", Van: o.partners.Vandaag().AddDate(-1, 0, 0)})
		if err != nil {
			t.Fatal(err)
		}
		for _, gm := range []string{"GM1969", "GM0175", "GM0147"} {
			if err := o.partners.MaakLid(ctx, p.ID, gm, o.partners.Vandaag().AddDate(-1, 0, 0), time.Time{}, 0); err != nil {
				t.Fatal(err)
			}
		}
		id = p.ID
		o.partnerVan[org] = id
	}
	tok, _, err := o.auth.MaakSleutel(ctx, auth.NieuweSleutel{Naam: org + " API", PartnerID: id, Gemeenten: gemeenten, Permissies: perms})
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func opzet(t testing.TB, db *store.DB) *omgeving {
	ctx := t.Context()
	klok := func() time.Time { return nu }
	if _, err := tenant.ZaaiStandaard(ctx, db, nu); err != nil {
		t.Fatal(err)
	}
	as := auth.New(db, auth.Config{Klok: klok})
	log, err := audit.New(db, []byte("apiv1-test-sleutel-van-minstens-32-bytes!!"), klok)
	if err != nil {
		t.Fatal(err)
	}
	st, err := opslag.New(opslag.Config{DB: db, Audit: log, Klok: klok})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := partner.New(partner.Config{DB: db, Audit: log, Klok: klok})
	if err != nil {
		t.Fatal(err)
	}
	pop := synth.Populatie(20)
	o := &omgeving{zoeker: synth.Index(pop), auth: as, partners: ps, partnerVan: map[string]string{}}
	sleutel := func(org string, gemeenten []string, perms ...auth.Permissie) string {
		return o.sleutel(t, org, gemeenten, perms...)
	}
	kit, err := web.New(web.Config{}, web.Deps{})
	if err != nil {
		t.Fatal(err)
	}
	h, err := kit.Handler(apiv1.Routes(apiv1.Deps{Auth: as, Signalen: st, Log: slog.New(slog.DiscardHandler),
		Zoeker: func(_ context.Context, gemeente string) (signalen.Zoeker, error) { return o.zoeker, nil }}))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	beide := []auth.Permissie{auth.SignalenAanleveren, auth.SignalenTerugmelden}
	o.srv = srv
	o.ommen = sleutel("Woonco", []string{"GM0175"}, beide...)
	o.borne = sleutel("Energieco", []string{"GM0147"}, beide...)
	o.beide = sleutel("Waterco", []string{"GM0175", "GM0147"}, beide...)
	o.alleenAanleveren = sleutel("Zorgco", []string{"GM0175"}, auth.SignalenAanleveren)
	return o
}

func (o *omgeving) doe(t *testing.T, method, pad, token, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, o.srv.URL+pad, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	p, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(p, &m); err != nil {
		t.Fatalf("%s %s: body is not JSON: %q", method, pad, p)
	}
	controleerSleutels(t, method+" "+pad, m)
	return resp.StatusCode, m
}

// controleerSleutels fails on a key of a recorded API response that is neither lower snake_case nor in
// the published /api/v1 contract (contractV1): every response of these tests is walked, beside the
// OpenAPI document that TestAPISleutels walks.
func controleerSleutels(t *testing.T, waar string, v any) {
	t.Helper()
	switch x := v.(type) {
	case map[string]any:
		for k, w := range x {
			if !apiv1.SnakeCase.MatchString(k) && !slices.Contains(apiv1.ContractV1Sleutels, k) {
				t.Errorf("%s: response key %q is neither lower snake_case nor in contractV1", waar, k)
			}
			controleerSleutels(t, waar, w)
		}
	case []any:
		for _, w := range x {
			controleerSleutels(t, waar, w)
		}
	}
}

const goed = `{"referentie":"%s","partnertype":"Huur","bedrag":"450.00","ontstaansdatum":"2026-01-05","signaaldatum":"2026-02-20",
	"inwoner":{"bsn":"%s","adres":{"postcode":"9 101aa","huisnummer":1}}}`

func TestSignalenAPI(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := opzet(t, db)
		bsn := synth.BSNs()[0]
		levering := `{"gemeente":"GM0175","signalen":[` + fmt.Sprintf(goed, "R1", bsn) + `,` +
			fmt.Sprintf(goed, "R2", "999990018") + `,` + // 11-proef fails
			`{"referentie":"R3","bedrag":{"euro":1}},` + // unreadable
			fmt.Sprintf(goed, "R4", "") + `,` + fmt.Sprintf(goed, "H/2026 7", "") + `]}`

		for _, tc := range []struct {
			naam, token, body string
			want              int
		}{
			{"geen sleutel", "", levering, 401},
			{"onbekende sleutel", "zk_onzin", levering, 401},
			{"andere gemeente", o.borne, levering, 403},
			{"geen json", o.ommen, `{"gemeente":`, 400},
			{"geen gemeente", o.ommen, `{"signalen":[]}`, 400},
			{"onbekend veld bovenaan", o.ommen, `{"gemeente":"GM0175","signalen":[],"x":1}`, 400},
		} {
			if got, m := o.doe(t, "POST", "/api/v1/signalen", tc.token, tc.body); got != tc.want {
				t.Errorf("%s: status %d, want %d (%v)", tc.naam, got, tc.want, m)
			}
		}

		got, m := o.doe(t, "POST", "/api/v1/signalen", o.ommen, levering)
		if got != 200 || m["opgeslagen"] != 3.0 || m["afgewezen"] != 2.0 || m["aantal"] != 5.0 {
			t.Fatalf("levering: %d %v", got, m)
		}
		fouten := m["fouten"].([]any)
		var idx []float64
		for _, f := range fouten {
			idx = append(idx, f.(map[string]any)["index"].(float64))
		}
		idx = slices.Compact(idx) // one signal can have several problems
		if !slices.Equal(idx, []float64{1, 2}) || fouten[0].(map[string]any)["veld"] != "inwoner.bsn" {
			t.Errorf("fouten = %v", fouten)
		}
		if strings.Contains(fmt.Sprint(m), "999990018") {
			t.Error("response echoes a BSN")
		}
		// Re-delivery: idempotent.
		if got, m = o.doe(t, "POST", "/api/v1/signalen", o.ommen, levering); got != 200 || m["opgeslagen"] != 0.0 || m["alOntvangen"] != 3.0 {
			t.Errorf("herlevering: %d %v", got, m)
		}
		// Everything refused: 422, nothing stored.
		if got, m = o.doe(t, "POST", "/api/v1/signalen", o.ommen, `{"gemeente":"GM0175","signalen":[`+fmt.Sprintf(goed, "R9", "123")+`]}`); got != 422 || m["opgeslagen"] != 0.0 {
			t.Errorf("alles afgewezen: %d %v", got, m)
		}

		// Feedback.
		for _, tc := range []struct {
			naam, token, pad string
			want             int
			terug            string
		}{
			{"eigen signaal", o.ommen, "/api/v1/signalen/R1", 200, "nog niet opgepakt"},
			// Same partner and household as R4, same day: a repeat, closed by rule; the partner sees only "niet opgepakt".
			{"kenmerk met schuine streep en spatie", o.ommen, "/api/v1/signalen/" + url.PathEscape("H/2026 7"), 200, "niet opgepakt"},
			{"onbekend", o.ommen, "/api/v1/signalen/R404", 404, ""},
			{"afgewezen signaal bestaat niet", o.ommen, "/api/v1/signalen/R2", 404, ""},
			{"andere partner", o.beide, "/api/v1/signalen/R1?gemeente=GM0175", 404, ""},
			{"meer gemeenten zonder keuze", o.beide, "/api/v1/signalen/R1", 400, ""},
			{"andere gemeente", o.borne, "/api/v1/signalen/R1?gemeente=GM0175", 403, ""},
			{"geen terugmeldrecht", o.alleenAanleveren, "/api/v1/signalen/R1", 403, ""},
		} {
			got, m := o.doe(t, "GET", tc.pad, tc.token, "")
			if got != tc.want || (tc.terug != "" && m["terugkoppeling"] != tc.terug) {
				t.Errorf("%s: %d %v", tc.naam, got, m)
			}
		}
	})
}

func TestTeGroot(t *testing.T) {
	o := opzet(t, storetest.OpenTest(t))
	var b bytes.Buffer
	b.WriteString(`{"gemeente":"GM0175","signalen":[`)
	for i := 0; i <= signalen.MaxBatch; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{}`)
	}
	b.WriteString(`]}`)
	if got, m := o.doe(t, "POST", "/api/v1/signalen", o.ommen, b.String()); got != http.StatusRequestEntityTooLarge {
		t.Errorf("50,001 signals: %d %v", got, m)
	}
}

func TestOpenAPI(t *testing.T) {
	o := opzet(t, storetest.OpenTest(t))
	resp, err := http.Get(o.srv.URL + "/api/v1/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	p, _ := io.ReadAll(resp.Body)
	var doc struct {
		OpenAPI string                    `yaml:"openapi"`
		Paths   map[string]map[string]any `yaml:"paths"`
		Comp    struct {
			Schemas map[string]struct {
				Enum []string `yaml:"enum"`
			} `yaml:"schemas"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(p, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" || doc.Paths["/api/v1/signalen"]["post"] == nil || doc.Paths["/api/v1/signalen/{referentie}"]["get"] == nil {
		t.Errorf("openapi %q, paths %v", doc.OpenAPI, doc.Paths)
	}
	var want []string
	for _, pt := range signalen.PartnerTypes() {
		want = append(want, string(pt))
	}
	if got := doc.Comp.Schemas["Signaalpartner"].Enum; !slices.Equal(got, want) {
		t.Errorf("Signaalpartner enum %v, want %v", got, want)
	}
}
