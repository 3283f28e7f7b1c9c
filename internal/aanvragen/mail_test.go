package aanvragen_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/datum"
)

// uitgaand is one row of the outbox.
type uitgaand struct{ Soort, Aan, Onderwerp, Tekst string }

func outbox(t *testing.T, o omgeving) []uitgaand {
	t.Helper()
	rows, err := o.db.SQL().QueryContext(t.Context(), `SELECT soort, aan, onderwerp, tekst FROM mail_outbox ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []uitgaand
	for rows.Next() {
		var u uitgaand
		if err := rows.Scan(&u.Soort, &u.Aan, &u.Onderwerp, &u.Tekst); err != nil {
			t.Fatal(err)
		}
		out = append(out, u)
	}
	return out
}

const basis = "https://zeker.voorbeeld.nl"

// TestMail: the optional address of an application. A bad address is refused at the field and stores
// nothing; without an address nothing is mailed. With one: exactly one mail with the reference and the
// code when the application is made (not again for the same form), and a notice without content when a
// document is asked, when a decision is made and when the withdrawal is confirmed — never the code, the
// reference, a regeling, an amount, a reason or the case worker's text. A refused action (a stale form, a
// wrong code) mails nothing. The address can be changed with the code (validated, an audit row), and goes
// with the application when the retention job deletes it.
func TestMail(t *testing.T) {
	for _, o := range omgevingen(t, 3, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			klok := func() time.Time { o.mu.Lock(); defer o.mu.Unlock(); return *o.nu }
			svc, err := aanvragen.New(aanvragen.Config{DB: o.db, Audit: o.log, Catalogus: catalogus(t), Klok: klok, BasisURL: basis})
			if err != nil {
				t.Fatal(err)
			}
			if err := svc.ZetInstellingen(ctx, gm, aanvragen.Instellingen{Beslistermijn: aanvragen.WettelijkBeslis, BewaarDocumenten: 6, BewaarAanvraag: 24}); err != nil {
				t.Fatal(err)
			}
			// Bad addresses: an error at the field, nothing stored, nothing mailed.
			for _, slecht := range []string{"geen-adres", "Jan <jan@voorbeeld.nl>", "a@voorbeeld.nl\r\nBcc: b@voorbeeld.nl", "a@voorbeeld.nl, b@voorbeeld.nl"} {
				n := nieuw("collectieve_zorgverzekering")
				n.Email = slecht
				_, err := svc.Start(ctx, n)
				if o, ok := aanvragen.IsOngeldig(err); !ok || o.Veld != "email" || o.Bericht == "" {
					t.Fatalf("%q: %v", slecht, err)
				}
			}
			if tel(t, o, "aanvragen_aanvraag") != 0 || len(outbox(t, o)) != 0 {
				t.Fatal("a refused application left a row")
			}
			// A refused file with a good address: nothing mailed.
			n := nieuw("collectieve_zorgverzekering")
			n.Email = "inwoner@voorbeeld.nl"
			n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "loon.pdf", Inhoud: []byte("MZ\x90\x00 geen pdf")}}
			if _, err := svc.Start(ctx, n); err == nil {
				t.Fatal("a renamed .exe was accepted")
			}
			if len(outbox(t, o)) != 0 {
				t.Fatal("a refused application mailed")
			}
			// Without an address: no mail.
			zonder := nieuw("collectieve_zorgverzekering")
			zonder.Formulier += "-zonder"
			z, err := svc.Start(ctx, zonder)
			if err != nil {
				t.Fatal(err)
			}
			// With an address (spaces around it are trimmed): one mail with the reference and the code.
			n.Bestanden = nil
			n.Email = "  inwoner@voorbeeld.nl "
			a, err := svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Start(ctx, n); err != nil { // the same form again: no second mail
				t.Fatal(err)
			}
			uit := outbox(t, o)
			if len(uit) != 1 || uit[0].Soort != aanvragen.MailCode || uit[0].Aan != "inwoner@voorbeeld.nl" {
				t.Fatalf("outbox after the application: %+v", uit)
			}
			eerste := uit[0].Tekst
			for _, moet := range []string{a.Referentie, a.Code, basis + "/aanvragen/status\n", "Wat gebeurt er nu?"} {
				if !strings.Contains(eerste, moet) {
					t.Fatalf("the first mail lacks %q:\n%s", moet, eerste)
				}
			}
			if strings.Contains(uit[0].Onderwerp, a.Code) || strings.Contains(eerste, "?code=") || strings.Contains(eerste, "status/"+a.Code) {
				t.Fatalf("the code in a subject or URL:\n%s", eerste)
			}
			// Documents the application still needs come with the code, so the case worker can ask more.
			var stuur []aanvragen.Bestand
			for i, d := range a.Ontbreekt {
				stuur = append(stuur, aanvragen.Bestand{Soort: string(d), Naam: "doc.pdf", Inhoud: inhoudVan(200, byte('a'+i))})
			}
			if len(stuur) > 0 {
				if _, err := svc.StuurNa(ctx, a.Referentie, a.Code, stuur); err != nil {
					t.Fatal(err)
				}
			}
			// A stale form asks nothing and mails nothing; the right one mails a notice without content.
			d, _ := svc.Aanvraag(ctx, gm, a.ID)
			if err := svc.VraagDocument(ctx, gm, a.ID, d.Versie-1, aanvragen.DocBeschikking, "Uw beschikking huurtoeslag 2026", datum.Nieuw(2026, 3, 16), consulent); !errors.Is(err, aanvragen.ErrVerouderd) {
				t.Fatalf("stale: %v", err)
			}
			if len(outbox(t, o)) != 1 {
				t.Fatal("a refused request mailed")
			}
			if err := svc.VraagDocument(ctx, gm, a.ID, d.Versie, aanvragen.DocBeschikking, "Uw beschikking huurtoeslag 2026", datum.Nieuw(2026, 3, 16), consulent); err != nil {
				t.Fatal(err)
			}
			// The application without an address: asked too, not mailed.
			zd, _ := svc.Aanvraag(ctx, gm, z.ID)
			if err := svc.VraagDocument(ctx, gm, z.ID, zd.Versie, aanvragen.DocBeschikking, "", datum.Nieuw(2026, 3, 16), consulent); err != nil {
				t.Fatal(err)
			}
			uit = outbox(t, o)
			if len(uit) != 2 || uit[1].Soort != aanvragen.MailHerstel || uit[1].Aan != "inwoner@voorbeeld.nl" ||
				!strings.Contains(uit[1].Tekst, "De gemeente vraagt u nog iets te sturen. Kijk op "+basis+"/aanvragen/status met uw kenmerk en code.") {
				t.Fatalf("outbox after the request: %+v", uit)
			}
			// The document comes; the decision.
			if _, err := svc.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{{Soort: string(aanvragen.DocBeschikking), Naam: "b.pdf", Inhoud: inhoudVan(100, 'z')}}); err != nil {
				t.Fatal(err)
			}
			d, _ = svc.Aanvraag(ctx, gm, a.ID)
			if err := svc.Koppel(ctx, gm, a.ID, d.Versie, o.recs[gm][0].BSN[0], consulent); err != nil {
				t.Fatal(err)
			}
			d, _ = svc.Aanvraag(ctx, gm, a.ID)
			besluit := []aanvragen.BesluitInvoer{{Regeling: "collectieve_zorgverzekering", Soort: aanvragen.Afwijzen, Motivering: "Uw inkomen is hoger dan de grens van de regeling."}}
			if _, err := svc.Beslis(ctx, gm, a.ID, d.Versie-1, besluit, consulent, afzender); !errors.Is(err, aanvragen.ErrVerouderd) {
				t.Fatalf("stale decision: %v", err)
			}
			if len(outbox(t, o)) != 2 {
				t.Fatal("a refused decision mailed")
			}
			if _, err := svc.Beslis(ctx, gm, a.ID, d.Versie, besluit, consulent, afzender); err != nil {
				t.Fatal(err)
			}
			uit = outbox(t, o)
			if len(uit) != 3 || uit[2].Soort != aanvragen.MailBesluit || uit[2].Aan != "inwoner@voorbeeld.nl" ||
				!strings.Contains(uit[2].Tekst, "Er is een besluit over uw aanvraag. U leest de brief op "+basis+"/aanvragen/status") {
				t.Fatalf("outbox after the decision: %+v", uit)
			}
			// A withdrawal of a second application with an address: a wrong code mails nothing; the
			// confirmation once, not again for the second click.
			tweede := nieuw("participatie_volwassenen")
			tweede.Email = "tweede@voorbeeld.nl"
			b, err := svc.Start(ctx, tweede)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.TrekIn(ctx, b.Referentie, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AA"); !errors.Is(err, aanvragen.ErrCode) {
				t.Fatalf("wrong code: %v", err)
			}
			if len(outbox(t, o)) != 4 {
				t.Fatal("a wrong code mailed")
			}
			for range 2 {
				if _, err := svc.TrekIn(ctx, b.Referentie, b.Code); err != nil {
					t.Fatal(err)
				}
			}
			uit = outbox(t, o)
			if len(uit) != 5 || uit[3].Soort != aanvragen.MailCode || uit[4].Soort != aanvragen.MailIngetrokken || uit[4].Aan != "tweede@voorbeeld.nl" {
				t.Fatalf("outbox after the withdrawal: %+v", uit)
			}
			// Only the first mail of each application has its code; no notice has a code, a reference,
			// a regeling, an amount, the case worker's text or the motivation.
			for i, u := range uit {
				heeftCode := strings.Contains(u.Tekst, a.Code) || strings.Contains(u.Tekst, b.Code)
				if heeftCode != (u.Soort == aanvragen.MailCode) {
					t.Fatalf("mail %d (%s): code present %v", i, u.Soort, heeftCode)
				}
				if u.Soort == aanvragen.MailCode {
					continue
				}
				for _, niet := range []string{a.Referentie, b.Referentie, "zorgverzekering", "Zorgverzekering", "articipatie", "€", "huurtoeslag", "inkomen", "Consulent", "@voorbeeld.nl"} {
					if strings.Contains(u.Tekst, niet) || strings.Contains(u.Onderwerp, niet) {
						t.Fatalf("notice %d (%s) contains %q:\n%s", i, u.Soort, niet, u.Tekst)
					}
				}
			}
			// The address changed later with the code: a bad one at the field and unchanged, a wrong code
			// refused, a good one stored with an audit row; the next notice goes there.
			if _, err := svc.WijzigEmail(ctx, z.Referentie, z.Code, "niet goed"); func() bool { o, ok := aanvragen.IsOngeldig(err); return !ok || o.Veld != "email" }() {
				t.Fatalf("bad address: %v", err)
			}
			if _, err := svc.WijzigEmail(ctx, z.Referentie, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AA", "later@voorbeeld.nl"); !errors.Is(err, aanvragen.ErrCode) {
				t.Fatalf("wrong code: %v", err)
			}
			in, err := svc.Inzien(ctx, z.Referentie, z.Code)
			if err != nil || in.Email != "" {
				t.Fatalf("address after refusals: %q %v", in.Email, err)
			}
			if in, err = svc.WijzigEmail(ctx, z.Referentie, z.Code, "later@voorbeeld.nl"); err != nil || in.Email != "later@voorbeeld.nl" {
				t.Fatalf("changed: %+v %v", in, err)
			}
			var audits int
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE operation = 'aanvraag.email.wijzigen' AND actor_type = 'resident'`).Scan(&audits); err != nil || audits != 1 {
				t.Fatalf("audit rows %d %v", audits, err)
			}
			zd, _ = svc.Aanvraag(ctx, gm, z.ID)
			if err := svc.VraagDocument(ctx, gm, z.ID, zd.Versie, aanvragen.DocInkomen, "", datum.Nieuw(2026, 3, 17), consulent); err != nil {
				t.Fatal(err)
			}
			uit = outbox(t, o)
			if len(uit) != 6 || uit[5].Soort != aanvragen.MailHerstel || uit[5].Aan != "later@voorbeeld.nl" || strings.Contains(uit[5].Tekst, z.Code) {
				t.Fatalf("outbox after the change: %+v", uit[len(uit)-1])
			}
			// Retention: the decided and the withdrawn application go with their address.
			o.zet(begin.AddDate(2, 1, 0))
			if _, err := svc.Bewaar(ctx, gm); err != nil {
				t.Fatal(err)
			}
			var n2 int
			if err := o.db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM aanvragen_aanvraag WHERE email IN ('inwoner@voorbeeld.nl', 'tweede@voorbeeld.nl')`).Scan(&n2); err != nil || n2 != 0 {
				t.Fatalf("addresses kept after retention: %d %v", n2, err)
			}
		})
	}
}
