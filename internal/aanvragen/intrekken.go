package aanvragen

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
)

// Ingetrokken is a regeling of an application the applicant withdrew: no decision is taken on it (an
// application that is withdrawn needs none; the Awb asks a decision on an application, aanvraag, only
// while there is one, art. 4:13), and no letter is made.
const Ingetrokken BesluitSoort = "ingetrokken"

// ArtikelIntrekken is the source of the rule that a withdrawn application needs no decision.
const ArtikelIntrekken = "Awb 4:13 (geen aanvraag meer, dus geen beslisplicht)"

// IsIngetrokken reports whether every regeling of the application was withdrawn.
func (in *Inzage) IsIngetrokken() bool {
	if len(in.Regelingen) == 0 {
		return false
	}
	for _, r := range in.Regelingen {
		if r.Besluit != string(Ingetrokken) {
			return false
		}
	}
	return true
}

// KanIntrekken reports whether the applicant can still withdraw: nothing is decided yet on any of
// its regelingen.
func (in *Inzage) KanIntrekken() bool {
	if in.Status == Besloten {
		return false
	}
	for _, r := range in.Regelingen {
		if r.Besluit != "" {
			return false
		}
	}
	return true
}

// TrekIn withdraws the application of ref for the holder of its code: every regeling is marked
// Ingetrokken on today's date by the applicant, the application becomes closed (status besloten, the
// day of withdrawal as besloten_op, so the gemeente's retention terms count from it and the code stays
// valid as after a decision), and it is written to the processing log. Only while nothing is decided
// (else ongeldig "intrekken"). Withdrawing twice gives the same state.
func (s *Service) TrekIn(ctx context.Context, ref, code string) (*Inzage, error) {
	var out *Inzage
	var fout error
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		gm, id, err := s.controleerCode(ctx, tx, ref, code)
		if err != nil {
			fout = err
			return nil
		}
		if err := vergrendel(ctx, tx, gm, id); err != nil {
			return err
		}
		in, err := leesInzage(ctx, tx, gm, id)
		if err != nil {
			return err
		}
		if in.IsIngetrokken() {
			out = in
			return nil
		}
		if !in.KanIntrekken() {
			return ongeldig("intrekken", "Op uw aanvraag is al (deels) besloten. Intrekken kan niet meer; neem contact op met de gemeente.")
		}
		vandaag := s.Vandaag().String()
		if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_regeling SET besluit = $1, besloten_op = $2, besloten_door = 'de aanvrager', voorgesteld_door = '', voorgesteld_door_id = 0
			WHERE gemeente = $3 AND aanvraag_id = $4 AND besluit = ''`, string(Ingetrokken), vandaag, gm, id); err != nil {
			return store.MapError(err)
		}
		if _, err := s.herbereken(ctx, tx, gm, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET besloten_op = $1 WHERE gemeente = $2 AND id = $3`, vandaag, gm, id); err != nil {
			return store.MapError(err)
		}
		if out, err = leesInzage(ctx, tx, gm, id); err != nil {
			return err
		}
		if err := s.meld(ctx, tx, gm, id, MailIngetrokken); err != nil { // a notice without content (mail.go)
			return err
		}
		return s.schrijf(ctx, tx, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.intrekken", Actie: audit.Wijzigen,
			SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10), Actor: inwoner})
	})
	if err != nil {
		return nil, err
	}
	if fout != nil {
		return nil, fout
	}
	return out, nil
}

// vergrendel takes the application's row lock before its state is read, so a withdrawal and a decision
// that overlap run one after the other: on PostgreSQL (read committed) each would otherwise check the
// state it read before the other committed, and a decided application could be withdrawn or a withdrawn
// one decided. On SQLite the write transaction already excludes the other.
func vergrendel(ctx context.Context, tx *sql.Tx, gm string, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET versie = versie WHERE gemeente = $1 AND id = $2`, gm, id)
	return store.MapError(err)
}
