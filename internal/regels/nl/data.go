package nl

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/zeker-platform/zeker/internal/geld"
)

//go:embed data/parameters.yaml
var parametersYAML []byte

// ErrBuitenPeriode is returned (wrapped, naming the date) when a date falls outside every period the
// data holds for a value. Zeker never falls back to the nearest period.
var ErrBuitenPeriode = errors.New("datum valt buiten de periodes van de landelijke parameters")

// ErrOnbekend is returned (wrapped) when the period is covered but the source gives no value for the
// asked combination, for example a value the reference marks as NOT FOUND.
var ErrOnbekend = errors.New("waarde staat niet in de landelijke parameters")

// Bron is the one type for a source in Zeker's rules (package regels calls it regels.Bron): a passage
// of a policy document, a written-out source, a national parameter, or national data. A description
// (with the source's own wording, type and confidence) and, where the source has one, an address.
type Bron struct {
	Tekst string `json:"tekst"`
	URL   string `json:"url,omitempty"`
	// Kort is a short Dutch name of the source for residents' pages, where the data gives one; Tekst
	// keeps the whole provenance as the reference states it.
	Kort    string `json:"kort,omitempty"`
	Sectie  string `json:"sectie,omitempty"`  // the section of a document (a rule pack's source)
	Citaat  string `json:"citaat,omitempty"`  // the quoted passage
	Bestand string `json:"bestand,omitempty"` // the seed document in shared/seeds, for a pack's source
	NL      string `json:"nl,omitempty"`      // national parameter id, if the source is national data
}

// String is a one-line citation for a trace.
func (b Bron) String() string {
	var parts []string
	if b.Tekst != "" {
		parts = append(parts, b.Tekst)
	}
	if b.Sectie != "" {
		parts = append(parts, b.Sectie)
	}
	s := strings.Join(parts, ", ")
	if b.URL != "" {
		s += " (" + b.URL + ")"
	}
	if s == "" && b.NL != "" {
		s = "landelijke parameter " + b.NL
	}
	return s
}

// Leeg reports whether no source is given.
func (b Bron) Leeg() bool { return b.Tekst == "" && b.URL == "" && b.NL == "" && b.Sectie == "" }

// Parameters holds the national parameters of the embedded data file. It is immutable after Load and
// safe for concurrent use.
type Parameters struct {
	reeksen      map[string][]waarde // per id, sorted by geldig_vanaf, not overlapping
	normPerioden []normPeriode       // sorted by vanaf
	landelijk    *landelijkeData     // tax and toeslagen (landelijk.go)
	bvv          map[string][]waarde // data/beslagvrijevoet.yaml (beslagvrijevoet.go)
}

// periode is an inclusive range of days; a zero tot means no end is known.
type periode struct {
	vanaf, tot time.Time
}

func (p periode) bevat(d time.Time) bool {
	return !d.Before(p.vanaf) && (p.tot.IsZero() || !d.After(p.tot))
}

func (p periode) String() string {
	if p.tot.IsZero() {
		return p.vanaf.Format(time.DateOnly) + " en later"
	}
	return p.vanaf.Format(time.DateOnly) + " t/m " + p.tot.Format(time.DateOnly)
}

// waarde is one dated value of an id.
type waarde struct {
	periode
	tekst          string
	bedrag         geld.Bedrag // soortBedrag
	getal          int         // soortGetal
	jaren, maanden int         // soortLeeftijd
	bron           Bron
	noot           string
	ongeverifieerd bool
}

type soort int

const (
	soortBedrag soort = iota + 1
	soortGetal
	soortLeeftijd
)

// Ids of the non-norm values.
const (
	idVTPercentage        = "pw.vakantietoeslag.percentage"
	idKDNVast             = "pw.kostendelersnorm.vast_procent"
	idKDNPerKostendeler   = "pw.kostendelersnorm.procent_per_kostendeler"
	idKostendelerLeeftijd = "pw.kostendelende_medebewoner.minimumleeftijd"
	idAOWLeeftijd         = "aow.leeftijd"
	idWMLUur              = "wml.uurloon_21plus"
	idWMLMaand            = "wml.referentiemaandloon"
	idVermogensgrens      = "pw.vermogensgrens."                                 // + Leefvorm.Code()
	idKwijtNormpremie     = "kwijtschelding.normpremie_zvw_in_bijstandsnorm_"    // + alleenstaande | echtgenoten
	idKwijtExtra          = "kwijtschelding.vermogen.extra_financiele_middelen_" // + alleenstaande | alleenstaande_ouder | echtgenoten
)

// soortVan tells which ids the data file may hold and how their value is written. Unknown ids are an
// error, so a typo in the data file cannot silently drop a value.
func soortVan(id string) (soort, bool) {
	switch id {
	case idVTPercentage, idKDNVast, idKDNPerKostendeler, idKostendelerLeeftijd:
		return soortGetal, true
	case idAOWLeeftijd:
		return soortLeeftijd, true
	case idWMLUur, idWMLMaand,
		idVermogensgrens + "alleenstaande", idVermogensgrens + "alleenstaande_ouder", idVermogensgrens + "gehuwden",
		idKwijtNormpremie + "alleenstaande", idKwijtNormpremie + "echtgenoten",
		idKwijtExtra + "alleenstaande", idKwijtExtra + "alleenstaande_ouder", idKwijtExtra + "echtgenoten":
		return soortBedrag, true
	}
	if rest, ok := strings.CutPrefix(id, "pw.norm."); ok {
		base, deel, ok := strings.Cut(rest, ".")
		if !ok {
			return 0, false
		}
		if _, ok := normSoortVan(base); !ok {
			return 0, false
		}
		switch deel {
		case "incl_vt", "vakantietoeslag", "excl_vt":
			return soortBedrag, true
		}
	}
	return 0, false
}

type rawBestand struct {
	Versie  int                `yaml:"versie"`
	Bronnen map[string]rawBron `yaml:"bronnen"`
	Waarden []rawWaarde        `yaml:"waarden"`
}

type rawBron struct {
	Tekst string `yaml:"tekst"`
	URL   string `yaml:"url"`
	Kort  string `yaml:"kort"`
}

type rawWaarde struct {
	ID             string `yaml:"id"`
	Waarde         string `yaml:"waarde"`
	GeldigVanaf    string `yaml:"geldig_vanaf"`
	GeldigTot      string `yaml:"geldig_tot"`
	Bron           string `yaml:"bron"`
	Noot           string `yaml:"noot"`
	Ongeverifieerd bool   `yaml:"ongeverifieerd"`
}

// Load parses and validates the embedded data file: known ids only, every value with an existing
// source, amounts that parse, no overlapping periods per id, norm rows whose vakantietoeslag and
// amount without vakantietoeslag agree with the norm, and complete norm periods.
func Load() (*Parameters, error) {
	p, err := parse(parametersYAML)
	if err != nil {
		return nil, fmt.Errorf("nl: data/parameters.yaml: %w", err)
	}
	if p.landelijk, err = laadLandelijk(); err != nil {
		return nil, err
	}
	if p.bvv, err = parseReeksen(beslagvrijevoetYAML, bvvSoort); err != nil {
		return nil, fmt.Errorf("nl: data/beslagvrijevoet.yaml: %w", err)
	}
	return p, nil
}

// MustLoad is Load for tests and main; it panics when the embedded data file is invalid, which a test
// in this package rules out.
func MustLoad() *Parameters {
	p, err := Load()
	if err != nil {
		panic(err)
	}
	return p
}

// maxDataBytes bounds what parse reads; the real file is about 40 kB.
const maxDataBytes = 4 << 20

// parse reads a data file. It never panics, whatever the input (see FuzzParse).
func parse(src []byte) (*Parameters, error) {
	reeksen, err := parseReeksen(src, soortVan)
	if err != nil {
		return nil, err
	}
	p := &Parameters{reeksen: reeksen}
	if err := p.controleerNormen(); err != nil {
		return nil, err
	}
	if err := p.bouwNormPerioden(); err != nil {
		return nil, err
	}
	return p, nil
}

// leesWaarde reads one value of a data file: period, source, and the value as the kind soortVan gives
// for its id.
func leesWaarde(rw rawWaarde, bronnen map[string]rawBron, soortVan func(string) (soort, bool)) (waarde, error) {
	var w waarde
	s, ok := soortVan(rw.ID)
	if !ok {
		return w, errors.New("onbekende id")
	}
	vanaf, err := leesDatum(rw.GeldigVanaf)
	if err != nil {
		return w, fmt.Errorf("geldig_vanaf: %w", err)
	}
	w.vanaf = vanaf
	if strings.TrimSpace(rw.GeldigTot) != "" {
		tot, err := leesDatum(rw.GeldigTot)
		if err != nil {
			return w, fmt.Errorf("geldig_tot: %w", err)
		}
		if tot.Before(vanaf) {
			return w, fmt.Errorf("geldig_tot %s ligt voor geldig_vanaf %s", rw.GeldigTot, rw.GeldigVanaf)
		}
		w.tot = tot
	}
	if strings.TrimSpace(rw.Bron) == "" {
		return w, errors.New("geen bron")
	}
	b, ok := bronnen[rw.Bron]
	if !ok {
		return w, fmt.Errorf("bron %q staat niet onder bronnen", rw.Bron)
	}
	w.bron = Bron{Tekst: strings.TrimSpace(b.Tekst), URL: strings.TrimSpace(b.URL), Kort: strings.TrimSpace(b.Kort)}
	w.tekst, w.noot, w.ongeverifieerd = strings.TrimSpace(rw.Waarde), rw.Noot, rw.Ongeverifieerd
	if w.tekst == "" {
		return w, errors.New("geen waarde")
	}
	switch s {
	case soortBedrag:
		b, err := geld.Parse(w.tekst)
		if err != nil {
			return w, fmt.Errorf("bedrag: %w", err)
		}
		if b < 0 {
			return w, fmt.Errorf("bedrag %s is negatief", w.tekst)
		}
		w.bedrag = b
	case soortGetal:
		n, err := strconv.Atoi(w.tekst)
		if err != nil || n < 0 || n > 1000 {
			return w, fmt.Errorf("%q is geen geheel getal van 0 tot en met 1000", w.tekst)
		}
		w.getal = n
	case soortLeeftijd:
		j, m, err := leesLeeftijd(w.tekst)
		if err != nil {
			return w, err
		}
		w.jaren, w.maanden = j, m
	}
	return w, nil
}

// ordenReeksen sorts the values of each id by start date and refuses periods that overlap.
func ordenReeksen(reeksen map[string][]waarde) error {
	ids := make([]string, 0, len(reeksen))
	for id := range reeksen {
		ids = append(ids, id)
	}
	sort.Strings(ids) // deterministic error messages
	for _, id := range ids {
		r := reeksen[id]
		sort.SliceStable(r, func(i, j int) bool { return r[i].vanaf.Before(r[j].vanaf) })
		for i := 1; i < len(r); i++ {
			if r[i-1].tot.IsZero() || !r[i-1].tot.Before(r[i].vanaf) {
				return fmt.Errorf("%s: periodes overlappen: %s en %s", id, r[i-1].periode, r[i].periode)
			}
		}
	}
	return nil
}

// leesDatum reads a civil date "2006-01-02".
func leesDatum(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is geen datum (jjjj-mm-dd)", s)
	}
	return t, nil
}

// leesLeeftijd reads "67 jaar" or "67 jaar en 3 maanden" (also "1 maand").
func leesLeeftijd(s string) (jaren, maanden int, err error) {
	fout := fmt.Errorf("leeftijd %q: schrijf bijvoorbeeld \"67 jaar\" of \"67 jaar en 3 maanden\"", s)
	velden := strings.Fields(s)
	if len(velden) != 2 && len(velden) != 5 {
		return 0, 0, fout
	}
	j, err := strconv.Atoi(velden[0])
	if err != nil || velden[1] != "jaar" || j < 0 || j > 150 {
		return 0, 0, fout
	}
	if len(velden) == 5 {
		m, err := strconv.Atoi(velden[3])
		if err != nil || velden[2] != "en" || (velden[4] != "maanden" && velden[4] != "maand") || m < 0 || m > 11 {
			return 0, 0, fout
		}
		return j, m, nil
	}
	return j, 0, nil
}

// zoek returns the value of id that applies on day d.
func (p *Parameters) zoek(id string, d time.Time) (waarde, error) { return zoekIn(p.reeksen, id, d) }

// zoekIn returns the value of id in reeksen that applies on day d.
func zoekIn(reeksen map[string][]waarde, id string, d time.Time) (waarde, error) {
	r := reeksen[id]
	if len(r) == 0 {
		return waarde{}, fmt.Errorf("%w: %s", ErrOnbekend, id)
	}
	for i := range r {
		if r[i].bevat(d) {
			return r[i], nil
		}
	}
	return waarde{}, fmt.Errorf("%w: %s: %s (bekend: %s)", ErrBuitenPeriode, id, d.Format(time.DateOnly), bekendePeriodes(r))
}

func bekendePeriodes(r []waarde) string {
	if len(r) == 0 {
		return "geen"
	}
	first, last := r[0].periode, r[len(r)-1].periode
	if len(r) == 1 {
		return first.String()
	}
	return periode{vanaf: first.vanaf, tot: last.tot}.String()
}

// dag reduces a moment to its civil date (in the moment's own location), so that the time of day and
// the time zone of the caller's value do not move a boundary.
func dag(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// parseReeksen reads a data file of dated values in the format of data/parameters.yaml (versie,
// bronnen, waarden) whose ids soortVan accepts, with the same checks: known fields and ids only,
// every value with an existing source, no overlapping periods. It never panics.
func parseReeksen(src []byte, soortVan func(string) (soort, bool)) (map[string][]waarde, error) {
	if len(src) > maxDataBytes {
		return nil, fmt.Errorf("bestand is groter dan %d bytes", maxDataBytes)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var raw rawBestand
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("yaml: %w", err)
	}
	if raw.Versie != 1 {
		return nil, fmt.Errorf("versie %d wordt niet ondersteund (verwacht 1)", raw.Versie)
	}
	for k, b := range raw.Bronnen {
		if strings.TrimSpace(b.Tekst) == "" {
			return nil, fmt.Errorf("bron %q heeft geen tekst", k)
		}
	}
	reeksen := make(map[string][]waarde)
	for i, rw := range raw.Waarden {
		w, err := leesWaarde(rw, raw.Bronnen, soortVan)
		if err != nil {
			if rw.ID == "" {
				return nil, fmt.Errorf("waarde %d: %w", i+1, err)
			}
			return nil, fmt.Errorf("%s (waarde %d): %w", rw.ID, i+1, err)
		}
		reeksen[rw.ID] = append(reeksen[rw.ID], w)
	}
	if err := ordenReeksen(reeksen); err != nil {
		return nil, err
	}
	return reeksen, nil
}
