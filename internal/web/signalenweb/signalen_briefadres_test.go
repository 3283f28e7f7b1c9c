package signalenweb

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
)

// The list of briefadressen on the settings page: field errors at their field (the settings form stays),
// a beheerder adds and removes with an audit row each, a consulent may not, and signals of two people
// at a listed address become two zaken that say "Briefadres: niet op adres gegroepeerd".
func TestSignalenBriefadressen(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweSigOmgeving(t, db)
		pad := "/beheer/" + sigGM + "/signalen/instellingen"
		lijst := "/beheer/" + sigGM + "/signalen/briefadressen"
		heeft(t, o.get(pad, "beheerder"), "De lijst van de gemeente is nog leeg.", "In de huishoudgegevens staat geen briefadres.", `action="`+lijst+`"`)
		// The register's briefadressen are listed beside the gemeente's own (read-only).
		csv := "huishouden_id,gemeente,postcode,aanvrager_geboortedatum,huisnummer,toevoeging,briefadres\n" +
			"B1," + sigGM + ",9999ZZ,1980-01-01,1,,ja\nB2," + sigGM + ",9999ZZ,1981-01-01,1,,ja\nW1," + sigGM + ",8011AA,1970-01-01,1,,nee\n"
		if _, err := register.Importeer(t.Context(), db, strings.NewReader(csv), register.ImportOpties{Gemeente: sigGM, Formaat: "csv", Datum: sigNu}); err != nil {
			t.Fatal(err)
		}
		heeft(t, o.get(pad, "beheerder"), "Briefadressen in de huishoudgegevens", "<th scope=\"row\" class=\"utrecht-table__header-cell\">9999ZZ 1</th>")

		a := o.post(lijst, "beheerder", url.Values{"brief-postcode": {"12"}, "brief-huisnummer": {"een"}, "brief-toevoeging": {"ABCDE"}})
		if a.Status != http.StatusUnprocessableEntity {
			t.Fatalf("invalid briefadres: status %d", a.Status)
		}
		heeft(t, a, `href="#brief-postcode"`, `href="#brief-huisnummer"`, `href="#brief-toevoeging"`, `href="#brief-naam"`, `href="#brief-bron"`,
			"De postcode klopt niet.", "Vul het huisnummer in", `name="brief-postcode" value="12"`, `name="brief-huisnummer" value="een"`,
			`name="maxinwoners" value="10"`, `aria-invalid="true"`)
		if a := o.post(lijst, "consulent", url.Values{"brief-postcode": {"8011AA"}, "brief-huisnummer": {"20"}, "brief-naam": {"Opvang"}, "brief-bron": {"x"}}); a.Status != http.StatusForbidden {
			t.Errorf("consulent: status %d, want 403", a.Status)
		}
		goed := url.Values{"brief-postcode": {"8011 aa"}, "brief-huisnummer": {"20"}, "brief-naam": {"Opvang De Haven"}, "brief-bron": {"opvanginstelling"}}
		if a := o.post(lijst, "beheerder", goed); a.Status != http.StatusSeeOther || a.Loc != pad+"?klaar=briefadres" {
			t.Fatalf("add: status %d → %q: %s", a.Status, a.Loc, a.Body)
		}
		heeft(t, o.get(pad+"?klaar=briefadres", "beheerder"), "Het briefadres staat in de lijst.", "8011AA 20", "Opvang De Haven", "opvanginstelling",
			`name="postcode" value="8011AA"`)
		if a := o.post(lijst, "beheerder", goed); a.Status != http.StatusUnprocessableEntity || !strings.Contains(a.Body, "Dit adres staat al in de lijst") {
			t.Errorf("twice: status %d", a.Status)
		}

		// Two unrelated people at the listed address: two zaken, both marked.
		s1 := sigSignaal("B1", signalen.PartnerHuur, 300, 0)
		s2 := sigSignaal("B2", signalen.PartnerEnergie, 200, 1)
		for i, s := range []*signalen.Signaal{&s1, &s2} {
			s.Inwoner.BSN, s.Inwoner.Adres.Huisnummer = "", 20
			s.Inwoner.Geboortedatum = datum.Nieuw(1980+i, 1, 1)
		}
		res := o.lever(sigGM, "woonco", s1, s2)
		if res.NieuweZaken != 2 {
			t.Fatalf("two people at a briefadres: %d zaken, want 2", res.NieuweZaken)
		}
		for _, id := range o.zaken(sigGM) {
			heeft(t, o.get(zaakURL(sigGM, id), "consulent"), "Briefadres: niet op adres gegroepeerd", "gekoppeld niet gevonden in de basisregistratie. Briefadres")
		}

		verwijder := url.Values{"postcode": {"8011AA"}, "huisnummer": {"20"}, "toevoeging": {""}}
		if a := o.post(lijst+"/verwijder", "beheerder", verwijder); a.Status != http.StatusSeeOther || a.Loc != pad+"?klaar=briefadres-weg" {
			t.Fatalf("remove: status %d → %q", a.Status, a.Loc)
		}
		heeft(t, o.get(pad, "beheerder"), "De lijst van de gemeente is nog leeg.")
		if a := o.post(lijst+"/verwijder", "beheerder", verwijder); a.Status != http.StatusNotFound {
			t.Errorf("remove twice: status %d, want 404", a.Status)
		}
		// A house number no list can hold (beyond PostgreSQL's integer): refused like a non-number, never a 500.
		for _, nr := range []string{"3000000000", "0", "-1"} {
			if a := o.post(lijst+"/verwijder", "beheerder", url.Values{"postcode": {"8011AA"}, "huisnummer": {nr}}); a.Status != http.StatusBadRequest {
				t.Errorf("remove huisnummer %s: status %d, want 400", nr, a.Status)
			}
		}
		rijen, err := o.Audit.Zoek(context.Background(), audit.Filter{Gemeente: sigGM, Limiet: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var toe, weg int
		for _, r := range rijen {
			if r.Actor.ID != "" && r.Actor.ID == itoa64(o.id["beheerder"]) {
				switch r.Operatie {
				case "vroegsignalering.briefadres.toevoegen":
					toe++
				case "vroegsignalering.briefadres.verwijderen":
					weg++
				}
			}
		}
		if toe != 1 || weg != 1 {
			t.Errorf("audit by the beheerder: %d added, %d removed; want 1 and 1", toe, weg)
		}
	})
}
