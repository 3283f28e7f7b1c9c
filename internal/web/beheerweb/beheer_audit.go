package beheerweb

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/web"
)

// The processing log of a gemeente for its beheerder: search and CSV export. The filter form is a POST,
// because it can hold a BSN (the resident whose processings are sought): a BSN never goes in a URL.
// The BSN is hashed with the server key before the query, like the stored subject hashes.

type auditData struct {
	web.StaffPage
	web.FieldErrors
	F          auditFormulier
	Regels     []audit.Regel
	Meer       bool
	VoorID     int64
	MagExport  bool
	Acties     []audit.Actie
	Resultaten []audit.Resultaat
	Soorten    []audit.SoortActor
}

// auditFormulier is the filter as typed, so the form shows it again.
type auditFormulier struct {
	Van, Tot, ActorSoort, ActorID, Activiteit, Operatie, Actie, Resultaat, BSN string
	Voor                                                                       int64
}

const auditPagina = 100

// leesAuditFilter reads the filter form; errors are per field.
func (s *server) leesAuditFilter(r *http.Request, gm string, d *auditData) audit.Filter {
	f := audit.Filter{Gemeente: gm}
	if r.Method != http.MethodPost {
		return f
	}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	d.F = auditFormulier{Van: get("van"), Tot: get("tot"), ActorSoort: get("actor_soort"), ActorID: get("actor_id"),
		Activiteit: get("activiteit"), Operatie: get("operatie"), Actie: get("actie"), Resultaat: get("resultaat"),
		BSN: strings.ReplaceAll(get("bsn"), " ", "")}
	datum := func(id, v string, plus int) time.Time {
		if v == "" {
			return time.Time{}
		}
		t, err := time.ParseInLocation("2006-01-02", v, web.Amsterdam)
		if err != nil {
			d.Add(id, "Vul de datum in als jaar-maand-dag, bijvoorbeeld 2026-03-01.")
			return time.Time{}
		}
		return t.AddDate(0, 0, plus)
	}
	f.Van = datum("van", d.F.Van, 0)
	f.Tot = datum("tot", d.F.Tot, 1) // through the whole day
	if !f.Van.IsZero() && !f.Tot.IsZero() && !f.Tot.After(f.Van) {
		d.Add("tot", "De einddatum ligt voor de begindatum.")
	}
	f.ActorSoort = audit.SoortActor(d.F.ActorSoort)
	f.ActorID = d.F.ActorID
	f.Verwerkingsactiviteit, f.Operatie = d.F.Activiteit, d.F.Operatie
	f.Actie, f.Resultaat = audit.Actie(d.F.Actie), audit.Resultaat(d.F.Resultaat)
	if d.F.BSN != "" {
		if len(d.F.BSN) != 9 || strings.Trim(d.F.BSN, "0123456789") != "" {
			d.Add("bsn", "Een BSN heeft 9 cijfers.")
		} else {
			f.BSN = d.F.BSN
		}
	}
	if v := get("voor"); v != "" {
		fmt.Sscan(v, &f.VoorID)
	}
	return f
}

// auditLog shows the newest rows of the log (GET), or the rows matching the filter (POST), a page of
// 100 at a time. Viewing the log is itself logged.
func (s *server) auditLog(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	i := web.LoginUit(r.Context())
	d := &auditData{MagExport: auth.Mag(i.Actor, g.Code, auth.AuditExporteren),
		Acties:     []audit.Actie{audit.Aanmaken, audit.Lezen, audit.Wijzigen, audit.Verwijderen, audit.Exporteren},
		Resultaten: []audit.Resultaat{audit.OK, audit.Fout, audit.Geweigerd},
		Soorten:    []audit.SoortActor{audit.ActorGebruiker, audit.ActorSleutel, audit.ActorSysteem, audit.ActorInwoner}}
	f := s.leesAuditFilter(r, g.Code, d)
	status := http.StatusOK
	if len(d.Fouten) == 0 {
		f.Limiet = auditPagina + 1
		d.Regels, err = s.kit.Audit().Zoek(r.Context(), f)
		if err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
		if len(d.Regels) > auditPagina {
			d.Meer, d.Regels = true, d.Regels[:auditPagina]
			d.VoorID = d.Regels[len(d.Regels)-1].ID
		}
		if err := s.kit.Audit().Schrijf(r.Context(), audit.Verwerking{Gemeente: g.Code, Verwerkingsactiviteit: "audit.inzien",
			Operatie: "verwerkingslog.bekijken", Actie: audit.Lezen, BSN: f.BSN, Aantal: len(d.Regels), Object: "audit_log"}); err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
	} else {
		status = http.StatusUnprocessableEntity
		d.Page.Fout = true
	}
	s.vulStaff(&d.StaffPage, r, "Verwerkingslog", &g)
	s.pages.Render(w, r, status, "beheer_audit", d)
}

// auditCSV downloads every row matching the filter as CSV. The export is logged before the first byte
// is sent, so an export cannot happen unlogged.
func (s *server) auditCSV(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &auditData{}
	f := s.leesAuditFilter(r, g.Code, d)
	if len(d.Fouten) > 0 {
		s.kit.StaffError(w, r, http.StatusBadRequest, "Het filter klopt niet: "+d.Fouten[0].Bericht)
		return
	}
	f.VoorID = 0
	if err := s.kit.Audit().Schrijf(r.Context(), audit.Verwerking{Gemeente: g.Code, Verwerkingsactiviteit: "audit.inzien",
		Operatie: "verwerkingslog.exporteren", Actie: audit.Exporteren, BSN: f.BSN, Object: "audit_log"}); err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	naam := fmt.Sprintf("verwerkingslog-%s-%s.csv", g.Code, s.klok().In(web.Amsterdam).Format("20060102-1504"))
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+naam+`"`)
	h.Set("Cache-Control", "no-store")
	n, err := s.kit.Audit().ExporteerCSV(r.Context(), w, f)
	if err != nil {
		// Headers are sent; the truncated file is the signal. The log line says why.
		s.kit.Log().ErrorContext(r.Context(), "audit export", "gemeente", g.Code, "rijen", n, "fout", err)
		return
	}
	s.kit.Log().InfoContext(r.Context(), "verwerkingslog geëxporteerd", "gemeente", g.Code, "rijen", n)
}
