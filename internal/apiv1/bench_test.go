package apiv1_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/zeker-platform/zeker/internal/apiv1"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
)

// BenchmarkParseVerzoek50000 measures reading a full delivery body (50,000 signals, about 17 MB).
func BenchmarkParseVerzoek50000(b *testing.B) {
	pop := synth.Populatie(50000)
	body, err := json.Marshal(map[string]any{"gemeente": "GM0175", "signalen": synth.Signalen(pop, signalen.MaxBatch, "b", datum.Nieuw(2026, 3, 2), 1)})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		v, err := apiv1.ParseVerzoek(bytes.NewReader(body))
		if err != nil || len(v.Signalen) != signalen.MaxBatch {
			b.Fatalf("%d signals, %v", len(v.Signalen), err)
		}
	}
}

// BenchmarkPostSignalen50000 measures one full API delivery of 50,000 signals over HTTP into SQLite
// (and PostgreSQL when TEST_DATABASE_URL is set): parsing, authorisation, validation, matching against
// 50,000 households, grouping and storing.
func BenchmarkPostSignalen50000(b *testing.B) {
	pop := synth.Populatie(50000)
	x := synth.Index(pop)
	for _, d := range storetest.Dialects(b) {
		b.Run(d.String(), func(b *testing.B) {
			o := opzet(b, storetest.Open(b, d))
			o.zoeker = x
			i := 0
			for b.Loop() {
				i++
				b.StopTimer()
				body, _ := json.Marshal(map[string]any{"gemeente": "GM0175", "signalen": synth.Signalen(pop, signalen.MaxBatch, fmt.Sprint("run", i), datum.Nieuw(2026, 3, 2), uint64(i))})
				b.StartTimer()
				req, _ := http.NewRequest("POST", o.srv.URL+"/api/v1/signalen", bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+o.ommen)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				var res map[string]any
				json.NewDecoder(resp.Body).Decode(&res)
				resp.Body.Close()
				if resp.StatusCode != 200 || res["opgeslagen"] != float64(signalen.MaxBatch) {
					b.Fatalf("%d %v", resp.StatusCode, res["opgeslagen"])
				}
			}
		})
	}
}
