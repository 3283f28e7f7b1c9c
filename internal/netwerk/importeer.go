package netwerk

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
)

// ImportOpties say for whom an import is.
type ImportOpties struct {
	Gemeente string
	Formaat  string // "csv" or "json"
	Door     int64  // the beheerder (memberships granted by the import); 0 for the CLI
	// MagBeheren reports whether the importer may manage partners in gemeente gm: an existing service or
	// location that is offered elsewhere too is changed only when it holds for all those gemeenten. Nil:
	// everywhere (the CLI, tests).
	MagBeheren func(gm string) bool
	// Controleer only checks: the file and its plan against the database, every problem returned as
	// for a real import, and nothing written (the result counts what would be).
	Controleer bool
}

// ImportResultaat counts what an import wrote.
type ImportResultaat struct {
	Diensten, NieuweDiensten    int
	NieuwePartners, NieuweLeden int
	Locaties, NieuweLocaties    int
}

// plan is what an import will write, decided before anything is written.
type plan struct {
	partners  []partner.Nieuw
	leden     []string // existing partners that become members of the gemeente
	locNieuw  []Locatie
	locWijzig []Locatie
	nieuw     []Dienst
	wijzig    []Dienst
	waren     map[string][]string // gemeenten of changed services before
}

// Importeer reads an existing sociale kaart for opt.Gemeente and writes it all or nothing: every
// problem of every row is returned as ImportFouten (kind errs.Invalid) and then nothing is written.
//
// Organisations are found by id, then KvK number, then by exactly one partner of the gemeente with
// that name; otherwise a new partner is made, member of the gemeente from today. An existing partner
// that is not yet a member becomes one. A partner's own name and contact are not changed by an import
// (its page does that). Services are found by id, then by the partner's service of that name; a found
// service is replaced by the row and keeps the other gemeenten it is offered in; a new one is offered in
// this gemeente. Locations are found by id, then by the partner's location with the same name and
// address or website. Nothing is removed.
func (s *Service) Importeer(ctx context.Context, r io.Reader, opt ImportOpties) (ImportResultaat, error) {
	var in []invoer
	var fouten ImportFouten
	switch opt.Formaat {
	case "csv":
		in, fouten = LeesCSV(r)
	case "json":
		in, fouten = LeesJSON(r)
	default:
		return ImportResultaat{}, fmt.Errorf("netwerk: formaat %q: kies csv of json: %w", opt.Formaat, errs.Invalid)
	}
	if opt.MagBeheren == nil {
		opt.MagBeheren = func(string) bool { return true }
	}
	p, planFouten, err := s.maakPlan(ctx, in, opt)
	if err != nil {
		return ImportResultaat{}, err
	}
	fouten = append(fouten, planFouten...)
	if len(fouten) > 0 {
		return ImportResultaat{}, fouten
	}
	res := ImportResultaat{NieuwePartners: len(p.partners), NieuweLeden: len(p.leden), NieuweLocaties: len(p.locNieuw),
		Locaties: len(p.locNieuw) + len(p.locWijzig), NieuweDiensten: len(p.nieuw), Diensten: len(p.nieuw) + len(p.wijzig)}
	if opt.Controleer {
		return res, nil
	}
	van := s.Vandaag()
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		for _, n := range p.partners {
			if _, err := s.partners.MaakTx(ctx, tx, n); err != nil {
				return fmt.Errorf("partner %s: %w", n.Naam, err)
			}
		}
		for _, id := range p.leden {
			if err := s.partners.MaakLidTx(ctx, tx, id, opt.Gemeente, van, time.Time{}, opt.Door); err != nil {
				return err
			}
		}
		for _, l := range p.locNieuw {
			if err := s.schrijfNieuweLocatie(ctx, tx, opt.Gemeente, l); err != nil {
				return err
			}
		}
		for _, l := range p.locWijzig {
			if err := s.schrijfGewijzigdeLocatie(ctx, tx, opt.Gemeente, l); err != nil {
				return err
			}
		}
		for _, d := range p.nieuw {
			if err := s.schrijfNieuweDienst(ctx, tx, d); err != nil {
				return err
			}
		}
		for _, d := range p.wijzig {
			if err := s.schrijfGewijzigdeDienst(ctx, tx, d, p.waren[d.ID]); err != nil {
				return err
			}
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: opt.Gemeente, Verwerkingsactiviteit: Activiteit,
			Operatie: "sociale_kaart.importeren", Actie: audit.Aanmaken, Object: "sociale_kaart/" + opt.Gemeente, Aantal: res.Diensten,
			Detail: fmt.Sprintf("%s: %d diensten (%d nieuw), %d locaties (%d nieuw), %d nieuwe partners, %d partners lid gemaakt",
				opt.Formaat, res.Diensten, res.NieuweDiensten, res.Locaties, res.NieuweLocaties, res.NieuwePartners, res.NieuweLeden)})
	})
	if err != nil {
		var f errs.Fields
		if errors.As(err, &f) { // a conflict found only while writing (an id taken meanwhile)
			return ImportResultaat{}, ImportFouten{{Plek: "bestand", Reden: "netwerk: " + f.Error()}}
		}
		return ImportResultaat{}, fmt.Errorf("netwerk: import: %w", err)
	}
	return res, nil
}

// orgPlan is an organisation of the file as the import resolved it.
type orgPlan struct {
	o        partner.Organisatie // existing, or the new one as it will be
	nieuw    bool
	diensten []Dienst          // existing services
	locaties []Locatie         // existing and new locations
	gezien   map[string]string // service key in this file → place, to refuse a service twice
}

func (s *Service) maakPlan(ctx context.Context, in []invoer, opt ImportOpties) (*plan, ImportFouten, error) {
	p := &plan{waren: map[string][]string{}}
	var fouten ImportFouten
	fout := func(i invoer, veld, reden string) {
		fouten = append(fouten, ImportFout{Plek: i.Plek, Veld: veld, Reden: reden})
	}
	leden, err := s.partners.VanGemeente(ctx, opt.Gemeente)
	if err != nil {
		return nil, nil, err
	}
	vandaag := s.Vandaag()
	orgs := map[string]*orgPlan{}  // partner id → plan
	nieuwOp := map[string]string{} // key of a new organisation in the file (id, kvk or name) → its new id
	vindOrg := func(i invoer) (*orgPlan, error) {
		o := i.Org
		var found partner.Organisatie
		var err error
		switch {
		case o.ID != "" && partner.GeldigID(o.ID):
			found, err = s.partners.Haal(ctx, o.ID)
			if err == nil && found.SamengevoegdIn != "" {
				found, err = s.partners.Haal(ctx, found.SamengevoegdIn)
			}
		case o.ID != "":
			fout(i, veldNaam(i, "partner", "organisatie_id"), "Een organisatie-id is een UUID in kleine letters; laat het leeg voor een nieuwe organisatie.")
			return nil, nil
		case o.KvK != "":
			found, err = s.partners.ZoekKvK(ctx, o.KvK)
		default:
			var zelfde []partner.Organisatie
			for _, l := range leden {
				if strings.EqualFold(strings.TrimSpace(l.Naam), o.Naam) {
					zelfde = append(zelfde, l)
				}
			}
			switch len(zelfde) {
			case 1:
				found = zelfde[0]
			case 0:
				err = errs.NotFound
			default:
				fout(i, veldNaam(i, "partner", "organisatie"), "Er zijn meer partners met de naam ‘"+o.Naam+"’. Vul organisatie_id of kvk in, of voeg ze eerst samen.")
				return nil, nil
			}
		}
		if err == nil {
			if op, ok := orgs[found.ID]; ok {
				return op, nil
			}
			op := &orgPlan{o: found, gezien: map[string]string{}}
			if l, ok := found.Lid(opt.Gemeente); !ok || (!l.Tot.IsZero() && l.Tot.Before(vandaag)) {
				if ok && !l.Tot.IsZero() {
					fout(i, veldNaam(i, "partner", "organisatie"), found.Naam+" was lid van de gemeente, maar dat lidmaatschap is beëindigd. Verleng het op de pagina van de partner.")
					return nil, nil
				}
				p.leden = append(p.leden, found.ID)
				op.o.Lidmaatschappen = append(op.o.Lidmaatschappen, partner.Lidmaatschap{PartnerID: found.ID, Gemeente: opt.Gemeente, Van: vandaag})
			}
			if op.diensten, err = s.DienstenVan(ctx, found.ID); err == nil {
				op.locaties, err = s.LocatiesVan(ctx, found.ID)
			}
			orgs[found.ID] = op
			return op, err
		}
		if !errors.Is(err, errs.NotFound) {
			return nil, err
		}
		sleutel := "naam:" + strings.ToLower(o.Naam)
		if o.ID != "" {
			sleutel = "id:" + o.ID
		} else if o.KvK != "" {
			sleutel = "kvk:" + o.KvK
		}
		if id, ok := nieuwOp[sleutel]; ok {
			return orgs[id], nil
		}
		n := partner.Nieuw{ID: o.ID, Naam: o.Naam, KvK: o.KvK, Gemeente: opt.Gemeente, Van: vandaag, Door: opt.Door,
			Contact: partner.Contact{Website: o.Website, WebsiteBron: o.WebsiteBron, Telefoon: o.Telefoon, TelefoonBron: o.TelefoonBron}.Normaliseer()}
		if n.ID == "" {
			n.ID = partner.NieuwID()
		}
		if r := partner.ValideerNaam(n.Naam); r != "" {
			fout(i, veldNaam(i, "partner", "organisatie"), r)
			return nil, nil
		}
		if r := partner.ValideerKvK(n.KvK); r != "" {
			fout(i, "kvk", r)
			return nil, nil
		}
		if f := n.Contact.Valideer(); len(f) > 0 {
			fout(i, "organisatie "+f[0].Path, f[0].Reason)
			return nil, nil
		}
		p.partners = append(p.partners, n)
		nieuwOp[sleutel] = n.ID
		op := &orgPlan{nieuw: true, gezien: map[string]string{}, o: partner.Organisatie{ID: n.ID, Naam: n.Naam,
			Lidmaatschappen: []partner.Lidmaatschap{{PartnerID: n.ID, Gemeente: opt.Gemeente, Van: vandaag}}}}
		orgs[n.ID] = op
		return op, nil
	}
	magAlle := func(gms []string) []string {
		var niet []string
		for _, gm := range gms {
			if !opt.MagBeheren(gm) {
				niet = append(niet, gm)
			}
		}
		return niet
	}
	for _, i := range in {
		op, err := vindOrg(i)
		if err != nil {
			return nil, nil, err
		}
		if op == nil {
			continue
		}
		d := i.Dienst
		d.PartnerID = op.o.ID
		// The service: by id, else by name among the partner's.
		var oud *Dienst
		if d.ID != "" {
			for k := range op.diensten {
				if op.diensten[k].ID == d.ID {
					oud = &op.diensten[k]
				}
			}
			if oud == nil {
				if bestaand, err := s.Dienst(ctx, d.ID); err == nil && bestaand.PartnerID != op.o.ID {
					fout(i, veldNaam(i, "id", "dienst_id"), "Deze dienst hoort bij een andere organisatie.")
					continue
				}
			}
		} else {
			for k := range op.diensten {
				if strings.EqualFold(op.diensten[k].Naam, strings.TrimSpace(d.Naam)) {
					if oud != nil {
						fout(i, veldNaam(i, "naam", "dienst"), op.o.Naam+" heeft meer diensten met deze naam. Vul dienst_id in.")
					}
					oud = &op.diensten[k]
				}
			}
		}
		sleutel := strings.ToLower(strings.TrimSpace(d.Naam))
		if oud != nil {
			sleutel = oud.ID
		} else if d.ID != "" {
			sleutel = d.ID
		}
		if eerder, ok := op.gezien[sleutel]; ok {
			fout(i, veldNaam(i, "naam", "dienst"), "Deze dienst van "+op.o.Naam+" staat ook op "+eerder+". Zet hem één keer in het bestand.")
			continue
		}
		op.gezien[sleutel] = i.Plek
		for k := range d.Regelingen {
			if d.Regelingen[k].Gemeente == "" {
				d.Regelingen[k].Gemeente = opt.Gemeente
			}
			if gm := d.Regelingen[k].Gemeente; gm != opt.Gemeente {
				fout(i, veldNaam(i, "regelingen", "regelingen"), "De regeling ‘"+d.Regelingen[k].Regeling+"’ is van "+gm+"; een import is voor "+
					opt.Gemeente+" en neemt alleen regelingen van die gemeente over.")
			}
		}
		d.Gemeenten = []string{opt.Gemeente}
		if oud != nil {
			d.ID = oud.ID
			d.Gemeenten = append(slices.Clone(oud.Gemeenten), opt.Gemeente)
			for _, r := range oud.Regelingen {
				if r.Gemeente != opt.Gemeente {
					d.Regelingen = append(d.Regelingen, r)
				}
			}
			if niet := magAlle(oud.Gemeenten); len(niet) > 0 {
				fout(i, veldNaam(i, "naam", "dienst"), "Deze dienst wordt ook aangeboden in "+strings.Join(niet, ", ")+
					"; alleen een systeembeheerder of een beheerder van al die gemeenten kan hem wijzigen.")
				continue
			}
		}
		// Its locations.
		for _, il := range i.Locaties {
			l, ok := s.planLocatie(ctx, i, il, op, p, magAlle, fout)
			if ok {
				d.Locaties = append(d.Locaties, DienstLocatie{LocatieID: l, Openingstijden: il.Openingstijden})
			}
		}
		d = d.Normaliseer()
		f := d.Valideer()
		if f == nil {
			f = errs.Fields{}
		}
		s.controleer(d, op.o, op.locaties, &f)
		for _, x := range sorteerVelden(f) {
			fout(i, veldNaam(i, x.Path, x.Path), x.Reason)
		}
		if oud != nil {
			p.wijzig = append(p.wijzig, d)
			p.waren[d.ID] = oud.Gemeenten
		} else {
			if d.ID == "" {
				d.ID = partner.NieuwID()
			}
			p.nieuw = append(p.nieuw, d)
		}
	}
	return p, fouten, nil
}

// planLocatie resolves a location of a row: by id, else by the partner's location with the same name
// and address or website; else it is new. It returns the location's id.
func (s *Service) planLocatie(ctx context.Context, i invoer, il invoerLocatie, op *orgPlan, p *plan, magAlle func([]string) []string,
	fout func(invoer, string, string)) (string, bool) {
	if il.Plek != "" {
		i.Plek = il.Plek
	}
	l := il.Locatie.Normaliseer()
	l.PartnerID = op.o.ID
	lveld := func(k string) string {
		if i.velden["naam"] == "dienst" {
			return "kolom " + csvLocatieVelden[k]
		}
		return "location." + jsonLocatieVelden[k]
	}
	if f := l.Valideer(); f != nil {
		for _, x := range sorteerVelden(f) {
			fout(i, lveld(x.Path), x.Reason)
		}
		return "", false
	}
	for _, b := range op.locaties {
		zelfde := (l.ID != "" && b.ID == l.ID) || (l.ID == "" && strings.EqualFold(b.Naam, l.Naam) && b.Soort == l.Soort && b.Adres == l.Adres && b.URL == l.URL)
		if !zelfde {
			continue
		}
		if b.Naam == l.Naam && b.Soort == l.Soort && b.Adres == l.Adres && b.URL == l.URL && b.Toegankelijkheid == l.Toegankelijkheid && b.Bron == l.Bron {
			return b.ID, true
		}
		if slices.ContainsFunc(p.locNieuw, func(x Locatie) bool { return x.ID == b.ID }) ||
			slices.ContainsFunc(p.locWijzig, func(x Locatie) bool { return x.ID == b.ID }) {
			fout(i, lveld("id"), "Deze locatie staat eerder in het bestand met andere gegevens. Geef haar overal dezelfde gegevens.")
			return "", false
		}
		gms, err := s.GemeentenVanLocatie(ctx, b.ID)
		if err == nil {
			if niet := magAlle(gms); len(niet) > 0 {
				fout(i, lveld("id"), "Op deze locatie worden ook diensten aangeboden voor "+strings.Join(niet, ", ")+"; die kan deze import niet wijzigen.")
				return "", false
			}
		}
		l.ID = b.ID
		p.locWijzig = append(p.locWijzig, l)
		return l.ID, true
	}
	if l.ID != "" {
		if _, err := s.Locatie(ctx, l.ID); err == nil {
			fout(i, lveld("id"), "Deze locatie hoort bij een andere organisatie.")
			return "", false
		}
		if !partner.GeldigID(l.ID) {
			fout(i, lveld("id"), "Een locatie-id is een UUID in kleine letters; laat het leeg voor een nieuwe locatie.")
			return "", false
		}
	} else {
		l.ID = partner.NieuwID()
	}
	p.locNieuw = append(p.locNieuw, l)
	op.locaties = append(op.locaties, l)
	return l.ID, true
}

// veldNaam is the name in the file (column or key) of an errs.Fields path.
func veldNaam(i invoer, key, standaard string) string {
	if strings.HasPrefix(key, "regeling.") {
		key = "regelingen"
	}
	if v, ok := i.velden[key]; ok {
		if i.velden["naam"] == "dienst" {
			return "kolom " + v
		}
		return v
	}
	return standaard
}

// sorteerVelden returns the problems ordered by path, one per path (the first), as the file's
// report lists them.
func sorteerVelden(f errs.Fields) errs.Fields {
	var uit errs.Fields
	for _, x := range f {
		uit.Set(x.Path, x.Reason)
	}
	slices.SortStableFunc(uit, func(a, b errs.Field) int { return strings.Compare(a.Path, b.Path) })
	return uit
}
