package zaken

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
)

// Ending nazorg early by hand, and removing a member from a team.

// BeeindigNazorg ends the zaak's running nazorg on day op (from its start, not in the future) with the
// reason. Contact moments planned after op that were not held are cancelled (MomentVervallen, derived
// from the end day by momentStatus, so the partner's list and the zaak page show them alike); the
// timeline says how many.
func (s *Service) BeeindigNazorg(ctx context.Context, gemeente string, id int64, versie int, op datum.Datum, reden string, door Medewerker) error {
	r, err := redenVeld("nazorg-einde-reden", reden)
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "nazorg-beeindigd", door, func(tx *sql.Tx, z Zaak) (string, error) {
		n, err := lopendeNazorg(ctx, tx, gemeente, id)
		if err != nil {
			return "", err
		}
		if err := s.datumTussen("nazorg-einde", op, n.Start, "het begin van de nazorg"); err != nil {
			return "", err
		}
		var vervallen int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_contactmoment WHERE gemeente = $1 AND nazorg_id = $2 AND gedaan = '' AND datum > $3`,
			gemeente, n.ID, op.String()).Scan(&vervallen); err != nil {
			return "", fmt.Errorf("zaken: contactmomenten: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_nazorg SET afgesloten = $1, reden = $2 WHERE gemeente = $3 AND id = $4 AND afgesloten = ''`,
			op.String(), "Vroegtijdig beëindigd: "+r, gemeente, n.ID); err != nil {
			return "", fmt.Errorf("zaken: nazorg beëindigen: %w", err)
		}
		t := "Nazorg door partner " + n.PartnerID + " vroegtijdig beëindigd op " + op.String() + "."
		switch vervallen {
		case 0:
		case 1:
			t += " 1 gepland contactmoment daarna vervalt."
		default:
			t += " " + strconv.Itoa(vervallen) + " geplande contactmomenten daarna vervallen."
		}
		return t + " Reden: " + r, nil
	})
}

// markeerStatus sets the state of each contact moment of n (momentStatus: the same as on the partner's
// list).
func markeerStatus(n *Nazorg) {
	for i := range n.Momenten {
		m := &n.Momenten[i]
		m.Status = momentStatus(m.Datum, m.Gedaan, n.Afgesloten)
	}
}

// VerwijderLid takes case worker gebruiker out of team of the gemeente (the membership row goes; the
// zaken of the team stay with the team). One audit row.
func (s *Service) VerwijderLid(ctx context.Context, gemeente string, team, gebruiker int64) error {
	if team <= 0 || gebruiker <= 0 {
		return fout("weg-lid", "Kies het teamlid dat uit het team gaat.")
	}
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := teamNaam(ctx, tx, gemeente, team); err != nil {
			return fout("weg-lid", "Kies een team van deze gemeente.")
		}
		r, err := tx.ExecContext(ctx, `DELETE FROM zaken_teamlid WHERE gemeente = $1 AND team_id = $2 AND gebruiker_id = $3`, gemeente, team, gebruiker)
		if err != nil {
			return fmt.Errorf("zaken: teamlid: %w", err)
		}
		if k, _ := r.RowsAffected(); k != 1 {
			return fout("weg-lid", "Deze collega zit niet (meer) in dit team.")
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteit, Operatie: "team.lid-weg",
			Actie: audit.Wijzigen, Resultaat: audit.OK, Object: "team/" + strconv.FormatInt(team, 10) + "/lid/" + strconv.FormatInt(gebruiker, 10)})
	})
}
