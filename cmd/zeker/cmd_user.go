package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/zeker-platform/zeker/internal/auth"
)

const userUsage = `<toevoegen|wachtwoord|lijst|rol|blokkeer|deblokkeer> [opties]

  toevoegen  --email E --naam N [--systeembeheerder] [--gemeente GM… --rol R] [--wachtwoord-stdin]
  wachtwoord --email E [--wachtwoord-stdin]        wachtwoord opnieuw instellen (beëindigt sessies)
  lijst      [--gemeente GM…]                      gebruikers, met hun rollen
  rol        --email E --gemeente GM… --rol R      rol zetten; --rol geen haalt de rol weg
  blokkeer --email E / deblokkeer --email E        account blokkeren of weer toestaan

De Engelse namen van eerdere versies werken ook: add, passwd, list, role, disable, enable (en zeker gebruiker).
Zonder --wachtwoord-stdin maakt zeker een wachtwoord, toont het één keer en vraagt de gebruiker het
bij de eerste keer inloggen te wijzigen. Rollen: beheerder, beleidsmedewerker, consulent, intermediair.`

func runUser(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		return usagef("geef een opdracht: toevoegen, wachtwoord, lijst, rol, blokkeer of deblokkeer; zie 'zeker gebruiker --help'")
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintf(e.stdout, "Gebruik: zeker gebruiker %s\n", userUsage)
		return flag.ErrHelp
	}
	sub, args := args[0], args[1:]
	if nl, ok := gebruikerAliassen[sub]; ok {
		sub = nl
	}
	fs := newFlagSet("gebruiker "+sub, "[opties]", e)
	dbf := dbFlag(fs)
	email := fs.String("email", "", "e-mailadres (inlognaam)")
	naam := fs.String("naam", "", "naam (toevoegen)")
	sysadmin := fs.Bool("systeembeheerder", false, "systeembeheerder: beheert gemeenten en hun beheerders (toevoegen)")
	gemeente := fs.String("gemeente", "", "gemeentecode, bijvoorbeeld GM1681")
	rol := fs.String("rol", "", "beheerder, beleidsmedewerker, consulent, intermediair (rol: ook geen)")
	stdinPW := fs.Bool("wachtwoord-stdin", false, "lees het wachtwoord van stdin (eerste regel) in plaats van er een te maken")
	switch sub {
	case "toevoegen", "wachtwoord", "lijst", "rol", "blokkeer", "deblokkeer":
	default:
		return usagef("onbekende opdracht %q; kies toevoegen, wachtwoord, lijst, rol, blokkeer of deblokkeer", sub)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := argumenten(fs, 0, ""); err != nil {
		return err
	}
	needEmail := sub != "lijst"
	if needEmail {
		if err := ontbreekt(fs, "email"); err != nil {
			return err
		}
	}
	// Every missing option is named before the database is opened.
	switch sub {
	case "toevoegen":
		if err := ontbreekt(fs, "naam"); err != nil {
			return err
		}
		if (*gemeente == "") != (*rol == "") {
			return fs.fout(usagef("geef --gemeente en --rol samen (of geen van beide); %s", fs.hulp()))
		}
	case "rol":
		if err := ontbreekt(fs, "gemeente", "rol"); err != nil {
			return err
		}
	}
	db, err := openDB(ctx, *dbf, e, true)
	if err != nil {
		return err
	}
	defer db.Close()
	s := auth.New(db, auth.Config{})

	wachtwoord := func() (pw string, gemaakt bool, err error) {
		if !*stdinPW {
			return auth.GenereerWachtwoord(), true, nil
		}
		line, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", false, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return "", false, errors.New("geen wachtwoord op stdin")
		}
		return line, false, auth.ControleerWachtwoordEisen(line)
	}

	switch sub {
	case "toevoegen":
		if *rol != "" && !auth.Rol(*rol).Geldig() {
			return usagef("onbekende rol %q; kies uit %v", *rol, auth.Rollen)
		}
		pw, gemaakt, err := wachtwoord()
		if err != nil {
			return err
		}
		g, err := s.MaakGebruiker(ctx, auth.NieuweGebruiker{Email: *email, Naam: *naam, Wachtwoord: pw,
			Systeembeheerder: *sysadmin, MoetWachtwoordWijzigen: gemaakt})
		if err != nil {
			return err
		}
		if *rol != "" {
			if err := s.ZetRol(ctx, g.ID, *gemeente, auth.Rol(*rol)); err != nil {
				return fmt.Errorf("gebruiker %s is aangemaakt, maar de rol niet: %w", g.Email, err)
			}
		}
		fmt.Fprintf(e.stdout, "gebruiker %d %s aangemaakt", g.ID, g.Email)
		if *sysadmin {
			fmt.Fprint(e.stdout, " (systeembeheerder)")
		}
		if *rol != "" {
			fmt.Fprintf(e.stdout, ", %s in %s", *rol, *gemeente)
		}
		fmt.Fprintln(e.stdout)
		if gemaakt {
			fmt.Fprintf(e.stdout, "wachtwoord: %s\n(wordt niet opnieuw getoond; bij de eerste keer inloggen kiest de gebruiker een eigen wachtwoord)\n", pw)
		}
		return nil
	case "wachtwoord":
		g, err := s.GebruikerOpEmail(ctx, *email)
		if err != nil {
			return err
		}
		pw, gemaakt, err := wachtwoord()
		if err != nil {
			return err
		}
		if err := s.ZetWachtwoord(ctx, g.ID, pw, gemaakt); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wachtwoord van %s opnieuw ingesteld; alle sessies zijn beëindigd\n", g.Email)
		if gemaakt {
			fmt.Fprintf(e.stdout, "wachtwoord: %s\n", pw)
		}
		return nil
	case "rol":
		g, err := s.GebruikerOpEmail(ctx, *email)
		if err != nil {
			return err
		}
		if *rol == "geen" {
			if err := s.VerwijderRol(ctx, g.ID, *gemeente); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "rol van %s in %s weggehaald\n", g.Email, *gemeente)
			return nil
		}
		if !auth.Rol(*rol).Geldig() {
			return usagef("onbekende rol %q; kies uit %v of geen", *rol, auth.Rollen)
		}
		if err := s.ZetRol(ctx, g.ID, *gemeente, auth.Rol(*rol)); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s is nu %s in %s\n", g.Email, *rol, *gemeente)
		return nil
	case "blokkeer", "deblokkeer":
		g, err := s.GebruikerOpEmail(ctx, *email)
		if err != nil {
			return err
		}
		if err := s.ZetActief(ctx, g.ID, sub == "deblokkeer"); err != nil {
			return err
		}
		if sub == "deblokkeer" {
			fmt.Fprintf(e.stdout, "%s kan weer inloggen\n", g.Email)
		} else {
			fmt.Fprintf(e.stdout, "%s is geblokkeerd; sessies zijn beëindigd\n", g.Email)
		}
		return nil
	}
	// list
	var gs []auth.Gebruiker
	if *gemeente != "" {
		gs, err = s.Gebruikers(ctx, *gemeente)
	} else {
		gs, err = s.AlleGebruikers(ctx)
	}
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tE-MAIL\tNAAM\tSYSTEEMBEHEERDER\tACTIEF\tROLLEN")
	for _, g := range gs {
		var rollen []string
		for gem, r := range g.Rollen {
			rollen = append(rollen, gem+":"+string(r))
		}
		sort.Strings(rollen)
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", g.ID, g.Email, g.Naam, janee(g.Systeembeheerder), janee(g.Actief), strings.Join(rollen, " "))
	}
	return tw.Flush()
}

func janee(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}

// gebruikerAliassen are the English subcommands of earlier versions.
var gebruikerAliassen = map[string]string{"add": "toevoegen", "passwd": "wachtwoord", "list": "lijst", "role": "rol",
	"disable": "blokkeer", "enable": "deblokkeer"}
