package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
)

// demoPartner is a fictitious partner of the demo: an organisation that does not exist, with contact
// details on reserved names (.example, RFC 2606; postcode 9999 ZZ) and no KvK number, no phone number
// (any Dutch number could be someone's) and no personal data.
type demoPartner struct {
	ID, Naam string
	Contact  partner.Contact
}

const demoBron = "Fictief: voorbeeldgegevens van de demo van Zeker"

var demoPartners = []demoPartner{
	{ID: "d3e0a000-0000-4000-8000-000000000001", Naam: "Woonstichting Voorbeeldhuis (demo)", Contact: partner.Contact{
		Website: "https://woonstichting.voorbeeld.example", WebsiteBron: demoBron,
		Adres: partner.Adres{Straat: "Voorbeeldstraat", Huisnummer: "1", Postcode: "9999 ZZ", Plaats: "Demodorp"}, AdresBron: demoBron}},
	{ID: "d3e0a000-0000-4000-8000-000000000002", Naam: "Energie Voorbeeld (demo)", Contact: partner.Contact{
		Website: "https://energie.voorbeeld.example", WebsiteBron: demoBron}},
}

// demoWoningcorporatie is the partner whose signals the demo delivers.
var demoWoningcorporatie = demoPartners[0].ID

// demoSleutelNaam names the demo's keys, so a new start can revoke the previous ones.
const demoSleutelNaam = "Demo-koppeling"

// demoSleutel is a demo API key, printed at start-up (only then: only its hash is kept).
type demoSleutel struct {
	Partner, Token string
}

// maakDemoPartners makes sure the demo partners exist and are members of every gemeente, merges a
// partner that an older demo database got from its signals (named "Demo woningcorporatie") into the
// demo's corporation, and gives each partner a fresh key for all gemeenten (revoking the previous one).
func maakDemoPartners(ctx context.Context, d *diensten, codes []string, log *slog.Logger) ([]demoSleutel, error) {
	ctx = audit.WithActor(ctx, audit.Actor{Soort: audit.ActorSysteem, ID: "demo", Naam: "zeker demo"})
	ps := d.partners
	van := ps.Vandaag().AddDate(-1, 0, 0)
	var uit []demoSleutel
	for _, dp := range demoPartners {
		o, err := ps.Haal(ctx, dp.ID)
		if errors.Is(err, errs.NotFound) {
			o, err = ps.Maak(ctx, partner.Nieuw{ID: dp.ID, Naam: dp.Naam, Contact: dp.Contact, Gemeente: codes[0], Van: van})
		}
		if err != nil {
			return nil, fmt.Errorf("demo: partner %s: %w", dp.Naam, err)
		}
		for _, gm := range codes {
			if l, ok := o.Lid(gm); !ok || !l.GeldigOp(ps.Vandaag()) {
				if err := ps.MaakLid(ctx, dp.ID, gm, van, time.Time{}, 0); err != nil {
					return nil, fmt.Errorf("demo: partner %s lid van %s: %w", dp.Naam, gm, err)
				}
			}
		}
		ks, err := d.auth.SleutelsVanPartner(ctx, dp.ID)
		if err != nil {
			return nil, err
		}
		for _, k := range ks {
			if k.Naam == demoSleutelNaam && k.IngetrokkenOp.IsZero() && len(k.Gemeenten) > 0 {
				if err := d.auth.TrekSleutelIn(ctx, k.Gemeenten[0], k.ID); err != nil {
					return nil, err
				}
			}
		}
		tok, _, err := d.auth.MaakSleutel(ctx, auth.NieuweSleutel{Naam: demoSleutelNaam, PartnerID: dp.ID, Gemeenten: codes,
			Permissies: []auth.Permissie{auth.SignalenAanleveren, auth.SignalenTerugmelden}})
		if err != nil {
			return nil, fmt.Errorf("demo: sleutel van %s: %w", dp.Naam, err)
		}
		uit = append(uit, demoSleutel{Partner: dp.Naam, Token: tok})
	}
	// A demo database from before the partner entity holds its signals under a partner the migration
	// made from the name "Demo woningcorporatie": it is the demo's corporation.
	for _, gm := range codes {
		lijst, err := ps.VanGemeente(ctx, gm)
		if err != nil {
			return nil, err
		}
		for _, o := range lijst {
			if o.Naam == "Demo woningcorporatie" && o.ID != demoWoningcorporatie {
				if _, err := ps.VoegSamen(ctx, demoWoningcorporatie, o.ID); err != nil {
					log.Warn("demo: oude demopartner niet samengevoegd", "partner", o.ID, "fout", err)
				}
			}
		}
	}
	return uit, nil
}

// printDemoSleutels prints the demo's API keys.
func printDemoSleutels(w io.Writer, url string, ks []demoSleutel) {
	if len(ks) == 0 {
		return
	}
	fmt.Fprintln(w, "\nDemo-API-sleutels van fictieve partners (bij elke start nieuw; werken in alle vier gemeenten):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, k := range ks {
		fmt.Fprintf(tw, "  %s\t%s\n", k.Partner, k.Token)
	}
	tw.Flush()
	fmt.Fprintf(w, "  Bijvoorbeeld: curl -H 'Authorization: Bearer <sleutel>' '%sapi/v1/signalen/<kenmerk>?gemeente=GM1681'\n", url)
}
