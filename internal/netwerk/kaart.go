package netwerk

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/partner"
)

// Kaart is the sociale kaart of one gemeente on one day: the services residents can find there.
type Kaart struct {
	Gemeente           string
	Vandaag            time.Time
	VerouderdNaMaanden int
	Items              []Item // by partner name, then service name
}

// Item is one service on the kaart with its partner and locations.
type Item struct {
	Partner  partner.Organisatie
	Dienst   Dienst
	Locaties []ItemLocatie
	// Verouderd: not checked for the gemeente's VerouderdNaMaanden; residents see when it was checked.
	Verouderd bool
}

// ItemLocatie is a location of an item with the service's opening hours there.
type ItemLocatie struct {
	Locatie
	Openingstijden Openingstijden
}

// Kaart builds gemeente's sociale kaart: the services offered there with status active or temporarily
// closed, of partners whose membership of gemeente is valid today.
func (s *Service) Kaart(ctx context.Context, gemeente string) (Kaart, error) {
	k := Kaart{Gemeente: gemeente, Vandaag: s.Vandaag()}
	var err error
	if k.VerouderdNaMaanden, err = s.VerouderdNaMaanden(ctx, gemeente); err != nil {
		return k, err
	}
	leden, err := s.partners.LedenOp(ctx, gemeente, k.Vandaag)
	if err != nil {
		return k, err
	}
	partners := map[string]partner.Organisatie{}
	for _, o := range leden {
		partners[o.ID] = o
	}
	ds, err := s.DienstenIn(ctx, gemeente)
	if err != nil {
		return k, err
	}
	ls, err := s.locaties(ctx, s.db.SQL(), `id IN (SELECT locatie_id FROM netwerk_dienst_locatie WHERE dienst_id IN
		(SELECT dienst_id FROM netwerk_dienst_gemeente WHERE gemeente = $1))`, gemeente)
	if err != nil {
		return k, err
	}
	locs := map[string]Locatie{}
	for _, l := range ls {
		locs[l.ID] = l
	}
	for _, d := range ds {
		o, ok := partners[d.PartnerID]
		if !ok || !d.Status.OpKaart() {
			continue
		}
		it := Item{Partner: o, Dienst: d, Verouderd: Verouderd(d.GecontroleerdOp, k.Vandaag, k.VerouderdNaMaanden)}
		for _, dl := range d.Locaties {
			if l, ok := locs[dl.LocatieID]; ok {
				it.Locaties = append(it.Locaties, ItemLocatie{Locatie: l, Openingstijden: dl.Openingstijden})
			}
		}
		k.Items = append(k.Items, it)
	}
	slices.SortStableFunc(k.Items, func(a, b Item) int {
		if c := strings.Compare(sorteerSleutel(a.Partner.Naam), sorteerSleutel(b.Partner.Naam)); c != 0 {
			return c
		}
		return strings.Compare(sorteerSleutel(a.Dienst.Naam), sorteerSleutel(b.Dienst.Naam))
	})
	return k, nil
}

// Filter is what a resident searches for: a need, a village, words.
type Filter struct {
	Behoefte Behoefte // "" any
	Dorp     string   // "" any; a service without a building (online, by phone) is found in every village
	Zoek     string   // words that must all occur in the partner's or service's name, description or needs
}

// Leeg reports whether the filter selects everything.
func (f Filter) Leeg() bool {
	return f.Behoefte == "" && strings.TrimSpace(f.Dorp) == "" && strings.TrimSpace(f.Zoek) == ""
}

// Zoek returns the items that match f, in the kaart's order.
func (k Kaart) Zoek(f Filter) []Item {
	woorden := strings.Fields(vouw(f.Zoek))
	dorp := vouw(strings.TrimSpace(f.Dorp))
	var uit []Item
	for _, it := range k.Items {
		if f.Behoefte != "" && !slices.Contains(it.Dienst.Behoeften, f.Behoefte) {
			continue
		}
		if dorp != "" && !it.inDorp(dorp) {
			continue
		}
		if len(woorden) > 0 {
			tekst := vouw(it.zoektekst())
			if slices.ContainsFunc(woorden, func(w string) bool { return !strings.Contains(tekst, w) }) {
				continue
			}
		}
		uit = append(uit, it)
	}
	return uit
}

// ZonderVastePlek reports whether the service has no building (reached online or by phone).
func (it Item) ZonderVastePlek() bool {
	return !slices.ContainsFunc(it.Locaties, func(l ItemLocatie) bool { return l.Soort == Fysiek })
}

func (it Item) inDorp(dorp string) bool {
	if it.ZonderVastePlek() {
		return true
	}
	return slices.ContainsFunc(it.Locaties, func(l ItemLocatie) bool { return l.Soort == Fysiek && vouw(l.Dorp()) == dorp })
}

func (it Item) zoektekst() string {
	delen := []string{it.Partner.Naam, it.Dienst.Naam, it.Dienst.Beschrijving, it.Dienst.VoorWie}
	for _, b := range it.Dienst.Behoeften {
		delen = append(delen, string(b), BehoefteNaam(b))
	}
	for _, l := range it.Locaties {
		delen = append(delen, l.Naam, l.Dorp())
	}
	return strings.Join(delen, " ")
}

// Dorpen are the villages of the kaart's buildings, sorted.
func (k Kaart) Dorpen() []string {
	var uit []string
	for _, it := range k.Items {
		for _, l := range it.Locaties {
			if l.Soort == Fysiek && l.Dorp() != "" && !slices.ContainsFunc(uit, func(d string) bool { return vouw(d) == vouw(l.Dorp()) }) {
				uit = append(uit, l.Dorp())
			}
		}
	}
	slices.SortFunc(uit, func(a, b string) int { return strings.Compare(sorteerSleutel(a), sorteerSleutel(b)) })
	return uit
}

// Aantallen counts the kaart's services per need.
func (k Kaart) Aantallen() map[Behoefte]int {
	n := map[Behoefte]int{}
	for _, it := range k.Items {
		for _, b := range it.Dienst.Behoeften {
			n[b]++
		}
	}
	return n
}

var vouwer = strings.NewReplacer("á", "a", "à", "a", "ä", "a", "â", "a", "é", "e", "è", "e", "ë", "e", "ê", "e", "í", "i", "ï", "i",
	"î", "i", "ó", "o", "ò", "o", "ö", "o", "ô", "o", "ú", "u", "ü", "u", "û", "u", "ç", "c", "ĳ", "ij")

// vouw makes text comparable for searching: lower case, without accents.
func vouw(s string) string { return vouwer.Replace(strings.ToLower(s)) }

// sorteerSleutel orders names as a reader expects: case and accents do not count.
func sorteerSleutel(s string) string { return vouw(s) }
