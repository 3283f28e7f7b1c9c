package aanvragen

import (
	"context"
	"errors"
	"fmt"

	"github.com/zeker-platform/zeker/internal/errs"
)

// Scanner scans a file for viruses (internal/clamd where the installation runs clamd). Scan returns the
// name of the virus found, "" when the file is clean, and an error when the file could not be scanned.
type Scanner interface {
	Scan(ctx context.Context, inhoud []byte) (string, error)
}

var (
	// ErrVirus: the scanner found a virus in a file; nothing was stored.
	ErrVirus = errors.New("aanvragen: in een bestand is een virus gevonden")
	// ErrScannerWeg: a scanner is configured but could not scan; the upload is refused, never accepted
	// unscanned. Try again later.
	ErrScannerWeg = fmt.Errorf("aanvragen: %w: de virusscanner is nu niet bereikbaar", errs.Busy)
)

// scan scans every file with the configured scanner, before anything is stored. Without a scanner the
// files are accepted as they are (their type is checked by content either way).
func (s *Service) scan(ctx context.Context, bestanden []Bestand) error {
	if s.scanner == nil {
		return nil
	}
	for _, b := range bestanden {
		virus, err := s.scanner.Scan(ctx, b.Inhoud)
		if err != nil {
			return fmt.Errorf("%w (%v)", ErrScannerWeg, err)
		}
		if virus != "" {
			return &VirusFout{Naam: b.Naam, Soort: b.Soort, Virus: virus}
		}
	}
	return nil
}
