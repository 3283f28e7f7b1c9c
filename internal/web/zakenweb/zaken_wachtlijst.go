package zakenweb

import (
	"github.com/zeker-platform/zeker/internal/datum"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

type wachtlijstData struct {
	web.StaffPage
	web.FieldErrors
	Basis, Vandaag string
	Aantal         int
	Capaciteit     int
	Vol, Voorrang  bool
	VoorrangAan    bool
	VoorrangBron   string
	MagInstellen   bool
	Rijen          []wachtRij
	Paging         web.Paging
}

type wachtRij struct {
	Plaats                 int
	ID                     int64
	URL, Sinds, Crisis     string
	Kinderen               bool
	Verwacht               string
	WachtWeken             int
	NaTermijn              bool
	Termijn                termijnStaat
	Huishouden, Woonplaats string
}

// wachtlijst shows the zaken waiting for their first conversation in the order they will be seen, with
// the expected day from the intake capacity beside the deadline that applies (?vanaf= pages).
func (s *server) wachtlijst(w http.ResponseWriter, r *http.Request) {
	d := &wachtlijstData{}
	gm, ok := s.pagina(w, r, &d.StaffPage, "Wachtlijst schuldhulp")
	if !ok {
		return
	}
	vanaf, ok := web.LeesVanaf(r.URL.Query(), "vanaf")
	if !ok {
		d.Add("wachtlijst", "De waarde van vanaf in het adres klopt niet; de lijst begint bij de eerste zaak.")
	}
	wl, err := s.zaken.Wachtlijst(r.Context(), gm, PerPagina, vanaf)
	if err != nil {
		s.kit.Error(w, r, err, "")
		return
	}
	vandaag := s.zaken.Vandaag()
	d.Basis, d.Vandaag = basis(gm), datumNL(vandaag)
	d.Aantal, d.Capaciteit, d.Vol, d.Voorrang = wl.Aantal, wl.Regel.IntakeCapaciteit, wl.Vol, wl.VoorrangActief
	d.VoorrangAan, d.VoorrangBron = wl.Regel.VoorrangKinderen, wl.Regel.VoorrangBron
	d.MagInstellen = auth.Mag(web.ActorUit(r.Context()), gm, auth.GemeenteInstellen)
	for _, x := range wl.Rijen {
		d.Rijen = append(d.Rijen, wachtRijVan(gm, x, vandaag))
	}
	d.Paging = web.NieuwePaging(vanaf, PerPagina, wl.Aantal, len(wl.Rijen), false, func(v int) string {
		if v > 0 {
			return d.Basis + "/wachtlijst?vanaf=" + strconv.Itoa(v)
		}
		return d.Basis + "/wachtlijst"
	})
	d.Fout = len(d.Fouten) > 0
	s.pages.Render(w, r, http.StatusOK, "zaken_wachtlijst", d)
}

func wachtRijVan(gm string, x zaken.Wachtende, vandaag datum.Datum) wachtRij {
	rij := wachtRij{Plaats: x.Plaats, ID: x.ID, URL: zaakURL(gm, x.ID), Sinds: datumNL(x.Startdatum), Kinderen: x.Kinderen,
		WachtWeken: x.WachtWeken, NaTermijn: x.NaTermijn, Termijn: staat(x.EersteGesprekTermijn.Datum, vandaag, ""),
		Huishouden: x.HuishoudenID, Woonplaats: x.Woonplaats}
	if x.Crisis {
		rij.Crisis = x.CrisisSoort.Naam()
	}
	if !x.VerwachtUiterlijk.IsZero() {
		rij.Verwacht = datumNL(x.VerwachtUiterlijk)
	}
	return rij
}
