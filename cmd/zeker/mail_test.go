package main

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// verwijsMetMail makes Humanitas with a user in eigen and refers a resident to it as the consulent, with
// the base URL set; it returns the referral.
func verwijsMetMail(t *testing.T, o *staffOmgeving) netwerk.Verwijzing {
	t.Helper()
	c := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	hum := o.Partner("Humanitas", eigen)
	code, u, err := o.Auth.NodigUit(c, auth.NieuweUitnodiging{Gemeente: eigen, Email: "vrijwilliger@humanitas.test", Naam: "Mw. H", Rol: auth.Intermediair})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Partners.KoppelUitnodiging(c, u.ID, hum, eigen); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := o.Auth.Aanvaard(c, auth.Aanvaarden{Email: "vrijwilliger@humanitas.test", Code: code, Wachtwoord: webtest.Wachtwoord, IP: "192.0.2.9"}); err != nil {
		t.Fatal(err)
	}
	ns, err := netwerk.New(netwerk.Config{DB: o.DB, Audit: o.Audit, Partners: o.Partners, Klok: func() time.Time { return webtest.Nu },
		BasisURL: "https://zeker.gemeente.test"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := ns.Verwijs(c, netwerk.NieuweVerwijzing{Gemeente: eigen, Richting: netwerk.NaarPartner, PartnerID: hum, Bron: netwerk.BronZaak,
		BronID: 1, Door: o.IDs["consulent"], Inwoner: netwerk.Inwoner{Naam: "Inwoner Geheim", Telefoon: "0612345678"}, Behoefte: netwerk.Schuldhulp,
		Vraag: "vraag over huurschuld", Grondslag: netwerk.WettelijkeTaak, Artikel: "wgs-3a"})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestMailPagina: the beheerder's outbox page lists the notice of a referral — kind, masked recipient,
// subject, status — and never a body, a whole address or another gemeente's mail; the status filter
// works.
func TestMailPagina(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		verwijsMetMail(t, o)
		if err := db.Tx(t.Context(), func(tx *sql.Tx) error {
			_, err := mail.Plaats(t.Context(), tx, mail.Bericht{Gemeente: ander, Soort: "test.ander", Aan: "iemand@ander.test",
				Onderwerp: "Bericht van een andere gemeente", Tekst: "tekst"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		// The demo's sender: the notice counts as sent, its body is wiped.
		if v, _, err := (&mail.Bezorger{DB: db, Verzender: mail.LogVerzender{}}).Bezorg(context.Background()); err != nil || v != 2 {
			t.Fatalf("Bezorg = %d, %v", v, err)
		}
		a := o.Doe(http.MethodGet, "/beheer/"+eigen+"/mail", o.SessieAls("beheerder"), nil, nil)
		if a.Status != http.StatusOK {
			t.Fatalf("status %d", a.Status)
		}
		for _, want := range []string{"Nieuwe verwijzing voor Humanitas in Zeker", "v…@humanitas.test", "Verzonden", netwerk.MailNieuw} {
			if !strings.Contains(a.Body, want) {
				t.Errorf("page lacks %q", want)
			}
		}
		for _, niet := range []string{"vrijwilliger@", "Er is een nieuwe verwijzing", "https://zeker.gemeente.test", "Inwoner Geheim", "huurschuld", "andere gemeente"} {
			if strings.Contains(a.Body, niet) {
				t.Errorf("page shows %q", niet)
			}
		}
		a = o.Doe(http.MethodGet, "/beheer/"+eigen+"/mail?status=mislukt", o.SessieAls("beheerder"), nil, nil)
		if a.Status != http.StatusOK || strings.Contains(a.Body, "Nieuwe verwijzing voor") || !strings.Contains(a.Body, "Er zijn geen e-mails met deze status") {
			t.Errorf("filter mislukt: %d", a.Status)
		}
		if a := o.Doe(http.MethodGet, "/beheer/"+eigen+"/mail", o.SessieAls("consulent"), nil, nil); a.Status != http.StatusForbidden {
			t.Errorf("consulent gets %d", a.Status)
		}
	})
}

// TestMailInstellingen: --smtp and --basis-url are read, a bad value names the option.
func TestMailInstellingen(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if v, b, err := mailInstellingen("", "", log); v != nil || b != "" || err != nil {
		t.Fatalf("empty: %v %q %v", v, b, err)
	}
	if v, b, err := mailInstellingen("log", "https://zeker.gemeente.test/", log); err != nil || b != "https://zeker.gemeente.test" {
		t.Fatalf("log: %v %q %v", v, b, err)
	} else if _, ok := v.(mail.LogVerzender); !ok {
		t.Fatalf("log gives %T", v)
	}
	if v, _, err := mailInstellingen("smtp://u:p@mail.gemeente.test:587?from=noreply@gemeente.test", "", log); err != nil {
		t.Fatal(err)
	} else if m, ok := v.(*mail.SMTP); !ok || m.Host != "mail.gemeente.test" {
		t.Fatalf("smtp gives %#v", v)
	}
	if _, _, err := mailInstellingen("smtp://mail.gemeente.test", "", log); err == nil || !strings.Contains(err.Error(), "--smtp") {
		t.Errorf("bad --smtp: %v", err)
	}
	if _, _, err := mailInstellingen("", "zeker.gemeente.test", log); err == nil || !strings.Contains(err.Error(), "--basis-url") {
		t.Errorf("bad --basis-url: %v", err)
	}
}
