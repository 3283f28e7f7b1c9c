package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"text/tabwriter"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/regelpakketten"
)

const regelsUsage = `lijst | toon | valideer | grenzen [opties]

  lijst                                   alle regelpakketten met hun periode, aantal regelingen en hash
  toon --gemeente GM0175 [--datum D]      de regelingen, open termen en bronnen van een pakket
  valideer [--map DIR]                    compileer alle pakketten en draai alle scenario's
                                          (standaard de ingebouwde; --map voor een map in ontwikkeling)
  grenzen --gemeente GM0175 --datum D     de inkomensgrenzen in euro per leefvorm, per regeling [--json]`

func runRegels(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return usagef("geef een subopdracht: lijst, toon, valideer of grenzen; zie 'zeker regels --help'")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintf(e.stdout, "Gebruik: zeker regels %s\n", regelsUsage)
		return flag.ErrHelp
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "lijst":
		return regelsLijst(e, rest)
	case "toon":
		return regelsToon(e, rest)
	case "valideer":
		return regelsValideer(e, rest)
	case "grenzen":
		return regelsGrenzen(e, rest)
	}
	return usagef("onbekende subopdracht %q; kies lijst, toon, valideer of grenzen", sub)
}

func laadCatalogus(fsys fs.FS) (*regels.Catalogus, error) {
	params, err := nl.Load()
	if err != nil {
		return nil, err
	}
	cat, err := regels.Laad(fsys, params)
	if err != nil {
		return nil, err
	}
	return cat, controleerPartners(cat)
}

// controleerPartners refuses packs that refer to a partner Zeker does not know (internal/partner's
// known partners), naming the pack's file and line.
func controleerPartners(cat *regels.Catalogus) error {
	return cat.ControleerPartners(func(s string) bool { _, ok := partner.BekendeSleutel(s); return ok })
}

func regelsLijst(e env, args []string) error {
	fs := newFlagSet("regels lijst", "", e)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cat, err := laadCatalogus(regelpakketten.FS)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "GEMEENTE\tNAAM\tGELDIG VANAF\tGELDIG TOT\tREGELINGEN\tBESTAND\tSHA256")
	for _, g := range cat.Gemeenten() {
		for _, p := range cat.Pakketten(g.Code) {
			tot := "-"
			if !p.GeldigTot.IsZero() {
				tot = p.GeldigTot.Format(time.DateOnly)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", p.Gemeente, p.Naam, p.GeldigVanaf.Format(time.DateOnly), tot, len(p.Regelingen), p.Bestand, p.Hash[:16])
		}
	}
	return tw.Flush()
}

func regelsToon(e env, args []string) error {
	fs := newFlagSet("regels toon", "--gemeente GM0175 [--datum 2026-01-01]", e)
	gemeente := fs.String("gemeente", "", "gemeentecode")
	datumStr := fs.String("datum", "", "peildatum (standaard vandaag)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := ontbreekt(fs, "gemeente"); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	datum, err := parseDatum(*datumStr)
	if err != nil {
		return err
	}
	cat, err := laadCatalogus(regelpakketten.FS)
	if err != nil {
		return err
	}
	p, err := cat.Pakket(*gemeente, datum)
	if err != nil {
		return err
	}
	w := e.stdout
	fmt.Fprintf(w, "%s (%s), pakket %s, sha256 %s\n", p.Naam, p.Gemeente, p.Bestand, p.Hash)
	fmt.Fprintln(w, "\nOpen termen:")
	for _, t := range p.OpenTermen {
		fmt.Fprintf(w, "  %-22s %s\n", t.Naam, t.Waarde)
		if !t.Bron.Leeg() {
			fmt.Fprintf(w, "  %-22s bron: %s\n", "", t.Bron)
		}
	}
	fmt.Fprintln(w, "\nRegelingen:")
	for _, r := range p.Regelingen {
		fmt.Fprintf(w, "\n  %s — %s (%s, uitvoerder: %s)\n", r.ID, r.Naam, r.Periode, r.Uitvoerder)
		fmt.Fprintf(w, "    %s\n", r.Omschrijving)
		for _, g := range r.Inkomensgrenzen() {
			if g.Bekend {
				fmt.Fprintf(w, "    inkomensgrens: %s van de bijstandsnorm (%s)", g.Percentage, g.Basis)
				if g.PercentageMetKinderen > 0 {
					fmt.Fprintf(w, ", gezinnen met kinderen %s", g.PercentageMetKinderen)
				}
				fmt.Fprintln(w)
			} else {
				fmt.Fprintln(w, "    inkomensgrens: onbekend (vraag de gemeente)")
			}
		}
		fmt.Fprintf(w, "    grondslag: %s\n", r.Grondslag)
		if r.Aanvragen.AlleenViaIntermediair {
			fmt.Fprintln(w, "    aanvragen: alleen via een intermediair")
		}
		if r.Aanvragen.Ambtshalve {
			fmt.Fprintln(w, "    kan ambtshalve worden toegekend")
		}
	}
	return nil
}

func regelsValideer(e env, args []string) error {
	flags := newFlagSet("regels valideer", "[--map DIR]", e)
	dir := flags.String("map", "", "map met GM*/<datum>.yaml en GM*/scenarios/*.yaml (standaard: de ingebouwde pakketten)")
	if err := parseFlags(flags, args); err != nil {
		return err
	}
	var fsys fs.FS = regelpakketten.FS
	if *dir != "" {
		if _, err := os.Stat(*dir); err != nil {
			return fmt.Errorf("--map %s: %w", *dir, err)
		}
		fsys = os.DirFS(*dir)
	}
	cat, err := laadCatalogus(fsys)
	if err != nil {
		return err
	}
	scenarios, err := regels.LeesScenarios(fsys)
	if err != nil {
		return err
	}
	fouten := 0
	for _, s := range scenarios {
		verschil, err := cat.Controleer(s)
		if err != nil {
			fmt.Fprintf(e.stdout, "FOUT %s: %v\n", s.Bestand, err)
			fouten++
			continue
		}
		for _, v := range verschil {
			fmt.Fprintf(e.stdout, "FOUT %s: %s\n", s.Bestand, v)
		}
		if len(verschil) > 0 {
			fouten++
		}
	}
	n := 0
	for _, g := range cat.Gemeenten() {
		n += len(cat.Pakketten(g.Code))
	}
	fmt.Fprintf(e.stdout, "%d pakketten gecompileerd, %d scenario's, %d met fouten\n", n, len(scenarios), fouten)
	if fouten > 0 {
		return fmt.Errorf("%d scenario's wijken af", fouten)
	}
	return nil
}

// grensRij is one row of the published income-limit table.
type grensRij struct {
	Leefvorm string `json:"leefvorm"`
	Norm     string `json:"bijstandsnorm"`
	Grens    string `json:"grens"` // euros, or "onbekend"
	GrensMet string `json:"grens_incl_vt,omitempty"`
}

type grensRegeling struct {
	ID                    string     `json:"id"`
	Naam                  string     `json:"naam"`
	Percentage            string     `json:"percentage"`
	PercentageMetKinderen string     `json:"percentage_met_kinderen,omitempty"`
	Basis                 string     `json:"basis"`
	Bron                  string     `json:"bron"`
	Rijen                 []grensRij `json:"grenzen"`
}

// standaardHuishoudens are the rows municipalities publish: per leefvorm, below and at AOW age.
var standaardHuishoudens = []struct {
	naam string
	q    nl.NormVraag
}{
	{"alleenstaande (21 jaar tot AOW-leeftijd)", nl.NormVraag{Leefvorm: nl.Alleenstaande, LeeftijdAanvrager: 30}},
	{"alleenstaande ouder (21 jaar tot AOW-leeftijd)", nl.NormVraag{Leefvorm: nl.AlleenstaandeOuder, LeeftijdAanvrager: 30, MetKinderen: true}},
	{"gehuwden/samenwonenden (21 jaar tot AOW-leeftijd)", nl.NormVraag{Leefvorm: nl.Gehuwden, LeeftijdAanvrager: 30, LeeftijdPartner: 30}},
	{"gehuwden/samenwonenden met kinderen (21 jaar tot AOW-leeftijd)", nl.NormVraag{Leefvorm: nl.Gehuwden, LeeftijdAanvrager: 30, LeeftijdPartner: 30, MetKinderen: true}},
	{"alleenstaande (AOW-leeftijd)", nl.NormVraag{Leefvorm: nl.Alleenstaande, LeeftijdAanvrager: 70, AOWAanvrager: true}},
	{"gehuwden/samenwonenden (beiden AOW-leeftijd)", nl.NormVraag{Leefvorm: nl.Gehuwden, LeeftijdAanvrager: 70, LeeftijdPartner: 70, AOWAanvrager: true, AOWPartner: true}},
}

func regelsGrenzen(e env, args []string) error {
	fs := newFlagSet("regels grenzen", "--gemeente GM0175 --datum 2026-01-01 [--json]", e)
	gemeente := fs.String("gemeente", "", "gemeentecode")
	datumStr := fs.String("datum", "", "peildatum (standaard vandaag)")
	asJSON := fs.Bool("json", false, "uitvoer als JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := ontbreekt(fs, "gemeente"); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	datum, err := parseDatum(*datumStr)
	if err != nil {
		return err
	}
	params, err := nl.Load()
	if err != nil {
		return err
	}
	cat, err := regels.Laad(regelpakketten.FS, params)
	if err == nil {
		err = controleerPartners(cat)
	}
	if err != nil {
		return err
	}
	p, err := cat.Pakket(*gemeente, datum)
	if err != nil {
		return err
	}
	var out []grensRegeling
	for _, r := range p.Regelingen {
		for _, g := range r.Inkomensgrenzen() {
			gr := grensRegeling{ID: r.ID, Naam: r.Naam, Basis: g.Basis, Bron: g.Bron.String(), Percentage: "onbekend"}
			if g.Bekend {
				gr.Percentage = g.Percentage.String()
			}
			if g.PercentageMetKinderen > 0 {
				gr.PercentageMetKinderen = g.PercentageMetKinderen.String()
			}
			for _, sh := range standaardHuishoudens {
				n, err := params.Norm(sh.q, datum)
				if err != nil {
					return err
				}
				pct := g.Percentage
				if sh.q.MetKinderen && g.PercentageMetKinderen > 0 {
					pct = g.PercentageMetKinderen
				}
				rij := grensRij{Leefvorm: sh.naam, Grens: "onbekend"}
				switch {
				case !g.Bekend:
					rij.Norm = n.InclVT.Decimal()
				case g.Basis == "incl_vt":
					rij.Norm, rij.Grens = n.InclVT.Decimal(), n.Grens(pct, false).Decimal()
				case g.Basis == "excl_vt":
					rij.Norm, rij.Grens = n.ExclVT.Decimal(), n.Grens(pct, true).Decimal()
				default: // basis not published: show both
					rij.Norm, rij.Grens, rij.GrensMet = n.ExclVT.Decimal(), n.Grens(pct, true).Decimal(), n.Grens(pct, false).Decimal()
				}
				gr.Rijen = append(gr.Rijen, rij)
			}
			out = append(out, gr)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"gemeente": p.Gemeente, "naam": p.Naam, "peildatum": datum.Format(time.DateOnly), "pakket": p.Bestand, "regelingen": out})
	}
	printGrenzen(e.stdout, p, datum, out)
	return nil
}

func printGrenzen(w io.Writer, p *regels.Pakket, datum time.Time, out []grensRegeling) {
	fmt.Fprintf(w, "Inkomensgrenzen %s op %s (netto per maand; grens = norm × percentage, halve centen naar boven afgerond)\n", p.Naam, datum.Format("2-1-2006"))
	for _, g := range out {
		fmt.Fprintf(w, "\n%s — inkomensgrens %s", g.Naam, g.Percentage)
		if g.PercentageMetKinderen != "" {
			fmt.Fprintf(w, " (gezinnen met minderjarige kinderen %s)", g.PercentageMetKinderen)
		}
		switch g.Basis {
		case "excl_vt":
			fmt.Fprint(w, " van de norm zonder vakantietoeslag")
		case "incl_vt":
			fmt.Fprint(w, " van de norm met vakantietoeslag")
		default:
			if g.Percentage != "onbekend" {
				fmt.Fprint(w, " (de gemeente noemt niet of dit met of zonder vakantietoeslag is: beide getoond)")
			}
		}
		fmt.Fprintln(w)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, r := range g.Rijen {
			grens := r.Grens
			if grens != "onbekend" {
				grens = "€ " + mustKort(grens)
				if r.GrensMet != "" {
					grens += " (met VT: € " + mustKort(r.GrensMet) + ")"
				}
			} else {
				grens = "onbekend — vraag de gemeente"
			}
			fmt.Fprintf(tw, "  %s\t%s\n", r.Leefvorm, grens)
		}
		tw.Flush()
		if g.Bron != "" {
			fmt.Fprintf(w, "  bron: %s\n", g.Bron)
		}
	}
}

func mustKort(dec string) string {
	b, err := geld.Parse(dec)
	if err != nil {
		return dec
	}
	s := b.String()
	return s[len("€ "):]
}
