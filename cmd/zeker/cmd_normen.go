package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// runNormen prints the normenoverzicht of the Participatiewet on a date, as municipalities publish it
// every January and July: per leefvorm the norm with vakantietoeslag, the vakantietoeslag and the norm
// without it, and optionally a percentage of the norm (an income limit). The norms for a stay in an
// institution (art. 23) come last, from normen_inrichting.go.
func runNormen(_ context.Context, e env, args []string) error {
	fs := newFlagSet("normen", "--datum 2026-01-01 [--percentage 130] [--zonder-vakantietoeslag] [--json]", e)
	datumStr := fs.String("datum", "", "peildatum jjjj-mm-dd (standaard vandaag)")
	pctStr := fs.String("percentage", "", "voeg een kolom toe met dit percentage van de norm, bijvoorbeeld 130 of 112,5")
	zonderVT := fs.Bool("zonder-vakantietoeslag", false, "neem het percentage van de norm zonder vakantietoeslag (standaard: met vakantietoeslag)")
	asJSON := fs.Bool("json", false, "uitvoer als JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	if *zonderVT && *pctStr == "" {
		return usagef("--zonder-vakantietoeslag hoort bij --percentage")
	}
	datum, err := parseDatum(*datumStr)
	if err != nil {
		return err
	}
	var pct geld.Percentage
	if *pctStr != "" {
		pct, err = geld.ParsePercentage(*pctStr)
		if err != nil {
			return fmt.Errorf("--percentage: %w", err)
		}
		if pct <= 0 || pct > geld.Procent(1000) {
			return fmt.Errorf("--percentage %s: kies een percentage boven 0 en tot en met 1000", pct)
		}
	}
	params, err := nl.Load()
	if err != nil {
		return err
	}
	rijen, err := params.Normtabel(datum)
	if err != nil {
		return err
	}
	inr, verhoging, ok := inrichtingsnormen(datum)
	if !ok {
		verhoging = "Inrichting (art. 23 Participatiewet): de referentie (nl-parameters.yaml) heeft voor " + datum.Format(time.DateOnly) +
			" geen normen voor verblijf in een inrichting; ze staan daarom niet in de tabel."
	}
	rijen = append(rijen, inr...)
	o := normenOverzicht{datum: datum, rijen: rijen, pct: pct, zonderVT: *zonderVT, inrichting: verhoging}
	if *asJSON {
		return o.schrijfJSON(e.stdout)
	}
	o.schrijfTabel(e.stdout)
	return nil
}

type normenOverzicht struct {
	datum    time.Time
	rijen    []nl.Normregel
	pct      geld.Percentage // 0: no percentage column
	zonderVT bool
	// inrichting is the sentence on the institution norms: the increase of art. 23 lid 2, or that the
	// reference has none for the date.
	inrichting string
}

func (o normenOverzicht) grens(n nl.Norm) geld.Bedrag { return n.Grens(o.pct, o.zonderVT) }

func (o normenOverzicht) basisTekst() string {
	if o.zonderVT {
		return "zonder vakantietoeslag"
	}
	return "met vakantietoeslag"
}

// afronding states the rounding of the percentage column, with the first row as a worked example.
func (o normenOverzicht) afronding() string {
	n := o.rijen[0].Norm
	basis := n.InclVT
	if o.zonderVT {
		basis = n.ExclVT
	}
	return fmt.Sprintf("%s van de norm %s: eerst de norm in hele centen (zoals gepubliceerd), dan het percentage, "+
		"halve centen naar boven afgerond. Voorbeeld: %s × %s = %s → %s.",
		o.pct, o.basisTekst(), o.pct, basis, exactProduct(basis, o.pct), o.grens(n))
}

const kostendelersUitleg = "Kostendelersnorm (art. 22a Participatiewet): per persoon ((40 + A × 30) / A)% van de norm voor gehuwden " +
	"(A = aantal kostendelers in de woning, uzelf meegeteld), halve centen naar boven afgerond; vakantietoeslag is 5% daarvan, " +
	"halve centen naar boven. Gehuwden krijgen het dubbele."

func (o normenOverzicht) schrijfTabel(w io.Writer) {
	eerste := o.rijen[0].Norm
	fmt.Fprintf(w, "Normenoverzicht Participatiewet op %s\n", o.datum.Format("2-1-2006"))
	fmt.Fprintf(w, "Bijstandsnormen netto per maand, geldig van %s t/m %s.\n\n", eerste.GeldigVanaf.Format("2-1-2006"), totTekst(eerste.GeldigTot))

	koppen := []string{"Leefvorm", "Norm incl. VT", "Vakantietoeslag", "Norm excl. VT"}
	if o.pct > 0 {
		kop := o.pct.String() + " incl. VT"
		if o.zonderVT {
			kop = o.pct.String() + " excl. VT"
		}
		koppen = append(koppen, kop)
	}
	cellen := make([][]string, 0, len(o.rijen))
	for _, r := range o.rijen {
		rij := []string{r.Omschrijving, r.Norm.InclVT.String(), r.Norm.Vakantietoeslag.String(), r.Norm.ExclVT.String()}
		if o.pct > 0 {
			rij = append(rij, o.grens(r.Norm).String())
		}
		cellen = append(cellen, rij)
	}
	breedte := make([]int, len(koppen))
	for i, k := range koppen {
		breedte[i] = utf8.RuneCountInString(k)
	}
	for _, rij := range cellen {
		for i, c := range rij {
			breedte[i] = max(breedte[i], utf8.RuneCountInString(c))
		}
	}
	regel := func(rij []string) {
		var sb strings.Builder
		for i, c := range rij {
			pad := strings.Repeat(" ", breedte[i]-utf8.RuneCountInString(c))
			if i == 0 {
				sb.WriteString(c + pad)
			} else {
				sb.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(sb.String(), " "))
	}
	regel(koppen)
	for _, rij := range cellen {
		regel(rij)
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "VT = vakantietoeslag: 5% van de norm, per maand gereserveerd en eens per jaar uitbetaald (art. 19 lid 3 Participatiewet).")
	fmt.Fprintln(w, kostendelersUitleg)
	fmt.Fprintln(w, o.inrichting)
	if o.pct > 0 {
		fmt.Fprintln(w, "Kolom "+o.afronding())
	}
	fmt.Fprintln(w, "\nBronnen:")
	for _, b := range o.bronnen() {
		fmt.Fprintln(w, "- "+b.Tekst)
	}
}

// bronnen lists the distinct sources of the rows, in order of first use.
func (o normenOverzicht) bronnen() []nl.Bron {
	var out []nl.Bron
	gezien := map[nl.Bron]bool{}
	for _, r := range o.rijen {
		if !gezien[r.Norm.Bron] {
			gezien[r.Norm.Bron] = true
			out = append(out, r.Norm.Bron)
		}
	}
	return out
}

type normJSON struct {
	Code            string       `json:"code"`
	Omschrijving    string       `json:"omschrijving"`
	Uitleg          string       `json:"uitleg"`
	Artikel         string       `json:"artikel"`
	InclVT          geld.Bedrag  `json:"incl_vt"`
	Vakantietoeslag geld.Bedrag  `json:"vakantietoeslag"`
	ExclVT          geld.Bedrag  `json:"excl_vt"`
	Grens           *geld.Bedrag `json:"grens,omitempty"`
	Bron            nl.Bron      `json:"bron"`
}

func (o normenOverzicht) schrijfJSON(w io.Writer) error {
	eerste := o.rijen[0].Norm
	uit := struct {
		Peildatum        string     `json:"peildatum"`
		GeldigVanaf      string     `json:"geldig_vanaf"`
		GeldigTot        string     `json:"geldig_tot,omitempty"`
		Eenheid          string     `json:"eenheid"`
		Percentage       string     `json:"percentage,omitempty"`
		Basis            string     `json:"basis,omitempty"`
		Afronding        string     `json:"afronding,omitempty"`
		Kostendelersnorm string     `json:"kostendelersnorm"`
		Inrichting       string     `json:"inrichting"`
		Normen           []normJSON `json:"normen"`
	}{
		Peildatum:        o.datum.Format(time.DateOnly),
		GeldigVanaf:      eerste.GeldigVanaf.Format(time.DateOnly),
		Eenheid:          "euro netto per maand",
		Kostendelersnorm: kostendelersUitleg,
		Inrichting:       o.inrichting,
	}
	if !eerste.GeldigTot.IsZero() {
		uit.GeldigTot = eerste.GeldigTot.Format(time.DateOnly)
	}
	if o.pct > 0 {
		uit.Percentage, uit.Afronding = o.pct.String(), o.afronding()
		uit.Basis = "incl_vt"
		if o.zonderVT {
			uit.Basis = "excl_vt"
		}
	}
	for _, r := range o.rijen {
		n := r.Norm
		nj := normJSON{Code: r.Code, Omschrijving: r.Omschrijving, Uitleg: n.Omschrijving, Artikel: n.Artikel,
			InclVT: n.InclVT, Vakantietoeslag: n.Vakantietoeslag, ExclVT: n.ExclVT, Bron: n.Bron}
		if o.pct > 0 {
			g := o.grens(n)
			nj.Grens = &g
		}
		uit.Normen = append(uit.Normen, nj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(uit)
}

func totTekst(t time.Time) string {
	if t.IsZero() {
		return "(einde nog niet bekend)"
	}
	return t.Format("2-1-2006")
}

// exactProduct writes b × p without rounding, in Dutch notation with at least two decimals
// ("€ 1.405,998"), to show what the rounding acts on.
func exactProduct(b geld.Bedrag, p geld.Percentage) string {
	v := int64(b) * int64(p) // in millionths of a euro
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	euros, rest := v/1_000_000, v%1_000_000
	frac := strings.TrimRight(fmt.Sprintf("%06d", rest), "0")
	for len(frac) < 2 {
		frac += "0"
	}
	heel := geld.Bedrag(euros * 100).String() // "€ 1.405,00"
	return sign + strings.TrimSuffix(heel, ",00") + "," + frac
}
