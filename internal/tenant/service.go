package tenant

import (
	"context"
	"time"

	"github.com/zeker-platform/zeker/internal/store"
)

// Service is the tenant register bound to its database, for callers that do not hold the database
// themselves (the web kit and its parts: nothing under internal/web imports internal/store).
type Service struct {
	db *store.DB
}

// NewService returns the register of db.
func NewService(db *store.DB) *Service { return &Service{db: db} }

// Haal returns the gemeente with code; errs.NotFound when there is none.
func (s *Service) Haal(ctx context.Context, code string) (Gemeente, error) {
	return Haal(ctx, s.db, code)
}

// Lijst returns every gemeente, active or not, ordered by code.
func (s *Service) Lijst(ctx context.Context) ([]Gemeente, error) { return Lijst(ctx, s.db) }

// Maak adds a gemeente; errs.Conflict when its code exists.
func (s *Service) Maak(ctx context.Context, g Gemeente, now time.Time) error {
	return Maak(ctx, s.db, g, now)
}

// Wijzig stores a changed gemeente.
func (s *Service) Wijzig(ctx context.Context, g Gemeente, now time.Time) error {
	return Wijzig(ctx, s.db, g, now)
}
