package partnerweb_test

import (
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

var codeRe = regexp.MustCompile(`id="uitnodigingscode">([0-9A-Z-]+)<`)

// TestPartnerMedewerkers: the beheerder invites a person of a partner; the code is shown once; the
// person who redeems it is the partner's user; an address with a role here, or a partner whose
// membership does not run today, is refused; another gemeente's partner does not exist here.
func TestPartnerMedewerkers(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		beh := o.SessieAls("beheerder")
		hum := o.Partner("Humanitas", eigen)
		elders := o.Partner("Elders", ander)
		pad := "/beheer/" + eigen + "/partners/" + hum + "/medewerkers"
		bevat(t, o.Doe("GET", pad, beh, nil, nil), "Nog niemand van deze partner is uitgenodigd", "Uitnodiging maken")
		a := o.Doe("POST", pad, beh, url.Values{"naam": {""}, "email": {"geen adres"}}, nil)
		if a.Status != 422 {
			t.Fatalf("status %d", a.Status)
		}
		bevat(t, a, "Vul de naam van de medewerker in.", "Vul een geldig e-mailadres in")
		bevat(t, o.Doe("POST", pad, beh, url.Values{"naam": {"C"}, "email": {"consulent@test.zeker.test"}}, nil), "Dit e-mailadres heeft al een rol in deze gemeente.")
		a = o.Doe("POST", pad, beh, url.Values{"naam": {"Mw. Vrijwilliger"}, "email": {"Vrijwilliger@Humanitas.test"}}, nil)
		m := codeRe.FindStringSubmatch(a.Body)
		if a.Status != 200 || m == nil {
			t.Fatalf("no code: %d", a.Status)
		}
		bevat(t, a, "vrijwilliger@humanitas.test", "Uitgenodigd, geldig tot")
		g, _, _, err := o.Auth.Aanvaard(t.Context(), auth.Aanvaarden{Email: "vrijwilliger@humanitas.test", Code: m[1], Wachtwoord: webtest.Wachtwoord, IP: "192.0.2.3"})
		if err != nil {
			t.Fatal(err)
		}
		if g.Rollen[eigen] != auth.Intermediair {
			t.Errorf("role %q", g.Rollen[eigen])
		}
		if p, ok, err := o.Partners.MedewerkerVan(t.Context(), g.ID, eigen); !ok || p != hum || err != nil {
			t.Errorf("partner of the user: %q %v %v", p, ok, err)
		}
		bevat(t, o.Doe("GET", pad, beh, nil, nil), "Aangenomen op")
		if a := o.Doe("GET", "/beheer/"+eigen+"/partners/"+elders+"/medewerkers", beh, nil, nil); a.Status != 404 {
			t.Errorf("another gemeente's partner: %d", a.Status)
		}
		// A membership that ended: no invitation.
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		oud, err := o.Partners.Maak(ctx, partner.Nieuw{Naam: "Oud", Gemeente: eigen, Van: partner.Vandaag(time.Now()).AddDate(-2, 0, 0),
			Tot: partner.Vandaag(time.Now()).AddDate(-1, 0, 0)})
		if err != nil {
			t.Fatal(err)
		}
		a = o.Doe("POST", "/beheer/"+eigen+"/partners/"+oud.ID+"/medewerkers", beh, url.Values{"naam": {"X"}, "email": {"x@oud.test"}}, nil)
		if a.Status != 422 {
			t.Errorf("ended membership: %d", a.Status)
		}
		bevat(t, a, "Deze partner is vandaag geen lid van de gemeente.")
	})
}
