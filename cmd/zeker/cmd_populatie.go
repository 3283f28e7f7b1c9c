package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/regelpakketten"
)

const populatieUsage = `--gemeente GM0175 [--seed 1] [--aantal N] [--datum 2026-01-01] [--formaat csv|json] --uit bestand.csv|bestand.json|-

Maakt een synthetische bevolking van huishoudens (testgegevens: BSN's uit de testreeks 9999…, geen
echte namen of adressen), afgestemd op de cijfers uit het beleidsplan van de gemeente (docs/populatie.md).
Dezelfde seed geeft dezelfde bevolking. Het bestand kan worden ingelezen met 'zeker importeer'.
Een samenvatting (aandeel tot 120% van het sociaal minimum, samenstelling, bereik) komt op stderr.`

func runPopulatie(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("populatie", populatieUsage, e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	seed := fs.Uint64("seed", 1, "seed: dezelfde seed geeft dezelfde bevolking")
	aantal := fs.Int("aantal", 0, "aantal huishoudens (standaard: het aantal van de gemeente)")
	datumStr := fs.String("datum", "", "peildatum jjjj-mm-dd (standaard: vandaag)")
	uit := fs.String("uit", "", "uitvoerbestand (.csv of .json), - voor stdout")
	formaat := fs.String("formaat", "", "csv of json (standaard: naar de extensie van --uit)")
	stil := fs.Bool("stil", false, "geen samenvatting op stderr")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := ontbreekt(fs, "gemeente", "uit"); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	if *aantal < 0 {
		return usagef("--aantal moet 0 of meer zijn")
	}
	datum, err := parseDatum(*datumStr)
	if err != nil {
		return err
	}
	profiel, err := synth.ProfielVan(*gemeente)
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
	f := *formaat
	if f == "" {
		f = register.FormaatVan(*uit)
	}
	var w io.Writer = e.stdout
	var bestand *os.File
	if *uit != "-" {
		bestand, err = os.Create(*uit)
		if err != nil {
			return err
		}
		defer bestand.Close()
		w = bestand
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	sw, err := register.NieuweSchrijver(bw, f)
	if err != nil {
		return usagef("%v", err)
	}
	m := synth.NieuweMeting()
	uitk := make([]regels.Kort, len(pk.Regelingen))
	err = synth.Genereer(ctx, synth.PopulatieOpties{Profiel: profiel, Seed: *seed, Aantal: *aantal, Datum: datum, Params: params, Pakket: pk},
		func(r *register.Record) error {
			if !*stil {
				if err := m.Tel(r, datum, params, pk, uitk); err != nil {
					return err
				}
			}
			return sw.Schrijf(r)
		})
	if err != nil {
		return err
	}
	if err := sw.Sluit(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if bestand != nil {
		if err := bestand.Close(); err != nil {
			return err
		}
	}
	if !*stil {
		fmt.Fprintf(e.stderr, "%s (%s), seed %d, peildatum %s, pakket %s\n", profiel.Naam, profiel.Gemeente, *seed, datum.Format("2006-01-02"), pk.Bestand)
		m.Schrijf(e.stderr)
	}
	return nil
}
