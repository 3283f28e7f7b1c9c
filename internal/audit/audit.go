// Package audit is the processing log of Zeker: every read and write of personal data is appended as
// one row — when, who (user, API credential, system), which gemeente, which processing activity
// (verwerkingsactiviteit), which data subject, what operation and action, with what result, and the
// trace and span ids that tie it to the request. The structure follows the Dutch "Logboek
// dataverwerkingen" standard where it fits: a row is a span of a trace, named by its operation, with
// the processing activity and the data subject as attributes.
//
// Privacy: a data subject is never stored in plain text. A BSN (or another identifier) is stored as a
// keyed hash, HMAC-SHA256 over gemeente, kind and identifier with a server key, so the log can answer
// "who processed data about this resident in this gemeente?" for someone who knows the BSN and the
// key, and nothing to anyone else; hashes of one resident differ between gemeenten.
//
// Append-only: this package has no update or delete, and database triggers refuse both. Rows are
// read per gemeente only (Zoek, ExporteerCSV).
package audit

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Actie is the kind of processing.
type Actie string

// Actions.
const (
	Aanmaken    Actie = "create"
	Lezen       Actie = "read"
	Wijzigen    Actie = "update"
	Verwijderen Actie = "delete"
	Exporteren  Actie = "export"
)

// Resultaat is the outcome of the processing.
type Resultaat string

// Results.
const (
	OK        Resultaat = "ok"
	Fout      Resultaat = "error"
	Geweigerd Resultaat = "denied" // authorization refused the access
)

// SoortActor is the kind of actor.
type SoortActor string

// Actor kinds.
const (
	ActorGebruiker SoortActor = "user"
	ActorSleutel   SoortActor = "credential"
	ActorSysteem   SoortActor = "system"   // background jobs, imports, retention
	ActorInwoner   SoortActor = "resident" // an anonymous resident using the check
)

// Actor is who processed the data.
type Actor struct {
	Soort SoortActor
	ID    string // user or credential id; job id for the system
	Naam  string // display name at the time (the log must not change when a user is renamed)
}

// Verwerking is one processing of personal data to be logged.
type Verwerking struct {
	Gemeente              string // required
	Verwerkingsactiviteit string // required, e.g. "signalen.behandelen" (see docs/platform.md)
	Operatie              string // required, e.g. "vroegsignaalzaak.bekijken"
	Actie                 Actie  // required
	Resultaat             Resultaat
	// BSN of the data subject; stored only as a keyed hash. Or use SubjectSoort/SubjectID for another
	// identifier (e.g. "huishouden", an internal household key). Both empty for list operations.
	BSN          string
	SubjectSoort string
	SubjectID    string
	// BSNs are several data subjects of one processing (the residents shown on one page): one log row
	// whose record count is their number, with each keyed hash in audit_log_betrokkene, so that a search
	// by any of these BSNs finds the row. Use instead of BSN/SubjectID, not beside them.
	BSNs   []string
	Object string // what was processed, by internal id, e.g. "vroegsignaalzaak/123"; never a BSN or name
	Aantal int    // number of records (lists, exports); 0 means 1 for a single subject
	Detail string // short technical note (error class); never personal data
	// Actor and trace: taken from the context (WithActor, WithTrace) when empty here.
	Actor   Actor
	TraceID string
	SpanID  string
}

// Regel is a stored log row.
type Regel struct {
	ID                    int64
	Tijd                  time.Time
	Gemeente              string
	Actor                 Actor
	Verwerkingsactiviteit string
	Operatie              string
	Actie                 Actie
	SubjectSoort          string
	SubjectHash           string
	Object                string
	Aantal                int
	Resultaat             Resultaat
	Detail                string
	TraceID               string
	SpanID                string
	ParentSpanID          string
}

// Log writes and reads the processing log.
type Log struct {
	db      *store.DB
	sleutel []byte
	klok    func() time.Time
}

// MinSleutel is the minimum length of the HMAC key in bytes.
const MinSleutel = 32

// New returns a Log on db. key is the server key for the subject hashes (at least 32 bytes; keep it
// secret and stable: with another key old rows cannot be found by BSN). klok may be nil (time.Now).
func New(db *store.DB, key []byte, klok func() time.Time) (*Log, error) {
	if len(key) < MinSleutel {
		return nil, fmt.Errorf("audit: sleutel van %d bytes, minimaal %d", len(key), MinSleutel)
	}
	if klok == nil {
		klok = time.Now
	}
	return &Log{db: db, sleutel: append([]byte(nil), key...), klok: klok}, nil
}

// ParseSleutel decodes a key given as hex or base64 (for example from ZEKER_AUDIT_KEY).
func ParseSleutel(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) >= MinSleutel {
		return b, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) >= MinSleutel {
			return b, nil
		}
	}
	return nil, fmt.Errorf("audit: sleutel moet hex of base64 zijn en minstens %d bytes bevatten", MinSleutel)
}

// NieuweSleutel returns a fresh random 32-byte key, hex-encoded.
func NieuweSleutel() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b[:])
}

// Pseudoniem returns the keyed hash of a data subject identifier in gemeente.
func (l *Log) Pseudoniem(gemeente, soort, id string) string {
	m := hmac.New(sha256.New, l.sleutel)
	m.Write([]byte(gemeente))
	m.Write([]byte{0})
	m.Write([]byte(soort))
	m.Write([]byte{0})
	m.Write([]byte(strings.TrimSpace(id)))
	return hex.EncodeToString(m.Sum(nil))
}

// ErrOnvolledig is returned for a Verwerking without its required fields.
var ErrOnvolledig = errors.New("audit: verwerking onvolledig")

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Schrijf appends v to the log in its own transaction. Use SchrijfTx when the processing is a write
// in a transaction, so the change and its log row commit together.
func (l *Log) Schrijf(ctx context.Context, v Verwerking) error {
	return l.schrijf(ctx, l.db.SQL(), v)
}

// SchrijfTx appends v to the log inside tx.
func (l *Log) SchrijfTx(ctx context.Context, tx *sql.Tx, v Verwerking) error {
	return l.schrijf(ctx, tx, v)
}

func (l *Log) schrijf(ctx context.Context, q execer, v Verwerking) error {
	if len(v.BSNs) > 0 {
		if tx, ok := q.(*sql.Tx); ok {
			return l.schrijfMeer(ctx, tx, v)
		}
		// The row and its subjects commit together.
		return l.db.Tx(ctx, func(tx *sql.Tx) error { return l.schrijfMeer(ctx, tx, v) })
	}
	return l.schrijfEen(ctx, q, v)
}

// schrijfMeer writes a row with several BSNs: the row (subject type bsn, no hash of its own) and one
// audit_log_betrokkene row per distinct BSN.
func (l *Log) schrijfMeer(ctx context.Context, tx *sql.Tx, v Verwerking) error {
	if v.BSN != "" || v.SubjectID != "" {
		return fmt.Errorf("%w: BSNs naast BSN of SubjectID", ErrOnvolledig)
	}
	gezien := map[string]bool{}
	var hashes []string
	for _, b := range v.BSNs {
		if b = strings.TrimSpace(b); b == "" {
			continue
		}
		if h := l.Pseudoniem(v.Gemeente, "bsn", b); !gezien[h] {
			gezien[h] = true
			hashes = append(hashes, h)
		}
	}
	v.BSNs, v.SubjectSoort = nil, "bsn"
	if v.Aantal == 0 {
		v.Aantal = len(hashes)
	}
	var id int64
	if err := l.schrijfRij(ctx, tx, v, &id); err != nil {
		return err
	}
	const blok = 50 // rows per statement: 200 parameters, well inside both engines' limits
	for start := 0; start < len(hashes); start += blok {
		eind := min(start+blok, len(hashes))
		var sb strings.Builder
		sb.WriteString(`INSERT INTO audit_log_betrokkene (log_id, gemeente, subject_type, subject_hash) VALUES `)
		args := make([]any, 0, 4*(eind-start))
		for i, h := range hashes[start:eind] {
			if i > 0 {
				sb.WriteString(", ")
			}
			n := len(args)
			fmt.Fprintf(&sb, "($%d, $%d, $%d, $%d)", n+1, n+2, n+3, n+4)
			args = append(args, id, v.Gemeente, "bsn", h)
		}
		if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("audit: schrijf betrokkenen %s/%s: %w", v.Gemeente, v.Operatie, store.MapError(err))
		}
	}
	return nil
}

func (l *Log) schrijfEen(ctx context.Context, q execer, v Verwerking) error {
	return l.schrijfRij(ctx, q, v, nil)
}

// schrijfRij inserts the row of v; when id is not nil it receives the new row's id.
func (l *Log) schrijfRij(ctx context.Context, q execer, v Verwerking, id *int64) error {
	if v.Gemeente == "" || v.Verwerkingsactiviteit == "" || v.Operatie == "" {
		return fmt.Errorf("%w: gemeente, verwerkingsactiviteit en operatie zijn verplicht", ErrOnvolledig)
	}
	switch v.Actie {
	case Aanmaken, Lezen, Wijzigen, Verwijderen, Exporteren:
	default:
		return fmt.Errorf("%w: onbekende actie %q", ErrOnvolledig, v.Actie)
	}
	if v.Resultaat == "" {
		v.Resultaat = OK
	}
	if v.Actor == (Actor{}) {
		v.Actor = ActorUit(ctx)
	}
	if v.Actor.Soort == "" {
		return fmt.Errorf("%w: geen actor (zet audit.WithActor op de context)", ErrOnvolledig)
	}
	tr := TraceUit(ctx)
	if v.TraceID == "" {
		v.TraceID = tr.TraceID
	}
	parent := tr.SpanID
	if v.SpanID == "" {
		v.SpanID = NieuweSpanID()
	}
	if parent == v.SpanID {
		parent = tr.ParentSpanID
	}
	soort, hash := v.SubjectSoort, ""
	switch {
	case v.BSN != "":
		soort, hash = "bsn", l.Pseudoniem(v.Gemeente, "bsn", v.BSN)
	case v.SubjectID != "":
		if soort == "" {
			return fmt.Errorf("%w: SubjectID zonder SubjectSoort", ErrOnvolledig)
		}
		hash = l.Pseudoniem(v.Gemeente, soort, v.SubjectID)
	}
	aantal := v.Aantal
	if aantal == 0 && hash != "" {
		aantal = 1
	}
	const ins = `INSERT INTO audit_log (at, gemeente, actor_type, actor_id, actor_name, processing_activity, operation, action,
		subject_type, subject_hash, object, record_count, result, detail, trace_id, span_id, parent_span_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`
	args := []any{l.klok().UTC().Truncate(time.Microsecond), v.Gemeente, string(v.Actor.Soort), v.Actor.ID, v.Actor.Naam, v.Verwerkingsactiviteit,
		v.Operatie, string(v.Actie), soort, hash, v.Object, aantal, string(v.Resultaat), v.Detail, v.TraceID, v.SpanID, parent}
	var err error
	if id != nil {
		tx, ok := q.(*sql.Tx)
		if !ok {
			return fmt.Errorf("audit: schrijf %s/%s: geen transactie", v.Gemeente, v.Operatie)
		}
		err = tx.QueryRowContext(ctx, ins+` RETURNING id`, args...).Scan(id)
	} else {
		_, err = q.ExecContext(ctx, ins, args...)
	}
	if err != nil {
		return fmt.Errorf("audit: schrijf %s/%s: %w", v.Gemeente, v.Operatie, store.MapError(err))
	}
	return nil
}

// LaadOfMaakSleutel reads the key from the file at path (hex, as written by this function), or, when
// the file does not exist, creates it with a new random key and mode 0600. It reports whether it
// created the file. For the demo and single-host installs; several instances share one key through
// ZEKER_AUDIT_KEY instead. The key is kept out of the database on purpose: with database and key
// together, hashed BSNs can be found by trying all of them.
func LaadOfMaakSleutel(path string) ([]byte, bool, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		k, err := ParseSleutel(string(b))
		if err != nil {
			return nil, false, fmt.Errorf("audit: sleutelbestand %s: %w", path, err)
		}
		return k, false, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, false, fmt.Errorf("audit: sleutelbestand: %w", err)
	}
	k := NieuweSleutel()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) { // created meanwhile by another process
			return LaadOfMaakSleutel(path)
		}
		return nil, false, fmt.Errorf("audit: sleutelbestand: %w", err)
	}
	if _, err := f.WriteString(k + "\n"); err != nil {
		f.Close()
		return nil, false, err
	}
	if err := f.Close(); err != nil {
		return nil, false, err
	}
	kb, _ := ParseSleutel(k)
	return kb, true, nil
}
