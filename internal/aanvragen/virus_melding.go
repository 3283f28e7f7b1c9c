package aanvragen

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"
	"unicode"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
)

// VirusFout is the refusal of a file the scanner found a virus in: errors.Is(err, ErrVirus).
type VirusFout struct {
	Naam  string // the cleaned name of the file (for the resident's message; never stored)
	Soort string // the document kind it was sent for
	Virus string // the scanner's verdict, the virus name clamd gave
}

func (e *VirusFout) Error() string { return ErrVirus.Error() + ": " + e.Naam + " (" + e.Virus + ")" }
func (e *VirusFout) Unwrap() error { return ErrVirus }

// MaxVirusNaam bounds the verdict kept of a scanner's reply.
const MaxVirusNaam = 100

// virusNaam is the verdict as it is kept: printable, at most MaxVirusNaam runes.
func virusNaam(v string) string {
	out := make([]rune, 0, len(v))
	for _, r := range v {
		if len(out) >= MaxVirusNaam {
			break
		}
		if unicode.IsPrint(r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// Geweigerd is a file the virus scanner refused for an application: when, the verdict and the kind.
type Geweigerd struct {
	Op    time.Time
	Virus string
	Soort DocSoort
}

// meldVirusBijStart writes a refused file of a new application to the processing log: there is no
// application yet (the whole form was refused), so only the gemeente, the verdict and the number.
func (s *Service) meldVirusBijStart(ctx context.Context, gm string, err error) {
	var v *VirusFout
	if !errors.As(err, &v) {
		return
	}
	_ = s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.indienen.virus", Actie: audit.Aanmaken, Resultaat: audit.Fout,
		Object: "aanvraag", Detail: "virusscanner: " + virusNaam(v.Virus), Actor: inwoner})
}

// meldVirusMetCode records a file the scanner refused on the status page of the application of ref:
// when the code is right, a row the case worker's page shows and an audit row with the application and
// the verdict (never the file). A wrong code is counted as any wrong code is, and records nothing else.
func (s *Service) meldVirusMetCode(ctx context.Context, ref, code string, err error) {
	var v *VirusFout
	if !errors.As(err, &v) {
		return
	}
	_ = s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		gm, id, err := s.controleerCode(ctx, tx, ref, code)
		if err != nil {
			return nil // the recorded attempt must be committed
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO aanvragen_geweigerd (gemeente, aanvraag_id, op, virus, soort) VALUES ($1, $2, $3, $4, $5)`,
			gm, id, s.klok().UTC().Truncate(time.Microsecond), virusNaam(v.Virus), v.Soort); err != nil {
			return store.MapError(err)
		}
		return s.schrijf(ctx, tx, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.document.virus", Actie: audit.Aanmaken, Resultaat: audit.Fout,
			SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10),
			Detail: "virusscanner: " + virusNaam(v.Virus), Actor: inwoner})
	})
}

// GeweigerdeBestanden lists the files the virus scanner refused for application id, oldest first.
func (s *Service) GeweigerdeBestanden(ctx context.Context, gemeente string, id int64) ([]Geweigerd, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT op, virus, soort FROM aanvragen_geweigerd WHERE gemeente = $1 AND aanvraag_id = $2 ORDER BY id`, gemeente, id)
	if err != nil {
		return nil, store.MapError(err)
	}
	defer rows.Close()
	var out []Geweigerd
	for rows.Next() {
		var g Geweigerd
		var soort string
		if err := rows.Scan(&g.Op, &g.Virus, &soort); err != nil {
			return nil, store.MapError(err)
		}
		g.Soort = DocSoort(soort)
		out = append(out, g)
	}
	return out, store.MapError(rows.Err())
}
