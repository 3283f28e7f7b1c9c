package opslag_test

import (
	"fmt"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/synth"
)

// opEenAdres returns n signals about n different residents (test BSNs from offset) at one address.
func opEenAdres(prefix string, offset, n int) []signalen.Signaal {
	bsns := synth.BSNs()
	out := make([]signalen.Signaal, n)
	for i := range n {
		out[i] = signaal(fmt.Sprintf("%s-%d", prefix, i), signalen.PartnerTypes()[i%len(signalen.PartnerTypes())], 100+int64(i%50),
			bsns[offset+i], "9101ZZ", 1)
	}
	return out
}

// Regression (issue 14, defect 5): a delivery of thousands of signals about different residents at one
// address made one zaak of all of them. Now the zaak of the address holds at most the gemeente's
// maximum of residents, every other resident has a zaak of its own, all of them are marked for review
// with the reason, and the worklist filters on it. A later delivery puts known residents back in their
// zaak.
func TestVeleSignalenOpEenAdresTerBeoordeling(t *testing.T) {
	const n = 3000
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			st := db.store
			x := signalen.NieuweIndex() // nobody known: grouped by the signal's own address
			res, err := st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "woonco", Signalen: opEenAdres("a", 0, n)}, x)
			if err != nil {
				t.Fatal(err)
			}
			max := signalen.StandaardMaxInwonersPerAdres
			if want := n - max + 1; res.Opgeslagen != n || res.NieuweZaken != want {
				t.Fatalf("opgeslagen %d, nieuwe zaken %d; want %d and %d (one for the address with %d residents, one per other resident)",
					res.Opgeslagen, res.NieuweZaken, n, want, max)
			}
			var grootste, zonderVlag int
			if err := db.db.QueryRowContext(ctx, `SELECT MAX(aantal_totaal), SUM(1 - beoordelen) FROM signalen_zaak WHERE gemeente = $1`,
				"GM0175").Scan(&grootste, &zonderVlag); err != nil {
				t.Fatal(err)
			}
			if grootste != max || zonderVlag != 0 {
				t.Errorf("largest zaak %d signals (want %d), %d zaken not marked for review (want 0)", grootste, max, zonderVlag)
			}
			zaken, totaal, err := st.Werklijst(ctx, "GM0175", opslag.Filter{AlleenBeoordelen: true, Limiet: 5})
			if err != nil {
				t.Fatal(err)
			}
			if totaal != n-max+1 || len(zaken) != 5 || !zaken[0].Beoordelen || zaken[0].Beoordeling != signalen.RedenTeVeelInwoners(max) {
				t.Errorf("worklist ter beoordeling: %d zaken, first %+v", totaal, zaken[0])
			}
			if got, err := st.AantalTerBeoordeling(ctx, "GM0175"); err != nil || got != n-max+1 {
				t.Errorf("AantalTerBeoordeling = %d, %v; want %d", got, err, n-max+1)
			}
			if got, _ := st.AantalTerBeoordeling(ctx, "GM0147"); got != 0 {
				t.Errorf("another gemeente has %d zaken ter beoordeling", got)
			}

			// Next delivery in the same month: residents 3 (in the address's zaak) and 500 (own zaak) join
			// their zaak; resident n+1 is new and gets a zaak of its own, marked for review.
			tweede := append(opEenAdres("b", 3, 1), opEenAdres("c", 500, 1)...)
			tweede = append(tweede, opEenAdres("d", n+1, 1)...)
			res, err = st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "energie", Signalen: tweede}, x)
			if err != nil {
				t.Fatal(err)
			}
			if res.Opgeslagen != 3 || res.NieuweZaken != 1 {
				t.Errorf("second delivery: opgeslagen %d, nieuwe zaken %d; want 3 and 1", res.Opgeslagen, res.NieuweZaken)
			}
			if err := db.db.QueryRowContext(ctx, `SELECT MAX(aantal_totaal), SUM(1 - beoordelen) FROM signalen_zaak WHERE gemeente = $1`,
				"GM0175").Scan(&grootste, &zonderVlag); err != nil {
				t.Fatal(err)
			}
			if grootste != max+1 || zonderVlag != 0 {
				t.Errorf("after the second delivery: largest zaak %d signals (want %d), %d zaken not marked", grootste, max+1, zonderVlag)
			}
		})
	}
}

// Up to the maximum, signals of several residents at one address still form one zaak, not marked.
func TestAdresTotHetMaximumEenZaak(t *testing.T) {
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			st := db.store
			inst := signalen.StandaardInstellingen()
			inst.MaxInwonersPerAdres = 4
			if err := st.ZetInstellingen(ctx, "GM0175", inst, 0); err != nil {
				t.Fatal(err)
			}
			if got, _, err := st.Instellingen(ctx, "GM0175"); err != nil || got.MaxInwonersPerAdres != 4 {
				t.Fatalf("setting read back: %d, %v", got.MaxInwonersPerAdres, err)
			}
			inst.MaxInwonersPerAdres = 0
			if err := st.ZetInstellingen(ctx, "GM0175", inst, 0); err == nil {
				t.Error("maximum 0 accepted")
			}
			res, err := st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "woonco", Signalen: opEenAdres("a", 0, 4)}, signalen.NieuweIndex())
			if err != nil {
				t.Fatal(err)
			}
			if res.NieuweZaken != 1 {
				t.Errorf("4 residents, maximum 4: %d zaken, want 1", res.NieuweZaken)
			}
			if n, _ := st.AantalTerBeoordeling(ctx, "GM0175"); n != 0 {
				t.Errorf("%d zaken ter beoordeling, want 0", n)
			}
			res, err = st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "woonco", Signalen: opEenAdres("b", 4, 1)}, signalen.NieuweIndex())
			if err != nil {
				t.Fatal(err)
			}
			if n, _ := st.AantalTerBeoordeling(ctx, "GM0175"); res.NieuweZaken != 1 || n != 2 {
				t.Errorf("fifth resident: %d new zaken, %d ter beoordeling; want 1 and 2", res.NieuweZaken, n)
			}
		})
	}
}

// Regression (issue 14, defect 5): opening a zaak read all its signals and wrote one audit row per
// resident. Now one page of SignalenPerPagina signals is read and one audit row is written per view,
// with the residents of that page; a search by one of their BSNs finds it.
func TestZaakPaginaEenAuditRij(t *testing.T) {
	const n = 2000
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			st := db.store
			inst := signalen.StandaardInstellingen()
			inst.MaxInwonersPerAdres = signalen.MaxInwonersPerAdresGrens // the largest zaak a gemeente can get
			if err := st.ZetInstellingen(ctx, "GM0175", inst, 0); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "woonco", Signalen: opEenAdres("a", 0, n)}, signalen.NieuweIndex()); err != nil {
				t.Fatal(err)
			}
			var id int64
			if err := db.db.QueryRowContext(ctx, `SELECT id FROM signalen_zaak WHERE gemeente = $1 ORDER BY aantal_totaal DESC LIMIT 1`, "GM0175").Scan(&id); err != nil {
				t.Fatal(err)
			}
			voor := len(db.auditRijen(t, "GM0175"))
			det, err := st.Zaak(ctx, "GM0175", id, 950)
			if err != nil {
				t.Fatal(err)
			}
			bsns := synth.BSNs()
			if det.AantalSignalen != signalen.MaxInwonersPerAdresGrens || det.Vanaf != 950 || len(det.Signalen) != opslag.SignalenPerPagina ||
				det.Signalen[0].Inwoner.BSN != bsns[950] {
				t.Fatalf("page: %d of %d signals from %d, first %q", len(det.Signalen), det.AantalSignalen, det.Vanaf, det.Signalen[0].Inwoner.BSN)
			}
			rijen := db.auditRijen(t, "GM0175")
			if got := len(rijen) - voor; got != 1 {
				t.Fatalf("one view wrote %d audit rows, want 1", got)
			}
			if a := rijen[0]; a.Operatie != "vroegsignaalzaak.bekijken" || a.Aantal != opslag.SignalenPerPagina || a.Object != fmt.Sprint("vroegsignaalzaak/", id) {
				t.Errorf("audit row = %+v", a)
			}
			for _, tc := range []struct {
				bsn  string
				want int
			}{{bsns[950], 1}, {bsns[999], 1}, {bsns[949], 0}, {bsns[1000], 0}} {
				got, err := db.log.Zoek(ctx, audit.Filter{Gemeente: "GM0175", BSN: tc.bsn, Operatie: "vroegsignaalzaak.bekijken"})
				if err != nil || len(got) != tc.want {
					t.Errorf("views found by BSN %s: %d, %v; want %d", tc.bsn, len(got), err, tc.want)
				}
			}
			// Past the end: an empty page; a negative offset is refused.
			if det, err := st.Zaak(ctx, "GM0175", id, 5000); err != nil || len(det.Signalen) != 0 {
				t.Errorf("past the end: %d signals, %v", len(det.Signalen), err)
			}
			if _, err := st.Zaak(ctx, "GM0175", id, -1); err == nil {
				t.Error("negative offset accepted")
			}
			// A change of the zaak is one audit row too, with all its residents.
			voor = len(db.auditRijen(t, "GM0175"))
			if err := st.Oppakken(ctx, "GM0175", id, "consulent1"); err != nil {
				t.Fatal(err)
			}
			rijen = db.auditRijen(t, "GM0175")
			if got := len(rijen) - voor; got != 1 || rijen[0].Aantal != signalen.MaxInwonersPerAdresGrens {
				t.Errorf("picking up wrote %d audit rows (want 1), the row counts %d residents", got, rijen[0].Aantal)
			}
		})
	}
}
