package zakenweb

import (
	"context"
	"strconv"

	"github.com/zeker-platform/zeker/internal/audit"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// TestHulpvraag: the public form asks no BSN, names every wrong field at once, and on sending makes a
// zaak with kanaal online whose clock starts at that moment; the confirmation says what happens next
// and the last day of the first conversation. From one address more than hulpvraagPerAdres accepted
// requests in an hour are refused with 429.
func TestHulpvraag(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 13, 15, 30, 0, 0, time.UTC)) // Friday 16:30 in Amsterdam
	pad := "/hulpvraag/" + gm
	a := o.Doe(http.MethodGet, pad, "", nil, nil)
	if a.Status != 200 || !strings.Contains(a.Body, `name="naam"`) || strings.Contains(strings.ToLower(a.Body), `name="bsn"`) {
		t.Fatalf("formulier: %d", a.Status)
	}
	if a := o.Doe(http.MethodGet, "/hulpvraag/GM9999", "", nil, nil); a.Status != 404 {
		t.Errorf("onbekende gemeente: %d", a.Status)
	}
	a = o.Doe(http.MethodPost, pad, "", url.Values{"telefoon": {"12"}, "email": {"x"}, "crisis": {"brand"}}, nil)
	if a.Status != 422 {
		t.Fatalf("fouten: %d", a.Status)
	}
	for _, w := range []string{"Vul uw naam in.", "Dit telefoonnummer klopt niet", "Dit e-mailadres klopt niet", "Kies een van de antwoorden."} {
		if !strings.Contains(a.Body, w) {
			t.Errorf("fout %q ontbreekt", w)
		}
	}
	stuur := func(ip string, f url.Values) *httptest.ResponseRecorder {
		req := httptest.NewRequestWithContext(t.Context(), http.MethodPost, pad, strings.NewReader(f.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = ip + ":5000"
		rec := httptest.NewRecorder()
		o.H.ServeHTTP(rec, req)
		return rec
	}
	goed := url.Values{"naam": {"Test Inwoner"}, "telefoon": {"0612345678"}, "vraag": {"Huurachterstand"}, "crisis": {"nee"}, "kinderen": {"ja"}}
	rec := stuur("198.51.100.7", goed)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "vrijdag 10 april 2026") || !strings.Contains(rec.Body.String(), "vrijdag 13 maart 2026, 16:30") {
		t.Fatalf("ontvangst: %d %s", rec.Code, rec.Body.String())
	}
	rijen, n, err := o.zk.Werklijst(ctxMetActor(t), gm, zaken.Filter{})
	if err != nil || n != 1 || rijen[0].Kanaal != zaken.Online || rijen[0].HuishoudenID != "" {
		t.Fatalf("werklijst: %d %v %+v", n, err, rijen)
	}
	crisis := url.Values{"naam": {"Test"}, "email": {"test@voorbeeld.nl"}, "crisis": {"energie"}}
	if rec := stuur("198.51.100.7", crisis); rec.Code != 200 || !strings.Contains(rec.Body.String(), "woensdag 18 maart 2026") {
		t.Errorf("crisis: %d", rec.Code)
	}
	for range hulpvraagPerAdres - 2 {
		stuur("198.51.100.7", goed)
	}
	if rec := stuur("198.51.100.7", goed); rec.Code != http.StatusTooManyRequests {
		t.Errorf("te veel van één adres: %d", rec.Code)
	}
	if rec := stuur("198.51.100.8", goed); rec.Code != 200 {
		t.Errorf("ander adres: %d", rec.Code)
	}
	o.mu.Lock()
	*o.nu = o.nu.Add(hulpvraagVenster + time.Minute)
	o.mu.Unlock()
	if rec := stuur("198.51.100.7", goed); rec.Code != 200 {
		t.Errorf("na een uur: %d", rec.Code)
	}
	// The zaak page shows the request and the form to link the household; linking by BSN works.
	id := rijen[0].ID
	a = o.get(zaakURL(gm, id), "consulent")
	if !strings.Contains(a.Body, "Huurachterstand") || !strings.Contains(a.Body, `action="`+zaakURL(gm, id)+`/huishouden"`) || strings.Contains(a.Body, "/doel\"") {
		t.Fatalf("zaakpagina online aanvraag: %s", a.Body)
	}
	a = o.post(zaakURL(gm, id)+"/huishouden", "consulent", url.Values{"versie": {"1"}, "koppel-bsn": {bsnVan(o.recs[0])}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("koppelen: %d %s", a.Status, a.Body)
	}
	if a := o.get(zaakURL(gm, id), "consulent"); !strings.Contains(a.Body, "Huishouden "+o.recs[0].ID) && !strings.Contains(a.Body, o.recs[0].ID+",") {
		t.Errorf("huishouden niet op de pagina")
	}
}

// TestBegrenzer: the window slides, keys are separate.
func TestBegrenzer(t *testing.T) {
	b := nieuweBegrenzer(2, time.Hour)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if !b.mag("a", t0) || !b.mag("a", t0.Add(time.Minute)) || b.mag("a", t0.Add(2*time.Minute)) {
		t.Fatal("twee per uur")
	}
	if !b.mag("b", t0) {
		t.Error("andere sleutel")
	}
	if !b.mag("a", t0.Add(60*time.Minute+30*time.Second)) || b.mag("a", t0.Add(60*time.Minute+30*time.Second)) {
		t.Error("venster schuift")
	}
}

// FuzzHulpvraagFormulier: the public form's parser never panics, and what it accepts the domain accepts.
//
//	go test -run '^$' -fuzz FuzzHulpvraagFormulier -fuzztime 10s ./internal/web/zakenweb
func FuzzHulpvraagFormulier(f *testing.F) {
	f.Add("naam=Test&telefoon=0612345678&crisis=nee&kinderen=ja")
	f.Add("naam=&email=a@b.nl&crisis=water")
	f.Add("naam=%00&telefoon=%2B31+6+1234+5678&email=@&crisis=brand&vraag=" + strings.Repeat("x", 1001))
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		a, fouten := leesHulpvraag(v)
		for _, fv := range fouten {
			if fv.Veld == "" || fv.Code == "" {
				t.Fatalf("fout zonder veld of code: %+v", fv)
			}
		}
		if len(fouten) == 0 {
			if err := a.Controleer(); err != nil {
				t.Fatalf("formulier nam %+v aan, domein weigert: %v", a, err)
			}
		}
	})
}

func ctxMetActor(t *testing.T) context.Context {
	return audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorGebruiker, ID: "1", Naam: "Test"})
}

// TestWachtlijstPagina: the waiting list shows the order, the expected day beside the deadline, and
// the zaak page its place; the settings page stores the capacity and refuses a bad one at its field.
func TestWachtlijstPagina(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	for i := range 3 {
		f := url.Values{"bsn": {bsnVan(o.recs[i])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-09"}, "tijd": {"0" + strconv.Itoa(i+7) + ":00"}}
		if a := o.post(b+"/nieuw", "consulent", f); a.Status != http.StatusSeeOther {
			t.Fatalf("nieuw: %d", a.Status)
		}
	}
	a := o.get(b+"/wachtlijst", "consulent")
	if a.Status != 200 || !strings.Contains(a.Body, `id="aantal-wachtend">3<`) || !strings.Contains(a.Body, "Niet ingesteld") {
		t.Fatalf("wachtlijst: %d", a.Status)
	}
	a = o.post(b+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "intake-capaciteit": {"veel"}})
	if a.Status != 422 || !strings.Contains(a.Body, "Intakecapaciteit: vul een aantal") {
		t.Fatalf("capaciteit fout: %d", a.Status)
	}
	if a := o.post(b+"/instellingen", "beheerder", url.Values{"versie": {"0"}, "intake-capaciteit": {"2"}, "grond-eerder": {"1"}, "grond-fraude": {"1"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("capaciteit: %d %s", a.Status, a.Body)
	}
	a = o.get(b+"/wachtlijst", "consulent")
	if !strings.Contains(a.Body, "2 eerste gesprekken per week") || !strings.Contains(a.Body, "ongeveer 2 weken") {
		t.Errorf("wachtlijst met capaciteit: %s", a.Body)
	}
	if a := o.get(b+"/3", "consulent"); !strings.Contains(a.Body, "Plaats 3 van 3.") || !strings.Contains(a.Body, "ma 23 mrt 2026") {
		t.Errorf("zaakpagina plaats: %s", a.Body)
	}
}
