package signalen

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/zeker-platform/zeker/internal/datum"
)

// Groepeerder places incoming signals into vroegsignaalzaken: one zaak per household per matching
// period. It holds the state it needs (the period's zaken, recent signals per address and per
// household+partner) in maps, so a batch of 50,000 signals is placed in memory after one load of the
// recent history; the store loads that history with Ken* and saves what Plaats changed.
type Groepeerder struct {
	inst Instellingen
	// zaken per household and period start; holds open and automatically closed zaken.
	zaken map[string]*Zaak
	// adres holds receipt dates of earlier signals per address (for "opeenvolgend").
	adres map[string][]adresSignaal
	// partner holds the last receipt date of a taken-in signal per household and partner (for
	// "herhaalde melding").
	partner map[string]datum.Datum
	// bekend holds households that had a vroegsignaalzaak before.
	bekend map[string]bool
	// inwoners holds the residents (Ontvangen.InwonerSleutel) of each zaak, to bound a grouping at
	// Instellingen.MaxInwonersPerAdres; perID finds a loaded zaak by id for the history.
	inwoners map[*Zaak]map[string]bool
	perID    map[int64]*Zaak
}

type adresSignaal struct {
	ontvangen datum.Datum
	zaak      *Zaak // nil for history loaded without its zaak
}

// NieuweGroepeerder returns a Groepeerder with settings inst.
func NieuweGroepeerder(inst Instellingen) *Groepeerder {
	if !inst.Periode.Geldig() {
		inst.Periode = PeriodeMaand
	}
	if inst.MaxInwonersPerAdres <= 0 {
		inst.MaxInwonersPerAdres = StandaardMaxInwonersPerAdres
	}
	return &Groepeerder{inst: inst, zaken: map[string]*Zaak{}, adres: map[string][]adresSignaal{}, partner: map[string]datum.Datum{},
		bekend: map[string]bool{}, inwoners: map[*Zaak]map[string]bool{}, perID: map[int64]*Zaak{}}
}

// HistorieVanaf returns the earliest receipt date the Groepeerder needs history from when placing
// signals received on or after d.
func (g *Groepeerder) HistorieVanaf(d datum.Datum) datum.Datum {
	vanaf := d.PlusMaanden(-OpeenvolgendMaanden)
	if h := d.PlusDagen(-g.inst.HerhaalDagen); h.Voor(vanaf) {
		vanaf = h
	}
	if s, _ := g.inst.Periode.Vak(d); s.Voor(vanaf) {
		vanaf = s
	}
	return vanaf
}

// KenZaak registers an existing zaak (open, or closed by rule) so that new signals of its household
// in its period join it. Zaken closed by a person are not registered: a new signal then starts a new zaak.
func (g *Groepeerder) KenZaak(z *Zaak) {
	if z.Status == ZaakGesloten && !z.AutomatischGesloten {
		return
	}
	g.zaken[zaakSleutel(z.Huishoudsleutel, z.PeriodeStart)] = z
	g.bekend[z.Huishoudsleutel] = true
	if z.ID != 0 {
		g.perID[z.ID] = z
	}
}

// KenHuishouden marks a household that had a vroegsignaalzaak before (at any time), so its new zaak
// shows as already known.
func (g *Groepeerder) KenHuishouden(huishoudsleutel string) { g.bekend[huishoudsleutel] = true }

// KenSignaal registers an earlier signal (from the store) for the opeenvolgend and repeat rules, and,
// when its zaak (o.ZaakID) was registered with KenZaak, its resident for the bound on residents.
func (g *Groepeerder) KenSignaal(o *Ontvangen) {
	if z := g.perID[o.ZaakID]; z != nil && o.ZaakID != 0 {
		g.woontIn(z, o.InwonerSleutel())
	}
	if k := o.Koppeling.Adressleutel; k != "" {
		g.adres[k] = append(g.adres[k], adresSignaal{ontvangen: o.Ontvangen})
	}
	if o.Actief() {
		pk := o.Koppeling.Huishoudsleutel + "|" + o.Partner
		if d, ok := g.partner[pk]; !ok || d.Voor(o.Ontvangen) {
			g.partner[pk] = o.Ontvangen
		}
	}
}

func zaakSleutel(huishouden string, start datum.Datum) string {
	return huishouden + "|" + start.String()
}

func (g *Groepeerder) woontIn(z *Zaak, inwoner string) {
	m := g.inwoners[z]
	if m == nil {
		m = map[string]bool{}
		g.inwoners[z] = m
	}
	m[inwoner] = true
}

// PerInwonerSleutel is the household key of the zaak of one resident whose signals were not merged into
// the zaak of household huishouden because that zaak reached the maximum number of residents. It is a
// hash, so that no BSN or name ends up in a key (keys appear in logs).
func PerInwonerSleutel(huishouden, inwoner string) string {
	h := sha256.Sum256([]byte(huishouden + "\x00" + inwoner))
	return "r:" + hex.EncodeToString(h[:12])
}

// RedenTeVeelInwoners is the reason, in plain Dutch and without personal data, why a zaak is marked
// for review when its address had signals about more residents than max.
func RedenTeVeelInwoners(max int) string {
	return "Op dit adres kwamen in deze periode signalen binnen over meer dan " + strconv.Itoa(max) +
		" verschillende inwoners. Dat is meer dan de gemeente voor één adres heeft ingesteld (maximum aantal inwoners op één adres). " +
		"Zeker heeft deze signalen daarom niet samengevoegd tot één zaak: de eerste " + strconv.Itoa(max) +
		" inwoners staan in de zaak van het adres, elke andere inwoner heeft een eigen zaak. " +
		"Controleer of het adres klopt. Is het bijvoorbeeld een instelling of een studentenhuis, of heeft de signaalpartner een verkeerd adres gebruikt?"
}

// KortRedenTeVeelInwoners is the reason in a few words, for the worklist.
const KortRedenTeVeelInwoners = "Meer inwoners op één adres dan het maximum"

// Plaats decides the status of a matched signal and the zaak it joins, creating or reopening a zaak
// when needed. It sets o.Status and returns the zaak (nieuw when created now). The caller stores the
// signal with that zaak.
//
// Rules, in order:
//   - a crisis signal is always taken in (never closed by threshold or repeat);
//   - amount below the drempelbedrag, or arrears days outside [MinDagen, MaxDagen]: "Niet opgepakt:
//     onterecht signaal";
//   - the same partner signalled the same household within HerhaalDagen: "Niet opgepakt: herhaalde
//     melding";
//   - otherwise "Nog niet opgepakt".
//
// A zaak whose signals are all closed by rule is closed automatically with that reason; an active
// signal reopens it. The zaak is opeenvolgend when its address had a signal in the 6 months before the
// zaak's first signal.
//
// A zaak holds the signals of at most Instellingen.MaxInwonersPerAdres residents. A signal about one
// more resident does not join it: the zaak is marked for review (Beoordelen, with the reason), and the
// signal goes to a zaak of its own resident (household key PerInwonerSleutel, also marked for review),
// which that resident's later signals in the period join; o.Koppeling.Huishoudsleutel becomes that key,
// so the repeat rule counts per resident there.
func (g *Groepeerder) Plaats(o *Ontvangen) (z *Zaak, nieuw bool) {
	hk := o.Koppeling.Huishoudsleutel
	start, einde := g.inst.Periode.Vak(o.Ontvangen)
	sleutel := zaakSleutel(hk, start)
	z = g.zaken[sleutel]
	inwoner := o.InwonerSleutel()
	beoordelen := false
	if z != nil && !g.inwoners[z][inwoner] && len(g.inwoners[z]) >= g.inst.MaxInwonersPerAdres {
		g.markeer(z)
		hk = PerInwonerSleutel(hk, inwoner)
		o.Koppeling.Huishoudsleutel = hk
		sleutel = zaakSleutel(hk, start)
		z, beoordelen = g.zaken[sleutel], true
	}
	o.Status = g.status(o)
	if z == nil {
		nieuw = true
		m := o.Koppeling.Match
		z = &Zaak{
			Gemeente:             o.Gemeente,
			Huishoudsleutel:      hk,
			Adressleutel:         o.Koppeling.Adressleutel,
			HuishoudenID:         m.HuishoudenID,
			Wijk:                 m.Wijk,
			Woonplaats:           m.Adres.Woonplaats,
			Geboortedatum:        m.Geboortedatum,
			MinderjarigeKinderen: m.MinderjarigeKinderen,
			Bekend:               m.Bekend || g.bekend[hk],
			PeriodeStart:         start,
			PeriodeEinde:         einde,
			Matchingsdatum:       o.Ontvangen,
			EersteOntvangst:      o.Ontvangen,
			Status:               ZaakOpen,
		}
		if z.Woonplaats == "" {
			z.Woonplaats = o.Inwoner.Adres.Woonplaats
		}
		if z.Geboortedatum.IsZero() {
			z.Geboortedatum = o.Inwoner.Geboortedatum
		}
		z.Opeenvolgend = g.eerderOpAdres(o.Koppeling.Adressleutel, o.Ontvangen, z)
		g.zaken[sleutel] = z
		g.bekend[hk] = true
		if beoordelen {
			g.markeer(z)
		}
	}
	g.woontIn(z, inwoner)
	if o.Ontvangen.Voor(z.EersteOntvangst) {
		z.EersteOntvangst = o.Ontvangen
	}
	z.AantalTotaal++
	z.PartnerBits |= o.PartnerType.Bit()
	if o.Actief() {
		z.Aantal++
		z.Bedrag += o.Bedrag
		if o.Crisis {
			dl := o.CrisisDeadline()
			if !z.Crisis || dl.Voor(z.CrisisDeadline) {
				z.CrisisDeadline = dl
			}
			z.Crisis = true
		}
		if z.AutomatischGesloten {
			z.Status, z.Resultaat, z.Afgesloten, z.AutomatischGesloten = ZaakOpen, "", datum.Datum{}, false
		}
		if !z.DatumOpgepakt.IsZero() {
			// The household is already being helped in this period: the new signal is picked up too.
			o.Status = StatusOpgepakt
		}
	} else if nieuw {
		z.Status, z.Resultaat, z.Afgesloten, z.AutomatischGesloten = ZaakGesloten, Eindresultaat(o.Status), o.Ontvangen, true
	}

	if k := o.Koppeling.Adressleutel; k != "" {
		g.adres[k] = append(g.adres[k], adresSignaal{ontvangen: o.Ontvangen, zaak: z})
	}
	if o.Actief() {
		g.partner[hk+"|"+o.Partner] = o.Ontvangen
	}
	return z, nieuw
}

func (g *Groepeerder) markeer(z *Zaak) {
	if !z.Beoordelen {
		z.Beoordelen, z.Beoordeling = true, RedenTeVeelInwoners(g.inst.MaxInwonersPerAdres)
	}
}

func (g *Groepeerder) status(o *Ontvangen) Signaalstatus {
	if o.Crisis {
		return StatusNogNietOpgepakt
	}
	if o.Bedrag < g.inst.Drempelbedrag {
		return StatusNietOpgepaktOnterecht
	}
	dagen := o.Ontstaansdatum.DagenTot(o.Signaaldatum)
	if (g.inst.MinDagen > 0 && dagen < g.inst.MinDagen) || (g.inst.MaxDagen > 0 && dagen > g.inst.MaxDagen) {
		return StatusNietOpgepaktOnterecht
	}
	if g.inst.HerhaalDagen > 0 {
		if d, ok := g.partner[o.Koppeling.Huishoudsleutel+"|"+o.Partner]; ok {
			if n := d.DagenTot(o.Ontvangen); n >= 0 && n <= g.inst.HerhaalDagen {
				return StatusNietOpgepaktHerhaald
			}
		}
	}
	return StatusNogNietOpgepakt
}

func (g *Groepeerder) eerderOpAdres(adres string, ontvangen datum.Datum, z *Zaak) bool {
	if adres == "" {
		return false
	}
	vanaf := ontvangen.PlusMaanden(-OpeenvolgendMaanden)
	for _, a := range g.adres[adres] {
		if a.zaak == z {
			continue
		}
		if !a.ontvangen.Voor(vanaf) && a.ontvangen.Voor(ontvangen) {
			return true
		}
	}
	return false
}
