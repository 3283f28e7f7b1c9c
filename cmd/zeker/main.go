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

// commands lists every subcommand. Each lives in its own cmd_<name>.go file.
func commands() map[string]command {
	return map[string]command{
		"check":     {"evalueer een huishouden (JSON) tegen het regelpakket van een gemeente", runCheck},
		"regels":    {"regelpakketten: lijst, toon, valideer, grenzen", runRegels},
		"normen":    {"bijstandsnormen per leefvorm op een datum (normenoverzicht)", runNormen},
		"migrate":   {"database aanmaken of bijwerken (migraties), --gemeenten voegt de vier gemeenten toe", runMigrate},
		"user":      {"medewerkers: add, passwd, list, role, disable, enable", runUser},
		"populatie": {"synthetische bevolking van huishoudens (testgegevens) voor een gemeente", runPopulatie},
		"import":    {"huishoudens van een gemeente inlezen (CSV of JSON) in de database", runImport},
		"scan":      {"wie heeft recht maar krijgt niets: bereik, niet-gebruik en bereiklijst per regeling", runScan},
		"simulate":  {"wat als: een grens of bedrag van het regelpakket veranderen en het effect over de huishoudens zien", runSimulate},
		"demo":      {"demo op deze computer: SQLite, vier gemeenten, demo-accounts, check en beheer", runDemo},
		"serve":     {"webserver: check, pagina's voor medewerkers, API, taken, /healthz en /readyz", runServe},
		"ddas":      {"export: landelijk DDAS-bericht vroegsignalering (v1.2) voor het CBS", runDDAS},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	err := run(ctx, os.Args[1:], e)
	stop()
	os.Exit(exitCode(err, e.stderr))
}

func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintln(stderr, "zeker:", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFout
}

// run dispatches to a subcommand. It is the whole program apart from process setup, so tests call it.
func run(ctx context.Context, args []string, e env) error {
	cmds := commands()
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
	return c.run(ctx, e, args[1:])
}

func printHelp(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "zeker — platform voor bestaanszekerheid\n\nGebruik: zeker <opdracht> [opties] [argumenten]\n\nOpdrachten:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nGebruik 'zeker <opdracht> --help' voor de opties van een opdracht.")
}

// newFlagSet returns a flag set that reports errors instead of exiting, with a usage text naming the
// command; parse errors become usage errors (exit code 2).
func newFlagSet(name, usage string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet("zeker "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Gebruik: zeker %s %s\n\nOpties:\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and maps flag errors to usage errors; --help gives flag.ErrHelp (exit 0).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
