package scanweb

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/register"
	"github.com/zeker-platform/zeker/internal/web"
)

// scanInstellingenData is the page of how long the gemeente keeps its imported household data.
type scanInstellingenData struct {
	web.StaffPage
	web.FieldErrors
	Menu              scanMenu
	Actie             string
	Snapshots, Dagen  string
	StdSnap, StdDagen int
	Rondes            []rondeRij // the newest import rounds, aborted ones too
	RondesFout        bool
}

// rondeRij is one import round of household data as the page shows it.
type rondeRij struct {
	Gestart, Bestand, Status, Melding string
	Afgebroken                        bool
	Rijen, Opgeslagen, Afgewezen      string
}

// scanInstellingen shows the retention of the household register: the last N imports are kept
// whatever their age, older ones up to a maximum age (the daily job deletes them and keeps their
// non-personal counts for the monitor).
func (s *server) scanInstellingen(w http.ResponseWriter, r *http.Request) {
	d := &scanInstellingenData{}
	gm, ok := s.scanPagina(w, r, &d.StaffPage, "Bewaartermijn huishoudgegevens")
	if !ok {
		return
	}
	i, err := s.scan.BewaarInstellingen(r.Context(), gm)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d.vul(r, s, gm)
	d.Snapshots, d.Dagen = strconv.Itoa(i.BewaarSnapshots), strconv.Itoa(i.BewaarDagen)
	s.pages.Render(w, r, http.StatusOK, "beheer_scan_instellingen", d)
}

func (d *scanInstellingenData) vul(r *http.Request, s *server, gm string) {
	d.Menu = s.scanMenu(r, gm, "instellingen")
	d.Actie = d.Menu.Basis + "/instellingen"
	d.StdSnap, d.StdDagen = register.StandaardInstellingen.BewaarSnapshots, register.StandaardInstellingen.BewaarDagen
	// The rounds are no personal data (a file name, counts, a reason); a failure to read them is logged
	// and said on the page, the settings stay usable.
	ims, err := s.scan.Imports(r.Context(), gm, 20)
	if err != nil {
		s.kit.Log().ErrorContext(r.Context(), "scan: inleesrondes", "gemeente", gm, "fout", err)
		d.RondesFout = true
	}
	for _, im := range ims {
		rij := rondeRij{Gestart: web.Tijd(im.Gestart), Bestand: im.Bestand, Status: "Klaar", Melding: im.Melding,
			Rijen: getalTekst(int(im.Rijen)), Opgeslagen: getalTekst(int(im.Opgeslagen)), Afgewezen: getalTekst(int(im.Afgewezen))}
		if im.Status == register.ImportAfgebroken {
			rij.Status, rij.Afgebroken = "Afgebroken", true
		}
		d.Rondes = append(d.Rondes, rij)
	}
}

// scanInstellingenPost stores the retention; a value out of range gets its field error (422).
func (s *server) scanInstellingenPost(w http.ResponseWriter, r *http.Request) {
	d := &scanInstellingenData{Snapshots: strings.TrimSpace(r.PostFormValue("snapshots")), Dagen: strings.TrimSpace(r.PostFormValue("dagen"))}
	gm, ok := s.scanPagina(w, r, &d.StaffPage, "Bewaartermijn huishoudgegevens")
	if !ok {
		return
	}
	d.vul(r, s, gm)
	var i register.Instellingen
	n, err := strconv.Atoi(d.Snapshots)
	if err != nil || n < 1 || n > 100 {
		d.Add("snapshots", "Vul een heel getal in van 1 tot en met 100: zoveel laatste inleesrondes blijven altijd bewaard.")
	}
	i.BewaarSnapshots = n
	n, err = strconv.Atoi(d.Dagen)
	if err != nil || n < 1 || n > 3650 {
		d.Add("dagen", "Vul een heel getal in van 1 tot en met 3650 dagen.")
	}
	i.BewaarDagen = n
	if len(d.Fouten) == 0 {
		if err := s.scan.ZetBewaarInstellingen(r.Context(), gm, i); err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		if err := s.kit.Audit().Schrijf(r.Context(), audit.Verwerking{Gemeente: gm, Verwerkingsactiviteit: "gemeente.instellen",
			Operatie: "huishoudgegevens.bewaartermijn.wijzigen", Actie: audit.Wijzigen, Object: "register_instellingen"}); err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		web.TerugNaar(w, r, d.Actie, "instellingen")
		return
	}
	d.Page.Fout = true
	s.pages.Render(w, r, http.StatusUnprocessableEntity, "beheer_scan_instellingen", d)
}
