package main

import (
	"context"
	"sync"
	"time"

	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/partner"
	"github.com/zeker-platform/zeker/internal/web/checkweb"
)

// partnerGids gives the check the contact of the partners that rule packs name (aanvragen.partner):
// the key is a known partner of internal/partner, its contact the partner entity's, so a beheerder's
// edit shows; a known partner not (yet) in the database shows its published contact from the same
// list. Looked-up partners are kept for a minute: the result page is the hot path and does no database
// lookup per regeling.
type partnerGids struct {
	ps  *partner.Service
	ttl time.Duration
	// netwerk, when set, gives the opening hours (and an address the partner entity lacks) of the
	// partner's first location on the sociale kaart.
	netwerk *netwerk.Service

	mu    sync.Mutex
	cache map[string]gidsItem
}

type gidsItem struct {
	pc    checkweb.PartnerContact
	ok    bool
	sinds time.Time
}

func nieuwePartnerGids(ps *partner.Service) *partnerGids {
	return &partnerGids{ps: ps, ttl: time.Minute, cache: map[string]gidsItem{}}
}

func (g *partnerGids) PartnerContact(ctx context.Context, sleutel string) (checkweb.PartnerContact, bool) {
	b, ok := partner.BekendeSleutel(sleutel)
	if !ok {
		return checkweb.PartnerContact{}, false
	}
	nu := time.Now()
	g.mu.Lock()
	it, ok := g.cache[sleutel]
	g.mu.Unlock()
	if ok && nu.Sub(it.sinds) < g.ttl {
		return it.pc, it.ok
	}
	naam, c := b.Naam, b.Contact
	if g.ps != nil {
		o, err := g.ps.Haal(ctx, b.ID)
		for i := 0; err == nil && o.SamengevoegdIn != "" && i < 5; i++ { // merged: its successor
			o, err = g.ps.Haal(ctx, o.SamengevoegdIn)
		}
		if err == nil {
			naam, c = o.Naam, o.Contact
		}
	}
	pc := checkweb.PartnerContact{Naam: naam, Telefoon: c.Telefoon, Adres: c.Adres.String(), Website: c.Website}
	g.locatie(ctx, b.ID, &pc)
	it = gidsItem{pc: pc, ok: true, sinds: nu}
	g.mu.Lock()
	g.cache[sleutel] = it
	g.mu.Unlock()
	return it.pc, it.ok
}

// locatie adds the opening hours of the partner's first location with hours on the sociale kaart, and
// that location's address when the partner entity has none.
func (g *partnerGids) locatie(ctx context.Context, id string, pc *checkweb.PartnerContact) {
	if g.netwerk == nil {
		return
	}
	ds, err := g.netwerk.DienstenVan(ctx, id)
	if err != nil {
		return
	}
	for _, d := range ds {
		for _, dl := range d.Locaties {
			if len(dl.Openingstijden) == 0 {
				continue
			}
			for _, t := range dl.Openingstijden {
				pc.Open = append(pc.Open, checkweb.Tijdvak{Dag: t.Dag, Van: t.Van, Tot: t.Tot})
			}
			if pc.Adres == "" {
				if l, err := g.netwerk.Locatie(ctx, dl.LocatieID); err == nil {
					pc.Adres = l.Adres.String()
				}
			}
			return
		}
	}
}
