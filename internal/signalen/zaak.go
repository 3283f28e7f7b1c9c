package signalen

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
)

// Ontvangen is a signal as the municipality holds it: the partner's Signaal plus who sent it, when it
// arrived, how it was matched, its DDAS status and the zaak it belongs to.
type Ontvangen struct {
	Signaal
	ID       int64
	Gemeente string // gemeentecode, e.g. GM0175
	Partner  string // the partner's id (internal/partner): from its API credential or chosen at an upload
	// PartnerNaam is the partner's name as it is now, for pages (filled when read from storage).
	PartnerNaam string
	Ontvangen   datum.Datum // date of receipt by the municipality
	Status      Signaalstatus
	Koppeling   Koppeling
	ZaakID      int64
}

// InwonerSleutel identifies the resident a signal is about, for counting the residents of one zaak:
// the BSN, else the name and date of birth as the partner gave them. (Not the matched InwonerID: a
// match on the address gives the first resident registered there, not necessarily this one.)
func (o *Ontvangen) InwonerSleutel() string {
	in := &o.Inwoner
	if in.BSN != "" {
		return "bsn:" + in.BSN
	}
	naam := strings.ToLower(strings.Join(strings.Fields(in.Voorletters+" "+in.Voorvoegsel+" "+in.Achternaam), " "))
	return "naam:" + naam + "|" + in.Geboortedatum.String()
}

// Actief reports whether the signal counts for the zaak (not closed by the threshold or repeat rule).
func (o *Ontvangen) Actief() bool {
	return o.Status != StatusNietOpgepaktOnterecht && o.Status != StatusNietOpgepaktHerhaald
}

// CrisisDeadline is the last day for the first conversation: receipt + 3 working days.
func (o *Ontvangen) CrisisDeadline() datum.Datum { return PlusWerkdagen(o.Ontvangen, CrisisWerkdagen) }

// ZaakStatus is open or gesloten.
type ZaakStatus string

// Zaak states.
const (
	ZaakOpen     ZaakStatus = "open"
	ZaakGesloten ZaakStatus = "gesloten"
)

// Zaak is a vroegsignaalzaak: one household's signals in one matching period, and what the
// municipality did with them.
type Zaak struct {
	ID              int64
	Gemeente        string
	Huishoudsleutel string
	Adressleutel    string
	HuishoudenID    string
	Wijk            string
	Woonplaats      string
	Geboortedatum   datum.Datum // of the resident of the first signal, for the age filter
	// MinderjarigeKinderen in the household (from the match); raises priority.
	MinderjarigeKinderen int
	Bekend               bool // household already known (open case or earlier zaak)
	PeriodeStart         datum.Datum
	PeriodeEinde         datum.Datum
	Matchingsdatum       datum.Datum // the day the first signal was matched into this zaak
	EersteOntvangst      datum.Datum
	Aantal               int         // active signals
	AantalTotaal         int         // all signals, also those closed by rule
	Bedrag               geld.Bedrag // sum of active signals
	PartnerBits          int64       // set of partner types of all its signals (PartnerType.Bit)
	Crisis               bool
	CrisisDeadline       datum.Datum
	Opeenvolgend         bool
	Status               ZaakStatus
	// AutomatischGesloten marks a zaak closed by the threshold or repeat rule, not by a person; a
	// new active signal in the same period reopens it.
	AutomatischGesloten bool
	// Beoordelen marks a zaak whose grouping a person must check (ter beoordeling); Beoordeling is the
	// reason in plain Dutch, without personal data (the worklist shows it). See Groepeerder.Plaats.
	Beoordelen    bool
	Beoordeling   string
	Resultaat     Eindresultaat
	DatumOpgepakt datum.Datum
	Afgesloten    datum.Datum
	Behandelaar   string
}

// Meervoudig reports whether the zaak has more than one active signal (otherwise enkelvoudig).
func (z *Zaak) Meervoudig() bool { return z.Aantal >= 2 }

// Wachtdagen is the number of days since the first signal arrived.
func (z *Zaak) Wachtdagen(vandaag datum.Datum) int { return z.EersteOntvangst.DagenTot(vandaag) }

// TermijnVerlopen reports whether a crisis zaak is still open after its deadline without being picked up.
func (z *Zaak) TermijnVerlopen(vandaag datum.Datum) bool {
	return z.Crisis && z.DatumOpgepakt.IsZero() && vandaag.Na(z.CrisisDeadline)
}

// Errors of the zaak workflow.
var (
	ErrZaakGesloten    = errors.New("de zaak is al afgesloten")
	ErrGeenResultaat   = errors.New("kies een resultaat om de zaak af te sluiten")
	ErrOngeldigeInvoer = errors.New("ongeldige invoer")
)

// Oppakken records that the municipality took up the zaak on d (DDAS datumOpgepakt).
func (z *Zaak) Oppakken(d datum.Datum, behandelaar string) error {
	if z.Status == ZaakGesloten {
		return ErrZaakGesloten
	}
	if z.DatumOpgepakt.IsZero() {
		z.DatumOpgepakt = d
	}
	if behandelaar != "" {
		z.Behandelaar = behandelaar
	}
	return nil
}

// Contactpoging is one attempt to reach the resident (DDAS Contactpoging).
type Contactpoging struct {
	ID          int64
	ZaakID      int64
	Soort       Contactsoort
	Bereikt     bool
	Datum       datum.Datum
	Dagdeel     Dagdeel // may be empty when unknown
	Toelichting string  // free text for the case worker; never exported
}

// Controleer validates a contact attempt for zaak z on date vandaag.
func (c Contactpoging) Controleer(z *Zaak, vandaag datum.Datum) error {
	switch {
	case !c.Soort.Geldig():
		return fmt.Errorf("%w: kies een soort contact", ErrOngeldigeInvoer)
	case c.Dagdeel != "" && !c.Dagdeel.Geldig():
		return fmt.Errorf("%w: kies ochtend, middag of avond", ErrOngeldigeInvoer)
	case c.Datum.IsZero():
		return fmt.Errorf("%w: vul de datum in", ErrOngeldigeInvoer)
	case c.Datum.Na(vandaag):
		return fmt.Errorf("%w: de datum ligt in de toekomst", ErrOngeldigeInvoer)
	case c.Datum.Voor(z.EersteOntvangst):
		return fmt.Errorf("%w: de datum ligt voor de ontvangst van het signaal", ErrOngeldigeInvoer)
	case len(c.Toelichting) > 4000:
		return fmt.Errorf("%w: de toelichting is te lang", ErrOngeldigeInvoer)
	}
	return nil
}

// RegistreerContact adds a contact attempt: the first one also marks the zaak as picked up.
func (z *Zaak) RegistreerContact(c Contactpoging, vandaag datum.Datum) error {
	if z.Status == ZaakGesloten {
		return ErrZaakGesloten
	}
	if err := c.Controleer(z, vandaag); err != nil {
		return err
	}
	if z.DatumOpgepakt.IsZero() || c.Datum.Voor(z.DatumOpgepakt) {
		z.DatumOpgepakt = c.Datum
	}
	return nil
}

// Sluit closes the zaak with outcome r on date d. Closing requires a DDAS outcome.
func (z *Zaak) Sluit(r Eindresultaat, d datum.Datum) error {
	if z.Status == ZaakGesloten && !z.AutomatischGesloten {
		return ErrZaakGesloten
	}
	if r == "" {
		return ErrGeenResultaat
	}
	if !r.Geldig() {
		return fmt.Errorf("%w: onbekend resultaat %q", ErrOngeldigeInvoer, r)
	}
	z.Status, z.Resultaat, z.Afgesloten, z.AutomatischGesloten = ZaakGesloten, r, d, false
	return nil
}

// StatusNaResultaat is the DDAS status an active signal gets when its zaak closes with r: the outcomes
// that are also signal statuses carry over, every other outcome means the signal was picked up.
func StatusNaResultaat(r Eindresultaat) Signaalstatus {
	switch s := Signaalstatus(r); s {
	case StatusAlBekendSHV, StatusOverleden, StatusNietOpgepaktAndereReden, StatusNietOpgepaktHerhaald,
		StatusNietOpgepaktOnterecht, StatusGeenInwoner:
		return s
	}
	return StatusOpgepakt
}

// Terugkoppeling is what a signaalpartner may learn about its signal: whether it was picked up, never
// why (DDAS EnumEindresultaat note; the reason stays with the municipality).
type Terugkoppeling string

// Feedback values. NogNiet is the DDAS start status "Nog niet opgepakt": no decision yet, no reason.
const (
	TerugOpgepakt     Terugkoppeling = "opgepakt"
	TerugNietOpgepakt Terugkoppeling = "niet opgepakt"
	TerugNogNiet      Terugkoppeling = "nog niet opgepakt"
)

// TerugkoppelingVan maps a signal status to the feedback the partner may see.
func TerugkoppelingVan(s Signaalstatus) Terugkoppeling {
	switch s {
	case StatusOpgepakt:
		return TerugOpgepakt
	case StatusNogNietOpgepakt, "":
		return TerugNogNiet
	}
	return TerugNietOpgepakt
}

// VergelijkPrioriteit orders the worklist: crisis first (earliest deadline first), then meervoudig,
// then households with minor children, then the higher amount, then the oldest, then by ID.
func VergelijkPrioriteit(a, b *Zaak) int {
	if a.Crisis != b.Crisis {
		if a.Crisis {
			return -1
		}
		return 1
	}
	if a.Crisis {
		if c := a.CrisisDeadline.Tijd().Compare(b.CrisisDeadline.Tijd()); c != 0 {
			return c
		}
	}
	if am, bm := a.Meervoudig(), b.Meervoudig(); am != bm {
		if am {
			return -1
		}
		return 1
	}
	if ak, bk := a.MinderjarigeKinderen > 0, b.MinderjarigeKinderen > 0; ak != bk {
		if ak {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(b.Bedrag, a.Bedrag); c != 0 {
		return c
	}
	if c := a.EersteOntvangst.Tijd().Compare(b.EersteOntvangst.Tijd()); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// SorteerWerklijst sorts zaken in priority order.
func SorteerWerklijst(zaken []*Zaak) { slices.SortStableFunc(zaken, VergelijkPrioriteit) }
