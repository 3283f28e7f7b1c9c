package main

import (
	"bytes"
	"log/slog"
	"runtime/debug"
	"strings"
	"testing"
)

func TestGeheugenLimiet(t *testing.T) {
	meminfo := []byte("MemTotal:       24576000 kB\nMemFree:        20000000 kB\n")
	for _, c := range []struct {
		naam            string
		cgroup, meminfo []byte
		want            int64
	}{
		{"cgroup-limiet", []byte("4294967296\n"), meminfo, 2 << 30},
		{"cgroup zonder limiet", []byte("max\n"), meminfo, 24576000 << 10 / 2},
		{"geen cgroup", nil, meminfo, 24576000 << 10 / 2},
		{"onleesbare cgroup", []byte("veel"), meminfo, 24576000 << 10 / 2},
		{"niets", nil, nil, 0},
		{"kapotte meminfo", nil, []byte("MemTotal: x kB\n"), 0},
	} {
		if got := geheugenLimiet(c.cgroup, c.meminfo); got != c.want {
			t.Errorf("%s: %d, want %d", c.naam, got, c.want)
		}
	}
}

func TestStelGCInLaatOperatorKeuze(t *testing.T) {
	oud := debug.SetGCPercent(100)
	defer debug.SetGCPercent(oud)
	var log bytes.Buffer
	stelGCIn(func(k string) string {
		if k == "GOGC" {
			return "150"
		}
		return ""
	}, slog.New(slog.NewTextHandler(&log, nil)))
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC set by the operator, yet the server changed it to %d", got)
	}
	if !strings.Contains(log.String(), "zoals ingesteld") {
		t.Errorf("log does not say the operator's setting is kept: %s", log.String())
	}

	log.Reset()
	stelGCIn(func(string) string { return "" }, slog.New(slog.NewTextHandler(&log, nil)))
	if got := debug.SetGCPercent(100); got != serverGOGC {
		t.Errorf("GOGC = %d, want %d", got, serverGOGC)
	}
	debug.SetMemoryLimit(-1 >> 1) // no limit again for the other tests
	if !strings.Contains(log.String(), "GOGC=400") {
		t.Errorf("log does not name the setting: %s", log.String())
	}
}
