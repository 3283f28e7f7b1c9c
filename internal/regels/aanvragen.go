package regels

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// How a resident applies: the pack holds per regeling only the page to apply (a URL with where it was
// published) or a reference to the partner that runs the scheme. The partner's name and contact are
// the partner entity's (internal/partner); the compiler checks the form of the key, and
// Catalogus.ControleerPartners checks that every key names a known partner.

var partnerSleutelRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// GeldigePartnerSleutel reports whether s has the form of a partner key: lower-case words joined by
// hyphens ("jeugdfonds-sport-cultuur").
func GeldigePartnerSleutel(s string) bool { return partnerSleutelRe.MatchString(s) }

func (c *compiler) aanvragen(at func(rest ...any) []any, r *rawRegeling, reg *Regeling) {
	a := &r.Aanvragen
	if a.Link != "" && !strings.HasPrefix(a.Link, "https://") && !strings.HasPrefix(a.Link, "http://") {
		c.fout(at("aanvragen", "link"), "regeling %s: link %q is geen webadres (https://…)", r.ID, a.Link)
	}
	if !a.Bron.leeg() {
		if a.Link == "" {
			c.fout(at("aanvragen", "bron"), "regeling %s: aanvragen: bron zonder link", r.ID)
		}
		b := c.bron(at("aanvragen", "bron"), a.Bron)
		reg.Aanvragen.LinkBron = &b
	}
	if a.Partner != "" {
		if !GeldigePartnerSleutel(a.Partner) {
			c.fout(at("aanvragen", "partner"), "regeling %s: partner %q: gebruik kleine letters, cijfers en - (bijvoorbeeld jeugdfonds-sport-cultuur)", r.ID, a.Partner)
		}
		reg.Aanvragen.Partner = a.Partner
		reg.partnerRegel = lineOf(c.root, at("aanvragen", "partner")...)
	}
}

// PartnerVerwijzing is one regeling's reference to the partner that runs it, with where it is written.
type PartnerVerwijzing struct {
	Gemeente, Regeling, Partner string
	Bestand                     string
	Regel                       int
}

// PartnerVerwijzingen lists every partner reference of every pack, by file and line.
func (c *Catalogus) PartnerVerwijzingen() []PartnerVerwijzing {
	var out []PartnerVerwijzing
	for gm, ps := range c.pakketten {
		for _, p := range ps {
			for _, r := range p.Regelingen {
				if r.Aanvragen.Partner != "" {
					out = append(out, PartnerVerwijzing{Gemeente: gm, Regeling: r.ID, Partner: r.Aanvragen.Partner, Bestand: p.Bestand, Regel: r.partnerRegel})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Bestand != out[j].Bestand {
			return out[i].Bestand < out[j].Bestand
		}
		return out[i].Regel < out[j].Regel
	})
	return out
}

// ControleerPartners fails when a pack refers to a partner that bekend does not know: one *PakketFout
// per reference, with the file and the line of aanvragen.partner. Zeker calls it when it loads the
// packs (cmd/zeker), with the known partners of internal/partner.
func (c *Catalogus) ControleerPartners(bekend func(sleutel string) bool) error {
	var fs []error
	for _, v := range c.PartnerVerwijzingen() {
		if !bekend(v.Partner) {
			fs = append(fs, &PakketFout{Bestand: v.Bestand, Regel: v.Regel,
				Reden: fmt.Sprintf("regeling %s: onbekende partner %q: de partner moet in Zeker bestaan (internal/partner, bekende partners), zijn contact komt daarvandaan", v.Regeling, v.Partner)})
		}
	}
	return errors.Join(fs...)
}
