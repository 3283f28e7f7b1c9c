package opslag

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/signalen"
)

// Filter selects and pages the worklist. Zero values mean "no filter".
type Filter struct {
	Status       signalen.ZaakStatus // open (default "" = open), gesloten, or "alle"
	Wijk         string
	Woonplaats   string
	PartnerType  signalen.PartnerType // zaken with at least one signal of this type
	LeeftijdVan  int                  // age of the resident of the first signal, inclusive
	LeeftijdTot  int                  // inclusive; 0 = no upper bound
	AlleenCrisis bool
	// AlleenBeoordelen keeps the zaken marked for review (signalen.Zaak.Beoordelen).
	AlleenBeoordelen bool
	Behandelaar      string
	Limiet           int // default 50, at most 500
	Vanaf            int // offset
	// TelTot caps the count: 0 counts exactly; n > 0 stops counting after n+1 matching zaken, so a
	// total of n+1 means "more than n". Counting is most of the cost of a page on PostgreSQL.
	TelTot int
	// Sortering is the order of the list; "" is priority order. Werklijst refuses an unknown value.
	Sortering Sortering
}

// Sortering is an order of the worklist. The ORDER BY of each comes from orderBy, never from the
// caller's text; each ends with the zaak id, so paging with Vanaf neither repeats nor skips a zaak.
// Every order has an index per gemeente and status (migrations 0200 and 0201).
type Sortering string

// The orders of the worklist.
const (
	// SorteerPrioriteit: crisis first with the earliest deadline, then meervoudig, households with
	// minor children, the higher amount, the longest waiting (the default; "" means the same).
	SorteerPrioriteit Sortering = "prioriteit"
	// SorteerNieuwste: the most recent first signal first (ties: the higher id first).
	SorteerNieuwste Sortering = "nieuwste"
	// SorteerOudste: the earliest first signal first (ties: the lower id first).
	SorteerOudste Sortering = "oudste"
	// SorteerBedrag: the highest amount of active signals first.
	SorteerBedrag Sortering = "bedrag"
	// SorteerDeadline: the earliest crisis deadline first; zaken without one (no crisis) after them.
	SorteerDeadline Sortering = "deadline"
)

// Sorteringen lists the orders of the worklist, the default first.
func Sorteringen() []Sortering {
	return []Sortering{SorteerPrioriteit, SorteerNieuwste, SorteerOudste, SorteerBedrag, SorteerDeadline}
}

// Geldig reports whether s is an order the worklist knows ("" is priority order).
func (s Sortering) Geldig() bool {
	_, ok := s.orderBy()
	return ok
}

// orderBy is the fixed ORDER BY text of s. Only a zaak with crisis = 1 has a crisis_deadline (the
// grouping sets both together and never clears them), so "crisis DESC, crisis_deadline" puts the
// zaken with a deadline first, earliest first, and those without after them.
func (s Sortering) orderBy() (string, bool) {
	switch s {
	case "", SorteerPrioriteit:
		return `z.crisis DESC, z.crisis_deadline, z.meervoudig DESC, z.heeft_kinderen DESC, z.bedrag_cent DESC, z.eerste_ontvangst, z.id`, true
	case SorteerNieuwste:
		return `z.eerste_ontvangst DESC, z.id DESC`, true
	case SorteerOudste:
		return `z.eerste_ontvangst, z.id`, true
	case SorteerBedrag:
		return `z.bedrag_cent DESC, z.id`, true
	case SorteerDeadline:
		return `z.crisis DESC, z.crisis_deadline, z.id`, true
	}
	return "", false
}

// StatusAlle lists open and closed zaken.
const StatusAlle signalen.ZaakStatus = "alle"

// Werklijst returns one page of a gemeente's zaken in the order f.Sortering (by default priority
// order: crisis first with the earliest deadline, then meervoudig, households with minor children,
// higher amount, older), and the total number of zaken that match the filter. The list shows no personal data beyond wijk and woonplaats,
// so it is not audited; opening a zaak is (Zaak).
func (s *Service) Werklijst(ctx context.Context, gemeente string, f Filter) ([]signalen.Zaak, int, error) {
	volgorde, ok := f.Sortering.orderBy()
	if !ok {
		return nil, 0, fmt.Errorf("opslag: onbekende sortering %q", f.Sortering)
	}
	where := []string{"z.gemeente = $1"}
	args := []any{gemeente}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	switch f.Status {
	case "", signalen.ZaakOpen:
		where = append(where, "z.status = "+arg(string(signalen.ZaakOpen)))
	case signalen.ZaakGesloten:
		where = append(where, "z.status = "+arg(string(signalen.ZaakGesloten)))
	case StatusAlle:
	default:
		return nil, 0, fmt.Errorf("opslag: onbekende status %q", f.Status)
	}
	if f.Wijk != "" {
		where = append(where, "z.wijk = "+arg(f.Wijk))
	}
	if f.Woonplaats != "" {
		where = append(where, "z.woonplaats = "+arg(f.Woonplaats))
	}
	if f.Behandelaar != "" {
		where = append(where, "z.behandelaar = "+arg(f.Behandelaar))
	}
	if f.AlleenCrisis {
		where = append(where, "z.crisis = 1")
	}
	if f.AlleenBeoordelen {
		where = append(where, "z.beoordelen = 1")
	}
	if f.PartnerType != "" {
		if !f.PartnerType.Geldig() {
			return nil, 0, fmt.Errorf("opslag: onbekende partnertype %q", f.PartnerType)
		}
		where = append(where, "(z.partnertypes & "+arg(f.PartnerType.Bit())+") <> 0")
	}
	if f.LeeftijdVan > 0 || f.LeeftijdTot > 0 {
		vandaag := s.Vandaag()
		// Age ≥ van ⇔ born on or before today minus van years; age ≤ tot ⇔ born after today minus (tot+1) years.
		where = append(where, "z.geboortedatum <> ''")
		if f.LeeftijdVan > 0 {
			where = append(where, "z.geboortedatum <= "+arg(datum.Nieuw(vandaag.Jaar()-f.LeeftijdVan, vandaag.Maand(), vandaag.Dag()).String()))
		}
		if f.LeeftijdTot > 0 {
			where = append(where, "z.geboortedatum > "+arg(datum.Nieuw(vandaag.Jaar()-f.LeeftijdTot-1, vandaag.Maand(), vandaag.Dag()).String()))
		}
	}
	w := strings.Join(where, " AND ")
	var totaal int
	tel := `SELECT COUNT(*) FROM signalen_zaak z WHERE ` + w
	if f.TelTot > 0 && f.TelTot < math.MaxInt { // MaxInt+1 would wrap to a negative LIMIT
		tel = `SELECT COUNT(*) FROM (SELECT 1 FROM signalen_zaak z WHERE ` + w + ` LIMIT ` + strconv.Itoa(f.TelTot+1) + `) t`
	}
	if err := s.db.QueryRowContext(ctx, tel, args...).Scan(&totaal); err != nil {
		return nil, 0, fmt.Errorf("opslag: tel werklijst: %w", err)
	}
	limiet := f.Limiet
	if limiet <= 0 {
		limiet = 50
	}
	limiet = min(limiet, 500)
	q := `SELECT ` + strings.ReplaceAll(zaakKolommen, "\n\t", " ") + ` FROM signalen_zaak z WHERE ` + w +
		` ORDER BY ` + volgorde + ` LIMIT ` + arg(limiet) + ` OFFSET ` + arg(max(f.Vanaf, 0))
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("opslag: werklijst: %w", err)
	}
	defer rows.Close()
	var out []signalen.Zaak
	for rows.Next() {
		var z signalen.Zaak
		if err := scanZaak(rows, &z); err != nil {
			return nil, 0, fmt.Errorf("opslag: werklijst: %w", err)
		}
		out = append(out, z)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("opslag: werklijst: %w", err)
	}
	return out, totaal, nil
}

// SignalenPerPagina is the number of signals the zaak page shows at a time. A zaak can hold many
// signals (before the bound on residents per address, 50,000 at one address made one zaak whose page
// took 22 s and 65 MB); the page shows one page of them, with the residents they are about.
const SignalenPerPagina = 50

// MaxContactNotities is the number of most recent contact attempts and notes the zaak page shows; they
// are added one by one by case workers, so more is rare, and the page says how many there are.
const MaxContactNotities = 100

// ZaakDetail is a zaak with what the case worker sees on one page of it: one page of its signals (in
// order of receipt), the most recent contact attempts and notes, and how many there are of each.
type ZaakDetail struct {
	Zaak     signalen.Zaak
	Signalen []signalen.Ontvangen
	// AantalSignalen is the number of signals of the zaak; Vanaf the offset of Signalen among them.
	AantalSignalen int
	Vanaf          int
	// Contactpogingen are the most recent MaxContactNotities, oldest first; AantalContactpogingen all.
	Contactpogingen       []signalen.Contactpoging
	AantalContactpogingen int
	// Notities are the most recent MaxContactNotities, oldest first; AantalNotities all.
	Notities       []Notitie
	AantalNotities int
}

// Notitie is a case worker's note on a zaak.
type Notitie struct {
	ID    int64
	Tekst string
	Door  string
	Tijd  string // RFC 3339
}

// Zaak returns one zaak of gemeente with one page of its signals from offset vanaf (SignalenPerPagina
// of them, in order of receipt), its most recent contact attempts and notes. Showing the signals is a
// processing of the residents' data: it writes one audit row with the BSNs of the residents on this
// page (hashed), or the household when none of them has a BSN. A negative vanaf is an error.
func (s *Service) Zaak(ctx context.Context, gemeente string, id int64, vanaf int) (ZaakDetail, error) {
	var d ZaakDetail
	if vanaf < 0 {
		return d, fmt.Errorf("%w: vanaf %d is negatief", signalen.ErrOngeldigeInvoer, vanaf)
	}
	row := s.db.QueryRowContext(ctx, `SELECT `+zaakKolommen+` FROM signalen_zaak WHERE gemeente = $1 AND id = $2`, gemeente, id)
	if err := scanZaak(row, &d.Zaak); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return d, fmt.Errorf("opslag: zaak %d: %w", id, ErrNietGevonden)
		}
		return d, fmt.Errorf("opslag: zaak %d: %w", id, err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_signaal WHERE gemeente = $1 AND zaak_id = $2`, gemeente, id).
		Scan(&d.AantalSignalen); err != nil {
		return d, fmt.Errorf("opslag: tel signalen van zaak %d: %w", id, err)
	}
	d.Vanaf = vanaf
	// The first id of the page is found in the index alone (gemeente, zaak_id, id); an OFFSET on the
	// page query itself would read every skipped row (measured on PostgreSQL: the last page of 50,000
	// signals 27 ms with OFFSET, see docs/signalen-web.md).
	cond := "zaak_id = $2 AND id >= (SELECT id FROM signalen_signaal WHERE gemeente = $1 AND zaak_id = $2 ORDER BY id LIMIT 1 OFFSET " +
		strconv.Itoa(vanaf) + ")"
	sigs, err := s.signalenVan(ctx, s.db, gemeente, cond, " LIMIT "+strconv.Itoa(SignalenPerPagina), id)
	if err != nil {
		return d, err
	}
	d.Signalen = sigs
	if err := s.logZaak(ctx, nil, &d.Zaak, bsnsVan(sigs), "vroegsignaalzaak.bekijken", audit.Lezen); err != nil {
		return ZaakDetail{}, err
	}
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM signalen_contactpoging WHERE gemeente = $1 AND zaak_id = $2),
		(SELECT COUNT(*) FROM signalen_notitie WHERE gemeente = $1 AND zaak_id = $2)`, gemeente, id).
		Scan(&d.AantalContactpogingen, &d.AantalNotities); err != nil {
		return d, fmt.Errorf("opslag: tel contactpogingen en notities van zaak %d: %w", id, err)
	}
	cps, err := s.contactpogingen(ctx, gemeente, "zaak_id = $2", id)
	if err != nil {
		return d, err
	}
	d.Contactpogingen = cps
	rows, err := s.db.QueryContext(ctx, `SELECT id, tekst, door, tijd FROM signalen_notitie WHERE gemeente = $1 AND zaak_id = $2
		ORDER BY id DESC LIMIT `+strconv.Itoa(MaxContactNotities), gemeente, id)
	if err != nil {
		return d, fmt.Errorf("opslag: notities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n Notitie
		if err := rows.Scan(&n.ID, &n.Tekst, &n.Door, &n.Tijd); err != nil {
			return d, fmt.Errorf("opslag: notities: %w", err)
		}
		d.Notities = append(d.Notities, n)
	}
	slices.Reverse(d.Notities)
	return d, rows.Err()
}

// AantalTerBeoordeling counts the open zaken of gemeente marked for review (signalen.Zaak.Beoordelen).
func (s *Service) AantalTerBeoordeling(ctx context.Context, gemeente string) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM signalen_zaak WHERE gemeente = $1 AND beoordelen = 1 AND status = $2`,
		gemeente, string(signalen.ZaakOpen)).Scan(&n); err != nil {
		return 0, fmt.Errorf("opslag: tel zaken ter beoordeling: %w", err)
	}
	return n, nil
}

func bsnsVan(sigs []signalen.Ontvangen) []string {
	var uit []string
	for i := range sigs {
		if b := sigs[i].Inwoner.BSN; b != "" {
			uit = append(uit, b)
		}
	}
	return uit
}

const signaalKolommen = `id, zaak_id, partner, referentie, partnertype, bedrag_cent, ontstaansdatum, signaaldatum, ontvangen,
	crisis, crisissoort, warme_overdracht, status, methode, huishoudsleutel, adressleutel, inwoner_id, bsn, voorletters,
	voorvoegsel, achternaam, geboortedatum, straat, postcode, huisnummer, toevoeging, woonplaats, telefoon, email, briefadres`

// signalenVan reads the signals of gemeente matching cond (which uses $2...), ordered by zaak and id;
// staart is appended after the ORDER BY (a LIMIT and OFFSET of numbers, never outside text).
func (s *Service) signalenVan(ctx context.Context, q queryer, gemeente, cond, staart string, args ...any) ([]signalen.Ontvangen, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+signaalKolommen+`,
		COALESCE((SELECT p.naam FROM partner_organisatie p WHERE p.id = signalen_signaal.partner), partner)
		FROM signalen_signaal WHERE gemeente = $1 AND `+cond+
		` ORDER BY zaak_id, id`+staart, append([]any{gemeente}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("opslag: signalen: %w", err)
	}
	defer rows.Close()
	var out []signalen.Ontvangen
	for rows.Next() {
		o := signalen.Ontvangen{Gemeente: gemeente}
		var pt, od, sd, ov, cs, st, me, geb string
		var bedrag int64
		var crisis, warm, brief int
		in := &o.Inwoner
		a := &in.Adres
		if err := rows.Scan(&o.ID, &o.ZaakID, &o.Partner, &o.Referentie, &pt, &bedrag, &od, &sd, &ov, &crisis, &cs, &warm, &st, &me,
			&o.Koppeling.Huishoudsleutel, &o.Koppeling.Adressleutel, &o.Koppeling.Match.InwonerID, &in.BSN, &in.Voorletters,
			&in.Voorvoegsel, &in.Achternaam, &geb, &a.Straat, &a.Postcode, &a.Huisnummer, &a.Toevoeging, &a.Woonplaats,
			&in.Telefoon, &in.Email, &brief, &o.PartnerNaam); err != nil {
			return nil, fmt.Errorf("opslag: signaal: %w", err)
		}
		o.PartnerType, o.Bedrag, o.Ontstaansdatum, o.Signaaldatum, o.Ontvangen = signalen.PartnerType(pt), geld.Bedrag(bedrag), leesDatum(od), leesDatum(sd), leesDatum(ov)
		o.Crisis, o.CrisisSoort, o.WarmeOverdracht, o.Status = crisis == 1, signalen.CrisisSoort(cs), warm == 1, signalen.Signaalstatus(st)
		o.Koppeling.Methode, in.Geboortedatum, o.Koppeling.Briefadres = signalen.Methode(me), leesDatum(geb), brief == 1
		out = append(out, o)
	}
	return out, rows.Err()
}

func (s *Service) contactpogingen(ctx context.Context, gemeente, cond string, args ...any) ([]signalen.Contactpoging, error) {
	// The most recent MaxContactNotities, shown oldest first.
	rows, err := s.db.QueryContext(ctx, `SELECT id, zaak_id, soort, bereikt, datum, dagdeel, toelichting FROM (
		SELECT id, zaak_id, soort, bereikt, datum, dagdeel, toelichting FROM signalen_contactpoging
		WHERE gemeente = $1 AND `+cond+` ORDER BY datum DESC, id DESC LIMIT `+strconv.Itoa(MaxContactNotities)+`) c
		ORDER BY zaak_id, datum, id`, append([]any{gemeente}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("opslag: contactpogingen: %w", err)
	}
	defer rows.Close()
	var out []signalen.Contactpoging
	for rows.Next() {
		var c signalen.Contactpoging
		var soort, d, dd string
		var bereikt int
		if err := rows.Scan(&c.ID, &c.ZaakID, &soort, &bereikt, &d, &dd, &c.Toelichting); err != nil {
			return nil, fmt.Errorf("opslag: contactpoging: %w", err)
		}
		c.Soort, c.Bereikt, c.Datum, c.Dagdeel = signalen.Contactsoort(soort), bereikt == 1, leesDatum(d), signalen.Dagdeel(dd)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Terugkoppeling returns what partner (an id) may learn about its signal ref in gemeente: opgepakt,
// niet opgepakt, or nog niet opgepakt — never the reason. ErrNietGevonden when the partner has no such
// signal there (also when another partner has, whatever its name).
func (s *Service) Terugkoppeling(ctx context.Context, gemeente, partner, ref string) (signalen.Terugkoppeling, error) {
	var st string
	err := s.db.QueryRowContext(ctx, `SELECT status FROM signalen_signaal WHERE gemeente = $1 AND partner = $2 AND referentie = $3`,
		gemeente, partner, ref).Scan(&st)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNietGevonden
	}
	if err != nil {
		return "", fmt.Errorf("opslag: terugkoppeling: %w", err)
	}
	if err := s.log.Schrijf(ctx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: activiteitTerugmelden,
		Operatie: "vroegsignaal.terugkoppeling", Actie: audit.Lezen, Resultaat: audit.OK, Object: "partner/" + partner}); err != nil {
		return "", fmt.Errorf("opslag: audit: %w", err)
	}
	return signalen.TerugkoppelingVan(signalen.Signaalstatus(st)), nil
}

// logZaak writes one audit row for one processing of zaak z: with the BSNs of the residents it
// concerns (hashed by the audit log, one row however many), or the household when there is none.
// tx may be a transaction (nil: its own).
func (s *Service) logZaak(ctx context.Context, tx *sql.Tx, z *signalen.Zaak, bsns []string, operatie string, actie audit.Actie) error {
	v := audit.Verwerking{Gemeente: z.Gemeente, Verwerkingsactiviteit: activiteitBehandelen, Operatie: operatie, Actie: actie,
		Resultaat: audit.OK, Object: "vroegsignaalzaak/" + strconv.FormatInt(z.ID, 10)}
	switch uniek := slices.Compact(slices.Sorted(slices.Values(bsns))); len(uniek) {
	case 0:
		v.SubjectSoort, v.SubjectID = "huishouden", z.Huishoudsleutel
	case 1:
		v.BSN = uniek[0]
	default:
		v.BSNs = uniek
	}
	var err error
	if tx != nil {
		err = s.log.SchrijfTx(ctx, tx, v)
	} else {
		err = s.log.Schrijf(ctx, v)
	}
	if err != nil {
		return fmt.Errorf("opslag: audit: %w", err)
	}
	return nil
}
