package aanvraagweb_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestDocumentWeg: a document whose content no longer matches its hash (damaged, or its file gone from
// the document directory) gives the case worker a page that says so and what to do: 410, not a 500.
func TestDocumentWeg(t *testing.T) {
	for _, dia := range storetest.Dialects(t) {
		t.Run(dia.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, dia))
			aanvraagMetCode(t, o)
			var id, doc int64
			if err := o.DB.SQL().QueryRowContext(t.Context(), `SELECT aanvraag_id, id FROM aanvragen_document`).Scan(&id, &doc); err != nil {
				t.Fatal(err)
			}
			url := "/beheer/" + gm + "/aanvragen/" + strconv.FormatInt(id, 10) + "/document/" + strconv.FormatInt(doc, 10)
			cons := o.SessieAls("consulent")
			if r := o.Doe(http.MethodGet, url, cons, nil, nil); r.Status != http.StatusOK {
				t.Fatalf("intact document: %d", r.Status)
			}
			if _, err := o.DB.SQL().ExecContext(t.Context(), `UPDATE aanvragen_document SET inhoud = $1`, []byte("%PDF-1.4\nbeschadigd")); err != nil {
				t.Fatal(err)
			}
			r := o.Doe(http.MethodGet, url, cons, nil, nil)
			if r.Status != http.StatusGone {
				t.Fatalf("damaged document: %d", r.Status)
			}
			webtest.Bevat(t, r, "ontbreekt of is beschadigd", "Meld het aan de beheerder")
		})
	}
}
