package nl

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/zeker-platform/zeker/internal/geld"
)

func bj(t *testing.T, jaar string) *Belastingjaar {
	t.Helper()
	b := landelijkOp(t, jaar+"-06-01").Belasting
	if b == nil {
		t.Fatalf("no tax data for %s", jaar)
	}
	return b
}

var m = geld.MustParse

// TestBelastingOnderdelen checks each component against its formula and the figures the reference
// quotes or derives (belasting-2025-2026.yaml, the notes of each entry).
func TestBelastingOnderdelen(t *testing.T) {
	b25, b26 := bj(t, "2025"), bj(t, "2026")
	for _, c := range []struct {
		naam      string
		got, want geld.Bedrag
	}{
		// Box 1: the brackets (quote: "1 | € 0 tot € 38.441 | 35,82% | 17,92% | 2 | … | 37,48% | 3 | … | 49,5%").
		{"box1 2025 at 38,441", b25.Box1(m("38441"), false), m("13769.57")},                   // 38,441 × 35.82%
		{"box1 2025 at 76,817", b25.Box1(m("76817"), false), m("13769.57") + m("14383.32")},   // + 38,376 × 37.48%
		{"box1 2025 at 100,000", b25.Box1(m("100000"), false), m("28152.89") + m("11475.59")}, // + 23,183 × 49.5%
		{"box1 2025 AOW at 38,441", b25.Box1(m("38441"), true), m("6888.63")},                 // 38,441 × 17.92%
		{"box1 2026 at 38,883", b26.Box1(m("38883"), false), m("13900.67")},                   // 38,883 × 35.75%
		{"box1 2026 AOW at 50,000", b26.Box1(m("50000"), true), m("6940.62") + m("4175.55")},  // 38,883 × 17.85% + 11,117 × 37.56%
		// Algemene heffingskorting: maximum up to the afbouw point, then the afbouw; zero at the derived point.
		{"ahk 2025 at 28,406", b25.AlgemeneHeffingskorting(m("28406"), false), m("3068")},
		{"ahk 2025 at 40,000", b25.AlgemeneHeffingskorting(m("40000"), false), m("3068") - m("734.71")}, // 11,594 × 6.337%
		{"ahk 2025 at 76,830 (derived zero point 76,820)", b25.AlgemeneHeffingskorting(m("76830"), false), 0},
		{"ahk 2025 AOW at 20,000", b25.AlgemeneHeffingskorting(m("20000"), true), m("1536")},
		{"ahk 2026 at 29,736", b26.AlgemeneHeffingskorting(m("29736"), false), m("3115")},
		{"ahk 2026 at 78,430 (derived zero point 78,423)", b26.AlgemeneHeffingskorting(m("78430"), false), 0},
		{"ahk 2026 AOW at 39,736", b26.AlgemeneHeffingskorting(m("39736"), true), m("1556") - m("319.50")}, // 10,000 × 3.195%
		// Arbeidskorting: the reference's derived continuity at the knikpunten.
		{"ak 2025 at 12,169 (derived 979.97)", b25.Arbeidskorting(m("12168.99"), false), m("979.97")},
		{"ak 2025 at 43,071 (derived 5,598.96)", b25.Arbeidskorting(m("43070.99"), false), m("5598.96")},
		{"ak 2025 just below 129,078 (derived -0.06)", b25.Arbeidskorting(m("129077.99"), false), 0},
		{"ak 2026 at 11,965 (derived 995.97)", b26.Arbeidskorting(m("11964.99"), false), m("995.97")},
		{"ak 2026 at 25,845 (derived 5,300.05)", b26.Arbeidskorting(m("25844.99"), false), m("5300.05")},
		{"ak 2026 at 45,592 (derived 5,685.07)", b26.Arbeidskorting(m("45591.99"), false), m("5685.07")},
		{"ak 2026 at 45,592 (segment 4)", b26.Arbeidskorting(m("45592"), false), m("5685")},
		{"ak 2026 AOW at 20,000", b26.Arbeidskorting(m("20000"), true), m("498") + m("1244.06")}, // 8,035 × 15.483% = 1,244.059
		{"ak 2026 at 140,000", b26.Arbeidskorting(m("140000"), false), 0},
		// Combinatiekorting: from 6,145 (2025) up at 11.45% to the maximum (derived 32,224 / 32,719.3).
		{"iack 2025 at 6,145", b25.Combinatiekorting(m("6145")), 0},
		{"iack 2025 at 32,224", b25.Combinatiekorting(m("32224")), m("2986")},
		{"iack 2026 at 20,000", b26.Combinatiekorting(m("20000")), m("1575.63")}, // 13,761 × 11.45%
		// Ouderenkorting: zero at the derived 58,874.7 (2025) and 59,782 (2026).
		{"ok 2025 at 45,308", b25.Ouderenkorting(m("45308")), m("2035")},
		{"ok 2025 at 58,875", b25.Ouderenkorting(m("58875")), 0},
		{"ok 2026 at 50,000", b26.Ouderenkorting(m("50000")), m("2067") - m("599.70")}, // 3,998 × 15%
		{"ok 2026 at 59,782", b26.Ouderenkorting(m("59782")), 0},
		// Zvw eigen bijdrage, up to the maximum income.
		{"zvw 2025 at 20,000", b25.ZvwEigenBijdrage(m("20000")), m("1052")},
		{"zvw 2025 above maximum", b25.ZvwEigenBijdrage(m("90000")), m("3990.45")}, // 75,864 × 5.26%
		{"zvw 2026 above maximum", b26.ZvwEigenBijdrage(m("90000")), m("3851.34")}, // 79,409 × 4.85%
	} {
		if c.got != c.want {
			t.Errorf("%s: got %s, want %s", c.naam, c.got, c.want)
		}
	}
	// The first bracket holds the volksverzekeringen: 17.9 + 0.1 + 9.65 = 27.65%, so the tax part is
	// 35.82 − 27.65 = 8.17% (2025) and 35.75 − 27.65 = 8.10% (2026), as the reference derives; from the
	// AOW age the AOW premium falls away: 35.82 − 17.9 = 17.92%.
	for _, c := range []struct {
		b           *Belastingjaar
		belastingPt Tarief
	}{{b25, 81700}, {b26, 81000}} {
		vv := c.b.PremieAOW + c.b.PremieAnw + c.b.PremieWlz
		if vv != 276500 || c.b.Schijven[0].Tarief-vv != c.belastingPt || c.b.Schijven[0].Tarief-c.b.PremieAOW != c.b.SchijvenAOW[0].Tarief {
			t.Errorf("volksverzekeringen %s: premie %s, first bracket %s, AOW bracket %s", c.b.periode, vv, c.b.Schijven[0].Tarief, c.b.SchijvenAOW[0].Tarief)
		}
	}
}

// TestNettoUitgewerkt works three households out by hand, every step written here, 2026.
func TestNettoUitgewerkt(t *testing.T) {
	b := bj(t, "2026")

	// 1. An employee: € 3,000 gross a month, 8% vakantiegeld, no 13th month, under the AOW age.
	//    jaarloon       = 12 × 3,000 + 8% × 36,000 = 36,000 + 2,880        = 38,880.00
	//    box 1          = 35.75% × 38,880 (all in the first bracket)       = 13,899.60
	//    AHK            = 3,115 − 6.398% × (38,880 − 29,736 = 9,144)         = 3,115 − 585.03 = 2,529.97
	//    arbeidskorting = 5,300 + 1.950% × (38,880 − 25,845 = 13,035)        = 5,300 + 254.18 = 5,554.18
	//    loonheffing    = 13,899.60 − 2,529.97 − 5,554.18                    = 5,815.45 a year
	//    net a month    = 3,000 − 5,815.45 × 3,000 / 38,880 = 3,000 − 448.72 = 2,551.28
	//    Zvw: the employer pays the werkgeversheffing; nothing is withheld.
	//    The assessment has no other korting for someone alone without children: 33,064.55 a year.
	l := b.Loonstrook(Loon{BrutoMaand: m("3000"), Vakantiegeld: true, Arbeid: true, Korting: true})
	want := Loonstrook{Jaarloon: m("38880"), Vakantiegeld: m("2880"), Heffing: m("13899.60"), AHK: m("2529.97"), AK: m("5554.18"),
		Loonheffing: m("5815.45"), NettoMaand: m("2551.28"), NettoJaar: m("33064.55")}
	if l != want {
		t.Errorf("employee payslip:\n got %+v\nwant %+v", l, want)
	}
	a := b.Aanslag(Belastingplichtige{Arbeid: m("38880"), Alleenstaand: true})
	if a.Verschuldigd != m("5815.45") || a.Zvw != 0 || a.NettoJaar != m("33064.55") {
		t.Errorf("employee assessment: %+v", a)
	}
	if got := b.BrutoVoorNetto(m("2551.28"), Loon{Vakantiegeld: true, Arbeid: true, Korting: true}); got != m("3000") {
		t.Errorf("gross for net 2,551.28: got %s, want 3,000", got)
	}

	// 2. A single person of AOW age: AOW and pension together € 24,000 a year, no work.
	//    box 1 (AOW brackets) = 17.85% × 24,000                                = 4,284.00
	//    AHK (AOW)            = 1,556 (income below 29,736)
	//    ouderenkorting       = 2,067 (income below 46,002)
	//    alleenstaande-ouderenkorting = 540
	//    kortingen 1,556 + 2,067 + 540 = 4,163 ≤ 4,284, so tax due             = 121.00
	//    Zvw eigen bijdrage   = 4.85% × 24,000                                 = 1,164.00
	//    net a year           = 24,000 − 121 − 1,164                           = 22,715.00
	a = b.Aanslag(Belastingplichtige{AOW: true, ZonderWerkgever: m("24000"), Alleenstaand: true})
	wantA := Aanslag{Belastbaar: m("24000"), Heffing: m("4284"), AHK: m("1556"), OK: m("2607"), Kortingen: m("4163"),
		Verschuldigd: m("121"), Zvw: m("1164"), NettoJaar: m("22715")}
	if a != wantA {
		t.Errorf("AOW single:\n got %+v\nwant %+v", a, wantA)
	}

	// 3. A working single parent with a child of 5: € 2,400 gross a month, 8% vakantiegeld.
	//    jaarloon       = 28,800 + 2,304                                         = 31,104.00
	//    box 1          = 35.75% × 31,104                                        = 11,119.68
	//    AHK            = 3,115 − 6.398% × 1,368 = 3,115 − 87.52                  = 3,027.48
	//    arbeidskorting = 5,300 + 1.950% × 5,259 = 5,300 + 102.55                 = 5,402.55
	//    payslip: loonheffing = 11,119.68 − 3,027.48 − 5,402.55 = 2,689.65 a year;
	//             net a month = 2,400 − 2,689.65 × 2,400 / 31,104 = 2,400 − 207.53 = 2,192.47
	//    assessment: combinatiekorting = 11.45% × (31,104 − 6,239 = 24,865)  = 2,847.04 (below 3,032)
	//             kortingen 3,027.48 + 5,402.55 + 2,847.04 = 11,277.07 > 11,119.68: capped, tax due 0
	//             net a year = 31,104.00, the loonheffing of 2,689.65 comes back.
	l = b.Loonstrook(Loon{BrutoMaand: m("2400"), Vakantiegeld: true, Arbeid: true, Korting: true, Alleenstaand: true})
	if l.Loonheffing != m("2689.65") || l.NettoMaand != m("2192.47") {
		t.Errorf("single parent payslip: %+v", l)
	}
	a = b.Aanslag(Belastingplichtige{Arbeid: m("31104"), Alleenstaand: true, KindOnder12: true})
	if a.IACK != m("2847.04") || a.Kortingen != m("11119.68") || a.Verschuldigd != 0 || a.NettoJaar != m("31104") {
		t.Errorf("single parent assessment: %+v", a)
	}
}

// TestBrutoVoorNettoTerug: the gross found for a net gives that net back, over a range of incomes
// and kinds of payslip.
func TestBrutoVoorNettoTerug(t *testing.T) {
	b := bj(t, "2026")
	for _, l := range []Loon{
		{Vakantiegeld: true, Arbeid: true, Korting: true},
		{Korting: true},
		{AOW: true, ZvwInhouding: true, Korting: true, Alleenstaand: true},
		{Arbeid: true},
	} {
		for n := geld.Euro(10); n < geld.Euro(8000); n += m("123.45") {
			g := b.BrutoVoorNetto(n, l)
			l.BrutoMaand = g
			if got := b.Loonstrook(l).NettoMaand; got < n {
				t.Fatalf("%+v: net %s gives gross %s with net %s", l, n, g, got)
			}
			l.BrutoMaand = g - 1
			if got := b.Loonstrook(l).NettoMaand; got >= n {
				t.Fatalf("%+v: net %s: a cent less gross (%s) still gives %s", l, n, g-1, got)
			}
		}
	}
}

// belastingRef is belasting-2025-2026.yaml, read as text (never through float64).
const belastingRefPad = "../../../../shared/reference/belasting-2025-2026.yaml"

// TestBelastingTegenReferentie compares every number of data/belasting.yaml with the reference.
func TestBelastingTegenReferentie(t *testing.T) {
	src, err := os.ReadFile(belastingRefPad)
	if err != nil {
		t.Skipf("%s niet gevonden: %v", belastingRefPad, err)
	}
	var ref struct {
		Entries []struct {
			ID    string    `yaml:"id"`
			Value yaml.Node `yaml:"value"`
		} `yaml:"entries"`
	}
	if err := yaml.Unmarshal(src, &ref); err != nil {
		t.Fatal(err)
	}
	waarde := map[string]string{} // "id/path" -> scalar text
	var walk func(pad string, n *yaml.Node)
	walk = func(pad string, n *yaml.Node) {
		switch n.Kind {
		case yaml.ScalarNode:
			waarde[pad] = n.Value
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(pad+"/"+n.Content[i].Value, n.Content[i+1])
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(fmt.Sprintf("%s/%d", pad, i), c)
			}
		}
	}
	for i := range ref.Entries {
		walk(ref.Entries[i].ID, &ref.Entries[i].Value)
	}
	eur := func(k string) geld.Bedrag {
		v, ok := waarde[k]
		if !ok {
			t.Fatalf("reference has no %s", k)
		}
		return m(v)
	}
	fractie := func(k string) Tarief { // "0.3582" -> 35.82%: the fraction in millionths
		v, ok := waarde[k]
		heel, deel, _ := strings.Cut(v, ".")
		if !ok || heel != "0" || len(deel) > 6 {
			t.Fatalf("reference %s = %q is no fraction", k, v)
		}
		n, err := strconv.ParseInt(deel+strings.Repeat("0", 6-len(deel)), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return Tarief(n)
	}
	for _, jaar := range []string{"2025", "2026"} {
		b := bj(t, jaar)
		check := func(naam string, got, want any) {
			if got != want {
				t.Errorf("%s %s: data %v, reference %v", jaar, naam, got, want)
			}
		}
		for i := range 3 {
			check(fmt.Sprintf("schijf %d", i+1), b.Schijven[i].Tarief, fractie(fmt.Sprintf("ib.box1.%s.onder_aow/%d/tarief", jaar, i)))
			if i < 2 {
				check(fmt.Sprintf("schijf %d tot", i+1), b.Schijven[i].Tot, eur(fmt.Sprintf("ib.box1.%s.onder_aow/%d/tot", jaar, i)))
			}
		}
		check("aow schijf 1", b.SchijvenAOW[0].Tarief, fractie("ib.box1."+jaar+".aow/schijf1_tarief"))
		check("aow schijf 1 tot", b.SchijvenAOW[0].Tot, eur("ib.box1."+jaar+".aow/schijf1_grens_geboren_na_1945"))
		check("aow schijf 2", b.SchijvenAOW[1].Tarief, fractie("ib.box1."+jaar+".aow/schijf2_tarief"))
		check("ahk max", b.AHKMax, eur("ahk."+jaar+"/max_onder_aow"))
		check("ahk vanaf", b.AHKAfbouwVanaf, eur("ahk."+jaar+"/afbouw_vanaf"))
		check("ahk afbouw", b.AHKAfbouw, fractie("ahk."+jaar+"/afbouw_pct"))
		check("ahk max aow", b.AHKMaxAOW, eur("ahk."+jaar+"/max_aow"))
		check("ahk afbouw aow", b.AHKAfbouwAOW, fractie("ahk."+jaar+"/afbouw_pct_aow"))
		check("iack vanaf", b.IACKVanaf, eur("iack."+jaar+"/start_vanaf_arbeidsinkomen"))
		check("iack max", b.IACKMax, eur("iack."+jaar+"/max"))
		check("iack pct", b.IACKTarief, fractie("iack."+jaar+"/opbouw_pct"))
		check("ok max", b.OKMax, eur("ouderenkorting."+jaar+"/max"))
		check("ok vanaf", b.OKAfbouwVanaf, eur("ouderenkorting."+jaar+"/afbouw_vanaf_verzamelinkomen"))
		check("ok afbouw", b.OKAfbouw, fractie("ouderenkorting."+jaar+"/afbouw_pct"))
		check("aok", b.AOK, eur("ouderenkorting."+jaar+"/alleenstaande_ouderenkorting"))
		check("jgk", b.JGK, eur("jonggehandicaptenkorting/"+jaar))
		check("zvw eigen", b.ZvwEigen, fractie("zvw.inkomensafhankelijke_bijdrage."+jaar+"/eigen_bijdrage_pct"))
		check("zvw werkgever", b.ZvwWerkgever, fractie("zvw.inkomensafhankelijke_bijdrage."+jaar+"/werkgeversheffing_pct"))
		check("zvw max", b.ZvwMaximum, eur("zvw.inkomensafhankelijke_bijdrage."+jaar+"/maximum_bijdrage_inkomen"))
		check("premie aow", b.PremieAOW, fractie("premie.volksverzekeringen.2025_2026/AOW"))
		check("premie wlz", b.PremieWlz, fractie("premie.volksverzekeringen.2025_2026/Wlz"))
		// The arbeidskorting segments are formulas in the reference ("980 + 30,030% x (arbeidsinkomen - 12.169)").
		for _, s := range []struct {
			naam string
			segs []Segment
		}{{"onder_aow", b.AKSegmenten}, {"aow", b.AKSegmentenAOW}} {
			for i, seg := range s.segs {
				f := waarde[fmt.Sprintf("arbeidskorting.%s/%s/%d/formule", jaar, s.naam, i)]
				van := waarde[fmt.Sprintf("arbeidskorting.%s/%s/%d/van", jaar, s.naam, i)]
				check(fmt.Sprintf("ak %s %d van", s.naam, i), seg.Vanaf, m(van))
				pct := strings.TrimPrefix(strings.ReplaceAll(strings.ReplaceAll(seg.Tarief.String(), "-", ""), "%", ""), "")
				if seg.Tarief != 0 && !strings.Contains(strings.ReplaceAll(f, "030", "03"), strings.TrimRight(pct, "0")) {
					t.Errorf("%s ak %s %d: tarief %s not in the reference formula %q", jaar, s.naam, i, seg.Tarief, f)
				}
				if seg.Basis != 0 && !strings.Contains(strings.ReplaceAll(f, ".", ""), fmt.Sprint(int64(seg.Basis)/100)) {
					t.Errorf("%s ak %s %d: basis %s not in the reference formula %q", jaar, s.naam, i, seg.Basis, f)
				}
			}
		}
	}
}

// TestJonggehandicaptenkorting: with a right to Wajong the assessment subtracts the fixed korting of
// belasting-2025-2026.yaml (id jonggehandicaptenkorting: 909 in 2025, 923 in 2026), never more than the
// tax that is left; without it nothing changes.
func TestJonggehandicaptenkorting(t *testing.T) {
	for jaar, jgk := range map[string]geld.Bedrag{"2025": geld.Euro(909), "2026": geld.Euro(923)} {
		b := bj(t, jaar)
		p := Belastingplichtige{MetWerkgeversheffing: geld.Euro(18_000), Alleenstaand: true}
		zonder := b.Aanslag(p)
		p.Jonggehandicapt = true
		met := b.Aanslag(p)
		if met.JGK != jgk || zonder.JGK != 0 {
			t.Errorf("%s: korting %s / %s, want %s", jaar, met.JGK, zonder.JGK, jgk)
		}
		// € 18,000 of benefit: heffing above the kortingen, so the whole korting counts.
		if zonder.Heffing-zonder.Kortingen < jgk || met.NettoJaar-zonder.NettoJaar != jgk {
			t.Errorf("%s: net with %s, without %s (left to pay %s)", jaar, met.NettoJaar, zonder.NettoJaar, zonder.Heffing-zonder.Kortingen)
		}
		// At a low income the kortingen together are capped at the tax.
		laag := b.Aanslag(Belastingplichtige{MetWerkgeversheffing: geld.Euro(5_000), Jonggehandicapt: true})
		if laag.Kortingen != laag.Heffing || laag.Verschuldigd != 0 {
			t.Errorf("%s low: kortingen %s, heffing %s", jaar, laag.Kortingen, laag.Heffing)
		}
	}
}
