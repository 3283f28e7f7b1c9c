// Package tenant keeps the tenants of Zeker: gemeenten, each with its CBS code (GM1681), name, the
// contact block residents see, a theme for its own pages and free settings. Every row of personal data
// elsewhere carries the code of its gemeente.
package tenant

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Contact is the contact block shown to residents on the gemeente's pages.
type Contact struct {
	Telefoon       string `json:"telefoon,omitempty"`
	Email          string `json:"email,omitempty"`
	Website        string `json:"website,omitempty"`
	Adres          string `json:"adres,omitempty"`
	Openingstijden string `json:"openingstijden,omitempty"`
	Tekst          string `json:"tekst,omitempty"`    // free B1 text, e.g. "Bel ons, we helpen u graag."
	TekstEN        string `json:"tekst_en,omitempty"` // the same in English; empty: residents reading English see Tekst
}

// Thema is the look of a gemeente's own pages: values for NL Design System tokens. Empty fields fall
// back to the neutral theme.
type Thema struct {
	Primair      string `json:"primair,omitempty"`       // CSS colour, e.g. #00689e
	PrimairTekst string `json:"primair_tekst,omitempty"` // text colour on Primair
	Logo         string `json:"logo,omitempty"`          // path of the logo under /static, or empty
}

// Gemeente is one tenant.
type Gemeente struct {
	Code         string
	Naam         string
	Contact      Contact
	Thema        Thema
	Instellingen json.RawMessage // JSON object; nil means {}
	Actief       bool
	Aangemaakt   time.Time
	Gewijzigd    time.Time
}

var codePattern = regexp.MustCompile(`^GM[0-9]{4}$`)

// ValideerCode checks that code is a CBS gemeentecode (GM followed by four digits).
func ValideerCode(code string) error {
	if !codePattern.MatchString(code) {
		return fmt.Errorf("tenant: gemeentecode %q moet de vorm GM0000 hebben", code)
	}
	return nil
}

func (g Gemeente) valideer() error {
	if err := ValideerCode(g.Code); err != nil {
		return err
	}
	if strings.TrimSpace(g.Naam) == "" {
		return fmt.Errorf("tenant: %s: naam ontbreekt", g.Code)
	}
	if len(g.Instellingen) > 0 {
		var obj map[string]any
		if err := json.Unmarshal(g.Instellingen, &obj); err != nil {
			return fmt.Errorf("tenant: %s: instellingen moeten een JSON-object zijn: %w", g.Code, err)
		}
	}
	return nil
}

func (g Gemeente) kolommen() (contact, thema, instellingen string, err error) {
	c, err := json.Marshal(g.Contact)
	if err != nil {
		return "", "", "", err
	}
	th, err := json.Marshal(g.Thema)
	if err != nil {
		return "", "", "", err
	}
	inst := "{}"
	if len(g.Instellingen) > 0 {
		inst = string(g.Instellingen)
	}
	return string(c), string(th), inst, nil
}

// Maak adds a new gemeente; store.ErrConflict when the code exists.
func Maak(ctx context.Context, db *store.DB, g Gemeente, now time.Time) error {
	if err := g.valideer(); err != nil {
		return err
	}
	c, th, inst, err := g.kolommen()
	if err != nil {
		return err
	}
	now = now.UTC()
	_, err = db.Exec(ctx, `INSERT INTO tenants (code, name, contact, theme, settings, active, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, g.Code, g.Naam, c, th, inst, g.Actief, now)
	if err != nil {
		return fmt.Errorf("tenant: maak %s: %w", g.Code, err)
	}
	return nil
}

// Wijzig replaces name, contact, theme, settings and active of an existing gemeente; store.ErrNotFound
// when there is none.
func Wijzig(ctx context.Context, db *store.DB, g Gemeente, now time.Time) error {
	if err := g.valideer(); err != nil {
		return err
	}
	c, th, inst, err := g.kolommen()
	if err != nil {
		return err
	}
	res, err := db.Exec(ctx, `UPDATE tenants SET name = $2, contact = $3, theme = $4, settings = $5, active = $6, updated_at = $7
		WHERE code = $1`, g.Code, g.Naam, c, th, inst, g.Actief, now.UTC())
	if err != nil {
		return fmt.Errorf("tenant: wijzig %s: %w", g.Code, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("tenant: wijzig %s: %w", g.Code, store.ErrNotFound)
	}
	return nil
}

const kolommen = `code, name, contact, theme, settings, active, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Gemeente, error) {
	var g Gemeente
	var c, th, inst string
	if err := row.Scan(&g.Code, &g.Naam, &c, &th, &inst, &g.Actief, &g.Aangemaakt, &g.Gewijzigd); err != nil {
		return g, err
	}
	if err := json.Unmarshal([]byte(c), &g.Contact); err != nil {
		return g, fmt.Errorf("tenant: %s: contact: %w", g.Code, err)
	}
	if err := json.Unmarshal([]byte(th), &g.Thema); err != nil {
		return g, fmt.Errorf("tenant: %s: thema: %w", g.Code, err)
	}
	g.Instellingen = json.RawMessage(inst)
	return g, nil
}

// Haal returns the gemeente with this code; store.ErrNotFound when there is none.
func Haal(ctx context.Context, db *store.DB, code string) (Gemeente, error) {
	g, err := scan(db.SQL().QueryRowContext(ctx, `SELECT `+kolommen+` FROM tenants WHERE code = $1`, code))
	if err != nil {
		return Gemeente{}, fmt.Errorf("tenant: haal %s: %w", code, store.MapError(err))
	}
	return g, nil
}

// Lijst returns all gemeenten ordered by name.
func Lijst(ctx context.Context, db *store.DB) ([]Gemeente, error) {
	rows, err := db.SQL().QueryContext(ctx, `SELECT `+kolommen+` FROM tenants ORDER BY name, code`)
	if err != nil {
		return nil, fmt.Errorf("tenant: lijst: %w", err)
	}
	defer rows.Close()
	var gs []Gemeente
	for rows.Next() {
		g, err := scan(rows)
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	return gs, rows.Err()
}

// Standaard returns the four first tenants, whose policy plans are in shared/seeds. The contact block
// holds the public website and a text that says where residents can go, taken from each plan (the
// rule packs held these texts until the tenant became their one source); phone numbers and opening
// hours are filled in by each gemeente's beheerder, never invented here.
func Standaard() []Gemeente {
	mk := func(code, naam, site, kleur, tekst, tekstEN string) Gemeente {
		return Gemeente{
			Code: code, Naam: naam, Actief: true,
			Contact:      Contact{Website: site, Tekst: tekst, TekstEN: tekstEN},
			Thema:        Thema{Primair: kleur, PrimairTekst: "#ffffff"},
			Instellingen: json.RawMessage(`{}`),
		}
	}
	return []Gemeente{
		mk("GM1681", "Borger-Odoorn", "https://www.borger-odoorn.nl", "#00587c",
			"Neem contact op met de gemeente Borger-Odoorn. De gemeente kijkt samen met u naar uw situatie en wat u nodig hebt.",
			"Contact the municipality of Borger-Odoorn. The municipality will look at your situation and what you need together with you."),
		mk("GM1969", "Westerkwartier", "https://www.westerkwartier.nl", "#2f6b2f",
			"Neem contact op met de gemeente Westerkwartier. Wij kijken samen met u wat u nodig hebt. De gemeente heeft ook een potjeswijzer: een overzicht van alle regelingen. Voor regelingen voor kinderen kunt u terecht bij Stichting Leergeld.",
			"Contact the municipality of Westerkwartier. We will look at what you need together with you. The municipality also has a \"potjeswijzer\": an overview of all schemes. For schemes for children, contact Stichting Leergeld."),
		mk("GM0175", "Ommen", "https://www.ommen.nl", "#7a2e5c",
			"Neem contact op met het Samen Doen Team van de gemeente Ommen. Wij helpen u graag.",
			"Contact the Samen Doen Team (social team) of the municipality of Ommen. We are happy to help."),
		mk("GM0147", "Borne", "https://www.borne.nl", "#8a4b00",
			"Kom langs bij het Sociaal Hus in Borne. Daar kunt u met al uw vragen terecht.",
			"Visit the Sociaal Hus in Borne. You can go there with all your questions."),
	}
}

// ZaaiStandaard adds the gemeenten of Standaard that are not there yet and leaves existing ones
// untouched. It returns the codes it added.
func ZaaiStandaard(ctx context.Context, db *store.DB, now time.Time) ([]string, error) {
	var added []string
	for _, g := range Standaard() {
		err := Maak(ctx, db, g, now)
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return added, err
		}
		added = append(added, g.Code)
	}
	return added, nil
}

// Bestaat reports whether a gemeente with this code exists and is active.
func Bestaat(ctx context.Context, db *store.DB, code string) (bool, error) {
	var actief bool
	err := db.SQL().QueryRowContext(ctx, `SELECT active FROM tenants WHERE code = $1`, code).Scan(&actief)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("tenant: bestaat %s: %w", code, err)
	}
	return actief, nil
}

// Contrast is the WCAG 2.1 contrast ratio of two colours written #rrggbb (1 to 21); 0 when either is
// not such a colour. Text on a gemeente's own colour must reach 4.5 (success criterion 1.4.3).
func Contrast(a, b string) float64 {
	la, oka := luminantie(a)
	lb, okb := luminantie(b)
	if !oka || !okb {
		return 0
	}
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminantie is the relative luminance of a #rrggbb colour (WCAG 2.1, definition "relative luminance").
func luminantie(c string) (float64, bool) {
	if len(c) != 7 || c[0] != '#' {
		return 0, false
	}
	var rgb [3]float64
	for i := range rgb {
		v, err := strconv.ParseUint(c[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return 0, false
		}
		s := float64(v) / 255
		if s <= 0.04045 {
			rgb[i] = s / 12.92
		} else {
			rgb[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2], true
}
