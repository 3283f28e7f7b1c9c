package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/datum"
	"github.com/zeker-platform/zeker/internal/tenant"
)

// Config is the part of the server configuration that the kit needs.
type Config struct {
	// BehindTLS says that clients reach the server over HTTPS (directly or through a proxy); only then is
	// Strict-Transport-Security sent and the session cookie gets its __Host- name.
	BehindTLS bool
	// MaxBody limits a request body in bytes; 0 means 64 KiB. A route may raise it (Route.MaxBody).
	MaxBody int64
	// ClientIPHeader names the header in which a trusted reverse proxy puts the client's address (for
	// example X-Forwarded-For; its last entry is used). Empty: the address of the connection. Login
	// rate limiting counts per client address, so behind a proxy this must be set.
	ClientIPHeader string
}

// Deps are the platform services of the kit. Auth, Audit and Gemeenten are needed as soon as a part
// mounts a route that is not open to everyone (the guard reads sessions, logs refusals and checks
// that the gemeente of the URL exists); a server with only the resident check can leave them nil.
type Deps struct {
	Logger *slog.Logger
	// Nu gives the current time; nil means time.Now.
	Nu        func() time.Time
	Auth      *auth.Service
	Audit     *audit.Log
	Gemeenten *tenant.Service
	// Ready, when set, is asked by /readyz (e.g. the database and the job runner).
	Ready func(ctx context.Context) error
	// Berichten is the message catalogue; nil is the one that ships with Zeker (internal/web/i18n).
	Berichten *Berichten
}

// Kit is the web platform every part is built with: the middleware, the template engine and layout,
// the message catalogue, the guard of the route table, sessions and error pages. It knows no part:
// parts are packages under internal/web that take a *Kit and return a Part, and cmd/zeker mounts them
// with Handler. It is safe for concurrent use.
type Kit struct {
	cfg       Config
	deps      Deps
	log       *slog.Logger
	talen     *Berichten
	layout    *layout
	skeletten map[taalSleutel]*Skelet
	bufs      sync.Pool // *bytes.Buffer for rendering pages

	eigen, eigenStaff *Pages // the kit's own pages: the resident error page and the staff error page

	mu       sync.RWMutex
	menu     []MenuItem        // menu entries of the mounted parts, in order
	taakNaam map[string]string // names of background-job kinds of the mounted parts
}

// New parses the layout, the shared partials and the message catalogue. It fails on any template or
// catalogue error, so a broken page never reaches anyone.
func New(cfg Config, deps Deps) (*Kit, error) {
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.DiscardHandler)
	}
	if deps.Nu == nil {
		deps.Nu = time.Now
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 64 << 10
	}
	talen := deps.Berichten
	var err error
	if talen == nil {
		if talen, err = LaadBerichten(); err != nil {
			return nil, err
		}
	}
	if _, err := statischeBestanden(); err != nil {
		return nil, err
	}
	k := &Kit{cfg: cfg, deps: deps, log: deps.Logger, talen: talen, taakNaam: map[string]string{}}
	if k.layout, err = parseLayout(talen); err != nil {
		return nil, err
	}
	if k.skeletten, err = maakSkeletten(k.layout, talen); err != nil {
		return nil, err
	}
	if k.eigen, k.eigenStaff, err = k.kitPages(); err != nil {
		return nil, err
	}
	return k, nil
}

// Log is the logger of the server.
func (k *Kit) Log() *slog.Logger { return k.log }

// Nu is the current time (fixed in tests).
func (k *Kit) Nu() time.Time { return k.deps.Nu() }

// VandaagUTC is today's date in Europe/Amsterdam (datum.Van), as midnight UTC: the default day and year
// of the pages (the monitor's period, the scan's reference day). Not the UTC date: from 23:00 or 22:00
// UTC that is still yesterday, so on 1 January before 01:00 the year would be the old one.
func (k *Kit) VandaagUTC() time.Time {
	return datum.Van(k.deps.Nu(), Amsterdam).Tijd()
}

// Talen is the message catalogue.
func (k *Kit) Talen() *Berichten { return k.talen }

// Config returns the kit's configuration.
func (k *Kit) Config() Config { return k.cfg }

// Auth is the users and sessions service (nil on a server with only the resident check).
func (k *Kit) Auth() *auth.Service { return k.deps.Auth }

// Audit is the processing log (nil on a server with only the resident check).
func (k *Kit) Audit() *audit.Log { return k.deps.Audit }

// Gemeenten is the tenant register (nil on a server with only the resident check).
func (k *Kit) Gemeenten() *tenant.Service { return k.deps.Gemeenten }

// A Part is what a part package gives the kit: its routes, its entries in the staff menu and the
// names of its background jobs. Parts are built in cmd/zeker, the only place that knows them all.
type Part struct {
	Name   string
	Routes []Route
	Menu   []MenuItem
	// Taken names the part's background-job kinds in the words of the field (job kind → name).
	Taken map[string]string
}

// MenuItem is an entry of the staff navigation and of a gemeente's start page.
type MenuItem struct {
	Titel, Uitleg string
	// Pad is the page under /beheer/{gemeente}: "" is the start page, "/signalen" a part.
	Pad       string
	Permissie auth.Permissie
	// Volgorde orders the menu across parts (lower first).
	Volgorde int
}

// Handler mounts the kit's own routes and every route of parts in one loop and wraps them in the
// middleware. It fails when two routes conflict or a route needs services the kit was built without.
func (k *Kit) Handler(parts ...Part) (http.Handler, error) {
	mux := http.NewServeMux()
	var menu []MenuItem
	taken := map[string]string{}
	for _, p := range append([]Part{k.eigenPart()}, parts...) {
		for _, rt := range p.Routes {
			if err := k.mount(mux, p.Name, rt); err != nil {
				return nil, err
			}
		}
		menu = append(menu, p.Menu...)
		for kind, naam := range p.Taken {
			taken[kind] = naam
		}
	}
	slices.SortStableFunc(menu, func(a, b MenuItem) int { return a.Volgorde - b.Volgorde })
	k.mu.Lock()
	k.menu, k.taakNaam = menu, taken
	k.mu.Unlock()
	return k.middleware(mux), nil
}

// mount registers one route with its guard; a conflicting pattern is an error, not a panic.
func (k *Kit) mount(mux *http.ServeMux, part string, rt Route) (err error) {
	if rt.Handler == nil {
		return fmt.Errorf("web: %s: route %q zonder handler", part, rt.Pattern)
	}
	if rt.Access.nodigSessie() && (k.deps.Auth == nil || k.deps.Audit == nil || k.deps.Gemeenten == nil) {
		return fmt.Errorf("web: %s: route %q heeft Auth, Audit en Gemeenten nodig", part, rt.Pattern)
	}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("web: %s: route %q: %v", part, rt.Pattern, v)
		}
	}()
	mux.Handle(rt.Pattern, k.bewaak(rt))
	return nil
}

// Menu returns the menu entries of the mounted parts, in order.
func (k *Kit) Menu() []MenuItem {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.menu
}

// ready checks the services that /readyz asks about.
func (k *Kit) ready(ctx context.Context) error {
	if k.deps.Ready == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return k.deps.Ready(ctx)
}
