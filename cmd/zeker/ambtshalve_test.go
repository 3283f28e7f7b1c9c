package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/regels/nl"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/synth"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// importeerRegister puts n synthetic households of gemeente g in the register.
func importeerRegister(t *testing.T, db *store.DB, g string, n int) []*register.Record {
	t.Helper()
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
			err = synth.Genereer(context.Background(), synth.PopulatieOpties{Profiel: profiel, Seed: 3, Aantal: n, Datum: datum, Params: nl.MustLoad(), Pakket: pk},
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

// voorstellenVoorRecht stores, as the scan does (scan_voorstel, with the engine's trace and receipt), an
// ambtshalve proposal for each of the first n households of recs that the engine gives a right and an
// amount today, and returns their ids.
func voorstellenVoorRecht(t *testing.T, db *store.DB, al *audit.Log, gm string, recs []*register.Record, n int) []int64 {
	t.Helper()
	svc, err := aanvragen.New(aanvragen.Config{DB: db, Audit: al, Catalogus: webtest.Catalogus(t), Klok: func() time.Time { return webtest.Nu }})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range recs {
		h := r.H
		h.Gemeente = gm
		res, err := svc.Evalueer(&h, webtest.Nu, "nl")
		if err != nil {
			continue
		}

		for _, u := range res.Regelingen {
			if u.Oordeel != regels.Recht || u.Bedrag == nil || len(ids) == n {
				continue
			}
			uitleg, _ := json.Marshal(scan.Uitleg{Uitkomst: u, Oordeel: u.Oordeel.String()})
			bewijs, _ := json.Marshal(res.Ontvangstbewijs)
			var id int64
			if err := db.SQL().QueryRowContext(t.Context(), `INSERT INTO scan_voorstel (gemeente, huishouden_id, regeling, peildatum, status, bedrag_cent, periode, uitleg, bewijs, gemaakt, woonplaats)
				VALUES ($1, $2, $3, '2026-01-01', 'open', $4, $5, $6, $7, $8, $9) RETURNING id`, gm, r.ID, u.ID, int64(*u.Bedrag), string(u.Periode), string(uitleg), string(bewijs),
				webtest.Nu.Add(time.Duration(len(ids))*time.Minute), r.H.Woonplaats).Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
			break
		}
	}
	if len(ids) < n {
		t.Fatalf("%d households with a right and an amount, want %d", len(ids), n)
	}
	return ids
}

// TestAmbtshalveInbox walks the glue of cmd/zeker end to end, through the web bouwWeb builds: the scan's
// ambtshalve proposals are a tab of the aanvragen inbox; accepting one approves it and makes the
// application-and-decision with its letter in one transaction; when the household left the register
// nothing is stored, the proposal stays open with the failure shown, and accepting again after it is back
// works; an approval without its application (older data) is retried from the inbox; a
// decline makes no application; the scan's old URLs redirect to the inbox.
func TestAmbtshalveInbox(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		ctx := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		// Ommen (webtest.Ander) is where the synthetic households have certain rights with an amount; the
		// consulent gets a role there.
		gmA := ander
		if err := o.Auth.ZetRol(t.Context(), o.IDs["consulent"], gmA, auth.Consulent); err != nil {
			t.Fatal(err)
		}
		recs := importeerRegister(t, db, gmA, 60)
		ids := voorstellenVoorRecht(t, db, o.Audit, gmA, recs, 4)
		consulent := o.loginAls("consulent")
		basis := "/beheer/" + gmA + "/aanvragen"
		vurl := func(id int64) string { return basis + "/voorstellen/" + strconv.FormatInt(id, 10) }
		status := func(id int64) string {
			var s string
			if err := db.SQL().QueryRowContext(t.Context(), `SELECT status FROM scan_voorstel WHERE id = $1`, id).Scan(&s); err != nil {
				t.Fatal(err)
			}
			return s
		}
		aanvragenVan := func(id int64) int {
			var n int
			if err := db.SQL().QueryRowContext(t.Context(), `SELECT COUNT(*) FROM aanvragen_aanvraag WHERE gemeente = $1 AND voorstel_id = $2`, gmA, id).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}

		// The inbox's tab lists the open proposals, the longest waiting first.
		tab := o.doe(http.MethodGet, basis+"?status=voorstel", consulent, nil, nil)
		if tab.Status != http.StatusOK {
			t.Fatalf("tab: %d", tab.Status)
		}
		bevatAlle(t, tab.Body, "Voorstel ambtshalve", "Open voorstellen", fmt.Sprintf(`href="%s"`, vurl(ids[0])), fmt.Sprintf(`href="%s"`, vurl(ids[3])))
		if strings.Index(tab.Body, vurl(ids[0])+`"`) > strings.Index(tab.Body, vurl(ids[3])+`"`) {
			t.Error("the oldest proposal is not first")
		}
		nieuwste := o.doe(http.MethodGet, basis+"?status=voorstel&volgorde=nieuwste", consulent, nil, nil)
		if strings.Index(nieuwste.Body, vurl(ids[3])+`"`) > strings.Index(nieuwste.Body, vurl(ids[0])+`"`) {
			t.Error("volgorde=nieuwste: the newest proposal is not first")
		}
		if a := o.doe(http.MethodGet, basis+"?status=voorstel&woonplaats=Nergenshuizen", consulent, nil, nil); a.Status != http.StatusUnprocessableEntity {
			t.Errorf("unknown village: %d, want 422", a.Status)
		}
		p := o.doe(http.MethodGet, vurl(ids[0]), consulent, nil, nil)
		bevatAlle(t, p.Body, "Waarom", "Ontvangstbewijs", "Besluit vastleggen")

		// A reason is required.
		if a := o.doe(http.MethodPost, vurl(ids[0])+"/besluit", consulent, url.Values{"besluit": {"aanvaarden"}}, nil); a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, "Schrijf waarom") {
			t.Errorf("without a reason: %d", a.Status)
		}
		if a := o.doe(http.MethodPost, vurl(ids[0])+"/besluit", consulent, url.Values{"besluit": {"opnieuw"}}, nil); a.Status != http.StatusUnprocessableEntity || status(ids[0]) != "open" {
			t.Errorf("'opnieuw' of an open proposal without a reason: %d, %s", a.Status, status(ids[0]))
		}
		// Accept → the application, decided, with the letter.
		a := o.doe(http.MethodPost, vurl(ids[0])+"/besluit", consulent, url.Values{"besluit": {"aanvaarden"}, "reden": {"Uit de scan: al jaren recht, nooit aangevraagd."}}, nil)
		m := regexp.MustCompile(`^` + basis + `/(\d+)\?klaar=ambtshalve$`).FindStringSubmatch(a.Loc)
		if a.Status != http.StatusSeeOther || m == nil {
			t.Fatalf("accept: %d %q %s", a.Status, a.Loc, a.Body)
		}
		if status(ids[0]) != "goedgekeurd" || aanvragenVan(ids[0]) != 1 {
			t.Fatalf("after accepting: %s, %d applications", status(ids[0]), aanvragenVan(ids[0]))
		}
		pag := o.doe(http.MethodGet, a.Loc, consulent, nil, nil)
		bevatAlle(t, pag.Body, "Het voorstel is aanvaard", "Besloten", "Ambtshalve: voorstel "+strconv.FormatInt(ids[0], 10))
		bm := regexp.MustCompile(`href="(` + basis + `/\d+/brief/\d+)"`).FindStringSubmatch(pag.Body)
		if bm == nil {
			t.Fatal("no letter on the application's page")
		}
		brief := o.doe(http.MethodGet, bm[1], consulent, nil, nil)
		bevatAlle(t, brief.Body, "zonder aanvraag", "U hoeft hiervoor niets te doen", "Uit de scan: al jaren recht", "artikel 6:7")
		if a := o.doe(http.MethodPost, vurl(ids[0])+"/besluit", consulent, url.Values{"besluit": {"aanvaarden"}, "reden": {"nog eens"}}, nil); a.Status != http.StatusSeeOther || aanvragenVan(ids[0]) != 1 {
			t.Errorf("accepting twice: %d, %d applications (want the same one)", a.Status, aanvragenVan(ids[0]))
		}
		tab = o.doe(http.MethodGet, basis+"?status=voorstel", consulent, nil, nil)
		if strings.Contains(tab.Body, vurl(ids[0])+`"`) {
			t.Error("the accepted proposal is still in the tab")
		}
		// The accepted proposal's page links to its application and offers no form.
		if p := o.doe(http.MethodGet, vurl(ids[0]), consulent, nil, nil); !strings.Contains(p.Body, "Aanvaard: aanvraag AV-") || strings.Contains(p.Body, "Besluit vastleggen") || strings.Contains(p.Body, "Opnieuw proberen") {
			t.Errorf("accepted proposal's page: %d", p.Status)
		}

		// The household left the register: nothing is stored, the proposal stays open with the failure.
		var wp, geg string
		var imp, gezien int64
		var bijgewerkt time.Time
		hh := ""
		if err := db.SQL().QueryRowContext(t.Context(), `SELECT huishouden_id FROM scan_voorstel WHERE id = $1`, ids[1]).Scan(&hh); err != nil {
			t.Fatal(err)
		}
		if err := db.SQL().QueryRowContext(t.Context(), `SELECT woonplaats, gegevens, import_id, bijgewerkt, gezien FROM register_huishouden WHERE gemeente = $1 AND id = $2`, gmA, hh).
			Scan(&wp, &geg, &imp, &bijgewerkt, &gezien); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(ctx, `DELETE FROM register_huishouden WHERE gemeente = $1 AND id = $2`, gmA, hh); err != nil {
			t.Fatal(err)
		}
		a = o.doe(http.MethodPost, vurl(ids[1])+"/besluit", consulent, url.Values{"besluit": {"aanvaarden"}, "reden": {"Uit de scan."}}, nil)
		if a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, "staat niet (meer) in het register") || !strings.Contains(a.Body, "het voorstel staat nog open") {
			t.Fatalf("household gone: %d %s", a.Status, a.Body)
		}
		if status(ids[1]) != "open" || aanvragenVan(ids[1]) != 0 {
			t.Fatalf("after the failure: %s, %d applications; want open and none", status(ids[1]), aanvragenVan(ids[1]))
		}
		tab = o.doe(http.MethodGet, basis+"?status=voorstel", consulent, nil, nil)
		bevatAlle(t, tab.Body, vurl(ids[1])+`"`, "Aanvaarden mislukt op", "staat niet (meer) in het register")
		// Back in the register: accepting again works and the failure is gone.
		if _, err := db.Exec(ctx, `INSERT INTO register_huishouden (gemeente, id, woonplaats, gegevens, import_id, bijgewerkt, gezien) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			gmA, hh, wp, geg, imp, bijgewerkt, gezien); err != nil {
			t.Fatal(err)
		}
		a = o.doe(http.MethodPost, vurl(ids[1])+"/besluit", consulent, url.Values{"besluit": {"aanvaarden"}, "reden": {"Uit de scan."}}, nil)
		if a.Status != http.StatusSeeOther || status(ids[1]) != "goedgekeurd" || aanvragenVan(ids[1]) != 1 {
			t.Fatalf("retry: %d, %s, %d applications", a.Status, status(ids[1]), aanvragenVan(ids[1]))
		}
		if tab := o.doe(http.MethodGet, basis+"?status=voorstel", consulent, nil, nil); strings.Contains(tab.Body, "Aanvaarden mislukt") {
			t.Error("the failure is still shown after the retry")
		}

		// Approved without its application (older data: approval and application were two steps): the
		// inbox offers the retry.
		if _, err := scan.Beslis(ctx, db, o.Audit, gmA, ids[2], scan.Besluit{Goedkeuren: true, Reden: "Goedgekeurd voor de wijziging.", Door: "beheer"}); err != nil {
			t.Fatal(err)
		}
		tab = o.doe(http.MethodGet, basis+"?status=voorstel", consulent, nil, nil)
		bevatAlle(t, tab.Body, "Goedgekeurd, aanvraag nog niet gemaakt", vurl(ids[2])+`"`)
		bevatAlle(t, o.doe(http.MethodGet, vurl(ids[2]), consulent, nil, nil).Body, "Opnieuw proberen")
		a = o.doe(http.MethodPost, vurl(ids[2])+"/besluit", consulent, url.Values{"besluit": {"opnieuw"}}, nil)
		if a.Status != http.StatusSeeOther || aanvragenVan(ids[2]) != 1 {
			t.Fatalf("retry of an approval: %d, %d applications", a.Status, aanvragenVan(ids[2]))
		}
		if tab := o.doe(http.MethodGet, basis+"?status=voorstel", consulent, nil, nil); strings.Contains(tab.Body, "Goedgekeurd, aanvraag nog niet gemaakt") {
			t.Error("the retried approval is still listed")
		}

		// Decline: no application.
		a = o.doe(http.MethodPost, vurl(ids[3])+"/besluit", consulent, url.Values{"besluit": {"afwijzen"}, "reden": {"Is verhuisd."}}, nil)
		if a.Status != http.StatusSeeOther || status(ids[3]) != "afgewezen" || aanvragenVan(ids[3]) != 0 {
			t.Fatalf("decline: %d, %s, %d applications", a.Status, status(ids[3]), aanvragenVan(ids[3]))
		}
		if a := o.doe(http.MethodPost, vurl(ids[3])+"/besluit", consulent, url.Values{"besluit": {"aanvaarden"}, "reden": {"toch"}}, nil); a.Status != http.StatusConflict || aanvragenVan(ids[3]) != 0 {
			t.Errorf("accepting a declined proposal: %d, want 409", a.Status)
		}
		if p := o.doe(http.MethodGet, vurl(ids[3]), consulent, nil, nil); !strings.Contains(p.Body, "Afgewezen, door") || strings.Contains(p.Body, "Besluit vastleggen") {
			t.Errorf("declined proposal's page: %d", p.Status)
		}

		// The scan's old URLs redirect to the inbox; the case worker's three applications are in it.
		if a := o.doe(http.MethodGet, "/beheer/"+gmA+"/scan/voorstellen/"+strconv.FormatInt(ids[3], 10), consulent, nil, nil); a.Status != http.StatusSeeOther || a.Loc != vurl(ids[3]) {
			t.Errorf("old URL: %d %q", a.Status, a.Loc)
		}
		if a := o.doe(http.MethodGet, "/beheer/"+gmA+"/scan/voorstellen", consulent, nil, nil); a.Status != http.StatusSeeOther || a.Loc != basis+"?status=voorstel" {
			t.Errorf("old list URL: %d %q", a.Status, a.Loc)
		}
		besloten := o.doe(http.MethodGet, basis+"?status=besloten", consulent, nil, nil)
		if n := strings.Count(besloten.Body, "Besloten</"); n < 3 {
			t.Errorf("decided applications in the inbox: %d, want 3", n)
		}
		// Not in another gemeente: a proposal of Ommen does not exist under GM1681.
		if a := o.doe(http.MethodGet, "/beheer/"+eigen+"/aanvragen/voorstellen/"+strconv.FormatInt(ids[2], 10), consulent, nil, nil); a.Status != http.StatusNotFound {
			t.Errorf("another gemeente: %d, want 404", a.Status)
		}
	})
}

func bevatAlle(t *testing.T, body string, wil ...string) {
	t.Helper()
	for _, w := range wil {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

// TestScanBeslisMaaktAanvraag: approving on the command line (zeker scan beslis --goedkeuren) takes the
// inbox's path: the approval and the application-and-decision with its letter in one transaction; when
// the household left the register it stores nothing, says why and the proposal stays open.
func TestScanBeslisMaaktAanvraag(t *testing.T) {
	dsn := "sqlite:" + t.TempDir() + "/zeker.db"
	if code, out, errOut := runScanCmd(t, dsn, "migrate", "--gemeenten"); code != 0 {
		t.Fatalf("migrate: %d %s %s", code, out, errOut)
	}
	db, err := store.Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	al, err := audit.New(db, []byte("0123456789abcdef0123456789abcdef"), nil)
	if err != nil {
		t.Fatal(err)
	}
	recs := importeerRegister(t, db, ander, 60)
	ids := voorstellenVoorRecht(t, db, al, ander, recs, 2)
	id := func(i int) string { return strconv.FormatInt(ids[i], 10) }
	code, out, errOut := runScanCmd(t, dsn, "scan", "beslis", "--gemeente", ander, "--id", id(0), "--goedkeuren", "--reden", "Uit de scan.", "--door", "Consulent Test")
	if code != 0 || !strings.Contains(out, "aanvraag AV-") {
		t.Fatalf("beslis --goedkeuren: exit %d\n%s%s", code, out, errOut)
	}
	var n int
	var st string
	tel := func(i int) {
		t.Helper()
		if err := db.SQL().QueryRowContext(t.Context(), `SELECT (SELECT COUNT(*) FROM aanvragen_aanvraag WHERE voorstel_id = $1), status FROM scan_voorstel WHERE id = $1`, ids[i]).Scan(&n, &st); err != nil {
			t.Fatal(err)
		}
	}
	if tel(0); n != 1 || st != "goedgekeurd" {
		t.Errorf("after approving: %d applications, %s", n, st)
	}
	if _, err := db.Exec(t.Context(), `DELETE FROM register_huishouden WHERE id = (SELECT huishouden_id FROM scan_voorstel WHERE id = $1)`, ids[1]); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runScanCmd(t, dsn, "scan", "beslis", "--gemeente", ander, "--id", id(1), "--goedkeuren", "--reden", "Uit de scan.", "--door", "Consulent Test")
	if code == 0 || !strings.Contains(errOut, "staat niet (meer) in het register") || !strings.Contains(errOut, "staat nog open") {
		t.Errorf("household gone: exit %d %s", code, errOut)
	}
	if tel(1); n != 0 || st != "open" {
		t.Errorf("after the failure: %d applications, %s; want none and open", n, st)
	}
}
