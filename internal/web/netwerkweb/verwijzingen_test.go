package netwerkweb_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// partnerGebruiker invites email as a user of partner p in gm (the invitation of a beheerder, linked
// to the partner), redeems it and returns a session.
func (o *omgeving) partnerGebruiker(t *testing.T, p, gm, email string) string {
	t.Helper()
	code, u, err := o.Auth.NodigUit(ctx(t), auth.NieuweUitnodiging{Gemeente: gm, Email: email, Naam: "Medewerker " + email, Rol: auth.Intermediair})
	if err != nil {
		t.Fatal(err)
	}
	if err := o.Partners.KoppelUitnodiging(ctx(t), u.ID, p, gm); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := o.Auth.Aanvaard(ctx(t), auth.Aanvaarden{Email: email, Code: code, Wachtwoord: webtest.Wachtwoord, IP: "192.0.2.9"}); err != nil {
		t.Fatal(err)
	}
	return o.Sessie(email)
}

func verwijzingForm(partnerID string) url.Values {
	return url.Values{"zaak": {"5"}, "partner": {partnerID}, "naam": {"J. de Vries"}, "telefoon": {"0612345678"},
		"behoefte": {"schuldhulp"}, "vraag": {"Wil hulp bij het ordenen van de post."}, "grondslag": {"toestemming"},
		"toestemming_wat": {"naam, telefoon en vraag"}, "toestemming_op": {"14-1-2026"},
		"contact_dag": {"20-1-2026"}, "contact_tijd": {"10:30"}, "contact_waar": {"Bij de inwoner thuis"}}
}

// TestVerwijzingKringloopWeb walks the "done when": a case worker refers a household to
// Humanitas with consent, the Humanitas user sees it, accepts and reports back, the case worker sees the
// status; another partner's user probing the id gets 404 and sees nothing in its list; a withdrawn
// consent hides the data from Humanitas; the Humanitas user sees nothing in another gemeente; a
// partner user refers to the gemeente; an intermediary of no partner sees no referral.
func TestVerwijzingKringloopWeb(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		hum := o.Partner("Humanitas", eigen, ander)
		ve := o.Partner("Voor Elkaar", eigen)
		cons := o.SessieAls("consulent")
		humC := o.partnerGebruiker(t, hum, eigen, "hum@humanitas.test")
		veC := o.partnerGebruiker(t, ve, eigen, "ve@voorelkaar.test")
		basis := "/beheer/" + eigen + "/verwijzingen"

		a := o.get(t, basis+"/nieuw?zaak=5", cons, 200)
		webtest.Bevat(t, a, "Verwijzen naar een partner", "Humanitas", "Voor Elkaar")
		fout := verwijzingForm(hum)
		fout.Set("naam", "")
		fout.Set("toestemming_op", "1-1-2030")
		a = o.post(t, basis+"/nieuw", cons, fout, 422)
		webtest.Bevat(t, a, "Vul de naam van de inwoner in.", "De datum van de toestemming ligt in de toekomst.")
		a = o.post(t, basis+"/nieuw", cons, verwijzingForm(hum), 303)
		if !strings.HasPrefix(a.Loc, basis+"/") {
			t.Fatalf("na versturen naar %q", a.Loc)
		}
		pad := strings.TrimSuffix(a.Loc, "?klaar=verwezen")

		// Humanitas sees it and answers.
		a = o.get(t, basis, humC, 200)
		webtest.Bevat(t, a, "J. de Vries", "Gemeente → Humanitas", "Verstuurd, nog geen antwoord")
		a = o.get(t, pad, humC, 200)
		webtest.Bevat(t, a, "J. de Vries", "Wil hulp bij het ordenen van de post.", "Toestemming van de inwoner", "Bij de inwoner thuis", "Antwoord geven")
		o.post(t, pad+"/antwoord", humC, url.Values{"status": {"afgewezen"}}, 422)
		for _, st := range []string{"geaccepteerd", "contact_gelegd", "hulp_gestart"} {
			o.post(t, pad+"/antwoord", humC, url.Values{"status": {st}, "toelichting": {"Eerste gesprek gehad."}}, 303)
		}
		// The sender cannot answer its own referral.
		o.post(t, pad+"/antwoord", cons, url.Values{"status": {"afgerond"}}, 403)

		// Another partner's user: 404 for the id, nothing in its list.
		o.get(t, pad, veC, 404)
		o.post(t, pad+"/antwoord", veC, url.Values{"status": {"afgerond"}}, 404)
		o.post(t, pad+"/intrekken", veC, url.Values{}, 404)
		if a := o.get(t, basis, veC, 200); strings.Contains(a.Body, "J. de Vries") || strings.Contains(a.Body, pad) {
			t.Error("Voor Elkaar ziet de verwijzing naar Humanitas")
		}
		// Humanitas has no role in the other gemeente.
		if a := o.Doe("GET", "/beheer/"+ander+"/verwijzingen", humC, nil, nil); a.Status != 403 {
			t.Errorf("Humanitas in %s: status %d", ander, a.Status)
		}
		// The intermediary of no partner sees nothing.
		inter := o.SessieAls("intermediair")
		webtest.Bevat(t, o.get(t, basis, inter, 200), "Je account hoort niet bij een partner")
		o.get(t, pad, inter, 404)

		// The case worker sees the status.
		a = o.get(t, pad, cons, 200)
		webtest.Bevat(t, a, "Hulp gestart", "Eerste gesprek gehad.", "Medewerker hum@humanitas.test", "Toestemming is ingetrokken")
		webtest.Bevat(t, o.get(t, basis+"?zaak=5", cons, 200), "J. de Vries", "Hulp gestart")
		if a := o.get(t, basis+"?zaak=6", cons, 200); strings.Contains(a.Body, "J. de Vries") {
			t.Error("de lijst van zaak 6 toont de verwijzing van zaak 5")
		}

		// Withdrawn consent hides the data from Humanitas.
		o.post(t, pad+"/intrekken", humC, url.Values{}, 403)
		o.post(t, pad+"/intrekken", cons, url.Values{}, 303)
		a = o.get(t, pad, humC, 200)
		webtest.Bevat(t, a, "De inwoner heeft de toestemming ingetrokken")
		if strings.Contains(a.Body, "J. de Vries") || strings.Contains(a.Body, "ordenen van de post") || strings.Contains(a.Body, "0612345678") {
			t.Error("Humanitas ziet na intrekken nog gegevens van de inwoner")
		}
		if a := o.get(t, basis, humC, 200); strings.Contains(a.Body, "J. de Vries") {
			t.Error("de lijst van Humanitas toont na intrekken de naam")
		}
		webtest.Bevat(t, o.get(t, pad, cons, 200), "J. de Vries", "Ingetrokken op")

		// A partner user refers a resident to the gemeente (only with consent).
		webtest.Bevat(t, o.get(t, basis+"/nieuw", humC, 200), "Een inwoner naar de gemeente verwijzen")
		terug := url.Values{"bron": {"check"}, "naam": {"K. Jansen"}, "email": {"k.jansen@voorbeeld.test"}, "behoefte": {"kinderen"},
			"vraag": {"Check gedaan: recht op kindpakket, hulp bij aanvragen gewenst."}, "toestemming_wat": {"naam, e-mail en vraag"},
			"toestemming_op": {"15-1-2026"}}
		a = o.post(t, basis+"/nieuw", humC, terug, 303)
		pad2 := strings.TrimSuffix(a.Loc, "?klaar=verwezen")
		webtest.Bevat(t, o.get(t, pad2, cons, 200), "Humanitas → gemeente", "K. Jansen", "Antwoord geven")
		o.post(t, pad2+"/antwoord", cons, url.Values{"status": {"afgewezen"}, "toelichting": {"Al bekend bij de gemeente."}}, 303)
		webtest.Bevat(t, o.get(t, pad2, humC, 200), "Afgewezen", "Al bekend bij de gemeente.")
		o.get(t, pad2, veC, 404)
		// A case worker needs a zaak to refer from.
		o.get(t, basis+"/nieuw", cons, 404)
	})
}

func TestVerwijzingInstelling(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		beh := o.SessieAls("beheerder")
		pad := "/beheer/" + eigen + "/verwijzingen/instellingen"
		webtest.Bevat(t, o.post(t, pad, beh, url.Values{"werkdagen": {"0"}}, 422), "Kies een aantal werkdagen van 1 tot en met 60.")
		webtest.Bevat(t, o.post(t, pad, beh, url.Values{"werkdagen": {"vijf"}}, 422), "Vul een aantal werkdagen in met cijfers")
		o.post(t, pad, beh, url.Values{"werkdagen": {"5"}}, 303)
		if n, err := o.net.AntwoordWerkdagen(t.Context(), eigen); err != nil || n != 5 {
			t.Errorf("werkdagen %d, %v", n, err)
		}
		if n, _ := o.net.AntwoordWerkdagen(t.Context(), ander); n != 0 {
			t.Errorf("de andere gemeente kreeg de instelling: %d", n)
		}
	})
}

// TestVerwijzingUitCheck: the link on the check's hand-over sheet (web.VerwijzingUitCheckURL) opens a
// partner user's referral form with source "check" and the question prefilled, and stores nothing; a
// question longer than the limit is cut; a case worker gets the form's 404 (a referral to a partner
// starts at a zaak).
func TestVerwijzingUitCheck(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweOmgeving(t, db)
		hum := o.Partner("Humanitas", eigen)
		humC := o.partnerGebruiker(t, hum, eigen, "hum@humanitas.test")
		vraag := "Uit de check van Zeker. Waarschijnlijk aan te vragen: Kindpakket, Huurtoeslag."
		a := o.get(t, web.VerwijzingUitCheckURL(eigen, vraag), humC, 200)
		webtest.Bevat(t, a, "Een inwoner naar de gemeente verwijzen", ">"+vraag+"</textarea>")
		if !regexp.MustCompile(`<input[^>]*value="check"[^>]*checked`).MatchString(a.Body) {
			t.Error("source \"check\" is not chosen")
		}
		if a := o.get(t, "/beheer/"+eigen+"/verwijzingen", humC, 200); strings.Contains(a.Body, "Kindpakket") || strings.Contains(a.Body, "/verwijzingen/1") {
			t.Error("opening the prefilled form stored a referral")
		}
		lang := o.get(t, web.VerwijzingUitCheckURL(eigen, strings.Repeat("é", netwerk.MaxTekst+50)), humC, 200)
		if !strings.Contains(lang.Body, ">"+strings.Repeat("é", netwerk.MaxTekst)+"</textarea>") {
			t.Error("a question over the limit is not cut to it")
		}
		o.get(t, web.VerwijzingUitCheckURL(eigen, vraag), o.SessieAls("consulent"), 404)
	})
}
