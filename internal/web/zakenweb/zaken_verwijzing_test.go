package zakenweb

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestZaakVanVerwijzing: the page of a zaak started from a partner's referral says so and links back
// to the referral; the household is linked later with koppel-bsn, like an online request.
func TestZaakVanVerwijzing(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db, time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC))
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "7", Naam: "Test"})
		ontvangen := time.Date(2026, 3, 14, 10, 15, 0, 0, time.UTC) // Saturday
		id, err := o.zk.VanVerwijzing(ctx, gm, zaken.PartnerVerwijzing{ID: 41, Ontvangen: ontvangen, PartnerNaam: "Humanitas"}, zaken.Medewerker{ID: 7, Naam: "Test"})
		if err != nil {
			t.Fatal(err)
		}
		a := o.get(zaakURL(gm, id), "consulent")
		webtest.Bevat(t, a, "Gestart na verwijzing", `href="/beheer/`+gm+`/verwijzingen/41">Verwijzing 41</a>`,
			"Verwijzing door een partner", "Zaak gestart na een verwijzing door Humanitas")
		a = o.post(zaakURL(gm, id)+"/huishouden", "consulent", url.Values{"versie": {"1"}, "koppel-bsn": {bsnVan(o.recs[0])}})
		if a.Status != http.StatusSeeOther {
			t.Fatalf("koppelen: %d %s", a.Status, a.Body)
		}
		// The link stays after linking the household.
		if a := o.get(zaakURL(gm, id), "consulent"); !strings.Contains(a.Body, "Verwijzing 41") {
			t.Error("na koppelen geen verwijzing meer")
		}
		if _, err := o.zk.VanVerwijzing(ctx, gm, zaken.PartnerVerwijzing{ID: 41, Ontvangen: ontvangen}, zaken.Medewerker{ID: 7}); err == nil || !strings.Contains(err.Error(), "zaak "+strconv.FormatInt(id, 10)) {
			t.Errorf("tweede zaak: %v", err)
		}
	})
}
