package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/brief"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web/aanvraagweb"
	"github.com/zeker-platform/zeker/regelpakketten"
)

// ambtshalveInbox is the scan's ambtshalve proposals as the aanvragen inbox judges them (issue 19: one
// inbox holds both): listed from internal/scan, accepted by approving the proposal (scan.BeslisTx) in
// the transaction of internal/aanvragen that makes the application-and-decision with its letter, so an
// approval never stands without its application. Neither package nor part imports the other.
type ambtshalveInbox struct {
	scan      *scan.Service
	as        *aanvragen.Service
	gemeenten *tenant.Service
}

var _ aanvraagweb.Voorstellen = (*ambtshalveInbox)(nil)

// errBeslist is a proposal decided by someone else in the meantime.
var errBeslist = fmt.Errorf("%w: over dit voorstel is al besloten", errs.Conflict)

func (b *ambtshalveInbox) Lijst(ctx context.Context, gm string, f aanvraagweb.VoorstelFilter) ([]aanvraagweb.Voorstel, int, error) {
	rijen, n, err := b.scan.VoorstellenInbox(ctx, scan.InboxFilter{Gemeente: gm, Regeling: f.Regeling, Woonplaats: f.Woonplaats, Nieuwste: f.Nieuwste, Limiet: f.Limiet, Vanaf: f.Vanaf})
	if err != nil {
		return nil, 0, err
	}
	if err := b.scan.Audit.Schrijf(ctx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "aanvragen.behandelen", Operatie: "ambtshalve_voorstel.lijst",
		Actie: audit.Lezen, Aantal: len(rijen)}); err != nil {
		return nil, 0, err
	}
	vs := make([]*scan.Voorstel, len(rijen))
	wp := make([]string, len(rijen))
	for i, r := range rijen {
		vs[i], wp[i] = r.Voorstel, r.Woonplaats
	}
	out, err := b.metMislukt(ctx, gm, vs, wp)
	return out, n, err
}

// ZonderAanvraag: of the approved proposals (the oldest 500; approvals are one transaction with their
// application since migration 1009, so only older ones can lack one), those
// without an application.
func (b *ambtshalveInbox) ZonderAanvraag(ctx context.Context, gm string) ([]aanvraagweb.Voorstel, error) {
	vs, err := b.scan.Voorstellen(ctx, scan.VoorstelFilter{Gemeente: gm, Status: scan.Goedgekeurd, Limiet: 500})
	if err != nil || len(vs) == 0 {
		return nil, err
	}
	ids := make([]int64, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	gemaakt, err := b.as.VanVoorstellen(ctx, gm, ids)
	if err != nil {
		return nil, err
	}
	var zonder []*scan.Voorstel
	for _, v := range vs {
		if _, ok := gemaakt[v.ID]; !ok {
			zonder = append(zonder, v)
		}
	}
	return b.metMislukt(ctx, gm, zonder, make([]string, len(zonder)))
}

func (b *ambtshalveInbox) metMislukt(ctx context.Context, gm string, vs []*scan.Voorstel, wp []string) ([]aanvraagweb.Voorstel, error) {
	ids := make([]int64, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	mis, err := b.as.MisluktVan(ctx, gm, ids)
	if err != nil {
		return nil, err
	}
	out := make([]aanvraagweb.Voorstel, len(vs))
	for i, v := range vs {
		out[i] = voorstelVoorInbox(v, wp[i])
		if m, ok := mis[v.ID]; ok {
			out[i].Mislukt = &m
		}
	}
	return out, nil
}

func (b *ambtshalveInbox) Woonplaatsen(ctx context.Context, gm string) ([]string, error) {
	return b.scan.VoorstelWoonplaatsen(ctx, gm, scan.Open)
}

func (b *ambtshalveInbox) Haal(ctx context.Context, gm string, id int64) (*aanvraagweb.Voorstel, error) {
	v, err := b.scan.HaalVoorstel(ctx, gm, id) // logged as a read
	if err != nil {
		return nil, err
	}
	wp := ""
	rijen, _, err := b.scan.VoorstellenInbox(ctx, scan.InboxFilter{Gemeente: gm, Status: v.Status, ID: id})
	if err != nil {
		return nil, err
	}
	if len(rijen) == 1 {
		wp = rijen[0].Woonplaats
	}
	out, err := b.metMislukt(ctx, gm, []*scan.Voorstel{v}, []string{wp})
	if err != nil {
		return nil, err
	}
	if v.Status == scan.Goedgekeurd {
		gemaakt, err := b.as.VanVoorstellen(ctx, gm, []int64{id})
		if err != nil {
			return nil, err
		}
		if a, ok := gemaakt[id]; ok {
			out[0].Aanvraag = &a
		}
	}
	return &out[0], nil
}

func (b *ambtshalveInbox) Aanvaard(ctx context.Context, gm string, id int64, reden string, door aanvragen.Medewerker) (*aanvragen.Aangemaakt, error) {
	v, err := scan.HaalVoorstel(ctx, b.scan.DB, nil, gm, id)
	if err != nil {
		return nil, err
	}
	av := aanvragen.AmbtshalveVoorstel{Gemeente: gm, VoorstelID: v.ID, RegisterID: v.HuishoudenID, Regeling: v.Regeling, Reden: reden}
	switch v.Status {
	case scan.Afgewezen:
		return nil, errBeslist
	case scan.Goedgekeurd: // a retry: the approval stands, with its own reason
		av.Reden = v.BesluitReden
	default:
		if strings.TrimSpace(reden) == "" { // "opnieuw proberen" of a proposal that is still open
			return nil, &aanvragen.Ongeldig{Veld: "reden", Bericht: "Schrijf waarom u dit besluit. Dat is verplicht, ook bij aanvaarden."}
		}
		av.Goedkeuren = func(ctx context.Context, tx *sql.Tx) error {
			err := b.scan.BeslisTx(ctx, tx, gm, id, scan.Besluit{Goedkeuren: true, Reden: reden, Door: door.Naam})
			if errors.Is(err, scan.ErrAlBeslist) {
				return errBeslist
			}
			return err
		}
	}
	af, err := afzenderVan(ctx, b.gemeenten, gm)
	if err != nil {
		return nil, err
	}
	return b.as.Ambtshalve(ctx, av, door, af)
}

func (b *ambtshalveInbox) WijsAf(ctx context.Context, gm string, id int64, reden string, door aanvragen.Medewerker) error {
	_, err := b.scan.Beslis(ctx, gm, id, scan.Besluit{Goedkeuren: false, Reden: reden, Door: door.Naam})
	if errors.Is(err, scan.ErrAlBeslist) {
		return errBeslist
	}
	if err != nil {
		return err
	}
	return b.as.VergeetMislukt(ctx, gm, id)
}

func voorstelVoorInbox(v *scan.Voorstel, woonplaats string) aanvraagweb.Voorstel {
	out := aanvraagweb.Voorstel{ID: v.ID, Huishouden: v.HuishoudenID, Regeling: v.Regeling, RegelingNaam: v.Uitleg.Naam, Woonplaats: woonplaats,
		Peildatum: v.Peildatum, Periode: string(v.Periode), Gemaakt: v.Gemaakt, Status: string(v.Status), BesluitDoor: v.BesluitDoor, BesluitReden: v.BesluitReden,
		Oordeel: v.Uitleg.Oordeel, Grondslag: v.Uitleg.Grondslag.Tekst,
		Bewijs: fmt.Sprintf("Engine %s, regelpakket %s (%s), peildatum %s.", v.Bewijs.EngineVersie, v.Bewijs.Pakket, v.Bewijs.PakketHash, v.Bewijs.Peildatum)}
	if out.RegelingNaam == "" {
		out.RegelingNaam = v.Regeling
	}
	if v.Bedrag != nil {
		c := int64(*v.Bedrag)
		out.BedragCent = &c
	}
	for _, c := range v.Uitleg.Criteria {
		bron := c.Bron.Tekst
		if c.Bron.Sectie != "" {
			bron += ", " + c.Bron.Sectie
		}
		out.Criteria = append(out.Criteria, aanvraagweb.VoorstelCriterium{Uitkomst: c.Uitkomst, Tekst: c.Tekst, Bron: bron})
	}
	return out
}

// afzenderVan is the sender of a letter of gemeente gm: its name and the contact of the tenant.
func afzenderVan(ctx context.Context, gemeenten *tenant.Service, gm string) (brief.Afzender, error) {
	g, err := gemeenten.Gemeente(ctx, gm)
	if err != nil {
		return brief.Afzender{}, err
	}
	return brief.MaakAfzender(g.Naam, g.Contact.Telefoon, g.Contact.Email, g.Contact.Website, g.Contact.Adres), nil
}

// ambtshalveBeoordelen is where the scan's old judging URLs send the case worker: the proposal (id > 0)
// or the proposals' tab of the aanvragen inbox.
func ambtshalveBeoordelen(gm string, id int64) string {
	if id > 0 {
		return "/beheer/" + gm + "/aanvragen/voorstellen/" + strconv.FormatInt(id, 10)
	}
	return "/beheer/" + gm + "/aanvragen?status=" + aanvraagweb.StatusVoorstel
}

// cliAanvaard accepts proposal id on the command line (zeker scan beslis --goedkeuren) the way the inbox
// does: approval, application, decision and letter in one transaction, or nothing and the reason.
func cliAanvaard(ctx context.Context, e env, db *store.DB, log *audit.Log, gm string, id int64, reden, door string) error {
	cat, err := laadCatalogus(regelpakketten.FS)
	if err != nil {
		return err
	}
	as, err := aanvragen.New(aanvragen.Config{DB: db, Audit: log, Catalogus: cat})
	if err != nil {
		return err
	}
	b := &ambtshalveInbox{scan: &scan.Service{DB: db, Catalogus: cat, Audit: log}, as: as, gemeenten: tenant.NewService(db)}
	a, err := b.Aanvaard(ctx, gm, id, reden, aanvragen.Medewerker{Naam: door})
	if o, ok := aanvragen.IsOngeldig(err); ok {
		return fmt.Errorf("voorstel %d: %s Er is niets vastgelegd: het voorstel staat nog open", id, o.Bericht)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "voorstel %d: goedgekeurd door %s; aanvraag %s is besloten, met de brief\n", id, door, a.Referentie)
	return nil
}
