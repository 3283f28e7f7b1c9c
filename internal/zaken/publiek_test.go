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
