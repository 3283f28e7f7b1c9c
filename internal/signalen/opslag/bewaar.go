package opslag

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/signalen"
	"github.com/zeker-platform/zeker/internal/signalen/ddas"
)

// Tellingen returns the anonymous counts of a gemeente for months van..tot (YYYY-MM, inclusive): those
// of the live data plus those kept after retention deleted personal data. The SQL follows
// signalen.TelZaak, which retention uses; a test checks both give the same indicators.
func (s *Service) Tellingen(ctx context.Context, gemeente, van, tot string) ([]signalen.Telling, error) {
	var out []signalen.Telling
	lees := func(q string, f func(r *sql.Rows) (signalen.Telling, error)) error {
		rows, err := s.db.QueryContext(ctx, q, gemeente, van, tot)
		if err != nil {
			return fmt.Errorf("opslag: tellingen: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			t, err := f(rows)
			if err != nil {
				return fmt.Errorf("opslag: tellingen: %w", err)
			}
			if t.Aantal > 0 {
				out = append(out, t)
			}
		}
		return rows.Err()
	}
	if err := lees(`SELECT substr(ontvangen, 1, 7) AS m, partnertype, COUNT(*), SUM(warme_overdracht) FROM signalen_signaal
		WHERE gemeente = $1 AND substr(ontvangen, 1, 7) BETWEEN $2 AND $3 GROUP BY substr(ontvangen, 1, 7), partnertype`,
		func(r *sql.Rows) (signalen.Telling, error) {
			var t signalen.Telling
			var warm int64
			err := r.Scan(&t.Maand, &t.Sleutel, &t.Aantal, &warm)
			t.Soort = signalen.TellingSignalen
			if warm > 0 {
				out = append(out, signalen.Telling{Maand: t.Maand, Soort: signalen.TellingWarmeOverdracht, Aantal: warm})
			}
			return t, err
		}); err != nil {
		return nil, err
	}
	if err := lees(`SELECT substr(eerste_ontvangst, 1, 7), COUNT(*), SUM(bereikt),
		SUM(CASE WHEN dagen_tot_contact >= 0 THEN 1 ELSE 0 END), SUM(CASE WHEN dagen_tot_contact >= 0 THEN dagen_tot_contact ELSE 0 END),
		SUM(crisis), SUM(CASE WHEN crisis = 1 THEN crisis_op_tijd ELSE 0 END)
		FROM signalen_zaak WHERE gemeente = $1 AND substr(eerste_ontvangst, 1, 7) BETWEEN $2 AND $3 GROUP BY substr(eerste_ontvangst, 1, 7)`,
		func(r *sql.Rows) (signalen.Telling, error) {
			var m string
			var n, bereikt, contact, dagen, crisis, opTijd int64
			err := r.Scan(&m, &n, &bereikt, &contact, &dagen, &crisis, &opTijd)
			out = append(out,
				signalen.Telling{Maand: m, Soort: signalen.TellingBereikt, Aantal: bereikt},
				signalen.Telling{Maand: m, Soort: signalen.TellingEersteContact, Aantal: contact, DagenSom: dagen},
				signalen.Telling{Maand: m, Soort: signalen.TellingCrisis, Aantal: crisis},
				signalen.Telling{Maand: m, Soort: signalen.TellingCrisisOpTijd, Aantal: opTijd})
			return signalen.Telling{Maand: m, Soort: signalen.TellingZaken, Aantal: n}, err
		}); err != nil {
		return nil, err
	}
	if err := lees(`SELECT substr(eerste_ontvangst, 1, 7), resultaat, COUNT(*) FROM signalen_zaak
		WHERE gemeente = $1 AND status = 'gesloten' AND substr(eerste_ontvangst, 1, 7) BETWEEN $2 AND $3
		GROUP BY substr(eerste_ontvangst, 1, 7), resultaat`,
		func(r *sql.Rows) (signalen.Telling, error) {
			t := signalen.Telling{Soort: signalen.TellingResultaat}
			err := r.Scan(&t.Maand, &t.Sleutel, &t.Aantal)
			return t, err
		}); err != nil {
		return nil, err
	}
	if err := lees(`SELECT maand, soort, sleutel, aantal, dagen_som FROM signalen_telling
		WHERE gemeente = $1 AND maand BETWEEN $2 AND $3`,
		func(r *sql.Rows) (signalen.Telling, error) {
			var t signalen.Telling
			err := r.Scan(&t.Maand, &t.Soort, &t.Sleutel, &t.Aantal, &t.DagenSom)
			return t, err
		}); err != nil {
		return nil, err
	}
	// Drop zero rows added next to a non-zero parent, then add up live and kept counts.
	kept := out[:0]
	for _, t := range out {
		if t.Aantal > 0 {
			kept = append(kept, t)
		}
	}
	return signalen.Samenvoegen(kept), nil
}

// Indicatoren computes the monthly indicators of a gemeente for months van..tot (YYYY-MM).
func (s *Service) Indicatoren(ctx context.Context, gemeente, van, tot string) (signalen.Indicatoren, error) {
	ts, err := s.Tellingen(ctx, gemeente, van, tot)
	if err != nil {
		return signalen.Indicatoren{}, err
	}
	_, inwoners, err := s.Instellingen(ctx, gemeente)
	if err != nil {
		return signalen.Indicatoren{}, err
	}
	return signalen.BerekenIndicatoren(ts, inwoners), nil
}

// Opgeruimd reports a retention run.
type Opgeruimd struct {
	Zaken, Signalen, Contactpogingen, Notities int
}

// Bewaar deletes the personal data of a gemeente that passed its retention term: closed zaken whose
// term (per outcome, from the gemeente's settings, counted from the closing date) has ended, with
// their signals, contact attempts and notes. Before deleting, their anonymous counts are added to
// signalen_telling, so the indicators do not change. Open zaken are never deleted. Run it daily.
func (s *Service) Bewaar(ctx context.Context, gemeente string) (Opgeruimd, error) {
	var res Opgeruimd
	vandaag := s.Vandaag()
	inst, _, err := s.Instellingen(ctx, gemeente)
	if err != nil {
		return res, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("opslag: begin: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT `+zaakKolommen+`, eerste_contact, bereikt, crisis_op_tijd FROM signalen_zaak
		WHERE gemeente = $1 AND status = 'gesloten' AND afgesloten <> ''`, gemeente)
	if err != nil {
		return res, fmt.Errorf("opslag: bewaar: %w", err)
	}
	type weg struct {
		z               signalen.Zaak
		eerste          string
		bereikt, tijdig int
	}
	var wegen []weg
	for rows.Next() {
		var w weg
		var z signalen.Zaak
		var eerste string
		var bereikt, tijdig int
		// scanZaak reads the first columns; the extra three follow.
		if err := scanZaakPlus(rows, &z, &eerste, &bereikt, &tijdig); err != nil {
			rows.Close()
			return res, fmt.Errorf("opslag: bewaar: %w", err)
		}
		if inst.Bewaartermijnen.VernietigVanaf(z.Resultaat, z.Afgesloten).Na(vandaag) {
			continue
		}
		w.z, w.eerste, w.bereikt, w.tijdig = z, eerste, bereikt, tijdig
		wegen = append(wegen, w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("opslag: bewaar: %w", err)
	}
	if len(wegen) == 0 {
		return res, nil
	}
	var tellingen []signalen.Telling
	for _, w := range wegen {
		sigs, err := s.signalenVan(ctx, tx, gemeente, "zaak_id = $2", "", w.z.ID)
		if err != nil {
			return res, err
		}
		tellingen = append(tellingen, signalen.TelZaak(&w.z, sigs, leesDatum(w.eerste), w.bereikt == 1, w.tijdig == 1)...)
		for _, tabel := range []string{"signalen_contactpoging", "signalen_notitie", "signalen_signaal"} {
			r, err := tx.ExecContext(ctx, `DELETE FROM `+tabel+` WHERE gemeente = $1 AND zaak_id = $2`, gemeente, w.z.ID)
			if err != nil {
				return res, fmt.Errorf("opslag: verwijder uit %s: %w", tabel, err)
			}
			n, _ := r.RowsAffected()
			switch tabel {
			case "signalen_contactpoging":
				res.Contactpogingen += int(n)
			case "signalen_notitie":
				res.Notities += int(n)
			default:
				res.Signalen += int(n)
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM signalen_zaak WHERE gemeente = $1 AND id = $2`, gemeente, w.z.ID); err != nil {
			return res, fmt.Errorf("opslag: verwijder zaak: %w", err)
		}
		res.Zaken++
	}
	for _, t := range signalen.Samenvoegen(tellingen) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO signalen_telling (gemeente, maand, soort, sleutel, aantal, dagen_som)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (gemeente, maand, soort, sleutel)
			DO UPDATE SET aantal = signalen_telling.aantal + excluded.aantal, dagen_som = signalen_telling.dagen_som + excluded.dagen_som`,
			gemeente, t.Maand, t.Soort, t.Sleutel, t.Aantal, t.DagenSom); err != nil {
			return res, fmt.Errorf("opslag: telling bewaren: %w", err)
		}
	}
	if err := s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteitOpschonen,
		Operatie: "vroegsignaalzaken.verwijderen", Actie: audit.Verwijderen, Resultaat: audit.OK, Object: "vroegsignaalzaken", Aantal: res.Zaken}); err != nil {
		return res, fmt.Errorf("opslag: audit: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("opslag: commit bewaren: %w", err)
	}
	return res, nil
}

func scanZaakPlus(r *sql.Rows, z *signalen.Zaak, extra ...any) error {
	return scanZaak(plusScanner{r, extra}, z)
}

// plusScanner appends extra destinations to a scanZaak call.
type plusScanner struct {
	r     *sql.Rows
	extra []any
}

func (p plusScanner) Scan(dest ...any) error { return p.r.Scan(append(dest, p.extra...)...) }

// DDASInvoer loads what the DDAS export of a gemeente needs: the zaken whose matching period starts in
// [van, tot], with their signals and contact attempts. Reading them is audited (personal data: BSN).
func (s *Service) DDASInvoer(ctx context.Context, gemeente string, van, tot datum.Datum) ([]ddas.Zaak, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+zaakKolommen+` FROM signalen_zaak WHERE gemeente = $1
		AND periode_start >= $2 AND periode_start <= $3 ORDER BY id`, gemeente, van.String(), tot.String())
	if err != nil {
		return nil, fmt.Errorf("opslag: ddas zaken: %w", err)
	}
	var zaken []ddas.Zaak
	idx := map[int64]int{}
	for rows.Next() {
		var z signalen.Zaak
		if err := scanZaak(rows, &z); err != nil {
			rows.Close()
			return nil, fmt.Errorf("opslag: ddas zaak: %w", err)
		}
		idx[z.ID] = len(zaken)
		zaken = append(zaken, ddas.Zaak{Zaak: z})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("opslag: ddas zaken: %w", err)
	}
	if len(zaken) == 0 {
		return nil, nil
	}
	cond := `zaak_id IN (SELECT id FROM signalen_zaak WHERE gemeente = $1 AND periode_start >= $2 AND periode_start <= $3)`
	sigs, err := s.signalenVan(ctx, s.db, gemeente, cond, "", van.String(), tot.String())
	if err != nil {
		return nil, err
	}
	for _, o := range sigs {
		if i, ok := idx[o.ZaakID]; ok {
			zaken[i].Signalen = append(zaken[i].Signalen, o)
		}
	}
	cps, err := s.contactpogingen(ctx, gemeente, cond, van.String(), tot.String())
	if err != nil {
		return nil, err
	}
	for _, c := range cps {
		if i, ok := idx[c.ZaakID]; ok {
			zaken[i].Contactpogingen = append(zaken[i].Contactpogingen, c)
		}
	}
	if err := s.log.Schrijf(ctx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteitBehandelen,
		Operatie: "ddas.exporteren", Actie: audit.Exporteren, Resultaat: audit.OK, Object: "ddas/" + van.String() + "/" + tot.String(), Aantal: len(sigs)}); err != nil {
		return nil, fmt.Errorf("opslag: audit: %w", err)
	}
	return zaken, nil
}
