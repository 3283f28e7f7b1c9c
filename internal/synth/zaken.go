package synth

import (
	"math/rand/v2"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// ZaakScenario is one synthetic debt-help zaak for the demo: a household of the register, how and when
// it started, and the status it should reach with the dates of its steps (all in the past of vandaag).
type ZaakScenario struct {
	HuishoudenID  string
	Kanaal        zaken.Kanaal
	Route         zaken.Route
	Gestart       time.Time // the request, in Europe/Amsterdam
	Crisis        bool
	CrisisSoort   zaken.CrisisSoort
	Status        zaken.Status // the status to reach
	EersteGesprek datum.Datum
	Besluit       datum.Datum
	Einde         datum.Datum
	Grond         zaken.Weigeringsgrond
	Reden         zaken.EindeReden
	Toelichting   string
	Doelen        []zaken.NieuwDoel
}

// Zaken returns per status of zaken.Statussen per dorp at most two scenarios (so every state is in the
// demo), over the households recs of a gemeente with a BSN, deterministic for a seed. Dates are relative
// to vandaag: open zaken have deadlines in the past, near and far, so the worklist shows every marking.
func Zaken(recs []*register.Record, vandaag datum.Datum, zone *time.Location, seed uint64) []ZaakScenario {
	r := rand.New(rand.NewPCG(seed, 17))
	var metBSN []*register.Record
	for _, rec := range recs {
		for _, b := range rec.BSN {
			if b != "" {
				metBSN = append(metBSN, rec)
				break
			}
		}
	}
	moment := func(d datum.Datum) time.Time {
		t, _ := time.ParseInLocation(time.DateOnly, d.String(), zone)
		return t.Add(time.Duration(9+r.IntN(7)) * time.Hour)
	}
	var out []ZaakScenario
	i := 0
	for _, st := range zaken.Statussen() {
		for k := 0; k < 2 && i < len(metBSN); k++ {
			rec := metBSN[i]
			i++
			sc := ZaakScenario{HuishoudenID: rec.ID, Kanaal: zaken.Kanalen()[r.IntN(len(zaken.Kanalen()))], Route: zaken.Schuldhulp, Status: st}
			if r.IntN(4) == 0 {
				sc.Route = zaken.Ondernemers
			}
			begin := vandaag.PlusDagen(-(3 + r.IntN(25)))
			if st == zaken.Aangemeld && k == 0 { // a crisis two days ago: red on the worklist
				begin, sc.Crisis, sc.CrisisSoort = vandaag.PlusDagen(-2), true, zaken.CrisisSoorten()[r.IntN(4)]
			}
			if st != zaken.Aangemeld {
				begin = vandaag.PlusDagen(-(40 + r.IntN(60)))
			}
			sc.Gestart = moment(begin)
			gesprek := begin.PlusDagen(7 + r.IntN(14))
			switch st {
			case zaken.Intake:
				sc.EersteGesprek = vandaag.PlusDagen(-(10 + r.IntN(40)))
				sc.Gestart = moment(sc.EersteGesprek.PlusDagen(-10))
			case zaken.Plan, zaken.Afgerond:
				sc.EersteGesprek, sc.Besluit = gesprek, gesprek.PlusDagen(14)
				sc.Doelen = []zaken.NieuwDoel{{Domein: zaken.DomeinGeld, Omschrijving: "Vaste lasten weer op tijd betalen"},
					{Domein: zaken.DomeinWonen, Omschrijving: "Huurachterstand oplossen met de verhuurder"}}
				if st == zaken.Afgerond {
					sc.Einde, sc.Toelichting = vandaag.PlusDagen(-1), "Betalingsregeling met alle schuldeisers getroffen."
				}
			case zaken.Geweigerd:
				sc.EersteGesprek, sc.Besluit, sc.Grond = gesprek, gesprek.PlusDagen(10), zaken.GrondGeenVerblijf
				sc.Toelichting = "Geen rechtmatig verblijf in Nederland."
			case zaken.Afgezien:
				sc.EersteGesprek, sc.Toelichting = gesprek, "Lost het zelf op met hulp van familie."
			case zaken.Beeindigd:
				sc.EersteGesprek, sc.Reden, sc.Einde = gesprek, zaken.RedenNietVerschenen, gesprek.PlusDagen(20)
				sc.Toelichting = "Niet verschenen op drie afspraken, ook niet na een brief."
			}
			out = append(out, sc)
		}
	}
	return out
}
