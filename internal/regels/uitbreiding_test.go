package regels

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/huishouden"
)

// uitbreidingPakket exercises kwijtschelding's national calculation, the one-earner condition, help in
// kind with limited places, and amounts of earlier years. Its sources are test fixtures, not policy.
const uitbreidingPakket = `gemeente: GM9999
naam: Testgemeente
geldig_vanaf: 2025-01-01
# (no contact block: the gemeente's contact is the tenant's)
bronnen:
  plan: {tekst: "Testplan (fixture)"}
open_termen:
  kvb: {percentage: 100%, bron: {ref: plan, sectie: "kwijtschelding"}}
  kvb_onbekend: {waarde: onbekend}
regelingen:
  - id: kwijtschelding
    naam: Kwijtschelding
    omschrijving: Minder belasting.
    grondslag: {tekst: "Invorderingswet 1990 art. 26 (fixture)"}
    uitvoerder: gemeente
    periode: per_jaar
    voorwaarden:
      - soort: een_van
        voorwaarden:
          - {soort: vermogen, grens: $kvb, basis: excl_vt}
          - {soort: vermogen, grens: $kvb_onbekend}
    bedrag: {soort: kwijtschelding, kosten_van_bestaan: $kvb, norm_basis: excl_vt, bron: {ref: plan, sectie: "k"}}
  - id: kwijtschelding_90
    naam: Kwijtschelding bij onbekend percentage
    omschrijving: Minder belasting.
    grondslag: {tekst: "Invorderingswet 1990 art. 26 (fixture)"}
    uitvoerder: gemeente
    periode: per_jaar
    voorwaarden:
      - {soort: vermogen, grens: 90%, basis: excl_vt, bron: {ref: plan, sectie: "k"}}
    bedrag: {soort: kwijtschelding, kosten_van_bestaan: $kvb_onbekend, ondergrens: 90%, norm_basis: excl_vt, bron: {ref: plan, sectie: "k"}}
  - id: alleenverdiener
    naam: Alleenverdieners
    omschrijving: Voor stellen met één inkomen.
    grondslag: {tekst: "Participatiewet art. 78gg (fixture)"}
    uitvoerder: gemeente
    periode: per_jaar
    voorwaarden:
      - {soort: een_verdiener}
    bedrag: {soort: onbekend, reden: Vraag de gemeente., eerder: [{jaar: 2023, bedrag: 210, uitleg: Dat was per volwassene., bron: {ref: plan, sectie: "e"}}, {jaar: 2023, bedrag: 424, leefvorm: alleenstaande, bron: {ref: plan, sectie: "e"}}]}
  - id: zonnepanelen
    naam: Zonnepanelen
    omschrijving: Opbrengst van zonne-energie.
    grondslag: {tekst: "Project (fixture)"}
    uitvoerder: gemeente
    periode: per_jaar
    voorwaarden:
      - {soort: leeftijd, min: 18}
    bedrag: {soort: vast, bedrag: 100, bron: {ref: plan, sectie: "z"}}
    plaatsen: {aantal: 100, bron: {ref: plan, sectie: "z"}}
  - id: witgoed
    naam: Witgoed
    omschrijving: Een koelkast of wasmachine.
    grondslag: {tekst: "Beleid (fixture)"}
    uitvoerder: gemeente
    periode: eenmalig
    voorwaarden:
      - {soort: leeftijd, min: 18}
    bedrag: {soort: onbekend, reden: Dat hangt af van het apparaat.}
    in_natura: {wat: Een waardebon voor een koelkast of wasmachine., wat_en: A voucher for a fridge or washing machine., waarde: 450, bron: {ref: plan, sectie: "w"}}
`

func compileUitbreiding(t *testing.T) *Pakket {
	t.Helper()
	p, err := Compileer("GM9999/2025-01-01.yaml", []byte(uitbreidingPakket))
	if err != nil {
		t.Fatalf("pakket: %v", err)
	}
	return p
}

func stel(a, b string) *huishouden.Huishouden {
	h := alleenstaande("1980-01-01", a)
	p := huishouden.Persoon{Rol: huishouden.Partner, Geboortedatum: ptr(datum.Moet("1982-01-01"))}
	if b != "" {
		p.Inkomens = []huishouden.Inkomen{{Soort: huishouden.Loon, BedragPerMaand: geld.MustParse(b)}}
	} else {
		p.InkomenOnbekend = true
	}
	h.Personen = append(h.Personen, p)
	return h
}

// The norm for a single adult of 21 to AOW age on 2026-07-01 without vakantietoeslag is € 1.348,49.
func TestKwijtscheldingLandelijkeBerekening(t *testing.T) {
	p := compileUitbreiding(t)
	d := opDatum("2026-12-01")
	tests := []struct {
		naam, inkomen, vermogen string
		oordeel                 Oordeel
		teBetalen, hooguit      string // "" = not set
		tekst                   string
	}{
		{"precies op de kosten van bestaan", "1348.49", "1348.49", Recht, "0", "", "niets over"},
		{"een cent erboven", "1348.50", "0", Recht, "", "0.12", "hooguit € 0,12 per jaar"},
		{"ruim erboven", "1448.49", "0", Recht, "", "1200", "hooguit € 1.200 per jaar"},
		{"spaargeld een cent boven een maand", "1000", "1348.50", Onzeker, "0", "", "niets over"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			h := alleenstaande("1980-01-01", tt.inkomen)
			h.Vermogen = ptr(geld.MustParse(tt.vermogen))
			u := evalueer(t, p, h, d)["kwijtschelding"]
			if u.Oordeel != tt.oordeel {
				t.Fatalf("oordeel %v, want %v (%s)", u.Oordeel, tt.oordeel, criteriaTekst(u))
			}
			if u.Bedrag != nil {
				t.Errorf("bedrag %v: wat wordt kwijtgescholden hangt af van de aanslag en is onbekend", u.Bedrag)
			}
			k := u.Kwijtschelding
			if k == nil {
				t.Fatal("geen kwijtscheldingsberekening")
			}
			if got, want := k.KostenVanBestaan, geld.MustParse("1348.49"); got != want {
				t.Errorf("kosten van bestaan %s, want %s", got.Decimal(), want.Decimal())
			}
			check := func(naam string, got *geld.Bedrag, want string) {
				switch {
				case want == "" && got != nil:
					t.Errorf("%s %s, want niet gezet", naam, got.Decimal())
				case want != "" && got == nil:
					t.Errorf("%s niet gezet, want %s", naam, want)
				case want != "" && *got != geld.MustParse(want):
					t.Errorf("%s %s, want %s", naam, got.Decimal(), want)
				}
			}
			check("te betalen", k.TeBetalenPerJaar, tt.teBetalen)
			check("hooguit", k.HooguitPerJaar, tt.hooguit)
			if !strings.Contains(u.BedragUitleg, tt.tekst) {
				t.Errorf("uitleg %q noemt %q niet", u.BedragUitleg, tt.tekst)
			}
		})
	}
}

func TestKwijtscheldingOndergrens(t *testing.T) {
	p := compileUitbreiding(t)
	d := opDatum("2026-12-01")
	// 90% of € 1.348,49 = € 1.213,64 (half up).
	h := alleenstaande("1980-01-01", "1213.64")
	h.Vermogen = ptr(geld.MustParse("1213.64"))
	u := evalueer(t, p, h, d)["kwijtschelding_90"]
	if u.Oordeel != Recht || u.Kwijtschelding == nil || u.Kwijtschelding.TeBetalenPerJaar == nil {
		t.Fatalf("precies 90%%: %v %+v (%s)", u.Oordeel, u.Kwijtschelding, u.BedragUitleg)
	}
	if !strings.Contains(u.BedragUitleg, "minstens 90%") {
		t.Errorf("uitleg %q zegt niet dat 90%% een ondergrens is", u.BedragUitleg)
	}
	h = alleenstaande("1980-01-01", "1213.65")
	h.Vermogen = ptr(geld.MustParse("1213.65"))
	u = evalueer(t, p, h, d)["kwijtschelding_90"]
	if u.Oordeel != GeenRecht {
		t.Errorf("spaargeld een cent boven 90%%: %v, want geen recht", u.Oordeel)
	}
	h.Vermogen = ptr(geld.Bedrag(0))
	u = evalueer(t, p, h, d)["kwijtschelding_90"]
	if k := u.Kwijtschelding; k == nil || k.HooguitPerJaar == nil || *k.HooguitPerJaar != 12 {
		t.Errorf("een cent boven 90%%: %+v, want hooguit € 0,12", k)
	}
	h.Personen[0].Inkomens = nil
	h.Personen[0].InkomenOnbekend = true
	u = evalueer(t, p, h, d)["kwijtschelding_90"]
	if u.Kwijtschelding != nil || !strings.Contains(u.BedragUitleg, "Zonder het hele inkomen") {
		t.Errorf("onbekend inkomen: %+v %q", u.Kwijtschelding, u.BedragUitleg)
	}
}

func TestEenVerdiener(t *testing.T) {
	p := compileUitbreiding(t)
	d := opDatum("2026-12-01")
	tests := []struct {
		naam    string
		h       *huishouden.Huishouden
		oordeel Oordeel
		vragen  string
	}{
		{"alleenstaande", alleenstaande("1980-01-01", "1000"), GeenRecht, ""},
		{"één verdiener", stel("1500", "0"), Recht, ""},
		{"twee verdieners", stel("1500", "0.01"), GeenRecht, ""},
		{"geen van beiden", stel("0", "0"), GeenRecht, ""},
		{"partner onbekend", stel("1500", ""), Onzeker, "inkomen.partner"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			u := evalueer(t, p, tt.h, d)["alleenverdiener"]
			if u.Oordeel != tt.oordeel {
				t.Errorf("oordeel %v, want %v (%s)", u.Oordeel, tt.oordeel, criteriaTekst(u))
			}
			var vs []string
			for _, v := range u.Vragen {
				vs = append(vs, string(v))
			}
			if got := strings.Join(vs, ","); got != tt.vragen {
				t.Errorf("vragen %q, want %q", got, tt.vragen)
			}
		})
	}
}

func TestInNaturaPlaatsenEerder(t *testing.T) {
	p := compileUitbreiding(t)
	d := opDatum("2026-12-01")
	us := evalueer(t, p, alleenstaande("1980-01-01", "1000"), d)

	w := us["witgoed"]
	if w.InNatura == nil || w.InNatura.Waarde == nil || *w.InNatura.Waarde != geld.MustParse("450") {
		t.Fatalf("in natura %+v", w.InNatura)
	}
	if w.Bedrag != nil {
		t.Errorf("bedrag %v: in natura is geen geld", w.Bedrag)
	}
	for _, s := range []string{"niet als geld", "Een waardebon voor een koelkast", "De waarde is € 450."} {
		if !strings.Contains(w.BedragUitleg, s) {
			t.Errorf("uitleg %q noemt %q niet", w.BedragUitleg, s)
		}
	}

	z := us["zonnepanelen"]
	if z.Plaatsen == nil || z.Plaatsen.Aantal != 100 || z.Bedrag == nil || *z.Bedrag != geld.MustParse("100") {
		t.Fatalf("plaatsen %+v bedrag %v", z.Plaatsen, z.Bedrag)
	}
	if !strings.Contains(z.BedragUitleg, "plek voor 100 huishoudens") {
		t.Errorf("uitleg %q noemt de plaatsen niet", z.BedragUitleg)
	}

	a := evalueer(t, p, stel("1500", "0"), d)["alleenverdiener"]
	if a.Bedrag != nil {
		t.Errorf("een bedrag van 2023 is niet het bedrag van nu: %v", a.Bedrag)
	}
	if len(a.Eerder) != 1 || a.Eerder[0].Jaar != 2023 || a.Eerder[0].Bron.Leeg() {
		t.Errorf("eerder %+v", a.Eerder)
	}
	if strings.Contains(a.BedragUitleg, "424") {
		t.Errorf("uitleg %q noemt het bedrag van een andere leefvorm", a.BedragUitleg)
	}
	if !strings.Contains(a.BedragUitleg, "In 2023 was dit € 210.") || !strings.Contains(a.BedragUitleg, "Dat was per volwassene.") {
		t.Errorf("uitleg %q", a.BedragUitleg)
	}

}

func TestUitbreidingFouten(t *testing.T) {
	tests := []struct{ naam, vervang, door, reden string }{
		{"plaatsen zonder bron", `plaatsen: {aantal: 100, bron: {ref: plan, sectie: "z"}}`, `plaatsen: {aantal: 100}`, "plaatsen zonder bron"},
		{"plaatsen zonder aantal", `plaatsen: {aantal: 100,`, `plaatsen: {aantal: 0,`, "aantal ontbreekt"},
		{"eerder zonder bron", `bedrag: 210, uitleg: Dat was per volwassene., bron: {ref: plan, sectie: "e"}`, `bedrag: 210`, "bron ontbreekt"},
		{"eerder zonder jaar", `jaar: 2023, `, ``, "jaar ontbreekt"},
		{"eerder met onbekende leefvorm", `leefvorm: alleenstaande,`, `leefvorm: single,`, "leefvorm \"single\""},
		{"waarde zonder bron", `waarde: 450, bron: {ref: plan, sectie: "w"}`, `waarde: 450`, "waarde zonder bron"},
		{"vermogen % zonder basis", `{soort: vermogen, grens: 90%, basis: excl_vt,`, `{soort: vermogen, grens: 90%,`, "basis ontbreekt"},
		{"kwijtschelding zonder ondergrens", `ondergrens: 90%, `, ``, "ondergrens ontbreekt"},
		{"kwijtschelding zonder norm_basis", `kosten_van_bestaan: $kvb, norm_basis: excl_vt,`, `kosten_van_bestaan: $kvb,`, "norm_basis"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			src := strings.Replace(uitbreidingPakket, tt.vervang, tt.door, 1)
			if src == uitbreidingPakket {
				t.Fatal("vervanging niet gevonden")
			}
			_, err := Compileer("x.yaml", []byte(src))
			var pf *PakketFout
			if err == nil || !errors.As(err, &pf) {
				t.Fatalf("fout %v, want een PakketFout", err)
			}
			if pf.Regel == 0 {
				t.Errorf("fout %v noemt geen regel", err)
			}
			if !strings.Contains(err.Error(), tt.reden) {
				t.Errorf("fout %q noemt %q niet", err, tt.reden)
			}
		})
	}
}
