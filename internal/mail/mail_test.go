package mail_test

import (
	"context"
	"crypto/tls"
	"database/sql"
	"encoding/base64"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

func bericht(aan string) mail.Bericht {
	return mail.Bericht{Gemeente: "GM0175", Soort: "test.bericht", Aan: aan, Onderwerp: "Nieuwe verwijzing in Zeker",
		Tekst: "Er is een nieuwe verwijzing.\nBekijk haar in Zeker.\n"}
}

func plaats(t *testing.T, db *store.DB, b mail.Bericht) int64 {
	t.Helper()
	var id int64
	if err := db.Tx(context.Background(), func(tx *sql.Tx) error {
		var err error
		id, err = mail.Plaats(context.Background(), tx, b)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return id
}

type rij struct {
	status, tekst, fout, aan, onderwerp string
	pogingen                            int
	volgende                            time.Time
}

func lees(t *testing.T, db *store.DB, id int64) rij {
	t.Helper()
	var r rij
	if err := db.SQL().QueryRow(`SELECT status, tekst, laatste_fout, aan, onderwerp, pogingen, volgende_poging FROM mail_outbox WHERE id = $1`, id).
		Scan(&r.status, &r.tekst, &r.fout, &r.aan, &r.onderwerp, &r.pogingen, &r.volgende); err != nil {
		t.Fatal(err)
	}
	return r
}

func telRijen(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM mail_outbox`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// klok is a clock the test moves; it starts at the real time, as Plaats stamps messages with it.
type klok struct {
	mu sync.Mutex
	t  time.Time
}

func nieuweKlok() *klok { return &klok{t: time.Now().Add(time.Second)} }
func (k *klok) nu() time.Time {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.t
}
func (k *klok) verder(d time.Duration) {
	k.mu.Lock()
	k.t = k.t.Add(d)
	k.mu.Unlock()
}

func TestValideer(t *testing.T) {
	goed := bericht("medewerker@humanitas.example")
	if f := goed.Valideer(); f != nil {
		t.Fatalf("valid message refused: %v", f)
	}
	for _, tc := range []struct {
		naam, pad string
		wijzig    func(*mail.Bericht)
	}{
		{"leeg adres", "aan", func(b *mail.Bericht) { b.Aan = "" }},
		{"naam erbij", "aan", func(b *mail.Bericht) { b.Aan = "Jan <jan@voorbeeld.nl>" }},
		{"twee adressen", "aan", func(b *mail.Bericht) { b.Aan = "a@voorbeeld.nl, b@voorbeeld.nl" }},
		{"regeleinde in aan", "aan", func(b *mail.Bericht) { b.Aan = "a@voorbeeld.nl\r\nBcc: x@voorbeeld.nl" }},
		{"te lang", "aan", func(b *mail.Bericht) { b.Aan = strings.Repeat("a", 250) + "@voorbeeld.nl" }},
		{"geen @", "aan", func(b *mail.Bericht) { b.Aan = "voorbeeld.nl" }},
		{"header injection onderwerp", "onderwerp", func(b *mail.Bericht) { b.Onderwerp = "Hallo\r\nBcc: x@voorbeeld.nl" }},
		{"LF in onderwerp", "onderwerp", func(b *mail.Bericht) { b.Onderwerp = "Hallo\nwereld" }},
		{"leeg onderwerp", "onderwerp", func(b *mail.Bericht) { b.Onderwerp = " " }},
		{"lange tekst", "tekst", func(b *mail.Bericht) { b.Tekst = strings.Repeat("x", mail.MaxTekst+1) }},
		{"lege tekst", "tekst", func(b *mail.Bericht) { b.Tekst = "" }},
		{"soort", "soort", func(b *mail.Bericht) { b.Soort = "Netwerk Verwijzing" }},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			b := goed
			tc.wijzig(&b)
			f := b.Valideer()
			if !f.Has(tc.pad) {
				t.Fatalf("want a reason for %s, got %v", tc.pad, f)
			}
			if !errors.Is(f, errs.Invalid) {
				t.Fatal("not errs.Invalid")
			}
		})
	}
}

// TestPlaatsInTransactie: a message exists exactly when the change that causes it committed.
func TestPlaatsInTransactie(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mis := errors.New("domeinfout")
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := mail.Plaats(ctx, tx, bericht("a@voorbeeld.nl")); err != nil {
				return err
			}
			return mis
		})
		if !errors.Is(err, mis) {
			t.Fatal(err)
		}
		if n := telRijen(t, db); n != 0 {
			t.Fatalf("rolled back: %d rows, want 0", n)
		}
		err = db.Tx(ctx, func(tx *sql.Tx) error {
			_, err := mail.Plaats(ctx, tx, bericht("a@voorbeeld.nl\nBcc: b@voorbeeld.nl"))
			return err
		})
		if !errors.Is(err, errs.Invalid) || telRijen(t, db) != 0 {
			t.Fatalf("invalid message: %v, rows %d", err, telRijen(t, db))
		}
		id := plaats(t, db, bericht("a@voorbeeld.nl"))
		if r := lees(t, db, id); r.status != "wacht" || r.aan != "a@voorbeeld.nl" || r.pogingen != 0 || !strings.Contains(r.tekst, "nieuwe verwijzing") {
			t.Fatalf("stored %+v", r)
		}
	})
}

// TestBezorgSMTP delivers through a fake SMTP server and wipes the body.
func TestBezorgSMTP(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		srv := nieuweSMTPServer(t)
		m, err := mail.ParseSMTP("smtp://" + srv.adres() + "?from=noreply@zeker.example")
		if err != nil {
			t.Fatal(err)
		}
		b := bericht("medewerker@humanitas.example")
		b.Onderwerp = "Nieuwe verwijzing voor Humanitas – Zeker"
		id := plaats(t, db, b)
		k := nieuweKlok()
		bz := &mail.Bezorger{DB: db, Verzender: m, Klok: k.nu}
		v, o, err := bz.Bezorg(context.Background())
		if err != nil || v != 1 || o != 0 {
			t.Fatalf("Bezorg = %d, %d, %v", v, o, err)
		}
		got := srv.ontvangen()
		if len(got) != 1 || got[0].van != "noreply@zeker.example" || got[0].aan != "medewerker@humanitas.example" {
			t.Fatalf("server got %+v", got)
		}
		for _, want := range []string{"To: medewerker@humanitas.example\r\n", "Subject: =?utf-8?q?Nieuwe_verwijzing_voor_Humanitas_=E2=80=93_Zeker?=\r\n",
			"Content-Type: text/plain; charset=utf-8", "Er is een nieuwe verwijzing.\r\nBekijk haar in Zeker."} {
			if !strings.Contains(got[0].data, want) {
				t.Errorf("message lacks %q:\n%s", want, got[0].data)
			}
		}
		r := lees(t, db, id)
		if r.status != "verzonden" || r.tekst != "" || r.pogingen != 1 || r.aan != b.Aan || r.onderwerp != b.Onderwerp {
			t.Fatalf("after sending: %+v (body must be wiped, metadata kept)", r)
		}
		// Nothing is sent twice.
		if v, _, _ := bz.Bezorg(context.Background()); v != 0 || len(srv.ontvangen()) != 1 {
			t.Fatalf("second run sent %d", v)
		}
	})
}

// TestBezorgOpnieuwEnOpgeven: a refusing server gets the message again with backoff, until it is given
// up after MaxPogingen with the error kept and the body wiped.
func TestBezorgOpnieuwEnOpgeven(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		srv := nieuweSMTPServer(t)
		srv.weiger = true
		m, err := mail.ParseSMTP("smtp://" + srv.adres() + "?from=noreply@zeker.example")
		if err != nil {
			t.Fatal(err)
		}
		id := plaats(t, db, bericht("a@voorbeeld.nl"))
		k := nieuweKlok()
		bz := &mail.Bezorger{DB: db, Verzender: m, Klok: k.nu}
		ctx := context.Background()
		if v, o, err := bz.Bezorg(ctx); err != nil || v+o != 0 {
			t.Fatalf("first attempt: %d %d %v", v, o, err)
		}
		r := lees(t, db, id)
		if r.status != "wacht" || r.pogingen != 1 || !strings.Contains(r.fout, "451") || r.tekst == "" {
			t.Fatalf("after one failure: %+v", r)
		}
		if d := r.volgende.Sub(k.nu()); d < 59*time.Second || d > 61*time.Second {
			t.Fatalf("next attempt in %v, want 1m", d)
		}
		// Not due yet: nothing happens.
		bz.Bezorg(ctx)
		if r := lees(t, db, id); r.pogingen != 1 {
			t.Fatalf("attempted before its time: %+v", r)
		}
		for i := 2; i <= mail.MaxPogingen; i++ {
			k.verder(mail.Wachttijd(i-1) + time.Second)
			if _, _, err := bz.Bezorg(ctx); err != nil {
				t.Fatal(err)
			}
			if r := lees(t, db, id); r.pogingen != i {
				t.Fatalf("attempt %d: %+v", i, r)
			}
		}
		r = lees(t, db, id)
		if r.status != "mislukt" || r.tekst != "" || !strings.Contains(r.fout, "451") {
			t.Fatalf("given up: %+v", r)
		}
		k.verder(24 * time.Hour)
		bz.Bezorg(ctx)
		if r := lees(t, db, id); r.pogingen != mail.MaxPogingen {
			t.Fatalf("tried after giving up: %+v", r)
		}
	})
}

func TestWachttijd(t *testing.T) {
	for n, want := range map[int]time.Duration{1: time.Minute, 2: 2 * time.Minute, 5: 16 * time.Minute, 9: 256 * time.Minute, 10: 6 * time.Hour, 50: 6 * time.Hour} {
		if got := mail.Wachttijd(n); got != want {
			t.Errorf("Wachttijd(%d) = %v, want %v", n, got, want)
		}
	}
}

// TestGeenWachtwoordZonderTLS: a server without STARTTLS gets no password.
func TestGeenWachtwoordZonderTLS(t *testing.T) {
	srv := nieuweSMTPServer(t)
	srv.auth = true
	m, err := mail.ParseSMTP("smtp://zeker:geheim@" + srv.adres() + "?from=noreply@zeker.example")
	if err != nil {
		t.Fatal(err)
	}
	err = m.Verzend(context.Background(), bericht("a@voorbeeld.nl"))
	if !errors.Is(err, mail.ErrAuthZonderTLS) {
		t.Fatalf("err = %v, want ErrAuthZonderTLS", err)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.authGezien || len(srv.berichten) != 0 {
		t.Fatal("AUTH was sent or the message delivered without TLS")
	}
	if strings.Contains(m.String(), "geheim") {
		t.Fatalf("String shows the password: %s", m)
	}
}

// TestSTARTTLSMetWachtwoord: a server that offers STARTTLS gets TLS first, then the password (AUTH PLAIN
// over TLS), then the message.
func TestSTARTTLSMetWachtwoord(t *testing.T) {
	srv := nieuweSMTPServer(t)
	var client *tls.Config
	srv.tls, client = testTLS(t)
	srv.auth = true
	m, err := mail.ParseSMTP("smtp://zeker:geheim@" + srv.adres() + "?from=noreply@zeker.example")
	if err != nil {
		t.Fatal(err)
	}
	m.TLS = client
	if err := m.Verzend(context.Background(), bericht("a@voorbeeld.nl")); err != nil {
		t.Fatal(err)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if !srv.authGezien || !srv.authTLS || len(srv.berichten) != 1 {
		t.Fatalf("auth %v over TLS %v, %d messages", srv.authGezien, srv.authTLS, len(srv.berichten))
	}
	// AUTH PLAIN carries "\x00zeker\x00geheim" in base64.
	if want := "AUTH PLAIN " + base64.StdEncoding.EncodeToString([]byte("\x00zeker\x00geheim")); srv.authRegel != want {
		t.Errorf("auth line %q, want %q", srv.authRegel, want)
	}
}

// TestSMTPS: smtps:// speaks TLS from the first byte, and sends the password over it.
func TestSMTPS(t *testing.T) {
	cfg, client := testTLS(t)
	srv := nieuweSMTPSServer(t, cfg)
	srv.auth = true
	m, err := mail.ParseSMTP("smtps://zeker:geheim@" + srv.adres() + "?from=noreply@zeker.example")
	if err != nil {
		t.Fatal(err)
	}
	m.TLS = client
	if err := m.Verzend(context.Background(), bericht("a@voorbeeld.nl")); err != nil {
		t.Fatal(err)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if !srv.authTLS || len(srv.berichten) != 1 || srv.berichten[0].aan != "a@voorbeeld.nl" {
		t.Fatalf("auth over TLS %v, messages %+v", srv.authTLS, srv.berichten)
	}
}

// TestEenKeerBezorgd: several instances deliver one outbox; every message is sent exactly once.
func TestEenKeerBezorgd(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		const n = 30
		for range n {
			plaats(t, db, bericht("a@voorbeeld.nl"))
		}
		var mu sync.Mutex
		per := map[string]int{}
		var totaal atomic.Int64
		v := verzenderFunc(func(_ context.Context, b mail.Bericht) error {
			totaal.Add(1)
			mu.Lock()
			per[b.Onderwerp]++
			mu.Unlock()
			return nil
		})
		k := nieuweKlok()
		var wg sync.WaitGroup
		for range 3 {
			bz := &mail.Bezorger{DB: db, Verzender: v, Klok: k.nu}
			wg.Go(func() {
				if _, _, err := bz.Bezorg(context.Background()); err != nil && !errors.Is(err, store.ErrBusy) {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		// A run that stopped on a busy database leaves the rest for the next run.
		(&mail.Bezorger{DB: db, Verzender: v, Klok: k.nu}).Bezorg(context.Background())
		if totaal.Load() != n {
			t.Fatalf("sent %d times, want %d", totaal.Load(), n)
		}
		var open int
		db.SQL().QueryRow(`SELECT COUNT(*) FROM mail_outbox WHERE status <> 'verzonden'`).Scan(&open)
		if open != 0 {
			t.Fatalf("%d not sent", open)
		}
	})
}

type verzenderFunc func(context.Context, mail.Bericht) error

func (f verzenderFunc) Verzend(ctx context.Context, b mail.Bericht) error { return f(ctx, b) }

// TestBewaartermijn: metadata stay for Bewaartermijn after sending, then go; mail still waiting stays
// for Bewaartermijn after it was placed (no sender set), then goes with its body — it may hold a code.
func TestBewaartermijn(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		k := nieuweKlok()
		bz := &mail.Bezorger{DB: db, Verzender: mail.LogVerzender{}, Klok: k.nu}
		id := plaats(t, db, bericht("a@voorbeeld.nl"))
		if v, _, err := bz.Bezorg(context.Background()); v != 1 || err != nil {
			t.Fatal(v, err)
		}
		oud := plaats(t, db, bericht("c@voorbeeld.nl")) // never sent: no sender runs from here on
		k.verder(mail.Bewaartermijn - time.Hour)
		nieuw := plaats(t, db, bericht("b@voorbeeld.nl")) // waiting, placed within the term: stays
		// Plaats stamps the wall clock; this message is placed at the test clock's moment.
		if _, err := db.SQL().Exec(`UPDATE mail_outbox SET aangemaakt = $1 WHERE id = $2`, k.nu().UTC().Truncate(time.Microsecond), nieuw); err != nil {
			t.Fatal(err)
		}
		if n, err := bz.Opruimen(context.Background()); err != nil || n != 0 {
			t.Fatalf("before the term: %d deleted, %v", n, err)
		}
		lees(t, db, id)
		lees(t, db, oud)
		k.verder(2 * time.Hour)
		if n, err := bz.Opruimen(context.Background()); err != nil || n != 2 {
			t.Fatalf("after the term: %d deleted, %v; want the sent one and the one waiting since the start", n, err)
		}
		if telRijen(t, db) != 1 {
			t.Fatalf("the message placed within the term must stay")
		}
	})
}

// TestOutboxLijst: a gemeente sees its own messages, masked, without bodies.
func TestOutboxLijst(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		plaats(t, db, bericht("medewerker@humanitas.example"))
		ander := bericht("x@ander.example")
		ander.Gemeente = "GM0147"
		plaats(t, db, ander)
		o := mail.NewOutbox(db)
		rs, err := o.Lijst(context.Background(), "GM0175", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 1 || rs[0].Aan != "m…@humanitas.example" || rs[0].Status != mail.Wacht {
			t.Fatalf("list %+v", rs)
		}
		if rs, _ := o.Lijst(context.Background(), "GM0175", mail.Verzonden); len(rs) != 0 {
			t.Fatalf("filter: %+v", rs)
		}
	})
}

func TestParseSMTP(t *testing.T) {
	m, err := mail.ParseSMTP("smtp://zeker:ge%40heim@mail.voorbeeld.nl?from=noreply@voorbeeld.nl")
	if err != nil || m.Host != "mail.voorbeeld.nl" || m.Poort != "587" || m.Gebruiker != "zeker" || m.Van != "noreply@voorbeeld.nl" || m.Impliciet {
		t.Fatalf("%+v %v", m, err)
	}
	if m, err := mail.ParseSMTP("smtps://mail.voorbeeld.nl?from=noreply@voorbeeld.nl"); err != nil || m.Poort != "465" || !m.Impliciet {
		t.Fatalf("smtps: %+v %v", m, err)
	}
	for _, s := range []string{"", "http://mail.voorbeeld.nl?from=a@b.nl", "smtp://mail.voorbeeld.nl", "smtp://mail.voorbeeld.nl?from=geen-adres",
		"smtp://:pw@mail.voorbeeld.nl?from=a@b.nl", "smtp://mail.voorbeeld.nl:99999?from=a@b.nl", "smtp://mail.voorbeeld.nl/pad?from=a@b.nl",
		"smtp://mail.voorbeeld.nl?from=a@b.nl&tls=nee", "smtp://mail.voorbeeld.nl?from=a@b.nl%0d%0aBcc:x@y.nl", "smtp://?from=a@b.nl"} {
		if _, err := mail.ParseSMTP(s); err == nil {
			t.Errorf("ParseSMTP(%q) accepted", s)
		} else if strings.Contains(err.Error(), "pw") {
			t.Errorf("error repeats the password: %v", err)
		}
	}
}

func TestParseBasisURL(t *testing.T) {
	for in, want := range map[string]string{"https://zeker.voorbeeld.nl": "https://zeker.voorbeeld.nl", "https://zeker.voorbeeld.nl/": "https://zeker.voorbeeld.nl",
		"http://127.0.0.1:8080": "http://127.0.0.1:8080", "https://voorbeeld.nl/zeker/": "https://voorbeeld.nl/zeker"} {
		if got, err := mail.ParseBasisURL(in); err != nil || got != want {
			t.Errorf("ParseBasisURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "zeker.voorbeeld.nl", "/beheer", "ftp://x.nl", "https://a:b@x.nl", "https://x.nl?a=1", "https://x.nl#x", "https://", "javascript:alert(1)", "https://x.nl/a b", "http://0/%00", "https://x.nl/a%0Ab"} {
		if _, err := mail.ParseBasisURL(in); err == nil {
			t.Errorf("ParseBasisURL(%q) accepted", in)
		}
	}
	if mail.Link("", "/beheer/x") != "" || mail.Link("https://x.nl", "/beheer/x") != "https://x.nl/beheer/x" {
		t.Fatal("Link")
	}
}
