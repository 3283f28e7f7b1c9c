package checkweb

import (
	"bytes"
	"context"
	"errors"

	"github.com/zeker-platform/zeker/internal/huishouden"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/web"
)

// The hand-off to an application: the result page posts its code to Config.AanvraagActie (a route of
// the aanvragen part), and that part reads the answers back through a Lezer that the composition root
// hands it. The code travels in a form body, never in a link it makes.

// schrijfAanvraag writes the form that starts an application, when one is configured and the gemeente
// has a regeling to apply for (✔ or ?; for a resident not one applied for only through an intermediary).
func (p *resultaatPagina) schrijfAanvraag(b *bytes.Buffer) {
	if p.aanvraagActie == "" {
		return
	}
	kan := false
	for i := range p.res.Regelingen {
		u := &p.res.Regelingen[i]
		kan = kan || (u.Oordeel != regels.GeenRecht && (p.ander || !u.Aanvragen.AlleenViaIntermediair))
	}
	if !kan {
		return
	}
	l := p.l
	b.WriteString("\n<section class=\"zeker-niet-printen\" aria-labelledby=\"aanvraag-kop\">\n  <h2 class=\"utrecht-heading-2\" id=\"aanvraag-kop\">")
	web.Esc(b, l.T("resultaat.aanvraag.kop"))
	b.WriteString("</h2>\n  <p class=\"utrecht-paragraph\">")
	web.Esc(b, l.T("resultaat.aanvraag.uitleg"))
	b.WriteString("</p>\n  <form method=\"post\" action=\"")
	web.EscURL(b, p.aanvraagActie)
	b.WriteString("\"><input type=\"hidden\" name=\"t\" value=\"")
	web.Esc(b, p.token)
	b.WriteString("\"><input type=\"hidden\" name=\"lang\" value=\"")
	web.Esc(b, l.Code)
	b.WriteString("\"><button type=\"submit\" class=\"utrecht-button utrecht-button--primary-action utrecht-button--html-button\">")
	web.Esc(b, l.T("resultaat.aanvraag.knop"))
	b.WriteString("</button></form>\n</section>\n")
}

// Ingevuld are the answers of a check code, for an application.
type Ingevuld struct {
	Gemeente   string
	Ander      bool // filled in by an intermediary
	Huishouden *huishouden.Huishouden
	Antwoorden [][2]string // question and answer in words, in the language asked
}

// Lezer opens check codes for another part, through the composition root.
type Lezer struct{ s *server }

// ErrCodeVerlopen and ErrCodeOngeldig are a code that is too old and one that cannot be read.
var (
	ErrCodeVerlopen = errTokenVerlopen
	ErrCodeOngeldig = errTokenOngeldig
)

// NewMetLezer is New, and a Lezer with the same key.
func NewMetLezer(kit *web.Kit, cfg Config, deps Deps) (web.Part, *Lezer, error) {
	s, err := nieuw(kit, cfg, deps)
	if err != nil {
		return web.Part{}, nil, err
	}
	return s.part(), &Lezer{s}, nil
}

// Lees opens code t: the household of its answers on today's date and the answers in words in
// language taal. The fixed steps must have been answered.
func (l *Lezer) Lees(ctx context.Context, t, taal string) (*Ingevuld, error) {
	a, g, err := l.s.leesTokenMetGemeente(ctx, t)
	if err != nil {
		return nil, err
	}
	for _, st := range []string{stapHuishouden, stapLeeftijd, stapInkomen} {
		if !a.beantwoord(st) {
			return nil, errors.New("checkweb: de check is nog niet af")
		}
	}
	tl := l.s.kit.Talen().Taal(taal, a.Ander)
	h := l.s.huishouden(a, truncDag(l.s.nu()), alleAntwoorden)
	out := &Ingevuld{Gemeente: a.Gemeente, Ander: a.Ander, Huishouden: h}
	for _, r := range l.s.antwoordOverzicht(a, g, tl) {
		out.Antwoorden = append(out.Antwoorden, [2]string{r.Vraag, r.Antwoord})
	}
	return out, nil
}
