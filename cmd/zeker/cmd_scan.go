package main

import (
	"context"
	"fmt"
	"os"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/scan"
)

const scanUsage = `--gemeente GM0175 [--db …] [--datum 2026-01-01] [--bereik bereik.csv] [--lijst bereiklijst.csv [--regeling id]] [--opslaan]

Beoordeelt alle ingelezen huishoudens van de gemeente op de peildatum tegen het regelpakket: per
regeling recht, geen recht of onzeker, en of het huishouden de regeling al krijgt. Toont per regeling
het bereik en het niet-gebruik. --bereik schrijft het bereik per doelgroep (leefvorm, inkomensbron,
leeftijd, woonplaats) als CSV; --lijst de bereiklijst (huishoudens met recht die de regeling niet
krijgen, met de reden in B1) voor brieven of telefoontjes. --opslaan bewaart de uitslag voor de
beleidspagina's.`

func runScan(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("scan", scanUsage, e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	dbDSN := dbFlag(fs)
	datumStr := fs.String("datum", "", "peildatum jjjj-mm-dd (standaard: vandaag)")
	bereik := fs.String("bereik", "", "schrijf het bereik per regeling en doelgroep naar dit CSV-bestand")
	lijst := fs.String("lijst", "", "schrijf de bereiklijst naar dit CSV-bestand")
	regeling := fs.String("regeling", "", "alleen deze regeling in de bereiklijst")
	opslaan := fs.Bool("opslaan", false, "bewaar de uitslag in de database")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gemeente == "" || fs.NArg() != 0 {
		fs.Usage()
		return usagef("geef --gemeente")
	}
	datum, err := parseDatum(*datumStr)
	if err != nil {
		return err
	}
	params, err := nl.Load()
	if err != nil {
		return err
	}
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		return err
	}
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
	u, err := scan.Voer(ctx, db, cat, *gemeente, datum, nil)
	if err != nil {
		return err
	}
	if *regeling != "" && u.Regeling(*regeling) == nil {
		return usagef("regeling %q staat niet in het pakket van %s", *regeling, *gemeente)
	}
	if err := log.Schrijf(ctx, audit.Verwerking{Gemeente: *gemeente, Verwerkingsactiviteit: "scan.uitvoeren", Operatie: "huishoudens.scannen",
		Actie: audit.Lezen, Aantal: u.Huishoudens}); err != nil {
		return err
	}
	u.SchrijfTekst(e.stdout)
	if *opslaan {
		id, err := u.SlaOp(ctx, db)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "\nuitslag opgeslagen als scan %d\n", id)
	}
	if *bereik != "" {
		f, err := os.Create(*bereik)
		if err != nil {
			return err
		}
		if err := u.SchrijfBereikCSV(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "bereik per doelgroep: %s\n", *bereik)
	}
	if *lijst != "" {
		f, err := os.Create(*lijst)
		if err != nil {
			return err
		}
		n, err := u.SchrijfBereiklijstCSV(f, *regeling)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if err := log.Schrijf(ctx, audit.Verwerking{Gemeente: *gemeente, Verwerkingsactiviteit: "scan.uitvoeren", Operatie: "bereiklijst.exporteren",
			Actie: audit.Exporteren, Aantal: n, Object: "regeling/" + *regeling}); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "bereiklijst: %d huishoudens in %s\n", n, *lijst)
	}
	return nil
}
