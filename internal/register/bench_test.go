package register_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// benchAantal returns the sizes to benchmark; ZEKER_BENCH_GROOT=1 adds 1,000,000.
func benchAantal(klein ...int) []int {
	if os.Getenv("ZEKER_BENCH_GROOT") != "" {
		return append(klein, 1_000_000)
	}
	return klein
}

func BenchmarkImport(b *testing.B) {
	for _, n := range benchAantal(10_000, 100_000) {
		data := bestand(b, "GM0175", "csv", n)
		for _, d := range storetest.Dialects(b) {
			b.Run(fmt.Sprintf("%s/%d", d, n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					db := storetest.Open(b, d)
					b.StartTimer()
					start := time.Now()
					res, err := register.Importeer(b.Context(), db, bytes.NewReader(data), register.ImportOpties{Gemeente: "GM0175", Formaat: "csv", Datum: peildatum})
					if err != nil {
						b.Fatal(err)
					}
					if res.Opgeslagen != int64(n) {
						b.Fatalf("stored %d, want %d", res.Opgeslagen, n)
					}
					b.ReportMetric(float64(n)/time.Since(start).Seconds(), "rijen/s")
				}
			})
		}
	}
}
