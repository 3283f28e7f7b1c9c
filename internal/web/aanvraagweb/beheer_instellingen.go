package aanvraagweb

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/termijn"
	"github.com/zeker-platform/zeker/internal/web"
)

type instellingenData struct {
	web.StaffPage
	web.FieldErrors
	Basis                  string
	Aantal, Bron, VierOgen string
	BewaarDocumenten       string
	BewaarAanvraag         string
	AlBekend               []web.Optie
	Eenheden               []web.Optie
	Versie                 int
}

func (s *server) instellingen(w http.ResponseWriter, r *http.Request) {
	d := &instellingenData{}
	g, ok := s.kit.GemeentePagina(w, r, &d.StaffPage, "Instellingen aanvragen", meldingen)
	if !ok {
		return
	}
	in, err := s.svc.Instellingen(r.Context(), g.Code)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	d.Aantal, d.Bron, d.Versie = strconv.Itoa(in.Beslistermijn.Aantal), in.Bron, in.Versie
	d.BewaarDocumenten, d.BewaarAanvraag = strconv.Itoa(in.BewaarDocumenten), strconv.Itoa(in.BewaarAanvraag)
	d.AlBekend = alBekendOpties(in.AlBekend)
	if in.VierOgenBoven != nil {
		d.VierOgen = in.VierOgenBoven.Kort()
	}
	s.toonInstellingen(w, r, http.StatusOK, d, g.Code, string(in.Beslistermijn.Eenheid))
}

func (s *server) toonInstellingen(w http.ResponseWriter, r *http.Request, status int, d *instellingenData, gm, eenheid string) {
	d.Basis = basis(gm)
	for _, e := range termijn.Eenheden() {
		d.Eenheden = append(d.Eenheden, web.Optie{Waarde: string(e), Label: string(e), Gekozen: string(e) == eenheid})
	}
	s.staf.Render(w, r, status, "av_instellingen", d)
}

func (s *server) instellingenPost(w http.ResponseWriter, r *http.Request) {
	d := &instellingenData{}
	g, ok := s.kit.GemeentePagina(w, r, &d.StaffPage, "Instellingen aanvragen", nil)
	if !ok {
		return
	}
	d.Aantal, d.Bron, d.VierOgen = strings.TrimSpace(r.PostFormValue("aantal")), strings.TrimSpace(r.PostFormValue("bron")), strings.TrimSpace(r.PostFormValue("vierogen"))
	eenheid := r.PostFormValue("eenheid")
	d.Versie, _ = strconv.Atoi(r.PostFormValue("versie"))
	in := aanvragen.Instellingen{Bron: d.Bron, Versie: d.Versie}
	for _, v := range r.PostForm["al-bekend"] {
		in.AlBekend = append(in.AlBekend, aanvragen.DocSoort(v))
	}
	d.AlBekend = alBekendOpties(in.AlBekend)
	d.BewaarDocumenten, d.BewaarAanvraag = strings.TrimSpace(r.PostFormValue("bewaar-documenten")), strings.TrimSpace(r.PostFormValue("bewaar-aanvraag"))
	for _, x := range []struct {
		veld, waarde string
		doel         *int
	}{{"bewaar-documenten", d.BewaarDocumenten, &in.BewaarDocumenten}, {"bewaar-aanvraag", d.BewaarAanvraag, &in.BewaarAanvraag}} {
		if x.waarde == "" {
			continue
		}
		v, err := strconv.Atoi(x.waarde)
		if err != nil {
			d.Add(x.veld, "Schrijf een heel aantal maanden, of 0 als de gemeente nog geen termijn heeft gekozen.")
			continue
		}
		*x.doel = v
	}
	n, err := strconv.Atoi(d.Aantal)
	if err != nil {
		d.Add("aantal", "Schrijf een heel getal, bijvoorbeeld 8.")
	}
	in.Beslistermijn = termijn.Termijn{Aantal: n, Eenheid: termijn.Eenheid(eenheid)}
	if d.VierOgen != "" {
		b, err := geld.Parse(d.VierOgen)
		if err != nil {
			d.Add("vierogen", "Schrijf een bedrag, bijvoorbeeld 500 of 500,00, of laat het leeg.")
		}
		in.VierOgenBoven = &b
	}
	if len(d.Fouten) == 0 {
		err = s.svc.ZetInstellingen(r.Context(), g.Code, in)
		switch {
		case err == nil:
			web.TerugNaar(w, r, basis(g.Code)+"/instellingen", "instellingen")
			return
		case errors.Is(err, aanvragen.ErrVerouderd):
			d.Add("aantal", "Iemand anders heeft de instellingen intussen gewijzigd. Laad de pagina opnieuw.")
			s.toonInstellingen(w, r, http.StatusConflict, d, g.Code, eenheid)
			return
		default:
			o, ok := aanvragen.IsOngeldig(err)
			if !ok {
				s.kit.Error(w, r, err, "")
				return
			}
			veld := o.Veld
			if veld == "beslistermijn" {
				veld = "aantal"
			}
			d.Add(veld, o.Bericht)
		}
	}
	s.toonInstellingen(w, r, http.StatusUnprocessableEntity, d, g.Code, eenheid)
}

// alBekendOpties are the kinds of document as checkboxes, those the gemeente has itself ticked.
func alBekendOpties(bekend []aanvragen.DocSoort) []web.Optie {
	var out []web.Optie
	for _, x := range aanvragen.DocSoorten() {
		out = append(out, web.Optie{Waarde: string(x), Label: x.Naam(), Gekozen: slices.Contains(bekend, x)})
	}
	return out
}
