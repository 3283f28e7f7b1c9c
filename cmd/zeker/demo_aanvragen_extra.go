package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
)

// The demo's applications beside those in every status (laadAanvragen): one the resident withdrew, one
// whose decision term stands still because a document was asked five days ago (its reference and code
// are logged, so whoever runs the demo can open the resident's status page at /aanvragen/status and see
// the suspension; the data are synthetic), and two made by the demo's Humanitas user for clients, so
// that user's list /beheer/{gemeente}/mijn-aanvragen has rows.

// demoAanvraagDagen is how many days ago the application with a hersteltermijn came in and its
// document was asked.
const demoAanvraagDagen = 5

// demoAanvragenExtra makes those applications from the households recs (not used for other
// applications). It returns how many it made.
func demoAanvragenExtra(ctx context.Context, d *diensten, svc *aanvragen.Service, gm string, recs []*register.Record, door aanvragen.Medewerker, log *slog.Logger) int {
	gemaakt := 0
	volgende := func() *register.Record {
		if len(recs) == 0 {
			return nil
		}
		r := recs[0]
		recs = recs[1:]
		return r
	}
	warn := func(wat string, err error) bool {
		if err != nil {
			log.Warn("demo: aanvraag "+wat+" overgeslagen", "gemeente", gm, "fout", err)
		}
		return err != nil
	}

	// 1. Withdrawn by the resident with the code of the application, before any decision.
	for rec := volgende(); rec != nil; rec = volgende() {
		a, err := demoStartAanvraag(svc, ctx, gm, "ingetrokken", rec, nil, false)
		if err != nil {
			continue
		}
		if _, err := svc.TrekIn(ctx, a.Referentie, a.Code); !warn("intrekken", err) {
			gemaakt++
			log.Info("demo: aanvraag ingetrokken door de inwoner", "gemeente", gm, "aanvraag", a.ID)
		}
		break
	}

	// 2. A hersteltermijn: received and a document asked five days ago (a service whose clock stands
	// then), not yet sent; the decision term stands still.
	eerder := time.Now().AddDate(0, 0, -demoAanvraagDagen)
	oud, err := aanvragen.New(aanvragen.Config{DB: d.db, Audit: d.audit, Catalogus: d.cat, Klok: func() time.Time { return eerder }})
	if !warn("hersteltermijn", err) {
		for rec := volgende(); rec != nil; rec = volgende() {
			a, err := demoStartAanvraag(oud, ctx, gm, "hersteltermijn", rec, nil, false)
			if err != nil {
				continue
			}
			x, err := oud.Aanvraag(ctx, gm, a.ID)
			if err == nil {
				err = oud.VraagDocument(ctx, gm, a.ID, x.Versie, aanvragen.DocInkomen, "Uw loonstroken van de laatste drie maanden",
					oud.Vandaag().PlusDagen(14), door)
			}
			if !warn("hersteltermijn", err) {
				gemaakt++
				// Synthetic data: the code is printed like the demo's passwords, so the status page can be tried.
				log.Info("demo: aanvraag met hersteltermijn (status: /aanvragen/status)", "gemeente", gm, "aanvraag", a.ID,
					"referentie", a.Referentie, "code", a.Code)
			}
			break
		}
	}

	// 3. Two applications by the demo's Humanitas user for clients (the gemeenten where it has a user).
	hum, err := d.auth.GebruikerOpEmail(ctx, "humanitas."+strings.ToLower(gm)+"@"+auth.DemoDomein)
	if err != nil {
		return gemaakt // no Humanitas user in this gemeente (Borger-Odoorn's plan does not name Humanitas)
	}
	im := &aanvragen.Intermediair{Naam: hum.Naam, Organisatie: "Humanitas", GebruikerID: hum.ID, PartnerID: demoHumanitas, Toestemming: time.Now()}
	n := 0
	for rec := volgende(); rec != nil && n < 2; rec = volgende() {
		a, err := demoStartAanvraag(svc, ctx, gm, fmt.Sprintf("intermediair-%d", n), rec, im, true)
		if err != nil {
			continue
		}
		if n == 1 { // the second waits for a document, so the list shows what is missing
			x, err := svc.Aanvraag(ctx, gm, a.ID)
			if err == nil {
				err = svc.VraagDocument(ctx, gm, a.ID, x.Versie, aanvragen.DocBeschikking, "De beschikking van de uitkering van uw cliënt",
					svc.Vandaag().PlusDagen(14), door)
			}
			warn("intermediair", err)
		}
		n++
	}
	if n > 0 {
		log.Info("demo: aanvragen van intermediair", "gemeente", gm, "aanvragen", n)
	}
	return gemaakt + n
}

// demoStartAanvraag starts an application of household rec for up to three regelingen it has a right
// to, with the documents they need; through intermediary im when set.
func demoStartAanvraag(svc *aanvragen.Service, ctx context.Context, gm, soort string, rec *register.Record, im *aanvragen.Intermediair, via bool) (*aanvragen.Aangemaakt, error) {
	h := rec.H
	h.Gemeente = gm
	keuzes := svc.Keuzes
	if via {
		keuzes = svc.KeuzesViaIntermediair
	}
	ks, err := keuzes(&h, "nl")
	if err != nil {
		return nil, err
	}
	if len(ks) == 0 {
		return nil, fmt.Errorf("geen regeling om aan te vragen")
	}
	var ids []string
	var uit []regels.Uitkomst
	for _, k := range ks[:min(3, len(ks))] {
		ids = append(ids, k.ID)
		uit = append(uit, k.Uitkomst)
	}
	var bestanden []aanvragen.Bestand
	for _, n := range aanvragen.NodigVoor(uit) {
		bestanden = append(bestanden, aanvragen.Bestand{Naam: string(n.Soort) + ".pdf", Soort: string(n.Soort), Inhoud: demoPDF(n.Soort.Naam())})
	}
	bestanden = bestanden[:min(len(bestanden), aanvragen.MaxPerVerzoek)]
	a, err := svc.Start(ctx, aanvragen.NieuweAanvraag{Gemeente: gm, Formulier: fmt.Sprintf("demo-%s-%s-%s", gm, soort, rec.ID), Huishouden: &h,
		Antwoorden: []aanvragen.Antwoord{{Vraag: "Woonplaats", Antwoord: h.Woonplaats}}, Regelingen: ids, Bestanden: bestanden, Intermediair: im})
	if err != nil {
		return nil, err
	}
	if a.Bestond {
		return nil, fmt.Errorf("aanvraag bestond al")
	}
	return a, nil
}
