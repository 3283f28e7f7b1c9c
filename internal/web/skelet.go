package web

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
)

// A Skelet is the layout (base.html) of one language and voice, rendered once at start-up with markers
// in the places that change per request and split at those markers. The result page, the hot path of
// the check, writes the fixed parts as bytes and only fills in the slots, instead of executing
// html/template for every request; base.html stays the one source of the layout, and a marker that
// the layout does not print exactly once stops the server at start-up.
type Skelet struct {
	delen [][]byte    // fixed parts; delen[i] comes before slots[i], the last part after the last slot
	slots []slotSoort // what goes between the parts
	talen []string    // language codes of the language switch, in the order of its links
}

type slotSoort int

const (
	slotThema   slotSoort = iota // tenant theme class on <html>
	slotTitel                    // page title, without the site name
	slotTaalURL                  // URL of a link in the language switch; one slot per language but the current
	slotInhoud                   // the page content
	slotVoet                     // the footer entry with the gemeente's contact (pre-rendered HTML)
)

// SkeletWaarden fills the slots of one page.
type SkeletWaarden struct {
	Thema, Titel string
	// TaalURL returns the URL of this page in another language, unescaped.
	TaalURL func(code string) string
	Inhoud  func(b *bytes.Buffer)
	// VoetContact is written as it is: HTML from Kit.VoetContact.
	VoetContact template.HTML
}

const (
	markThema  = "zzslotthemazz"
	markTitel  = "zzslottitelzz"
	markTaal   = "zzslottaalurl" // followed by the language code and "zz"
	markInhoud = "zzslotinhoudzz"
	markVoet   = "zzslotvoetzz"
)

// maakSkeletten renders base.html once per language and voice with markers in its slots.
func maakSkeletten(lay *layout, b *Berichten) (map[taalSleutel]*Skelet, error) {
	baseSrc := lay.baseSrc
	out := map[taalSleutel]*Skelet{}
	for _, code := range b.Talen() {
		for _, ander := range []bool{false, true} {
			l := b.Taal(code, ander)
			t, err := template.New("base.html").Funcs(Funcs).Parse(vulTeksten(string(baseSrc), l))
			if err != nil {
				return nil, fmt.Errorf("web: template base.html: %w", err)
			}
			if _, err := t.Parse(`{{define "content"}}` + markInhoud + `{{end}}`); err != nil {
				return nil, err
			}
			p := &Page{L: l, Titel: markTitel, Thema: markThema, VoetContact: markVoet}
			var andere []string
			for _, c := range b.Talen() {
				link := TaalLink{Code: c, Naam: b.Taal(c, false).T("taal.naam"), Huidig: c == code}
				if !link.Huidig {
					link.URL = markTaal + c + "zz"
					andere = append(andere, c)
				}
				p.TaalLinks = append(p.TaalLinks, link)
			}
			var buf bytes.Buffer
			if err := t.ExecuteTemplate(&buf, "base.html", p); err != nil {
				return nil, fmt.Errorf("web: layout %s: %w", code, err)
			}
			sk, err := splitsSkelet(buf.String(), andere)
			if err != nil {
				return nil, fmt.Errorf("web: layout %s: %w", code, err)
			}
			out[taalSleutel{code, ander}] = sk
		}
	}
	return out, nil
}

// splitsSkelet cuts a rendered layout at its markers; every marker must occur exactly once.
func splitsSkelet(s string, talen []string) (*Skelet, error) {
	type plek struct {
		mark  string
		soort slotSoort
		taal  string
	}
	plekken := []plek{{markThema, slotThema, ""}, {markTitel, slotTitel, ""}, {markInhoud, slotInhoud, ""}, {markVoet, slotVoet, ""}}
	for _, c := range talen {
		plekken = append(plekken, plek{markTaal + c + "zz", slotTaalURL, c})
	}
	for _, p := range plekken {
		if n := strings.Count(s, p.mark); n != 1 {
			return nil, fmt.Errorf("marker %s occurs %d times, want 1", p.mark, n)
		}
	}
	sk := &Skelet{}
	for {
		eerste, at := -1, len(s)
		for i, p := range plekken {
			if j := strings.Index(s, p.mark); j >= 0 && j < at {
				eerste, at = i, j
			}
		}
		if eerste < 0 {
			sk.delen = append(sk.delen, []byte(s))
			return sk, nil
		}
		p := plekken[eerste]
		deel := s[:at]
		if p.soort == slotThema {
			// base.html prints " class" only when there is a theme; Schrijf writes the space with it.
			deel = strings.TrimSuffix(deel, " ")
		}
		sk.delen = append(sk.delen, []byte(deel))
		sk.slots = append(sk.slots, p.soort)
		if p.soort == slotTaalURL {
			sk.talen = append(sk.talen, p.taal)
		}
		s = s[at+len(p.mark):]
	}
}

// Schrijf writes the page into b: the fixed parts, and each slot escaped for where it stands.
func (sk *Skelet) Schrijf(b *bytes.Buffer, w *SkeletWaarden) {
	taal := 0
	for i, slot := range sk.slots {
		b.Write(sk.delen[i])
		switch slot {
		case slotThema:
			if w.Thema != "" {
				b.WriteByte(' ')
				Esc(b, w.Thema)
			}
		case slotTitel:
			Esc(b, w.Titel)
		case slotTaalURL:
			EscURL(b, w.TaalURL(sk.talen[taal]))
			taal++
		case slotInhoud:
			w.Inhoud(b)
		case slotVoet:
			b.WriteString(string(w.VoetContact))
		}
	}
	b.Write(sk.delen[len(sk.delen)-1])
}

// Skelet returns the layout of language and voice l, pre-rendered for a page written in Go.
func (k *Kit) Skelet(l *Taal) *Skelet { return k.skeletten[taalSleutel{l.Code, l.Ander}] }
