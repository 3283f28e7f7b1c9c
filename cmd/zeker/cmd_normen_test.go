package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// normen runs "zeker normen" in-process with buffers and returns the exit code main would give.
func normen(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	err := run(context.Background(), append([]string{"normen"}, args...), e)
	return exitCode(err, &errOut), out.String(), errOut.String()
}

// regelMet returns the first output line that starts with prefix.
func regelMet(t *testing.T, out, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	t.Fatalf("geen regel %q in:\n%s", prefix, out)
	return ""
}

func TestNormenTabel(t *testing.T) {
	code, out, errOut := normen(t, "--datum", "2026-01-01")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Normenoverzicht Participatiewet op 1-1-2026", "geldig van 1-1-2026 t/m 30-6-2026", "Norm incl. VT", "Bronnen:", "Normenbrief 1 januari 2026"} {
		if !strings.Contains(out, want) {
			t.Errorf("uitvoer mist %q", want)
		}
	}
	tests := []struct {
		rij  string
		want []string // incl VT, VT, excl VT in order
	}{
		{"alleenstaande, 21 jaar tot AOW-leeftijd", []string{"€ 1.401,50", "€ 70,08", "€ 1.331,42"}},
		{"gehuwden/samenwonenden, 21 jaar tot AOW-leeftijd", []string{"€ 2.002,13", "€ 100,11", "€ 1.902,02"}},
		{"alleenstaande, AOW-leeftijd", []string{"€ 1.564,69", "€ 78,23", "€ 1.486,46"}},
		{"alleenstaande, 18-20 jaar", []string{"€ 345,99", "€ 17,30", "€ 328,69"}},
		{"gehuwden, één 18-20 en één 21+, met kinderen", []string{"€ 1.747,49", "€ 87,37", "€ 1.660,12"}},
		{"kostendelersnorm, 2 kostendelers", []string{"€ 1.001,07", "€ 50,05", "€ 951,02"}},
	}
	for _, tt := range tests {
		l := regelMet(t, out, tt.rij)
		rest := l
		for _, w := range tt.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s: mist %s (in volgorde) in %q", tt.rij, w, l)
				break
			}
			rest = rest[i+len(w):]
		}
	}
	if strings.Contains(out, "130%") {
		t.Error("kolom percentage zonder --percentage")
	}
}

func TestNormenPercentage(t *testing.T) {
	// 1 jan 2025, alleenstaande: 110% of 1.278,18 = 1.405,998 → € 1.406,00 (the reference's check).
	code, out, errOut := normen(t, "--datum", "2025-01-01", "--percentage", "110", "--zonder-vakantietoeslag")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if l := regelMet(t, out, "Leefvorm"); !strings.Contains(l, "110% excl. VT") {
		t.Errorf("kop: %q", l)
	}
	if l := regelMet(t, out, "alleenstaande, 21 jaar tot AOW-leeftijd"); !strings.HasSuffix(l, "€ 1.406,00") {
		t.Errorf("110%% excl. VT: %q", l)
	}
	if l := regelMet(t, out, "Kolom 110%"); !strings.Contains(l, "110% × € 1.278,18 = € 1.405,998 → € 1.406,00") || !strings.Contains(l, "halve centen naar boven") {
		t.Errorf("afrondingsregel: %q", l)
	}

	// With vakantietoeslag: 110% of 1.345,45 = 1.479,995 → € 1.480,00.
	code, out, _ = normen(t, "--datum", "2025-01-01", "--percentage", "110")
	if code != 0 {
		t.Fatal(code)
	}
	if l := regelMet(t, out, "alleenstaande, 21 jaar tot AOW-leeftijd"); !strings.HasSuffix(l, "€ 1.480,00") {
		t.Errorf("110%% incl. VT: %q", l)
	}
	if l := regelMet(t, out, "Leefvorm"); !strings.Contains(l, "110% incl. VT") {
		t.Errorf("kop: %q", l)
	}
}

func TestNormenJSON(t *testing.T) {
	code, out, errOut := normen(t, "--datum", "2026-07-15", "--percentage", "130", "--zonder-vakantietoeslag", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var v struct {
		Peildatum   string `json:"peildatum"`
		GeldigVanaf string `json:"geldig_vanaf"`
		GeldigTot   string `json:"geldig_tot"`
		Percentage  string `json:"percentage"`
		Basis       string `json:"basis"`
		Afronding   string `json:"afronding"`
		Normen      []struct {
			Code, Artikel   string
			InclVT          string `json:"incl_vt"`
			Vakantietoeslag string `json:"vakantietoeslag"`
			ExclVT          string `json:"excl_vt"`
			Grens           string `json:"grens"`
			Bron            struct{ Tekst, URL string }
		} `json:"normen"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("geen JSON: %v\n%s", err, out)
	}
	if v.Peildatum != "2026-07-15" || v.GeldigVanaf != "2026-07-01" || v.GeldigTot != "2026-12-31" || v.Percentage != "130%" || v.Basis != "excl_vt" || v.Afronding == "" {
		t.Errorf("kop: %+v", v)
	}
	if len(v.Normen) != 18 { // 12 leefvormen, 4 kostendelersnormen, 2 for a stay in an institution
		t.Fatalf("%d normen, want 18", len(v.Normen))
	}
	want := map[string][4]string{
		// code: incl, vt, excl, 130% of excl (1348,49 × 1,3 = 1753,037 → 1753,04)
		"alleenstaande_21_aow": {"1419.46", "70.97", "1348.49", "1753.04"},
		// 1926,40 × 1,3 = 2504,32
		"gehuwden_21_aow": {"2027.79", "101.39", "1926.40", "2504.32"},
		// 2027,79 / 2 = 1013,895 → 1013,90; VT 50,695 → 50,70; excl 963,20; × 1,3 = 1252,16
		"kostendelersnorm_2": {"1013.90", "50.70", "963.20", "1252.16"},
	}
	for _, n := range v.Normen {
		if n.Artikel == "" || n.Bron.Tekst == "" {
			t.Errorf("%s: artikel of bron leeg", n.Code)
		}
		w, ok := want[n.Code]
		if !ok {
			continue
		}
		delete(want, n.Code)
		if got := [4]string{n.InclVT, n.Vakantietoeslag, n.ExclVT, n.Grens}; got != w {
			t.Errorf("%s: got %v, want %v", n.Code, got, w)
		}
	}
	if len(want) > 0 {
		t.Errorf("ontbrekende rijen: %v", want)
	}
}

func TestNormenFouten(t *testing.T) {
	tests := []struct {
		naam string
		args []string
		code int
		want string
	}{
		{"slechte datum", []string{"--datum", "1-1-2026"}, 1, "geen datum"},
		{"buiten periode", []string{"--datum", "2024-12-31"}, 1, "2024-12-31"},
		{"na de laatste periode", []string{"--datum", "2027-01-01"}, 1, "2027-01-01"},
		{"slecht percentage", []string{"--datum", "2026-01-01", "--percentage", "veel"}, 1, "percentage"},
		{"percentage nul", []string{"--datum", "2026-01-01", "--percentage", "0"}, 1, "boven 0"},
		{"zonder-vakantietoeslag zonder percentage", []string{"--datum", "2026-01-01", "--zonder-vakantietoeslag"}, 2, "--percentage"},
		{"onbekende optie", []string{"--datum", "2026-01-01", "--gemeente", "GM0175"}, 2, "gemeente"},
		{"los argument", []string{"2026-01-01"}, 2, "onverwacht argument"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			code, out, errOut := normen(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q noemt %q niet", errOut, tt.want)
			}
			if out != "" {
				t.Errorf("stdout bij een fout: %q", out)
			}
		})
	}
	code, out, _ := normen(t, "--help")
	if code != 0 || !strings.Contains(out, "zeker normen --datum") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
}
