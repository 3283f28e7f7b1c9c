package zakenweb

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/zaken"
)

// stapRij is a recorded route step on the zaak page.
type stapRij struct{ Naam, Datum, Toelichting, Door, Uitkomst string }

// vulStappen fills the route steps, the marker and the options of the step form.
func (s *server) vulStappen(d *zaakData, det zaken.Detail) {
	d.Statushouder = det.Zaak.Statushouder
	for _, st := range det.Stappen {
		d.Stappen = append(d.Stappen, stapRij{Naam: st.Stap.Naam(), Datum: datumNL(st.Datum), Toelichting: st.Toelichting, Door: st.Door, Uitkomst: uitkomstTekst(st)})
	}
	o := [][2]string{{"", "Kies een stap"}}
	for _, st := range zaken.StappenVoor(det.Zaak) {
		o = append(o, [2]string{string(st), st.Naam()})
	}
	d.StapOpties = opties(o, d.veld("stap"))
}

// stap records a route step: Bbz, ROZ referral (route ondernemers) or a moratorium request (Wgs art. 5).
func (s *server) stap(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "stap", func(gm string, id int64, f formulier) error {
		op := f.datum("stap-datum", true)
		if f.fout() {
			return nil
		}
		return s.zaken.LegStapVast(r.Context(), gm, id, f.versie("versie"), zaken.Stap(f.tekst("stap")), op, f.tekst("stap-toelichting"), medewerker(r))
	})
}

// statushouder sets or clears the marker for statushouders and inburgeraars.
func (s *server) statushouder(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "doelgroep", func(gm string, id int64, f formulier) error {
		return s.zaken.ZetStatushouder(r.Context(), gm, id, f.versie("versie"), f.tekst("statushouder") == "ja", medewerker(r))
	})
}
