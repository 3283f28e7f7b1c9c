package ddas_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/ddas"
	"github.com/zeker-platform/zeker/internal/synth"
)

// gedeeldSchema returns the project's shared reference schema, shared/reference/ddas/
// vroegsignalering-v1.2.schema.json, found in an ancestor of the package directory (the shared folder
// sits beside the repository in the project's workspace). It skips the test when there is none — a clone
// elsewhere or CI, also with CI=true: the repository's copy is what the export is validated against.
func gedeeldSchema(t *testing.T) []byte {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "reference", "ddas", "vroegsignalering-v1.2.schema.json")
		if b, err := os.ReadFile(p); err == nil {
			return b
		}
		up := filepath.Dir(dir)
		if up == dir {
			break
		}
		dir = up
	}
	t.Skip("shared/reference/ddas/vroegsignalering-v1.2.schema.json niet gevonden boven de repository (een clone elders of CI); de kopie in dit pakket wordt gebruikt (herkomst: README.md)")
	return nil
}

func TestSchemaKopieGelijkAanGedeeld(t *testing.T) {
	if got := gedeeldSchema(t); !bytes.Equal(got, ddas.SchemaJSON) {
		t.Error("internal/signalen/ddas/vroegsignalering-v1.2.schema.json differs from shared/reference/ddas: copy it again and update README.md")
	}
}

// TestSchemaHerkomst: README.md names the SHA-256 of the embedded copy, so its provenance stays true.
func TestSchemaHerkomst(t *testing.T) {
	leesmij, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	som := sha256.Sum256(ddas.SchemaJSON)
	m := regexp.MustCompile("SHA-256 \\| `([0-9a-f]{64})`").FindSubmatch(leesmij)
	if m == nil || string(m[1]) != hex.EncodeToString(som[:]) {
		t.Errorf("README.md does not name the SHA-256 of the embedded schema (%x)", som)
	}
}

// bouw runs synthetic signals through matching and grouping and returns the export input.
func bouw(t testing.TB, n int) ddas.Invoer {
	pop := synth.Populatie(2000)
	x := synth.Index(pop)
	vandaag := datum.Nieuw(2026, time.March, 31)
	sigs := synth.Signalen(pop, n, "t", vandaag, 1)
	inst := signalen.StandaardInstellingen()
	inst.Drempelbedrag = geld.Euro(75)
	g := signalen.NieuweGroepeerder(inst)
	per := map[*signalen.Zaak]*ddas.Zaak{}
	var volgorde []*signalen.Zaak
	for i, s := range sigs {
		if i%3 == 0 {
			s.Inwoner.BSN = "" // address-only client in the DDAS message
			s.Inwoner.Geboortedatum = datum.Nieuw(1980, time.May, 1)
		}
		k, err := signalen.Koppel(t.Context(), x, &s)
		if err != nil {
			t.Fatal(err)
		}
		o := signalen.Ontvangen{Signaal: s, ID: int64(i + 1), Gemeente: "GM0175", Partner: "p", Ontvangen: s.Signaaldatum, Koppeling: k}
		z, nieuw := g.Plaats(&o)
		if nieuw {
			z.ID = int64(len(volgorde) + 1)
			volgorde = append(volgorde, z)
			per[z] = &ddas.Zaak{}
		}
		per[z].Signalen = append(per[z].Signalen, o)
	}
	in := ddas.Invoer{
		CodeGegevensleverancier: "ZEKER",
		Gemeentecode:            "GM0175",
		Organisatie: ddas.Organisatie{Naam: "Gemeente Ommen", Contactpersonen: []ddas.Contactpersoon{
			{Naam: "Team Vroegsignalering", Email: "vroegsignalering@example.org"}}},
		Van:         datum.Nieuw(2026, time.January, 1),
		Tot:         vandaag,
		Aangeleverd: time.Date(2026, time.April, 1, 9, 30, 0, 0, time.UTC),
	}
	for i, z := range volgorde {
		if z.Status == signalen.ZaakOpen && i%2 == 0 {
			c := signalen.Contactpoging{Soort: signalen.ContactTelefoon, Bereikt: i%4 == 0, Datum: z.EersteOntvangst, Dagdeel: signalen.Ochtend}
			if err := z.RegistreerContact(c, vandaag); err != nil {
				t.Fatal(err)
			}
			per[z].Contactpogingen = append(per[z].Contactpogingen, c, signalen.Contactpoging{Soort: signalen.ContactBrief, Datum: vandaag})
			if err := z.Sluit(signalen.ResultaatBudgetadvies, vandaag); err != nil {
				t.Fatal(err)
			}
		}
		per[z].Zaak = *z
		in.Zaken = append(in.Zaken, *per[z])
	}
	return in
}

func TestBerichtenVoldoenAanSchema(t *testing.T) {
	sch, err := ddas.Schema()
	if err != nil {
		t.Fatal(err)
	}
	in := bouw(t, 3000)
	for _, tc := range []struct {
		naam      string
		max       int
		berichten int
	}{
		{"een bericht", 0, 1},
		{"pagina's", 1000, 3},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			bs, err := ddas.Berichten(in, tc.max)
			if err != nil {
				t.Fatal(err)
			}
			if len(bs) < tc.berichten {
				t.Fatalf("%d berichten, want at least %d", len(bs), tc.berichten)
			}
			totaal, zaken := 0, 0
			for _, b := range bs {
				p, err := ddas.Marshal(b)
				if err != nil {
					t.Fatal(err)
				}
				if err := ddas.Valideer(sch, p); err != nil {
					t.Fatal(err)
				}
				lev := b.Leveringen[0]
				if tc.max > 0 && len(lev.Vroegsignalen) > tc.max {
					t.Errorf("%d signals in one message, max %d", len(lev.Vroegsignalen), tc.max)
				}
				// Every zaak refers only to signals in the same message.
				ids := map[string]bool{}
				for _, s := range lev.Vroegsignalen {
					ids[s.ID] = true
				}
				for _, z := range lev.Vroegsignaalzaken {
					for _, r := range z.Vroegsignalen {
						if !ids[r.ID] {
							t.Fatalf("zaak refers to signal %s outside its message", r.ID)
						}
					}
				}
				totaal += len(lev.Vroegsignalen)
				zaken += len(lev.Vroegsignaalzaken)
			}
			if totaal != 3000 || zaken != len(in.Zaken) {
				t.Errorf("exported %d signals in %d zaken, want 3000 in %d", totaal, zaken, len(in.Zaken))
			}
		})
	}
}

func TestSchemaWeigertFouten(t *testing.T) {
	sch, err := ddas.Schema()
	if err != nil {
		t.Fatal(err)
	}
	bs, err := ddas.Berichten(bouw(t, 10), 0)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := ddas.Marshal(bs[0])
	for naam, wijzig := range map[string]func(m map[string]any){
		"onbekend partnertype": func(m map[string]any) {
			sig(m)["signaalpartner"] = map[string]any{"type": "Telecom"}
		},
		"bsn en adres samen": func(m map[string]any) {
			sig(m)["client"] = map[string]any{"burgerservicenummer": "999990019", "postcode": "9101AA", "huisnummer": "1"}
		},
		"datum fout": func(m map[string]any) { m["startdatumLevering"] = "01-01-2026" },
	} {
		var m map[string]any
		if err := json.Unmarshal(p, &m); err != nil {
			t.Fatal(err)
		}
		wijzig(m)
		q, _ := json.Marshal(m)
		if ddas.Valideer(sch, q) == nil {
			t.Errorf("%s: schema accepted an invalid message", naam)
		}
	}
}

func sig(m map[string]any) map[string]any {
	return m["leveringen"].([]any)[0].(map[string]any)["vroegsignalen"].([]any)[0].(map[string]any)
}

func TestHeleEuros(t *testing.T) {
	for _, tc := range []struct {
		in   geld.Bedrag
		want int64
	}{{0, 0}, {49, 0}, {50, 1}, {12345, 123}, {12350, 124}} {
		if got := ddas.HeleEuros(tc.in); got != tc.want {
			t.Errorf("HeleEuros(%d) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestBerichtZonderZaken(t *testing.T) {
	in := ddas.Invoer{CodeGegevensleverancier: "ZEKER", Gemeentecode: "GM0175",
		Van: datum.Nieuw(2026, 1, 1), Tot: datum.Nieuw(2026, 3, 31), Aangeleverd: time.Now()}
	bs, err := ddas.Berichten(in, 0)
	if err != nil || len(bs) != 1 || len(bs[0].Leveringen) != 0 {
		t.Fatalf("got %d berichten, err %v", len(bs), err)
	}
	sch, _ := ddas.Schema()
	p, _ := ddas.Marshal(bs[0])
	if err := ddas.Valideer(sch, p); err != nil {
		t.Error(err)
	}
	in.Tot = datum.Nieuw(2025, 1, 1)
	if _, err := ddas.Berichten(in, 0); err == nil {
		t.Error("tot before van: want error")
	}
}

// TestGrootteGrens checks the national limit itself: 50,001 signals make two messages of 50,000 and 1.
func TestGrootteGrens(t *testing.T) {
	in := ddas.Invoer{CodeGegevensleverancier: "ZEKER", Gemeentecode: "GM0175",
		Van: datum.Nieuw(2026, 1, 1), Tot: datum.Nieuw(2026, 3, 31), Aangeleverd: time.Now()}
	for i := range ddas.MaxSignalen + 1 {
		in.Zaken = append(in.Zaken, ddas.Zaak{
			Zaak:     signalen.Zaak{ID: int64(i + 1), Status: signalen.ZaakOpen},
			Signalen: []signalen.Ontvangen{{ID: int64(i + 1), Signaal: signalen.Signaal{PartnerType: signalen.PartnerHuur, Inwoner: signalen.Inwoner{BSN: "999990019"}}}},
		})
	}
	bs, err := ddas.Berichten(in, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 2 || len(bs[0].Leveringen[0].Vroegsignalen) != ddas.MaxSignalen || len(bs[1].Leveringen[0].Vroegsignalen) != 1 {
		t.Fatalf("%d messages", len(bs))
	}
}
