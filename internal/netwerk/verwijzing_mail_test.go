package netwerk_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

type uitgaand struct{ gemeente, soort, aan, onderwerp, tekst string }

func outbox(t *testing.T, db *store.DB) []uitgaand {
	t.Helper()
	rows, err := db.SQL().Query(`SELECT gemeente, soort, aan, onderwerp, tekst FROM mail_outbox ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var uit []uitgaand
	for rows.Next() {
		var u uitgaand
		if err := rows.Scan(&u.gemeente, &u.soort, &u.aan, &u.onderwerp, &u.tekst); err != nil {
			t.Fatal(err)
		}
		uit = append(uit, u)
	}
	return uit
}

// partnerGebruiker makes a user of partner id in gm the way a beheerder does: an invitation with role
// intermediair, linked to the partner, redeemed.
func partnerGebruiker(t *testing.T, ctx context.Context, as *auth.Service, ps *partner.Service, id, gm, email string) int64 {
	t.Helper()
	code, u, err := as.NodigUit(ctx, auth.NieuweUitnodiging{Gemeente: gm, Email: email, Naam: "Medewerker", Rol: auth.Intermediair})
	if err != nil {
		t.Fatal(err)
	}
	if err := ps.KoppelUitnodiging(ctx, u.ID, id, gm); err != nil {
		t.Fatal(err)
	}
	g, _, _, err := as.Aanvaard(ctx, auth.Aanvaarden{Email: email, Code: code, Wachtwoord: "een-lang-genoeg-wachtwoord-123", IP: "127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	return g.ID
}

// TestVerwijzingMail: a referral to Humanitas mails Humanitas's users in that gemeente (not another
// partner's, not Humanitas's users elsewhere) a notice with a link and without personal data; an answer
// mails the case worker; a referral that rolls back mails nobody.
func TestVerwijzingMail(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, nil)
		ns, err := netwerk.New(netwerk.Config{DB: db, Audit: o.log, Partners: o.ps, Klok: func() time.Time { return nu },
			BasisURL: "https://zeker.voorbeeld.nl"})
		if err != nil {
			t.Fatal(err)
		}
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		as := auth.New(db, auth.Config{})
		hum := o.partner(t, "Humanitas", "GM0175", "GM0147")
		ander := o.partner(t, "Voor Elkaar", "GM0175")
		humID := partnerGebruiker(t, ctx, as, o.ps, hum, "GM0175", "vrijwilliger@humanitas.example")
		partnerGebruiker(t, ctx, as, o.ps, hum, "GM0175", "coordinator@humanitas.example")
		partnerGebruiker(t, ctx, as, o.ps, hum, "GM0147", "borne@humanitas.example")
		partnerGebruiker(t, ctx, as, o.ps, ander, "GM0175", "iemand@voorelkaar.example")
		cw, err := as.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: "consulent@gemeente.example", Naam: "Consulent", Wachtwoord: "een-lang-genoeg-wachtwoord-123"})
		if err != nil {
			t.Fatal(err)
		}

		// A referral that fails validation writes nothing.
		slecht := nieuweVerwijzing("GM0175", hum)
		slecht.Door, slecht.Vraag = cw.ID, ""
		if _, err := ns.Verwijs(ctx, slecht); err == nil {
			t.Fatal("invalid referral accepted")
		}
		if n := len(outbox(t, db)); n != 0 {
			t.Fatalf("%d mails for a refused referral", n)
		}

		n := nieuweVerwijzing("GM0175", hum)
		n.Door = cw.ID
		n.Inwoner.Email = "inwoner@voorbeeld.example"
		v, err := ns.Verwijs(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		got := outbox(t, db)
		if len(got) != 2 || got[0].aan != "coordinator@humanitas.example" || got[1].aan != "vrijwilliger@humanitas.example" {
			t.Fatalf("outbox %+v, want the two Humanitas users of GM0175", got)
		}
		link := "https://zeker.voorbeeld.nl/beheer/GM0175/verwijzingen/" + strconv.FormatInt(v.ID, 10)
		for _, m := range got {
			if m.gemeente != "GM0175" || m.soort != netwerk.MailNieuw || m.onderwerp != "Nieuwe verwijzing voor Humanitas in Zeker" ||
				!strings.Contains(m.tekst, "Er is een nieuwe verwijzing voor Humanitas in Zeker.") || !strings.Contains(m.tekst, link) {
				t.Errorf("notice %+v", m)
			}
			geenPersoonsgegevens(t, m, n)
		}

		for _, st := range []netwerk.VStatus{netwerk.Geaccepteerd, netwerk.ContactGelegd} {
			if err := ns.Beantwoord(ctx, "GM0175", v.ID, netwerk.Kijker{Gebruiker: humID, Partner: hum}, st, "Gesprek met A. Voorbeeld op dinsdag"); err != nil {
				t.Fatal(err)
			}
		}
		got = outbox(t, db)
		if len(got) != 4 {
			t.Fatalf("outbox has %d mails, want 4", len(got))
		}
		for i, st := range []string{"Geaccepteerd", "Contact gelegd"} {
			m := got[2+i]
			if m.aan != "consulent@gemeente.example" || m.soort != netwerk.MailAntwoord || m.onderwerp != "Antwoord op een verwijzing in Zeker: "+st ||
				!strings.Contains(m.tekst, "Humanitas heeft een verwijzing beantwoord: "+st+".") || !strings.Contains(m.tekst, link) {
				t.Errorf("answer notice %+v", m)
			}
			geenPersoonsgegevens(t, m, n)
			if strings.Contains(m.tekst, "dinsdag") {
				t.Errorf("the answer's note is in the mail: %q", m.tekst)
			}
		}

		// A refused answer (wrong state) rolls back: no mail.
		if err := ns.Beantwoord(ctx, "GM0175", v.ID, netwerk.Kijker{Gebruiker: humID, Partner: hum}, netwerk.Geaccepteerd, ""); err == nil {
			t.Fatal("answer in a wrong state accepted")
		}
		if len(outbox(t, db)) != 4 {
			t.Fatal("a refused answer left a mail")
		}
	})
}

// TestVerwijzingMailZonderBasisURL: without a base URL the notice goes without a link and says how to
// find the referral.
func TestVerwijzingMailZonderBasisURL(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, nil)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		as := auth.New(db, auth.Config{})
		hum := o.partner(t, "Humanitas", "GM0175")
		partnerGebruiker(t, ctx, as, o.ps, hum, "GM0175", "vrijwilliger@humanitas.example")
		n := nieuweVerwijzing("GM0175", hum)
		n.Door = 999 // no account
		v, err := o.net.Verwijs(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		got := outbox(t, db)
		if len(got) != 1 || strings.Contains(got[0].tekst, "http") || !strings.Contains(got[0].tekst, "Log in op Zeker en kies Verwijzingen") {
			t.Fatalf("outbox %+v", got)
		}
		// The sender has no account: the answer mails nobody and still succeeds.
		if err := o.net.Beantwoord(ctx, "GM0175", v.ID, netwerk.Kijker{Gebruiker: 2, Partner: hum}, netwerk.Geaccepteerd, ""); err != nil {
			t.Fatal(err)
		}
		if len(outbox(t, db)) != 1 {
			t.Fatal("a mail to a sender without an account")
		}
	})
}

// geenPersoonsgegevens fails when m carries anything of the resident or the question.
func geenPersoonsgegevens(t *testing.T, m uitgaand, n netwerk.NieuweVerwijzing) {
	t.Helper()
	for _, p := range []string{n.Inwoner.Naam, "Voorbeeld", n.Inwoner.Telefoon, n.Inwoner.Email, n.Vraag, "post", n.ToestemmingWat, "9999"} {
		if p != "" && (strings.Contains(m.tekst, p) || strings.Contains(m.onderwerp, p)) {
			t.Errorf("mail to %s contains %q: %q / %q", m.aan, p, m.onderwerp, m.tekst)
		}
	}
}
