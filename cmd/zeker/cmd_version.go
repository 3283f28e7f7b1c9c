package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

const versionUsage = `

Toont welke zeker dit is: de versie van de module, de git-revisie en -tijd waaruit hij is gebouwd (als
go build die kon vastleggen; "gewijzigd" als de werkmap niet schoon was) en de Go-versie. Noem dit bij
een foutmelding.`

func runVersion(_ context.Context, e env, args []string) error {
	fs := newFlagSet("versie", versionUsage, e)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil // a binary built without module support; print what is known
	}
	printVersie(e.stdout, bi, runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH)
	return nil
}

// printVersie prints the version from the build information: module version (a tag, a pseudo-version
// from git, or "(devel)"), VCS revision and commit time when the build recorded them, and Go version.
func printVersie(w io.Writer, bi *debug.BuildInfo, goVersie, platform string) {
	versie, pad := "(onbekend)", "github.com/zeker-platform/zeker"
	var revisie, tijd string
	gewijzigd := false
	if bi != nil {
		if bi.Main.Version != "" {
			versie = bi.Main.Version
		}
		if bi.Main.Path != "" {
			pad = bi.Main.Path
		}
		if bi.GoVersion != "" {
			goVersie = bi.GoVersion
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revisie = s.Value
			case "vcs.time":
				tijd = s.Value
			case "vcs.modified":
				gewijzigd = s.Value == "true"
			}
		}
	}
	fmt.Fprintf(w, "zeker %s\n", versie)
	fmt.Fprintf(w, "module:  %s\n", pad)
	if revisie != "" {
		r := revisie
		if tijd != "" {
			r += " (" + tijd + ")"
		}
		if gewijzigd {
			r += ", gewijzigd"
		}
		fmt.Fprintf(w, "revisie: %s\n", r)
	} else {
		fmt.Fprintln(w, "revisie: onbekend (niet vastgelegd bij het bouwen)")
	}
	fmt.Fprintf(w, "go:      %s %s\n", goVersie, platform)
}
