package audit_test

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// BenchmarkSchrijf measures appending one audit row in its own transaction.
func BenchmarkSchrijf(b *testing.B) {
	for _, d := range storetest.Dialects(b) {
		b.Run(d.String(), func(b *testing.B) {
			db := storetest.Open(b, d)
			l, err := audit.New(db, sleutel, nil)
			if err != nil {
				b.Fatal(err)
			}
			ctx := ctxMet(b.Context())
			v := audit.Verwerking{Gemeente: "GM1681", Verwerkingsactiviteit: "signalen.behandelen", Operatie: "vroegsignaalzaak.bekijken",
				Actie: audit.Lezen, BSN: bsnA, Object: "vroegsignaalzaak/1"}
			for b.Loop() {
				if err := l.Schrijf(ctx, v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
