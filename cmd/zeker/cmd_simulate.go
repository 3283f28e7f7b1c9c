package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/regelpakketten"
)

const simulateUsage = `--gemeente GM0175 --wijzig pad=waarde [--wijzig …] [--datum 2026-01-01] [--db … | --synthetisch [--seed 1] [--aantal N]] [--csv uit.csv] [--svg uit.svg [--regeling id] [--dimensie woonplaats]] [--json]

Wat als: verandert een open term of een bedrag van het regelpakket (het opgeslagen pakket blijft zoals
het is) en laat zien wat dat doet over de huishoudens van de gemeente: hoeveel huishoudens er recht bij
krijgen of recht verliezen, en de extra kosten per jaar als iedereen het aanvraagt en bij het huidige
bereik, per doelgroep en woonplaats. Voorbeelden van --wijzig:
  open_termen.inkomensgrens.percentage=130%
  regelingen.participatie_volwassenen.bedrag.bedrag=350
De huishoudens komen uit de database (na 'zeker importeer') of, met --synthetisch, uit een synthetische
bevolking (zie 'zeker populatie').`

type wijzigFlag []regels.Wijziging

func (w *wijzigFlag) String() string { return fmt.Sprint(*w) }
func (w *wijzigFlag) Set(s string) error {
	v, err := regels.ParseWijziging(s)
	if err != nil {
		return err
	}
	*w = append(*w, v)
	return nil
}

func runSimulate(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("watals", simulateUsage, e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	var ws wijzigFlag
	fs.Var(&ws, "wijzig", "wijziging pad=waarde (mag vaker)")
	datumStr := fs.String("datum", "", "peildatum jjjj-mm-dd (standaard: vandaag)")
	dbDSN := dbFlag(fs)
	synthetisch := fs.Bool("synthetisch", false, "gebruik een synthetische bevolking in plaats van de database")
	seed := fs.Uint64("seed", 1, "seed van de synthetische bevolking")
	aantal := fs.Int("aantal", 0, "aantal synthetische huishoudens (standaard: het aantal van de gemeente)")
	csvPad := fs.String("csv", "", "schrijf het verschil per regeling en doelgroep naar dit CSV-bestand")
	svgPad := fs.String("svg", "", "schrijf een grafiek (SVG) van het verschil per groep")
	regeling := fs.String("regeling", "", "regeling voor de grafiek (standaard: de eerste die verandert)")
	dimensie := fs.String("dimensie", "woonplaats", "groepen in de grafiek: leefvorm, inkomensbron, leeftijd of woonplaats")
	alsJSON := fs.Bool("json", false, "uitvoer als JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := ontbreekt(fs, "gemeente"); err != nil {
		return err
	}
	if len(ws) == 0 {
		return fs.fout(usagef("--wijzig ontbreekt: geef minstens één wijziging pad=waarde; %s", fs.hulp()))
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	dim := -1
	for d := 0; d < register.AantalDimensies; d++ {
		if register.Dimensie(d).String() == *dimensie {
			dim = d
		}
	}
	if dim < 0 {
		return usagef("--dimensie %q: kies leefvorm, inkomensbron, leeftijd of woonplaats", *dimensie)
	}
	datum, err := parseDatum(*datumStr)
	if err != nil {
		return err
	}
	cat, err := laadCatalogus(regelpakketten.FS)
	if err != nil {
		return err
	}
	params := cat.Params()
	pk, err := cat.Pakket(*gemeente, datum)
	if err != nil {
		return err
	}
	var pop *register.Populatie
	if *synthetisch {
		prof, err := synth.ProfielVan(*gemeente)
		if err != nil {
			return err
		}
		pop = register.NieuwePopulatie(*gemeente, datum, max(*aantal, prof.Huishoudens))
		err = synth.Genereer(ctx, synth.PopulatieOpties{Profiel: prof, Seed: *seed, Aantal: *aantal, Datum: datum, Params: params, Pakket: pk},
			func(r *register.Record) error { return pop.Voeg(r, params) })
		if err != nil {
			return err
		}
	} else {
		db, err := openDB(ctx, *dbDSN, e, true)
		if err != nil {
			return err
		}
		defer db.Close()
		log, err := openAudit(e, db)
		if err != nil {
			return err
		}
		ctx = audit.WithActor(ctx, cliActor())
		pop, err = register.LaadPopulatie(ctx, db, *gemeente, datum, params)
		if err != nil {
			return err
		}
		if err := log.Schrijf(ctx, audit.Verwerking{Gemeente: *gemeente, Verwerkingsactiviteit: "scan.uitvoeren", Operatie: "wat_als.simuleren",
			Actie: audit.Lezen, Aantal: pop.Len()}); err != nil {
			return err
		}
	}
	if pop.Len() == 0 {
		return fmt.Errorf("geen huishoudens voor %s: lees ze in met 'zeker importeer' of gebruik --synthetisch", *gemeente)
	}
	w, err := monitor.Simuleer(ctx, pop, pk, ws...)
	if err != nil {
		return err
	}
	if *alsJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(w); err != nil {
			return err
		}
	} else {
		w.SchrijfTekst(e.stdout)
	}
	if *csvPad != "" {
		if err := schrijfBestand(*csvPad, func(f *os.File) error { return w.SchrijfCSV(f) }); err != nil {
			return err
		}
	}
	if *svgPad != "" {
		id := *regeling
		if id == "" {
			if g := w.Gewijzigd(); len(g) > 0 {
				id = g[0].ID
			} else {
				id = w.Regelingen[0].ID
			}
		}
		svg, err := w.Grafiek(id, register.Dimensie(dim))
		if err != nil {
			return usagef("%v", err)
		}
		if err := os.WriteFile(*svgPad, svg, 0o644); err != nil {
			return err
		}
	}
	for _, p := range []string{*csvPad, *svgPad} {
		if p != "" && !*alsJSON {
			fmt.Fprintf(e.stdout, "geschreven: %s\n", strings.TrimSpace(p))
		}
	}
	return nil
}

func schrijfBestand(pad string, fn func(*os.File) error) error {
	f, err := os.Create(pad)
	if err != nil {
		return err
	}
	if err := fn(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
