package monitor

import (
	"fmt"
	"os"
	"testing"

	"github.com/zeker-platform/zeker/internal/regels"
)

func BenchmarkWatAls(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("ZEKER_BENCH_GROOT") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			pop, pk := ommen(b, n)
			ws := []regels.Wijziging{
				{Pad: "open_termen.inkomensgrens.percentage", Waarde: "110%"},
				{Pad: "regelingen.participatie_volwassenen.bedrag.bedrag", Waarde: "100"},
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				w, err := Simuleer(b.Context(), pop, pk, ws...)
				if err != nil {
					b.Fatal(err)
				}
				if w.Huishoudens != n {
					b.Fatalf("%d households, want %d", w.Huishoudens, n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "huishoudens/s")
		})
	}
}

// BenchmarkKostenGlijdend: the cost of a sliding scale over a gemeente's households (every household
// evaluated once, those in the band twice), in parallel over the cores as the what-if.
func BenchmarkKostenGlijdend(b *testing.B) {
	pop, pk := ommen(b, 10_000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := KostenGlijdend(b.Context(), pop, pk, "participatie_volwassenen", 2000); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pop.Len())*float64(b.N)/b.Elapsed().Seconds(), "huishoudens/s")
}
