package aanvragen

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/store"
)

// BesluitSoort is the decision on one regeling.
type BesluitSoort string

// The decisions.
const (
	Toekennen         BesluitSoort = "toekennen"
	Afwijzen          BesluitSoort = "afwijzen"
	BuitenBehandeling BesluitSoort = "buiten_behandeling"
)

// Naam is the decision in Dutch.
func (b BesluitSoort) Naam() string {
	switch b {
	case Toekennen:
		return "Toekennen"
	case Afwijzen:
		return "Afwijzen"
	case BuitenBehandeling:
		return "Buiten behandeling"
	case Ingetrokken:
		return "Ingetrokken door de aanvrager"
	}
	return "Nog niet besloten"
}

func (b BesluitSoort) brief() brief.Uitkomst {
	switch b {
	case Toekennen:
		return brief.Toegekend
	case Afwijzen:
		return brief.Afgewezen
	}
	return brief.BuitenBehandeling
}

// BesluitInvoer is the case worker's decision on one regeling.
type BesluitInvoer struct {
	Regeling   string
	Soort      BesluitSoort
	Bedrag     *geld.Bedrag // toekennen: nil = the engine's amount; another amount needs Reden
	Reden      string       // why the amount differs from the engine's
	Motivering string       // B1, prefilled from the trace, editable; required
	Ingang     datum.Datum
	Einde      datum.Datum
}

// Beslist is what a decision did.
type Beslist struct {
	Voorstellen []string // regelingen whose decision waits for a second case worker (four-eyes)
	BriefID     int64    // the letter, once every regeling is decided; 0 otherwise
}

// invullen marks the part of a drafted motivation the case worker must write; a decision with it is
// refused, so it never reaches a letter.
const invullen = "(schrijf hier welke en waarom)"

// MaxMotivering bounds a motivation.
const MaxMotivering = 4000

// Beslis records decisions on regelingen of application id. The applicant must be linked to the
// register and no document may be missing. An award above the gemeente's four-eyes amount is a
// proposal until another case worker decides the same; once every regeling is decided the letter is
// made (internal/brief) with sender af and stored.
func (s *Service) Beslis(ctx context.Context, gm string, id int64, versie int, in []BesluitInvoer, m Medewerker, af brief.Afzender) (*Beslist, error) {
	if len(in) == 0 {
		return nil, ongeldig("besluit", "Kies voor minstens één regeling een besluit.")
	}
	for _, b := range in {
		veld := "motivering-" + b.Regeling
		switch b.Soort {
		case Toekennen, Afwijzen, BuitenBehandeling:
		default:
			return nil, ongeldig("besluit-"+b.Regeling, "Kies toekennen, afwijzen of buiten behandeling.")
		}
		if strings.TrimSpace(b.Motivering) == "" {
			return nil, ongeldig(veld, "Schrijf de motivering: waarom dit besluit.")
		}
		if strings.Contains(b.Motivering, invullen) {
			return nil, ongeldig(veld, "Vul de motivering aan: schrijf welke voorwaarde niet klopt en waarom.")
		}
		if utf8.RuneCountInString(b.Motivering) > MaxMotivering {
			return nil, ongeldig(veld, "De motivering is hoogstens 4000 tekens.")
		}
		if b.Bedrag != nil && *b.Bedrag < 0 {
			return nil, ongeldig("bedrag-"+b.Regeling, "Een bedrag kan niet negatief zijn.")
		}
		if !b.Ingang.IsZero() && !b.Einde.IsZero() && b.Einde.Voor(b.Ingang) {
			return nil, ongeldig("einde-"+b.Regeling, "Het einde ligt voor de ingang.")
		}
	}
	out := &Beslist{}
	vandaag := s.Vandaag()
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		beslist := false
		if err := vergrendel(ctx, tx, gm, id); err != nil { // a withdrawal may run alongside (intrekken.go)
			return err
		}
		a, err := leesAanvraag(ctx, tx, gm, id)
		if err != nil {
			return err
		}
		if a.Versie != versie {
			return ErrVerouderd
		}
		if a.RegisterID == "" {
			return ErrNietGekoppeld
		}
		// While a document is missing only buiten behandeling is possible, and only after the
		// hersteltermijn has passed (Awb 4:5); without a missing document it is never the decision.
		for _, b := range in {
			switch {
			case a.Status == Ontbreekt && b.Soort != BuitenBehandeling:
				return ongeldig("besluit-"+b.Regeling, "Er ontbreekt nog een document. Wacht daarop; komt het niet binnen de hersteltermijn, besluit dan tot buiten behandeling.")
			case b.Soort == BuitenBehandeling && !a.HerstelVerstreken(vandaag):
				return ongeldig("besluit-"+b.Regeling, "Buiten behandeling kan alleen als een gevraagd document na de hersteltermijn nog ontbreekt (Awb artikel 4:5).")
			}
		}
		inst, err := leesInstellingen(ctx, tx, gm)
		if err != nil {
			return err
		}
		// A motivation drafted for another decision (the select changed, the text not) would contradict
		// the decision in the letter.
		if uit, err := s.Beoordeling(a, vandaag); err == nil {
			for _, b := range in {
				u, ok := uit[b.Regeling]
				if !ok {
					continue
				}
				for _, ander := range []BesluitSoort{Toekennen, Afwijzen, BuitenBehandeling} {
					if ander != b.Soort && strings.TrimSpace(b.Motivering) == strings.TrimSpace(Motivering(u, ander)) {
						return ongeldig("motivering-"+b.Regeling, "Deze motivering is geschreven voor het besluit '"+ander.Naam()+"'. Pas haar aan aan het besluit '"+b.Soort.Naam()+"'.")
					}
				}
			}
		}
		for _, b := range in {
			var r *Regeling
			for i := range a.Regelingen {
				if a.Regelingen[i].ID == b.Regeling {
					r = &a.Regelingen[i]
				}
			}
			if r == nil {
				return ongeldig("besluit-"+b.Regeling, "Deze regeling hoort niet bij de aanvraag.")
			}
			if r.Besluit != "" {
				return ongeldig("besluit-"+b.Regeling, "Op deze regeling is al besloten.")
			}
			var bedrag any
			if b.Soort == Toekennen {
				switch {
				case b.Bedrag != nil:
					if r.BedragEngineCent == nil || int64(*b.Bedrag) != *r.BedragEngineCent {
						if strings.TrimSpace(b.Reden) == "" {
							return ongeldig("reden-"+b.Regeling, "Het bedrag wijkt af van de berekening: schrijf waarom.")
						}
					}
					bedrag = int64(*b.Bedrag)
				case r.BedragEngineCent != nil:
					bedrag = *r.BedragEngineCent
				default:
					return ongeldig("bedrag-"+b.Regeling, "De regels geven geen bedrag: vul het bedrag in met de reden.")
				}
			}
			// Four-eyes: an award above the amount waits for a second case worker.
			if b.Soort == Toekennen && inst.VierOgenBoven != nil && bedrag.(int64) > int64(*inst.VierOgenBoven) {
				if r.VoorgesteldDoorID == 0 {
					if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_regeling SET voorgesteld_door = $1, voorgesteld_door_id = $2, bedrag_cent = $3,
						motivering = $4, reden_wijziging = $5, ingang = $6, einde = $7 WHERE gemeente = $8 AND aanvraag_id = $9 AND regeling = $10`,
						m.Naam, m.ID, bedrag, strings.TrimSpace(b.Motivering), strings.TrimSpace(b.Reden), b.Ingang.String(), b.Einde.String(), gm, id, b.Regeling); err != nil {
						return store.MapError(err)
					}
					out.Voorstellen = append(out.Voorstellen, r.Naam)
					continue
				}
				if r.VoorgesteldDoorID == m.ID {
					return ongeldig("besluit-"+b.Regeling, "Dit bedrag is hoger dan de grens voor vier ogen: een andere medewerker moet dit besluit nemen.")
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_regeling SET besluit = $1, bedrag_cent = $2, motivering = $3, reden_wijziging = $4,
				ingang = $5, einde = $6, besloten_op = $7, besloten_door = $8 WHERE gemeente = $9 AND aanvraag_id = $10 AND regeling = $11`,
				string(b.Soort), bedrag, strings.TrimSpace(b.Motivering), strings.TrimSpace(b.Reden), b.Ingang.String(), b.Einde.String(),
				vandaag.String(), m.Naam, gm, id, b.Regeling); err != nil {
				return store.MapError(err)
			}
			beslist = true
		}
		st, err := s.herbereken(ctx, tx, gm, id)
		if err != nil {
			return err
		}
		if st == Besloten {
			a, err := leesAanvraag(ctx, tx, gm, id)
			if err != nil {
				return err
			}
			html, err := maakBrief(a, vandaag, af).HTML()
			if err != nil {
				return err
			}
			if err := tx.QueryRowContext(ctx, `INSERT INTO aanvragen_brief (gemeente, aanvraag_id, html, gemaakt) VALUES ($1, $2, $3, $4) RETURNING id`,
				gm, id, html, s.klok().UTC().Truncate(time.Microsecond)).Scan(&out.BriefID); err != nil {
				return store.MapError(err)
			}
			if _, err := tx.ExecContext(ctx, `UPDATE aanvragen_aanvraag SET besloten_op = $1 WHERE gemeente = $2 AND id = $3`, vandaag.String(), gm, id); err != nil {
				return store.MapError(err)
			}
		}
		if beslist { // one notice per decision moment, without content (mail.go); a four-eyes proposal is none
			if err := s.meld(ctx, tx, gm, id, MailBesluit); err != nil {
				return err
			}
		}
		return s.schrijf(ctx, tx, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.besluiten", Actie: audit.Wijzigen,
			SubjectSoort: "aanvraag", SubjectID: strconv.FormatInt(id, 10), Object: "aanvraag/" + strconv.FormatInt(id, 10), Aantal: len(in)})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// maakBrief builds the decision letter of a decided application: one decision for each regeling,
// assembled by brief.Nieuw (the college's signature, the closing that names the reference).
func maakBrief(a *Aanvraag, op datum.Datum, af brief.Afzender) *brief.Brief {
	in := brief.Inhoud{Afzender: af, Datum: op, Kenmerk: a.Referentie,
		Onderwerp: "Besluit op uw aanvraag " + a.Referentie,
		Inleiding: []string{
			"Op " + brief.DatumNL(datum.Van(a.Ontvangen, time.UTC)) + " hebben wij uw aanvraag ontvangen. In deze brief leest u wat wij hebben besloten, en waarom.",
		},
	}
	if a.Kanaal == KanaalAmbtshalve {
		in.Onderwerp = "Besluit: u krijgt een regeling zonder aanvraag (" + a.Referentie + ")"
		in.Inleiding = []string{"Wij hebben gezien dat u recht heeft op een regeling van de gemeente. U hoeft die niet aan te vragen: wij kennen haar toe. In deze brief leest u wat u krijgt, en waarom."}
	}
	for _, r := range a.Regelingen {
		x := brief.Besluit{Regeling: r.Naam, Uitkomst: BesluitSoort(r.Besluit).brief(), Motivering: brief.Alineas(r.Motivering)}
		if BesluitSoort(r.Besluit) == Toekennen {
			if r.BedragCent != nil {
				x.Bedrag = geld.Bedrag(*r.BedragCent).String()
			}
			x.Periode = PeriodeNaam(r.Periode)
			if !r.Ingang.IsZero() {
				x.Periode += ", vanaf " + brief.DatumNL(r.Ingang)
			}
			if !r.Einde.IsZero() {
				x.Periode += " tot en met " + brief.DatumNL(r.Einde)
			}
		}
		in.Besluiten = append(in.Besluiten, x)
	}
	return brief.Nieuw(in)
}

// PeriodeNaam is a period of the engine in words.
func PeriodeNaam(p string) string {
	switch regels.Periode(p) {
	case regels.Eenmalig:
		return "eenmalig"
	case regels.PerJaar:
		return "per jaar"
	case regels.PerMaand:
		return "per maand"
	case regels.PerKwartaal:
		return "per kwartaal"
	}
	return p
}

// Motivering writes the engine's trace of outcome u as the first draft of a motivation, in B1: for an
// award the conditions that are met (and, when the engine could not settle some, that the documents
// showed them), for a refusal the conditions that are not met. The case worker edits it; the letter
// states what is saved.
func Motivering(u regels.Uitkomst, soort BesluitSoort) string {
	var b strings.Builder
	regel := func(c regels.Criterium) {
		b.WriteString("- " + c.Tekst)
		if k := c.Bron.Kort; k != "" {
			b.WriteString(" (" + k + ")")
		}
		b.WriteString("\n")
	}
	open := 0
	for _, c := range u.Criteria {
		if c.Uitkomst == "onbekend" {
			open++
		}
	}
	switch soort {
	case Toekennen:
		b.WriteString("U krijgt " + u.Naam + ", omdat u aan de voorwaarden voldoet:\n\n")
		for _, c := range u.Criteria {
			if c.Uitkomst == "ja" {
				regel(c)
			}
		}
		if open > 0 {
			b.WriteString("- Uit de papieren die u stuurde, blijkt dat u ook aan de andere voorwaarden voldoet.\n")
		}
	case Afwijzen:
		b.WriteString("U krijgt " + u.Naam + " niet, omdat u niet aan alle voorwaarden voldoet:\n\n")
		nee := 0
		for _, c := range u.Criteria {
			if c.Uitkomst == "nee" {
				regel(c)
				nee++
			}
		}
		if nee == 0 {
			b.WriteString("- Uit de papieren die u stuurde, blijkt dat u niet voldoet aan deze voorwaarde: " + invullen + "\n")
		}
	default:
		return "Wij hebben u gevraagd om papieren te sturen, en u de tijd gegeven om dat te doen. Die papieren hebben wij niet op tijd ontvangen. Daarom kunnen wij uw aanvraag voor " + u.Naam + " niet beoordelen. Wij behandelen uw aanvraag niet (artikel 4:5 van de Algemene wet bestuursrecht). U kunt later opnieuw aanvragen."
	}
	return strings.TrimSpace(b.String())
}

// Export writes the awarded amounts of decisions taken from van to tot (both included) as CSV for the
// financial administration: reference, household of the register, regeling, amount in euro, period,
// start, end, decision date.
func (s *Service) Export(ctx context.Context, gm string, van, tot datum.Datum, w io.Writer) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.referentie, a.register_id, r.regeling, r.naam, r.bedrag_cent, r.periode, r.ingang, r.einde, r.besloten_op
		FROM aanvragen_regeling r JOIN aanvragen_aanvraag a ON a.id = r.aanvraag_id AND a.gemeente = r.gemeente
		WHERE r.gemeente = $1 AND r.besluit = 'toekennen' AND r.besloten_op >= $2 AND r.besloten_op <= $3 ORDER BY r.besloten_op, a.referentie, r.id`,
		gm, van.String(), tot.String())
	if err != nil {
		return 0, fmt.Errorf("aanvragen: export: %w", store.MapError(err))
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	_ = cw.Write([]string{"referentie", "huishouden", "regeling", "naam", "bedrag", "periode", "ingang", "einde", "besloten_op"})
	n := 0
	for rows.Next() {
		var ref, hh, reg, naam, per, ing, ein, op string
		var b sql.NullInt64
		if err := rows.Scan(&ref, &hh, &reg, &naam, &b, &per, &ing, &ein, &op); err != nil {
			return n, store.MapError(err)
		}
		bedrag := ""
		if b.Valid {
			bedrag = geld.Bedrag(b.Int64).Decimal()
		}
		if err := cw.Write([]string{ref, hh, reg, csvVeilig(naam), bedrag, per, ing, ein, op}); err != nil {
			return n, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, store.MapError(err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, err
	}
	return n, s.schrijf(ctx, nil, audit.Verwerking{Gemeente: gm, Operatie: "aanvraag.export", Actie: audit.Exporteren, Object: "export/toekenningen", Aantal: n})
}

// csvVeilig keeps a spreadsheet from reading a cell as a formula.
func csvVeilig(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
