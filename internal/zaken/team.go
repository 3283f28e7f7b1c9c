package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
)

// Teams: a gemeente's case workers in teams (a teamleider makes them); a zaak has at most one team. The
// worklist filters on it and the teamleider sees each team's deadlines (TeamStanden).

// Team is a team of case workers.
type Team struct {
	ID    int64
	Naam  string
	Leden []Medewerker
}

// TeamStand is a team's open zaken and how their deadlines stand.
type TeamStand struct {
	TeamID   int64 // 0: zaken without a team
	Open     int
	Rood     int // the deadline is near (from today through roodTot): act now
	Verlopen int // the deadline has passed while the zaak is open
	Eerste   datum.Datum
}

// GeenTeam is the worklist filter for zaken without a team.
const GeenTeam int64 = -1

// MaxTeams bounds the teams of a gemeente.
const MaxTeams = 100

// MaakTeam adds a team to the gemeente; a name it already has is refused at the field.
func (s *Service) MaakTeam(ctx context.Context, gemeente, naam string) (int64, error) {
	naam = strings.TrimSpace(naam)
	switch {
	case naam == "":
		return 0, fout("team-naam", "Geef het team een naam.")
	case utf8.RuneCountInString(naam) > 100:
		return 0, fout("team-naam", "De naam is te lang: gebruik hoogstens 100 tekens.")
	}
	var id int64
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_team WHERE gemeente = $1`, gemeente).Scan(&n); err != nil {
			return fmt.Errorf("zaken: teams: %w", err)
		}
		if n >= MaxTeams {
			return fout("team-naam", "De gemeente heeft al "+strconv.Itoa(MaxTeams)+" teams.")
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO zaken_team (gemeente, naam, aangemaakt) VALUES ($1, $2, $3) RETURNING id`,
			gemeente, naam, s.klok().UTC()).Scan(&id)
		if errors.Is(store.MapError(err), store.ErrConflict) {
			return fout("team-naam", "Er is al een team met deze naam.")
		}
		if err != nil {
			return fmt.Errorf("zaken: team: %w", err)
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit, Operatie: "team.aanmaken",
			Actie: audit.Aanmaken, Resultaat: audit.OK, Object: "team/" + strconv.FormatInt(id, 10)})
	})
	return id, err
}

// VoegLidToe adds a case worker to a team of the gemeente (once).
func (s *Service) VoegLidToe(ctx context.Context, gemeente string, team int64, lid Medewerker) error {
	if lid.ID <= 0 {
		return fout("lid", "Kies een collega.")
	}
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := teamNaam(ctx, tx, gemeente, team); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO zaken_teamlid (gemeente, team_id, gebruiker_id, naam) VALUES ($1, $2, $3, $4)`,
			gemeente, team, lid.ID, lid.Naam)
		if errors.Is(store.MapError(err), store.ErrConflict) {
			return fout("lid", lid.Naam+" zit al in dit team.")
		}
		if err != nil {
			return fmt.Errorf("zaken: teamlid: %w", err)
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit, Operatie: "team.lid",
			Actie: audit.Wijzigen, Resultaat: audit.OK, Object: "team/" + strconv.FormatInt(team, 10)})
	})
}

func teamNaam(ctx context.Context, q queryer, gemeente string, team int64) (string, error) {
	var naam string
	err := q.QueryRowContext(ctx, `SELECT naam FROM zaken_team WHERE gemeente = $1 AND id = $2`, gemeente, team).Scan(&naam)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fout("team", "Kies een team van deze gemeente.")
	}
	if err != nil {
		return "", fmt.Errorf("zaken: team: %w", err)
	}
	return naam, nil
}

// Teams lists the gemeente's teams by name, with their members.
func (s *Service) Teams(ctx context.Context, gemeente string) ([]Team, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.id, t.naam, COALESCE(l.gebruiker_id, 0), COALESCE(l.naam, '') FROM zaken_team t
		LEFT JOIN zaken_teamlid l ON l.team_id = t.id AND l.gemeente = t.gemeente WHERE t.gemeente = $1 ORDER BY t.naam, t.id, l.naam`, gemeente)
	if err != nil {
		return nil, fmt.Errorf("zaken: teams: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []Team
	for rows.Next() {
		var id, lid int64
		var naam, lidNaam string
		if err := rows.Scan(&id, &naam, &lid, &lidNaam); err != nil {
			return nil, fmt.Errorf("zaken: teams: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, Team{ID: id, Naam: naam})
		}
		if lid > 0 {
			out[len(out)-1].Leden = append(out[len(out)-1].Leden, Medewerker{ID: lid, Naam: lidNaam})
		}
	}
	return out, rows.Err()
}

// ZetTeam gives zaak id to team (0: no team).
func (s *Service) ZetTeam(ctx context.Context, gemeente string, id int64, versie int, team int64, door Medewerker) error {
	return s.wijzig(ctx, gemeente, id, versie, "team", door, func(tx *sql.Tx, z Zaak) (string, error) {
		tekst := "Zaak niet meer bij een team."
		if team != 0 {
			naam, err := teamNaam(ctx, tx, gemeente, team)
			if err != nil {
				return "", err
			}
			tekst = "Zaak bij team " + naam + "."
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET team_id = $1 WHERE gemeente = $2 AND id = $3`, team, gemeente, id); err != nil {
			return "", fmt.Errorf("zaken: team: %w", err)
		}
		return tekst, nil
	})
}

// TeamVan returns the team of zaak id (0 when none).
func (s *Service) TeamVan(ctx context.Context, gemeente string, id int64) (int64, error) {
	var t int64
	err := s.db.QueryRowContext(ctx, `SELECT team_id FROM zaken_zaak WHERE gemeente = $1 AND id = $2`, gemeente, id).Scan(&t)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNietGevonden
	}
	return t, store.MapError(err)
}

// TeamStanden counts per team (and for zaken without one, TeamID 0) the open zaken, those whose
// deadline is near (today through roodTot) and those past it, and the first deadline. One audit row.
func (s *Service) TeamStanden(ctx context.Context, gemeente string, roodTot datum.Datum) ([]TeamStand, error) {
	vandaag := s.Vandaag()
	rows, err := s.db.QueryContext(ctx, `SELECT team_id, COUNT(*),
		SUM(CASE WHEN volgende_deadline >= $2 AND volgende_deadline <= $3 THEN 1 ELSE 0 END),
		SUM(CASE WHEN volgende_deadline < $2 THEN 1 ELSE 0 END), MIN(volgende_deadline)
		FROM zaken_zaak WHERE gemeente = $1 AND open = 1 GROUP BY team_id ORDER BY team_id`, gemeente, vandaag.String(), roodTot.String())
	if err != nil {
		return nil, fmt.Errorf("zaken: teamstand: %w", store.MapError(err))
	}
	defer rows.Close()
	var out []TeamStand
	for rows.Next() {
		var t TeamStand
		var eerste string
		if err := rows.Scan(&t.TeamID, &t.Open, &t.Rood, &t.Verlopen, &eerste); err != nil {
			return nil, fmt.Errorf("zaken: teamstand: %w", err)
		}
		if eerste != geenDeadline {
			t.Eerste = leesDatum(eerste)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.logLijst(ctx, gemeente, "team.termijnen", len(out))
}
