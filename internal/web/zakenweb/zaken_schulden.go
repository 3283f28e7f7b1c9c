package zakenweb

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/zeker-platform/zeker/internal/geld"
	"github.com/zeker-platform/zeker/internal/web"
	"github.com/zeker-platform/zeker/internal/zaken"
)

// The debt overview and the monthly budget of a zaak (internal/zaken/schulden.go), and the overview as
// CSV for the creditors' round.

type schuldRij struct {
	ID                                 int64
	Schuldeiser, Bedrag, Soort, Status string
	Gestabiliseerd                     bool
}

type postRij struct {
	ID                   int64
	Omschrijving, Bedrag string
}

// bedrag reads an amount field in the one notation of internal/geld; errors at the field.
func (f formulier) bedrag(naam string) geld.Bedrag {
	b, err := geld.Parse(f.tekst(naam))
	if err != nil {
		f.d.Add(naam, geld.Reden(err))
	}
	return b
}

func (s *server) schuld(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "schuld", func(gm string, id int64, f formulier) error {
		sc := zaken.Schuld{Schuldeiser: f.tekst("schuldeiser"), Bedrag: f.bedrag("schuld-bedrag"), Soort: zaken.SchuldSoort(f.tekst("schuld-soort")),
			Status: zaken.SchuldStatus(f.tekst("schuld-status")), Gestabiliseerd: f.tekst("schuld-stabiel") == "1"}
		if f.fout() {
			return nil
		}
		return s.zaken.VoegSchuldToe(r.Context(), gm, id, f.versie("versie"), sc, medewerker(r))
	})
}

func (s *server) schuldStatus(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "schuld-status", func(gm string, id int64, f formulier) error {
		schuld, err := strconv.ParseInt(f.tekst("schuld"), 10, 64)
		if err != nil || schuld <= 0 {
			f.d.Add("schuld", "Kies de schuld.")
			return nil
		}
		return s.zaken.ZetSchuldStatus(r.Context(), gm, id, f.versie("versie"), schuld, zaken.SchuldStatus(f.tekst("schuld-stand")),
			f.tekst("stand-stabiel") == "1", medewerker(r))
	})
}

func (s *server) budget(w http.ResponseWriter, r *http.Request) {
	s.wijzig(w, r, "budget", func(gm string, id int64, f formulier) error {
		p := zaken.Budgetpost{Inkomen: f.tekst("post-soort") == "inkomen", Omschrijving: f.tekst("post-omschrijving"), Bedrag: f.bedrag("post-bedrag")}
		if st := f.tekst("post-soort"); st != "inkomen" && st != "last" {
			f.d.Add("post-soort", "Kies inkomen of vaste last.")
		}
		if f.fout() {
			return nil
		}
		return s.zaken.VoegBudgetpostToe(r.Context(), gm, id, f.versie("versie"), p, medewerker(r))
	})
}

// schuldenCSV is the debt overview of a zaak for the creditors' round (written in the audit log).
func (s *server) schuldenCSV(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	gm := r.PathValue("gemeente")
	o, err := s.zaken.SchuldenExport(r.Context(), gm, id)
	if errors.Is(err, zaken.ErrNietGevonden) {
		s.kit.StaffError(w, r, http.StatusNotFound, "Deze zaak bestaat niet in deze gemeente.")
		return
	}
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	c := web.NieuweCSV(w, "zaak-"+strconv.FormatInt(id, 10)+"-schulden.csv")
	c.Rij("schuldeiser", "soort", "bedrag", "stand", "gestabiliseerd")
	for _, sc := range o.Schulden {
		stab := "nee"
		if sc.Gestabiliseerd {
			stab = "ja"
		}
		c.Rij(web.CSVVeilig(sc.Schuldeiser), sc.Soort.Naam(), sc.Bedrag.Decimal(), sc.Status.Naam(), stab)
	}
	c.Rij("totaal open", "", o.TotaalSchuld.Decimal(), "", "")
	if err := c.Klaar(); err != nil {
		s.kit.Log().ErrorContext(r.Context(), "zaken: schulden csv", "fout", err)
	}
}
