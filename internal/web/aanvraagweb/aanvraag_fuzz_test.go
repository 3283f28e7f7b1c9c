package aanvraagweb_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// FuzzAanvraagFormulieren posts arbitrary values to the resident's forms (choose, documents, a new
// application with a file and an e-mail address, the status page, withdrawal, the change of the address and an
// upload with a code) and the case worker's (ask a document, link, decide): the answer is a page, a form with
// errors or a clear refusal; never a 500. An address that mail.GeldigAdres refuses never reaches the outbox.
//
//	go test -run '^$' -fuzz FuzzAanvraagFormulieren -fuzztime 10s ./internal/web/aanvraagweb
func FuzzAanvraagFormulieren(f *testing.F) {
	f.Add("AV-0000-0000", "AAAA-BBBB", "bijzondere_bijstand", "%PDF-1.4", "inkomen", "2026-03-16", "999999990", "toekennen", "150", "1", "inwoner@voorbeeld.nl")
	f.Add("", "", "", "", "", "", "", "", "", "", "")
	f.Add("av 1234 abcd", strings.Repeat("Z", 40), "x\x00", "MZ\x90", "../../etc", "morgen", "12", "afwijzen", "-3,50", "abc", "a@b.nl\r\nBcc: c@d.nl")
	f.Add("", "", "collectieve_zorgverzekering", "", "", "", "", "", "", "", "Jan <jan@voorbeeld.nl>, x@y.nl")
	o := nieuweOmgeving(f, storetest.OpenTest(f))
	fc := &webtest.Check{T: f, H: o.H}
	fc.NaarResultaat(gm)
	tok := fc.Token()
	cons := o.SessieAls("consulent")
	var id string
	doe := func(t *testing.T, pad, cookie string, body *bytes.Buffer, ct string) int {
		req := httptest.NewRequestWithContext(t.Context(), http.MethodPost, pad, body)
		req.Header.Set("Content-Type", ct)
		req.RemoteAddr = "192.0.2.9:4000"
		if cookie != "" {
			req.AddCookie(&http.Cookie{Name: auth.CookieNaam(false), Value: cookie})
		}
		rec := httptest.NewRecorder()
		o.H.ServeHTTP(rec, req)
		return rec.Code
	}
	form := func(v url.Values) (*bytes.Buffer, string) {
		return bytes.NewBufferString(v.Encode()), "application/x-www-form-urlencoded"
	}
	f.Fuzz(func(t *testing.T, ref, code, regeling, inhoud, soort, datum, bsn, besluit, bedrag, versie, email string) {
		check := func(a int, wat string) {
			if a >= 500 {
				t.Fatalf("%s: status %d", wat, a)
			}
		}
		b, ct := form(url.Values{"t": {tok}, "regeling": {regeling}, "formulier": {"fuzz-" + regeling + "-0123456789abcdef"}})
		check(doe(t, "/aanvragen/documenten", "", b, ct), "documenten")
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField("t", tok)
		_ = mw.WriteField("formulier", "fuzz-formulier-0123456789abcdef")
		_ = mw.WriteField("regeling", regeling)
		_ = mw.WriteField("email", email)
		w, _ := mw.CreateFormFile("bestand-"+soort, "f.pdf")
		_, _ = w.Write([]byte(inhoud))
		_ = mw.Close()
		check(doe(t, "/aanvragen/nieuw", "", &buf, mw.FormDataContentType()), "nieuw")
		b, ct = form(url.Values{"referentie": {ref}, "code": {code}})
		check(doe(t, "/aanvragen/status", "", b, ct), "status")
		b, ct = form(url.Values{"referentie": {ref}, "code": {code}, "bevestig": {besluit}})
		check(doe(t, "/aanvragen/status/intrekken", "", b, ct), "intrekken")
		b, ct = form(url.Values{"referentie": {ref}, "code": {code}, "email": {email}})
		check(doe(t, "/aanvragen/status/email", "", b, ct), "email")
		rows, err := o.DB.SQL().QueryContext(t.Context(), `SELECT aan FROM mail_outbox`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var aan string
			if err := rows.Scan(&aan); err != nil {
				t.Fatal(err)
			}
			if reden := mail.GeldigAdres(aan); reden != "" {
				t.Fatalf("outbox holds %q: %s", aan, reden)
			}
		}
		rows.Close()
		if id == "" {
			_ = o.DB.SQL().QueryRowContext(t.Context(), `SELECT CAST(id AS TEXT) FROM aanvragen_aanvraag ORDER BY id LIMIT 1`).Scan(&id)
		}
		if id == "" {
			return
		}
		pad := "/beheer/" + gm + "/aanvragen/" + id
		for _, x := range []struct {
			stap string
			v    url.Values
		}{
			{"/vraag", url.Values{"versie": {versie}, "soort": {soort}, "omschrijving": {regeling}, "hersteltermijn": {datum}}},
			{"/koppel", url.Values{"versie": {versie}, "bsn": {bsn}}},
			{"/besluit", url.Values{"versie": {versie}, "regeling": {regeling}, "besluit-" + regeling: {besluit}, "bedrag-" + regeling: {bedrag},
				"motivering-" + regeling: {code}, "ingang-" + regeling: {datum}}},
			{"/notitie", url.Values{"versie": {versie}, "notitie": {ref}}},
		} {
			b, ct := form(x.v)
			check(doe(t, pad+x.stap, cons, b, ct), x.stap)
		}
	})
}
