package regels_test

import (
	"os"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
)

// benchOpzet loads the shipped packs and an example household of Ommen (a full gemeente pack).
func benchOpzet(b *testing.B) (*regels.Catalogus, *regels.Pakket, *huishouden.Huishouden, time.Time) {
	b.Helper()
	params := nl.MustLoad()
	cat, err := regels.LaadStandaard(params)
	if err != nil {
		b.Fatal(err)
	}
	datum := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	data, err := os.ReadFile("../huishouden/voorbeelden/alleenstaande-bijstand.json")
	if err != nil {
		b.Fatal(err)
	}
	h, err := huishouden.Parse(data, datum)
	if err != nil {
		b.Fatal(err)
	}
	p, err := cat.Pakket(h.Gemeente, datum)
	if err != nil {
		b.Fatal(err)
	}
	return cat, p, h, datum
}

// BenchmarkEvalueerFeiten: one household's facts against a full gemeente pack, no trace.
// Target (issue 2): ≤ 2 µs and 0 allocations per household.
func BenchmarkEvalueerFeiten(b *testing.B) {
	cat, p, h, datum := benchOpzet(b)
	f, err := regels.Afleiden(h, datum, cat.Params())
	if err != nil {
		b.Fatal(err)
	}
	uit := make([]regels.Kort, len(p.Regelingen))
	b.ReportAllocs()
	for b.Loop() {
		p.EvalueerFeiten(&f, uit)
	}
}

// BenchmarkAfleidenEnEvalueer includes deriving the facts (norm lookup, ages) from the household.
func BenchmarkAfleidenEnEvalueer(b *testing.B) {
	cat, p, h, datum := benchOpzet(b)
	uit := make([]regels.Kort, len(p.Regelingen))
	b.ReportAllocs()
	for b.Loop() {
		f, err := regels.Afleiden(h, datum, cat.Params())
		if err != nil {
			b.Fatal(err)
		}
		p.EvalueerFeiten(&f, uit)
	}
}

// BenchmarkVerklaar: the same with the full B1 trace. Target (issue 2): ≤ 50 µs.
func BenchmarkVerklaar(b *testing.B) {
	cat, _, h, datum := benchOpzet(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cat.Evalueer(h, datum); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHuurtoeslag: the national huurtoeslag indication with its trace, as the result page asks it.
func BenchmarkHuurtoeslag(b *testing.B) {
	_, _, h, datum := benchOpzet(b)
	w := regels.Weergave{Taal: "en", Intermediair: true}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := regels.Huurtoeslag(h, datum, w); err != nil {
			b.Fatal(err)
		}
	}
}
