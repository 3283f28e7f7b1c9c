package netwerk_test

import (
	"fmt"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// BenchmarkKaart builds the sociale kaart of a gemeente with 50 partners and 300 services at 100
// locations (more than any of the four plans names) and searches it, as one public page does.
func BenchmarkKaart(b *testing.B) {
	db := storetest.OpenTest(b)
	o := nieuwB(b, db)
	ctx := audit.WithActor(b.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "bench", Naam: "bench"})
	for p := range 50 {
		pr, err := o.ps.Maak(ctx, partner.Nieuw{Naam: fmt.Sprintf("Partner %d", p), Gemeente: "GM0175", Van: partner.Vandaag(nu).AddDate(-1, 0, 0)})
		if err != nil {
			b.Fatal(err)
		}
		var locs []string
		for l := range 2 {
			loc, err := o.net.MaakLocatie(ctx, "GM0175", netwerk.Locatie{PartnerID: pr.ID, Naam: fmt.Sprintf("Locatie %d", l),
				Adres: partner.Adres{Straat: "Voorbeeldstraat", Huisnummer: fmt.Sprint(l + 1), Postcode: "9999 ZZ", Plaats: fmt.Sprintf("Dorp %d", p%7)}, Bron: "x"})
			if err != nil {
				b.Fatal(err)
			}
			locs = append(locs, loc.ID)
		}
		open, _ := netwerk.ParseOpeningstijden("ma-vr 09:00-12:00")
		for d := range 6 {
			if _, err := o.net.MaakDienst(ctx, netwerk.Dienst{PartnerID: pr.ID, Naam: fmt.Sprintf("Dienst %d", d), Beschrijving: "Hulp bij geldzaken en papieren.",
				Behoeften: []netwerk.Behoefte{netwerk.Behoeften[(p+d)%16]}, Bron: "x", GecontroleerdOp: partner.Vandaag(nu), Gemeenten: []string{"GM0175"},
				Locaties: []netwerk.DienstLocatie{{LocatieID: locs[d%2], Openingstijden: open}}}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		k, err := o.net.Kaart(b.Context(), "GM0175")
		if err != nil || len(k.Items) != 300 {
			b.Fatalf("%d items %v", len(k.Items), err)
		}
		_ = k.Zoek(netwerk.Filter{Behoefte: netwerk.Schuldhulp, Dorp: "Dorp 3", Zoek: "geldzaken"})
	}
}

// BenchmarkVerwijzingen reads the list of one partner (the largest of 20) and of the gemeente among
// 10,000 referrals of a gemeente: what one list page does (the list logs its read, as the page does).
func BenchmarkVerwijzingen(b *testing.B) {
	db := storetest.OpenTest(b)
	o := nieuwB(b, db)
	ctx := audit.WithActor(b.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "bench", Naam: "bench"})
	var ps []string
	for p := range 20 {
		pr, err := o.ps.Maak(ctx, partner.Nieuw{Naam: fmt.Sprintf("Partner %d", p), Gemeente: "GM0175", Van: partner.Vandaag(nu).AddDate(-1, 0, 0)})
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, pr.ID)
	}
	if err := o.net.ZetAntwoordWerkdagen(ctx, "GM0175", 5); err != nil {
		b.Fatal(err)
	}
	for i := range 10000 {
		if _, err := o.net.Verwijs(ctx, netwerk.NieuweVerwijzing{Gemeente: "GM0175", Richting: netwerk.NaarPartner, PartnerID: ps[i%20], Bron: netwerk.BronZaak,
			BronID: int64(i + 1), Door: 1, Inwoner: netwerk.Inwoner{Naam: "Inwoner", Email: "a@voorbeeld.example"}, Behoefte: netwerk.Schuldhulp,
			Vraag: "Hulp bij de post.", Grondslag: netwerk.WettelijkeTaak, Artikel: "wgs-3a"}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("partner", func(b *testing.B) {
		for b.Loop() {
			vs, err := o.net.Verwijzingen(ctx, "GM0175", netwerk.Kijker{Partner: ps[0]}, netwerk.VFilter{Sorteer: "antwoord"})
			if err != nil || len(vs) != 500 {
				b.Fatalf("%d %v", len(vs), err)
			}
		}
	})
	b.Run("gemeente-te-laat", func(b *testing.B) {
		for b.Loop() {
			if _, err := o.net.Verwijzingen(ctx, "GM0175", netwerk.Kijker{Gemeente: true}, netwerk.VFilter{TeLaat: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
