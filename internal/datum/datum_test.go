package datum

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Datum
		fout bool
	}{
		{"2026-03-02", Nieuw(2026, 3, 2), false},
		{" 1985-04-12 ", Nieuw(1985, 4, 12), false},
		{"", Datum{}, true},
		{"12-03-2015", Datum{}, true},
		{"2026-02-30", Datum{}, true},
		{"2026-3-2", Datum{}, true},
	} {
		got, err := Parse(tc.in)
		if (err != nil) != tc.fout || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, fout %v", tc.in, got, err, tc.want, tc.fout)
		}
		if err != nil && !strings.Contains(err.Error(), `"`+tc.in+`"`) {
			t.Errorf("Parse(%q): the error %q does not name the value", tc.in, err)
		}
	}
}

func TestJSON(t *testing.T) {
	type v struct {
		D  Datum  `json:"d"`
		P  *Datum `json:"p"`
		Z  Datum  `json:"z,omitzero"`
		NP *Datum `json:"np"`
	}
	d := Nieuw(2026, 1, 31)
	b, err := json.Marshal(v{D: d, P: &d})
	if err != nil || string(b) != `{"d":"2026-01-31","p":"2026-01-31","np":null}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var terug v
	if err := json.Unmarshal(b, &terug); err != nil || terug.D != d || *terug.P != d || terug.NP != nil {
		t.Fatalf("Unmarshal = %+v, %v", terug, err)
	}
	for _, slecht := range []string{`{"d":""}`, `{"d":12}`, `{"d":"31-01-2026"}`, `{"p":true}`} {
		if err := json.Unmarshal([]byte(slecht), &terug); err == nil || !strings.Contains(err.Error(), "geen geldige datum") {
			t.Errorf("Unmarshal(%s) = %v, want a date error", slecht, err)
		}
	}
}

func TestRekenen(t *testing.T) {
	d := Nieuw(2026, 3, 31)
	if got := d.PlusMaanden(-1); got != Nieuw(2026, 3, 3) {
		t.Errorf("PlusMaanden = %v", got)
	}
	if got := d.DagenTot(Nieuw(2026, 4, 2)); got != 2 {
		t.Errorf("DagenTot = %d", got)
	}
	if !d.Voor(d.PlusDagen(1)) || !d.Na(d.PlusDagen(-1)) || d.Weekdag() != time.Tuesday {
		t.Error("Voor/Na/Weekdag")
	}
	if got := Nieuw(2000, 4, 1).LeeftijdOp(Nieuw(2026, 3, 31)); got != 25 {
		t.Errorf("LeeftijdOp = %d", got)
	}
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	if got := Van(time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC), ams); got != Nieuw(2026, 3, 2) {
		t.Errorf("Van = %v", got)
	}
	if (Datum{}).String() != "" || !(Datum{}).IsZero() {
		t.Error("zero date")
	}
}

// FuzzParse: Parse never panics, and a date it accepts writes back to the same day.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2026-03-02", "", "12-03-2015", "2026-02-30", " 0001-01-01 ", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		terug, err := Parse(d.String())
		if err != nil || terug != d {
			t.Fatalf("Parse(%q) = %v, back %v, %v", s, d, terug, err)
		}
	})
}
