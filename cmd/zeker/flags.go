package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// flagSet is a flag.FlagSet that speaks Dutch: its help goes to stdout (a help that was asked for is
// output, not an error), its errors are translated and name the option, and nothing is printed by the
// flag package itself.
type flagSet struct {
	*flag.FlagSet
	naam    string // "check", "regels toon"
	gebruik string
	e       env
}

// newFlagSet returns the flag set of "zeker <naam>"; usage is the text after "Gebruik: zeker <naam> ".
func newFlagSet(naam, usage string, e env) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet("zeker "+naam, flag.ContinueOnError), naam: naam, gebruik: usage, e: e}
	// The flag package prints its own English message and the usage on every error; parseFlags does
	// that in Dutch instead.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// printUsage writes the command's help: the usage line and text, then its options.
func (fs *flagSet) printUsage(w io.Writer) {
	fmt.Fprintf(w, "Gebruik: zeker %s %s\n", fs.naam, fs.gebruik)
	heeft := false
	fs.VisitAll(func(*flag.Flag) { heeft = true })
	if !heeft {
		return
	}
	fmt.Fprintln(w, "\nOpties:")
	fs.VisitAll(func(f *flag.Flag) {
		soort, uitleg := flag.UnquoteUsage(f)
		regel := "  --" + f.Name
		if soort != "" {
			regel += " " + soortNaam(soort)
		}
		regel += "\n      " + strings.ReplaceAll(uitleg, "\n", "\n      ")
		if !nulwaarde(f.DefValue) {
			if soort == "string" {
				regel += fmt.Sprintf(" (standaard %q)", f.DefValue)
			} else {
				regel += fmt.Sprintf(" (standaard %s)", f.DefValue)
			}
		}
		fmt.Fprintln(w, regel)
	})
}

// soortNaam names the kind of value an option takes, in Dutch.
func soortNaam(s string) string {
	switch s {
	case "string":
		return "tekst"
	case "int", "uint":
		return "getal"
	case "float":
		return "getal"
	case "duration":
		return "duur"
	case "value":
		return "waarde"
	}
	return s
}

func nulwaarde(def string) bool {
	switch def {
	case "", "0", "false", "0s", "[]":
		return true
	}
	return false
}

// fout marks err as an error of this (sub)command, so that it is printed as "zeker regels toon: …".
func (fs *flagSet) fout(err error) error { return opdrachtFout{opdracht: fs.naam, err: err} }

// hulp is the hint at the end of every usage error.
func (fs *flagSet) hulp() string { return fmt.Sprintf("zie 'zeker %s --help'", fs.naam) }

// parseFlags parses args. --help prints the help on stdout and gives flag.ErrHelp (exit 0); any other
// flag error becomes a Dutch usage error (exit 2) naming the option.
func parseFlags(fs *flagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		fs.printUsage(fs.e.stdout)
		return err
	}
	return fs.fout(usageError{vertaalFlagFout(fs, err) + "; " + fs.hulp()})
}

var (
	flagOnbekend    = regexp.MustCompile(`^flag provided but not defined: -(.*)$`)
	flagSyntax      = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	flagZonderWaard = regexp.MustCompile(`^flag needs an argument: -(.*)$`)
	flagBool        = regexp.MustCompile(`^invalid boolean value (".*") for -([^:]*): (.*)$`)
	flagBoolFlag    = regexp.MustCompile(`^invalid boolean flag ([^:]*): (.*)$`)
	flagWaarde      = regexp.MustCompile(`^invalid value (".*") for flag -([^:]*): (.*)$`)
)

// vertaalFlagFout words the flag package's English errors in Dutch. Their texts are stable in Go's
// flag package; TestFlagFoutenNederlands fails if a Go release changes one.
func vertaalFlagFout(fs *flagSet, err error) string {
	msg := err.Error()
	if m := flagOnbekend.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("onbekende optie --%s", m[1])
	}
	if m := flagSyntax.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s is geen optie (schrijf --naam of --naam=waarde)", m[1])
	}
	if m := flagZonderWaard.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s heeft een waarde nodig (--%s waarde of --%s=waarde)", m[1], m[1], m[1])
	}
	if m := flagBool.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s=%s: kies true of false (of laat =… weg voor true)", m[2], m[1])
	}
	if m := flagBoolFlag.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s: %s", m[1], m[2])
	}
	if m := flagWaarde.FindStringSubmatch(msg); m != nil {
		waarde, naam, reden := m[1], m[2], m[3]
		soort := ""
		if f := fs.Lookup(naam); f != nil {
			soort, _ = flag.UnquoteUsage(f)
		}
		switch reden {
		case "parse error":
			switch soort {
			case "int":
				reden = "geen geheel getal"
			case "uint":
				reden = "geen geheel getal van 0 of meer"
			case "float":
				reden = "geen getal (schrijf een punt voor decimalen: 1.5)"
			case "duration":
				reden = "geen duur (schrijf bijvoorbeeld 30s, 5m of 1h30m)"
			default:
				reden = "ongeldige waarde"
			}
		case "value out of range":
			reden = "te groot of te klein"
		}
		// Other reasons come from our own flag.Value types and are Dutch already.
		return fmt.Sprintf("--%s %s: %s", naam, waarde, reden)
	}
	return "ongeldige opties: " + msg
}

// ontbreekt returns a usage error naming the options among namen that were not given, or nil. An option
// counts as given when it was set on the command line or has a value from its default or environment.
func ontbreekt(fs *flagSet, namen ...string) error {
	gezet := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { gezet[f.Name] = true })
	var weg []string
	for _, n := range namen {
		f := fs.Lookup(n)
		if f == nil {
			return fmt.Errorf("zeker %s kent geen optie --%s", fs.naam, n) // a mistake in this program, caught by its tests
		}
		v := strings.TrimSpace(f.Value.String())
		if v == "" || (!gezet[n] && nulwaarde(v)) {
			weg = append(weg, "--"+n)
		}
	}
	switch len(weg) {
	case 0:
		return nil
	case 1:
		return fs.fout(usagef("%s ontbreekt; %s", weg[0], fs.hulp()))
	}
	return fs.fout(usagef("%s en %s ontbreken; %s", strings.Join(weg[:len(weg)-1], ", "), weg[len(weg)-1], fs.hulp()))
}

// argumenten returns a usage error unless exactly n arguments follow the options. Go's flag package
// stops at the first argument, so an option after it lands here; the message says so.
func argumenten(fs *flagSet, n int, wat string) error {
	if fs.NArg() == n {
		return nil
	}
	for _, a := range fs.Args() {
		if strings.HasPrefix(a, "-") && a != "-" {
			if n == 0 {
				return fs.fout(usagef("%s staat na een argument: zet opties vooraan; %s", a, fs.hulp()))
			}
			return fs.fout(usagef("%s staat na een argument: zet opties vóór %s; %s", a, wat, fs.hulp()))
		}
	}
	if n == 0 {
		return fs.fout(usagef("onverwacht argument %q (deze opdracht neemt alleen opties); %s", fs.Arg(0), fs.hulp()))
	}
	if fs.NArg() < n {
		return fs.fout(usagef("geef %s; %s", wat, fs.hulp()))
	}
	return fs.fout(usagef("te veel argumenten: %s; geef %s; %s", strings.Join(fs.Args()[n:], " "), wat, fs.hulp()))
}
