// Package mail is Zeker's outgoing e-mail: an outbox in the database and its delivery.
//
// A part that must mail someone writes a Bericht into the outbox with Plaats, inside the transaction of
// the change that causes it (the way internal/audit writes its row with SchrijfTx and internal/jobs
// enqueues with Enqueue): the message exists exactly when the change committed, so nothing is lost when
// the mail server is down and nothing is sent for a change that rolled back.
//
// The job mail.bezorgen (Bezorger, registered on internal/jobs by cmd/zeker) claims waiting messages
// with a lease, so several instances never send one twice, and hands them to a Verzender: SMTP
// (STARTTLS when the server offers it, AUTH PLAIN only over TLS) or the log sender of the demo and of
// development, which sends nothing and logs only the subject and the recipient's domain. A failed
// delivery is retried with exponential backoff and given up after MaxPogingen attempts, with the last
// error kept.
//
// Privacy: a mail carries no personal data except what the recipient must have (docs/mail.md). Once a
// message is sent or given up its body is wiped; recipient, subject, status and times stay for
// Bewaartermijn and are then deleted by the job mail.opruimen. Nothing in this package logs a body.
//
// Storage: the table mail_outbox (migration 0007, platform range). This package imports no domain
// package; internal/archtest checks that.
package mail

import (
	"context"
	"database/sql"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/store"
)

// Limits of a message.
const (
	MaxAdres     = 254      // RFC 5321 §4.5.3.1.3: a path holds at most 256 octets, brackets included
	MaxOnderwerp = 200      // characters
	MaxTekst     = 64 << 10 // bytes of the plain text body
	MaxSoort     = 64       // bytes of the kind
	MaxGemeente  = 16       // bytes of the tenant code
)

// Bericht is one message: to one address, a subject and a plain text body.
type Bericht struct {
	// Gemeente is the tenant the message belongs to ("" for platform mail); its beheerder sees it on
	// the outbox page.
	Gemeente string
	// Soort names what caused the message, e.g. "netwerk.verwijzing.nieuw" or "aanvragen.code".
	Soort     string
	Aan       string // one bare address: naam@voorbeeld.nl, no display name
	Onderwerp string // one line
	Tekst     string // plain text; lines end in \n
}

// GeldigAdres returns the reason addr is not one bare e-mail address, or "" when it is. A display
// name, a list, CR or LF and more than MaxAdres bytes are refused.
func GeldigAdres(addr string) string {
	switch {
	case addr == "":
		return "Vul een e-mailadres in."
	case len(addr) > MaxAdres:
		return fmt.Sprintf("Een e-mailadres is hoogstens %d tekens lang.", MaxAdres)
	case strings.ContainsAny(addr, "\r\n"):
		return "Een e-mailadres mag geen regeleinde bevatten."
	case !utf8.ValidString(addr):
		return "Het e-mailadres bevat ongeldige tekens."
	}
	a, err := mail.ParseAddress(addr)
	if err != nil || a.Address != addr || a.Name != "" || !strings.Contains(a.Address, "@") {
		return "Vul één e-mailadres in zoals naam@voorbeeld.nl."
	}
	for _, r := range addr {
		if r < 0x21 || r == 0x7f {
			return "Vul één e-mailadres in zoals naam@voorbeeld.nl."
		}
	}
	return ""
}

// Valideer returns the problems of b per field (aan, onderwerp, tekst, soort, gemeente), nil when
// there are none. A subject with CR or LF (header injection) is refused, not cleaned.
func (b Bericht) Valideer() errs.Fields {
	f := errs.Fields{}
	f.Set("aan", GeldigAdres(b.Aan))
	switch {
	case strings.TrimSpace(b.Onderwerp) == "":
		f.Set("onderwerp", "Het onderwerp ontbreekt.")
	case strings.ContainsAny(b.Onderwerp, "\r\n"):
		f.Set("onderwerp", "Het onderwerp mag geen regeleinde bevatten.")
	case !utf8.ValidString(b.Onderwerp) || strings.IndexFunc(b.Onderwerp, unicode.IsControl) >= 0:
		f.Set("onderwerp", "Het onderwerp bevat ongeldige tekens.")
	case utf8.RuneCountInString(b.Onderwerp) > MaxOnderwerp:
		f.Set("onderwerp", fmt.Sprintf("Het onderwerp is hoogstens %d tekens lang.", MaxOnderwerp))
	}
	switch {
	case strings.TrimSpace(b.Tekst) == "":
		f.Set("tekst", "De tekst van het bericht ontbreekt.")
	case len(b.Tekst) > MaxTekst:
		f.Set("tekst", fmt.Sprintf("De tekst is hoogstens %d bytes lang.", MaxTekst))
	case !utf8.ValidString(b.Tekst) || strings.ContainsRune(b.Tekst, 0):
		f.Set("tekst", "De tekst bevat ongeldige tekens.")
	}
	if b.Soort == "" || len(b.Soort) > MaxSoort || strings.IndexFunc(b.Soort, func(r rune) bool {
		return !(r == '.' || r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) >= 0 {
		f.Set("soort", "De soort is een korte naam van kleine letters, cijfers en punten, zoals netwerk.verwijzing.nieuw.")
	}
	if len(b.Gemeente) > MaxGemeente || strings.ContainsAny(b.Gemeente, "\r\n") {
		f.Set("gemeente", "Ongeldige gemeentecode.")
	}
	if len(f) == 0 {
		return nil
	}
	return f
}

// Plaats writes b into the outbox inside tx, the transaction of the change that causes it, and returns
// its id. It is delivered after tx commits (by the job mail.bezorgen) and never when tx rolls back.
// An invalid message is an errs.Fields (an errs.Invalid) and writes nothing.
func Plaats(ctx context.Context, tx *sql.Tx, b Bericht) (int64, error) {
	if f := b.Valideer(); f != nil {
		return 0, f
	}
	nu := time.Now().UTC().Truncate(time.Microsecond)
	tekst := strings.ReplaceAll(b.Tekst, "\r\n", "\n")
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO mail_outbox (gemeente, soort, aan, onderwerp, tekst, status, volgende_poging, aangemaakt)
		VALUES ($1, $2, $3, $4, $5, 'wacht', $6, $6) RETURNING id`, b.Gemeente, b.Soort, b.Aan, b.Onderwerp, tekst, nu).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("mail: in de outbox zetten: %w", store.MapError(err))
	}
	return id, nil
}
