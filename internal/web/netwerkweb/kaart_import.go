package netwerkweb

import (
	"errors"
	"net/http"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/netwerk"
	"github.com/zeker-platform/zeker/internal/web"
)

// importUitslag is what the sociale-kaart page shows after an upload: what was written, or every
// problem (and then nothing was written).
type importUitslag struct {
	Bestand   string
	Resultaat netwerk.ImportResultaat
	Fouten    []netwerk.ImportFout
	Meer      int // problems not shown
}

// maxGetoond limits the problems listed on the page; the rest is counted.
const maxGetoond = 200

// kaartImport reads an uploaded sociale kaart (CSV or JSON, docs/netwerk.md) and imports it all or
// nothing, then shows the sociale-kaart page with the result or with every problem named by row.
func (s *server) kaartImport(w http.ResponseWriter, r *http.Request) {
	d := &kaartBeheerData{}
	g, ok := s.pagina(w, r, &d.StaffPage, "Sociale kaart")
	if !ok {
		return
	}
	toon := func(status int) {
		if err := s.vulKaartBeheer(r, d, g.Code); err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		d.Maanden = strconv.Itoa(d.VerouderdNa)
		d.Page.Fout = len(d.Fouten) > 0 || (d.Import != nil && len(d.Import.Fouten) > 0)
		s.staff.Render(w, r, status, "kaartbeheer", d)
	}
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		d.Add("bestand", "We konden het bestand niet lezen. Is het groter dan 4 MB? Splits het dan.")
		toon(http.StatusUnprocessableEntity)
		return
	}
	defer r.MultipartForm.RemoveAll()
	f, kop, err := r.FormFile("bestand")
	if err != nil {
		d.Add("bestand", "Kies een bestand met de sociale kaart (CSV of JSON).")
		toon(http.StatusUnprocessableEntity)
		return
	}
	defer f.Close()
	formaat := strings.ToLower(r.FormValue("formaat"))
	if formaat == "" {
		formaat = "csv"
		if strings.EqualFold(path.Ext(kop.Filename), ".json") {
			formaat = "json"
		}
	}
	if formaat != "csv" && formaat != "json" {
		d.Add("formaat-csv", "Kies CSV of JSON.")
		toon(http.StatusUnprocessableEntity)
		return
	}
	a := web.ActorUit(r.Context())
	res, err := s.net.Importeer(r.Context(), f, netwerk.ImportOpties{Gemeente: g.Code, Formaat: formaat,
		Door: web.LoginUit(r.Context()).Gebruiker.ID, MagBeheren: func(gm string) bool { return auth.Mag(a, gm, auth.PartnersBeheren) }})
	d.Import = &importUitslag{Bestand: bestandsnaam(kop.Filename), Resultaat: res}
	var fouten netwerk.ImportFouten
	switch {
	case errors.As(err, &fouten):
		d.Import.Fouten = fouten
		if len(fouten) > maxGetoond {
			d.Import.Fouten, d.Import.Meer = fouten[:maxGetoond], len(fouten)-maxGetoond
		}
		toon(http.StatusUnprocessableEntity)
	case err != nil:
		s.kit.InternalError(w, r, err)
	default:
		toon(http.StatusOK)
	}
}

// bestandsnaam is the uploaded file's name as the page may show it: its last part, valid text.
func bestandsnaam(s string) string {
	s = path.Base(strings.ReplaceAll(strings.ToValidUTF8(s, "?"), "\\", "/"))
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
