package signalen_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/synth"
)

func testIndex() *signalen.Index {
	x := signalen.NieuweIndex()
	x.VoegToe("999990019", signalen.Match{InwonerID: "I1", HuishoudenID: "H1", Wijk: "Noord", MinderjarigeKinderen: 2,
		Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: 12, Woonplaats: "Zandhoven"}})
	x.VoegToe("", signalen.Match{InwonerID: "I2", HuishoudenID: "H2",
		Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: 14, Toevoeging: "B"}})
	return x
}

func TestKoppel(t *testing.T) {
	x := testIndex()
	for _, tc := range []struct {
		naam     string
		in       signalen.Inwoner
		methode  signalen.Methode
		huishoud string
	}{
		{"bsn", signalen.Inwoner{BSN: "999990019"}, signalen.MethodeBSN, "h:H1"},
		{"bsn wint van ander adres", signalen.Inwoner{BSN: "999990019", Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: 14, Toevoeging: "B"}}, signalen.MethodeBSN, "h:H1"},
		{"adres met toevoeging", signalen.Inwoner{Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: 14, Toevoeging: "B"}}, signalen.MethodeAdres, "h:H2"},
		{"onbekend bsn, wel adres", signalen.Inwoner{BSN: "999990032", Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: 12}}, signalen.MethodeAdres, "h:H1"},
		{"toevoeging moet kloppen", signalen.Inwoner{Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: 14}}, signalen.MethodeGeen, "a:9101AA|14|"},
	} {
		s := signalen.Signaal{Inwoner: tc.in}
		k, err := signalen.Koppel(t.Context(), x, &s)
		if err != nil {
			t.Fatal(err)
		}
		if k.Methode != tc.methode || k.Huishoudsleutel != tc.huishoud {
			t.Errorf("%s: got %s %s, want %s %s", tc.naam, k.Methode, k.Huishoudsleutel, tc.methode, tc.huishoud)
		}
	}
	s := signalen.Signaal{Inwoner: signalen.Inwoner{BSN: "999990032"}}
	k, _ := signalen.Koppel(t.Context(), x, &s)
	if k.Methode != signalen.MethodeGeen || k.Huishoudsleutel[:2] != "b:" || len(k.Huishoudsleutel) < 10 {
		t.Errorf("unmatched BSN-only: got %+v", k)
	}
	if k.Huishoudsleutel == "b:999990032" {
		t.Error("BSN must not appear in the household key")
	}
}

// ontvang matches and places one signal the way the store does.
func ontvang(t *testing.T, g *signalen.Groepeerder, x signalen.Zoeker, partner, op string, s signalen.Signaal) (*signalen.Ontvangen, *signalen.Zaak, bool) {
	t.Helper()
	k, err := signalen.Koppel(t.Context(), x, &s)
	if err != nil {
		t.Fatal(err)
	}
	o := &signalen.Ontvangen{Signaal: s, Gemeente: "GM0175", Partner: partner, Ontvangen: d(op), Koppeling: k}
	z, nieuw := g.Plaats(o)
	return o, z, nieuw
}

func sig(ref string, pt signalen.PartnerType, euro int64, bsn string) signalen.Signaal {
	return signalen.Signaal{Referentie: ref, PartnerType: pt, Bedrag: geld.Euro(euro),
		Ontstaansdatum: d("2026-01-01"), Signaaldatum: d("2026-02-15"), Inwoner: signalen.Inwoner{BSN: bsn}}
}

func TestGroepering(t *testing.T) {
	x := testIndex()
	inst := signalen.StandaardInstellingen()
	inst.Drempelbedrag = geld.Euro(75)
	g := signalen.NieuweGroepeerder(inst)

	// First signal: new enkelvoudig zaak.
	o1, z1, nieuw := ontvang(t, g, x, "woonco", "2026-03-02", sig("a", signalen.PartnerHuur, 500, "999990019"))
	if !nieuw || z1.Meervoudig() || z1.Opeenvolgend || o1.Status != signalen.StatusNogNietOpgepakt {
		t.Fatalf("eerste: nieuw %v meervoudig %v opeenvolgend %v status %q", nieuw, z1.Meervoudig(), z1.Opeenvolgend, o1.Status)
	}
	if z1.PeriodeStart != d("2026-03-01") || z1.PeriodeEinde != d("2026-03-31") || z1.MinderjarigeKinderen != 2 || z1.Wijk != "Noord" {
		t.Errorf("zaak: %+v", z1)
	}
	// Second partner same month: same zaak, meervoudig.
	_, z2, nieuw := ontvang(t, g, x, "energie", "2026-03-10", sig("b", signalen.PartnerEnergie, 200, "999990019"))
	if nieuw || z2 != z1 || !z1.Meervoudig() || z1.Bedrag != geld.Euro(700) {
		t.Fatalf("tweede: nieuw %v zelfde %v meervoudig %v bedrag %v", nieuw, z2 == z1, z1.Meervoudig(), z1.Bedrag)
	}
	// Below threshold: onterecht, joins but does not count.
	o3, _, _ := ontvang(t, g, x, "water", "2026-03-11", sig("c", signalen.PartnerWater, 50, "999990019"))
	if o3.Status != signalen.StatusNietOpgepaktOnterecht || z1.Aantal != 2 || z1.AantalTotaal != 3 {
		t.Errorf("onder drempel: status %q aantal %d/%d", o3.Status, z1.Aantal, z1.AantalTotaal)
	}
	// Same partner again next month within 90 days: herhaalde melding, in a new, automatically closed zaak.
	o4, z4, nieuw := ontvang(t, g, x, "woonco", "2026-04-02", sig("d", signalen.PartnerHuur, 600, "999990019"))
	if !nieuw || o4.Status != signalen.StatusNietOpgepaktHerhaald || z4.Status != signalen.ZaakGesloten ||
		z4.Resultaat != signalen.ResultaatNietOpgepaktHerhaald || !z4.AutomatischGesloten {
		t.Fatalf("herhaald: nieuw %v status %q zaak %q %q", nieuw, o4.Status, z4.Status, z4.Resultaat)
	}
	if !z4.Opeenvolgend || !z4.Bekend || z1.Bekend {
		t.Errorf("april zaak: opeenvolgend %v bekend %v (want both: March zaak); March zaak bekend %v (want false)", z4.Opeenvolgend, z4.Bekend, z1.Bekend)
	}
	// A crisis signal from the same partner reopens the automatically closed zaak; it is never "herhaald".
	crisis := sig("e", signalen.PartnerHuur, 40, "999990019")
	crisis.Crisis, crisis.CrisisSoort = true, signalen.CrisisOntruiming
	o5, z5, _ := ontvang(t, g, x, "woonco", "2026-04-03", crisis) // Friday before Easter weekend
	if z5 != z4 || o5.Status != signalen.StatusNogNietOpgepakt || z4.Status != signalen.ZaakOpen || z4.Resultaat != "" {
		t.Fatalf("crisis: status %q zaak %q %q", o5.Status, z4.Status, z4.Resultaat)
	}
	// Receipt Fri 3 April 2026; Mon 6 April is Tweede Paasdag → Tue, Wed, Thu 9 April.
	if !z4.Crisis || z4.CrisisDeadline != d("2026-04-09") {
		t.Errorf("crisis deadline = %s, want 2026-04-09", z4.CrisisDeadline)
	}
	if !z4.TermijnVerlopen(d("2026-04-10")) || z4.TermijnVerlopen(d("2026-04-09")) {
		t.Error("TermijnVerlopen wrong around the deadline")
	}
	// After 90 days the same partner is new again; 7 months after the last signal: not opeenvolgend.
	o6, z6, _ := ontvang(t, g, x, "woonco", "2026-11-20", sig("f", signalen.PartnerHuur, 600, "999990019"))
	if o6.Status != signalen.StatusNogNietOpgepakt || z6.Opeenvolgend {
		t.Errorf("november: status %q opeenvolgend %v", o6.Status, z6.Opeenvolgend)
	}
}

// A signal below the threshold is not "taken in": the same partner's next signal is not a repeat.
func TestOnterechtIsGeenHerhaling(t *testing.T) {
	inst := signalen.StandaardInstellingen()
	inst.Drempelbedrag = geld.Euro(75)
	g := signalen.NieuweGroepeerder(inst)
	x := testIndex()
	o1, _, _ := ontvang(t, g, x, "woonco", "2026-03-02", sig("a", signalen.PartnerHuur, 50, "999990019"))
	o2, _, _ := ontvang(t, g, x, "woonco", "2026-03-12", sig("b", signalen.PartnerHuur, 150, "999990019"))
	o3, _, _ := ontvang(t, g, x, "woonco", "2026-03-20", sig("c", signalen.PartnerHuur, 200, "999990019"))
	if o1.Status != signalen.StatusNietOpgepaktOnterecht || o2.Status != signalen.StatusNogNietOpgepakt || o3.Status != signalen.StatusNietOpgepaktHerhaald {
		t.Errorf("statuses %q, %q, %q", o1.Status, o2.Status, o3.Status)
	}
}

func TestVenster(t *testing.T) {
	inst := signalen.StandaardInstellingen()
	inst.MinDagen, inst.MaxDagen = 30, 100
	g := signalen.NieuweGroepeerder(inst)
	x := signalen.NieuweIndex()
	for _, tc := range []struct {
		ontstaan string
		want     signalen.Signaalstatus
	}{
		{"2026-02-01", signalen.StatusNietOpgepaktOnterecht}, // 14 days
		{"2026-01-16", signalen.StatusNogNietOpgepakt},       // 30 days
		{"2025-11-07", signalen.StatusNogNietOpgepakt},       // 100 days
		{"2025-11-06", signalen.StatusNietOpgepaktOnterecht}, // 101 days
	} {
		s := sig("x"+tc.ontstaan, signalen.PartnerZorg, 100, "")
		s.Ontstaansdatum = d(tc.ontstaan)
		s.Inwoner.Adres = signalen.Adres{Postcode: "9101AB", Huisnummer: len(tc.ontstaan) + int(d(tc.ontstaan).Dag())}
		o, _, _ := ontvang(t, g, x, "p"+tc.ontstaan, "2026-02-16", s)
		if o.Status != tc.want {
			t.Errorf("ontstaan %s: status %q, want %q", tc.ontstaan, o.Status, tc.want)
		}
	}
}

func TestWorkflow(t *testing.T) {
	z := &signalen.Zaak{Status: signalen.ZaakOpen, EersteOntvangst: d("2026-03-02")}
	vandaag := d("2026-03-10")
	if err := z.RegistreerContact(signalen.Contactpoging{Soort: "Fax", Datum: d("2026-03-03")}, vandaag); err == nil {
		t.Error("unknown soort: want error")
	}
	if err := z.RegistreerContact(signalen.Contactpoging{Soort: signalen.ContactTelefoon, Datum: d("2026-03-11")}, vandaag); err == nil {
		t.Error("future date: want error")
	}
	if err := z.RegistreerContact(signalen.Contactpoging{Soort: signalen.ContactTelefoon, Datum: d("2026-03-01")}, vandaag); err == nil {
		t.Error("before receipt: want error")
	}
	if err := z.RegistreerContact(signalen.Contactpoging{Soort: signalen.ContactHuisbezoek, Dagdeel: signalen.Middag, Datum: d("2026-03-04")}, vandaag); err != nil {
		t.Fatal(err)
	}
	if z.DatumOpgepakt != d("2026-03-04") {
		t.Errorf("DatumOpgepakt = %s, want 2026-03-04", z.DatumOpgepakt)
	}
	if err := z.Sluit("", vandaag); err != signalen.ErrGeenResultaat {
		t.Errorf("close without outcome: err %v, want ErrGeenResultaat", err)
	}
	if err := z.Sluit("Opgelost", vandaag); err == nil {
		t.Error("unknown outcome: want error")
	}
	if err := z.Sluit(signalen.ResultaatVervolghulpFinancieel, vandaag); err != nil {
		t.Fatal(err)
	}
	if err := z.Sluit(signalen.ResultaatGeenContact, vandaag); err != signalen.ErrZaakGesloten {
		t.Errorf("close twice: err %v", err)
	}
	if err := z.RegistreerContact(signalen.Contactpoging{Soort: signalen.ContactBrief, Datum: vandaag}, vandaag); err != signalen.ErrZaakGesloten {
		t.Errorf("contact on closed zaak: err %v", err)
	}
}

func TestTerugkoppeling(t *testing.T) {
	for _, tc := range []struct {
		r    signalen.Eindresultaat
		want signalen.Terugkoppeling
	}{
		{signalen.ResultaatVervolghulpFinancieel, signalen.TerugOpgepakt},
		{signalen.ResultaatGeenContact, signalen.TerugOpgepakt},
		{signalen.ResultaatNietOpgepaktAndereReden, signalen.TerugNietOpgepakt},
		{signalen.ResultaatAlBekendSHV, signalen.TerugNietOpgepakt},
		{signalen.ResultaatOverleden, signalen.TerugNietOpgepakt},
	} {
		if got := signalen.TerugkoppelingVan(signalen.StatusNaResultaat(tc.r)); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.r, got, tc.want)
		}
	}
	if got := signalen.TerugkoppelingVan(signalen.StatusNogNietOpgepakt); got != signalen.TerugNogNiet {
		t.Errorf("nog niet: got %q", got)
	}
}

func TestPrioriteit(t *testing.T) {
	zaken := []*signalen.Zaak{
		{ID: 1, Aantal: 1, Bedrag: 900, EersteOntvangst: d("2026-03-01")},
		{ID: 2, Aantal: 1, Bedrag: 100, MinderjarigeKinderen: 1, EersteOntvangst: d("2026-03-01")},
		{ID: 3, Aantal: 2, Bedrag: 50, EersteOntvangst: d("2026-03-01")},
		{ID: 4, Aantal: 1, Crisis: true, CrisisDeadline: d("2026-03-09"), EersteOntvangst: d("2026-03-04")},
		{ID: 5, Aantal: 1, Crisis: true, CrisisDeadline: d("2026-03-05"), EersteOntvangst: d("2026-03-02")},
		{ID: 6, Aantal: 1, Bedrag: 900, EersteOntvangst: d("2026-02-01")},
	}
	signalen.SorteerWerklijst(zaken)
	var got []int64
	for _, z := range zaken {
		got = append(got, z.ID)
	}
	want := []int64{5, 4, 3, 2, 6, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order = %v, want %v", got, want)
		}
	}
}

func TestBewaartermijnen(t *testing.T) {
	b := signalen.StandaardBewaartermijnen()
	if err := b.Controleer(); err != nil {
		t.Fatal(err)
	}
	if got := b.VernietigVanaf(signalen.ResultaatNietOpgepaktOnterecht, d("2026-03-31")); got != d("2027-03-31") {
		t.Errorf("onterecht: %s", got)
	}
	if got := b.VernietigVanaf(signalen.ResultaatVervolghulpFinancieel, d("2026-03-15")); got != d("2028-03-15") {
		t.Errorf("vervolghulp: %s", got)
	}
	b.PerResultaat["Onzin"] = 3
	if b.Controleer() == nil {
		t.Error("unknown outcome in retention: want error")
	}
	if err := signalen.StandaardInstellingen().Controleer(); err != nil {
		t.Errorf("defaults: %v", err)
	}
}

// Signals about more residents at one address than the gemeente's maximum are not merged into one zaak:
// the zaak of the address keeps the first residents, every other resident gets a zaak of its own, and
// all of them are marked for review with the reason. A resident's later signals join its own zaak.
func TestGroeperingTeVeelInwonersOpEenAdres(t *testing.T) {
	inst := signalen.StandaardInstellingen()
	inst.MaxInwonersPerAdres = 3
	g := signalen.NieuweGroepeerder(inst)
	x := signalen.NieuweIndex() // nobody known: every signal is grouped by its own address
	bsns := synth.BSNs()
	adres := signalen.Adres{Postcode: "9101AA", Huisnummer: 1}
	zaken := map[*signalen.Zaak]int{}
	var eerste *signalen.Zaak
	for i := range 10 {
		s := sig("r"+strconv.Itoa(i), signalen.PartnerTypes()[i%len(signalen.PartnerTypes())], 100, bsns[i])
		s.Inwoner.Adres = adres
		_, z, _ := ontvang(t, g, x, "woonco", "2026-03-02", s)
		zaken[z]++
		if i == 0 {
			eerste = z
		}
	}
	// Residents 0-2 in the address's zaak, 3-9 one zaak each.
	if got, want := len(zaken), 8; got != want {
		t.Fatalf("zaken = %d, want %d", got, want)
	}
	if zaken[eerste] != 3 {
		t.Errorf("zaak of the address has %d signals, want 3", zaken[eerste])
	}
	for z, n := range zaken {
		if !z.Beoordelen || z.Beoordeling != signalen.RedenTeVeelInwoners(3) {
			t.Errorf("zaak %s (%d signals): beoordelen %v, reden %q", z.Huishoudsleutel, n, z.Beoordelen, z.Beoordeling)
		}
		if strings.Contains(z.Huishoudsleutel, "9999") {
			t.Errorf("household key %q holds a BSN", z.Huishoudsleutel)
		}
	}
	// A second signal of resident 5 joins its own zaak; one of resident 1 joins the address's zaak.
	s := sig("r5b", signalen.PartnerEnergie, 100, bsns[5])
	s.Inwoner.Adres = adres
	_, z5, nieuw := ontvang(t, g, x, "energie", "2026-03-03", s)
	if nieuw || z5 == eerste || zaken[z5] != 1 {
		t.Errorf("resident 5 again: nieuw %v, in the address's zaak %v, known zaak %v", nieuw, z5 == eerste, zaken[z5] == 1)
	}
	s = sig("r1b", signalen.PartnerEnergie, 100, bsns[1])
	s.Inwoner.Adres = adres
	if _, z1, _ := ontvang(t, g, x, "energie", "2026-03-03", s); z1 != eerste {
		t.Error("resident 1 again: not in the address's zaak")
	}

	// Up to the maximum nothing is marked.
	g = signalen.NieuweGroepeerder(inst)
	for i := range 3 {
		s := sig("s"+strconv.Itoa(i), signalen.PartnerHuur, 100, bsns[i])
		s.Inwoner.Adres = adres
		if _, z, _ := ontvang(t, g, x, "woonco", "2026-03-02", s); z.Beoordelen {
			t.Errorf("signal %d: zaak marked for review at %d residents (maximum 3)", i, i+1)
		}
	}
}
