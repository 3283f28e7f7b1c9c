package mail

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/store"
)

// Verzender delivers one message. An error means "not delivered, try again later"; the Bezorger
// counts the attempt.
type Verzender interface {
	Verzend(ctx context.Context, b Bericht) error
}

// LogVerzender is the sender of the demo and of development: it sends nothing, so the message counts
// as delivered, and logs only the kind, the subject and the recipient's domain, never the body or the
// whole address.
type LogVerzender struct{ Log *slog.Logger }

// Verzend logs b without its body.
func (l LogVerzender) Verzend(ctx context.Context, b Bericht) error {
	log := l.Log
	if log == nil {
		log = slog.Default()
	}
	log.InfoContext(ctx, "e-mail niet verstuurd (log-verzender)", "soort", b.Soort, "gemeente", b.Gemeente,
		"onderwerp", b.Onderwerp, "domein_ontvanger", Domein(b.Aan))
	return nil
}

// Domein is the part of addr after its last @ ("" when there is none).
func Domein(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return addr[i+1:]
	}
	return ""
}

// Delivery settings.
const (
	// MaxPogingen is how often a message is tried before it is given up: with Wachttijd's backoff the
	// last attempt is 511 minutes (about 8.5 hours) after the first, enough to ride out a mail server's
	// outage or maintenance window.
	MaxPogingen = 10
	// Lease is how long a claimed message is reserved for one instance; a message whose instance died
	// is claimed again after it.
	Lease = 2 * time.Minute
	// Bewaartermijn is how long the metadata of a sent or given-up message (recipient, subject, status,
	// times; the body is wiped at once) are kept: long enough to answer "did the notice go out?" for a
	// complaint or an objection (the bezwaar term is six weeks, Awb 6:7, plus time to handle it), and no
	// longer (AVG art. 5 lid 1 onder e). Deleted by the job mail.opruimen.
	Bewaartermijn = 90 * 24 * time.Hour
	// PerRonde is the most messages one run of mail.bezorgen sends; the rest waits for the next run.
	PerRonde = 200
)

// Wachttijd is the wait before the next attempt after the n-th failed one: 1, 2, 4, … minutes, at
// most 6 hours.
func Wachttijd(n int) time.Duration {
	if n < 1 {
		n = 1
	}
	if n > 10 {
		return 6 * time.Hour
	}
	d := time.Minute << (n - 1)
	return min(d, 6*time.Hour)
}

// Job kinds of this package.
const (
	JobBezorgen = "mail.bezorgen"
	JobOpruimen = "mail.opruimen"
)

// Bezorger delivers the outbox. Any number of instances may run one on the same database.
type Bezorger struct {
	DB        *store.DB
	Verzender Verzender
	Log       *slog.Logger     // nil: slog.Default()
	Klok      func() time.Time // nil: time.Now
	id        string
}

func (b *Bezorger) nu() time.Time {
	k := b.Klok
	if k == nil {
		k = time.Now
	}
	return k().UTC().Truncate(time.Microsecond)
}

func (b *Bezorger) log() *slog.Logger {
	if b.Log == nil {
		return slog.Default()
	}
	return b.Log
}

func (b *Bezorger) instantie() string {
	if b.id == "" {
		var r [8]byte
		_, _ = rand.Read(r[:])
		b.id = hex.EncodeToString(r[:])
	}
	return b.id
}

// Registreer registers the jobs on r: mail.bezorgen every minute, mail.opruimen every day.
func (b *Bezorger) Registreer(r *jobs.Runner) {
	b.instantie()
	r.Handle(JobBezorgen, func(ctx context.Context, run *jobs.Run) error {
		v, m, err := b.Bezorg(ctx)
		if err != nil {
			return err
		}
		return run.SetProgress(ctx, int64(v+m), int64(v+m), fmt.Sprintf("%d e-mails verstuurd, %d opgegeven", v, m))
	})
	r.Every(JobBezorgen, "", time.Minute)
	r.Handle(JobOpruimen, func(ctx context.Context, run *jobs.Run) error {
		n, err := b.Opruimen(ctx)
		if err != nil {
			return err
		}
		return run.SetProgress(ctx, n, n, fmt.Sprintf("%d oude e-mails verwijderd", n))
	})
	r.Every(JobOpruimen, "", 24*time.Hour)
}

// ErrGeenVerzender is returned by Bezorg without a Verzender.
var ErrGeenVerzender = errors.New("mail: geen verzender ingesteld")

type geclaimd struct {
	id       int64
	pogingen int
	b        Bericht
}

// claim reserves the oldest waiting message (or one whose lease ran out) for this instance and
// counts the attempt; ok is false when none is due. The UPDATE re-checks the state, and PostgreSQL
// skips rows another instance is claiming, so one message is claimed by one instance at a time.
func (b *Bezorger) claim(ctx context.Context) (geclaimd, bool, error) {
	nu := b.nu()
	lock := ""
	if b.DB.Dialect() == store.Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	q := `UPDATE mail_outbox SET status = 'bezig', pogingen = pogingen + 1, vergrendeld_door = $1, vergrendeld_tot = $2
		WHERE id = (SELECT id FROM mail_outbox
			WHERE (status = 'wacht' AND volgende_poging <= $3) OR (status = 'bezig' AND vergrendeld_tot < $3)
			ORDER BY volgende_poging, id LIMIT 1` + lock + `)
		AND ((status = 'wacht' AND volgende_poging <= $3) OR (status = 'bezig' AND vergrendeld_tot < $3))
		RETURNING id, pogingen, gemeente, soort, aan, onderwerp, tekst`
	var g geclaimd
	err := b.DB.SQL().QueryRowContext(ctx, q, b.instantie(), nu.Add(Lease), nu).Scan(&g.id, &g.pogingen,
		&g.b.Gemeente, &g.b.Soort, &g.b.Aan, &g.b.Onderwerp, &g.b.Tekst)
	if err != nil {
		if errors.Is(store.MapError(err), store.ErrNotFound) {
			return g, false, nil
		}
		return g, false, fmt.Errorf("mail: claimen: %w", store.MapError(err))
	}
	return g, true, nil
}

// Bezorg sends the messages that are due, at most PerRonde, and returns how many were sent and how
// many were given up in this run.
func (b *Bezorger) Bezorg(ctx context.Context) (verzonden, opgegeven int, err error) {
	if b.Verzender == nil {
		return 0, 0, ErrGeenVerzender
	}
	for range PerRonde {
		if ctx.Err() != nil {
			return verzonden, opgegeven, ctx.Err()
		}
		g, ok, err := b.claim(ctx)
		if err != nil || !ok {
			return verzonden, opgegeven, err
		}
		fout := b.Verzender.Verzend(ctx, g.b)
		nu := b.nu()
		if fout == nil {
			// Sent: the body goes at once.
			_, err = b.DB.Exec(ctx, `UPDATE mail_outbox SET status = 'verzonden', tekst = '', afgehandeld = $2, laatste_fout = '',
				vergrendeld_door = '', vergrendeld_tot = NULL WHERE id = $1 AND vergrendeld_door = $3`, g.id, nu, b.instantie())
			verzonden++
		} else {
			reden := foutTekst(fout, g.b.Aan)
			if g.pogingen >= MaxPogingen {
				_, err = b.DB.Exec(ctx, `UPDATE mail_outbox SET status = 'mislukt', tekst = '', afgehandeld = $2, laatste_fout = $3,
					vergrendeld_door = '', vergrendeld_tot = NULL WHERE id = $1 AND vergrendeld_door = $4`, g.id, nu, reden, b.instantie())
				opgegeven++
				b.log().WarnContext(ctx, "e-mail opgegeven", "id", g.id, "soort", g.b.Soort, "gemeente", g.b.Gemeente,
					"domein_ontvanger", Domein(g.b.Aan), "pogingen", g.pogingen, "fout", reden)
			} else {
				_, err = b.DB.Exec(ctx, `UPDATE mail_outbox SET status = 'wacht', volgende_poging = $2, laatste_fout = $3,
					vergrendeld_door = '', vergrendeld_tot = NULL WHERE id = $1 AND vergrendeld_door = $4`,
					g.id, nu.Add(Wachttijd(g.pogingen)), reden, b.instantie())
				b.log().InfoContext(ctx, "e-mail niet bezorgd, volgt later", "id", g.id, "soort", g.b.Soort,
					"domein_ontvanger", Domein(g.b.Aan), "pogingen", g.pogingen, "fout", reden)
			}
		}
		if err != nil {
			return verzonden, opgegeven, fmt.Errorf("mail: bericht %d bijwerken: %w", g.id, err)
		}
	}
	return verzonden, opgegeven, nil
}

// foutTekst is the stored form of a delivery error: one line, at most 500 bytes, with the recipient aan
// masked wherever the server repeated it ("550 <jan@…>: Recipient address rejected"): the error is
// logged and shown on the outbox page, which never shows a whole address.
func foutTekst(err error, aan string) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if aan != "" {
		s = regexp.MustCompile(`(?i)`+regexp.QuoteMeta(aan)).ReplaceAllLiteralString(s, Maskeer(aan))
	}
	if len(s) > 500 {
		s = strings.ToValidUTF8(s[:500], "")
	}
	return s
}

// Opruimen deletes the metadata of messages sent or given up more than Bewaartermijn ago, and messages
// still waiting that were placed more than Bewaartermijn ago, wipes any
// body left on a finished message (defensive: Bezorg already did), and returns how many rows went.
func (b *Bezorger) Opruimen(ctx context.Context) (int64, error) {
	nu := b.nu()
	if _, err := b.DB.Exec(ctx, `UPDATE mail_outbox SET tekst = '' WHERE status IN ('verzonden', 'mislukt') AND tekst <> ''`); err != nil {
		return 0, fmt.Errorf("mail: opruimen: %w", err)
	}
	// A message still waiting after Bewaartermijn (no sender was ever set: no --smtp) goes too, body and
	// all: it may hold a resident's code or address, long after the application it came with was deleted.
	res, err := b.DB.Exec(ctx, `DELETE FROM mail_outbox WHERE (status IN ('verzonden', 'mislukt') AND afgehandeld < $1)
		OR (status = 'wacht' AND aangemaakt < $1)`, nu.Add(-Bewaartermijn))
	if err != nil {
		return 0, fmt.Errorf("mail: opruimen: %w", err)
	}
	return res.RowsAffected()
}
