package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// The message catalogue: one JSON file per language in i18n/, a flat object of key → text. Adding a
// language is adding a file (and its name in the language switch): a translation job, no code.
//
// A text may hold named placeholders, {naam}, filled in by T. A key with the suffix "@ander" is the
// variant for intermediary mode ("uw cliënt" instead of "u"); T uses it when it exists.

//go:embed i18n/*.json
var i18nFS embed.FS

// StandaardTaal is the language of a page when none is chosen.
const StandaardTaal = "nl"

// Berichten holds every language's messages.
type Berichten struct {
	talen map[string]map[string]string
	codes []string
}

// LaadBerichten reads the embedded catalogue.
func LaadBerichten() (*Berichten, error) { return laadBerichten(i18nFS, "i18n") }

// LaadBerichtenUit reads a catalogue from the *.json files in dir of fsys (one per language, nl.json
// required): for a language that does not ship with Zeker, or a test language.
func LaadBerichtenUit(fsys fs.FS, dir string) (*Berichten, error) { return laadBerichten(fsys, dir) }

func laadBerichten(fsys fs.FS, dir string) (*Berichten, error) {
	files, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil {
		return nil, err
	}
	b := &Berichten{talen: map[string]map[string]string{}}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("web: berichten %s: %w", f, err)
		}
		code := strings.TrimSuffix(path.Base(f), ".json")
		b.talen[code] = m
		b.codes = append(b.codes, code)
	}
	if _, ok := b.talen[StandaardTaal]; !ok {
		return nil, fmt.Errorf("web: berichten: %s.json ontbreekt", StandaardTaal)
	}
	sort.Strings(b.codes)
	return b, nil
}

// Talen lists the language codes, sorted.
func (b *Berichten) Talen() []string { return b.codes }

// Heeft reports whether lang is a language of the catalogue.
func (b *Berichten) Heeft(lang string) bool { _, ok := b.talen[lang]; return ok }

// Taal is the catalogue of one language for one page.
type Taal struct {
	Code  string
	Ander bool // intermediary mode
	m     map[string]string
	nl    map[string]string
}

// Taal returns the messages of lang (falling back to Dutch for an unknown language).
func (b *Berichten) Taal(lang string, ander bool) *Taal {
	m, ok := b.talen[lang]
	if !ok {
		lang, m = StandaardTaal, b.talen[StandaardTaal]
	}
	return &Taal{Code: lang, Ander: ander, m: m, nl: b.talen[StandaardTaal]}
}

// T returns the text of key with placeholders filled from pairs: T("x", "naam", "Ommen"). A missing
// key shows as the key itself in brackets (a test makes sure no key is missing).
func (t *Taal) T(key string, pairs ...any) string {
	s, ok := "", false
	if t.Ander {
		s, ok = t.m[key+"@ander"]
	}
	if !ok {
		s, ok = t.m[key]
	}
	if !ok {
		s, ok = t.nl[key]
		if !ok {
			return "[" + key + "]"
		}
	}
	if len(pairs) == 0 || !strings.Contains(s, "{") {
		return s
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = vulIn(s, alsTekst(pairs[i]), alsTekst(pairs[i+1]))
	}
	return s
}

// alsTekst is fmt.Sprint(v) without fmt for the kinds T gets on hot pages (names and counts).
func alsTekst(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return fmt.Sprint(v)
}

// vulIn replaces every {naam} in s by waarde, as strings.ReplaceAll(s, "{"+naam+"}", waarde) does,
// without building the pattern; s itself when it holds no {naam}.
func vulIn(s, naam, waarde string) string {
	var b strings.Builder
	van := 0
	for i := 0; i < len(s); i++ {
		j := i + 1 + len(naam)
		if s[i] != '{' || j >= len(s) || s[j] != '}' || s[i+1:j] != naam {
			continue
		}
		if van == 0 && b.Len() == 0 {
			b.Grow(len(s) + len(waarde))
		}
		b.WriteString(s[van:i])
		b.WriteString(waarde)
		van, i = j+1, j
	}
	if van == 0 {
		return s
	}
	b.WriteString(s[van:])
	return b.String()
}

// Tekst returns the text of key in language lang as written in the catalogue (no fallback, no voice).
func (b *Berichten) Tekst(lang, key string) (string, bool) {
	s, ok := b.talen[lang][key]
	return s, ok
}
