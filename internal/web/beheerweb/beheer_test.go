package beheerweb

import (
	"database/sql"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/apiv1"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// The staff tests run the real kit (templates, middleware, guard) with this part and the JSON API on a
// real database, SQLite and, with TEST_DATABASE_URL, PostgreSQL.

const (
	eigen          = webtest.Eigen // the gemeente where the test users have their role
	ander          = webtest.Ander // a gemeente where they have none
	testWachtwoord = webtest.Wachtwoord
)

type antwoord = webtest.Antwoord

type staffOmgeving struct{ *webtest.Omgeving }

func nieuweStaffOmgeving(t *testing.T, db *store.DB) *staffOmgeving {
	t.Helper()
	return nieuweStaffOmgevingMet(t, db, webtest.Opties{})
}

func nieuweStaffOmgevingMet(t *testing.T, db *store.DB, opt webtest.Opties) *staffOmgeving {
	t.Helper()
	o := &staffOmgeving{webtest.NieuweOmgeving(t, db, opt)}
	st, err := opslag.New(opslag.Config{DB: db, Audit: o.Audit})
	if err != nil {
		t.Fatal(err)
	}
	beheer, err := New(o.Kit, Deps{Jobs: jobs.NewQueue(db), Partners: o.Partners})
	if err != nil {
		t.Fatal(err)
	}
	// The start page names the jobs of every mounted part; the scan's part is not mounted here.
	taken := web.Part{Name: "taken", Taken: map[string]string{"scan.uitvoeren": "Scan op niet-gebruik"}}
	o.Mount(beheer, taken, apiv1.Routes(apiv1.Deps{Auth: o.Auth, Signalen: st}))
	return o
}

func (o *staffOmgeving) doe(method, pad, cookie string, form url.Values, hdr map[string]string) antwoord {
	o.T.Helper()
	return o.Doe(method, pad, cookie, form, hdr)
}

func (o *staffOmgeving) doeBody(method, pad, cookie string, body io.Reader, hdr map[string]string) antwoord {
	o.T.Helper()
	return o.DoeBody(method, pad, cookie, body, hdr)
}

func (o *staffOmgeving) maak(email, naam string, systeem bool) auth.Gebruiker {
	return o.Maak(email, naam, systeem)
}

// login logs in through the login page and returns the session token of the cookie.
func (o *staffOmgeving) login(email, wachtwoord string) string {
	o.T.Helper()
	a := o.doe("POST", "/login", "", url.Values{"email": {email}, "wachtwoord": {wachtwoord}}, nil)
	if a.Status != http.StatusSeeOther {
		o.T.Fatalf("login %s: status %d, want 303", email, a.Status)
	}
	for _, c := range (&http.Response{Header: a.Hdr}).Cookies() {
		if c.Name == auth.CookieNaam(false) && c.Value != "" {
			if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" {
				o.T.Errorf("cookie %+v: want HttpOnly, SameSite=Lax, Path=/", c)
			}
			return c.Value
		}
	}
	o.T.Fatalf("login %s: no session cookie", email)
	return ""
}

func (o *staffOmgeving) loginAls(rol string) string {
	o.T.Helper()
	if rol == "systeembeheerder" {
		return o.login("systeem@test.zeker.test", testWachtwoord)
	}
	return o.login(rol+"@test.zeker.test", testWachtwoord)
}

func bevat(t *testing.T, a antwoord, wil ...string) {
	t.Helper()
	webtest.Bevat(t, a, wil...)
}

func TestStaffLogin(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		// Without a session the start page sends to the login page, remembering where to go back to.
		a := o.doe("GET", "/beheer/"+eigen+"/", "", nil, nil)
		if a.Status != http.StatusSeeOther || a.Loc != "/login?terug=%2Fbeheer%2F"+eigen+"%2F" {
			t.Fatalf("anonymous start page: %d %q", a.Status, a.Loc)
		}
		a = o.doe("GET", "/login", "", nil, nil)
		bevat(t, a, "Inloggen voor medewerkers", `autocomplete="current-password"`, `lang="nl"`)

		// Wrong password: one message for unknown e-mail and wrong password.
		a = o.doe("POST", "/login", "", url.Values{"email": {"consulent@test.zeker.test"}, "wachtwoord": {"fout-fout-fout-fout"}}, nil)
		if a.Status != http.StatusUnauthorized {
			t.Fatalf("wrong password: status %d, want 401", a.Status)
		}
		bevat(t, a, "Het e-mailadres of het wachtwoord klopt niet.")
		b := o.doe("POST", "/login", "", url.Values{"email": {"niemand@test.zeker.test"}, "wachtwoord": {"fout-fout-fout-fout"}}, nil)
		if b.Status != a.Status {
			t.Errorf("unknown e-mail: status %d, want %d", b.Status, a.Status)
		}

		// A NUL or invalid UTF-8 in the address or the password (a 500 on PostgreSQL before) gets the
		// ordinary refusal: the same status and message, no hint, the address not shown again.
		for _, body := range []string{"email=consulent%40test.zeker.test%00&wachtwoord=x", "email=%00&wachtwoord=x",
			"email=consu%FFlent%40test.zeker.test&wachtwoord=x", "email=consulent%40test.zeker.test&wachtwoord=" + url.QueryEscape(testWachtwoord) + "%00"} {
			b := o.doeBody("POST", "/login", "", strings.NewReader(body), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
			if b.Status != http.StatusUnauthorized {
				t.Errorf("login %s: status %d, want 401", body, b.Status)
			}
			bevat(t, b, "Het e-mailadres of het wachtwoord klopt niet.", `name="email"`)
			if strings.Contains(b.Body, "consulent@test.zeker.test") && !strings.Contains(body, "wachtwoord="+url.QueryEscape(testWachtwoord)) {
				t.Errorf("login %s: the page shows the bad address again", body)
			}
			if strings.Contains(b.Body, "U+0000") || strings.Contains(b.Body, "UTF-8") {
				t.Errorf("login %s: the page hints at the bad character", body)
			}
		}

		// Login renews the session: the token of before login no longer works.
		oud := o.loginAls("consulent")
		a = o.doe("POST", "/login", oud, url.Values{"email": {"consulent@test.zeker.test"}, "wachtwoord": {testWachtwoord}, "terug": {"/beheer/" + eigen + "/"}}, nil)
		if a.Status != http.StatusSeeOther || a.Loc != "/beheer/"+eigen+"/" {
			t.Fatalf("login with terug: %d %q", a.Status, a.Loc)
		}
		if a := o.doe("GET", "/beheer/"+eigen+"/", oud, nil, nil); a.Status != http.StatusSeeOther {
			t.Errorf("old session after new login: status %d, want 303 to login", a.Status)
		}
		nieuw := o.loginAls("consulent")
		a = o.doe("GET", "/beheer/"+eigen+"/", nieuw, nil, nil)
		if a.Status != http.StatusOK {
			t.Fatalf("start page: status %d", a.Status)
		}
		bevat(t, a, "Borger-Odoorn", "Je rol in deze gemeente: <strong>Consulent</strong>", "Vroegsignalen oppakken", "Uitloggen")
		// The consulent may read the gemeente's background jobs: they are listed in the words of the field.
		if err := db.Tx(t.Context(), func(tx *sql.Tx) error {
			_, err := jobs.Enqueue(t.Context(), tx, "scan.uitvoeren", eigen, []byte("{}"), jobs.Opts{})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		bevat(t, o.doe("GET", "/beheer/"+eigen+"/", nieuw, nil, nil), "Taken op de achtergrond", "<td class=\"utrecht-table__cell\">Scan op niet-gebruik</td><td class=\"utrecht-table__cell\">Wacht</td>")
		if strings.Contains(a.Body, "/beheer/"+eigen+"/gebruikers") {
			t.Error("consulent sees the link to user management")
		}
		// An open redirect is refused, also in the forms a browser reads as another host after dropping
		// tab and line breaks or reading a backslash as a slash.
		for _, terug := range []string{"//evil.example/", "/\t/evil.example", "/\n/evil.example", "/\\evil.example", "/%2F%2Fevil.example", "/%09/evil.example"} {
			a = o.doe("POST", "/login", "", url.Values{"email": {"consulent@test.zeker.test"}, "wachtwoord": {testWachtwoord}, "terug": {terug}}, nil)
			if a.Status != http.StatusSeeOther || a.Loc != "/beheer/" {
				t.Errorf("login with terug=%q: %d Location %q, want 303 /beheer/", terug, a.Status, a.Loc)
			}
		}
		// Logged in already, the login page sends on at once: the same rule (the query decodes %09 to a tab).
		for _, q := range []string{"/%09/evil.example", "/%0A/evil.example", "%2F%09%2Fevil.example", "/%5Cevil.example"} {
			if a := o.doe("GET", "/login?terug="+q, nieuw, nil, nil); a.Status != http.StatusSeeOther || a.Loc != "/beheer/" {
				t.Errorf("GET /login?terug=%s when logged in: %d Location %q, want 303 /beheer/", q, a.Status, a.Loc)
			}
		}
		if a := o.doe("GET", "/login?terug=%2Fbeheer%2F"+eigen+"%2Fgebruikers%3Frol%3Dconsulent", nieuw, nil, nil); a.Loc != "/beheer/"+eigen+"/gebruikers?rol=consulent" {
			t.Errorf("GET /login with a good terug when logged in: Location %q", a.Loc)
		}

		// Logout ends the session.
		a = o.doe("POST", "/logout", nieuw, url.Values{}, nil)
		if a.Status != http.StatusSeeOther || a.Loc != "/login?uit=1" {
			t.Fatalf("logout: %d %q", a.Status, a.Loc)
		}
		if a := o.doe("GET", "/beheer/"+eigen+"/", nieuw, nil, nil); a.Status != http.StatusSeeOther {
			t.Errorf("session after logout: status %d, want 303", a.Status)
		}

		// Rate limit: after 5 wrong attempts for an account the page says how long to wait.
		for range 5 {
			o.doe("POST", "/login", "", url.Values{"email": {"intermediair@test.zeker.test"}, "wachtwoord": {"fout-fout-fout-fout"}}, nil)
		}
		a = o.doe("POST", "/login", "", url.Values{"email": {"intermediair@test.zeker.test"}, "wachtwoord": {testWachtwoord}}, nil)
		if a.Status != http.StatusTooManyRequests || a.Hdr.Get("Retry-After") == "" {
			t.Fatalf("after 5 wrong attempts: status %d Retry-After %q, want 429 with Retry-After", a.Status, a.Hdr.Get("Retry-After"))
		}
		bevat(t, a, "Te veel mislukte pogingen", "Wacht ", "minuten")
	})
}

func TestStaffGebruikersBeheren(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := o.loginAls("beheerder")
		basis := "/beheer/" + eigen + "/gebruikers"

		a := o.doe("GET", basis+"?sorteer=email&rol=consulent", c, nil, nil)
		bevat(t, a, "consulent@test.zeker.test", "1 van "+strconv.Itoa(len(auth.Rollen))+" medewerkers")
		if strings.Contains(a.Body, "intermediair@test.zeker.test") {
			t.Error("filter rol=consulent shows the intermediair")
		}

		// Add a user: errors first, then an invitation whose code is shown once. Nothing is made until
		// the colleague redeems it (TestUitnodiging covers the addresses that have an account).
		a = o.doe("POST", basis+"/nieuw", c, url.Values{"email": {"geen-email"}, "naam": {""}}, nil)
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("invalid new user: status %d", a.Status)
		}
		bevat(t, a, "Vul een geldig e-mailadres in", "Vul de naam van de medewerker in", "Kies een rol")
		a = o.doe("POST", basis+"/nieuw", c, url.Values{"email": {"Nieuw@Test.Zeker.Test"}, "naam": {"Nieuwe Collega"}, "rol": {"intermediair"}}, nil)
		bevat(t, a, "Uitnodiging gemaakt", `id="uitnodigingscode"`, "nieuw@test.zeker.test", "/uitnodiging")
		code := between(a.Body, `id="uitnodigingscode">`, "</code>")
		if _, err := o.Auth.GebruikerOpEmail(t.Context(), "nieuw@test.zeker.test"); err == nil {
			t.Fatal("an account exists before the invitation is redeemed")
		}
		bevat(t, o.doe("GET", basis, c, nil, nil), "Openstaande uitnodigingen", "nieuw@test.zeker.test")
		// The colleague chooses their password with the code and is logged in.
		a = o.doe("POST", "/uitnodiging", "", url.Values{"email": {"nieuw@test.zeker.test"}, "code": {code}, "wachtwoord": {"kort"}, "herhaal": {"kort"}}, nil)
		bevat(t, a, "minstens 12 tekens")
		a = o.doe("POST", "/uitnodiging", "", url.Values{"email": {"nieuw@test.zeker.test"}, "code": {strings.ToLower(code)},
			"wachtwoord": {"mijn eigen lange zin"}, "herhaal": {"mijn eigen lange zin"}}, nil)
		if a.Status != http.StatusSeeOther || a.Loc != "/beheer/"+eigen+"/?klaar=welkom" {
			t.Fatalf("redeem: %d %q\n%s", a.Status, a.Loc, a.Body)
		}
		nc := sessieUit(t, a)
		nieuw, err := o.Auth.GebruikerOpEmail(t.Context(), "nieuw@test.zeker.test")
		if err != nil || nieuw.Rollen[eigen] != auth.Intermediair || nieuw.MoetWachtwoordWijzigen || nieuw.Naam != "Nieuwe Collega" {
			t.Fatalf("new user: %+v, %v", nieuw, err)
		}
		bevat(t, o.doe("GET", "/beheer/"+eigen+"/?klaar=welkom", nc, nil, nil), "Je hebt de uitnodiging aangenomen")
		if strings.Contains(o.doe("GET", basis, c, nil, nil).Body, "Openstaande uitnodigingen") {
			t.Error("a redeemed invitation is still listed as open")
		}
		nc = o.login("nieuw@test.zeker.test", "mijn eigen lange zin")
		if a := o.doe("GET", "/beheer/"+eigen+"/", nc, nil, nil); a.Status != http.StatusOK {
			t.Fatalf("after own password: status %d", a.Status)
		}

		// Change role, reset password, block.
		id := strconv.FormatInt(nieuw.ID, 10)
		if a := o.doe("POST", basis+"/"+id+"/rol", c, url.Values{"rol": {"consulent"}}, nil); a.Status != http.StatusSeeOther {
			t.Fatalf("role: status %d", a.Status)
		}
		a = o.doe("POST", basis+"/"+id+"/wachtwoord", c, url.Values{}, nil)
		bevat(t, a, "Nieuw wachtwoord", `id="nieuw-wachtwoord"`)
		if a := o.doe("GET", "/beheer/"+eigen+"/", nc, nil, nil); a.Status != http.StatusSeeOther || a.Loc == "/wachtwoord" {
			t.Errorf("session after reset by beheerder: %d %q, want redirect to login", a.Status, a.Loc)
		}
		if a := o.doe("POST", basis+"/"+id+"/actief", c, url.Values{"actief": {"nee"}}, nil); a.Status != http.StatusSeeOther {
			t.Fatalf("block: status %d", a.Status)
		}
		u, _ := o.Auth.Gebruiker(t.Context(), nieuw.ID)
		if u.Actief || u.Rollen[eigen] != auth.Consulent {
			t.Errorf("after role change and block: %+v", u)
		}
		// Not oneself, not someone with a role in another gemeente.
		zelf := strconv.FormatInt(o.IDs["beheerder"], 10)
		if a := o.doe("POST", basis+"/"+zelf+"/actief", c, url.Values{"actief": {"nee"}}, nil); a.Status != http.StatusForbidden {
			t.Errorf("block oneself: status %d, want 403\n%s", a.Status, a.Body)
		}
		if err := o.Auth.ZetRol(t.Context(), o.IDs["consulent"], ander, auth.Consulent); err != nil {
			t.Fatal(err)
		}
		ook := strconv.FormatInt(o.IDs["consulent"], 10)
		if a := o.doe("POST", basis+"/"+ook+"/wachtwoord", c, url.Values{}, nil); a.Status != http.StatusForbidden {
			t.Errorf("reset user of two gemeenten: status %d, want 403", a.Status)
		}
		// A user without a role here is not found, not even by id.
		buiten := o.maak("buiten@test.zeker.test", "Buiten", false)
		if err := o.Auth.ZetRol(t.Context(), buiten.ID, ander, auth.Beheerder); err != nil {
			t.Fatal(err)
		}
		if a := o.doe("GET", basis+"/"+strconv.FormatInt(buiten.ID, 10), c, nil, nil); a.Status != http.StatusNotFound {
			t.Errorf("user of another gemeente by id: status %d, want 404", a.Status)
		}
		// Every change is in the processing log of the gemeente.
		rows, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: eigen, Verwerkingsactiviteit: "gebruikers.beheren"})
		if err != nil {
			t.Fatal(err)
		}
		var ops []string
		for _, r := range rows {
			ops = append(ops, r.Operatie)
		}
		if got, want := strings.Join(ops, ","), "medewerker.geblokkeerd,medewerker.wachtwoord.herstellen,medewerker.rol.wijzigen,medewerker.uitnodiging.nieuw,medewerker.uitnodigen"; got != want {
			t.Errorf("audit operations: got %s, want %s", got, want)
		}
	})
}

func TestStaffSleutelsEnAudit(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := o.loginAls("beheerder")
		basis := "/beheer/" + eigen + "/sleutels"
		p := o.Partner("Woonstichting Test", eigen)
		o.Partner("Ander lid", ander) // not a member here: not offered
		a := o.doe("GET", basis+"/nieuw", c, nil, nil)
		bevat(t, a, "Woonstichting Test", `value="`+p+`"`)
		if strings.Contains(a.Body, "Ander lid") {
			t.Error("the key form offers a partner of another gemeente")
		}
		a = o.doe("POST", basis+"/nieuw", c, url.Values{"naam": {"Corporatie koppeling"}, "partner": {"Woonstichting Test"},
			"permissie": {"signalen.aanleveren"}}, nil)
		if a.Status != http.StatusUnprocessableEntity {
			t.Errorf("key with a partner name instead of a member's id: status %d, want 422", a.Status)
		}
		bevat(t, a, "Kies de partner die de sleutel gebruikt")
		a = o.doe("POST", basis+"/nieuw", c, url.Values{"naam": {"Corporatie koppeling"}, "partner": {p},
			"permissie": {"signalen.aanleveren", "gebruikers.beheren"}}, nil)
		bevat(t, a, "API-sleutel gemaakt", "Kopieer de sleutel nu")
		token := between(a.Body, `readonly>`, "</textarea>")
		if !strings.HasPrefix(token, auth.SleutelPrefix) {
			t.Fatalf("token %q", token)
		}
		k, err := o.Auth.ControleerSleutel(t.Context(), token)
		if err != nil || k.PartnerID != p || len(k.Permissies) != 1 || k.Permissies[0] != auth.SignalenAanleveren || len(k.Gemeenten) != 1 || k.Gemeenten[0] != eigen {
			t.Fatalf("credential: %+v %v (only grantable permissions, only this gemeente)", k, err)
		}
		api := func() int {
			return o.doe("POST", "/api/v1/signalen", "", nil, map[string]string{"Authorization": "Bearer " + token}).Status
		}
		// The token works on the API (empty body: 400 after authentication), until it is revoked.
		if got := api(); got != http.StatusBadRequest {
			t.Errorf("API with fresh token: status %d, want 400 (authenticated, bad body)", got)
		}
		a = o.doe("GET", basis, c, nil, nil)
		bevat(t, a, "Corporatie koppeling", k.Prefix, "Actief")
		if strings.Contains(a.Body, token) {
			t.Error("the list shows the whole token")
		}
		if a := o.doe("POST", basis+"/"+strconv.FormatInt(k.ID, 10)+"/intrekken", c, url.Values{}, nil); a.Status != http.StatusSeeOther {
			t.Fatalf("revoke: %d", a.Status)
		}
		if got := api(); got != http.StatusUnauthorized {
			t.Errorf("API with revoked token: status %d, want 401", got)
		}
		bevat(t, o.doe("GET", basis, c, nil, nil), "Ingetrokken")

		// The processing log: a row written for a resident, found by BSN through the form (POST, so
		// the BSN is never in a URL), and exported as CSV.
		bsn := "999990019"
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "77", Naam: "Consulent Test"})
		if err := o.Audit.Schrijf(ctx, audit.Verwerking{Gemeente: eigen, Verwerkingsactiviteit: "signalen.behandelen",
			Operatie: "vroegsignaalzaak.bekijken", Actie: audit.Lezen, BSN: bsn, Object: "vroegsignaalzaak/1"}); err != nil {
			t.Fatal(err)
		}
		a = o.doe("GET", "/beheer/"+eigen+"/audit", c, nil, nil)
		bevat(t, a, "vroegsignaalzaak.bekijken", "sleutel.intrekken", "Consulent Test")
		a = o.doe("POST", "/beheer/"+eigen+"/audit", c, url.Values{"bsn": {bsn}}, nil)
		bevat(t, a, "1 verwerkingen", "vroegsignaalzaak/1")
		a = o.doe("POST", "/beheer/"+eigen+"/audit", c, url.Values{"bsn": {"12"}, "van": {"gisteren"}}, nil)
		if a.Status != http.StatusUnprocessableEntity {
			t.Errorf("bad filter: status %d", a.Status)
		}
		bevat(t, a, "Een BSN heeft 9 cijfers.", "Vul de datum in als jaar-maand-dag")
		a = o.doe("POST", "/beheer/"+eigen+"/audit.csv", c, url.Values{"activiteit": {"signalen.behandelen"}}, nil)
		if a.Status != http.StatusOK || !strings.HasPrefix(a.Hdr.Get("Content-Type"), "text/csv") {
			t.Fatalf("CSV: %d %s", a.Status, a.Hdr.Get("Content-Type"))
		}
		regels := strings.Split(strings.TrimSpace(a.Body), "\n")
		if len(regels) != 2 || !strings.HasPrefix(regels[0], "id,tijd,gemeente") || !strings.Contains(regels[1], "vroegsignaalzaak.bekijken") {
			t.Errorf("CSV:\n%s", a.Body)
		}
		// Viewing and exporting the log are logged, the BSN search under that resident's hash.
		rows, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: eigen, Verwerkingsactiviteit: "audit.inzien"})
		if err != nil {
			t.Fatal(err)
		}
		tel := map[string]int{}
		for _, r := range rows {
			tel[r.Operatie+"/"+string(r.Actie)]++
		}
		if tel["verwerkingslog.exporteren/export"] != 1 || tel["verwerkingslog.bekijken/read"] < 2 {
			t.Errorf("audit of the audit: %v", tel)
		}
		if rows, _ := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: eigen, BSN: bsn}); len(rows) != 2 {
			t.Errorf("rows about the resident: %d, want 2 (the processing and the search)", len(rows))
		}
		// The BSN is in no URL and no log line: the request log has paths only, and the form posts it.
		if strings.Contains(a.Hdr.Get("Location"), bsn) {
			t.Error("BSN in a redirect")
		}
	})
}

func TestStaffGemeenten(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := o.loginAls("systeembeheerder")
		// /beheer/ lists every active gemeente for a system administrator (no role anywhere).
		a := o.doe("GET", "/beheer/", c, nil, nil)
		bevat(t, a, `href="/systeem/gemeenten"`, `href="/beheer/GM0147/"`, `href="/beheer/GM1969/"`)
		// A user with one gemeente goes straight to its start page.
		if a := o.doe("GET", "/beheer/", o.loginAls("consulent"), nil, nil); a.Status != http.StatusSeeOther || a.Loc != "/beheer/"+eigen+"/" {
			t.Errorf("/beheer/ for a user with one gemeente: %d %q", a.Status, a.Loc)
		}
		a = o.doe("GET", "/systeem/gemeenten", c, nil, nil)
		bevat(t, a, "Borger-Odoorn", "Westerkwartier", "Ommen", "Borne")
		a = o.doe("POST", "/systeem/gemeenten/"+ander, c, url.Values{"naam": {"Ommen"}, "actief": {"ja"}, "telefoon": {"14 0529"},
			"website": {"http://onveilig"}, "primair": {"blauw"}, "instellingen": {"[1]"}}, nil)
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("invalid tenant form: %d", a.Status)
		}
		bevat(t, a, "begint met https://", "Vul een kleur in als #rrggbb", "JSON-object")
		a = o.doe("POST", "/systeem/gemeenten/"+ander, c, url.Values{"naam": {"Ommen"}, "actief": {"ja"}, "telefoon": {"14 0529"},
			"website": {"https://www.ommen.nl"}, "primair": {"#00689e"}, "instellingen": {`{"bewaartermijn_dagen": 365}`}}, nil)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("save tenant: %d\n%s", a.Status, a.Body)
		}
		g, err := tenant.Haal(t.Context(), db, ander)
		if err != nil || g.Contact.Telefoon != "14 0529" || g.Thema.Primair != "#00689e" || !strings.Contains(string(g.Instellingen), "365") {
			t.Errorf("tenant after save: %+v %v", g, err)
		}
		a = o.doe("POST", "/systeem/gemeenten/nieuw", c, url.Values{"code": {"GM0363"}, "naam": {"Testgemeente"}, "actief": {"ja"}}, nil)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("new tenant: %d\n%s", a.Status, a.Body)
		}
		if a := o.doe("POST", "/systeem/gemeenten/nieuw", c, url.Values{"code": {"GM0363"}, "naam": {"Dubbel"}}, nil); a.Status != http.StatusUnprocessableEntity {
			t.Errorf("duplicate tenant: %d", a.Status)
		}
		// The beheerder edits the contact block of their own gemeente, not its name.
		b := o.loginAls("beheerder")
		a = o.doe("POST", "/beheer/"+eigen+"/instellingen", b, url.Values{"naam": {"Andere naam"}, "tekst": {"Bel ons, we helpen je graag."}}, nil)
		if a.Status != http.StatusSeeOther {
			t.Fatalf("beheerder settings: %d", a.Status)
		}
		g, _ = tenant.Haal(t.Context(), db, eigen)
		if g.Naam != "Borger-Odoorn" || g.Contact.Tekst != "Bel ons, we helpen je graag." {
			t.Errorf("after beheerder's save: %q %q", g.Naam, g.Contact.Tekst)
		}
	})
}

// sessieUit returns the session token of the cookie an answer sets.
func sessieUit(t *testing.T, a antwoord) string {
	t.Helper()
	for _, c := range (&http.Response{Header: a.Hdr}).Cookies() {
		if c.Name == auth.CookieNaam(false) && c.Value != "" {
			return c.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	j := strings.Index(s, b)
	if j < 0 {
		return ""
	}
	return strings.TrimSpace(s[:j])
}
