package geld

import (
	"encoding/json"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Bedrag
		ok   bool
	}{
		{"1512", 151200, true},
		{"1512.5", 151250, true},
		{"1512,50", 151250, true},
		{"1.512,50", 151250, true},
		{"€ 1.512,50", 151250, true},
		{"1,512.50", 151250, true},
		{"-3.10", -310, true},
		{"0,01", 1, true},
		{"1.512", 151200, true}, // a thousands group, not three decimals
		{"12.345.678", 1234567800, true},
		{"", 0, false},
		{"abc", 0, false},
		{"1.5123", 0, false},
		{"1e3", 0, false},
		{"12.34.5", 0, false},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("Parse(%q) err = %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && got != tt.want {
			t.Errorf("Parse(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	if got, want := Bedrag(151250).String(), "€ 1.512,50"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := Bedrag(151200).Kort(), "€ 1.512"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := Bedrag(-310).String(), "-€ 3,10"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := Bedrag(123456789).English(), "€1,234,567.89"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := Percentage(1250).String(), "12,5%"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	kort, en := Opmaak{"€ ", '.', ',', false}, Opmaak{"€", ',', '.', true}
	for _, b := range []Bedrag{0, 5, 151200, 151250, -310, 123456789} {
		if got, want := b.Opgemaakt(kort), b.Kort(); got != want {
			t.Errorf("Opgemaakt(kort) %d: got %q, want %q", b, got, want)
		}
		if got, want := b.Opgemaakt(en), b.English(); got != want {
			t.Errorf("Opgemaakt(en) %d: got %q, want %q", b, got, want)
		}
	}
}

func TestRounding(t *testing.T) {
	// 1 jan 2025: norm alleenstaande excl. VT 1278.18 × 110% = 1405.998 → 1406.00 (nl-parameters.yaml).
	if got, want := Bedrag(127818).VanHalfOmhoog(Procent(110)), Bedrag(140600); got != want {
		t.Errorf("110%% of 1278.18 = %v, want %v", got, want)
	}
	if got, want := Bedrag(5).VanHalfOmhoog(Procent(50)), Bedrag(3); got != want { // 2.5 cents → 3
		t.Errorf("got %v, want %v", got, want)
	}
	if got, want := Bedrag(199).VanNaarBeneden(Procent(5)), Bedrag(9); got != want {
		t.Errorf("got %v, want %v", got, want)
	}
	if got, want := Bedrag(151200).AlsPercentageVan(140150), Percentage(10788); got != want {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestJSON(t *testing.T) {
	var v struct{ A, B Bedrag }
	if err := json.Unmarshal([]byte(`{"A": 1512.5, "B": "1.512,50"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.A != 151250 || v.B != 151250 {
		t.Errorf("got %d %d", v.A, v.B)
	}
	if err := json.Unmarshal([]byte(`{"A": 1e3}`), &v); err == nil {
		t.Error("exponent accepted")
	}
	out, _ := json.Marshal(struct{ A Bedrag }{151250})
	if string(out) != `{"A":"1512.50"}` {
		t.Errorf("got %s", out)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1512", "1.512,50", "€ 3", "-0,01", "1,2,3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := Parse(s)
		if err != nil {
			return
		}
		// What we format, we parse back to the same value.
		if b2, err := Parse(b.Decimal()); err != nil || b2 != b {
			t.Fatalf("round trip %q → %d → %q → %d, %v", s, b, b.Decimal(), b2, err)
		}
	})
}
