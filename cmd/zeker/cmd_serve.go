package main

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/clamd"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/bewoners"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/zaken"
)

const serveUsage = `[opties]

Start de webserver: de check "Waar heb ik recht op?" op /, de pagina's voor medewerkers (/login,
/beheer/…), de API voor partners (/api/v1/…), /healthz en /readyz, en de taken op de achtergrond.
Stopt netjes bij SIGINT/SIGTERM: lopende verzoeken en taken krijgen --shutdown-timeout om af te ronden.
Zie docs/operations.md.

Elke optie kan ook met een omgevingsvariabele (de optie op de opdrachtregel gaat voor):
  ZEKER_ADDR              --addr
  ZEKER_DB                --db
  ZEKER_MIGRATE           --migrate ("true")
  ZEKER_BEHIND_TLS        --behind-tls ("true")
  ZEKER_AUDIT_KEY         sleutel van het verwerkingslog: 32 bytes of meer, hex of base64
                          (maak er een met: openssl rand -hex 32). Gebruik bij meer servers overal dezelfde.
  ZEKER_AUDIT_KEY_FILE    --audit-key-file (als ZEKER_AUDIT_KEY leeg is)
  ZEKER_CHECK_KEY         sleutel van de check: 32 bytes, base64 (openssl rand -base64 32). Zonder sleutel
                          maakt de server bij elke start een nieuwe; bewaarde links werken dan niet meer na
                          een herstart. Gebruik bij meer servers overal dezelfde sleutel.
  ZEKER_WORKERS           --workers
  ZEKER_CLIENT_IP_HEADER  --client-ip-header
  ZEKER_CLAMD             --clamd
  ZEKER_SMTP              --smtp (smtp://gebruiker:wachtwoord@host:poort?from=adres, of log)
  ZEKER_BASIS_URL         --basis-url (bijvoorbeeld https://zeker.gemeente.nl, voor links in e-mails)
  ZEKER_DOCUMENTEN_MAP    --documenten-map
  ZEKER_SHUTDOWN_TIMEOUT  --shutdown-timeout (bijvoorbeeld 30s)
  ZEKER_LOG_LEVEL         --log-level
  ZEKER_LOG_FORMAT        --log-format
  GOGC, GOMEMLIMIT        garbage collector; zonder deze twee: GOGC=400 en een geheugenlimiet van de helft
                          van het geheugen (zie docs/operations.md)`

// serveOpties is the configuration of a running server, from flags and environment (serve) or fixed
// (demo).
type serveOpties struct {
	addr           string
	dsn            string
	migreer        bool
	behindTLS      bool
	checkKey       []byte
	auditKeyFile   string // used when auditKey is empty
	auditKey       []byte
	workers        int
	clientIPHeader string
	// clamd scans uploads (nil: no virus scanner; uploads are accepted after the check of their type).
	clamd *clamd.Scanner
	// verzender delivers the outbox (internal/mail); nil: messages wait in the outbox, unsent.
	verzender mail.Verzender
	// basisURL is where users reach Zeker (mail.ParseBasisURL), for links in mail; "": none.
	basisURL string
	// opslag keeps the content of the residents' documents (nil: in the database).
	opslag       aanvragen.Opslag
	shutdown     time.Duration
	readTimeout  time.Duration
	writeTimeout time.Duration
	log          *slog.Logger
	// voorbereiden runs after migration and before the server listens (the demo seeds its data).
	voorbereiden func(ctx context.Context, d *diensten) error
	// klaar is called with the listening address once the server accepts connections.
	klaar func(addr net.Addr)
}

// diensten are the services a server shares between its pages, API and jobs.
type diensten struct {
	db    *store.DB
	cat   *regels.Catalogus
	audit *audit.Log
	auth  *auth.Service
	sig   *opslag.Service
	// partners are the partner organisations; merging moves their keys (auth) and signals (sig).
	partners *partner.Service
	// basisURL is where users reach Zeker, for the links in mail ("": none).
	basisURL string
}

// runServe serves the web application until ctx is cancelled, then shuts down gracefully.
func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("serveer", serveUsage, e)
	addr := fs.String("addr", envOr(e, "ZEKER_ADDR", ":8080"), "adres om op te luisteren, bijvoorbeeld :8080 of 127.0.0.1:8080")
	db := dbFlag(fs)
	migreer := fs.Bool("migrate", e.getenv("ZEKER_MIGRATE") == "true", "database eerst bijwerken (migraties); veilig met meer servers tegelijk")
	tls := fs.Bool("behind-tls", e.getenv("ZEKER_BEHIND_TLS") == "true", "bezoekers komen via HTTPS (ook via een proxy): HSTS en cookie __Host-zeker-sessie met Secure")
	keyFile := fs.String("audit-key-file", envOr(e, "ZEKER_AUDIT_KEY_FILE", "zeker-audit.key"), "bestand met de sleutel van het verwerkingslog (gemaakt als het er niet is) als ZEKER_AUDIT_KEY leeg is")
	workers := fs.Int("workers", envInt(e, "ZEKER_WORKERS", 4), "aantal taken tegelijk op deze server; 0: deze server doet geen taken")
	ipHeader := fs.String("client-ip-header", e.getenv("ZEKER_CLIENT_IP_HEADER"), "header met het adres van de bezoeker, gezet door je eigen proxy (bijvoorbeeld X-Forwarded-For); leeg: het adres van de verbinding")
	clamdAdres := fs.String("clamd", e.getenv("ZEKER_CLAMD"), "virusscanner ClamAV (clamd) voor bestanden die inwoners sturen: host:poort, tcp://host:poort, unix:///pad of /pad naar de socket; leeg: geen scanner (zie docs/operations.md)")
	smtpURL := fs.String("smtp", e.getenv("ZEKER_SMTP"), "mailserver voor uitgaande e-mail: smtp://gebruiker:wachtwoord@host:poort?from=noreply@… (STARTTLS als de server het biedt; een wachtwoord alleen over TLS), smtps://… voor TLS vanaf het begin, of log (niets versturen, alleen loggen); leeg: e-mail blijft in de outbox wachten (zie docs/mail.md)")
	basisURL := fs.String("basis-url", e.getenv("ZEKER_BASIS_URL"), "adres waarop medewerkers Zeker bereiken, bijvoorbeeld https://zeker.gemeente.nl; voor de links in e-mails")
	docMap := fs.String("documenten-map", e.getenv("ZEKER_DOCUMENTEN_MAP"), "map voor de documenten die inwoners sturen (absoluut pad; per gemeente een submap, bestanden 0600); leeg: in de database (zie docs/operations.md)")
	shutdown := fs.Duration("shutdown-timeout", envDuur(e, "ZEKER_SHUTDOWN_TIMEOUT", 15*time.Second), "hoe lang lopende verzoeken en taken mogen afmaken bij stoppen")
	readTimeout := fs.Duration("read-timeout", 60*time.Second, "hoogstens zo lang voor het lezen van een heel verzoek (ook grote API-leveringen)")
	writeTimeout := fs.Duration("write-timeout", 120*time.Second, "hoogstens zo lang voor het schrijven van een antwoord (ook een CSV-export)")
	level := fs.String("log-level", envOr(e, "ZEKER_LOG_LEVEL", "info"), "debug, info, warn of error")
	format := fs.String("log-format", envOr(e, "ZEKER_LOG_FORMAT", "json"), "json (één JSON-object per regel) of text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve neemt geen argumenten, wel opties; zie zeker serveer --help")
	}
	var scanner *clamd.Scanner
	if strings.TrimSpace(*clamdAdres) != "" {
		var err error
		if scanner, err = clamd.Nieuw(*clamdAdres); err != nil {
			return usagef("--clamd: %v", err)
		}
	}
	var opslag aanvragen.Opslag
	if strings.TrimSpace(*docMap) != "" {
		m, err := aanvragen.NieuweMapOpslag(strings.TrimSpace(*docMap))
		if err != nil {
			return usagef("--documenten-map: %v", err)
		}
		opslag = m
	}
	log, err := nieuweLogger(e, *level, *format)
	if err != nil {
		return err
	}
	stelGCIn(e.getenv, log)
	verzender, basis, err := mailInstellingen(*smtpURL, *basisURL, log)
	if err != nil {
		return err
	}
	var checkKey []byte
	if k := e.getenv("ZEKER_CHECK_KEY"); k != "" {
		checkKey, err = base64.StdEncoding.DecodeString(k)
		if err != nil || len(checkKey) != 32 {
			return fmt.Errorf("ZEKER_CHECK_KEY moet 32 bytes zijn, base64-gecodeerd (openssl rand -base64 32)")
		}
	}
	var auditKey []byte
	if k := strings.TrimSpace(e.getenv("ZEKER_AUDIT_KEY")); k != "" {
		if auditKey, err = audit.ParseSleutel(k); err != nil {
			return fmt.Errorf("ZEKER_AUDIT_KEY: %w", err)
		}
	}
	if *workers < 0 {
		return usagef("--workers moet 0 of meer zijn")
	}
	return serve(ctx, serveOpties{clamd: scanner, verzender: verzender, basisURL: basis, opslag: opslag, addr: *addr, dsn: dsnUit(*db, e), migreer: *migreer, behindTLS: *tls, checkKey: checkKey,
		auditKey: auditKey, auditKeyFile: *keyFile, workers: *workers, clientIPHeader: *ipHeader, shutdown: *shutdown,
		readTimeout: *readTimeout, writeTimeout: *writeTimeout, log: log})
}

// nieuweLogger makes the structured logger of the server: JSON lines by default.
func nieuweLogger(e env, level, format string) (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(level)); err != nil {
		return nil, usagef("--log-level %q: kies debug, info, warn of error", level)
	}
	opts := &slog.HandlerOptions{Level: lvl}
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(e.stderr, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(e.stderr, opts)), nil
	}
	return nil, usagef("--log-format %q: kies json of text", format)
}

// serve runs the server with o until ctx is cancelled.
func serve(ctx context.Context, o serveOpties) error {
	log := o.log
	// Packages that log through slog's default (job handlers) write in the same format.
	slog.SetDefault(log)
	db, err := store.Open(ctx, o.dsn)
	if err != nil {
		return fmt.Errorf("database %s: %w", redact(o.dsn), err)
	}
	defer db.Close()
	if o.migreer {
		start := time.Now()
		if err := db.Migrate(ctx); err != nil {
			return fmt.Errorf("migreren: %w", err)
		}
		log.Info("database bijgewerkt", "duur", time.Since(start).Round(time.Millisecond))
	} else if vs, err := db.AppliedMigrations(ctx); err != nil || len(vs) == 0 {
		return fmt.Errorf("de database %s is niet gemigreerd; draai zeker migreer of start met --migrate", redact(o.dsn))
	}
	key := o.auditKey
	if len(key) == 0 {
		var gemaakt bool
		key, gemaakt, err = audit.LaadOfMaakSleutel(o.auditKeyFile)
		if err != nil {
			return fmt.Errorf("sleutel verwerkingslog: %w", err)
		}
		if gemaakt {
			log.Warn("nieuwe sleutel voor het verwerkingslog gemaakt; bewaar hem veilig en gebruik bij meer servers overal dezelfde (ZEKER_AUDIT_KEY)", "bestand", o.auditKeyFile)
		}
	}
	al, err := audit.New(db, key, nil)
	if err != nil {
		return fmt.Errorf("verwerkingslog: %w", err)
	}
	params, err := nl.Load()
	if err != nil {
		return fmt.Errorf("landelijke parameters: %w", err)
	}
	cat, err := regels.LaadStandaard(params)
	if err == nil {
		err = controleerPartners(cat)
	}
	if err != nil {
		return fmt.Errorf("regelpakketten: %w", err)
	}
	sig, err := opslag.New(opslag.Config{DB: db, Audit: al})
	if err != nil {
		return fmt.Errorf("signalen: %w", err)
	}
	d := &diensten{db: db, cat: cat, audit: al, auth: auth.New(db, auth.Config{}), sig: sig, basisURL: o.basisURL}
	if d.partners, err = nieuwePartners(db, al, d.auth, sig); err != nil {
		return fmt.Errorf("partners: %w", err)
	}
	waarschuwKalender(log, time.Now())
	if o.voorbereiden != nil {
		if err := o.voorbereiden(ctx, d); err != nil {
			return err
		}
	}
	zk, err := zaken.New(zaken.Config{DB: db, Audit: al, Partners: d.partners, Params: params})
	if err != nil {
		return fmt.Errorf("zaken: %w", err)
	}

	// Jobs: every instance may run workers; claims are safe across instances (SKIP LOCKED).
	var runner *jobs.Runner
	if o.workers > 0 {
		runner = jobs.NewRunner(db, jobs.Config{Workers: o.workers, ShutdownGrace: o.shutdown, Logger: log})
		(&scan.Service{DB: db, Catalogus: cat, Audit: al}).Registreer(runner)
		actief, err := actieveGemeenten(ctx, db)
		if err != nil {
			return err
		}
		(&register.Service{DB: db, Audit: al}).Registreer(runner, actief)
		sig.RegistreerJobs(runner, actief)
		zk.RegistreerJobs(runner, actief)
		if as, err := aanvragen.New(aanvragen.Config{DB: db, Audit: al, Catalogus: cat, Opslag: o.opslag}); err == nil {
			as.RegistreerJobs(runner, actief)
		} else {
			return fmt.Errorf("aanvragen: %w", err)
		}
		runner.Handle(jobOpruimen, func(ctx context.Context, run *jobs.Run) error {
			s, p, err := d.auth.Opruimen(ctx)
			if err != nil {
				return err
			}
			return run.SetProgress(ctx, s+p, s+p, fmt.Sprintf("%d sessies en %d inlogpogingen opgeruimd", s, p))
		})
		runner.Every(jobOpruimen, "", time.Hour)
		if o.verzender != nil {
			(&mail.Bezorger{DB: db, Verzender: o.verzender, Log: log}).Registreer(runner)
		}
	}

	// Signals are matched against the resident register built from the gemeente's imported household
	// data (by BSN); once per delivery, so a new import counts from the next delivery on.
	zoeker := func(ctx context.Context, gemeente string) (signalen.Zoeker, error) {
		return bewoners.UitHuishoudens(ctx, db, gemeente, sig.Vandaag())
	}
	if o.clamd != nil {
		log.Info("virusscanner: bestanden van inwoners gaan langs clamd", "clamd", o.clamd.String())
	} else {
		log.Info("virusscanner: geen (--clamd niet gezet); bestanden worden alleen op hun soort gecontroleerd")
	}
	if m, ok := o.opslag.(*aanvragen.MapOpslag); ok {
		log.Info("documenten: in een map", "map", m.Map)
	}
	handler, _, err := bouwWeb(webOpties{behindTLS: o.behindTLS, checkKey: o.checkKey, clientIPHeader: o.clientIPHeader, clamd: o.clamd, opslag: o.opslag},
		webDiensten{basisURL: o.basisURL, db: db, cat: cat, audit: al, auth: d.auth, sig: sig, partners: d.partners, zaken: zk, zoeker: zoeker, log: log})
	if err != nil {
		return err
	}
	hs := &http.Server{
		Addr:              o.addr,
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       o.readTimeout,
		WriteTimeout:      o.writeTimeout,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("luisteren op %s: %w", o.addr, err)
	}

	jobCtx, stopJobs := context.WithCancel(context.WithoutCancel(ctx))
	defer stopJobs()
	var wg sync.WaitGroup
	if runner != nil {
		wg.Go(func() {
			if err := runner.Run(jobCtx); err != nil && !errors.Is(err, context.Canceled) {
				log.Error("taken gestopt", "fout", err)
			}
		})
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	log.Info("zeker serveer: klaar", "addr", ln.Addr().String(), "db", redact(o.dsn), "dialect", db.Dialect().String(),
		"workers", o.workers, "behind_tls", o.behindTLS)
	if o.klaar != nil {
		o.klaar(ln.Addr())
	}
	var serveErr error
	select {
	case err := <-errc:
		serveErr = err
	case <-ctx.Done():
	}
	log.Info("zeker serveer: stoppen", "timeout", o.shutdown)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), o.shutdown)
	defer cancel()
	// Stop taking requests and jobs at the same time; both get the same grace period.
	stopJobs()
	if err := hs.Shutdown(sctx); err != nil && serveErr == nil {
		serveErr = fmt.Errorf("stoppen: %w", err)
	}
	wg.Wait()
	if serveErr == nil {
		if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
			serveErr = err
		}
	}
	log.Info("zeker serveer: gestopt")
	return serveErr
}

// waarschuwKalender logs a warning when the equated days of the Algemene termijnenwet (art. 3 lid 3)
// are known for less than half a year ahead: after GelijkgesteldBekendTot the calendar counts without
// them, so the next decree must be added to internal/termijn/gelijkgesteld.go.
func waarschuwKalender(log *slog.Logger, nu time.Time) {
	zone, err := termijn.Zone()
	if err != nil {
		log.Error("tijdzone", "fout", err)
		return
	}
	if tot := termijn.GelijkgesteldBekendTot(); !datum.Van(nu, zone).PlusMaanden(6).Voor(tot) {
		log.Warn("de met feestdagen gelijkgestelde dagen (Algemene termijnenwet art. 3 lid 3) zijn bekend tot en met "+tot.String()+
			"; voeg het volgende besluit uit de Staatscourant toe in internal/termijn/gelijkgesteld.go", "bekend_tot", tot.String())
	}
}

// jobOpruimen deletes ended sessions and old login attempts, once an hour on one instance.
const jobOpruimen = "auth.opruimen"

func actieveGemeenten(ctx context.Context, db *store.DB) ([]string, error) {
	gs, err := tenant.Lijst(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("gemeenten: %w", err)
	}
	var out []string
	for _, g := range gs {
		if g.Actief {
			out = append(out, g.Code)
		}
	}
	return out, nil
}

func envOr(e env, key, def string) string {
	if v := e.getenv(key); v != "" {
		return v
	}
	return def
}

func envInt(e env, key string, def int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(e.getenv(key))); err == nil {
		return n
	}
	return def
}

func envDuur(e env, key string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(strings.TrimSpace(e.getenv(key))); err == nil {
		return d
	}
	return def
}
