package audit

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Filter selects log rows of one gemeente. Empty fields do not filter.
type Filter struct {
	Gemeente              string // required: the log is read per gemeente only
	Van, Tot              time.Time
	ActorSoort            SoortActor
	ActorID               string
	Verwerkingsactiviteit string
	Operatie              string
	Actie                 Actie
	Resultaat             Resultaat
	BSN                   string // hashed with the server key before the query; never stored or logged
	TraceID               string
	VoorID                int64 // keyset paging: only rows with id < VoorID (Zoek returns newest first)
	Limiet                int   // Zoek: default 100, at most 1000
}

// ErrGeenGemeente is returned for a Filter without gemeente.
var ErrGeenGemeente = errors.New("audit: filter zonder gemeente")

func (l *Log) where(f Filter) (string, []any, error) {
	if f.Gemeente == "" {
		return "", nil, ErrGeenGemeente
	}
	conds := []string{"gemeente = $1"}
	args := []any{f.Gemeente}
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if !f.Van.IsZero() {
		add("at >= ?", f.Van.UTC())
	}
	if !f.Tot.IsZero() {
		add("at < ?", f.Tot.UTC())
	}
	if f.ActorSoort != "" {
		add("actor_type = ?", string(f.ActorSoort))
	}
	if f.ActorID != "" {
		add("actor_id = ?", f.ActorID)
	}
	if f.Verwerkingsactiviteit != "" {
		add("processing_activity = ?", f.Verwerkingsactiviteit)
	}
	if f.Operatie != "" {
		add("operation = ?", f.Operatie)
	}
	if f.Actie != "" {
		add("action = ?", string(f.Actie))
	}
	if f.Resultaat != "" {
		add("result = ?", string(f.Resultaat))
	}
	if f.BSN != "" {
		// The row's own subject, or one of the subjects of a row with several (Verwerking.BSNs).
		add("(subject_hash = ? OR id IN (SELECT log_id FROM audit_log_betrokkene WHERE gemeente = $1 AND subject_hash = ?))",
			l.Pseudoniem(f.Gemeente, "bsn", f.BSN))
	}
	if f.TraceID != "" {
		add("trace_id = ?", f.TraceID)
	}
	if f.VoorID > 0 {
		add("id < ?", f.VoorID)
	}
	return strings.Join(conds, " AND "), args, nil
}

const regelKolommen = `id, at, gemeente, actor_type, actor_id, actor_name, processing_activity, operation, action,
	subject_type, subject_hash, object, record_count, result, detail, trace_id, span_id, parent_span_id`

func scanRegel(row interface{ Scan(...any) error }) (Regel, error) {
	var r Regel
	err := row.Scan(&r.ID, &r.Tijd, &r.Gemeente, &r.Actor.Soort, &r.Actor.ID, &r.Actor.Naam, &r.Verwerkingsactiviteit,
		&r.Operatie, &r.Actie, &r.SubjectSoort, &r.SubjectHash, &r.Object, &r.Aantal, &r.Resultaat, &r.Detail,
		&r.TraceID, &r.SpanID, &r.ParentSpanID)
	r.Tijd = r.Tijd.UTC()
	return r, err
}

// Zoek returns the rows matching f, newest first, at most f.Limiet. For the next page pass the
// smallest ID returned as VoorID.
func (l *Log) Zoek(ctx context.Context, f Filter) ([]Regel, error) {
	where, args, err := l.where(f)
	if err != nil {
		return nil, err
	}
	lim := f.Limiet
	if lim <= 0 {
		lim = 100
	}
	lim = min(lim, 1000)
	rows, err := l.db.SQL().QueryContext(ctx, `SELECT `+regelKolommen+` FROM audit_log WHERE `+where+
		` ORDER BY id DESC LIMIT `+strconv.Itoa(lim), args...)
	if err != nil {
		return nil, fmt.Errorf("audit: zoek: %w", err)
	}
	defer rows.Close()
	var rs []Regel
	for rows.Next() {
		r, err := scanRegel(rows)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// CSVKolommen is the header of the CSV export.
var CSVKolommen = []string{"id", "tijd", "gemeente", "actor_soort", "actor_id", "actor_naam", "verwerkingsactiviteit",
	"operatie", "actie", "betrokkene_soort", "betrokkene_hash", "object", "aantal", "resultaat", "detail",
	"trace_id", "span_id", "parent_span_id"}

// ExporteerCSV writes every row matching f (Limiet and VoorID ignored) to w as CSV (RFC 4180, comma,
// header row), oldest first, reading in pages so the log can be large. Times are RFC 3339 UTC. Cells
// that a spreadsheet would run as a formula are prefixed with an apostrophe. It returns the number of
// rows written. The export itself is a processing: the caller logs it (Actie Exporteren).
func (l *Log) ExporteerCSV(ctx context.Context, w io.Writer, f Filter) (int, error) {
	where, args, err := l.where(Filter{Gemeente: f.Gemeente, Van: f.Van, Tot: f.Tot, ActorSoort: f.ActorSoort, ActorID: f.ActorID,
		Verwerkingsactiviteit: f.Verwerkingsactiviteit, Operatie: f.Operatie, Actie: f.Actie, Resultaat: f.Resultaat, BSN: f.BSN, TraceID: f.TraceID})
	if err != nil {
		return 0, err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVKolommen); err != nil {
		return 0, err
	}
	n := 0
	var na int64
	const page = 1000
	for {
		rows, err := l.db.SQL().QueryContext(ctx, `SELECT `+regelKolommen+` FROM audit_log WHERE `+where+
			` AND id > $`+strconv.Itoa(len(args)+1)+` ORDER BY id LIMIT `+strconv.Itoa(page), append(args, na)...)
		if err != nil {
			return n, fmt.Errorf("audit: export: %w", err)
		}
		got := 0
		for rows.Next() {
			r, err := scanRegel(rows)
			if err != nil {
				rows.Close()
				return n, err
			}
			got++
			na = r.ID
			rec := []string{strconv.FormatInt(r.ID, 10), r.Tijd.Format(time.RFC3339Nano), r.Gemeente, string(r.Actor.Soort), r.Actor.ID,
				r.Actor.Naam, r.Verwerkingsactiviteit, r.Operatie, string(r.Actie), r.SubjectSoort, r.SubjectHash, r.Object,
				strconv.Itoa(r.Aantal), string(r.Resultaat), r.Detail, r.TraceID, r.SpanID, r.ParentSpanID}
			for i := range rec {
				rec[i] = veiligeCel(rec[i])
			}
			if err := cw.Write(rec); err != nil {
				rows.Close()
				return n, err
			}
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return n, err
		}
		if got < page {
			break
		}
	}
	cw.Flush()
	return n, cw.Error()
}

// veiligeCel defuses CSV formula injection (OWASP): a cell starting with = + - @ tab or CR gets a
// leading apostrophe.
func veiligeCel(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
