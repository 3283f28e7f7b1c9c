package zakenweb

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/web/webtest"
	"github.com/zeker-platform/zeker/internal/zaken"
)

const gm = webtest.Eigen

// zkOmgeving is the staff environment with the zaken part, an injected clock and households in the
// register of the own gemeente.
type zkOmgeving struct {
	*webtest.Omgeving
	zk   *zaken.Service
	recs []*register.Record
	mu   *sync.Mutex
	nu   *time.Time
}

func nieuweOmgeving(t testing.TB, db *store.DB, nu time.Time) *zkOmgeving {
	t.Helper()
	o := &zkOmgeving{mu: new(sync.Mutex), nu: new(time.Time)}
	*o.nu = nu
	klok := func() time.Time { o.mu.Lock(); defer o.mu.Unlock(); return *o.nu }
	o.Omgeving = webtest.NieuweOmgeving(t, db, webtest.Opties{Klok: klok, Nu: klok})
	zk, err := zaken.New(zaken.Config{DB: db, Audit: o.Audit, Klok: klok, Partners: o.Partners, Params: nl.MustLoad()})
	if err != nil {
		t.Fatal(err)
	}
	o.zk = zk
	vs := func(ctx context.Context, g string, id int64) (zaken.Vroegsignaal, error) {
		if id != 77 {
			return zaken.Vroegsignaal{}, zaken.ErrNietGevonden
		}
		return zaken.Vroegsignaal{ID: 77, HuishoudenID: o.recs[3].ID, Ontvangen: datum.Van(klok(), nil).PlusDagen(-2),
			Signalen: []zaken.Signaal{{Partner: "Woonco", PartnerType: "Huur", Bedrag: 98_700}}}, nil
	}
	part, err := New(o.Kit, Deps{Zaken: zk, Vroegsignaal: vs, Partners: o.Partners, Params: nl.MustLoad()})
	if err != nil {
		t.Fatal(err)
	}
	o.Mount(part)
	o.recs = importeer(t, db, gm, 6)
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

func (o *zkOmgeving) get(pad, rol string) webtest.Antwoord {
	return o.Doe(http.MethodGet, pad, o.SessieAls(rol), nil, nil)
}

func (o *zkOmgeving) post(pad, rol string, f url.Values) webtest.Antwoord {
	return o.Doe(http.MethodPost, pad, o.SessieAls(rol), f, nil)
}

func bsnVan(r *register.Record) string {
	for _, b := range r.BSN {
		if b != "" {
			return b
		}
	}
	return ""
}

var versieRe = regexp.MustCompile(`name="versie" value="(\d+)"`)
var planVersieRe = regexp.MustCompile(`name="planversie" value="(\d+)"`)

func eerste(t *testing.T, re *regexp.Regexp, body string) string {
	t.Helper()
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s not in page", re)
	}
	return m[1]
}

// TestZakenPaginas walks intake → first conversation → decision → plan → hand-over → end through the
// pages, with the errors a case worker can make, a stale form and the settings.
func TestZakenPaginas(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 6, 14, 0, 0, 0, time.UTC)) // Friday
	b := basis(gm)
	webtest.Bevat(t, o.get(b, "consulent"), "Zaken schuldhulp", "Er zijn geen zaken", "Niet voor elke afgesloten status is een bewaartermijn ingesteld")
	webtest.Bevat(t, o.get(b+"/nieuw", "consulent"), "Nieuwe zaak", "BSN", "Er is een bedreigende situatie")

	// Errors at their fields; the BSN stays out of every URL.
	a := o.post(b+"/nieuw", "consulent", url.Values{"bsn": {"123"}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"09:00"}})
	if a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, "Dit is geen geldig BSN") || !strings.Contains(a.Body, `href="#bsn"`) {
		t.Fatalf("ongeldig BSN: %d", a.Status)
	}
	a = o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"6-3-2026"}, "tijd": {"09:00"}})
	webtest.Bevat(t, a, "Vul de datum (JJJJ-MM-DD)")
	a = o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"09:00"},
		"crisis": {"ja"}, "crisissoort": {"ontruiming"}, "toelichting": {"Vonnis ontruiming"}})
	if a.Status != http.StatusSeeOther || strings.Contains(a.Loc, bsnVan(o.recs[0])) {
		t.Fatalf("nieuw: %d %s %s", a.Status, a.Loc, a.Body)
	}
	zaak := strings.TrimSuffix(a.Loc, "?klaar=aangemeld")
	// Crisis on Friday 6 March: 3 working days → Wednesday 11 March, red already (within 3 working days).
	p := o.get(zaak, "consulent")
	webtest.Bevat(t, p, "Zaak 1", "wo 11 mrt 2026", "3 werkdagen (Wgs artikel 4 lid 2)", "Nog 3 werkdagen", "Dreigende gedwongen woningontruiming")
	// The link to the zaak's referrals (netwerkweb): its list and the referral form.
	webtest.Bevat(t, p, `href="/beheer/`+gm+`/verwijzingen?zaak=1"`, `href="/beheer/`+gm+`/verwijzingen/nieuw?zaak=1"`)
	if strings.Contains(p.Body, "utrecht-status-badge--danger") {
		t.Error("red with 3 working days left")
	}
	// On Monday two working days are left: red, before the deadline is late.
	*o.nu = time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC)
	webtest.Bevat(t, o.get(zaak, "consulent"), `utrecht-status-badge--danger">Nog 2 werkdagen`)
	*o.nu = time.Date(2026, 3, 12, 9, 0, 0, 0, time.UTC)
	if p := o.get(zaak, "consulent"); !strings.Contains(p.Body, "Verlopen</span> op wo 11 mrt 2026") || strings.Contains(p.Body, "utrecht-status-badge--danger") {
		t.Error("late: not marked as passed, or still red")
	}
	p = o.get(zaak, "consulent")
	// A second zaak for the same household is refused with the open zaak's number.
	a = o.post(b+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"telefoon"}, "route": {"schuldhulp"}, "datum": {"2026-03-06"}, "tijd": {"10:00"}})
	webtest.Bevat(t, a, "al een open zaak: zaak 1")
	webtest.Bevat(t, o.get(b, "consulent"), "Zaak 1", "Eerste gesprek", "wo 11 mrt 2026")

	v := eerste(t, versieRe, p.Body)
	if a := o.post(zaak+"/eerste-gesprek", "consulent", url.Values{"versie": {v}, "gesprek-datum": {"2026-03-10"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("eerste gesprek: %d %s", a.Status, a.Body)
	}
	// The same (stale) form again: refused with a clear message, nothing overwritten.
	a = o.post(zaak+"/eerste-gesprek", "consulent", url.Values{"versie": {v}, "gesprek-datum": {"2026-03-09"}})
	if a.Status != http.StatusConflict || !strings.Contains(a.Body, "Iemand anders heeft deze zaak of het plan intussen gewijzigd") {
		t.Fatalf("verouderd: %d", a.Status)
	}
	p = o.get(zaak, "consulent")
	webtest.Bevat(t, p, "Gevoerd op di 10 mrt 2026 (op tijd)", "8 weken (Wgs artikel 4a lid 3)", "Besluit (beschikking)")
	// Borger-Odoorn allows only lack of residence after this setting: another ground is refused.
	in, _ := o.zk.Instellingen(t.Context(), gm)
	in.Weigeringsgronden = nil
	if err := o.zk.ZetInstellingen(ctxMetActor(t), gm, in); err != nil {
		t.Fatal(err)
	}
	v = eerste(t, versieRe, p.Body)
	a = o.post(zaak+"/besluit", "consulent", url.Values{"versie": {v}, "besluit-soort": {"weigering"}, "besluit-datum": {"2026-03-10"}, "grond": {"eerder"}, "besluit-toelichting": {"x"}})
	if a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, "De gemeente weigert schuldhulp niet op deze grond") {
		t.Fatalf("weigering op eerder gebruik: %d", a.Status)
	}
	if a := o.post(zaak+"/besluit", "consulent", url.Values{"versie": {v}, "besluit-soort": {"plan"}, "besluit-datum": {"2026-03-10"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("plan: %d %s", a.Status, a.Body)
	}
	p = o.get(zaak, "consulent")
	webtest.Bevat(t, p, "Plan van aanpak op di 10 mrt 2026", "Doel toevoegen", "Zaak afronden")
	pv := eerste(t, planVersieRe, p.Body)
	if a := o.post(zaak+"/doel", "consulent", url.Values{"planversie": {pv}, "doel-domein": {"geld"}, "doel-omschrijving": {"Huurachterstand aflossen"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("doel: %d %s", a.Status, a.Body)
	}
	a = o.post(zaak+"/doel", "consulent", url.Values{"planversie": {pv}, "doel-domein": {"wonen"}, "doel-omschrijving": {"Verhuizen"}})
	if a.Status != http.StatusConflict {
		t.Errorf("verouderd plan: %d", a.Status)
	}
	p = o.get(zaak, "consulent")
	pv = eerste(t, planVersieRe, p.Body)
	doelID := regexp.MustCompile(`<option value="(\d+)">Geld en schulden: Huurachterstand aflossen`).FindStringSubmatch(p.Body)
	if doelID == nil {
		t.Fatal("doel niet in de keuzelijst")
	}
	a = o.post(zaak+"/actie", "consulent", url.Values{"planversie": {pv}, "actie-doel": {doelID[1]}, "actie-omschrijving": {""}, "actie-wie": {"inwoner"}})
	webtest.Bevat(t, a, "Schrijf wat er moet gebeuren")
	if a := o.post(zaak+"/actie", "consulent", url.Values{"planversie": {pv}, "actie-doel": {doelID[1]}, "actie-omschrijving": {"Afspraak met verhuurder"},
		"actie-wie": {"vrijwilliger"}, "actie-naam": {"Humanitas"}, "actie-datum": {"2026-03-20"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("actie: %d %s", a.Status, a.Body)
	}
	p = o.get(zaak, "consulent")
	webtest.Bevat(t, p, "Afspraak met verhuurder. Wie: Vrijwilliger (Humanitas). Uiterlijk: vr 20 mrt 2026. Nog open.", "Regie overdragen")
	// Hand-over: only to a colleague who handles zaken here (the beheerder does not).
	pv = eerste(t, planVersieRe, p.Body)
	a = o.post(zaak+"/regie", "consulent", url.Values{"planversie": {pv}, "regisseur": {itoa(o.IDs["beheerder"])}, "regie-reden": {"Verlof"}})
	webtest.Bevat(t, a, "Kies een collega die in deze gemeente aan plannen van huishoudens werkt")
	a = o.post(zaak+"/beeindigen", "consulent", url.Values{"versie": {eerste(t, versieRe, p.Body)}, "reden": {"Verhuisd"}, "einde-datum": {"2026-03-10"}})
	webtest.Bevat(t, a, "Schrijf waarom de hulp eindigt")
	if a := o.post(zaak+"/notitie", "consulent", url.Values{"notitie": {"Gebeld met de verhuurder."}}); a.Status != http.StatusSeeOther {
		t.Fatalf("notitie: %d", a.Status)
	}
	if a := o.post(zaak+"/afronden", "consulent", url.Values{"versie": {eerste(t, versieRe, p.Body)}, "afrond-datum": {"2026-03-10"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("afronden: %d %s", a.Status, a.Body)
	}
	webtest.Bevat(t, o.get(zaak, "consulent"), "Afgerond", "Gebeld met de verhuurder.", "Doel toegevoegd (Geld en schulden): Huurachterstand aflossen.")
	webtest.Bevat(t, o.get(b+"?status=afgerond", "consulent"), "Zaak 1")
	webtest.Bevat(t, o.get(b+"?status=kwijt", "consulent"), "Kies een status uit de lijst")

	// From a vroegsignaalzaak: one click, the signal comes along; a second click finds the zaak.
	a = o.post(b+"/nieuw/vroegsignaal/77", "consulent", url.Values{})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("vroegsignaal: %d %s", a.Status, a.Body)
	}
	webtest.Bevat(t, o.get(strings.Split(a.Loc, "?")[0], "consulent"), "Vroegsignaalzaak 77", "Woonco", "€ 987,00", "ontvangst van het signaal")
	if a2 := o.post(b+"/nieuw/vroegsignaal/77", "consulent", url.Values{}); a2.Status != http.StatusSeeOther || !strings.Contains(a2.Loc, "klaar=bestond") {
		t.Errorf("tweede klik: %d %s", a2.Status, a2.Loc)
	}
	if a := o.post(b+"/nieuw/vroegsignaal/78", "consulent", url.Values{}); a.Status != http.StatusNotFound {
		t.Errorf("onbekende vroegsignaalzaak: %d", a.Status)
	}

	// Settings: the legal term beside the gemeente's, errors at their fields, a stale form.
	s := o.get(b+"/instellingen", "beheerder")
	webtest.Bevat(t, s, "Instellingen zaken", "Wettelijk: 4 weken (Wgs artikel 4 lid 1)", "Geen rechtmatig verblijf in Nederland (Wgs artikel 3 lid 4): altijd (wet).")
	sv := eerste(t, versieRe, s.Body)
	a = o.post(b+"/instellingen", "beheerder", url.Values{"versie": {sv}, "eerste-gesprek-aantal": {"8"}, "eerste-gesprek-eenheid": {"weken"}, "bewaar-afgerond": {"abc"}})
	webtest.Bevat(t, a, "noem de bron van de termijn", "vul een aantal maanden van 1 tot en met 600 in")
	if a := o.post(b+"/instellingen", "beheerder", url.Values{"versie": {sv}, "eerste-gesprek-aantal": {"8"}, "eerste-gesprek-eenheid": {"weken"},
		"eerste-gesprek-bron": {"Verordening (test)"}, "bewaar-afgerond": {"84"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("instellingen: %d %s", a.Status, a.Body)
	}
	webtest.Bevat(t, o.get(b+"/instellingen", "beheerder"), "de eigen termijn is langer dan de wet toestaat, dus de wettelijke termijn geldt altijd")
	if a := o.post(b+"/instellingen", "beheerder", url.Values{"versie": {sv}}); a.Status != http.StatusConflict {
		t.Errorf("verouderde instellingen: %d", a.Status)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
