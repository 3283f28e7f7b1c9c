package netwerk_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// nu is the fixed "now" of these tests: 15 January 2026, when every pack applies.
var nu = time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)

type omgeving struct {
	db  *store.DB
	ps  *partner.Service
	net *netwerk.Service
	log *audit.Log
}

func catalogus(t testing.TB) *regels.Catalogus {
	t.Helper()
	params, err := nl.Load()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func nieuw(t *testing.T, db *store.DB, cat *regels.Catalogus) *omgeving { return nieuwMet(t, db, cat) }

func nieuwB(b *testing.B, db *store.DB) *omgeving { return nieuwMet(b, db, nil) }

func nieuwMet(t testing.TB, db *store.DB, cat *regels.Catalogus) *omgeving {
	t.Helper()
	if _, err := tenant.ZaaiStandaard(t.Context(), db, nu); err != nil {
		t.Fatal(err)
	}
	klok := func() time.Time { return nu }
	al, err := audit.New(db, []byte("netwerk-test-sleutel-van-minstens-32-bytes"), klok)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := partner.New(partner.Config{DB: db, Audit: al, Klok: klok,
		Verhuizers: []partner.Verhuizer{{Naam: "diensten en locaties", Verhuizen: netwerk.VerhuisAanbod}}})
	if err != nil {
		t.Fatal(err)
	}
	ns, err := netwerk.New(netwerk.Config{DB: db, Audit: al, Partners: ps, Catalogus: cat, Klok: klok})
	if err != nil {
		t.Fatal(err)
	}
	return &omgeving{db: db, ps: ps, net: ns, log: al}
}

func (o *omgeving) partner(t *testing.T, naam string, gemeenten ...string) string {
	t.Helper()
	ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
	van := partner.Vandaag(nu).AddDate(-1, 0, 0)
	p, err := o.ps.Maak(ctx, partner.Nieuw{Naam: naam, Gemeente: gemeenten[0], Van: van})
	if err != nil {
		t.Fatal(err)
	}
	for _, gm := range gemeenten[1:] {
		if err := o.ps.MaakLid(ctx, p.ID, gm, van, time.Time{}, 0); err != nil {
			t.Fatal(err)
		}
	}
	return p.ID
}

func leeftijd(n int) *int { return &n }

func TestOpeningstijden(t *testing.T) {
	tests := []struct{ in, want, fout string }{
		{"", "", ""},
		{"ma 09:00-12:00", "ma 09:00-12:00", ""},
		{"ma-wo 9:00-12:00, 13:00-16:30; VR 10.00-11.00", "ma 09:00-12:00, 13:00-16:30; di 09:00-12:00, 13:00-16:30; wo 09:00-12:00, 13:00-16:30; vr 10:00-11:00", ""},
		{"woensdag 13:00-17:00\nma,di 09:00-10:00", "ma 09:00-10:00; di 09:00-10:00; wo 13:00-17:00", ""},
		{"zo 00:00-24:00", "zo 00:00-24:00", ""},
		{"09:00-12:00", "", "Begin met de dag"},
		{"mo 09:00-12:00", "", "‘mo’ is geen dag"},
		{"vr-ma 09:00-12:00", "", "geen reeks dagen"},
		{"ma 12:00-09:00", "", "einde niet na het begin"},
		{"ma 09:00-12:00, 11:00-13:00", "", "overlappen"},
		{"ma 9-12", "", "geen tijd van-tot"},
		{"ma 25:00-26:00", "", "geen tijd van-tot"},
		{"ma 09:00-12:00\x00", "", "tekens die niet kunnen"},
	}
	for _, tt := range tests {
		got, err := netwerk.ParseOpeningstijden(tt.in)
		if tt.fout != "" {
			if err == nil || !strings.Contains(err.Error(), tt.fout) || !errors.Is(err, errs.Invalid) {
				t.Errorf("%q: error %v, want one with %q", tt.in, err, tt.fout)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("%q: %q %v, want %q", tt.in, got.String(), err, tt.want)
		}
		// The normalised form reads back to itself.
		if again, err := netwerk.ParseOpeningstijden(got.String()); err != nil || again.String() != tt.want {
			t.Errorf("%q: normalised form %q reads back as %q %v", tt.in, got.String(), again.String(), err)
		}
	}
}

func TestLeesBehoefte(t *testing.T) {
	for in, want := range map[string]netwerk.Behoefte{"Schuldhulp": netwerk.Schuldhulp, "kinderen/meedoen": netwerk.Kinderen,
		" cursus/training ": netwerk.Cursus, "ontmoeting": netwerk.Ontmoeting} {
		if got, ok := netwerk.LeesBehoefte(in); !ok || got != want {
			t.Errorf("LeesBehoefte(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	if _, ok := netwerk.LeesBehoefte("geld"); ok {
		t.Error("geld accepted as a need")
	}
	if len(netwerk.Behoeften) != 16 {
		t.Errorf("%d needs, the issue names 16", len(netwerk.Behoeften))
	}
}

func TestVerouderd(t *testing.T) {
	dag := func(s string) time.Time { d, _ := partner.ParseDag(s); return d }
	if netwerk.Verouderd(dag("2025-01-15"), dag("2026-01-15"), 12) {
		t.Error("checked exactly 12 months ago is not yet stale")
	}
	if !netwerk.Verouderd(dag("2025-01-14"), dag("2026-01-15"), 12) {
		t.Error("checked 12 months and a day ago is stale")
	}
}

func dienst(partnerID string, gemeenten ...string) netwerk.Dienst {
	return netwerk.Dienst{PartnerID: partnerID, Naam: "Hulp bij geldzaken", Beschrijving: "Een vrijwilliger helpt met post en rekeningen.",
		Behoeften: []netwerk.Behoefte{netwerk.Budgetcoaching, netwerk.Schuldhulp, netwerk.Schuldhulp}, VoorWie: "Iedereen met geldzorgen.",
		MinLeeftijd: leeftijd(18), Aanmelden: "Bel of mail.", Kosten: "Gratis", Website: "https://hulp.voorbeeld.example",
		Email: "hulp@voorbeeld.example", Bron: "Website van de organisatie", GecontroleerdOp: partner.Vandaag(nu).AddDate(0, -2, 0),
		Gemeenten: gemeenten}
}

func TestDienstenEnLocaties(t *testing.T) {
	cat := catalogus(t)
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuw(t, db, cat)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		p := o.partner(t, "Stichting Voorbeeld", "GM1969", "GM0175")

		// Bad input: every problem named at its field.
		_, err := o.net.MaakDienst(ctx, netwerk.Dienst{PartnerID: p, Behoeften: []netwerk.Behoefte{"geld"}, Website: "ftp://x",
			Email: "geen mail", Telefoon: "bel maar", MinLeeftijd: leeftijd(30), MaxLeeftijd: leeftijd(12), Gemeenten: []string{"GM0147"},
			Regelingen: []netwerk.RegelingRol{{Gemeente: "GM1969", Regeling: "bestaat_niet", Rol: netwerk.Uitvoeren}}})
		var f errs.Fields
		if !errors.As(err, &f) || !errors.Is(err, errs.Invalid) {
			t.Fatalf("bad service: %v", err)
		}
		for veld, deel := range map[string]string{"naam": "Vul de naam", "behoeften": "‘geld’ is geen onderwerp", "website": "https://",
			"email": "e-mailadres", "telefoon": "cijfers", "maxleeftijd": "lager dan de laagste", "bron": "Vul de bron",
			"gecontroleerd": "gecontroleerd", "gemeenten": "geen lid van GM0147", "regeling.bestaat_niet": "niet aangeboden"} {
			if !strings.Contains(f.Reason(veld), deel) {
				t.Errorf("field %s: %q, want it to contain %q", veld, f.Reason(veld), deel)
			}
		}

		// A location and a service there, with a regeling of the pack.
		l, err := o.net.MaakLocatie(ctx, "GM1969", netwerk.Locatie{PartnerID: p, Naam: "Dorpshuis", Adres: partner.Adres{Straat: "Voorbeeldstraat",
			Huisnummer: "1", Postcode: "9999zz", Plaats: "Demodorp"}, Bron: "eigen website"})
		if err != nil {
			t.Fatal(err)
		}
		if l.Adres.Postcode != "9999 ZZ" || l.Soort != netwerk.Fysiek {
			t.Errorf("location not normalised: %+v", l)
		}
		if _, err := o.net.MaakLocatie(ctx, "GM1969", netwerk.Locatie{PartnerID: p, Naam: "Online", Soort: netwerk.Virtueel}); err == nil ||
			!strings.Contains(err.Error(), "webadres") {
			t.Errorf("virtual location without URL: %v", err)
		}
		open, _ := netwerk.ParseOpeningstijden("di 09:00-12:00")
		d := dienst(p, "GM1969", "GM0175")
		d.Regelingen = []netwerk.RegelingRol{{Gemeente: "GM1969", Regeling: "kindpakket", Rol: netwerk.Uitvoeren},
			{Gemeente: "GM0175", Regeling: "participatie_volwassenen", Rol: netwerk.Aanvragen}}
		d.Locaties = []netwerk.DienstLocatie{{LocatieID: l.ID, Openingstijden: open}}
		gemaakt, err := o.net.MaakDienst(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		got, err := o.net.Dienst(ctx, gemaakt.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Behoeften, []netwerk.Behoefte{netwerk.Schuldhulp, netwerk.Budgetcoaching}) || *got.MinLeeftijd != 18 ||
			got.MaxLeeftijd != nil || !slices.Equal(got.Gemeenten, []string{"GM0175", "GM1969"}) || len(got.Regelingen) != 2 ||
			len(got.Locaties) != 1 || got.Locaties[0].Openingstijden.String() != "di 09:00-12:00" || got.Status != netwerk.Actief ||
			!got.GecontroleerdOp.Equal(d.GecontroleerdOp) {
			t.Errorf("stored service reads back as %+v", got)
		}
		if n := o.net.RegelingNaam("GM1969", "kindpakket", false); n != "Kindpakket (regelingen voor kinderen)" {
			t.Errorf("regeling name %q", n)
		}

		// A location of another partner is refused.
		ander := o.partner(t, "Ander", "GM1969")
		andereLoc, err := o.net.MaakLocatie(ctx, "GM1969", netwerk.Locatie{PartnerID: ander, Naam: "Elders", Soort: netwerk.Virtueel,
			URL: "https://elders.voorbeeld.example", Bron: "x"})
		if err != nil {
			t.Fatal(err)
		}
		got.Locaties = append(got.Locaties, netwerk.DienstLocatie{LocatieID: andereLoc.ID})
		if _, err := o.net.WijzigDienst(ctx, got); err == nil || !strings.Contains(err.Error(), "niet van Stichting Voorbeeld") {
			t.Errorf("another partner's location: %v", err)
		}

		// The sociale kaart of each gemeente; a check moves the stale mark.
		k, err := o.net.Kaart(ctx, "GM1969")
		if err != nil {
			t.Fatal(err)
		}
		if len(k.Items) != 1 || k.Items[0].Verouderd || len(k.Items[0].Locaties) != 1 || k.Items[0].Locaties[0].Dorp() != "Demodorp" ||
			!slices.Equal(k.Dorpen(), []string{"Demodorp"}) || k.VerouderdNaMaanden != netwerk.StandaardVerouderdNaMaanden {
			t.Errorf("kaart GM1969: %+v", k)
		}
		if err := o.net.ZetVerouderdNaMaanden(ctx, "GM1969", 1); err != nil {
			t.Fatal(err)
		}
		if err := o.net.ZetVerouderdNaMaanden(ctx, "GM1969", 37); err == nil {
			t.Error("37 months accepted")
		}
		if k, _ = o.net.Kaart(ctx, "GM1969"); !k.Items[0].Verouderd {
			t.Error("checked two months ago, stale after one: not marked stale")
		}
		if err := o.net.Gecontroleerd(ctx, gemaakt.ID, partner.Vandaag(nu)); err != nil {
			t.Fatal(err)
		}
		if k, _ = o.net.Kaart(ctx, "GM1969"); k.Items[0].Verouderd {
			t.Error("checked today, still stale")
		}
		if k, _ := o.net.Kaart(ctx, "GM0147"); len(k.Items) != 0 {
			t.Errorf("kaart of a gemeente where nothing is offered: %d items", len(k.Items))
		}

		// A service that stopped leaves the kaart but stays for the beheerder.
		got, _ = o.net.Dienst(ctx, gemaakt.ID)
		got.Status = netwerk.Opgeheven
		if _, err := o.net.WijzigDienst(ctx, got); err != nil {
			t.Fatal(err)
		}
		if k, _ = o.net.Kaart(ctx, "GM0175"); len(k.Items) != 0 {
			t.Error("a defunct service is on the kaart")
		}
		if ds, _ := o.net.DienstenIn(ctx, "GM0175"); len(ds) != 1 {
			t.Errorf("the beheerder's list has %d services, want 1", len(ds))
		}

		// Merging the partner into another moves its services and locations.
		if _, err := o.ps.VoegSamen(ctx, ander, p); err != nil {
			t.Fatal(err)
		}
		if ds, _ := o.net.DienstenVan(ctx, ander); len(ds) != 1 {
			t.Errorf("after the merge the partner has %d services, want 1", len(ds))
		}
		if ls, _ := o.net.LocatiesVan(ctx, ander); len(ls) != 2 {
			t.Errorf("after the merge the partner has %d locations, want 2", len(ls))
		}

		// Removing a location takes it off its services; removing a service removes it.
		if err := o.net.VerwijderLocatie(ctx, "GM1969", l.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ = o.net.Dienst(ctx, gemaakt.ID); len(got.Locaties) != 0 {
			t.Errorf("removed location still linked: %+v", got.Locaties)
		}
		if err := o.net.VerwijderDienst(ctx, gemaakt.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := o.net.Dienst(ctx, gemaakt.ID); !errors.Is(err, errs.NotFound) {
			t.Errorf("removed service: %v", err)
		}
		if _, err := o.net.Dienst(ctx, "niet-een-id"); !errors.Is(err, errs.NotFound) {
			t.Errorf("bad id: %v", err)
		}
	})
}

func TestKaartZoeken(t *testing.T) {
	loc := func(naam, dorp string) netwerk.ItemLocatie {
		return netwerk.ItemLocatie{Locatie: netwerk.Locatie{Naam: naam, Soort: netwerk.Fysiek, Adres: partner.Adres{Plaats: dorp}}}
	}
	k := netwerk.Kaart{Items: []netwerk.Item{
		{Partner: partner.Organisatie{Naam: "Voedselbank"}, Dienst: netwerk.Dienst{Naam: "Voedselpakket", Behoeften: []netwerk.Behoefte{netwerk.Voedsel}},
			Locaties: []netwerk.ItemLocatie{loc("Uitgifte", "Exloo")}},
		{Partner: partner.Organisatie{Naam: "Maatje"}, Dienst: netwerk.Dienst{Naam: "Thuisadministratie", Beschrijving: "Hulp bij papieren en financiën",
			Behoeften: []netwerk.Behoefte{netwerk.Budgetcoaching}}},
		{Partner: partner.Organisatie{Naam: "Sociaal team"}, Dienst: netwerk.Dienst{Naam: "Schuldhulp", Behoeften: []netwerk.Behoefte{netwerk.Schuldhulp, netwerk.Budgetcoaching}},
			Locaties: []netwerk.ItemLocatie{loc("Gemeentehuis", "Borger"), loc("Steunpunt", "Nieuw-Buinen")}},
	}}
	namen := func(its []netwerk.Item) []string {
		var s []string
		for _, it := range its {
			s = append(s, it.Dienst.Naam)
		}
		return s
	}
	tests := []struct {
		f    netwerk.Filter
		want []string
	}{
		{netwerk.Filter{}, []string{"Voedselpakket", "Thuisadministratie", "Schuldhulp"}},
		{netwerk.Filter{Behoefte: netwerk.Budgetcoaching}, []string{"Thuisadministratie", "Schuldhulp"}},
		{netwerk.Filter{Dorp: "exloo"}, []string{"Voedselpakket", "Thuisadministratie"}}, // no building: found everywhere
		{netwerk.Filter{Dorp: "Nieuw-Buinen", Behoefte: netwerk.Schuldhulp}, []string{"Schuldhulp"}},
		{netwerk.Filter{Zoek: "FINANCIEN papieren"}, []string{"Thuisadministratie"}},
		{netwerk.Filter{Zoek: "voedsel exloo"}, []string{"Voedselpakket"}},
		{netwerk.Filter{Zoek: "fiets"}, nil},
	}
	for _, tt := range tests {
		if got := namen(k.Zoek(tt.f)); !slices.Equal(got, tt.want) {
			t.Errorf("%+v: %v, want %v", tt.f, got, tt.want)
		}
	}
	if got := k.Dorpen(); !slices.Equal(got, []string{"Borger", "Exloo", "Nieuw-Buinen"}) {
		t.Errorf("villages %v", got)
	}
	if n := k.Aantallen(); n[netwerk.Budgetcoaching] != 2 || n[netwerk.Voedsel] != 1 {
		t.Errorf("counts %v", n)
	}
}
