package netwerk

import (
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"net/mail"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/partner"
)

// Referrals (verwijzingen) between the gemeente and a partner, both ways: a case worker refers a
// resident from a zaak or a vroegsignaalzaak to a partner, or a partner user (an intermediary, after a
// check or in its own work) refers a resident to the gemeente. A referral carries only what the receiver
// needs (name, how to reach the resident, the need and the question; never a BSN) and records its legal
// ground: the resident's consent (what, to whom, on which day; withdrawable) or the gemeente's legal
// task with its article. A warm hand-over books a moment of contact. The receiver accepts, declines with
// a reason, or reports back (contact made, help started, ended); every change is kept with its time
// (netwerk_verwijzing_status) for the monitor. A referral not answered within the gemeente's number of
// working days (internal/termijn) is overdue.

// Richting is who receives a referral.
type Richting string

// The two directions.
const (
	NaarPartner  Richting = "naar_partner"
	NaarGemeente Richting = "naar_gemeente"
)

// Bron is where a referral comes from.
type Bron string

// The sources. A referral to a partner comes from a zaak or a vroegsignaalzaak (BronID its id); one to
// the gemeente from a check done by an intermediary or from the partner's own work.
const (
	BronZaak         Bron = "zaak"
	BronVroegsignaal Bron = "vroegsignaalzaak"
	BronCheck        Bron = "check"
	BronPartner      Bron = "partner"
)

// Grondslag is the legal ground of a referral.
type Grondslag string

// The grounds.
const (
	Toestemming    Grondslag = "toestemming"
	WettelijkeTaak Grondslag = "wettelijke_taak"
)

// VStatus is the state of a referral.
type VStatus string

// The states, in the order of the closed loop (docs/netwerk.md).
const (
	Verstuurd     VStatus = "verstuurd"
	Geaccepteerd  VStatus = "geaccepteerd"
	Afgewezen     VStatus = "afgewezen"
	ContactGelegd VStatus = "contact_gelegd"
	HulpGestart   VStatus = "hulp_gestart"
	Afgerond      VStatus = "afgerond"
)

// VStatussen lists the states in order (filters, tables).
var VStatussen = []VStatus{Verstuurd, Geaccepteerd, Afgewezen, ContactGelegd, HulpGestart, Afgerond}

var vstatusNamen = map[VStatus]string{Verstuurd: "Verstuurd, nog geen antwoord", Geaccepteerd: "Geaccepteerd",
	Afgewezen: "Afgewezen", ContactGelegd: "Contact gelegd", HulpGestart: "Hulp gestart", Afgerond: "Afgerond"}

// VStatusNaam is the Dutch name of a state for staff pages.
func VStatusNaam(s VStatus) string { return vstatusNamen[s] }

// volgende are the answers a receiver may give in each state.
var volgende = map[VStatus][]VStatus{
	Verstuurd:     {Geaccepteerd, Afgewezen},
	Geaccepteerd:  {ContactGelegd, HulpGestart, Afgerond},
	ContactGelegd: {HulpGestart, Afgerond},
	HulpGestart:   {Afgerond},
}

// Antwoorden are the states a receiver may move a referral in state s to; none when it is final.
func Antwoorden(s VStatus) []VStatus { return volgende[s] }

// Artikel is a legal task the gemeente can refer under, with its article.
type Artikel struct{ Code, Tekst string }

// Artikelen are the legal tasks of the Wgs (shared/reference/vroegsignalering.md §1.1). Which one fits a
// referral to a partner is the gemeente's assessment (its DPIA); the form only records it.
var Artikelen = []Artikel{
	{"wgs-3a", "Wgs art. 3a: de partner voert schuldhulpverlening uit voor de gemeente (met art. 8a)"},
	{"wgs-8a", "Wgs art. 8a: schuldhulpverlening (art. 3 lid 1 onder a)"},
	{"wgs-8b", "Wgs art. 8b: vroegsignalering (art. 3 lid 1 onder b)"},
	{"wgs-8d", "Wgs art. 8d: gegevens uit Participatiewet, Wmo 2015 of Jeugdwet voor schuldhulpverlening"},
}

// ArtikelTekst is the text of an article code; "" for an unknown one.
func ArtikelTekst(code string) string {
	for _, a := range Artikelen {
		if a.Code == code {
			return a.Tekst
		}
	}
	return ""
}

// Inwoner is what a receiver gets to know about the resident.
type Inwoner struct {
	Naam, Telefoon, Email string
}

// Verwijzing is a stored referral.
type Verwijzing struct {
	ID             int64
	Gemeente       string
	Richting       Richting
	PartnerID      string // the receiving partner (NaarPartner) or the sending one (NaarGemeente)
	Bron           Bron
	BronID         int64
	Door           int64 // user id of the sender
	Aangemaakt     time.Time
	Inwoner        Inwoner
	Behoefte       Behoefte
	Vraag          string
	Grondslag      Grondslag
	ToestemmingWat string
	ToestemmingOp  time.Time // a day
	Ingetrokken    *time.Time
	Artikel        string
	Contactmoment  *time.Time
	ContactWaar    string
	Status         VStatus
	StatusOp       time.Time
	AntwoordVoor   datum.Datum // zero: the gemeente set no term
	Reden          string
	// Verborgen: the resident withdrew consent and this viewer is the receiver; Inwoner, Vraag and
	// ContactWaar are empty.
	Verborgen bool
}

// TeLaat reports whether the receiver has not answered and the last day for an answer is before today.
func (v Verwijzing) TeLaat(vandaag datum.Datum) bool {
	return v.Status == Verstuurd && !v.AntwoordVoor.IsZero() && vandaag.Na(v.AntwoordVoor)
}

// StatusRegel is one change of state with its time.
type StatusRegel struct {
	Status      VStatus
	Op          time.Time
	Door        int64
	Toelichting string
}

// Kijker is who reads or acts on referrals in a gemeente: the gemeente's own staff (Gemeente) or the
// user of one partner (Partner). The zero Kijker sees nothing.
type Kijker struct {
	Gebruiker int64
	Gemeente  bool
	Partner   string
}

// ontvanger reports whether k receives v.
func (k Kijker) ontvanger(v Verwijzing) bool {
	if v.Richting == NaarPartner {
		return k.Partner != "" && k.Partner == v.PartnerID
	}
	return k.Gemeente
}

// ziet reports whether k may see v at all.
func (k Kijker) ziet(v Verwijzing) bool {
	return k.Gemeente || (k.Partner != "" && k.Partner == v.PartnerID)
}

// NieuweVerwijzing is the input of Verwijs.
type NieuweVerwijzing struct {
	Gemeente       string
	Richting       Richting
	PartnerID      string
	Bron           Bron
	BronID         int64
	Door           int64
	Inwoner        Inwoner
	Behoefte       Behoefte
	Vraag          string
	Grondslag      Grondslag
	ToestemmingWat string
	ToestemmingOp  time.Time // a day; zero: missing
	Artikel        string
	Contactmoment  *time.Time
	ContactWaar    string
}

// valideer returns the problems of n per form field; nu is the current time.
func (n *NieuweVerwijzing) valideer(nu time.Time) errs.Fields {
	f := errs.Fields{}
	n.Inwoner.Naam, n.Inwoner.Telefoon = strings.TrimSpace(n.Inwoner.Naam), strings.TrimSpace(n.Inwoner.Telefoon)
	n.Inwoner.Email, n.Vraag = strings.TrimSpace(n.Inwoner.Email), strings.TrimSpace(n.Vraag)
	n.ToestemmingWat, n.ContactWaar = strings.TrimSpace(n.ToestemmingWat), strings.TrimSpace(n.ContactWaar)
	switch n.Richting {
	case NaarPartner:
		if (n.Bron != BronZaak && n.Bron != BronVroegsignaal) || n.BronID <= 0 {
			f.Set("bron", "Een verwijzing naar een partner begint bij een zaak of een vroegsignaalzaak.")
		}
	case NaarGemeente:
		if n.Bron != BronCheck && n.Bron != BronPartner {
			f.Set("bron", "Kies of de verwijzing uit een check komt of uit het eigen werk van de partner.")
		}
		n.BronID = 0
	default:
		f.Set("richting", "Onbekende richting.")
	}
	if !partner.GeldigID(n.PartnerID) {
		f.Set("partner", "Kies een partner.")
	}
	if n.Inwoner.Naam == "" {
		f.Set("naam", "Vul de naam van de inwoner in.")
	}
	f.Set("naam", tekstFout(n.Inwoner.Naam, MaxNaam, false))
	if n.Inwoner.Telefoon != "" {
		f.Set("telefoon", partner.TelefoonFout(n.Inwoner.Telefoon))
	}
	if n.Inwoner.Email != "" {
		if a, err := mail.ParseAddress(n.Inwoner.Email); err != nil || a.Address != n.Inwoner.Email {
			f.Set("email", "Vul een e-mailadres in zoals naam@voorbeeld.nl.")
		}
	}
	if n.Inwoner.Telefoon == "" && n.Inwoner.Email == "" && n.Contactmoment == nil {
		f.Set("telefoon", "Vul een telefoonnummer of e-mailadres in, of plan een contactmoment, zodat de ontvanger de inwoner kan bereiken.")
	}
	if BehoefteNaam(n.Behoefte) == "" {
		f.Set("behoefte", "Kies waarbij de inwoner hulp nodig heeft.")
	}
	if n.Vraag == "" {
		f.Set("vraag", "Schrijf op wat de ontvanger moet weten: de vraag van de inwoner.")
	}
	f.Set("vraag", tekstFout(n.Vraag, MaxTekst, true))
	switch n.Grondslag {
	case Toestemming:
		if n.ToestemmingWat == "" {
			f.Set("toestemming_wat", "Schrijf op voor welke gegevens de inwoner toestemming gaf.")
		}
		f.Set("toestemming_wat", tekstFout(n.ToestemmingWat, MaxKort, false))
		switch {
		case n.ToestemmingOp.IsZero():
			f.Set("toestemming_op", "Vul de datum in waarop de inwoner toestemming gaf, zoals 2-3-2026.")
		case n.ToestemmingOp.After(partner.Vandaag(nu)):
			f.Set("toestemming_op", "De datum van de toestemming ligt in de toekomst.")
		}
		n.Artikel = ""
	case WettelijkeTaak:
		if n.Richting == NaarGemeente {
			f.Set("grondslag", "Een partner verwijst naar de gemeente alleen met toestemming van de inwoner.")
		} else if ArtikelTekst(n.Artikel) == "" {
			f.Set("artikel", "Kies het artikel van de wettelijke taak.")
		}
		n.ToestemmingWat, n.ToestemmingOp = "", time.Time{}
	default:
		f.Set("grondslag", "Kies de grondslag: toestemming van de inwoner of een wettelijke taak.")
	}
	if n.Contactmoment != nil && n.Contactmoment.Before(nu) {
		f.Set("contact_dag", "Het contactmoment ligt in het verleden. Kies een moment vanaf nu.")
	}
	f.Set("contact_waar", tekstFout(n.ContactWaar, MaxKort, false))
	if len(f) == 0 {
		return nil
	}
	return f
}
