package register

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/store"
)

// BSNsVan returns the BSNs of the persons of the gemeente's households with these ids (each BSN once,
// households that are not there skipped), for the processing log of an export that lists households
// by id: a search of the log by one resident's BSN must find the export that listed their household.
func BSNsVan(ctx context.Context, db *store.DB, gemeente string, ids []string) ([]string, error) {
	const blok = 500 // ids per query, well inside both engines' parameter limits
	uniek := make([]string, 0, len(ids))
	gezien := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !gezien[id] {
			gezien[id] = true
			uniek = append(uniek, id)
		}
	}
	ind := StandaardIndeling()
	var bsns []string
	al := map[string]bool{}
	for start := 0; start < len(uniek); start += blok {
		deel := uniek[start:min(start+blok, len(uniek))]
		var sb strings.Builder
		sb.WriteString(`SELECT gegevens FROM register_huishouden WHERE gemeente = $1 AND id IN (`)
		args := make([]any, 0, len(deel)+1)
		args = append(args, gemeente)
		for i, id := range deel {
			if i > 0 {
				sb.WriteString(", ")
			}
			args = append(args, id)
			sb.WriteString("$" + strconv.Itoa(len(args)))
		}
		sb.WriteString(")")
		rows, err := db.SQL().QueryContext(ctx, sb.String(), args...)
		if err != nil {
			return nil, fmt.Errorf("register: BSN's van huishoudens: %w", store.MapError(err))
		}
		for rows.Next() {
			var g string
			if err := rows.Scan(&g); err != nil {
				rows.Close()
				return nil, fmt.Errorf("register: BSN's van huishoudens: %w", store.MapError(err))
			}
			rec, err := LeesGegevens(ind, g)
			if err != nil {
				rows.Close()
				return nil, err
			}
			for _, b := range rec.BSN {
				if b != "" && !al[b] {
					al[b] = true
					bsns = append(bsns, b)
				}
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("register: BSN's van huishoudens: %w", store.MapError(err))
		}
	}
	return bsns, nil
}
