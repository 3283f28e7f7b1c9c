package main

import (
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
)

// TestTekstAanDeRandEindTotEind: the bad text that gave a 500 on PostgreSQL — a note "a%00b" on a
// vroegsignaalzaak and a login address with %00 — is refused at the edge of the whole application:
// the note with its field named (422, nothing stored), the login with the ordinary refusal.
func TestTekstAanDeRandEindTotEind(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		st, err := opslag.New(opslag.Config{DB: db, Audit: o.Audit})
		if err != nil {
			t.Fatal(err)
		}
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		sig := signalen.Signaal{Referentie: "T-1", PartnerType: signalen.PartnerType("Huur"), Bedrag: geld.Euro(500),
			Ontstaansdatum: datum.Nieuw(2026, 1, 2), Signaaldatum: datum.Nieuw(2026, 1, 10),
			Inwoner: signalen.Inwoner{BSN: synth.BSNs()[0], Voorletters: "T.", Achternaam: "Testpersoon",
				Adres: signalen.Adres{Postcode: "9531AA", Huisnummer: 1, Woonplaats: "Borger"}}}
		if res, err := st.Ontvang(ctx, opslag.Levering{Gemeente: eigen, PartnerID: o.Partner("Test", eigen), Signalen: []signalen.Signaal{sig}}, signalen.NieuweIndex()); err != nil || res.Opgeslagen != 1 {
			t.Fatalf("delivery: %+v %v", res, err)
		}
		zaken, _, err := st.Werklijst(t.Context(), eigen, opslag.Filter{})
		if err != nil || len(zaken) != 1 {
			t.Fatalf("worklist: %d zaken, %v", len(zaken), err)
		}
		pad := "/beheer/" + eigen + "/signalen/" + strconv.FormatInt(zaken[0].ID, 10)
		c := o.loginAls("consulent")
		form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}

		a := o.DoeBody("POST", pad+"/notitie", c, strings.NewReader("notitie=a%00b"), form)
		if a.Status != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(a.Body), "het veld ‘notitie’") {
			t.Errorf("note a%%00b: status %d, want 422 naming the field\n%s", a.Status, a.Body)
		}
		a = o.DoeBody("POST", pad+"/notitie", c, strings.NewReader("notitie=a%C3%28b"), form)
		if a.Status != http.StatusUnprocessableEntity {
			t.Errorf("note with invalid UTF-8: status %d, want 422", a.Status)
		}
		var notities int
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_notitie WHERE gemeente = $1 AND zaak_id = $2`, eigen, zaken[0].ID).Scan(&notities); err != nil || notities != 0 {
			t.Errorf("notes after refused text: %d %v, want 0", notities, err)
		}
		if a := o.doe("POST", pad+"/notitie", c, url.Values{"notitie": {"Gebeld.\r\nTweede regel."}}, nil); a.Status != http.StatusSeeOther {
			t.Errorf("good note: status %d", a.Status)
		}

		a = o.DoeBody("POST", "/login", "", strings.NewReader("email=consulent%40test.zeker.test%00&wachtwoord="+url.QueryEscape(testWachtwoord)), form)
		if a.Status != http.StatusUnauthorized || !strings.Contains(a.Body, "Het e-mailadres of het wachtwoord klopt niet.") {
			t.Errorf("login address with %%00: status %d, want the ordinary 401", a.Status)
		}
	})
}
