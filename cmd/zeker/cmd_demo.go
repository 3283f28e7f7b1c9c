package main

import (
	"bytes"
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
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/bewoners"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/zaken"
)

const demoUsage = `[opties]

Start Zeker als demo op deze computer: een SQLite-bestand, de vier gemeenten, per gemeente een
demo-account per rol (wachtwoorden worden bij elke start nieuw gemaakt en getoond), de check voor
inwoners op / en een startpagina voor medewerkers per gemeente. Met --huishoudens komt er per gemeente
een synthetische bevolking in (testgegevens, BSN's uit de testreeks) en een scan op de achtergrond; met
--signalen synthetische signalen van betalingsachterstanden voor de werklijst van de consulent, en
(met huishoudens) zaken schuldhulp in elke status, ook een vanuit vroegsignalering.
Geen netwerk of Node nodig. Stoppen met Ctrl-C.`

// The files the demo writes into the working directory by default. .gitignore covers each of them
// (TestGitignoreDemo), so a demo run in a checkout leaves git status clean.
const (
	demoDB           = "zeker-demo.db"
	demoAuditSleutel = "zeker-demo-audit.key"
	demoCheckSleutel = "zeker-demo-check.key"
)

// runDemo prepares a demo database and serves it until ctx is cancelled.
func runDemo(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("demo", demoUsage, e)
	addr := fs.String("addr", envOr(e, "ZEKER_ADDR", "127.0.0.1:8080"), "adres om op te luisteren")
	db := fs.String("db", "sqlite:"+demoDB, "database van de demo (SQLite-bestand)")
	reset := fs.Bool("reset", false, "begin opnieuw: verwijder eerst het databasebestand van de demo")
	huishoudens := fs.Int("huishoudens", 1000, "synthetische huishoudens per gemeente (0: geen)")
	signaalAantal := fs.Int("signalen", 150, "synthetische signalen van betalingsachterstanden per gemeente (0: geen)")
	keyFile := fs.String("audit-key-file", demoAuditSleutel, "bestand met de sleutel van het verwerkingslog (gemaakt als het er niet is)")
	checkFile := fs.String("check-key-file", demoCheckSleutel, "bestand met de sleutel van de check, zodat bewaarde links een herstart overleven (gemaakt als het er niet is)")
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
		return fmt.Errorf("sleutel van de check: %w", err)
	}
	if len(checkKey) != 32 {
		return fmt.Errorf("%s: de sleutel van de check moet 32 bytes zijn", *checkFile)
	}
	var accounts []auth.DemoAccount
	var sleutels []demoSleutel
	// The demo sends no mail: the log sender marks the outbox's messages as delivered and logs their
	// subject and recipient's domain; the beheerder's page /beheer/{gemeente}/mail shows them.
	o := serveOpties{verzender: mail.LogVerzender{Log: log}, basisURL: demoBasisURL(*addr), addr: *addr, dsn: *db, migreer: true, auditKeyFile: *keyFile, checkKey: checkKey, workers: 2, shutdown: 10 * time.Second,
		readTimeout: 60 * time.Second, writeTimeout: 120 * time.Second, log: log}
	o.voorbereiden = func(ctx context.Context, d *diensten) error {
		now := time.Now()
		if _, err := tenant.ZaaiStandaard(ctx, d.db, now); err != nil {
			return fmt.Errorf("gemeenten: %w", err)
		}
		var codes []string
		for _, g := range tenant.Standaard() {
			codes = append(codes, g.Code)
		}
		accounts, err = d.auth.MaakDemoAccounts(ctx, codes)
		if err != nil {
			return fmt.Errorf("accounts: %w", err)
		}
		if sleutels, err = maakDemoPartners(ctx, d, codes, log); err != nil {
			return err
		}
		if err := maakDemoNetwerk(ctx, d, log); err != nil {
			return err
		}
		accounts = append(accounts, demoPartnerGebruikers(ctx, d, log)...)
		if *huishoudens > 0 {
			laadBevolking(ctx, d, codes, *huishoudens, log)
		}
		if *signaalAantal > 0 {
			laadSignalen(ctx, d, codes, *signaalAantal, log)
		}
		if *huishoudens > 0 {
			laadZaken(ctx, d, codes, accounts, log)
			laadVerwijzingen(ctx, d, log)
		}
		if *huishoudens > 0 {
			laadAanvragen(ctx, d, codes, accounts, log)
		}
		laadBudgetten(ctx, d, accounts, log)
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
			return fmt.Errorf("--reset: %w", err)
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
		for _, rec := range synth.BriefadresHuishoudens(profiel, datum) { // a few people at the gemeentehuis as briefadres
			if err == nil {
				err = sw.Schrijf(rec)
			}
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
func bewonersVan(ctx context.Context, d *diensten, gm string, vandaag datum.Datum) ([]synth.Inwoner, error) {
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
		// A few signals at the demo's briefadressen: the gemeentehuis (a briefadres in the register) and a
		// shelter on the gemeente's own list; none of them is grouped by the address (docs/signalen.md).
		sigs := synth.Signalen(pop, n, strings.ToLower(gm), st.Vandaag(), uint64(i+1))
		if p, err := synth.ProfielVan(gm); err == nil && n > 0 {
			var fs errs.Fields
			if err := st.VoegBriefadresToe(ctx, gm, synth.DemoOpvang); err != nil && !errors.As(err, &fs) { // on the list already: fine
				log.Warn("demo: briefadres niet op de lijst", "gemeente", gm, "fout", err)
			}
			sigs = append(sigs, synth.BriefadresSignalen(strings.ToLower(gm), synth.DemoDorp(p), st.Vandaag())...)
		}
		res, err := st.Ontvang(ctx, opslag.Levering{Gemeente: gm, PartnerID: demoWoningcorporatie, Signalen: sigs}, z)
		if err != nil {
			log.Warn("demo: signalen overgeslagen", "gemeente", gm, "fout", err)
			continue
		}
		log.Info("demo: signalen geleverd", "gemeente", gm, "opgeslagen", res.Opgeslagen, "al_ontvangen", res.AlOntvangen, "afgewezen", res.Afgewezen)
	}
}

// laadZaken makes debt-help zaken in every status per gemeente (synth.Zaken, over the households of the
// register), through the zaken service as a case worker would, and one from the first vroegsignaalzaak
// whose signals matched a household. Once: a gemeente that has zaken keeps them. A failure is logged and
// skipped: the demo works without it.
func laadZaken(ctx context.Context, d *diensten, codes []string, accounts []auth.DemoAccount, log *slog.Logger) {
	zk, err := zaken.New(zaken.Config{DB: d.db, Audit: d.audit, Partners: d.partners, Params: d.cat.Params()})
	if err != nil {
		log.Warn("demo: geen zaken", "fout", err)
		return
	}
	sig, err := opslag.New(opslag.Config{DB: d.db, Audit: d.audit})
	if err != nil {
		log.Warn("demo: geen zaken", "fout", err)
		return
	}
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "demo", Naam: "zeker demo"})
	for i, gm := range codes {
		if _, n, err := zk.Werklijst(ctx, gm, zaken.Filter{Status: zaken.StatusAlle, Limiet: 1}); err != nil || n > 0 {
			continue
		}
		door := zaken.Medewerker{Naam: "Demo consulent"}
		for _, a := range accounts {
			if a.Gemeente == gm && a.Rol == auth.Consulent {
				if g, err := d.auth.GebruikerOpEmail(ctx, a.Email); err == nil {
					door = zaken.Medewerker{ID: g.ID, Naam: g.Naam}
				}
			}
		}
		var recs []*register.Record
		ind := register.StandaardIndeling()
		if err := register.Huishoudens(ctx, d.db, gm, func(g string) error {
			rec, err := register.LeesGegevens(ind, g)
			if err == nil && len(recs) < 200 {
				recs = append(recs, rec)
			}
			return err
		}); err != nil {
			log.Warn("demo: zaken overgeslagen", "gemeente", gm, "fout", err)
			continue
		}
		gemaakt := 0
		for _, sc := range synth.Zaken(recs, zk.Vandaag(), zk.Zone(), uint64(i+1)) {
			if err := demoZaak(ctx, zk, gm, sc, door); err != nil {
				log.Warn("demo: zaak overgeslagen", "gemeente", gm, "status", sc.Status, "fout", err)
				continue
			}
			gemaakt++
		}
		// One zaak from vroegsignalering: the first open vroegsignaalzaak of a household with no zaak.
		if vs, _, err := sig.Werklijst(ctx, gm, opslag.Filter{Limiet: 50}); err == nil {
			lees := vroegsignaalVoorZaak(sig)
			for _, z := range vs {
				if z.HuishoudenID == "" {
					continue
				}
				v, err := lees(ctx, gm, z.ID)
				if err != nil {
					continue
				}
				if _, err := zk.VanVroegsignaal(ctx, gm, v, zaken.Schuldhulp, zk.Vandaag(), door); err == nil {
					gemaakt++
					break
				}
			}
		}
		demoZakenExtra(ctx, d, zk, gm, door, accounts, log)
		demoZakenUitkomsten(ctx, zk, gm, door, log) // demo_zaken_uitkomst.go
		demoJongerenfonds(ctx, zk, gm, door, log)   // demo_jongeren.go
		log.Info("demo: zaken gemaakt", "gemeente", gm, "zaken", gemaakt)
	}
}

// demoZaak takes one scenario through the steps of a zaak up to its status.
func demoZaak(ctx context.Context, zk *zaken.Service, gm string, sc synth.ZaakScenario, door zaken.Medewerker) error {
	id, err := zk.Start(ctx, gm, zaken.Hulpvraag{HuishoudenID: sc.HuishoudenID, Kanaal: sc.Kanaal, Route: sc.Route, Gestart: sc.Gestart,
		Crisis: sc.Crisis, CrisisSoort: sc.CrisisSoort}, door)
	if err != nil || sc.Status == zaken.Aangemeld {
		return err
	}
	versie := 1
	stap := func(err error) error {
		versie++
		return err
	}
	if sc.Status == zaken.Beeindigd {
		if err := stap(zk.EersteGesprek(ctx, gm, id, versie, sc.EersteGesprek, false, "", door)); err != nil {
			return err
		}
		return zk.Beeindig(ctx, gm, id, versie, sc.Reden, sc.Einde, sc.Toelichting, door)
	}
	if err := stap(zk.EersteGesprek(ctx, gm, id, versie, sc.EersteGesprek, sc.Status == zaken.Afgezien, sc.Toelichting, door)); err != nil {
		return err
	}
	switch sc.Status {
	case zaken.Geweigerd:
		return zk.Besluit(ctx, gm, id, versie, zaken.Beschikking{Soort: zaken.BesluitWeigering, Datum: sc.Besluit, Grond: sc.Grond, Toelichting: sc.Toelichting}, door)
	case zaken.Plan, zaken.Afgerond:
		// A zaak that stays in its plan gets the inputs of the beslagvrije voet before the decision, so
		// its plan van aanpak letter names the amount (demo_zaken.go varies them afterwards).
		if sc.Status == zaken.Plan {
			if err := stap(zk.ZetBeslagvrijeVoet(ctx, gm, id, versie, zaken.BVVGegevens{Leefsituatie: nl.BVVAlleenstaande, Jaarinkomen: geld.Euro(17000)}, door)); err != nil {
				return err
			}
		}
		if err := stap(zk.Besluit(ctx, gm, id, versie, zaken.Beschikking{Soort: zaken.BesluitPlan, Datum: sc.Besluit}, door)); err != nil {
			return err
		}
		det, err := zk.Zaak(ctx, gm, id)
		if err != nil {
			return err
		}
		pv := det.Regie.Versie
		for _, dl := range sc.Doelen {
			if err := zk.VoegDoelToe(ctx, gm, id, pv, dl, door); err != nil {
				return err
			}
			pv++
		}
		if sc.Status == zaken.Afgerond {
			return zk.RondAf(ctx, gm, id, versie, sc.Einde, sc.Toelichting, door)
		}
		if sc.Route == zaken.Ondernemers { // a route step (docs/zaken.md): the Bbz is national
			return zk.LegStapVast(ctx, gm, id, versie, zaken.StapBbz, sc.Besluit, "Bbz aangevraagd voor het levensonderhoud.", door)
		}
	}
	return nil
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

// demoBasisURL is the demo's own address as the base of links in mail ("" when addr is no host:port).
func demoBasisURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return ""
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	b, err := mail.ParseBasisURL("http://" + net.JoinHostPort(host, port))
	if err != nil {
		return ""
	}
	return b
}

// printDemo prints where the demo runs, the accounts with their passwords and the partners' API keys,
// in one write, so whoever reads the output never sees half of it.
func printDemo(out io.Writer, url string, accounts []auth.DemoAccount, sleutels []demoSleutel) {
	var b bytes.Buffer
	w := &b
	defer func() { out.Write(b.Bytes()) }()
	fmt.Fprintf(w, "\nZeker demo draait op %s\n\n", url)
	fmt.Fprintf(w, "  Check voor inwoners:   %s\n", url)
	fmt.Fprintf(w, "  Inloggen medewerkers:  %slogin\n\n", url)
	fmt.Fprintln(w, "Demo-accounts (wachtwoorden zijn bij elke start nieuw):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  gemeente\trol\te-mail\twachtwoord\tstartpagina")
	for _, a := range accounts {
		gm, rol, start := a.Gemeente, string(a.Rol), url+demoStartpad(a)
		if gm == "" {
			gm, rol, start = "alle", "systeembeheerder", url+"systeem/gemeenten"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", gm, rol, a.Email, a.Wachtwoord, start)
	}
	tw.Flush()
	printDemoSleutels(w, url, sleutels)
	fmt.Fprintln(w, "\nStoppen: Ctrl-C. Opnieuw beginnen: zeker demo --reset")
}

// demoStartpad is where account a starts, without the leading slash: the gemeente's start page, which
// every role may open (it asks regels.lezen, which every role holds).
func demoStartpad(a auth.DemoAccount) string {
	return "beheer/" + a.Gemeente + "/"
}
