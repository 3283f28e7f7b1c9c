package signalen

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
	partner map[string]Datum
	// bekend holds households that had a vroegsignaalzaak before.
	bekend map[string]bool
}

type adresSignaal struct {
	ontvangen Datum
	zaak      *Zaak // nil for history loaded without its zaak
}

// NieuweGroepeerder returns a Groepeerder with settings inst.
func NieuweGroepeerder(inst Instellingen) *Groepeerder {
	if !inst.Periode.Geldig() {
		inst.Periode = PeriodeMaand
	}
	return &Groepeerder{inst: inst, zaken: map[string]*Zaak{}, adres: map[string][]adresSignaal{}, partner: map[string]Datum{}, bekend: map[string]bool{}}
}

// HistorieVanaf returns the earliest receipt date the Groepeerder needs history from when placing
// signals received on or after d.
func (g *Groepeerder) HistorieVanaf(d Datum) Datum {
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
}

// KenHuishouden marks a household that had a vroegsignaalzaak before (at any time), so its new zaak
// shows as already known.
func (g *Groepeerder) KenHuishouden(huishoudsleutel string) { g.bekend[huishoudsleutel] = true }

// KenSignaal registers an earlier signal (from the store) for the opeenvolgend and repeat rules.
func (g *Groepeerder) KenSignaal(o *Ontvangen) {
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

func zaakSleutel(huishouden string, start Datum) string { return huishouden + "|" + start.String() }

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
func (g *Groepeerder) Plaats(o *Ontvangen) (z *Zaak, nieuw bool) {
	o.Status = g.status(o)
	hk := o.Koppeling.Huishoudsleutel
	start, einde := g.inst.Periode.Vak(o.Ontvangen)
	sleutel := zaakSleutel(hk, start)
	z = g.zaken[sleutel]
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
	}
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
			z.Status, z.Resultaat, z.Afgesloten, z.AutomatischGesloten = ZaakOpen, "", Datum{}, false
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

func (g *Groepeerder) eerderOpAdres(adres string, ontvangen Datum, z *Zaak) bool {
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
