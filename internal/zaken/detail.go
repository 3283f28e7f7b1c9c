package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/store"
)

// Regie is the household's regisseur and the version of its plan.
type Regie struct {
	RegisseurID   int64
	RegisseurNaam string
	Sinds         time.Time
	Versie        int // of the household's plan and regie, for stale forms
}

// Domein is a life domain of the household plan.
type Domein string

// The domains of the plan (issue 17: money, work, housing, health, children).
const (
	DomeinGeld       Domein = "geld"
	DomeinWerk       Domein = "werk"
	DomeinWonen      Domein = "wonen"
	DomeinGezondheid Domein = "gezondheid"
	DomeinKinderen   Domein = "kinderen"
)

// Domeinen lists them.
func Domeinen() []Domein {
	return []Domein{DomeinGeld, DomeinWerk, DomeinWonen, DomeinGezondheid, DomeinKinderen}
}

// Geldig reports whether d is one of them.
func (d Domein) Geldig() bool { return slices.Contains(Domeinen(), d) }

// Naam is the domain in plain Dutch.
func (d Domein) Naam() string {
	switch d {
	case DomeinGeld:
		return "Geld en schulden"
	case DomeinWerk:
		return "Werk en dagbesteding"
	case DomeinWonen:
		return "Wonen"
	case DomeinGezondheid:
		return "Gezondheid"
	case DomeinKinderen:
		return "Kinderen"
	}
	return string(d)
}

// Wie says who does an action of the plan (a partner comes with the partner entity).
type Wie string

// Who can do an action.
const (
	WieConsulent    Wie = "consulent"
	WieVrijwilliger Wie = "vrijwilliger"
	WieInwoner      Wie = "inwoner"
	WiePartner      Wie = "partner" // a partner organisation, by its id (Actie.PartnerID)
)

// Wies lists them.
func Wies() []Wie { return []Wie{WieConsulent, WieVrijwilliger, WieInwoner, WiePartner} }

// Geldig reports whether w is one of them.
func (w Wie) Geldig() bool { return slices.Contains(Wies(), w) }

// Naam names who does it.
func (w Wie) Naam() string {
	switch w {
	case WieConsulent:
		return "Consulent"
	case WieVrijwilliger:
		return "Vrijwilliger"
	case WieInwoner:
		return "De inwoner"
	case WiePartner:
		return "Partner"
	}
	return string(w)
}

// Doel is a goal of the household plan with its actions.
type Doel struct {
	ID           int64
	Domein       Domein
	Omschrijving string
	Streefdatum  datum.Datum
	Acties       []Actie
}

// Actie is an action of the plan: what, who, by when, done or not.
type Actie struct {
	ID           int64
	DoelID       int64
	Omschrijving string
	Wie          Wie
	WieNaam      string
	PartnerID    string      // when Wie is WiePartner
	Datum        datum.Datum // by when; zero = no date
	Gedaan       datum.Datum // zero = open
}

// Gebeurtenis is a line of the timeline.
type Gebeurtenis struct {
	Tijd   time.Time
	ZaakID int64
	Soort  string
	Tekst  string
	Door   string
}

// ZaakKort is another zaak of the same household.
type ZaakKort struct {
	ID      int64
	Status  Status
	Gestart time.Time
	Einde   datum.Datum
}

// Detail is a zaak with everything its page shows.
type Detail struct {
	Zaak     Zaak
	Personen []Persoon
	Signalen []Signaal
	Regie    Regie
	Doelen   []Doel
	// Tijdlijn holds the most recent MaxTijdlijn lines of the household's timeline, oldest first;
	// AantalGebeurtenissen counts all.
	Tijdlijn             []Gebeurtenis
	AantalGebeurtenissen int
	Andere               []ZaakKort
	// Aanvraag is the resident's own online request, nil when the zaak started otherwise.
	Aanvraag *Aanvraag
	// Nazorg of the zaak, newest first (the first is running when not Afgesloten).
	Nazorg []Nazorg
	// TerugvalTot is the last day the zaak can be reopened under the terugvalgarantie (zero: not).
	TerugvalTot datum.Datum
	// Overzicht is the debt overview and the monthly budget.
	Overzicht Overzicht
	// Brieven are the zaak's decision letters, oldest first.
	Brieven []BriefKort
	// Stappen are the recorded route steps (Bbz, ROZ, moratorium), oldest first.
	Stappen []StapRij
	// BVV are the inputs of the beslagvrije voet (beslagvrijevoet.go); Versie 0 when not filled in.
	BVV BVVGegevens
}

// MaxTijdlijn is how many timeline lines the zaak page shows (it says how many there are).
const MaxTijdlijn = 100

// MaxPlan bounds the goals and actions a page reads (a household plan is short; the page says when
// there are more).
const MaxPlan = 200

const zaakKolommen = `id, gemeente, huishouden_id, woonplaats, kanaal, route, gestart, startdatum, vroegsignaalzaak_id,
	aanbod_aanvaard, crisis, crisissoort, status, eerste_gesprek_deadline, eerste_gesprek_wettelijk, eerste_gesprek_uitleg,
	eerste_gesprek, besluit_deadline, besluit_wettelijk, besluit_uitleg, besluit, besluit_datum, weigeringsgrond, einde,
	einde_reden, einde_toelichting, volgende_deadline, aangemaakt, door, versie, heropend, heropend_op, statushouder, verwijzing_id`

type scanner interface{ Scan(dest ...any) error }

func scanZaak(r scanner, z *Zaak) error {
	var kanaal, route, start, aanv, cs, status, egd, egw, eg, bd, bw, bdat, grond, einde, vd, hop string
	var crisis, statushouder int
	var verwijzing sql.NullInt64
	if err := r.Scan(&z.ID, &z.Gemeente, &z.HuishoudenID, &z.Woonplaats, &kanaal, &route, &z.Gestart, &start, &z.VroegsignaalzaakID,
		&aanv, &crisis, &cs, &status, &egd, &egw, &z.EersteGesprekTermijn.Uitleg, &eg, &bd, &bw, &z.BesluitTermijn.Uitleg, &z.Besluit,
		&bdat, &grond, &einde, &z.EindeReden, &z.EindeToelichting, &vd, &z.Aangemaakt, &z.Door, &z.Versie, &z.Heropend, &hop, &statushouder, &verwijzing); err != nil {
		return err
	}
	z.Kanaal, z.Route, z.Status, z.CrisisSoort, z.Weigeringsgrond = Kanaal(kanaal), Route(route), Status(status), CrisisSoort(cs), Weigeringsgrond(grond)
	z.Crisis, z.Startdatum, z.AanbodAanvaard = crisis == 1, leesDatum(start), leesDatum(aanv)
	z.EersteGesprekTermijn.Datum, z.EersteGesprekTermijn.Wettelijk, z.EersteGesprek = leesDatum(egd), leesDatum(egw), leesDatum(eg)
	z.BesluitTermijn.Datum, z.BesluitTermijn.Wettelijk, z.BesluitDatum, z.Einde = leesDatum(bd), leesDatum(bw), leesDatum(bdat), leesDatum(einde)
	z.HeropendOp, z.Statushouder, z.VerwijzingID = leesDatum(hop), statushouder == 1, verwijzing.Int64
	if vd != geenDeadline {
		z.VolgendeDeadline = leesDatum(vd)
	}
	z.Gestart, z.Aangemaakt = z.Gestart.UTC(), z.Aangemaakt.UTC()
	return nil
}

// leesZaak reads one zaak of the gemeente.
func leesZaak(ctx context.Context, q queryer, gemeente string, id int64) (Zaak, error) {
	var z Zaak
	err := scanZaak(q.QueryRowContext(ctx, `SELECT `+zaakKolommen+` FROM zaken_zaak WHERE gemeente = $1 AND id = $2`, gemeente, id), &z)
	if errors.Is(err, sql.ErrNoRows) {
		return z, fmt.Errorf("zaken: zaak %d: %w", id, ErrNietGevonden)
	}
	if err != nil {
		return z, fmt.Errorf("zaken: zaak %d: %w", id, store.MapError(err))
	}
	return z, nil
}

// Zaak returns one zaak of the gemeente with its persons, signals, the household's regie, plan and
// timeline, and the household's other zaken. Showing it is a processing of the household's data: one
// audit row with the BSNs of its persons.
func (s *Service) Zaak(ctx context.Context, gemeente string, id int64) (Detail, error) {
	var d Detail
	err := s.sdb.ReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if d.Zaak, err = leesZaak(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if d.Personen, err = personen(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if d.Signalen, err = signalen(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if d.Aanvraag, err = aanvraag(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if d.Overzicht, err = overzicht(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if d.Brieven, err = brieven(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if d.Stappen, err = stappen(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if d.BVV, err = leesBVV(ctx, tx, gemeente, id); err != nil {
			return err
		}
		if d.Zaak.HuishoudenID == "" {
			// No household yet (an online request): only the zaak's own timeline.
			d.Tijdlijn, d.AantalGebeurtenissen, err = tijdlijnZaak(ctx, tx, gemeente, id)
			return err
		}
		if d.Regie, err = regie(ctx, tx, gemeente, d.Zaak.HuishoudenID); err != nil {
			return err
		}
		if d.Doelen, err = doelen(ctx, tx, gemeente, d.Zaak.HuishoudenID); err != nil {
			return err
		}
		if d.Tijdlijn, d.AantalGebeurtenissen, err = tijdlijn(ctx, tx, gemeente, d.Zaak.HuishoudenID); err != nil {
			return err
		}
		if d.Andere, err = andere(ctx, tx, gemeente, d.Zaak.HuishoudenID, id); err != nil {
			return err
		}
		if d.Nazorg, err = nazorgVan(ctx, tx, gemeente, id); err != nil {
			return err
		}
		in, err := s.instellingen(ctx, tx, gemeente)
		d.TerugvalTot = in.Terugval.TerugvalTot(d.Zaak)
		return err
	})
	if err != nil {
		return Detail{}, err
	}
	var bsns []string
	for _, p := range d.Personen {
		bsns = append(bsns, p.BSN)
	}
	if err := s.logZaak(ctx, nil, gemeente, id, d.Zaak.HuishoudenID, bsns, "zaak.bekijken", audit.Lezen); err != nil {
		return Detail{}, err
	}
	return d, nil
}

func personen(ctx context.Context, q queryer, gemeente string, id int64) ([]Persoon, error) {
	rows, err := q.QueryContext(ctx, `SELECT bsn, rol, geboortedatum FROM zaken_persoon WHERE gemeente = $1 AND zaak_id = $2 ORDER BY id`, gemeente, id)
	if err != nil {
		return nil, fmt.Errorf("zaken: personen: %w", err)
	}
	defer rows.Close()
	var out []Persoon
	for rows.Next() {
		var p Persoon
		var geb string
		if err := rows.Scan(&p.BSN, &p.Rol, &geb); err != nil {
			return nil, fmt.Errorf("zaken: personen: %w", err)
		}
		p.Geboortedatum = leesDatum(geb)
		out = append(out, p)
	}
	return out, rows.Err()
}

func signalen(ctx context.Context, q queryer, gemeente string, id int64) ([]Signaal, error) {
	rows, err := q.QueryContext(ctx, `SELECT partner, partnertype, bedrag_cent, ontstaansdatum, crisissoort FROM zaken_signaal
		WHERE gemeente = $1 AND zaak_id = $2 ORDER BY id LIMIT `+strconv.Itoa(MaxPlan), gemeente, id)
	if err != nil {
		return nil, fmt.Errorf("zaken: signalen: %w", err)
	}
	defer rows.Close()
	var out []Signaal
	for rows.Next() {
		var sg Signaal
		var bedrag int64
		var od string
		if err := rows.Scan(&sg.Partner, &sg.PartnerType, &bedrag, &od, &sg.CrisisSoort); err != nil {
			return nil, fmt.Errorf("zaken: signalen: %w", err)
		}
		sg.Bedrag, sg.Ontstaansdatum = geld.Bedrag(bedrag), leesDatum(od)
		out = append(out, sg)
	}
	return out, rows.Err()
}

func regie(ctx context.Context, q queryer, gemeente, huishouden string) (Regie, error) {
	var r Regie
	var sinds sql.NullTime
	err := q.QueryRowContext(ctx, `SELECT regisseur_id, regisseur_naam, regisseur_sinds, versie FROM zaken_huishouden
		WHERE gemeente = $1 AND huishouden_id = $2`, gemeente, huishouden).Scan(&r.RegisseurID, &r.RegisseurNaam, &sinds, &r.Versie)
	if errors.Is(err, sql.ErrNoRows) {
		return Regie{}, nil
	}
	if err != nil {
		return r, fmt.Errorf("zaken: regie: %w", err)
	}
	if sinds.Valid {
		r.Sinds = sinds.Time.UTC()
	}
	return r, nil
}

func doelen(ctx context.Context, q queryer, gemeente, huishouden string) ([]Doel, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, domein, omschrijving, streefdatum FROM zaken_doel WHERE gemeente = $1 AND huishouden_id = $2
		ORDER BY id LIMIT `+strconv.Itoa(MaxPlan), gemeente, huishouden)
	if err != nil {
		return nil, fmt.Errorf("zaken: doelen: %w", err)
	}
	var out []Doel
	plek := map[int64]int{}
	for rows.Next() {
		var d Doel
		var dom, sd string
		if err := rows.Scan(&d.ID, &dom, &d.Omschrijving, &sd); err != nil {
			rows.Close()
			return nil, fmt.Errorf("zaken: doelen: %w", err)
		}
		d.Domein, d.Streefdatum = Domein(dom), leesDatum(sd)
		plek[d.ID] = len(out)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("zaken: doelen: %w", err)
	}
	rows, err = q.QueryContext(ctx, `SELECT id, doel_id, omschrijving, wie, wie_naam, COALESCE(partner_id, ''), datum, gedaan FROM zaken_actie
		WHERE gemeente = $1 AND huishouden_id = $2 ORDER BY doel_id, id LIMIT `+strconv.Itoa(MaxPlan), gemeente, huishouden)
	if err != nil {
		return nil, fmt.Errorf("zaken: acties: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a Actie
		var wie, dt, gd string
		if err := rows.Scan(&a.ID, &a.DoelID, &a.Omschrijving, &wie, &a.WieNaam, &a.PartnerID, &dt, &gd); err != nil {
			return nil, fmt.Errorf("zaken: acties: %w", err)
		}
		a.Wie, a.Datum, a.Gedaan = Wie(wie), leesDatum(dt), leesDatum(gd)
		if i, ok := plek[a.DoelID]; ok {
			out[i].Acties = append(out[i].Acties, a)
		}
	}
	return out, rows.Err()
}

func tijdlijn(ctx context.Context, q queryer, gemeente, huishouden string) ([]Gebeurtenis, int, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_gebeurtenis WHERE gemeente = $1 AND huishouden_id = $2`,
		gemeente, huishouden).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("zaken: tijdlijn: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT tijd, zaak_id, soort, tekst, door FROM zaken_gebeurtenis WHERE gemeente = $1 AND huishouden_id = $2
		ORDER BY id DESC LIMIT `+strconv.Itoa(MaxTijdlijn), gemeente, huishouden)
	if err != nil {
		return nil, 0, fmt.Errorf("zaken: tijdlijn: %w", err)
	}
	defer rows.Close()
	var out []Gebeurtenis
	for rows.Next() {
		var g Gebeurtenis
		if err := rows.Scan(&g.Tijd, &g.ZaakID, &g.Soort, &g.Tekst, &g.Door); err != nil {
			return nil, 0, fmt.Errorf("zaken: tijdlijn: %w", err)
		}
		g.Tijd = g.Tijd.UTC()
		out = append(out, g)
	}
	slices.Reverse(out)
	return out, n, rows.Err()
}

func tijdlijnZaak(ctx context.Context, q queryer, gemeente string, id int64) ([]Gebeurtenis, int, error) {
	rows, err := q.QueryContext(ctx, `SELECT tijd, zaak_id, soort, tekst, door FROM zaken_gebeurtenis WHERE gemeente = $1 AND zaak_id = $2
		ORDER BY id LIMIT `+strconv.Itoa(MaxTijdlijn), gemeente, id)
	if err != nil {
		return nil, 0, fmt.Errorf("zaken: tijdlijn: %w", err)
	}
	defer rows.Close()
	var out []Gebeurtenis
	for rows.Next() {
		var g Gebeurtenis
		if err := rows.Scan(&g.Tijd, &g.ZaakID, &g.Soort, &g.Tekst, &g.Door); err != nil {
			return nil, 0, fmt.Errorf("zaken: tijdlijn: %w", err)
		}
		g.Tijd = g.Tijd.UTC()
		out = append(out, g)
	}
	return out, len(out), rows.Err()
}

func andere(ctx context.Context, q queryer, gemeente, huishouden string, id int64) ([]ZaakKort, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, status, gestart, einde FROM zaken_zaak WHERE gemeente = $1 AND huishouden_id = $2 AND id <> $3
		ORDER BY id DESC LIMIT 20`, gemeente, huishouden, id)
	if err != nil {
		return nil, fmt.Errorf("zaken: andere zaken: %w", err)
	}
	defer rows.Close()
	var out []ZaakKort
	for rows.Next() {
		var k ZaakKort
		var st, e string
		if err := rows.Scan(&k.ID, &st, &k.Gestart, &e); err != nil {
			return nil, fmt.Errorf("zaken: andere zaken: %w", err)
		}
		k.Status, k.Einde = Status(st), leesDatum(e)
		out = append(out, k)
	}
	return out, rows.Err()
}
