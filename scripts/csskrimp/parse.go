package main

// The CSS reader: comments, strings, blocks and at-rules, just enough for the library's own files.

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Parse reads a stylesheet of plain rules, @media/@supports/@layer/@container blocks and other
// at-rules. Nested rules inside a declaration block (CSS nesting) are an error: the library does not
// use them, and a silent misparse would drop styles.
func Parse(src string) ([]Item, error) {
	p := &parser{s: stripComments(src)}
	items, err := p.items(false)
	if err != nil {
		return nil, fmt.Errorf("offset %d: %w", p.i, err)
	}
	return items, nil
}

type parser struct {
	s string
	i int
}

func stripComments(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case s[i] == '"' || s[i] == '\'':
			j := eindeString(s, i)
			b.WriteString(s[i:j])
			i = j
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return b.String()
			}
			i += j + 4
			b.WriteByte(' ')
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// eindeString returns the index after the string literal that starts at i.
func eindeString(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j + 1
		}
	}
	return len(s)
}

// tot reads until one of the stop bytes at depth 0 (outside strings, parentheses and brackets) and
// returns the text and the stop byte (0 at the end).
func (p *parser) tot(stops string) (string, byte) {
	start, diep := p.i, 0
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"' || c == '\'':
			p.i = eindeString(p.s, p.i)
			continue
		case c == '(' || c == '[':
			diep++
		case c == ')' || c == ']':
			diep--
		case diep == 0 && strings.IndexByte(stops, c) >= 0:
			t := p.s[start:p.i]
			p.i++
			return t, c
		}
		p.i++
	}
	return p.s[start:], 0
}

// blok returns the text up to the brace that closes the block just opened.
func (p *parser) blok() (string, error) {
	start, diep := p.i, 1
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch c {
		case '"', '\'':
			p.i = eindeString(p.s, p.i)
			continue
		case '{':
			diep++
		case '}':
			diep--
			if diep == 0 {
				t := p.s[start:p.i]
				p.i++
				return t, nil
			}
		}
		p.i++
	}
	return "", errors.New("block not closed")
}

func (p *parser) items(binnen bool) ([]Item, error) {
	var uit []Item
	for {
		for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
			p.i++
		}
		if p.i >= len(p.s) {
			if binnen {
				return nil, errors.New("block not closed")
			}
			return uit, nil
		}
		if p.s[p.i] == '}' {
			if !binnen {
				return nil, errors.New("unexpected }")
			}
			p.i++
			return uit, nil
		}
		if p.s[p.i] == '@' {
			prelude, stop := p.tot("{;")
			prelude = compact(prelude)
			naam := strings.Fields(prelude)[0]
			if stop != '{' {
				if naam != "@charset" { // the output is ASCII-safe UTF-8; @charset adds nothing
					uit = append(uit, Item{Raw: prelude + ";"})
				}
				continue
			}
			switch naam {
			case "@media", "@supports", "@layer", "@container":
				binnen, err := p.items(true)
				if err != nil {
					return nil, err
				}
				uit = append(uit, Item{AtPrelude: prelude, Items: binnen})
			default:
				body, err := p.blok()
				if err != nil {
					return nil, err
				}
				it := Item{Raw: prelude + "{" + minifyBlok(body) + "}"}
				if naam == "@keyframes" {
					it.Keyframes = strings.TrimSpace(strings.TrimPrefix(prelude, "@keyframes"))
				}
				uit = append(uit, it)
			}
			continue
		}
		sel, stop := p.tot("{")
		if stop != '{' {
			return nil, fmt.Errorf("rule %q without a block", strings.TrimSpace(sel))
		}
		body, err := p.blok()
		if err != nil {
			return nil, err
		}
		if strings.ContainsRune(body, '{') {
			return nil, fmt.Errorf("nested block in rule %q", compact(sel))
		}
		it := Item{}
		for _, s := range splits(sel, ',') {
			if s = compact(s); s != "" {
				it.Selectors = append(it.Selectors, s)
			}
		}
		for _, d := range splits(body, ';') {
			prop, val, ok := strings.Cut(d, ":")
			if !ok {
				if strings.TrimSpace(d) != "" {
					return nil, fmt.Errorf("declaration %q without a colon", strings.TrimSpace(d))
				}
				continue
			}
			prop = strings.TrimSpace(prop)
			if !strings.HasPrefix(prop, "--") {
				val = compact(val)
			} else {
				val = strings.TrimSpace(val)
			}
			it.Decls = append(it.Decls, Decl{prop, val})
		}
		uit = append(uit, it)
	}
}

// splits splits s at sep at depth 0, outside strings.
func splits(s string, sep byte) []string {
	var uit []string
	start, diep := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\'':
			i = eindeString(s, i) - 1
		case c == '(' || c == '[':
			diep++
		case c == ')' || c == ']':
			diep--
		case c == sep && diep == 0:
			uit = append(uit, s[start:i])
			start = i + 1
		}
	}
	return append(uit, s[start:])
}

// compact collapses whitespace outside strings to one space.
func compact(s string) string {
	var b strings.Builder
	spatie := false
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' || c == '\'' {
			j := eindeString(s, i)
			if spatie {
				b.WriteByte(' ')
				spatie = false
			}
			b.WriteString(s[i:j])
			i = j - 1
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			spatie = true
			continue
		}
		if spatie {
			b.WriteByte(' ')
			spatie = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// minifySelector drops the spaces around combinators and commas.
func minifySelector(s string) string {
	for _, c := range []string{">", "+", "~"} {
		s = strings.ReplaceAll(s, " "+c+" ", c)
	}
	return s
}

func minifyBlok(s string) string {
	s = compact(s)
	for _, c := range []string{"{", "}", ";", ":", ","} {
		s = strings.ReplaceAll(s, " "+c, c)
		s = strings.ReplaceAll(s, c+" ", c)
	}
	return strings.ReplaceAll(s, ";}", "}")
}

var (
	klasse     = regexp.MustCompile(`\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)`)
	varRef     = regexp.MustCompile(`var\(\s*(--[A-Za-z0-9_-]+)`)
	vrijeFunc  = regexp.MustCompile(`:(not|is|where|has|-webkit-any|-moz-any)\(`)
	animatieRe = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_-]*`)
)
