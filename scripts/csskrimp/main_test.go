package main

import (
	"slices"
	"strings"
	"testing"
)

func TestNodigeKlassen(t *testing.T) {
	for sel, want := range map[string][]string{
		".a .b__c":                           {"a", "b__c"},
		".a:not(.weg)":                       {"a"},
		".a:is(.x, .y) > .b":                 {"a", "b"},
		`.a[data-x=".nee"]`:                  {"a"},
		".a:hover:not(:disabled, .c)::after": {"a"},
		"html":                               nil,
	} {
		if got := nodigeKlassen(sel); !slices.Equal(got, want) {
			t.Errorf("nodigeKlassen(%q) = %v, want %v", sel, got, want)
		}
	}
}

func TestKrimp(t *testing.T) {
	thema, err := Parse(`.thema { --t-kleur: var(--b-blauw); --t-ongebruikt: red; --b-blauw: #00f; --b-rood: #f00; }`)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := Parse(`/* licence */
.knop, .ongebruikt .knop { color: var(--t-kleur); padding: 1px  2px; }
.ongebruikt { color: red; }
.knop:not(.ongebruikt) { margin: 0; }
@media (min-width: 40em) { .knop { font-size: calc(1rem + 2px); } .ongebruikt { color: blue; } }
@media print { .ongebruikt { color: blue; } }
@keyframes draai { from { opacity: 0; } }
@keyframes weg { from { opacity: 0; } }
.knop--bezig { animation: draai 1s; content: "a  b"; }`)
	if err != nil {
		t.Fatal(err)
	}
	woorden := map[string]bool{"knop": true, "knop--bezig": true, "thema": true}
	got := Krimp([][]Item{thema, lib}, woorden, []string{"x { color: var(--b-rood) }"})
	want := `.thema{--t-kleur:var(--b-blauw);--b-blauw:#00f;--b-rood:#f00}` +
		`.knop{color:var(--t-kleur);padding:1px 2px}.knop:not(.ongebruikt){margin:0}` +
		`@media (min-width:40em){.knop{font-size:calc(1rem + 2px)}}` +
		`@keyframes draai{from{opacity:0}}.knop--bezig{animation:draai 1s;content:"a  b"}`
	if got != want {
		t.Errorf("Krimp:\n got %s\nwant %s", got, want)
	}
}

func TestParseFouten(t *testing.T) {
	for _, src := range []string{".a { color: red; ", ".a { .b { } }", ".a { color red }", "}"} {
		if _, err := Parse(src); err == nil {
			t.Errorf("Parse(%q): no error", src)
		} else if !strings.Contains(err.Error(), "offset") {
			t.Errorf("Parse(%q): error %v does not say where", src, err)
		}
	}
}
