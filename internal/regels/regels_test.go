package regels

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// testPakket exercises every kind of condition and amount. Its sources are test fixtures, not policy.
const testPakket = `gemeente: GM9999
naam: Testgemeente
geldig_vanaf: 2025-01-01
# (a contact block is refused: the gemeente's contact is the tenant's, see TestPakketZonderContact)
bronnen:
  plan: {tekst: "Testplan (fixture)"}
open_termen:
  inkomensgrens: {percentage: 120%, bron: {ref: plan, sectie: "1"}}
  inkomensgrens_basis: {waarde: excl_vt, bron: {ref: plan, sectie: "1"}}
  vermogensgrens: {waarde: bijstand, bron: {nl: pw.vermogensgrens}}
  referteperiode: {maanden: 36, bron: {ref: plan, sectie: "2"}}
regelingen:
  - id: meedoen
    naam: Meedoen
    omschrijving: Geld om mee te doen.
    grondslag: {tekst: "Verordening (fixture)"}
    uitvoerder: gemeente
    periode: per_jaar
    voorwaarden:
      - {soort: leeftijd, min: 18}
      - {soort: inkomen, grens: $inkomensgrens, grens_met_kinderen: 130%, bron: {ref: plan, sectie: "3"}}
      - {soort: vermogen, grens: $vermogensgrens}
    bedrag: {soort: vast, bedrag: 350, bron: {ref: plan, sectie: "4"}}
  - id: kindpakket
    naam: Kindpakket
    omschrijving: Voor kinderen.
    grondslag: {tekst: "Verordening (fixture)"}
    uitvoerder: Stichting Leergeld
    periode: per_jaar
    aanvragen: {alleen_via_intermediair: true}
    voorwaarden:
      - {soort: kinderen, leeftijd_min: 4, leeftijd_max: 17}
      - soort: een_van
        voorwaarden:
          - {soort: inkomen, grens: $inkomensgrens}
          - {soort: schuldsanering, waarde: true}
    bedrag: {soort: per_kind, bedrag: 100, leeftijd_min: 4, leeftijd_max: 17, bron: {ref: plan, sectie: "5"}}
  - id: iit
    naam: Inkomenstoeslag
    omschrijving: Extra geld bij lang een laag inkomen.
    grondslag: {tekst: "Participatiewet art. 36", url: "https://wetten.overheid.nl/BWBR0015703"}
    uitvoerder: gemeente
    periode: per_jaar
    aanvragen:
      ambtshalve: true
      ambtshalve_als: [{soort: ontvangt, regeling: bijstand, min_maanden: $referteperiode}]
    voorwaarden:
      - {soort: leeftijd, min: 21}
      - {soort: aow_leeftijd, bereikt: false}
      - {soort: laag_inkomen, min_maanden: $referteperiode}
      - {soort: inkomen, grens: $inkomensgrens}
    bedrag: {soort: per_leefvorm, alleenstaande: 400, alleenstaande_ouder: 500, gehuwden: 600, bron: {ref: plan, sectie: "6"}}
  - id: bijzondere_bijstand
    naam: Bijzondere bijstand
    omschrijving: Hulp bij kosten.
    grondslag: {tekst: "Participatiewet art. 35"}
    uitvoerder: gemeente
    periode: eenmalig
    voorwaarden:
      - {soort: inkomen, grens: $inkomensgrens}
    bedrag: {soort: lening, aflossing: 5%, bron: {ref: plan, sectie: "7"}}
  - id: onbekend_bedrag
    naam: Noodfonds
    omschrijving: Voor nood.
    grondslag: {tekst: "Beleidsregel (fixture)"}
    uitvoerder: gemeente
    periode: eenmalig
    voorwaarden:
      - {soort: inkomen, grens: onbekend}
    bedrag: {soort: onbekend, reden: Het bedrag is niet gepubliceerd.}
  - id: schaal
    naam: Schaal
    omschrijving: Glijdend.
    grondslag: {tekst: "Beleidsregel (fixture)"}
    uitvoerder: gemeente
    periode: per_jaar
    voorwaarden:
      - {soort: inkomen, grens: 130%, bron: {ref: plan, sectie: "8"}}
    bedrag: {soort: glijdende_schaal, bedrag: 200, treden: [{tot: 120%, deel: 100%}, {tot: 130%, deel: 50%}], bron: {ref: plan, sectie: "8"}}
`

func compileTest(t testing.TB) *Pakket {
	t.Helper()
	p, err := Compileer("GM9999/2025-01-01.yaml", []byte(testPakket))
	if err != nil {
		t.Fatalf("testpakket: %v", err)
	}
	return p
}

func opDatum(s string) time.Time { return datum.Moet(s).Tijd() }

func ptr[T any](v T) *T { return &v }

// alleenstaande builds a single adult of the given age with one income at 2026-01-01.
func alleenstaande(geboren string, inkomen string) *huishouden.Huishouden {
	return &huishouden.Huishouden{
		Gemeente: "GM9999",
		Personen: []huishouden.Persoon{{Rol: huishouden.Aanvrager, Geboortedatum: ptr(datum.Moet(geboren)),
			Inkomens: []huishouden.Inkomen{{Soort: huishouden.Loon, BedragPerMaand: geld.MustParse(inkomen)}}}},
		Vermogen: ptr(geld.Bedrag(0)),
		Ontvangt: []huishouden.Ontvangst{},
	}
}

func evalueer(t testing.TB, p *Pakket, h *huishouden.Huishouden, d time.Time) map[string]Uitkomst {
	t.Helper()
	if err := h.Valideer(d); err != nil {
		t.Fatalf("huishouden: %v", err)
	}
	f, err := Afleiden(h, d, nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Uitkomst{}
	for _, u := range p.Verklaar(&f, Weergave{}) {
		out[u.ID] = u
	}
	return out
}

func TestInkomensgrensPrecies(t *testing.T) {
	p := compileTest(t)
	norm, err := nl.MustLoad().Norm(nl.NormVraag{Leefvorm: nl.Alleenstaande, LeeftijdAanvrager: 40}, opDatum("2026-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	grens := norm.ExclVT.VanHalfOmhoog(geld.Procent(120))
	// 1 January 2026: excl. VT 1331.42 (nl-parameters.yaml) × 120% = 1597.704 → 1597.70.
	if want := geld.MustParse("1597.70"); grens != want {
		t.Fatalf("grens = %v, want %v", grens, want)
	}
	tests := []struct {
		inkomen geld.Bedrag
		want    Oordeel
	}{
		{grens, Recht},
		{grens + 1, GeenRecht},
		{grens - 1, Recht},
	}
	for _, tt := range tests {
		got := evalueer(t, p, alleenstaande("1986-05-05", tt.inkomen.Decimal()), opDatum("2026-01-01"))["meedoen"]
		if got.Oordeel != tt.want {
			t.Errorf("inkomen %v: %v, want %v (%v)", tt.inkomen, got.Oordeel, tt.want, criteriaTekst(got))
		}
		if tt.want == Recht && (got.Bedrag == nil || *got.Bedrag != geld.Euro(350)) {
			t.Errorf("inkomen %v: bedrag %v, want 350", tt.inkomen, got.Bedrag)
		}
	}
}

func TestTraceNoemtGetallen(t *testing.T) {
	p := compileTest(t)
	u := evalueer(t, p, alleenstaande("1986-05-05", "1512"), opDatum("2026-01-01"))["meedoen"]
	var ink string
	for _, c := range u.Criteria {
		if strings.Contains(c.Tekst, "inkomen") {
			ink = c.Tekst
		}
	}
	for _, want := range []string{"€ 1.512 per maand", "113%", "€ 1.331,42", "De grens is 120%: € 1.597,70 per maand."} {
		if !strings.Contains(ink, want) {
			t.Errorf("trace %q mist %q", ink, want)
		}
	}
}

func TestOnbekendIsOnzeker(t *testing.T) {
	p := compileTest(t)
	h := alleenstaande("1986-05-05", "1000")
	h.Vermogen = nil
	u := evalueer(t, p, h, opDatum("2026-01-01"))["meedoen"]
	if u.Oordeel != Onzeker {
		t.Fatalf("oordeel %v, want onzeker", u.Oordeel)
	}
	if len(u.Vragen) != 1 || u.Vragen[0] != VraagVermogen {
		t.Errorf("vragen %v, want [vermogen]", u.Vragen)
	}
	// An unknown fact must not hide a known "no": too high an income is geen recht even with unknown assets.
	h2 := alleenstaande("1986-05-05", "5000")
	h2.Vermogen = nil
	if got := evalueer(t, p, h2, opDatum("2026-01-01"))["meedoen"].Oordeel; got != GeenRecht {
		t.Errorf("hoog inkomen, onbekend vermogen: %v, want geen recht", got)
	}
	// Unknown partner income.
	h3 := alleenstaande("1986-05-05", "1000")
	h3.Personen = append(h3.Personen, huishouden.Persoon{Rol: huishouden.Partner, Geboortedatum: ptr(datum.Moet("1987-01-01")), InkomenOnbekend: true})
	u3 := evalueer(t, p, h3, opDatum("2026-01-01"))["meedoen"]
	if u3.Oordeel != Onzeker || !u3.Kort.Vragen.Heeft(VraagInkomenPartner) {
		t.Errorf("partner onbekend inkomen: %v %v", u3.Oordeel, u3.Vragen)
	}
}

func TestLeeftijdsgrens(t *testing.T) {
	p := compileTest(t)
	d := opDatum("2026-01-01")
	// IIT needs 21: born 2005-01-01 is 21 on the reference date; born 2005-01-02 is still 20.
	leeftijdCriterium := func(geboren string) Criterium {
		u := evalueer(t, p, alleenstaande(geboren, "300"), d)["iit"]
		return u.Criteria[0]
	}
	if c := leeftijdCriterium("2005-01-01"); c.Oordeel != Ja || !strings.Contains(c.Tekst, "U bent 21 jaar") {
		t.Errorf("21 jaar: %v %q", c.Oordeel, c.Tekst)
	}
	if c := leeftijdCriterium("2005-01-02"); c.Oordeel != Nee || !strings.Contains(c.Tekst, "U bent 20 jaar") {
		t.Errorf("20 jaar: %v %q", c.Oordeel, c.Tekst)
	}
	if got := evalueer(t, p, alleenstaande("2005-01-02", "300"), d)["iit"].Oordeel; got != GeenRecht {
		t.Errorf("20 jaar: %v, want geen recht", got)
	}
}

func TestKindpakketEenVanEnPerKind(t *testing.T) {
	p := compileTest(t)
	d := opDatum("2026-01-01")
	h := alleenstaande("1986-05-05", "5000")
	h.Personen = append(h.Personen,
		huishouden.Persoon{Rol: huishouden.Kind, Geboortedatum: ptr(datum.Moet("2015-06-01"))}, // 10
		huishouden.Persoon{Rol: huishouden.Kind, Geboortedatum: ptr(datum.Moet("2023-06-01"))}, // 2
	)
	h.Personen[0].Schuldsanering = ptr(false)
	if got := evalueer(t, p, h, d)["kindpakket"].Oordeel; got != GeenRecht {
		t.Errorf("hoog inkomen, geen schuldsanering: %v, want geen recht", got)
	}
	h.Personen[0].Schuldsanering = ptr(true)
	u := evalueer(t, p, h, d)["kindpakket"]
	if u.Oordeel != Recht || u.Bedrag == nil || *u.Bedrag != geld.Euro(100) {
		t.Errorf("schuldsanering: %v %v, want recht € 100 (one child aged 4-17)", u.Oordeel, u.Bedrag)
	}
	h.Personen[0].Schuldsanering = nil
	if u := evalueer(t, p, h, d)["kindpakket"]; u.Oordeel != Onzeker || !u.Kort.Vragen.Heeft(VraagSchuldsanering) {
		t.Errorf("schuldsanering onbekend: %v %v", u.Oordeel, u.Vragen)
	}
}

func TestGrensMetKinderen(t *testing.T) {
	p := compileTest(t)
	d := opDatum("2026-01-01")
	// Alleenstaande ouder: norm excl. VT 1331.42 on 2026-01-01; 130% = 1730.846 → 1730.85.
	h := alleenstaande("1986-05-05", "1730.85")
	h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Kind, Geboortedatum: ptr(datum.Moet("2015-06-01"))})
	if got := evalueer(t, p, h, d)["meedoen"].Oordeel; got != Recht {
		t.Errorf("ouder op 130%%: %v, want recht", got)
	}
	h.Personen[0].Inkomens[0].BedragPerMaand++
	if got := evalueer(t, p, h, d)["meedoen"].Oordeel; got != GeenRecht {
		t.Errorf("ouder 1 cent boven 130%%: %v, want geen recht", got)
	}
}

func TestIITAmbtshalveEnLeefvorm(t *testing.T) {
	p := compileTest(t)
	d := opDatum("2026-01-01")
	h := alleenstaande("1986-05-05", "1331.42")
	h.Personen[0].Inkomens[0].Soort = huishouden.Bijstand
	h.Ontvangt = []huishouden.Ontvangst{{Regeling: "bijstand", Sinds: ptr(datum.Moet("2021-03-01"))}}
	u := evalueer(t, p, h, d)["iit"]
	if u.Oordeel != Recht || *u.Bedrag != geld.Euro(400) || !u.Ambtshalve {
		t.Errorf("iit: %v %v ambtshalve=%v, want recht € 400 ambtshalve", u.Oordeel, u.Bedrag, u.Ambtshalve)
	}
	// Bijstand for 35 months: not yet long enough.
	h.Ontvangt[0].Sinds = ptr(datum.Moet("2023-02-01"))
	if u := evalueer(t, p, h, d)["iit"]; u.Oordeel != GeenRecht {
		t.Errorf("35 maanden: %v, want geen recht", u.Oordeel)
	}
}

func TestLeningEnOnbekendBedrag(t *testing.T) {
	p := compileTest(t)
	us := evalueer(t, p, alleenstaande("1986-05-05", "1200"), opDatum("2026-01-01"))
	bb := us["bijzondere_bijstand"]
	if bb.Lening == nil || bb.Lening.AflossingPerMaand == nil || *bb.Lening.AflossingPerMaand != geld.Euro(60) {
		t.Errorf("lening: %+v, want aflossing € 60 (5%% of 1200)", bb.Lening)
	}
	nf := us["onbekend_bedrag"]
	if nf.Oordeel != Onzeker || nf.Bedrag != nil || !nf.Kort.Vragen.Heeft(VraagGemeente) {
		t.Errorf("onbekende grens: %v %v %v", nf.Oordeel, nf.Bedrag, nf.Vragen)
	}
}

func TestGlijdendeSchaal(t *testing.T) {
	p := compileTest(t)
	d := opDatum("2026-01-01")
	tests := []struct {
		inkomen string
		want    geld.Bedrag
		oordeel Oordeel
	}{
		{"1597.70", geld.Euro(200), Recht}, // 120% of 1331.42 → full
		{"1597.71", geld.Euro(100), Recht}, // above 120%, up to 130% → half
		{"1730.85", geld.Euro(100), Recht},
		{"1730.86", 0, GeenRecht},
	}
	for _, tt := range tests {
		u := evalueer(t, p, alleenstaande("1986-05-05", tt.inkomen), d)["schaal"]
		if u.Oordeel != tt.oordeel {
			t.Errorf("%s: %v, want %v", tt.inkomen, u.Oordeel, tt.oordeel)
			continue
		}
		if tt.oordeel == Recht && (u.Bedrag == nil || *u.Bedrag != tt.want) {
			t.Errorf("%s: bedrag %v, want %v", tt.inkomen, u.Bedrag, tt.want)
		}
	}
}

func TestNormWisseltOp1Juli(t *testing.T) {
	p := compileTest(t)
	// 30 June 2026: excl. VT 1331.42 → 120% = 1597.70; 1 July 2026: 1348.49 → 1618.188 → 1618.19.
	h := alleenstaande("1986-05-05", "1610")
	if got := evalueer(t, p, h, opDatum("2026-06-30"))["meedoen"].Oordeel; got != GeenRecht {
		t.Errorf("30 juni: %v, want geen recht", got)
	}
	if got := evalueer(t, p, h, opDatum("2026-07-01"))["meedoen"].Oordeel; got != Recht {
		t.Errorf("1 juli: %v, want recht", got)
	}
}

func TestKostendelersnormVerlaagtGrens(t *testing.T) {
	p := compileTest(t)
	d := opDatum("2026-01-01")
	h := alleenstaande("1986-05-05", "1300")
	if got := evalueer(t, p, h, d)["meedoen"].Oordeel; got != Recht {
		t.Fatalf("zonder medebewoner: %v", got)
	}
	// With one kostendeler of 30 the norm is 50% of the gehuwdennorm, so 1300 is above 120% of it.
	h.Personen = append(h.Personen, huishouden.Persoon{Rol: huishouden.Medebewoner, Geboortedatum: ptr(datum.Moet("1995-01-01"))})
	if got := evalueer(t, p, h, d)["meedoen"].Oordeel; got != GeenRecht {
		t.Errorf("met kostendeler: %v, want geen recht", got)
	}
	// A housemate of unknown age: the norm is unknown, so onzeker.
	h.Personen[1].Geboortedatum = nil
	if u := evalueer(t, p, h, d)["meedoen"]; u.Oordeel != Onzeker || !u.Kort.Vragen.Heeft(VraagGeboortedatumMedebewoners) {
		t.Errorf("medebewoner zonder leeftijd: %v %v", u.Oordeel, u.Vragen)
	}
}

func TestPakketFouten(t *testing.T) {
	tests := []struct {
		name, vervang, door string
		regel               int
		reden               string
	}{
		{"onbekende voorwaarde", "{soort: leeftijd, min: 18}", "{soort: lengte, min: 18}", 20, "onbekende voorwaarde"},
		{"onbekend veld", "{soort: leeftijd, min: 18}", "{soort: leeftijd, minimum: 18}", 20, "onbekend veld \"minimum\""},
		{"typefout", "{soort: leeftijd, min: 18}", "{soort: leeftijd, min: achttien}", 20, "achttien"},
		{"bron ontbreekt", "bedrag: {soort: vast, bedrag: 350, bron: {ref: plan, sectie: \"4\"}}", "bedrag: {soort: vast, bedrag: 350}", 23, "zonder bron"},
		{"onbekende bron", "bron: {ref: plan, sectie: \"4\"}", "bron: {ref: nergens}", 23, "nergens"},
		{"onbekende term", "grens: $inkomensgrens, grens_met", "grens: $inkomensgrenz, grens_met", 21, "inkomensgrenz"},
		{"slecht bedrag", "bedrag: 350,", "bedrag: veel,", 23, "geen bedrag"},
		{"onbekend feit", "regeling: bijstand, min_maanden", "regeling: bijstnad, min_maanden", 46, "onbekend feit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(testPakket, tt.vervang, tt.door, 1)
			if src == testPakket {
				t.Fatal("vervanging niet gevonden")
			}
			_, err := Compileer("x.yaml", []byte(src))
			if err == nil {
				t.Fatal("geen fout")
			}
			var pf *PakketFout
			if !errors.As(err, &pf) {
				t.Fatalf("fout %T %v is geen PakketFout", err, err)
			}
			if pf.Regel != tt.regel {
				t.Errorf("regel %d, want %d (%v)", pf.Regel, tt.regel, err)
			}
			if !strings.Contains(err.Error(), tt.reden) {
				t.Errorf("fout %q noemt %q niet", err, tt.reden)
			}
		})
	}
}

func TestOverlappendePakketten(t *testing.T) {
	// Covered through Laad on an in-memory FS.
	fsys := map[string]string{
		"GM9999/2025-01-01.yaml": testPakket,
		"GM9999/2025-07-01.yaml": strings.Replace(testPakket, "geldig_vanaf: 2025-01-01", "geldig_vanaf: 2025-07-01", 1),
	}
	_, err := Laad(mapFS(fsys), nl.MustLoad())
	if err == nil || !strings.Contains(err.Error(), "overlapt") {
		t.Fatalf("overlap niet gemeld: %v", err)
	}
	fsys["GM9999/2025-01-01.yaml"] = strings.Replace(testPakket, "geldig_vanaf: 2025-01-01", "geldig_vanaf: 2025-01-01\ngeldig_tot: 2025-06-30", 1)
	c, err := Laad(mapFS(fsys), nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Pakket("GM9999", opDatum("2025-07-01"))
	if err != nil || p.Bestand != "GM9999/2025-07-01.yaml" {
		t.Errorf("pakket op 1 juli: %v %v", p, err)
	}
	if _, err := c.Pakket("GM9999", opDatum("2024-12-31")); !errors.Is(err, ErrGeenPakket) {
		t.Errorf("voor het eerste pakket: %v, want ErrGeenPakket", err)
	}
}

func TestEvalueerAlloceertNiet(t *testing.T) {
	p := compileTest(t)
	h := alleenstaande("1986-05-05", "1200")
	f, err := Afleiden(h, opDatum("2026-01-01"), nl.MustLoad())
	if err != nil {
		t.Fatal(err)
	}
	uit := make([]Kort, len(p.Regelingen))
	if n := testing.AllocsPerRun(100, func() { p.EvalueerFeiten(&f, uit) }); n != 0 {
		t.Errorf("EvalueerFeiten alloceert %v keer, want 0", n)
	}
}

func FuzzCompileer(f *testing.F) {
	f.Add([]byte(testPakket))
	f.Add([]byte(uitbreidingPakket))
	f.Add([]byte("gemeente: GM0001\nregelingen: [{id: x}]"))
	f.Add([]byte("- a\n- b"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Compileer("fuzz.yaml", src)
		if err == nil && p == nil {
			t.Fatal("nil pakket zonder fout")
		}
		if err != nil && err.Error() == "" {
			t.Fatal("lege foutmelding")
		}
	})
}

func mapFS(m map[string]string) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range m {
		out[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return out
}

func TestOordeelTekst(t *testing.T) {
	for _, o := range []Oordeel{Recht, GeenRecht, Onzeker} {
		b, _ := o.MarshalText()
		var got Oordeel
		if err := got.UnmarshalText(b); err != nil || got != o {
			t.Errorf("%v → %s → %v, %v", o, b, got, err)
		}
	}
	var o Oordeel
	if err := o.UnmarshalText([]byte("misschien")); err == nil {
		t.Error("misschien geaccepteerd")
	}
}

// TestPakketZonderContact: a pack holds rules only; the gemeente's contact is the tenant's.
func TestPakketZonderContact(t *testing.T) {
	src := strings.Replace(testPakket, "bronnen:\n", "contact: {tekst: Bel ons., url: \"https://example.org\"}\nbronnen:\n", 1)
	_, err := Compileer("GM9999/2025-01-01.yaml", []byte(src))
	if err == nil || !strings.Contains(err.Error(), "contact hoort niet in een regelpakket") || !strings.Contains(err.Error(), "2025-01-01.yaml:") {
		t.Errorf("pack with contact: err = %v, want the refusal with file and line", err)
	}
}

// TestTraceNoemtParameters: a criterion names the pack's values it uses, with id and value.
func TestTraceNoemtParameters(t *testing.T) {
	p := compileTest(t)
	u := evalueer(t, p, alleenstaande("1986-05-05", "1512"), opDatum("2026-01-01"))["meedoen"]
	var got []Parameter
	for _, c := range u.Criteria {
		if c.Soort == "inkomen" {
			got = c.Parameters
		}
	}
	if len(got) != 2 || got[0].ID == "" || got[0].Waarde != "120%" || got[1].ID == "" || got[1].Waarde == "" {
		t.Errorf("inkomen parameters %+v, want the limit 120%% and the basis, each with an id", got)
	}
}
