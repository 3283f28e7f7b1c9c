package scanweb

import (
	"net/http"

	"github.com/zeker-platform/zeker/internal/web"
)

// The ambtshalve proposals are judged in the aanvragen inbox (issue 19: one inbox holds both; accepting
// one makes the application-and-decision with its letter). The scan's old URLs of the list, a proposal
// and its decision form answer with a redirect there (303), so bookmarks and links keep working; a POST
// to the old decision URL decides nothing and shows the proposal in the inbox.

func (s *server) scanVoorstellen(w http.ResponseWriter, r *http.Request) {
	s.naarInbox(w, r, 0)
}

func (s *server) scanVoorstel(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r, "id")
	if !ok {
		s.kit.StaffError(w, r, http.StatusNotFound, "Dit voorstel bestaat niet.")
		return
	}
	s.naarInbox(w, r, id)
}

func (s *server) naarInbox(w http.ResponseWriter, r *http.Request, id int64) {
	if s.beoordelen == nil {
		s.kit.StaffError(w, r, http.StatusNotFound, "Voorstellen worden beoordeeld in de inbox van de aanvragen; die is hier niet ingericht.")
		return
	}
	http.Redirect(w, r, s.beoordelen(r.PathValue("gemeente"), id), http.StatusSeeOther)
}
