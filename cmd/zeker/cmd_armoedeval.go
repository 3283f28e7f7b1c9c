package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/regelpakketten"
)

const armoedevalUsage = `--gemeente GM0175 [--type alleenstaande] [--huur 650] [--datum 2026-01-01] [--uurloon 14.71] [--json | --csv] [--variant …] [--huishoudens N --aandeel 5% --aandeel-bron "…"]

De armoedeval: wat een huishouden overhoudt als het meer verdient. Per stap van € 10 bruto loon per
maand (zonder vakantiegeld), van 0 tot 200% van het minimumloon voor 36 uur, het besteedbaar inkomen
per maand met elk deel: netto loon (na de aanslag), bijstand tot de norm, de toeslagen van het Rijk en
de regelingen van de gemeente met een bekend bedrag. Daarbij de marginale druk (welk deel van de
volgende € 100 bruto verloren gaat) en de kliffen: waar een regeling stopt, wat u daar verliest en
hoeveel uur extra werk per week het kost om dat terug te verdienen.

Huishoudtypen (--type): alleenstaande, alleenstaande_ouder_1, alleenstaande_ouder_2, paar, paar_2,
aow_alleenstaande, aow_paar. Zonder --huur telt de huurtoeslag niet mee (dat staat erbij).

Wat als (--variant, mag vaker), telkens de curve voor en na:
  glijdend:<regeling>=20%         een glijdende schaal over 20% van de bijstandsnorm in plaats van een harde grens
  bijverdienpremie:<bedrag>=130%  een premie per maand voor wie werkt, tot 130% van de norm
  zachte_landing:<regeling>=6     de regeling blijft 6 maanden na het overschrijden van de grens
De kosten van een zachte landing of bijverdienpremie hangen af van hoeveel huishoudens per jaar over de
grens gaan: geef --huishoudens, --aandeel en --aandeel-bron; zonder die drie zijn de kosten onbekend.

--json geeft de hele curve (sleutels in kleine letters met _; bedragen als tekst "1234.56", marginale
druk in honderdsten van een procent), --csv één regel per punt.`

type variantFlag []monitor.Variant

func (v *variantFlag) String() string { return fmt.Sprint(*v) }
func (v *variantFlag) Set(s string) error {
	x, err := monitor.ParseVariant(s)
	if err != nil {
		return err
	}
	*v = append(*v, x)
	return nil
}

// bedragFlag is a money flag read with the one money rule (geld.Parse).
type bedragFlag struct {
	b   geld.Bedrag
	set bool
}

func (f *bedragFlag) String() string {
	if !f.set {
		return ""
	}
	return f.b.Decimal()
}
func (f *bedragFlag) Set(s string) error {
	b, err := geld.Parse(s)
	if err != nil {
		return fmt.Errorf("%q: %s", s, geld.Reden(err))
	}
	if b < 0 {
		return fmt.Errorf("%q: een bedrag van 0 of meer", s)
	}
	f.b, f.set = b, true
	return nil
}

func runArmoedeval(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("armoedeval", armoedevalUsage, e)
	gemeente := fs.String("gemeente", "", "gemeentecode (GM + 4 cijfers)")
	typ := fs.String("type", "alleenstaande", "huishoudtype (zie boven)")
	var huur, uurloon bedragFlag
	fs.Var(&huur, "huur", "kale huur per maand (zonder: de huurtoeslag telt niet mee)")
	fs.Var(&uurloon, "uurloon", "minimumuurloon (standaard: het wettelijke op de peildatum)")
	datumStr := fs.String("datum", "", "peildatum jjjj-mm-dd (standaard: vandaag)")
	stap := fs.Int("stap", 10, "stap in hele euro's bruto per maand")
	tot := fs.Int("tot", 200, "tot dit percentage van het minimumloon voor 36 uur")
	alsJSON := fs.Bool("json", false, "uitvoer als JSON")
	alsCSV := fs.Bool("csv", false, "uitvoer als CSV, één regel per punt")
	var varianten variantFlag
	fs.Var(&varianten, "variant", "wat als (mag vaker; zie boven)")
	huishoudens := fs.Int("huishoudens", 0, "aantal huishoudens in de doelgroep (voor de kosten)")
	aandeelStr := fs.String("aandeel", "", "deel van die huishoudens dat per jaar over de grens gaat, bv. 5%")
	aandeelBron := fs.String("aandeel-bron", "", "de bron van dat aandeel")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *gemeente == "" || fs.NArg() != 0 {
		fs.Usage()
		return usagef("geef --gemeente (en geen losse argumenten)")
	}
	if *alsJSON && *alsCSV {
		return usagef("kies --json of --csv, niet beide")
	}
	if *stap < 1 || *stap > 1000 || *tot < 1 || *tot > 400 {
		return usagef("--stap moet 1 tot 1000 euro zijn en --tot 1 tot 400 procent")
	}
	ht, ok := monitor.StandaardType(*typ)
	if !ok {
		var ids []string
		for _, t := range monitor.StandaardTypen() {
			ids = append(ids, t.ID)
		}
		return usagef("--type %q: kies uit %s", *typ, strings.Join(ids, ", "))
	}
	if huur.set {
		h := huur.b
		ht.Huur = &h
	}
	var invoer monitor.KostenInvoer
	invoer.Huishoudens, invoer.Bron = *huishoudens, *aandeelBron
	if *aandeelStr != "" {
		p, err := geld.ParsePercentage(*aandeelStr)
		if err != nil || p <= 0 || p > geld.Procent(100) {
			return usagef("--aandeel %q: een percentage van 0 tot 100", *aandeelStr)
		}
		invoer.Aandeel = p
	}
	datum, err := parseDatum(*datumStr)
	if err != nil {
		return err
	}
	cat, err := laadCatalogus(regelpakketten.FS)
	if err != nil {
		return err
	}
	pk, err := cat.Pakket(*gemeente, datum)
	if err != nil {
		return err
	}
	c, err := monitor.Armoedeval(pk, cat.Params(), monitor.ArmoedevalOpties{Type: ht, Datum: datum, Stap: geld.Euro(int64(*stap)), MaxPct: *tot, Uurloon: uurloon.b})
	if err != nil {
		if uurloon.set {
			return err
		}
		return fmt.Errorf("%w (geef --uurloon, of kies een --datum met een bekend minimumloon)", err)
	}
	type variantUit struct {
		Variant monitor.Variant `json:"variant"`
		Curve   *monitor.Curve  `json:"curve"`
		Kosten  monitor.Kosten  `json:"kosten"`
	}
	var vs []variantUit
	for _, v := range varianten {
		n, err := c.Pas(v)
		if err != nil {
			return err
		}
		vs = append(vs, variantUit{Variant: v, Curve: n, Kosten: monitor.KostenVan(c, v, invoer)})
	}
	switch {
	case *alsJSON:
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Curve     *monitor.Curve `json:"curve"`
			Varianten []variantUit   `json:"varianten"`
		}{c, vs})
	case *alsCSV:
		if err := schrijfArmoedevalCSV(e.stdout, c, ""); err != nil {
			return err
		}
		for i, v := range vs {
			if err := schrijfArmoedevalCSV(e.stdout, v.Curve, fmt.Sprintf("variant %d: %s", i+1, varianten[i].Soort)); err != nil {
				return err
			}
		}
		return nil
	}
	printArmoedeval(e.stdout, c)
	for i, v := range vs {
		fmt.Fprintf(e.stdout, "\nWat als %d: %s\n", i+1, variantTekst(v.Variant))
		vergelijk(e.stdout, c, v.Curve)
		if v.Kosten.Bedrag != nil {
			fmt.Fprintf(e.stdout, "  kosten per jaar: %s (%s)\n", v.Kosten.Bedrag.Kort(), v.Kosten.Reden)
		} else {
			fmt.Fprintf(e.stdout, "  kosten per jaar: %s\n", v.Kosten.Reden)
		}
	}
	return nil
}

func variantTekst(v monitor.Variant) string {
	switch v.Soort {
	case "glijdend":
		return fmt.Sprintf("glijdende schaal voor %s over %s van de bijstandsnorm", v.Regeling, v.Band)
	case "bijverdienpremie":
		return fmt.Sprintf("bijverdienpremie van %s per maand tot %s van de bijstandsnorm", v.Bedrag.Kort(), v.Tot)
	}
	return fmt.Sprintf("zachte landing: %s blijft %d maanden", v.Regeling, v.Maanden)
}

// kernpunten are the points the text output shows: every 20% of the minimum wage and the cliffs.
func kernpunten(c *monitor.Curve) []int {
	var out []int
	for i, p := range c.Punten {
		pct := p.Bruto.AlsPercentageVan(c.Minimumloon36)
		vorig := geld.Percentage(-1)
		if i > 0 {
			vorig = c.Punten[i-1].Bruto.AlsPercentageVan(c.Minimumloon36)
		}
		if i == 0 || i == len(c.Punten)-1 || pct/2000 != vorig/2000 {
			out = append(out, i)
		}
	}
	return out
}

func printArmoedeval(w io.Writer, c *monitor.Curve) {
	fmt.Fprintf(w, "Armoedeval — %s, %s, peildatum %s\n", c.Type.Naam, c.Gemeente, c.Peildatum)
	fmt.Fprintf(w, "Minimumloon voor 36 uur: %s per maand (uurloon %s); bijstandsnorm %s per maand\n", c.Minimumloon36, c.Uurloon, c.Norm)
	if c.Type.Huur != nil {
		fmt.Fprintf(w, "Kale huur: %s per maand\n", c.Type.Huur)
	}
	fmt.Fprintf(w, "\n%12s %10s %10s %10s %12s %9s\n", "bruto/mnd", "netto", "bijstand", "regelingen", "besteedbaar", "marg.druk")
	for _, i := range kernpunten(c) {
		p := c.Punten[i]
		var r geld.Bedrag
		for _, b := range p.Regelingen {
			r += b
		}
		druk := "-"
		if p.MarginaalBekend {
			druk = p.Marginaal.String()
		}
		fmt.Fprintf(w, "%12s %10s %10s %10s %12s %9s\n", p.Bruto.Kort(), p.NettoLoon.Kort(), p.Bijstand.Kort(), r.Kort(), p.Besteedbaar.Kort(), druk)
	}
	fmt.Fprintln(w, "\nPer regeling (bij bruto 0 en bij 100% van het minimumloon, per maand):")
	honderd := 0
	for i, p := range c.Punten {
		if p.Bruto <= c.Minimumloon36 {
			honderd = i
		}
	}
	for ri, r := range c.Regelingen {
		a, b := c.Punten[0].Regelingen[ri], c.Punten[honderd].Regelingen[ri]
		if a == 0 && b == 0 {
			continue
		}
		fmt.Fprintf(w, "  %-40s %10s %10s\n", r.Naam, a.Kort(), b.Kort())
	}
	if len(c.Kliffen) == 0 {
		fmt.Fprintln(w, "\nKliffen: geen regeling met een bekend bedrag stopt in één stap.")
	} else {
		fmt.Fprintln(w, "\nKliffen:")
	}
	for _, k := range c.Kliffen {
		fmt.Fprintf(w, "  bij %s bruto per maand stopt %s: %s per maand minder", k.Bruto.Kort(), k.Naam, k.Verlies.Kort())
		if k.UrenPerWeek != nil {
			fmt.Fprintf(w, "; terugverdienen kost %s bruto per maand meer, %s uur per week extra bij %s per uur\n", k.TerugBruto.Kort(), strconv.FormatFloat(*k.UrenPerWeek, 'f', 1, 64), c.Uurloon)
		} else {
			fmt.Fprintln(w, "; binnen de curve niet terug te verdienen")
		}
	}
	if len(c.NietMeegeteld) > 0 {
		fmt.Fprintf(w, "\nNiet meegeteld (onzeker of bedrag onbekend, niet als € 0): %s\n", strings.Join(c.NietMeegeteld, ", "))
	}
	fmt.Fprintf(w, "Ontvangstbewijs: %s, %s, peildatum %s\n", c.Bewijs.EngineVersie, c.Bewijs.Pakket, c.Bewijs.Peildatum)
}

func vergelijk(w io.Writer, voor, na *monitor.Curve) {
	fmt.Fprintf(w, "%12s %14s %14s %10s\n", "bruto/mnd", "besteedbaar", "na wat als", "verschil")
	for _, i := range kernpunten(voor) {
		a, b := voor.Punten[i].Besteedbaar, na.Punten[i].Besteedbaar
		fmt.Fprintf(w, "%12s %14s %14s %10s\n", voor.Punten[i].Bruto.Kort(), a.Kort(), b.Kort(), (b - a).Kort())
	}
	fmt.Fprintf(w, "  kliffen voor: %d, na: %d\n", len(voor.Kliffen), len(na.Kliffen))
}

func schrijfArmoedevalCSV(w io.Writer, c *monitor.Curve, kop string) error {
	cw := csv.NewWriter(w)
	if kop != "" {
		if err := cw.Write([]string{"# " + kop}); err != nil {
			return err
		}
	}
	if err := monitor.SchrijfCSV(cw, c); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
