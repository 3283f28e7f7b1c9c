package aanvraagweb

import (
	"log/slog"
	"net/http"

	"github.com/zeker-platform/zeker/internal/web"
)

// geweigerd says, for the case worker's page of application id, which files the virus scanner refused
// on the resident's status page: when, for which kind of document and the scanner's verdict. The file
// was never stored. A failure to read it is logged and leaves the list out; the page still shows.
func (s *server) geweigerd(r *http.Request, gm string, id int64) []string {
	gs, err := s.svc.GeweigerdeBestanden(r.Context(), gm, id)
	if err != nil {
		slog.ErrorContext(r.Context(), "aanvraagweb: geweigerde bestanden lezen", "err", err)
		return nil
	}
	var out []string
	for _, g := range gs {
		t := "Een bestand is geweigerd door de virusscanner op " + g.Op.In(web.Amsterdam).Format("02-01-2006 15:04")
		if g.Soort != "" {
			t += " (bij: " + g.Soort.Naam() + ")"
		}
		out = append(out, t+"; de scanner meldde "+g.Virus+". Het bestand is niet bewaard; de aanvrager kreeg de melding een ander bestand te sturen.")
	}
	return out
}

// documentWeg answers a document whose content is missing or damaged (aanvragen.ErrDocumentWeg): a
// page that says so and what to do, never a 500. The service logged it for the administrator.
func documentWeg(s *server, w http.ResponseWriter, r *http.Request) {
	s.kit.StaffError(w, r, http.StatusGone, "Het bestand van dit document ontbreekt of is beschadigd, dus het kan niet worden geopend. "+
		"Meld het aan de beheerder van Zeker (het staat in het serverlog en het verwerkingslog). Vraag de aanvrager zo nodig het document opnieuw te sturen.")
}
