package aanvragen

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
)

// geschreven keeps the files written during one transaction, so they are removed when it rolls back.
type geschreven struct {
	mu      sync.Mutex
	bestand [][2]string // gemeente, file
}

type geschrevenKey struct{}

// metGeschreven returns ctx that records the files bewaarDocument writes, and a func to call with the
// transaction's error: on an error the files are removed (the rows never existed).
func (s *Service) metGeschreven(ctx context.Context) (context.Context, func(error)) {
	g := &geschreven{}
	return context.WithValue(ctx, geschrevenKey{}, g), func(err error) {
		if err == nil {
			return
		}
		g.mu.Lock()
		defer g.mu.Unlock()
		for _, b := range g.bestand {
			if rerr := s.opslag.Verwijder(b[0], b[1]); rerr != nil {
				slog.ErrorContext(ctx, "aanvragen: document na afgebroken transactie niet verwijderd", "err", rerr)
			}
		}
	}
}

// schrijfInhoud keeps the content of b for gm with the configured storage and returns the values of the
// row's opslag, bestand, hash and inhoud columns.
func (s *Service) schrijfInhoud(ctx context.Context, gm string, inhoud []byte) (opslag, bestand, hash string, kolom []byte, err error) {
	bestand, kolom, err = s.opslag.Schrijf(gm, inhoud)
	if err != nil {
		return "", "", "", nil, err
	}
	if bestand != "" {
		if g, ok := ctx.Value(geschrevenKey{}).(*geschreven); ok {
			g.mu.Lock()
			g.bestand = append(g.bestand, [2]string{gm, bestand})
			g.mu.Unlock()
		}
	}
	if kolom == nil {
		kolom = []byte{} // NOT NULL; the content is in the file
	}
	return s.opslag.Soort(), bestand, inhoudHash(inhoud), kolom, nil
}

// leesInhoud returns the content of a document row, from the database or its file, checked against its
// hash. ErrDocumentWeg when it is missing, damaged, or in a directory this installation has not configured.
func (s *Service) leesInhoud(gm, opslag, bestand, hash string, kolom []byte) ([]byte, error) {
	var b []byte
	var err error
	switch {
	case opslag == "":
		b = kolom
	case opslag == OpslagMap && s.opslag.Soort() == OpslagMap:
		b, err = s.opslag.Lees(gm, bestand, kolom)
	default:
		return nil, fmt.Errorf("%w: het staat in een documentenmap, maar deze installatie heeft geen --documenten-map", ErrDocumentWeg)
	}
	if err != nil {
		return nil, err
	}
	if hash != "" && inhoudHash(b) != hash {
		return nil, fmt.Errorf("%w: de inhoud klopt niet met de controlesom", ErrDocumentWeg)
	}
	return b, nil
}

// documentWeg writes a document whose content could not be read to the processing log and the server
// log, so the administrator can restore it.
func (s *Service) documentWeg(ctx context.Context, gm string, id, doc int64, err error) {
	slog.ErrorContext(ctx, "aanvragen: document niet leesbaar", "gemeente", gm, "aanvraag", id, "document", doc, "err", err)
	_ = s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.document.bekijken", Actie: audit.Lezen, Resultaat: audit.Fout,
		SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10) + "/document/" + strconv.FormatInt(doc, 10),
		Detail: "document ontbreekt of beschadigd"})
}

// mapBestanden lists the files (opslag map) of the documents the query q selects (its $1 the gemeente),
// before retention deletes their rows.
func mapBestanden(ctx context.Context, tx *sql.Tx, gm, waar string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT bestand FROM aanvragen_document WHERE gemeente = $1 AND opslag = '`+OpslagMap+`' AND `+waar, gm)
	if err != nil {
		return nil, store.MapError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			return nil, store.MapError(err)
		}
		out = append(out, b)
	}
	return out, store.MapError(rows.Err())
}

// verwijderBestanden removes the files of deleted rows after the transaction committed. A file that
// cannot be removed is logged; the next run's Opruimen removes it.
func (s *Service) verwijderBestanden(ctx context.Context, gm string, bestanden []string) {
	for _, b := range bestanden {
		if err := s.opslag.Verwijder(gm, b); err != nil {
			slog.ErrorContext(ctx, "aanvragen: document van bewaartermijn niet verwijderd", "gemeente", gm, "err", err)
		}
	}
}

// OpruimMarge is how old a file without a row must be before the daily job removes it: longer than any
// transaction that writes one.
const OpruimMarge = time.Hour

// ruimMapOp removes the gemeente's files that no row knows (see MapOpslag.Opruimen).
func (s *Service) ruimMapOp(ctx context.Context, gm string) (int, error) {
	m, ok := s.opslag.(*MapOpslag)
	if !ok {
		return 0, nil
	}
	bekend := map[string]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT bestand FROM aanvragen_document WHERE gemeente = $1 AND opslag = '`+OpslagMap+`'`, gm)
	if err != nil {
		return 0, store.MapError(err)
	}
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			rows.Close()
			return 0, store.MapError(err)
		}
		bekend[b] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, store.MapError(err)
	}
	return m.Opruimen(gm, func(b string) bool { return bekend[b] }, s.klok().Add(-OpruimMarge))
}
