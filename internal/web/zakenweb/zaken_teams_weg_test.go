package zakenweb

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestTeamLidWeghalen: the teamleider takes a colleague out of a team on the teams page (one audit
// row); a member that is not (or no longer) in the team is refused at the field; a consulent may not.
func TestTeamLidWeghalen(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	b := basis(gm)
	if a := o.post(b+"/teams", "teamleider", url.Values{"team-naam": {"Team Zuid"}}); a.Status != http.StatusSeeOther {
		t.Fatalf("team: %d", a.Status)
	}
	lid := strconv.FormatInt(o.IDs["schuldhulpverlener"], 10)
	if a := o.post(b+"/teams", "teamleider", url.Values{"team": {"1"}, "lid": {lid}}); a.Status != http.StatusSeeOther {
		t.Fatalf("lid: %d", a.Status)
	}
	webtest.Bevat(t, o.get(b+"/teams", "teamleider"), "Collega uit een team halen", `<option value="1:`+lid+`">Team Zuid: `)
	if a := o.post(b+"/teams/lid-weg", "consulent", url.Values{"weg-lid": {"1:" + lid}}); a.Status != http.StatusForbidden {
		t.Errorf("consulent haalt lid weg: %d", a.Status)
	}
	if a := o.post(b+"/teams/lid-weg", "teamleider", url.Values{"weg-lid": {"1:" + lid}}); a.Status != http.StatusSeeOther || !strings.Contains(a.Loc, "klaar=team-lid-weg") {
		t.Fatalf("weghalen: %d %s", a.Status, a.Loc)
	}
	p := o.get(b+"/teams", "teamleider")
	if strings.Contains(p.Body, "Collega uit een team halen") || !strings.Contains(p.Body, "Nog niemand") {
		t.Error("lid staat nog in het team")
	}
	for _, weg := range []string{"1:" + lid, "x", "2:" + lid, ""} {
		if a := o.post(b+"/teams/lid-weg", "teamleider", url.Values{"weg-lid": {weg}}); a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, `id="weg-lid-fout"`) {
			t.Errorf("%q: %d", weg, a.Status)
		}
	}
	rs, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: gm, Operatie: "team.lid-weg", Limiet: 10})
	if err != nil || len(rs) != 1 {
		t.Errorf("audit: %d %v", len(rs), err)
	}
}

// TestNazorgEindePagina: running nazorg ended by hand with a reason; the moment planned after the end
// shows as cancelled.
func TestNazorgEindePagina(t *testing.T) {
	o := nieuweOmgeving(t, storetest.OpenTest(t), time.Date(2026, 3, 9, 9, 0, 0, 0, time.UTC))
	hum := o.Partner("Humanitas Testafdeling", gm)
	a := o.post(basis(gm)+"/nieuw", "consulent", url.Values{"bsn": {bsnVan(o.recs[0])}, "kanaal": {"balie"}, "route": {"schuldhulp"}, "datum": {"2026-03-09"}, "tijd": {"08:00"}})
	if a.Status != http.StatusSeeOther {
		t.Fatalf("nieuw: %d", a.Status)
	}
	zaak := strings.Split(a.Loc, "?")[0]
	stuur := func(pad string, f url.Values, want int) webtest.Antwoord {
		t.Helper()
		f.Set("versie", eerste(t, versieRe, o.get(zaak, "consulent").Body))
		a := o.post(zaak+pad, "consulent", f)
		if a.Status != want {
			t.Fatalf("%s: %d, want %d: %s", pad, a.Status, want, a.Body)
		}
		return a
	}
	stuur("/eerste-gesprek", url.Values{"gesprek-datum": {"2026-03-09"}}, http.StatusSeeOther)
	stuur("/besluit", url.Values{"besluit-soort": {"plan"}, "besluit-datum": {"2026-03-09"}}, http.StatusSeeOther)
	stuur("/afronden", url.Values{"afrond-datum": {"2026-03-09"}}, http.StatusSeeOther)
	stuur("/nazorg", url.Values{"nazorg-partner": {hum}, "nazorg-start": {"2026-03-09"}, "moment-datum": {"2026-04-09"}, "moment-onderwerp": {"Hoe gaat het?"}}, http.StatusSeeOther)
	webtest.Bevat(t, o.get(zaak, "consulent"), "Nazorg vroegtijdig beëindigen", "Gepland.")
	stuur("/nazorg-einde", url.Values{"nazorg-einde": {"2026-03-09"}, "nazorg-einde-reden": {""}}, http.StatusUnprocessableEntity)
	stuur("/nazorg-einde", url.Values{"nazorg-einde": {"2026-03-10"}, "nazorg-einde-reden": {"Verhuisd"}}, http.StatusUnprocessableEntity)
	stuur("/nazorg-einde", url.Values{"nazorg-einde": {"2026-03-09"}, "nazorg-einde-reden": {"Inwoner wil geen nazorg meer."}}, http.StatusSeeOther)
	p := o.get(zaak, "consulent")
	webtest.Bevat(t, p, "Vervallen: de nazorg is eerder beëindigd.", "Vroegtijdig beëindigd: Inwoner wil geen nazorg meer.", "1 gepland contactmoment daarna vervalt.")
	if strings.Contains(p.Body, "Nazorg vroegtijdig beëindigen") {
		t.Error("formulier staat er nog na het einde")
	}
	stuur("/nazorg-einde", url.Values{"nazorg-einde": {"2026-03-09"}, "nazorg-einde-reden": {"Nog eens"}}, http.StatusConflict)
}
