package main

import (
	"bufio"
	"bytes"
	"log/slog"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// serverGOGC is the garbage-collector target of serve and demo when the operator sets neither GOGC nor
// GOMEMLIMIT. The server's live heap is small (the compiled rule packs, templates, a few MB), so with
// Go's default of 100 it collects every few hundred result pages; at 400 it collects a quarter as often,
// which saves about a fifth of the server's CPU per result page under load (measured in docs/check.md,
// "Load"). A scan of a large population in the same process may hold far more; the memory limit below
// keeps the heap of such a process within half the machine's memory.
const serverGOGC = 400

// stelGCIn sets GOGC and a soft memory limit for a long-running server, unless the operator chose
// either through the environment (then the runtime has already applied it and nothing changes here).
func stelGCIn(getenv func(string) string, log *slog.Logger) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		log.Info("garbage collector zoals ingesteld", "GOGC", getenv("GOGC"), "GOMEMLIMIT", getenv("GOMEMLIMIT"))
		return
	}
	limiet := geheugenLimiet(leesBestand("/sys/fs/cgroup/memory.max"), leesBestand("/proc/meminfo"))
	debug.SetGCPercent(serverGOGC)
	if limiet > 0 {
		debug.SetMemoryLimit(limiet)
	}
	log.Info("garbage collector ingesteld voor een server (zet GOGC of GOMEMLIMIT om dit te veranderen)",
		"GOGC", serverGOGC, "geheugenlimiet_mb", limiet>>20)
}

// geheugenLimiet is half of the memory this process may use: the cgroup v2 limit (memory.max) when
// there is one, else the machine's MemTotal from /proc/meminfo; 0 when neither can be read.
func geheugenLimiet(cgroupMax, meminfo []byte) int64 {
	if s := strings.TrimSpace(string(cgroupMax)); s != "" && s != "max" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
			return n / 2
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(meminfo))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil || kb <= 0 {
				return 0
			}
			return kb << 10 / 2
		}
	}
	return 0
}

// leesBestand returns the contents of a small system file, or nil when it cannot be read.
func leesBestand(naam string) []byte {
	b, err := os.ReadFile(naam)
	if err != nil {
		return nil
	}
	return b
}
