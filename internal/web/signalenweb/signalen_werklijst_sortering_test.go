package signalenweb

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/opslag"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
)

// storeVolgorde returns the ids of gm's open zaken in order s, as the store gives them.
func (o *sigOmgeving) storeVolgorde(gm string, s opslag.Sortering) []int64 {
	o.T.Helper()
	ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "test"})
	zs, _, err := o.st.Werklijst(ctx, gm, opslag.Filter{Sortering: s, Limiet: 500})
	if err != nil {
		o.T.Fatal(err)
	}
	var out []int64
	for _, z := range zs {
		out = append(out, z.ID)
	}
	return out
}

// TestSignalenWerklijstSortering: the "Sorteren op" select shows the current order and the list is in
// it; an unknown value is reported at the field and the list falls back to priority order; the column
// headers sort, with aria-sort on the current column; the zaak links carry the order back.
func TestSignalenWerklijstSortering(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		crisis := sigSignaal("C1", signalen.PartnerEnergie, 50, 4)
		crisis.Crisis, crisis.CrisisSoort = true, signalen.CrisisAfsluitingEnergie
		o.lever(sigGM, "woonco",
			sigSignaal("R0", signalen.PartnerHuur, 900, 0),
			sigSignaal("R1", signalen.PartnerHuur, 100, 1),
			sigSignaal("R2", signalen.PartnerHuur, 200, 2),
			crisis,
			sigSignaal("R6", signalen.PartnerWater, 1500, 6),
		)
		basis := "/beheer/" + sigGM + "/signalen"
		prio := o.storeVolgorde(sigGM, opslag.SorteerPrioriteit)
		for _, tc := range []struct {
			waarde, label, zin string
			s                  opslag.Sortering
		}{
			{"", "Prioriteit", "De zaken staan in volgorde van prioriteit", opslag.SorteerPrioriteit},
			{"prioriteit", "Prioriteit", "De zaken staan in volgorde van prioriteit", opslag.SorteerPrioriteit},
			{"nieuwste", "Nieuwste eerst", "de nieuwste eerst", opslag.SorteerNieuwste},
			{"oudste", "Oudste eerst", "de oudste eerst", opslag.SorteerOudste},
			{"bedrag", "Hoogste bedrag eerst", "het hoogste bedrag eerst", opslag.SorteerBedrag},
			{"deadline", "Vroegste crisistermijn eerst", "de vroegste termijn eerst", opslag.SorteerDeadline},
		} {
			t.Run("sortering="+tc.waarde, func(t *testing.T) {
				a := o.get(basis+"?sortering="+tc.waarde, "consulent")
				if a.Status != 200 {
					t.Fatalf("status %d", a.Status)
				}
				want := o.storeVolgorde(sigGM, tc.s)
				if got := zaakIDs(a.Body); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("page order %v, want %v", got, want)
				}
				heeft(t, a, `<label class="utrecht-form-label" for="sortering">Sorteren op</label>`,
					`<option value="`+string(tc.s)+`" selected>`+tc.label+`</option>`, tc.zin)
				heeftNiet(t, a, "Kies een sortering uit de lijst.")
				// The zaak links carry the order, so the zaak page leads back to this list.
				if tc.s != opslag.SorteerPrioriteit {
					heeft(t, a, fmt.Sprintf(`href="%s?sortering=%s">Zaak`, zaakURL(sigGM, want[0]), tc.s))
					z := o.get(zaakURL(sigGM, want[0])+"?sortering="+string(tc.s), "consulent")
					heeft(t, z, `href="/beheer/GM0175/signalen?sortering=`+string(tc.s)+`">Terug naar de werklijst`)
				}
			})
		}
		// The orders differ here, so the test above tells them apart.
		if fmt.Sprint(o.storeVolgorde(sigGM, opslag.SorteerBedrag)) == fmt.Sprint(prio) {
			t.Fatalf("test data: bedrag order equals priority order")
		}

		// Unknown: the field error, in the error summary and at the select; priority order; nothing echoed.
		a := o.get(basis+"?sortering=%3Cscript%3E&wijk=Centrum", "consulent")
		if a.Status != 200 {
			t.Fatalf("status %d", a.Status)
		}
		heeft(t, a, "Kies een sortering uit de lijst.", `id="sortering-fout"`, `aria-invalid="true"`,
			`<option value="prioriteit" selected>Prioriteit</option>`)
		heeftNiet(t, a, "<script>", "%3Cscript")
		var centrum []int64
		for _, id := range prio {
			for _, g := range zaakIDs(o.get(basis+"?wijk=Centrum", "consulent").Body) {
				if g == id {
					centrum = append(centrum, id)
				}
			}
		}
		if got := zaakIDs(a.Body); fmt.Sprint(got) != fmt.Sprint(centrum) || len(got) == 0 {
			t.Errorf("unknown order: %v, want priority order %v", got, centrum)
		}

		// Column headers: links that sort, aria-sort on the current column.
		a = o.get(basis+"?sortering=bedrag&wijk=Centrum", "consulent")
		heeft(t, a, `aria-sort="descending">Bedrag<br><span class="zeker-sig-heel">(hoogste eerst)</span></th>`,
			`<a class="utrecht-link utrecht-link--html-a" href="/beheer/GM0175/signalen?sortering=nieuwste&amp;wijk=Centrum">Ontvangen</a>`,
			`<a class="utrecht-link utrecht-link--html-a" href="/beheer/GM0175/signalen?sortering=deadline&amp;wijk=Centrum">Crisis en termijn</a>`)
		a = o.get(basis+"?sortering=nieuwste", "consulent")
		heeft(t, a, `aria-sort="descending"><a class="utrecht-link utrecht-link--html-a" href="/beheer/GM0175/signalen?sortering=oudste">Ontvangen</a>`)
		a = o.get(basis, "consulent")
		heeftNiet(t, a, "aria-sort")
	})
}

// TestSignalenWerklijstSorteringPaging: the paging links keep the order, and page 2 continues page 1.
func TestSignalenWerklijstSorteringPaging(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		pop := synth.Populatie(200)
		o.x = synth.Index(pop)
		ctx := audit.WithActor(context.Background(), audit.Actor{Soort: audit.ActorSysteem, ID: "test"})
		if _, err := o.st.Ontvang(ctx, opslag.Levering{Gemeente: sigGM, PartnerID: "p",
			Signalen: synth.Signalen(pop, 300, "pg", datum.Nieuw(2026, 3, 2), 7)}, o.x); err != nil {
			t.Fatal(err)
		}
		basis := "/beheer/" + sigGM + "/signalen"
		for _, s := range opslag.Sorteringen()[1:] {
			ids := o.storeVolgorde(sigGM, s)
			if len(ids) < 60 {
				t.Fatalf("only %d zaken", len(ids))
			}
			a := o.get(basis+"?per=25&sortering="+string(s), "consulent")
			if got := zaakIDs(a.Body); fmt.Sprint(got) != fmt.Sprint(ids[:25]) {
				t.Errorf("%s page 1 = %v, want %v", s, got, ids[:25])
			}
			volgende := `href="/beheer/GM0175/signalen?per=25&amp;sortering=` + string(s) + `&amp;vanaf=25" rel="next"`
			heeft(t, a, volgende)
			a = o.get(basis+"?per=25&sortering="+string(s)+"&vanaf=25", "consulent")
			if got := zaakIDs(a.Body); fmt.Sprint(got) != fmt.Sprint(ids[25:50]) {
				t.Errorf("%s page 2 = %v, want %v", s, got, ids[25:50])
			}
			heeft(t, a, `href="/beheer/GM0175/signalen?per=25&amp;sortering=`+string(s)+`" rel="prev"`,
				`href="/beheer/GM0175/signalen?per=25&amp;sortering=`+string(s)+`&amp;vanaf=50" rel="next"`,
				fmt.Sprintf(`href="%s?per=25&amp;sortering=%s&amp;vanaf=25">Zaak`, zaakURL(sigGM, ids[25]), s))
			laatste := (len(ids) - 1) / 25 * 25
			heeft(t, a, `href="/beheer/GM0175/signalen?per=25&amp;sortering=`+string(s)+`&amp;vanaf=`+strconv.Itoa(laatste)+`">Laatste pagina`)
		}
	})
}
