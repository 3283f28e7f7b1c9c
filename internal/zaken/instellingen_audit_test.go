package zaken_test

import (
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestInstellingenAudit: storing the settings rewrites the deadlines of every open zaak, the refusal
// grounds and the retention terms, so it is a change in the processing log (issue 17: "every read and
// change of a zaak is in the audit log"): one row, by the actor, in the same transaction (a refused
// stale form writes none).
func TestInstellingenAudit(t *testing.T) {
	for _, o := range omgevingen(t, op("2026-03-02 09:00"), 2, "GM1681") {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			recs := o.recs["GM1681"]
			if _, err := o.svc.Start(ctx, "GM1681", zaken.Hulpvraag{HuishoudenID: recs[0].ID, Kanaal: zaken.Balie, Route: zaken.Schuldhulp, Gestart: op("2026-03-02 08:00")}, consulent); err != nil {
				t.Fatal(err)
			}
			in, err := o.svc.Instellingen(ctx, "GM1681")
			if err != nil {
				t.Fatal(err)
			}
			in.EersteGesprek = zaken.LokaleTermijn{Termijn: termijn.Termijn{Aantal: 2, Eenheid: termijn.Weken}, Bron: "Beleidsregels (test)"}
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in); err != nil {
				t.Fatal(err)
			}
			if err := o.svc.ZetInstellingen(ctx, "GM1681", in); err == nil {
				t.Fatal("stale settings form accepted")
			}
			rs := o.auditRijen(t, "GM1681", audit.Filter{Operatie: "zaken.instellen"})
			if len(rs) != 1 {
				t.Fatalf("%d audit rows zaken.instellen, want 1 (the stale form writes none)", len(rs))
			}
			r := rs[0]
			if r.Actie != audit.Wijzigen || r.Verwerkingsactiviteit != "gemeente.instellen" || r.Object != "zaken-instellingen/GM1681" ||
				r.Actor.ID != "7" || r.Resultaat != audit.OK {
				t.Errorf("audit row %+v", r)
			}
			if !strings.Contains(r.Detail, "1 open zaak") {
				t.Errorf("detail %q: want the number of open zaken whose deadlines were recomputed", r.Detail)
			}
			if rs := o.auditRijen(t, "GM1699", audit.Filter{Operatie: "zaken.instellen"}); len(rs) != 0 {
				t.Errorf("row in another gemeente: %+v", rs)
			}
		})
	}
}
