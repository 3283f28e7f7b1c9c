package tenant

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/store"
)

// Service is the tenant register: the one source of a gemeente's name, contact, opening hours, theme and
// whether it is active, for the resident pages and the staff pages alike. It is bound to its database,
// for callers that do not hold the database themselves (nothing under internal/web imports
// internal/store).
//
// The resident check reads a gemeente on every page, so the service keeps the list in memory for at
// most Vers (5 seconds by default) and drops it at once when this service changes a gemeente: an edit
// shows on the next page of the same server, and within Vers on every other instance.
type Service struct {
	db  *store.DB
	nu  func() time.Time
	mu  sync.Mutex
	lst []Gemeente // cached list, ordered by name
	tot time.Time  // the cache is valid before tot
	// Vers is how long the list is kept; 0 means 5 seconds.
	Vers time.Duration
}

// NewService returns the register of db.
func NewService(db *store.DB) *Service { return &Service{db: db, nu: time.Now} }

// NewVast returns a register of a fixed list without a database: for a server or a command with only
// the resident check (the load test, zeker check without --db). Its gemeenten cannot be changed.
func NewVast(gs []Gemeente) *Service {
	lst := slices.Clone(gs)
	slices.SortFunc(lst, func(a, b Gemeente) int { return compareNaam(a, b) })
	return &Service{lst: lst, nu: time.Now}
}

func compareNaam(a, b Gemeente) int {
	if a.Naam != b.Naam {
		if a.Naam < b.Naam {
			return -1
		}
		return 1
	}
	if a.Code < b.Code {
		return -1
	}
	if a.Code > b.Code {
		return 1
	}
	return 0
}

// lijst returns the cached list, reading it again when it is older than Vers.
func (s *Service) lijst(ctx context.Context) ([]Gemeente, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return s.lst, nil
	}
	now := s.nu()
	if s.lst != nil && now.Before(s.tot) {
		return s.lst, nil
	}
	lst, err := Lijst(ctx, s.db)
	if err != nil {
		return nil, err
	}
	vers := s.Vers
	if vers <= 0 {
		vers = 5 * time.Second
	}
	s.lst, s.tot = lst, now.Add(vers)
	return lst, nil
}

func (s *Service) vergeet() {
	s.mu.Lock()
	s.lst = nil
	s.mu.Unlock()
}

// Haal returns the gemeente with code; errs.NotFound when there is none. It reads the database each
// time (staff pages, the guard); the resident pages use Gemeente.
func (s *Service) Haal(ctx context.Context, code string) (Gemeente, error) {
	if s.db == nil {
		return s.Gemeente(ctx, code)
	}
	return Haal(ctx, s.db, code)
}

// Gemeente returns the gemeente with code from the kept list (at most Vers old); errs.NotFound when
// there is none.
func (s *Service) Gemeente(ctx context.Context, code string) (Gemeente, error) {
	lst, err := s.lijst(ctx)
	if err != nil {
		return Gemeente{}, err
	}
	for _, g := range lst {
		if g.Code == code {
			return g, nil
		}
	}
	return Gemeente{}, fmt.Errorf("tenant: %s: %w", code, errs.NotFound)
}

// Actief returns the active gemeenten from the kept list, ordered by name: the gemeenten residents are
// offered.
func (s *Service) Actief(ctx context.Context) ([]Gemeente, error) {
	lst, err := s.lijst(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Gemeente, 0, len(lst))
	for _, g := range lst {
		if g.Actief {
			out = append(out, g)
		}
	}
	return out, nil
}

// Lijst returns every gemeente, active or not, ordered by name.
func (s *Service) Lijst(ctx context.Context) ([]Gemeente, error) {
	if s.db == nil {
		return slices.Clone(s.lst), nil
	}
	return Lijst(ctx, s.db)
}

// Maak adds a gemeente; errs.Conflict when its code exists.
func (s *Service) Maak(ctx context.Context, g Gemeente, now time.Time) error {
	if s.db == nil {
		return fmt.Errorf("tenant: vaste lijst: %w", errs.Forbidden)
	}
	defer s.vergeet()
	return Maak(ctx, s.db, g, now)
}

// Wijzig stores a changed gemeente.
func (s *Service) Wijzig(ctx context.Context, g Gemeente, now time.Time) error {
	if s.db == nil {
		return fmt.Errorf("tenant: vaste lijst: %w", errs.Forbidden)
	}
	defer s.vergeet()
	return Wijzig(ctx, s.db, g, now)
}
