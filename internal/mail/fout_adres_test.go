package mail_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestFoutZonderAdres: an SMTP server often repeats the recipient in its refusal ("550 5.1.1
// <jan@…>: Recipient address rejected"). That error is kept in laatste_fout (shown on the outbox page,
// which masks the recipient) and logged, so the whole address must not survive in it (docs/mail.md:
// nothing logs a whole address).
func TestFoutZonderAdres(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		const aan = "jan.tester@voorbeeld.nl"
		id := plaats(t, db, bericht(aan))
		var logboek bytes.Buffer
		v := verzenderFunc(func(context.Context, mail.Bericht) error {
			return errors.New("mail: RCPT TO: 550 5.1.1 <Jan.Tester@voorbeeld.nl>: Recipient address rejected: User unknown")
		})
		bz := &mail.Bezorger{DB: db, Verzender: v, Klok: nieuweKlok().nu, Log: slog.New(slog.NewTextHandler(&logboek, nil))}
		if _, _, err := bz.Bezorg(context.Background()); err != nil {
			t.Fatal(err)
		}
		r := lees(t, db, id)
		if !strings.Contains(r.fout, "550 5.1.1") || !strings.Contains(r.fout, "j…@voorbeeld.nl") {
			t.Errorf("laatste_fout %q: want the server's code and the masked address", r.fout)
		}
		for naam, s := range map[string]string{"laatste_fout": r.fout, "log": logboek.String()} {
			if strings.Contains(strings.ToLower(s), aan) {
				t.Errorf("%s holds the whole address: %q", naam, s)
			}
		}
		if !strings.Contains(logboek.String(), "550 5.1.1") {
			t.Errorf("log without the error: %q", logboek.String())
		}
	})
}
