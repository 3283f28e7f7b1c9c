package geld

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Bedrag
		err  error // nil: valid
	}{
		{"1512", 151200, nil},
		{"1512.5", 151250, nil},
		{"1512,5", 151250, nil},
		{"1512,50", 151250, nil},
		{"1512.50", 151250, nil},
		{"1234,56", 123456, nil},
		{"1234.56", 123456, nil},
		{"1.234,56", 123456, nil},
		{"1.512,50", 151250, nil},
		{"€ 1.512,50", 151250, nil},
		{" €1512 ", 151200, nil},
		{"1,512.50", 151250, nil},
		{"1.500,00", 150000, nil},
		{"1,50", 150, nil},
		{"-3.10", -310, nil},
		{"-€ 3,10", -310, nil}, // how String writes it
		{"€ -3,10", -310, nil},
		{"0,01", 1, nil},
		{"0.5", 50, nil},
		{"12.345.678", 1234567800, nil}, // repeated: only thousands separators
		{"1.234.567,89", 123456789, nil},
		{"999999999999999", 99999999999999900, nil},

		// Ambiguous: one separator followed by exactly three digits.
		{"1.500", 0, ErrDubbelzinnig},
		{"1,500", 0, ErrDubbelzinnig},
		{"1.512", 0, ErrDubbelzinnig},
		{"€ 999,999", 0, ErrDubbelzinnig},
		// More than two decimals: refused, never rounded.
		{"0.001", 0, ErrTeVeelDecimalen},
		{"0,001", 0, ErrTeVeelDecimalen},
		{"1.5123", 0, ErrTeVeelDecimalen},
		{"1234.567", 0, ErrTeVeelDecimalen},
		{"1.234,567", 0, ErrTeVeelDecimalen},
		// Thousands separators not in groups of three, or mixed up.
		{"12.34.5", 0, ErrGroepering},
		{"1.234.56", 0, ErrGroepering},
		{"1,2.50", 0, ErrGroepering},
		{"1.234,5,6", 0, ErrGroepering},
		{"0.123.456", 0, ErrGroepering},
		// Not a number.
		{"", 0, ErrLeeg},
		{"€", 0, ErrLeeg},
		{"abc", 0, ErrGeenGetal},
		{"1e3", 0, ErrGeenGetal},
		{"12,", 0, ErrGeenGetal},
		{",50", 0, ErrGeenGetal},
		{"--3", 0, ErrGeenGetal},
		{"1 500", 0, ErrGeenGetal},
		{"+3", 0, ErrGeenGetal},
		{"1234567890123456", 0, ErrTeGroot},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.err == nil {
			if err != nil || got != tt.want {
				t.Errorf("Parse(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) || !errors.Is(err, ErrOngeldig) {
			t.Errorf("Parse(%q) = %d, %v; want %v", tt.in, got, err, tt.err)
			continue
		}
		if Reden(err) == "" {
			t.Errorf("Parse(%q): no reason", tt.in)
		}
	}
	if r := Reden(mustErr(Parse("1.500"))); !strings.Contains(r, "dubbelzinnig") {
		t.Errorf("reason for 1.500 = %q, want it to say it is ambiguous", r)
	}
	if r := Reden(mustErr(Parse("0.001"))); !strings.Contains(r, "meer dan 2") {
		t.Errorf("reason for 0.001 = %q, want it to say more than 2 decimals", r)
	}
}

func mustErr(_ Bedrag, err error) error { return err }

func TestParseGetal(t *testing.T) {
	tests := []struct {
		in   string
		want Bedrag
		err  error
	}{
		{"1500", 150000, nil},
		{"1500.5", 150050, nil},
		{"1500.50", 150050, nil},
		{"0", 0, nil},
		{"0.01", 1, nil},
		{"-3.10", -310, nil},
		{"0.001", 0, ErrTeVeelDecimalen},
		{"1.500", 0, ErrTeVeelDecimalen}, // a JSON number has no thousands separator: 1.5 with three decimals
		{"1.5000", 0, ErrTeVeelDecimalen},
		{"1e3", 0, ErrGeenGetal},
		{"1.5E2", 0, ErrGeenGetal},
		{"01", 0, ErrGeenGetal},
		{"1.", 0, ErrGeenGetal},
		{"-", 0, ErrGeenGetal},
		{"", 0, ErrGeenGetal},
		{"1,50", 0, ErrGeenGetal},
	}
	for _, tt := range tests {
		got, err := ParseGetal(tt.in)
		if tt.err == nil {
			if err != nil || got != tt.want {
				t.Errorf("ParseGetal(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) {
			t.Errorf("ParseGetal(%q) = %d, %v; want %v", tt.in, got, err, tt.err)
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
		if got, want := string(b.AppendOpgemaakt([]byte("x"), kort)), "x"+b.Kort(); got != want {
			t.Errorf("AppendOpgemaakt(kort) %d: got %q, want %q", b, got, want)
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
	for _, tt := range []struct {
		in   string
		want Bedrag
		err  error
	}{
		{`1512.5`, 151250, nil},
		{`1500`, 150000, nil},
		{`1500.50`, 150050, nil},
		{`"1.512,50"`, 151250, nil},
		{`"612,40"`, 61240, nil},
		{`"612.40"`, 61240, nil},
		{`0.001`, 0, ErrTeVeelDecimalen},
		{`"0.001"`, 0, ErrTeVeelDecimalen},
		{`1.500`, 0, ErrTeVeelDecimalen},
		{`"1.500"`, 0, ErrDubbelzinnig},
		{`"1,500"`, 0, ErrDubbelzinnig},
		{`1e3`, 0, ErrGeenGetal},
		{`"\u0031\u0032"`, 1200, nil}, // escapes are JSON's business
	} {
		var v struct{ A Bedrag }
		err := json.Unmarshal([]byte(`{"A": `+tt.in+`}`), &v)
		if tt.err == nil {
			if err != nil || v.A != tt.want {
				t.Errorf("%s: got %d, %v; want %d", tt.in, v.A, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: got %d, %v; want %v", tt.in, v.A, err, tt.err)
		}
	}
	out, _ := json.Marshal(struct{ A Bedrag }{151250})
	if string(out) != `{"A":"1512.50"}` {
		t.Errorf("got %s", out)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"1512", "1.512,50", "€ 3", "-0,01", "1,2,3", "1.500", "0.001", "1,512.50", "12.345.678", "-€ 3,10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrOngeldig) || Reden(err) == "" {
				t.Fatalf("Parse(%q): error %v is not an ErrOngeldig with a reason", s, err)
			}
			return
		}
		// What we format, we parse back to the same value, in every form we write.
		for _, w := range []string{b.Decimal(), b.String(), b.English()} {
			if b2, err := Parse(w); err != nil || b2 != b {
				t.Fatalf("round trip %q → %d → %q → %d, %v", s, b, w, b2, err)
			}
		}
		// The JSON number form of what we accept is accepted with the same value.
		if b2, err := ParseGetal(b.Decimal()); err != nil || b2 != b {
			t.Fatalf("ParseGetal(%q) = %d, %v; want %d", b.Decimal(), b2, err, b)
		}
	})
}

func FuzzParseGetal(f *testing.F) {
	for _, s := range []string{"1500", "1500.5", "0.001", "1e3", "-0.01", "1.500"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseGetal(s)
		if err != nil {
			if !errors.Is(err, ErrOngeldig) {
				t.Fatalf("ParseGetal(%q): %v is not ErrOngeldig", s, err)
			}
			return
		}
		// An accepted token is a JSON number whose value, in cents, is b.
		var n json.Number
		if err := json.Unmarshal([]byte(s), &n); err != nil {
			t.Fatalf("ParseGetal accepted %q, which is not a JSON number", s)
		}
		if b2, err := Parse(b.Decimal()); err != nil || b2 != b {
			t.Fatalf("round trip %q → %d → %q → %d, %v", s, b, b.Decimal(), b2, err)
		}
	})
}
