package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// demoPDF is a synthetic document: a PDF header and a line that says what it stands for.
func demoPDF(wat string) []byte {
	return []byte("%PDF-1.4\n% Zeker demo, synthetisch: " + wat + "\n%%EOF\n")
}

// laadAanvragen makes applications in every status per gemeente from households of the register, the
// way a resident and a case worker would (through internal/aanvragen): new ones, ones waiting for a
// document, linked ones to decide, and decided ones with their letter; and a withdrawn one, one with
// a hersteltermijn and an intermediary's (demoAanvragenExtra). Once: a gemeente with
// applications keeps them. A failure is logged and skipped: the demo works without it.
func laadAanvragen(ctx context.Context, d *diensten, codes []string, accounts []auth.DemoAccount, log *slog.Logger) {
	svc, err := aanvragen.New(aanvragen.Config{DB: d.db, Audit: d.audit, Catalogus: d.cat})
	if err != nil {
		log.Warn("demo: geen aanvragen", "fout", err)
		return
	}
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "demo", Naam: "zeker demo"})
	gemeenten := tenant.Standaard()
	for _, gm := range codes {
		if _, n, err := svc.Inbox(ctx, gm, aanvragen.Filter{Limiet: 1}); err != nil || n > 0 {
			continue
		}
		if _, n, _ := svc.Inbox(ctx, gm, aanvragen.Filter{Status: aanvragen.Besloten, Limiet: 1}); n > 0 {
			continue
		}
		door := aanvragen.Medewerker{Naam: "Demo consulent"}
		for _, a := range accounts {
			if a.Gemeente == gm && a.Rol == auth.Consulent {
				if g, err := d.auth.GebruikerOpEmail(ctx, a.Email); err == nil {
					door = aanvragen.Medewerker{ID: g.ID, Naam: g.Naam}
				}
			}
		}
		af := brief.Afzender{Naam: "Gemeente " + gm}
		for _, g := range gemeenten {
			if g.Code == gm {
				af = brief.MaakAfzender(g.Naam, g.Contact.Telefoon, g.Contact.Email, g.Contact.Website, g.Contact.Adres)
			}
		}
		var recs []*register.Record
		ind := register.StandaardIndeling()
		if err := register.Huishoudens(ctx, d.db, gm, func(g string) error {
			rec, err := register.LeesGegevens(ind, g)
			if err == nil && len(recs) < 60 && len(rec.BSN) > 0 {
				recs = append(recs, rec)
			}
			return err
		}); err != nil {
			log.Warn("demo: aanvragen overgeslagen", "gemeente", gm, "fout", err)
			continue
		}
		gemaakt, rest := 0, 0
		for i, rec := range recs {
			if gemaakt >= 16 {
				break
			}
			rest = i + 1
			if err := demoAanvraag(ctx, svc, gm, i, rec, gemaakt%4, door, af); err != nil {
				log.Debug("demo: aanvraag overgeslagen", "gemeente", gm, "fout", err)
				continue
			}
			gemaakt++
		}
		gemaakt += demoAanvragenExtra(ctx, d, svc, gm, recs[rest:], door, log) // demo_aanvragen_extra.go
		log.Info("demo: aanvragen gemaakt", "gemeente", gm, "aanvragen", gemaakt)
	}
}

// demoAanvraag makes one application of household rec and takes it to stap: 0 new, 1 waiting for a
// document, 2 linked and complete, 3 decided.
func demoAanvraag(ctx context.Context, svc *aanvragen.Service, gm string, i int, rec *register.Record, stap int, door aanvragen.Medewerker, af brief.Afzender) error {
	h := rec.H
	h.Gemeente = gm
	ks, err := svc.Keuzes(&h, "nl")
	if err != nil {
		return err
	}
	if len(ks) == 0 {
		return fmt.Errorf("geen regeling om aan te vragen")
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
	a, err := svc.Start(ctx, aanvragen.NieuweAanvraag{Gemeente: gm, Formulier: fmt.Sprintf("demo-%s-%06d", gm, i), Huishouden: &h,
		Antwoorden: []aanvragen.Antwoord{{Vraag: "Woonplaats", Antwoord: h.Woonplaats}}, Regelingen: ids, Bestanden: bestanden})
	if err != nil || a.Bestond || stap == 0 {
		return err
	}
	x, err := svc.Aanvraag(ctx, gm, a.ID)
	if err != nil {
		return err
	}
	if stap == 1 {
		return svc.VraagDocument(ctx, gm, a.ID, x.Versie, aanvragen.DocBeschikking, "De beschikking van uw uitkering", svc.Vandaag().PlusDagen(14), door)
	}
	if err := svc.Koppel(ctx, gm, a.ID, x.Versie, rec.BSN[0], door); err != nil {
		return err
	}
	if stap == 2 {
		return nil
	}
	if x, err = svc.Aanvraag(ctx, gm, a.ID); err != nil {
		return err
	}
	nu, err := svc.Beoordeling(x, svc.Vandaag())
	if err != nil {
		return err
	}
	var in []aanvragen.BesluitInvoer
	for _, r := range x.Regelingen {
		u := nu[r.ID]
		soort := aanvragen.Afwijzen
		if u.Oordeel == regels.Recht && r.BedragEngineCent != nil {
			soort = aanvragen.Toekennen
		}
		mot := strings.Replace(aanvragen.Motivering(u, soort), "(schrijf hier welke en waarom)", "uw inkomen is hoger dan de grens (demo).", 1)
		in = append(in, aanvragen.BesluitInvoer{Regeling: r.ID, Soort: soort, Motivering: mot})
	}
	_, err = svc.Beslis(ctx, gm, a.ID, x.Versie, in, door, af)
	return err
}
