package regels

import (
	"strconv"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// Wording a trace: the sentences of a criterion (Zin values, see teksten.go) written out in one
// language and voice from a loaded catalogue (teksten_laden.go), numbers, amounts, percentages and
// leefvormen in that language's format.

// woorder words the sentences of one trace in one language and voice.
type woorder struct {
	tl    *taal
	stem  int // 0 resident, 1 intermediary
	en    bool
	arena []Zin       // the sentences of one trace; criteria hold slices of it
	paren [][2]string // the text values of its sentences (paar)
	bouw  tekstBuffer
	// bedragen holds the amounts the outcomes point to (Uitkomst.Bedrag): in vast for a few
	// regelingen, so that a trace needs no allocation per amount.
	bedragen []geld.Bedrag
	vast     [8]geld.Bedrag
	// eerste is the first array of bouw, in the woorder itself: one allocation for both (a woorder
	// is made per trace or per text, and always wrote into a buffer of this size).
	eerste [woordenBuffer]byte
}

func (w Weergave) woorder() *woorder {
	t := w.teksten()
	wd := &woorder{tl: t.taal(w.Taal), en: w.en()}
	if w.Intermediair {
		wd.stem = 1
	}
	wd.bedragen = wd.vast[:0]
	wd.bouw.b = wd.eerste[:]
	return wd
}

// bedrag returns a pointer to a copy of b that lives as long as the trace.
func (wd *woorder) bedrag(b geld.Bedrag) *geld.Bedrag {
	if len(wd.bedragen) == cap(wd.bedragen) {
		p := new(geld.Bedrag) // not &b: that would put b on the heap on every call
		*p = b
		return p
	}
	wd.bedragen = append(wd.bedragen, b)
	return &wd.bedragen[len(wd.bedragen)-1]
}

// zin records a sentence of the trace being built.
func (wd *woorder) zin(s Sleutel, ws ...Waarde) {
	z, t, ok := zinVan(s, ws)
	if ok {
		p := wd.paar()
		*p = t
		z.tekst = p
	}
	wd.arena = append(wd.arena, z)
}

// paar returns room for the text values of a sentence of the trace: a few to an allocation, never
// moved (a full block is left to the sentences that point into it).
func (wd *woorder) paar() *[2]string {
	if len(wd.paren) == cap(wd.paren) {
		wd.paren = make([][2]string, 0, 8)
	}
	wd.paren = wd.paren[:len(wd.paren)+1]
	return &wd.paren[len(wd.paren)-1]
}

// neem returns the sentences recorded since start; later ones do not change them.
func (wd *woorder) neem(start int) []Zin {
	return wd.arena[start:len(wd.arena):len(wd.arena)]
}

// tekst words one sentence.
func (wd *woorder) tekst(s Sleutel, ws ...Waarde) string {
	z := maakZin(s, ws...)
	return wd.zinnen([]Zin{z})
}

// The texts of one trace share buffers: each text is written after the previous one into the same
// tekstBuffer and returned as its own part (it only appends, so an earlier part never changes).
// When the room left is too small for the next text, a new buffer starts; the old one lives on in
// the texts that point into it. One allocation per chunk instead of one per criterion.
const woordenBuffer = 2048

// begin makes room for about n more bytes and returns where the next text starts.
func (wd *woorder) begin(n int) int {
	if len(wd.bouw.b)-wd.bouw.n < n {
		wd.bouw.nieuw(max(n, woordenBuffer))
	}
	return wd.bouw.n
}

// klaar returns the text written since start.
func (wd *woorder) klaar(start int) string { return wd.bouw.tekst(start) }

// leefvorm words a leefvorm.
func (wd *woorder) leefvorm(l nl.Leefvorm) string {
	start := wd.begin(32)
	wd.schrijfLeefvorm(l)
	return wd.klaar(start)
}

// zinnen words sentences, joined by a space.
func (wd *woorder) zinnen(zs []Zin) string {
	start := wd.begin(wd.lengte(zs))
	wd.schrijf(zs)
	return wd.klaar(start)
}

func (wd *woorder) lengte(zs []Zin) int {
	n := 0
	for i := range zs {
		n += wd.tl.zinnen[zs[i].Sleutel][wd.stem].lengte + 1 + 16*int(zs[i].n)
		a, b := zs[i].teksten()
		n += len(a) + len(b)
	}
	return n
}

// criterium words a criterion: its sentences, with the sub-criteria of een_van after the first.
func (wd *woorder) criterium(c *Criterium) string {
	n := wd.lengte(c.Zinnen)
	for i := range c.Sub {
		n += wd.lengte(c.Sub[i].Zinnen) + 8
	}
	start := wd.begin(n)
	wd.schrijfCriterium(c)
	return wd.klaar(start)
}

func (wd *woorder) schrijfCriterium(c *Criterium) {
	zs := c.Zinnen
	if len(c.Sub) > 0 && len(zs) > 0 {
		wd.schrijf(zs[:1])
		for i := range c.Sub {
			if i == 0 {
				wd.bouw.schrijfByte(' ')
			} else {
				wd.bouw.schrijf(" — ")
			}
			wd.bouw.schrijf(triTeken(c.Sub[i].Oordeel))
			wd.bouw.schrijfByte(' ')
			wd.schrijfCriterium(&c.Sub[i])
		}
		zs = zs[1:]
		if len(zs) > 0 {
			wd.bouw.schrijfByte(' ')
		}
	}
	wd.schrijf(zs)
}

func (wd *woorder) schrijf(zs []Zin) {
	for i := range zs {
		if i > 0 {
			wd.bouw.schrijfByte(' ')
		}
		wd.schrijfZin(&zs[i])
	}
}

func (wd *woorder) schrijfZin(z *Zin) {
	switch z.Sleutel {
	case sPakket:
		// The pack's own sentence: a pack is written in Dutch with English beside it.
		nlTekst, en := z.teksten()
		if wd.en && en != "" {
			wd.bouw.schrijf(en)
		} else {
			wd.bouw.schrijf(nlTekst)
		}
		return
	case sBedragReden:
		t, en := z.teksten()
		if wd.en {
			t = en
		}
		if t == "" {
			wd.schrijfSjabloon(&wd.tl.zinnen[sBedragOnbekend][wd.stem], nil)
		}
		wd.bouw.schrijf(t)
		return
	}
	wd.schrijfSjabloon(&wd.tl.zinnen[z.Sleutel][wd.stem], z)
}

func (wd *woorder) schrijfSjabloon(sj *sjabloon, z *Zin) {
	for i := range sj.delen {
		d := &sj.delen[i]
		if d.plek < 0 {
			wd.bouw.schrijf(d.tekst)
			continue
		}
		if z == nil {
			continue // a key without placeholders; LaadTeksten made sure
		}
		var v Waarde
		if int(d.plek) < int(z.n) {
			v = z.waarde(int(d.plek))
		}
		if d.meervoud {
			if v.Getal == 1 {
				wd.bouw.schrijf(d.een)
			} else {
				wd.bouw.schrijf(d.meer)
			}
			continue
		}
		wd.schrijfWaarde(sleutels[z.Sleutel].plekken[d.plek].soort, v)
	}
}

func (wd *woorder) schrijfWaarde(s soortWaarde, v Waarde) {
	switch s {
	case wGetal:
		wd.bouw.gebruikt(strconv.AppendInt(wd.bouw.staart(24), v.Getal, 10))
	case wBedrag:
		wd.bouw.gebruikt(geld.Bedrag(v.Getal).AppendOpgemaakt(wd.bouw.staart(40), wd.tl.opmaak))
	case wProcent:
		wd.schrijfProcent(geld.Percentage(v.Getal))
	case wLeefvorm:
		wd.schrijfLeefvorm(nl.Leefvorm(v.Getal))
	case wLeefvormen:
		eerste := true
		for l := nl.Alleenstaande; l <= nl.Gehuwden; l++ {
			if v.Getal&(1<<l) == 0 {
				continue
			}
			if !eerste {
				wd.bouw.schrijfByte(' ')
				wd.schrijfSjabloon(&wd.tl.zinnen[sLijstOf][wd.stem], nil)
				wd.bouw.schrijfByte(' ')
			}
			eerste = false
			wd.schrijfLeefvorm(l)
		}
	case wRegeling:
		switch v.Tekst {
		case "bijstand":
			wd.schrijfSjabloon(&wd.tl.zinnen[sRegelingBijstand][wd.stem], nil)
		case "aow":
			wd.schrijfSjabloon(&wd.tl.zinnen[sRegelingAOW][wd.stem], nil)
		default:
			// A regeling of the pack itself has no name in the catalogue: its id, readable.
			for i := 0; i < len(v.Tekst); i++ {
				if c := v.Tekst[i]; c == '_' {
					wd.bouw.schrijfByte(' ')
				} else {
					wd.bouw.schrijfByte(c)
				}
			}
		}
	}
}

// schrijfProcent writes "130%" or "12,5%" with the language's decimal separator.
func (wd *woorder) schrijfProcent(p geld.Percentage) {
	v := int64(p)
	if v < 0 {
		wd.bouw.schrijfByte('-')
		v = -v
	}
	wd.bouw.gebruikt(strconv.AppendInt(wd.bouw.staart(24), v/100, 10))
	if c := v % 100; c != 0 {
		wd.bouw.schrijfByte(wd.tl.opmaak.Decimaal)
		wd.bouw.schrijfByte(byte('0' + c/10))
		if c%10 != 0 {
			wd.bouw.schrijfByte(byte('0' + c%10))
		}
	}
	wd.bouw.schrijfByte('%')
}

func (wd *woorder) schrijfLeefvorm(l nl.Leefvorm) {
	switch l {
	case nl.Alleenstaande:
		wd.schrijfSjabloon(&wd.tl.zinnen[sLeefvormAlleenstaande][wd.stem], nil)
	case nl.AlleenstaandeOuder:
		wd.schrijfSjabloon(&wd.tl.zinnen[sLeefvormAlleenstaandeOuder][wd.stem], nil)
	case nl.Gehuwden:
		wd.schrijfSjabloon(&wd.tl.zinnen[sLeefvormGehuwden][wd.stem], nil)
	default:
		wd.bouw.schrijf(l.String())
	}
}

// Zinnen words sentences of a trace in the language and voice of w, joined by a space.
func (t *Teksten) Zinnen(zs []Zin, w Weergave) string {
	w.Teksten = t
	return w.woorder().zinnen(zs)
}

// Criterium words a criterion of a trace in the language and voice of w: what Verklaar puts in
// Criterium.Tekst.
func (t *Teksten) Criterium(c *Criterium, w Weergave) string {
	w.Teksten = t
	return w.woorder().criterium(c)
}

// Woorder words sentences and criteria of traces in one language and voice, as Teksten.Zinnen and
// Teksten.Criterium do, without making a woorder per call: one per page that words many sentences.
// Not for use by two goroutines at once.
type Woorder struct{ wd *woorder }

// Woorder returns a Woorder for the language and voice of w.
func (t *Teksten) Woorder(w Weergave) *Woorder {
	w.Teksten = t
	return &Woorder{wd: w.woorder()}
}

// Zinnen is Teksten.Zinnen.
func (w *Woorder) Zinnen(zs []Zin) string { return w.wd.zinnen(zs) }

// Criterium is Teksten.Criterium.
func (w *Woorder) Criterium(c *Criterium) string { return w.wd.criterium(c) }
