package termijn_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/termijn"
)

func d(s string) datum.Datum {
	v, err := datum.Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

// TestFeestdagen: Atw art. 3 lid 1 (the named days), lid 2 (Goede Vrijdag) and lid 3 (equated days from
// the decrees, gelijkgesteld.go), for 2025–2027.
func TestFeestdagen(t *testing.T) {
	for _, tc := range []struct {
		dag  string
		naam string // "" = a working day or a plain weekend day
	}{
		{"2026-01-01", "Nieuwjaarsdag"},
		{"2026-01-02", "met een feestdag gelijkgestelde dag (Besluit gelijkstelling van 2 januari 2026"}, // lid 3, Stcrt. 2025, 24713
		{"2026-04-03", "Goede Vrijdag"},
		{"2026-04-05", "Eerste Paasdag"},
		{"2026-04-06", "Tweede Paasdag"},
		{"2026-04-27", "Koningsdag"},
		{"2026-05-05", "Bevrijdingsdag"},
		{"2026-05-14", "Hemelvaartsdag"},
		{"2026-05-15", "met een feestdag gelijkgestelde dag"},
		{"2026-05-24", "Eerste Pinksterdag"},
		{"2026-05-25", "Tweede Pinksterdag"},
		{"2026-12-25", "Eerste Kerstdag"},
		{"2026-12-26", "Tweede Kerstdag"},
		{"2027-01-01", "Nieuwjaarsdag"},
		{"2027-03-26", "Goede Vrijdag"},
		{"2027-03-28", "Eerste Paasdag"},
		{"2027-03-29", "Tweede Paasdag"},
		{"2027-04-27", "Koningsdag"},
		{"2027-05-05", "Bevrijdingsdag"},
		{"2027-05-06", "Hemelvaartsdag"},
		{"2027-05-07", "met een feestdag gelijkgestelde dag"},
		{"2027-05-16", "Eerste Pinksterdag"},
		{"2027-05-17", "Tweede Pinksterdag"},
		{"2025-04-26", "Koningsdag"}, // 27 April 2025 is a Sunday: celebrated on Saturday the 26th
		{"2025-04-27", ""},
		{"2026-04-26", ""},
		{"2026-12-31", ""},
		{"2026-12-24", ""},
		{"2022-05-27", ""}, // before the decrees in the table: no equated day is known
		{"2029-05-11", ""}, // after them (Hemelvaart 2029 is 10 May): none known
	} {
		got, _ := termijn.Feestdag(d(tc.dag))
		if tc.naam == "" && got != "" || !strings.HasPrefix(got, tc.naam) {
			t.Errorf("Feestdag(%s) = %q, want %q", tc.dag, got, tc.naam)
		}
	}
	if got := termijn.Koningsdag(2031); got.Weekdag() == time.Sunday {
		t.Errorf("Koningsdag(2031) = %s, a Sunday", got)
	}
	for y := 2020; y <= 2040; y++ {
		kd := termijn.Koningsdag(y)
		want := d(time.Date(y, 4, 27, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
		if want.Weekdag() == time.Sunday {
			want = want.PlusDagen(-1)
		}
		if kd != want {
			t.Errorf("Koningsdag(%d) = %s, want %s", y, kd, want)
		}
	}
	if got := termijn.GelijkgesteldBekendTot(); got != d("2028-12-31") {
		t.Errorf("GelijkgesteldBekendTot = %s", got)
	}
	for _, g := range termijn.GelijkgesteldeDagen() {
		if !strings.Contains(g.Bron, "Stcrt.") {
			t.Errorf("%s: bron %q names no Staatscourant", g.Datum, g.Bron)
		}
		if w := g.Datum.Weekdag(); w == time.Saturday || w == time.Sunday {
			t.Errorf("equated day %s is a weekend day", g.Datum)
		}
	}
}

// TestDagVanEenMoment: a moment's day is its date in Europe/Amsterdam (the clock is injected as the
// moment itself): just after midnight on New Year's night, and the night of the switch to summer time.
func TestDagVanEenMoment(t *testing.T) {
	zone, err := termijn.Zone()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		nu   time.Time
		want string
	}{
		{time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC), "2026-01-01"}, // 00:30 CET
		{time.Date(2025, 12, 31, 22, 59, 0, 0, time.UTC), "2025-12-31"},
		{time.Date(2026, 3, 28, 23, 30, 0, 0, time.UTC), "2026-03-29"}, // 00:30 CET, DST starts at 02:00
		{time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC), "2026-07-01"}, // 00:30 CEST
		{time.Date(2026, 6, 30, 21, 59, 0, 0, time.UTC), "2026-06-30"},
	} {
		if got := datum.Van(tc.nu, zone); got != d(tc.want) {
			t.Errorf("datum.Van(%s) = %s, want %s", tc.nu, got, tc.want)
		}
	}
}

func TestBereken(t *testing.T) {
	vier := termijn.Termijn{Aantal: 4, Eenheid: termijn.Weken}
	drieWerk := termijn.Termijn{Aantal: 3, Eenheid: termijn.Werkdagen}
	drieDagen := termijn.Termijn{Aantal: 3, Eenheid: termijn.Kalenderdagen}
	acht := termijn.Termijn{Aantal: 8, Eenheid: termijn.Weken}
	for _, tc := range []struct {
		naam    string
		start   string
		t       termijn.Termijn
		want    string
		artikel string // the Atw article the extension names; "" = not extended
	}{
		// Wgs art. 4 lid 1: 4 weeks; Atw art. 1 when the last day is no working day.
		{"4 weken gewoon", "2026-03-02", vier, "2026-03-30", ""},
		{"4 weken, verzoek op zaterdag, eindigt op zaterdag voor Pasen", "2026-03-07", vier, "2026-04-07", "artikel 1"},
		{"4 weken, verzoek op Goede Vrijdag", "2026-04-03", vier, "2026-05-01", ""},
		{"4 weken eindigt op Hemelvaart 2026, dan de gelijkgestelde vrijdag", "2026-04-16", vier, "2026-05-18", "artikel 1"},
		{"4 weken eindigt op Koningsdag 2026", "2026-03-30", vier, "2026-04-28", "artikel 1"},
		{"4 weken, verzoek op Koningsdag, eindigt op tweede Pinksterdag 2026", "2026-04-27", vier, "2026-05-26", "artikel 1"},
		{"4 weken eindigt op Eerste Kerstdag 2026", "2026-11-27", vier, "2026-12-28", "artikel 1"},
		{"4 weken eindigt op Nieuwjaarsdag 2027", "2026-12-04", vier, "2027-01-04", "artikel 1"},
		{"4 weken eindigt op 2 januari 2026 (gelijkgesteld)", "2025-12-05", vier, "2026-01-05", "artikel 1"},
		{"4 weken eindigt op Goede Vrijdag 2027", "2027-02-26", vier, "2027-03-30", "artikel 1"},
		{"4 weken eindigt op Koningsdag 2027", "2027-03-30", vier, "2027-04-28", "artikel 1"},
		{"4 weken eindigt op Hemelvaart 2027", "2027-04-08", vier, "2027-05-10", "artikel 1"},
		{"4 weken eindigt op tweede Pinksterdag 2027", "2027-04-19", vier, "2027-05-18", "artikel 1"},
		// Wgs art. 4a lid 3: at most 8 weeks after the first conversation.
		{"8 weken over de jaarwisseling", "2026-11-06", acht, "2027-01-04", "artikel 1"},
		// Wgs art. 4 lid 2: 3 working days; the n-th working day after the start.
		{"3 werkdagen vanaf maandag", "2026-03-02", drieWerk, "2026-03-05", ""},
		{"3 werkdagen vanaf zaterdag", "2026-03-07", drieWerk, "2026-03-11", ""},
		{"3 werkdagen over Hemelvaart en de gelijkgestelde vrijdag 2026", "2026-05-13", drieWerk, "2026-05-20", ""},
		{"3 werkdagen vanaf Bevrijdingsdag 2027 over Hemelvaart", "2027-05-05", drieWerk, "2027-05-12", ""},
		{"3 werkdagen over tweede Pinksterdag 2027", "2027-05-14", drieWerk, "2027-05-20", ""},
		{"3 werkdagen over Koningsdag 2026", "2026-04-24", drieWerk, "2026-04-30", ""},
		{"3 werkdagen over Kerst 2026", "2026-12-23", drieWerk, "2026-12-29", ""},
		{"3 werkdagen over Nieuwjaar 2027", "2026-12-30", drieWerk, "2027-01-05", ""},
		{"3 werkdagen over Nieuwjaar 2026 en 2 januari", "2025-12-31", drieWerk, "2026-01-07", ""},
		{"3 werkdagen over Pasen 2026", "2026-04-02", drieWerk, "2026-04-09", ""},
		// A local term in calendar days (Ommen: "binnen drie dagen"): Atw arts. 1 and 2.
		{"3 dagen vanaf maandag", "2026-03-02", drieDagen, "2026-03-05", ""},
		{"3 dagen vanaf vrijdag: maandag heeft maar één werkdag", "2026-03-06", drieDagen, "2026-03-10", "artikel 2"},
		{"3 dagen vanaf woensdag eindigt op zaterdag", "2026-03-04", drieDagen, "2026-03-09", "artikel 1"},
		{"3 dagen vanaf zaterdag", "2026-03-07", drieDagen, "2026-03-10", ""},
		{"3 dagen vanaf Witte Donderdag 2026: Pasen", "2026-04-02", drieDagen, "2026-04-08", "artikel 2"},
		{"3 dagen vanaf woensdag voor Hemelvaart 2026", "2026-05-13", drieDagen, "2026-05-19", "artikel 2"},
		// Atw art. 4 onder a: not for more than twelve weeks or more than 90 days.
		{"13 weken eindigt op Goede Vrijdag: niet verlengd", "2026-01-02", termijn.Termijn{Aantal: 13, Eenheid: termijn.Weken}, "2026-04-03", ""},
		{"91 dagen eindigt op Goede Vrijdag: niet verlengd", "2026-01-02", termijn.Termijn{Aantal: 91, Eenheid: termijn.Kalenderdagen}, "2026-04-03", ""},
		{"12 weken eindigt op Goede Vrijdag: verlengd", "2026-01-09", termijn.Termijn{Aantal: 12, Eenheid: termijn.Weken}, "2026-04-07", "artikel 1"},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			u, err := termijn.Bereken(d(tc.start), tc.t)
			if err != nil {
				t.Fatal(err)
			}
			if u.Einde != d(tc.want) {
				t.Errorf("Bereken(%s, %s) = %s (%s), want %s", tc.start, tc.t, u.Einde, u.Einde.Weekdag(), tc.want)
			}
			if !termijn.IsWerkdag(u.Einde) && tc.t.Aantal <= 12 {
				t.Errorf("einde %s is geen werkdag", u.Einde)
			}
			switch {
			case tc.artikel == "" && u.Verlenging != "":
				t.Errorf("verlenging %q, want none", u.Verlenging)
			case tc.artikel != "" && !strings.Contains(u.Verlenging, "Algemene termijnenwet "+tc.artikel):
				t.Errorf("verlenging %q, want %s", u.Verlenging, tc.artikel)
			}
		})
	}
}

func TestBerekenOngeldig(t *testing.T) {
	for _, tc := range []struct {
		start string
		t     termijn.Termijn
		want  string
	}{
		{"2026-03-02", termijn.Termijn{Aantal: 0, Eenheid: termijn.Weken}, "aantal van 1"},
		{"2026-03-02", termijn.Termijn{Aantal: -3, Eenheid: termijn.Werkdagen}, "aantal van 1"},
		{"2026-03-02", termijn.Termijn{Aantal: 401, Eenheid: termijn.Kalenderdagen}, "aantal van 1"},
		{"2026-03-02", termijn.Termijn{Aantal: 3, Eenheid: "maanden"}, "onbekende eenheid"},
		{"", termijn.Termijn{Aantal: 3, Eenheid: termijn.Weken}, "geen begindatum"},
	} {
		var start datum.Datum
		if tc.start != "" {
			start = d(tc.start)
		}
		_, err := termijn.Bereken(start, tc.t)
		if !errors.Is(err, termijn.ErrOngeldig) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Bereken(%q, %+v) = %v, want ErrOngeldig with %q", tc.start, tc.t, err, tc.want)
		}
	}
}

func TestTermijnTekst(t *testing.T) {
	for _, tc := range []struct {
		t    termijn.Termijn
		want string
	}{
		{termijn.Termijn{Aantal: 4, Eenheid: termijn.Weken}, "4 weken"},
		{termijn.Termijn{Aantal: 1, Eenheid: termijn.Weken}, "1 week"},
		{termijn.Termijn{Aantal: 3, Eenheid: termijn.Werkdagen}, "3 werkdagen"},
		{termijn.Termijn{Aantal: 1, Eenheid: termijn.Kalenderdagen}, "1 dag"},
		{termijn.Termijn{}, ""},
	} {
		if got := tc.t.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.t, got, tc.want)
		}
	}
}

func TestWerkdagenTussen(t *testing.T) {
	if got := termijn.WerkdagenTussen(d("2026-03-06"), d("2026-03-11")); got != 3 {
		t.Errorf("WerkdagenTussen = %d, want 3", got)
	}
	if got := termijn.WerkdagenTussen(d("2026-05-13"), d("2026-05-20")); got != 3 { // Thu 14 and Fri 15 May are not
		t.Errorf("WerkdagenTussen over Hemelvaart = %d, want 3", got)
	}
	if got := termijn.WerkdagenTussen(d("2026-03-11"), d("2026-03-06")); got != 0 {
		t.Errorf("WerkdagenTussen backwards = %d, want 0", got)
	}
}
