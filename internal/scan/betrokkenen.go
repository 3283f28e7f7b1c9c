package scan

import (
	"context"

	"github.com/zeker-platform/zeker/internal/register"
)

// BSNsVan returns the BSNs of the persons of the gemeente's households with these ids
// (register.BSNsVan), for the processing log of an export of households.
func (d *Service) BSNsVan(ctx context.Context, gemeente string, ids []string) ([]string, error) {
	return register.BSNsVan(ctx, d.DB, gemeente, ids)
}
