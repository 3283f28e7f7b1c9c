package brief_test

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/tenant"
)

func inhoud(d datum.Datum) brief.Inhoud {
	return brief.Inhoud{
		Afzender:  brief.AfzenderVanTenant("Ommen", `{"telefoon":"14 0529","email":"info@ommen.example","website":"https://www.ommen.nl","adres":"Chevalleraustraat 1, 7731 AA Ommen","tekst":"Wij helpen u graag."}`),
		Datum:     d,
		Kenmerk:   "Zaak 42",
		Onderwerp: "Besluit: u krijgt schuldhulp",
		Inleiding: []string{"Op 1 februari 2026 vroeg u ons om hulp."},
		Besluiten: []brief.Besluit{{Regeling: "Schuldhulp", Uitkomst: brief.Toegekend, Motivering: brief.Alineas("Eerste alinea.\r\n\r\n  Tweede alinea.  \n\n\n")}},
		Slot:      []string{"Heeft u later weer hulp nodig? Dan kunt u opnieuw bij ons terecht."},
	}
}

// TestNieuwBeschikking: the letter of a beschikking has the tenant's sender lines, the college's
// signature, the decision with its paragraphs, the closing question naming the reference, and the
// bezwaar clause whose last day moves past a holiday (Atw).
func TestNieuwBeschikking(t *testing.T) {
	// Sent Monday 16 March 2026: six weeks later is Monday 27 April 2026, Koningsdag; the term runs
	// on to Tuesday 28 April.
	in := inhoud(datum.Nieuw(2026, 3, 16))
	b := brief.Nieuw(in)

	want := brief.Afzender{Naam: "Gemeente Ommen", Adres: []string{"Chevalleraustraat 1", "7731 AA Ommen"},
		Telefoon: "14 0529", Email: "info@ommen.example", Website: "https://www.ommen.nl"}
	if !reflect.DeepEqual(b.Afzender, want) {
		t.Errorf("afzender = %+v, want %+v", b.Afzender, want)
	}
	if b.Ondertekening != "Het college van burgemeester en wethouders van Ommen" {
		t.Errorf("ondertekening = %q", b.Ondertekening)
	}
	if b.Datum != in.Datum || b.Kenmerk != "Zaak 42" || b.Onderwerp != in.Onderwerp || !reflect.DeepEqual(b.Inleiding, in.Inleiding) {
		t.Errorf("header = %v %q %q %q", b.Datum, b.Kenmerk, b.Onderwerp, b.Inleiding)
	}
	if len(b.Besluiten) != 1 || b.Besluiten[0].Uitkomst != brief.Toegekend ||
		!reflect.DeepEqual(b.Besluiten[0].Motivering, []string{"Eerste alinea.", "Tweede alinea."}) {
		t.Errorf("besluiten = %+v", b.Besluiten)
	}
	wantSlot := []string{"Heeft u later weer hulp nodig? Dan kunt u opnieuw bij ons terecht.",
		"Heeft u vragen over deze brief? Neem dan contact met ons op. Noem dan het kenmerk Zaak 42."}
	if !reflect.DeepEqual(b.Slot, wantSlot) {
		t.Errorf("slot = %q", b.Slot)
	}
	if len(in.Slot) != 1 {
		t.Errorf("Nieuw changed the caller's Slot: %q", in.Slot)
	}
	if b.GeenBezwaar != nil {
		t.Errorf("geen bezwaar = %q", b.GeenBezwaar)
	}

	bz, ok, err := b.Bezwaarclausule()
	if err != nil || !ok {
		t.Fatalf("bezwaar: ok %v, err %v", ok, err)
	}
	if got := bz.Einde.String(); got != "2026-04-28" {
		t.Errorf("last day = %s, want 2026-04-28 (27 April is Koningsdag)", got)
	}
	if !strings.Contains(bz.Verlenging, "Koningsdag") || bz.Artikel != brief.ArtikelBezwaarTermijn || bz.Termijn != "zes weken" {
		t.Errorf("bezwaar = %+v", bz)
	}
	h, err := b.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"uiterlijk op 28 april 2026", "Telefoon: 14 0529", "E-mail: info@ommen.example", "Chevalleraustraat 1, 7731 AA Ommen"} {
		if !strings.Contains(h, s) {
			t.Errorf("letter lacks %q", s)
		}
	}
}

// TestNieuwWeekend: six weeks after a Saturday end on a Saturday; the term runs on to Monday.
func TestNieuwWeekend(t *testing.T) {
	b := brief.Nieuw(inhoud(datum.Nieuw(2026, 3, 7)))
	bz, ok, err := b.Bezwaarclausule()
	if err != nil || !ok {
		t.Fatalf("bezwaar: ok %v, err %v", ok, err)
	}
	if got := bz.Einde.String(); got != "2026-04-20" {
		t.Errorf("last day = %s, want Monday 2026-04-20", got)
	}
}

// TestNieuwGeenBezwaar: a decision that is no besluit of the gemeente has no bezwaar clause and is
// signed by the sender, not the college.
func TestNieuwGeenBezwaar(t *testing.T) {
	in := inhoud(datum.Nieuw(2026, 3, 16))
	in.GeenBezwaar = []string{"Dit is geen besluit van de gemeente."}
	b := brief.Nieuw(in)
	if _, ok, err := b.Bezwaarclausule(); ok || err != nil {
		t.Errorf("bezwaar clause: ok %v, err %v", ok, err)
	}
	if b.Ondertekening != "Gemeente Ommen" {
		t.Errorf("ondertekening = %q", b.Ondertekening)
	}
	h, err := b.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, niet := range []string{"6:7", "uiterlijk op", "college van burgemeester"} {
		if strings.Contains(h, niet) {
			t.Errorf("a letter without bezwaar holds %q", niet)
		}
	}
}

// TestNieuwMeerBesluiten: a letter on several regelingen (aanvragen) holds every decision in the given
// order, and its one closing question and signature.
func TestNieuwMeerBesluiten(t *testing.T) {
	in := inhoud(datum.Nieuw(2026, 3, 16))
	in.Besluiten = []brief.Besluit{
		{Regeling: "Individuele inkomenstoeslag", Uitkomst: brief.Toegekend, Bedrag: "€ 123,45", Motivering: []string{"U voldoet."}},
		{Regeling: "Kwijtschelding", Uitkomst: brief.Afgewezen, Motivering: []string{"U voldoet niet."}},
	}
	b := brief.Nieuw(in)
	if !reflect.DeepEqual(b.Besluiten, in.Besluiten) {
		t.Errorf("besluiten = %+v", b.Besluiten)
	}
	h, err := b.HTML()
	if err != nil {
		t.Fatal(err)
	}
	i, j := strings.Index(h, "Individuele inkomenstoeslag"), strings.Index(h, "Kwijtschelding")
	if i < 0 || j < i || !strings.Contains(h, "U voldoet niet.") || !strings.Contains(h, "€ 123,45") {
		t.Errorf("the letter lacks a decision or mixes their order (%d, %d)", i, j)
	}
	if n := strings.Count(h, "Noem dan het kenmerk Zaak 42."); n != 1 {
		t.Errorf("closing question %d times, want once", n)
	}
	if n := strings.Count(h, "Het college van burgemeester en wethouders van Ommen"); n != 1 {
		t.Errorf("signature %d times, want once", n)
	}
}

func TestAfzenderVanTenantKapotContact(t *testing.T) {
	got := brief.AfzenderVanTenant("Borne", "{niet json")
	if !reflect.DeepEqual(got, brief.Afzender{Naam: "Gemeente Borne"}) {
		t.Errorf("afzender = %+v", got)
	}
}

// TestLeesAfzender reads the sender from the tenants table, in a transaction as the parts do; an
// AfzenderBron, when set, takes its place.
func TestLeesAfzender(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		g := tenant.Gemeente{Code: "GM9999", Naam: "Testdorp", Actief: true,
			Contact: tenant.Contact{Telefoon: "0999-123456", Adres: "Postbus 9, 9999 ZZ Testdorp"}}
		if err := tenant.Maak(t.Context(), db, g, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		vast := brief.AfzenderBron(func(_ context.Context, gm string) (brief.Afzender, error) {
			return brief.Afzender{Naam: "Vast " + gm}, nil
		})
		var af, geenBron, metBron brief.Afzender
		var fout error
		if err := db.Tx(t.Context(), func(tx *sql.Tx) error {
			af, _ = brief.LeesAfzender(t.Context(), tx, "GM9999")
			_, fout = brief.LeesAfzender(t.Context(), tx, "GM9998")
			geenBron, _ = brief.AfzenderBron(nil).Lees(t.Context(), tx, "GM9999")
			metBron, _ = vast.Lees(t.Context(), tx, "GM9999")
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		want := brief.Afzender{Naam: "Gemeente Testdorp", Adres: []string{"Postbus 9", "9999 ZZ Testdorp"}, Telefoon: "0999-123456"}
		if !reflect.DeepEqual(af, want) {
			t.Errorf("afzender = %+v, want %+v", af, want)
		}
		if !reflect.DeepEqual(geenBron, want) {
			t.Errorf("nil AfzenderBron = %+v, want the tenant %+v", geenBron, want)
		}
		if metBron.Naam != "Vast GM9999" {
			t.Errorf("AfzenderBron set = %+v, want its own sender", metBron)
		}
		if !errors.Is(fout, store.ErrNotFound) {
			t.Errorf("unknown gemeente: %v", fout)
		}
	})
}

// TestMaakAfzender: every part builds the sender block the same way; the address as the tenant settings
// write it becomes one line per comma-separated part, empty parts dropped.
func TestMaakAfzender(t *testing.T) {
	got := brief.MaakAfzender("Ommen", "14 0529", "", "https://www.ommen.nl", " Postbus 100,7730 AC Ommen ,, ")
	want := brief.Afzender{Naam: "Gemeente Ommen", Telefoon: "14 0529", Website: "https://www.ommen.nl", Adres: []string{"Postbus 100", "7730 AC Ommen"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if a := brief.MaakAfzender("Borne", "", "", "", ""); a.Adres != nil {
		t.Errorf("no address: %q", a.Adres)
	}
}
