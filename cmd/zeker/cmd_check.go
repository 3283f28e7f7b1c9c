package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/regelpakketten"
)

const checkUsage = `[--gemeente GM0175] [--datum 2026-01-01] [--json] [--en | --taal nl] [--intermediair] [--db DSN] huishouden.json

Evalueert een huishouden (JSON, zie docs/huishouden.md; "-" leest van stdin) tegen het regelpakket
van de gemeente en toont per regeling: recht, geen recht of onzeker, het bedrag, de reden per
voorwaarde met de bron, en het ontvangstbewijs. --json geeft de machinevorm (docs/check-json.md).
De redenen komen uit de tekstcatalogus internal/regels/teksten (één bestand per taal). De naam en het
contact van de gemeente komen uit Zeker's gemeentegegevens: met --db (of ZEKER_DB) uit die database,
anders de standaardgegevens van de vier eerste gemeenten.`

func runCheck(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("check", checkUsage, e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers); standaard die uit het huishouden")
	datumStr := fs.String("datum", "", "peildatum jjjj-mm-dd (standaard: vandaag)")
	asJSON := fs.Bool("json", false, "uitvoer als JSON")
	english := fs.Bool("en", false, "teksten in het Engels (als --taal en)")
	taal := fs.String("taal", "", "taal van de teksten: een taal van internal/regels/teksten (nl, en)")
	intermediair := fs.Bool("intermediair", false, "teksten voor een hulpverlener (\"uw cliënt\")")
	dbf := fs.String("db", "", "database met de gemeentegegevens (naam, contact): postgres://… of sqlite:pad; standaard $ZEKER_DB, anders de standaardgegevens")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := argumenten(fs, 1, "één huishoudbestand (of - voor stdin)"); err != nil {
		return err
	}
	datum, err := parseDatum(*datumStr)
	if err != nil {
		return err
	}
	data, err := leesInvoer(fs.Arg(0), e.stdin)
	if err != nil {
		return err
	}
	naam := fs.Arg(0)
	if naam == "-" {
		naam = "stdin"
	}
	h, err := huishouden.Decode(data)
	if err != nil {
		return fmt.Errorf("%s: %w", naam, err)
	}
	if *gemeente != "" {
		if h.Gemeente != "" && h.Gemeente != *gemeente {
			return fmt.Errorf("%s: het huishouden hoort bij %s, maar --gemeente zegt %s", naam, h.Gemeente, *gemeente)
		}
		h.Gemeente = *gemeente
	}
	if err := h.Valideer(datum); err != nil {
		return fmt.Errorf("%s: %w", naam, err)
	}
	cat, err := laadCatalogus(regelpakketten.FS)
	if err != nil {
		return err
	}
	w := regels.Weergave{Taal: "nl", Intermediair: *intermediair}
	if *english {
		w.Taal = "en"
	}
	if *taal != "" {
		teksten, err := regels.StandaardTeksten()
		if err != nil {
			return err
		}
		if !slices.Contains(teksten.Talen(), *taal) || (*english && *taal != "en") {
			return usagef("--taal %q: kies uit %s", *taal, strings.Join(teksten.Talen(), ", "))
		}
		w.Taal = *taal
	}
	res, err := cat.EvalueerMet(h, datum, w)
	if err != nil {
		return err
	}
	g, err := checkGemeente(ctx, e, *dbf, res.Gemeente.Code)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(checkJSON(res, g))
	}
	printResultaat(e.stdout, res, g, w.Taal == "en")
	printLandelijk(e.stdout, res, w.Taal == "en")
	return nil
}

// printCriteria lists the criteria of one outcome with their sources.
func printCriteria(w io.Writer, cs []regels.Criterium) {
	for _, c := range cs {
		mark := map[string]string{"ja": "✔", "nee": "✖", "onbekend": "?"}[c.Uitkomst]
		fmt.Fprintf(w, "    %s %s\n", mark, c.Tekst)
		if !c.Bron.Leeg() {
			fmt.Fprintf(w, "      bron: %s\n", c.Bron)
		}
	}
}

// printLandelijk shows the national regelingen (toeslagen, kinderbijslag) after the gemeente's, and
// the total per month of both.
func printLandelijk(w io.Writer, res *regels.Resultaat, en bool) {
	if len(res.Landelijk) > 0 {
		if en {
			fmt.Fprintln(w, "\nFrom the national government:")
		} else {
			fmt.Fprintln(w, "\nVan het Rijk:")
		}
	}
	for _, u := range res.Landelijk {
		fmt.Fprintf(w, "\n%s %s — %s", teken(u.Oordeel), u.Naam, u.Oordeel)
		if u.Oordeel != regels.GeenRecht && u.Bedrag != nil {
			fmt.Fprintf(w, " — %s %s", u.Bedrag.Kort(), periodeTekst(u.Periode, en))
		}
		fmt.Fprintf(w, " (%s)\n", u.Uitvoerder)
		printCriteria(w, u.Criteria)
		if u.Oordeel != regels.GeenRecht {
			fmt.Fprintf(w, "    bedrag: %s\n      bron: %s\n", u.BedragUitleg, u.BedragBron)
			fmt.Fprintf(w, "    aanvragen: %s %s\n", u.Aanvragen.Toelichting, u.Aanvragen.Link)
		}
		if len(u.Vragen) > 0 {
			vs := make([]string, len(u.Vragen))
			for i, v := range u.Vragen {
				vs[i] = string(v)
			}
			fmt.Fprintf(w, "    nog nodig: %s\n", strings.Join(vs, ", "))
		}
		fmt.Fprintf(w, "    grondslag: %s\n", u.Grondslag)
	}
	t, n := res.TotaalPerMaand()
	fmt.Fprintf(w, "\nU krijgt waarschijnlijk ongeveer %s per maand aan toeslagen en regelingen", t.Kort())
	if n > 0 {
		fmt.Fprintf(w, " (plus %d met recht waarvan het bedrag niet bekend is)", n)
	}
	fmt.Fprintln(w, ".")
}

// checkJSONOut is the documented machine form of zeker check --json (docs/check-json.md). Its
// "gemeente" (the tenant: name and contact) takes the place of the result's own (code and pack name).
type checkJSONOut struct {
	*regels.Resultaat
	Gemeente           gemeenteJSON `json:"gemeente"`
	TotaalPerJaar      string       `json:"totaal_per_jaar"`
	TotaalZonderBedrag int          `json:"recht_zonder_bekend_bedrag"`
	TotaalPerMaand     string       `json:"totaal_per_maand_met_landelijk"`
}

type gemeenteJSON struct {
	Code    string         `json:"code"`
	Naam    string         `json:"naam"`
	Contact tenant.Contact `json:"contact"`
}

func checkJSON(res *regels.Resultaat, g tenant.Gemeente) checkJSONOut {
	t, n := res.TotaalPerJaar()
	m, _ := res.TotaalPerMaand()
	return checkJSONOut{Resultaat: res, Gemeente: gemeenteJSON{Code: g.Code, Naam: g.Naam, Contact: g.Contact},
		TotaalPerJaar: t.Decimal(), TotaalZonderBedrag: n, TotaalPerMaand: m.Decimal()}
}

// checkGemeente returns the tenant of code: from the database of --db (or ZEKER_DB) when given, else
// from the standard data of the first four gemeenten. The tenant is the one source of a gemeente's
// name and contact; the rule pack holds rules only.
func checkGemeente(ctx context.Context, e env, dbFlag, code string) (tenant.Gemeente, error) {
	if dbFlag == "" && e.getenv("ZEKER_DB") == "" {
		g, err := tenant.NewVast(tenant.Standaard()).Gemeente(ctx, code)
		if err != nil {
			return tenant.Gemeente{Code: code, Naam: code}, nil // a pack of a gemeente without standard data
		}
		return g, nil
	}
	dsn := dsnUit(dbFlag, e)
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return tenant.Gemeente{}, fmt.Errorf("--db %s: %w", redact(dsn), err)
	}
	defer db.Close()
	g, err := tenant.Haal(ctx, db, code)
	if errors.Is(err, errs.NotFound) {
		return tenant.Gemeente{}, fmt.Errorf("--db %s: gemeente %s staat niet in de database; voeg haar toe (zeker migreer zaait de vier eerste)", redact(dsn), code)
	}
	if err != nil {
		return tenant.Gemeente{}, fmt.Errorf("--db %s: %w", redact(dsn), err)
	}
	return g, nil
}

func parseDatum(s string) (time.Time, error) {
	if s == "" {
		y, m, d := time.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--datum %q is geen datum; schrijf jjjj-mm-dd, bijvoorbeeld 2026-01-01", s)
	}
	return t, nil
}

func leesInvoer(naam string, stdin io.Reader) ([]byte, error) {
	if naam == "-" {
		return io.ReadAll(io.LimitReader(stdin, 4<<20))
	}
	data, err := os.ReadFile(naam)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("bestand %s bestaat niet", naam)
	}
	return data, err
}

func aantalOnzeker(res *regels.Resultaat) int {
	n := 0
	for _, u := range res.Regelingen {
		if u.Oordeel == regels.Onzeker {
			n++
		}
	}
	return n
}

func teken(o regels.Oordeel) string {
	switch o {
	case regels.Recht:
		return "✔"
	case regels.GeenRecht:
		return "✖"
	}
	return "?"
}

func periodeTekst(p regels.Periode, en bool) string {
	switch {
	case p == regels.PerJaar && en:
		return "a year"
	case p == regels.PerJaar:
		return "per jaar"
	case p == regels.PerMaand && en:
		return "a month"
	case p == regels.PerMaand:
		return "per maand"
	case p == regels.PerKwartaal && en:
		return "a quarter"
	case p == regels.PerKwartaal:
		return "per kwartaal"
	case en:
		return "once"
	}
	return "eenmalig"
}

func printResultaat(w io.Writer, res *regels.Resultaat, g tenant.Gemeente, en bool) {
	fmt.Fprintf(w, "%s (%s) — peildatum %s\n", g.Naam, g.Code, res.Peildatum)
	if en {
		fmt.Fprintf(w, "Household: %s", res.Leefvorm)
	} else {
		fmt.Fprintf(w, "Huishouden: %s", res.Leefvorm)
	}
	if res.Norm != "" {
		fmt.Fprintf(w, " — bijstandsnorm: %s", res.Norm)
	}
	fmt.Fprintln(w)
	for _, u := range res.Regelingen {
		fmt.Fprintf(w, "\n%s %s — %s", teken(u.Oordeel), u.Naam, u.Oordeel)
		switch {
		case u.Oordeel == regels.GeenRecht:
		case u.Lening != nil:
			if u.Lening.AflossingPerMaand != nil {
				fmt.Fprintf(w, " — lening, aflossing %s per maand", u.Lening.AflossingPerMaand.Kort())
			} else {
				fmt.Fprintf(w, " — lening, aflossing %s van het inkomen", u.Lening.AflossingPercentage)
			}
		case u.Bedrag != nil:
			fmt.Fprintf(w, " — %s %s", u.Bedrag.Kort(), periodeTekst(u.Periode, en))
		default:
			fmt.Fprint(w, " — bedrag: vraag de gemeente")
		}
		fmt.Fprintln(w)
		printCriteria(w, u.Criteria)
		if u.Oordeel != regels.GeenRecht {
			fmt.Fprintf(w, "    bedrag: %s\n", u.BedragUitleg)
			if !u.BedragBron.Leeg() {
				fmt.Fprintf(w, "      bron: %s\n", u.BedragBron)
			}
		}
		if len(u.Vragen) > 0 {
			vs := make([]string, len(u.Vragen))
			for i, v := range u.Vragen {
				vs[i] = string(v)
			}
			fmt.Fprintf(w, "    nog nodig: %s\n", strings.Join(vs, ", "))
		}
		if u.Ambtshalve {
			fmt.Fprintln(w, "    de gemeente kan dit ambtshalve toekennen (zonder aanvraag)")
		}
		fmt.Fprintf(w, "    grondslag: %s\n", u.Grondslag)
	}
	t, n := res.TotaalPerJaar()
	fmt.Fprintf(w, "\nWaarschijnlijk totaal per jaar: %s", t.Kort())
	if n > 0 {
		fmt.Fprintf(w, " (plus %d %s met recht waarvan het bedrag niet bekend is)", n, map[bool]string{true: "regeling", false: "regelingen"}[n == 1])
	}
	fmt.Fprintln(w)
	if o := aantalOnzeker(res); o > 0 {
		fmt.Fprintf(w, "Nog onzeker: %d %s; die tellen niet mee in het totaal. Weet u het niet zeker? %s\n", o, map[bool]string{true: "regeling", false: "regelingen"}[o == 1], contactTekst(g, en))
	}
	b := res.Ontvangstbewijs
	fmt.Fprintf(w, "Ontvangstbewijs: %s, %s (sha256 %s), peildatum %s\n", b.EngineVersie, b.Pakket, b.PakketHash[:16], b.Peildatum)
}

// contactTekst is the gemeente's own text for residents who are not sure, in English when asked and
// given, with its website.
func contactTekst(g tenant.Gemeente, en bool) string {
	t := g.Contact.Tekst
	if en && g.Contact.TekstEN != "" {
		t = g.Contact.TekstEN
	}
	if g.Contact.Website != "" {
		t = strings.TrimSpace(t + " " + g.Contact.Website)
	}
	return t
}
