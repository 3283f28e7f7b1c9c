package aanvraagweb

import (
	"log/slog"
	"net/http"

	"github.com/zeker-platform/zeker/internal/aanvragen"
	"github.com/zeker-platform/zeker/internal/web"
)

// stilstanden says in B1 why and until when the decision term of in stands still (Awb 4:15 lid 1 onder
// a): the document asked, from which day, and the last day of the hersteltermijn while it is open. It
// is an explanation beside the stored deadline: when it cannot be read the page is shown without it.
func (s *server) stilstanden(r *http.Request, l *web.Taal, in *aanvragen.Inzage) []string {
	st, err := s.svc.Stilstanden(r.Context(), in.Gemeente, in.ID)
	if err != nil {
		slog.ErrorContext(r.Context(), "aanvraagweb: opschorting lezen", "err", err)
		return nil
	}
	var out []string
	for _, x := range st {
		doc := l.T("aanvraag.doc." + string(x.Soort))
		if x.Open {
			out = append(out, l.T("aanvraag.stilstand.open", "van", datumNL(x.Van), "document", doc, "tot", datumNL(x.Tot)))
		} else {
			out = append(out, l.T("aanvraag.stilstand.dicht", "van", datumNL(x.Van), "document", doc, "tot", datumNL(x.Tot)))
		}
	}
	return out
}
