package signalen

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/zeker-platform/zeker/internal/datum"
)

// Match is what the municipality's own administration (BRP extract, household data) knows about the
// resident a signal is about. It carries no BSN: the worklist needs the household, not the number.
type Match struct {
	InwonerID            string // the resident's key in the municipality's administration
	HuishoudenID         string
	Adres                Adres // the registered address (BRP), authoritative over the partner's
	Wijk                 string
	Geboortedatum        datum.Datum
	MinderjarigeKinderen int
	// Bekend marks a household already known to the team: an open case or an earlier vroegsignaalzaak.
	Bekend bool
}

// Zoeker finds residents in the municipality's administration. It is the boundary to the BRP or the
// household data the gemeente loads; the caller supplies it (Index in memory, or a database lookup).
type Zoeker interface {
	ZoekBSN(ctx context.Context, bsn string) (Match, bool, error)
	ZoekAdres(ctx context.Context, postcode string, huisnummer int, toevoeging string) (Match, bool, error)
}

// Methode says how a signal was matched.
type Methode string

// Match methods: by BSN, by postcode + huisnummer (+ toevoeging), or not at all.
const (
	MethodeBSN   Methode = "bsn"
	MethodeAdres Methode = "adres"
	MethodeGeen  Methode = "geen"
)

// Koppeling is the result of matching one signal.
type Koppeling struct {
	Methode Methode
	Match   Match
	// Huishoudsleutel groups signals of one household: the household ID when matched, else the
	// address, else a hash of the BSN (never the BSN itself, so keys are safe in logs).
	Huishoudsleutel string
	// Adressleutel is postcode|huisnummer|toevoeging of the registered address, else the signal's.
	Adressleutel string
}

// Koppel matches a signal to a resident and household: by BSN first, else by postcode + huisnummer
// (+ toevoeging, exact). An unmatched signal still gets keys from its own address (or BSN) so that it
// is grouped and shown; the case worker resolves it.
func Koppel(ctx context.Context, z Zoeker, s *Signaal) (Koppeling, error) {
	in := &s.Inwoner
	if in.BSN != "" {
		m, ok, err := z.ZoekBSN(ctx, in.BSN)
		if err != nil {
			return Koppeling{}, fmt.Errorf("signalen: koppel op BSN: %w", err)
		}
		if ok {
			return koppelingVan(MethodeBSN, m, s), nil
		}
	}
	a := in.Adres
	if a.Postcode != "" && a.Huisnummer > 0 {
		m, ok, err := z.ZoekAdres(ctx, a.Postcode, a.Huisnummer, a.Toevoeging)
		if err != nil {
			return Koppeling{}, fmt.Errorf("signalen: koppel op adres: %w", err)
		}
		if ok {
			return koppelingVan(MethodeAdres, m, s), nil
		}
	}
	k := Koppeling{Methode: MethodeGeen, Adressleutel: a.Sleutel()}
	switch {
	case k.Adressleutel != "":
		k.Huishoudsleutel = "a:" + k.Adressleutel
	default:
		h := sha256.Sum256([]byte("bsn:" + in.BSN))
		k.Huishoudsleutel = "b:" + hex.EncodeToString(h[:12])
	}
	return k, nil
}

func koppelingVan(meth Methode, m Match, s *Signaal) Koppeling {
	k := Koppeling{Methode: meth, Match: m, Adressleutel: m.Adres.Sleutel()}
	if k.Adressleutel == "" {
		k.Adressleutel = s.Inwoner.Adres.Sleutel()
	}
	switch {
	case m.HuishoudenID != "":
		k.Huishoudsleutel = "h:" + m.HuishoudenID
	case k.Adressleutel != "":
		k.Huishoudsleutel = "a:" + k.Adressleutel
	default:
		k.Huishoudsleutel = "i:" + m.InwonerID
	}
	return k
}

// Index is an in-memory Zoeker over the municipality's residents, built once from a BRP extract or
// household file; lookups are map hits.
type Index struct {
	bsn   map[string]Match
	adres map[string]Match
}

// NieuweIndex returns an empty Index.
func NieuweIndex() *Index {
	return &Index{bsn: map[string]Match{}, adres: map[string]Match{}}
}

// VoegToe registers a resident with BSN bsn (may be empty) living at m.Adres.
func (x *Index) VoegToe(bsn string, m Match) {
	if bsn != "" {
		x.bsn[bsn] = m
	}
	if k := m.Adres.Sleutel(); k != "" {
		if _, bestaat := x.adres[k]; !bestaat {
			x.adres[k] = m
		}
	}
}

// Len returns the number of residents known by BSN.
func (x *Index) Len() int { return len(x.bsn) }

// ZoekBSN implements Zoeker.
func (x *Index) ZoekBSN(_ context.Context, bsn string) (Match, bool, error) {
	m, ok := x.bsn[bsn]
	return m, ok, nil
}

// ZoekAdres implements Zoeker.
func (x *Index) ZoekAdres(_ context.Context, postcode string, huisnummer int, toevoeging string) (Match, bool, error) {
	m, ok := x.adres[Adres{Postcode: postcode, Huisnummer: huisnummer, Toevoeging: toevoeging}.Sleutel()]
	return m, ok, nil
}
