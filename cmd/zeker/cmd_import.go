package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
)

const importUsage = `--gemeente GM0175 [--db …] [--datum 2026-01-01] [--formaat csv|json] [--skip-invalid [--afgewezen bestand]] bestand.csv|bestand.json
       zeker importeer sociale-kaart --gemeente GM0175 … bestand (zie zeker importeer sociale-kaart --help)

Leest huishoudens van de gemeente in (CSV of JSON, zie docs/import.md) en slaat ze op in de database.
Elke rij wordt gecontroleerd; bij een fout staat er regel, kolom en reden. Zonder --skip-invalid wordt
niets opgeslagen als er één rij fout is. Met --skip-invalid worden de goede rijen opgeslagen en gaan de
foute naar --afgewezen (standaard <bestand>.afgewezen.csv of .jsonl). Nogmaals hetzelfde bestand inlezen
verandert niets. De voortgang (rijen/s, resterende tijd) komt op stderr.`

func runImport(ctx context.Context, e env, args []string) error {
	if len(args) > 0 && args[0] == "sociale-kaart" {
		return runImportKaart(ctx, e, args[1:])
	}
	fs := newFlagSet("importeer", importUsage, e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	dbDSN := dbFlag(fs)
	datumStr := fs.String("datum", "", "peildatum van de controle jjjj-mm-dd (standaard: vandaag)")
	formaat := fs.String("formaat", "", "csv of json (standaard: naar de extensie)")
	skip := fs.Bool("skip-invalid", false, "sla de goede rijen op en schrijf de foute naar --afgewezen")
	afgewezenPad := fs.String("afgewezen", "", "bestand voor afgewezen rijen (met --skip-invalid)")
	stil := fs.Bool("stil", false, "geen voortgang op stderr")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := ontbreekt(fs, "gemeente"); err != nil {
		return err
	}
	if err := argumenten(fs, 1, "één bestand (CSV of JSON)"); err != nil {
		return err
	}
	datum, err := parseDatum(*datumStr)
	if err != nil {
		return err
	}
	pad := fs.Arg(0)
	f := *formaat
	if f == "" {
		f = register.FormaatVan(pad)
	}
	in, err := os.Open(pad)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("bestand %s bestaat niet", pad)
		}
		return err
	}
	defer in.Close()
	st, err := in.Stat()
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
	o := register.ImportOpties{Gemeente: *gemeente, Formaat: f, Datum: datum, Bestand: pad, SkipInvalid: *skip, Grootte: st.Size()}
	if *skip {
		if *afgewezenPad == "" {
			*afgewezenPad = strings.TrimSuffix(pad, "."+f) + ".afgewezen." + map[string]string{"csv": "csv", "json": "jsonl"}[f]
		}
		af, err := os.Create(*afgewezenPad)
		if err != nil {
			return err
		}
		defer af.Close()
		o.Afgewezen = af
	}
	if !*stil {
		o.Voortgang = func(v register.Voortgang) { fmt.Fprintf(e.stderr, "\r%-70s", v.String()) }
	}
	ctx = audit.WithActor(ctx, cliActor())
	res, err := register.Importeer(ctx, db, in, o)
	if !*stil && res != nil {
		fmt.Fprintln(e.stderr)
	}
	if res != nil {
		for _, f := range res.Fouten {
			fmt.Fprintln(e.stderr, f.Error())
		}
		if int(res.Afgewezen) > len(res.Fouten) {
			fmt.Fprintf(e.stderr, "… en nog %d fouten\n", int(res.Afgewezen)-len(res.Fouten))
		}
	}
	resultaat, aantal := audit.OK, 0
	if err != nil {
		resultaat = audit.Fout
	} else {
		aantal = int(res.Opgeslagen)
	}
	object := ""
	if res != nil {
		object = fmt.Sprintf("import/%d", res.ID)
	}
	if lerr := log.Schrijf(ctx, audit.Verwerking{Gemeente: *gemeente, Verwerkingsactiviteit: "import.huishoudens",
		Operatie: "huishoudens.importeren", Actie: audit.Aanmaken, Aantal: aantal, Resultaat: resultaat, Object: object}); lerr != nil {
		return errors.Join(err, lerr)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "import %d: %d rijen, %d opgeslagen (nieuw of gewijzigd), %d ongewijzigd, %d afgewezen in %s (%.0f rijen/s)\n",
		res.ID, res.Rijen, res.Opgeslagen, res.Ongewijzigd, res.Afgewezen, res.Duur.Round(1e6), float64(res.Rijen)/res.Duur.Seconds())
	if *skip && res.Afgewezen > 0 {
		fmt.Fprintf(e.stdout, "afgewezen rijen: %s\n", *afgewezenPad)
	}
	return nil
}

// cliActor is the actor of the command line in the audit log.
func cliActor() audit.Actor {
	naam := os.Getenv("USER")
	if naam == "" {
		naam = "onbekend"
	}
	return audit.Actor{Soort: audit.ActorSysteem, ID: "cli", Naam: "zeker (" + naam + ")"}
}

// openAudit opens the processing log with the key from ZEKER_AUDIT_KEY, or else from the key file
// ZEKER_AUDIT_KEY_FILE (default zeker-audit.key, created when missing).
func openAudit(e env, db *store.DB) (*audit.Log, error) {
	var key []byte
	if s := strings.TrimSpace(e.getenv("ZEKER_AUDIT_KEY")); s != "" {
		k, err := audit.ParseSleutel(s)
		if err != nil {
			return nil, err
		}
		key = k
	} else {
		pad := strings.TrimSpace(e.getenv("ZEKER_AUDIT_KEY_FILE"))
		if pad == "" {
			pad = "zeker-audit.key"
		}
		k, _, err := audit.LaadOfMaakSleutel(pad)
		if err != nil {
			return nil, err
		}
		key = k
	}
	return audit.New(db, key, nil)
}
