package beheerweb

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestUitnodiging: a beheerder cannot attach an account of another gemeente (or the system
// administrator's) by its address, and the page does not tell whether an address has an account: every
// addition is an invitation, redeemed by the colleague with a new password or, for an existing account,
// with that account's own password. Before, the answer named the existing account and attached it, and
// the other gemeente's beheerder got 403 on it afterwards.
func TestUitnodiging(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		ctx := t.Context()
		c := o.loginAls("beheerder")
		basis := "/beheer/" + eigen + "/gebruikers"
		buiten := o.maak("buiten@test.zeker.test", "Bram Buiten", false)
		anderBeheer := o.maak("beheer.ander@test.zeker.test", "Anne Ander", false)
		for id, r := range map[int64]auth.Rol{buiten.ID: auth.Consulent, anderBeheer.ID: auth.Beheerder} {
			if err := o.Auth.ZetRol(ctx, id, ander, r); err != nil {
				t.Fatal(err)
			}
		}

		// One answer for an unknown address, an account of another gemeente and the system administrator.
		codes := map[string]string{}
		var eerste string
		for _, email := range []string{"onbekend@test.zeker.test", "buiten@test.zeker.test", "systeem@test.zeker.test"} {
			a := o.doe("POST", basis+"/nieuw", c, url.Values{"email": {email}, "naam": {"Collega Test"}, "rol": {"consulent"}}, nil)
			if a.Status != http.StatusOK {
				t.Fatalf("invite %s: status %d\n%s", email, a.Status, a.Body)
			}
			code := between(a.Body, `id="uitnodigingscode">`, "</code>")
			if !regexp.MustCompile(`^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$`).MatchString(code) {
				t.Fatalf("invite %s: code %q", email, code)
			}
			codes[email] = code
			gelijk := regexp.MustCompile(`[0-9]`).ReplaceAllString(strings.NewReplacer(code, "CODE", email, "EMAIL").Replace(a.Body), "")
			if eerste == "" {
				eerste = gelijk
			} else if gelijk != eerste {
				t.Errorf("invite %s: the page differs from the one for an unknown address", email)
			}
			if strings.Contains(a.Body, "had al een account") || strings.Contains(a.Body, "Bram Buiten") {
				t.Errorf("invite %s: the page tells that the account exists", email)
			}
		}
		// No account was changed or made; the other gemeente's beheerder still manages their colleague.
		if u, _ := o.Auth.Gebruiker(ctx, buiten.ID); len(u.Rollen) != 1 || u.Rollen[ander] != auth.Consulent {
			t.Errorf("the other gemeente's account after the invitation: roles %v", u.Rollen)
		}
		if u, _ := o.Auth.Gebruiker(ctx, o.IDs["systeembeheerder"]); len(u.Rollen) != 0 {
			t.Errorf("the system administrator after the invitation: roles %v", u.Rollen)
		}
		if _, err := o.Auth.GebruikerOpEmail(ctx, "onbekend@test.zeker.test"); err == nil {
			t.Error("an account was made for the unknown address before the invitation was redeemed")
		}
		ab := o.login("beheer.ander@test.zeker.test", testWachtwoord)
		if a := o.doe("POST", "/beheer/"+ander+"/gebruikers/"+strconv.FormatInt(buiten.ID, 10)+"/actief", ab, url.Values{"actief": {"ja"}}, nil); a.Status != http.StatusSeeOther {
			t.Errorf("the other gemeente's beheerder on their colleague: status %d, want 303", a.Status)
		}

		// Redeeming. Wrong address, unknown code and wrong password get one answer.
		aanvaard := func(email, code, ww string) antwoord {
			return o.doe("POST", "/uitnodiging", "", url.Values{"email": {email}, "code": {code}, "wachtwoord": {ww}, "herhaal": {ww}}, nil)
		}
		const weiger = "Het e-mailadres, de code of het wachtwoord klopt niet."
		for naam, a := range map[string]antwoord{
			"other address":  aanvaard("iemand.anders@test.zeker.test", codes["buiten@test.zeker.test"], "een heel ander wachtwoord"),
			"unknown code":   aanvaard("buiten@test.zeker.test", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345", testWachtwoord),
			"wrong password": aanvaard("buiten@test.zeker.test", codes["buiten@test.zeker.test"], "niet het wachtwoord van bram"),
			"short code":     aanvaard("buiten@test.zeker.test", "ABCD", testWachtwoord),
		} {
			if a.Status != http.StatusUnauthorized || !strings.Contains(html.UnescapeString(a.Body), weiger) {
				t.Errorf("%s: status %d, want 401 with the one refusal", naam, a.Status)
			}
		}
		// Bad text (a NUL in the new password) is the same refusal, and redeems nothing.
		a0 := o.doeBody("POST", "/uitnodiging", "", strings.NewReader("email=onbekend%40test.zeker.test&code="+url.QueryEscape(codes["onbekend@test.zeker.test"])+
			"&wachtwoord=een+lang+wachtwoord%00&herhaal=een+lang+wachtwoord%00"), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
		if a0.Status != http.StatusUnauthorized || !strings.Contains(html.UnescapeString(a0.Body), weiger) {
			t.Errorf("bad text: status %d, want 401 with the one refusal", a0.Status)
		}
		// Nobody else's account changes: the system administrator's invitation, redeemed without their
		// password, gives nothing.
		if a := aanvaard("systeem@test.zeker.test", codes["systeem@test.zeker.test"], "een gok van de beheerder"); a.Status != http.StatusUnauthorized {
			t.Errorf("redeem the system administrator's invitation without their password: status %d, want 401", a.Status)
		}
		if u, _ := o.Auth.Gebruiker(ctx, o.IDs["systeembeheerder"]); len(u.Rollen) != 0 {
			t.Errorf("the system administrator after a refused redemption: roles %v", u.Rollen)
		}
		// The account's own password confirms: it gets the role and keeps its password.
		a := aanvaard("Buiten@Test.Zeker.Test", strings.ReplaceAll(codes["buiten@test.zeker.test"], "-", " "), testWachtwoord)
		if a.Status != http.StatusSeeOther || a.Loc != "/beheer/"+eigen+"/?klaar=welkom" {
			t.Fatalf("redeem with the own password: %d %q\n%s", a.Status, a.Loc, a.Body)
		}
		if u, _ := o.Auth.Gebruiker(ctx, buiten.ID); u.Rollen[eigen] != auth.Consulent || u.Rollen[ander] != auth.Consulent || u.Naam != "Bram Buiten" {
			t.Errorf("after redeeming: %+v", u)
		}
		o.login("buiten@test.zeker.test", testWachtwoord)
		if a := aanvaard("buiten@test.zeker.test", codes["buiten@test.zeker.test"], testWachtwoord); a.Status != http.StatusUnprocessableEntity ||
			!strings.Contains(a.Body, "al gebruikt") {
			t.Errorf("a code used twice: status %d", a.Status)
		}

		// Attempts count like logins.
		for range 5 {
			aanvaard("onbekend@test.zeker.test", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345", "een lang fout wachtwoord")
		}
		a = aanvaard("onbekend@test.zeker.test", codes["onbekend@test.zeker.test"], "een lang goed wachtwoord")
		if a.Status != http.StatusTooManyRequests || a.Hdr.Get("Retry-After") == "" {
			t.Errorf("after 5 wrong attempts: status %d Retry-After %q, want 429", a.Status, a.Hdr.Get("Retry-After"))
		}

		// The processing log of the gemeente has the invitations and the redemption by internal id only.
		rows, err := o.Audit.Zoek(ctx, audit.Filter{Gemeente: eigen, Verwerkingsactiviteit: "gebruikers.beheren"})
		if err != nil {
			t.Fatal(err)
		}
		tel := map[string]int{}
		for _, r := range rows {
			tel[r.Operatie]++
			if strings.Contains(r.Object, "@") || strings.Contains(r.Detail, "@") {
				t.Errorf("audit row with an address: %+v", r)
			}
		}
		if tel["medewerker.uitnodigen"] != 3 || tel["medewerker.uitnodiging.bestaand"] != 1 {
			t.Errorf("audit operations: %v", tel)
		}
	})
}

// TestUitnodigingSysteembeheerder: a system administrator still attaches an existing account directly
// (it keeps its password) and gives a new account a generated password that must be changed at the
// first login.
func TestUitnodigingSysteembeheerder(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		ctx := t.Context()
		s := o.loginAls("systeembeheerder")
		basis := "/beheer/" + eigen + "/gebruikers"
		buiten := o.maak("buiten@test.zeker.test", "Bram Buiten", false)
		if err := o.Auth.ZetRol(ctx, buiten.ID, ander, auth.Consulent); err != nil {
			t.Fatal(err)
		}
		bevat(t, o.doe("GET", basis+"/nieuw", s, nil, nil), "Zeker maakt een eerste wachtwoord", "Medewerker toevoegen")
		a := o.doe("POST", basis+"/nieuw", s, url.Values{"email": {"buiten@test.zeker.test"}, "naam": {"Bram"}, "rol": {"beleidsmedewerker"}}, nil)
		bevat(t, a, "Medewerker toegevoegd", "had al een account")
		if u, _ := o.Auth.Gebruiker(ctx, buiten.ID); u.Rollen[eigen] != auth.Beleidsmedewerker || u.Rollen[ander] != auth.Consulent {
			t.Errorf("existing account attached by the system administrator: %v", u.Rollen)
		}
		o.login("buiten@test.zeker.test", testWachtwoord)

		a = o.doe("POST", basis+"/nieuw", s, url.Values{"email": {"nieuw@test.zeker.test"}, "naam": {"Nieuwe Collega"}, "rol": {"intermediair"}}, nil)
		bevat(t, a, "Medewerker toegevoegd", `id="nieuw-wachtwoord"`)
		ww := between(a.Body, `id="nieuw-wachtwoord">`, "</code>")
		nc := o.login("nieuw@test.zeker.test", ww)
		if a := o.doe("GET", "/beheer/"+eigen+"/", nc, nil, nil); a.Status != http.StatusSeeOther || a.Loc != "/wachtwoord" {
			t.Fatalf("first login: %d %q, want redirect to /wachtwoord", a.Status, a.Loc)
		}
		a = o.doe("POST", "/wachtwoord", nc, url.Values{"huidig": {ww}, "nieuw": {"mijn eigen lange zin"}, "herhaal": {"mijn eigen lange zin"}}, nil)
		if a.Status != http.StatusSeeOther || a.Loc != "/login?opnieuw=1" {
			t.Fatalf("password change: %d %q", a.Status, a.Loc)
		}
	})
}
