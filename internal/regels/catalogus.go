package regels

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/regelpakketten"
)

// EngineVersie is written on every receipt. Raise it when evaluation semantics change.
const EngineVersie = "zeker-regels/1.0"

// Catalogus holds every compiled pack, per gemeente ordered by start date, and the national
// parameters they are evaluated with.
type Catalogus struct {
	params    *nl.Parameters
	pakketten map[string][]*Pakket
}

// Gemeente names the gemeente of a pack (its CBS code and the name in the pack). What residents see of a
// gemeente — its name, contact and theme — comes from the tenant (internal/tenant), the one source.
type Gemeente struct {
	Code string `json:"code"`
	Naam string `json:"naam"`
}

// Errors of a catalogue lookup.
var (
	ErrGeenPakket        = errors.New("geen regelpakket")
	ErrOnbekendeGemeente = errors.New("onbekende gemeente")
)

// Laad compiles every pack *.yaml found at <GM-code>/*.yaml in fsys (scenario folders are skipped).
// It rejects the set when any pack is bad or when two packs of one gemeente overlap in time.
func Laad(fsys fs.FS, params *nl.Parameters) (*Catalogus, error) {
	c := &Catalogus{params: params, pakketten: map[string][]*Pakket{}}
	teksten, err := StandaardTeksten()
	if err != nil {
		return nil, err
	}
	landelijk := compileerLandelijk(teksten)
	bestanden, err := fs.Glob(fsys, "GM*/*.yaml")
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, b := range bestanden {
		src, err := fs.ReadFile(fsys, b)
		if err != nil {
			return nil, err
		}
		p, err := Compileer(b, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if dir := path.Dir(b); dir != p.Gemeente {
			errs = append(errs, &PakketFout{Bestand: b, Regel: lineOf(nil), Reden: fmt.Sprintf("pakket van %s staat in map %s", p.Gemeente, dir)})
			continue
		}
		if want := p.GeldigVanaf.Format(time.DateOnly) + ".yaml"; path.Base(b) != want {
			errs = append(errs, &PakketFout{Bestand: b, Reden: fmt.Sprintf("de bestandsnaam moet de begindatum zijn: %s", want)})
			continue
		}
		if r := dubbeleLandelijke(p, landelijk); r != "" {
			errs = append(errs, &PakketFout{Bestand: b, Reden: fmt.Sprintf("regeling %q heeft de id van een landelijke regeling; kies een andere id", r)})
			continue
		}
		p.Regelingen = append(p.Regelingen, landelijk...)
		c.pakketten[p.Gemeente] = append(c.pakketten[p.Gemeente], p)
	}
	for g, ps := range c.pakketten {
		sort.Slice(ps, func(i, j int) bool { return ps[i].GeldigVanaf.Before(ps[j].GeldigVanaf) })
		for i := 1; i < len(ps); i++ {
			vorige := ps[i-1]
			if vorige.GeldigTot.IsZero() || !vorige.GeldigTot.Before(ps[i].GeldigVanaf) {
				// An open-ended pack ends where the next begins only if it says so; otherwise they overlap.
				if vorige.GeldigTot.IsZero() {
					errs = append(errs, &PakketFout{Bestand: vorige.Bestand, Reden: fmt.Sprintf("%s: dit pakket heeft geen geldig_tot en overlapt met %s; zet geldig_tot op de dag voor %s", g, ps[i].Bestand, ps[i].GeldigVanaf.Format(time.DateOnly))})
				} else {
					errs = append(errs, &PakketFout{Bestand: ps[i].Bestand, Reden: fmt.Sprintf("%s: de periode overlapt met %s (tot %s)", g, vorige.Bestand, vorige.GeldigTot.Format(time.DateOnly))})
				}
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(c.pakketten) == 0 {
		return nil, fmt.Errorf("%w: geen bestanden GM*/*.yaml gevonden", ErrGeenPakket)
	}
	return c, nil
}

// Params returns the national parameters the catalogue evaluates with.
func (c *Catalogus) Params() *nl.Parameters { return c.params }

// Gemeenten lists the gemeenten that have a pack, by name.
func (c *Catalogus) Gemeenten() []Gemeente {
	var out []Gemeente
	for code, ps := range c.pakketten {
		p := ps[len(ps)-1]
		out = append(out, Gemeente{Code: code, Naam: p.Naam})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Naam < out[j].Naam })
	return out
}

// Pakketten returns every pack of a gemeente, oldest first.
func (c *Catalogus) Pakketten(gemeente string) []*Pakket { return c.pakketten[gemeente] }

// Pakket returns the pack of gemeente that applies at datum.
func (c *Catalogus) Pakket(gemeente string, datum time.Time) (*Pakket, error) {
	ps, ok := c.pakketten[gemeente]
	if !ok {
		return nil, fmt.Errorf("%w %q: Zeker kent %s", ErrOnbekendeGemeente, gemeente, c.codes())
	}
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].Geldt(datum) {
			return ps[i], nil
		}
	}
	return nil, fmt.Errorf("%w voor %s op %s (pakketten vanaf %s)", ErrGeenPakket, gemeente, datum.Format(time.DateOnly), ps[0].GeldigVanaf.Format(time.DateOnly))
}

func (c *Catalogus) codes() string {
	var cs []string
	for k := range c.pakketten {
		cs = append(cs, k)
	}
	sort.Strings(cs)
	return strings.Join(cs, ", ")
}

// Ontvangstbewijs makes a result reproducible: which engine, which pack (by content hash), which
// reference date.
type Ontvangstbewijs struct {
	EngineVersie string `json:"engine_versie"`
	Gemeente     string `json:"gemeente"`
	Pakket       string `json:"pakket"`
	PakketHash   string `json:"pakket_hash"`
	Peildatum    string `json:"peildatum"`
}

// Resultaat is the explained evaluation of one household.
type Resultaat struct {
	Gemeente        Gemeente        `json:"gemeente"`
	Peildatum       string          `json:"peildatum"`
	Leefvorm        string          `json:"leefvorm"`
	Norm            string          `json:"bijstandsnorm,omitempty"`
	Regelingen      []Uitkomst      `json:"regelingen"` // the gemeente's own
	Landelijk       []Uitkomst      `json:"landelijk"`  // the national regelingen (toeslagen), evaluated with the same pack
	Vragen          []Vraag         `json:"vragen"`     // open questions, those settling most outcomes first
	Ontvangstbewijs Ontvangstbewijs `json:"ontvangstbewijs"`
	Feiten          Feiten          `json:"-"`
}

// Bewijs returns the receipt for a pack at a date.
func (p *Pakket) Bewijs(datum time.Time) Ontvangstbewijs {
	return Ontvangstbewijs{EngineVersie: EngineVersie, Gemeente: p.Gemeente, Pakket: p.Bestand, PakketHash: p.Hash, Peildatum: datum.Format(time.DateOnly)}
}

// Evalueer evaluates a validated household at datum against its gemeente's pack, with a trace in
// Dutch for the resident.
func (c *Catalogus) Evalueer(h *huishouden.Huishouden, datum time.Time) (*Resultaat, error) {
	return c.EvalueerMet(h, datum, Weergave{Taal: "nl"})
}

// EvalueerMet is Evalueer with the language and voice of the texts chosen.
func (c *Catalogus) EvalueerMet(h *huishouden.Huishouden, datum time.Time, w Weergave) (*Resultaat, error) {
	p, err := c.Pakket(h.Gemeente, datum)
	if err != nil {
		return nil, err
	}
	f, err := Afleiden(h, datum, c.params)
	if err != nil {
		return nil, err
	}
	res := &Resultaat{
		Gemeente:        Gemeente{Code: p.Gemeente, Naam: p.Naam},
		Peildatum:       datum.Format(time.DateOnly),
		Leefvorm:        w.woorder().leefvorm(f.Leefvorm),
		Ontvangstbewijs: p.Bewijs(datum),
		Feiten:          f,
	}
	alle := p.Verklaar(&f, w)
	res.Regelingen, res.Landelijk = splitsLandelijk(p, alle)
	if f.NormBekend {
		res.Norm = f.NormOmschrijving
	}
	res.Vragen = ordeVragen(res.Regelingen)
	return res, nil
}

// splitsLandelijk splits the outcomes (in the order of p.Regelingen) into the gemeente's and the
// national ones. The catalogue appends the national regelingen after the pack's own (Laad), so the two
// are slices of alle, without copying an Uitkomst; a pack in another order (built in a test) is
// copied into two lists of the right size.
func splitsLandelijk(p *Pakket, alle []Uitkomst) (eigen, landelijk []Uitkomst) {
	k := len(p.Regelingen)
	for i, r := range p.Regelingen {
		if r.Landelijk() {
			k = i
			break
		}
	}
	achteraan := true
	for _, r := range p.Regelingen[k:] {
		achteraan = achteraan && r.Landelijk()
	}
	if achteraan {
		if k == len(alle) {
			return alle, nil
		}
		if k == 0 {
			return nil, alle
		}
		return alle[:k:k], alle[k:]
	}
	n := 0
	for _, r := range p.Regelingen {
		if r.Landelijk() {
			n++
		}
	}
	eigen, landelijk = make([]Uitkomst, 0, len(alle)-n), make([]Uitkomst, 0, n)
	for i, r := range p.Regelingen {
		if r.Landelijk() {
			landelijk = append(landelijk, alle[i])
		} else {
			eigen = append(eigen, alle[i])
		}
	}
	return eigen, landelijk
}

// ordeVragen lists the open questions, the one that settles most onzeker outcomes first.
func ordeVragen(us []Uitkomst) []Vraag {
	tel := map[Vraag]int{}
	for _, u := range us {
		if u.Oordeel != Onzeker {
			continue
		}
		for _, v := range u.Vragen {
			tel[v]++
		}
	}
	out := make([]Vraag, 0, len(tel))
	for v := range tel {
		out = append(out, v)
	}
	volgorde := map[Vraag]int{}
	for i, v := range alleVragen {
		volgorde[v] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if tel[out[i]] != tel[out[j]] {
			return tel[out[i]] > tel[out[j]]
		}
		return volgorde[out[i]] < volgorde[out[j]]
	})
	return out
}

// LaadStandaard compiles the packs that ship with Zeker (package regelpakketten).
func LaadStandaard(params *nl.Parameters) (*Catalogus, error) {
	return Laad(regelpakketten.FS, params)
}

// TotaalPerJaar adds up the amounts of the regelingen the household is entitled to, per year:
// monthly amounts count twelve times, one-off amounts once, loans not at all. onbekend counts the
// entitled regelingen whose amount is unknown and therefore not in the total.
func (r *Resultaat) TotaalPerJaar() (totaal geld.Bedrag, onbekend int) {
	for _, u := range r.Regelingen {
		if u.Oordeel != Recht || u.Lening != nil {
			continue
		}
		if u.Bedrag == nil {
			onbekend++
			continue
		}
		totaal += u.Periode.Jaarbedrag(*u.Bedrag)
	}
	return totaal, onbekend
}

// TotaalPerMaand adds up, per month, what the household probably gets from the gemeente's regelingen
// and the national ones together: every entitled amount as a yearly amount (Periode.Jaarbedrag; a
// one-off counts once in the year) divided by twelve, rounded down to cents; loans not at all.
// onbekend counts the entitled regelingen whose amount is unknown.
func (r *Resultaat) TotaalPerMaand() (totaal geld.Bedrag, onbekend int) {
	var jaar geld.Bedrag
	for _, us := range [2][]Uitkomst{r.Regelingen, r.Landelijk} {
		for _, u := range us {
			if u.Oordeel != Recht || u.Lening != nil {
				continue
			}
			if u.Bedrag == nil {
				onbekend++
				continue
			}
			jaar += u.Periode.Jaarbedrag(*u.Bedrag)
		}
	}
	return jaar / 12, onbekend
}
