package aanvraagweb_test

import (
	"bytes"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

var regelingRe = regexp.MustCompile(`name="regeling" value="([^"]+)"`)

// TestVanCheckTotBrief walks the whole flow through the handlers: check → choose → send a payslip →
// the case worker asks for a document → the resident sends it with the code → link → decision →
// letter → status page; with the bad input of the issue on the way.
func TestVanCheckTotBrief(t *testing.T) {
	for _, dia := range storetest.Dialects(t) {
		t.Run(dia.String(), func(t *testing.T) {
			o := nieuweOmgeving(t, storetest.Open(t, dia))
			f := &webtest.Check{T: t, H: o.H}
			f.NaarResultaat(gm)
			if !strings.Contains(f.Body, `action="/aanvragen/kies"`) {
				t.Fatal("the result page has no application form")
			}
			tok := f.Token()
			kies := o.Doe(http.MethodPost, "/aanvragen/kies", "", url.Values{"t": {tok}, "lang": {"nl"}}, nil)
			if kies.Status != http.StatusOK {
				t.Fatalf("kies: %d %s", kies.Status, kies.Body)
			}
			regs := alle(regelingRe, kies.Body)
			if len(regs) < 3 {
				t.Fatalf("only %d regelingen to choose: %v", len(regs), regs)
			}
			regs = regs[:3]
			formulier := eerste(t, veldRe("formulier"), kies.Body)
			// No choice: the same page with the error.
			leeg := o.Doe(http.MethodPost, "/aanvragen/documenten", "", url.Values{"t": {tok}, "formulier": {formulier}}, nil)
			if leeg.Status != http.StatusUnprocessableEntity || !strings.Contains(leeg.Body, "Kies minstens één regeling") {
				t.Fatalf("no choice: %d", leeg.Status)
			}
			docs := o.Doe(http.MethodPost, "/aanvragen/documenten", "", url.Values{"t": {tok}, "formulier": {formulier}, "regeling": regs}, nil)
			if docs.Status != http.StatusOK || !strings.Contains(docs.Body, `enctype="multipart/form-data"`) {
				t.Fatalf("documenten: %d", docs.Status)
			}
			webtest.Bevat(t, docs, "Uw e-mailadres (niet verplicht): dan sturen wij u ook de code", `name="email"`, `autocomplete="email"`)
			velden := url.Values{"t": {tok}, "formulier": {formulier}, "regeling": regs, "lang": {"nl"}}
			// A renamed .exe: refused, nothing stored.
			exe := o.multipart("/aanvragen/nieuw", velden, bestand{"bestand-inkomen", "loonstrook.pdf", append([]byte("MZ\x90\x00"), make([]byte, 200)...)})
			if exe.Status != http.StatusUnprocessableEntity || !strings.Contains(exe.Body, "Dit bestand kunnen wij niet aannemen") {
				t.Fatalf("exe: %d", exe.Status)
			}
			// An iPhone's HEIC photo: refused with the message how to send a JPEG, nothing stored.
			heic := o.multipart("/aanvragen/nieuw", velden, bestand{"bestand-inkomen", "IMG_0001.HEIC", append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 200)...)})
			if heic.Status != http.StatusUnprocessableEntity || !strings.Contains(heic.Body, "Dit is een HEIC-foto") || !strings.Contains(heic.Body, "schermafbeelding") {
				t.Fatalf("heic: %d", heic.Status)
			}
			// 50 MB: refused before anything is read into the database.
			groot := o.multipart("/aanvragen/nieuw", velden, bestand{"bestand-inkomen", "groot.pdf", pdf(50 << 20)})
			if groot.Status != http.StatusRequestEntityTooLarge || !strings.Contains(groot.Body, "te groot") {
				t.Fatalf("50 MB: %d", groot.Status)
			}
			if n := tel(t, o, "aanvragen_aanvraag") + tel(t, o, "aanvragen_document"); n != 0 {
				t.Fatalf("%d rows after refused uploads", n)
			}
			// A payslip photographed with a phone (JPEG, named .jpeg).
			foto := append([]byte{0xFF, 0xD8, 0xFF, 0xE1}, bytes.Repeat([]byte{1}, 3000)...)
			// A bad e-mail address: the message at the field, the typed value kept, nothing stored or mailed.
			velden.Set("email", "inwoner.voorbeeld.nl")
			slecht := o.multipart("/aanvragen/nieuw", velden, bestand{"bestand-inkomen", "IMG_2041.jpeg", foto})
			webtest.Bevat(t, slecht, `id="email-fout"`, `aria-invalid="true"`, `value="inwoner.voorbeeld.nl"`, `href="#email"`, "Schrijf het zo: naam@voorbeeld.nl.")
			if slecht.Status != http.StatusUnprocessableEntity || tel(t, o, "aanvragen_aanvraag")+tel(t, o, "mail_outbox") != 0 {
				t.Fatalf("bad address: %d", slecht.Status)
			}
			velden.Set("email", "inwoner@voorbeeld.nl")
			nieuw := o.multipart("/aanvragen/nieuw", velden, bestand{"bestand-inkomen", "IMG_2041.jpeg", foto})
			if nieuw.Status != http.StatusOK {
				t.Fatalf("nieuw: %d %s", nieuw.Status, nieuw.Body)
			}
			if nieuw.Hdr.Get("Cache-Control") != "no-store" {
				t.Error("the page with the code may be cached")
			}
			ref, code := eerste(t, refRe, nieuw.Body), eerste(t, codeRe, nieuw.Body)
			// The same form again (a double click, a back button): the same application, no code.
			twee := o.multipart("/aanvragen/nieuw", velden, bestand{"bestand-inkomen", "IMG_2041.jpeg", foto})
			if twee.Status != http.StatusOK || strings.Contains(twee.Body, code) || !strings.Contains(twee.Body, ref) {
				t.Fatalf("second send: %d", twee.Status)
			}
			if n := tel(t, o, "aanvragen_aanvraag"); n != 1 {
				t.Fatalf("%d applications", n)
			}
			// One mail with the reference and the code, to the address given; the page says so.
			webtest.Bevat(t, nieuw, "Wij sturen het kenmerk en de code ook naar inwoner@voorbeeld.nl")
			uit := outboxRijen(t, o)
			if len(uit) != 1 || uit[0][0] != aanvragen.MailCode || uit[0][1] != "inwoner@voorbeeld.nl" ||
				!strings.Contains(uit[0][2], ref) || !strings.Contains(uit[0][2], code) || !strings.Contains(uit[0][2], "https://zeker.voorbeeld.nl/aanvragen/status\n") {
				t.Fatalf("outbox after the application: %q", uit)
			}

			// The case worker sees it in the inbox and asks for a missing document.
			cons := o.SessieAls("consulent")
			inbox := o.Doe(http.MethodGet, "/beheer/"+gm+"/aanvragen", cons, nil, nil)
			webtest.Bevat(t, inbox, ref, "Nog niet gekoppeld")
			var id int64
			if err := o.DB.SQL().QueryRowContext(t.Context(), `SELECT id FROM aanvragen_aanvraag`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			pad := "/beheer/" + gm + "/aanvragen/" + strconv.FormatInt(id, 10)
			pag := o.Doe(http.MethodGet, pad, cons, nil, nil)
			webtest.Bevat(t, pag, "IMG_2041.jpg", "Regelingen en de regels op")
			oud := eerste(t, versieRe, pag.Body)
			r := o.Doe(http.MethodPost, pad+"/vraag", cons, url.Values{"versie": {oud}, "soort": {"beschikking"}, "omschrijving": {"De brief van uw uitkering"}, "hersteltermijn": {"2026-03-16"}}, nil)
			if r.Status != http.StatusSeeOther {
				t.Fatalf("vraag: %d %s", r.Status, r.Body)
			}
			if uit := outboxRijen(t, o); len(uit) != 2 || uit[1][0] != aanvragen.MailHerstel || uit[1][1] != "inwoner@voorbeeld.nl" {
				t.Fatalf("outbox after the request: %q", uit)
			}
			// A stale form is refused with the newest state.
			r = o.Doe(http.MethodPost, pad+"/notitie", cons, url.Values{"versie": {oud}, "notitie": {"te laat"}}, nil)
			if r.Status != http.StatusConflict || !strings.Contains(r.Body, "intussen gewijzigd") {
				t.Fatalf("stale: %d", r.Status)
			}
			// A decision before the link is not possible: the form is not there.
			pag = o.Doe(http.MethodGet, pad, cons, nil, nil)
			if strings.Contains(pag.Body, "Besluit vastleggen") {
				t.Error("decision form before the link")
			}

			// The resident sees what is missing and sends it with the code.
			st := o.Doe(http.MethodPost, "/aanvragen/status", "", url.Values{"referentie": {strings.ToLower(ref)}, "code": {code}}, nil)
			webtest.Bevat(t, st, "Deze papieren hebben wij nog nodig", "De brief (beschikking)", "IMG_2041.jpg", "Stuur dit uiterlijk op 16 maart 2026",
				"Waarom de termijn langer is", "staat stil sinds 3 maart 2026", "of na 16 maart 2026")
			// Everything still asked, from the form on the page (the engine's open criteria and the case worker's request).
			var stuur []bestand
			for _, veld := range alle(regexp.MustCompile(`type="file" id="[^"]+" name="(bestand-[a-z]+)"`), st.Body) {
				stuur = append(stuur, bestand{veld, strings.TrimPrefix(veld, "bestand-") + ".pdf", pdf(100)})
			}
			if len(stuur) == 0 {
				t.Fatal("no upload field on the status page")
			}
			st = o.multipart("/aanvragen/status/stuur", url.Values{"referentie": {ref}, "code": {code}}, stuur...)
			if st.Status != http.StatusOK || strings.Contains(st.Body, "Deze papieren hebben wij nog nodig") || !strings.Contains(st.Body, "beschikking.pdf") {
				t.Fatalf("stuur: %d %s", st.Status, st.Body[strings.Index(st.Body, "<main"):])
			}
			// Sent the same day: nothing was suspended, so no explanation is shown.
			if strings.Contains(st.Body, "Waarom de termijn langer is") {
				t.Error("a suspension of no days is explained")
			}

			// Link by BSN (11-proef), then decide every regeling.
			pag = o.Doe(http.MethodGet, pad, cons, nil, nil)
			r = o.Doe(http.MethodPost, pad+"/koppel", cons, url.Values{"versie": {eerste(t, versieRe, pag.Body)}, "bsn": {"123456789"}}, nil)
			if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "elfproef") || strings.Contains(r.Body, "123456789") {
				t.Fatalf("wrong BSN: %d", r.Status)
			}
			r = o.Doe(http.MethodPost, pad+"/koppel", cons, url.Values{"versie": {eerste(t, versieRe, pag.Body)}, "bsn": {o.recs[0].BSN[0]}}, nil)
			if r.Status != http.StatusSeeOther {
				t.Fatalf("koppel: %d %s", r.Status, r.Body)
			}
			pag = o.Doe(http.MethodGet, pad, cons, nil, nil)
			webtest.Bevat(t, pag, "Besluit vastleggen", "Te beslissen")
			besluit := url.Values{"versie": {eerste(t, versieRe, pag.Body)}, "regeling": regs}
			for i, rg := range regs {
				if i == 0 {
					besluit.Set("besluit-"+rg, "toekennen")
					besluit.Set("bedrag-"+rg, "150")
					besluit.Set("reden-"+rg, "Bedrag volgens de beleidsregel")
				} else {
					besluit.Set("besluit-"+rg, "afwijzen")
				}
				besluit.Set("motivering-"+rg, "Dit is de motivering voor "+rg+".")
			}
			r = o.Doe(http.MethodPost, pad+"/besluit", cons, besluit, nil)
			if r.Status != http.StatusSeeOther {
				t.Fatalf("besluit: %d %s", r.Status, r.Body)
			}
			uit = outboxRijen(t, o)
			if len(uit) != 3 || uit[2][0] != aanvragen.MailBesluit || uit[2][1] != "inwoner@voorbeeld.nl" {
				t.Fatalf("outbox after the decision: %q", uit)
			}
			for _, u := range uit[1:] { // the notices: no code, no reference, no regeling, no amount
				for _, niet := range append([]string{code, ref, "150", "€", "De brief van uw uitkering"}, regs...) {
					if strings.Contains(u[2], niet) {
						t.Fatalf("notice %s contains %q", u[0], niet)
					}
				}
			}
			pag = o.Doe(http.MethodGet, pad, cons, nil, nil)
			brief := eerste(t, regexp.MustCompile(`href="([^"]+/brief/\d+)"`), pag.Body)
			b := o.Doe(http.MethodGet, brief, cons, nil, nil)
			webtest.Bevat(t, b, "artikel 6:7 van de Algemene wet bestuursrecht", "€ 150,00", ref, "Dit is de motivering voor "+regs[1])

			// The status page shows the decision and the letter.
			st = o.Doe(http.MethodPost, "/aanvragen/status", "", url.Values{"referentie": {ref}, "code": {code}}, nil)
			webtest.Bevat(t, st, "Er is besloten.", "u krijgt het", "Brief met het besluit bekijken")
			briefID := eerste(t, veldRe("brief"), st.Body)
			lb := o.Doe(http.MethodPost, "/aanvragen/status/brief", "", url.Values{"referentie": {ref}, "code": {code}, "brief": {briefID}}, nil)
			if lb.Body != b.Body {
				t.Error("the resident's letter differs from the case worker's")
			}
			// The address changed on the status page: a bad one at the field, a good one saved.
			webtest.Bevat(t, st, `action="/aanvragen/status/email"`, "Wij sturen berichten over uw aanvraag naar inwoner@voorbeeld.nl.")
			em := o.Doe(http.MethodPost, "/aanvragen/status/email", "", url.Values{"referentie": {ref}, "code": {code}, "email": {"nieuw@"}}, nil)
			webtest.Bevat(t, em, `id="email-fout"`, `value="nieuw@"`, "naar inwoner@voorbeeld.nl")
			if em.Status != http.StatusUnprocessableEntity {
				t.Fatalf("bad address on the status page: %d", em.Status)
			}
			em = o.Doe(http.MethodPost, "/aanvragen/status/email", "", url.Values{"referentie": {ref}, "code": {code}, "email": {"nieuw@voorbeeld.nl"}}, nil)
			webtest.Bevat(t, em, "Uw e-mailadres is opgeslagen.", "naar nieuw@voorbeeld.nl")
			if em.Status != http.StatusOK || len(outboxRijen(t, o)) != 3 {
				t.Fatalf("changed address: %d", em.Status)
			}
			// Export of the awards.
			csv := o.Doe(http.MethodGet, "/beheer/"+gm+"/aanvragen/export?van=2026-03-01&tot=2026-03-31", cons, nil, nil)
			if csv.Status != http.StatusOK || !strings.Contains(csv.Body, ";150.00;") {
				t.Fatalf("export: %d %s", csv.Status, csv.Body)
			}

			// A wrong code 20 times: refused each time, then blocked with a clear message.
			var laatste webtest.Antwoord
			for range 20 {
				laatste = o.Doe(http.MethodPost, "/aanvragen/status", "", url.Values{"referentie": {ref}, "code": {"AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG"}}, nil)
			}
			if laatste.Status != http.StatusTooManyRequests || !strings.Contains(laatste.Body, "te vaak een verkeerde code") {
				t.Fatalf("20 wrong codes: %d", laatste.Status)
			}
		})
	}
}

// outboxRijen are the outbox's kind, recipient and body, oldest first.
func outboxRijen(t *testing.T, o *omgeving) [][3]string {
	t.Helper()
	rows, err := o.DB.SQL().QueryContext(t.Context(), `SELECT soort, aan, tekst FROM mail_outbox ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][3]string
	for rows.Next() {
		var r [3]string
		if err := rows.Scan(&r[0], &r[1], &r[2]); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func tel(t *testing.T, o *omgeving, tabel string) int {
	t.Helper()
	var n int
	if err := o.DB.SQL().QueryRowContext(t.Context(), `SELECT COUNT(*) FROM `+tabel).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestMatrix calls every route of the part as every role in two gemeenten.
func TestMatrix(t *testing.T) {
	o := nieuweOmgeving(t, storetest.Open(t, storetest.Dialects(t)[0]))
	if n := o.Matrix(t, o.part.Routes); n < len(o.part.Routes) {
		t.Errorf("the matrix tried %d of %d routes", n, len(o.part.Routes))
	}
}

// TestBerichtenGebruikt checks that every catalogue key these pages use exists in Dutch (the kit's
// test checks that every language has the keys of Dutch).
func TestBerichtenGebruikt(t *testing.T) {
	b, err := web.LaadBerichten()
	if err != nil {
		t.Fatal(err)
	}
	keyRe := regexp.MustCompile(`\.T "([a-z0-9_.]+)"|\bT\("([a-z0-9_.]+)"|ResidentError\([^)]*"([a-z0-9_.]+)"\)|"(aanvraag\.[a-z0-9_.]+)"`)
	used := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("templates/*/*.html")
	for _, f := range append(files, more...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range keyRe.FindAllStringSubmatch(string(src), -1) {
			for _, g := range m[1:] {
				if strings.Contains(g, ".") && !strings.HasSuffix(g, ".") {
					used[g] = true
				}
			}
		}
	}
	for _, st := range aanvragen.Statussen() {
		used["aanvraag.status."+string(st)] = true
	}
	for _, d := range aanvragen.DocSoorten() {
		used["aanvraag.doc."+string(d)] = true
	}
	for _, k := range []string{"toekennen", "afwijzen", "buiten_behandeling", "open"} {
		used["aanvraag.besluit."+k] = true
	}
	for _, k := range []string{"aanvraag.geenkeuze", "aanvraag.fout.groot", "aanvraag.fout.formulier", "aanvraag.fout.teveel"} {
		used[k+".titel"] = true
	}
	if len(used) < 40 {
		t.Fatalf("found only %d keys; the scan is broken", len(used))
	}
	for k := range used {
		if _, ok := b.Tekst("nl", k); !ok {
			t.Errorf("key %q is used but not in nl.json", k)
		}
	}
}

// TestIntermediair: an intermediary does the check for a client, applies with the client's consent
// (refused without it), gets the reference and code to hand over, and the case worker sees who applied.
func TestIntermediair(t *testing.T) {
	o := nieuweOmgeving(t, storetest.Open(t, storetest.Dialects(t)[0]))
	f := checkVoorClient(t, o)
	if !strings.Contains(f.Body, `action="/aanvragen/kies"`) || !strings.Contains(f.Body, "voor uw cliënt") {
		t.Fatal("the intermediary's result page has no application form")
	}
	tok := f.Token()
	kies := o.Doe(http.MethodPost, "/aanvragen/kies", "", url.Values{"t": {tok}}, nil)
	webtest.Bevat(t, kies, "Over u als hulpverlener", `name="toestemming"`)
	reg := alle(regelingRe, kies.Body)[0]
	v := url.Values{"t": {tok}, "formulier": {eerste(t, veldRe("formulier"), kies.Body)}, "regeling": {reg},
		"intermediair-naam": {"Fatima Bakker"}, "intermediair-organisatie": {"Humanitas"}}
	zonder := o.Doe(http.MethodPost, "/aanvragen/documenten", "", v, nil)
	if zonder.Status != http.StatusUnprocessableEntity || !strings.Contains(zonder.Body, "Vraag eerst toestemming") {
		t.Fatalf("without consent: %d", zonder.Status)
	}
	v.Set("toestemming", "ja")
	docs := o.Doe(http.MethodPost, "/aanvragen/documenten", "", v, nil)
	webtest.Bevat(t, docs, `name="toestemming" value="ja"`, "E-mailadres van uw cliënt (niet verplicht)", "de toestemming van uw cliënt geldt ook hiervoor")
	// A control character in a field of the multipart form: refused like the kit refuses it in others.
	slecht := url.Values{}
	for k, x := range v {
		slecht[k] = x
	}
	slecht.Set("intermediair-naam", "Fatima\x00Bakker")
	if a := o.multipart("/aanvragen/nieuw", slecht); a.Status != http.StatusUnprocessableEntity {
		t.Fatalf("NUL in a multipart field: %d", a.Status)
	}
	v.Set("email", "client@voorbeeld.nl") // the intermediary's choice: the client's address
	nieuw := o.multipart("/aanvragen/nieuw", v)
	webtest.Bevat(t, nieuw, "Geef het kenmerk en de code aan uw cliënt", "ook naar client@voorbeeld.nl")
	if uit := outboxRijen(t, o); len(uit) != 1 || uit[0][0] != aanvragen.MailCode || uit[0][1] != "client@voorbeeld.nl" ||
		!strings.Contains(uit[0][2], "met uw toestemming") || strings.Contains(uit[0][2], "Fatima") || strings.Contains(uit[0][2], "Humanitas") {
		t.Fatalf("outbox of the intermediary's application: %q", uit)
	}
	ref := eerste(t, refRe, nieuw.Body)
	var id int64
	if err := o.DB.SQL().QueryRowContext(t.Context(), `SELECT id FROM aanvragen_aanvraag WHERE referentie = $1`, ref).Scan(&id); err != nil {
		t.Fatal(err)
	}
	pag := o.Doe(http.MethodGet, "/beheer/"+gm+"/aanvragen/"+strconv.FormatInt(id, 10), o.SessieAls("consulent"), nil, nil)
	webtest.Bevat(t, pag, "Fatima Bakker (Humanitas), voor een cliënt; toestemming van de cliënt vastgelegd op 02-03-2026 10:00")
}

// checkVoorClient does the check as an intermediary for a client (a single adult on bijstand) up to the
// result page.
func checkVoorClient(t *testing.T, o *omgeving) *webtest.Check {
	t.Helper()
	f := &webtest.Check{T: t, H: o.H}
	f.Post("/check/start", url.Values{"gemeente": {gm}, "voor": {"ander"}})
	for i := 0; i < 10 && f.Stap() != ""; i++ {
		switch f.Stap() {
		case "huishouden":
			f.Antwoord(url.Values{"partner": {"nee"}, "kinderen": {"0"}, "medebewoners": {"0"}})
		case "leeftijd":
			f.Antwoord(url.Values{"a-dag": {"1"}, "a-maand": {"3"}, "a-jaar": {"1985"}})
		case "inkomen":
			f.Antwoord(url.Values{"a-soort-1": {"bijstand"}, "a-bedrag-1": {"1300"}})
		case "vermogen":
			f.Antwoord(url.Values{"vermogen": {"200"}})
		case "wonen":
			f.Antwoord(url.Values{"wonen": {"huur"}, "huur": {"650"}})
		case "ontvangt":
			f.Antwoord(url.Values{"ontvangt": {"bijstand"}, "laag-jaren": {"4"}})
		case "situatie":
			f.Antwoord(url.Values{"student": {"nee"}, "schuld": {"nee"}, "student-vraag": {"1"}, "schuld-vraag": {"1"}})
		}
	}
	if f.Resultaat == "" {
		t.Fatalf("no result page (%d)", f.Status)
	}
	return f
}
