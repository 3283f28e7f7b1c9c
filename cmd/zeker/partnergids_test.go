package main

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web/checkweb"
	"github.com/zeker-platform/zeker/regelpakketten"
)

// TestPartnerGids: the check gets a known partner's contact from the partner entity (a beheerder's edit
// wins over the seed), its published contact from internal/partner while it is not in the database, and
// nothing for a key Zeker does not know; a looked-up partner is kept in memory.
func TestPartnerGids(t *testing.T) {
	db := storetest.OpenTest(t)
	if _, err := tenant.ZaaiStandaard(t.Context(), db, time.Now()); err != nil {
		t.Fatal(err)
	}
	al, err := audit.New(db, []byte(strings.Repeat("k", 32)), nil)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := partner.New(partner.Config{DB: db, Audit: al})
	if err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	g := nieuwePartnerGids(ps)

	// Not in the database yet: the published contact of the seed.
	jf, _ := partner.BekendeSleutel("jeugdfonds-sport-cultuur")
	pc, ok := g.PartnerContact(ctx, "jeugdfonds-sport-cultuur")
	if !ok || pc.Naam != jf.Naam || pc.Website != jf.Contact.Website || pc.Telefoon != "" {
		t.Errorf("seed contact = %+v, %v", pc, ok)
	}
	// In the database, edited by a beheerder: that contact, once the cache has expired.
	lg, _ := partner.BekendeSleutel("leergeld-westerkwartier")
	c := partner.Contact{Website: "https://leergeld.voorbeeld.example", WebsiteBron: "test", Telefoon: "0999123456", TelefoonBron: "test",
		Adres: partner.Adres{Straat: "Voorbeeldstraat", Huisnummer: "1", Postcode: "9999 ZZ", Plaats: "Demodorp"}, AdresBron: "test"}
	if _, err := ps.Maak(ctx, partner.Nieuw{ID: lg.ID, Naam: "Leergeld (bewerkt)", Contact: c, Gemeente: "GM1969", Van: ps.Vandaag()}); err != nil {
		t.Fatal(err)
	}
	pc, ok = g.PartnerContact(ctx, "leergeld-westerkwartier")
	if !ok || pc.Naam != "Leergeld (bewerkt)" || pc.Telefoon != "0999123456" || pc.Adres != "Voorbeeldstraat 1, 9999 ZZ Demodorp" || pc.Website != c.Website {
		t.Errorf("database contact = %+v, %v", pc, ok)
	}
	if err := ps.Wijzig(ctx, lg.ID, "Leergeld (later)", "", c); err != nil {
		t.Fatal(err)
	}
	if pc, _ = g.PartnerContact(ctx, "leergeld-westerkwartier"); pc.Naam != "Leergeld (bewerkt)" {
		t.Errorf("within the minute the cached contact is used, got %q", pc.Naam)
	}
	g.ttl = time.Nanosecond
	time.Sleep(time.Millisecond)
	if pc, _ = g.PartnerContact(ctx, "leergeld-westerkwartier"); pc.Naam != "Leergeld (later)" {
		t.Errorf("after the cache expired: %q, want the edit", pc.Naam)
	}
	if _, ok := g.PartnerContact(ctx, "bestaat-niet"); ok {
		t.Error("an unknown key has a contact")
	}
}

// TestPartnerGidsOpeningstijden: the opening hours come from the partner's location on the sociale kaart
// (netwerk), and its address when the partner entity has none.
func TestPartnerGidsOpeningstijden(t *testing.T) {
	db := storetest.OpenTest(t)
	if _, err := tenant.ZaaiStandaard(t.Context(), db, time.Now()); err != nil {
		t.Fatal(err)
	}
	al, err := audit.New(db, []byte(strings.Repeat("k", 32)), nil)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := partner.New(partner.Config{DB: db, Audit: al})
	if err != nil {
		t.Fatal(err)
	}
	cat, err := laadCatalogus(regelpakketten.FS)
	if err != nil {
		t.Fatal(err)
	}
	ns, err := netwerk.New(netwerk.Config{DB: db, Audit: al, Partners: ps, Catalogus: cat})
	if err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	lg, _ := partner.BekendeSleutel("leergeld-westerkwartier")
	if _, err := ps.Maak(ctx, partner.Nieuw{ID: lg.ID, Naam: lg.Naam, Contact: lg.Contact, Gemeente: "GM1969", Van: ps.Vandaag()}); err != nil {
		t.Fatal(err)
	}
	loc, err := ns.MaakLocatie(ctx, "GM1969", netwerk.Locatie{PartnerID: lg.ID, Naam: "Leergeld Leek",
		Adres: partner.Adres{Straat: "Voorbeeldstraat", Huisnummer: "2", Postcode: "9999 ZZ", Plaats: "Leek"}, Bron: "test"})
	if err != nil {
		t.Fatal(err)
	}
	open, err := netwerk.ParseOpeningstijden("do 13:00-16:00")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ns.MaakDienst(ctx, netwerk.Dienst{PartnerID: lg.ID, Naam: "Regelingen voor kinderen", Beschrijving: "Hulp voor kinderen.",
		Behoeften: []netwerk.Behoefte{netwerk.Kinderen}, Bron: "test", GecontroleerdOp: ps.Vandaag(), Gemeenten: []string{"GM1969"},
		Locaties: []netwerk.DienstLocatie{{LocatieID: loc.ID, Openingstijden: open}}}); err != nil {
		t.Fatal(err)
	}
	g := nieuwePartnerGids(ps)
	g.netwerk = ns
	pc, ok := g.PartnerContact(ctx, "leergeld-westerkwartier")
	if !ok || !reflect.DeepEqual(pc.Open, []checkweb.Tijdvak{{Dag: 4, Van: 13 * 60, Tot: 16 * 60}}) || pc.Adres != "Voorbeeldstraat 2, 9999 ZZ Leek" || pc.Website != lg.Contact.Website {
		t.Errorf("contact = %+v", pc)
	}
}
