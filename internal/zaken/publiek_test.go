package zaken

import "testing"

// TestPubliek: the public figures follow zaken-netwerk-monitor.md §4.5 — a share and a median only from
// 100 zaken, the count behind them rounded to 5, nothing (not 0) below that, never the mean.
func TestPubliek(t *testing.T) {
	in := Indicatoren{Jaar: 2026,
		Gesprekken: Termijnmaat{Beoordeeld: 123, OpTijd: 100, TeLaat: 20, NogNiet: 3},
		Crisis:     Termijnmaat{Beoordeeld: 99, OpTijd: 99},
		Resultaat:  Weken{Aantal: 101, Mediaan: 12.4, Gemiddelde: 30.1}}
	p := Publiek(in)
	if p.Jaar != 2026 || !p.Gesprekken.Getoond || p.Gesprekken.Waarde != 81.3 || p.Gesprekken.Zaken != "125" {
		t.Errorf("gesprekken: %+v", p.Gesprekken)
	}
	if p.Crisis.Getoond || p.Crisis.Waarde != 0 || p.Crisis.Zaken != "" {
		t.Errorf("crisis met 99 beoordeeld moet onderdrukt zijn: %+v", p.Crisis)
	}
	if !p.Resultaat.Getoond || p.Resultaat.Waarde != 12.4 || p.Resultaat.Zaken != "100" {
		t.Errorf("resultaat: %+v", p.Resultaat)
	}
	in.Resultaat.Aantal = MinNoemer - 1
	if r := Publiek(in).Resultaat; r.Getoond || r.Zaken != "" {
		t.Errorf("mediaan over 99 zaken moet onderdrukt zijn: %+v", r)
	}
	if p := Publiek(Indicatoren{}); p.Gesprekken.Getoond || p.Crisis.Getoond || p.Resultaat.Getoond {
		t.Errorf("leeg: %+v", p)
	}
}

// TestPubliekReeksSecundair: the share of all years minus the shares of the shown years must not give
// the share of a suppressed year. A year of 3 zaken beside one of 100: the all-years share is then not
// published (the two published shares with their rounded counts would give 80/100 and 82/103, so the
// small year's 2 of 3); with a suppressed group of at least 100 together, or none, it is.
func TestPubliekReeksSecundair(t *testing.T) {
	jaar := func(j, op, n int) Indicatoren {
		return Indicatoren{Jaar: j, Gesprekken: Termijnmaat{Beoordeeld: n, OpTijd: op}, Crisis: Termijnmaat{Beoordeeld: n, OpTijd: op}}
	}
	alle := func(js ...Indicatoren) []Indicatoren {
		var t Indicatoren
		for _, j := range js {
			t.Gesprekken.Beoordeeld += j.Gesprekken.Beoordeeld
			t.Gesprekken.OpTijd += j.Gesprekken.OpTijd
			t.Crisis = t.Gesprekken
		}
		return append(js, t)
	}
	v := PubliekReeks(alle(jaar(2025, 2, 3), jaar(2026, 80, 100)))
	if len(v) != 3 || v[0].Gesprekken.Getoond || !v[1].Gesprekken.Getoond {
		t.Fatalf("per jaar: %+v", v)
	}
	if a := v[2]; a.Jaar != 0 || a.Gesprekken.Getoond || a.Crisis.Getoond || a.Gesprekken.Zaken != "" {
		t.Errorf("alle jaren naast één onderdrukt jaar van 3 zaken: %+v", a)
	}
	// Suppressed years of 60 and 50: together 110, at least MinNoemer — the total may be shown.
	if a := PubliekReeks(alle(jaar(2024, 40, 60), jaar(2025, 30, 50), jaar(2026, 80, 100)))[3]; !a.Gesprekken.Getoond || a.Gesprekken.Waarde != 71.4 {
		t.Errorf("onderdrukte jaren samen 110: %+v", a.Gesprekken)
	}
	// Nothing suppressed: shown.
	if a := PubliekReeks(alle(jaar(2025, 90, 100), jaar(2026, 80, 100)))[2]; !a.Gesprekken.Getoond || a.Gesprekken.Waarde != 85 {
		t.Errorf("niets onderdrukt: %+v", a.Gesprekken)
	}
}
