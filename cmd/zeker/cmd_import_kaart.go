package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/tenant"
)

const importKaartUsage = `--gemeente GM0175 [--db …] [--formaat csv|json] [--controleer] bestand.csv|bestand.json

Leest een bestaande sociale kaart in voor de gemeente (CSV of JSON, zie docs/netwerk.md), zoals de
beheerder op de pagina Sociale kaart doet. Alles of niets: bij een fout staan alle fouten op stderr, elk
met regel, kolom of sleutel en reden, en wordt niets opgeslagen. Met --controleer wordt het bestand
alleen gecontroleerd (ook tegen de partners en regelingen in de database) en nooit opgeslagen.
Nogmaals hetzelfde bestand inlezen verandert niets.`

// runImportKaart is "zeker importeer sociale-kaart".
func runImportKaart(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("importeer sociale-kaart", importKaartUsage, e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	dbDSN := dbFlag(fs)
	formaat := fs.String("formaat", "", "csv of json (standaard: naar de extensie)")
	controleer := fs.Bool("controleer", false, "alleen controleren, niets opslaan")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := ontbreekt(fs, "gemeente"); err != nil {
		return err
	}
	if err := argumenten(fs, 1, "één bestand (CSV of JSON)"); err != nil {
		return err
	}
	pad := fs.Arg(0)
	f := strings.ToLower(*formaat)
	if f == "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(pad)), ".")
	}
	if f != "csv" && f != "json" {
		return usagef("formaat %q: kies --formaat csv of json", f)
	}
	in, err := os.Open(pad)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("bestand %s bestaat niet", pad)
		}
		return err
	}
	defer in.Close()
	db, err := openDB(ctx, *dbDSN, e, true)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := tenant.NewService(db).Haal(ctx, *gemeente); errors.Is(err, errs.NotFound) {
		return usagef("gemeente %s bestaat niet in deze database", *gemeente)
	} else if err != nil {
		return err
	}
	log, err := openAudit(e, db)
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
	ps, err := partner.New(partner.Config{DB: db, Audit: log})
	if err != nil {
		return err
	}
	ns, err := netwerk.New(netwerk.Config{DB: db, Audit: log, Partners: ps, Catalogus: cat})
	if err != nil {
		return err
	}
	ctx = audit.WithActor(ctx, cliActor())
	res, err := ns.Importeer(ctx, in, netwerk.ImportOpties{Gemeente: *gemeente, Formaat: f, Controleer: *controleer})
	var fouten netwerk.ImportFouten
	if errors.As(err, &fouten) {
		for _, x := range fouten {
			fmt.Fprintln(e.stderr, x.String())
		}
		return fmt.Errorf("%s: %d %s, er is niets opgeslagen", pad, len(fouten), map[bool]string{true: "fout", false: "fouten"}[len(fouten) == 1])
	}
	if err != nil {
		return err
	}
	wat := "opgeslagen"
	if *controleer {
		wat = "gecontroleerd, niets opgeslagen"
	}
	fmt.Fprintf(e.stdout, "sociale kaart %s %s: %d diensten (%d nieuw), %d locaties (%d nieuw), %d nieuwe partners, %d partners nieuw lid\n",
		*gemeente, wat, res.Diensten, res.NieuweDiensten, res.Locaties, res.NieuweLocaties, res.NieuwePartners, res.NieuweLeden)
	return nil
}
