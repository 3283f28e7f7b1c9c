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
	// Briefadres marks a registered address that is a briefadres (BRP adresfunctie B): the Index never
	// matches by it, and Koppel never groups by it.
	Briefadres bool
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
	// Adressleutel is postcode|huisnummer|toevoeging of the registered address, else the signal's; empty
	// for a briefadres, which counts for no address rule ("opeenvolgend").
	Adressleutel string
	// Briefadres marks a signal whose address (its own or the registered one) is a briefadres: it was
	// matched by BSN or not at all, and its household key is never the address (TekstBriefadres).
	Briefadres bool
}

// Koppel matches a signal to a resident and household: by BSN first, else by postcode + huisnummer
// (+ toevoeging, exact). An unmatched signal still gets keys from its own address (or BSN) so that it
// is grouped and shown; the case worker resolves it.
//
// A signal whose address is a briefadres (z implements BriefadresKenner) is matched by BSN only, never
// by the address, and an unmatched one gets a household key per person (BriefadresSleutel), so that the
// signals of unrelated people at a shelter or the gemeente office are never one vroegsignaalzaak.
func Koppel(ctx context.Context, z Zoeker, s *Signaal) (Koppeling, error) {
	in := &s.Inwoner
	a := in.Adres
	brief := isBriefadres(z, a)
	if in.BSN != "" {
		m, ok, err := z.ZoekBSN(ctx, in.BSN)
		if err != nil {
			return Koppeling{}, fmt.Errorf("signalen: koppel op BSN: %w", err)
		}
		if ok {
			return koppelingVan(MethodeBSN, m, s, brief), nil
		}
	}
	if brief {
		return Koppeling{Methode: MethodeGeen, Huishoudsleutel: BriefadresSleutel(s), Briefadres: true}, nil
	}
	if a.Postcode != "" && a.Huisnummer > 0 {
		m, ok, err := z.ZoekAdres(ctx, a.Postcode, a.Huisnummer, a.Toevoeging)
		if err != nil {
			return Koppeling{}, fmt.Errorf("signalen: koppel op adres: %w", err)
		}
		if ok && !m.Briefadres {
			return koppelingVan(MethodeAdres, m, s, false), nil
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

// koppelingVan builds the keys of a match. brief: the signal's own address is a briefadres; m.Briefadres:
// the registered one is. Neither address then becomes a key.
func koppelingVan(meth Methode, m Match, s *Signaal, brief bool) Koppeling {
	k := Koppeling{Methode: meth, Match: m, Briefadres: brief || m.Briefadres}
	if !m.Briefadres {
		k.Adressleutel = m.Adres.Sleutel()
	}
	if k.Adressleutel == "" && !brief {
		k.Adressleutel = s.Inwoner.Adres.Sleutel()
	}
	switch {
	case m.HuishoudenID != "":
		k.Huishoudsleutel = "h:" + m.HuishoudenID
	case k.Briefadres:
		k.Huishoudsleutel = BriefadresSleutel(s)
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
	brief map[string]bool
}

// NieuweIndex returns an empty Index.
func NieuweIndex() *Index {
	return &Index{bsn: map[string]Match{}, adres: map[string]Match{}, brief: map[string]bool{}}
}

// VoegToe registers a resident with BSN bsn (may be empty) living at m.Adres. A resident at a briefadres
// (m.Briefadres) is found by BSN only; the address is remembered as a briefadres and never matched by.
func (x *Index) VoegToe(bsn string, m Match) {
	if bsn != "" {
		x.bsn[bsn] = m
	}
	k := m.Adres.Sleutel()
	if k == "" {
		return
	}
	if m.Briefadres {
		x.brief[k] = true
		delete(x.adres, k)
		return
	}
	if _, bestaat := x.adres[k]; !bestaat && !x.brief[k] {
		x.adres[k] = m
	}
}

// IsBriefadres implements BriefadresKenner: a resident was registered at a with m.Briefadres.
func (x *Index) IsBriefadres(a Adres) bool { return x.brief[a.Sleutel()] }

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
