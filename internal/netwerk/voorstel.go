package netwerk

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/store"
)

// Proposals (voorstellen). A partner user proposes changes to one of its own services on the sociale
// kaart of its gemeente (StelVoor); the gemeente's beheerder sees the differences with the service as it
// is (Verschillen) and approves — the change is applied, the service counts as checked today and its
// source names the partner and the approval — or rejects with a reason (Beoordeel). Until then the
// public kaart and the open data show the service as it is: a proposal is kept apart
// (netwerk_voorstel). A partner proposes the texts residents read, the needs, contact and hours and the
// status; where the service is offered, its regelingen and locations stay the beheerder's.

// Wijziging is what a partner proposes for a service.
type Wijziging struct {
	Naam           string     `json:"naam"`
	Beschrijving   string     `json:"beschrijving"`
	Behoeften      []Behoefte `json:"behoeften"`
	VoorWie        string     `json:"voor_wie"`
	Aanmelden      string     `json:"aanmelden"`
	Kosten         string     `json:"kosten"`
	Website        string     `json:"website"`
	Email          string     `json:"email"`
	Telefoon       string     `json:"telefoon"`
	Openingstijden string     `json:"openingstijden"` // the notation of ParseOpeningstijden
	Status         Status     `json:"status"`
}

// WijzigingVan is the proposal that changes nothing of d (the form's starting point).
func WijzigingVan(d Dienst) Wijziging {
	return Wijziging{Naam: d.Naam, Beschrijving: d.Beschrijving, Behoeften: slices.Clone(d.Behoeften), VoorWie: d.VoorWie,
		Aanmelden: d.Aanmelden, Kosten: d.Kosten, Website: d.Website, Email: d.Email, Telefoon: d.Telefoon,
		Openingstijden: d.Openingstijden.String(), Status: d.Status}
}

// VoorstelStatus is the state of a proposal.
type VoorstelStatus string

// The states.
const (
	VoorstelOpen        VoorstelStatus = "open"
	VoorstelGoedgekeurd VoorstelStatus = "goedgekeurd"
	VoorstelAfgewezen   VoorstelStatus = "afgewezen"
)

// Voorstel is a stored proposal.
type Voorstel struct {
	ID             int64
	Gemeente       string
	PartnerID      string
	DienstID       string
	Door           int64
	Aangemaakt     time.Time
	Wijziging      Wijziging
	Status         VoorstelStatus
	BeoordeeldDoor int64
	BeoordeeldOp   *time.Time
	Reden          string
}

// pasToe returns d with w applied; the opening hours must be valid notation.
func pasToe(d Dienst, w Wijziging) (Dienst, errs.Fields) {
	d.Naam, d.Beschrijving, d.Behoeften, d.VoorWie = w.Naam, w.Beschrijving, slices.Clone(w.Behoeften), w.VoorWie
	d.Aanmelden, d.Kosten, d.Website, d.Email, d.Telefoon, d.Status = w.Aanmelden, w.Kosten, w.Website, w.Email, w.Telefoon, w.Status
	open, err := ParseOpeningstijden(w.Openingstijden)
	if err != nil {
		r := strings.TrimSuffix(err.Error(), ": "+errs.Invalid.Error())
		return d, errs.Fields{{Path: "openingstijden", Reason: strings.ToUpper(r[:1]) + r[1:]}}
	}
	d.Openingstijden = open
	d = d.Normaliseer()
	if f := d.Valideer(); f != nil {
		return d, f
	}
	return d, nil
}

// Verschil is one field that a proposal changes.
type Verschil struct {
	Veld, Nu, Voorstel string
}

// Verschillen lists the fields where w differs from d, in the order of the form, with staff words.
func Verschillen(d Dienst, w Wijziging) []Verschil {
	namen := func(bs []Behoefte) string {
		var uit []string
		for _, b := range bs {
			uit = append(uit, BehoefteNaam(b))
		}
		return strings.Join(uit, ", ")
	}
	open := w.Openingstijden
	if o, err := ParseOpeningstijden(w.Openingstijden); err == nil {
		open = o.String()
	}
	var uit []Verschil
	for _, v := range []Verschil{
		{"Naam", d.Naam, strings.TrimSpace(w.Naam)},
		{"Beschrijving", d.Beschrijving, strings.TrimSpace(w.Beschrijving)},
		{"Onderwerpen", namen(d.Behoeften), namen(w.Behoeften)},
		{"Voor wie", d.VoorWie, strings.TrimSpace(w.VoorWie)},
		{"Aanmelden", d.Aanmelden, strings.TrimSpace(w.Aanmelden)},
		{"Kosten", d.Kosten, strings.TrimSpace(w.Kosten)},
		{"Website", d.Website, strings.TrimSpace(w.Website)},
		{"E-mail", d.Email, strings.TrimSpace(w.Email)},
		{"Telefoon", d.Telefoon, strings.TrimSpace(w.Telefoon)},
		{"Bereikbaar", d.Openingstijden.String(), open},
		{"Status", StatusNaam(d.Status), StatusNaam(w.Status)},
	} {
		if v.Nu != v.Voorstel {
			uit = append(uit, v)
		}
	}
	return uit
}

// StelVoor stores partner's proposal w for its service dienstID offered in gemeente. A proposal that
// changes nothing, or whose result would not be a valid service, is refused (Fouten per field).
func (s *Service) StelVoor(ctx context.Context, gemeente, partnerID string, door int64, dienstID string, w Wijziging) (Voorstel, error) {
	d, err := s.dienstVanPartner(ctx, gemeente, partnerID, dienstID)
	if err != nil {
		return Voorstel{}, err
	}
	if _, f := pasToe(d, w); f != nil {
		return Voorstel{}, f
	}
	if len(Verschillen(d, w)) == 0 {
		return Voorstel{}, errs.Fields{{Path: "naam", Reason: "Dit voorstel verandert niets aan de dienst. Pas eerst iets aan."}}
	}
	js, err := json.Marshal(w)
	if err != nil {
		return Voorstel{}, err
	}
	v := Voorstel{Gemeente: gemeente, PartnerID: partnerID, DienstID: dienstID, Door: door, Aangemaakt: s.nu(), Wijziging: w, Status: VoorstelOpen}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO netwerk_voorstel (gemeente, partner_id, dienst_id, door, aangemaakt, wijziging, status)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, gemeente, partnerID, dienstID, door, v.Aangemaakt, string(js), string(VoorstelOpen)).Scan(&v.ID); err != nil {
			return fmt.Errorf("netwerk: voorstel opslaan: %w", store.MapError(err))
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit, Operatie: "dienst.voorstellen",
			Actie: audit.Aanmaken, Object: "voorstel/" + strconv.FormatInt(v.ID, 10), Detail: "dienst " + dienstID})
	})
	return v, err
}

// dienstVanPartner returns service id when it is partnerID's and offered in gemeente; else not found.
func (s *Service) dienstVanPartner(ctx context.Context, gemeente, partnerID, id string) (Dienst, error) {
	d, err := s.Dienst(ctx, id)
	if err != nil {
		return d, err
	}
	if d.PartnerID != partnerID || !slices.Contains(d.Gemeenten, gemeente) {
		return Dienst{}, fmt.Errorf("netwerk: dienst %s: %w", id, errs.NotFound)
	}
	return d, nil
}

// DienstenVanPartnerIn returns partner's services offered in gemeente (what its user may propose on).
func (s *Service) DienstenVanPartnerIn(ctx context.Context, gemeente, partnerID string) ([]Dienst, error) {
	ds, err := s.DienstenVan(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(ds, func(d Dienst) bool { return !slices.Contains(d.Gemeenten, gemeente) }), nil
}

const voorstelKolommen = `id, gemeente, partner_id, dienst_id, door, aangemaakt, wijziging, status, beoordeeld_door, beoordeeld_op, reden`

func scanVoorstel(row interface{ Scan(...any) error }) (Voorstel, error) {
	var v Voorstel
	var js string
	var op sql.NullTime
	if err := row.Scan(&v.ID, &v.Gemeente, &v.PartnerID, &v.DienstID, &v.Door, &v.Aangemaakt, &js, &v.Status, &v.BeoordeeldDoor, &op, &v.Reden); err != nil {
		return v, err
	}
	v.Aangemaakt = v.Aangemaakt.UTC()
	if op.Valid {
		t := op.Time.UTC()
		v.BeoordeeldOp = &t
	}
	if err := json.Unmarshal([]byte(js), &v.Wijziging); err != nil {
		return v, fmt.Errorf("netwerk: voorstel %d: %w", v.ID, err)
	}
	return v, nil
}

// Voorstellen returns the proposals of gemeente, newest first: all of them (partnerID "") or those of
// one partner; only open ones when open.
func (s *Service) Voorstellen(ctx context.Context, gemeente, partnerID string, open bool) ([]Voorstel, error) {
	q := `SELECT ` + voorstelKolommen + ` FROM netwerk_voorstel WHERE gemeente = $1 AND ($2 = '' OR partner_id = $2)`
	if open {
		q += ` AND status = 'open'`
	}
	var uit []Voorstel
	err := eachRow(ctx, s.db.SQL(), q+` ORDER BY id DESC LIMIT 500`, []any{gemeente, partnerID}, func(r *sql.Rows) error {
		v, err := scanVoorstel(r)
		uit = append(uit, v)
		return err
	})
	return uit, err
}

// Voorstel returns proposal id of gemeente.
func (s *Service) Voorstel(ctx context.Context, gemeente string, id int64) (Voorstel, error) {
	v, err := scanVoorstel(s.db.SQL().QueryRowContext(ctx, `SELECT `+voorstelKolommen+` FROM netwerk_voorstel WHERE gemeente = $1 AND id = $2`, gemeente, id))
	if errors.Is(store.MapError(err), store.ErrNotFound) {
		return v, fmt.Errorf("netwerk: voorstel %d: %w", id, errs.NotFound)
	}
	return v, err
}

// Beoordeel approves (goed) or rejects proposal id of gemeente. Approving applies it to the service as
// it is now, marks it checked today and names the partner and the approval as its source; a rejection
// needs a reason. A proposal is judged once (errs.Conflict after).
func (s *Service) Beoordeel(ctx context.Context, gemeente string, id int64, goed bool, reden string, door int64) error {
	reden = strings.TrimSpace(reden)
	if !goed && reden == "" {
		return errs.Fields{{Path: "reden", Reason: "Schrijf op waarom het voorstel wordt afgewezen; de partner ziet de reden."}}
	}
	if r := tekstFout(reden, MaxTekst, true); r != "" {
		return errs.Fields{{Path: "reden", Reason: r}}
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		v, err := scanVoorstel(tx.QueryRowContext(ctx, `SELECT `+voorstelKolommen+` FROM netwerk_voorstel WHERE gemeente = $1 AND id = $2`, gemeente, id))
		if errors.Is(store.MapError(err), store.ErrNotFound) {
			return fmt.Errorf("netwerk: voorstel %d: %w", id, errs.NotFound)
		}
		if err != nil {
			return err
		}
		if v.Status != VoorstelOpen {
			return fmt.Errorf("netwerk: voorstel %d is al beoordeeld: %w", id, errs.Conflict)
		}
		status, op := VoorstelAfgewezen, "dienst.voorstel.afwijzen"
		if goed {
			status, op = VoorstelGoedgekeurd, "dienst.voorstel.goedkeuren"
			ds, err := s.diensten(ctx, tx, `id = $1`, v.DienstID)
			if err != nil {
				return err
			}
			if len(ds) == 0 {
				return fmt.Errorf("netwerk: dienst %s: %w", v.DienstID, errs.NotFound)
			}
			nieuw, f := pasToe(ds[0], v.Wijziging)
			if f != nil {
				return f
			}
			naam := "de partner"
			if o, err := s.partners.Haal(ctx, v.PartnerID); err == nil {
				naam = o.Naam
			}
			vandaag := s.Vandaag()
			nieuw.Bron = "Opgegeven door " + naam + ", goedgekeurd door de gemeente op " + partner.DagTekst(vandaag)
			if len([]rune(nieuw.Bron)) > MaxKort {
				nieuw.Bron = string([]rune(nieuw.Bron)[:MaxKort])
			}
			nieuw.GecontroleerdOp = vandaag
			if _, err := s.wijzigDienstTx(ctx, tx, nieuw); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE netwerk_voorstel SET status = $3, beoordeeld_door = $4, beoordeeld_op = $5, reden = $6
			WHERE gemeente = $1 AND id = $2`, gemeente, id, string(status), door, s.nu(), reden); err != nil {
			return fmt.Errorf("netwerk: voorstel %d: %w", id, store.MapError(err))
		}
		return s.log.SchrijfTx(ctx, tx, audit.Verwerking{Gemeente: gemeente, Verwerkingsactiviteit: Activiteit, Operatie: op,
			Actie: audit.Wijzigen, Object: "voorstel/" + strconv.FormatInt(id, 10), Detail: "dienst " + v.DienstID})
	})
}
