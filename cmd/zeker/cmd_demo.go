package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/bewoners"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/tenant"
)

const demoUsage = `[opties]

Start Zeker als demo op deze computer: een SQLite-bestand, de vier gemeenten, per gemeente een
demo-account per rol (wachtwoorden worden bij elke start nieuw gemaakt en getoond), de check voor
inwoners op / en een startpagina voor medewerkers per gemeente. Met --huishoudens komt er per gemeente
een synthetische bevolking in (testgegevens, BSN's uit de testreeks) en een scan op de achtergrond; met
--signalen synthetische signalen van betalingsachterstanden voor de werklijst van de consulent.
Geen netwerk of Node nodig. Stoppen met Ctrl-C.`

// runDemo prepares a demo database and serves it until ctx is cancelled.
func runDemo(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("demo", demoUsage, e)
	addr := fs.String("addr", envOr(e, "ZEKER_ADDR", "127.0.0.1:8080"), "adres om op te luisteren")
	db := fs.String("db", "sqlite:zeker-demo.db", "database van de demo (SQLite-bestand)")
	reset := fs.Bool("reset", false, "begin opnieuw: verwijder eerst het databasebestand van de demo")
	huishoudens := fs.Int("huishoudens", 1000, "synthetische huishoudens per gemeente (0: geen)")
	signaalAantal := fs.Int("signalen", 150, "synthetische signalen van betalingsachterstanden per gemeente (0: geen)")
	keyFile := fs.String("audit-key-file", "zeker-demo-audit.key", "bestand met de sleutel van het verwerkingslog (gemaakt als het er niet is)")
	checkFile := fs.String("check-key-file", "zeker-demo-check.key", "bestand met de sleutel van de check, zodat bewaarde links een herstart overleven (gemaakt als het er niet is)")
	level := fs.String("log-level", "info", "debug, info, warn of error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("demo neemt geen argumenten, wel opties; zie zeker demo --help")
	}
	if *huishoudens < 0 || *signaalAantal < 0 {
		return usagef("--huishoudens en --signalen moeten 0 of meer zijn")
	}
	log, err := nieuweLogger(e, *level, "text")
	if err != nil {
		return err
	}
	stelGCIn(e.getenv, log)
	if *reset {
		if err := wisSQLite(*db); err != nil {
			return err
		}
	}
	checkKey, _, err := audit.LaadOfMaakSleutel(*checkFile)
	if err != nil {
		return fmt.Errorf("demo: sleutel van de check: %w", err)
	}
	if len(checkKey) != 32 {
		return fmt.Errorf("demo: %s: de sleutel van de check moet 32 bytes zijn", *checkFile)
	}
	var accounts []auth.DemoAccount
	var sleutels []demoSleutel
	o := serveOpties{addr: *addr, dsn: *db, migreer: true, auditKeyFile: *keyFile, checkKey: checkKey, workers: 2, shutdown: 10 * time.Second,
		readTimeout: 60 * time.Second, writeTimeout: 120 * time.Second, log: log}
	o.voorbereiden = func(ctx context.Context, d *diensten) error {
		now := time.Now()
		if _, err := tenant.ZaaiStandaard(ctx, d.db, now); err != nil {
			return fmt.Errorf("demo: gemeenten: %w", err)
		}
		var codes []string
		for _, g := range tenant.Standaard() {
			codes = append(codes, g.Code)
		}
		accounts, err = d.auth.MaakDemoAccounts(ctx, codes)
		if err != nil {
			return fmt.Errorf("demo: accounts: %w", err)
		}
		if sleutels, err = maakDemoPartners(ctx, d, codes, log); err != nil {
			return err
		}
		if err := maakDemoNetwerk(ctx, d, log); err != nil {
			return err
		}
		if *huishoudens > 0 {
			laadBevolking(ctx, d, codes, *huishoudens, log)
		}
		if *signaalAantal > 0 {
			laadSignalen(ctx, d, codes, *signaalAantal, log)
		}
		return nil
	}
	o.klaar = func(a net.Addr) { printDemo(e.stdout, demoURL(a), accounts, sleutels) }
	return serve(ctx, o)
}

// wisSQLite removes the demo's SQLite file and its WAL files. It refuses anything but SQLite.
func wisSQLite(dsn string) error {
	d, _, err := store.ParseDSN(dsn)
	if err != nil {
		return err
	}
	if d != store.SQLite {
		return usagef("--reset werkt alleen met een SQLite-bestand, niet met %s", redact(dsn))
	}
	p := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	for _, f := range []string{p, p + "-wal", p + "-shm"} {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("demo: %w", err)
		}
	}
	return nil
}

// laadBevolking loads a synthetic population per gemeente (once: a gemeente that has households keeps
// them) and queues a scan for each. A failure is logged and skipped: the demo works without it.
func laadBevolking(ctx context.Context, d *diensten, codes []string, n int, log *slog.Logger) {
	params, err := nl.Load()
	if err != nil {
		log.Warn("demo: geen synthetische bevolking", "fout", err)
		return
	}
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "demo", Naam: "zeker demo"})
	datum := time.Now().UTC().Truncate(24 * time.Hour)
	for _, gm := range codes {
		start := time.Now()
		if al, err := register.AantalHuishoudens(ctx, d.db, gm); err == nil && al > 0 {
			log.Info("demo: bevolking staat er al", "gemeente", gm, "huishoudens", al)
			continue
		}
		if err := laadGemeente(ctx, d, params, gm, n, datum); err != nil {
			log.Warn("demo: synthetische bevolking overgeslagen", "gemeente", gm, "fout", err)
			continue
		}
		err := d.db.Tx(ctx, func(tx *sql.Tx) error {
			_, err := jobs.EnqueueJSON(ctx, tx, scan.JobScan, gm, scan.ScanTaak{}, jobs.Opts{})
			return err
		})
		if err != nil {
			log.Warn("demo: scan niet ingepland", "gemeente", gm, "fout", err)
		}
		log.Info("demo: synthetische bevolking geladen", "gemeente", gm, "huishoudens", n, "duur", time.Since(start).Round(time.Millisecond))
	}
}

func laadGemeente(ctx context.Context, d *diensten, params *nl.Parameters, gm string, n int, datum time.Time) error {
	profiel, err := synth.ProfielVan(gm)
	if err != nil {
		return err
	}
	pk, err := d.cat.Pakket(gm, datum)
	if err != nil {
		return err
	}
	pr, pw := io.Pipe()
	go func() {
		sw, err := register.NieuweSchrijver(pw, "csv")
		if err == nil {
			err = synth.Genereer(ctx, synth.PopulatieOpties{Profiel: profiel, Seed: 1, Aantal: n, Datum: datum, Params: params, Pakket: pk}, sw.Schrijf)
		}
		if err == nil {
			err = sw.Sluit()
		}
		pw.CloseWithError(err)
	}()
	res, err := register.Importeer(ctx, d.db, pr, register.ImportOpties{Gemeente: gm, Formaat: "csv", Datum: datum, Bestand: "zeker demo"})
	pr.Close()
	if err != nil {
		return err
	}
	_ = res
	return d.audit.Schrijf(ctx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "import.huishoudens",
		Operatie: "huishoudens.importeren", Actie: audit.Aanmaken, Aantal: n, Object: "demo"})
}

// bewonersVan returns the residents of the gemeente's stored households (synth.Bewoners), or, when the
// demo loaded none (--huishoudens 0), synthetic residents without households.
func bewonersVan(ctx context.Context, d *diensten, gm string, vandaag signalen.Datum) ([]synth.Inwoner, error) {
	var recs []*register.Record
	ind := register.StandaardIndeling()
	err := register.Huishoudens(ctx, d.db, gm, func(gegevens string) error {
		rec, err := register.LeesGegevens(ind, gegevens)
		if err == nil {
			recs = append(recs, rec)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return synth.Populatie(300), nil
	}
	return synth.Bewoners(recs, vandaag), nil
}

// laadSignalen delivers synthetic arrears signals per gemeente for the demo's housing corporation, as it
// would through the API, so the consulent's worklist is not empty. Re-delivery of the same references changes nothing.
func laadSignalen(ctx context.Context, d *diensten, codes []string, n int, log *slog.Logger) {
	st := d.sig
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "demo", Naam: "zeker demo"})
	for i, gm := range codes {
		// The signals are about the residents of the gemeente's households in the register (what
		// laadBevolking generated): the same persons, BSNs, postcodes and villages, so a consulent finds
		// the household of a signal. Matching is what a real delivery uses: the register by BSN.
		pop, err := bewonersVan(ctx, d, gm, st.Vandaag())
		if err != nil {
			log.Warn("demo: signalen overgeslagen", "gemeente", gm, "fout", err)
			continue
		}
		var z signalen.Zoeker = synth.Index(pop)
		if x, err := bewoners.UitHuishoudens(ctx, d.db, gm, st.Vandaag()); err == nil && x.Len() > 0 {
			z = x
		}
		res, err := st.Ontvang(ctx, opslag.Levering{Gemeente: gm, PartnerID: demoWoningcorporatie,
			Signalen: synth.Signalen(pop, n, strings.ToLower(gm), st.Vandaag(), uint64(i+1))}, z)
		if err != nil {
			log.Warn("demo: signalen overgeslagen", "gemeente", gm, "fout", err)
			continue
		}
		log.Info("demo: signalen geleverd", "gemeente", gm, "opgeslagen", res.Opgeslagen, "al_ontvangen", res.AlOntvangen, "afgewezen", res.Afgewezen)
	}
}

func demoURL(a net.Addr) string {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/"
	}
	host := ta.IP.String()
	if ta.IP.IsUnspecified() {
		host = "localhost"
	}
	return fmt.Sprintf("http://%s/", net.JoinHostPort(host, fmt.Sprint(ta.Port)))
}

// printDemo prints where the demo runs, the accounts with their passwords and the partners' API keys.
func printDemo(w io.Writer, url string, accounts []auth.DemoAccount, sleutels []demoSleutel) {
	fmt.Fprintf(w, "\nZeker demo draait op %s\n\n", url)
	fmt.Fprintf(w, "  Check voor inwoners:   %s\n", url)
	fmt.Fprintf(w, "  Inloggen medewerkers:  %slogin\n\n", url)
	fmt.Fprintln(w, "Demo-accounts (wachtwoorden zijn bij elke start nieuw):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  gemeente\trol\te-mail\twachtwoord\tstartpagina")
	for _, a := range accounts {
		gm, rol, start := a.Gemeente, string(a.Rol), url+"beheer/"+a.Gemeente+"/"
		if gm == "" {
			gm, rol, start = "alle", "systeembeheerder", url+"systeem/gemeenten"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", gm, rol, a.Email, a.Wachtwoord, start)
	}
	tw.Flush()
	printDemoSleutels(w, url, sleutels)
	fmt.Fprintln(w, "\nStoppen: Ctrl-C. Opnieuw beginnen: zeker demo --reset")
}
