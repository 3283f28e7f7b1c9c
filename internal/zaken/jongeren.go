package zaken

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Borne's Jongeren Perspectief Fonds (JPF), a sub-route of the route schuldhulp. The source is Borne's
// beleidskader "Blik op morgen" (shared/seeds/003, section Jongeren): "Jongeren met problematische
// schulden helpen we op weg om uit de schulden te komen. Hiervoor zetten we het Jongeren Perspectief
// Fonds (JPF) in, waarbij het oplossen van de schulden wordt gecombineerd met het coachen op
// zelfredzaamheid en toekomstperspectief." The plan gives no age limit, no amounts and no conditions,
// so none are set or checked here; only the three steps the sentence supports are recorded, like the
// other route steps (stappen.go). A zaak is on the sub-route from its step "aangemeld"; the worklist
// finds those zaken with ?routestap=jpf-aangemeld.
//
// Only a gemeente whose plan names the fund offers it: the setting Instellingen.Jongerenfonds, on by
// default for Borne (GM0147) with the sentence above as its source; another gemeente switches it on in
// the settings and must name its source.

// The steps of the Jongeren Perspectief Fonds.
const (
	StapJPFAangemeld Stap = "jpf-aangemeld" // the JPF is deployed for the young person ("zetten we … in")
	StapJPFCoaching  Stap = "jpf-coaching"  // coaching op zelfredzaamheid en toekomstperspectief started
	StapJPFSchulden  Stap = "jpf-schulden"  // the debts solved within the JPF ("het oplossen van de schulden")
)

// JPFStappen lists the steps of the fund in their order.
func JPFStappen() []Stap { return []Stap{StapJPFAangemeld, StapJPFCoaching, StapJPFSchulden} }

// LeeftijdsgrensJPF is what the page says about an age limit: the plan sets none.
const LeeftijdsgrensJPF = "niet vastgelegd in het beleidsplan"

// BronJPFBorne is the sentence of Borne's plan that names the fund.
const BronJPFBorne = "Borne, beleidskader Blik op morgen (Jongeren): \"Jongeren met problematische schulden helpen we op weg om uit de schulden te komen. Hiervoor zetten we het Jongeren Perspectief Fonds (JPF) in, waarbij het oplossen van de schulden wordt gecombineerd met het coachen op zelfredzaamheid en toekomstperspectief.\""

func (s Stap) jpf() bool {
	return s == StapJPFAangemeld || s == StapJPFCoaching || s == StapJPFSchulden
}

func jpfNaam(s Stap) (string, bool) {
	switch s {
	case StapJPFAangemeld:
		return "Aangemeld bij het Jongeren Perspectief Fonds (JPF)", true
	case StapJPFCoaching:
		return "JPF: coaching op zelfredzaamheid en toekomstperspectief gestart", true
	case StapJPFSchulden:
		return "JPF: schulden opgelost", true
	}
	return "", false
}

// Jongerenregel says whether the gemeente offers the Jongeren Perspectief Fonds, with the text of its
// plan that names it.
type Jongerenregel struct {
	Aan  bool
	Bron string
}

// Controleer checks the rule; the error names the field.
func (j Jongerenregel) Controleer() error {
	if utf8.RuneCountInString(j.Bron) > 1000 {
		return fmt.Errorf("%w: jongeren perspectief fonds: de bron is te lang (hoogstens 1.000 tekens)", ErrOngeldig)
	}
	if j.Aan && strings.TrimSpace(j.Bron) == "" {
		return fmt.Errorf("%w: jongeren perspectief fonds: noem de bron (het plan) die het fonds noemt", ErrOngeldig)
	}
	return nil
}

// StappenIn lists the steps that fit zaak z in a gemeente with settings in: StappenVoor, and the steps
// of the Jongeren Perspectief Fonds on the route schuldhulp when the gemeente offers it.
func StappenIn(z Zaak, in Instellingen) []Stap {
	out := StappenVoor(z)
	if in.Jongerenfonds.Aan && z.Route == Schuldhulp {
		out = append(out, JPFStappen()...)
	}
	return out
}

// jpfStapPast checks a step of the fund on zaak z: the gemeente offers it, the route is schuldhulp, and
// the coaching and the debts come after the aanmelding.
func (s *Service) jpfStapPast(ctx context.Context, tx *sql.Tx, z Zaak, st Stap) error {
	in, err := s.instellingen(ctx, tx, z.Gemeente)
	if err != nil {
		return err
	}
	if !in.Jongerenfonds.Aan {
		return fout("stap", "Deze gemeente biedt het Jongeren Perspectief Fonds niet aan: het staat niet in de instellingen van zaken.")
	}
	if z.Route != Schuldhulp {
		return fout("stap", "Het Jongeren Perspectief Fonds hoort bij de route schuldhulp.")
	}
	if st == StapJPFAangemeld {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_stap WHERE gemeente = $1 AND zaak_id = $2 AND stap = $3 AND verwijderd IS NULL`,
		z.Gemeente, z.ID, string(StapJPFAangemeld)).Scan(&n); err != nil {
		return fmt.Errorf("zaken: stap: %w", err)
	}
	if n == 0 {
		return fout("stap", "Leg eerst vast dat de zaak is aangemeld bij het Jongeren Perspectief Fonds.")
	}
	return nil
}
