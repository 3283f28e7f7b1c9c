// Package checkweb is the resident check "Waar heb ik recht op?": the start page, the steps, the
// result page, the printable summary, the resume code, and the accessibility and privacy statements. It is Dutch and English, in the resident's
// and the intermediary's voice, and works without JavaScript.
//
// The check stores nothing on the server: the answers travel between steps, and in the resume code, as
// one AES-GCM-encrypted token (token.go). The result page, the hot path under load, is written in Go
// (check_resultaat_html.go) inside the layout of base.html, pre-rendered per language by the kit.
package checkweb

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/tenant"
	"github.com/zeker-platform/zeker/internal/web"
)

// Config is the configuration of the check.
type Config struct {
	// Sleutel is the 32-byte AES-256 key that encrypts the answers (the state between steps and the
	// resume code). Empty: a random key per process, so resume codes stop working after a restart.
	Sleutel []byte
	// CodeGeldig is how long a resume code stays valid; 0 means 30 days.
	CodeGeldig time.Duration
	// AanvraagActie, when set, is where the result page's form posts the answers to start an
	// application (the aanvragen part, wired by the composition root); empty: no such form.
	AanvraagActie string
}

// Deps are the services of the check.
type Deps struct {
	Catalogus *regels.Catalogus
	// Gemeenten is the tenant register, the one source of a gemeente's name, contact and whether it is
	// offered: pass the same service the kit and the staff pages use, so a beheerder's edit shows on
	// the next page (tenant.NewVast for a server without a database).
	Gemeenten *tenant.Service
	// Teksten words the engine's explanation; nil is the catalogue that ships with Zeker
	// (internal/regels/teksten). A language of the page catalogue needs a file in both.
	Teksten *regels.Teksten
	// Partners gives the contact of the partners that rule packs name as the ones who run a regeling
	// (aanvragen.partner); nil shows the pack's executing organisation without contact.
	Partners PartnerGids
}

// PartnerGids looks up a partner that a rule pack names by key. The check asks it once per partner of
// a result page; the implementation (cmd/zeker/web.go, over internal/partner) keeps them in memory, so
// the hot path does no database lookup per regeling.
type PartnerGids interface {
	PartnerContact(ctx context.Context, sleutel string) (PartnerContact, bool)
}

// PartnerContact is what the result page shows of the partner that runs a regeling: each item only
// where it is known.
type PartnerContact struct {
	Naam, Telefoon, Adres, Website string
	// Open are the opening hours, by weekday and time, worded in the page's language (openTekst).
	Open []Tijdvak
}

// Tijdvak is one slot of opening hours: Dag 1 (Monday) … 7 (Sunday), Van and Tot in minutes after
// midnight.
type Tijdvak struct{ Dag, Van, Tot int }

// server is the check: its services and parsed pages. Handlers are its methods, one file per page.
type server struct {
	kit       *web.Kit
	cfg       Config
	cat       *regels.Catalogus
	token     *tokenSleutel
	gemeenten *tenant.Service
	metPakket map[string]bool // gemeenten with a rule pack: only those are offered
	pages     *web.Pages
	labels    map[labelSleutel]*resultaatLabels // fixed texts of the result page, per language and voice
	teksten   *regels.Teksten                   // nil: the engine's own catalogue
	partners  PartnerGids                       // nil: no partner contact
	woorden   *regels.Teksten                   // teksten, or the engine's own catalogue: never nil
	// voet keeps the footer entry with a gemeente's contact per language, voice and gemeente
	// (voetSleutel → voetWaarde), rendered again when the tenant's contact changes.
	voet sync.Map
}

// New prepares the check: its templates (parsed per language and voice) and the fixed texts of the
// result page. It fails on any template error or a missing key.
func New(kit *web.Kit, cfg Config, deps Deps) (web.Part, error) {
	s, err := nieuw(kit, cfg, deps)
	if err != nil {
		return web.Part{}, err
	}
	return s.part(), nil
}

func nieuw(kit *web.Kit, cfg Config, deps Deps) (*server, error) {
	if deps.Catalogus == nil || deps.Gemeenten == nil {
		return nil, errors.New("checkweb: Catalogus en Gemeenten zijn nodig")
	}
	if cfg.CodeGeldig <= 0 {
		cfg.CodeGeldig = 30 * 24 * time.Hour
	}
	key := cfg.Sleutel
	if len(key) == 0 {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, fmt.Errorf("checkweb: sleutel maken: %w", err)
		}
		kit.Log().Warn("geen sleutel voor de check ingesteld (ZEKER_CHECK_KEY); een hervatcode werkt alleen tot de server herstart")
	}
	tk, err := nieuweTokenSleutel(key)
	if err != nil {
		return nil, err
	}
	pages, err := kit.Pages(web.Templates{FS: templateFS, Gedeeld: []string{"contacten"}})
	if err != nil {
		return nil, err
	}
	s := &server{kit: kit, cfg: cfg, cat: deps.Catalogus, token: tk, pages: pages, gemeenten: deps.Gemeenten, metPakket: map[string]bool{}, teksten: deps.Teksten, partners: deps.Partners}
	for _, g := range deps.Catalogus.Gemeenten() {
		s.metPakket[g.Code] = true
	}
	if s.woorden = deps.Teksten; s.woorden == nil {
		if s.woorden, err = regels.StandaardTeksten(); err != nil {
			return nil, fmt.Errorf("checkweb: teksten: %w", err)
		}
	}
	if len(s.metPakket) == 0 {
		return nil, errors.New("checkweb: de regelcatalogus heeft geen gemeenten")
	}
	s.labels = map[labelSleutel]*resultaatLabels{}
	talen := kit.Talen()
	for _, code := range talen.Talen() {
		for _, ander := range []bool{false, true} {
			s.labels[labelSleutel{code, ander}] = nieuweResultaatLabels(talen.Taal(code, ander))
		}
	}
	return s, nil
}

// part returns the routes of the check. They are open to everyone and read no session.
func (s *server) part() web.Part {
	return web.Part{Name: "check", Routes: []web.Route{
		{Pattern: "GET /{$}", Access: web.Open, Handler: s.checkStart},
		{Pattern: "POST /check/start", Access: web.Open, Handler: s.checkStartPost},
		{Pattern: "GET /check/stap", Access: web.Open, Handler: s.checkStap},
		{Pattern: "POST /check/stap", Access: web.Open, Handler: s.checkStapPost},
		{Pattern: "GET /check/resultaat", Access: web.Open, Handler: s.checkResultaat},
		{Pattern: "GET /check/bewaar", Access: web.Open, Handler: s.checkBewaar},
		{Pattern: "GET /check/armoedeval", Access: web.Open, Handler: s.checkArmoedeval},
		{Pattern: "GET /check/armoedeval.csv", Access: web.Open, Handler: s.checkArmoedevalCSV},
		{Pattern: "GET /check/verder", Access: web.Open, Handler: s.checkVerder},
		{Pattern: "GET /toegankelijkheid", Access: web.Open, Handler: s.toegankelijkheid},
		{Pattern: "GET /privacy", Access: web.Open, Handler: s.privacy},
	}}
}

func (s *server) nu() time.Time { return s.kit.Nu() }

// fout shows the resident error page with the catalogue text of key.
func (s *server) fout(w http.ResponseWriter, r *http.Request, status int, key string) {
	s.kit.ResidentError(w, r, status, key)
}
