package checkweb

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

// The steps of the check. The first three are always asked, in this order (nothing can be decided
// without them); the others only when the engine says an answer there can change an outcome, the one
// whose questions are open in the most outcomes first (volgendeStappen).
const (
	stapHuishouden = "huishouden"
	stapLeeftijd   = "leeftijd"
	stapInkomen    = "inkomen"
	stapVermogen   = "vermogen"
	stapWonen      = "wonen"
	stapOntvangt   = "ontvangt"
	stapSituatie   = "situatie"
	stapZorgpremie = "zorgpremie"
)

// The order of stappen breaks ties between optional steps that settle as many outcomes: vermogen before
// wonen, because assets above the huurtoeslag limit settle the huurtoeslag and then wonen is not asked.
// The premium comes after wonen: it can settle kwijtschelding only once the rent is known.
var stappen = [aantalStappen]string{stapHuishouden, stapLeeftijd, stapInkomen, stapVermogen, stapWonen, stapZorgpremie, stapOntvangt, stapSituatie}

const aantalStappen = 8

func vasteStap(s string) bool { return s == stapHuishouden || s == stapLeeftijd || s == stapInkomen }

// stapVragen maps the engine's questions to the step that asks them. The engine's "gemeente" question
// is one only the gemeente can answer; no step asks it. VraagWonen comes from the national huurtoeslag
// (Resultaat.Landelijk), not from the rule packs.
var stapVragen = map[string][]regels.Vraag{
	stapLeeftijd:   {regels.VraagGeboortedatumAanvrager, regels.VraagGeboortedatumPartner, regels.VraagGeboortedatumKinderen, regels.VraagGeboortedatumMedebewoners},
	stapInkomen:    {regels.VraagInkomenAanvrager, regels.VraagInkomenPartner},
	stapVermogen:   {regels.VraagVermogen},
	stapWonen:      {regels.VraagWonen},
	stapOntvangt:   {regels.VraagOntvangt, regels.VraagOntvangtSinds, regels.VraagLaagInkomenSinds},
	stapSituatie:   {regels.VraagStudent, regels.VraagSchuldsanering},
	stapZorgpremie: {regels.VraagZorgpremie},
}

// Limits of the form; beyond them an answer is a typing error, not a household.
const (
	maxKinderen     = huishouden.MaxKinderen
	maxMedebewoners = 10
	maxInkomenRegel = 2
)

// Antwoorden is everything the resident answered, carried in the encrypted token. Field names are short
// to keep the resume code short.
type Antwoorden struct {
	Versie       int      `json:"v"`
	Gemaakt      int64    `json:"c"` // unix seconds; a code expires after Config.CodeGeldig
	Gemeente     string   `json:"g"`
	Ander        bool     `json:"i,omitempty"` // filled in by an intermediary for a client
	Huidig       string   `json:"h"`           // the step on screen; "" = the result
	Pad          []string `json:"p,omitempty"` // steps shown before Huidig, for the back button
	Klaar        []string `json:"k,omitempty"` // steps answered
	Partner      bool     `json:"pa,omitempty"`
	Kinderen     int      `json:"ki,omitempty"`
	Medebewoners int      `json:"mb,omitempty"`
	GebAanvrager string   `json:"ga,omitempty"` // yyyy-mm-dd
	GebPartner   string   `json:"gp,omitempty"`
	LeeftijdKind []int    `json:"lk,omitempty"`
	InkAanvrager Ink      `json:"ia"`
	InkPartner   Ink      `json:"ip"`
	Vermogen     *int64   `json:"ve,omitempty"` // cents; nil = "ik weet het niet"
	Ontvangt     []string `json:"on,omitempty"`
	LaagJaren    *int     `json:"lj,omitempty"` // years of low income; nil = "ik weet het niet"
	Student      *bool    `json:"st,omitempty"`
	Schuld       *bool    `json:"ss,omitempty"` // nil = "ik weet het niet"
	Wonen        string   `json:"wo,omitempty"` // huur, koop, inwonend or weet_niet (check_wonen.go)
	Huur         *int64   `json:"hu,omitempty"` // kale huur per month in cents; nil = "ik weet het niet" or not renting
	Bruto        bool     `json:"br,omitempty"` // the income amounts are gross per month (check_bruto.go)
	Zorgpremie   *int64   `json:"zp,omitempty"` // health premium per month in cents; nil = "ik weet het niet" or not asked (check_zorgpremie.go)
	// Gevraagd marks the questions of the ontvangt and situatie steps that were on screen when the
	// step was answered (a step shows only its questions that matter): a result then never calls a
	// fact unknown whose question was not asked.
	Gevraagd uint8 `json:"gv,omitempty"`
}

// The bits of Antwoorden.Gevraagd.
const (
	gvOntvangt uint8 = 1 << iota
	gvLaag
	gvStudent
	gvSchuld
)

// Ink is one person's income as answered.
type Ink struct {
	Onbekend bool       `json:"o,omitempty"`
	Regels   []InkRegel `json:"r,omitempty"`
}

// InkRegel is one source of income per month in cents: net, or gross when Antwoorden.Bruto.
type InkRegel struct {
	Soort string `json:"s"`
	Cent  int64  `json:"b"`
}

const antwoordenVersie = 1

func (a *Antwoorden) beantwoord(stap string) bool { return slices.Contains(a.Klaar, stap) }

func (a *Antwoorden) markeer(stap string) {
	if !a.beantwoord(stap) {
		a.Klaar = append(a.Klaar, stap)
	}
}

// stapVan is the step that asks question v, or "" (the gemeente's question).
func stapVan(v regels.Vraag) string {
	for st, vs := range stapVragen {
		if slices.Contains(vs, v) {
			return st
		}
	}
	return ""
}

// Which answers count when the engine evaluates: all answered steps (the result page), or only the
// steps shown before the current one (choosing the next step: a step answered earlier and left by
// "Vorige" is asked again when it still matters).
const (
	alleAntwoorden = false
	totHier        = true
)

func (a *Antwoorden) telt(stap string, alleenPad bool) bool {
	if !a.beantwoord(stap) {
		return false
	}
	return !alleenPad || slices.Contains(a.Pad, stap)
}

// huishouden builds the engine's household from the answers. Steps not (yet) answered, and with
// alleenPad steps not on the path before the current one, stay unknown.
func (s *server) huishouden(a *Antwoorden, peil time.Time, alleenPad bool) *huishouden.Huishouden {
	telt := func(stap string) bool { return a.telt(stap, alleenPad) }
	netto := func(ink Ink, geb string) Ink {
		n, _ := s.nettoInkomen(a, ink, geb, peil)
		return n
	}
	h := &huishouden.Huishouden{Gemeente: a.Gemeente}
	aanvrager := huishouden.Persoon{Rol: huishouden.Aanvrager}
	if telt(stapLeeftijd) {
		if d, err := datum.Parse(a.GebAanvrager); err == nil {
			aanvrager.Geboortedatum = &d
		}
	}
	inkomen(&aanvrager, netto(a.InkAanvrager, a.GebAanvrager), telt(stapInkomen))
	var schuld *bool
	if telt(stapSituatie) {
		aanvrager.Student = a.Student
		schuld = a.Schuld
		aanvrager.Schuldsanering = schuld
	}
	h.Personen = append(h.Personen, aanvrager)
	if a.Partner {
		p := huishouden.Persoon{Rol: huishouden.Partner, Schuldsanering: schuld}
		if telt(stapLeeftijd) {
			if d, err := datum.Parse(a.GebPartner); err == nil {
				p.Geboortedatum = &d
			}
		}
		inkomen(&p, netto(a.InkPartner, a.GebPartner), telt(stapInkomen))
		h.Personen = append(h.Personen, p)
	}
	for i := range a.Kinderen {
		k := huishouden.Persoon{Rol: huishouden.Kind}
		if telt(stapLeeftijd) && i < len(a.LeeftijdKind) {
			// The form asks a child's age in years; half a year past the birthday is the middle.
			d := datum.Van(truncDag(peil).AddDate(-a.LeeftijdKind[i], -6, 0), nil)
			k.Geboortedatum = &d
		}
		h.Personen = append(h.Personen, k)
	}
	for range a.Medebewoners {
		// The question asks for adults of 21 or older; the day after the 21st birthday is the
		// youngest such adult.
		d := datum.Van(truncDag(peil).AddDate(-21, 0, -1), nil)
		h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Medebewoner, Geboortedatum: &d})
	}
	if telt(stapVermogen) && a.Vermogen != nil {
		v := geld.Bedrag(*a.Vermogen)
		h.Vermogen = &v
	}
	if telt(stapWonen) {
		h.Wonen = a.wonen()
	}
	if telt(stapZorgpremie) && a.Zorgpremie != nil {
		z := geld.Bedrag(*a.Zorgpremie)
		h.ZorgpremiePerMaand = &z
	}
	if telt(stapOntvangt) {
		h.Ontvangt = []huishouden.Ontvangst{}
		var sinds *datum.Datum
		if a.LaagJaren != nil {
			d := datum.Van(truncDag(peil).AddDate(-*a.LaagJaren, 0, 0), nil)
			sinds = &d
			h.LaagInkomenSinds = &d
		}
		for _, o := range a.Ontvangt {
			ont := huishouden.Ontvangst{Regeling: o}
			if o == "bijstand" {
				ont.Sinds = sinds
			}
			h.Ontvangt = append(h.Ontvangt, ont)
		}
	}
	return h
}

func inkomen(p *huishouden.Persoon, ink Ink, bekend bool) {
	if !bekend || ink.Onbekend {
		p.InkomenOnbekend = true
		return
	}
	for _, r := range ink.Regels {
		p.Inkomens = append(p.Inkomens, huishouden.Inkomen{Soort: huishouden.InkomenSoort(r.Soort), BedragPerMaand: geld.Bedrag(r.Cent)})
	}
}

func truncDag(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// evalueer runs the engine on the answers (see huishouden for alleenPad).
func (s *server) evalueer(a *Antwoorden, alleenPad bool, l *web.Taal) (*regels.Resultaat, error) {
	peil := truncDag(s.nu())
	h := s.huishouden(a, peil, alleenPad)
	if err := h.Valideer(peil); err != nil {
		return nil, err
	}
	return s.cat.EvalueerMet(h, peil, regels.Weergave{Taal: l.Code, Intermediair: a.Ander, Teksten: s.teksten})
}

// openStappen lists the steps still to ask after the steps on the path (a.Pad), the current one
// excluded: the fixed steps not yet shown, then every optional step whose questions are open in an
// outcome (of the gemeente's or the national regelingen), the step open in the most outcomes first.
// When the engine cannot evaluate, every step not yet shown is asked (the safe side).
func (s *server) openStappen(a *Antwoorden, l *web.Taal) []string {
	res, err := s.evalueer(a, totHier, l)
	var open []string
	tel := map[string]int{}
	for _, st := range stappen {
		if st == a.Huidig || slices.Contains(a.Pad, st) {
			continue
		}
		if vasteStap(st) || err != nil {
			open = append(open, st)
			continue
		}
		if n := openIn(res, stapVragen[st]); n > 0 {
			tel[st] = n
			open = append(open, st)
		}
	}
	// The fixed steps come first in stappen; only the optional ones after them are ordered.
	i := 0
	for i < len(open) && vasteStap(open[i]) {
		i++
	}
	slices.SortStableFunc(open[i:], func(x, y string) int { return tel[y] - tel[x] })
	return open
}

// openIn counts the onzeker outcomes of res, gemeente's and national, that one of vs would settle.
func openIn(res *regels.Resultaat, vs []regels.Vraag) int {
	n := 0
	for _, us := range [2][]regels.Uitkomst{res.Regelingen, res.Landelijk} {
		for i := range us {
			if us[i].Oordeel == regels.Onzeker && vraagtIets(us[i].Vragen, vs) {
				n++
			}
		}
	}
	return n
}

func vraagtIets(open []regels.Vraag, stap []regels.Vraag) bool {
	for _, v := range open {
		if slices.Contains(stap, v) {
			return true
		}
	}
	return false
}

// aangeboden returns the gemeenten residents are offered: active in the tenant register and with a
// rule pack, by name.
func (s *server) aangeboden(ctx context.Context) ([]tenant.Gemeente, error) {
	gs, err := s.gemeenten.Actief(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]tenant.Gemeente, 0, len(gs))
	for _, g := range gs {
		if s.metPakket[g.Code] {
			out = append(out, g)
		}
	}
	return out, nil
}

// gemeente returns an offered gemeente by code (the tenant: name, contact, theme); false when it is
// unknown, inactive, has no pack, or the register cannot be read (logged).
func (s *server) gemeente(ctx context.Context, code string) (tenant.Gemeente, bool) {
	if !s.metPakket[code] {
		return tenant.Gemeente{}, false
	}
	g, err := s.gemeenten.Gemeente(ctx, code)
	if err != nil {
		if !errors.Is(err, errs.NotFound) {
			s.kit.Log().ErrorContext(ctx, "check: gemeente lezen", "gemeente", code, "fout", err)
		}
		return tenant.Gemeente{}, false
	}
	return g, g.Actief
}
