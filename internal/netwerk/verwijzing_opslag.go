package netwerk

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/termijn"
)

// ActiviteitVerwijzen is the processing activity of referrals (personal data): every read and change
// is in the processing log under it.
const ActiviteitVerwijzen = "netwerk.verwijzen"

// MaxAntwoordWerkdagen is the largest number of working days a gemeente can set for an answer.
const MaxAntwoordWerkdagen = 60

// MaxVerwijzingen is the most referrals one list shows (the newest by the chosen order).
const MaxVerwijzingen = 500

// VandaagDatum is today in Europe/Amsterdam as a datum.Datum.
func (s *Service) VandaagDatum() datum.Datum {
	d, _ := datum.Parse(partner.DagTekst(s.Vandaag()))
	return d
}

// AntwoordWerkdagen is gemeente's setting: within how many working days a receiver should answer; 0
// when the gemeente has not set it (then nothing is overdue).
func (s *Service) AntwoordWerkdagen(ctx context.Context, gemeente string) (int, error) {
	var n int
	err := s.db.SQL().QueryRowContext(ctx, `SELECT antwoord_werkdagen FROM netwerk_verwijzing_instellingen WHERE gemeente = $1`, gemeente).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("netwerk: verwijzingsinstellingen %s: %w", gemeente, err)
	}
	return n, nil
}

// ZetAntwoordWerkdagen stores gemeente's setting (1 to MaxAntwoordWerkdagen). It applies to referrals
// made from then on; a referral keeps the last day it got when it was made.
func (s *Service) ZetAntwoordWerkdagen(ctx context.Context, gemeente string, n int) error {
	if n < 1 || n > MaxAntwoordWerkdagen {
		return errs.Fields{{Path: "werkdagen", Reason: fmt.Sprintf("Kies een aantal werkdagen van 1 tot en met %d.", MaxAntwoordWerkdagen)}}
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_verwijzing_instellingen (gemeente, antwoord_werkdagen, gewijzigd) VALUES ($1, $2, $3)
			ON CONFLICT (gemeente) DO UPDATE SET antwoord_werkdagen = excluded.antwoord_werkdagen, gewijzigd = excluded.gewijzigd`,
			gemeente, n, s.nu()); err != nil {
			return fmt.Errorf("netwerk: verwijzingsinstellingen %s: %w", gemeente, err)
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: "gemeente.instellen",
			Operatie: "verwijzingen.instellen", Actie: audit.Wijzigen, Object: "verwijzingen/" + gemeente,
			Detail: fmt.Sprintf("antwoord binnen %d werkdagen", n)})
	})
}

// Verwijs stores a new referral with state Verstuurd and returns it. The partner must be a member of
// the gemeente today. Problems of the input are Fouten per form field.
func (s *Service) Verwijs(ctx context.Context, n NieuweVerwijzing) (Verwijzing, error) {
	nu := s.nu()
	f := n.valideer(nu)
	if f == nil {
		lid, err := s.partners.IsLidOp(ctx, n.PartnerID, n.Gemeente, s.Vandaag())
		if err != nil && !errors.Is(err, errs.NotFound) {
			return Verwijzing{}, err
		}
		if !lid {
			f = errs.Fields{{Path: "partner", Reason: "Deze partner werkt vandaag niet samen met de gemeente."}}
		}
	}
	if f != nil {
		return Verwijzing{}, f
	}
	dagen, err := s.AntwoordWerkdagen(ctx, n.Gemeente)
	if err != nil {
		return Verwijzing{}, err
	}
	v := Verwijzing{Gemeente: n.Gemeente, Richting: n.Richting, PartnerID: n.PartnerID, Bron: n.Bron, BronID: n.BronID, Door: n.Door,
		Aangemaakt: nu, Inwoner: n.Inwoner, Behoefte: n.Behoefte, Vraag: n.Vraag, Grondslag: n.Grondslag,
		ToestemmingWat: n.ToestemmingWat, ToestemmingOp: n.ToestemmingOp, Artikel: n.Artikel, ContactWaar: n.ContactWaar,
		Status: Verstuurd, StatusOp: nu}
	if n.Contactmoment != nil {
		t := n.Contactmoment.UTC().Truncate(time.Microsecond)
		v.Contactmoment = &t
	}
	antwoord := ""
	if dagen > 0 {
		v.AntwoordVoor = termijn.PlusWerkdagen(s.VandaagDatum(), dagen)
		antwoord = v.AntwoordVoor.String()
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO netwerk_verwijzing (gemeente, richting, partner_id, bron, bron_id, door, aangemaakt,
			inwoner_naam, inwoner_telefoon, inwoner_email, behoefte, vraag, grondslag, toestemming_wat, toestemming_op, artikel,
			contactmoment, contact_waar, status, status_op, antwoord_voor)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id`,
			v.Gemeente, string(v.Richting), v.PartnerID, string(v.Bron), v.BronID, v.Door, nu, v.Inwoner.Naam, v.Inwoner.Telefoon,
			v.Inwoner.Email, string(v.Behoefte), v.Vraag, string(v.Grondslag), v.ToestemmingWat, dagOfLeeg(v.ToestemmingOp), v.Artikel,
			v.Contactmoment, v.ContactWaar, string(Verstuurd), nu, antwoord).Scan(&v.ID); err != nil {
			return fmt.Errorf("netwerk: verwijzing opslaan: %w", store.MapError(err))
		}
		if err := s.statusRegel(ctx, tx, v, Verstuurd, n.Door, ""); err != nil {
			return err
		}
		detail := string(v.Richting) + ", grondslag " + string(v.Grondslag)
		if v.Artikel != "" {
			detail += " " + v.Artikel
		}
		if err := s.meldNieuw(ctx, tx, v); err != nil {
			return err
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: v.Gemeente, Verwerkingsactiviteit: ActiviteitVerwijzen,
			Operatie: "verwijzing.maken", Actie: audit.Aanmaken, Object: verwijzingObject(v.ID), Detail: detail})
	})
	return v, err
}

func verwijzingObject(id int64) string { return "verwijzing/" + strconv.FormatInt(id, 10) }

func dagOfLeeg(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return partner.DagTekst(d)
}

func (s *Service) statusRegel(ctx context.Context, tx *sql.Tx, v Verwijzing, st VStatus, door int64, toelichting string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO netwerk_verwijzing_status (gemeente, verwijzing_id, status, op, door, toelichting)
		VALUES ($1, $2, $3, $4, $5, $6)`, v.Gemeente, v.ID, string(st), s.nu(), door, toelichting); err != nil {
		return fmt.Errorf("netwerk: status van verwijzing %d: %w", v.ID, store.MapError(err))
	}
	return nil
}

const verwijzingKolommen = `id, gemeente, richting, partner_id, bron, bron_id, door, aangemaakt, inwoner_naam, inwoner_telefoon,
	inwoner_email, behoefte, vraag, grondslag, toestemming_wat, toestemming_op, ingetrokken, artikel, contactmoment, contact_waar,
	status, status_op, antwoord_voor, reden`

func scanVerwijzing(row interface{ Scan(...any) error }) (Verwijzing, error) {
	var v Verwijzing
	var ingetrokken, contact sql.NullTime
	var op, antwoord string
	err := row.Scan(&v.ID, &v.Gemeente, &v.Richting, &v.PartnerID, &v.Bron, &v.BronID, &v.Door, &v.Aangemaakt, &v.Inwoner.Naam,
		&v.Inwoner.Telefoon, &v.Inwoner.Email, &v.Behoefte, &v.Vraag, &v.Grondslag, &v.ToestemmingWat, &op, &ingetrokken,
		&v.Artikel, &contact, &v.ContactWaar, &v.Status, &v.StatusOp, &antwoord, &v.Reden)
	if err != nil {
		return v, err
	}
	v.Aangemaakt, v.StatusOp = v.Aangemaakt.UTC(), v.StatusOp.UTC()
	if op != "" {
		v.ToestemmingOp, _ = partner.ParseDag(op)
	}
	if antwoord != "" {
		v.AntwoordVoor, _ = datum.Parse(antwoord)
	}
	if ingetrokken.Valid {
		t := ingetrokken.Time.UTC()
		v.Ingetrokken = &t
	}
	if contact.Valid {
		t := contact.Time.UTC()
		v.Contactmoment = &t
	}
	return v, nil
}

// voor hides the resident's data from the receiver once consent is withdrawn.
func (v Verwijzing) voor(k Kijker) Verwijzing {
	if v.Ingetrokken != nil && k.ontvanger(v) {
		v.Verborgen = true
		v.Inwoner, v.Vraag, v.ContactWaar = Inwoner{}, "", ""
	}
	return v
}

// VFilter chooses and orders the referrals of a list.
type VFilter struct {
	Status   VStatus // "": every state
	Richting Richting
	Partner  string // gemeente staff only: one partner
	TeLaat   bool   // only overdue ones
	Bron     Bron   // with BronID: the referrals of one zaak or vroegsignaalzaak
	BronID   int64
	Sorteer  string // "nieuw" (default), "oud", "antwoord" (last day for an answer first), "status"
}

var sorteringen = map[string]string{
	"nieuw":    "aangemaakt DESC, id DESC",
	"oud":      "aangemaakt, id",
	"antwoord": "CASE WHEN antwoord_voor = '' THEN 1 ELSE 0 END, antwoord_voor, id",
	"status":   "status, status_op DESC, id DESC",
}

// Sorteringen are the valid values of VFilter.Sorteer.
var Sorteringen = []string{"nieuw", "oud", "antwoord", "status"}

// Verwijzingen returns the referrals of gemeente that k may see, chosen and ordered by f (at most
// MaxVerwijzingen), and logs the read.
func (s *Service) Verwijzingen(ctx context.Context, gemeente string, k Kijker, f VFilter) ([]Verwijzing, error) {
	if !k.Gemeente && k.Partner == "" {
		return nil, nil
	}
	waar := []string{"gemeente = $1"}
	args := []any{gemeente}
	voeg := func(kolom string, w any) {
		args = append(args, w)
		waar = append(waar, kolom+" = $"+strconv.Itoa(len(args)))
	}
	if !k.Gemeente {
		voeg("partner_id", k.Partner)
	} else if f.Partner != "" {
		voeg("partner_id", f.Partner)
	}
	if f.Status != "" {
		voeg("status", string(f.Status))
	}
	if f.Richting != "" {
		voeg("richting", string(f.Richting))
	}
	if f.Bron != "" {
		voeg("bron", string(f.Bron))
		voeg("bron_id", f.BronID)
	}
	vandaag := s.VandaagDatum()
	if f.TeLaat {
		voeg("status", string(Verstuurd))
		args = append(args, vandaag.String())
		waar = append(waar, "antwoord_voor <> '' AND antwoord_voor < $"+strconv.Itoa(len(args)))
	}
	orde, ok := sorteringen[f.Sorteer]
	if !ok {
		orde = sorteringen["nieuw"]
	}
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT `+verwijzingKolommen+` FROM netwerk_verwijzing WHERE `+
		strings.Join(waar, " AND ")+` ORDER BY `+orde+` LIMIT `+strconv.Itoa(MaxVerwijzingen), args...)
	if err != nil {
		return nil, fmt.Errorf("netwerk: verwijzingen %s: %w", gemeente, store.MapError(err))
	}
	defer rows.Close()
	var uit []Verwijzing
	for rows.Next() {
		v, err := scanVerwijzing(rows)
		if err != nil {
			return nil, fmt.Errorf("netwerk: verwijzingen %s: %w", gemeente, err)
		}
		uit = append(uit, v.voor(k))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(uit) > 0 {
		err = s.log.Schrijf(ctx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: ActiviteitVerwijzen,
			Operatie: "verwijzingen.lijst", Actie: audit.Lezen, Object: "verwijzingen/" + gemeente, Aantal: len(uit)})
	}
	return uit, err
}

// Verwijzing returns referral id of gemeente with its history, when k may see it (else errs.NotFound,
// as for one that does not exist), and logs the read.
func (s *Service) Verwijzing(ctx context.Context, gemeente string, id int64, k Kijker) (Verwijzing, []StatusRegel, error) {
	v, err := s.haalVerwijzing(ctx, s.db.SQL(), gemeente, id, k)
	if err != nil {
		return v, nil, err
	}
	rows, err := s.db.SQL().QueryContext(ctx, `SELECT status, op, door, toelichting FROM netwerk_verwijzing_status
		WHERE gemeente = $1 AND verwijzing_id = $2 ORDER BY op, id`, gemeente, id)
	if err != nil {
		return v, nil, fmt.Errorf("netwerk: verwijzing %d: %w", id, store.MapError(err))
	}
	defer rows.Close()
	var hist []StatusRegel
	for rows.Next() {
		var r StatusRegel
		if err := rows.Scan(&r.Status, &r.Op, &r.Door, &r.Toelichting); err != nil {
			return v, nil, err
		}
		r.Op = r.Op.UTC()
		hist = append(hist, r)
	}
	if err := rows.Err(); err != nil {
		return v, nil, err
	}
	err = s.log.Schrijf(ctx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: ActiviteitVerwijzen,
		Operatie: "verwijzing.bekijken", Actie: audit.Lezen, Object: verwijzingObject(id)})
	return v, hist, err
}

type querier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func (s *Service) haalVerwijzing(ctx context.Context, q querier, gemeente string, id int64, k Kijker) (Verwijzing, error) {
	v, err := scanVerwijzing(q.QueryRowContext(ctx, `SELECT `+verwijzingKolommen+` FROM netwerk_verwijzing WHERE gemeente = $1 AND id = $2`, gemeente, id))
	if err != nil {
		if errors.Is(store.MapError(err), store.ErrNotFound) {
			return v, fmt.Errorf("netwerk: verwijzing %d: %w", id, errs.NotFound)
		}
		return v, fmt.Errorf("netwerk: verwijzing %d: %w", id, store.MapError(err))
	}
	if !k.ziet(v) {
		return Verwijzing{}, fmt.Errorf("netwerk: verwijzing %d: %w", id, errs.NotFound)
	}
	return v.voor(k), nil
}

// Beantwoord records the receiver's answer: the new state (one of Antwoorden of the current state) and
// a note; a decline needs its reason. Only the receiver may answer (errs.Forbidden for the sender).
func (s *Service) Beantwoord(ctx context.Context, gemeente string, id int64, k Kijker, st VStatus, toelichting string) error {
	toelichting = strings.TrimSpace(toelichting)
	if r := tekstFout(toelichting, MaxTekst, true); r != "" {
		return errs.Fields{{Path: "toelichting", Reason: r}}
	}
	if st == Afgewezen && toelichting == "" {
		return errs.Fields{{Path: "toelichting", Reason: "Schrijf op waarom de verwijzing wordt afgewezen, zodat de verwijzer een andere weg kan zoeken."}}
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		v, err := s.haalVerwijzing(ctx, tx, gemeente, id, k)
		if err != nil {
			return err
		}
		if !k.ontvanger(v) {
			return fmt.Errorf("netwerk: alleen de ontvanger beantwoordt verwijzing %d: %w", id, errs.Forbidden)
		}
		mag := false
		for _, a := range Antwoorden(v.Status) {
			mag = mag || a == st
		}
		if !mag {
			return errs.Fields{{Path: "status", Reason: "Dit antwoord past niet bij de stand van de verwijzing (" + VStatusNaam(v.Status) + ")."}}
		}
		nu := s.nu()
		if _, err := tx.ExecContext(ctx, `UPDATE netwerk_verwijzing SET status = $3, status_op = $4, reden = $5 WHERE gemeente = $1 AND id = $2`,
			gemeente, id, string(st), nu, toelichting); err != nil {
			return fmt.Errorf("netwerk: verwijzing %d: %w", id, store.MapError(err))
		}
		if err := s.statusRegel(ctx, tx, v, st, k.Gebruiker, toelichting); err != nil {
			return err
		}
		if err := s.bewaarCijfers(ctx, tx, v, st, nu); err != nil {
			return err
		}
		if err := s.meldAntwoord(ctx, tx, v, st); err != nil {
			return err
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: ActiviteitVerwijzen,
			Operatie: "verwijzing.beantwoorden", Actie: audit.Wijzigen, Object: verwijzingObject(id), Detail: string(st)})
	})
}

// TrekToestemmingIn records that the resident withdrew consent: from then on the receiver no longer
// sees the resident's data. Only the sender records it; a referral under a legal task has no consent.
func (s *Service) TrekToestemmingIn(ctx context.Context, gemeente string, id int64, k Kijker) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		v, err := s.haalVerwijzing(ctx, tx, gemeente, id, k)
		if err != nil {
			return err
		}
		if k.ontvanger(v) {
			return fmt.Errorf("netwerk: de verwijzer legt het intrekken van verwijzing %d vast: %w", id, errs.Forbidden)
		}
		if v.Grondslag != Toestemming {
			return errs.Fields{{Path: "intrekken", Reason: "Deze verwijzing rust op een wettelijke taak, niet op toestemming."}}
		}
		if v.Ingetrokken != nil {
			return nil
		}
		nu := s.nu()
		if _, err := tx.ExecContext(ctx, `UPDATE netwerk_verwijzing SET ingetrokken = $3 WHERE gemeente = $1 AND id = $2`, gemeente, id, nu); err != nil {
			return fmt.Errorf("netwerk: verwijzing %d: %w", id, store.MapError(err))
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: ActiviteitVerwijzen,
			Operatie: "verwijzing.toestemming_ingetrokken", Actie: audit.Wijzigen, Object: verwijzingObject(id)})
	})
}

// VerhuisVerwijzingen is the partner.Verhuizer of referrals: those of van become naar's.
func VerhuisVerwijzingen(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error) {
	res, err := tx.ExecContext(ctx, `UPDATE netwerk_verwijzing SET partner_id = $2 WHERE partner_id = $1`, van, naar)
	if err != nil {
		return 0, fmt.Errorf("netwerk: verwijzingen verhuizen: %w", store.MapError(err))
	}
	return res.RowsAffected()
}
