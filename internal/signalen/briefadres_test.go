package signalen_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
)

// briefIndex: household HB registered at the briefadres 9999ZZ 1 (BSN 999990019), household HW at the
// woonadres 9101AA 12, household HO at 9101AA 20 (an address the gemeente's list calls a briefadres).
func briefIndex() signalen.Zoeker {
	x := signalen.NieuweIndex()
	x.VoegToe("999990019", signalen.Match{InwonerID: "IB", HuishoudenID: "HB", Briefadres: true,
		Adres: signalen.Adres{Postcode: "9999ZZ", Huisnummer: 1}})
	x.VoegToe("", signalen.Match{InwonerID: "IW", HuishoudenID: "HW", Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: 12}})
	x.VoegToe("", signalen.Match{InwonerID: "IO", HuishoudenID: "HO", Adres: signalen.Adres{Postcode: "9101AA", Huisnummer: 20}})
	return signalen.MetBriefadressen(x, []signalen.Briefadres{{Postcode: "9101AA", Huisnummer: 20, Naam: "Opvang", Bron: "opvang"}})
}

func briefSig(ref, bsn, achternaam, geboren, postcode string, huisnummer int) signalen.Signaal {
	s := signalen.Signaal{Referentie: ref, PartnerType: signalen.PartnerHuur, Bedrag: geld.Euro(300),
		Ontstaansdatum: d("2026-01-01"), Signaaldatum: d("2026-02-15"),
		Inwoner: signalen.Inwoner{BSN: bsn, Voorletters: "T.", Achternaam: achternaam, Adres: signalen.Adres{Postcode: postcode, Huisnummer: huisnummer}}}
	if geboren != "" {
		s.Inwoner.Geboortedatum = d(geboren)
	}
	return s
}

// Two unrelated people at a shelter address (from the register, and from the gemeente's list): two
// vroegsignaalzaken, neither matched to the household registered at that address; a normal address
// still groups; a BSN match at a briefadres still matches.
func TestBriefadresNooitOpAdres(t *testing.T) {
	for _, adres := range []struct {
		naam     string
		postcode string
		nummer   int
	}{{"register", "9999ZZ", 1}, {"lijst", "9101AA", 20}} {
		t.Run(adres.naam, func(t *testing.T) {
			x := briefIndex()
			g := signalen.NieuweGroepeerder(signalen.StandaardInstellingen())
			// An earlier signal (February) about someone else at the same address must not make the zaak "opeenvolgend".
			ontvang(t, g, x, "woonco", "2026-02-02", briefSig("v", "", "Eerder", "1970-07-07", adres.postcode, adres.nummer))
			o1, z1, _ := ontvang(t, g, x, "woonco", "2026-03-02", briefSig("a", "", "Jansen", "1980-01-01", adres.postcode, adres.nummer))
			o2, z2, nieuw := ontvang(t, g, x, "energie", "2026-03-03", briefSig("b", "", "De Vries", "1990-02-02", adres.postcode, adres.nummer))
			for _, o := range []*signalen.Ontvangen{o1, o2} {
				k := o.Koppeling
				if k.Methode != signalen.MethodeGeen || !k.Briefadres || k.Match.HuishoudenID != "" || k.Adressleutel != "" ||
					!signalen.IsBriefadresSleutel(k.Huishoudsleutel) {
					t.Errorf("%s: got %+v, want unmatched, briefadres, per-person key, no address key", o.Referentie, k)
				}
			}
			if z1 == z2 || !nieuw || z1.Aantal != 1 || z2.Aantal != 1 {
				t.Fatalf("two people at a briefadres: same zaak %v, nieuw %v, aantallen %d %d; want two zaken of one signal", z1 == z2, nieuw, z1.Aantal, z2.Aantal)
			}
			if z1.Opeenvolgend || z2.Opeenvolgend || z1.HuishoudenID != "" {
				t.Errorf("opeenvolgend %v %v huishouden %q: someone else's earlier signal at the address counts for nothing", z1.Opeenvolgend, z2.Opeenvolgend, z1.HuishoudenID)
			}
			// The same person again in the month: the same zaak (the key is per person).
			_, z3, _ := ontvang(t, g, x, "water", "2026-03-10", briefSig("c", "", "jansen", "1980-01-01", adres.postcode, adres.nummer))
			if z3 != z1 || !z1.Meervoudig() {
				t.Errorf("same person again: same zaak %v, meervoudig %v", z3 == z1, z1.Meervoudig())
			}
		})
	}

	x := briefIndex()
	// A BSN match at a briefadres still matches, to the registered household, not by the address.
	s := briefSig("d", "999990019", "Jansen", "", "9999ZZ", 1)
	k, err := signalen.Koppel(t.Context(), x, &s)
	if err != nil {
		t.Fatal(err)
	}
	if k.Methode != signalen.MethodeBSN || k.Huishoudsleutel != "h:HB" || !k.Briefadres || k.Adressleutel != "" {
		t.Errorf("BSN at briefadres: got %+v, want bsn h:HB briefadres without address key", k)
	}
	// A BSN that is not registered, at a briefadres: a per-person key, not the BSN in clear.
	s = briefSig("e", "999990032", "", "", "9101AA", 20)
	k, _ = signalen.Koppel(t.Context(), x, &s)
	if k.Methode != signalen.MethodeGeen || !signalen.IsBriefadresSleutel(k.Huishoudsleutel) || strings.Contains(k.Huishoudsleutel, "999990032") {
		t.Errorf("unknown BSN at briefadres: got %+v", k)
	}
	// Without BSN, name or birth date: per signal.
	s1, s2 := briefSig("f", "", "", "", "9999ZZ", 1), briefSig("g", "", "", "", "9999ZZ", 1)
	k1, _ := signalen.Koppel(t.Context(), x, &s1)
	k2, _ := signalen.Koppel(t.Context(), x, &s2)
	if k1.Huishoudsleutel == k2.Huishoudsleutel {
		t.Error("two anonymous signals at a briefadres share a key")
	}
	// A normal address still matches and groups by address.
	g := signalen.NieuweGroepeerder(signalen.StandaardInstellingen())
	o1, z1, _ := ontvang(t, g, x, "woonco", "2026-03-02", briefSig("h", "", "Jansen", "1980-01-01", "9101AA", 12))
	o2, z2, _ := ontvang(t, g, x, "energie", "2026-03-03", briefSig("i", "", "Pietersen", "1981-01-01", "9101AA", 12))
	if o1.Koppeling.Methode != signalen.MethodeAdres || o1.Koppeling.Huishoudsleutel != "h:HW" || o1.Koppeling.Briefadres || z1 != z2 || o2.Koppeling.Briefadres {
		t.Errorf("woonadres: %+v, same zaak %v", o1.Koppeling, z1 == z2)
	}
	_, z4, _ := ontvang(t, g, x, "woonco", "2026-03-02", briefSig("j", "", "Een", "1980-01-01", "9101AB", 5))
	_, z5, _ := ontvang(t, g, x, "energie", "2026-03-03", briefSig("k", "", "Twee", "1981-01-01", "9101AB", 5))
	if z4 != z5 || z4.Huishoudsleutel != "a:9101AB|5|" {
		t.Errorf("unknown woonadres: same zaak %v key %q, want one zaak a:9101AB|5|", z4 == z5, z4.Huishoudsleutel)
	}
}

func TestBriefadresControleer(t *testing.T) {
	b := signalen.Briefadres{Postcode: " 9999 zz", Huisnummer: 1, Toevoeging: "-a", Naam: " Gemeentehuis ", Bron: "BRP"}
	b.Normaliseer()
	if b.Postcode != "9999ZZ" || b.Toevoeging != "A" || b.Naam != "Gemeentehuis" || b.Controleer() != nil {
		t.Fatalf("got %+v %v", b, b.Controleer())
	}
	fout := signalen.Briefadres{Postcode: "99", Huisnummer: 0, Toevoeging: "ABCDE", Naam: "", Bron: "a\x00b"}
	var fs errs.Fields
	err := fout.Controleer()
	if !errors.As(err, &fs) {
		t.Fatalf("got %v", err)
	}
	for _, pad := range []string{"postcode", "huisnummer", "toevoeging", "naam", "bron"} {
		if !fs.Has(pad) {
			t.Errorf("no error at %s: %v", pad, fs)
		}
	}
}
