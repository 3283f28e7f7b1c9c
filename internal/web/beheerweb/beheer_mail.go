package beheerweb

import (
	"net/http"
	"slices"

	"github.com/zeker-platform/zeker/internal/mail"
	"github.com/zeker-platform/zeker/internal/web"
)

type mailData struct {
	web.StaffPage
	Status    mail.Status
	Statussen []mail.Status
	Regels    []mail.Regel
	Max       int
}

// statusNamen are the Dutch names of the outbox's states.
var statusNamen = map[mail.Status]string{mail.Wacht: "Wacht", mail.Bezig: "Wordt verstuurd", mail.Verzonden: "Verzonden", mail.Mislukt: "Opgegeven"}

func mailStatusNaam(s mail.Status) string { return statusNamen[s] }

// beheerMail shows the gemeente's outgoing e-mail (the outbox of internal/mail): kind, masked
// recipient, subject, status, attempts, last error and times, filtered by ?status=. Never a body:
// bodies may carry what only the recipient may read (a resident's code), and they are wiped once sent.
func (s *server) beheerMail(w http.ResponseWriter, r *http.Request) {
	g, err := s.kit.Gemeente(r)
	if err != nil {
		s.kit.InternalError(w, r, err)
		return
	}
	d := &mailData{Statussen: mail.Statussen, Max: mail.MaxLijst}
	if st := mail.Status(r.URL.Query().Get("status")); slices.Contains(mail.Statussen, st) {
		d.Status = st
	}
	if s.mail != nil {
		if d.Regels, err = s.mail.Lijst(r.Context(), g.Code, d.Status); err != nil {
			s.kit.InternalError(w, r, err)
			return
		}
	}
	s.vulStaff(&d.StaffPage, r, "Uitgaande e-mail", &g)
	s.pages.Render(w, r, http.StatusOK, "beheer_mail", d)
}
