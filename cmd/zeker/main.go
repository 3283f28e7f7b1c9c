// Command zeker is the Zeker platform: the rules engine on the command line, the resident check, the
// staff web application and the background jobs, in one binary with subcommands.
//
// Usage:
//
//	zeker <command> [flags] [arguments]
//
// Run "zeker help" for the list of commands and "zeker <command> --help" for the flags of one command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
	_ "time/tzdata" // Europe/Amsterdam for legal terms (internal/termijn) on hosts without zoneinfo
)

// Exit codes: 0 success, 1 bad input or a failed operation, 2 wrong usage (unknown command or flag).
const (
	exitOK    = 0
	exitFout  = 1
	exitUsage = 2
)

// usageError marks an error as a usage mistake (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// env is what a command gets from the outside world. Passing it explicitly keeps commands testable
// and free of package-level state.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

// command is one subcommand of zeker.
type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// commands lists every subcommand under its Dutch name; each lives in its own cmd_<name>.go file. The
// command line speaks Dutch, like the staff pages (docs/architecture.md, "Naming"); the English names
// that earlier versions used keep working as aliases (aliassen), so scripts do not break.
func commands() map[string]command {
	return map[string]command{
		"check":      {"evalueer een huishouden (JSON) tegen het regelpakket van een gemeente", runCheck},
		"regels":     {"regelpakketten: lijst, toon, valideer, grenzen", runRegels},
		"normen":     {"bijstandsnormen per leefvorm op een datum (normenoverzicht)", runNormen},
		"migreer":    {"database aanmaken of bijwerken (migraties), --gemeenten voegt de vier gemeenten toe", runMigrate},
		"gebruiker":  {"medewerkers: toevoegen, wachtwoord, lijst, rol, blokkeer, deblokkeer", runUser},
		"populatie":  {"synthetische bevolking van huishoudens (testgegevens) voor een gemeente", runPopulatie},
		"importeer":  {"huishoudens van een gemeente inlezen (CSV of JSON) in de database", runImport},
		"scan":       {"wie heeft recht maar krijgt niets: bereik, niet-gebruik en bereiklijst per regeling", runScan},
		"watals":     {"wat als: een grens of bedrag van het regelpakket veranderen en het effect over de huishoudens zien", runSimulate},
		"armoedeval": {"wat een huishouden overhoudt als het meer verdient: besteedbaar inkomen, marginale druk en kliffen", runArmoedeval},
		"demo":       {"demo op deze computer: SQLite, vier gemeenten, demo-accounts, check en beheer", runDemo},
		"serveer":    {"webserver: check, pagina's voor medewerkers, API, taken, /healthz en /readyz", runServe},
		"ddas":       {"export: landelijk DDAS-bericht vroegsignalering (v1.2) voor het CBS", runDDAS},
		"versie":     {"versie van zeker: moduleversie, git-revisie en -tijd, Go-versie", runVersion},
	}
}

// aliassen are the English names of commands, kept from earlier versions.
var aliassen = map[string]string{
	"migrate": "migreer", "user": "gebruiker", "import": "importeer", "simulate": "watals",
	"serve": "serveer", "version": "versie",
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	err := run(ctx, os.Args[1:], e)
	stop()
	os.Exit(exitCode(err, e.stderr))
}

// opdrachtFout is an error of one subcommand; it is printed once as "zeker <opdracht>: <fout>", so the
// commands themselves do not repeat their name.
type opdrachtFout struct {
	opdracht string
	err      error
}

func (e opdrachtFout) Error() string { return e.opdracht + ": " + e.err.Error() }
func (e opdrachtFout) Unwrap() error { return e.err }

func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var of opdrachtFout
	if errors.As(err, &of) {
		fmt.Fprintf(stderr, "zeker %s: %v\n", of.opdracht, of.err)
	} else {
		fmt.Fprintln(stderr, "zeker:", err)
	}
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFout
}

// run dispatches to a subcommand. It is the whole program apart from process setup, so tests call it.
func run(ctx context.Context, args []string, e env) error {
	cmds := commands()
	if len(args) == 2 && args[0] == "help" {
		args = []string{args[1], "--help"} // zeker help check = zeker check --help
	}
	if len(args) == 1 && (args[0] == "-version" || args[0] == "--version") {
		args = []string{"versie"}
	}
	if len(args) > 0 {
		if naam, ok := aliassen[args[0]]; ok {
			args = append([]string{naam}, args[1:]...)
		}
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(e.stdout, cmds)
		if len(args) == 0 {
			return usagef("geef een opdracht, bijvoorbeeld: zeker check --help")
		}
		return nil
	}
	c, ok := cmds[args[0]]
	if !ok {
		return usagef("onbekende opdracht %q; zie 'zeker help'", args[0])
	}
	err := c.run(ctx, e, args[1:])
	var of opdrachtFout
	if err == nil || errors.Is(err, flag.ErrHelp) || errors.As(err, &of) {
		return err // a flag set's error names its (sub)command already
	}
	return opdrachtFout{opdracht: args[0], err: err}
}

func printHelp(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "zeker — platform voor bestaanszekerheid\n\nGebruik: zeker <opdracht> [opties] [argumenten]\n\nOpdrachten:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	ook := map[string]string{}
	for en, nl := range aliassen {
		ook[nl] = en
	}
	for _, n := range names {
		s := cmds[n].summary
		if en := ook[n]; en != "" {
			s += " (ook: " + en + ")"
		}
		fmt.Fprintf(w, "  %-10s %s\n", n, s)
	}
	fmt.Fprintln(w, "\nGebruik 'zeker <opdracht> --help' (of 'zeker help <opdracht>') voor de opties van een opdracht.")
}
