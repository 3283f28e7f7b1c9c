package aanvragen

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// WettelijkBeslis is the Awb decision term without a term of law: eight weeks (Awb art. 4:13 lid 2).
var WettelijkBeslis = termijn.Termijn{Aantal: 8, Eenheid: termijn.Weken}

// MaxBewaarMaanden bounds a retention setting (a typo of years for months is refused).
const MaxBewaarMaanden = 600

// ArtikelBeslis is the article of the decision term.
const ArtikelBeslis = "Awb artikel 4:13"

// Instellingen are a gemeente's settings for applications.
type Instellingen struct {
	Beslistermijn termijn.Termijn
	Bron          string       // the verordening or beleidsregel of a term the gemeente set
	VierOgenBoven *geld.Bedrag // a decision to award more needs a second case worker; nil: never
	// BewaarDocumenten and BewaarAanvraag are the months after the decision after which the documents,
	// and the whole decided application, are deleted by the daily job; 0: not set, nothing is deleted
	// (no term is invented: the gemeente sets it from its selectielijst).
	BewaarDocumenten, BewaarAanvraag int
	// AlBekend are the kinds of document the gemeente has itself (income through Suwinet, its own
	// beschikkingen): an application never asks them.
	AlBekend []DocSoort
	Versie   int
}

// StandaardInstellingen are the settings of a gemeente that stored none.
func StandaardInstellingen() Instellingen {
	return Instellingen{Beslistermijn: WettelijkBeslis}
}

// Instellingen returns the settings of gemeente.
func (s *Service) Instellingen(ctx context.Context, gemeente string) (Instellingen, error) {
	return leesInstellingen(ctx, s.db, gemeente)
}

type querier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func leesInstellingen(ctx context.Context, q querier, gemeente string) (Instellingen, error) {
	in := StandaardInstellingen()
	var eenheid string
	var vier sql.NullInt64
	var bekend string
	err := q.QueryRowContext(ctx, `SELECT beslis_aantal, beslis_eenheid, beslis_bron, vier_ogen_cent, bewaar_documenten, bewaar_aanvraag, al_bekend, versie
		FROM aanvragen_instellingen WHERE gemeente = $1`, gemeente).
		Scan(&in.Beslistermijn.Aantal, &eenheid, &in.Bron, &vier, &in.BewaarDocumenten, &in.BewaarAanvraag, &bekend, &in.Versie)
	if errors.Is(err, sql.ErrNoRows) {
		return in, nil
	}
	if err != nil {
		return in, fmt.Errorf("aanvragen: instellingen: %w", store.MapError(err))
	}
	in.Beslistermijn.Eenheid = termijn.Eenheid(eenheid)
	for _, d := range strings.Split(bekend, ",") {
		if DocSoort(d).Geldig() {
			in.AlBekend = append(in.AlBekend, DocSoort(d))
		}
	}
	if vier.Valid {
		b := geld.Bedrag(vier.Int64)
		in.VierOgenBoven = &b
	}
	return in, nil
}

// ZetInstellingen stores the settings of gemeente; in.Versie must be the stored one (0 when none).
// Deadlines already stored keep their value: a new term applies to applications received after it.
func (s *Service) ZetInstellingen(ctx context.Context, gemeente string, in Instellingen) error {
	if err := in.Beslistermijn.Controleer(); err != nil {
		return ongeldig("beslistermijn", err.Error())
	}
	if in.BewaarDocumenten < 0 || in.BewaarDocumenten > MaxBewaarMaanden {
		return ongeldig("bewaar-documenten", "Kies 0 tot en met 600 maanden.")
	}
	if in.BewaarAanvraag < 0 || in.BewaarAanvraag > MaxBewaarMaanden {
		return ongeldig("bewaar-aanvraag", "Kies 0 tot en met 600 maanden.")
	}
	if in.BewaarAanvraag > 0 && in.BewaarDocumenten > in.BewaarAanvraag {
		return ongeldig("bewaar-documenten", "De documenten kunnen niet langer blijven dan de aanvraag zelf.")
	}
	var bekend []string
	for _, d := range in.AlBekend {
		if !d.Geldig() {
			return ongeldig("al-bekend", "Kies soorten documenten uit de lijst.")
		}
		bekend = append(bekend, string(d))
	}
	var vier any
	if in.VierOgenBoven != nil {
		if *in.VierOgenBoven < 0 {
			return ongeldig("vierogen", "Een bedrag kan niet negatief zijn.")
		}
		vier = int64(*in.VierOgenBoven)
	}
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		oud, err := leesInstellingen(ctx, tx, gemeente)
		if err != nil {
			return err
		}
		if oud.Versie != in.Versie {
			return ErrVerouderd
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO aanvragen_instellingen (gemeente, beslis_aantal, beslis_eenheid, beslis_bron, vier_ogen_cent,
			bewaar_documenten, bewaar_aanvraag, al_bekend, versie)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1)
			ON CONFLICT (gemeente) DO UPDATE SET beslis_aantal = excluded.beslis_aantal, beslis_eenheid = excluded.beslis_eenheid,
			beslis_bron = excluded.beslis_bron, vier_ogen_cent = excluded.vier_ogen_cent, bewaar_documenten = excluded.bewaar_documenten,
			bewaar_aanvraag = excluded.bewaar_aanvraag, al_bekend = excluded.al_bekend, versie = aanvragen_instellingen.versie + 1`,
			gemeente, in.Beslistermijn.Aantal, string(in.Beslistermijn.Eenheid), in.Bron, vier, in.BewaarDocumenten, in.BewaarAanvraag, strings.Join(bekend, ","))
		return store.MapError(err)
	})
}
