package aanvragen

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/jobs"
)

// JobBewaartermijn is the job kind of the daily retention run of one gemeente.
const JobBewaartermijn = "aanvragen.bewaartermijn"

// Opgeruimd reports a retention run.
type Opgeruimd struct {
	Documenten, Aanvragen int
	// Wees: files of the document directory that no row knew, removed (MapOpslag.Opruimen).
	Wees int
	// NietIngesteld: no term is set for the documents or the applications; they are kept.
	NietIngesteld bool
}

// Bewaar deletes, of the gemeente's decided applications, the documents whose term after the decision
// has passed (BewaarDocumenten), and whole applications with their regelingen, requests, notes,
// letters, attempts and refused files (BewaarAanvraag). A withdrawn application (TrekIn) is closed like a
// decided one and counts from the day of withdrawal. Applications neither decided nor withdrawn are
// never deleted (the gemeente must still decide, Awb 4:5); a term that is not set deletes nothing. With a
// document directory the files of deleted rows are removed after the commit, and files no row knows
// (older than OpruimMarge) too. One audit row per run.
func (s *Service) Bewaar(ctx context.Context, gemeente string) (Opgeruimd, error) {
	var res Opgeruimd
	in, err := s.Instellingen(ctx, gemeente)
	if err != nil {
		return res, err
	}
	res.NietIngesteld = in.BewaarDocumenten == 0 || in.BewaarAanvraag == 0
	vandaag := s.Vandaag()
	var weg []string // files of deleted rows, removed after the commit
	err = s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		res.Documenten, res.Aanvragen, weg = 0, 0, nil
		oud := func(m int) string {
			return `SELECT id FROM aanvragen_aanvraag WHERE gemeente = $1 AND status = 'besloten' AND besloten_op <> '' AND besloten_op < '` +
				vandaag.PlusMaanden(-m).String() + `'`
		}
		if m := in.BewaarDocumenten; m > 0 {
			bs, err := mapBestanden(ctx, tx, gemeente, `aanvraag_id IN (`+oud(m)+`)`)
			if err != nil {
				return err
			}
			weg = append(weg, bs...)
			// The request keeps its record that a document came; the document itself goes.
			if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_gevraagd SET document_id = -1 WHERE gemeente = $1 AND document_id > 0 AND aanvraag_id IN (`+oud(m)+`)`, gemeente); err != nil {
				return fmt.Errorf("aanvragen: bewaar documenten: %w", err)
			}
			r, err := tx.ExecContext(ctx, `DELETE FROM aanvragen_document WHERE gemeente = $1 AND aanvraag_id IN (`+oud(m)+`)`, gemeente)
			if err != nil {
				return fmt.Errorf("aanvragen: bewaar documenten: %w", err)
			}
			n, _ := r.RowsAffected()
			res.Documenten = int(n)
		}
		if m := in.BewaarAanvraag; m > 0 {
			bs, err := mapBestanden(ctx, tx, gemeente, `aanvraag_id IN (`+oud(m)+`)`)
			if err != nil {
				return err
			}
			weg = append(weg, bs...)
			for _, tabel := range []string{"aanvragen_document", "aanvragen_gevraagd", "aanvragen_notitie", "aanvragen_brief", "aanvragen_poging", "aanvragen_geweigerd", "aanvragen_regeling"} {
				r, err := tx.ExecContext(ctx, `DELETE FROM `+tabel+` WHERE gemeente = $1 AND aanvraag_id IN (`+oud(m)+`)`, gemeente)
				if err != nil {
					return fmt.Errorf("aanvragen: bewaar %s: %w", tabel, err)
				}
				if tabel == "aanvragen_document" {
					n, _ := r.RowsAffected()
					res.Documenten += int(n)
				}
			}
			r, err := tx.ExecContext(ctx, `DELETE FROM aanvragen_aanvraag WHERE id IN (`+oud(m)+`)`, gemeente)
			if err != nil {
				return fmt.Errorf("aanvragen: bewaar aanvragen: %w", err)
			}
			n, _ := r.RowsAffected()
			res.Aanvragen = int(n)
		}
		if res.Documenten+res.Aanvragen == 0 {
			return nil
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: "bewaartermijn.opschonen",
			Operatie: JobBewaartermijn, Actie: audit.Verwijderen, Resultaat: audit.OK, Object: "aanvragen", Aantal: res.Documenten + res.Aanvragen})
	})
	if err != nil {
		return res, err
	}
	s.verwijderBestanden(ctx, gemeente, weg)
	// Files no row knows (a crash while writing, a rolled-back upload, a removal that failed): removed too.
	res.Wees, err = s.ruimMapOp(ctx, gemeente)
	return res, err
}

// RegistreerJobs registers the daily retention run on r and schedules it for each of gemeenten.
func (s *Service) RegistreerJobs(r *jobs.Runner, gemeenten []string) {
	r.Handle(JobBewaartermijn, func(ctx context.Context, run *jobs.Run) error {
		if run.Gemeente == "" {
			return jobs.Permanent(fmt.Errorf("aanvragen: %s zonder gemeente", JobBewaartermijn))
		}
		ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: JobBewaartermijn, Naam: "bewaartermijn aanvragen"})
		res, err := s.Bewaar(ctx, run.Gemeente)
		if err != nil {
			return err
		}
		slog.InfoContext(ctx, "aanvragen: bewaartermijn", "gemeente", run.Gemeente, "documenten", res.Documenten, "aanvragen", res.Aanvragen, "wees", res.Wees)
		msg := fmt.Sprintf("%d documenten en %d besloten of ingetrokken aanvragen verwijderd", res.Documenten, res.Aanvragen)
		if res.Wees > 0 {
			msg += fmt.Sprintf("; %d bestanden zonder document uit de documentenmap verwijderd", res.Wees)
		}
		if res.NietIngesteld {
			msg += "; niet elke bewaartermijn is ingesteld"
		}
		return run.SetProgress(ctx, int64(res.Documenten+res.Aanvragen), int64(res.Documenten+res.Aanvragen), msg)
	})
	for _, g := range gemeenten {
		r.Every(JobBewaartermijn, g, 24*time.Hour)
	}
}
