package aanvragen_test

import (
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/clamd"
	"github.com/zeker-platform/zeker/internal/clamd/clamdtest"
	"github.com/zeker-platform/zeker/internal/errs"
)

// eicarPDF holds the EICAR test string after a PDF header (split so no scanner flags this source).
func eicarPDF() []byte {
	return append([]byte("%PDF-1.4\n"), []byte(`X5O!P%@AP[4\PZX54(P^)7CC)7}$`+`EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`)...)
}

func metScanner(t *testing.T, o omgeving, adres string) *aanvragen.Service {
	t.Helper()
	sc, err := clamd.Nieuw(adres)
	if err != nil {
		t.Fatal(err)
	}
	sc.Timeout = 2 * time.Second
	klok := func() time.Time { o.mu.Lock(); defer o.mu.Unlock(); return *o.nu }
	svc, err := aanvragen.New(aanvragen.Config{DB: o.db, Audit: o.log, Catalogus: catalogus(t), Klok: klok, Scanner: sc})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// TestVirusscanner: with clamd configured an infected file is refused and nothing is stored, both when
// applying and when sending a document later; clamd unreachable refuses the upload (busy, try later),
// never accepting it unscanned.
func TestVirusscanner(t *testing.T) {
	for _, o := range omgevingen(t, 0, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			nep := clamdtest.Start(t, "tcp", "")
			svc := metScanner(t, o, nep.Adres)
			n := nieuw("participatie_volwassenen")
			n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "loonstrook.pdf", Inhoud: pdf(10)}, {Soort: "vermogen", Naam: "bank.pdf", Inhoud: eicarPDF()}}
			_, err := svc.Start(ctx, n)
			if !errors.Is(err, aanvragen.ErrVirus) || !strings.Contains(err.Error(), "bank.pdf") || !strings.Contains(err.Error(), "Eicar-Signature") {
				t.Fatalf("infected application: %v", err)
			}
			for _, tabel := range []string{"aanvragen_aanvraag", "aanvragen_document", "aanvragen_regeling"} {
				if got := tel(t, o, tabel); got != 0 {
					t.Errorf("%s: %d rows after an infected file", tabel, got)
				}
			}
			n.Bestanden = n.Bestanden[:1]
			a, err := svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(nep.Ontvangen()); got != 3 {
				t.Errorf("clamd scanned %d files, want 3", got)
			}
			if _, err := svc.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{{Soort: "vermogen", Naam: "bank.pdf", Inhoud: eicarPDF()}}); !errors.Is(err, aanvragen.ErrVirus) {
				t.Fatalf("infected upload: %v", err)
			}
			if got := tel(t, o, "aanvragen_document"); got != 1 {
				t.Errorf("%d documents after an infected upload", got)
			}
			// clamd gone: refused as busy, nothing stored.
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			dicht := l.Addr().String()
			l.Close()
			weg := metScanner(t, o, dicht)
			if _, err := weg.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{{Soort: "vermogen", Naam: "bank.pdf", Inhoud: pdf(20)}}); !errors.Is(err, aanvragen.ErrScannerWeg) || !errors.Is(err, errs.Busy) {
				t.Fatalf("clamd unreachable: %v", err)
			}
			n.Formulier = strings.Repeat("b", 20)
			if _, err := weg.Start(ctx, n); !errors.Is(err, aanvragen.ErrScannerWeg) {
				t.Fatalf("clamd unreachable at start: %v", err)
			}
			if got := tel(t, o, "aanvragen_document"); got != 1 {
				t.Errorf("%d documents after clamd was unreachable", got)
			}
			if got := tel(t, o, "aanvragen_aanvraag"); got != 1 {
				t.Errorf("%d applications after clamd was unreachable", got)
			}
			// The same upload with clamd back is accepted.
			if _, err := svc.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{{Soort: "vermogen", Naam: "bank.pdf", Inhoud: pdf(20)}}); err != nil {
				t.Fatal(err)
			}
		})
	}
}
