// Package brief is the decision letter of Zeker: a model of a letter (sender, addressee, subject, the
// body in plain Dutch at B1, the decision per regeling, the bezwaar clause with its term) and its
// rendering to one print-ready HTML document (A4, no scripts, no outside resources). It knows no part:
// aanvragen uses it for its decisions, zaken for its beschikkingen (Wgs art. 4a), budget for decisions
// on requests (without the bezwaar clause, Brief.GeenBezwaar, when the money is a partner's fund).
// Zaken, budget and aanvragen assemble their letters with Nieuw (maak.go): zaken and budget a letter
// of one decision with the sender from the tenant (LeesAfzender in the caller's transaction, or a
// part's own AfzenderBron), aanvragen one decision per regeling with the sender its caller gives; the
// college's signature or the sender's, the closing that names the reference. Each part keeps its own
// wording and stores the rendered letter in its own table.
//
// The bezwaar clause follows the Algemene wet bestuursrecht (Awb, BWBR0005537): the term is six weeks
// (art. 6:7) and starts on the day after the decision was made known (art. 6:8 lid 1); a term that ends
// on a weekend or holiday runs on under the Algemene termijnenwet, counted by internal/termijn.
package brief

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"html/template"
	"strings"

	"github.com/zeker-platform/zeker/internal/termijn"
)

//go:embed brief.html
var fs embed.FS

var tmpl = template.Must(template.New("brief.html").Funcs(template.FuncMap{"datum": DatumNL, "punten": punten}).ParseFS(fs, "brief.html"))

// punten returns the items of a paragraph whose every line starts with "- " (a list in the letter);
// nil for an ordinary paragraph.
func punten(alinea string) []string {
	var out []string
	for _, r := range strings.Split(alinea, "\n") {
		r = strings.TrimSpace(r)
		if !strings.HasPrefix(r, "- ") {
			return nil
		}
		out = append(out, strings.TrimSpace(r[2:]))
	}
	return out
}

// BezwaarTermijn is the term to object: six weeks (Awb art. 6:7).
var BezwaarTermijn = termijn.Termijn{Aantal: 6, Eenheid: termijn.Weken}

// Articles cited in the bezwaar clause.
const (
	ArtikelBezwaarTermijn = "artikel 6:7 van de Algemene wet bestuursrecht"
	ArtikelBezwaarBegin   = "artikel 6:8 van de Algemene wet bestuursrecht"
)

// Uitkomst is the kind of a decision on one regeling.
type Uitkomst string

// The decisions a letter can state.
const (
	Toegekend         Uitkomst = "toegekend"
	Afgewezen         Uitkomst = "afgewezen"
	BuitenBehandeling Uitkomst = "buiten_behandeling"
	Beeindigd         Uitkomst = "beeindigd" // help that was given stops (zaken: Wgs art. 4a lid 6)
)

// Tekst is the decision in words, for the heading of its block.
func (u Uitkomst) Tekst() string {
	switch u {
	case Toegekend:
		return "U krijgt het"
	case Afgewezen:
		return "U krijgt het niet"
	case BuitenBehandeling:
		return "Wij behandelen uw aanvraag niet"
	case Beeindigd:
		return "De hulp stopt"
	}
	return ""
}

// Afzender is the gemeente that sends the letter.
type Afzender struct {
	Naam                               string // "Gemeente Ommen"
	Adres                              []string
	Telefoon, Email, Website, Afdeling string
}

// Geadresseerde is who the letter is for. Names and addresses come from the register or the
// application; a letter without a name is addressed "Aan de bewoner" of its address.
type Geadresseerde struct {
	Naam  string
	Adres []string
}

// Besluit is the decision on one regeling: what, the outcome, and why.
type Besluit struct {
	Regeling   string   // the name of the regeling
	Uitkomst   Uitkomst // toegekend, afgewezen, buiten behandeling
	Bedrag     string   // written amount ("€ 150,00"), "" when none or not known
	Periode    string   // "per jaar", "eenmalig", with the dates when known
	Grondslag  string   // the rule it rests on (verordening, beleidsregel, article)
	Motivering []string // why, in B1 paragraphs; a paragraph of lines that all start with "- " is a list
}

// Brief is one letter.
type Brief struct {
	Afzender      Afzender
	Aan           Geadresseerde
	Datum         datum.Datum // the day the letter is sent: the bezwaar term starts the day after
	Kenmerk       string      // the reference of the application
	Onderwerp     string
	Aanhef        string   // "Beste heer of mevrouw,"
	Inleiding     []string // paragraphs before the decisions
	Besluiten     []Besluit
	Slot          []string // paragraphs after the bezwaar clause
	Ondertekening string   // "Het college van burgemeester en wethouders van Ommen"
	// GeenBezwaar: a letter that is no besluit of the gemeente (Awb 1:3) — a decision of a fund run
	// by a partner — has no bezwaar clause; these paragraphs say why and where to go instead. Empty:
	// the letter is a beschikking and has the clause.
	GeenBezwaar []string
}

// Bezwaar is the bezwaar clause of a letter: the term, its last day and the articles.
type Bezwaar struct {
	Termijn      string // "zes weken"
	Artikel      string
	ArtikelBegin string
	Einde        datum.Datum
	Verlenging   string // why the last day moved (Algemene termijnenwet), "" when it did not
}

// BerekenBezwaar returns the bezwaar clause of a letter sent on verzonden.
func BerekenBezwaar(verzonden datum.Datum) (Bezwaar, error) {
	u, err := termijn.Bereken(verzonden, BezwaarTermijn)
	if err != nil {
		return Bezwaar{}, fmt.Errorf("brief: bezwaartermijn: %w", err)
	}
	return Bezwaar{Termijn: "zes weken", Artikel: ArtikelBezwaarTermijn, ArtikelBegin: ArtikelBezwaarBegin, Einde: u.Einde, Verlenging: u.Verlenging}, nil
}

// ErrOnvolledig is a letter that lacks what every letter needs.
var ErrOnvolledig = errors.New("brief: onvolledig")

// Controleer checks what every letter needs: a sender, a date, a subject and at least one decision
// with a known outcome.
func (b *Brief) Controleer() error {
	var mist []string
	if strings.TrimSpace(b.Afzender.Naam) == "" {
		mist = append(mist, "afzender")
	}
	if b.Datum.IsZero() {
		mist = append(mist, "datum")
	}
	if strings.TrimSpace(b.Onderwerp) == "" {
		mist = append(mist, "onderwerp")
	}
	if len(b.Besluiten) == 0 {
		mist = append(mist, "besluit")
	}
	for i, x := range b.Besluiten {
		if x.Uitkomst.Tekst() == "" || strings.TrimSpace(x.Regeling) == "" {
			mist = append(mist, fmt.Sprintf("besluit %d", i+1))
		}
	}
	if len(mist) > 0 {
		return fmt.Errorf("%w: %s ontbreekt", ErrOnvolledig, strings.Join(mist, ", "))
	}
	return nil
}

type data struct {
	*Brief
	Bezwaar Bezwaar
}

// HTML renders the letter as one print-ready HTML document.
func (b *Brief) HTML() (string, error) {
	if err := b.Controleer(); err != nil {
		return "", err
	}
	bz, _, err := b.Bezwaarclausule()
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data{b, bz}); err != nil {
		return "", fmt.Errorf("brief: %w", err)
	}
	return buf.String(), nil
}

var maanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// DatumNL writes "3 maart 2026"; "" for no date.
func DatumNL(d datum.Datum) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Dag(), maanden[d.Maand()-1], d.Jaar())
}
