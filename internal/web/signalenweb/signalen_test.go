package signalenweb

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// The vroegsignalering page tests run the real server (templates, middleware, the staff guard, sessions)
// on a real database with the real store; the store's clock is fixed on Monday 2 March 2026.

var sigNu = time.Date(2026, time.March, 2, 9, 0, 0, 0, time.UTC)

const (
	sigGM     = "GM0175" // Ommen
	sigAnder  = "GM0147" // Borne
	sigWachtw = "een-lang-wachtwoord-voor-de-test"
)

type antwoord = webtest.Antwoord

type sigOmgeving struct {
	T      testing.TB
	pid    map[string]string // partner name → id: Woonco and Energieco are members of sigGM, Andersco of sigAnder
	DB     *store.DB
	st     *opslag.Service
	Audit  *audit.Log
	H      http.Handler
	x      *signalen.Index
	mu     sync.Mutex
	nu     time.Time
	ip     int
	cookie map[string]string // "consulent", "consulent-ander", "beheerder", "beleidsmedewerker" → session
	naam   map[string]string
	id     map[string]int64
}

func nieuweSigOmgeving(t testing.TB, db *store.DB) *sigOmgeving {
	t.Helper()
	ctx := context.Background()
	o := &sigOmgeving{T: t, DB: db, nu: sigNu, cookie: map[string]string{}, naam: map[string]string{}, id: map[string]int64{}}
	klok := func() time.Time { o.mu.Lock(); defer o.mu.Unlock(); return o.nu }
	if _, err := tenant.ZaaiStandaard(ctx, db, sigNu); err != nil {
		t.Fatal(err)
	}
	as := auth.New(db, auth.Config{Hash: auth.HashParams{Geheugen: 1024, Passes: 1, Lanes: 1}})
	al, err := audit.New(db, []byte("web-test-sleutel-van-minstens-32-bytes!!"), klok)
	if err != nil {
		t.Fatal(err)
	}
	st, err := opslag.New(opslag.Config{DB: db, Audit: al, Klok: klok})
	if err != nil {
		t.Fatal(err)
	}
	o.st, o.Audit, o.x = st, al, sigIndex()
	kit, err := web.New(web.Config{}, web.Deps{Nu: func() time.Time { return webtest.Nu }, Auth: as, Audit: al, Gemeenten: tenant.NewService(db)})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := partner.New(partner.Config{DB: db, Audit: al, Klok: klok})
	if err != nil {
		t.Fatal(err)
	}
	o.pid = map[string]string{}
	pctx := audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	for naam, gm := range map[string]string{"Woonco": sigGM, "Energieco": sigGM, "Andersco": sigAnder} {
		p, err := ps.Maak(pctx, partner.Nieuw{Naam: naam, Gemeente: gm, Van: partner.Vandaag(sigNu).AddDate(-1, 0, 0)})
		if err != nil {
			t.Fatal(err)
		}
		o.pid[naam] = p.ID
	}
	part, err := New(kit, Deps{Signalen: st, Partners: ps, Zoeker: func(context.Context, string) (signalen.Zoeker, error) { return o.x, nil }})
	if err != nil {
		t.Fatal(err)
	}
	o.H = webtest.Handler(t, kit, part)
	for _, u := range []struct {
		wie, gm string
		rol     auth.Rol
	}{
		{"consulent", sigGM, auth.Consulent}, {"consulent-ander", sigAnder, auth.Consulent},
		{"beheerder", sigGM, auth.Beheerder}, {"beleidsmedewerker", sigGM, auth.Beleidsmedewerker},
	} {
		g, err := as.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: u.wie + "@test.zeker.test", Naam: "Test " + u.wie, Wachtwoord: sigWachtw})
		if err != nil {
			t.Fatal(err)
		}
		if err := as.ZetRol(ctx, g.ID, u.gm, u.rol); err != nil {
			t.Fatal(err)
		}
		tok, _, _, err := as.Login(ctx, auth.Inloggen{Email: g.Email, Wachtwoord: sigWachtw, IP: "192.0.2.1"})
		if err != nil {
			t.Fatal(err)
		}
		o.cookie[u.wie], o.naam[u.wie], o.id[u.wie] = tok, g.Naam, g.ID
	}
	return o
}

// sigIndex is the resident register of the tests: ten residents with synthetic BSNs at 8011AA 1-10.
func sigIndex() *signalen.Index {
	x := signalen.NieuweIndex()
	bsns := synth.BSNs()
	for i := 0; i < 10; i++ {
		x.VoegToe(bsns[i], signalen.Match{InwonerID: fmt.Sprint("I", i), HuishoudenID: fmt.Sprint("H", i),
			Wijk: []string{"Centrum", "Vilsteren"}[i%2], MinderjarigeKinderen: []int{0, 2}[i%2],
			Geboortedatum: datum.Nieuw(1950+i*6, 6, 1),
			Adres:         signalen.Adres{Postcode: "8011AA", Huisnummer: i + 1, Woonplaats: "Ommen"}})
	}
	return x
}

func sigSignaal(ref string, pt signalen.PartnerType, euro int64, bewoner int) signalen.Signaal {
	return signalen.Signaal{Referentie: ref, PartnerType: pt, Bedrag: geld.Euro(euro),
		Ontstaansdatum: datum.Nieuw(2026, 1, 10), Signaaldatum: datum.Nieuw(2026, 2, 25),
		Inwoner: signalen.Inwoner{BSN: synth.BSNs()[bewoner], Voorletters: "T.", Achternaam: fmt.Sprintf("Testpersoon%d", bewoner),
			Telefoon: "0600000000", Adres: signalen.Adres{Postcode: "8011AA", Huisnummer: bewoner + 1, Woonplaats: "Ommen"}}}
}

// lever stores signals for gm as partner, with a system actor.
func (o *sigOmgeving) lever(gm, partner string, sigs ...signalen.Signaal) opslag.Ontvangst {
	o.T.Helper()
	ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	res, err := o.st.Ontvang(ctx, opslag.Levering{Gemeente: gm, PartnerID: partner, Signalen: sigs}, o.x)
	if err != nil {
		o.T.Fatal(err)
	}
	if res.Afgewezen > 0 {
		o.T.Fatalf("levering afgewezen: %+v", res.Fouten)
	}
	return res
}

// zaken returns the IDs of gm's zaken in worklist order (all statuses).
func (o *sigOmgeving) zaken(gm string) []int64 {
	o.T.Helper()
	ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "test"})
	zs, _, err := o.st.Werklijst(ctx, gm, opslag.Filter{Status: opslag.StatusAlle, Limiet: 500})
	if err != nil {
		o.T.Fatal(err)
	}
	var out []int64
	for _, z := range zs {
		out = append(out, z.ID)
	}
	return out
}

func (o *sigOmgeving) doe(method, pad, wie string, body io.Reader, ctype string) antwoord {
	o.T.Helper()
	req := httptest.NewRequest(method, pad, body)
	o.ip++
	req.RemoteAddr = "192.0.2." + strconv.Itoa(o.ip%250+1) + ":4000"
	if c := o.cookie[wie]; c != "" {
		req.AddCookie(&http.Cookie{Name: auth.CookieNaam(false), Value: c})
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	rec := httptest.NewRecorder()
	o.H.ServeHTTP(rec, req)
	return antwoord{Status: rec.Code, Body: rec.Body.String(), Loc: rec.Header().Get("Location"), Hdr: rec.Header()}
}

func (o *sigOmgeving) get(pad, wie string) antwoord { return o.doe("GET", pad, wie, nil, "") }

func (o *sigOmgeving) post(pad, wie string, form url.Values) antwoord {
	return o.doe("POST", pad, wie, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded")
}

func (o *sigOmgeving) upload(pad, wie string, velden map[string]string, bestand string) antwoord {
	o.T.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range velden {
		mw.WriteField(k, v)
	}
	if bestand != "" {
		fw, err := mw.CreateFormFile("bestand", "signalen.csv")
		if err != nil {
			o.T.Fatal(err)
		}
		fw.Write([]byte(bestand))
	}
	mw.Close()
	return o.doe("POST", pad, wie, &buf, mw.FormDataContentType())
}

// gelogd reports whether the processing log of sigGM has a row of activity signalen.ontvangen (with
// operation operatie, if given) by user wie.
func (o *sigOmgeving) gelogd(t testing.TB, operatie, wie string) bool {
	t.Helper()
	rijen, err := o.Audit.Zoek(context.Background(), audit.Filter{Gemeente: sigGM, Limiet: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rijen {
		if r.Verwerkingsactiviteit == "signalen.ontvangen" && (operatie == "" || r.Operatie == operatie) &&
			r.Actor.Soort == audit.ActorGebruiker && r.Actor.ID == strconv.FormatInt(o.id[wie], 10) {
			return true
		}
	}
	return false
}

func heeft(t testing.TB, a antwoord, wil ...string) {
	t.Helper()
	for _, w := range wil {
		if !strings.Contains(a.Body, w) {
			t.Errorf("page (status %d) lacks %q", a.Status, w)
		}
	}
}

func heeftNiet(t testing.TB, a antwoord, nee ...string) {
	t.Helper()
	for _, w := range nee {
		if strings.Contains(a.Body, w) {
			t.Errorf("page (status %d) shows %q", a.Status, w)
		}
	}
}

var zaakLink = regexp.MustCompile(`href="/beheer/GM\d{4}/signalen/(\d+)(?:\?[^"]*)?">Zaak`)

// zaakIDs returns the zaak ids linked from a worklist page, in page order.
func zaakIDs(body string) []int64 {
	var out []int64
	for _, m := range zaakLink.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.ParseInt(m[1], 10, 64)
		out = append(out, n)
	}
	return out
}

func TestSignalenWerklijst(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		crisis := sigSignaal("C1", signalen.PartnerEnergie, 50, 4)
		crisis.Crisis, crisis.CrisisSoort = true, signalen.CrisisAfsluitingEnergie
		o.lever(sigGM, "woonco",
			sigSignaal("R0", signalen.PartnerHuur, 900, 0),  // enkelvoudig, no children, €900
			sigSignaal("R1", signalen.PartnerHuur, 100, 1),  // children (odd residents)
			sigSignaal("R2a", signalen.PartnerHuur, 200, 2), // meervoudig
			crisis, // crisis first
			sigSignaal("R6", signalen.PartnerWater, 1500, 6), // highest amount, no children
		)
		o.lever(sigGM, "zorgverzekeraar", sigSignaal("R2b", signalen.PartnerZorg, 300, 2))
		ids := o.zaken(sigGM)
		if len(ids) != 5 {
			t.Fatalf("%d zaken, want 5", len(ids))
		}
		a := o.get("/beheer/"+sigGM+"/signalen", "consulent")
		if a.Status != http.StatusOK {
			t.Fatalf("status %d: %s", a.Status, a.Body)
		}
		got := zaakIDs(a.Body)
		if fmt.Sprint(got) != fmt.Sprint(ids) {
			t.Errorf("page order %v, store priority order %v", got, ids)
		}
		// Crisis first with its deadline: received Monday 2 March, 3 working days → Thursday 5 March.
		heeft(t, a, "Crisis</strong><br>Eerste gesprek uiterlijk do 5 mrt 2026", "Nog 3 werkdagen", "(meervoudig)",
			"Zaak 1 tot en met 5 van 5.", "2 minderjarige kinderen", "Pagina 1 van 1")
		// The list shows no personal data.
		heeftNiet(t, a, "Testpersoon", synth.BSNs()[0])

		for _, tc := range []struct {
			naam, query string
			want        int
			tekst       string
		}{
			{"partnertype", "partnertype=Zorg", 1, ""},
			{"crisis", "crisis=1", 1, "Crisis</strong>"},
			{"wijk", "wijk=Vilsteren", 1, ""},
			{"wijk centrum", "wijk=Centrum", 4, ""},
			{"leeftijd", "leeftijd=67plus", 2, ""}, // born 1950 and 1956
			{"gesloten", "status=gesloten", 0, "Er zijn geen zaken die bij dit filter passen."},
			{"onzin status", "status=%3Cscript%3E", 5, "Kies open, afgesloten of alle zaken."},
			{"onzin partnertype", "partnertype=Bank", 5, "Kies een soort signaalpartner uit de lijst."},
		} {
			t.Run(tc.naam, func(t *testing.T) {
				a := o.get("/beheer/"+sigGM+"/signalen?"+tc.query, "consulent")
				if a.Status != http.StatusOK {
					t.Fatalf("status %d", a.Status)
				}
				if n := len(zaakIDs(a.Body)); n != tc.want {
					t.Errorf("%s: %d zaken, want %d", tc.query, n, tc.want)
				}
				if tc.tekst != "" {
					heeft(t, a, tc.tekst)
				}
				heeftNiet(t, a, "<script>")
			})
		}
		// Another gemeente's worklist is empty for its own consulent, and refused for ours.
		if a := o.get("/beheer/"+sigAnder+"/signalen", "consulent-ander"); a.Status != 200 || len(zaakIDs(a.Body)) != 0 {
			t.Errorf("GM0147 worklist: status %d, %d zaken", a.Status, len(zaakIDs(a.Body)))
		}
		if a := o.get("/beheer/"+sigAnder+"/signalen", "consulent"); a.Status != http.StatusForbidden {
			t.Errorf("consulent of GM0175 on GM0147's worklist: status %d, want 403", a.Status)
		}
		if a := o.get("/beheer/"+sigGM+"/signalen", "beleidsmedewerker"); a.Status != http.StatusForbidden {
			t.Errorf("beleidsmedewerker on the worklist: status %d, want 403", a.Status)
		}
		if a := o.get("/beheer/"+sigGM+"/signalen", ""); a.Status != http.StatusSeeOther || !strings.HasPrefix(a.Loc, "/login") {
			t.Errorf("anonymous: status %d → %q, want a redirect to /login", a.Status, a.Loc)
		}
	})
}

func TestSignalenWerklijstPaging(t *testing.T) {
	db := storetest.Open(t, storetest.Dialects(t)[0])
	o := nieuweSigOmgeving(t, db)
	pop := synth.Populatie(200)
	o.x = synth.Index(pop)
	ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "test"})
	if _, err := o.st.Ontvang(ctx, opslag.Levering{Gemeente: sigGM, PartnerID: "p",
		Signalen: synth.Signalen(pop, 300, "pg", datum.Nieuw(2026, 3, 2), 7)}, o.x); err != nil {
		t.Fatal(err)
	}
	ids := o.zaken(sigGM)
	if len(ids) < 60 {
		t.Fatalf("only %d zaken", len(ids))
	}
	basis := "/beheer/" + sigGM + "/signalen"
	a := o.get(basis+"?per=25", "consulent")
	if got := zaakIDs(a.Body); fmt.Sprint(got) != fmt.Sprint(ids[:25]) {
		t.Errorf("page 1 = %v, want %v", got, ids[:25])
	}
	paginas := (len(ids) + 24) / 25
	heeft(t, a, fmt.Sprintf("Pagina 1 van %d", paginas), `href="/beheer/GM0175/signalen?per=25&amp;vanaf=25" rel="next"`)
	heeftNiet(t, a, "Vorige pagina")
	a = o.get(basis+"?per=25&vanaf=25", "consulent")
	if got := zaakIDs(a.Body); fmt.Sprint(got) != fmt.Sprint(ids[25:50]) {
		t.Errorf("page 2 = %v, want %v", got, ids[25:50])
	}
	heeft(t, a, "Pagina 2 van", ">26</td>", `href="/beheer/GM0175/signalen?per=25" rel="prev"`)
	// Every zaak is reachable by paging: the last page ends at the last zaak.
	laatste := (paginas - 1) * 25
	a = o.get(basis+"?per=25&vanaf="+strconv.Itoa(laatste), "consulent")
	if got := zaakIDs(a.Body); len(got) == 0 || got[len(got)-1] != ids[len(ids)-1] {
		t.Errorf("last page ends with %v, want %d", got, ids[len(ids)-1])
	}
	heeftNiet(t, a, "Volgende pagina")
	// Beyond the end: an empty page that says so.
	a = o.get(basis+"?vanaf=100000", "consulent")
	heeft(t, a, "Deze pagina is leeg")
	// Filters survive paging.
	a = o.get(basis+"?per=25&partnertype=Huur&status=alle", "consulent")
	if strings.Contains(a.Body, "Volgende pagina") {
		heeft(t, a, "partnertype=Huur", "status=alle")
	}
}

func TestSignalenZaak(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		o.lever(sigGM, "woonco", sigSignaal("R2a", signalen.PartnerHuur, 200, 2))
		o.lever(sigGM, "zorgverzekeraar", sigSignaal("R2b", signalen.PartnerZorg, 300, 2))
		o.lever(sigAnder, "woonco", sigSignaal("B1", signalen.PartnerHuur, 400, 3))
		id := o.zaken(sigGM)[0]
		idAnder := o.zaken(sigAnder)[0]
		pad := zaakURL(sigGM, id)

		a := o.get(pad, "consulent")
		if a.Status != http.StatusOK {
			t.Fatalf("status %d: %s", a.Status, a.Body)
		}
		heeft(t, a, "Vroegsignaalzaak "+strconv.FormatInt(id, 10), "T. Testpersoon2", synth.BSNs()[2], "R2a", "R2b", "€ 500,00",
			"Nog niet opgepakt", "Zaak oppakken", "Er zijn nog geen contactpogingen.", "(meervoudig)")
		// Opening the zaak is in the processing log, with the case worker as actor, without the BSN.
		rijen, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: sigGM, Limiet: 100})
		if err != nil {
			t.Fatal(err)
		}
		gelogd := false
		for _, r := range rijen {
			if r.Operatie == "vroegsignaalzaak.bekijken" && r.Actor.Soort == audit.ActorGebruiker &&
				r.Actor.ID == strconv.FormatInt(o.id["consulent"], 10) && r.Object == "vroegsignaalzaak/"+strconv.FormatInt(id, 10) {
				gelogd = true
			}
			if strings.Contains(fmt.Sprintf("%+v", r), synth.BSNs()[2]) {
				t.Errorf("audit row holds a BSN: %+v", r)
			}
		}
		if !gelogd {
			t.Errorf("no audit row for opening zaak %d by the consulent: %+v", id, rijen)
		}

		// Tenant isolation: the consulent of GM0175 gets 403 on GM0147's URL, and GM0147's zaak under
		// GM0175's URL is 404; neither shows data.
		for _, tc := range []struct {
			pad, wie string
			status   int
		}{
			{zaakURL(sigAnder, idAnder), "consulent", http.StatusForbidden},
			{zaakURL(sigGM, idAnder), "consulent", http.StatusNotFound},
			{zaakURL(sigAnder, id), "consulent-ander", http.StatusNotFound},
			{zaakURL(sigGM, id), "consulent-ander", http.StatusForbidden},
			{zaakURL(sigGM, id), "beheerder", http.StatusForbidden},
			{"/beheer/" + sigGM + "/signalen/abc", "consulent", http.StatusNotFound},
		} {
			a := o.get(tc.pad, tc.wie)
			if a.Status != tc.status {
				t.Errorf("GET %s as %s: status %d, want %d", tc.pad, tc.wie, a.Status, tc.status)
			}
			heeftNiet(t, a, "Testpersoon", synth.BSNs()[2], synth.BSNs()[3], "R2a", "B1")
			a = o.post(tc.pad+"/afsluiten", tc.wie, url.Values{"resultaat": {string(signalen.ResultaatGeenContact)}})
			if a.Status != tc.status {
				t.Errorf("POST %s/afsluiten as %s: status %d, want %d", tc.pad, tc.wie, a.Status, tc.status)
			}
		}
		if len(o.zaken(sigAnder)) != 1 {
			t.Fatal("zaak of GM0147 changed")
		}

		// Closing without an outcome: refused at the field, the zaak stays open.
		a = o.post(pad+"/afsluiten", "consulent", url.Values{"resultaat": {""}})
		if a.Status != http.StatusUnprocessableEntity {
			t.Errorf("close without outcome: status %d, want 422", a.Status)
		}
		heeft(t, a, "Er is iets niet goed ingevuld", `href="#resultaat"`, "Kies een resultaat. Zonder resultaat kun je de zaak niet afsluiten.",
			`id="resultaat-fout"`, `aria-invalid="true"`, "<title>Fout:")
		a = o.post(pad+"/afsluiten", "consulent", url.Values{"resultaat": {"Alles goed"}})
		if a.Status != http.StatusUnprocessableEntity {
			t.Errorf("close with unknown outcome: status %d", a.Status)
		}
		heeft(t, a, "Kies een resultaat uit de lijst.")

		// Contact attempt: every field checked at its field.
		a = o.post(pad+"/contact", "consulent", url.Values{"datum": {"gisteren"}})
		if a.Status != http.StatusUnprocessableEntity {
			t.Errorf("empty contact: status %d", a.Status)
		}
		heeft(t, a, "Kies hoe je contact hebt gezocht.", "Kies of je de inwoner hebt bereikt.", "Schrijf de datum als JJJJ-MM-DD", `value="gisteren"`)
		a = o.post(pad+"/contact", "consulent", url.Values{"soort": {"Telefoon"}, "bereikt": {"nee"}, "datum": {"2026-03-09"}, "dagdeel": {"Ochtend"}})
		heeft(t, a, "De datum ligt in de toekomst.")
		a = o.post(pad+"/contact", "consulent", url.Values{"soort": {"Telefoon"}, "bereikt": {"ja"}, "datum": {"2026-03-02"},
			"dagdeel": {"Middag"}, "toelichting": {"Teruggebeld <b>na</b> voicemail"}})
		if a.Status != http.StatusSeeOther || a.Loc != pad+"?klaar=contact" {
			t.Fatalf("contact: status %d → %q: %s", a.Status, a.Loc, a.Body)
		}
		a = o.get(a.Loc, "consulent")
		heeft(t, a, "De contactpoging is opgeslagen.", "Opgepakt op ma 2 mrt 2026", "Teruggebeld &lt;b&gt;na&lt;/b&gt; voicemail", ">Middag<", ">Telefoon<")
		heeftNiet(t, a, "Zaak oppakken")

		a = o.post(pad+"/notitie", "consulent", url.Values{"notitie": {"  "}})
		heeft(t, a, "Schrijf eerst een notitie.")
		if a = o.post(pad+"/notitie", "consulent", url.Values{"notitie": {"Afspraak gemaakt"}}); a.Status != http.StatusSeeOther {
			t.Fatalf("notitie: %d", a.Status)
		}
		heeft(t, o.get(pad, "consulent"), "Afspraak gemaakt", "Test consulent")

		a = o.post(pad+"/afsluiten", "consulent", url.Values{"resultaat": {string(signalen.ResultaatBudgetadvies)}})
		if a.Status != http.StatusSeeOther {
			t.Fatalf("close: %d %s", a.Status, a.Body)
		}
		a = o.get(pad, "consulent")
		heeft(t, a, "Afgesloten op ma 2 mrt 2026", "(Budget)advies en/of quick fix")
		heeftNiet(t, a, "Zaak afsluiten</button>", "Contactpoging opslaan")
		a = o.post(pad+"/afsluiten", "consulent", url.Values{"resultaat": {string(signalen.ResultaatGeenContact)}})
		if a.Status != http.StatusConflict {
			t.Errorf("close twice: status %d, want 409", a.Status)
		}
		heeft(t, a, "Deze zaak is al afgesloten.")
		a = o.post(pad+"/oppakken", "consulent", nil)
		if a.Status != http.StatusConflict {
			t.Errorf("pick up a closed zaak: status %d, want 409", a.Status)
		}
	})
}

func TestSignalenOppakken(t *testing.T) {
	db := storetest.Open(t, storetest.Dialects(t)[0])
	o := nieuweSigOmgeving(t, db)
	crisis := sigSignaal("C1", signalen.PartnerHuur, 50, 1)
	crisis.Crisis, crisis.CrisisSoort = true, signalen.CrisisOntruiming
	o.lever(sigGM, "woonco", crisis)
	id := o.zaken(sigGM)[0]
	pad := zaakURL(sigGM, id)
	heeft(t, o.get(pad, "consulent"), "Eerste gesprek uiterlijk op do 5 mrt 2026", "Nog 3 werkdagen.", "dreigende woningontruiming")
	o.mu.Lock()
	o.nu = time.Date(2026, time.March, 6, 9, 0, 0, 0, time.UTC)
	o.mu.Unlock()
	heeft(t, o.get(pad, "consulent"), "Termijn verlopen")
	heeft(t, o.get("/beheer/"+sigGM+"/signalen", "consulent"), "Termijn verlopen", "4 dagen geleden")
	if a := o.post(pad+"/oppakken", "consulent", url.Values{}); a.Status != http.StatusSeeOther {
		t.Fatalf("oppakken: %d", a.Status)
	}
	a := o.get(pad+"?klaar=opgepakt", "consulent")
	heeft(t, a, "De zaak is opgepakt.", "Opgepakt op vr 6 mrt 2026", "Behandelaar</dt><dd class=\"utrecht-data-list__item-value\">Test consulent")
	a = o.get("/beheer/"+sigGM+"/signalen?mijn=1", "consulent")
	if len(zaakIDs(a.Body)) != 1 {
		t.Errorf("mijn zaken: %v", zaakIDs(a.Body))
	}
}

func TestSignalenBestand(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		pad := "/beheer/" + sigGM + "/signalen/bestand"
		bsn := synth.BSNs()
		a := o.get(pad, "consulent")
		heeft(t, a, "Signalen uit een bestand aanleveren", "referentie", "warmeOverdracht", "enctype=\"multipart/form-data\"")
		// Line 1 header, 2 ok, 3 bad BSN, 4 empty (skipped), 5 bad amount, 6-7 one row with a quoted line
		// break (ok), 8 future date, 9 ok without BSN (matched by address), 10 duplicate reference.
		bestand := "referentie;partnertype;bedrag;ontstaansdatum;signaaldatum;crisis;bsn;achternaam;postcode;huisnummer\n" +
			"F1;Huur;125,50;2026-01-05;2026-02-20;nee;" + bsn[0] + ";Testpersoon0;8011AA;1\n" +
			"F2;Huur;80;2026-01-05;2026-02-20;nee;123456789;Testpersoon1;8011AA;2\n" +
			"\n" +
			"F3;Energie;veel;2026-01-05;2026-02-20;nee;" + bsn[2] + ";Testpersoon2;8011AA;3\n" +
			"F4;Water;40;2026-01-05;2026-02-20;ja;" + bsn[3] + ";\"Test\npersoon3\";8011AA;4\n" +
			"F5;Zorg;40;2026-12-25;2026-12-20;nee;" + bsn[4] + ";Testpersoon4;8011AA;5\n" +
			"F6;Zorg;40;2026-01-05;2026-02-20;nee;;Testpersoon5;8011AA;6\n" +
			"F1;Zorg;40;2026-01-05;2026-02-20;nee;" + bsn[6] + ";Testpersoon6;8011AA;7\n"

		// Only checking stores nothing.
		a = o.upload(pad, "consulent", map[string]string{"partner": o.pid["Woonco"], "controleren": "1"}, bestand)
		if a.Status != http.StatusOK {
			t.Fatalf("check: status %d: %s", a.Status, a.Body)
		}
		heeft(t, a, "Resultaat van de controle", "Er is niets opgeslagen", `id="goed">3<`, `id="afgewezen">4<`)
		if n := len(o.zaken(sigGM)); n != 0 {
			t.Fatalf("checking stored %d zaken", n)
		}
		if !o.gelogd(t, "signalen.bestand.controleren", "consulent") {
			t.Errorf("checking a file is not in the processing log")
		}

		a = o.upload(pad, "consulent", map[string]string{"partner": o.pid["Woonco"]}, bestand)
		if a.Status != http.StatusOK {
			t.Fatalf("upload: status %d: %s", a.Status, a.Body)
		}
		heeft(t, a, "Resultaat van de levering", `id="aantal">7<`, `id="opgeslagen">3<`, `id="afgewezen">4<`,
			"De goede regels zijn opgeslagen, de regels met fouten niet.",
			"Regel 3, inwoner.bsn: Het BSN klopt niet.", `href="#regel-3-inwoner-bsn"`, `id="regel-3-inwoner-bsn"`,
			"Regel 5, bedrag: Het bedrag klopt niet.",
			"Regel 8, signaaldatum: De datum ligt in de toekomst.",
			"Regel 10, referentie: Dit kenmerk staat al eerder in deze levering.",
			// Row 8 has two problems with signaaldatum: two anchors, each unique.
			`id="regel-8-signaaldatum"`, `id="regel-8-signaaldatum-2"`, "De signaaldatum ligt voor de datum waarop de achterstand ontstond.")
		heeftNiet(t, a, "Regel 4,", "Regel 6,", "Regel 7,", "Regel 9,")
		if n := len(o.zaken(sigGM)); n != 3 {
			t.Fatalf("%d zaken stored, want 3", n)
		}
		// The intake is in the processing log with the uploader as actor.
		if !o.gelogd(t, "", "consulent") {
			t.Errorf("upload not in the processing log with the consulent as actor")
		}

		// Delivering the same file again stores nothing twice.
		a = o.upload(pad, "consulent", map[string]string{"partner": o.pid["Woonco"]}, bestand)
		heeft(t, a, `id="opgeslagen">0<`, `id="alontvangen">3<`)
		if n := len(o.zaken(sigGM)); n != 3 {
			t.Errorf("re-delivery: %d zaken", n)
		}

		// Problems with the file as a whole or the form, shown at their field.
		for _, tc := range []struct {
			naam    string
			velden  map[string]string
			bestand string
			wil     string
		}{
			{"geen partner", map[string]string{}, bestand, "Kies de signaalpartner die de signalen stuurt"},
			{"partner als vrije tekst", map[string]string{"partner": "Woonco"}, bestand, "Kies de signaalpartner die de signalen stuurt"},
			{"partner van een andere gemeente", map[string]string{"partner": o.pid["Andersco"]}, bestand, "Kies de signaalpartner die de signalen stuurt"},
			{"geen bestand", map[string]string{"partner": o.pid["Woonco"]}, "", "Kies een CSV-bestand met signalen."},
			{"leeg", map[string]string{"partner": o.pid["Woonco"]}, "\n\n", "Het bestand is leeg."},
			{"kolom ontbreekt", map[string]string{"partner": o.pid["Woonco"]}, "referentie;partnertype;bedrag;signaaldatum\nX;Huur;1;2026-01-01\n", "Verplichte kolom &#34;ontstaansdatum&#34; ontbreekt"},
			{"onbekende kolom", map[string]string{"partner": o.pid["Woonco"]}, "referentie;iban\n", "Onbekende kolom &#34;iban&#34;"},
		} {
			t.Run(tc.naam, func(t *testing.T) {
				a := o.upload(pad, "consulent", tc.velden, tc.bestand)
				if a.Status != http.StatusUnprocessableEntity {
					t.Errorf("status %d, want 422", a.Status)
				}
				heeft(t, a, "Er is iets niet goed ingevuld", tc.wil)
			})
		}
		if a := o.upload(pad, "beheerder", map[string]string{"partner": o.pid["Woonco"]}, bestand); a.Status != http.StatusForbidden {
			t.Errorf("beheerder uploads: status %d, want 403", a.Status)
		}
		if a := o.upload("/beheer/"+sigAnder+"/signalen/bestand", "consulent", map[string]string{"partner": o.pid["Woonco"]}, bestand); a.Status != http.StatusForbidden {
			t.Errorf("upload into another gemeente: status %d, want 403", a.Status)
		}
		if n := len(o.zaken(sigAnder)); n != 0 {
			t.Errorf("GM0147 has %d zaken", n)
		}
	})
}

// TestSignalenBestandGroot: a file of thousands of rows passes the server's small form limit (64 KiB),
// a file over MaxBestand is refused with a message, and other forms keep the small limit.
func TestSignalenBestandGroot(t *testing.T) {
	db := storetest.Open(t, storetest.Dialects(t)[0])
	o := nieuweSigOmgeving(t, db)
	pad := "/beheer/" + sigGM + "/signalen/bestand"
	var sb strings.Builder
	sb.WriteString("referentie;partnertype;bedrag;ontstaansdatum;signaaldatum;postcode;huisnummer;achternaam\n")
	for i := range 5000 {
		fmt.Fprintf(&sb, "G%d;Energie;%d,25;2026-01-05;2026-02-20;8011AB;%d;Testpersoon met een wat langere naam\n", i, 20+i%300, 1+i%2000)
	}
	if sb.Len() < 256<<10 {
		t.Fatalf("test file only %d bytes", sb.Len())
	}
	a := o.upload(pad, "consulent", map[string]string{"partner": o.pid["Energieco"]}, sb.String())
	if a.Status != http.StatusOK {
		t.Fatalf("%d KB file: status %d: %s", sb.Len()>>10, a.Status, a.Body)
	}
	heeft(t, a, `id="opgeslagen">5.000<`, `id="afgewezen">0<`)
	groot := strings.Repeat("x", MaxBestand+1024)
	a = o.upload(pad, "consulent", map[string]string{"partner": o.pid["Energieco"]}, groot)
	if a.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("over the limit: status %d, want 413", a.Status)
	}
	heeft(t, a, "Het bestand is te groot.")
	// The settings form is not an upload: it keeps the 64 KiB limit.
	a = o.post("/beheer/"+sigGM+"/signalen/instellingen", "beheerder", url.Values{"drempel": {strings.Repeat("9", 70<<10)}})
	if a.Status != http.StatusBadRequest {
		t.Errorf("70 KB settings form: status %d, want 400", a.Status)
	}
}

// TestUploadLimiet checks the route table: only the upload of a signal file raises the body limit.
func TestUploadLimiet(t *testing.T) {
	s := &server{}
	n := 0
	for _, rt := range s.routes() {
		want := int64(0)
		if rt.Pattern == "POST /beheer/{gemeente}/signalen/bestand" {
			want, n = MaxBestand, n+1
		}
		if rt.MaxBody != want {
			t.Errorf("%s: MaxBody %d, want %d", rt.Pattern, rt.MaxBody, want)
		}
	}
	if n != 1 {
		t.Errorf("upload route found %d times, want 1", n)
	}
}

func TestRegelnummers(t *testing.T) {
	tests := []struct {
		naam, data string
		want       []int
	}{
		{"gewoon", "a;b\n1;2\n3;4\n", []int{2, 3}},
		{"bom en crlf", "\xef\xbb\xbfa,b\r\n1,2\r\n\r\n3,4\r\n", []int{2, 4}},
		{"regelovergang in veld", "a;b\n\"x\ny\";2\n3;4\n", []int{2, 4}},
		{"alleen kop", "a;b\n", nil},
	}
	for _, tt := range tests {
		if got := regelnummers([]byte(tt.data)); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.naam, got, tt.want)
		}
	}
}

func TestSignalenInstellingen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		pad := "/beheer/" + sigGM + "/signalen/instellingen"
		a := o.get(pad, "beheerder")
		if a.Status != http.StatusOK {
			t.Fatalf("status %d", a.Status)
		}
		heeft(t, a, "De gemeente moet deze termijnen zelf kiezen.", "Standaard in Zeker: 12 maanden.", `name="bewaar-standaard" value="12"`,
			`value="maand" checked`, `name="drempel" value="0"`, `name="maxinwoners" value="10"`, "Standaard in Zeker: 10 (onze keuze")
		// A consulent may not change settings.
		if a := o.get(pad, "consulent"); a.Status != http.StatusForbidden {
			t.Errorf("consulent: status %d, want 403", a.Status)
		}
		form := url.Values{"drempel": {"75,50"}, "mindagen": {"30"}, "maxdagen": {"10"}, "periode": {"jaar"}, "herhaaldagen": {"-1"},
			"inwoners": {"veel"}, "bewaar-standaard": {""}, "bewaar-1": {"0"}, "maxinwoners": {"0"}}
		a = o.post(pad, "beheerder", form)
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("invalid settings: status %d", a.Status)
		}
		heeft(t, a, "Het maximum aantal dagen moet groter zijn", "Kies week, maand of kwartaal.", `href="#herhaaldagen"`, `href="#inwoners"`,
			`href="#bewaar-standaard"`, `href="#bewaar-1"`, `value="75,50"`,
			"Vul het maximum aantal inwoners op één adres in als heel getal van 1 tot en met 1.000.", `name="maxinwoners" value="0"`)
		for _, v := range []string{"1001", "tien", "2,5"} {
			f := url.Values{"periode": {"maand"}, "bewaar-standaard": {"12"}, "maxinwoners": {v}}
			if a := o.post(pad, "beheerder", f); a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, `href="#maxinwoners"`) {
				t.Errorf("maxinwoners %q: status %d, want 422 at the field", v, a.Status)
			}
		}
		form = url.Values{"drempel": {"75,50"}, "mindagen": {"30"}, "maxdagen": {"100"}, "periode": {"kwartaal"}, "herhaaldagen": {"60"},
			"inwoners": {"17850"}, "bewaar-standaard": {"18"}, "bewaar-1": {"36"}, "maxinwoners": {"25"}}
		a = o.post(pad, "beheerder", form)
		if a.Status != http.StatusSeeOther || a.Loc != pad+"?klaar=instellingen" {
			t.Fatalf("save: status %d → %q: %s", a.Status, a.Loc, a.Body)
		}
		inst, inwoners, err := o.st.Instellingen(t.Context(), sigGM)
		if err != nil {
			t.Fatal(err)
		}
		if inst.Drempelbedrag != geld.MustParse("75.50") || inst.MinDagen != 30 || inst.MaxDagen != 100 || inst.Periode != signalen.PeriodeKwartaal ||
			inst.HerhaalDagen != 60 || inwoners != 17850 || inst.Bewaartermijnen.Standaard != 18 || inst.MaxInwonersPerAdres != 25 ||
			inst.Bewaartermijnen.Maanden(signalen.Eindresultaten()[0]) != 36 || inst.Bewaartermijnen.Maanden(signalen.ResultaatVervolghulp) != 18 {
			t.Errorf("stored %+v, %d inwoners", inst, inwoners)
		}
		a = o.get(pad+"?klaar=instellingen", "beheerder")
		heeft(t, a, "De instellingen voor vroegsignalering zijn opgeslagen.", `value="kwartaal" checked`, `name="drempel" value="75,50"`,
			`name="bewaar-1" value="36"`, `name="bewaar-13" value=""`)
		// Another gemeente's settings are untouched.
		if inst, _, _ := o.st.Instellingen(t.Context(), sigAnder); inst.Drempelbedrag != 0 {
			t.Errorf("GM0147 drempel %v", inst.Drempelbedrag)
		}
	})
}

func TestSignalenIndicatoren(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		crisis := sigSignaal("C1", signalen.PartnerEnergie, 50, 4)
		crisis.Crisis, crisis.WarmeOverdracht = true, true
		o.lever(sigGM, "woonco", sigSignaal("R0", signalen.PartnerHuur, 900, 0), sigSignaal("R1", signalen.PartnerHuur, 100, 1), crisis)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test"})
		if err := o.st.ZetInstellingen(ctx, sigGM, signalen.StandaardInstellingen(), 20000); err != nil {
			t.Fatal(err)
		}
		ids := o.zaken(sigGM)
		if _, err := o.st.RegistreerContact(ctx, sigGM, ids[0], signalen.Contactpoging{Soort: signalen.ContactHuisbezoek, Bereikt: true,
			Datum: datum.Nieuw(2026, 3, 2)}, "test"); err != nil {
			t.Fatal(err)
		}
		if err := o.st.Sluit(ctx, sigGM, ids[0], signalen.ResultaatVervolghulpFinancieel); err != nil {
			t.Fatal(err)
		}
		pad := "/beheer/" + sigGM + "/signalen/indicatoren"
		a := o.get(pad+"?van=2026-01&tot=2026-03", "beheerder")
		if a.Status != http.StatusOK {
			t.Fatalf("status %d: %s", a.Status, a.Body)
		}
		heeft(t, a, "januari 2026 tot en met maart 2026", ">januari 2026<", ">februari 2026<", ">maart 2026<", ">Energie<", ">Huur<",
			">0,15<", // 3 signals per 20,000 residents
			"1 (33,3%)", "1 (100,0%)", "Vervolghulp en/of verwijzing financieel",
			`<svg xmlns="http://www.w3.org/2000/svg" role="img"`, "<title id=\"grafiek-signalen-per-maand-titel\">Signalen per maand</title>")
		heeftNiet(t, a, "<script>", "style=")
		a = o.get(pad+"?van=2026-13", "consulent")
		heeft(t, a, "Schrijf de maand als JJJJ-MM")
		a = o.get(pad+"?van=1990-01&tot=2026-03", "consulent")
		heeft(t, a, "Kies een periode van hoogstens 10 jaar.", "april 2016 tot en met maart 2026")
		a = o.get(pad+"?van=2026-03&tot=2026-01", "consulent")
		heeft(t, a, "De laatste maand ligt voor de eerste maand.")
		a = o.get(pad+".csv?van=2026-02&tot=2026-03", "beleidsmedewerker")
		if a.Status != http.StatusOK || !strings.HasPrefix(a.Hdr.Get("Content-Type"), "text/csv") {
			t.Fatalf("csv: status %d, %q", a.Status, a.Hdr.Get("Content-Type"))
		}
		for _, regel := range []string{
			"gemeente,maand,indicator,sleutel,waarde",
			"GM0175,2026-03,signalen,,3",
			"GM0175,2026-03,signalen_per_partnertype,Huur,2",
			"GM0175,2026-03,signalen_per_1000_inwoners,,0.1500",
			"GM0175,2026-03,crisiszaken,,1",
			"GM0175,2026-03,crisiszaken_binnen_3_werkdagen,,1",
			"GM0175,2026-03,signalen_warme_overdracht,,1",
			"GM0175,2026-03,resultaat,Vervolghulp en/of verwijzing financieel,1",
			"GM0175,2026-02,signalen,,0",
		} {
			if !strings.Contains(a.Body, regel+"\n") {
				t.Errorf("csv lacks %q:\n%s", regel, a.Body)
			}
		}
		if a := o.get("/beheer/"+sigAnder+"/signalen/indicatoren.csv", "beheerder"); a.Status != http.StatusForbidden {
			t.Errorf("other gemeente's csv: %d", a.Status)
		}
	})
}

// TestSignalenWerklijstMeerDan: with more than 10,000 matching zaken the page counts up to 10,000, says
// "meer dan", has no link to a last page it cannot know, and still pages on past the count.
func TestSignalenWerklijstMeerDan(t *testing.T) {
	if testing.Short() {
		t.Skip("intake of 15,000 signals")
	}
	db := storetest.Open(t, storetest.Dialects(t)[0])
	o := nieuweSigOmgeving(t, db)
	pop := synth.Populatie(60000)
	o.x = synth.Index(pop)
	ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "test"})
	if _, err := o.st.Ontvang(ctx, opslag.Levering{Gemeente: sigGM, PartnerID: "p",
		Signalen: synth.Signalen(pop, 15000, "md", datum.Nieuw(2026, 3, 2), 3)}, o.x); err != nil {
		t.Fatal(err)
	}
	_, n, err := o.st.Werklijst(ctx, sigGM, opslag.Filter{Status: opslag.StatusAlle})
	if err != nil || n <= 10050 {
		t.Fatalf("%d zaken (%v): the test needs more than 10,050", n, err)
	}
	basis := "/beheer/" + sigGM + "/signalen?status=alle"
	a := o.get(basis, "consulent")
	heeft(t, a, "Zaak 1 tot en met 50 van meer dan 10.000.", "Pagina 1 van meer dan 200", "Volgende pagina")
	heeftNiet(t, a, "Laatste pagina")
	// Past the count: the page asked for is counted, so the next link is still there.
	a = o.get(basis+"&vanaf=10000", "consulent")
	heeft(t, a, "Zaak 10.001 tot en met 10.050 van meer dan 10.050.", "Volgende pagina")
	if got := len(zaakIDs(a.Body)); got != 50 {
		t.Errorf("page at 10,000 shows %d zaken", got)
	}
	// The end of the list: exact again, no next page.
	laatste := (n - 1) / 50 * 50
	a = o.get(basis+"&vanaf="+strconv.Itoa(laatste), "consulent")
	heeft(t, a, fmt.Sprintf("van %s.", getal64(int64(n))))
	heeftNiet(t, a, "Volgende pagina", "meer dan")
}

// TestSignalenTerugNaarLijst: the worklist's filter and page travel with the zaak, its forms and the
// redirect after a change, so "Terug naar de werklijst" returns to the same list.
func TestSignalenTerugNaarLijst(t *testing.T) {
	db := storetest.Open(t, storetest.Dialects(t)[0])
	o := nieuweSigOmgeving(t, db)
	o.lever(sigGM, "woonco", sigSignaal("R0", signalen.PartnerHuur, 900, 0), sigSignaal("R1", signalen.PartnerHuur, 100, 1))
	a := o.get("/beheer/"+sigGM+"/signalen?partnertype=Huur&wijk=Vilsteren&per=25", "consulent")
	ids := zaakIDs(a.Body)
	if len(ids) != 1 {
		t.Fatalf("filtered list: %v", ids)
	}
	lijst := "?partnertype=Huur&amp;per=25&amp;wijk=Vilsteren"
	pad := zaakURL(sigGM, ids[0])
	heeft(t, a, `href="`+pad+lijst+`">Zaak`)
	a = o.get(pad+"?partnertype=Huur&per=25&wijk=Vilsteren", "consulent")
	heeft(t, a, `href="/beheer/GM0175/signalen`+lijst+`">Terug naar de werklijst`, `action="`+pad+`/afsluiten`+lijst+`"`)
	a = o.post(pad+"/notitie?partnertype=Huur&per=25&wijk=Vilsteren", "consulent", url.Values{"notitie": {"Gebeld"}})
	if want := pad + "?klaar=notitie&partnertype=Huur&per=25&wijk=Vilsteren"; a.Status != http.StatusSeeOther || a.Loc != want {
		t.Errorf("after a note: %d → %q, want %q", a.Status, a.Loc, want)
	}
	// Nonsense in the query is dropped, not echoed.
	a = o.get(pad+"?partnertype=%3Cscript%3E&wijk=Vilsteren", "consulent")
	heeft(t, a, `href="/beheer/GM0175/signalen?wijk=Vilsteren">Terug naar de werklijst`)
	heeftNiet(t, a, "<script>", "%3Cscript")
}
