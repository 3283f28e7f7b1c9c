package signalenweb

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestSignalenWerklijstVanafGroot: an offset near the largest int (a hand-made or stale link) is a page
// without zaken, not a 500: the cap vanaf+per and the count's LIMIT cap+1 must not wrap around
// (PostgreSQL refuses a negative LIMIT).
func TestSignalenWerklijstVanafGroot(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		o.lever(sigGM, "woonco", sigSignaal("R1", signalen.PartnerHuur, 100, 1))
		for _, v := range []string{"9223372036854775757", "9223372036854775782", "9223372036854775807"} {
			a := o.get("/beheer/"+sigGM+"/signalen?per=25&vanaf="+v, "consulent")
			if a.Status != 200 {
				t.Fatalf("vanaf=%s: status %d", v, a.Status)
			}
			if got := zaakIDs(a.Body); len(got) != 0 {
				t.Errorf("vanaf=%s: zaken %v", v, got)
			}
		}
	})
}
