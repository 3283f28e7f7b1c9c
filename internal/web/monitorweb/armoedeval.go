package monitorweb

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

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

// bereken reads the form and computes the curve and its what-ifs. Problems with the input are field
// errors in fe (and a nil uitkomst); only a failure of Zeker itself is an error.
func (s *server) bereken(gm string, q url.Values, fe *web.FieldErrors) (invoer, *uitkomst, error) {
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
		u.na = append(u.na, naVariant{variant: w.Variant, curve: n, kosten: monitor.KostenVan(c, w.Variant, in.Kosten)})
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
	in, u, err := s.bereken(g.Code, q, &d.FieldErrors)
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
