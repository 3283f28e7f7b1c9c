package scan

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"unsafe"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
)

// benchAantal returns the sizes to benchmark; ZEKER_BENCH_GROOT=1 adds 1,000,000.
func benchAantal(klein ...int) []int {
	if os.Getenv("ZEKER_BENCH_GROOT") != "" {
		return append(klein, 1_000_000)
	}
	return klein
}

// BenchPopulatie builds a synthetic Ommen population of n households (not timed by callers).
func benchPopulatie(b *testing.B, n int) (*register.Populatie, *regels.Pakket) {
	b.Helper()
	params, pk := testPakket(b, "GM0175")
	pop := register.NieuwePopulatie("GM0175", peildatum, n)
	genereer(b, "GM0175", 1, n, func(r *register.Record) {
		if err := pop.Voeg(r, params); err != nil {
			b.Fatal(err)
		}
	})
	return pop, pk
}

func heapMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func BenchmarkScan(b *testing.B) {
	b.Logf("sizeof(regels.Feiten) = %d bytes", unsafe.Sizeof(regels.Feiten{}))
	for _, n := range benchAantal(10_000, 100_000) {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			voor := heapMB()
			pop, pk := benchPopulatie(b, n)
			mb := heapMB() - voor
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				u, err := Scan(b.Context(), pop, pk)
				if err != nil {
					b.Fatal(err)
				}
				if u.Huishoudens != n {
					b.Fatalf("scanned %d, want %d", u.Huishoudens, n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "huishoudens/s")
			b.ReportMetric(mb, "MB-populatie")
		})
	}
}
