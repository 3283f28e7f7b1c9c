package nl

import (
	"fmt"

	"github.com/zeker-platform/zeker/internal/geld"
)

// The normenoverzichten per period, built once from data/parameters.yaml when it is loaded: every
// row's vakantietoeslag and amount without it are checked against the reference's derivation, every
// overzicht must be complete, and the kostendelersnorm parameters must cover the whole period.

// normWaarde is one row in one period: the three amounts as the data file carries them.
type normWaarde struct {
	incl, vt, excl geld.Bedrag
	bron           Bron
	bekend         bool
}

// normPeriode is one published normenoverzicht (1 January or 1 July) with the parameters that the
// kostendelersnorm needs in that period.
type normPeriode struct {
	periode
	n                       [aantalNormSoorten]normWaarde
	vtPct                   geld.Percentage         // vakantietoeslag, share of the norm incl. VT
	kdnVast, kdnPer         int64                   // the 40 and 30 of ((40 + A×30)/A)%
	kdnBron                 [aantalNormSoorten]Bron // per B row: the formula's source with the row's
	kdnOmschrijving         [aantalKdnTeksten][maxKdnTekst + 1]string
	minLeeftijdKostendelers int
}

// controleerNormen checks that every norm row has its vakantietoeslag and amount without
// vakantietoeslag in the same period, derived the way the reference derives them:
// vakantietoeslag = 5% of the norm incl. VT rounded half up to cents, excl. VT = incl. VT − vakantietoeslag.
func (p *Parameters) controleerNormen() error {
	for s := normSoort(0); s < aantalNormSoorten; s++ {
		base := "pw.norm." + s.id()
		for _, incl := range p.reeksen[base+".incl_vt"] {
			vt, err := p.zelfdePeriode(base+".vakantietoeslag", incl.periode)
			if err != nil {
				return err
			}
			excl, err := p.zelfdePeriode(base+".excl_vt", incl.periode)
			if err != nil {
				return err
			}
			pct, err := p.zoek(idVTPercentage, incl.vanaf)
			if err != nil {
				return fmt.Errorf("%s.incl_vt %s: vakantietoeslagpercentage: %w", base, incl.periode, err)
			}
			if want := incl.bedrag.VanHalfOmhoog(geld.Procent(int64(pct.getal))); vt.bedrag != want {
				return fmt.Errorf("%s.vakantietoeslag %s: %s, maar %d%% van %s is %s", base, incl.periode, vt.tekst, pct.getal, incl.tekst, want.Decimal())
			}
			if excl.bedrag != incl.bedrag-vt.bedrag {
				return fmt.Errorf("%s.excl_vt %s: %s, maar %s − %s is %s", base, incl.periode, excl.tekst, incl.tekst, vt.tekst, (incl.bedrag - vt.bedrag).Decimal())
			}
		}
		for _, deel := range []string{".vakantietoeslag", ".excl_vt"} {
			for _, w := range p.reeksen[base+deel] {
				if _, err := p.zelfdePeriode(base+".incl_vt", w.periode); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (p *Parameters) zelfdePeriode(id string, per periode) (waarde, error) {
	for _, w := range p.reeksen[id] {
		if w.periode == per {
			return w, nil
		}
	}
	return waarde{}, fmt.Errorf("%s: geen waarde voor precies de periode %s", id, per)
}

// bouwNormPerioden builds the table per normenoverzicht. All rows of the table must have the same
// periods (a published overzicht is complete); the art. 22a lid 3 amounts may be missing in a period
// (the reference has them only from 1 July 2025) but must then fit one of those periods exactly.
func (p *Parameters) bouwNormPerioden() error {
	eerste := "pw.norm." + normSoort(0).id() + ".incl_vt"
	basis := p.reeksen[eerste]
	if len(basis) == 0 {
		return fmt.Errorf("%s: geen waarden", eerste)
	}
	for s := normSoort(1); s < aantalTabelSoorten; s++ {
		id := "pw.norm." + s.id() + ".incl_vt"
		r := p.reeksen[id]
		if len(r) != len(basis) {
			return fmt.Errorf("%s: %d periodes, %s heeft er %d; elk normenoverzicht moet compleet zijn", id, len(r), eerste, len(basis))
		}
		for i := range r {
			if r[i].periode != basis[i].periode {
				return fmt.Errorf("%s: periode %s wijkt af van %s (%s)", id, r[i].periode, eerste, basis[i].periode)
			}
		}
	}
	for s := aantalTabelSoorten; s < aantalNormSoorten; s++ {
		id := "pw.norm." + s.id() + ".incl_vt"
		for _, w := range p.reeksen[id] {
			gevonden := false
			for _, b := range basis {
				gevonden = gevonden || b.periode == w.periode
			}
			if !gevonden {
				return fmt.Errorf("%s: periode %s is niet de periode van een normenoverzicht", id, w.periode)
			}
		}
	}
	for _, b := range basis {
		np := normPeriode{periode: b.periode}
		for s := normSoort(0); s < aantalNormSoorten; s++ {
			base := "pw.norm." + s.id()
			incl, err := p.zelfdePeriode(base+".incl_vt", b.periode)
			if err != nil {
				continue // only the lid 3 amounts can be missing, checked above
			}
			vt, _ := p.zelfdePeriode(base+".vakantietoeslag", b.periode)
			excl, _ := p.zelfdePeriode(base+".excl_vt", b.periode)
			np.n[s] = normWaarde{incl: incl.bedrag, vt: vt.bedrag, excl: excl.bedrag, bron: incl.bron, bekend: true}
		}
		get := func(id string) (waarde, error) {
			w, err := p.dekt(id, b.periode)
			if err != nil {
				return w, fmt.Errorf("normen %s: %w", b.periode, err)
			}
			return w, nil
		}
		vt, err := get(idVTPercentage)
		if err != nil {
			return err
		}
		vast, err := get(idKDNVast)
		if err != nil {
			return err
		}
		per, err := get(idKDNPerKostendeler)
		if err != nil {
			return err
		}
		if per.getal == 0 {
			return fmt.Errorf("%s: mag niet 0 zijn", idKDNPerKostendeler)
		}
		mk, err := get(idKostendelerLeeftijd)
		if err != nil {
			return err
		}
		np.vtPct = geld.Procent(int64(vt.getal))
		np.kdnVast, np.kdnPer = int64(vast.getal), int64(per.getal)
		for s := range aantalNormSoorten {
			if np.n[s].bekend {
				np.kdnBron[s] = Bron{Tekst: "kostendelersnorm: " + vast.bron.Tekst + "; bedrag: " + np.n[s].bron.Tekst, URL: vast.bron.URL}
			}
		}
		np.minLeeftijdKostendelers = mk.getal
		for t := range aantalKdnTeksten {
			for a := 2; a <= maxKdnTekst; a++ {
				np.kdnOmschrijving[t][a] = kdnTekst(kdnTekstSoort(t), a)
			}
		}
		p.normPerioden = append(p.normPerioden, np)
	}
	return nil
}

// dekt returns the value of id that applies during the whole of per.
func (p *Parameters) dekt(id string, per periode) (waarde, error) {
	w, err := p.zoek(id, per.vanaf)
	if err != nil {
		return w, err
	}
	if !w.tot.IsZero() && (per.tot.IsZero() || w.tot.Before(per.tot)) {
		return w, fmt.Errorf("%s: %s dekt niet de hele periode %s", id, w.periode, per)
	}
	return w, nil
}
