package monitorweb

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/monitor"
	"github.com/zeker-platform/zeker/internal/web"
)

// uitkomst is the curve of the form and the curves after its what-ifs.
type uitkomst struct {
	curve *monitor.Curve
	na    []naVariant
}

type naVariant struct {
	variant monitor.Variant
	curve   *monitor.Curve
	kosten  monitor.Kosten
}

// bereken reads the form and computes the curve and its what-ifs, with kosten also their cost (a
// sliding scale's over the household register). Problems with the input are field errors in fe (and
// a nil uitkomst); only a failure of Zeker itself is an error.
func (s *server) bereken(ctx context.Context, gm string, q url.Values, fe *web.FieldErrors, kosten bool) (invoer, *uitkomst, error) {
	in := leesInvoer(q, s.kit.VandaagUTC(), gm, s.cat, fe)
	if in.Uurloon == 0 && fe.FoutBij["uurloon"] == "" && fe.FoutBij["datum"] == "" {
		if m := uurloonOnbekend(s.cat, in.Datum); m != "" {
			fe.Add("uurloon", m)
		}
	}
	if len(fe.Fouten) > 0 {
		return in, nil, nil
	}
	c, err := monitor.Armoedeval(in.Pakket, s.cat.Params(), monitor.ArmoedevalOpties{Type: in.Type, Datum: in.Datum, Uurloon: in.Uurloon})
	if errors.Is(err, monitor.ErrArmoedeval) {
		// A date without national amounts (or a household type without a norm on it): the date decides.
		fe.Add("datum", "Peildatum: "+strings.TrimPrefix(err.Error(), "armoedeval: "))
		return in, nil, nil
	}
	if err != nil {
		return in, nil, err
	}
	u := &uitkomst{curve: c}
	for _, w := range in.Varianten {
		n, err := c.Pas(w.Variant)
		if errors.Is(err, monitor.ErrArmoedeval) {
			// Most often: the regeling has no cliff for this household (it does not end, or its amount
			// is unknown), so there is nothing to soften.
			fe.Add(w.Veld, variantLabel(w.Variant.Soort)+": "+strings.TrimPrefix(err.Error(), "armoedeval: ")+".")
			continue
		}
		if err != nil {
			return in, nil, err
		}
		k := monitor.KostenVan(c, w.Variant, in.Kosten)
		if kosten && w.Variant.Soort == "glijdend" {
			if k, err = s.kostenGlijdend(ctx, gm, in, w.Variant); err != nil {
				return in, nil, err
			}
		}
		u.na = append(u.na, naVariant{variant: w.Variant, curve: n, kosten: k})
	}
	if len(fe.Fouten) > 0 {
		return in, nil, nil
	}
	return in, u, nil
}

func variantLabel(soort string) string {
	switch soort {
	case "glijdend":
		return "Glijdende schaal"
	case "bijverdienpremie":
		return "Bijverdienpremie"
	}
	return "Zachte landing"
}

// armoedeval is the page: the form, and with a valid form the curve, its chart and table, the
// cliffs and the what-ifs. The first visit (no query) computes the default household on today; when
// that needs something only the user can give (an hourly wage the reference lacks), the page asks for
// it without calling it an error.
func (s *server) armoedeval(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &armoedevalData{Basis: "/beheer/" + g.Code + "/armoedeval"}
	s.kit.VulStaff(&d.StaffPage, r, "Armoedeval", &g)
	q := r.URL.Query()
	in, u, err := s.bereken(r.Context(), g.Code, q, &d.FieldErrors, true)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	status := http.StatusOK
	if len(d.Fouten) > 0 {
		if len(q) == 0 {
			for _, f := range d.Fouten {
				d.Vragen = append(d.Vragen, f.Bericht)
			}
			d.FieldErrors = web.FieldErrors{}
		} else {
			status = http.StatusUnprocessableEntity
			d.Page.Fout = true
		}
	}
	s.vulFormulier(d, in)
	if u != nil {
		vulUitslag(d, g.Naam, in, u)
	}
	s.pages.Render(w, r, status, "beheer_armoedeval", d)
}

// kostenGlijdend is the yearly cost of a sliding scale over the gemeente's households: the what-if
// over the register's snapshot (monitor.KostenGlijdend, the same rule as the curve's variant), with
// the number of households and where they come from. Without a register, or an empty one, the cost is
// unknown with that reason. Reading the snapshot is a processing of personal data (aggregated): it is
// logged as the what-if of the scan is.
func (s *server) kostenGlijdend(ctx context.Context, gm string, in invoer, v monitor.Variant) (monitor.Kosten, error) {
	if s.pop == nil {
		return monitor.Kosten{Reden: "onbekend: deze server heeft geen huishoudensregister om de kosten over de bevolking te berekenen"}, nil
	}
	pop, err := s.pop.LaadPopulatie(ctx, gm, in.Datum)
	if err != nil {
		return monitor.Kosten{}, err
	}
	if pop.Len() == 0 {
		return monitor.Kosten{Reden: "onbekend: er zijn nog geen huishoudens van de gemeente ingelezen (Scan, huishoudens inlezen), dus Zeker kan de kosten over de bevolking niet tellen"}, nil
	}
	if err := s.kit.Audit().Schrijf(ctx, audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "scan.uitvoeren", Operatie: "armoedeval.glijdend",
		Actie: audit.Lezen, Aantal: pop.Len()}); err != nil {
		return monitor.Kosten{}, err
	}
	g, err := monitor.KostenGlijdend(ctx, pop, in.Pakket, v.Regeling, v.Band)
	if errors.Is(err, monitor.ErrArmoedeval) {
		return monitor.Kosten{Reden: "onbekend: " + strings.TrimPrefix(err.Error(), "armoedeval: ")}, nil
	}
	if err != nil {
		return monitor.Kosten{}, err
	}
	reden := fmt.Sprintf("%d van de %d huishoudens in het huishoudensregister van de gemeente in Zeker (momentopname, peildatum %s) zitten nu net boven de grens en krijgen met de glijdende schaal een deel van de regeling; dit zijn de kosten als zij het allemaal aanvragen",
		g.Erbij, g.Huishoudens, g.Peildatum)
	if g.Onbekend > 0 {
		reden += fmt.Sprintf(". Niet meegeteld: %d huishoudens in de band waarvan de uitkomst of het bedrag onbekend is", g.Onbekend)
	}
	if g.Fouten > 0 {
		reden += fmt.Sprintf(". %d huishoudens van het register konden niet gelezen worden en tellen niet mee", g.Fouten)
	}
	b := g.Kosten
	return monitor.Kosten{Bekend: true, Bedrag: &b, Reden: reden}, nil
}
