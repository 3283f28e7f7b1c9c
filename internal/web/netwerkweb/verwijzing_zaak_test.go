package netwerkweb_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/netwerkweb"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// nepZaken stands in for zaken in the composition root: one zaak per referral, numbered from 100.
type nepZaken struct {
	mu      sync.Mutex
	zaken   map[string]int64 // gemeente/verwijzing → zaak
	start   map[int64]time.Time
	partner map[int64]string
	mag     bool
}

func (n *nepZaken) bronnen() netwerkweb.Bronnen {
	return netwerkweb.Bronnen{
		URL: func(gm string, b netwerk.Bron, id int64) string {
			return "/beheer/" + gm + "/" + string(b) + "/" + strconv.FormatInt(id, 10)
		},
		ZaakBij: func(_ context.Context, gm string, v int64) (int64, bool, error) {
			n.mu.Lock()
			defer n.mu.Unlock()
			id, ok := n.zaken[fmt.Sprint(gm, "/", v)]
			return id, ok, nil
		},
		MagZaakStarten: func(*http.Request, string) bool { n.mu.Lock(); defer n.mu.Unlock(); return n.mag },
		StartZaak: func(_ *http.Request, gm string, v netwerk.Verwijzing, naam string) (int64, error) {
			n.mu.Lock()
			defer n.mu.Unlock()
			k := fmt.Sprint(gm, "/", v.ID)
			if id, ok := n.zaken[k]; ok {
				return id, fmt.Errorf("%w: al zaak %d", errs.Conflict, id)
			}
			id := int64(100 + len(n.zaken))
			n.zaken[k], n.start[id], n.partner[id] = id, v.Aangemaakt, naam
			return id, nil
		},
	}
}

// TestVerwijzingZaakStarten: a referral to the gemeente shows the case worker with zaken.behandelen the
// button "Zaak schuldhulp starten"; the click starts the zaak from the referral's receipt and goes to it;
// afterwards the page links "Zaak N" and a second click goes to the same zaak. A referral to a partner,
// another gemeente's referral and a partner's user get no zaak.
func TestVerwijzingZaakStarten(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		nz := &nepZaken{zaken: map[string]int64{}, start: map[int64]time.Time{}, partner: map[int64]string{}, mag: true}
		o := nieuweOmgevingMet(t, db, nz.bronnen())
		hum := o.Partner("Humanitas", eigen, ander)
		cons := o.SessieAls("consulent")
		humC := o.partnerGebruiker(t, hum, eigen, "hum@humanitas.test")
		basis := "/beheer/" + eigen + "/verwijzingen"
		naarGemeente := url.Values{"bron": {"partner"}, "naam": {"K. Jansen"}, "email": {"k.jansen@voorbeeld.test"}, "behoefte": {"schuldhulp"},
			"vraag": {"Betalingsachterstanden, wil hulp."}, "toestemming_wat": {"naam, e-mail en vraag"}, "toestemming_op": {"15-1-2026"}}
		pad := strings.TrimSuffix(o.post(t, basis+"/nieuw", humC, naarGemeente, 303).Loc, "?klaar=verwezen")
		vid, _ := strconv.ParseInt(strings.TrimPrefix(pad, basis+"/"), 10, 64)

		// The partner's user sees no button and may not start a zaak.
		if a := o.get(t, pad, humC, 200); strings.Contains(a.Body, "Zaak schuldhulp starten") {
			t.Error("de partner ziet de knop")
		}
		if a := o.Doe("POST", pad+"/zaak", humC, url.Values{}, nil); a.Status != http.StatusForbidden {
			t.Errorf("partner start een zaak: status %d", a.Status)
		}
		// Without the hook's permission: no button, 403.
		nz.mag = false
		if a := o.get(t, pad, cons, 200); strings.Contains(a.Body, "Zaak schuldhulp starten") {
			t.Error("knop zonder zaken.behandelen")
		}
		o.post(t, pad+"/zaak", cons, url.Values{}, 403)
		nz.mag = true
		webtest.Bevat(t, o.get(t, pad, cons, 200), "Schuldhulp starten", `action="`+pad+`/zaak"`, "Zaak schuldhulp starten")

		// The click: the zaak from the referral, then to its page.
		a := o.post(t, pad+"/zaak", cons, url.Values{}, 303)
		if a.Loc != "/beheer/"+eigen+"/zaak/100" {
			t.Fatalf("na starten naar %q", a.Loc)
		}
		v, _, err := o.net.Verwijzing(ctx(t), eigen, vid, netwerk.Kijker{Gemeente: true})
		if err != nil {
			t.Fatal(err)
		}
		if !nz.start[100].Equal(v.Aangemaakt) || nz.partner[100] != "Humanitas" {
			t.Errorf("zaak gestart met ontvangst %s partner %q, want %s Humanitas", nz.start[100], nz.partner[100], v.Aangemaakt)
		}
		// The page links to the zaak; a second click goes to the same zaak.
		a = o.get(t, pad, cons, 200)
		webtest.Bevat(t, a, `href="/beheer/`+eigen+`/zaak/100">Zaak 100</a>`)
		if strings.Contains(a.Body, "Zaak schuldhulp starten") {
			t.Error("knop naast de bestaande zaak")
		}
		if a := o.post(t, pad+"/zaak", cons, url.Values{}, 303); a.Loc != "/beheer/"+eigen+"/zaak/100" || len(nz.zaken) != 1 {
			t.Errorf("tweede klik naar %q, %d zaken", a.Loc, len(nz.zaken))
		}

		// A referral to a partner starts no zaak: no button, 404.
		naarPartner := strings.TrimSuffix(o.post(t, basis+"/nieuw", cons, verwijzingForm(hum), 303).Loc, "?klaar=verwezen")
		if a := o.get(t, naarPartner, cons, 200); strings.Contains(a.Body, "Zaak schuldhulp starten") {
			t.Error("knop bij een verwijzing naar een partner")
		}
		o.post(t, naarPartner+"/zaak", cons, url.Values{}, 404)
		// Another gemeente's referral does not exist here.
		humA := o.partnerGebruiker(t, hum, ander, "hum-ander@humanitas.test")
		andere := o.post(t, "/beheer/"+ander+"/verwijzingen/nieuw", humA, naarGemeente, 303).Loc
		andere = strings.TrimSuffix(strings.TrimPrefix(andere, "/beheer/"+ander+"/verwijzingen/"), "?klaar=verwezen")
		o.post(t, basis+"/"+andere+"/zaak", cons, url.Values{}, 404)
		o.post(t, basis+"/999999/zaak", cons, url.Values{}, 404)
		// Withdrawn consent: no zaak from it.
		pad3 := strings.TrimSuffix(o.post(t, basis+"/nieuw", humC, naarGemeente, 303).Loc, "?klaar=verwezen")
		o.post(t, pad3+"/intrekken", humC, url.Values{}, 303)
		if a := o.get(t, pad3, cons, 200); strings.Contains(a.Body, "Zaak schuldhulp starten") {
			t.Error("knop na ingetrokken toestemming")
		}
		o.post(t, pad3+"/zaak", cons, url.Values{}, 409)
		if len(nz.zaken) != 1 {
			t.Errorf("%d zaken, want 1", len(nz.zaken))
		}
	})
}
