package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/bsn"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/store"
)

// Medewerker is the case worker who does something: their user id and display name.
type Medewerker struct {
	ID   int64
	Naam string
}

// Hulpvraag is the intake of a zaak at the desk, by phone or from the resident's own online request.
type Hulpvraag struct {
	// The household: its id in the register, or the BSN of one of its persons (one of the two).
	HuishoudenID string
	BSN          string
	Kanaal       Kanaal
	Route        Route
	// Gestart is the moment the resident turned to the college (Wgs art. 4 lid 1 onder a): it starts
	// the clock. Not in the future.
	Gestart     time.Time
	Crisis      bool
	CrisisSoort CrisisSoort // required when Crisis
	Toelichting string      // the hulpvraag in a few words, on the timeline (optional)
}

// Vroegsignaal is what a zaak takes from the vroegsignaalzaak it starts from (the composition root reads
// it from vroegsignalering; this package does not import signalen).
type Vroegsignaal struct {
	ID           int64
	HuishoudenID string // the register's id of the household ("" when the signals matched none)
	Woonplaats   string
	Ontvangen    datum.Datum // the first receipt of a signal: the clock of Wgs art. 4 lid 1 onder b
	Crisis       bool
	CrisisSoort  CrisisSoort // when the signal named a bedreigende situatie of art. 4 lid 2
	Signalen     []Signaal
	BSNs         []string // of the residents of the signals
}

// fout is an input error at a named field of the intake form (errs.Fields, so errs.Invalid).
func fout(veld, bericht string) error { return fmt.Errorf("zaken: %w", errs.FieldError(veld, bericht)) }

// OpenZaak is ErrOpenZaak with the id of the household's open zaak.
type OpenZaak struct{ ID int64 }

func (o *OpenZaak) Error() string {
	return fmt.Sprintf("zaken: het huishouden heeft al een open zaak (zaak %d)", o.ID)
}
func (o *OpenZaak) Unwrap() error { return ErrOpenZaak }

// MaxToelichting bounds free text on a zaak.
const MaxToelichting = 4000

// Start registers a zaak from a hulpvraag: it finds the household in the register, computes the
// deadline of the first conversation, records the persons, makes the case worker the household's
// regisseur when it has none, and writes the timeline and the audit log. A household with an open zaak
// gets no second one (ErrOpenZaak, with the open zaak's id in the message).
func (s *Service) Start(ctx context.Context, gemeente string, h Hulpvraag, door Medewerker) (int64, error) {
	if !h.Kanaal.Geldig() || h.Kanaal == Vroegsignalering || h.Kanaal == Verwijzing {
		return 0, fout("kanaal", "Kies hoe de hulpvraag binnenkwam: balie, telefoon of online.")
	}
	if !h.Route.Geldig() {
		return 0, fout("route", "Kies de route: schuldhulp of ondernemers en zzp.")
	}
	if h.Gestart.IsZero() {
		return 0, fout("gestart", "Vul de datum en tijd van de hulpvraag in.")
	}
	if h.Gestart.After(s.klok().Add(5 * time.Minute)) {
		return 0, fout("gestart", "De hulpvraag kan niet in de toekomst liggen.")
	}
	if h.Crisis && !h.CrisisSoort.Geldig() {
		return 0, fout("crisissoort", "Kies welke bedreigende situatie er is.")
	}
	if !h.Crisis {
		h.CrisisSoort = ""
	}
	if len([]rune(h.Toelichting)) > MaxToelichting {
		return 0, fout("toelichting", "De toelichting is te lang: gebruik hoogstens 4.000 tekens.")
	}
	rec, err := s.huishouden(ctx, gemeente, strings.TrimSpace(h.HuishoudenID), strings.TrimSpace(h.BSN))
	if err != nil {
		return 0, err
	}
	z := Zaak{Gemeente: gemeente, HuishoudenID: rec.ID, Woonplaats: rec.H.Woonplaats, Kanaal: h.Kanaal, Route: h.Route,
		Gestart: h.Gestart.UTC(), Startdatum: datum.Van(h.Gestart, s.zone), Crisis: h.Crisis, CrisisSoort: h.CrisisSoort}
	personen := personenVan(rec)
	tekst := h.Kanaal.Naam() + ", route " + strings.ToLower(h.Route.Naam()) + "."
	if h.Crisis {
		tekst += " Bedreigende situatie: " + strings.ToLower(h.CrisisSoort.Naam()) + "."
	}
	if t := strings.TrimSpace(h.Toelichting); t != "" {
		tekst += " Hulpvraag: " + t
	}
	return s.maak(ctx, z, personen, nil, tekst, door)
}

// VanVroegsignaal starts a zaak from a vroegsignaalzaak whose offer the resident accepted on aanvaard:
// the clock runs from the receipt of the signal (Wgs art. 4 lid 1 onder b), the signals come along and
// the link is kept both ways (Zaak.VroegsignaalzaakID; ZaakVanVroegsignaal). A second click finds the
// zaak already made (ErrOpenZaak or errs.Conflict with its id).
func (s *Service) VanVroegsignaal(ctx context.Context, gemeente string, v Vroegsignaal, route Route, aanvaard datum.Datum, door Medewerker) (int64, error) {
	if v.ID <= 0 || v.Ontvangen.IsZero() {
		return 0, fmt.Errorf("%w: vroegsignaalzaak zonder id of ontvangstdatum", errs.Invalid)
	}
	if id, ok, err := s.ZaakVanVroegsignaal(ctx, gemeente, v.ID); err != nil {
		return 0, err
	} else if ok {
		return id, fmt.Errorf("%w: vroegsignaalzaak %d heeft al zaak %d", errs.Conflict, v.ID, id)
	}
	if v.HuishoudenID == "" {
		return 0, fout("huishouden", "De signalen zijn niet gekoppeld aan een huishouden uit de huishoudregistratie. Start de zaak via Nieuwe zaak met het BSN van de inwoner.")
	}
	if !route.Geldig() {
		return 0, fout("route", "Kies de route: schuldhulp of ondernemers en zzp.")
	}
	if aanvaard.IsZero() || aanvaard.Na(s.Vandaag()) || aanvaard.Voor(v.Ontvangen) {
		return 0, fout("aanvaard", "De datum waarop de inwoner het aanbod aanvaardde ligt tussen de ontvangst van het signaal en vandaag.")
	}
	rec, err := s.huishouden(ctx, gemeente, v.HuishoudenID, "")
	if err != nil {
		return 0, err
	}
	start, _ := time.ParseInLocation(time.DateOnly, v.Ontvangen.String(), s.zone)
	z := Zaak{Gemeente: gemeente, HuishoudenID: rec.ID, Woonplaats: rec.H.Woonplaats, Kanaal: Vroegsignalering, Route: route,
		Gestart: start.UTC(), Startdatum: v.Ontvangen, VroegsignaalzaakID: v.ID, AanbodAanvaard: aanvaard,
		Crisis: v.Crisis && v.CrisisSoort.Geldig(), CrisisSoort: v.CrisisSoort}
	if !z.Crisis {
		z.CrisisSoort = ""
	}
	personen := personenVan(rec)
	tekst := fmt.Sprintf("Gestart vanuit vroegsignaalzaak %d: signaal ontvangen op %s, aanbod aanvaard op %s; %d signalen meegenomen.",
		v.ID, v.Ontvangen, aanvaard, len(v.Signalen))
	return s.maak(ctx, z, personen, v.Signalen, tekst, door)
}

// personenVan copies the persons of a register household: BSN, role, birth date.
func personenVan(rec *register.Record) []Persoon {
	var personen []Persoon
	for i, p := range rec.H.Personen {
		pp := Persoon{Rol: string(p.Rol)}
		if i < len(rec.BSN) {
			pp.BSN = rec.BSN[i]
		}
		if p.Geboortedatum != nil {
			pp.Geboortedatum = datum.Van(p.Geboortedatum.Tijd(), nil)
		}
		personen = append(personen, pp)
	}
	return personen
}

// huishouden finds the household by its id or by a person's BSN.
func (s *Service) huishouden(ctx context.Context, gemeente, id, b string) (*register.Record, error) {
	switch {
	case id != "" && b != "":
		return nil, fout("huishouden", "Vul het BSN of het huishoudnummer in, niet allebei.")
	case id != "":
		rec, err := register.Huishouden(ctx, s.sdb, gemeente, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil, fout("huishouden", "Er is geen huishouden met dit nummer in de huishoudregistratie van de gemeente.")
		}
		return rec, err
	case b != "":
		if !bsn.Geldig(b) {
			return nil, fout("bsn", "Dit is geen geldig BSN: 9 cijfers die de elfproef doorstaan.")
		}
		recs, err := register.ZoekOpBSN(ctx, s.sdb, gemeente, b)
		if err != nil {
			return nil, err
		}
		switch len(recs) {
		case 0:
			return nil, fout("bsn", "Niemand met dit BSN staat in de huishoudregistratie van de gemeente. Importeer de huishoudens of gebruik het huishoudnummer.")
		case 1:
			return recs[0], nil
		}
		var ids []string
		for _, r := range recs {
			ids = append(ids, r.ID)
		}
		return nil, fout("bsn", "Dit BSN staat in meer huishoudens ("+strings.Join(ids, ", ")+"). Kies het huishoudnummer.")
	}
	return nil, fout("bsn", "Vul het BSN van iemand uit het huishouden in, of het huishoudnummer.")
}

// maak stores a new zaak with its persons and signals, in one transaction with its timeline and audit row.
func (s *Service) maak(ctx context.Context, z Zaak, personen []Persoon, sigs []Signaal, tekst string, door Medewerker) (int64, error) {
	defer s.ind.vergeet(z.Gemeente)
	var id int64
	err := s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		var open int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM zaken_zaak WHERE gemeente = $1 AND huishouden_id = $2 AND open = 1`,
			z.Gemeente, z.HuishoudenID).Scan(&open)
		if err == nil {
			return &OpenZaak{ID: open}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("zaken: open zaak zoeken: %w", err)
		}
		in, err := s.instellingen(ctx, tx, z.Gemeente)
		if err != nil {
			return err
		}
		dl, err := in.EersteGesprekTermijn(z.Startdatum, z.Crisis)
		if err != nil {
			return fmt.Errorf("zaken: termijn eerste gesprek: %w", err)
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO zaken_zaak (gemeente, huishouden_id, woonplaats, kanaal, route, gestart, startdatum,
			vroegsignaalzaak_id, aanbod_aanvaard, crisis, crisissoort, status, open, eerste_gesprek_deadline, eerste_gesprek_wettelijk,
			eerste_gesprek_uitleg, volgende_deadline, aangemaakt, door)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $14, $15, $13, $16, $17) RETURNING id`,
			z.Gemeente, z.HuishoudenID, z.Woonplaats, string(z.Kanaal), string(z.Route), z.Gestart, z.Startdatum.String(),
			z.VroegsignaalzaakID, z.AanbodAanvaard.String(), b2i(z.Crisis), string(z.CrisisSoort), string(Aangemeld),
			dl.Datum.String(), dl.Wettelijk.String(), dl.Uitleg, s.klok().UTC(), door.Naam).Scan(&id)
		if err != nil {
			if errors.Is(store.MapError(err), store.ErrConflict) {
				return fmt.Errorf("%w: %v", ErrOpenZaak, err)
			}
			return fmt.Errorf("zaken: zaak opslaan: %w", err)
		}
		if kt := kindTot(personen, s.Vandaag()); kt != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET kind_tot = $1 WHERE gemeente = $2 AND id = $3`, kt, z.Gemeente, id); err != nil {
				return fmt.Errorf("zaken: kinderen: %w", err)
			}
		}
		var bsns []string
		for _, p := range personen {
			if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_persoon (gemeente, zaak_id, bsn, rol, geboortedatum) VALUES ($1, $2, $3, $4, $5)`,
				z.Gemeente, id, p.BSN, p.Rol, p.Geboortedatum.String()); err != nil {
				return fmt.Errorf("zaken: persoon opslaan: %w", err)
			}
			bsns = append(bsns, p.BSN)
		}
		for _, sg := range sigs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_signaal (gemeente, zaak_id, partner, partnertype, bedrag_cent, ontstaansdatum, crisissoort)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, z.Gemeente, id, sg.Partner, sg.PartnerType, int64(sg.Bedrag), sg.Ontstaansdatum.String(),
				sg.CrisisSoort); err != nil {
				return fmt.Errorf("zaken: signaal opslaan: %w", err)
			}
		}
		if err := s.gebeurtenis(ctx, tx, z.Gemeente, z.HuishoudenID, id, "aangemeld", "Zaak "+strconv.FormatInt(id, 10)+" aangemeld. "+tekst+
			" Eerste gesprek uiterlijk "+dl.Datum.String()+": "+dl.Uitleg, door.Naam); err != nil {
			return err
		}
		if err := s.regieBijStart(ctx, tx, z.Gemeente, z.HuishoudenID, id, door); err != nil {
			return err
		}
		return s.logZaak(ctx, tx, z.Gemeente, id, z.HuishoudenID, bsns, "zaak.aanmaken", audit.Aanmaken)
	})
	return id, err
}

// regieBijStart makes the case worker the household's regisseur when it has none.
func (s *Service) regieBijStart(ctx context.Context, tx *sql.Tx, gemeente, huishouden string, zaak int64, door Medewerker) error {
	var rid int64
	err := tx.QueryRowContext(ctx, `SELECT regisseur_id FROM zaken_huishouden WHERE gemeente = $1 AND huishouden_id = $2`,
		gemeente, huishouden).Scan(&rid)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = tx.ExecContext(ctx, `INSERT INTO zaken_huishouden (gemeente, huishouden_id, regisseur_id, regisseur_naam, regisseur_sinds)
			VALUES ($1, $2, $3, $4, $5)`, gemeente, huishouden, door.ID, door.Naam, s.klok().UTC())
	case err != nil:
	case rid == 0 && door.ID > 0:
		_, err = tx.ExecContext(ctx, `UPDATE zaken_huishouden SET regisseur_id = $1, regisseur_naam = $2, regisseur_sinds = $3, versie = versie + 1
			WHERE gemeente = $4 AND huishouden_id = $5`, door.ID, door.Naam, s.klok().UTC(), gemeente, huishouden)
	default:
		return nil
	}
	if err != nil {
		return fmt.Errorf("zaken: regie: %w", err)
	}
	if door.ID == 0 {
		return nil
	}
	return s.gebeurtenis(ctx, tx, gemeente, huishouden, zaak, "regie", door.Naam+" is regisseur van het huishouden.", door.Naam)
}

// ZaakVanVroegsignaal returns the zaak started from vroegsignaalzaak vs, if any.
func (s *Service) ZaakVanVroegsignaal(ctx context.Context, gemeente string, vs int64) (int64, bool, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM zaken_zaak WHERE gemeente = $1 AND vroegsignaalzaak_id = $2`, gemeente, vs).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("zaken: zaak bij vroegsignaalzaak: %w", store.MapError(err))
	}
	return id, true, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
