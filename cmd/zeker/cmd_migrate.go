package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// dbFlag adds the --db flag; dsnUit resolves it: flag, then ZEKER_DB, then the default SQLite file.
func dbFlag(fs *flagSet) *string {
	return fs.String("db", "", "database: postgres://… of sqlite:pad/naar/bestand.db (standaard $ZEKER_DB, anders "+store.DefaultDSN+")")
}

func dsnUit(flagWaarde string, e env) string {
	if strings.TrimSpace(flagWaarde) != "" {
		return flagWaarde
	}
	if v := strings.TrimSpace(e.getenv("ZEKER_DB")); v != "" {
		return v
	}
	return store.DefaultDSN
}

// openDB opens the database named by --db / ZEKER_DB; with mustBeMigrated it refuses a database that
// was never migrated, with a hint.
func openDB(ctx context.Context, flagWaarde string, e env, mustBeMigrated bool) (*store.DB, error) {
	dsn := dsnUit(flagWaarde, e)
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", redact(dsn), err)
	}
	if mustBeMigrated {
		vs, err := db.AppliedMigrations(ctx)
		if err != nil {
			db.Close()
			return nil, err
		}
		if len(vs) == 0 {
			db.Close()
			return nil, fmt.Errorf("de database is nog leeg; draai eerst: zeker migreer --db %s", redact(dsn))
		}
	}
	return db, nil
}

// redact hides a password in a PostgreSQL URL before it is printed.
func redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		rest := dsn[i+3:]
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			if c := strings.Index(rest[:at], ":"); c >= 0 {
				return dsn[:i+3] + rest[:c] + ":***" + rest[at:]
			}
		}
	}
	return dsn
}

func runMigrate(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("migreer", "[--db DSN] [--status] [--gemeenten]", e)
	dbf := dbFlag(fs)
	status := fs.Bool("status", false, "toon alleen welke migraties zijn uitgevoerd en welke nog niet")
	gemeenten := fs.Bool("gemeenten", false, "voeg daarna de vier eerste gemeenten toe als ze er nog niet zijn")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	db, err := openDB(ctx, *dbf, e, false)
	if err != nil {
		return err
	}
	defer db.Close()
	alle, err := store.Migrations(db.Dialect())
	if err != nil {
		return err
	}
	if *status {
		gedaan, err := db.AppliedMigrations(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "database: %s (%s)\n", redact(dsnUit(*dbf, e)), db.Dialect())
		for _, m := range alle {
			s := "open     "
			if slices.Contains(gedaan, m.Version) {
				s = "uitgevoerd"
			}
			fmt.Fprintf(e.stdout, "  %04d_%-30s %s\n", m.Version, m.Name, s)
		}
		return nil
	}
	toegepast, err := db.MigrateVerbose(ctx)
	if err != nil {
		return err
	}
	for _, m := range toegepast {
		fmt.Fprintf(e.stdout, "migratie %04d_%s uitgevoerd\n", m.Version, m.Name)
	}
	fmt.Fprintf(e.stdout, "database %s (%s) is bij: %d migraties, %d nieuw\n", redact(dsnUit(*dbf, e)), db.Dialect(), len(alle), len(toegepast))
	if *gemeenten {
		added, err := tenant.ZaaiStandaard(ctx, db, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "gemeenten toegevoegd: %d %v\n", len(added), added)
	}
	return nil
}
