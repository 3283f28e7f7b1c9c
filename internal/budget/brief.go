package budget

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/store"
)

// A final decision on a request gets a letter (internal/brief), made and stored in the transaction of
// the decision; an award that waits for the second approval of four-eyes gets none yet.
//
// Whether the letter is a beschikking follows who owns the money (Budget.Soort): a request to a budget
// of the gemeente (Beleid: maatwerkbudget, noodfonds) is decided by the gemeente, a besluit on an
// application (Awb 1:3), so the letter has the bezwaar clause and term (Awb 6:7, 6:8). A fund run by a
// partner (Fonds) or money the gemeente gave a partner as subsidy (Subsidie) is the partner's: the
// gemeente records the outcome, but it is no besluit of the gemeente, so the letter has no bezwaar
// clause and says where to go instead.

// BriefKort is the stored letter of a request without its text.
type BriefKort struct {
	ID          int64
	Beschikking bool
	Datum       datum.Datum
	Onderwerp   string
	Door        string
}

// Beschikking reports whether a decision on a request to a budget of kind k is a besluit of the
// gemeente (with bezwaar); false for the partner's money.
func (k Soort) Beschikking() bool { return k == Beleid }

// kenmerk is the reference of a request in its letter.
func kenmerk(a Aanvraag) string { return "Budgetaanvraag " + strconv.FormatInt(a.ID, 10) }

// gevraagd is what was asked, in words: "€ 150,00", "goederen (E-bike) met een waarde van € 700,00".
func gevraagd(a Aanvraag) string {
	switch a.Vorm {
	case Goed:
		return "goederen (" + a.Omschrijving + ") met een waarde van " + a.Bedrag.String()
	case Voucher:
		return "een voucher (" + a.Omschrijving + ") met een waarde van " + a.Bedrag.String()
	}
	return "geld: " + a.Bedrag.String()
}

// maakBrief builds the letter of the final decision on request a (its decision fields filled) against
// budget b, submitted on ingediend and sent on dag by af; partner is the name of the partner that runs
// the money ("" unknown).
func maakBrief(a Aanvraag, b Budget, partner string, ingediend, dag datum.Datum, af brief.Afzender) *brief.Brief {
	in := brief.Inhoud{Afzender: af, Datum: dag, Kenmerk: kenmerk(a),
		Inleiding: []string{"Op " + brief.DatumNL(ingediend) + " is voor u een aanvraag gedaan voor " + gevraagd(a) + ". In deze brief leest u wat er is besloten, en waarom."}}
	x := brief.Besluit{Regeling: b.Naam + " " + strconv.Itoa(b.Jaar)}
	if a.Status == Toegekend {
		x.Uitkomst, x.Periode = brief.Toegekend, "eenmalig"
		switch a.Vorm {
		case Geld:
			x.Bedrag = a.Bedrag.String()
			x.Motivering = []string{"U krijgt " + a.Bedrag.String() + "."}
		case Goed:
			x.Bedrag = a.Bedrag.String() + " (de waarde van de goederen)"
			x.Motivering = []string{"U krijgt geen geld, maar goederen: " + a.Omschrijving + ". De waarde is " + a.Bedrag.String() + "."}
		case Voucher:
			x.Bedrag = a.Bedrag.String() + " (de waarde van de voucher)"
			x.Motivering = []string{"U krijgt geen geld, maar een voucher: " + a.Omschrijving + ". De waarde is " + a.Bedrag.String() + "."}
		}
	} else {
		x.Uitkomst = brief.Afgewezen
		x.Motivering = []string{"U krijgt niet wat is gevraagd (" + gevraagd(a) + ")."}
	}
	x.Motivering = append(x.Motivering, "De reden is:")
	x.Motivering = append(x.Motivering, brief.Alineas(a.BesluitReden)...)
	if a.Eerste.ID != 0 && a.Status == Toegekend {
		x.Motivering = append(x.Motivering, "Twee medewerkers hebben deze aanvraag bekeken en goedgekeurd.")
	}
	waar := "het budget “" + b.Naam + "” van " + strconv.Itoa(b.Jaar)
	if b.Soort.Beschikking() {
		in.Onderwerp = "Besluit op uw aanvraag uit " + b.Naam
		x.Motivering = append(x.Motivering, "Het geld komt uit "+waar+" van de gemeente. Dit budget staat in: "+b.Bron)
	} else {
		van := "een partner van de gemeente"
		if partner != "" {
			van = partner
		}
		wat := "een fonds van " + van
		if b.Soort == Subsidie {
			wat = "geld dat de gemeente als subsidie aan " + van + " geeft"
		}
		in.Onderwerp = "Uitkomst van uw aanvraag uit " + b.Naam
		x.Motivering = append(x.Motivering, "Het geld komt uit "+waar+". Dat is "+wat+". Dit staat in: "+b.Bron)
		in.GeenBezwaar = []string{
			"Het geld is niet van de gemeente, maar van " + van + ". Daarom is dit geen besluit van de gemeente. U kunt er bij de gemeente geen bezwaar tegen maken.",
			"Bent u het niet eens met de uitkomst? Neem dan contact met ons op. Noem het kenmerk " + in.Kenmerk + ". Wij bespreken het met " + van + ".",
		}
	}
	in.Besluiten = []brief.Besluit{x}
	return brief.Nieuw(in)
}

// bewaarBrief makes and stores the letter of the final decision on request id, in the decision's tx.
func (s *Service) bewaarBrief(ctx context.Context, tx *sql.Tx, gemeente string, id int64, dag datum.Datum) error {
	a, err := haalAanvraag(ctx, tx, gemeente, id)
	if err != nil {
		return err
	}
	b, err := haal(ctx, tx, gemeente, a.BudgetID)
	if err != nil {
		return err
	}
	var partner string
	if b.PartnerID != "" {
		if err := tx.QueryRowContext(ctx, `SELECT naam FROM partner_organisatie WHERE id = $1`, b.PartnerID).Scan(&partner); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("budget: brief: partner: %w", store.MapError(err))
		}
	}
	af, err := s.afz.Lees(ctx, tx, gemeente)
	if err != nil {
		return err
	}
	br := maakBrief(a, b, partner, datum.Van(a.Ingediend, s.zone), dag, af)
	html, err := br.HTML()
	if err != nil {
		return fmt.Errorf("budget: brief: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO budget_brief (gemeente, aanvraag_id, beschikking, datum, onderwerp, html, door, gemaakt)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, gemeente, id, b.Soort.Beschikking(), dag.String(), br.Onderwerp, html, a.BesluitDoor.Naam,
		s.klok().UTC().Truncate(time.Microsecond))
	if err != nil {
		return fmt.Errorf("budget: brief: %w", store.MapError(err))
	}
	return nil
}

// briefVan returns the letter of request id without its text; ok false when it has none.
func briefVan(ctx context.Context, q queryer, gemeente string, id int64) (BriefKort, bool, error) {
	var b BriefKort
	var d string
	err := q.QueryRowContext(ctx, `SELECT id, beschikking, datum, onderwerp, door FROM budget_brief WHERE gemeente = $1 AND aanvraag_id = $2`,
		gemeente, id).Scan(&b.ID, &b.Beschikking, &d, &b.Onderwerp, &b.Door)
	if errors.Is(err, sql.ErrNoRows) {
		return BriefKort{}, false, nil
	}
	if err != nil {
		return BriefKort{}, false, fmt.Errorf("budget: brief: %w", store.MapError(err))
	}
	b.Datum, _ = datum.Parse(d)
	return b, true, nil
}

// ErrGeenBrief: the request has no letter (yet), or is not of the gemeente.
var ErrGeenBrief = fmt.Errorf("budget: brief: %w", ErrNietGevonden)

// Brief returns the print-ready HTML of the letter of request id and writes a read row to the audit log.
func (s *Service) Brief(ctx context.Context, gemeente string, id int64) (string, error) {
	var html, huishouden string
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT b.html, a.huishouden_id FROM budget_brief b JOIN budget_aanvraag a ON a.id = b.aanvraag_id AND a.gemeente = b.gemeente
			WHERE b.gemeente = $1 AND b.aanvraag_id = $2`, gemeente, id).Scan(&html, &huishouden)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrGeenBrief
		}
		if err != nil {
			return fmt.Errorf("budget: brief: %w", store.MapError(err))
		}
		return s.logAanvraag(ctx, tx, gemeente, id, huishouden, "budgetaanvraag.brief.bekijken", audit.Lezen)
	})
	if err != nil {
		return "", err
	}
	return html, nil
}
