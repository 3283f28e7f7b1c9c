package aanvragen_test

import (
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/datum"
)

func TestOpgeschort(t *testing.T) {
	basis := datum.Nieuw(2026, 4, 27) // Koningsdag
	d := datum.Nieuw
	for _, c := range []struct {
		naam string
		ops  []aanvragen.Opschorting
		want string
	}{
		{"geen verzoek: Atw art. 1 verschuift Koningsdag", nil, "2026-04-28"},
		{"open: tot en met de laatste dag van de hersteltermijn", []aanvragen.Opschorting{{Gevraagd: d(2026, 3, 2), HerstelTot: d(2026, 3, 16)}}, "2026-05-11"},
		{"binnen op 9 maart: 3 t/m 8 maart, 6 dagen, zondag 3 mei wordt maandag", []aanvragen.Opschorting{{Gevraagd: d(2026, 3, 2), HerstelTot: d(2026, 3, 16), Ontvangen: d(2026, 3, 9)}}, "2026-05-04"},
		{"te laat binnen: tot het einde van de hersteltermijn", []aanvragen.Opschorting{{Gevraagd: d(2026, 3, 2), HerstelTot: d(2026, 3, 16), Ontvangen: d(2026, 3, 20)}}, "2026-05-11"},
		{"dezelfde dag binnen: niets opgeschort", []aanvragen.Opschorting{{Gevraagd: d(2026, 3, 2), HerstelTot: d(2026, 3, 16), Ontvangen: d(2026, 3, 2)}}, "2026-04-28"},
		{"overlap telt één keer: 3 t/m 11 maart, 9 dagen", []aanvragen.Opschorting{
			{Gevraagd: d(2026, 3, 2), HerstelTot: d(2026, 3, 16), Ontvangen: d(2026, 3, 9)},
			{Gevraagd: d(2026, 3, 5), HerstelTot: d(2026, 3, 19), Ontvangen: d(2026, 3, 12)}}, "2026-05-06"},
		{"twee losse perioden tellen op", []aanvragen.Opschorting{
			{Gevraagd: d(2026, 3, 2), HerstelTot: d(2026, 3, 16), Ontvangen: d(2026, 3, 5)},
			{Gevraagd: d(2026, 3, 20), HerstelTot: d(2026, 4, 3), Ontvangen: d(2026, 3, 23)}}, "2026-05-01"}, // 3-4 and 21-22 March
	} {
		got := aanvragen.Opgeschort(basis, "8 weken na ontvangst (Awb 4:13)", true, c.ops)
		if got.Datum.String() != c.want {
			t.Errorf("%s: %s, want %s (%s)", c.naam, got.Datum, c.want, got.Uitleg)
		}
		if len(c.ops) > 0 && c.want != "2026-04-28" && !strings.Contains(got.Uitleg, "Awb 4:15 lid 1 onder a") {
			t.Errorf("%s: uitleg cites no article: %s", c.naam, got.Uitleg)
		}
	}
	// A term over twelve weeks is not moved by the Algemene termijnenwet (art. 4).
	if got := aanvragen.Opgeschort(basis, "", false, nil); got.Datum.String() != "2026-04-27" {
		t.Errorf("no Atw: %s", got.Datum)
	}
}

// TestOpschortingVerschuiftOpgeslagenDeadline: asking a document moves the stored deadline (of the
// application and its regelingen, which the inbox sorts on) to the end of the hersteltermijn's
// suspension; receiving it earlier moves it back by the days that were not suspended.
func TestOpschortingVerschuiftOpgeslagenDeadline(t *testing.T) {
	for _, o := range omgevingen(t, 3, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			n := nieuw("participatie_volwassenen")
			n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "a.pdf", Inhoud: pdf(3)}, {Soort: "vermogen", Naam: "b.pdf", Inhoud: pdf(3)}}
			a, err := o.svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			opgeslagen := func(want string) {
				t.Helper()
				var dl, rdl, uitleg string
				if err := o.db.SQL().QueryRowContext(ctx, `SELECT a.deadline, r.deadline, a.deadline_uitleg FROM aanvragen_aanvraag a JOIN aanvragen_regeling r ON r.aanvraag_id = a.id WHERE a.id = $1`, a.ID).
					Scan(&dl, &rdl, &uitleg); err != nil {
					t.Fatal(err)
				}
				if dl != want || rdl != want {
					t.Fatalf("stored deadline %s, regeling %s, want %s (%s)", dl, rdl, want, uitleg)
				}
			}
			opgeslagen("2026-04-28")
			d, _ := o.svc.Aanvraag(ctx, gm, a.ID)
			if err := o.svc.VraagDocument(ctx, gm, a.ID, d.Versie, aanvragen.DocBeschikking, "", datum.Nieuw(2026, 3, 16), consulent); err != nil {
				t.Fatal(err)
			}
			opgeslagen("2026-05-11")
			d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
			if !strings.Contains(d.Deadline.Uitleg, "Awb 4:15 lid 1 onder a") || !strings.Contains(d.Deadline.Uitleg, "uiterlijk tot en met 2026-03-16") {
				t.Errorf("uitleg = %q", d.Deadline.Uitleg)
			}
			o.zet(time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC))
			if _, err := o.svc.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{{Naam: "c.pdf", Soort: "beschikking", Inhoud: pdf(4)}}); err != nil {
				t.Fatal(err)
			}
			opgeslagen("2026-05-04")
			in, err := o.svc.Inzien(ctx, a.Referentie, a.Code)
			if err != nil {
				t.Fatal(err)
			}
			if in.Deadline.String() != "2026-05-04" {
				t.Errorf("the resident sees %s", in.Deadline)
			}
			d, _ = o.svc.Aanvraag(ctx, gm, a.ID)
			if !strings.Contains(d.Deadline.Uitleg, "van 2026-03-03 tot en met 2026-03-08") || !strings.Contains(d.Deadline.Uitleg, "6 dagen") {
				t.Errorf("uitleg = %q", d.Deadline.Uitleg)
			}
		})
	}
}

// TestOpgeschortAtwArtikel2 applies Atw art. 2 again after a suspension, around Christmas: a term of three
// days from Wednesday 23 December 2026 ends on Saturday 26 December (Tweede Kerstdag), which Atw art. 1
// moves to Monday 28 December, with two working days (24 and 28 December). A document asked on the 23rd
// and received on the 25th suspends Thursday 24 December: the term ends on Sunday the 27th, Monday the
// 28th by art. 1, but then holds one running working day, so art. 2 moves it to Tuesday 29 December.
func TestOpgeschortAtwArtikel2(t *testing.T) {
	d := datum.Nieuw
	start, basis := d(2026, 12, 23), d(2026, 12, 26)
	for _, c := range []struct {
		naam string
		ops  []aanvragen.Opschorting
		want string
		art2 bool
	}{
		{"geen opschorting: art. 1 alleen", nil, "2026-12-28", false},
		{"24 december opgeschort: art. 2 opnieuw", []aanvragen.Opschorting{{Gevraagd: d(2026, 12, 23), HerstelTot: d(2026, 12, 30), Ontvangen: d(2026, 12, 25)}}, "2026-12-29", true},
		{"zondag 27 december opgeschort: 24 en 28 december lopen, art. 1 alleen", []aanvragen.Opschorting{{Gevraagd: d(2026, 12, 26), HerstelTot: d(2027, 1, 2), Ontvangen: d(2026, 12, 28)}}, "2026-12-28", false},
	} {
		got := aanvragen.OpgeschortVanaf(start, basis, "3 kalenderdagen na ontvangst", true, c.ops)
		if got.Datum.String() != c.want {
			t.Errorf("%s: %s, want %s (%s)", c.naam, got.Datum, c.want, got.Uitleg)
		}
		if c.art2 != strings.Contains(got.Uitleg, "Algemene termijnenwet artikel 2") {
			t.Errorf("%s: art. 2 in uitleg %v: %s", c.naam, c.art2, got.Uitleg)
		}
	}
	// Without the Atw (a term over twelve weeks) nothing is extended.
	if got := aanvragen.OpgeschortVanaf(start, basis, "", false, []aanvragen.Opschorting{{Gevraagd: d(2026, 12, 23), HerstelTot: d(2026, 12, 30), Ontvangen: d(2026, 12, 25)}}); got.Datum.String() != "2026-12-27" {
		t.Errorf("no Atw: %s", got.Datum)
	}
}
