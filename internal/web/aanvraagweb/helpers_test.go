package aanvraagweb_test

import (
	"bytes"
	"context"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/aanvraagweb"
	"github.com/zeker-platform/zeker/internal/web/checkweb"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

const gm = webtest.Eigen

type omgeving struct {
	*webtest.Omgeving
	svc  *aanvragen.Service
	part web.Part
	recs []*register.Record
	mu   *sync.Mutex
	nu   *time.Time
}

var begin = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func nieuweOmgeving(t testing.TB, db *store.DB) *omgeving {
	t.Helper()
	return nieuweOmgevingMet(t, db, nil)
}

// nieuweOmgevingMet is nieuweOmgeving with a virus scanner (nil: none).
func nieuweOmgevingMet(t testing.TB, db *store.DB, sc aanvragen.Scanner) *omgeving {
	t.Helper()
	o := &omgeving{mu: new(sync.Mutex), nu: new(time.Time)}
	*o.nu = begin
	klok := func() time.Time { o.mu.Lock(); defer o.mu.Unlock(); return *o.nu }
	o.Omgeving = webtest.NieuweOmgeving(t, db, webtest.Opties{Klok: klok, Nu: klok})
	svc, err := aanvragen.New(aanvragen.Config{DB: db, Audit: o.Audit, Catalogus: webtest.Catalogus(t), Klok: klok, Scanner: sc, BasisURL: "https://zeker.voorbeeld.nl"})
	if err != nil {
		t.Fatal(err)
	}
	o.svc = svc
	check, lezer, err := checkweb.NewMetLezer(o.Kit, checkweb.Config{Sleutel: bytes.Repeat([]byte{7}, 32), AanvraagActie: aanvraagweb.ActieVanCheck},
		checkweb.Deps{Catalogus: webtest.Catalogus(t), Gemeenten: o.Kit.Gemeenten()})
	if err != nil {
		t.Fatal(err)
	}
	part, err := aanvraagweb.New(o.Kit, aanvraagweb.Deps{Aanvragen: svc, Check: func(ctx context.Context, tk, taal string) (*aanvraagweb.Ingevuld, error) {
		in, err := lezer.Lees(ctx, tk, taal)
		if err != nil {
			return nil, err
		}
		return &aanvraagweb.Ingevuld{Gemeente: in.Gemeente, Ander: in.Ander, Huishouden: in.Huishouden, Antwoorden: in.Antwoorden}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	o.part = part
	o.Mount(check, part)
	o.recs = importeer(t, db, gm, 4)
	return o
}

func importeer(t testing.TB, db *store.DB, g string, n int) []*register.Record {
	t.Helper()
	params := nl.MustLoad()
	datum := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	pk, err := webtest.Catalogus(t).Pakket(g, datum)
	if err != nil {
		t.Fatal(err)
	}
	profiel, err := synth.ProfielVan(g)
	if err != nil {
		t.Fatal(err)
	}
	var recs []*register.Record
	pr, pw := io.Pipe()
	go func() {
		sw, err := register.NieuweSchrijver(pw, "csv")
		if err == nil {
			err = synth.Genereer(context.Background(), synth.PopulatieOpties{Profiel: profiel, Seed: 3, Aantal: n, Datum: datum, Params: params, Pakket: pk},
				func(r *register.Record) error { recs = append(recs, r); return sw.Schrijf(r) })
		}
		if err == nil {
			err = sw.Sluit()
		}
		pw.CloseWithError(err)
	}()
	if _, err := register.Importeer(t.Context(), db, pr, register.ImportOpties{Gemeente: g, Formaat: "csv", Datum: datum}); err != nil {
		t.Fatal(err)
	}
	return recs
}

// bestand is one file of a multipart form.
type bestand struct {
	veld, naam string
	inhoud     []byte
}

// multipart posts fields and files as a browser does.
func (o *omgeving) multipart(pad string, velden url.Values, bs ...bestand) webtest.Antwoord {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range velden {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	for _, b := range bs {
		w, _ := mw.CreateFormFile(b.veld, b.naam)
		_, _ = w.Write(b.inhoud)
	}
	_ = mw.Close()
	return o.DoeBody(http.MethodPost, pad, "", &buf, map[string]string{"Content-Type": mw.FormDataContentType()})
}

var (
	veldRe = func(naam string) *regexp.Regexp {
		return regexp.MustCompile(`name="` + regexp.QuoteMeta(naam) + `" value="([^"]*)"`)
	}
	versieRe = regexp.MustCompile(`name="versie" value="(\d+)"`)
	refRe    = regexp.MustCompile(`id="referentie">([^<]+)<`)
	codeRe   = regexp.MustCompile(`id="code">([^<]+)<`)
)

func eerste(t *testing.T, re *regexp.Regexp, body string) string {
	t.Helper()
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s not in page:\n%s", re, body[:min(len(body), 3000)])
	}
	return html.UnescapeString(m[1])
}

func alle(re *regexp.Regexp, body string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

func pdf(n int) []byte { return append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), n)...) }

var _ = strings.Contains
