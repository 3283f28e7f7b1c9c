package scanweb

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/errs"
	"github.com/zeker-platform/zeker/internal/jobs"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/scan"
	"github.com/zeker-platform/zeker/internal/web"
)

// scanOverzichtData is the reach page: the latest stored scan, per regeling who is entitled, who
// receives it and who does not, and for one chosen regeling the reach per target group as a table and
// a chart. Aggregates only.
type scanOverzichtData struct {
	web.StaffPage
	Menu         scanMenu
	Er           bool // a scan exists
	Peildatum    string
	Vandaag      string
	Huishoudens  string
	Gemaakt      string
	PakketHash   string
	Regelingen   []scanRegelRij
	Keuze        string
	KeuzeNaam    string
	Regelopties  []web.Optie
	Dimensies    []web.Optie
	Dimensie     string
	Groepen      []scanGroepRij
	Grafiek      template.HTML
	BereikCSV    string
	MagUitvoeren bool
	MagLijst     bool
	MagTaken     bool
	Taken        []scanTaakRij
}

// scanTaakRij is a background scan or import of the gemeente, with its progress (internal/jobs).
type scanTaakRij struct {
	ID, Soort, Status, Voortgang, Bericht, Gemaakt, Fout string
}

type scanRegelRij struct {
	ID, Naam                                      string
	Recht, Onzeker, Ontvangt, NietGebruik, Bereik string
	Ambtshalve, Lijst                             string
	BedragNiet                                    string
}

type scanGroepRij struct {
	Naam, Huishoudens, Recht, Onzeker, Ontvangt, NietGebruik, Bereik string
}

func (s *server) scanOverzicht(w http.ResponseWriter, r *http.Request) {
	d := &scanOverzichtData{}
	gm, ok := s.scanPagina(w, r, &d.StaffPage, "Scan: bereik en niet-gebruik")
	if !ok {
		return
	}
	a := web.ActorUit(r.Context())
	d.Menu = s.scanMenu(r, gm, "overzicht")
	d.MagUitvoeren = auth.Mag(a, gm, auth.ScanUitvoeren)
	d.MagLijst = auth.Mag(a, gm, auth.ScanLezen)
	d.Vandaag = s.kit.VandaagUTC().Format("2006-01-02")
	d.MagTaken = auth.Mag(a, gm, auth.TakenLezen)
	if d.MagTaken {
		for _, soort := range []string{scan.JobScan, register.JobImport} {
			js, err := s.jobs.List(r.Context(), gm, soort, 5)
			if err != nil {
				s.kit.InternalError(w, r, err)
				return
			}
			for _, j := range js {
				rij := scanTaakRij{ID: fmt.Sprint(j.ID), Soort: map[string]string{scan.JobScan: "scan", register.JobImport: "huishoudens inlezen"}[j.Kind],
					Status: taakStatus[j.Status], Bericht: j.Progress.Message, Gemaakt: j.CreatedAt.In(web.Amsterdam).Format("02-01-2006 15:04"), Fout: j.LastError}
				if j.Progress.Total > 0 {
					rij.Voortgang = procentTekst(int(min(j.Progress.Done, j.Progress.Total)), int(j.Progress.Total))
				}
				d.Taken = append(d.Taken, rij)
			}
		}
	}
	sv, err := s.scan.LaatsteSamenvatting(r.Context(), gm)
	if err != nil && !errors.Is(err, errs.NotFound) {
		s.kit.InternalError(w, r, err)
		return
	}
	if sv != nil {
		d.Er = true
		d.Peildatum, d.Huishoudens, d.Gemaakt = sv.Peildatum, getalTekst(sv.Huishoudens), sv.Gemaakt.Format("2006-01-02 15:04")
		if b, ok := sv.Bewijs.(map[string]string); ok {
			d.PakketHash = b["pakket_hash"]
		}
		d.Keuze = r.URL.Query().Get("regeling")
		dim := dimensieUit(r.URL.Query().Get("dimensie"))
		d.Dimensie = dim.String()
		d.Dimensies = dimensieOpties(dim)
		var gekozen *scan.RegelingUitslag
		for i := range sv.Regelingen {
			ru := &sv.Regelingen[i]
			if d.Keuze == "" && ru.Totaal.Recht > 0 {
				d.Keuze = ru.ID
			}
			if ru.ID == d.Keuze {
				gekozen = ru
			}
			t := ru.Totaal
			rij := scanRegelRij{ID: ru.ID, Naam: ru.Naam, Recht: getalTekst(t.Recht), Onzeker: getalTekst(t.Onzeker), Ontvangt: getalTekst(t.Ontvangt),
				NietGebruik: getalTekst(t.NietGebruik()), Bereik: procentTekst(t.Ontvangt, t.Recht), Ambtshalve: "–", BedragNiet: "–"}
			if ru.Ambtshalve {
				rij.Ambtshalve = getalTekst(t.Ambtshalve)
			}
			if ru.BedragPerJaar > 0 {
				rij.BedragNiet = scanBedrag(ru.BedragPerJaar)
			}
			if d.MagLijst && t.NietGebruik() > 0 {
				rij.Lijst = "/beheer/" + gm + "/scan/bereiklijst.csv?" + url.Values{"regeling": {ru.ID}, "datum": {sv.Peildatum}}.Encode()
			}
			d.Regelingen = append(d.Regelingen, rij)
			d.Regelopties = append(d.Regelopties, web.Optie{Waarde: ru.ID, Label: ru.Naam})
		}
		if gekozen != nil {
			d.KeuzeNaam = gekozen.Naam
			for i := range d.Regelopties {
				d.Regelopties[i].Gekozen = d.Regelopties[i].Waarde == gekozen.ID
			}
			for _, g := range gekozen.Groepen[dim] {
				t := g.Telling
				d.Groepen = append(d.Groepen, scanGroepRij{Naam: g.Naam, Huishoudens: getalTekst(t.Huishoudens), Recht: getalTekst(t.Recht),
					Onzeker: getalTekst(t.Onzeker), Ontvangt: getalTekst(t.Ontvangt), NietGebruik: getalTekst(t.NietGebruik()), Bereik: procentTekst(t.Ontvangt, t.Recht)})
			}
			d.Grafiek = bereikGrafiek(gekozen, dim)
		}
		d.BereikCSV = "/beheer/" + gm + "/scan/bereik.csv"
	}
	s.pages.Render(w, r, http.StatusOK, "beheer_scan", d)
}

var taakStatus = map[jobs.Status]string{jobs.Queued: "wacht", jobs.Running: "bezig", jobs.Done: "klaar", jobs.Failed: "mislukt", jobs.Cancelled: "geannuleerd"}
