package aanvraagweb_test

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/zeker-platform/zeker/internal/clamd"
	"github.com/zeker-platform/zeker/internal/clamd/clamdtest"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// wissel is a scanner whose clamd the test can swap.
type wissel struct {
	mu sync.Mutex
	s  *clamd.Scanner
}

func (w *wissel) zet(t *testing.T, adres string) {
	s, err := clamd.Nieuw(adres)
	if err != nil {
		t.Fatal(err)
	}
	w.mu.Lock()
	w.s = s
	w.mu.Unlock()
}

func (w *wissel) Scan(ctx context.Context, b []byte) (string, error) {
	w.mu.Lock()
	s := w.s
	w.mu.Unlock()
	return s.Scan(ctx, b)
}

func eicarPDF() []byte {
	return append([]byte("%PDF-1.4\n"), []byte(`X5O!P%@AP[4\PZX54(P^)7CC)7}$`+`EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`)...)
}

// TestVirusscanner: an infected file is refused with a clear message and nothing is stored, on the
// application form and on the status page; clamd unreachable answers 503 "try later", nothing stored.
func TestVirusscanner(t *testing.T) {
	for _, dia := range storetest.Dialects(t) {
		t.Run(dia.String(), func(t *testing.T) {
			nep := clamdtest.Start(t, "tcp", "")
			sc := &wissel{}
			sc.zet(t, nep.Adres)
			o := nieuweOmgevingMet(t, storetest.Open(t, dia), sc)
			// An infected file on the application form: refused, nothing stored.
			f := &webtest.Check{T: t, H: o.H}
			f.NaarResultaat(gm)
			tok := f.Token()
			kies := o.Doe(http.MethodPost, "/aanvragen/kies", "", url.Values{"t": {tok}, "lang": {"nl"}}, nil)
			velden := url.Values{"t": {tok}, "formulier": {eerste(t, veldRe("formulier"), kies.Body)}, "regeling": alle(regelingRe, kies.Body)[:1], "lang": {"nl"}}
			r := o.multipart("/aanvragen/nieuw", velden, bestand{"bestand-inkomen", "loonstrook.pdf", eicarPDF()})
			if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "In een bestand zit een virus") {
				t.Fatalf("infected: %d", r.Status)
			}
			if n := tel(t, o, "aanvragen_aanvraag") + tel(t, o, "aanvragen_document"); n != 0 {
				t.Fatalf("%d rows after an infected file", n)
			}
			ref, code := aanvraagMetCode(t, o)
			st := o.multipart("/aanvragen/status/stuur", url.Values{"referentie": {ref}, "code": {code}}, bestand{"bestand-vermogen", "bank.pdf", eicarPDF()})
			if st.Status != http.StatusUnprocessableEntity || !strings.Contains(st.Body, "In een bestand zit een virus") {
				t.Fatalf("infected on the status page: %d", st.Status)
			}
			// The gemeente sees the refusal on the application's page, with the verdict, never the file.
			var id int64
			if err := o.DB.SQL().QueryRowContext(t.Context(), `SELECT id FROM aanvragen_aanvraag`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			pag := o.Doe(http.MethodGet, "/beheer/"+gm+"/aanvragen/"+strconv.FormatInt(id, 10), o.SessieAls("consulent"), nil, nil)
			webtest.Bevat(t, pag, "Een bestand is geweigerd door de virusscanner op", "Eicar-Signature", "Het bestand is niet bewaard")
			if strings.Contains(pag.Body, "bank.pdf") {
				t.Error("the refused file's name is shown")
			}
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			dicht := l.Addr().String()
			l.Close()
			sc.zet(t, dicht)
			st = o.multipart("/aanvragen/status/stuur", url.Values{"referentie": {ref}, "code": {code}}, bestand{"bestand-vermogen", "bank.pdf", pdf(50)})
			if st.Status != http.StatusServiceUnavailable || !strings.Contains(st.Body, "Probeer het over een half uur opnieuw") {
				t.Fatalf("clamd unreachable: %d", st.Status)
			}
			if n := tel(t, o, "aanvragen_document"); n != 1 {
				t.Fatalf("%d documents, want only the clean one", n)
			}
		})
	}
}
