package nl

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/zeker-platform/zeker/internal/geld"
)

//go:embed data/huurtoeslag.yaml
var huurtoeslagYAML []byte

// Ids of the huurtoeslag values (the ids of shared/reference/nl-parameters.yaml, section 4b_huurtoeslag).
const (
	idHTMaximaleHuurgrens        = "huurtoeslag.maximale_huurgrens" // 2025: a condition
	idHTMaximaleHuurgrens23      = "huurtoeslag.maximale_huurgrens_jonger_dan_23"
	idHTRekengrens               = "huurtoeslag.rekengrens_max_huur" // 2026: only a cap in the calculation
	idHTRekengrensJongeren       = "huurtoeslag.rekengrens_jongeren_18_20"
	idHTKwaliteitskorting        = "huurtoeslag.kwaliteitskortingsgrens"
	idHTAftopping12              = "huurtoeslag.aftoppingsgrens_1_2_personen"
	idHTAftopping3               = "huurtoeslag.aftoppingsgrens_3plus_personen"
	idHTBasishuurEen             = "huurtoeslag.basishuur_eenpersoons"
	idHTBasishuurMeer            = "huurtoeslag.basishuur_meerpersoons"
	idHTIjkpuntEen               = "huurtoeslag.afbouw_inkomensijkpunt_eenpersoons"
	idHTIjkpuntMeer              = "huurtoeslag.afbouw_inkomensijkpunt_meerpersoons"
	idHTAfbouwPctEen             = "huurtoeslag.afbouw_pct_eenpersoons"
	idHTAfbouwPctMeer            = "huurtoeslag.afbouw_pct_meerpersoons"
	idHTVrijstellingKind         = "huurtoeslag.vrijstelling_inkomen_kind_onder_23"
	idHTVermogenAlleenstaande    = "huurtoeslag.vermogensgrens_alleenstaande" // the 2025 name
	idHTVermogenPerPersoon       = "huurtoeslag.vermogensgrens_per_persoon"   // the 2026 name
	idHTVermogenPartners         = "huurtoeslag.vermogensgrens_partners"
	huurtoeslagBestand           = "data/huurtoeslag.yaml"
	maxHuurtoeslagPercentage     = 100
	huurtoeslagVersieOndersteund = 1
)

func huurtoeslagSoort(id string) (soort, bool) {
	switch id {
	case idHTAfbouwPctEen, idHTAfbouwPctMeer:
		return soortGetal, true
	case idHTMaximaleHuurgrens, idHTMaximaleHuurgrens23, idHTRekengrens, idHTRekengrensJongeren,
		idHTKwaliteitskorting, idHTAftopping12, idHTAftopping3, idHTBasishuurEen, idHTBasishuurMeer,
		idHTIjkpuntEen, idHTIjkpuntMeer, idHTVrijstellingKind, idHTVermogenAlleenstaande,
		idHTVermogenPerPersoon, idHTVermogenPartners:
		return soortBedrag, true
	}
	return 0, false
}

// Huurtoeslag holds the national huurtoeslag parameters of the embedded data file. It is immutable
// after loading and safe for concurrent use.
type Huurtoeslag struct {
	reeksen map[string][]waarde
}

// laadHuurtoeslag parses the embedded file once; the data cannot change while the program runs.
var laadHuurtoeslag = sync.OnceValues(func() (*Huurtoeslag, error) {
	h, err := parseHuurtoeslag(huurtoeslagYAML)
	if err != nil {
		return nil, fmt.Errorf("nl: %s: %w", huurtoeslagBestand, err)
	}
	return h, nil
})

// LaadHuurtoeslag returns the huurtoeslag parameters of the embedded data file, parsed and checked on
// the first call: known ids only, every value with an existing source, amounts that parse, no
// overlapping periods per id.
func LaadHuurtoeslag() (*Huurtoeslag, error) { return laadHuurtoeslag() }

// parseHuurtoeslag reads a huurtoeslag data file. It never panics, whatever the input.
func parseHuurtoeslag(src []byte) (*Huurtoeslag, error) {
	if len(src) > maxDataBytes {
		return nil, fmt.Errorf("bestand is groter dan %d bytes", maxDataBytes)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var raw rawBestand
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("yaml: %w", err)
	}
	if raw.Versie != huurtoeslagVersieOndersteund {
		return nil, fmt.Errorf("versie %d wordt niet ondersteund (verwacht 1)", raw.Versie)
	}
	for k, b := range raw.Bronnen {
		if strings.TrimSpace(b.Tekst) == "" {
			return nil, fmt.Errorf("bron %q heeft geen tekst", k)
		}
	}
	h := &Huurtoeslag{reeksen: map[string][]waarde{}}
	for i, rw := range raw.Waarden {
		w, err := leesHuurtoeslagWaarde(rw, raw.Bronnen)
		if err != nil {
			return nil, fmt.Errorf("%s (waarde %d): %w", rw.ID, i+1, err)
		}
		h.reeksen[rw.ID] = append(h.reeksen[rw.ID], w)
	}
	if err := ordenReeksen(h.reeksen); err != nil {
		return nil, err
	}
	return h, nil
}

// leesHuurtoeslagWaarde reads one huurtoeslag value as leesWaarde does, with two rules of its own:
// every value has an end date (they change each 1 January; an open end would carry an old amount into
// a new year), and a number is a percentage.
func leesHuurtoeslagWaarde(rw rawWaarde, bronnen map[string]rawBron) (waarde, error) {
	if strings.TrimSpace(rw.GeldigTot) == "" {
		return waarde{}, errors.New("geldig_tot ontbreekt: elke huurtoeslagwaarde loopt tot een einddatum")
	}
	w, err := leesWaarde(rw, bronnen, huurtoeslagSoort)
	if err != nil {
		return w, err
	}
	if w.getal > maxHuurtoeslagPercentage {
		return w, fmt.Errorf("%q is geen percentage van 0 tot en met 100", w.tekst)
	}
	return w, nil
}

// zoek returns the value of id on day d.
func (h *Huurtoeslag) zoek(id string, d time.Time) (waarde, error) { return zoekIn(h.reeksen, id, d) }

// HTWaarde is one huurtoeslag amount with its source. Ongeverifieerd: the reference gives it with
// confidence low.
type HTWaarde struct {
	ID             string // the id in the data file and the reference
	Bedrag         geld.Bedrag
	Bron           Bron
	Ongeverifieerd bool
}

// HuurtoeslagGrenzen are the values the huurtoeslag indication uses for one household on one day.
type HuurtoeslagGrenzen struct {
	// Vermogensgrens is the asset limit for the aanvrager alone, or for aanvrager and partner together.
	Vermogensgrens HTWaarde
	// Basishuur is the rent below which there is no huurtoeslag (the part the household pays itself).
	// BasishuurBekend is false when the reference gives none for the day (2025).
	Basishuur       HTWaarde
	BasishuurBekend bool
	// MaximaleHuurgrens is set (MaximaleHuurgrensBekend) where the reference names a maximum rent as a
	// condition, "with exceptions" (2025). From 2026 it is no condition.
	MaximaleHuurgrens       HTWaarde
	MaximaleHuurgrensBekend bool
}

func htWaarde(id string, w waarde) HTWaarde {
	return HTWaarde{ID: id, Bedrag: w.bedrag, Bron: w.bron, Ongeverifieerd: w.ongeverifieerd}
}

// Grenzen returns the huurtoeslag limits on datum for a household of personen persons, with or without
// a partner. A date outside the data gives an error wrapping ErrBuitenPeriode; the asset limit is
// known for every day the data covers, the other values only where the reference gives them.
func (h *Huurtoeslag) Grenzen(personen int, partner bool, datum time.Time) (HuurtoeslagGrenzen, error) {
	var g HuurtoeslagGrenzen
	if personen < 1 {
		return g, fmt.Errorf("huurtoeslag: %d personen", personen)
	}
	d := dag(datum)
	var ids []string
	if partner {
		ids = []string{idHTVermogenPartners}
	} else {
		ids = []string{idHTVermogenPerPersoon, idHTVermogenAlleenstaande}
	}
	var fout error
	for _, id := range ids {
		w, err := h.zoek(id, d)
		if err == nil {
			g.Vermogensgrens, fout = htWaarde(id, w), nil
			break
		}
		if fout == nil || errors.Is(err, ErrBuitenPeriode) {
			fout = err
		}
	}
	if fout != nil {
		return g, fmt.Errorf("huurtoeslag vermogensgrens: %w", fout)
	}
	bid := idHTBasishuurMeer
	if personen == 1 {
		bid = idHTBasishuurEen
	}
	if w, err := h.zoek(bid, d); err == nil {
		g.Basishuur, g.BasishuurBekend = htWaarde(bid, w), true
	}
	if w, err := h.zoek(idHTMaximaleHuurgrens, d); err == nil {
		g.MaximaleHuurgrens, g.MaximaleHuurgrensBekend = htWaarde(idHTMaximaleHuurgrens, w), true
	}
	return g, nil
}
