package main

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/web"
)

const serveUsage = `[opties]

Start de webserver: de check "Waar heb ik recht op?" op / , /healthz en /readyz.

Omgevingsvariabelen (een optie op de opdrachtregel gaat voor):
  ZEKER_ADDR        adres om op te luisteren (zoals --addr)
  ZEKER_CHECK_KEY   sleutel van de check: 32 bytes, base64 (maak er een met: openssl rand -base64 32).
                    Zonder sleutel maakt de server bij elke start een nieuwe; bewaarde links werken dan
                    niet meer na een herstart. Gebruik bij meer servers overal dezelfde sleutel.
  ZEKER_BEHIND_TLS  "true" als bezoekers via HTTPS komen (ook via een proxy): dan stuurt de server HSTS.`

// runServe serves the web application until ctx is cancelled, then shuts down gracefully.
func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("serve", serveUsage, e)
	addr := fs.String("addr", envOr(e, "ZEKER_ADDR", ":8080"), "adres om op te luisteren, bijvoorbeeld :8080 of 127.0.0.1:8080")
	tls := fs.Bool("behind-tls", e.getenv("ZEKER_BEHIND_TLS") == "true", "bezoekers komen via HTTPS (stuurt Strict-Transport-Security)")
	shutdown := fs.Duration("shutdown-timeout", 15*time.Second, "hoe lang lopende verzoeken mogen afmaken bij stoppen")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve neemt geen argumenten, wel opties; zie zeker serve --help")
	}
	var key []byte
	if k := e.getenv("ZEKER_CHECK_KEY"); k != "" {
		var err error
		key, err = base64.StdEncoding.DecodeString(k)
		if err != nil || len(key) != 32 {
			return fmt.Errorf("ZEKER_CHECK_KEY moet 32 bytes zijn, base64-gecodeerd (openssl rand -base64 32)")
		}
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	params, err := nl.Load()
	if err != nil {
		return fmt.Errorf("serve: landelijke parameters: %w", err)
	}
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		return fmt.Errorf("serve: regelpakketten: %w", err)
	}
	srv, err := web.New(web.Config{CheckSleutel: key, BehindTLS: *tls}, web.Deps{Catalogus: cat, Logger: log})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := &http.Server{
		Addr:              *addr,
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: luisteren op %s: %w", *addr, err)
	}
	log.Info("zeker serve: klaar", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("zeker serve: stoppen")
	sctx, cancel := context.WithTimeout(context.Background(), *shutdown)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: stoppen: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func envOr(e env, key, def string) string {
	if v := e.getenv(key); v != "" {
		return v
	}
	return def
}
