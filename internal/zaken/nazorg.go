package zaken

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/zeker-platform/zeker/internal/datum"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/store"
)

// Nazorg and the terugvalgarantie. After a zaak ends, a partner can take over nazorg with planned
// contact moments (the partner is held by its id, never its name: a merge moves the rows, VerhuisPartner).
// A resident who relapses within the gemeente's terugval period after the zaak was completed gets the
// same zaak reopened with everything kept — persons, signals, plan, regisseur, timeline — without a new
// application (Borger-Odoorn, seed 000: residents fear to "bij een terugval opnieuw door het hele
// aanvraagproces" to have to go).

// Terugvalregel is the gemeente's terugvalgarantie: months after completing within which a zaak can be
// reopened (0 = not set: no reopening), with the text it comes from.
type Terugvalregel struct {
	Maanden int
	Bron    string
}

// MaxTerugvalMaanden bounds the terugval period.
const MaxTerugvalMaanden = 120

// Controleer checks the rule; the error names the field.
func (t Terugvalregel) Controleer() error {
	if t.Maanden < 0 || t.Maanden > MaxTerugvalMaanden {
		return fmt.Errorf("%w: terugvalperiode %d maanden: kies 0 (niet ingesteld) tot en met %d", ErrOngeldig, t.Maanden, MaxTerugvalMaanden)
	}
	if t.Maanden > 0 && strings.TrimSpace(t.Bron) == "" {
		return fmt.Errorf("%w: terugvalperiode: noem de bron (plan of beleidsregel) van de terugvalgarantie", ErrOngeldig)
	}
	if utf8.RuneCountInString(t.Bron) > 1000 {
		return fmt.Errorf("%w: terugvalperiode: de bron is te lang (hoogstens 1.000 tekens)", ErrOngeldig)
	}
	return nil
}

// TerugvalTot is the last day on which a zaak completed on einde can be reopened (zero when the
// gemeente set no period or the zaak was not completed).
func (t Terugvalregel) TerugvalTot(z Zaak) datum.Datum {
	if t.Maanden <= 0 || z.Status != Afgerond || z.Einde.IsZero() {
		return datum.Datum{}
	}
	return z.Einde.PlusMaanden(t.Maanden)
}

// Contactmoment is a planned contact of a nazorg.
type Contactmoment struct {
	ID        int64
	Datum     datum.Datum
	Onderwerp string
	Gedaan    datum.Datum // zero = not yet
	Verslag   string
	Status    MomentStatus // derived from the days (momentStatus, nazorg_partner.go)
}

// Nazorg is nazorg of a zaak by a partner.
type Nazorg struct {
	ID         int64
	PartnerID  string
	Start      datum.Datum
	Afgesloten datum.Datum // zero = running
	Reden      string
	Door       string
	Momenten   []Contactmoment
	// Referentie is the random reference the partner sees instead of the zaak id (nazorg_partner.go).
	Referentie string
}

// NieuwMoment is a contact moment to plan.
type NieuwMoment struct {
	Datum     datum.Datum
	Onderwerp string
}

// MaxMomenten bounds the contact moments of one nazorg.
const MaxMomenten = 24

// controleerPartner refuses a partner that is not a member of the gemeente today.
func (s *Service) controleerPartner(ctx context.Context, gemeente, id, veld string) error {
	if strings.TrimSpace(id) == "" {
		return fout(veld, "Kies de partner.")
	}
	if s.prt == nil {
		return fout(veld, "Er is geen partnerregister gekoppeld; een partner kan nu niet worden gekozen.")
	}
	ok, err := s.prt.IsLidOp(ctx, id, gemeente, s.Vandaag().Tijd())
	if err != nil {
		return fmt.Errorf("zaken: partner: %w", err)
	}
	if !ok {
		return fout(veld, "Deze partner werkt nu niet voor de gemeente. Kies een partner uit de lijst.")
	}
	return nil
}

func (s *Service) controleerMoment(m NieuwMoment, van datum.Datum, veld string) (string, error) {
	if m.Datum.IsZero() {
		return "", fout(veld+"-datum", "Vul de datum van het contactmoment in (JJJJ-MM-DD).")
	}
	if m.Datum.Voor(van) {
		return "", fout(veld+"-datum", "Een contactmoment ligt niet voor het begin van de nazorg ("+van.String()+").")
	}
	if m.Datum.Na(van.PlusMaanden(MaxTerugvalMaanden)) {
		return "", fout(veld+"-datum", "Een contactmoment ligt hoogstens tien jaar na het begin.")
	}
	oms, err := tekstVeld(veld+"-onderwerp", m.Onderwerp, true, "waar het contactmoment over gaat")
	if err == nil && utf8.RuneCountInString(oms) > 200 {
		err = fout(veld+"-onderwerp", "Het onderwerp is te lang: gebruik hoogstens 200 tekens.")
	}
	return oms, err
}

// StartNazorg hands a zaak that ended (afgerond or beëindigd) to a partner for nazorg from start, with
// its first planned contact moments. One running nazorg per zaak.
func (s *Service) StartNazorg(ctx context.Context, gemeente string, id int64, versie int, partnerID string, start datum.Datum, momenten []NieuwMoment, door Medewerker) error {
	if err := s.controleerPartner(ctx, gemeente, partnerID, "nazorg-partner"); err != nil {
		return err
	}
	if start.IsZero() {
		return fout("nazorg-start", "Vul de begindatum van de nazorg in (JJJJ-MM-DD).")
	}
	if len(momenten) > MaxMomenten {
		return fout("moment-datum", "Plan hoogstens "+strconv.Itoa(MaxMomenten)+" contactmomenten.")
	}
	var oms []string
	for _, m := range momenten {
		o, err := s.controleerMoment(m, start, "moment")
		if err != nil {
			return err
		}
		oms = append(oms, o)
	}
	return s.wijzig(ctx, gemeente, id, versie, "nazorg", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if z.Status != Afgerond && z.Status != Beeindigd {
			return "", fmt.Errorf("%w: nazorg begint na het einde van de zaak", ErrStatus)
		}
		if start.Voor(z.Einde) {
			return "", fout("nazorg-start", "De nazorg begint niet voor het einde van de zaak ("+z.Einde.String()+").")
		}
		var lopend int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_nazorg WHERE gemeente = $1 AND zaak_id = $2 AND afgesloten = ''`,
			gemeente, id).Scan(&lopend); err != nil {
			return "", fmt.Errorf("zaken: nazorg: %w", err)
		}
		if lopend > 0 {
			return "", fmt.Errorf("%w: deze zaak heeft al nazorg", ErrStatus)
		}
		var nid int64
		ref, err := nieuweReferentie()
		if err != nil {
			return "", err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO zaken_nazorg (gemeente, zaak_id, huishouden_id, partner_id, start, door, aangemaakt, referentie)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, gemeente, id, z.HuishoudenID, partnerID, start.String(), door.Naam,
			s.klok().UTC(), ref).Scan(&nid); err != nil {
			return "", fmt.Errorf("zaken: nazorg: %w", store.MapError(err))
		}
		for i, m := range momenten {
			if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_contactmoment (gemeente, nazorg_id, datum, onderwerp) VALUES ($1, $2, $3, $4)`,
				gemeente, nid, m.Datum.String(), oms[i]); err != nil {
				return "", fmt.Errorf("zaken: contactmoment: %w", err)
			}
		}
		// The partner's name is not stored: the timeline names it by its id, the page looks the name up.
		return "Nazorg door partner " + partnerID + " vanaf " + start.String() + "; " + strconv.Itoa(len(momenten)) + " contactmomenten gepland.", nil
	})
}

// PlanContact adds a planned contact moment to the zaak's running nazorg.
func (s *Service) PlanContact(ctx context.Context, gemeente string, id int64, versie int, m NieuwMoment, door Medewerker) error {
	return s.wijzig(ctx, gemeente, id, versie, "contactmoment", door, func(tx *sql.Tx, z Zaak) (string, error) {
		n, err := lopendeNazorg(ctx, tx, gemeente, id)
		if err != nil {
			return "", err
		}
		oms, err := s.controleerMoment(m, n.Start, "moment")
		if err != nil {
			return "", err
		}
		var aantal int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM zaken_contactmoment WHERE gemeente = $1 AND nazorg_id = $2`, gemeente, n.ID).Scan(&aantal); err != nil {
			return "", fmt.Errorf("zaken: contactmoment: %w", err)
		}
		if aantal >= MaxMomenten {
			return "", fout("moment-datum", "De nazorg heeft al "+strconv.Itoa(MaxMomenten)+" contactmomenten.")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_contactmoment (gemeente, nazorg_id, datum, onderwerp) VALUES ($1, $2, $3, $4)`,
			gemeente, n.ID, m.Datum.String(), oms); err != nil {
			return "", fmt.Errorf("zaken: contactmoment: %w", err)
		}
		return "Contactmoment nazorg gepland op " + m.Datum.String() + ": " + oms + ".", nil
	})
}

// ContactGedaan records that a planned contact moment of the zaak's nazorg took place on op.
func (s *Service) ContactGedaan(ctx context.Context, gemeente string, id int64, versie int, moment int64, op datum.Datum, verslag string, door Medewerker) error {
	v, err := tekstVeld("verslag", verslag, false, "")
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "contact-gedaan", door, func(tx *sql.Tx, z Zaak) (string, error) {
		n, err := lopendeNazorg(ctx, tx, gemeente, id)
		if err != nil {
			return "", err
		}
		if err := s.datumTussen("gedaan-datum", op, n.Start, "het begin van de nazorg"); err != nil {
			return "", err
		}
		r, err := tx.ExecContext(ctx, `UPDATE zaken_contactmoment SET gedaan = $1, verslag = $2 WHERE gemeente = $3 AND nazorg_id = $4 AND id = $5 AND gedaan = ''`,
			op.String(), v, gemeente, n.ID, moment)
		if err != nil {
			return "", fmt.Errorf("zaken: contactmoment: %w", err)
		}
		if k, _ := r.RowsAffected(); k != 1 {
			return "", fmt.Errorf("zaken: contactmoment %d: %w", moment, ErrNietGevonden)
		}
		return strings.TrimSpace("Contactmoment nazorg gehouden op " + op.String() + ". " + v), nil
	})
}

func lopendeNazorg(ctx context.Context, q queryer, gemeente string, id int64) (Nazorg, error) {
	var n Nazorg
	var start string
	err := q.QueryRowContext(ctx, `SELECT id, partner_id, start FROM zaken_nazorg WHERE gemeente = $1 AND zaak_id = $2 AND afgesloten = ''`,
		gemeente, id).Scan(&n.ID, &n.PartnerID, &start)
	if errors.Is(err, sql.ErrNoRows) {
		return n, fmt.Errorf("%w: deze zaak heeft geen lopende nazorg", ErrStatus)
	}
	if err != nil {
		return n, fmt.Errorf("zaken: nazorg: %w", err)
	}
	n.Start = leesDatum(start)
	return n, nil
}

// nazorgVan reads the zaak's nazorg (the newest first) with its contact moments.
func nazorgVan(ctx context.Context, q queryer, gemeente string, id int64) ([]Nazorg, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, partner_id, start, afgesloten, reden, door, referentie FROM zaken_nazorg WHERE gemeente = $1 AND zaak_id = $2
		ORDER BY id DESC LIMIT 20`, gemeente, id)
	if err != nil {
		return nil, fmt.Errorf("zaken: nazorg: %w", err)
	}
	var out []Nazorg
	for rows.Next() {
		var n Nazorg
		var st, af string
		if err := rows.Scan(&n.ID, &n.PartnerID, &st, &af, &n.Reden, &n.Door, &n.Referentie); err != nil {
			rows.Close()
			return nil, fmt.Errorf("zaken: nazorg: %w", err)
		}
		n.Start, n.Afgesloten = leesDatum(st), leesDatum(af)
		out = append(out, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		rs, err := q.QueryContext(ctx, `SELECT id, datum, onderwerp, gedaan, verslag FROM zaken_contactmoment WHERE gemeente = $1 AND nazorg_id = $2
			ORDER BY datum, id`, gemeente, out[i].ID)
		if err != nil {
			return nil, fmt.Errorf("zaken: contactmomenten: %w", err)
		}
		for rs.Next() {
			var m Contactmoment
			var dt, gd string
			if err := rs.Scan(&m.ID, &dt, &m.Onderwerp, &gd, &m.Verslag); err != nil {
				rs.Close()
				return nil, fmt.Errorf("zaken: contactmomenten: %w", err)
			}
			m.Datum, m.Gedaan = leesDatum(dt), leesDatum(gd)
			out[i].Momenten = append(out[i].Momenten, m)
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return nil, err
		}
		markeerStatus(&out[i])
	}
	return out, nil
}

// Heropen reopens a completed zaak under the terugvalgarantie: within the gemeente's period after its
// end, the same zaak is open again with status plan van aanpak, everything kept (persons, signals,
// plan, regisseur, timeline) and no new application; its running nazorg ends with the reason. Refused
// after the period, without a period set, or when the household has another open zaak (OpenZaak).
func (s *Service) Heropen(ctx context.Context, gemeente string, id int64, versie int, reden string, door Medewerker) error {
	t, err := tekstVeld("terugval-reden", reden, true, "wat er gebeurde (de terugval)")
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "heropend", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if z.Status != Afgerond {
			return "", fmt.Errorf("%w: alleen een afgeronde zaak valt onder de terugvalgarantie", ErrStatus)
		}
		in, err := s.instellingen(ctx, tx, gemeente)
		if err != nil {
			return "", err
		}
		tot := in.Terugval.TerugvalTot(z)
		vandaag := s.Vandaag()
		switch {
		case tot.IsZero():
			return "", fout("terugval-reden", "De gemeente heeft geen terugvalperiode ingesteld. Start een nieuwe zaak.")
		case vandaag.Na(tot):
			return "", fout("terugval-reden", "De terugvalperiode liep tot en met "+tot.String()+". Start een nieuwe zaak; het plan en de tijdlijn van het huishouden blijven.")
		}
		var open int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM zaken_zaak WHERE gemeente = $1 AND huishouden_id = $2 AND open = 1 AND id <> $3`,
			gemeente, z.HuishoudenID, id).Scan(&open)
		if err == nil && z.HuishoudenID != "" {
			return "", &OpenZaak{ID: open}
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", fmt.Errorf("zaken: open zaak zoeken: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET status = $1, open = 1, einde = '', einde_reden = '', einde_toelichting = '',
			volgende_deadline = $2, heropend = heropend + 1, heropend_op = $3 WHERE gemeente = $4 AND id = $5`,
			string(Plan), geenDeadline, vandaag.String(), gemeente, id); err != nil {
			if errors.Is(store.MapError(err), store.ErrConflict) {
				return "", fmt.Errorf("%w: %v", ErrOpenZaak, err)
			}
			return "", fmt.Errorf("zaken: heropenen: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_nazorg SET afgesloten = $1, reden = $2 WHERE gemeente = $3 AND zaak_id = $4 AND afgesloten = ''`,
			vandaag.String(), "Terugval: zaak heropend", gemeente, id); err != nil {
			return "", fmt.Errorf("zaken: nazorg sluiten: %w", err)
		}
		return "Zaak heropend op " + vandaag.String() + " onder de terugvalgarantie (afgerond op " + z.Einde.String() + ", termijn tot en met " +
			tot.String() + "). Alles blijft: personen, plan, regisseur en tijdlijn; geen nieuwe aanvraag. Terugval: " + t, nil
	})
}

// VerhuisPartner moves what zaken hold of partner van (nazorg, plan actions) to partner naar when the
// two are merged (a partner.Verhuizer; the composition root registers it).
func VerhuisPartner(ctx context.Context, tx *sql.Tx, van, naar string) (int64, error) {
	var n int64
	for _, q := range []string{`UPDATE zaken_nazorg SET partner_id = $2 WHERE partner_id = $1`, `UPDATE zaken_actie SET partner_id = $2 WHERE partner_id = $1`} {
		r, err := tx.ExecContext(ctx, q, van, naar)
		if err != nil {
			return n, fmt.Errorf("zaken: partner verhuizen: %w", err)
		}
		k, _ := r.RowsAffected()
		n += k
	}
	return n, nil
}
