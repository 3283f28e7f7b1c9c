package aanvragen_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/clamd/clamdtest"
)

// TestVirusGemeld: a file the scanner refuses is written to the processing log with the scanner's verdict
// (never the file or its name); on the status page, with the right code, it is also kept for the case
// worker's page of the application; with a wrong code nothing is recorded but the wrong attempt.
func TestVirusGemeld(t *testing.T) {
	for _, o := range omgevingen(t, 0, gm) {
		t.Run(o.naam, func(t *testing.T) {
			ctx := metActor(t.Context())
			nep := clamdtest.Start(t, "tcp", "")
			svc := metScanner(t, o, nep.Adres)
			auditRijen := func(operatie string) []string {
				t.Helper()
				rows, err := o.db.SQL().QueryContext(ctx, `SELECT object, detail FROM audit_log WHERE operation = $1 ORDER BY id`, operatie)
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				var out []string
				for rows.Next() {
					var obj, det string
					if err := rows.Scan(&obj, &det); err != nil {
						t.Fatal(err)
					}
					out = append(out, obj+" "+det)
				}
				return out
			}
			n := nieuw("participatie_volwassenen")
			n.Bestanden = []aanvragen.Bestand{{Soort: "vermogen", Naam: "geheim-bankafschrift.pdf", Inhoud: eicarPDF()}}
			if _, err := svc.Start(ctx, n); !errors.Is(err, aanvragen.ErrVirus) {
				t.Fatalf("infected application: %v", err)
			}
			if got := auditRijen("aanvraag.indienen.virus"); len(got) != 1 || !strings.Contains(got[0], "virusscanner: Eicar-Signature") || strings.Contains(got[0], "geheim") {
				t.Fatalf("audit at start: %q", got)
			}
			n.Bestanden = []aanvragen.Bestand{{Soort: "inkomen", Naam: "loonstrook.pdf", Inhoud: pdf(10)}}
			a, err := svc.Start(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			o.zet(begin.Add(3 * 3600e9))
			// A wrong code: refused for the virus, nothing recorded against the application.
			if _, err := svc.StuurNa(ctx, a.Referentie, "0000-0000-0000-0000-0000-0000-00", []aanvragen.Bestand{{Soort: "vermogen", Naam: "x.pdf", Inhoud: eicarPDF()}}); !errors.Is(err, aanvragen.ErrVirus) {
				t.Fatalf("infected upload, wrong code: %v", err)
			}
			if got := tel(t, o, "aanvragen_geweigerd"); got != 0 {
				t.Fatalf("%d refusals recorded with a wrong code", got)
			}
			if _, err := svc.StuurNa(ctx, a.Referentie, a.Code, []aanvragen.Bestand{{Soort: "vermogen", Naam: "geheim-bankafschrift.pdf", Inhoud: eicarPDF()}}); !errors.Is(err, aanvragen.ErrVirus) {
				t.Fatalf("infected upload: %v", err)
			}
			g, err := svc.GeweigerdeBestanden(ctx, gm, a.ID)
			if err != nil || len(g) != 1 || g[0].Virus != "Eicar-Signature" || g[0].Soort != aanvragen.DocVermogen || !g[0].Op.Equal(begin.Add(3*3600e9)) {
				t.Fatalf("refused files %+v %v", g, err)
			}
			got := auditRijen("aanvraag.document.virus")
			if len(got) != 1 || !strings.HasPrefix(got[0], "aanvraag/") || !strings.Contains(got[0], "Eicar-Signature") || strings.Contains(got[0], "geheim") {
				t.Fatalf("audit on the status page: %q", got)
			}
			if other, _ := svc.GeweigerdeBestanden(ctx, "andere-gemeente", a.ID); len(other) != 0 {
				t.Fatal("another gemeente sees the refusal")
			}
			if got := tel(t, o, "aanvragen_document"); got != 1 {
				t.Fatalf("%d documents: the infected file was stored", got)
			}
		})
	}
}
