package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/regelpakketten"
)

const scanUsage = `--gemeente GM0175 [--db …] [--datum 2026-01-01] [--bereik bereik.csv] [--lijst bereiklijst.csv [--regeling id]] [--opslaan] [--voorstellen]
       zeker scan voorstellen --gemeente GM0175 [--status open|goedgekeurd|afgewezen] [--regeling id] [--json]
       zeker scan beslis --gemeente GM0175 --id N (--goedkeuren | --afwijzen) --reden "…" --door "naam"

Beoordeelt alle ingelezen huishoudens van de gemeente op de peildatum tegen het regelpakket: per
regeling recht, geen recht of onzeker, en of het huishouden de regeling al krijgt. Toont per regeling
het bereik en het niet-gebruik. --bereik schrijft het bereik per doelgroep (leefvorm, inkomensbron,
leeftijd, woonplaats) als CSV; --lijst de bereiklijst (huishoudens met recht die de regeling niet
krijgen, met de reden in B1) voor brieven of telefoontjes. --opslaan bewaart de uitslag voor de
beleidspagina's. --voorstellen maakt voorstellen om een regeling ambtshalve (zonder aanvraag) toe te
kennen, waar het pakket dat toestaat; een consulent keurt elk voorstel goed of af, met een reden
('zeker scan beslis'). Zeker kent zelf niets toe.`

func runScan(ctx context.Context, e env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "voorstellen":
			return runScanVoorstellen(ctx, e, args[1:])
		case "beslis":
			return runScanBeslis(ctx, e, args[1:])
		}
	}
	fs := newFlagSet("scan", scanUsage, e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	dbDSN := dbFlag(fs)
	datumStr := fs.String("datum", "", "peildatum jjjj-mm-dd (standaard: vandaag)")
	bereik := fs.String("bereik", "", "schrijf het bereik per regeling en doelgroep naar dit CSV-bestand")
	lijst := fs.String("lijst", "", "schrijf de bereiklijst naar dit CSV-bestand")
	regeling := fs.String("regeling", "", "alleen deze regeling in de bereiklijst")
	opslaan := fs.Bool("opslaan", false, "bewaar de uitslag in de database")
	voorstellen := fs.Bool("voorstellen", false, "maak voorstellen voor ambtshalve toekenning (voor een consulent)")
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
	if *voorstellen {
		n, err := scan.MaakVoorstellen(ctx, db, log, u)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "\n%d nieuwe voorstellen voor ambtshalve toekenning (zie: zeker scan voorstellen --gemeente %s)\n", n, *gemeente)
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

func runScanVoorstellen(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("scan voorstellen", "--gemeente GM0175 [--status open] [--regeling id] [--json]", e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	dbDSN := dbFlag(fs)
	status := fs.String("status", "open", "open, goedgekeurd, afgewezen of alle")
	regeling := fs.String("regeling", "", "alleen deze regeling")
	limiet := fs.Int("limiet", 100, "hoogstens zoveel voorstellen")
	alsJSON := fs.Bool("json", false, "uitvoer als JSON, met uitleg en ontvangstbewijs")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := ontbreekt(fs, "gemeente"); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	st := scan.Status(*status)
	switch st {
	case scan.Open, scan.Goedgekeurd, scan.Afgewezen:
	case "alle":
		st = ""
	default:
		return usagef("--status %q: kies open, goedgekeurd, afgewezen of alle", *status)
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
	vs, err := scan.Voorstellen(ctx, db, scan.VoorstelFilter{Gemeente: *gemeente, Status: st, Regeling: *regeling, Limiet: *limiet})
	if err != nil {
		return err
	}
	if err := log.Schrijf(ctx, audit.Verwerking{Gemeente: *gemeente, Verwerkingsactiviteit: "scan.beoordelen", Operatie: "ambtshalve_voorstel.lijst",
		Actie: audit.Lezen, Aantal: len(vs)}); err != nil {
		return err
	}
	if *alsJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(vs)
	}
	for _, v := range vs {
		bedrag := "onbekend"
		if v.Bedrag != nil {
			bedrag = v.Bedrag.String()
		}
		fmt.Fprintf(e.stdout, "%6d  %-12s %-16s %-28s %s  bedrag %s  pakket %.12s\n", v.ID, v.Status, v.HuishoudenID, v.Regeling, v.Peildatum, bedrag, v.Bewijs.PakketHash)
		if v.Status != scan.Open {
			fmt.Fprintf(e.stdout, "        besluit door %s: %s\n", v.BesluitDoor, v.BesluitReden)
		}
	}
	if len(vs) == 0 {
		fmt.Fprintln(e.stdout, "geen voorstellen")
	}
	return nil
}

func runScanBeslis(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("scan beslis", "--gemeente GM0175 --id N (--goedkeuren | --afwijzen) --reden \"…\" --door \"naam\"", e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	dbDSN := dbFlag(fs)
	id := fs.Int64("id", 0, "nummer van het voorstel")
	goed := fs.Bool("goedkeuren", false, "keur het voorstel goed")
	af := fs.Bool("afwijzen", false, "wijs het voorstel af")
	reden := fs.String("reden", "", "reden van het besluit (verplicht)")
	door := fs.String("door", "", "wie besluit (verplicht)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := ontbreekt(fs, "gemeente", "id", "reden", "door"); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	if *id <= 0 {
		return fs.fout(usagef("--id %d: een voorstel heeft een nummer van 1 of hoger; %s", *id, fs.hulp()))
	}
	if *goed == *af {
		return fs.fout(usagef("geef precies één van --goedkeuren of --afwijzen; %s", fs.hulp()))
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
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorGebruiker, ID: "cli", Naam: *door})
	if *goed {
		// As in the aanvragen inbox: the approval and the application-and-decision with its letter are
		// one transaction (docs/aanvragen.md "Ambtshalve").
		return cliAanvaard(ctx, e, db, log, *gemeente, *id, *reden, *door)
	}
	v, err := scan.Beslis(ctx, db, log, *gemeente, *id, scan.Besluit{Goedkeuren: false, Reden: *reden, Door: *door})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "voorstel %d (%s, %s): %s door %s\n", v.ID, v.HuishoudenID, v.Regeling, v.Status, v.BesluitDoor)
	return nil
}
