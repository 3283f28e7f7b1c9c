package main

import (
	"bytes"
	"context"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/partner"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestAanvraagDoorPartnerMedewerker: a partner user (an intermediair linked to a partner, docs/partner.md)
// applies for a client through the check in intermediary mode; the application records the user and the
// partner (its id, and its name from the link, not the organisation typed), and the client follows it with the code.
func TestAanvraagDoorPartnerMedewerker(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		p := o.Partner("Humanitas Testdorp", eigen)
		email := "fatima@humanitas.test"
		code, u, err := o.Auth.NodigUit(c, auth.NieuweUitnodiging{Gemeente: eigen, Email: email, Naam: "Fatima Bakker", Rol: auth.Intermediair})
		if err != nil {
			t.Fatal(err)
		}
		if err := o.Partners.KoppelUitnodiging(c, u.ID, p, eigen); err != nil {
			t.Fatal(err)
		}
		g, _, _, err := o.Auth.Aanvaard(c, auth.Aanvaarden{Email: email, Code: code, Wachtwoord: webtest.Wachtwoord, IP: "192.0.2.7"})
		if err != nil {
			t.Fatal(err)
		}
		sessie := o.Sessie(email)

		f := &webtest.Check{T: t, H: o.H}
		f.Post("/check/start", url.Values{"gemeente": {eigen}, "voor": {"ander"}})
		for i := 0; i < 10 && f.Stap() != ""; i++ {
			switch f.Stap() {
			case "huishouden":
				f.Antwoord(url.Values{"partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}})
			case "leeftijd":
				f.Antwoord(url.Values{"a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"}})
			case "inkomen":
				f.Antwoord(url.Values{"a-soort-1": {"bijstand"}, "a-bedrag-1": {"1300"}})
			case "vermogen":
				f.Antwoord(url.Values{"vermogen": {"200"}})
			case "wonen":
				f.Antwoord(url.Values{"wonen": {"huur"}, "huur": {"650"}})
			case "ontvangt":
				f.Antwoord(url.Values{"ontvangt": {"bijstand"}, "laag-jaren": {"4"}})
			case "situatie":
				f.Antwoord(url.Values{"student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
			}
		}
		if f.Resultaat == "" {
			t.Fatalf("no result page (%d)", f.Status)
		}
		tok := f.Token()
		kies := o.doe(http.MethodPost, "/aanvragen/kies", sessie, url.Values{"t": {tok}}, nil)
		eerste := func(re, body string) string {
			m := regexp.MustCompile(re).FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("%s not in page (%d)", re, kies.Status)
			}
			return m[1]
		}
		v := url.Values{"t": {tok}, "formulier": {eerste(`name="formulier" value="([^"]*)"`, kies.Body)}, "regeling": {eerste(`name="regeling" value="([^"]+)"`, kies.Body)},
			"intermediair-naam": {"Fatima Bakker"}, "intermediair-organisatie": {"Humanitas"}, "toestemming": {"ja"},
			"email": {"client@voorbeeld.test"}}
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for k, vs := range v {
			for _, x := range vs {
				_ = mw.WriteField(k, x)
			}
		}
		_ = mw.Close()
		nieuw := o.DoeBody(http.MethodPost, "/aanvragen/nieuw", sessie, &buf, map[string]string{"Content-Type": mw.FormDataContentType()})
		if nieuw.Status != http.StatusOK {
			t.Fatalf("nieuw: %d %s", nieuw.Status, nieuw.Body)
		}
		ref, geheim := eerste(`id="referentie">([^<]+)<`, nieuw.Body), eerste(`id="code">([^<]+)<`, nieuw.Body)
		var gebruiker int64
		var organisatie, naam, partnerID string
		if err := db.SQL().QueryRowContext(t.Context(), `SELECT intermediair_gebruiker, intermediair_organisatie, intermediair_naam, COALESCE(intermediair_partner, '') FROM aanvragen_aanvraag WHERE referentie = $1`, ref).
			Scan(&gebruiker, &organisatie, &naam, &partnerID); err != nil {
			t.Fatal(err)
		}
		if gebruiker != g.ID || organisatie != "Humanitas Testdorp" || naam != "Fatima Bakker" || partnerID != p {
			t.Errorf("stored intermediary: user %d (want %d), %q, %q, partner %q (want %q)", gebruiker, g.ID, organisatie, naam, partnerID, p)
		}
		// A merge of the partner moves the application with it (aanvragen.VerhuisPartner).
		ander := o.Partner("Humanitas Regio", eigen)
		if _, err := o.Partners.MetVerhuizers(partner.Verhuizer{Naam: "aanvragen", Verhuizen: aanvragen.VerhuisPartner}).VoegSamen(c, ander, p); err != nil {
			t.Fatal(err)
		}
		if err := db.SQL().QueryRowContext(t.Context(), `SELECT COALESCE(intermediair_partner, '') FROM aanvragen_aanvraag WHERE referentie = $1`, ref).Scan(&partnerID); err != nil || partnerID != ander {
			t.Errorf("after the merge: partner %q (%v), want %q", partnerID, err, ander)
		}
		// The code is mailed to the client's address (the intermediary's choice); the beheerder's outbox page
		// shows the kind and the masked recipient, never the code or the whole address, also once sent.
		if _, _, err := (&mail.Bezorger{DB: db, Verzender: mail.LogVerzender{}}).Bezorg(context.Background()); err != nil {
			t.Fatal(err)
		}
		var tekst string
		if err := db.SQL().QueryRowContext(t.Context(), `SELECT tekst FROM mail_outbox WHERE soort = $1 AND aan = $2`, aanvragen.MailCode, "client@voorbeeld.test").Scan(&tekst); err != nil || tekst != "" {
			t.Fatalf("the code's mail after sending: body %q, %v", tekst, err)
		}
		pag := o.doe(http.MethodGet, "/beheer/"+eigen+"/mail", o.SessieAls("beheerder"), nil, nil)
		if pag.Status != http.StatusOK || !strings.Contains(pag.Body, aanvragen.MailCode) || !strings.Contains(pag.Body, "c…@voorbeeld.test") ||
			strings.Contains(pag.Body, "client@") || strings.Contains(pag.Body, geheim) {
			t.Errorf("outbox page: %d", pag.Status)
		}
		// The client follows the application with the code.
		st := o.doe(http.MethodPost, "/aanvragen/status", "", url.Values{"referentie": {ref}, "code": {geheim}}, nil)
		if st.Status != http.StatusOK || !bytes.Contains([]byte(st.Body), []byte(ref)) {
			t.Fatalf("status with the code: %d", st.Status)
		}
	})
}
