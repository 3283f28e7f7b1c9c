package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/internal/regels"
	"github.com/zeker-platform/zeker/internal/register"
)

// scanWatAlsData is the what-if page: up to three changes to the pack (an open term or an amount),
// and their effect over the gemeente's imported households per regeling and per target group, with a
// chart and a CSV download. Aggregates only; the stored pack is not changed.
type scanWatAlsData struct {
	staffPagina
	veldFouten
	Menu       scanMenu
	Regels     []watAlsRegel
	Termen     []watAlsTerm
	Bedragen   []watAlsTerm
	Dimensies  []optie
	Peildatum  string
	Uitslag    bool
	Huishouden string
	VoorHash   string
	NaHash     string
	Rijen      []watAlsRij
	Totaal     watAlsRij
	Grafiek    template.HTML
	Groepen    []watAlsRij
	GroepNaam  string
	CSV        string
}

type watAlsRegel struct{ N, Pad, Waarde string }

type watAlsTerm struct{ Pad, Waarde string }

type watAlsRij struct {
	Naam, RechtVoor, RechtNa, Nieuw, Vervalt, Bereik, Kosten, KostenBereik, Onbekend string
}

const watAlsRegels = 3

// watAlsUit reads the changes from the query and runs the what-if; nil without changes.
func (s *Server) watAlsUit(ctx context.Context, gm string, q url.Values, d *scanWatAlsData) (*monitor.WatAls, error) {
	datum := s.vandaagUTC()
	if v := q.Get("datum"); v != "" {
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			d.fout("datum", "Schrijf de peildatum als JJJJ-MM-DD, bijvoorbeeld 2026-01-01.")
		} else {
			datum = t
		}
	}
	d.Peildatum = datum.Format("2006-01-02")
	pk, err := s.cat.Pakket(gm, datum)
	if err != nil {
		d.fout("datum", "Op deze datum heeft de gemeente geen regelpakket.")
		return nil, nil
	}
	for _, t := range pk.OpenTermen {
		d.Termen = append(d.Termen, watAlsTerm{Pad: "open_termen." + t.Naam + "." + termVeld(t.Waarde), Waarde: t.Waarde})
	}
	for _, r := range pk.Regelingen {
		d.Bedragen = append(d.Bedragen, watAlsTerm{Pad: "regelingen." + r.ID + ".bedrag.bedrag", Waarde: r.Naam})
	}
	var ws []regels.Wijziging
	for i := 1; i <= watAlsRegels; i++ {
		n := fmt.Sprint(i)
		pad, waarde := strings.TrimSpace(q.Get("pad"+n)), strings.TrimSpace(q.Get("waarde"+n))
		d.Regels = append(d.Regels, watAlsRegel{N: n, Pad: pad, Waarde: waarde})
		switch {
		case pad == "" && waarde == "":
		case pad == "":
			d.fout("pad"+n, "Kies wat u wilt veranderen.")
		case waarde == "":
			d.fout("waarde"+n, "Vul de nieuwe waarde in, bijvoorbeeld 130% of 350.")
		default:
			ws = append(ws, regels.Wijziging{Pad: pad, Waarde: waarde})
		}
	}
	if len(ws) == 0 || len(d.Fouten) > 0 {
		return nil, nil
	}
	if _, err := pk.Wijzig(ws...); err != nil {
		d.fout("pad1", "Deze wijziging kan niet: "+err.Error())
		return nil, nil
	}
	pop, err := register.LaadPopulatie(ctx, s.staff.DB, gm, datum, s.cat.Params())
	if err != nil {
		return nil, err
	}
	if err := s.staff.Audit.Schrijf(ctx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "scan.uitvoeren", Operatie: "wat_als.simuleren",
		Actie: audit.Lezen, Aantal: pop.Len()}); err != nil {
		return nil, err
	}
	if pop.Len() == 0 {
		d.fout("pad1", "Er zijn nog geen huishoudens ingelezen voor deze gemeente.")
		return nil, nil
	}
	return monitor.Simuleer(ctx, pop, pk, ws...)
}

// termVeld guesses the field of an open term from its value as written.
func termVeld(waarde string) string {
	switch {
	case strings.HasSuffix(waarde, "%"):
		return "percentage"
	case strings.HasSuffix(waarde, " maanden"):
		return "maanden"
	}
	return "waarde"
}

func (s *Server) scanWatAls(w http.ResponseWriter, r *http.Request) {
	d := &scanWatAlsData{}
	gm, ok := s.scanPagina(w, r, &d.staffPagina, "Wat als: een grens of bedrag veranderen")
	if !ok {
		return
	}
	d.Menu = s.scanMenu(r, gm, "watals")
	q := r.URL.Query()
	dim := dimensieUit(q.Get("dimensie"))
	d.Dimensies = dimensieOpties(dim)
	wa, err := s.watAlsUit(r.Context(), gm, q, d)
	if err != nil {
		s.interneFout(w, r, err)
		return
	}
	status := http.StatusOK
	if len(d.Fouten) > 0 {
		status = http.StatusUnprocessableEntity
	}
	if wa != nil {
		d.Uitslag = true
		d.Huishouden = getalTekst(wa.Huishoudens)
		d.VoorHash, d.NaHash = wa.Voor.PakketHash, wa.Na.PakketHash
		for i := range wa.Regelingen {
			d.Rijen = append(d.Rijen, watAlsRijVan(wa.Regelingen[i].Naam, &wa.Regelingen[i], wa.Regelingen[i].Totaal))
		}
		k, kb, onb := wa.Totaal()
		d.Totaal = watAlsRij{Naam: "Totaal", Kosten: scanBedrag(k), KostenBereik: scanBedrag(kb), Onbekend: getalTekst(onb)}
		if g := wa.Gewijzigd(); len(g) > 0 {
			rv := &g[0]
			d.GroepNaam = rv.Naam + " per " + dim.String()
			for _, gr := range rv.Groepen[dim] {
				d.Groepen = append(d.Groepen, watAlsRijVan(gr.Naam, rv, gr.Verschil))
			}
			if svg, err := wa.Grafiek(rv.ID, dim); err == nil {
				d.Grafiek = svgHTML(svg)
			}
		}
		d.CSV = "/beheer/" + gm + "/scan/watals.csv?" + q.Encode()
	}
	s.renderStaff(w, r, status, "beheer_scan_watals", d)
}

func watAlsRijVan(naam string, rv *monitor.RegelingVerschil, v monitor.Verschil) watAlsRij {
	r := watAlsRij{Naam: naam, RechtVoor: getalTekst(v.RechtVoor), RechtNa: getalTekst(v.RechtNa), Nieuw: getalTekst(v.Nieuw),
		Vervalt: getalTekst(v.Vervalt), Kosten: scanBedrag(v.KostenPerJaar), Onbekend: getalTekst(v.BedragOnbekend), Bereik: procentTekst(rv.Ontvangt, rv.Recht)}
	kb := v.KostenPerJaar
	if rv.Recht > 0 {
		kb = (kb * geldBedrag(rv.Ontvangt)).DeelHalfOmhoog(int64(rv.Recht))
	}
	r.KostenBereik = scanBedrag(kb)
	return r
}
