package aanvraagweb_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/aanvraagweb"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// aanvraagMetCode applies through the check with one payslip and returns the reference and code.
func aanvraagMetCode(t *testing.T, o *omgeving) (string, string) {
	t.Helper()
	f := &webtest.Check{T: t, H: o.H}
	f.NaarResultaat(gm)
	tok := f.Token()
	kies := o.Doe(http.MethodPost, "/aanvragen/kies", "", url.Values{"t": {tok}, "lang": {"nl"}}, nil)
	regs := alle(regelingRe, kies.Body)
	velden := url.Values{"t": {tok}, "formulier": {eerste(t, veldRe("formulier"), kies.Body)}, "regeling": regs[:1], "lang": {"nl"}}
	nieuw := o.multipart("/aanvragen/nieuw", velden, bestand{"bestand-inkomen", "loonstrook.pdf", pdf(100)})
	if nieuw.Status != http.StatusOK {
		t.Fatalf("nieuw: %d", nieuw.Status)
	}
	return eerste(t, refRe, nieuw.Body), eerste(t, codeRe, nieuw.Body)
}

// vanAdres sends a form from one fixed client address (webtest.Doe gives every request its own).
func vanAdres(t *testing.T, o *omgeving, adres, pad string, form url.Values, bs ...bestand) (int, string, http.Header) {
	t.Helper()
	var body io.Reader
	ct := "application/x-www-form-urlencoded"
	if len(bs) == 0 {
		body = strings.NewReader(form.Encode())
	} else {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for k, vs := range form {
			for _, v := range vs {
				_ = mw.WriteField(k, v)
			}
		}
		for _, b := range bs {
			w, _ := mw.CreateFormFile(b.veld, b.naam)
			_, _ = w.Write(b.inhoud)
		}
		_ = mw.Close()
		body, ct = &buf, mw.FormDataContentType()
	}
	req := httptest.NewRequestWithContext(t.Context(), http.MethodPost, pad, body)
	req.RemoteAddr = adres + ":4000"
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	o.H.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String(), rec.Header()
}

// TestLimietPerAdres: one address that tries many references is refused with 429 and a plain message
// after AdresFoutCodes wrong ones, even with a right code then; too many posts from one address as well;
// after the window it may again.
func TestLimietPerAdres(t *testing.T) {
	for _, dia := range storetest.Dialects(t) {
		t.Run(dia.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, dia))
			ref, code := aanvraagMetCode(t, o)
			ip, goed := "198.51.100.7", url.Values{"referentie": {ref}, "code": {code}}
			for i := range aanvraagweb.AdresFoutCodes {
				st, body, _ := vanAdres(t, o, ip, "/aanvragen/status", url.Values{"referentie": {"AV-ZZZZ-" + string(rune('A'+i)) + "ZZZ"}, "code": {code}})
				if st != http.StatusUnprocessableEntity || !strings.Contains(body, "Het kenmerk of de code klopt niet") {
					t.Fatalf("wrong reference %d: %d", i, st)
				}
			}
			st, body, hdr := vanAdres(t, o, ip, "/aanvragen/status", goed)
			if st != http.StatusTooManyRequests || !strings.Contains(body, "te veel pogingen gedaan vanaf uw internetverbinding") || hdr.Get("Retry-After") == "" {
				t.Fatalf("after %d wrong references: %d", aanvraagweb.AdresFoutCodes, st)
			}
			if st, _, _ := vanAdres(t, o, ip, "/aanvragen/status/stuur", goed, bestand{"bestand-vermogen", "bank.pdf", pdf(10)}); st != http.StatusTooManyRequests {
				t.Fatalf("upload while blocked: %d", st)
			}
			// Another address is not blocked, and the application's own limit was not reached.
			if st, _, _ := vanAdres(t, o, "198.51.100.8", "/aanvragen/status", goed); st != http.StatusOK {
				t.Fatalf("another address: %d", st)
			}
			if n := tel(t, o, "aanvragen_document"); n != 1 {
				t.Fatalf("%d documents: the blocked upload was stored", n)
			}
			o.mu.Lock()
			*o.nu = o.nu.Add(aanvraagweb.AdresVenster + time.Minute)
			o.mu.Unlock()
			if st, _, _ := vanAdres(t, o, ip, "/aanvragen/status", goed); st != http.StatusOK {
				t.Fatalf("after the window: %d", st)
			}
			// Posts: AdresPosts in the window, then 429.
			for i := 1; i < aanvraagweb.AdresPosts; i++ {
				if st, _, _ := vanAdres(t, o, ip, "/aanvragen/status", goed); st != http.StatusOK {
					t.Fatalf("post %d: %d", i+1, st)
				}
			}
			if st, _, _ := vanAdres(t, o, ip, "/aanvragen/status", goed); st != http.StatusTooManyRequests {
				t.Fatalf("post %d: %d", aanvraagweb.AdresPosts+1, st)
			}
		})
	}
}
