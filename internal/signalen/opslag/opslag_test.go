package opslag_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/ddas"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/synth"
)

var maart = time.Date(2026, time.March, 2, 9, 0, 0, 0, time.UTC) // Monday

func d(s string) datum.Datum {
	v, err := datum.Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

func signaal(ref string, pt signalen.PartnerType, euro int64, bsn string, pc string, nr int) signalen.Signaal {
	return signalen.Signaal{Referentie: ref, PartnerType: pt, Bedrag: geld.Euro(euro),
		Ontstaansdatum: d("2026-01-10"), Signaaldatum: d("2026-02-25"),
		Inwoner: signalen.Inwoner{BSN: bsn, Voorletters: "T.", Achternaam: "Testpersoon",
			Adres: signalen.Adres{Postcode: pc, Huisnummer: nr, Woonplaats: "Zandhoven"}}}
}

func testIndex() *signalen.Index {
	x := signalen.NieuweIndex()
	bsns := synth.BSNs()
	for i := 0; i < 10; i++ {
		x.VoegToe(bsns[i], signalen.Match{InwonerID: fmt.Sprint("I", i), HuishoudenID: fmt.Sprint("H", i), Wijk: []string{"Noord", "Zuid"}[i%2],
			MinderjarigeKinderen: i % 3, Geboortedatum: datum.Nieuw(1960+i*5, 6, 1),
			Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: i + 1, Woonplaats: "Zandhoven"}})
	}
	return x
}

func TestOntvangstEnBatchregel(t *testing.T) {
	bsns := synth.BSNs()
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			st := db.store
			x := testIndex()
			fout := signaal("R3", signalen.PartnerZorg, 100, "123456789", "9101AA", 3)
			lev := opslag.Levering{Gemeente: "GM0175", PartnerID: "woonco", Signalen: []signalen.Signaal{
				signaal("R1", signalen.PartnerHuur, 500, bsns[0], "", 0),
				signaal("R2", signalen.PartnerHuur, 300, "", "9101AA", 2),
				fout,
				signaal("R4", signalen.PartnerHuur, 300, "", "9999ZZ", 9), // not a resident: stored, not matched
			}}
			got, err := st.Ontvang(ctx, lev, x)
			if err != nil {
				t.Fatal(err)
			}
			if got.Opgeslagen != 3 || got.Afgewezen != 1 || got.Fouten[0].Index != 2 || got.Fouten[0].Path != "inwoner.bsn" ||
				len(got.NietGekoppeld) != 1 || got.NietGekoppeld[0] != 3 || got.NieuweZaken != 3 {
				t.Fatalf("ontvangst = %+v", got)
			}
			// Re-delivery of the whole batch: nothing new, the bad one still refused.
			got, err = st.Ontvang(ctx, lev, x)
			if err != nil {
				t.Fatal(err)
			}
			if got.Opgeslagen != 0 || got.AlOntvangen != 3 || got.Afgewezen != 1 {
				t.Fatalf("herlevering = %+v", got)
			}
			// Same references from another partner are other signals; another gemeente sees none of them.
			lev.PartnerID = "energie"
			lev.Signalen = lev.Signalen[:2]
			lev.Signalen[0].PartnerType, lev.Signalen[1].PartnerType = signalen.PartnerEnergie, signalen.PartnerEnergie
			if got, err = st.Ontvang(ctx, lev, x); err != nil || got.Opgeslagen != 2 || got.NieuweZaken != 0 {
				t.Fatalf("tweede partner = %+v, %v", got, err)
			}
			lijst, n, err := st.Werklijst(ctx, "GM0175", opslag.Filter{})
			if err != nil || n != 3 || len(lijst) != 3 {
				t.Fatalf("werklijst: %d zaken (%d), %v", len(lijst), n, err)
			}
			// Both households are meervoudig; the one with minor children (H1) comes first.
			if !lijst[0].Meervoudig() || lijst[0].HuishoudenID != "H1" || lijst[0].Bedrag != geld.Euro(600) ||
				lijst[1].HuishoudenID != "H0" || lijst[1].Bedrag != geld.Euro(1000) || lijst[2].Meervoudig() {
				t.Errorf("worklist order: %+v", lijst)
			}
			if _, n, _ := st.Werklijst(ctx, "GM0147", opslag.Filter{}); n != 0 {
				t.Errorf("other gemeente sees %d zaken", n)
			}
			if _, err := st.Zaak(ctx, "GM0147", lijst[0].ID, 0); !errors.Is(err, opslag.ErrNietGevonden) {
				t.Errorf("other gemeente opens zaak: err %v", err)
			}
			if k, err := st.Terugkoppeling(ctx, "GM0175", "woonco", "R1"); err != nil || k != signalen.TerugNogNiet {
				t.Errorf("terugkoppeling = %q, %v", k, err)
			}
			if _, err := st.Terugkoppeling(ctx, "GM0175", "anderpartner", "R1"); !errors.Is(err, opslag.ErrNietGevonden) {
				t.Errorf("other partner reads feedback: err %v", err)
			}
			rijen := db.auditRijen(t, "GM0175")
			if len(rijen) < 3 {
				t.Errorf("audit: %d rows, want intake and feedback rows", len(rijen))
			}
			for _, a := range rijen {
				if strings.Contains(fmt.Sprintf("%+v", a), bsns[0]) {
					t.Errorf("audit row holds a BSN: %+v", a)
				}
			}
		})
	}
}

func TestTeGroot(t *testing.T) {
	db := databases(t, maart)[0]
	_, err := db.store.Ontvang(metActor(t.Context()), opslag.Levering{Gemeente: "GM0175", PartnerID: "p", Signalen: make([]signalen.Signaal, signalen.MaxBatch+1)}, signalen.NieuweIndex())
	if !errors.Is(err, opslag.ErrTeGroot) {
		t.Errorf("err = %v, want ErrTeGroot", err)
	}
}

func TestWerkstroomEnTerugkoppeling(t *testing.T) {
	bsns := synth.BSNs()
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			st := db.store
			inst := signalen.StandaardInstellingen()
			inst.Drempelbedrag = geld.Euro(75)
			if err := st.ZetInstellingen(ctx, "GM0175", inst, 18000); err != nil {
				t.Fatal(err)
			}
			crisis := signaal("C1", signalen.PartnerEnergie, 900, bsns[1], "", 0)
			crisis.Crisis, crisis.CrisisSoort = true, signalen.CrisisAfsluitingEnergie
			_, err := st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "energie", Signalen: []signalen.Signaal{
				crisis,
				signaal("L1", signalen.PartnerWater, 20, bsns[2], "", 0), // below threshold
				signaal("N1", signalen.PartnerZorg, 200, bsns[3], "", 0),
			}}, testIndex())
			if err != nil {
				t.Fatal(err)
			}
			if k, _ := st.Terugkoppeling(ctx, "GM0175", "energie", "L1"); k != signalen.TerugNietOpgepakt {
				t.Errorf("below threshold: %q", k)
			}
			lijst, n, err := st.Werklijst(ctx, "GM0175", opslag.Filter{})
			if err != nil || n != 2 {
				t.Fatalf("werklijst %d, %v", n, err)
			}
			z := lijst[0]
			if !z.Crisis || z.CrisisDeadline != d("2026-03-05") {
				t.Fatalf("crisis zaak first with deadline 2026-03-05: %+v", z)
			}
			if err := st.Sluit(ctx, "GM0175", z.ID, ""); !errors.Is(err, signalen.ErrGeenResultaat) {
				t.Errorf("close without outcome: %v", err)
			}
			db.zet(maart.Add(48 * time.Hour))
			if _, err := st.RegistreerContact(ctx, "GM0175", z.ID, signalen.Contactpoging{Soort: signalen.ContactTelefoon, Bereikt: true,
				Datum: d("2026-03-04"), Dagdeel: signalen.Ochtend, Toelichting: "gebeld"}, "consulent1"); err != nil {
				t.Fatal(err)
			}
			if k, _ := st.Terugkoppeling(ctx, "GM0175", "energie", "C1"); k != signalen.TerugOpgepakt {
				t.Errorf("after contact: %q", k)
			}
			if err := st.Notitie(ctx, "GM0175", z.ID, "Afspraak gemaakt.", "consulent1"); err != nil {
				t.Fatal(err)
			}
			if err := st.Sluit(ctx, "GM0175", z.ID, signalen.ResultaatVervolghulpFinancieel); err != nil {
				t.Fatal(err)
			}
			det, err := st.Zaak(ctx, "GM0175", z.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			if det.Zaak.Status != signalen.ZaakGesloten || len(det.Contactpogingen) != 1 || len(det.Notities) != 1 ||
				det.Signalen[0].Inwoner.BSN != bsns[1] || det.Signalen[0].Status != signalen.StatusOpgepakt {
				t.Errorf("detail = %+v", det)
			}
			if a := db.auditRijen(t, "GM0175")[0]; a.Operatie != "vroegsignaalzaak.bekijken" || a.SubjectHash == "" || a.Object != fmt.Sprint("vroegsignaalzaak/", z.ID) {
				t.Errorf("opening a zaak is not audited with its resident: %+v", a)
			}
			// The other zaak closed as "andere reden": partner learns only "niet opgepakt".
			if err := st.Sluit(ctx, "GM0175", lijst[1].ID, signalen.ResultaatNietOpgepaktAndereReden); err != nil {
				t.Fatal(err)
			}
			if k, _ := st.Terugkoppeling(ctx, "GM0175", "energie", "N1"); k != signalen.TerugNietOpgepakt {
				t.Errorf("andere reden: %q", k)
			}
			ind, err := st.Indicatoren(ctx, "GM0175", "2026-01", "2026-12")
			if err != nil {
				t.Fatal(err)
			}
			m := ind.Maanden[0]
			if m.Signalen != 3 || m.PerPartnerType[signalen.PartnerEnergie] != 1 || m.Zaken != 3 || m.Bereikt != 1 ||
				m.Crisis != 1 || m.CrisisOpTijd != 1 || m.MetContactpoging != 1 || m.GemDagenTotContact != 2 ||
				m.Resultaten[signalen.ResultaatNietOpgepaktOnterecht] != 1 || m.PerDuizendInwoners != 3.0/18 {
				t.Errorf("indicatoren = %+v", m)
			}
		})
	}
}

func TestBewaartermijn(t *testing.T) {
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			st := db.store
			pop := synth.Populatie(300)
			x := synth.Index(pop)
			sigs := synth.Signalen(pop, 400, "b", d("2026-03-02"), 7)
			if _, err := st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "p", Signalen: sigs}, x); err != nil {
				t.Fatal(err)
			}
			lijst, _, err := st.Werklijst(ctx, "GM0175", opslag.Filter{Limiet: 500})
			if err != nil {
				t.Fatal(err)
			}
			// Close half with a short-term outcome, a quarter with follow-up help, leave the rest open.
			for i, z := range lijst {
				switch i % 4 {
				case 0, 1:
					if _, err := st.RegistreerContact(ctx, "GM0175", z.ID, signalen.Contactpoging{Soort: signalen.ContactBrief, Bereikt: i%4 == 0, Datum: d("2026-03-02")}, "c"); err != nil {
						t.Fatal(err)
					}
					err = st.Sluit(ctx, "GM0175", z.ID, signalen.ResultaatGeenContact)
				case 2:
					err = st.Sluit(ctx, "GM0175", z.ID, signalen.ResultaatVervolghulpFinancieel)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			voor, err := st.Indicatoren(ctx, "GM0175", "2026-01", "2026-12")
			if err != nil {
				t.Fatal(err)
			}
			// 11 months later: nothing is due yet.
			db.zet(time.Date(2027, time.February, 1, 9, 0, 0, 0, time.UTC))
			if r, err := st.Bewaar(ctx, "GM0175"); err != nil || r.Zaken != 0 {
				t.Fatalf("after 11 months: %+v, %v", r, err)
			}
			// 12 months: the 12-month outcomes go, with their signals; counts stay.
			db.zet(time.Date(2027, time.March, 2, 9, 0, 0, 0, time.UTC))
			r, err := st.Bewaar(ctx, "GM0175")
			if err != nil {
				t.Fatal(err)
			}
			if r.Zaken == 0 || r.Signalen < r.Zaken {
				t.Fatalf("after 12 months: %+v", r)
			}
			na, err := st.Indicatoren(ctx, "GM0175", "2026-01", "2026-12")
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%+v", na) != fmt.Sprintf("%+v", voor) {
				t.Errorf("indicators changed by retention:\nvoor %+v\nna   %+v", voor, na)
			}
			var rest int
			db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_zaak WHERE gemeente = 'GM0175' AND resultaat = $1`,
				string(signalen.ResultaatGeenContact)).Scan(&rest)
			if rest != 0 {
				t.Errorf("%d zaken with a 12-month outcome left", rest)
			}
			// 24 months: follow-up zaken go too; open zaken stay.
			db.zet(time.Date(2028, time.March, 3, 9, 0, 0, 0, time.UTC))
			if _, err := st.Bewaar(ctx, "GM0175"); err != nil {
				t.Fatal(err)
			}
			var gesloten, open int
			db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_zaak WHERE gemeente = 'GM0175' AND status = 'gesloten' AND automatisch = 0`).Scan(&gesloten)
			db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_zaak WHERE gemeente = 'GM0175' AND status = 'open'`).Scan(&open)
			if gesloten != 0 || open == 0 {
				t.Errorf("after 24 months: %d closed left, %d open", gesloten, open)
			}
			na2, _ := st.Indicatoren(ctx, "GM0175", "2026-01", "2026-12")
			if fmt.Sprintf("%+v", na2) != fmt.Sprintf("%+v", voor) {
				t.Errorf("indicators changed by second retention run")
			}
		})
	}
}

func TestDDASExportUitOpslag(t *testing.T) {
	sch, err := ddas.Schema()
	if err != nil {
		t.Fatal(err)
	}
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			pop := synth.Populatie(500)
			sigs := synth.Signalen(pop, 800, "x", d("2026-03-02"), 3)
			for i := range sigs {
				if i%2 == 0 {
					sigs[i].Inwoner.BSN = ""
				}
			}
			if _, err := db.store.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "p", Signalen: sigs}, synth.Index(pop)); err != nil {
				t.Fatal(err)
			}
			lijst, _, _ := db.store.Werklijst(ctx, "GM0175", opslag.Filter{Limiet: 10})
			db.store.RegistreerContact(ctx, "GM0175", lijst[0].ID, signalen.Contactpoging{Soort: signalen.ContactHuisbezoek, Datum: d("2026-03-02"), Dagdeel: signalen.Avond}, "c")
			db.store.Sluit(ctx, "GM0175", lijst[0].ID, signalen.ResultaatBudgetadvies)
			zaken, err := db.store.DDASInvoer(ctx, "GM0175", d("2026-01-01"), d("2026-03-31"))
			if err != nil {
				t.Fatal(err)
			}
			bs, err := ddas.Berichten(ddas.Invoer{CodeGegevensleverancier: "ZEKER", Gemeentecode: "GM0175", Van: d("2026-01-01"), Tot: d("2026-03-31"),
				Aangeleverd: maart, Zaken: zaken}, 300)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, b := range bs {
				p, _ := ddas.Marshal(b)
				if err := ddas.Valideer(sch, p); err != nil {
					t.Fatal(err)
				}
				n += len(b.Leveringen[0].Vroegsignalen)
			}
			if n != 800 || len(bs) < 3 {
				t.Errorf("%d signals in %d messages, want 800 in ≥3", n, len(bs))
			}
		})
	}
}

func TestWerklijstFilters(t *testing.T) {
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			bsns := synth.BSNs()
			var sigs []signalen.Signaal
			for i := 0; i < 10; i++ {
				pt := signalen.PartnerHuur
				if i%2 == 1 {
					pt = signalen.PartnerZorg
				}
				sigs = append(sigs, signaal(fmt.Sprint("F", i), pt, int64(100+i), bsns[i], "", 0))
			}
			if _, err := db.store.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "p", Signalen: sigs}, testIndex()); err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				naam string
				f    opslag.Filter
				want int
			}{
				{"alle open", opslag.Filter{}, 10},
				{"wijk", opslag.Filter{Wijk: "Noord"}, 5},
				{"partnertype", opslag.Filter{PartnerType: signalen.PartnerZorg}, 5},
				{"leeftijd 40-55", opslag.Filter{LeeftijdVan: 40, LeeftijdTot: 55}, 4}, // born 1 June 1970..1985 → 55, 50, 45, 40
				{"gesloten", opslag.Filter{Status: signalen.ZaakGesloten}, 0},
				{"pagina", opslag.Filter{Limiet: 4, Vanaf: 8}, 10},
				{"tel tot 6", opslag.Filter{TelTot: 6}, 7},
				{"tel tot 20", opslag.Filter{TelTot: 20}, 10},
			} {
				got, n, err := db.store.Werklijst(ctx, "GM0175", tc.f)
				if err != nil {
					t.Fatal(err)
				}
				if n != tc.want {
					t.Errorf("%s: %d, want %d", tc.naam, n, tc.want)
				}
				if tc.naam == "pagina" && len(got) != 2 {
					t.Errorf("pagina: %d rows, want 2", len(got))
				}
			}
		})
	}
}

func TestBewaarJob(t *testing.T) {
	db := databases(t, maart)[0]
	ctx := metActor(t.Context())
	bsns := synth.BSNs()
	if _, err := db.store.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "p", Signalen: []signalen.Signaal{
		signaal("J1", signalen.PartnerHuur, 300, bsns[0], "", 0), signaal("J2", signalen.PartnerHuur, 300, bsns[1], "", 0)}}, testIndex()); err != nil {
		t.Fatal(err)
	}
	lijst, _, _ := db.store.Werklijst(ctx, "GM0175", opslag.Filter{})
	if err := db.store.Sluit(ctx, "GM0175", lijst[0].ID, signalen.ResultaatRegeltZelf); err != nil {
		t.Fatal(err)
	}
	db.zet(time.Date(2027, time.March, 3, 9, 0, 0, 0, time.UTC))
	r := jobs.NewRunner(db.sdb, jobs.Config{PollInterval: 20 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	db.store.RegistreerJobs(r, []string{"GM0175"})
	runCtx, stop := context.WithCancel(ctx)
	klaar := make(chan struct{})
	go func() { r.Run(runCtx); close(klaar) }()
	defer func() { stop(); <-klaar }()
	for deadline := time.Now().Add(20 * time.Second); ; {
		var n int
		db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_zaak WHERE gemeente = 'GM0175'`).Scan(&n)
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("retention job did not run: %d zaken left, want 1 (the open one)", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	js, err := jobs.List(ctx, db.sdb, "GM0175", opslag.JobBewaartermijn, 5)
	if err != nil || len(js) == 0 {
		t.Fatalf("jobs: %v %v", js, err)
	}
}

// TestGelijktijdigeHerlevering sends the same delivery four times at once: every signal is stored once,
// and each household has one zaak.
func TestGelijktijdigeHerlevering(t *testing.T) {
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			pop := synth.Populatie(200)
			x := synth.Index(pop)
			sigs := synth.Signalen(pop, 500, "gelijk", d("2026-03-02"), 9)
			fouten := make(chan error, 4)
			opgeslagen := make(chan int, 4)
			for range 4 {
				go func() {
					res, err := db.store.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "p", Signalen: sigs}, x)
					fouten <- err
					opgeslagen <- res.Opgeslagen
				}()
			}
			totaal := 0
			for range 4 {
				if err := <-fouten; err != nil {
					t.Fatal(err)
				}
				totaal += <-opgeslagen
			}
			var n, dubbel int
			db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_signaal WHERE gemeente = 'GM0175'`).Scan(&n)
			db.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT huishoudsleutel FROM signalen_zaak WHERE gemeente = 'GM0175'
				GROUP BY huishoudsleutel, periode_start HAVING COUNT(*) > 1) d`).Scan(&dubbel)
			if totaal != 500 || n != 500 || dubbel != 0 {
				t.Errorf("stored %d (reported %d), want 500; households with two zaken: %d", n, totaal, dubbel)
			}
		})
	}
}
