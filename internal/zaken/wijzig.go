package zaken

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
)

// wijzig runs one change of zaak id in a transaction: it reads the zaak, refuses a stale form (versie is
// the version the form was loaded with), lets fn change it, and writes the timeline line fn returns and
// one audit row with the household's BSNs.
func (s *Service) wijzig(ctx context.Context, gemeente string, id int64, versie int, operatie string, door Medewerker,
	fn func(tx *sql.Tx, z Zaak) (string, error)) error {
	defer s.ind.vergeet(gemeente) // after the commit too: a reader in between must not keep the old figures
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		z, err := leesZaak(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		if z.Versie != versie {
			return ErrVerouderd
		}
		tekst, err := fn(tx, z)
		if err != nil {
			return err
		}
		if err := zetDoorloop(ctx, tx, gemeente, id); err != nil {
			return err
		}
		r, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET versie = versie + 1 WHERE gemeente = $1 AND id = $2 AND versie = $3`, gemeente, id, versie)
		if err != nil {
			return fmt.Errorf("zaken: versie: %w", err)
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return ErrVerouderd
		}
		if err := s.gebeurtenis(ctx, tx, gemeente, z.HuishoudenID, id, operatie, tekst, door.Naam); err != nil {
			return err
		}
		bsns, err := bsnsVan(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		return s.logZaak(ctx, tx, gemeente, id, z.HuishoudenID, bsns, "zaak."+operatie, audit.Wijzigen)
	})
}

// zetDoorloop writes the days from the first conversation to the end (-1 when either is missing), which
// the indicators of Wgs art. 4 lid 3 add up (indicatoren.go).
func zetDoorloop(ctx context.Context, tx *sql.Tx, gemeente string, id int64) error {
	var eg, einde string
	if err := tx.QueryRowContext(ctx, `SELECT eerste_gesprek, einde FROM zaken_zaak WHERE gemeente = $1 AND id = $2`, gemeente, id).Scan(&eg, &einde); err != nil {
		return fmt.Errorf("zaken: doorlooptijd: %w", err)
	}
	dagen := -1
	if g, e := leesDatum(eg), leesDatum(einde); !g.IsZero() && !e.IsZero() && !e.Voor(g) {
		dagen = g.DagenTot(e)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET doorloop_dagen = $1 WHERE gemeente = $2 AND id = $3`, dagen, gemeente, id); err != nil {
		return fmt.Errorf("zaken: doorlooptijd: %w", err)
	}
	return nil
}

// datumTussen checks a date entered on a form: not before van, not after today.
func (s *Service) datumTussen(veld string, d, van datum.Datum, wat string) error {
	switch {
	case d.IsZero():
		return fout(veld, "Vul de datum in (JJJJ-MM-DD).")
	case d.Na(s.Vandaag()):
		return fout(veld, "De datum kan niet in de toekomst liggen.")
	case d.Voor(van):
		return fout(veld, "De datum kan niet voor "+wat+" ("+van.String()+") liggen.")
	}
	return nil
}

func tekstVeld(veld, t string, verplicht bool, wat string) (string, error) {
	t = strings.TrimSpace(t)
	if verplicht && t == "" {
		return "", fout(veld, "Schrijf "+wat+".")
	}
	if utf8.RuneCountInString(t) > MaxToelichting {
		return "", fout(veld, "De tekst is te lang: gebruik hoogstens 4.000 tekens.")
	}
	return t, nil
}

// EersteGesprek records the first conversation (Wgs art. 4 lid 1) held on op. When the resident forwent
// further help in it (afzien, art. 4a lid 2) the zaak ends without a beschikking; otherwise the deadline
// of the beschikking starts (art. 4a lid 3).
func (s *Service) EersteGesprek(ctx context.Context, gemeente string, id int64, versie int, op datum.Datum, afzien bool, toelichting string, door Medewerker) error {
	t, err := tekstVeld("gesprek-toelichting", toelichting, false, "")
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "eerste-gesprek", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if z.Status != Aangemeld {
			return "", fmt.Errorf("%w: het eerste gesprek is al vastgelegd (status %s)", ErrStatus, z.Status.Naam())
		}
		if err := s.datumTussen("gesprek-datum", op, z.Startdatum, "het begin van de zaak"); err != nil {
			return "", err
		}
		optijd := "op tijd"
		if op.Na(z.EersteGesprekTermijn.Datum) {
			optijd = "te laat: de termijn liep tot en met " + z.EersteGesprekTermijn.Datum.String()
		}
		tekst := "Eerste gesprek gevoerd op " + op.String() + " (" + optijd + ")."
		if afzien {
			_, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET status = $1, open = 0, eerste_gesprek = $2, einde = $2,
				einde_reden = $3, einde_toelichting = $4, volgende_deadline = $5 WHERE gemeente = $6 AND id = $7`,
				string(Afgezien), op.String(), "Afgezien in het eerste gesprek (Wgs artikel 4a lid 2)", t, geenDeadline, gemeente, id)
			if err != nil {
				return "", fmt.Errorf("zaken: eerste gesprek: %w", err)
			}
			return tekst + " De inwoner ziet af van verdere hulp; er komt geen beschikking (Wgs artikel 4a lid 2). " + t, nil
		}
		in, err := s.instellingen(ctx, tx, gemeente)
		if err != nil {
			return "", err
		}
		dl, err := in.BesluitTermijn(op)
		if err != nil {
			return "", fmt.Errorf("zaken: beslistermijn: %w", err)
		}
		_, err = tx.ExecContext(ctx, `UPDATE zaken_zaak SET status = $1, eerste_gesprek = $2, besluit_deadline = $3, besluit_wettelijk = $4,
			besluit_uitleg = $5, volgende_deadline = $3 WHERE gemeente = $6 AND id = $7`,
			string(Intake), op.String(), dl.Datum.String(), dl.Wettelijk.String(), dl.Uitleg, gemeente, id)
		if err != nil {
			return "", fmt.Errorf("zaken: eerste gesprek: %w", err)
		}
		return strings.TrimSpace(tekst + " Besluit uiterlijk " + dl.Datum.String() + ": " + dl.Uitleg + " " + t), nil
	})
}

// Beschikking is the decision after the first conversation (Wgs art. 4a lid 1).
type Beschikking struct {
	Soort       string // BesluitPlan or BesluitWeigering
	Datum       datum.Datum
	Grond       Weigeringsgrond // for a weigering: one the gemeente allows
	Toelichting string          // the motivering; required for a weigering
}

// Besluit records the beschikking: a plan van aanpak starts the help; a weigering ends the zaak and is
// refused when the gemeente does not allow its ground.
func (s *Service) Besluit(ctx context.Context, gemeente string, id int64, versie int, b Beschikking, door Medewerker) error {
	if b.Soort != BesluitPlan && b.Soort != BesluitWeigering {
		return fout("besluit-soort", "Kies plan van aanpak of weigering.")
	}
	t, err := tekstVeld("besluit-toelichting", b.Toelichting, b.Soort == BesluitWeigering, "waarom de hulp wordt geweigerd (de motivering van de beschikking)")
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "besluit", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if z.Status != Intake {
			return "", fmt.Errorf("%w: een besluit volgt op het eerste gesprek (status %s)", ErrStatus, z.Status.Naam())
		}
		if err := s.datumTussen("besluit-datum", b.Datum, z.EersteGesprek, "het eerste gesprek"); err != nil {
			return "", err
		}
		optijd := "op tijd"
		if b.Datum.Na(z.BesluitTermijn.Datum) {
			optijd = "te laat: de termijn liep tot en met " + z.BesluitTermijn.Datum.String()
		}
		if b.Soort == BesluitPlan {
			_, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET status = $1, besluit = $2, besluit_datum = $3, volgende_deadline = $4
				WHERE gemeente = $5 AND id = $6`, string(Plan), BesluitPlan, b.Datum.String(), geenDeadline, gemeente, id)
			if err != nil {
				return "", fmt.Errorf("zaken: besluit: %w", err)
			}
			if err := s.beschikkingsbrief(ctx, tx, z, BriefPlan, b, t, door); err != nil {
				return "", err
			}
			return strings.TrimSpace("Beschikking plan van aanpak op " + b.Datum.String() + " (" + optijd + ", Wgs artikel 4a lid 1 onder a). " + t), nil
		}
		in, err := s.instellingen(ctx, tx, gemeente)
		if err != nil {
			return "", err
		}
		if !b.Grond.Geldig() {
			return "", fout("grond", "Kies een weigeringsgrond.")
		}
		if !in.MagWeigeren(b.Grond) {
			var namen []string
			for _, g := range in.ToegestaneGronden() {
				namen = append(namen, g.Naam())
			}
			return "", fout("grond", "De gemeente weigert schuldhulp niet op deze grond. Toegestaan: "+strings.Join(namen, "; ")+".")
		}
		_, err = tx.ExecContext(ctx, `UPDATE zaken_zaak SET status = $1, open = 0, besluit = $2, besluit_datum = $3, weigeringsgrond = $4,
			einde = $3, einde_reden = $5, einde_toelichting = $6, volgende_deadline = $7 WHERE gemeente = $8 AND id = $9`,
			string(Geweigerd), BesluitWeigering, b.Datum.String(), string(b.Grond), "Weigering", t, geenDeadline, gemeente, id)
		if err != nil {
			return "", fmt.Errorf("zaken: besluit: %w", err)
		}
		if err := s.beschikkingsbrief(ctx, tx, z, BriefWeigering, b, t, door); err != nil {
			return "", err
		}
		return "Beschikking weigering op " + b.Datum.String() + " (" + optijd + ", Wgs artikel 4a lid 1 onder b). Grond: " + b.Grond.Naam() + ". " + t, nil
	})
}

// Beeindig ends an open zaak early with a beëindigingsbeschikking (Wgs art. 4a lid 6): a reason from
// the list and its motivering are required.
func (s *Service) Beeindig(ctx context.Context, gemeente string, id int64, versie int, reden EindeReden, op datum.Datum, toelichting string, door Medewerker) error {
	if !reden.Geldig() {
		return fout("reden", "Kies de reden van de beëindiging.")
	}
	t, err := tekstVeld("einde-toelichting", toelichting, true, "waarom de hulp eindigt (de motivering van de beëindigingsbeschikking)")
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "beeindigen", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if !z.Status.Open() {
			return "", fmt.Errorf("%w: de zaak is al afgesloten", ErrStatus)
		}
		if err := s.datumTussen("einde-datum", op, z.Startdatum, "het begin van de zaak"); err != nil {
			return "", err
		}
		_, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET status = $1, open = 0, einde = $2, einde_reden = $3, einde_toelichting = $4,
			volgende_deadline = $5 WHERE gemeente = $6 AND id = $7`, string(Beeindigd), op.String(), string(reden), t, geenDeadline, gemeente, id)
		if err != nil {
			return "", fmt.Errorf("zaken: beëindigen: %w", err)
		}
		af, err := s.afz.Lees(ctx, tx, gemeente)
		if err != nil {
			return "", err
		}
		if err := s.bewaarBrief(ctx, tx, gemeente, id, BriefBeeindiging, beeindigingBrief(z, reden, op, t, af), door.Naam); err != nil {
			return "", err
		}
		return "Beëindigingsbeschikking op " + op.String() + " (Wgs artikel 4a lid 6). Reden: " + string(reden) + ". " + t, nil
	})
}

// Rond af ends a zaak whose plan van aanpak is done.
func (s *Service) RondAf(ctx context.Context, gemeente string, id int64, versie int, op datum.Datum, toelichting string, door Medewerker) error {
	t, err := tekstVeld("afrond-toelichting", toelichting, false, "")
	if err != nil {
		return err
	}
	return s.wijzig(ctx, gemeente, id, versie, "afronden", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if z.Status != Plan {
			return "", fmt.Errorf("%w: afronden kan als er een plan van aanpak is", ErrStatus)
		}
		if err := s.datumTussen("afrond-datum", op, z.BesluitDatum, "de beschikking"); err != nil {
			return "", err
		}
		_, err := tx.ExecContext(ctx, `UPDATE zaken_zaak SET status = $1, open = 0, einde = $2, einde_reden = $3, einde_toelichting = $4,
			volgende_deadline = $5 WHERE gemeente = $6 AND id = $7`, string(Afgerond), op.String(), "Afgerond", t, geenDeadline, gemeente, id)
		if err != nil {
			return "", fmt.Errorf("zaken: afronden: %w", err)
		}
		return strings.TrimSpace("Zaak afgerond op " + op.String() + ". " + t), nil
	})
}

// wijzigPlan runs one change of the household's plan or regie through zaak id (which must be open):
// versie is the household's version the form was loaded with.
func (s *Service) wijzigPlan(ctx context.Context, gemeente string, id int64, versie int, operatie string, door Medewerker,
	fn func(tx *sql.Tx, z Zaak) (string, error)) error {
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		z, err := leesZaak(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		if !z.Status.Open() {
			return fmt.Errorf("%w: het plan wijzigt via een open zaak", ErrStatus)
		}
		if z.HuishoudenID == "" {
			return fout("huishouden", "Koppel eerst het huishouden aan de zaak: het plan is van het huishouden.")
		}
		r, err := tx.ExecContext(ctx, `UPDATE zaken_huishouden SET versie = versie + 1 WHERE gemeente = $1 AND huishouden_id = $2 AND versie = $3`,
			gemeente, z.HuishoudenID, versie)
		if err != nil {
			return fmt.Errorf("zaken: plan: %w", err)
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return ErrVerouderd
		}
		tekst, err := fn(tx, z)
		if err != nil {
			return err
		}
		if err := s.gebeurtenis(ctx, tx, gemeente, z.HuishoudenID, 0, operatie, tekst, door.Naam); err != nil {
			return err
		}
		bsns, err := bsnsVan(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		return s.logZaak(ctx, tx, gemeente, id, z.HuishoudenID, bsns, "plan."+operatie, audit.Wijzigen)
	})
}

// DraagRegieOver hands the household's regie to another case worker: an explicit step with its reason
// on the timeline.
func (s *Service) DraagRegieOver(ctx context.Context, gemeente string, id int64, versie int, naar Medewerker, reden string, door Medewerker) error {
	if naar.ID <= 0 || strings.TrimSpace(naar.Naam) == "" {
		return fout("regisseur", "Kies aan wie je de regie overdraagt.")
	}
	t, err := tekstVeld("regie-reden", reden, true, "waarom de regie overgaat")
	if err != nil {
		return err
	}
	return s.wijzigPlan(ctx, gemeente, id, versie, "regie", door, func(tx *sql.Tx, z Zaak) (string, error) {
		huidig, err := regie(ctx, tx, gemeente, z.HuishoudenID)
		if err != nil {
			return "", err
		}
		if huidig.RegisseurID == naar.ID {
			return "", fout("regisseur", naar.Naam+" is al regisseur van dit huishouden.")
		}
		_, err = tx.ExecContext(ctx, `UPDATE zaken_huishouden SET regisseur_id = $1, regisseur_naam = $2, regisseur_sinds = $3
			WHERE gemeente = $4 AND huishouden_id = $5`, naar.ID, naar.Naam, s.klok().UTC(), gemeente, z.HuishoudenID)
		if err != nil {
			return "", fmt.Errorf("zaken: regie: %w", err)
		}
		van := huidig.RegisseurNaam
		if van == "" {
			van = "niemand"
		}
		return "Regie overgedragen van " + van + " aan " + naar.Naam + ". Reden: " + t, nil
	})
}

// NieuwDoel is a goal to add to the plan.
type NieuwDoel struct {
	Domein       Domein
	Omschrijving string
	Streefdatum  datum.Datum // optional
}

// VoegDoelToe adds a goal to the household's plan.
func (s *Service) VoegDoelToe(ctx context.Context, gemeente string, id int64, versie int, d NieuwDoel, door Medewerker) error {
	if !d.Domein.Geldig() {
		return fout("doel-domein", "Kies het levensgebied van het doel.")
	}
	oms, err := tekstVeld("doel-omschrijving", d.Omschrijving, true, "het doel in een paar woorden")
	if err != nil {
		return err
	}
	return s.wijzigPlan(ctx, gemeente, id, versie, "doel", door, func(tx *sql.Tx, z Zaak) (string, error) {
		if err := aantalPlan(ctx, tx, gemeente, z.HuishoudenID, "zaken_doel"); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_doel (gemeente, huishouden_id, domein, omschrijving, streefdatum, door)
			VALUES ($1, $2, $3, $4, $5, $6)`, gemeente, z.HuishoudenID, string(d.Domein), oms, d.Streefdatum.String(), door.Naam); err != nil {
			return "", fmt.Errorf("zaken: doel: %w", err)
		}
		tekst := "Doel toegevoegd (" + d.Domein.Naam() + "): " + oms
		if !d.Streefdatum.IsZero() {
			tekst += ", streefdatum " + d.Streefdatum.String()
		}
		return tekst + ".", nil
	})
}

// NieuweActie is an action to add to a goal of the plan.
type NieuweActie struct {
	DoelID       int64
	Omschrijving string
	Wie          Wie
	WieNaam      string      // the volunteer's or case worker's name (optional)
	PartnerID    string      // required when Wie is WiePartner: a partner of the gemeente
	Datum        datum.Datum // by when (optional)
}

// VoegActieToe adds an action to a goal of the household's plan.
func (s *Service) VoegActieToe(ctx context.Context, gemeente string, id int64, versie int, a NieuweActie, door Medewerker) error {
	if !a.Wie.Geldig() {
		return fout("actie-wie", "Kies wie de actie doet.")
	}
	oms, err := tekstVeld("actie-omschrijving", a.Omschrijving, true, "wat er moet gebeuren")
	if err != nil {
		return err
	}
	naam, err := tekstVeld("actie-naam", a.WieNaam, false, "")
	if err != nil {
		return err
	}
	var partnerID any // NULL unless a partner does it
	if a.Wie == WiePartner {
		if err := s.controleerPartner(ctx, gemeente, a.PartnerID, "actie-partner"); err != nil {
			return err
		}
		partnerID = a.PartnerID
	}
	return s.wijzigPlan(ctx, gemeente, id, versie, "actie", door, func(tx *sql.Tx, z Zaak) (string, error) {
		var doel string
		err := tx.QueryRowContext(ctx, `SELECT omschrijving FROM zaken_doel WHERE gemeente = $1 AND huishouden_id = $2 AND id = $3`,
			gemeente, z.HuishoudenID, a.DoelID).Scan(&doel)
		if err != nil {
			return "", fout("actie-doel", "Kies een doel van dit plan.")
		}
		if err := aantalPlan(ctx, tx, gemeente, z.HuishoudenID, "zaken_actie"); err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO zaken_actie (gemeente, huishouden_id, doel_id, omschrijving, wie, wie_naam, datum, door, partner_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, gemeente, z.HuishoudenID, a.DoelID, oms, string(a.Wie), naam, a.Datum.String(), door.Naam, partnerID); err != nil {
			return "", fmt.Errorf("zaken: actie: %w", err)
		}
		wie := a.Wie.Naam()
		if a.Wie == WiePartner {
			wie += " " + a.PartnerID
		}
		if naam != "" {
			wie += " (" + naam + ")"
		}
		tekst := "Actie bij doel \"" + doel + "\": " + oms + "; wie: " + wie
		if !a.Datum.IsZero() {
			tekst += "; uiterlijk " + a.Datum.String()
		}
		return tekst + ".", nil
	})
}

// ActieGedaan marks an action of the plan as done today.
func (s *Service) ActieGedaan(ctx context.Context, gemeente string, id int64, versie int, actie int64, door Medewerker) error {
	return s.wijzigPlan(ctx, gemeente, id, versie, "actie-gedaan", door, func(tx *sql.Tx, z Zaak) (string, error) {
		var oms, gedaan string
		err := tx.QueryRowContext(ctx, `SELECT omschrijving, gedaan FROM zaken_actie WHERE gemeente = $1 AND huishouden_id = $2 AND id = $3`,
			gemeente, z.HuishoudenID, actie).Scan(&oms, &gedaan)
		if err != nil {
			return "", fmt.Errorf("zaken: actie %d: %w", actie, ErrNietGevonden)
		}
		if gedaan != "" {
			return "", fmt.Errorf("%w: de actie is al gedaan", ErrStatus)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE zaken_actie SET gedaan = $1 WHERE gemeente = $2 AND id = $3`, s.Vandaag().String(), gemeente, actie); err != nil {
			return "", fmt.Errorf("zaken: actie: %w", err)
		}
		return "Actie gedaan: " + oms + ".", nil
	})
}

// aantalPlan refuses more than MaxPlan goals or actions per household.
func aantalPlan(ctx context.Context, tx *sql.Tx, gemeente, huishouden, tabel string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+tabel+` WHERE gemeente = $1 AND huishouden_id = $2`, gemeente, huishouden).Scan(&n); err != nil {
		return fmt.Errorf("zaken: plan tellen: %w", err)
	}
	if n >= MaxPlan {
		return fout("plan", "Het plan heeft al "+strconv.Itoa(MaxPlan)+" doelen of acties; meer kan niet.")
	}
	return nil
}

// Notitie adds a note to the household's timeline (appending changes nothing else, so no version).
func (s *Service) Notitie(ctx context.Context, gemeente string, id int64, tekst string, door Medewerker) error {
	t, err := tekstVeld("notitie", tekst, true, "een notitie")
	if err != nil {
		return err
	}
	return s.sdb.Tx(ctx, func(tx *sql.Tx) error {
		z, err := leesZaak(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		if err := s.gebeurtenis(ctx, tx, gemeente, z.HuishoudenID, id, "notitie", t, door.Naam); err != nil {
			return err
		}
		bsns, err := bsnsVan(ctx, tx, gemeente, id)
		if err != nil {
			return err
		}
		return s.logZaak(ctx, tx, gemeente, id, z.HuishoudenID, bsns, "zaak.notitie", audit.Wijzigen)
	})
}
