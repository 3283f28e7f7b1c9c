package mail

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Status is the state of a message in the outbox.
type Status string

// The states.
const (
	Wacht     Status = "wacht"     // waiting for (another) attempt
	Bezig     Status = "bezig"     // claimed by an instance, being sent
	Verzonden Status = "verzonden" // handed to the mail server (or, with the log sender, logged)
	Mislukt   Status = "mislukt"   // given up after MaxPogingen attempts
)

// Statussen lists the states in the order pages show them.
var Statussen = []Status{Wacht, Bezig, Verzonden, Mislukt}

// Regel is a message as the outbox page shows it: never the body.
type Regel struct {
	ID             int64
	Soort          string
	Aan            string // masked: the first character of the local part and the domain
	Onderwerp      string
	Status         Status
	Pogingen       int
	LaatsteFout    string
	Aangemaakt     time.Time
	VolgendePoging time.Time
	Afgehandeld    *time.Time
}

// Outbox reads the outbox for the operator's page (the web parts do not hold the database).
type Outbox struct{ db *store.DB }

// NewOutbox returns the outbox of db.
func NewOutbox(db *store.DB) *Outbox { return &Outbox{db: db} }

// MaxLijst is the most messages one list shows.
const MaxLijst = 200

// Lijst returns the newest messages of gemeente (at most MaxLijst), of one status when status is not
// empty. Rows of other gemeenten and bodies are never read.
func (o *Outbox) Lijst(ctx context.Context, gemeente string, status Status) ([]Regel, error) {
	q := `SELECT id, soort, aan, onderwerp, status, pogingen, laatste_fout, aangemaakt, volgende_poging, afgehandeld
		FROM mail_outbox WHERE gemeente = $1`
	args := []any{gemeente}
	if status != "" {
		q += ` AND status = $2`
		args = append(args, string(status))
	}
	q += fmt.Sprintf(` ORDER BY aangemaakt DESC, id DESC LIMIT %d`, MaxLijst)
	rows, err := o.db.SQL().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("mail: outbox: %w", store.MapError(err))
	}
	defer rows.Close()
	var uit []Regel
	for rows.Next() {
		var r Regel
		var af sql.NullTime
		if err := rows.Scan(&r.ID, &r.Soort, &r.Aan, &r.Onderwerp, &r.Status, &r.Pogingen, &r.LaatsteFout, &r.Aangemaakt,
			&r.VolgendePoging, &af); err != nil {
			return nil, fmt.Errorf("mail: outbox: %w", err)
		}
		r.Aan = Maskeer(r.Aan)
		if af.Valid {
			t := af.Time
			r.Afgehandeld = &t
		}
		uit = append(uit, r)
	}
	return uit, rows.Err()
}

// Maskeer shows an address as its first character, "…" and the domain: enough to see where a
// message went, not whom.
func Maskeer(addr string) string {
	i := strings.LastIndexByte(addr, '@')
	if i <= 0 {
		return "…"
	}
	r := []rune(addr[:i])
	return string(r[0]) + "…" + addr[i:]
}

// ParseBasisURL reads the --basis-url setting: the absolute http(s) address where users reach Zeker,
// without a path beyond "/", query, fragment or user info. It returns the URL without a trailing
// slash, ready for Link.
func ParseBasisURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("leeg; geef bijvoorbeeld https://zeker.voorbeeld.nl")
	}
	if strings.ContainsAny(s, "\r\n\t \x00") {
		return "", errors.New("bevat witruimte of een regeleinde")
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", errors.New("geen geldige URL; schrijf bijvoorbeeld https://zeker.voorbeeld.nl")
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return "", fmt.Errorf("schema %q: begin met https:// (of http:// voor een test)", u.Scheme)
	}
	if u.Host == "" || u.Hostname() == "" {
		return "", errors.New("de host ontbreekt")
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery || u.Opaque != "" {
		return "", errors.New("alleen schema, host, poort en eventueel een pad: geen gebruiker, ? of #")
	}
	if u.Path != "" && (u.RawPath != "" || strings.Contains(u.Path, "..") || !strings.HasPrefix(u.Path, "/") || !gewoonPad(u.Path)) {
		return "", errors.New("het pad mag alleen gewone tekens bevatten")
	}
	return strings.TrimRight(u.Scheme+"://"+u.Host+u.Path, "/"), nil
}

// gewoonPad: a path of letters, digits and - . _ ~ / only, as decoded — so an escaped control character
// ("%00", found by FuzzParseBasisURL) or space cannot reach a link.
func gewoonPad(p string) bool {
	for _, c := range p {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.ContainsRune("-._~/", c):
		default:
			return false
		}
	}
	return true
}

// Link joins a base URL from ParseBasisURL and an absolute path of Zeker ("/beheer/…"). Without a base
// it returns "": a relative path is useless in a mail.
func Link(basis, pad string) string {
	if basis == "" || !strings.HasPrefix(pad, "/") {
		return ""
	}
	return basis + pad
}
