package opslag_test

import (
	"errors"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/bewoners"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/synth"
)

// briefRegister is the resident index of a register with household B1 at the briefadres 9999ZZ 1 (BSN
// bsns[0]), W1 at the woonadres 9101AA 5 and G1 at 9101AA 20, which the gemeente's list calls a shelter.
func briefRegister(bsn string) signalen.Zoeker {
	x := signalen.NieuweIndex()
	geb := datum.Nieuw(1980, 1, 1)
	for _, rec := range []*register.Record{
		{ID: "B1", BSN: []string{bsn}, Huisnummer: 1, Briefadres: true},
		{ID: "W1", BSN: []string{""}, Huisnummer: 5},
		{ID: "G1", BSN: []string{""}, Huisnummer: 20},
	} {
		rec.H = huishouden.Huishouden{Gemeente: "GM0175", Postcode: "9101AA", Woonplaats: "Zandhoven",
			Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: &geb}}}
		if rec.ID == "B1" {
			rec.H.Postcode = "9999ZZ"
		}
		bewoners.VoegToe(x, rec, datum.Nieuw(2026, 3, 2))
	}
	return x
}

func persoonOp(ref, achternaam, geboren, pc string, nr int) signalen.Signaal {
	s := signaal(ref, signalen.PartnerHuur, 300, "", pc, nr)
	s.Inwoner.Achternaam, s.Inwoner.Geboortedatum = achternaam, d(geboren)
	return s
}

// Two unrelated people at a shelter address (known from the register, and from the gemeente's list)
// get two vroegsignaalzaken, neither matched to the household registered there; a normal address still
// groups; a BSN match at a briefadres still matches. The signals carry the briefadres mark.
func TestBriefadresNietGegroepeerd(t *testing.T) {
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			st := db.store
			if err := st.VoegBriefadresToe(ctx, "GM0175", signalen.Briefadres{Postcode: "9101 aa", Huisnummer: 20, Naam: "Opvang De Haven", Bron: "opvanginstelling"}); err != nil {
				t.Fatal(err)
			}
			bsn := synth.BSNs()[0]
			sigs := []signalen.Signaal{
				persoonOp("r1", "Jansen", "1980-01-01", "9999ZZ", 1),   // register briefadres
				persoonOp("r2", "De Vries", "1990-02-02", "9999ZZ", 1), // another person there
				persoonOp("l1", "Bakker", "1970-03-03", "9101AA", 20),  // the list's shelter
				persoonOp("l2", "Visser", "1975-04-04", "9101AA", 20),
				persoonOp("w1", "Smit", "1960-05-05", "9101AA", 5), // a woonadres: one household
				persoonOp("w2", "Smit", "1962-06-06", "9101AA", 5),
				signaal("b1", signalen.PartnerEnergie, 200, bsn, "9999ZZ", 1), // BSN at the briefadres
			}
			res, err := st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "woonco", Signalen: sigs}, briefRegister(bsn))
			if err != nil {
				t.Fatal(err)
			}
			if res.Opgeslagen != 7 || res.NieuweZaken != 6 || len(res.NietGekoppeld) != 4 {
				t.Fatalf("got %+v; want 7 stored, 6 zaken (4 people at briefadressen, 1 household, 1 BSN match), 4 unmatched", res)
			}
			type rij struct {
				zaak                         int64
				methode, huishouden, sleutel string
				brief                        int
			}
			per := map[string]rij{}
			rows, err := db.db.QueryContext(ctx, `SELECT s.referentie, s.zaak_id, s.methode, z.huishouden_id, z.huishoudsleutel, s.briefadres
				FROM signalen_signaal s JOIN signalen_zaak z ON z.id = s.zaak_id WHERE s.gemeente = 'GM0175'`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var ref string
				var r rij
				if err := rows.Scan(&ref, &r.zaak, &r.methode, &r.huishouden, &r.sleutel, &r.brief); err != nil {
					t.Fatal(err)
				}
				per[ref] = r
			}
			rows.Close()
			for _, ref := range []string{"r1", "r2", "l1", "l2"} {
				r := per[ref]
				if r.methode != "geen" || r.huishouden != "" || r.brief != 1 || !signalen.IsBriefadresSleutel(r.sleutel) {
					t.Errorf("%s at a briefadres: %+v, want unmatched, no household, briefadres, per-person key", ref, r)
				}
			}
			if per["r1"].zaak == per["r2"].zaak || per["l1"].zaak == per["l2"].zaak {
				t.Error("two unrelated people at one briefadres share a vroegsignaalzaak")
			}
			if w1, w2 := per["w1"], per["w2"]; w1.zaak != w2.zaak || w1.methode != "adres" || w1.huishouden != "W1" || w1.brief != 0 {
				t.Errorf("woonadres: %+v %+v, want one zaak of household W1 matched by address", w1, w2)
			}
			if b := per["b1"]; b.methode != "bsn" || b.huishouden != "B1" || b.brief != 1 {
				t.Errorf("BSN at the briefadres: %+v, want matched by BSN to B1, marked briefadres", b)
			}
			// The zaak page reads the mark back.
			dz, err := st.Zaak(ctx, "GM0175", per["r1"].zaak, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(dz.Signalen) != 1 || !dz.Signalen[0].Koppeling.Briefadres {
				t.Errorf("zaak page: %+v", dz.Signalen)
			}
			// A second delivery: the same person's next signal joins their zaak, not the other's.
			res, err = st.Ontvang(ctx, opslag.Levering{Gemeente: "GM0175", PartnerID: "water",
				Signalen: []signalen.Signaal{persoonOp("r3", "de vries", "1990-02-02", "9999ZZ", 1)}}, briefRegister(bsn))
			if err != nil || res.NieuweZaken != 0 {
				t.Fatalf("second delivery: %v %+v, want no new zaak", err, res)
			}
			var zaak int64
			if err := db.db.QueryRowContext(ctx, `SELECT zaak_id FROM signalen_signaal WHERE referentie = 'r3'`).Scan(&zaak); err != nil || zaak != per["r2"].zaak {
				t.Errorf("r3 in zaak %d, want %d (De Vries)", zaak, per["r2"].zaak)
			}
		})
	}
}

// The gemeente's list: added and removed with one audit row each, wrong input named per field, an
// address twice refused at huisnummer.
func TestBriefadresLijst(t *testing.T) {
	for _, db := range databases(t, maart) {
		t.Run(db.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			st := db.store
			b := signalen.Briefadres{Postcode: "9999ZZ", Huisnummer: 1, Toevoeging: "a", Naam: "Gemeentehuis", Bron: "BRP"}
			if err := st.VoegBriefadresToe(ctx, "GM0175", b); err != nil {
				t.Fatal(err)
			}
			var fs errs.Fields
			if err := st.VoegBriefadresToe(ctx, "GM0175", b); !errors.As(err, &fs) || !fs.Has("huisnummer") {
				t.Errorf("twice: got %v, want an error at huisnummer", err)
			}
			if err := st.VoegBriefadresToe(ctx, "GM0175", signalen.Briefadres{Postcode: "99", Naam: ""}); !errors.As(err, &fs) || !fs.Has("postcode") || !fs.Has("huisnummer") || !fs.Has("naam") || !fs.Has("bron") {
				t.Errorf("wrong input: got %v", err)
			}
			lijst, err := st.Briefadressen(ctx, "GM0175")
			if err != nil || len(lijst) != 1 || lijst[0].Toevoeging != "A" || lijst[0].Naam != "Gemeentehuis" {
				t.Fatalf("list: %v %+v", err, lijst)
			}
			if l, _ := st.Briefadressen(ctx, "GM1969"); len(l) != 0 {
				t.Errorf("another gemeente sees %+v", l)
			}
			if err := st.VerwijderBriefadres(ctx, "GM0175", lijst[0].Adres()); err != nil {
				t.Fatal(err)
			}
			if err := st.VerwijderBriefadres(ctx, "GM0175", lijst[0].Adres()); !errors.Is(err, errs.NotFound) {
				t.Errorf("removed twice: %v, want NotFound", err)
			}
			var toe, weg int
			for _, r := range db.auditRijen(t, "GM0175") {
				switch {
				case r.Operatie == "vroegsignalering.briefadres.toevoegen" && r.Actie == audit.Aanmaken && r.Object == "briefadres/9999ZZ|1|A":
					toe++
				case r.Operatie == "vroegsignalering.briefadres.verwijderen" && r.Actie == audit.Verwijderen:
					weg++
				}
			}
			if toe != 1 || weg != 1 {
				t.Errorf("audit: %d added, %d removed; want 1 and 1", toe, weg)
			}
		})
	}
}
