package main

import (
	"context"
	"fmt"
	"time"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
)

// The demo's referrals over the year in one small gemeente (Ommen): a few dozen, as many as a gemeente
// of that size may make, sent on days spread over the year and answered one to six working days later,
// so the monitor's referral counts (/beheer/GM0175/verwijzingscijfers) show their structure per partner
// and per need. With this many the page suppresses most figures by design (counts rounded to 5, "< 5",
// no percentage or median below 100 referrals: netwerk.AfrondenOp, MinNoemer, MinWaarnemingen); the
// demo does not add thousands to fill it. Each referral is made by a service whose clock stands on the
// day it was sent or answered, as the case worker and the partner would have done then.

// demoJaarGemeente is the gemeente with the year of referrals.
const demoJaarGemeente = "GM0175"

// demoJaarAantal is how many referrals the year has.
const demoJaarAantal = 36

// demoJaarBehoeften are the needs the year's referrals are about, in turn (Humanitas: administration
// and budget; the other partner: housing and debts).
var demoJaarBehoeften = []netwerk.Behoefte{netwerk.Budgetcoaching, netwerk.Schuldhulp, netwerk.Nazorg, netwerk.Budgetcoaching, netwerk.Wonen, netwerk.Energie}

// demoJaarVerwijzingen makes the year's referrals of gm to Humanitas (answered by its demo user hum) and
// to ander (answered by that partner), from the zaken zaakIDs in turn. It returns how many it made.
func demoJaarVerwijzingen(ctx context.Context, d *diensten, gm string, zaakIDs []int64, door, hum int64, ander string) (int, error) {
	if len(zaakIDs) == 0 {
		return 0, fmt.Errorf("geen zaken om van te verwijzen")
	}
	begin, eind := demoJaarPeriode(time.Now())
	stap := (eind.Sub(begin) / demoJaarAantal).Truncate(time.Hour)
	op := func(t time.Time) (*netwerk.Service, error) {
		return netwerk.New(netwerk.Config{DB: d.db, Audit: d.audit, Partners: d.partners, Klok: func() time.Time { return t }, BasisURL: d.basisURL})
	}
	gemaakt := 0
	for i := range demoJaarAantal {
		verstuurd := begin.Add(time.Duration(i) * stap)
		p, k := demoHumanitas, netwerk.Kijker{Gebruiker: hum, Partner: demoHumanitas}
		if i%3 == 2 && ander != "" {
			p, k = ander, netwerk.Kijker{Partner: ander}
		}
		ns, err := op(verstuurd)
		if err != nil {
			return gemaakt, err
		}
		naam := fmt.Sprintf("Demo-inwoner %c. Voorbeeld-%d", 'A'+rune(i%26), i+1)
		v, err := ns.Verwijs(ctx, netwerk.NieuweVerwijzing{Gemeente: gm, Richting: netwerk.NaarPartner, PartnerID: p, Bron: netwerk.BronZaak,
			BronID: zaakIDs[i%len(zaakIDs)], Door: door, Inwoner: netwerk.Inwoner{Naam: naam, Email: slug(naam) + "@voorbeeld.example"},
			Behoefte: demoJaarBehoeften[i%len(demoJaarBehoeften)], Vraag: "Demo: verwijzing uit het jaaroverzicht van de demo.",
			Grondslag: netwerk.Toestemming, ToestemmingWat: "naam, e-mailadres en de vraag", ToestemmingOp: partner.Vandaag(verstuurd)})
		if err != nil {
			return gemaakt, err
		}
		gemaakt++
		// The answer: 1 to 6 days later; every seventh declined, every fifth not (yet) answered and its
		// consent withdrawn by the resident, the others accepted and half of those on to help started.
		later, err := op(verstuurd.Add(time.Duration(1+i%6) * 24 * time.Hour))
		if err != nil {
			return gemaakt, err
		}
		switch {
		case i%7 == 3:
			err = later.Beantwoord(ctx, gm, v.ID, k, netwerk.Afgewezen, "Demo: past niet bij ons aanbod; verwezen naar de gemeente.")
		case i%5 == 4:
			err = later.TrekToestemmingIn(ctx, gm, v.ID, netwerk.Kijker{Gemeente: true, Gebruiker: door})
		default:
			err = later.Beantwoord(ctx, gm, v.ID, k, netwerk.Geaccepteerd, "Demo: we nemen contact op.")
			if err == nil && i%2 == 0 {
				for _, st := range []netwerk.VStatus{netwerk.ContactGelegd, netwerk.HulpGestart} {
					if err = later.Beantwoord(ctx, gm, v.ID, k, st, "Demo: eerste afspraak gemaakt."); err != nil {
						break
					}
				}
			}
		}
		if err != nil {
			return gemaakt, fmt.Errorf("verwijzing %d: %w", v.ID, err)
		}
	}
	return gemaakt, nil
}

// demoJaarPeriode is when the year's referrals are sent, all in one calendar year (the counts page
// shows one year or quarter): from 6 January until two weeks before nu, or, in the first two months of
// a year, over the whole year before.
func demoJaarPeriode(nu time.Time) (begin, eind time.Time) {
	if nu.YearDay() > 60 {
		return time.Date(nu.Year(), 1, 6, 10, 0, 0, 0, time.UTC), nu.Add(-14 * 24 * time.Hour)
	}
	return time.Date(nu.Year()-1, 1, 6, 10, 0, 0, 0, time.UTC), time.Date(nu.Year()-1, 12, 20, 10, 0, 0, 0, time.UTC)
}
