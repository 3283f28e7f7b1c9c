package zaken_test

import (
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestOnlineBevestigingPerMail: a request with an e-mail address puts one confirmation in the outbox in
// the same transaction, with the moment of sending, the legal day of the first conversation and the
// zaak's number, and none of what the resident wrote (name, phone, question, crisis); a request with a
// phone number only mails nobody; a refused request (no contact) leaves no message.
func TestOnlineBevestigingPerMail(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-13 16:30"), 0, "GM1681") { // a Friday
		t.Run(o.naam, func(t *testing.T) {
			ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorInwoner, ID: "hulpvraag"})
			a := zaken.OnlineAanvraag{Naam: "Test Inwoner", Telefoon: "0612345678", Email: "inwoner@voorbeeld.test",
				Vraag: "Ik heb een huurachterstand bij de verhuurder.", Crisis: zaken.CrisisWater}
			ont, err := o.svc.Online(ctx, "GM1681", a)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := o.svc.Online(ctx, "GM1681", zaken.OnlineAanvraag{Naam: "Ander", Telefoon: "0612345679", Vraag: "Schulden."}); err != nil {
				t.Fatal(err)
			}
			if _, err := o.svc.Online(ctx, "GM1681", zaken.OnlineAanvraag{Naam: "Zonder contact", Vraag: "Schulden."}); err == nil {
				t.Fatal("a request without phone or e-mail was accepted")
			}
			if _, err := o.svc.Online(ctx, "GM1681", zaken.OnlineAanvraag{Naam: "Fout", Email: "a@b.test\r\nBcc: x@y.test", Vraag: "Schulden."}); err == nil {
				t.Fatal("an address with a line break was accepted")
			}
			rows, err := o.db.SQL().QueryContext(t.Context(), `SELECT gemeente, soort, aan, onderwerp, tekst FROM mail_outbox`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var n int
			for rows.Next() {
				n++
				var gm, soort, aan, onderwerp, tekst string
				if err := rows.Scan(&gm, &soort, &aan, &onderwerp, &tekst); err != nil {
					t.Fatal(err)
				}
				if gm != "GM1681" || soort != zaken.SoortOntvangen || aan != a.Email {
					t.Errorf("message %s %s %s", gm, soort, aan)
				}
				for _, want := range []string{"13 maart 2026 om 16:30 uur", "uiterlijk op 18 maart 2026", "nummer bij de gemeente is " + itoa(ont.ZaakID)} {
					if !strings.Contains(tekst, want) {
						t.Errorf("confirmation lacks %q:\n%s", want, tekst)
					}
				}
				for _, niet := range []string{a.Naam, a.Telefoon, "huurachterstand", "water", "Water"} {
					if strings.Contains(tekst, niet) || strings.Contains(onderwerp, niet) {
						t.Errorf("confirmation carries %q:\n%s", niet, tekst)
					}
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Errorf("%d messages in the outbox, want 1", n)
			}
		})
	}
}
