package zakenweb

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// TestHulpvraagCrisisUitleg: Wgs art. 4 lid 2 promises a first conversation within 3 working days in a
// bedreigende situatie, not help; and a gemeente may set a stricter term (Ommen: three days), so the
// form says "uiterlijk". The confirmation names the day itself (TestHulpvraag).
func TestHulpvraagCrisisUitleg(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 13, 15, 30, 0, 0, time.UTC))
	for _, tc := range []struct{ pad, wel, niet string }{
		{"/hulpvraag/" + gm, "Dan krijgt u sneller een eerste gesprek: uiterlijk binnen 3 werkdagen.", "helpen wij u sneller"},
		{"/hulpvraag/" + gm + "?lang=en", "Then you get a first conversation sooner: within 3 working days at the latest.", "we help you faster"},
	} {
		a := o.Doe(http.MethodGet, tc.pad, "", nil, nil)
		if a.Status != 200 || !strings.Contains(a.Body, tc.wel) || strings.Contains(a.Body, tc.niet) {
			t.Errorf("%s: %d, want %q and not %q", tc.pad, a.Status, tc.wel, tc.niet)
		}
	}
}
