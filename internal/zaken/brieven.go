package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/store"
)

// The kinds of letter a zaak can have.
const (
	BriefPlan        = "plan"        // beschikking plan van aanpak (Wgs art. 4a lid 1 onder a)
	BriefWeigering   = "weigering"   // beschikking weigering (4a lid 1 onder b)
	BriefBeeindiging = "beeindiging" // beëindigingsbeschikking (4a lid 6)
)

// Wgs is the law the zaken letters rest on, as the letters name it.
const Wgs = "de Wet gemeentelijke schuldhulpverlening (Wgs)"

// BriefKort is a stored letter without its text, for the list on the zaak page.
type BriefKort struct {
	ID        int64
	Soort     string
	Datum     datum.Datum
	Onderwerp string
	Door      string
}

// kenmerk is the reference of a zaak in its letters.
func kenmerk(z Zaak) string { return "Zaak " + strconv.FormatInt(z.ID, 10) }

// grondB1 is a refusal ground in plain words.
func grondB1(g Weigeringsgrond) string {
	switch g {
	case GrondGeenVerblijf:
		return "U woont niet rechtmatig in Nederland. Dan mag de gemeente geen schuldhulp geven. Dat staat in de wet."
	case GrondEerder:
		return "U heeft eerder schuldhulp van de gemeente gehad. De wet zegt dat de gemeente dan mag weigeren."
	case GrondFraude:
		return "U bent veroordeeld of gestraft voor fraude. De wet zegt dat de gemeente dan mag weigeren."
	}
	return ""
}

// grondArtikel is the article of a refusal ground.
func grondArtikel(g Weigeringsgrond) string {
	switch g {
	case GrondEerder:
		return "artikel 3 lid 2"
	case GrondFraude:
		return "artikel 3 lid 3"
	case GrondGeenVerblijf:
		return "artikel 3 lid 4"
	}
	return ""
}

// redenB1 is a reason to end the help in plain words ("" for Overig: the motivering says it).
func redenB1(r EindeReden) string {
	switch r {
	case RedenOverleden:
		return "De persoon die om hulp vroeg, is overleden."
	case RedenVerhuisd:
		return "U woont niet meer in onze gemeente."
	case RedenNietVerschenen:
		return "U bent niet gekomen op de afspraken met ons."
	case RedenIngetrokken:
		return "U heeft ons laten weten dat u geen hulp meer wilt."
	case RedenNietPassend:
		return "Schuldhulp past niet bij uw situatie."
	case RedenVoldoetNiet:
		return "U voldoet niet aan de voorwaarden voor schuldhulp."
	case RedenZelf:
		return "U heeft uw geldzaken zelf opgelost."
	}
	return ""
}

// bvvAlinea is the paragraph of the plan letter on the beslagvrije voet (Wgs art. 4a lid 5: the plan
// van aanpak respects it): the indication of art. 475da Rv for the letter's day when the zaak has its
// inputs and the national values cover that day; otherwise that the amount is not known yet — never an
// amount Zeker cannot compute, never € 0. "" without parameters (no paragraph). The letter is stored,
// so the amount stays the one of its day.
func bvvAlinea(p *nl.Parameters, g BVVGegevens, dag datum.Datum) string {
	if p == nil {
		return ""
	}
	const wat = "Bij dit plan houden wij rekening met uw beslagvrije voet. Dat is het deel van uw inkomen waar schuldeisers geen beslag op mogen leggen"
	const wet = " (artikel 475da Wetboek van Burgerlijke Rechtsvordering)."
	if g.Ingevuld() {
		if r, err := p.BeslagvrijeVoet(g.Vraag(), dag.Tijd()); err == nil && r.Bedrag > 0 {
			return wat + ". Volgens onze berekening is dat nu ongeveer " + r.Bedrag.String() + " per maand" + wet + " De deurwaarder stelt het precieze bedrag vast."
		}
	}
	return wat + wet + " Hoeveel dat per maand is, weten wij nog niet. De deurwaarder stelt het bedrag vast."
}

// beschikkingBrief builds the letter of a beschikking (plan or weigering) on zaak z; bvv is the
// paragraph on the beslagvrije voet of a plan ("" for none).
func beschikkingBrief(z Zaak, b Beschikking, toelichting, bvv string, af brief.Afzender) *brief.Brief {
	intro := "Op " + brief.DatumNL(z.Startdatum) + " vroeg u ons om hulp bij uw geldzaken."
	if !z.EersteGesprek.IsZero() {
		intro += " Op " + brief.DatumNL(z.EersteGesprek) + " hadden wij een eerste gesprek met u."
	}
	in := brief.Inhoud{Afzender: af, Datum: b.Datum, Kenmerk: kenmerk(z),
		Inleiding: []string{intro + " In deze brief leest u wat wij hebben besloten, en waarom."}}
	x := brief.Besluit{Regeling: "Schuldhulp"}
	if b.Soort == BesluitPlan {
		in.Onderwerp = "Besluit: u krijgt schuldhulp"
		x.Uitkomst = brief.Toegekend
		x.Motivering = []string{"Wij helpen u met uw schulden en uw geldzaken. Samen met u maken wij een plan van aanpak. Daarin staat wat u doet, wat wij doen, en wanneer."}
		if bvv != "" {
			x.Motivering = append(x.Motivering, bvv)
		}
		x.Grondslag = "artikel 4a lid 1 onder a van " + Wgs
	} else {
		in.Onderwerp = "Besluit: u krijgt geen schuldhulp"
		x.Uitkomst = brief.Afgewezen
		x.Motivering = []string{"Wij geven u geen schuldhulp. " + grondB1(b.Grond)}
		x.Grondslag = "artikel 4a lid 1 onder b en " + grondArtikel(b.Grond) + " van " + Wgs
	}
	x.Motivering = append(x.Motivering, brief.Alineas(toelichting)...)
	in.Besluiten = []brief.Besluit{x}
	return brief.Nieuw(in)
}

// beeindigingBrief builds the beëindigingsbeschikking of zaak z (Wgs art. 4a lid 6).
func beeindigingBrief(z Zaak, reden EindeReden, op datum.Datum, toelichting string, af brief.Afzender) *brief.Brief {
	x := brief.Besluit{Regeling: "Schuldhulp", Uitkomst: brief.Beeindigd, Grondslag: "artikel 4a lid 6 van " + Wgs}
	if r := redenB1(reden); r != "" {
		x.Motivering = []string{"De reden is: " + strings.ToLower(r[:1]) + r[1:]}
	}
	x.Motivering = append(x.Motivering, brief.Alineas(toelichting)...)
	return brief.Nieuw(brief.Inhoud{Afzender: af, Datum: op, Kenmerk: kenmerk(z), Besluiten: []brief.Besluit{x},
		Onderwerp: "Besluit: de schuldhulp stopt",
		Inleiding: []string{"Op " + brief.DatumNL(z.Startdatum) + " vroeg u ons om hulp bij uw geldzaken. Wij stoppen nu met deze hulp. In deze brief leest u waarom."},
		Slot:      []string{"Heeft u later weer hulp nodig bij uw geldzaken? Dan kunt u opnieuw bij ons terecht."}})
}

// bewaarBrief renders br and stores it with zaak id in the transaction of the decision.
func (s *Service) bewaarBrief(ctx context.Context, tx *sql.Tx, gemeente string, id int64, soort string, br *brief.Brief, door string) error {
	html, err := br.HTML()
	if err != nil {
		return fmt.Errorf("zaken: brief: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO zaken_brief (gemeente, zaak_id, soort, datum, onderwerp, html, door, gemaakt)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, gemeente, id, soort, br.Datum.String(), br.Onderwerp, html, door,
		s.klok().UTC().Truncate(time.Microsecond))
	if err != nil {
		return fmt.Errorf("zaken: brief: %w", store.MapError(err))
	}
	return nil
}

// brieven lists the letters of zaak id, oldest first.
func brieven(ctx context.Context, q queryer, gemeente string, id int64) ([]BriefKort, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, soort, datum, onderwerp, door FROM zaken_brief WHERE gemeente = $1 AND zaak_id = $2 ORDER BY id`, gemeente, id)
	if err != nil {
		return nil, fmt.Errorf("zaken: brieven: %w", err)
	}
	defer rows.Close()
	var out []BriefKort
	for rows.Next() {
		var b BriefKort
		var d string
		if err := rows.Scan(&b.ID, &b.Soort, &d, &b.Onderwerp, &b.Door); err != nil {
			return nil, fmt.Errorf("zaken: brieven: %w", err)
		}
		b.Datum = leesDatum(d)
		out = append(out, b)
	}
	return out, rows.Err()
}

// ErrGeenBrief is a letter that does not belong to the zaak (or gemeente).
var ErrGeenBrief = fmt.Errorf("zaken: brief: %w", ErrNietGevonden)

// Brief returns the print-ready HTML of letter briefID of zaak id, and writes a read row with the
// household's BSNs to the audit log.
func (s *Service) Brief(ctx context.Context, gemeente string, id, briefID int64) (string, error) {
	var html, huishouden string
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT b.html, z.huishouden_id FROM zaken_brief b JOIN zaken_zaak z ON z.gemeente = b.gemeente AND z.id = b.zaak_id
			WHERE b.gemeente = $1 AND b.zaak_id = $2 AND b.id = $3`, gemeente, id, briefID).Scan(&html, &huishouden)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrGeenBrief
		}
		if err != nil {
			return fmt.Errorf("zaken: brief: %w", store.MapError(err))
		}
		bsns, err := bsnsVan(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		return s.logZaak(ctx, tx, gemeente, id, huishouden, bsns, "zaak.brief.bekijken", audit.Lezen)
	})
	if err != nil {
		return "", err
	}
	return html, nil
}

// beschikkingsbrief makes and stores the letter of beschikking b on zaak z.
func (s *Service) beschikkingsbrief(ctx context.Context, tx *sql.Tx, z Zaak, soort string, b Beschikking, toelichting string, door Medewerker) error {
	af, err := s.afz.Lees(ctx, tx, z.Gemeente)
	if err != nil {
		return err
	}
	var bvv string
	if soort == BriefPlan && s.prm != nil {
		g, err := leesBVV(ctx, tx, z.Gemeente, z.ID)
		if err != nil {
			return err
		}
		bvv = bvvAlinea(s.prm, g, b.Datum)
	}
	return s.bewaarBrief(ctx, tx, z.Gemeente, z.ID, soort, beschikkingBrief(z, b, toelichting, bvv, af), door.Naam)
}
