// Package regelpakketten holds the rule packs of the gemeenten Zeker serves, one folder per
// gemeentecode with one YAML file per start date, and the scenario files that test them. The format is
// in docs/regelpakket.md. The files are embedded so that the binary carries them; a gemeente that
// changes a pack edits the YAML and runs `go test ./regelpakketten/`.
package regelpakketten

import "embed"

// FS holds GM*/<geldig_vanaf>.yaml and GM*/scenarios/*.yaml.
//
//go:embed GM*
var FS embed.FS
