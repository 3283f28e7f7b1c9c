package main

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// TestEigenLijstIntermediair: a logged-in intermediary's own list of the applications made for clients.
// Partner users see their partner organisation's applications (their own and a colleague's), never another
// partner's; an intermediary without a partner link sees only their own; probing another's application
// by its id is 404, as one that does not exist. The list shows the status, the missing documents and the
// decision date.
func TestEigenLijstIntermediair(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		c := audit.WithActor(t.Context(), audit.Actor{Soort: audit.ActorSysteem, ID: "test", Naam: "test"})
		medewerker := func(email, naam, partnerID string) auth.Gebruiker {
			t.Helper()
			code, u, err := o.Auth.NodigUit(c, auth.NieuweUitnodiging{Gemeente: eigen, Email: email, Naam: naam, Rol: auth.Intermediair})
			if err != nil {
				t.Fatal(err)
			}
			if err := o.Partners.KoppelUitnodiging(c, u.ID, partnerID, eigen); err != nil {
				t.Fatal(err)
			}
			g, _, _, err := o.Auth.Aanvaard(c, auth.Aanvaarden{Email: email, Code: code, Wachtwoord: webtest.Wachtwoord, IP: "192.0.2.7"})
			if err != nil {
				t.Fatal(err)
			}
			return g
		}
		p1, p2 := o.Partner("Humanitas Testdorp", eigen), o.Partner("Schuldhulpmaatje Testdorp", eigen)
		u1 := medewerker("fatima@humanitas.test", "Fatima Bakker", p1)
		u2 := medewerker("joost@humanitas.test", "Joost de Wit", p1)
		u3 := medewerker("sanne@maatje.test", "Sanne Visser", p2)
		los := o.IDs["intermediair"] // webtest's intermediair: no partner link

		svc, err := aanvragen.New(aanvragen.Config{DB: db, Audit: o.Audit, Catalogus: webtest.Catalogus(t), Klok: func() time.Time { return webtest.Nu }})
		if err != nil {
			t.Fatal(err)
		}
		recs := importeerRegister(t, db, eigen, 4)
		codes := map[int64][2]string{}
		maak := func(i int, gebruiker int64, partnerID, naam string) int64 {
			t.Helper()
			h := recs[i].H
			h.Gemeente = eigen
			a, err := svc.Start(c, aanvragen.NieuweAanvraag{Gemeente: eigen, Formulier: fmt.Sprintf("formulier-eigen-lijst-%04d", i), Huishouden: &h,
				Regelingen: []string{"bijzondere_bijstand"}, Taal: "nl",
				Intermediair: &aanvragen.Intermediair{Naam: naam, Organisatie: "typed", GebruikerID: gebruiker, PartnerID: partnerID, Toestemming: webtest.Nu}})
			if err != nil {
				t.Fatal(err)
			}
			codes[a.ID] = [2]string{a.Referentie, a.Code}
			return a.ID
		}
		a1 := maak(0, u1.ID, p1, "Fatima Bakker")
		a2 := maak(1, u2.ID, p1, "Joost de Wit")
		a3 := maak(2, u3.ID, p2, "Sanne Visser")
		a4 := maak(3, los, "", "Los Intermediair")
		ref := func(id int64) string {
			var r string
			if err := db.SQL().QueryRowContext(t.Context(), `SELECT referentie FROM aanvragen_aanvraag WHERE id = $1`, id).Scan(&r); err != nil {
				t.Fatal(err)
			}
			return r
		}
		if _, _, err := svc.Eigen(c, eigen, aanvragen.Indiener{Partner: p1}, 0, 50); err != nil {
			t.Fatal(err)
		}
		basis := "/beheer/" + eigen + "/mijn-aanvragen"
		cases := []struct {
			naam, sessie string
			ziet, niet   []int64
		}{
			{"partner user", o.Sessie("fatima@humanitas.test"), []int64{a1, a2}, []int64{a3, a4}},
			{"other partner", o.Sessie("sanne@maatje.test"), []int64{a3}, []int64{a1, a2, a4}},
			{"no partner", o.SessieAls("intermediair"), []int64{a4}, []int64{a1, a2, a3}},
		}
		for _, tc := range cases {
			l := o.doe(http.MethodGet, basis, tc.sessie, nil, nil)
			if l.Status != http.StatusOK {
				t.Fatalf("%s: list %d %s", tc.naam, l.Status, l.Body)
			}
			for _, id := range tc.ziet {
				if !strings.Contains(l.Body, ref(id)) {
					t.Errorf("%s: list lacks %s", tc.naam, ref(id))
				}
				d := o.doe(http.MethodGet, basis+"/"+strconv.FormatInt(id, 10), tc.sessie, nil, nil)
				if d.Status != http.StatusOK || !strings.Contains(d.Body, ref(id)) || !strings.Contains(d.Body, "Besloten op") {
					t.Errorf("%s: application %d: %d", tc.naam, id, d.Status)
				}
			}
			for _, id := range tc.niet {
				if strings.Contains(l.Body, ref(id)) {
					t.Errorf("%s: list shows another's %s", tc.naam, ref(id))
				}
				if d := o.doe(http.MethodGet, basis+"/"+strconv.FormatInt(id, 10), tc.sessie, nil, nil); d.Status != http.StatusNotFound {
					t.Errorf("%s: another's application %d: %d, want 404", tc.naam, id, d.Status)
				}
			}
		}
		// The status, a missing document and the decision date follow the case worker's work.
		cw := aanvragen.Medewerker{Naam: "Consulent Test"}
		d, err := svc.Aanvraag(c, eigen, a2)
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.VraagDocument(c, eigen, a2, d.Versie, aanvragen.DocSoort("vermogen"), "Bankafschrift", datum.Nieuw(2026, 1, 29), cw); err != nil {
			t.Fatal(err)
		}
		// The client sends what the engine asked at the start, with the code.
		in, err := svc.Inzien(c, codes[a1][0], codes[a1][1])
		if err != nil {
			t.Fatal(err)
		}
		for _, soort := range in.Ontbreekt {
			if _, err := svc.StuurNa(c, codes[a1][0], codes[a1][1], []aanvragen.Bestand{{Naam: "bewijs.pdf", Soort: string(soort), Inhoud: []byte("%PDF-1.4\nbewijs")}}); err != nil {
				t.Fatal(err)
			}
		}
		d, _ = svc.Aanvraag(c, eigen, a1)
		if err := svc.Koppel(c, eigen, a1, d.Versie, recs[0].BSN[0], cw); err != nil {
			t.Fatal(err)
		}
		d, _ = svc.Aanvraag(c, eigen, a1)
		if _, err := svc.Beslis(c, eigen, a1, d.Versie, []aanvragen.BesluitInvoer{{Regeling: "bijzondere_bijstand", Soort: aanvragen.Afwijzen,
			Motivering: "U krijgt geen bijzondere bijstand, omdat u geen kosten liet zien."}}, cw, brief.Afzender{Naam: "Gemeente Test"}); err != nil {
			t.Fatal(err)
		}
		fatima := o.Sessie("fatima@humanitas.test")
		l := o.doe(http.MethodGet, basis, fatima, nil, nil)
		rij := func(id int64) string {
			i := strings.Index(l.Body, ref(id))
			j := strings.Index(l.Body[i:], "</tr>")
			return l.Body[i : i+j]
		}
		if r := rij(a1); !strings.Contains(r, "Besloten") || !strings.Contains(r, "15 januari 2026") {
			t.Errorf("decided row: %s", r)
		}
		if r := rij(a2); !strings.Contains(r, aanvragen.DocSoort("vermogen").Naam()) || !strings.Contains(r, "Document ontbreekt") {
			t.Errorf("row with a missing document: %s", r)
		}
		e := o.doe(http.MethodGet, basis+"/"+strconv.FormatInt(a1, 10), fatima, nil, nil)
		if !strings.Contains(e.Body, "Afgewezen") || !strings.Contains(e.Body, "15 januari 2026") {
			t.Errorf("decided application page lacks the decision or its date: %s", e.Body)
		}
	})
}
