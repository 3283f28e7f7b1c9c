package nl

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/geld"
)

func datum(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLoad(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	got := p.Perioden()
	want := []string{"2025-01-01", "2025-07-01", "2026-01-01", "2026-07-01"}
	if len(got) != len(want) {
		t.Fatalf("Perioden() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i].Format(time.DateOnly) != want[i] {
			t.Errorf("Perioden()[%d] = %s, want %s", i, got[i].Format(time.DateOnly), want[i])
		}
	}
}

func TestNormVast(t *testing.T) {
	p := MustLoad()
	tests := []struct {
		naam       string
		q          NormVraag
		datum      string
		incl, excl string
		artikel    string
	}{
		{"alleenstaande 1-1-2025", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40}, "2025-01-01", "1345.45", "1278.18", "art. 21 onder a Participatiewet"},
		{"alleenstaande 30-6-2025", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40}, "2025-06-30", "1345.45", "1278.18", "art. 21 onder a Participatiewet"},
		{"alleenstaande 1-7-2025", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40}, "2025-07-01", "1369.06", "1300.61", "art. 21 onder a Participatiewet"},
		{"alleenstaande 31-12-2025", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40}, "2025-12-31", "1369.06", "1300.61", "art. 21 onder a Participatiewet"},
		{"alleenstaande 1-1-2026", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 21}, "2026-01-01", "1401.50", "1331.42", "art. 21 onder a Participatiewet"},
		{"alleenstaande 30-6-2026", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 21}, "2026-06-30", "1401.50", "1331.42", "art. 21 onder a Participatiewet"},
		{"alleenstaande 1-7-2026", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 66}, "2026-07-01", "1419.46", "1348.49", "art. 21 onder a Participatiewet"},
		{"alleenstaande 31-12-2026", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 66}, "2026-12-31", "1419.46", "1348.49", "art. 21 onder a Participatiewet"},
		{"alleenstaande ouder", NormVraag{Leefvorm: AlleenstaandeOuder, LeeftijdAanvrager: 35, MetKinderen: true}, "2026-01-01", "1401.50", "1331.42", "art. 21 onder a Participatiewet"},
		{"gehuwden", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 35, LeeftijdPartner: 33}, "2026-01-01", "2002.13", "1902.02", "art. 21 onder b Participatiewet"},
		{"gehuwden met kinderen (zelfde norm)", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 35, LeeftijdPartner: 33, MetKinderen: true}, "2026-01-01", "2002.13", "1902.02", "art. 21 onder b Participatiewet"},
		{"alleenstaande AOW", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 70, AOWAanvrager: true}, "2026-01-01", "1564.69", "1486.46", "art. 22 onder a Participatiewet"},
		{"alleenstaande ouder AOW", NormVraag{Leefvorm: AlleenstaandeOuder, LeeftijdAanvrager: 70, AOWAanvrager: true}, "2025-07-01", "1530.21", "1453.70", "art. 22 onder a Participatiewet"},
		{"gehuwden beiden AOW", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 70, LeeftijdPartner: 68, AOWAanvrager: true, AOWPartner: true}, "2026-01-01", "2144.16", "2036.95", "art. 22 onder b Participatiewet"},
		{"gehuwden één AOW", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 70, LeeftijdPartner: 60, AOWAanvrager: true}, "2026-07-01", "2176.10", "2067.29", "art. 22 onder c Participatiewet"},
		{"jongere alleenstaande 18", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 18}, "2026-01-01", "345.99", "328.69", "art. 20 lid 1 onder a Participatiewet"},
		{"jongere alleenstaande 20", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 20}, "2025-01-01", "332.17", "315.56", "art. 20 lid 1 onder a Participatiewet"},
		{"jongere alleenstaande ouder", NormVraag{Leefvorm: AlleenstaandeOuder, LeeftijdAanvrager: 19, MetKinderen: true}, "2026-07-01", "350.42", "332.90", "art. 20 lid 2 onder a Participatiewet"},
		{"jonge gehuwden zonder kinderen", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 19, LeeftijdPartner: 20}, "2026-01-01", "691.98", "657.38", "art. 20 lid 1 onder b Participatiewet"},
		{"jonge gehuwden met kinderen", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 19, LeeftijdPartner: 20, MetKinderen: true}, "2026-01-01", "1092.41", "1037.79", "art. 20 lid 2 onder b Participatiewet"},
		{"één jong zonder kinderen", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 25, LeeftijdPartner: 19}, "2026-01-01", "1347.06", "1279.71", "art. 20 lid 1 onder c Participatiewet"},
		{"één jong met kinderen", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 19, LeeftijdPartner: 25, MetKinderen: true}, "2025-01-01", "1677.62", "1593.74", "art. 20 lid 2 onder c Participatiewet"},
		{"jongere met 1 kostendeler: geen kostendelersnorm onder 21", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 20, Kostendelers: 3}, "2026-01-01", "345.99", "328.69", "art. 20 lid 1 onder a Participatiewet"},
		{"jonge gehuwden met kostendeler: geen kostendelersnorm", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 19, LeeftijdPartner: 20, Kostendelers: 3}, "2026-01-01", "691.98", "657.38", "art. 20 lid 1 onder b Participatiewet"},
		{"alleenstaande, Kostendelers 1 = geen kostendelersnorm", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40, Kostendelers: 1}, "2026-01-01", "1401.50", "1331.42", "art. 21 onder a Participatiewet"},
		{"gehuwden, Kostendelers 2 = alleen het paar", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 40, LeeftijdPartner: 40, Kostendelers: 2}, "2026-01-01", "2002.13", "1902.02", "art. 21 onder b Participatiewet"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			n, err := p.Norm(tt.q, datum(tt.datum))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := n.InclVT, geld.MustParse(tt.incl); got != want {
				t.Errorf("InclVT = %s, want %s", got.Decimal(), want.Decimal())
			}
			if got, want := n.ExclVT, geld.MustParse(tt.excl); got != want {
				t.Errorf("ExclVT = %s, want %s", got.Decimal(), want.Decimal())
			}
			if n.InclVT != n.ExclVT+n.Vakantietoeslag {
				t.Errorf("incl %s ≠ excl %s + VT %s", n.InclVT.Decimal(), n.ExclVT.Decimal(), n.Vakantietoeslag.Decimal())
			}
			if n.Artikel != tt.artikel {
				t.Errorf("Artikel = %q, want %q", n.Artikel, tt.artikel)
			}
			if n.Omschrijving == "" || n.Bron.Tekst == "" {
				t.Errorf("omschrijving %q of bron %q leeg", n.Omschrijving, n.Bron.Tekst)
			}
			if d := datum(tt.datum); n.GeldigVanaf.After(d) || (!n.GeldigTot.IsZero() && n.GeldigTot.Before(d)) {
				t.Errorf("periode %s–%s bevat %s niet", n.GeldigVanaf, n.GeldigTot, tt.datum)
			}
		})
	}
}

// TestKostendelersnorm checks art. 22a Pw with amounts computed by hand:
// per person ((40 + A×30)/A)% of B, rounded half up to cents; VT = 5% of that, half up; excl = rest.
func TestKostendelersnorm(t *testing.T) {
	p := MustLoad()
	tests := []struct {
		naam          string
		q             NormVraag
		datum         string
		incl, vt, exc string
		artikel       string
	}{
		// B = 2002,13 (gehuwden 21+, 1-1-2026). A=2: 50% → 1001,065 → 1001,07; VT 50,0535 → 50,05; excl 951,02.
		{"A=2", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 45, Kostendelers: 2}, "2026-01-01", "1001.07", "50.05", "951.02", "art. 22a lid 1 Participatiewet"},
		// A=3: 130/300 = 43,33…% → 867,5896… → 867,59; VT 43,3795 → 43,38; excl 824,21.
		{"A=3", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 45, Kostendelers: 3}, "2026-01-01", "867.59", "43.38", "824.21", "art. 22a lid 1 Participatiewet"},
		// A=4: 40% → 800,852 → 800,85; VT 40,0425 → 40,04; excl 760,81.
		{"A=4", NormVraag{Leefvorm: AlleenstaandeOuder, LeeftijdAanvrager: 45, MetKinderen: true, Kostendelers: 4}, "2026-01-01", "800.85", "40.04", "760.81", "art. 22a lid 1 Participatiewet"},
		// A=5: 38% → 760,8094 → 760,81; VT 38,0405 → 38,04; excl 722,77.
		{"A=5", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 21, Kostendelers: 5}, "2026-01-01", "760.81", "38.04", "722.77", "art. 22a lid 1 Participatiewet"},
		// 1-7-2026, B = 2027,79, A=2: 1013,895 → 1013,90 (the reference's check: equal to the IOAW half-grondslag);
		// VT 50,695 → 50,70; excl 963,20.
		{"A=2 per 1-7-2026", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 45, Kostendelers: 2}, "2026-07-01", "1013.90", "50.70", "963.20", "art. 22a lid 1 Participatiewet"},
		// Gehuwden 21+ with one kostendeler: A = 3; 2 × 867,59 = 1735,18; VT 86,759 → 86,76; excl 1648,42.
		{"gehuwden A=3", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 45, LeeftijdPartner: 44, Kostendelers: 3}, "2026-01-01", "1735.18", "86.76", "1648.42", "art. 22a lid 1 en 2 Participatiewet"},
		// AOW-leeftijd: B is the gehuwdennorm of art. 22 (2144,16). A=2: 1072,08; VT 53,604 → 53,60; excl 1018,48.
		{"AOW A=2", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 70, AOWAanvrager: true, Kostendelers: 2}, "2026-01-01", "1072.08", "53.60", "1018.48", "art. 22a lid 1 Participatiewet"},
		// Young partner (19) of a 30-year-old, one kostendeler: A = 2 (the young partner does not count);
		// 1001,07 + 345,99 (lid 3 onder b) = 1347,06; VT 67,353 → 67,35; excl 1279,71.
		{"lid 3 zonder kinderen A=2", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 30, LeeftijdPartner: 19, Kostendelers: 3}, "2026-01-01", "1347.06", "67.35", "1279.71", "art. 22a lid 1 en lid 3 onder b Participatiewet"},
		// Same with children: 1001,07 + 746,42 (lid 3 onder a) = 1747,49; VT 87,3745 → 87,37; excl 1660,12.
		{"lid 3 met kinderen A=2", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 19, LeeftijdPartner: 30, MetKinderen: true, Kostendelers: 3}, "2026-01-01", "1747.49", "87.37", "1660.12", "art. 22a lid 1 en lid 3 onder a Participatiewet"},
		// Two kostendelers: A = 3: 867,59 + 345,99 = 1213,58; VT 60,679 → 60,68; excl 1152,90.
		{"lid 3 zonder kinderen A=3", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 30, LeeftijdPartner: 19, Kostendelers: 4}, "2026-01-01", "1213.58", "60.68", "1152.90", "art. 22a lid 1 en lid 3 onder b Participatiewet"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			n, err := p.Norm(tt.q, datum(tt.datum))
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				naam string
				got  geld.Bedrag
				want string
			}{{"InclVT", n.InclVT, tt.incl}, {"Vakantietoeslag", n.Vakantietoeslag, tt.vt}, {"ExclVT", n.ExclVT, tt.exc}} {
				if c.got != geld.MustParse(c.want) {
					t.Errorf("%s = %s, want %s", c.naam, c.got.Decimal(), c.want)
				}
			}
			if n.Artikel != tt.artikel {
				t.Errorf("Artikel = %q, want %q", n.Artikel, tt.artikel)
			}
			if !strings.Contains(n.Omschrijving, "kostendelersnorm") {
				t.Errorf("Omschrijving = %q", n.Omschrijving)
			}
			if !strings.Contains(n.Bron.Tekst, "art. 22a") || !strings.Contains(n.Bron.Tekst, "bedrag: ") {
				t.Errorf("Bron = %q: noemt formule en bedrag niet", n.Bron.Tekst)
			}
		})
	}
	// The factors the reference lists: A=2: 50%, A=3: 43,33%, A=4: 40%, A=5: 38%, A=6: 36,67% of B.
	for a, want := range map[int64]geld.Bedrag{2: 5000, 3: 4333, 4: 4000, 5: 3800, 6: 3667} {
		if got := kostendelersnorm(10000, 40, 30, a); got != want {
			t.Errorf("factor A=%d: %d/10000, want %d", a, got, want)
		}
	}
}

func TestNormFouten(t *testing.T) {
	p := MustLoad()
	tests := []struct {
		naam  string
		q     NormVraag
		datum string
		is    error
		tekst string
	}{
		{"voor de eerste periode", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40}, "2024-12-31", ErrBuitenPeriode, "2024-12-31"},
		{"na de laatste periode", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40}, "2027-01-01", ErrBuitenPeriode, "2027-01-01"},
		{"onder 18", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 17}, "2026-01-01", nil, "17 jaar"},
		{"partner onder 18", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 20, LeeftijdPartner: 17}, "2026-01-01", nil, "partner is 17 jaar"},
		{"geen leefvorm", NormVraag{LeeftijdAanvrager: 40}, "2026-01-01", nil, "leefvorm"},
		{"lid 3 niet in de bron voor 1-7-2025", NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 30, LeeftijdPartner: 19, Kostendelers: 3}, "2025-03-01", ErrOnbekend, "22a lid 3"},
		{"negatief aantal kostendelers", NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40, Kostendelers: -1}, "2026-01-01", nil, "negatief"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			_, err := p.Norm(tt.q, datum(tt.datum))
			if err == nil {
				t.Fatal("geen fout")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("fout %v is geen %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.tekst) {
				t.Errorf("fout %q noemt %q niet", err, tt.tekst)
			}
		})
	}
	if _, err := p.Normtabel(datum("2024-06-01")); !errors.Is(err, ErrBuitenPeriode) {
		t.Errorf("Normtabel buiten periode: %v", err)
	}
}

// TestNormTijdzone: the date counts, not the moment; a late evening in another zone stays that day.
func TestNormTijdzone(t *testing.T) {
	p := MustLoad()
	ams := time.FixedZone("CEST", 2*3600)
	n, err := p.Norm(NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40}, time.Date(2025, 6, 30, 23, 30, 0, 0, ams))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := n.InclVT, geld.MustParse("1345.45"); got != want {
		t.Errorf("30 juni 23:30 CEST: %s, want %s", got.Decimal(), want.Decimal())
	}
}

func TestGrens(t *testing.T) {
	p := MustLoad()
	n, err := p.Norm(NormVraag{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40}, datum("2025-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	// 1 jan 2025: 110% van 1.278,18 = 1.405,998 → € 1.406,00 (nl-parameters.yaml, meta).
	if got, want := n.Grens(geld.Procent(110), true), geld.MustParse("1406.00"); got != want {
		t.Errorf("110%% excl. VT = %s, want %s", got, want)
	}
	// 110% van 1.345,45 = 1.479,995 → 1.480,00 (half up).
	if got, want := n.Grens(geld.Procent(110), false), geld.MustParse("1480.00"); got != want {
		t.Errorf("110%% incl. VT = %s, want %s", got, want)
	}
	// 130% van 1.278,18 = 1.661,634 → 1.661,63.
	if got, want := n.Grens(geld.Procent(130), true), geld.MustParse("1661.63"); got != want {
		t.Errorf("130%% excl. VT = %s, want %s", got, want)
	}
}

func TestNormtabel(t *testing.T) {
	p := MustLoad()
	rijen, err := p.Normtabel(datum("2026-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rijen) != 16 {
		t.Fatalf("%d rijen, want 16", len(rijen))
	}
	want := map[string]string{
		"alleenstaande_21_aow":         "1401.50",
		"gehuwden_21_aow":              "2002.13",
		"gehuwden_aow":                 "2144.16",
		"jongeren_alleenstaande_18_20": "345.99",
		"jongeren_gehuwden_een_18_20_ander_21plus_met_kinderen": "1747.49",
		"kostendelersnorm_2": "1001.07",
		"kostendelersnorm_3": "867.59",
	}
	gezien := 0
	for _, r := range rijen {
		if w, ok := want[r.Code]; ok {
			gezien++
			if got := r.Norm.InclVT.Decimal(); got != w {
				t.Errorf("%s: %s, want %s", r.Code, got, w)
			}
		}
		if r.Omschrijving == "" || r.Norm.Artikel == "" {
			t.Errorf("%s: omschrijving of artikel leeg", r.Code)
		}
	}
	if gezien != len(want) {
		t.Errorf("%d van %d verwachte rijen gevonden", gezien, len(want))
	}
}

func TestLeefvorm(t *testing.T) {
	for _, l := range []Leefvorm{Alleenstaande, AlleenstaandeOuder, Gehuwden} {
		got, err := ParseLeefvorm(l.Code())
		if err != nil || got != l {
			t.Errorf("ParseLeefvorm(%q) = %v, %v", l.Code(), got, err)
		}
	}
	if got, want := Gehuwden.String(), "gehuwden/samenwonenden"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := AlleenstaandeOuder.String(), "alleenstaande ouder"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if _, err := ParseLeefvorm("samenwonend"); err == nil {
		t.Error("onbekende leefvorm geaccepteerd")
	}
}

func TestVermogensgrens(t *testing.T) {
	p := MustLoad()
	tests := []struct {
		l     Leefvorm
		datum string
		want  string
	}{
		{Alleenstaande, "2025-01-01", "7770.00"},
		{Alleenstaande, "2025-12-31", "7770.00"},
		{Alleenstaande, "2026-01-01", "8000.00"},
		{AlleenstaandeOuder, "2025-07-01", "15540.00"},
		{Gehuwden, "2026-12-31", "16000.00"},
	}
	for _, tt := range tests {
		got, bron, err := p.Vermogensgrens(tt.l, datum(tt.datum))
		if err != nil {
			t.Errorf("%s %s: %v", tt.l, tt.datum, err)
			continue
		}
		if got.Decimal() != tt.want || bron.Tekst == "" {
			t.Errorf("%s %s = %s (bron %q), want %s", tt.l, tt.datum, got.Decimal(), bron.Tekst, tt.want)
		}
	}
	if _, _, err := p.Vermogensgrens(Alleenstaande, datum("2024-12-31")); !errors.Is(err, ErrBuitenPeriode) {
		t.Errorf("2024-12-31: %v", err)
	}
	if _, _, err := p.Vermogensgrens(Alleenstaande, datum("2027-01-01")); !errors.Is(err, ErrBuitenPeriode) {
		t.Errorf("2027-01-01: %v", err)
	}
}

func TestMinimumloon(t *testing.T) {
	p := MustLoad()
	maand, uur, bron, err := p.Minimumloon(datum("2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if maand.Decimal() != "2294.40" || uur.Decimal() != "14.71" || bron.Tekst == "" {
		t.Errorf("2026-03-01: maand %s uur %s bron %q", maand.Decimal(), uur.Decimal(), bron.Tekst)
	}
	maand, uur, _, err = p.Minimumloon(datum("2025-06-30"))
	if err != nil || maand.Decimal() != "2191.80" || uur.Decimal() != "14.06" {
		t.Errorf("2025-06-30: %s %s %v", maand.Decimal(), uur.Decimal(), err)
	}
	// From 1 July 2026 the reference has no referentiemaandloon and only an unverified hourly wage.
	maand, uur, _, err = p.Minimumloon(datum("2026-07-01"))
	if !errors.Is(err, ErrOnbekend) || !strings.Contains(err.Error(), "referentiemaandloon") || !strings.Contains(err.Error(), "niet geverifieerd") {
		t.Errorf("2026-07-01: fout %v", err)
	}
	if maand != 0 || uur.Decimal() != "14.99" {
		t.Errorf("2026-07-01: maand %s uur %s", maand.Decimal(), uur.Decimal())
	}
	if _, _, _, err := p.Minimumloon(datum("2024-12-31")); !errors.Is(err, ErrBuitenPeriode) {
		t.Errorf("2024-12-31: %v", err)
	}
}

func TestAOWLeeftijd(t *testing.T) {
	p := MustLoad()
	tests := []struct {
		datum       string
		jaren, mnd  int
		buitenBerek bool
	}{
		{"2024-01-01", 67, 0, false},
		{"2027-12-31", 67, 0, false},
		{"2028-01-01", 67, 3, false},
		{"2035-06-01", 67, 3, false}, // open-ended in the reference
		{"2023-12-31", 0, 0, true},
	}
	for _, tt := range tests {
		j, m, err := p.AOWLeeftijd(datum(tt.datum))
		if tt.buitenBerek {
			if !errors.Is(err, ErrBuitenPeriode) {
				t.Errorf("%s: fout %v, want ErrBuitenPeriode", tt.datum, err)
			}
			continue
		}
		if err != nil || j != tt.jaren || m != tt.mnd {
			t.Errorf("%s: %d jaar %d maanden (%v), want %d/%d", tt.datum, j, m, err, tt.jaren, tt.mnd)
		}
	}
}

func TestAOWBereikt(t *testing.T) {
	p := MustLoad()
	tests := []struct {
		naam, geboren, datum string
		want                 bool
	}{
		{"dag voor 67e verjaardag", "1959-03-15", "2026-03-14", false},
		{"op 67e verjaardag", "1959-03-15", "2026-03-15", true},
		{"67 in december 2027", "1960-12-31", "2027-12-31", true},
		{"67 in 2027, daarna blijvend", "1960-12-31", "2028-02-01", true},
		{"67 op 1-1-2028: nu 67+3m nodig", "1961-01-01", "2028-01-01", false},
		{"dag voor 67+3m", "1961-01-01", "2028-03-31", false},
		{"op 67+3m", "1961-01-01", "2028-04-01", true},
		{"ver voorbij", "1940-05-05", "2026-01-01", true},
		{"jong", "1990-05-05", "2026-01-01", false},
		{"29 februari: 67 op 1 maart", "1960-02-29", "2027-02-28", false},
		{"29 februari: 1 maart", "1960-02-29", "2027-03-01", true},
	}
	for _, tt := range tests {
		got, err := p.AOWBereikt(datum(tt.geboren), datum(tt.datum))
		if err != nil {
			t.Errorf("%s: %v", tt.naam, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: AOWBereikt(%s, %s) = %v, want %v", tt.naam, tt.geboren, tt.datum, got, tt.want)
		}
	}
	if _, err := p.AOWBereikt(datum("1957-06-01"), datum("2024-03-01")); !errors.Is(err, ErrBuitenPeriode) {
		t.Errorf("2023 is niet bekend; fout %v", err)
	}
	if _, err := p.AOWBereikt(datum("2030-01-01"), datum("2026-01-01")); err == nil {
		t.Error("geboortedatum na datum geaccepteerd")
	}
}

func TestLeeftijd(t *testing.T) {
	tests := []struct {
		geboren, datum string
		want           int
	}{
		{"2008-02-29", "2026-02-28", 17},
		{"2008-02-29", "2026-03-01", 18},
		{"2008-02-29", "2028-02-28", 19},
		{"2008-02-29", "2028-02-29", 20},
		{"1990-06-15", "2026-06-14", 35},
		{"1990-06-15", "2026-06-15", 36},
		{"2000-01-01", "2000-01-01", 0},
	}
	for _, tt := range tests {
		if got := Leeftijd(datum(tt.geboren), datum(tt.datum)); got != tt.want {
			t.Errorf("Leeftijd(%s, %s) = %d, want %d", tt.geboren, tt.datum, got, tt.want)
		}
	}
}

func TestKostendelerMinimumleeftijd(t *testing.T) {
	got, bron, err := MustLoad().KostendelerMinimumleeftijd(datum("2026-01-01"))
	if err != nil || got != 27 || bron.URL == "" {
		t.Errorf("got %d %v %v, want 27", got, bron, err)
	}
}

// BenchmarkNorm: the norm lookup in the engine's fact derivation must not allocate.
func BenchmarkNorm(b *testing.B) {
	p := MustLoad()
	d := datum("2026-01-01")
	qs := []NormVraag{
		{Leefvorm: Alleenstaande, LeeftijdAanvrager: 40},
		{Leefvorm: Gehuwden, LeeftijdAanvrager: 40, LeeftijdPartner: 38, Kostendelers: 3},
		{Leefvorm: Alleenstaande, LeeftijdAanvrager: 70, AOWAanvrager: true, Kostendelers: 2},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := p.Norm(qs[i%len(qs)], d); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNormAlloceertNiet(t *testing.T) {
	p := MustLoad()
	d := datum("2026-01-01")
	q := NormVraag{Leefvorm: Gehuwden, LeeftijdAanvrager: 40, LeeftijdPartner: 38, Kostendelers: 4}
	if n := testing.AllocsPerRun(100, func() { _, _ = p.Norm(q, d) }); n != 0 {
		t.Errorf("Norm alloceert %v keer", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = p.AOWBereikt(datum("1960-01-01"), d) }); n != 0 {
		t.Errorf("AOWBereikt alloceert %v keer", n)
	}
}
