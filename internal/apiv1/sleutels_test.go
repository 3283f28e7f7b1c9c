package apiv1

import (
	"regexp"
	"slices"
	"testing"

	"go.yaml.in/yaml/v4"
)

// The published /api/v1 signal contract keeps the names partners already call, some camelCase
// (automatischGesloten, warmeOverdracht, …): it changes only with an /api/v2 and a deprecation period
// (docs/check-json.md, "JSON keys"). Every other key Zeker defines is lower snake_case. This test walks
// every property name of the served OpenAPI document, so a new key in the API is snake_case or a
// decision here.
var contractV1 = []string{
	// published in /api/v1 before the snake_case rule; partners depend on them
	"alOntvangen", "automatischGesloten", "nietGekoppeld", "nieuweZaken", "warmeOverdracht",
}

var snake = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

func TestAPISleutels(t *testing.T) {
	var doc map[string]any
	if err := yaml.Unmarshal(OpenAPI, &doc); err != nil {
		t.Fatal(err)
	}
	var namen []string
	var loop func(v any)
	loop = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if p, ok := x["properties"].(map[string]any); ok {
				for k := range p {
					namen = append(namen, k)
				}
			}
			for _, w := range x {
				loop(w)
			}
		case []any:
			for _, w := range x {
				loop(w)
			}
		}
	}
	loop(doc)
	if len(namen) < 20 {
		t.Fatalf("found %d property names; the walk is broken", len(namen))
	}
	slices.Sort(namen)
	namen = slices.Compact(namen)
	var anders []string
	for _, k := range namen {
		if !snake.MatchString(k) && !slices.Contains(contractV1, k) {
			anders = append(anders, k)
		}
	}
	for _, k := range anders {
		t.Errorf("key %q is neither lower snake_case nor in the published /api/v1 contract (contractV1)", k)
	}
	for _, k := range contractV1 {
		if !slices.Contains(namen, k) {
			t.Errorf("contractV1 lists %q, which the document no longer has", k)
		}
	}
}
