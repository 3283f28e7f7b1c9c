package zaken

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/store"
)

// The waiting list: the zaken that wait for their first conversation, in the order they will be seen,
// with the expected waiting time from the gemeente's intake capacity. A waiting list never moves a legal
// deadline: every row shows the deadline that applies beside the expected date, and an expected date
// after it is marked.
//
// Order: a bedreigende situatie first (its term is 3 working days, Wgs art. 4 lid 2), then, when the
// gemeente's priority rule is on and the queue is longer than one week's capacity (the waiting time
// grows), households with a minor child, then by the moment the clock started.

// BronVoorrangBorne is the text of Borne's priority rule (shared/seeds/003, beleidskader "Blik op morgen").
const BronVoorrangBorne = "Borne, beleidskader Blik op morgen: \"Mocht er sprake zijn van een oplopende wachttijd voor schuldhulpverlening, dan krijgen gezinnen met kinderen voorrang.\""

// MaxCapaciteit bounds the intake capacity per week.
const MaxCapaciteit = 10000

// Wachtlijstregel is a gemeente's intake capacity and priority rule.
type Wachtlijstregel struct {
	IntakeCapaciteit int // first conversations per week; 0 = not set (no expected waiting time)
	VoorrangKinderen bool
	VoorrangBron     string
}

// Controleer checks the rule; the error names the field.
func (w Wachtlijstregel) Controleer() error {
	if w.IntakeCapaciteit < 0 || w.IntakeCapaciteit > MaxCapaciteit {
		return fmt.Errorf("%w: intakecapaciteit %d: kies 0 (niet ingesteld) tot en met %d gesprekken per week", ErrOngeldig, w.IntakeCapaciteit, MaxCapaciteit)
	}
	if utf8.RuneCountInString(w.VoorrangBron) > 1000 {
		return fmt.Errorf("%w: voorrangsregel: de bron is te lang (hoogstens 1.000 tekens)", ErrOngeldig)
	}
	if w.VoorrangKinderen && strings.TrimSpace(w.VoorrangBron) == "" {
		return fmt.Errorf("%w: voorrangsregel: noem de bron (plan of beleidsregel) van de voorrang voor gezinnen met kinderen", ErrOngeldig)
	}
	return nil
}

// Wachtende is a zaak on the waiting list.
type Wachtende struct {
	Zaak
	Plaats   int  // 1 = next
	Kinderen bool // a minor child in the household (priority when the rule applies)
	// VerwachtUiterlijk is the expected last day of the first conversation from the capacity (zero when
	// no capacity is set); WachtWeken the expected waiting time in weeks.
	VerwachtUiterlijk datum.Datum
	WachtWeken        int
	// NaTermijn: the expected day is after the deadline that applies. The deadline still holds.
	NaTermijn bool
}

// Wachtlijst is one page of the waiting list with its summary.
type Wachtlijst struct {
	Regel  Wachtlijstregel
	Aantal int  // zaken waiting for their first conversation
	Vol    bool // more than one week's capacity waiting: the waiting time grows
	// VoorrangActief: the priority rule is on and applies now (Vol).
	VoorrangActief bool
	Rijen          []Wachtende
}

const wachtPrio = `CASE WHEN $2 = 1 AND kind_tot > $3 THEN 0 ELSE 1 END`

// wachtInfo reads the rule and the number waiting.
func (s *Service) wachtInfo(ctx context.Context, q queryer, gemeente string) (Wachtlijst, error) {
	in, err := s.instellingen(ctx, q, gemeente)
	if err != nil {
		return Wachtlijst{}, err
	}
	w := Wachtlijst{Regel: in.Wachtlijst}
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_zaak WHERE gemeente = $1 AND status = $2`, gemeente, string(Aangemeld)).
		Scan(&w.Aantal); err != nil {
		return w, fmt.Errorf("zaken: wachtlijst tellen: %w", store.MapError(err))
	}
	w.Vol = w.Regel.IntakeCapaciteit > 0 && w.Aantal > w.Regel.IntakeCapaciteit
	w.VoorrangActief = w.Regel.VoorrangKinderen && w.Vol
	return w, nil
}

// verwacht fills the expected day of a zaak at plaats.
func (w Wachtlijst) verwacht(r *Wachtende, vandaag datum.Datum) {
	if c := w.Regel.IntakeCapaciteit; c > 0 {
		r.WachtWeken = (r.Plaats + c - 1) / c
		r.VerwachtUiterlijk = vandaag.PlusDagen(7 * r.WachtWeken)
		r.NaTermijn = r.VerwachtUiterlijk.Na(r.EersteGesprekTermijn.Datum)
	}
}

// Wachtlijst returns one page of the gemeente's waiting list (limiet rows from vanaf), in the order the
// zaken will be seen. One audit row (a list, no data subject).
func (s *Service) Wachtlijst(ctx context.Context, gemeente string, limiet, vanaf int) (Wachtlijst, error) {
	w, err := s.wachtInfo(ctx, s.db, gemeente)
	if err != nil {
		return w, err
	}
	if limiet <= 0 || limiet > 500 {
		limiet = 50
	}
	vandaag := s.Vandaag()
	kol := "z." + strings.ReplaceAll(strings.ReplaceAll(zaakKolommen, "\n\t", " "), ", ", ", z.")
	rows, err := s.db.QueryContext(ctx, `SELECT `+kol+`, CASE WHEN z.kind_tot > $3 THEN 'ja' ELSE '' END FROM zaken_zaak z
		WHERE z.gemeente = $1 AND z.status = $4 ORDER BY z.crisis DESC, `+strings.ReplaceAll(wachtPrio, "kind_tot", "z.kind_tot")+`, z.gestart, z.id
		LIMIT $5 OFFSET $6`, gemeente, b2i(w.VoorrangActief), vandaag.String(), string(Aangemeld), limiet, max(vanaf, 0))
	if err != nil {
		return w, fmt.Errorf("zaken: wachtlijst: %w", store.MapError(err))
	}
	defer rows.Close()
	for rows.Next() {
		var r Wachtende
		var kind string
		if err := scanZaak(rijScanner{rows, &kind}, &r.Zaak); err != nil {
			return w, fmt.Errorf("zaken: wachtlijst: %w", err)
		}
		r.Kinderen, r.Plaats = kind == "ja", max(vanaf, 0)+len(w.Rijen)+1
		w.verwacht(&r, vandaag)
		w.Rijen = append(w.Rijen, r)
	}
	if err := rows.Err(); err != nil {
		return w, fmt.Errorf("zaken: wachtlijst: %w", err)
	}
	return w, s.logLijst(ctx, gemeente, "zaak.wachtlijst", len(w.Rijen))
}

// Plaats returns where zaak z (waiting for its first conversation) is on the waiting list; ok is false
// when it is not waiting.
func (s *Service) Plaats(ctx context.Context, z Zaak) (Wachtende, Wachtlijst, bool, error) {
	if z.Status != Aangemeld {
		return Wachtende{}, Wachtlijst{}, false, nil
	}
	var r Wachtende
	var w Wachtlijst
	err := s.sdb.ReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if w, err = s.wachtInfo(ctx, tx, z.Gemeente); err != nil {
			return err
		}
		vandaag := s.Vandaag()
		var kind, prio int
		if err := tx.QueryRowContext(ctx, `SELECT CASE WHEN kind_tot > $3 THEN 1 ELSE 0 END, `+wachtPrio+` FROM zaken_zaak
			WHERE gemeente = $1 AND id = $4`, z.Gemeente, b2i(w.VoorrangActief), vandaag.String(), z.ID).Scan(&kind, &prio); err != nil {
			return fmt.Errorf("zaken: plaats: %w", store.MapError(err))
		}
		var voor int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_zaak WHERE gemeente = $1 AND status = $4 AND (crisis > $5 OR (crisis = $5 AND
			(`+wachtPrio+` < $6 OR (`+wachtPrio+` = $6 AND (gestart < $7 OR (gestart = $7 AND id < $8))))))`,
			z.Gemeente, b2i(w.VoorrangActief), vandaag.String(), string(Aangemeld), b2i(z.Crisis), prio, z.Gestart.UTC(), z.ID).Scan(&voor); err != nil {
			return fmt.Errorf("zaken: plaats: %w", store.MapError(err))
		}
		r = Wachtende{Zaak: z, Plaats: voor + 1, Kinderen: kind == 1}
		w.verwacht(&r, vandaag)
		return nil
	})
	return r, w, err == nil, err
}

// kindTot is the day the youngest minor of personen turns 18 ("" when none is under 18 on vandaag).
func kindTot(personen []Persoon, vandaag datum.Datum) string {
	var jongste datum.Datum
	for _, p := range personen {
		if !p.Geboortedatum.IsZero() && p.Geboortedatum.LeeftijdOp(vandaag) < 18 && (jongste.IsZero() || p.Geboortedatum.Na(jongste)) {
			jongste = p.Geboortedatum
		}
	}
	if jongste.IsZero() {
		return ""
	}
	return jongste.PlusMaanden(18 * 12).String()
}

// KindOnbekend is kind_tot of an online request whose resident said a minor child lives with them.
const KindOnbekend = "9999-12-31"
