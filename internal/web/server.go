package web

import (
	"crypto/rand"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/regels"
)

// Config is the part of the server configuration that the pages need.
type Config struct {
	// CheckSleutel is the 32-byte AES-256 key that encrypts the answers of the resident check (the state
	// between steps and the resume code). Empty: a random key per process, so resume codes stop working
	// after a restart.
	CheckSleutel []byte
	// BehindTLS says that clients reach the server over HTTPS (directly or through a proxy); only then is
	// Strict-Transport-Security sent.
	BehindTLS bool
	// MaxBody limits a request body in bytes; 0 means 64 KiB.
	MaxBody int64
	// CodeGeldig is how long a resume code stays valid; 0 means 30 days.
	CodeGeldig time.Duration
}

// Deps are the services the pages use.
type Deps struct {
	Catalogus *regels.Catalogus
	Logger    *slog.Logger
	// Nu gives the current time; nil means time.Now. The check evaluates at Nu's date.
	Nu func() time.Time
	// Staff adds the staff pages (login, beheer; staff.go). Nil: only the resident check.
	Staff *StaffDeps
}

// Server holds the parsed templates and everything a handler needs. It is safe for concurrent use.
type Server struct {
	cfg       Config
	cat       *regels.Catalogus
	log       *slog.Logger
	nu        func() time.Time
	tmpl      map[tmplSleutel]*template.Template
	talen     *Berichten
	token     *tokenSleutel
	gemeenten []regels.Gemeente
	bufs      sync.Pool                         // *bytes.Buffer for rendering pages
	labels    map[labelSleutel]*resultaatLabels // fixed texts of the result page, per language and voice
	skeletten map[labelSleutel]*skelet          // the layout, pre-rendered for the result page
	staff     *staff                            // nil without Deps.Staff
}

// New parses the templates and the message catalogue and prepares the server. It fails on any template
// or catalogue error, so a broken page never reaches a resident.
func New(cfg Config, deps Deps) (*Server, error) {
	if deps.Catalogus == nil {
		return nil, errors.New("web: geen regelcatalogus")
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.DiscardHandler)
	}
	if deps.Nu == nil {
		deps.Nu = time.Now
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 64 << 10
	}
	if cfg.CodeGeldig <= 0 {
		cfg.CodeGeldig = 30 * 24 * time.Hour
	}
	key := cfg.CheckSleutel
	if len(key) == 0 {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, fmt.Errorf("web: sleutel maken: %w", err)
		}
		deps.Logger.Warn("geen sleutel voor de check ingesteld (ZEKER_CHECK_KEY); een hervatcode werkt alleen tot de server herstart")
	}
	tk, err := nieuweTokenSleutel(key)
	if err != nil {
		return nil, err
	}
	talen, err := LaadBerichten()
	if err != nil {
		return nil, err
	}
	tmpl, err := parseTemplates(talen)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, cat: deps.Catalogus, log: deps.Logger, nu: deps.Nu, tmpl: tmpl, talen: talen, token: tk,
		gemeenten: deps.Catalogus.Gemeenten()}
	if len(s.gemeenten) == 0 {
		return nil, errors.New("web: de regelcatalogus heeft geen gemeenten")
	}
	s.labels = map[labelSleutel]*resultaatLabels{}
	for _, code := range talen.Talen() {
		for _, ander := range []bool{false, true} {
			s.labels[labelSleutel{code, ander}] = nieuweResultaatLabels(talen.Taal(code, ander))
		}
	}
	if s.skeletten, err = maakSkeletten(talen); err != nil {
		return nil, err
	}
	if err := s.initStaff(deps.Staff); err != nil {
		return nil, err
	}
	return s, nil
}

// Handler returns the complete HTTP handler: routes wrapped in the middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.routes(mux)
	return s.metAPI(s.middleware(mux))
}

// routes registers every page. Other parts of Zeker mount their routes here.
func (s *Server) routes(mux *http.ServeMux) {
	mux.Handle("GET /static/", s.static())
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /readyz", s.readyz)
	s.checkRoutes(mux)

	// ---- Mount points for later parts (keep this block) ----
	// Staff pages (login, beheer, scan, signalen worklists): their own handler files in this package,
	// registered by a method like s.checkRoutes:
	s.staffRoutes(mux)
	// JSON API under /api/v1 (bearer tokens, no cookies, so outside the cross-origin form protection):
	//	apiv1.Routes(mux, ...)

	mux.HandleFunc("/", s.nietGevonden)
}
