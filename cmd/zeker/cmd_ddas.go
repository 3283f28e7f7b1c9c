package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/signalen/ddas"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/tenant"
)

const ddasUsage = `--gemeente GM0175 --van 2026-01-01 --tot 2026-03-31 [--db DSN] [--uit map]

Schrijft het landelijke DDAS-bericht vroegsignalering (versie 1.2) voor het CBS: de vroegsignaalzaken
van de gemeente waarvan de matchingperiode begint tussen --van en --tot, met hun signalen en
contactpogingen. Hoogstens 50.000 signalen per bericht; meer komt in volgende delen (-deel-2, …).
Elk bericht wordt eerst tegen het DDAS-schema gecontroleerd; klopt er één niet, dan wordt niets geschreven.
Het bericht bevat BSN's: bewaar het veilig. De export komt in het verwerkingenlogboek (audit).
De sleutel voor het logboek komt uit $ZEKER_AUDIT_KEY, anders uit het bestand --audit-sleutel.`

// runDDAS is "zeker ddas export".
func runDDAS(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return usagef("geef een opdracht: export; zie 'zeker ddas export --help'")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintf(e.stdout, "Gebruik: zeker ddas export %s\n", ddasUsage)
		return flag.ErrHelp
	}
	if args[0] != "export" {
		return usagef("onbekende opdracht %q; zie 'zeker ddas --help'", args[0])
	}
	fs := newFlagSet("ddas export", ddasUsage, e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	vanS := fs.String("van", "", "eerste dag van de periode (jjjj-mm-dd)")
	totS := fs.String("tot", "", "laatste dag van de periode (jjjj-mm-dd), inclusief")
	dsn := dbFlag(fs)
	uit := fs.String("uit", ".", "map voor de berichten")
	leverancier := fs.String("leverancier", "ZEKER", "codeGegevensleverancier in het bericht")
	perBericht := fs.Int("per-bericht", ddas.MaxSignalen, "hoogstens zoveel signalen per bericht (1–50000)")
	sleutelPad := fs.String("audit-sleutel", "zeker-audit.key", "bestand met de sleutel van het verwerkingenlogboek (als $ZEKER_AUDIT_KEY leeg is)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if err := ontbreekt(fs, "gemeente", "van", "tot"); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	if err := tenant.ValideerCode(*gemeente); err != nil {
		return usagef("%v", err)
	}
	van, err := datum.Parse(*vanS)
	if err != nil {
		return usagef("--van: %v", err)
	}
	tot, err := datum.Parse(*totS)
	if err != nil {
		return usagef("--tot: %v", err)
	}
	if tot.Voor(van) {
		return usagef("--tot ligt voor --van")
	}
	if *perBericht < 1 || *perBericht > ddas.MaxSignalen {
		return usagef("--per-bericht moet tussen 1 en %d liggen", ddas.MaxSignalen)
	}
	if st, err := os.Stat(*uit); err != nil || !st.IsDir() {
		return fmt.Errorf("--uit %s is geen bestaande map", *uit)
	}

	db, err := openDB(ctx, *dsn, e, true)
	if err != nil {
		return err
	}
	defer db.Close()
	g, err := tenant.Haal(ctx, db, *gemeente)
	if err != nil {
		return fmt.Errorf("gemeente %s: %w", *gemeente, err)
	}
	var sleutel []byte
	if k := strings.TrimSpace(e.getenv("ZEKER_AUDIT_KEY")); k != "" {
		if sleutel, err = audit.ParseSleutel(k); err != nil {
			return fmt.Errorf("ZEKER_AUDIT_KEY: %w", err)
		}
	} else if sleutel, _, err = audit.LaadOfMaakSleutel(*sleutelPad); err != nil {
		return err
	}
	log, err := audit.New(db, sleutel, nil)
	if err != nil {
		return err
	}
	st, err := opslag.New(opslag.Config{DB: db, Audit: log})
	if err != nil {
		return err
	}
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "cli/ddas-export", Naam: "zeker ddas export"})
	ctx = audit.WithTrace(ctx, audit.NieuweTrace(""))
	zaken, err := st.DDASInvoer(ctx, *gemeente, van, tot)
	if err != nil {
		return err
	}
	berichten, err := ddas.Berichten(ddas.Invoer{
		CodeGegevensleverancier: *leverancier,
		Gemeentecode:            *gemeente,
		Organisatie:             ddas.Organisatie{Naam: "Gemeente " + g.Naam},
		Van:                     van,
		Tot:                     tot,
		Aangeleverd:             time.Now(),
		Zaken:                   zaken,
	}, *perBericht)
	if err != nil {
		return err
	}
	sch, err := ddas.Schema()
	if err != nil {
		return err
	}
	// Check every message before writing any, so a partial export never leaves the building.
	inhoud := make([][]byte, len(berichten))
	for i, b := range berichten {
		p, err := ddas.Marshal(b)
		if err != nil {
			return err
		}
		if err := ddas.Valideer(sch, p); err != nil {
			return fmt.Errorf("bericht %d: %w", i+1, err)
		}
		inhoud[i] = p
	}
	basis := fmt.Sprintf("ddas-vroegsignalering-%s-%s-%s", *gemeente, van, tot)
	for i, p := range inhoud {
		naam := basis + ".json"
		if len(inhoud) > 1 {
			naam = fmt.Sprintf("%s-deel-%d-van-%d.json", basis, i+1, len(inhoud))
		}
		pad := filepath.Join(*uit, naam)
		if err := os.WriteFile(pad, p, 0o600); err != nil {
			return fmt.Errorf("schrijf %s: %w", pad, err)
		}
		n, z := 0, 0
		if len(berichten[i].Leveringen) > 0 {
			n, z = len(berichten[i].Leveringen[0].Vroegsignalen), len(berichten[i].Leveringen[0].Vroegsignaalzaken)
		}
		fmt.Fprintf(e.stdout, "%s: %d signalen in %d vroegsignaalzaken\n", pad, n, z)
	}
	return nil
}
